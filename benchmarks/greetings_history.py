"""Hand-recorded history of the greeting tables (benchmarks/data/greetings): each development
table's first run before anyone read a row (the out-of-sample estimate) and every run of the
held-out tables, totals only, measured by the integrator. Rendered by bench_greetings under its
table; the figures live here once (greetings_tables re-exports the first runs as FIRST_DEVn).
"""

from __future__ import annotations

from typing import NamedTuple

_Pair = tuple[int, int]


class FirstRun(NamedTuple):
    """A development table measured once with the code before anyone read a row."""

    senders: str  # "100 (60 German, 40 English)"
    written: str  # the session it was written in ("" when not recorded)
    code: str  # the code measured: "main c7f4cd5"
    when: str  # date (and time, who) of the run, and any re-run with the same code
    total: _Pair
    german: _Pair | None
    english: _Pair | None


#: table -> its first run (the figures the FIRST_DEVn constants carry)
FIRST_RUNS: dict[str, FirstRun] = {
    "dev2": FirstRun(
        "100 (60 German, 40 English)",
        "",
        "commit a9f4291 (untuned)",
        "2026-11-29",
        (94, 100),
        None,
        None,
    ),
    "dev3": FirstRun(
        "100 (60 German, 40 English)",
        "",
        "main c7f4cd5",
        "2026-11-29",
        (95, 100),
        (56, 60),
        (39, 40),
    ),
    "dev4": FirstRun(
        "100 (60 German, 40 English)",
        "",
        "main c3d80ad",
        "2026-11-29",
        (95, 100),
        (57, 60),
        (38, 40),
    ),
    "dev5": FirstRun(
        "100 (60 German, 40 English)",
        "",
        "main e072376",
        "2026-11-30",
        (96, 100),
        (58, 60),
        (38, 40),
    ),
    "dev6": FirstRun(
        "100 (55 German, 45 English)",
        "",
        "main fafb7c4",
        "2026-11-30, 03:34 UTC",
        (95, 100),
        (53, 55),
        (42, 45),
    ),
    "dev7": FirstRun(
        "100 (55 German, 45 English)",
        "8",
        "main 5935645",
        "2026-11-30, 06:13 UTC",
        (88, 100),
        (51, 55),
        (37, 45),
    ),
    "dev8": FirstRun(
        "100 (55 German, 45 English)",
        "9",
        "main 0fc723f",
        "2026-11-30, 09:02 UTC",
        (94, 100),
        (53, 55),
        (41, 45),
    ),
    "dev9": FirstRun(
        "100 (50 German, 50 English)",
        "10",
        "main 28c30be",
        "2026-11-30, 11:50 UTC, by the integrator",
        (95, 100),
        (48, 50),
        (47, 50),
    ),
    "dev10": FirstRun(
        "100 (50 German, 50 English)",
        "11",
        "main 85b533a",
        "2026-11-30, by the integrator; again by greet13 after merging main a8d6801 (same code)",
        (91, 100),
        (46, 50),
        (45, 50),
    ),
    "dev11": FirstRun(
        "100 (51 German, 49 English)",
        "12",
        "main 529bcd0",
        "2026-11-30, by the integrator; again by greet14 after merging main 62bb7fb (same code)",
        (96, 100),
        (48, 51),
        (48, 49),
    ),
    "dev12": FirstRun(
        "100 (50 German, 50 English)",
        "13",
        "main 88841f5",
        "2026-11-30, by the integrator; again by greet15 after merging main ac78f4f (same code)",
        (97, 100),
        (48, 50),
        (49, 50),
    ),
    "dev13": FirstRun(
        "120 (63 German, 57 English)",
        "16",
        "main b0988bd",
        "2026-12-01, by the integrator",
        (113, 120),
        (61, 63),
        (52, 57),
    ),
    "dev14": FirstRun(
        "120 (64 German, 56 English)",
        "17 (start)",
        "main 696a23d (session 16's greeting code)",
        "2026-12-01, by the integrator",
        (113, 120),
        (60, 64),
        (53, 56),
    ),
    "dev15": FirstRun(
        "60 (30 German, 30 English)",
        "18",
        "main e4c8870 (session 17's final code)",
        "2026-12-01, by the integrator",
        (58, 60),
        (28, 30),
        (30, 30),
    ),
    "dev16": FirstRun(
        "120 (60 German, 60 English)",
        "20",
        "main f7a410e (session 19's final greeting code)",
        "2026-12-02, by the integrator",
        (113, 120),
        (60, 60),
        (53, 60),
    ),
}


