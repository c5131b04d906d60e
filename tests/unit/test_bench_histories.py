"""The hand-recorded bench histories (greetings, gap sets, reply sets) agree with themselves and
with the sets the bench modules know: a per-language figure adds up to its total, a share
matches its count, and every table or set that is or was held out has a history row. Only
figure tables and file names are read here, never a row of a set."""

from __future__ import annotations

import re

from benchmarks.gap_history import FIRST_RUN
from benchmarks.greetings_history import FIRST_RUNS, HELD_OUT_RUNS, held_out_lines, runs_of
from benchmarks.greetings_tables import HELD_OUT, RETIRED, TABLES
from benchmarks.replies_history import HELD_OUT as REPLY_SETS
from benchmarks.replies_history import history_lines
from benchmarks.retrieval_gap import HELD_OUT as GAP_HELD_OUT


def _adds_up(total: tuple[int, int], german: tuple[int, int], english: tuple[int, int]) -> bool:
    return total == (german[0] + english[0], german[1] + english[1])


def test_greeting_first_runs_cover_every_development_table_and_add_up() -> None:
    developed = {name for name in TABLES if name.startswith("dev")} - {"dev"}
    assert set(FIRST_RUNS) == developed
    for name, run in FIRST_RUNS.items():
        if run.german and run.english:
            assert _adds_up(run.total, run.german, run.english), name


def test_greeting_held_out_runs_cover_every_held_out_and_retired_table() -> None:
    assert set(HELD_OUT_RUNS) == (HELD_OUT | RETIRED) - {"test"}
    for name in HELD_OUT_RUNS:
        for run in runs_of(name):
            if run.german and run.english:
                assert _adds_up(run.total, run.german, run.english), (name, run.code)
    rendered = "\n".join(held_out_lines())
    assert all(f"| {name} |" in rendered for name in HELD_OUT_RUNS)


def test_greetings_test11_is_retired_with_its_last_held_out_run() -> None:
    # greet28 (session 25): scored once, totals only, on main 2099f99c before a row was read
    assert "test11" in RETIRED and "test11" not in HELD_OUT
    last = runs_of("test11")[-1]
    assert (last.total, last.german, last.english) == ((114, 120), (57, 60), (57, 60))
    assert "main 2099f99c" in last.code
    row = next(line for line in held_out_lines() if line.startswith("| test11 |"))
    status = "retired in session 25 (greet28) after its last held-out run, tuned on since"
    assert row.endswith(f"| {status} |")


def test_greetings_test12_is_retired_with_its_last_held_out_run() -> None:
    # greet28b (session 25): scored once, totals only, on main 6321ccc4 before a row was read
    assert "test12" in RETIRED and "test12" not in HELD_OUT
    last = runs_of("test12")[-1]
    assert (last.total, last.german, last.english) == ((118, 120), (60, 60), (58, 60))
    assert "main 6321ccc" in last.code
    row = next(line for line in held_out_lines() if line.startswith("| test12 |"))
    status = "retired in session 25 (greet28b) after its last held-out run, tuned on since"
    assert row.endswith(f"| {status} |")


def test_greetings_test13_is_retired_with_its_last_held_out_run() -> None:
    # greet29 (session 26): scored once, totals only, on main c98cb86b before a row was read
    assert "test13" in RETIRED and "test13" not in HELD_OUT
    last = runs_of("test13")[-1]
    assert (last.total, last.german, last.english) == ((115, 120), (56, 60), (59, 60))
    assert "main c98cb86b" in last.code
    row = next(line for line in held_out_lines() if line.startswith("| test13 |"))
    status = "retired in session 26 (greet29) after its last held-out run, tuned on since"
    assert row.endswith(f"| {status} |")


def test_greetings_test14_is_retired_with_its_last_held_out_run() -> None:
    # greet30 (session 26): scored once, totals only, on main f6785320 before a row was read
    assert "test14" in RETIRED and "test14" not in HELD_OUT
    last = runs_of("test14")[-1]
    assert (last.total, last.german, last.english) == ((115, 120), (58, 60), (57, 60))
    assert "main f6785320" in last.code
    row = next(line for line in held_out_lines() if line.startswith("| test14 |"))
    status = "retired in session 26 (greet30) after its last held-out run, tuned on since"
    assert row.endswith(f"| {status} |")


def test_greetings_test15_is_retired_with_its_last_held_out_run() -> None:
    # greet31 (session 27): scored once, totals only, on main 78b62c67 before a row was read
    assert "test15" in RETIRED and "test15" not in HELD_OUT
    last = runs_of("test15")[-1]
    assert (last.total, last.german, last.english) == ((117, 120), (59, 60), (58, 60))
    assert "main 78b62c67" in last.code
    row = next(line for line in held_out_lines() if line.startswith("| test15 |"))
    status = "retired in session 27 (greet31) after its last held-out run, tuned on since"
    assert row.endswith(f"| {status} |")


