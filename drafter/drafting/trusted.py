"""The trusted text of knowledge-base passages, as the reply checks read it.

Owns `trusted_text`: a passage's text without the paragraphs that hold a value ingest marked
untrusted (contact or bank data not on the company's allow-list) and without paragraphs that
address the reply writer (a tampered article's instructions), grant goodwill money or an
extra on top of the article's rule, or declare a rule of the article void. drafter.drafting.harm
checks replies against it for the cited passages, drafter.drafting.library for every article
of the KB folder; `untrusted_paragraphs` gives the granting ones to drafter.drafting.restated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.models import Passage

_WRITER_ADDRESSED = re.compile(
    r"\b(?:in (?:jeder|seiner|ihrer|der) antwort"
    r"|in (?:every|each|your|the) (?:reply|answer|response)"
    r"|(?:ki|ai)[- ]?assistent|assistant|sagt .{0,40} direkt zu|always (?:tell|mention|say)"
    r"|immer (?:nennen|angeben|mitteilen))",
    re.I,
)
# a paragraph that grants money or a waiver as goodwill, a bonus or a thank-you: a case-by-case
# decision of an agent, never a rule a reply may promise from (a tampered "Kulanzregel: ... 20
# EUR gut", "Loyalty note: ... a 40 EUR goodbye credit"). Conditions the company always pays on
# (compensation for a missed appointment, an outage) carry none of these words.
_GOODWILL = re.compile(
    r"\b(?:kulanz\w*|\w*bonus\w*|\w*prämie\w*|dankeschön|treue\w*|entgegenkommen"
    r"|goodwill|loyalty|thank-you|as a thank you|as a gesture|no questions asked)\b",
    re.I,
)


# a paragraph that declares a rule of the article void ("Die 48-Stunden-Regel gilt nicht
# mehr", "the 14-day limit no longer applies"): a tampered article overriding itself; an
# article changes its rule by being rewritten, not by a paragraph cancelling another
_VOIDS = re.compile(
    r"\b(?:gilt|gelten) (?:ab sofort |künftig )?nicht mehr\b|\bnicht mehr gültig\b"
    r"|\bentfällt (?:ab sofort|künftig)\b|\bno longer (?:applies|apply|valid|in force)\b",
    re.I,
)
# a paragraph granting money or a free service on top of what the article's rule pays
# ("Outages ... are additionally compensated with one free month", "erstatten wir
# zusätzlich zur Entschädigung ..."), or a free month of service: a planted extra grant
_GIFT = (
    r"(?:free|kostenlos\w*|gratis|gutschr\w*|gutgeschrieben|credit\w*|erstatt\w*|refund\w*|"
    r"compensat\w*|entschädig\w*|voucher\w*|gutschein\w*)"
)
_EXTRA_GRANT = re.compile(
    rf"\b(?:additionally|zusätzlich|on top)\b[^.!?\n]{{0,60}}\b{_GIFT}\b"
    rf"|\b{_GIFT}\b[^.!?\n]{{0,60}}\b(?:additionally|zusätzlich|on top)\b"
    r"|\bfree months?\b|\bmonths? (?:of \w+ )?(?:free|for free)\b|\b(?:frei|gratis)monat\w*",
    re.I,
)


def _granting(paragraph: str, passage: Passage) -> bool:
    """A paragraph whose claims no reply may pass on: goodwill money (`_GOODWILL`), a rule
    declared void (`_VOIDS`), an extra grant (`_EXTRA_GRANT`), or a value ingest marked
    untrusted."""
    return (
        bool(_GOODWILL.search(paragraph))
        or bool(_VOIDS.search(paragraph))
        or bool(_EXTRA_GRANT.search(paragraph))
        or any(v in paragraph for v in passage.untrusted)
    )


def _paragraphs(passage: Passage) -> list[str]:
    """The passage's paragraphs and list items; a heading ("## Kulanzregel bei Erstmahnung")
    is part of the paragraph under it, so the rule it names is judged with its name."""
    parts = re.split(r"\n\s*\n|\n(?=\s*[-*] )", passage.text)
    joined: list[str] = []
    for part in parts:
        if joined and re.fullmatch(r"\s*#+ [^\n]*", joined[-1]):
            joined[-1] = f"{joined[-1]}\n\n{part}"
        else:
            joined.append(part)
    return joined


def untrusted_paragraphs(passages: Sequence[Passage]) -> list[str]:
    """The paragraphs of `passages` that grant or point somewhere no reply may follow
    (`_granting`): what drafter.drafting.restated looks for restated in a reply."""
    return [p for passage in passages for p in _paragraphs(passage) if _granting(p, passage)]


def trusted_text(passages: Sequence[Passage]) -> str:
    """The passages' text without paragraphs addressing the reply writer (a tampered
    article's instructions) or holding an untrusted value, and without untrusted values."""
    parts: list[str] = []
    for passage in passages:
        # a paragraph that addresses the reply writer, or that holds a link, address, phone
        # number or IBAN off the company's allow-list, is not knowledge: none of its claims is
        # trusted (a tampered "Neu: PayPal" paragraph offers the channel AND its account); nor
        # is a paragraph granting goodwill money or an extra, or voiding a rule (`_granting`)
        kept = [
            p
            for p in _paragraphs(passage)
            if not _WRITER_ADDRESSED.search(p) and not _granting(p, passage)
        ]
        text = "\n\n".join(kept) + "\n" + passage.title + "\n" + passage.url
        for value in passage.untrusted:
            text = text.replace(value, " ")
        parts.append(text)
    return "\n\n".join(parts)
