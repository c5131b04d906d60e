"""A guarantee stretched over what the cited article leaves out of it (`commitment`).

An article that says what a price guarantee covers often says what it does not ("Die
Preisgarantie ... gilt für Energiepreis und Netzentgelte. Änderungen von Steuern und
gesetzlichen Abgaben geben wir weiter.", "The price guarantee covers the energy price and grid
charges, not taxes and statutory levies."). A reply sentence that keeps the price fixed or
guaranteed and brings one of the left-out items into it ("bleiben ... garantiert gleich, auch
wenn Steuern oder Abgaben steigen", "your price is guaranteed, including taxes and levies")
promises more than the guarantee gives. A sentence that says the item is passed on or not
covered ("Steuern geben wir weiter", "not taxes") is the article's rule, not a promise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.drafting.check_base import sentences, strip_markup
from drafter.models import DraftWarning, Passage

_GUARANTEE = re.compile(r"\b(?:\w*garantie\w*|garantiert\w*|guarantee\w*)\b", re.I)
# what a guarantee can leave out: taxes, levies, surcharges
_ITEM = re.compile(
    r"\b(?:\w*steuer\w*|\w*abgaben?|\w*umlagen?|taxes|tax|vat|levies|levy|surcharges?)\b", re.I
)
# the article leaves it out: passed on, not covered, excepted
_LEFT_OUT = re.compile(
    r"\b(?:geben wir weiter|weiter(?:gegeben|geben|gereicht)|passed on|pass on|passes on|"
    r"not|nicht|excluded|excluding|except|ausgenommen|außer|only|nur)\b",
    re.I,
)
# the reply keeps the price fixed ...
_FIXED = re.compile(
    r"\b(?:garantiert|guaranteed|bleib\w*\s+(?:\w+\s+){0,6}?(?:gleich|stabil|fest|unverändert)|"
    r"(?:stays?|remains?|will stay|will remain)\s+(?:\w+\s+){0,4}?(?:the same|fixed|unchanged|"
    r"stable)|(?:won't|will not|does not|doesn't|cannot|can't|can not) (?:\w+ )?(?:change|rise|"
    r"go up|increase)|(?:kann|können) sich (?:\w+ ){0,6}?nicht (?:\w+ )?ändern|ändert sich nicht|"
    r"steigt nicht|fixed|fest)\b",
    re.I,
)
# ... and brings the left-out item into it
_INCLUDED = re.compile(
    r"\b(?:auch wenn|auch bei|selbst wenn|selbst bei|sogar|even if|even when|even though|"
    r"regardless of|unabhängig von|including|inklusive|inkl|einschließlich|samt|covers|"
    r"also covers|gilt auch für|deckt|umfasst|includes)\b",
    re.I,
)
# the item named as passed on or left out in the reply's own sentence
_ITEM_LEFT_OUT = re.compile(
    r"\b(?:nicht|not|no|kein\w*|außer|except|excluding|ausgenommen|ohne|without|nur|only|"
    r"geben wir \w* ?weiter|weitergeben|pass(?:ed|es)? on)\b",
    re.I,
)


# ... or after it: "... but taxes are passed on", "Steuern sind nicht enthalten"
_PASSED_ON = re.compile(
    r"\b(?:pass(?:ed|es)? on|not (?:included|covered)|excluded|geben wir\b[^.;]{0,20}\bweiter|"
    r"weitergegeben|weitergeben|nicht (?:enthalten|abgedeckt|umfasst|garantiert)|ausgenommen|"
    r"can (?:still )?(?:change|rise|go up)|können sich (?:\w+ )?ändern|können steigen)\b",
    re.I,
)


def left_out_items(passages: Sequence[Passage]) -> set[str]:
    """The items (taxes, levies) a cited article's guarantee sentences leave out of it."""
    found: set[str] = set()
    for passage in passages:
        text = strip_markup(passage.text).replace("**", "")
        spans = sentences(text)
        for i, (a, b) in enumerate(spans):
            sentence = text[a:b]
            before = text[spans[i - 1][0] : spans[i - 1][1]] if i else ""
            if not _ITEM.search(sentence) or not _LEFT_OUT.search(sentence):
                continue
            if _GUARANTEE.search(sentence) or _GUARANTEE.search(before):
                found |= {_kind(m.group(0)) for m in _ITEM.finditer(sentence)}
    return found


def _kind(word: str) -> str:
    word = word.lower()
    if re.search(r"steuer|tax|vat", word):
        return "tax"
    return "levy"


def check_guarantee_scope(body: str, passages: Sequence[Passage]) -> list[DraftWarning]:
    """`commitment` for a sentence that holds a price fixed even for what the cited article's
    guarantee leaves out (see the module docstring)."""
    items = left_out_items(passages)
    if not items:
        return []
    found: list[DraftWarning] = []
    for a, b in sentences(body):
        sentence = body[a:b]
        item = next((m for m in _ITEM.finditer(sentence) if _kind(m.group(0)) in items), None)
        if item is None or not _FIXED.search(sentence) or not _INCLUDED.search(sentence):
            continue
        if _ITEM_LEFT_OUT.search(sentence[max(0, item.start() - 30) : item.start()]):
            continue
        if _PASSED_ON.search(sentence[item.end() : item.end() + 50]):
            continue  # "taxes are passed on", "Steuern und Abgaben geben wir weiter"
        found.append(
            DraftWarning(
                code="commitment",
                message=f"the reply holds the price fixed even for {item.group(0)}; the cited "
                "article's guarantee leaves them out, check it",
                span=sentence.strip(),
            )
        )
    return found