class Run(NamedTuple):
    """One run of a held-out table, totals only."""

    code: str  # the code run: "before session 8 (main 5935645)", "greet9 merge (main cdcf1c8)"
    total: _Pair
    german: _Pair | None = None
    english: _Pair | None = None
    note: str = ""


_BEFORE = "before session {} (main {})"


def _after(merge: str, main: str = "") -> str:
    return f"{merge} merge (main {main})" if main else f"{merge} merge"


# the merges that were measured on every held-out table still held out at the time
_G13 = _after("greet13", "18822f8")
_G14 = _after("greet14", "d9e7d8a")
_G15 = _after("greet15", "40c4af6")
_G16 = _after("greet16")
_G17 = _after("greet17", "1d78b7c")
_G18 = _after("greet18", "e756bd9")
_G19 = _after("greet19", "530b68c")
_G21 = _after("greet21", "e614da9")
_G22 = _after("greet22", "f5e40d1")
_G23 = _after("greet23", "b2e86b6")
_G24 = _after("greet24", "5160956")
_G25 = _after("greet25", "adcedad")
_G28 = _after("greet28", "3011391")
_G29 = _after("greet28b and greet29", "3ee0e3e")
_G30 = _after("greet30", "bd2f086")
_G31 = _after("greet31", "8e132e2")
_G32 = _after("greet32", "65bad78")
_G33 = _after("greet33", "99e6e3e")
_G34 = _after("greet34", "a23996b")

