"""A reply to an emergency checked against its article (`unsupported_claim`): the emergency
number given (the `emergency` notice for an urgent mail is drafter.drafting.engine's; the
hotline sentence a template draft starts with is drafter.drafting.contact.emergency_line).

A cited article that tells the reader to call a number at once ("Riechen Sie Gas? Handeln
Sie sofort und rufen Sie ... an: 0431 5577-112", "Act immediately and call ...") is an
emergency article. When the customer's mail speaks of that article's danger as something
happening now (a word of the article's title: "es riecht nach Gas", "a faint smell of gas";
or the article's own words for it, two in a row: "riecht nach faulen Eiern", "rotten eggs")
and the reply does not give that number, the reply answers an emergency with other advice
("let your plumber check it on Monday", "prüfen Sie die Verschraubung mit Spülmittelwasser"):
whatever it says instead, the article's first instruction is missing. A mail about a danger
that is over ("gestern hat es gerochen, Ihr Notdienst war da") needs no emergency line.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from drafter.drafting.check_base import sentences
from drafter.drafting.harm_sources import PHONE, _digits, _warn
from drafter.models import DraftWarning, InboundEmail, Passage
from drafter.triage import urgency

_AT_ONCE = re.compile(
    r"\b(?:sofort|umgehend|unverzüglich|immediately|at once|right away|without delay)\b", re.I
)
# the danger is over: it happened before and someone dealt with it ("seit gestern", "since
# yesterday" is a danger still there)
_OVER = re.compile(
    r"(?<!seit )(?<!since )\b(?:gestern|vorgestern|letzte[nr]? (?:woche|nacht)|yesterday|"
    r"last (?:week|night)|"
    r"(?:war|waren|kam|kamen) (?:\w+ )?(?:da|hier|vor ort|schnell)|came (?:out|round|by)|"
    r"was (?:here|fixed|repaired)|has been (?:fixed|repaired)|behoben|repariert)\b",
    re.I,
)
# what the reply tells the customer to wait for or do instead
_INSTEAD = re.compile(
    r"\b(?:warten|wait|bleiben|bis|until|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"sonntag|wochenende|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|"
    r"prüfen sie|check|no need|nicht nötig|keine sorge|termin\w*|appointments?|später|later)\b",
    re.I,
)


def emergency_numbers(passages: Sequence[Passage]) -> dict[str, set[str]]:
    """Per emergency article (kb_id): the digits of the numbers its at-once sentences give."""
    lines: dict[str, set[str]] = {}
    for passage in passages:
        for a, b in sentences(passage.text):
            sentence = passage.text[a:b]
            numbers = {_digits(m.group(0)) for m in PHONE.finditer(sentence)}
            numbers = {n for n in numbers if len(n) >= 6}
            if numbers and _AT_ONCE.search(sentence):
                lines.setdefault(passage.kb_id, set()).update(numbers)
    return lines


def _danger_words(title: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]{3,}", title)}


def _spoken_of(words: set[str], mail: str) -> bool:
    """A word of the mail is a title word or the start of one ('Gas' of 'Gasgeruch')."""
    for word in {w.lower() for w in re.findall(r"[^\W\d_]{3,}", mail)}:
        if any(t == word or t.startswith(word) or word.startswith(t) for t in words):
            return True
    return False


# words too common to tell a danger by: the company's name, greetings, service words
_COMMON = frozenset(
    {
        "stadtwerke",
        "nordlicht",
        "bitte",
        "please",
        "kunden",
        "customer",
        "service",
        "vielen",
        "dank",
        "thank",
        "thanks",
        "grüße",
        "regards",
        "unser",
        "unsere",
        "unseren",
        "ihre",
        "ihren",
        "your",
        "their",
        "there",
        "diese",
        "dieser",
        "einen",
        "einer",
        "about",
        "would",
        "could",
        "haben",
        "wurde",
        "werden",
        "heute",
        "today",
    }
)


def _phrases(text: str) -> set[tuple[str, str]]:
    """Pairs of adjacent words (4+ letters, not common) of `text`, lower case."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    return {
        (a, b)
        for a, b in itertools.pairwise(words)
        if len(a) >= 4 and len(b) >= 4 and not {a, b} & _COMMON
    }


