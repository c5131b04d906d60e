"""Spans and the small text helpers every recognizer module shares.

`Span` is what a recognizer returns (start, end, type, why); `words`, `cased`, `word_start`,
`cue_lines` and `digit_lines` are the building blocks that keep the patterns fast (a cue
pattern runs only over the lines holding its cue or a digit).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from drafter.privacy.memos import customer_memo

_DIGIT = re.compile(r"\d")
# what may stand between a cue and its value: "ist", "lautet", ":", "#", "Nr." ...
VALUE_GAP = r"[ \t]*(?:ist|lautet|is|war|was|wäre|:|#|-|=|,|nr\.?|no\.?|number)*[ \t]*[:#,]?[ \t]*"


def words(text: str) -> frozenset[str]:
    """A set of words written as one string (keeps long word lists readable)."""
    return frozenset(text.split())


def cased(*fragments: str) -> str:
    """An alternation of regex fragments, each also with its first letter's case swapped.

    Every branch starts with a literal letter, which lets `re` skip ahead quickly (an
    `(?i:...)` group or a leading `\\b` makes it try every position, several times slower).
    """
    forms: list[str] = []
    for fragment in fragments:
        for form in (fragment, fragment[0].swapcase() + fragment[1:]):
            if form not in forms:
                forms.append(form)
    return "(?:" + "|".join(forms) + ")"


def word_start(text: str, index: int) -> bool:
    """True when `text[index]` does not continue a word (the check a leading \\b would do)."""
    return index == 0 or not (text[index - 1].isalnum() or text[index - 1] in "._-@")


def cue_lines(text: str, cues: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """(start, end) of the lines of `text` whose lowercase form holds one of `cues`: a
    pattern whose cue and value share a line runs over those lines only (a substring test
    is far cheaper than a case-insensitive alternation tried at every position)."""
    low, starts = _lines_lowered(text)
    hits: set[int] = set()
    for cue in cues:  # one search per line at most: after a hit, go on at the next line
        i = low.find(cue)
        while i >= 0:
            k = bisect.bisect_right(starts, i) - 1
            following = starts[k + 1] if k + 1 < len(starts) else len(low) + 1
            if i + len(cue) < following:  # the cue lies within line k
                hits.add(k)
            i = low.find(cue, following)
    for k in sorted(hits):
        end = starts[k + 1] - 1 if k + 1 < len(starts) else len(low)
        yield starts[k], end


@customer_memo
@lru_cache(maxsize=16)
def _lines_lowered(text: str) -> tuple[str, tuple[int, ...]]:
    """`text` in lowercase (same offsets) and the start of each of its lines."""
    low = text.lower()
    if len(low) != len(text):  # "İ" lowers to two characters: keep the offsets of `text`
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    starts, start = [], 0
    for line in low.split("\n"):
        starts.append(start)
        start += len(line) + 1
    return low, tuple(starts)


class Span(NamedTuple):
    start: int
    end: int
    type: str
    why: str = ""  # which recognizer (and cue) found it: shown by `mail parse --redact`


def digit_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines holding a digit: patterns whose value is a number and whose
    cue shares its line run over these lines only."""
    return list(_digit_lines(text))


@customer_memo
@lru_cache(maxsize=16)
def _digit_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Computed once per text: a redaction asks for the digit lines of its text ~20 times."""
    lines, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if _DIGIT.search(line):
            lines.append((start, end))
        start = end + 1
    return tuple(lines)