#: table -> (written in session, status, its own runs in order: the first run, then its
#: session's merge; the later merges are in _TOTALS)
HELD_OUT_RUNS: dict[str, tuple[str, str, tuple[Run, ...]]] = {
    "test2": (
        "",
        "retired in session 5, tuned on since",
        (Run("end of session 4", (117, 120)),),
    ),
    "test3": (
        "",
        "retired in session 6, tuned on since",
        (
            Run("after session 5's greeting work (main f16b56b)", (114, 120)),
            Run("main e072376 (before session 6)", (114, 120)),
        ),
    ),
    "test4": (
        "6",
        "retired in session 7, tuned on since",
        (
            Run(_BEFORE.format(6, "e072376"), (118, 120)),
            Run("after session 6's greeting work (main 8a8ab87)", (119, 120)),
        ),
    ),
    "test5": (
        "7",
        "retired in session 20 (greet22) after its last held-out run, tuned on since",
        (
            Run(_BEFORE.format(7, "4ae6594"), (117, 120), (69, 70), (48, 50)),
            Run(_after("greet8", "2973b05"), (117, 120), (69, 70), (48, 50)),
        ),
    ),
    "test6": (
        "8",
        "retired in session 8 for error analysis of its misses (greet10), tuned on since",
        (
            Run(_BEFORE.format(8, "5935645"), (101, 120), (58, 70), (43, 50)),
            Run(_after("greet9", "cdcf1c8"), (102, 120), (60, 70), (42, 50)),
        ),
    ),
    "test7": (
        "9",
        "retired in session 20 (greet22) after its last held-out run, tuned on since",
        (
            Run(_BEFORE.format(9, "0fc723f"), (111, 120), (67, 70), (44, 50)),
            Run(_after("greet11", "d891ae5"), (114, 120), (68, 70), (46, 50)),
            Run(_after("greet12", "0337835") + ", session 10", (117, 120), (69, 70), (48, 50)),
        ),
    ),
    "test8": (
        "10",
        "retired in session 21 (greet23) after its last held-out run, tuned on since",
        (
            Run(_BEFORE.format(10, "28c30be"), (112, 120), (60, 62), (52, 58)),
            Run(_after("greet12", "0337835"), (114, 120), (60, 62), (54, 58)),
        ),
    ),
    "test9": (
        "11",
        "retired in session 22 (greet24) after its last held-out run, tuned on since",
        (
            Run(_BEFORE.format(11, "45a4b7c"), (114, 120), (57, 60), (57, 60)),
            Run(_G13, (116, 120), (58, 60), (58, 60)),
        ),
    ),
    "test10": (
        "12",
        "retired in session 23 (greet25) after its last held-out run, tuned on since",
        (
            Run(_BEFORE.format(12, "529bcd0"), (114, 120), (58, 62), (56, 58)),
            Run(_G14, (114, 120)),
        ),
    ),
    "test11": (
        "13",
        "retired in session 25 (greet28) after its last held-out run, tuned on since",
        (
            Run(_BEFORE.format(13, "88841f5"), (112, 120), (57, 60), (55, 60)),
            Run(_G15, (113, 120)),
        ),
    ),
    "test12": (
        "14",
        "retired in session 25 (greet28b) after its last held-out run, tuned on since",
        (
            Run(_BEFORE.format(14, "db35e40"), (113, 120), (57, 60), (56, 60)),
            Run(_G16, (114, 120)),
        ),
    ),
    "test13": (
        "15",
        "retired in session 26 (greet29) after its last held-out run, tuned on since",
        (
            Run(_BEFORE.format(15, "1bc0209"), (113, 120), (55, 60), (58, 60)),
            Run(_G17, (114, 120)),
        ),
    ),
    "test14": (
        "16",
        "retired in session 26 (greet30) after its last held-out run, tuned on since",
        (
            Run(_BEFORE.format(16, "b0988bd"), (115, 120), (58, 60), (57, 60)),
            Run(_G18, (115, 120)),
        ),
    ),
    "test15": (
        "16 (end)",
        "retired in session 27 (greet31) after its last held-out run, tuned on since",
        (
            Run(_BEFORE.format(17, "2472358"), (115, 120), (59, 60), (56, 60)),
            Run(_G19, (115, 120)),
            Run(_G21, (115, 120)),
            Run(_G22, (115, 120)),
            Run(_G23, (117, 120), (59, 60), (58, 60)),
            Run(_G24, (117, 120), (59, 60), (58, 60)),
            Run(_G25, (117, 120), (59, 60), (58, 60)),
            Run(_G28, (117, 120), (59, 60), (58, 60)),
            Run(_G29, (117, 120), (59, 60), (58, 60)),
            Run(_G30, (117, 120), (59, 60), (58, 60)),
        ),
    ),
    "test16": (
        "18",
        "retired in session 28 (greet32) after its last held-out run, tuned on since",
        (
            Run(_BEFORE.format(18, "e4c8870"), (110, 120), (58, 60), (52, 60)),
            Run(_G21, (112, 120), (60, 60), (52, 60)),
            Run(_G22, (112, 120), (60, 60), (52, 60)),
            Run(_G23, (113, 120), (60, 60), (53, 60)),
            Run(_G24, (113, 120), (60, 60), (53, 60)),
            Run(_G25, (113, 120), (60, 60), (53, 60)),
            Run(_G28, (113, 120), (60, 60), (53, 60)),
            Run(_G29, (113, 120), (60, 60), (53, 60)),
            Run(_G30, (113, 120), (60, 60), (53, 60)),
            Run(_G31, (113, 120), (60, 60), (53, 60)),
        ),
    ),
    "test17": (
        "20",
        "retired in session 28 (greet33) after its last held-out run, tuned on since",
        (
            Run(_BEFORE.format(20, "f7a410e"), (114, 120), (58, 60), (56, 60)),
            Run(_G22, (114, 120), (58, 60), (56, 60)),
            Run(_G23, (115, 120), (58, 60), (57, 60)),
            Run(_G24, (115, 120), (58, 60), (57, 60)),
            Run(_G25, (115, 120), (58, 60), (57, 60)),
            Run(_G28, (116, 120), (58, 60), (58, 60)),
            Run(_G29, (116, 120), (58, 60), (58, 60)),
            Run(_G30, (116, 120), (58, 60), (58, 60)),
            Run(_G31, (116, 120), (58, 60), (58, 60)),
            Run(_G32, (117, 120), (58, 60), (59, 60)),
        ),
    ),
    "test18": (
        "20 (end)",
        "retired in session 29 (greet34) after its last held-out run, tuned on since",
        (
            Run(_BEFORE.format(21, "ad9a46c"), (117, 120), (57, 60), (60, 60)),
            Run(_G23, (117, 120), (57, 60), (60, 60)),
            Run(_G24, (117, 120), (57, 60), (60, 60)),
            Run(_G25, (117, 120), (57, 60), (60, 60)),
            Run(_G28, (117, 120), (57, 60), (60, 60)),
            Run(_G29, (117, 120), (57, 60), (60, 60)),
            Run(_G30, (117, 120), (57, 60), (60, 60)),
            Run(_G31, (117, 120), (57, 60), (60, 60)),
            Run(_G32, (117, 120), (57, 60), (60, 60)),
            Run(_G33, (118, 120), (58, 60), (60, 60)),
        ),
    ),
    "test19": (
        "22",
        "held out",
        (
            Run(_BEFORE.format(22, "92b73ae"), (119, 120), (59, 60), (60, 60)),
            Run(_G24, (119, 120), (59, 60), (60, 60)),
            Run(_G25, (119, 120), (59, 60), (60, 60)),
            Run(_G28, (119, 120), (59, 60), (60, 60)),
            Run(_G29, (119, 120), (59, 60), (60, 60)),
            Run(_G30, (119, 120), (59, 60), (60, 60)),
            Run(_G31, (119, 120), (59, 60), (60, 60)),
            Run(_G32, (119, 120), (59, 60), (60, 60)),
            Run(_G33, (119, 120), (59, 60), (60, 60)),
            Run(_G34, (119, 120), (59, 60), (60, 60)),
        ),
    ),
    "test20": (
        "27",
        "held out",
        (
            Run(_BEFORE.format(27, "78b62c6"), (112, 120), (55, 60), (57, 60)),
            Run(_G31, (112, 120), (55, 60), (57, 60)),
            Run(_G32, (112, 120), (55, 60), (57, 60)),
            Run(_G33, (112, 120), (55, 60), (57, 60)),
            Run(_G34, (112, 120), (55, 60), (57, 60)),
        ),
    ),
    "test21": (
        "28",
        "held out",
        (
            Run(_BEFORE.format(28, "d340232"), (109, 120), (53, 60), (56, 60)),
            Run(_G32, (110, 120), (53, 60), (57, 60)),
            Run(_G33, (110, 120), (53, 60), (57, 60)),
            Run(_G34, (110, 120), (53, 60), (57, 60)),
        ),
    ),
    "test22": (
        "29",
        "held out",
        (
            Run(_BEFORE.format(29, "d9a3262"), (107, 120), (53, 60), (54, 60)),
            Run(_G34, (107, 120), (53, 60), (54, 60)),
        ),
    ),
}


