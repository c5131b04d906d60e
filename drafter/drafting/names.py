"""First names -> gender for the greeting, from drafter's own first-name table.

The table (drafter/firstnames.py, data in drafter/data/first_names.tsv) is public name
statistics under permissive licences; `drafter.firstnames.gender` answers only when the data
are clear. A double name ("Anna-Lena", "Hans Peter") counts by its parts; the known parts
must agree. Names the table does not know, or leaves unclear (the US births without a clear
majority, or sources that disagree), are looked up in drafter.drafting.name_lists, which also
lists the unisex names ("Robin", "Sam") that stay neutral whatever a statistic says.
Everything else is "", and the greeting stays neutral ("Guten Tag Kim Schulte,").
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter import firstnames
from drafter.drafting import name_lists


def load() -> None:
    """Load the table now (the first greeting would otherwise pay for it)."""
    firstnames.table()


def _listed(key: str) -> str:
    return "female" if key in name_lists.FEMALE else "male" if key in name_lists.MALE else ""


def _one(name: str, language: str) -> str:
    key = firstnames.fold(name)
    if key in name_lists.UNISEX:
        return ""
    entry = firstnames.lookup(name)
    weak = entry is None or (not entry.local and entry.female + entry.male < 50)
    if (weak or (not firstnames.spelled(name) and name.casefold() != key)) and _listed(key):
        # the hand lists outrank weak evidence: "Şenay" (the table knows only the ASCII
        # "Senay" of the US births, another name) and "Gert" (only the Moby lists, female)
        return _listed(key)
    found = firstnames.gender(name, language)
    if found:
        return found
    # a country list knows the name and the statistics disagree ("Esra": a girl in the Swiss
    # list, a man in the Moby lists): the hand list, written from the naming custom, decides
    return _listed(key)


@lru_cache(maxsize=4096)
def gender_of(first: str, language: str = "de") -> str:
    """'female', 'male' or '' (not clear) for a first name, double names included."""
    parts = [p for p in re.split(r"[-\s]+", first.strip()) if len(p) > 1 and "." not in p]
    if not parts:
        return ""
    head = _one(parts[0], language)
    if head:
        others = {_one(p, language) for p in parts[1:]} - {""}
        return head if not others or others == {head} else ""
    known = {_one(p, language) for p in parts[1:]} - {""}
    return next(iter(known)) if len(known) == 1 else ""
