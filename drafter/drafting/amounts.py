"""The customer's own figures related to the rule a template draft quotes.

`relation` adds one computed line when the mail names the current and the wished amount and
the draft states an article's rule on lowering by a share ("Von 96 EUR auf 60 EUR sind es
38 % weniger."). It is a fact computed from the mail; whether the request is granted stays
the agent's call.
"""

from __future__ import annotations

import re

_AMOUNT = r"(\d{1,5}(?:[.,]\d{1,2})?)"
_CURRENCY = r"\s?(?:EUR|Euro|€)"
# the customer's new amount: "auf 60", "auf 60 Euro", "to 110 EUR"
_TARGET = re.compile(rf"\b(?:auf|to)\s+{_AMOUNT}(?:{_CURRENCY})?(?![\d.,]*\s?(?:%|kwh|m³))", re.I)
_CURRENT = re.compile(rf"(?<![\d.,]){_AMOUNT}{_CURRENCY}\b", re.I)
# the article's rule on lowering by a share: "um mehr als 20 % unter den von uns berechneten
# Betrag senken", "lower it by more than 20 % below our calculated amount"
_LOWER_RULE = re.compile(
    r"\b(?:mehr als|more than)\s+\d{1,2}\s?%[^.!?]*\b(?:senken|lower|reduce)|"
    r"\b(?:senken|lower|reduce)\w*\b[^.!?]*(?:mehr als|more than)\s+\d{1,2}\s?%",
    re.I,
)


def _value(text: str) -> float:
    return float(text.replace(",", "."))


def relation(mail_text: str, shown: str, language: str) -> str:
    """A line relating the customer's wished amount to the article's rule on lowering it by a
    share, when the draft (`shown`) states that rule and the mail names the current amount
    and the new one ("der Abschlag ist 96 Euro ... auf 60 runtersetzen" -> "Von 96 EUR auf
    60 EUR sind es 38 % weniger."); '' otherwise. A fact computed from the mail: whether the
    request is granted stays the agent's call."""
    rule = _LOWER_RULE.search(shown)
    target = _TARGET.search(mail_text)
    if not rule or not target:
        return ""
    before = [m for m in _CURRENT.finditer(mail_text) if m.end() <= target.start()]
    if not before:
        return ""
    old, new = _value(before[-1].group(1)), _value(target.group(1))
    if not 0 < new < old:
        return ""
    share = round(100 * (old - new) / old)
    old_text, new_text = before[-1].group(1), target.group(1)
    if language == "de":
        return f"Von {old_text} EUR auf {new_text} EUR sind es {share} % weniger."
    return f"From {old_text} EUR to {new_text} EUR is {share} % less."