#: the greeting merges run once, totals only, on every table held out at the time (privacy_before's
#: model): a column per merge, a total (of 120) per table; None where the table was not yet
#: written or the merge is its own session's (its runs above say it)
_CODES = (_G13, _G14, _G15, _G16, _G17, _G18, _G19, _G21, _G22, _G23, _G24, _G25, _G28, _G29)
_TOTALS: dict[str, tuple[int | None, ...]] = {
    "test5": (118, 118, 119, 119, 119, 119, 119, 117),
    "test7": (117, 117, 118, 118, 118, 118, 118, 118),
    "test8": (114, 114, 115, 115, 115, 116, 117, 117, 117),
    "test9": (None, 115, 115, 115, 115, 115, 116, 116, 117, 117),
    "test10": (None, None, 115, 117, 118, 118, 118, 118, 118, 118),
    "test11": (None, None, None, 114, 114, 114, 114, 114, 114, 114, 114, 114),
    "test12": (None, None, None, None, 114, 115, 115, 115, 115, 116, 116, 116, 118),
    "test13": (None, None, None, None, None, 114, 114, 114, 114, 115, 115, 115, 115),
    "test14": (None, None, None, None, None, None, 115, 115, 115, 115, 115, 115, 115, 115),
}
_NOTES = {
    ("test9", _G14): "one English row less",
    (
        "test5",
        _G21,
    ): "2 rows less: their labels write a diploma title, which greet21's house decision leaves out",
}


