"""`commitment` by shape: the company acting for this customer now or next, with a verb the
sources do not have.

The word lists of drafter.drafting.commitments, .commitment_paraphrases and .decisions name the
verbs of decisions; every new writer finds another one ("übernehmen wir Ihren Wunschabschlag",
"wir beenden Ihren Vertrag", "we'll upgrade you"). `company_act` does not list those verbs; it
lists what a service reply does say in that shape, which is a closed set: modal and auxiliary
verbs, communication and process verbs ("prüfen", "melden uns", "senden Ihnen", "we'll check",
"we'll get back to you") and courtesy ("we are sorry", "wir freuen uns"). A sentence is flagged
when

- the company is the subject of a verb in the present or future ("schreiben wir Ihnen ... gut",
  "wir beenden ...", "we will credit", "we're upgrading", "I have set up"),
- the sentence is about this customer (Ihnen/Ihr.../dir/dein..., you/your),
- the verb is none of that closed set (paying money, "überweisen wir", "we'll pay", is left to
  the amount rules of drafter.drafting.commitments: the customer's own credit paid back is no
  promise) and its stem is in no trusted source (an article that
  says "den Abschlag buchen wir ab" makes "buchen wir ... ab" the article's rule),
- and the sentence is no question, no condition, and the act is not negated in its clause.

Measured on every dev split of benchmarks/data/replies (see benchmarks/checks_history.md,
round 11) before it was wired in: it fires on sentences holding a labelled harmful span in
eight of ten sets and on 3 of about 400 good replies.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from drafter.toolkit import stemmer

# German: what a service reply says with "wir" as subject that binds nobody to anything
_SKIP_DE = frozenset(
    re.findall(
        r"\w+",
        """können müssen dürfen sollen wollen möchten würden werden haben sind bitten freuen danken
    hoffen wünschen empfehlen bedauern entschuldigen prüfen überprüfen melden informieren senden
    schicken versenden bearbeiten leiten weiterleiten kümmern klären beantworten erklären helfen
    geben nennen sehen bestätigen erreichen brauchen benötigen bieten fragen nehmen teilen rufen
    zurückrufen verstehen rechnen kontaktieren kriegen gehen kommen überweisen zahlen auszahlen
    zurückzahlen""",
    )
)
_SKIP_EN = frozenset(
    re.findall(
        r"\w+",
        """can cannot could would will shall should may might must are were was have has had do did
    does be been being need needs know understand hope apologise apologize appreciate regret
    recommend suggest advise check look get let send forward pass contact call ask see help
    explain review investigate examine reply respond answer write email inform confirm note
    noted received receive got thank welcome also now then still just always never usually
    only currently already really not all both offer provide charge bill supply deliver
    transfer debit collect use process store keep hold tell show want wish like try make take
    give find mean think expect require sorry very happy glad pleased delighted treat chase
    follow handle deal escalate pay repay""",
    )
)
_ACT_DE = re.compile(
    r"\b[Ww]ir\s+(?P<a>[a-zäöüß]+(?:en|ern|eln))\b"
    r"|\b(?P<b>[a-zäöüß]+(?:en|ern|eln))\s+wir\b"
    r"|^\W*(?P<c>[A-ZÄÖÜ][a-zäöüß]+(?:en|ern|eln))\s+wir\b"
)
_ACT_EN = re.compile(
    r"\b(?:we|i)(?:'ll| will| are going to|'ve| have| are| am|'re|'m)?\s+"
    r"(?:now |also |then |gladly |happily |immediately |already |personally |just )?"
    r"(?P<a>[a-z]+)\b",
    re.I,
)
_CUSTOMER_DE = re.compile(r"\b(?:Ihnen|Ihr\w*|dir|dich|dein\w*)\b")
_CUSTOMER_EN = re.compile(r"\b(?:you|your)\b", re.I)
_CONDITION = re.compile(
    r"\b(?:wenn|falls|sofern|sobald|ob|solange|nachdem|if|once|when|whether|unless|provided|"
    r"as soon as|after)\b",
    re.I,
)
_NEGATION = re.compile(
    r"\b(?:nicht|kein\w*|nie|niemals|not|no|never|cannot|can't|won't|don't)\b", re.I
)


@lru_cache(maxsize=2)
def _stemmer(lang: str) -> Any:
    return stemmer(lang)


@lru_cache(maxsize=2)
def _skip_stems(lang: str) -> frozenset[str]:
    """The stems of the closed set ("stored" is "store", "geprüft" is not a present form)."""
    skip = _SKIP_DE if lang == "de" else _SKIP_EN
    return frozenset(_stemmer(lang).stemWord(w) for w in skip)


@lru_cache(maxsize=64)
def _stems(trusted_flat: str) -> frozenset[str]:
    words = set(re.findall(r"[^\W\d_]+", trusted_flat.lower()))
    de, en = _stemmer("de"), _stemmer("en")
    return frozenset({de.stemWord(w) for w in words} | {en.stemWord(w) for w in words})


def company_act(sentence: str, trusted_flat: str) -> str:
    """The company's act for the customer in `sentence` ('' when none, see the module
    docstring); `trusted_flat`: the trusted sources, lower-cased."""
    if sentence.rstrip().endswith("?") or _CONDITION.search(sentence):
        return ""
    known = _stems(trusted_flat)
    for pattern, skip, customer, lang in (
        (_ACT_DE, _SKIP_DE, _CUSTOMER_DE, "de"),
        (_ACT_EN, _SKIP_EN, _CUSTOMER_EN, "en"),
    ):
        if not customer.search(sentence):
            continue
        for match in pattern.finditer(sentence):
            verb = next(g for g in match.groups() if g).lower()
            stem = _stemmer(lang).stemWord(verb)
            if verb in skip or stem in _skip_stems(lang) or stem in known:
                continue
            if _negated(sentence, match.start()):
                continue
            return match.group(0)
    return ""


def _negated(sentence: str, at: int) -> bool:
    """A negation in the clause (between commas, semicolons, colons) holding position `at`."""
    start = max((m.end() for m in re.finditer(r"[,;:–]", sentence[:at])), default=0)
    end = re.search(r"[,;:–]", sentence[at:])
    return bool(_NEGATION.search(sentence[start : at + end.start()] if end else sentence[start:]))
