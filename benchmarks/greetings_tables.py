"""The greeting tables written blind (benchmarks/data/greetings): where each lives, which are
held out or retired, and the labels an older house convention decided.

Tables written by helper sessions that read only the house-style rules, never the greeting
code; each has its provenance in `<table>.README.md`. The first run of every development
table and every run of the held-out ones (totals only) are in benchmarks/greetings_history.py
(rendered as two tables by bench_greetings; the first runs re-exported here as FIRST_DEVn).

- `dev.jsonl` (100 senders, 60 German, 40 English): the development table. The greeting and
  register rules were tuned on it, so its figure is not independent evidence.
- `dev2.jsonl` to `dev16.jsonl`: later development tables, each written by a session that
  never saw the code, measured once before any tuning (the out-of-sample estimate) and tuned
  on after that, so their current figures are not evidence either. dev13 (session 16) is
  weighted toward first names of many origins, titles and signatures; dev14 (start of session
  17) is a representative spread of senders plus titles, couples, firms and foreign hellos;
  dev15 (60 senders, session 18) a general spread written with the held-out test16; dev16
  (120 senders, session 20) one written with the held-out test17.
- Label conventions: dev..dev6 and the retired test2 to test5 keep a diploma title in the
  German greeting ("Herr Dipl.-Ing. Behrens", "Frau Mag. Hofer"); gd10-050 (dev10), dev13,
  dev14 and dev15 leave it out. Since session 19 the house leaves it out (only Dr., Prof. and
  the Austrian Ing. are written): the ten older dev rows and the eight retired-table rows
  count as wrong (`OLD_DIPLOMA_LABELS`); the data files are not edited.
  gd6-075 greets a customer who writes "Mx" by the name alone; since session 21 the house
  writes "Dear Mx X," (`OLD_MX_LABELS`).
  gd10-057 joins a same-name couple with "and", the house form since session 13 (dev7 and
  dev8 wrote "Dear Ms X, dear Mr X,": `OLD_COUPLE_LABELS`). gd7-055 (dev7) is wrong since
  session 12 by a house decision: a customer who writes only the plural "ihr" to the company
  and signs with a full name is answered in Sie.
- `test.jsonl` (120 senders, 70 German, 50 English): held out, never used for tuning; only
  its aggregate figure is looked at. Its README was read before the name lists were written,
  so it is contaminated (see `without_readme_names`).
- `test2.jsonl` to `test18.jsonl` (120 senders each, 70 German, 50 English; test8 62 German,
  58 English; test9, test11, test12, test13, test14, test15, test16, test17 and test18 60 and
  60; test10 62 German, 58 English): written as held-out tables (test2 with dev3, test3 with
  dev4, test4 in session 6, test5 in session 7, test6 in session 8, test7 in session 9, test8
  in session 10, test9 in session 11, test10 in session 12, test11 in session 13, test12 in
  session 14, test13 in session 15, test14 in session 16, test15 at the end of session 16,
  test16 at the start of session 18, test17 at the start of session 20, test18 at its end),
  run for totals, then RETIRED
  (`RETIRED`) and tuned on since, so they are development data now; test6 was retired for
  error analysis of its misses, test5 and test7 (the two oldest held-out tables left) in
  session 20 (greet22), after a last held-out run on main aa09dae6 (test5 117/120, test7
  118/120), test8 (the oldest left) in session 21 (greet23), after a last held-out run on main
  ad9a46c0 (117/120), test9 (the oldest left) in session 22 (greet24), after a last held-out
  run on main 92b73ae (117/120), test10 (the oldest left) in session 23 (greet25), after a
  last held-out run on main 5160956c (118/120), test11 (the oldest left) in session 25
  (greet28), after a last held-out run on main 2099f99c (114/120), test12 (the oldest left)
  in session 25 too (greet28b), after a last held-out run on main 6321ccc (118/120),
  test13 (the oldest left) in session 26 (greet29), after a last held-out run on main
  c98cb86b (115/120), test14 (the oldest left) in session 26 too (greet30), after a last
  held-out run on main f6785320 (115/120), test15 (the oldest left) in session 27
  (greet31), after a last held-out run on main 78b62c67 (117/120), test16 (the oldest left)
  in session 28 (greet32), after a last held-out run on main d3402320 (113/120), test17
  (the oldest left) in session 28 too (greet33), after a last held-out run on main 7b36c51f
  (117/120), and test18 (the oldest left) in session 29 (greet34), after a last held-out run
  on main a16fd3cd (118/120).
- `test19.jsonl` to `test22.jsonl` (120 senders each, 60 German, 60 English): written blind,
  one per session from session 22 (test19 in session 22, test20 in session 27, test21 in
  session 28, test22 in session 29;
  their writers drop Dipl.-Ing. and Mag. from the greeting), and run with `--table` for totals
  only, by the integrator. HELD OUT (`HELD_OUT`): not tuned on; only their
  totals are looked at.

Issue 12's target (100 %) is judged on a fresh held-out table, run once with `--table` before
it is copied here.

A row counts as correct when both the greeting line and the register are exactly the
labelled ones.
"""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks.greetings_history import FIRST_RUNS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "greetings"
TABLES = {
    "dev": DATA / "dev.jsonl",
    "dev2": DATA / "dev2.jsonl",
    "dev3": DATA / "dev3.jsonl",
    "test": DATA / "test.jsonl",
    "test2": DATA / "test2.jsonl",
    "dev4": DATA / "dev4.jsonl",
    "test3": DATA / "test3.jsonl",
    "dev5": DATA / "dev5.jsonl",
    "test4": DATA / "test4.jsonl",
    "dev6": DATA / "dev6.jsonl",
    "dev7": DATA / "dev7.jsonl",
    "dev8": DATA / "dev8.jsonl",
    "dev9": DATA / "dev9.jsonl",
    "dev10": DATA / "dev10.jsonl",
    "dev11": DATA / "dev11.jsonl",
    "dev12": DATA / "dev12.jsonl",
    "dev13": DATA / "dev13.jsonl",
    "dev14": DATA / "dev14.jsonl",
    "dev15": DATA / "dev15.jsonl",
    "dev16": DATA / "dev16.jsonl",
    "test5": DATA / "test5.jsonl",
    "test6": DATA / "test6.jsonl",
    "test7": DATA / "test7.jsonl",
    "test8": DATA / "test8.jsonl",
    "test9": DATA / "test9.jsonl",
    "test10": DATA / "test10.jsonl",
    "test11": DATA / "test11.jsonl",
    "test12": DATA / "test12.jsonl",
    "test13": DATA / "test13.jsonl",
    "test14": DATA / "test14.jsonl",
    "test15": DATA / "test15.jsonl",
    "test16": DATA / "test16.jsonl",
    "test17": DATA / "test17.jsonl",
    "test18": DATA / "test18.jsonl",
    "test19": DATA / "test19.jsonl",
    "test20": DATA / "test20.jsonl",
    "test21": DATA / "test21.jsonl",
    "test22": DATA / "test22.jsonl",
}
# Retired held-out tables: tuned on since, so `--failures` may list their rows.
# Development tables landed but not yet tuned on: their rows may be read, but nobody has made
# them right yet (their first run is in greetings_history.FIRST_RUNS). dev16 was tuned on by
# greet23 (session 21).
UNTUNED: frozenset[str] = frozenset()
RETIRED = frozenset(
    {"test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9", "test10", "test11"}
    | {"test12", "test13", "test14", "test15", "test16", "test17", "test18"}
)
# The first run of each development table before it was tuned on (figures and provenance:
# greetings_history.FIRST_RUNS): correct / rows.
(
    FIRST_DEV2, FIRST_DEV3, FIRST_DEV4, FIRST_DEV5, FIRST_DEV6, FIRST_DEV7, FIRST_DEV8,
    FIRST_DEV9, FIRST_DEV10, FIRST_DEV11, FIRST_DEV12, FIRST_DEV13, FIRST_DEV14,
) = (FIRST_RUNS[f"dev{n}"].total for n in range(2, 15))  # fmt: skip
#: rows whose label follows the house list of their time, which had no family form: "Familie X"
#: (or "The X Family") with nobody signing as a person was labelled "Sehr geehrte Damen und
#: Herren," / "Dear Sir or Madam,". Since greet9 (session 8) the code writes "Sehr geehrte
#: Familie X," / "Dear X family,": the form the fresh dev7 writer chose and the common one in
#: German letters (dev2's writer: it "would also be polite, but the house style has no such
#: form"). These rows count as wrong; the tests pin them so that neither side drifts.
OLD_FAMILY_LABELS = frozenset(
    {"gd2-018", "gd3-019", "gd3-084", "gd4-037", "gd5-042", "gt2-025", "gt3-045"}
)
#: a row whose label follows the house forms of its time for a minister ("Rev. Matthew Okafor"
#: -> "Dear Mr Okafor,", which its writer called the call most likely to be disputed). Since
#: greet12 (session 10) the code writes "Dear Reverend Okafor,", as the later writers of test6
#: and dev9 label it ("most agents write Reverend"); this row counts as wrong.
OLD_CLERGY_LABELS = frozenset({"gd6-074"})
#: a row labelled Du for a customer who writes only the plural "ihr" to the company and signs
#: with a full name ("Gruß Rieke Asmussen"). Since greet14 (session 12) such a customer is
#: answered in Sie: a blind team-lead review (docs/draft-review-session10, mails 36 and 37)
#: called a Du reply to two such customers wrong; this row counts as wrong.
OLD_PLURAL_IHR_LABELS = frozenset({"gd7-055"})
#: rows labelled with the German couple form mirrored in English ("Dear Ms Pettigrew, dear Mr
#: Pettigrew,", which dev7's writer called disputable; dev8 followed it). Since greet15
#: (session 13) an English couple is joined with "and" ("Dear Ms Whitcombe and Mr Whitcombe,"),
#: as the dev10 and dev11 writers label it and as two family names always were; these rows
#: count as wrong.
OLD_COUPLE_LABELS = frozenset({"gd7-076", "gd8-072"})
#: a row labelled with the name alone for a customer who writes "Mx" before it ("Mx Sam
#: Penhaligon" -> "Dear Sam Penhaligon,", which dev6's writer chose because Mx was no listed
#: form, calling "Dear Mx Penhaligon," respectful too). Since greet23 (session 21) an English
#: greeting writes Mx when the customer writes it, as "Mrs" only then (the person's own form
#: of address, as the test8 writer labels it: "Dear Mx Ashby-Clarke,"); this row counts as
#: wrong.
OLD_MX_LABELS = frozenset({"gd6-075"})
#: rows labelled with a diploma title in the German greeting ("Sehr geehrter Herr Dipl.-Ing.
#: Behrens,", "Sehr geehrte Frau Mag. Hofer,"), as dev..dev6 wrote it. Since greet21 (session
#: 19) a German greeting writes only Dr., Prof. and the Austrian Ing. (modern German business
#: usage; a house decision): Dipl.-Ing., Dipl.-Kfm., Dipl.-Inf., DI and Mag. are left out, as
#: the writers of dev10, dev13, dev14 and dev15 label it. These rows count as wrong; the data
#: files are not edited. `diploma_label` finds such a label in any table.
OLD_DIPLOMA_DEV_LABELS = frozenset(
    {"gd007", "gd015", "gd2-003", "gd3-004", "gd3-005", "gd4-007", "gd5-004", "gd5-005"}
    | {"gd5-006", "gd6-015"}
)
#: the same old convention in the retired held-out tables (test2 to test5, written before
#: session 19; test6 to test18 have no such row): listed since greet22 (session 20), when
#: test5 and test7 were retired, so that the bench names the reason for them as for the dev rows
OLD_DIPLOMA_RETIRED_LABELS = frozenset(
    {"gt2-004", "gt2-005", "gt2-006", "gt3-007", "gt3-009", "gt4-020", "gt5-013", "gt5-030"}
)
OLD_DIPLOMA_LABELS = OLD_DIPLOMA_DEV_LABELS | OLD_DIPLOMA_RETIRED_LABELS
#: every row whose label an older house convention decided (see the six sets above)
OLD_LABELS = (
    OLD_FAMILY_LABELS
    | OLD_CLERGY_LABELS
    | OLD_PLURAL_IHR_LABELS
    | OLD_COUPLE_LABELS
    | OLD_MX_LABELS
    | OLD_DIPLOMA_LABELS
)
_DIPLOMA_IN_LABEL = re.compile(r"\b(?:Dipl\.\s?-?\s?[^\W\d_]+\.|DI|Mag\.(?:a\b)?)(?=\s)")


def diploma_label(row: dict[str, str]) -> bool:
    """A German row whose expected greeting writes a diploma title (the old convention that
    OLD_DIPLOMA_LABELS lists for the dev and retired tables); read from the label alone, so it
    can mark such rows in a table nobody may read row by row."""
    return row["lang"] == "de" and bool(_DIPLOMA_IN_LABEL.search(row["greeting"]))


REGISTER = {"formal": "you", "informal": "you_informal", "sie": "sie", "du": "du"}
TARGET = 1.0  # issue 12: greeting and register correct on 100 % of a labelled table


HELD_OUT = frozenset(
    {
        "test",
        "test19",
        "test20",
        "test21",
        "test22",
    }
)