#: the last held-out run of a table retired after the merges of _CODES, on the code before any
#: tuning on it (greet22, session 20: main aa09dae6, measured by greet22 before it read a row)
_LAST: dict[str, Run] = {
    "test5": Run(
        "last held-out run, main aa09dae6 (session 20)",
        (117, 120),
        (67, 70),
        (50, 50),
        "its two diploma rows are the house decision of greet21",
    ),
    "test7": Run("last held-out run, main aa09dae6 (session 20)", (118, 120), (70, 70), (48, 50)),
    # greet23 (session 21): main ad9a46c0, measured by greet23 before it read a row
    "test8": Run("last held-out run, main ad9a46c0 (session 21)", (117, 120), (61, 62), (56, 58)),
    # greet24 (session 22): session 21's final code, main 92b73ae, measured by the integrator
    # before greet24 read a row
    "test9": Run("last held-out run, main 92b73ae (session 21)", (117, 120), (58, 60), (59, 60)),
    # greet25 (session 23): session 22's final code, main 5160956c, measured by greet25 before
    # it read a row
    "test10": Run("last held-out run, main 5160956c (session 22)", (118, 120), (61, 62), (57, 58)),
    # greet28 (session 25): main 2099f99c (the code this session started from), measured by
    # greet28 before it read a row
    "test11": Run("last held-out run, main 2099f99c (session 25)", (114, 120), (57, 60), (57, 60)),
    # greet28b (session 25): main 6321ccc4 (greet28 merged), measured by greet28b before it
    # read a row (the integrator measured the same on main 6321ccc)
    "test12": Run("last held-out run, main 6321ccc (session 25)", (118, 120), (60, 60), (58, 60)),
    # greet29 (session 26): main c98cb86b (greet28b merged; the code this session started
    # from), measured by greet29 before it read a row
    "test13": Run("last held-out run, main c98cb86b (session 26)", (115, 120), (56, 60), (59, 60)),
    # greet30 (session 26): main f6785320 (greet29 merged; the code this session started
    # from), measured by greet30 before it read a row (the integrator measured 115/120 on
    # main 3ee0e3e)
    "test14": Run("last held-out run, main f6785320 (session 26)", (115, 120), (58, 60), (57, 60)),
    # greet31 (session 27): main 78b62c67 (greet30 merged; the code this session started
    # from), measured by greet31 before it read a row (the integrator measured 117/120 on
    # main bd2f086, the greet30 merge)
    "test15": Run("last held-out run, main 78b62c67 (session 27)", (117, 120), (59, 60), (58, 60)),
    # greet32 (session 28): main d3402320 (greet31 merged; the code this session started
    # from), measured by greet32 before it read a row (the integrator measured 113/120 on
    # main 8e132e2, the greet31 merge)
    "test16": Run("last held-out run, main d3402320 (session 28)", (113, 120), (60, 60), (53, 60)),
    # greet33 (session 28): main 7b36c51f (greet32 merged; the code this round started from),
    # measured by greet33 before it read a row (the integrator measured 117/120 on main
    # 65bad78, the greet32 merge: column _G32)
    "test17": Run("last held-out run, main 7b36c51f (session 28)", (117, 120), (58, 60), (59, 60)),
    # greet34 (session 29): main a16fd3cd (greet33 merged as 99e6e3e; the code this round
    # started from), measured by greet34 before it read a row (the integrator measured 118/120
    # on main 99e6e3e, the greet33 merge: column _G33)
    "test18": Run("last held-out run, main a16fd3cd (session 29)", (118, 120), (58, 60), (60, 60)),
}


