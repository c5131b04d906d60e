"""The service's contact line and emergency line in a template draft, taken from the articles.

Owns `contact_line` (the knowledge base's own sentence on how to reach the service, never an
emergency or fault number), `emergency_line` (the hotline sentence an urgent draft starts
with) and `emergency_phones` (the numbers the articles name as emergency, fault or 24 h lines).
Deterministic, no model.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from drafter.drafting.article_units import Unit, parse_article
from drafter.drafting.layout import as_line
from drafter.models import Passage
from drafter.privacy.patterns import EMAIL_RE

EMAIL = EMAIL_RE  # the one e-mail pattern (drafter.privacy.patterns)
PHONE = re.compile(r"(?<![\w-])\+?\d[\d /-]{6,}\d\b")


# a sentence continuing the one before it: "Oder …", "Or call …", "Sie können uns auch …",
# "You can also email …" (an alternative to a route the draft does not show)
_CONTINUES = re.compile(
    r"^(?:Oder|Or|Alternativ|Alternatively|Auch|Also|Ebenso|Außerdem)\b|"
    r"^(?:[^\s,;:]+\s+){1,3}(?:auch|also|alternativ|alternatively|ebenfalls)\b",
    re.I,
)
CONTINUES_PENALTY = 10.0  # below any sentence that stands alone


def contact_line(texts: Sequence[str], own_address: str = "") -> str:
    """The knowledge base's own sentence on how to reach the service (email and phone).

    Taken from the given article texts: the sentence naming an email address and a phone
    number that recur across the articles (the general service line, not a special one).
    A sentence naming an emergency or fault number (`emergency_phones`) is never the contact
    line: "Call from outside: 0431 5577-112 ..." under an IT question would send the
    customer to the gas emergency service.
    A sentence that continues another one ("Oder per E-Mail an …", "Or call …", "You can
    also email …") reads as a fragment on its own: it is shown without the continuing word
    (`standalone`), or, when that cannot be done ("Außerdem erreichen Sie uns …"), ranked
    below every sentence that stands alone.
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
        text = standalone(unit.text)  # "Or call …" -> "Call …"
        score -= CONTINUES_PENALTY if _CONTINUES.search(text) else 0.0
        key = (-score, unit.position, text)
        if best is None or key < best:
            best = key
    return as_line(best[2]) if best else ""  # a list item ends like a sentence


# a conjunction or an adverb that can go without changing the word order ("Außerdem
# erreichen Sie uns …" would need a new word order: it is only ranked down); German
# "Alternativ" only before a bare route ("Alternativ per E-Mail an …")
_OPENER = re.compile(r"^(?:Oder|Or|Alternatively|Alternativ),?\s+")
_INNER = re.compile(r"^((?:[^\s,;:]+\s+){1,3}?)(?:auch|also|alternativ|alternatively|ebenfalls)\s+")
_ROUTE_ONLY = re.compile(r"^(?:per|by|via|telefonisch|unter|at|on)\b", re.I)


def standalone(sentence: str) -> str:
    """`sentence` without the word that continued another one: "Or call 0431 …" -> "Call
    0431 …", "Oder per E-Mail an …" -> "Sie erreichen uns per E-Mail an …", "You can also
    email …" -> "You can email …"."""
    opener = _OPENER.match(sentence)
    if opener:
        rest = sentence[opener.end() :]
        word = opener.group(0).rstrip(", ")
        german = word in ("Oder", "Alternativ")
        if _ROUTE_ONLY.match(rest):
            return f"{'Sie erreichen uns' if german else 'You can reach us'} {rest}"
        if word == "Alternativ":
            return sentence  # "Alternativ können Sie …" needs its word order: ranked down
        return rest[:1].upper() + rest[1:]
    return _INNER.sub(r"\1", sentence, count=1)


_HOTLINE = re.compile(
    r"notfall|notruf|störung|24\s*h|24\s*stunden|rund um die uhr|emergenc|around the clock",
    re.IGNORECASE,
)


def _first_hotlines(texts: Sequence[str]) -> Iterator[tuple[int, Unit]]:
    """(1-based text number, unit) of each text's first unit that names a phone number and
    an emergency/24 h service."""
    for n, text in enumerate(texts, 1):
        for unit in parse_article(text, n):
            if PHONE.search(unit.text) and _HOTLINE.search(f"{unit.context} {unit.text}"):
                yield n, unit
                break


def emergency_line(texts: Sequence[str]) -> tuple[int, str]:
    """(1-based text number, sentence) of the first sentence that names a phone number and an
    emergency/24 h service; (0, "") when the texts have none."""
    return next(((n, unit.text) for n, unit in _first_hotlines(texts)), (0, ""))


def emergency_article(texts: Sequence[str]) -> int:
    """The 0-based number of the first text that tells the customer what to do in an
    emergency: its first emergency/24 h line is a sentence ("Handeln Sie sofort und rufen Sie
    ... an"), not a row of a contact table; -1 when none does."""
    return next((n - 1 for n, unit in _first_hotlines(texts) if unit.kind == "sentence"), -1)


def covers_emergency(passages: Sequence[Passage], articles: Sequence[str], language: str) -> bool:
    """Whether an article in the reply's language tells the customer what to do in an
    emergency (`emergency_article`): then an urgent mail is answered from it, never with a
    holding reply, whatever the gap decision doubts."""
    texts = [
        text
        for passage, text in zip(passages, articles, strict=False)
        if not passage.language or passage.language == language
    ]
    return emergency_article(texts) >= 0


_SPECIAL_LINE = re.compile(rf"{_HOTLINE.pattern}|24\s*/\s*7|\bfault\b", re.IGNORECASE)


def emergency_phones(units: Sequence[Unit]) -> set[str]:
    """Phone numbers a sentence of the articles names as an emergency, fault or 24 h line."""
    return {
        phone
        for unit in units
        if _SPECIAL_LINE.search(unit.text)
        for phone in PHONE.findall(unit.text)
    }
