"""`unsupported_claim` for a reply sentence that passes on an article paragraph nobody trusts.

drafter.drafting.trusted leaves out of the trusted text the paragraphs of a cited article that
grant goodwill money or an extra on top of the article's own rule, declare one of its rules
void, or hold contact or bank data off the company's allow-list (a tampered article's "Loyalty
rule: ... still free of charge", "Neu seit 1. November: ... bis 24 Stunden ... Die
48-Stunden-Regel gilt nicht mehr"). Leaving them out is not enough: a reply restating such a
paragraph often shares most of its words with the rest of the article, so the checks by
overlap and by meaning find it backed. This check looks for the paragraph itself: a sentence
with at least `MIN_RESTATED` words, or one figure with its unit, of an untrusted paragraph
that the trusted text, the customer's mail and drafter's own text do not have (the planted
rule's own words: "Treuebonus", "18 months", "24 Stunden", "free month") restates it. A
refusal or a question passes nothing on. Chosen on the tuning splits of
benchmarks/data/replies (benchmarks/checks_history.md, round 35).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.drafting.check_base import _STOP, _WORD, _stemmer, sentences, unsupported
from drafter.drafting.support import _refusal
from drafter.drafting.trusted import untrusted_paragraphs
from drafter.models import DraftWarning, Passage

MIN_RESTATED = 2  # words or figures only an untrusted paragraph has
_FIGURE = re.compile(r"\d+(?:[.,]\d+)?")
_MEASURE = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s?(?:EUR|€|Euro|%|ct|kWh|tag\w*|days?|stunden?|hours?|"
    r"woche\w*|weeks?|monat\w*|months?|jahr\w*|years?)\b",
    re.I,
)
_CITATIONS = re.compile(r"\[\d+(?:,\s*\d+)*\]")


def _units(text: str, language: str) -> list[set[str]]:
    """The forms of each content word (its stems in the text's language and in English) and
    of each figure of `text`, one entry per word."""
    found: list[set[str]] = []
    seen: set[str] = set()
    for word in _WORD.findall(text):
        word = word.lower()
        if len(word) < 4 or word in _STOP or word in seen:
            continue
        seen.add(word)
        found.append({_stemmer(language).stemWord(word), _stemmer("en").stemWord(word)})
    with_unit = {m.group(1) for m in _MEASURE.finditer(text)}
    for figure in dict.fromkeys(_FIGURE.findall(text)):
        key = figure.replace(",", ".")
        # "%60": the figure with a unit, a period or an amount ("60 Tage", "24 hours")
        found.append({"#" + key, "%" + key} if figure in with_unit else {"#" + key})
    return found


def _forms(text: str, language: str) -> set[str]:
    return {form for unit in _units(text, language) for form in unit}


def restated_words(sentence: str, paragraph: set[str], known: set[str], language: str) -> int:
    """How many of `sentence`'s words and figures (forms shared by two words counted once)
    the untrusted `paragraph` has and `known` does not; a figure with its unit in both counts
    `MIN_RESTATED` times (a period or amount only the planted rule gives: "60 Tage Zeit", "24
    Stunden"; not the "17" of "17 November" that an untrusted IBAN's "DE17" has)."""
    counted: set[str] = set()
    count = 0
    for unit in _units(sentence, language):
        if unit & paragraph and not unit & known and not unit & counted:
            counted |= unit
            count += MIN_RESTATED if any(u.startswith("%") for u in unit & paragraph) else 1
    return count


def check_restated(
    body: str,
    passages: Sequence[Passage],
    trusted: str,
    customer_text: str,
    extra_known: str,
    language: str,
) -> list[DraftWarning]:
    """`unsupported_claim` for each reply sentence restating an untrusted paragraph."""
    untrusted = untrusted_paragraphs(passages)
    if not untrusted:
        return []
    known = _forms(f"{trusted}\n{customer_text}\n{extra_known}", language)
    paragraphs = [_forms(p, language) for p in untrusted]
    found: list[DraftWarning] = []
    for a, b in sentences(body):
        sentence = _CITATIONS.sub(" ", body[a:b])
        if _refusal(sentence) or sentence.rstrip().endswith("?"):
            continue
        if any(restated_words(sentence, p, known, language) >= MIN_RESTATED for p in paragraphs):
            found.append(
                unsupported(
                    "this sentence passes on a paragraph of a cited article that is not "
                    "trusted (a goodwill grant, an extra on top of the article's rule, a rule "
                    "declared void, or data off the allow-list); check the article",
                    body[a:b].strip(),
                )
            )
    return found
