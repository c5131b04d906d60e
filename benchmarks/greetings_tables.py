"""The greeting tables written blind (benchmarks/data/greetings): where each lives, its
provenance and first-run figure, and the labels an older house convention decided.

Tables written by helper sessions that read only the house-style rules, never the
greeting code:

- `dev.jsonl` (100 senders, 60 German, 40 English): the development table. The greeting and
  register rules were tuned on it, so its figure is not independent evidence.
- `dev2.jsonl` (100 senders, 60 German, 40 English; provenance in `dev2.README.md`): a second
  development table, written later by a session that never saw the code. Before any tuning on
  it, the code of commit a9f4291 got 94/100 on it (the out-of-sample estimate, recorded in
  `FIRST_DEV2`); after that it was tuned on, so its current figure is not evidence either.
- `dev3.jsonl` (100 senders, 60 German, 40 English; provenance in `dev3.README.md`): a third
  development table. Main c7f4cd5 got 95/100 on it before any tuning (`FIRST_DEV3`); it was
  tuned on after that.
- `test.jsonl` (120 senders, 70 German, 50 English): held out, never used for tuning; only
  its aggregate figure is looked at. Its README was read before the name lists were written,
  so it is contaminated (see `without_readme_names`).
- `test2.jsonl` (120 senders, 70 German, 50 English; provenance in `test2.README.md`): written
  as a held-out table with dev3 and run once for totals (117/120, end of session 4); RETIRED
  in session 5 and tuned on since, so it is development data now.
- `dev4.jsonl` (100 senders, 60 German, 40 English; provenance in `dev4.README.md`): a fourth
  development table. Main c3d80ad got 95/100 on it before any tuning (`FIRST_DEV4`); it was
  tuned on after that.
- `test3.jsonl` (120 senders, 70 German, 50 English; provenance in `test3.README.md`): written
  as a held-out table with dev4 and run once for totals after session 5's greeting work
  (114/120; main e072376 still 114/120); RETIRED in session 6 and tuned on since, so it is
  development data now.
- `dev5.jsonl` (100 senders, 60 German, 40 English; provenance in `dev5.README.md`): a fifth
  development table. Main e072376 got 96/100 on it before any tuning (`FIRST_DEV5`); it was
  tuned on after that.

- `test4.jsonl` (120 senders, 70 German, 50 English; provenance in `test4.README.md`): written
  blind in session 6 as a held-out table and run once with `--table` for totals after that
  session's greeting work (119/120; main e072376 118/120); RETIRED in session 7 and tuned on
  since, so it is development data now.
- `dev6.jsonl` (100 senders, 55 German, 45 English; provenance in `dev6.README.md`): a sixth
  development table. Main fafb7c4 got 95/100 on it before any tuning (`FIRST_DEV6`); it was
  tuned on after that.
- `dev7.jsonl` (100 senders, 55 German, 45 English; provenance in `dev7.README.md`): a seventh
  development table, written blind in session 8. Main 5935645 got 88/100 on it before any
  tuning (`FIRST_DEV7`: German 51/55, English 37/45); it was tuned on after that.
- `dev8.jsonl` (100 senders, 55 German, 45 English; provenance in `dev8.README.md`): an eighth
  development table, written blind in session 9. Main 0fc723f got 94/100 on it before any
  tuning (`FIRST_DEV8`: German 53/55, English 41/45); it was tuned on after that.
- `dev9.jsonl` (100 senders, 50 German, 50 English; provenance in `dev9.README.md`): a ninth
  development table, written blind in session 10. Main 28c30be got 95/100 on it before any
  tuning (`FIRST_DEV9`: German 48/50, English 47/50); it was tuned on after that.
- `dev10.jsonl` (100 senders, 50 German, 50 English; provenance in `dev10.README.md`): a tenth
  development table, written blind in session 11. Main 85b533a got 91/100 on it before any
  tuning (`FIRST_DEV10`: German 46/50, English 45/50); it was tuned on after that. One of its
  labels contradicts the older tables (gd10-050 leaves out a signed "Dipl.-Ing." that dev..dev6
  keep); the code keeps the older convention, so it counts as wrong. gd10-057 joins a
  same-name couple with "and", the house form since session 13 (dev7 and dev8 wrote "Dear Ms
  X, dear Mr X,": `OLD_COUPLE_LABELS`).
- `dev11.jsonl` (100 senders, 51 German, 49 English; provenance in `dev11.README.md`): an
  eleventh development table, written blind in session 12. Main 529bcd0 got 96/100 on it before
  any tuning (`FIRST_DEV11`: German 48/51, English 48/49; greet14 the same before reading a
  row); it was tuned on after that. gd7-055 (dev7) is wrong since session 12 by a house
  decision: a customer who writes only the plural "ihr" to the company and signs with a full
  name is answered in Sie.
- `dev12.jsonl` (100 senders, 50 German, 50 English; provenance in `dev12.README.md`): a
  twelfth development table, written blind in session 13. Main 88841f5 got 97/100 on it before
  any tuning (`FIRST_DEV12`: German 48/50, English 49/50; greet15 the same before reading a
  row); it was tuned on after that.
- `dev13.jsonl` (120 senders, 63 German, 57 English; provenance in `dev13.README.md`): a
  thirteenth development table, written blind in session 16, weighted toward first names of
  many origins, titles and signatures. Main b0988bd got 113/120 on it before any tuning
  (`FIRST_DEV13`: German 61/63, English 52/57, measured by the integrator before anyone read a
  row).
- `dev14.jsonl` (120 senders, 64 German, 56 English; provenance in `dev14.README.md`): a
  fourteenth development table, written blind at the start of session 17, a representative
  spread of senders plus titles, couples, firms and foreign hellos. Main 696a23d (session 16's
  greeting code) got 113/120 on it before any tuning (`FIRST_DEV14`: German 60/64, English
  53/56, measured by the integrator before anyone read a row). Its writer drops Dipl.-Ing. and
  Mag. from the greeting, against this README's convention (see dev14.README.md).
- `test5.jsonl` (120 senders, 70 German, 50 English; provenance in `test5.README.md`): written
  blind in session 7 as a held-out table and run once with `--table` for totals: the code
  before session 7 (main 4ae6594) 117/120 (German 69/70, English 48/50), after the greet8
  merge (main 2973b05) the same 117/120. HELD OUT: not tuned on; only its totals are looked at.
- `test6.jsonl` (120 senders, 70 German, 50 English; provenance in `test6.README.md`): written
  blind in session 8 as a held-out table and run twice with `--table` for totals by the
  integrator: the code before session 8 (main 5935645) 101/120 (German 58/70, English 43/50),
  after the greet9 merge (main cdcf1c8) 102/120 (German 60/70, English 42/50); RETIRED in
  session 8 for error analysis of its misses and tuned on since, so it is development data now.
- `test7.jsonl` (120 senders, 70 German, 50 English; provenance in `test7.README.md`): written
  blind in session 9 as a held-out table and run twice with `--table` for totals by the
  integrator: the code before session 9 (main 0fc723f) 111/120 (German 67/70, English 44/50),
  after the greet11 merge (main d891ae5) 114/120 (German 68/70, English 46/50), after the
  greet12 merge (session 10, main 0337835) 117/120. HELD OUT: not tuned on; only its totals
  are looked at.
- `test8.jsonl` (120 senders, 62 German, 58 English; provenance in `test8.README.md`): written
  blind in session 10 as a held-out table and run with `--table` for totals by the integrator:
  the code before session 10 (main 28c30be) 112/120, after the greet12 merge (main 0337835)
  114/120. HELD OUT: not tuned on; only its totals are looked at.
- `test9.jsonl` (120 senders, 60 German, 60 English; provenance in `test9.README.md`): written
  blind in session 11 as a held-out table and run with `--table` for totals by the integrator:
  the code before session 11 (main 45a4b7c) 114/120 (German 57/60, English 57/60), after the
  greet13 merge (main 18822f8) 116/120 (German 58/60, English 58/60). HELD OUT: not tuned on;
  only its totals are looked at.
- `test10.jsonl` (120 senders, 62 German, 58 English; provenance in `test10.README.md`): written
  blind in session 12 as a held-out table and run with `--table` for totals by the integrator:
  the code before session 12 (main 529bcd0) 114/120 (German 58/62, English 56/58), after the
  greet14 merge (main d9e7d8a) 114/120 again. HELD OUT: not tuned on; only its totals are
  looked at.
- `test11.jsonl` (120 senders, 60 German, 60 English; provenance in `test11.README.md`): written
  blind in session 13 as a held-out table and run with `--table` for totals by the integrator:
  the code before session 13 (main 88841f5) 112/120 (German 57/60, English 55/60), after the
  greet15 merge (main 40c4af6) 113/120. HELD OUT: not tuned on; only its totals are looked at.
- `test12.jsonl` (120 senders, 60 German, 60 English; provenance in `test12.README.md`): written
  blind in session 14 as a held-out table and run with `--table` for totals by the integrator:
  the code before session 14 (main db35e40) 113/120 (German 57/60, English 56/60), after the
  greet16 merge 114/120. HELD OUT: not tuned on; only its totals are looked at.
- `test13.jsonl` (120 senders, 60 German, 60 English; provenance in `test13.README.md`): written
  blind in session 15 as a held-out table and run with `--table` for totals by the integrator:
  the code before session 15 (main 1bc0209) 113/120 (German 55/60, English 58/60), after the
  greet17 merge (main 1d78b7c) 114/120. HELD OUT: not tuned on; only its totals are looked at.
- `test14.jsonl` (120 senders, 60 German, 60 English; provenance in `test14.README.md`): written
  blind in session 16 as a held-out table and run with `--table` for totals by the integrator:
  the code before session 16 (main b0988bd) 115/120 (German 58/60, English 57/60), after the
  greet18 merge (main e756bd9) 115/120. HELD OUT: not tuned on; only its totals are looked at.
- `test15.jsonl` (120 senders, 60 German, 60 English; provenance in `test15.README.md`): written
  blind at the end of session 16 as a held-out table and run with `--table` for totals by the
  integrator: the code before session 17 (main 2472358) 115/120 (German 59/60, English 56/60).
  HELD OUT: not tuned on; only its totals are looked at.

Issue 12's target (100 %) is judged on a fresh held-out table, run once with `--table` before
it is copied here.

A row counts as correct when both the greeting line and the register are exactly the
labelled ones.
"""

