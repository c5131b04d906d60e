"""Which name parts a drafted greeting writes are a person's, before the engine hides them.

The greeting may write what the sign-off reading took for a name ("Guten Tag Amtsgericht
Kiel," from a forwarded court letter, "Sehr geehrter Herr Newsletter,"). The engine hides every
such part the redacted mail still shows (`drafter.drafting.writers.shown_names`); this filter
leaves out the parts that are nobody's name: a stop, KB or company word, a German compound noun
or an everyday word that no name list knows, and an organisation (such a word first, its town
after it) with its words. A rare word, an initial or a listed name stays a name ("Ji-hoon",
"K.-D.", "Koch").
"""

from __future__ import annotations

from collections.abc import Callable

from drafter.privacy.freenames import FreeNames
from drafter.privacy.freewords import _compound, two_words

_EVERYDAY = 3.5  # wordfreq zipf from which an unlisted word is a common German/English word


def no_name(word: str, free: FreeNames) -> bool:
    """A word no greeting should hide: not any name list's, and common or a compound noun."""
    if not word.replace("-", "").isalpha():
        return False  # "K.-D.": an initial is a name's
    if free.blocked(word):
        return True
    vocab = free.vocab
    if vocab.is_surname(word) or vocab.is_german_surname(word) or vocab.is_first_name(word):
        return False
    return (_compound(word, vocab) and two_words(word, vocab)) or vocab.zipf(word) >= _EVERYDAY


def person_parts(parts: list[str], free: FreeNames, town: Callable[[str], bool]) -> list[str]:
    """`parts` less those that are nobody's name (see the module's docstring)."""

    def place(word: str) -> bool:
        return no_name(word, free) or (
            town(word) and not free.vocab.is_first_name(word, local=True)
        )

    organisations = {
        word
        for part in parts
        if " " in part and no_name(part.split()[0], free) and all(map(place, part.split()[1:]))
        for word in part.split()
    }
    return [
        part
        for part in parts
        if not all(w in organisations or no_name(w, free) for w in part.split())
    ]
