"""Everyday words: the only keys a privacy memo may keep after a redaction ends.

Every memo keyed by a customer's words or values is emptied when a redaction ends
(drafter.privacy.memos). A worker meets the same everyday words ("Rechnung", "bitte",
"meter") in every mail, though, and the answers about them are the same for every mail: a
memo limited to them may outlive a redaction without holding anything of a customer.

An everyday word here is a word of the shipped word-frequency lists (wordfreq, German or
English) at least as frequent as `EVERYDAY_ZIPF` (about once in a million words) that no
shipped name or place list holds: not a first name (drafter's table, Faker's, the
middling and short names), not a surname (Faker's lists), not a town (drafter/data/towns.txt)
and not one of the first names that are also words ("Frank", "Sommer", "Koch"), and no
street's name ("Hauptstraße", "Lindenallee": a word ending in a street type).
A customer's name therefore never becomes a key, even when it is an everyday word, and
neither does a street or any value with a digit. A kept memo also stops growing at
`EVERYDAY_LIMIT` entries.

`everyday_memo` memoizes a pure function of one word so: every word until the redaction
ends, everyday words for good; `EverydayMemo` is the kept half for a method whose
answers depend on its object's settings too (drafter.privacy.freenames). Only tests that
cost more than a memo's lookup use them (the free-name word classes, the spelling key): a
word test of a set lookup or two keeps no memo (town starts and, since session 29, spoken
numbers: each asked once per distinct word of a text, drafter.privacy.towns and .spoken).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Generic, TypeVar

from drafter import firstnames
from drafter.privacy.gazetteer import AMBIGUOUS_NAMES, vocabulary
from drafter.privacy.memos import customer_memo
from drafter.privacy.towns import towns

EVERYDAY_ZIPF = 3.0
EVERYDAY_LIMIT = 20_000

T = TypeVar("T")
_MISSING = object()
_STREET_ENDS = ("straße", "strasse", "allee", "gasse", "platz", "damm", "chaussee", "street")


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """The casefolded everyday words (built once, with the vocabulary)."""
    vocab = vocabulary()
    places = towns()
    ambiguous = {name.casefold() for name in AMBIGUOUS_NAMES}
    names = vocab.first_names | vocab.middling_names | vocab.surnames
    frequent = {
        word
        for zipf in (vocab.zipf_de, vocab.zipf_en)
        for word, value in zipf.items()
        if value >= EVERYDAY_ZIPF * 10 and word.isalpha() and word == word.casefold()
    }
    return frozenset(
        word
        for word in frequent
        if not (
            word in names
            or (not word.isascii() and firstnames.fold(word) in names)
            or word in places
            or word in ambiguous
            or any(word.endswith(end) and word != end for end in _STREET_ENDS)
        )
    )


def everyday(word: str) -> bool:
    """Whether `word` is an everyday word of the public lists and no name or place."""
    return word.casefold() in everyday_words()


def everyday_memo(maxsize: int) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """A pure function of one word memoized twice: for the redaction by an `lru_cache` of
    `maxsize` that is emptied when it ends (`customer_memo`), and underneath for good, but
    only the answers about everyday words (`.kept`, at most `EVERYDAY_LIMIT`)."""

    def decorate(function: Callable[[str], T]) -> Callable[[str], T]:
        kept: dict[str, T] = {}

        @wraps(function)
        def remembered(word: str) -> T:
            found = kept.get(word, _MISSING)
            if found is _MISSING:
                found = function(word)
                if len(kept) < EVERYDAY_LIMIT and everyday(word):
                    kept[word] = found
            return found  # type: ignore[return-value]

        memoized = customer_memo(lru_cache(maxsize=maxsize)(remembered))
        memoized.kept = kept  # type: ignore[attr-defined]
        return memoized

    return decorate


class EverydayMemo(Generic[T]):
    """Answers about everyday words that outlive a redaction (at most `EVERYDAY_LIMIT`);
    `keep` refuses every other word, so the caller keeps those in a memo of the redaction."""

    def __init__(self) -> None:
        self.answers: dict[str, T] = {}

    def keep(self, word: str, answer: T) -> bool:
        """Remember `answer` for `word` if it is an everyday word (and there is room)."""
        if len(self.answers) >= EVERYDAY_LIMIT or not everyday(word):
            return False
        self.answers[word] = answer
        return True
