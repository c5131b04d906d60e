"""Build drafter/data/surnames.txt, the surname list shipped with drafter (run by hand).

Source: the Latin-script surname lists of PyPI `Faker` 40.x (MIT), `faker.providers.person.
<locale>.Provider` (`last_names`, or `last_names_male`/`last_names_female`/`male_last_names`),
for the countries drafter's customers write from most and the languages of their
neighbours and families (German, English, Dutch, Scandinavian, Finnish, French, Italian,
Spanish, Portuguese, Polish, Czech, Croatian, Hungarian, Romanian, Turkish). One surname a
line, sorted. Used only to tell a surname that is also an everyday word ("Koch", "Braun")
from a common noun next to a name ("Kanzlei", "Objekt"). Licence note:
drafter/data/SURNAMES_LICENSE.md.

    python scripts/build_surnames.py
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "drafter" / "data" / "surnames.txt"
LOCALES = [
    "de_DE",
    "de_AT",
    "de_CH",
    "en_US",
    "en_GB",
    "en_IE",
    "nl_NL",
    "nl_BE",
    "da_DK",
    "sv_SE",
    "no_NO",
    "fi_FI",
    "fr_FR",
    "fr_CH",
    "it_IT",
    "es_ES",
    "pt_PT",
    "pl_PL",
    "cs_CZ",
    "hr_HR",
    "hu_HU",
    "ro_RO",
    "tr_TR",
]
ATTRIBUTES = ("last_names", "last_names_male", "last_names_female", "male_last_names")
LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+(?:[ '-][A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+)*")


def main() -> None:
    names: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ATTRIBUTES:
            values = getattr(provider, attribute, None) or ()
            names.update(v.strip() for v in values if LATIN.fullmatch(v.strip()))
    OUT.write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"{len(names)} surnames -> {OUT}")


if __name__ == "__main__":
    main()
