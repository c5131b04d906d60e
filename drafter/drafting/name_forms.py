"""The sex of a first name the data do not know, read from how it is formed.

Asked only for a name that drafter's first-name table does not hold, or hardly (fewer than 50
US births and in no country list), that the hand lists (drafter.drafting.name_lists) do not
hold either, and that is not unisex. Six formations, each a naming custom that decides the
sex whatever the name's origin; each was checked against every name of the table with a clear
sex and at least 1,000 US births or a country list, read as if the table did not know it
(German and English reading, see tests/unit/test_name_forms.py for the figures):

- a Germanic name of two elements takes the sex of its last element: "-ward", "-bert",
  "-fried", "-helm" and the pietists' "-gott" are men's ("Bernward", "Dietbert", "Traugott";
  the table holds no name in -gott), "-trud", "-hild", "-gund", "-gard" women's ("Ingegerd",
  "Adelgund"); 53 of 53 agree with the table (not "-wig": Ludwig and
  Hedwig; not "-mar", "-mut": Dietmar and Dagmar, Helmut and Almut);
- an Italian or Spanish diminutive of a known name keeps its sex: "Benedettina" of
  "Benedetta", "Carlito" of "Carlo" (the suffix and the base name must agree); 225 of 225;
- a Turkish compound ending in "gül" (rose) is a woman's ("Ayşegül", "Nurgül", "Sevgül";
  greet32, session 28); the table holds no name of five letters or more ending so;
- a name of nine letters or more joined from two known names of one sex ("Vikramaditya":
  Vikram + Aditya, "Mariajose") has that sex; 77 of 77;
- a name written with "v" where German and Frisian spelling has "w" ("Svantje": Swantje);
  87 of 89 ("Valeri", "Vander" disagree);
- a name written with "c" where the data have "k" ("Claas": Klaas); 612 of 621 in the German
  reading, 606 of 615 in the English ("Carol"/"Karol", "Marcy"/"Marky" disagree).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from drafter import firstnames

_MALE_ELEMENTS = (
    "bert", "brecht", "precht", "ward", "wart", "wald", "fried", "frid", "mund", "helm",
    "rich", "hard", "hart", "olf", "ulf", "win", "bald", "bold", "nand", "gott",
)  # fmt: skip
_FEMALE_ELEMENTS = (
    "trud", "traud", "traut", "trude", "hild", "hilde", "gund", "gunde", "burg", "burga",
    "lind", "linde", "heid", "run", "rune", "gard", "gerd", "frieda",
)  # fmt: skip
#: diminutive suffix -> (sex, the endings of the base name it is built on)
_DIMINUTIVES = {
    "ina": ("female", "a"),
    "ino": ("male", "oe"),
    "etta": ("female", "a"),
    "etto": ("male", "oe"),
    "ella": ("female", "a"),
    "ello": ("male", "oe"),
    "ita": ("female", "a"),
    "ito": ("male", "oe"),
}


def _germanic(key: str) -> str:
    for sex, elements in (("male", _MALE_ELEMENTS), ("female", _FEMALE_ELEMENTS)):
        if any(key.endswith(e) and len(key) - len(e) >= 3 for e in elements):
            return sex
    return ""


def _diminutive(key: str, sex_of: Callable[[str], str]) -> str:
    for suffix, (sex, endings) in _DIMINUTIVES.items():
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            stem = key[: -len(suffix)]
            if any(sex_of(stem + end) == sex for end in endings):
                return sex
    return ""


def _compound(key: str, sex_of: Callable[[str], str]) -> str:
    if len(key) < 9:
        return ""
    found: set[str] = set()
    for cut in range(4, len(key) - 3):
        head, tail = key[:cut], key[cut:]
        entries = firstnames.lookup(head), firstnames.lookup(tail)
        if not all(entry and entry.popular for entry in entries):
            continue
        sexes = {sex_of(head), sex_of(tail)}
        found |= sexes if len(sexes) == 1 else {"mixed"}
    return found.pop() if len(found) == 1 and "" not in found and "mixed" not in found else ""


def _with_k(key: str) -> str:
    """'claas' -> 'klaas', 'frederick' -> 'frederik': c written where the data have k."""
    return key.replace("ck", "k").replace("c", "k")


def _turkish_rose(key: str) -> str:
    """'aysegul' (Ayşegül), 'nurgul', 'sevgul': a Turkish compound ending in "gül" (rose) is a
    woman's name."""
    return "female" if key.endswith("gul") and len(key) >= 5 else ""


def formed(key: str, sex_of: Callable[[str], str]) -> str:
    """'female', 'male' or '' for a folded first name the data do not know; `sex_of` answers
    for a name the data know (the greeting's own reading, unisex names '')."""
    if not re.fullmatch(r"[a-z]+", key):
        return ""
    return (
        _germanic(key)
        or _turkish_rose(key)
        or _diminutive(key, sex_of)
        or _compound(key, sex_of)
        or ("v" in key and sex_of(key.replace("v", "w")))
        or ("c" in key and sex_of(_with_k(key)))
        or ""
    )