#: The rows each retired table lost AT RETIREMENT (its last held-out run, _LAST or the last run
#: of HELD_OUT_RUNS), by family: what fails on a table nobody has tuned on, where each round
#: then fixed the table it retired. Rebuilt by greet34 (session 29) by running the
#: retirement-time code of each table in a scratch worktree with --failures on that table only
#: (each run reproduced the recorded total: test2 on 9ce76919 117, test3 on e072376 114, test4
#: on 8a8ab87 119, test5 and test7 on aa09dae6 117 and 118, test6 on cdcf1c8 102, test8 on
#: ad9a46c0 117, test9 on 92b73ae 117, test10 on 5160956c 118, test11 on 2099f99c 114, test12
#: on 6321ccc 118, test13 on c98cb86b 115, test14 on f6785320 115, test15 on 78b62c67 117,
#: test16 on d3402320 113, test17 on 7b36c51f 117): 72 rows of 16 tables; test18's two
#: (118/120 on a16fd3cd, and on greet34's rules before it was read: PRE_READING), read after
#: that run, make 74 of 17 tables: gt18-009 "Dipl.-Ing. (FH) Dr." (a title), gt18-035
#: "Andrea" whose "meine Frau und ich" the spouse cue did not read (both sexes). Every family
#: but the last recurs across tables, in 3 to 8 tables each; the code of main a16fd3cd passes
#: all 72 rows of test2..test17 but six, branch greet34 all 74 but the same six: three house
#: decisions (gt5-013, gt5-030: a diploma left out; gt16-067: "Miss" greeted "Ms") and gt6-004
#: ("Gräfin"), gt6-117 ("Mr and Mrs" from "my husband"), gt17-031 (a masculine adjective is
#: no sex: the integrator's decision at the greet33 merge).
MISSED_AT_RETIREMENT: dict[str, tuple[str, ...]] = {
    # a family name first: East Asian order, in capitals ("ZHANG Weiqiang", "TRAN Thi Thu
    # Ha") or in Chinese and Vietnamese order ("Liang Haoran", "Luong Thi Mai", "LI Na")
    "family name first (East Asian order)": (
        "gt6-082", "gt8-026", "gt11-097", "gt14-083", "gt15-080", "gt16-096", "gt17-042",
    ),
    # a given name of two words or a double family name ("Mei Ling Chow", "Martínez Ortega",
    # "Fatima Ezzahra", "Nascimento Farias", "Ahmad Zia", "Ma. Cristina dela Cruz-Villanueva")
    "compound given or family names": (
        "gt4-103", "gt7-088", "gt11-101", "gt12-101", "gt14-091", "gt16-087",
    ),
    # a first name of another origin the name data do not know, so no sex or a wrong one
    # (Turkish "Şenay", Ethiopian "Tesfaye", Chinese "Xiuying", Frisian "Beke", Kurdish
    # "Rojhat", Tamil "Srinivasan", Irish "Kieran", Turkish "Ayşegül")
    "first name of another origin unknown to the data": (
        "gt3-013", "gt6-013", "gt8-085", "gt11-019", "gt14-040", "gt14-082", "gt16-077",
        "gt16-093",
    ),
    # a name given to both sexes: greeted neutrally by the label ("Tomke", "Kaya", "Ade",
    # "Alexis", "Moana"), or the mail says the sex ("Robin" as "Eigentümerin", "Gabriele")
    "names given to both sexes": (
        "gt5-052", "gt6-049", "gt6-108", "gt9-014", "gt10-008", "gt10-115", "gt13-012",
        "gt18-035",
    ),
    # the informal register and the name the writer signs: a short form or nickname ("mo",
    # "yasi", "Rafa", "Ollie"), a casual English mail ("hiya … Kirsty x", "Kia ora team!
    # … Aroha", "ta, sam"), a Du said to the firm ("Moin, … ihr habt … Hauke"); greet34 adds
    # the one-line mail that ends with stronger thanks and the name ("thanks so much, tom",
    # "tausend Dank, jojo") and the Irish and British openers ("Howya lads", "Wotcha")
    "informal register and the signed name": (
        "gt2-065", "gt2-111", "gt3-119", "gt6-066", "gt9-060", "gt11-118", "gt12-105",
        "gt15-089",
    ),
    # a group or firm as the sender and a person signing for it ("Lea (für die WG)", "Ruby
    # from Salty Yoga", "Ingenieurbüro Kracht & Partner", "Ristorante Da Andrea", "Thomas
    # Cruickshank | Senior Consultant"), or nobody ("The Trustees", "Wilson & Hale Architects")
    "group or firm as sender, role in the name": (
        "gt6-055", "gt7-105", "gt9-088", "gt11-030", "gt13-038", "gt13-096", "gt15-042",
        "gt16-114", "gt17-031",
    ),
    # two persons signing (woman first; "Mr and Mrs" only when written) and families
    # ("Inke und Torben Brodersen", "Bettina Krohn und Olaf Riedesel", "Familie Jessulat");
    # greet34 adds each form of address before its own initial and the family name once
    # ("Mr R and Mrs J Whitaker", "Herr K. und Frau M. Berg", which gave "Mr R")
    "couples and families": (
        "gt6-022", "gt6-060", "gt6-093", "gt6-117", "gt13-006", "gt14-004", "gt17-085",
    ),
    # titles and forms of address: Dr. in the signature only or reversed ("Rademacher, Frauke
    # Dr."), "Dr. med. dent.", "RA Dr.", clergy and honours (Rev, Father, Sir, Lady, Gräfin),
    # Mx, Miss (house: Ms), diplomas (house: left out)
    "titles and forms of address": (
        "gt3-005", "gt3-041", "gt5-013", "gt5-030", "gt6-004", "gt6-005", "gt6-074",
        "gt6-075", "gt6-077", "gt6-078", "gt8-112", "gt13-018", "gt16-067", "gt18-009",
    ),
    # capitals and initials: a name in capitals ("SVEN", "K.-D. MÖLLER"), in lowercase
    # ("bernadette mcguinness"), initials ("K.-H. Drefahl", "PK", "Herr R.")
    "capitals, lowercase and initials": (
        "gt3-069", "gt3-079", "gt6-007", "gt6-040", "gt11-037", "gt16-072",
    ),
    # someone else signs for the customer ("im Auftrag / Monika Frerichs / Sekretariat")
    "signed on behalf": ("gt2-045",),
}  # fmt: skip


#: a retired table scored once, totals only, with the round's finished general rules before
#: anyone read a row of it (the honest estimate of those rules on unseen data); the round's
#: tuning on the table's own misses came after (DEV_TUNING)
PRE_READING: dict[str, Run] = {
    # greet34 (session 29): branch greet34 32222feb (the informal-register and couple rules of
    # MISSED_AT_RETIREMENT's families), the same as its last held-out run: no test18 row moved
    "test18": Run("branch greet34 32222feb, before reading a row", (118, 120), (58, 60), (60, 60)),
}


class Tuning(NamedTuple):
    """One engineer's tuning on the development and retired tables: every such table scored
    with the code before and after (correct of rows; the rows that moved listed by language)."""

    who: str  # "greet28 (session 25)"
    before: str  # the code before: "main 2099f99c"
    after: str  # the code after: "branch greet28"
    totals: dict[str, tuple[_Pair, _Pair]]  # table -> (before, after)
    #: table -> ((German before, after), (English before, after)) where a total moved
    moved: dict[str, tuple[tuple[_Pair, _Pair], tuple[_Pair, _Pair]]]