from __future__ import annotations

from pathlib import Path

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
}
# Retired held-out tables: tuned on since, so `--failures` may list their rows.
RETIRED = frozenset({"test2", "test3", "test4", "test6"})
# dev2 measured once with the untuned code (commit a9f4291, 2026-11-29), before any change.
FIRST_DEV2 = (94, 100)
# dev3 measured once with main c7f4cd5 (2026-11-29), before any change (German 56/60, English
# 39/40): notes in dev3.README.md.
FIRST_DEV3 = (95, 100)
# dev4 measured once with main c3d80ad (2026-11-29), before any change (German 57/60, English
# 38/40): notes in dev4.README.md.
FIRST_DEV4 = (95, 100)
# dev5 measured once with main e072376 (2026-11-30), before any change (German 58/60, English
# 38/40): notes in dev5.README.md.
FIRST_DEV5 = (96, 100)
# dev6 measured once with main fafb7c4 (2026-11-30, 03:34 UTC), before any change (German
# 53/55, English 42/45): notes in dev6.README.md.
FIRST_DEV6 = (95, 100)
# dev7 measured once with main 5935645 (2026-11-30, 06:13 UTC), before any change (German
# 51/55, English 37/45): notes in dev7.README.md.
FIRST_DEV7 = (88, 100)
# dev8 measured once with main 0fc723f (2026-11-30, 09:02 UTC), before any row was read or any
# change made (German 53/55, English 41/45): notes in dev8.README.md.
FIRST_DEV8 = (94, 100)
# dev9 measured once with main 28c30be (2026-11-30, 11:50 UTC, by the integrator), before any
# row was read or any change made (German 48/50, English 47/50): notes in dev9.README.md.
FIRST_DEV9 = (95, 100)
# dev10 measured once with main 85b533a (2026-11-30, by the integrator) and again with greet13
# after merging main a8d6801 (same code), before any row was read or any change made (German
# 46/50, English 45/50): notes in dev10.README.md.
FIRST_DEV10 = (91, 100)
# dev11 measured once with main 529bcd0 (2026-11-30, by the integrator) and again with greet14
# after merging main 62bb7fb (same code), before any row was read or any change made (German
# 48/51, English 48/49): notes in dev11.README.md.
FIRST_DEV11 = (96, 100)
# dev12 measured once with main 88841f5 (2026-11-30, by the integrator) and again with greet15
# after merging main ac78f4f (same code), before any row was read or any change made (German
# 48/50, English 49/50): notes in dev12.README.md.
FIRST_DEV12 = (97, 100)
# dev13 measured once with main b0988bd (2026-12-01, by the integrator) before any row was read
# (German 61/63, English 52/57): notes in dev13.README.md.
FIRST_DEV13 = (113, 120)
# dev14 measured once with main 696a23d (session 16's final greeting code, 2026-12-01, by the
# integrator) before any row was read (German 60/64, English 53/56): notes in dev14.README.md.
FIRST_DEV14 = (113, 120)
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
#: every row whose label an older house convention decided (see the four sets above)
OLD_LABELS = OLD_FAMILY_LABELS | OLD_CLERGY_LABELS | OLD_PLURAL_IHR_LABELS | OLD_COUPLE_LABELS
REGISTER = {"formal": "you", "informal": "you_informal", "sie": "sie", "du": "du"}
TARGET = 1.0  # issue 12: greeting and register correct on 100 % of a labelled table


HELD_OUT = frozenset(
    {
        "test",
        "test5",
        "test7",
        "test8",
        "test9",
        "test10",
        "test11",
        "test12",
        "test13",
        "test14",
        "test15",
    }
)
