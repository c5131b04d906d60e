"""Scoring one greeting table: a row is right when the greeting line and the register are
both exactly the labelled ones (the tables and their provenance: greetings_tables.py)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from benchmarks.greetings_tables import DATA, REGISTER, TABLES


def score_row(row: dict[str, str]) -> tuple[bool, str, str]:
    """(greeting and register both right, greeting written, register chosen) for one row."""
    from drafter.drafting.salutation import detect_register, greeting
    from drafter.models import Address, InboundEmail

    email = InboundEmail(
        from_=Address(name=row["display_name"], email=row["email"]),
        body=row["body"],
        quoted=row["quoted"],
        language=row["lang"],
    )
    register = detect_register(email, row["lang"], "sie")
    first = greeting(email, row["lang"], register).first_line
    return first == row["greeting"] and register == REGISTER[row["register"]], first, register


def read_rows(table: Path) -> list[dict[str, str]]:
    lines = table.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def measure(table: Path) -> dict[str, tuple[int, int]]:
    """Per language and overall: (rows with greeting and register both right, rows)."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for row in read_rows(table):
        ok = score_row(row)[0]
        for key in (row["lang"], "all"):
            total[key] += 1
            right[key] += ok
    return {key: (right[key], total[key]) for key in ("de", "en", "all")}


def without_readme_names() -> dict[str, tuple[int, int]]:
    """The held-out figure with every word of the test table's README removed from
    drafter/drafting/name_lists.py: that README names many of the table's first names and was
    read before the lists were written, so this is the figure the lists cannot have learnt."""
    import re

    from drafter.drafting import name_lists, names
    from drafter.firstnames import fold

    readme = (DATA / "README.md").read_text(encoding="utf-8")
    words = {fold(w) for w in re.findall(r"[^\W\d_]+", readme)}
    saved = name_lists.UNISEX, name_lists.FEMALE, name_lists.MALE
    name_lists.UNISEX, name_lists.FEMALE, name_lists.MALE = (x - words for x in saved)
    names.gender_of.cache_clear()
    try:
        return measure(TABLES["test"])
    finally:
        name_lists.UNISEX, name_lists.FEMALE, name_lists.MALE = saved
        names.gender_of.cache_clear()
