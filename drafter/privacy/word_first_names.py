"""Names the free-name finder (drafter.privacy.freenames) lets pass because each word alone
looks like something else, found by the pair they make:

- a first name that is also an everyday word ("Grace", "Hope", "Joy", "Mark", "Will") right
  before a capitalised word that is no everyday word, no compound of known words and not the
  knowledge base's or the company's ("Grace Mbeki moves out", "Hope Okafor zieht ein"): alone
  the first name is a word and the surname, known to wordfreq from a famous bearer (zipf
  2.4-3.0), no rare word; together they are a person. When in doubt, hide.
- the person a home is shared with, written "bei" after the house number on an address line
  ("wohnt Friesenstraße 12, bei Timmermann, 24534 Neumünster"): the German "c/o". The words
  after "bei" count only when they may be a surname or first name (a listed name or a word
  rarer than zipf 3.0: not "bei Einzug", "bei Vodafone").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from drafter.privacy.freewords import used_otherwise
from drafter.privacy.spans import Span

_WORD = r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*"
# two capitalised words with one space between: the first a candidate first name
_PAIR = re.compile(
    rf"(?<![\w.-])(?P<first>[A-Z][a-z]{{2,}})(?=[ ](?P<last>[A-ZÄÖÜÀ-Ý]{_WORD})(?![\w-])(?!\.\w))"
)
# "…straße 12, bei Timmermann," / "… 12 bei Anna Timmermann\n": a house number, then "bei"
_CARE_OF_BEI = re.compile(
    rf"[^\W\d_][.]?[ ]\d{{1,4}}[a-z]?,?[ ]bei[ ](?P<name>[A-ZÄÖÜ]{_WORD}(?:[ ][A-ZÄÖÜ]{_WORD})?)"
    r"(?=[ ]*(?:[,;)\n]|$|[ ]\d{4,5}[ ]))"
)
# an article or a place's preposition before the first word makes it a noun or a place ("im
# Keller Fleethörn 40", "in Kiel Friedrichsort"), not a person's first name
_NOUN_BEFORE = re.compile(
    r"(?<![\w-])(?i:in|im|aus|nach|am|an|zum|zur|vom|von|from|to|at|der|die|das|den|dem|des|"
    r"the|a|ein|eine|einen|einem|einer)[ ]+\Z"
)
_NUMBER_AFTER = re.compile(r"[ ]\d")
# the surname's own frequency: rarer than an everyday word (a famous bearer's name: "Mbeki",
# "Okafor"), not a noun such as "Garden", "Period", "Service"
_SURNAME_ZIPF = 3.0


def find_word_first_names(
    text: str,
    zipf: Callable[[str], float],
    is_first_name: Callable[[str], bool],
    everyday_first_name: Callable[[str], bool],
    not_a_name: Callable[[str], bool],
) -> Iterator[Span]:
    """NAME spans (one per word, as the free-name finder gives them) of an everyday-word first
    name before an unknown surname, and of the name after "bei" on an address line.
    `everyday_first_name(word)`: a first name the free-name finder takes for a word ("Grace",
    "Hope"); `not_a_name(word)`: a compound of known words or the knowledge base's, the
    company's or a stop word."""
    if " bei " in text:
        for m in _CARE_OF_BEI.finditer(text):
            words = m.group("name").split(" ")
            if all(
                (zipf(w) < _SURNAME_ZIPF or is_first_name(w)) and not not_a_name(w) for w in words
            ):
                yield Span(m.start("name"), m.end("name"), "NAME", "name after 'bei' (c/o)")
    for m in _PAIR.finditer(text):
        first, last = m.group("first"), m.group("last")
        if last.isupper() or zipf(first) < 3.5 or not everyday_first_name(first):
            continue  # a first name that is no word is the free-name finder's already
        if zipf(last) >= _SURNAME_ZIPF or not_a_name(last):
            continue
        if not all(zipf(p) < _SURNAME_ZIPF for p in last.split("-")):
            continue
        if used_otherwise(text, m.start(), m.end("first")):
            continue  # "Renault Clio", "Trinity College": a make or an institution
        if _NUMBER_AFTER.match(text, m.end("last")):
            continue  # "Keller Fleethörn 40": a street and its number
        if _NOUN_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue
        why = "first name that is a word before a surname"
        yield Span(m.start(), m.end("first"), "NAME", why)
        yield Span(m.start("last"), m.end("last"), "NAME", why)
