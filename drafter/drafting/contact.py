"""The service's contact line and emergency line in a template draft, taken from the articles.

Owns `contact_line` (the knowledge base's own sentence on how to reach the service, never an
emergency or fault number), `emergency_line` (the hotline sentence an urgent draft starts
with) and `emergency_phones` (the numbers the articles name as emergency, fault or 24 h lines).
Deterministic, no model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.drafting.article_units import Unit, parse_article
from drafter.drafting.layout import as_line
from drafter.privacy.patterns import EMAIL_RE

EMAIL = EMAIL_RE  # the one e-mail pattern (drafter.privacy.patterns)
PHONE = re.compile(r"(?<![\w-])\+?\d[\d /-]{6,}\d\b")


def contact_line(texts: Sequence[str], own_address: str = "") -> str:
    """The knowledge base's own sentence on how to reach the service (email and phone).

    Taken from the given article texts: the sentence naming an email address and a phone
    number that recur across the articles (the general service line, not a special one).
    A sentence naming an emergency or fault number (`emergency_phones`) is never the contact
    line: "Call from outside: 0431 5577-112 ..." under an IT question would send the
    customer to the gas emergency service.
    """
    units = [u for n, text in enumerate(texts, 1) for u in parse_article(text, n)]
    urgent = emergency_phones(units)
    counts: dict[str, int] = {}
    for unit in units:
        for found in {*EMAIL.findall(unit.text), *PHONE.findall(unit.text)}:
            counts[found] = counts.get(found, 0) + 1
    best: tuple[float, int, str] | None = None
    for unit in units:
        emails, phones = EMAIL.findall(unit.text), PHONE.findall(unit.text)
        if (not emails and not phones) or unit.text.endswith("?") or urgent & set(phones):
            continue
        score = sum(counts[x] for x in {*emails, *phones}) + 2.0 * (bool(emails) + bool(phones))
        score += 1.0 if own_address and own_address.lower() in unit.text.lower() else 0.0
        score -= len(unit.text.split()) / 20
        key = (-score, unit.position, unit.text)
        if best is None or key < best:
            best = key
    return as_line(best[2]) if best else ""  # a list item ends like a sentence


_HOTLINE = re.compile(
    r"notfall|notruf|störung|24\s*h|24\s*stunden|rund um die uhr|emergenc|around the clock",
    re.IGNORECASE,
)


def emergency_line(texts: Sequence[str]) -> tuple[int, str]:
    """(1-based text number, sentence) of the first sentence that names a phone number and an
    emergency/24 h service; (0, "") when the texts have none."""
    for n, text in enumerate(texts, 1):
        for unit in parse_article(text, n):
            if PHONE.search(unit.text) and _HOTLINE.search(f"{unit.context} {unit.text}"):
                return n, unit.text
    return 0, ""


_SPECIAL_LINE = re.compile(rf"{_HOTLINE.pattern}|24\s*/\s*7|\bfault\b", re.IGNORECASE)


def emergency_phones(units: Sequence[Unit]) -> set[str]:
    """Phone numbers a sentence of the articles names as an emergency, fault or 24 h line."""
    return {
        phone
        for unit in units
        if _SPECIAL_LINE.search(unit.text)
        for phone in PHONE.findall(unit.text)
    }
