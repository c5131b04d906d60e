"""Numbers dictated as words: "null vier drei eins, sieben acht zwei", "oh seven seven double
oh nine", "K D dash seven seven one zero four".

Customers who fear a digit-scanning filter, or who dictate into a phone, spell phone,
customer and account numbers out. A run of number words (German or English digits, "double"/
"doppel", "hundred"/"hundert", the tens and teens) worth at least six digits is a number
somebody owns and is hidden like a long number; spelled letters and "dash"/"Strich" right in
front of or inside the run belong to it ("K D dash ..."). Short runs stay ("eins zwei drei",
"one or two"): everyday prose rarely strings five number words together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from drafter.privacy.spans import Span, words

_DIGITS = words(
    """
    null eins ein zwei zwo drei vier fünf fuenf sechs sieben acht neun
    zero oh one two three four five six seven eight nine nought
    """
)
_TENS = words(
    """
    zehn elf zwölf zwoelf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn
    zwanzig dreißig dreissig vierzig fünfzig fuenfzig sechzig siebzig achtzig neunzig
    ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty
    thirty forty fifty sixty seventy eighty ninety
    """
)
_REPEAT = {"double": 2, "doppel": 2, "doppelte": 2, "triple": 3, "dreifach": 3}
_HUNDRED = ("hundred", "hundert", "thousand", "tausend")
_JOINERS = ("dash", "hyphen", "strich", "bindestrich", "minus", "slash", "schrägstrich")
_WORD = re.compile(r"[^\W\d_]+")
_GAP = re.compile(r"[ \t]*[,\-–/]?[ \t]*")  # words of one run: spaces, a comma or a dash
MIN_DIGITS = 6


_COMPOUND_TENS = re.compile(
    r"(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und"
    r"(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)"
)


def _worth(word: str) -> int:
    """How many digits a number word stands for (0: not a number word)."""
    low = word.casefold()
    if low in _DIGITS:
        return 1
    if low in _HUNDRED or low in _TENS or ("und" in low and _COMPOUND_TENS.fullmatch(low)):
        return 2
    return 0


_ALL = _DIGITS | _TENS | frozenset(_HUNDRED)
# the cheap test first: most mails dictate nothing (at least three number words needed)
_ANY = re.compile(
    r"(?i)(?<!\w)(?:"
    + "|".join(sorted(_DIGITS | _TENS | frozenset(_HUNDRED), key=len, reverse=True))
    + r"|\w+und\w+zig)(?!\w)"
)


def find_spoken_numbers(text: str) -> Iterator[Span]:
    """NUMBER spans for runs of number words worth at least six digits."""
    for start, end in _clusters(text):
        yield from _runs(text, list(_WORD.finditer(text, start, end)))


def _clusters(text: str) -> list[tuple[int, int]]:
    """(start, end) of the stretches holding three or more number words close together: the
    cheap test first, most mails dictate nothing ("one or two" stays out)."""
    out: list[tuple[int, int]] = []
    words = text.lower().split()
    first_three = islice((w for w in words if w.strip(",.;:!?()-") in _ALL), 3)
    if len(list(first_three)) < 3:  # counting stops at the third
        return out  # a set lookup per word is far cheaper than the case-blind regex
    hits = _number_words(text)
    i = 0
    while i < len(hits):
        j = i
        while j + 1 < len(hits) and hits[j + 1].start() - hits[j].end() <= 16:
            j += 1
        if j - i >= 2:
            out.append((max(0, hits[i].start() - 40), min(len(text), hits[j].end() + 1)))
        i = j + 1
    return out


_RUN = re.compile(r"\w+")
_ALL_FOLDED = frozenset(w.casefold() for w in _ALL)
_FOLD_FIXES = (("ı", "i"), ("İ", "i"), ("ſ", "s"), ("K", "k"))


def _number_words(text: str) -> list[re.Match[str]]:
    """The matches of `_ANY` in `text`, found word by word: a match is a whole run of word
    characters, so each distinct run that may be a number word (a set lookup) is looked up
    again in the text and tried with `_ANY` alone there (the case-blind alternation tried at
    every position is the slow part, and so is a Python step for every word of the text)."""
    wanted = [
        word
        for word in set(_RUN.findall(text))
        if (  # an ASCII word inline (its casefold is its lowercase), any other by the function
            ((low := word.lower()) in _ALL_FOLDED or ("und" in low and low.endswith("zig")))
            if word.isascii()
            else _may_be_number(word)
        )
    ]
    out = [
        m
        for word in wanted
        for start in _runs_of(text, word)
        if (m := _ANY.fullmatch(text, start, start + len(word))) is not None
    ]
    return sorted(out, key=lambda m: m.start())


def _may_be_number(word: str) -> bool:
    """May `word` (a run of word characters) be a number word? No memo: `_number_words` asks
    once per distinct word of a text (the bench's 4 KB mail: 445 words, none asked twice in
    one redaction), so a memo emptied with every redaction cost its miss, insert and clear."""
    if not word.isascii():  # letters `re` matches case-blind but casefold keeps apart
        for special, plain in _FOLD_FIXES:
            word = word.replace(special, plain)
    folded = word.casefold()
    return folded in _ALL_FOLDED or ("und" in folded and folded.endswith("zig"))


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what `\w` matches in a str pattern


def _runs_of(text: str, word: str) -> Iterator[int]:
    """Where `word` (word characters only) stands in `text` as a whole run of word characters."""
    size = len(word)
    i = text.find(word)
    while i >= 0:
        if not (i and _word_char(text[i - 1])) and not (
            i + size < len(text) and _word_char(text[i + size])
        ):
            yield i
        i = text.find(word, i + 1)


def _runs(text: str, tokens: list[re.Match[str]]) -> Iterator[Span]:
    i = 0
    while i < len(tokens):
        if not _worth(tokens[i].group()):
            i += 1
            continue
        j, digits, last = i, 0, i
        while j < len(tokens):
            word = tokens[j].group()
            if j > i and not _GAP.fullmatch(text, tokens[j - 1].end(), tokens[j].start()):
                break
            low = word.casefold()
            if _worth(word):
                digits += _worth(word)
                last = j
            elif low in _REPEAT and j + 1 < len(tokens) and _worth(tokens[j + 1].group()):
                digits += _REPEAT[low] - 1
            elif not (low in _JOINERS or (len(word) == 1 and word.isupper())):
                break
            j += 1
        if digits >= MIN_DIGITS:
            first = i
            while first > 0 and _letter_or_joiner(text, tokens, first - 1):
                first -= 1  # "K D dash seven ...": the spelled prefix is part of the number
            yield Span(
                tokens[first].start(), tokens[last].end(), "NUMBER", "number dictated as words"
            )
        i = max(j, i + 1)


def _letter_or_joiner(text: str, tokens: list[re.Match[str]], k: int) -> bool:
    word = tokens[k].group()
    if not _GAP.fullmatch(text, tokens[k].end(), tokens[k + 1].start()):
        return False
    return (len(word) == 1 and word.isupper()) or word.casefold() in _JOINERS
