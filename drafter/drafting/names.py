"""First names -> gender for the greeting, from drafter's own first-name table.

The table (drafter/firstnames.py, data in drafter/data/first_names.tsv) is public name
statistics under permissive licences; `drafter.firstnames.gender` answers only when the data
are clear. A double name ("Anna-Lena", "Hans Peter") counts by its parts; the known parts
must agree. Everything else is "", and the greeting stays neutral ("Guten Tag Kim Schulte,").
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter import firstnames


def load() -> None:
    """Load the table now (the first greeting would otherwise pay for it)."""
    firstnames.table()


def _one(name: str, language: str) -> str:
    return firstnames.gender(name, language)


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