def _same(*tables: tuple[str, int, int]) -> dict[str, tuple[_Pair, _Pair]]:
    return {name: ((good, rows), (good, rows)) for name, good, rows in tables}


#: the tables no round from greet28 on changed: each later round adds the table the round
#: before it retired and tuned to 120/120
_STEADY = (
    ("dev", 98, 100), ("dev2", 98, 100), ("dev3", 96, 100), ("dev4", 98, 100),
    ("dev5", 96, 100), ("dev6", 97, 100), ("dev7", 98, 100), ("dev8", 99, 100),
    ("dev9", 100, 100), ("dev10", 100, 100), ("dev11", 100, 100),
    ("dev12", 100, 100), ("dev13", 120, 120), ("dev14", 120, 120),
    ("dev15", 60, 60), ("dev16", 120, 120), ("test2", 116, 120),
    ("test3", 117, 120), ("test4", 119, 120), ("test5", 118, 120),
    ("test6", 118, 120), ("test7", 120, 120), ("test8", 120, 120),
    ("test9", 120, 120), ("test10", 120, 120),
)  # fmt: skip


def _tuning(
    merge: str,
    before: str,
    after: str,
    tuned_before: tuple[str, ...],
    retired: str,
    total: _Pair,
    german: _Pair,
    english: _Pair,
    tuned: tuple[_Pair, _Pair] | None = None,
    left: tuple[tuple[str, int, int], ...] = (),
) -> Tuning:
    """A round that retired `retired` (its `total`, German and English before) and tuned it to
    all rows (or to `tuned`: German and English after); every table of _STEADY,
    `tuned_before` (earlier rounds' tables, all rows since) and `left` (an earlier round's
    table at the figure that round left it: name, correct, rows) unchanged."""
    done = tuple((name, 120, 120) for name in tuned_before) + left
    de_after, en_after = tuned or ((german[1], german[1]), (english[1], english[1]))
    full = (de_after[0] + en_after[0], total[1])
    return Tuning(
        merge, before, after,
        {**_same(*_STEADY, *done), retired: (total, full)},
        {retired: ((german, de_after), (english, en_after))},
    )  # fmt: skip


#: the development and retired tables before and after each tuning recorded here (from greet28,
#: session 25; earlier sessions recorded theirs in their commit messages and docs/replies.md)
DEV_TUNING: tuple[Tuning, ...] = (
    _tuning("greet28 (session 25)", "main 2099f99c", "branch greet28", (), "test11",
            (114, 120), (57, 60), (57, 60)),
    _tuning("greet28b (session 25)", "main 6321ccc4", "branch greet28b", ("test11",), "test12",
            (118, 120), (60, 60), (58, 60)),
    _tuning("greet29 (session 26)", "main c98cb86b", "branch greet29", ("test11", "test12"),
            "test13", (115, 120), (56, 60), (59, 60)),
    _tuning("greet30 (session 26)", "main f6785320", "branch greet30",
            ("test11", "test12", "test13"), "test14", (115, 120), (58, 60), (57, 60)),
    _tuning("greet31 (session 27)", "main 78b62c67", "branch greet31",
            ("test11", "test12", "test13", "test14"), "test15", (117, 120), (59, 60), (58, 60)),
    # greet32 left one English row of test16 (gt16-067, "Miss" signed: a label conflict with
    # dev5's gd5-064 and dev8's gd8-061, which the house form follows)
    _tuning("greet32 (session 28)", "main d3402320", "branch greet32",
            ("test11", "test12", "test13", "test14", "test15"), "test16", (113, 120), (60, 60),
            (53, 60), ((60, 60), (59, 60))),
    # greet33 tuned test17 (a restaurant under the name, a Vietnamese family name in capitals,
    # a couple's joined initials; its rule reading a masculine adjective in the writer's
    # self-description as "man" was taken out by the integrator at the merge, so gt17's row of
    # that kind stays wrong: 119/120); test16 stays at greet32's 119/120
    _tuning("greet33 (session 28)", "main 7b36c51f", "main after the greet33 merge",
            ("test11", "test12", "test13", "test14", "test15"), "test17", (117, 120), (58, 60),
            (59, 60), ((59, 60), (60, 60)), left=(("test16", 119, 120),)),
    # greet34 retired test18 (118/120 at retirement and again with its general rules before
    # it read a row: PRE_READING) and tuned it: a diploma's kind of school in brackets
    # ("Dipl.-Ing. (FH) Dr.") keeps the doctorate after it; "meine Frau und ich" says the
    # writer is a man (the spouse cue refused every lowercase word after "Frau"). Its general
    # rules (stronger thanks before a signed name, "Howya"/"Wotcha"/"lads", "Mr R and Mrs J
    # Whitaker") moved no table row; test16 and test17 stay at 119/120
    _tuning("greet34 (session 29)", "main a16fd3cd", "branch greet34",
            ("test11", "test12", "test13", "test14", "test15"), "test18", (118, 120), (58, 60),
            (60, 60), left=(("test16", 119, 120), ("test17", 119, 120))),
)  # fmt: skip


