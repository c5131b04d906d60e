"""Advice against the cited article's own prohibitions and urgency (`unsupported_claim`).

Two classes, both judged against the cited articles only (no list of dangers of our own):

- the reply tells the customer to do what a cited article forbids: an article sentence that
  forbids an act as an order ("Never reopen a sealed valve yourself", "Öffnen Sie gesperrte
  Absperrhähne niemals selbst", "do not use light switches"; "Haben Sie keine Bestätigung
  erhalten, ..." is a condition) and a clause of the reply, addressed to the
  customer and not negated, that names the forbidden verb and the same act (MIN_SHARED, and
  half, of its content words: "you can carefully reopen the valve yourself");
- the reply puts off what an emergency article says to do at once: the article has an
  at-once call sentence (drafter.drafting.emergency_advice), the mail reports the danger as
  present, and the reply's call sentence waits for a time or for the danger to persist
  ("wenn er nach einer Stunde nicht schwächer ist, rufen Sie unseren Notdienst an", "if the
  smell is still there in an hour, call us").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.drafting.check_base import (
    NEGATION,
    content_stems,
    sentences,
    strip_markup,
    unsupported,
)
from drafter.models import DraftWarning, Passage

MIN_SHARED = 2  # content words of the forbidden act a reply clause must name
# the words after a negation that make the forbidden act: "Never | reopen a sealed valve
# yourself", "do not | use light switches", "Öffnen Sie gesperrte Absperrhähne | niemals selbst"
_FORBID = re.compile(
    # "Never reopen ...", "Do not use ...", "- Don't ..." at the start of a clause
    r"^\W*(?:\d+\.\s*)?(?i:never|do not|don't)\s+(?P<en>[a-z]+)"
    # "Öffnen Sie gesperrte Absperrhähne niemals selbst", "Betätigen Sie keine Lichtschalter"
    r"|^\W*(?:\d+\.\s*)?(?P<de>[A-ZÄÖÜ][a-zäöüß]+) Sie\b(?=[^,;]*\b(?:niemals|nie|keine?n?)\b)",
)
_CLAUSE = re.compile(r"[^,;:]+")
# a German verb-first clause that is a condition ("Haben Sie keine Bestätigung erhalten, ..."),
# not an order: conjunctions and auxiliaries
_NO_ORDER = frozenset(
    re.findall(r"\w+", "wenn falls sofern haben hat sind ist wird werden können kann sollten")
)
# a clause addressed to the customer as something to do
_TO_DO = re.compile(
    r"\b(?:you (?:can|could|may|should|might|just|simply|then|first)|please|try|"
    r"(?:können|sollten|dürfen|müssen) sie|sie (?:können|sollten|dürfen)|bitte|"
    r"[a-zäöüß]+en sie)\b",
    re.I,
)
_CALL = re.compile(
    r"\b(?:call|ring|phone|rufen|anrufen|ruf|wählen|melden sie sich)\b|\bnotdienst\b|"
    r"\bemergency (?:service|line|number)\b",
    re.I,
)
# waiting before the call: a time, or the danger lasting
_PUT_OFF = re.compile(
    # a time to wait first (not "in 30 minutes": when the team arrives after the call; not
    # "warten Sie draußen auf den Bereitschaftsdienst", the article's own step after it)
    r"\b(?:nach (?:einer|einigen|zwei|\d+) (?:stunde|stunden|minuten|tag)|"
    r"after (?:an|one|a few|\d+|half an) (?:hours?|minutes)|abwarten|"
    r"warten sie (?:eine|einige|\d+|ein paar) (?:stunde|stunden|minuten)|"
    r"wait (?:for )?(?:an|one|\d+|half an|a few|a couple of) (?:hours?|minutes)|"
    # ... or the danger to last
    r"nicht schwächer|schwächer wird|stärker wird|anhält|doesn't go away|does not go away|"
    r"persists|gets stronger|is still there|morgen|tomorrow|am montag|on monday|"
    # ... said with other verbs: "if the smell continues", "wenn der Geruch bestehen bleibt"
    # (not "if the smell comes back": a new smell, after the call the reply already asks for)
    r"continues|lingers|does not stop|doesn't stop|bestehen bleibt|weiter besteht|"
    r"weiterhin besteht|nicht verschwindet|nicht weggeht|nicht nachlässt)\b",
    re.I,
)


_NO_WAIT = re.compile(
    r"\b(?:(?:ab)?warten sie nicht|nicht (?:ab)?warten|ohne zu warten|don't wait|do not wait|"
    r"never wait|without waiting)\b",
    re.I,
)


def _forbidden_acts(passages: Sequence[Passage], language: str) -> list[tuple[str, str, str]]:
    """(sentence, verb, clause) for each prohibition of the articles: the forbidden verb and
    the clause that names the act."""
    acts: list[tuple[str, str, str]] = []
    for passage in passages:
        text = passage.text.replace("**", "")
        for a, b in sentences(text):
            sentence = text[a:b]
            for part in _CLAUSE.finditer(sentence):
                clause = part.group(0)
                forbid = _FORBID.search(clause)
                if forbid and (forbid.group("de") or "").lower() in _NO_ORDER:
                    continue
                if forbid:
                    verb = forbid.group("en") or forbid.group("de")
                    acts.append((sentence.strip(), verb, clause))
    return acts


def _named(clause: str, act: str, language: str) -> int:
    """How many content words of `clause` the forbidden `act` names (each word once, in any
    of its stems)."""
    known = content_stems(act, language)
    words = {w.lower() for w in re.findall(r"[^\W\d_]{4,}", clause)}
    return sum(bool(content_stems(w, language) & known) for w in words)


def _needed(act: str) -> int:
    """Words of the act a clause must name: MIN_SHARED, and half of a longer act's ("report
    the smell by phone" is not "report a gas smell by email or through the customer portal")."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]{4,}", _FORBID.sub(" ", act))}
    return max(MIN_SHARED, (len(words) + 1) // 2)


def check_forbidden(body: str, passages: Sequence[Passage], language: str) -> list[DraftWarning]:
    """`unsupported_claim` for a reply clause that tells the customer to do an act a cited
    article forbids (see the module docstring)."""
    acts = _forbidden_acts(passages, language)
    if not acts:
        return []
    text = strip_markup(body)
    for a, b in sentences(text):
        sentence = text[a:b]
        for clause in re.split(r"[,;:]|\b(?:and|und|then|dann)\b", sentence):
            if NEGATION.search(clause) or not _TO_DO.search(clause):
                continue
            for forbidding, verb, act in acts:
                verb_named = content_stems(verb, language) & content_stems(clause, language)
                if verb_named and _named(clause, act, language) >= _needed(act):
                    return [
                        unsupported(
                            "the reply tells the customer to do what the cited article "
                            f"forbids ({forbidding!r}); check it",
                            sentence.strip(),
                        )
                    ]
    return []


def check_put_off(body: str, at_once: bool) -> list[DraftWarning]:
    """`unsupported_claim` for a call to the emergency line put off by a wait or a condition
    that the danger lasts, when an emergency article says to call at once (`at_once`: it
    does, and the mail reports the danger as present)."""
    if not at_once:
        return []
    text = strip_markup(body)
    for a, b in sentences(text):
        sentence = text[a:b]
        put_off = _put_off(sentence)
        if _CALL.search(sentence) and put_off:
            return [
                unsupported(
                    "the cited emergency article says to call at once; the reply puts the "
                    f"call off ({put_off!r}), check it",
                    sentence.strip(),
                )
            ]
    return []


def _put_off(sentence: str) -> str:
    """The wait in `sentence` that is not itself refused ("warten Sie nicht", "don't wait")."""
    if _NO_WAIT.search(sentence):
        return ""
    match = _PUT_OFF.search(sentence)
    return match.group(0) if match else ""