def test_greetings_test16_is_retired_with_its_last_held_out_run() -> None:
    # greet32 (session 28): scored once, totals only, on main d3402320 before a row was read
    assert "test16" in RETIRED and "test16" not in HELD_OUT
    last = runs_of("test16")[-1]
    assert (last.total, last.german, last.english) == ((113, 120), (60, 60), (53, 60))
    assert "main d3402320" in last.code
    row = next(line for line in held_out_lines() if line.startswith("| test16 |"))
    status = "retired in session 28 (greet32) after its last held-out run, tuned on since"
    assert row.endswith(f"| {status} |")


def test_greetings_test17_is_retired_with_its_last_held_out_run() -> None:
    # greet33 (session 28): scored once, totals only, on main 7b36c51f before a row was read
    assert "test17" in RETIRED and "test17" not in HELD_OUT
    last = runs_of("test17")[-1]
    assert (last.total, last.german, last.english) == ((117, 120), (58, 60), (59, 60))
    assert "main 7b36c51f" in last.code
    row = next(line for line in held_out_lines() if line.startswith("| test17 |"))
    status = "retired in session 28 (greet33) after its last held-out run, tuned on since"
    assert row.endswith(f"| {status} |")


def test_greetings_test18_is_retired_with_its_last_held_out_run() -> None:
    # greet34 (session 29): scored once, totals only, on main a16fd3cd before a row was read
    assert "test18" in RETIRED and "test18" not in HELD_OUT
    last = runs_of("test18")[-1]
    assert (last.total, last.german, last.english) == ((118, 120), (58, 60), (60, 60))
    assert "main a16fd3cd" in last.code
    row = next(line for line in held_out_lines() if line.startswith("| test18 |"))
    status = "retired in session 29 (greet34) after its last held-out run, tuned on since"
    assert row.endswith(f"| {status} |")
    assert {name for name in HELD_OUT if name != "test"} == {f"test{n}" for n in range(19, 23)}


def test_greeting_tunings_cover_every_dev_and_retired_table_and_add_up() -> None:
    from benchmarks.greetings_history import DEV_TUNING, tuning_lines

    tables = {name for name in TABLES if name.startswith("dev")} | RETIRED
    # each record covers the tables of its day (test12 was held out during greet28's, test13
    # during greet28b's, test14 during greet29's, test15 during greet30's, test16 during
    # greet31's, test17 during greet32's, test18 during greet33's); the latest, greet34's,
    # covers every table of today
    assert set(DEV_TUNING[-1].totals) == tables
    for tuning in DEV_TUNING:
        assert set(tuning.totals) <= tables, tuning.who
        for name, (before, after) in tuning.totals.items():
            assert before[1] == after[1], name
            assert (name in tuning.moved) == (before != after), name
            if name in tuning.moved:
                (de_before, de_after), (en_before, en_after) = tuning.moved[name]
                assert _adds_up(before, de_before, en_before), name
                assert _adds_up(after, de_after, en_after), name
    assert "test11 114/120 -> 120/120" in "\n".join(tuning_lines())
    assert "test12 118/120 -> 120/120" in "\n".join(tuning_lines())
    assert "test13 115/120 -> 120/120" in "\n".join(tuning_lines())
    assert "test14 115/120 -> 120/120" in "\n".join(tuning_lines())
    assert "test15 117/120 -> 120/120" in "\n".join(tuning_lines())
    assert "test16 113/120 -> 119/120" in "\n".join(tuning_lines())
    assert "test17 117/120 -> 119/120" in "\n".join(tuning_lines())
    assert "test18 118/120 -> 120/120" in "\n".join(tuning_lines())
    # greet33's record keeps test16 at the 119/120 greet32 left it
    assert DEV_TUNING[-1].totals["test16"] == ((119, 120), (119, 120))


def test_a_moved_greeting_total_is_bold_and_an_unmoved_one_is_not() -> None:
    row = next(line for line in held_out_lines() if line.startswith("| test8 |"))
    assert "greet15 merge (main 40c4af6): **115/120**" in row  # 114 -> 115
    assert "greet13 merge (main 18822f8): 114/120;" in row  # unchanged


def test_gap_shares_match_their_counts() -> None:
    for name, text in FIRST_RUN.items():
        for share, hits, n in re.findall(r"(\d\.\d\d) \((\d+)/(\d+)\)", text):
            assert f"{int(hits) / int(n):.2f}" == share, (name, share, hits, n)


def test_every_held_out_gap_set_has_a_history() -> None:
    assert {folder.name for folder in GAP_HELD_OUT} <= set(FIRST_RUN)


def test_every_reply_test_set_has_a_history_row() -> None:
    from benchmarks.bench_checks import REPLIES

    test_sets = {path.stem for path in REPLIES.glob("test*.jsonl")}  # names only
    assert test_sets == set(REPLY_SETS)
    rendered = "\n".join(history_lines())
    assert all(f"| `{name}` |" in rendered for name in test_sets)