def tuning_lines() -> list[str]:
    """Each recorded tuning: the tables that moved, and the sum over all of them."""
    lines = []
    for tuning in DEV_TUNING:
        moved = []
        for name, (before, after) in tuning.totals.items():
            if before != after:
                text = f"{name} {before[0]}/{before[1]} -> {after[0]}/{after[1]}"
                if name in tuning.moved:
                    (de_b, de_a), (en_b, en_a) = tuning.moved[name]
                    text += (
                        f" (German {de_b[0]}/{de_b[1]} -> {de_a[0]}/{de_a[1]}, "
                        f"English {en_b[0]}/{en_b[1]} -> {en_a[0]}/{en_a[1]})"
                    )
                moved.append(text)
        good = [sum(pair[i][0] for pair in tuning.totals.values()) for i in (0, 1)]
        rows = sum(pair[0][1] for pair in tuning.totals.values())
        lines.append(
            f"- {tuning.who}, {tuning.before} -> {tuning.after}: "
            f"{'; '.join(moved) or 'no table moved'}; every other table unchanged; "
            f"all {len(tuning.totals)} tables {good[0]} -> {good[1]} of {rows}."
        )
    return [
        "Tuning on the development and retired tables (every such table scored before and",
        "after; not evidence):",
        "",
        *lines,
    ]


def runs_of(name: str) -> tuple[Run, ...]:
    """Every run of a held-out table, in order: its own, then the merges of _CODES, then the
    last run before it was retired (_LAST)."""
    shared = (
        Run(code, (total, 120), note=_NOTES.get((name, code), ""))
        for code, total in zip(_CODES, _TOTALS.get(name, ()), strict=False)
        if total is not None
    )
    last = (_LAST[name],) if name in _LAST else ()
    return (*HELD_OUT_RUNS[name][2], *shared, *last)


def _figure(total: _Pair, german: _Pair | None, english: _Pair | None) -> str:
    text = f"{total[0]}/{total[1]}"
    if german and english:
        text += f" (German {german[0]}/{german[1]}, English {english[0]}/{english[1]})"
    return text


def first_run_lines() -> list[str]:
    """The table of the development tables' first runs (out-of-sample estimates)."""
    rows = [
        f"| `{name}.jsonl` | {run.senders} | {run.written or '–'} | {run.code} | {run.when} | "
        f"{_figure(run.total, run.german, run.english)} | {run.total[0] / run.total[1]:.2f} |"
        for name, run in FIRST_RUNS.items()
    ]
    return [
        "Out-of-sample estimates: each development table run once with the code before it was",
        "tuned on (from dev8 on, also before anyone read a row; provenance and notes in",
        "`<table>.README.md`):",
        "",
        "| table | senders | written in session | code | run | correct | share |",
        "|---|---|---|---|---|---|---:|",
        *rows,
    ]


def held_out_lines() -> list[str]:
    """The table of every run of the held-out tables (totals only); a later run whose total
    differs from the run before it is in bold."""
    rows = []
    for name, (written, status, _own) in HELD_OUT_RUNS.items():
        first, *later = runs_of(name)
        shown = []
        previous = first.total
        for run in later:
            figure = _figure(run.total, run.german, run.english)
            if run.total != previous:
                figure = f"**{figure}**"
            if run.note:
                figure += f" ({run.note})"
            shown.append(f"{run.code}: {figure}")
            previous = run.total
        rows.append(
            f"| {name} | {written or '–'} | {first.code}: "
            f"{_figure(first.total, first.german, first.english)} | "
            f"{'; '.join(shown) or '–'} | {status} |"
        )
    return [
        "Held-out runs, totals only, each table scored once per code before it was tuned on",
        "(the first run is the out-of-sample figure of the code before the table was read; a",
        "later total that moved is in bold). The target was MISSED on every run:",
        "",
        "| table | written in session | first run | later runs | status |",
        "|---|---|---|---|---|",
        *rows,
    ]
