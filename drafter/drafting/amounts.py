"""The customer's own figures related to the rule a template draft quotes.

`relation` adds one computed line when the mail names the current and the wished amount and
the draft states an article's rule on lowering by a share ("Von 96 EUR auf 60 EUR sind es
38 % weniger."); `price_shares` one when the mail names the monthly price and the draft a
rule in shares of it ("Bei Ihrem Monatspreis von 64,99 EUR sind 10 % 6,50 EUR und 20 %
13,00 EUR."). Facts computed from the mail; whether and which rule applies stays the
agent's call.
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
    if not _LOWER_RULE.search(shown):
        return ""
    # the first wish to lower: "von 64 EUR auf 92 EUR ... zurück auf 64" is a rise, then the
    # wish to go back down from the amount named last before it
    for target in _TARGET.finditer(mail_text):
        before = [m for m in _CURRENT.finditer(mail_text) if m.end() <= target.start()]
        if not before:
            continue
        old, new = _value(before[-1].group(1)), _value(target.group(1))
        if not 0 < new < old:
            continue
        share = round(100 * (old - new) / old)
        old_text, new_text = before[-1].group(1), target.group(1)
        if language == "de":
            return f"Von {old_text} EUR auf {new_text} EUR sind es {share} % weniger."
        return f"From {old_text} EUR to {new_text} EUR is {share} % less."
    return ""


# the customer's monthly price: "64.99 a month", "39,99 EUR im Monat", "monatlich 39,99 €"
_MONTHLY = re.compile(
    rf"(?<![\d.,]){_AMOUNT}(?:{_CURRENCY})?\s+(?:a|per|each|every|im|pro|jeden|je)\s+"
    rf"(?:month|Monat)\b|\b(?:monatlich|monthly|Monatspreis|monthly price)\w*\s+"
    rf"(?:von\s+|of\s+)?{_AMOUNT}{_CURRENCY}",
    re.I,
)
# an article's rule in shares of the monthly price: "5 EUR oder 10 % des Monatspreises",
# "10 EUR or 20 % ... of the monthly price"
_PRICE_RULE = re.compile(r"\b(?:Monatspreis\w*|monthly price)\b", re.I)
_SHARE = re.compile(r"(?<![\d.,])(\d{1,2})\s?%")


def _money(value: float, language: str) -> str:
    text = f"{value:.2f}"
    return text.replace(".", ",") if language == "de" else text


def price_shares(mail_text: str, shown: str, language: str) -> str:
    """A line giving the shares of the customer's monthly price that the draft's rule names
    ("5 EUR oder 10 % des Monatspreises pro Tag" and a mail saying "We pay 64.99 a month" ->
    "With your monthly price of 64.99 EUR, 10 % is 6.50 EUR and 20 % is 13.00 EUR."); ''
    when the draft states no such rule or the mail names no monthly price. Computed from the
    mail; which amount applies stays the agent's call."""
    rule = _PRICE_RULE.search(shown)
    price = _MONTHLY.search(mail_text)
    if not rule or not price:
        return ""
    # the shares named around the rule: its sentence or list (the next lines may go on
    # "ab dem 5. Tag 10 EUR oder 20 % pro Tag")
    around = shown[max(0, rule.start() - 200) : rule.end() + 200]
    shares = list(dict.fromkeys(int(m.group(1)) for m in _SHARE.finditer(around)))
    shares = [p for p in shares if 0 < p < 100]
    amount = price.group(1) or price.group(2)
    if not shares or amount is None:
        return ""
    value = _value(amount)
    if value <= 0:
        return ""
    parts = [(p, _money(round(value * p / 100 + 1e-9, 2), language)) for p in shares]
    if language == "de":
        said = " und ".join(f"{p} % {v} EUR" for p, v in parts)
        return f"Bei Ihrem Monatspreis von {_money(value, language)} EUR sind {said}."
    said = " and ".join(f"{p} % is {v} EUR" for p, v in parts)
    return f"With your monthly price of {_money(value, language)} EUR, {said}."


# the sums a customer writes about, by the noun they name them with; each with the phrase a
# reply's thanks take them up in ("zu Ihrer Nachzahlung", "about your credit")
_NOUNS_DE = {
    "nachzahlung": "zu Ihrer Nachzahlung",
    "guthaben": "zu Ihrem Guthaben",
    "abschlag": "zu Ihrem Abschlag",
    "rückstand": "zu Ihrem Rückstand",
    "offene betrag": "zum offenen Betrag",
    "offener betrag": "zum offenen Betrag",
    "offenen betrag": "zum offenen Betrag",
    "erstattung": "zu Ihrer Erstattung",
}
_NOUNS_EN = {
    "back payment": "about your back payment",
    "additional payment": "about your additional payment",
    "credit": "about your credit",
    "credit balance": "about your credit",
    "monthly instalment": "about your monthly instalment",
    "instalment": "about your instalment",
    "monthly payment": "about your monthly payment",
    "refund": "about your refund",
    "arrears": "about your arrears",
}
_NAMED_DE = re.compile(
    r"\b(nachzahlung|guthaben|abschlag|rückstand|offene[rn]?\s+betrag|erstattung)"
    rf"\s+(?:(?:ist|war|liegt|beträgt|bei|noch|immer|von|über|in höhe von|mit)\s+){{0,3}}"
    rf"(?:ca\.\s*|rund\s+)?{_AMOUNT}{_CURRENCY}(?![\d]|[.,]\d)",
    re.I,
)
_NAMED_EN = re.compile(
    r"\b(back\s+payment|additional\s+payment|credit\s+balance|credit|monthly\s+instalment|"
    r"instalment|monthly\s+payment|refund|arrears)"
    r"\s+(?:(?:is|was|of|still|now|about|around)\s+){0,3}"
    rf"(?:(?:EUR|€)\s?{_AMOUNT}|{_AMOUNT}\s?(?:EUR|euros?|€))(?![\d]|[.,]\d)",
    re.I,
)


def _spelled(amount: str, language: str) -> str:
    """`amount` as written, its decimal mark the reply language's ("438.50" -> "438,50")."""
    whole, mark, cents = amount.rpartition("." if language == "de" else ",")
    if mark and len(cents) == 2 and whole.isdigit():
        return f"{whole}{',' if language == 'de' else '.'}{cents}"
    return amount


def named_amount(mail_text: str, language: str) -> str:
    """The first sum the mail names with what it is ("eine Nachzahlung von 612,80 €", "my
    credit of EUR 96.40", "offener Betrag 248,00 €"), as the reply's thanks take it up: "zu
    Ihrer Nachzahlung von 612,80 EUR", "about your credit of 96.40 EUR"; '' when the mail
    names none. The customer's own figure, repeated: nothing is said about it."""
    if language == "de":
        found = _NAMED_DE.search(mail_text)
        if not found:
            return ""
        head = _NOUNS_DE[" ".join(found.group(1).lower().split())]
        return f"{head} von {_spelled(found.group(2), language)} EUR"
    found = _NAMED_EN.search(mail_text)
    if not found:
        return ""
    head = _NOUNS_EN[" ".join(found.group(1).lower().split())]
    amount = found.group(2) or found.group(3)
    return f"{head} of {_spelled(amount, language)} EUR"
