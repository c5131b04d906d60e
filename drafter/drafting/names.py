"""First names -> gender, from the gender-guesser package's first-name data set.

gender-guesser ships Jörg Michael's name dictionary (about 40,000 first names with their
use per country). drafter reads it through the package's own loader once per process
(about 1 s, see docs/benchmarks.md) and answers only when the data are clear:

- a name used in the reply language's countries counts by the first of them that knows it
  (German: Germany, Austria, Switzerland; English: Great Britain, USA, Ireland), and only
  when that country says "male" or "female" ("mostly_female" counts only when no country
  uses the name for men or for both, as for Mary; "andy" never counts);
- a name not used there counts by the package's overall answer, again male/female only;
- a double name ("Anna-Lena", "Hans Peter") counts by its parts; the known parts must agree.

Everything else is "", and the greeting stays neutral ("Guten Tag Kim Schulte,").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_COUNTRIES = {
    "de": ("germany", "austria", "swiss"),
    "en": ("great_britain", "usa", "ireland"),
}
_CLEAR = {"male": "male", "female": "female"}


@lru_cache(maxsize=1)
def _detector() -> Any:
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


def load() -> None:
    """Load the data set now (the first greeting would otherwise pay for it)."""
    _detector()


def _one(name: str, language: str) -> str:
    detector = _detector()
    entry = detector.names.get(name.lower())
    if not entry:
        return ""
    for country in _COUNTRIES.get(language, ()):
        i = detector.COUNTRIES.index(country)
        local = {kind for kind, row in entry.items() if i < len(row) and row[i] != " "}
        if local:  # the first country that knows the name decides
            return _decide(local, set(entry))
    return _CLEAR.get(str(detector.get_gender(name.lower())), "")


def _decide(local: set[str], everywhere: set[str]) -> str:
    """Male/female when the country is clear; "mostly_*" only when no country disagrees."""
    if len(local) != 1:
        return ""
    kind = next(iter(local))
    if kind in _CLEAR:
        return _CLEAR[kind]
    base = kind.removeprefix("mostly_")
    if base in _CLEAR and everywhere <= {base, kind}:
        return base
    return ""


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
