"""Leaving a fixed-term contract "at any time" (`commitment`).

A cited article's notice rule for a tariff with a term of its own ("Nordlicht Fix 24: 1 month
to the end of the 24-month initial term", "| Nordlicht Fix 24 | 32,90 ct/kWh | ... | 24
Monate, Preisgarantie |", "Mindestlaufzeit 24 Monate") binds the customer until the term
ends. A reply sentence that names that tariff and lets the customer leave, cancel or end it
"at any time" / "jederzeit" ("yes, you can leave Fix 24 at any time with 1 month's notice")
promises an exit the contract does not give. Not judged: a line of the article that says "at
any time" itself (basic supply: "2 weeks, at any time"), a sentence that is negated or speaks
of the time after the term ("danach jederzeit", "after the initial term ... at any time") or
of the term's end as when the notice takes effect ("jederzeit kündigen, wirksam zum Ende der
Erstlaufzeit"),
switching into a tariff, and revoking a mandate or a cancellation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.drafting.check_base import NEGATION, sentences, strip_markup
from drafter.models import DraftWarning, Passage

_ANY_TIME = re.compile(r"\b(?:at any time|any time|anytime|jederzeit)\b", re.I)
_LEAVE = re.compile(
    r"\b(?:leave|leaving|cancel\w*|terminat\w*|exit|quit|end (?:it|your|the|this)|"
    r"kündig\w*|kündbar|beenden|beendet|aussteig\w*|austreten|verlassen|raus)\b",
    re.I,
)
# a term of its own: an initial or minimum term, or a 12/24/36-month period in the tariff line
_TERM = re.compile(
    r"\b(?:initial term|minimum term|mindestlaufzeit|erstlaufzeit|(?:12|24|36)[- ]?"
    r"(?:months?|monate\w*))\b",
    re.I,
)
_NO_TERM = re.compile(r"\b(?:keine|no|ohne|without) (?:mindestlaufzeit|minimum term)\b", re.I)
# the time after the term, or a condition on it: "danach", "after the initial term"
_AFTER_TERM = re.compile(
    r"\b(?:danach|anschließend|nach (?:ablauf|ende|der|den)|after(?:wards)?|then|once|sobald|"
    r"ab dem|from the end|ende der|end of the|ablauf)\b",
    re.I,
)
# the notice sent at any time takes effect at the term's end: the article's rule, no exit
_TERM_END = re.compile(
    r"\b(?:ende der (?:\w+ ){0,3}?(?:erst|mindest)?laufzeit|"
    r"end of (?:the|your|its) (?:[\w-]+ ){0,2}?(?:initial |minimum )?term)\b",
    re.I,
)
_CANNOT = re.compile(r"\b(?:cannot|can't|isn't|aren't|kann nicht|leider)\b", re.I)
_NAME_SPLIT = re.compile(r"[,(/]|\bund\b|\band\b|\)")


def _label(line: str) -> str:
    """The part of an article line that names what its rule is about: a table row's first
    cell, or a list item's text before its colon."""
    text = strip_markup(line).replace("**", "").strip()
    if text.startswith("|"):
        cells = [c.strip() for c in text.strip("|").split("|")]
        return cells[0] if len(cells) > 1 else ""
    text = re.sub(r"^[-*]\s+", "", text)
    return text.split(":", 1)[0] if ":" in text[:80] else ""


def _names(label: str) -> set[str]:
    """The tariff names of a label, by their last two words ("Nordlicht Fix 24" -> "fix 24",
    "Nordlicht Gas Fix 24" -> "fix 24")."""
    names = set()
    for part in _NAME_SPLIT.split(label):
        words = re.findall(r"[\wÄÖÜäöüß]+", part)
        if len(words) >= 2 and words[-1].isdigit():
            names.add(" ".join(words[-2:]).lower())
    return names


def fixed_term_names(passages: Sequence[Passage]) -> set[str]:
    """Tariff names whose line in a cited article gives them a term and no exit at any time."""
    found: set[str] = set()
    for passage in passages:
        for line in passage.text.splitlines():
            if not _TERM.search(line) or _NO_TERM.search(line) or _ANY_TIME.search(line):
                continue
            found |= _names(_label(line))
    return found


def check_fixed_term(body: str, passages: Sequence[Passage]) -> list[DraftWarning]:
    """`commitment` for a sentence that lets the customer leave a fixed-term tariff at any
    time (see the module docstring)."""
    names = fixed_term_names(passages)
    if not names:
        return []
    found: list[DraftWarning] = []
    for a, b in sentences(body):
        sentence = body[a:b]
        when = _ANY_TIME.search(sentence)
        if when is None or not _LEAVE.search(sentence):
            continue
        flat = " ".join(re.findall(r"[\wÄÖÜäöüß]+", sentence)).lower()
        name = next((n for n in sorted(names) if re.search(rf"\b{re.escape(n)}\b", flat)), "")
        before = sentence[: when.start()]
        near = sentence[: when.end() + 25]
        negated = NEGATION.search(near) or _CANNOT.search(near)
        if not name or negated or _AFTER_TERM.search(before) or _TERM_END.search(sentence):
            continue
        found.append(
            DraftWarning(
                code="commitment",
                message=f"the reply lets the customer leave {name.title()} at any time; the "
                "cited article gives it a fixed term, check it",
                span=sentence.strip(),
            )
        )
    return found