def _told(passage: Passage, mail: str) -> bool:
    """The mail speaks of the article's danger: a word of its title ("Gasgeruch", "gas"), or
    the article's own words for it, two words in a row ("riecht nach faulen Eiern" under
    "Warnduftstoff, der nach faulen Eiern oder Kohl riecht", "smells like rotten eggs")."""
    if _spoken_of(_danger_words(passage.title), mail):
        return True
    return bool(_phrases(mail) & _phrases(passage.text.replace("**", "")))


def present_emergency(passages: Sequence[Passage], mail: str) -> bool:
    """A cited emergency article whose danger the mail reports as present."""
    if _OVER.search(mail):
        return False
    by_id = {p.kb_id: p for p in passages}
    return any(_told(by_id[kb_id], mail) for kb_id in emergency_numbers(passages))


def check_emergency(body: str, passages: Sequence[Passage], mail: str) -> list[DraftWarning]:
    """`unsupported_claim` for a reply that leaves out the emergency line of a cited
    emergency article whose danger the mail reports as present (see the module docstring)."""
    if _OVER.search(mail):
        return []
    given = _digits(body)
    by_id = {p.kb_id: p for p in passages}
    for kb_id, numbers in emergency_numbers(passages).items():
        if any(n in given for n in numbers):
            continue
        if not _told(by_id[kb_id], mail):
            continue
        spans = [body[a:b] for a, b in sentences(body) if _INSTEAD.search(body[a:b])]
        return [
            _warn(
                "unsupported_claim",
                f"the cited article {kb_id} says to call its emergency line at once; the reply "
                "does not give it and answers the emergency with other advice, check it",
                spans[0] if spans else "",
            )
        ]
    return []


# a sentence of an article that gives its round-the-clock or fault line
_ALWAYS_LINE = re.compile(
    r"\b(?:24[- ]?(?:hours?|h|stunden)|rund um die uhr|round the clock|around the clock|"
    r"störung\w*|fault line|notdienst\w*|emergency|notruf\w*|bereitschaft\w*)\b",
    re.I,
)
# a public emergency number given instead is no wrong line
_PUBLIC = re.compile(r"(?<![\d-])(?:110|112)(?![\d-])")


def fault_lines(passages: Sequence[Passage]) -> set[str]:
    """The digits of the numbers the cited articles give in a sentence about their 24-hour,
    fault or emergency line."""
    lines: set[str] = set()
    for passage in passages:
        text = passage.text.replace("**", "")
        for a, b in sentences(text):
            sentence = text[a:b]
            if _ALWAYS_LINE.search(sentence):
                found = {_digits(m.group(0)) for m in PHONE.finditer(sentence)}
                lines |= {n for n in found if len(n) >= 6}
    return lines


def check_urgent_line(body: str, passages: Sequence[Passage], mail: str) -> list[DraftWarning]:
    """`unsupported_claim` for a reply to a mail that reports an emergency happening now
    (drafter.triage.urgency: gas smell, carbon monoxide, fire or smoke at the meter, live
    cables, water at the electrics, the supply out for a life-safety device) that gives none
    of the 24-hour, fault or emergency lines the cited articles give, nor 110 or 112: an
    emergency sent to the office line, to "tomorrow from 8 am" or to a number of nobody's."""
    if _OVER.search(mail):
        return []
    reason = urgency(InboundEmail(subject="", body=mail))
    lines = fault_lines(passages) if reason else set()
    if not lines or _PUBLIC.search(body):
        return []
    given = {_digits(m.group(0)) for m in PHONE.finditer(body)}
    if given & lines:
        return []
    spans = [body[a:b] for a, b in sentences(body) if _INSTEAD.search(body[a:b])]
    spans += [body[a:b] for a, b in sentences(body) if PHONE.search(body[a:b])]
    spans += sorted((body[a:b] for a, b in sentences(body)), key=len, reverse=True)
    return [
        _warn(
            "unsupported_claim",
            f"the customer reports an emergency ({reason}); the reply gives none of the cited "
            "articles' 24-hour or emergency lines, check it",
            spans[0] if spans else "",
        )
    ]
