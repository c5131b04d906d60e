"""An amount threshold of the knowledge base compared with the customer's own amount.

Articles set limits in euros: "Möglich für Nachzahlungen und offene Beträge ab 100 EUR",
"Additional payments of 100 EUR or more can be split". A customer who names the amount in
question ("eine Nachzahlung von 612,80 €") wants to know which side of the limit it is on.
`compared` writes one line under the paragraph stating the limit: "Zum Vergleich: Ihr Betrag
von 612,80 EUR liegt über 100 EUR." A computed fact; whether the rule applies stays the
agent's call. A floor ("Der Abschlag beträgt mindestens 10 EUR") is not compared: every
amount a customer names passes it, and "Ihr Betrag von 95 EUR liegt über 10 EUR" tells
nobody anything.

The customer's amount must be named near a word of the limit's subject ("Nachzahlung" in the
mail, "Nachzahlungen … ab 100 EUR" in the article; drafter.drafting.deadlines links words the
same way), and only one amount of the mail may be so linked: a monthly instalment of 95 EUR
is not compared with a limit for additional payments.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from drafter.drafting.amounts import price_shares
from drafter.drafting.conditions import words
from drafter.drafting.deadlines import place_deadline, related
from drafter.drafting.switch_dates import applied_switch

_NUMBER = r"(\d{1,5}(?:[.,]\d{1,2})?)"
_LIMIT = re.compile(
    rf"\b(?P<op>ab|über|unter|höchstens|mehr als|weniger als|from|over|"
    rf"under|more than|less than|of)\s+{_NUMBER}\s?(?:EUR|Euro|€)(?P<more>\s+or more)?",
    re.I,
)
_AMOUNT = re.compile(rf"(?<![\d.,]){_NUMBER}\s?(?:EUR|Euro|€)|€\s?{_NUMBER}", re.I)
WINDOW = 40  # characters before and after the customer's amount searched for the subject
SUBJECT_WORDS = 6  # words before the limit naming what it is for


def _value(text: str) -> float:
    return float(text.replace(".", "").replace(",", ".") if "," in text else text)


def _subject(sentence: str, start: int) -> set[str]:
    """The content words naming what the limit is for: the words before it in its sentence."""
    head = re.split(r"[.:;!?]\s", sentence[:start])[-1]
    return words(" ".join(re.findall(r"[^\W\d_]+", head)[-SUBJECT_WORDS:]))


def compared(mail_text: str, block: str, language: str) -> str:
    """The line comparing the customer's amount with the first euro limit of `block` whose
    subject the mail names next to one amount, '' when none (see the module docstring)."""
    for limit in _LIMIT.finditer(block):
        op = limit.group("op").lower()
        if op == "of" and not limit.group("more"):
            continue  # "a fee of 59 EUR" is a price, not a limit
        subject = _subject(block, limit.start())
        if not subject:
            continue
        linked = set()
        for found in _AMOUNT.finditer(mail_text):
            near = words(mail_text[max(0, found.start() - WINDOW) : found.end() + WINDOW])
            if any(related(w, n) for w in subject for n in near if len(w) >= 5):
                linked.add(found.group(1) or found.group(2))
        if len(linked) != 1:
            continue
        own = linked.pop()
        value, bound = _value(own), _value(limit.group(2))
        if language == "de":
            side = "über" if value > bound else "unter" if value < bound else "genau bei"
            return f"Zum Vergleich: Ihr Betrag von {own} EUR liegt {side} {limit.group(2)} EUR."
        side = "above" if value > bound else "below" if value < bound else "exactly at"
        return f"For comparison: your amount of {own} EUR is {side} {limit.group(2)} EUR."
    return ""


def applied_rules(
    block: str, mail_text: str, sent: datetime | None, language: str, done: set[str]
) -> tuple[str, list[str]]:
    """`block` (one article's text in a template draft) with the knowledge base's rules applied
    to the customer's own figures: the deadline line inside it (drafter.drafting.deadlines),
    the earliest tariff-switch date for the mail's date (drafter.drafting.switch_dates),
    and the lines to put below it: that line when the rule ends the block, the shares of the
    monthly price (drafter.drafting.amounts), the comparison with a euro limit. `done` holds
    the kinds already written in this draft (a deadline and a comparison come once)."""
    below: list[str] = []
    if "deadline" not in done:
        placed, last = place_deadline(block, mail_text, sent, language)
        if last or placed != block:
            done.add("deadline")
        block, below = placed, [last] if last else []
    if "switch" not in done:
        placed, last = _below_paragraph(
            block, lambda part: applied_switch(part, mail_text, sent, language)
        )
        if last or placed != block:
            done.add("switch")
        block, below = placed, below + ([last] if last else [])
    shares = price_shares(mail_text, block, language)
    below += [shares] if shares else []
    if "limit" not in done:
        placed, last = _below_paragraph(block, lambda part: compared(mail_text, part, language))
        if last or placed != block:
            done.add("limit")
        block, below = placed, below + ([last] if last else [])
    return block, below


def _below_paragraph(block: str, line_for: Callable[[str], str]) -> tuple[str, str]:
    """(`block` with `line_for`'s line right after the first paragraph it writes one for,
    the line when that is the block's last paragraph: it goes after the block's citation)."""
    parts = block.split("\n\n")
    for i, part in enumerate(parts):
        line = line_for(part)
        if line and i == len(parts) - 1:
            return block, line
        if line:
            return "\n\n".join([*parts[: i + 1], line, *parts[i + 1 :]]), ""
    return block, ""
