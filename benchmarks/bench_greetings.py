"""Greeting line and register on tables written blind (benchmarks/data/greetings).

Two tables, both written by helper sessions that read only the house-style rules, never the
greeting code:

- `dev.jsonl` (100 senders, 60 German, 40 English): the development table. The greeting and
  register rules were tuned on it, so its figure is not independent evidence.
- `dev2.jsonl` (100 senders, 60 German, 40 English; provenance in `dev2.README.md`): a second
  development table, written later by a session that never saw the code. Before any tuning on
  it, the code of commit a9f4291 got 94/100 on it (the out-of-sample estimate, recorded in
  `FIRST_DEV2`); after that it was tuned on, so its current figure is not evidence either.
- `test.jsonl` (120 senders, 70 German, 50 English): held out, never used for tuning; only
  its aggregate figure is looked at.

A row counts as correct when both the greeting line and the register are exactly the
labelled ones.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "greetings"
TABLES = {"dev": DATA / "dev.jsonl", "dev2": DATA / "dev2.jsonl", "test": DATA / "test.jsonl"}
# dev2 measured once with the untuned code (commit a9f4291, 2026-11-29), before any change.
FIRST_DEV2 = (94, 100)
REGISTER = {"formal": "you", "informal": "you_informal", "sie": "sie", "du": "du"}
TARGET = 0.90


def measure(table: Path) -> dict[str, tuple[int, int]]:
    """Per language and overall: (rows with greeting and register both right, rows)."""
    from drafter.drafting.salutation import detect_register, greeting
    from drafter.models import Address, InboundEmail

    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for line in table.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        email = InboundEmail(
            from_=Address(name=row["display_name"], email=row["email"]),
            body=row["body"],
            quoted=row["quoted"],
            language=row["lang"],
        )
        register = detect_register(email, row["lang"], "sie")
        first = greeting(email, row["lang"], register).first_line
        ok = first == row["greeting"] and register == REGISTER[row["register"]]
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


def run() -> str:
    rows = []
    splits = (("dev", "dev (tuned on)"), ("dev2", "dev2 (tuned on)"), ("test", "test (held out)"))
    for split, label in splits:
        figures = measure(TABLES[split])
        for key, lang in (("de", "German"), ("en", "English"), ("all", "all")):
            good, n = figures[key]
            share = good / n if n else 0.0
            verdict = "met" if share >= TARGET else "MISSED"
            if split != "test":
                verdict = f"({verdict}, not evidence)"
            else:
                verdict = f"{verdict} (not independent, see above)"
            rows.append(
                f"| {label} | {lang} | {good}/{n} | {share:.3f} | ≥ {TARGET:.2f} | {verdict} |"
            )
    clean = without_readme_names()["all"]
    clean_share = clean[0] / clean[1]
    best = measure(TABLES["test"])["all"]
    rows.append(
        f"| test, names of its README removed from name_lists.py | all | {clean[0]}/{clean[1]} "
        f"| {clean_share:.3f} | ≥ {TARGET:.2f} | {'met' if clean_share >= TARGET else 'MISSED'} |"
    )
    return "\n".join(
        [
            "## Greetings and register on blind tables",
            "",
            "All three tables were written blind from the house-style rules by other helper",
            "sessions. `benchmarks/data/greetings/dev.jsonl` and `dev2.jsonl` (100 senders",
            "each) are development tables the rules were tuned on; `test.jsonl` (120 senders)",
            "is held out and never used for tuning. Correct = greeting line and register both",
            "exactly as labelled; one pass, deterministic. The target is judged on the held-out",
            "table only.",
            "",
            "Out-of-sample estimate: `dev2.jsonl` was run once with the code before it was",
            f"tuned on (commit a9f4291): {FIRST_DEV2[0]}/{FIRST_DEV2[1]} ="
            f" {FIRST_DEV2[0] / FIRST_DEV2[1]:.2f}.",
            "",
            "The first-name lists of drafter/drafting/name_lists.py were written after the test",
            "table's README had been read, and that README names many of the table's first",
            "names; so the plain held-out row is not independent evidence. The last row",
            "removes every word of that README from the lists and is the fairer estimate.",
            f"Issue 12's own target is 100 % correct: {best[0]}/{best[1]} is",
            f"{'met' if best[0] == best[1] else 'MISSED'}.",
            "",
            "| Table | Rows | Correct | Share | Target | |",
            "|---|---|---|---|---|---|",
            *rows,
        ]
    )
