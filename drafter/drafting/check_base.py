"""What the check modules share (drafter.drafting.checks, .harm, .support): their input
(`CheckInput`), the citation, link, e-mail, placeholder and number patterns, the stop and
letter words, content-word stems, sentence spans and the `unsupported_claim` warning.

Its own module so the check modules need not import each other for it (no import circle).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from drafter.models import DraftWarning, Passage
from drafter.privacy.patterns import EMAIL_RE, PLACEHOLDER_RE
from drafter.toolkit import stemmer

CITATION = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
PLACEHOLDER = PLACEHOLDER_RE  # the one placeholder pattern (drafter.privacy.patterns)
URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>()\"'\]]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|de|net|org|io|xyz|info|biz|co|ru|cn|app|ly)\b(?:/[^\s<>()\"'\]]*)?",
    re.I,
)
EMAIL = EMAIL_RE  # the one e-mail pattern (drafter.privacy.patterns)
NUMBER = re.compile(r"(?<![\w\[])\d(?:[\d.,:/ -]*\d)?(?:\s?(?:%|€|EUR|Euro|ct|kWh))?")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = _words(
    "this that with from have your about will would could should there their they them "
    "what when where which while been were also into than then these those here just only "
    "more most some such very much many each other please thank thanks dear regards "
    "eine einer einem einen dass wird werden sind haben ihre ihren ihrem ihnen bitte nicht "
    "auch noch oder aber wenn dann sehr unter über nach beim mit sich sowie dies diese "
    "dieser diesem diesen kann können sollen wurde wurden"
)


# Words of any service letter, so scrambled versions of them are recognised too.
_LETTER_WORDS = _words(
    "sehr geehrte geehrter damen herren hallo vielen dank danke nachricht anfrage freundlichen "
    "grüßen grüße viele beste bitte gerne melden kundenservice kundennummer vertrag antwort "
    "dear hello thank thanks message request regards kind best sincerely please customer "
    "service contact number contract answer help team"
)


# negation words: a sentence with one ("we never ask for your PIN") is no request or instruction
NEGATION = re.compile(
    r"\b(?:nie|niemals|nicht|keine?n?|niemandem|never|not|don't|do not|won't|no one|nobody)\b", re.I
)


@dataclass
class CheckInput:
    """Everything the checks look at."""

    body: str
    passages: Sequence[Passage]
    customer_text: str  # the customer's newest message and subject, real values
    language: str
    customer_address: str = ""
    finish_reason: str | None = "stop"
    extra_known: str = ""  # greeting, signature, brand: text drafter itself put there
    restore_problems: list[str] = field(default_factory=list)


def with_company_phones(data: CheckInput, phones: Sequence[str]) -> CheckInput:
    """`data` with the company's own phone numbers (settings) as known text: a reply giving
    the hotline is not inventing a figure when the cited article does not list it."""
    return replace(data, extra_known=" ".join([data.extra_known, *phones]))


def _stemmer(language: str) -> Any:
    """The toolkit's one Snowball stemmer cache: German for "de", English otherwise."""
    return stemmer("de" if language == "de" else "en")


def content_stems(text: str, language: str) -> set[str]:
    words = [w.lower() for w in _WORD.findall(text) if len(w) >= 4]
    words = [w for w in words if w not in _STOP]
    stemmer = _stemmer(language)
    return set(stemmer.stemWords(words)) | set(_stemmer("en").stemWords(words))


# a sentence ends at . ! ? before a capital; not at a German day before its month ("zum
# 15. Mai", "am 1. März"), which is one sentence
_MONTH_DE = (
    r"(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
)
# no sentence ends after an initial or a title ("K. Jablonski", "Dr. Meier", "Nr. 5")
_NO_END = (
    r"(?<!\b[A-ZÄÖÜ])(?<!\bDr)(?<!\bNr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bHr)(?<!\bFr)(?<!\bSt)"
)
_SENTENCE = re.compile(
    rf".+?(?:(?:(?<!\d){_NO_END}[.!?]|(?<=\d)[.!?](?!\s+{_MONTH_DE}\b))(?=\s+[^\s\da-zäöüß]|\s*$)|$)"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line of `text`."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text):
        start = match.start()
        for part in _SENTENCE.finditer(match.group(0)):
            piece = part.group(0)
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                spans.append((start + part.start() + lead, start + part.end()))
    return spans


def sentence_at(text: str, start: int) -> str:
    """The sentence (or line) of `text` holding offset `start`, as written: a warning's span."""
    for a, b in sentences(text):
        if a <= start < b:
            return text[a:b]
    return text[start : start + 80]


def unsupported(message: str, span: str) -> DraftWarning:
    """An `unsupported_claim` warning: `message` says why, `span` is the text it is about."""
    return DraftWarning(code="unsupported_claim", message=message, span=span)


# a sentence that declines a question or sends it elsewhere carries nothing out (used by
# drafter.drafting.checks' instruction echo)
DECLINED = re.compile(
    r"\b(?:can't|cannot|can not|unable to|not able to|(?:kann|können) (?:ich |wir )?"
    r"(?:ihnen |dir )?(?:leider )?(?:nicht|keine\w*))\s+(?:\w+\s+){0,2}?(?:advise|help|recommend|"
    r"say|tell|comment|answer|give|judge|assess|beraten|empfehlen|sagen|helfen|beurteilen|beantworten|geben|"
    r"nennen)\b"
    r"|\b(?:does not|doesn't|do not|don't) (?:list|cover|include|say)\b|\bnot listed\b"
    r"|\b(?:nicht aufgeführt|nicht (?:auf|ge)listet|keine angaben)\b",
    re.I,
)


def strip_markup(body: str) -> str:
    """`body` without its citation marks ([1]) and placeholders ([NAME_1])."""
    return PLACEHOLDER.sub(" ", CITATION.sub(" ", body))