def test_retired_reply_sets_are_tuning_data_and_their_history_ends_at_the_last_figures() -> None:
    from pathlib import Path

    from benchmarks.bench_checks import _reply_kind, _reply_tuning
    from benchmarks.replies_history import RETIRED

    assert set(RETIRED) == {
        "test",
        "test2",
        "test3",
        "test4",
        "test5",
        "test6",
        "test7",
        "test8",
        "test9",
        "test10",
        "test11",
        "test12",
        "test13",
        "test14",
    }
    for name, (session, (caught, harmful), _good) in RETIRED.items():
        path = Path(f"{name}.jsonl")  # a name only, never read
        assert _reply_tuning(path) and _reply_kind(path) == "retired, tuned on"
        _written, runs, moved = REPLY_SETS[name]
        # the last recorded harmful figure (a later merge's, else the session's own run)
        last = [m.after for m in moved if m.kind == "harmful caught"] or [r.harmful for r in runs]
        assert f"{last[-1]:.2f}" == f"{caught / harmful:.2f}", name
        row = next(line for line in history_lines() if line.startswith(f"| `{name}` |"))
        assert f"retired to development data in session {session}" in row
    assert RETIRED["test3"][0] == RETIRED["test4"][0] == "20"
    assert RETIRED["test5"][0] == "21"
    assert RETIRED["test6"] == ("23", (38, 40), (5, 40))
    assert RETIRED["test7"] == ("25", (36, 40), (3, 40))
    assert RETIRED["test8"] == ("25", (35, 40), (1, 40))
    assert RETIRED["test9"] == ("26", (39, 40), (4, 40))
    assert RETIRED["test10"] == ("26", (35, 40), (3, 40))
    assert RETIRED["test11"] == ("27", (34, 40), (3, 40))
    assert RETIRED["test12"] == ("28", (36, 40), (1, 40))
    assert RETIRED["test13"] == ("28", (38, 40), (4, 40))
    assert RETIRED["test14"] == ("29", (37, 40), (1, 40))
    for held in ("test15", "test19"):
        path = Path(f"{held}.jsonl")
        assert not _reply_tuning(path) and _reply_kind(path) == "held out"
    assert _reply_kind(Path("dev17.jsonl")) == "tuned"


def test_a_retired_gap_set_is_development_data_with_its_last_held_out_run() -> None:
    from benchmarks.gap_history import RETIRED, RETIRED_IN
    from benchmarks.gap_verdict_bench import DEV_SETS
    from benchmarks.retrieval_gap import RETIRED as GAP_RETIRED

    names = {folder.name for folder in GAP_RETIRED}
    retired = {f"gaps_test{n}" for n in range(2, 10)}
    assert names == set(RETIRED) == set(RETIRED_IN) == retired
    assert RETIRED_IN == {
        "gaps_test2": "19",
        "gaps_test3": "19",
        "gaps_test4": "21",
        "gaps_test5": "23",
        "gaps_test6": "26",
        "gaps_test7": "27",
        "gaps_test8": "28",
        "gaps_test9": "29",
    }
    assert not names & {folder.name for folder in GAP_HELD_OUT}
    assert names <= set(DEV_SETS)
    for name in names:
        assert f"Retired to development data in session {RETIRED_IN[name]} " in FIRST_RUN[name]
        assert FIRST_RUN[name].rstrip().endswith(f"| {RETIRED[name].note} |")


def test_the_rows_missed_at_retirement_match_each_tables_last_held_out_run() -> None:
    # greet34 (session 29): each retired table's misses on its retirement-time code, by family
    from benchmarks.greetings_history import MISSED_AT_RETIREMENT

    ids = [row for rows in MISSED_AT_RETIREMENT.values() for row in rows]
    assert len(ids) == len(set(ids)) == 74
    for name in RETIRED:
        missed = [row for row in ids if row.startswith(f"gt{name[4:]}-")]
        assert len(missed) == 120 - runs_of(name)[-1].total[0], name
    recurring = [rows for rows in MISSED_AT_RETIREMENT.values() if len(rows) > 1]
    assert all(len({row.split("-")[0] for row in rows}) >= 3 for rows in recurring)


def test_test18_was_scored_once_with_the_general_rules_before_it_was_read() -> None:
    # greet34: the honest estimate of its rules, then the tuning on test18's own misses
    from benchmarks.greetings_history import DEV_TUNING, PRE_READING

    estimate = PRE_READING["test18"]
    assert (estimate.total, estimate.german, estimate.english) == ((118, 120), (58, 60), (60, 60))
    assert DEV_TUNING[-1].totals["test18"] == ((118, 120), (120, 120))
    assert DEV_TUNING[-1].totals["test17"] == ((119, 120), (119, 120))
