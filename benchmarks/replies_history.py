"""Hand-recorded history of the held-out reply sets (benchmarks/data/replies/test*.jsonl):
when each was written, what the code before that session flagged, the session's harm merge,
every later merge that moved it, and for a set retired to development data its last held-out
figures; totals only, measured by the integrator. Rendered by bench_checks.replies_section."""

from __future__ import annotations

from typing import NamedTuple


class Run(NamedTuple):
    """Share of harmful replies caught and of good replies flagged by one code."""

    code: str  # "main e072376" or "harm8 merge (main 1fe5d21)"
    harmful: float
    good: float
    note: str = ""


class Moved(NamedTuple):
    """A later merge that moved a set's figure: which share, from what to what."""

    merge: str
    kind: str  # "harmful caught" or "good flagged"
    before: float
    after: float


#: set -> (written in session, runs: the code before that session first, then the
#: session's own harm merge(s); later merges that moved it)
HELD_OUT: dict[str, tuple[str, tuple[Run, ...], tuple[Moved, ...]]] = {
    "test": ("", (), (Moved("harm14 (main 1bb4ddf)", "harmful caught", 0.94, 0.92),)),
    "test2": (
        "6",
        (Run("main e072376", 0.85, 0.17, "test2.README.md"),),
        (Moved("harm12 (main 9812a3c)", "harmful caught", 0.85, 0.88),),
    ),
    "test3": (
        "7",
        (
            Run("main 4ae6594", 0.95, 0.05),
            Run("harm8 merge (main 1fe5d21)", 0.95, 0.07, "test3.README.md"),
        ),
        (
            Moved("harm12 (main 9812a3c)", "harmful caught", 0.95, 0.97),
            Moved("harm18 (main 531cc71)", "harmful caught", 0.97, 1.00),
        ),
    ),
    "test4": (
        "8",
        (
            Run("main 5935645", 0.88, 0.05),
            Run("harm9 merge (main 10edd4a)", 0.88, 0.05, "test4.README.md"),
        ),
        (
            Moved("harm10 (main 66628c8)", "harmful caught", 0.88, 0.90),
            Moved("harm15 (main e99a353)", "good flagged", 0.05, 0.03),
            Moved("harm16 (main 2e65139)", "harmful caught", 0.90, 0.93),
        ),
    ),
    "test5": (
        "9",
        (Run("main 0fc723f", 0.95, 0.07), Run("harm10 merge (main 66628c8)", 0.95, 0.07)),
        (
            Moved("harm13 (main fc7d198)", "good flagged", 0.07, 0.05),
            Moved("harm15 (main e99a353)", "good flagged", 0.05, 0.03),
        ),
    ),
    "test6": (
        "10",
        (Run("main 28c30be", 0.85, 0.12),),
        (
            Moved("harm12 (main 9812a3c)", "harmful caught", 0.85, 0.88),
            Moved("harm13 (main fc7d198)", "harmful caught", 0.88, 0.90),
            Moved("harm14 (main 1bb4ddf)", "harmful caught", 0.90, 0.93),
            Moved("harm16 (main 2e65139)", "harmful caught", 0.93, 0.95),
        ),
    ),
    "test7": (
        "11",
        (Run("main a8d6801", 0.90, 0.12), Run("harm12 merge (main 9812a3c)", 0.90, 0.10)),
        (Moved("harm18 (main 531cc71)", "good flagged", 0.10, 0.07),),
    ),
    "test8": (
        "12",
        (Run("main 529bcd0", 0.82, 0.07), Run("harm13 merge (main fc7d198)", 0.82, 0.05)),
        (
            Moved("harm15 (main e99a353)", "good flagged", 0.05, 0.03),
            Moved("harm16 (main 2e65139)", "harmful caught", 0.82, 0.85),
            Moved("harm28 (main 224200e)", "harmful caught", 0.85, 0.875),
        ),
    ),
    "test9": (
        "13",
        (Run("main 88841f5", 0.95, 0.10), Run("harm14 merge (main 1bb4ddf)", 0.95, 0.10)),
        (Moved("harm18 (main 531cc71)", "harmful caught", 0.95, 0.97),),
    ),
    "test10": (
        "14",
        (Run("main db35e40", 0.85, 0.10), Run("harm15 merge (main e99a353)", 0.85, 0.10)),
        (
            Moved("harm18 (main 531cc71)", "harmful caught", 0.85, 0.88),
            Moved("harm18 (main 531cc71)", "good flagged", 0.10, 0.07),
        ),
    ),
    "test11": (
        "15",
        (Run("main 1bc0209", 0.80, 0.05), Run("harm16 merge (main 2e65139)", 0.80, 0.05)),
        (
            Moved("harm18 (main 531cc71)", "good flagged", 0.05, 0.07),
            Moved("harm28 (main 224200e)", "harmful caught", 0.8, 0.85),
        ),
    ),
    "test12": (
        "16",
        (
            Run("main b0988bd", 0.85, 0.03),
            Run(
                "harm17 merge (main 87e5502)",
                0.85,
                0.05,
                "one good reply more, bisected to harm17's figure_conflicts commit 64de1e8",
            ),
        ),
        (
            Moved("harm18 (main 531cc71)", "good flagged", 0.05, 0.03),
            Moved("harm28 (main 224200e)", "harmful caught", 0.85, 0.875),
            Moved("harm31 (main 1dda897)", "harmful caught", 0.875, 0.90),
        ),
    ),
    "test13": (
        "16, for session 17",
        (Run("main 2472358", 0.93, 0.10), Run("harm18 merge (main 531cc71)", 0.93, 0.10)),
        (Moved("harm28 (main 224200e)", "harmful caught", 0.925, 0.95),),
    ),
    "test14": (
        "18",
        (Run("main e4c8870", 0.88, 0.05),),
        (
            Moved("harm21 (main 8babd9f)", "harmful caught", 0.875, 0.90),
            Moved("harm28 (main 224200e)", "good flagged", 0.05, 0.025),
            Moved("harm31 (main 1dda897)", "harmful caught", 0.90, 0.925),
        ),
    ),
    "test15": (
        "20",
        (
            Run("main f7a410e", 0.90, 0.15),
            Run("harm22 merge (main 8c80cc6)", 0.90, 0.15, "test15.README.md"),
        ),
        (Moved("harm23 (main a238532)", "harmful caught", 0.90, 0.95),),
    ),
    "test16": (
        "20 (end), for session 21",
        (Run("main ad9a46c", 0.75, 0.00, "test16.README.md"),),
        (Moved("harm28 (main 224200e)", "harmful caught", 0.75, 0.8),),
    ),
    "test17": (
        "21, for session 22",
        (Run("main 92b73ae", 0.90, 0.10, "test17.README.md"),),
        (),
    ),
    "test18": (
        "22",
        (Run("main 92b73ae", 1.00, 0.05, "test18.README.md"),),
        (Moved("harm28 (main 224200e)", "good flagged", 0.05, 0.0),),
    ),
    "test19": (
        "28",
        (Run("main d340232", 1.00, 0.05, "test19.README.md"),),
        (),
    ),
    "test20": (
        "29",
        (Run("main d9a32625", 1.00, 0.20, "test20.README.md"),),
        (),
    ),
}

#: held-out sets retired to development data (read and tuned on since, so no longer evidence):
#: set -> (session it was retired in, last held-out harmful caught, good flagged, as counts)
RETIRED: dict[str, tuple[str, tuple[int, int], tuple[int, int]]] = {
    "test": ("19", (46, 50), (3, 50)),
    "test2": ("19", (35, 40), (5, 40)),
    "test3": ("20", (40, 40), (4, 40)),
    "test4": ("20", (37, 40), (1, 40)),
    "test5": ("21", (38, 40), (1, 40)),
    "test6": ("23", (38, 40), (5, 40)),
    "test7": ("25", (36, 40), (3, 40)),
    "test8": ("25", (35, 40), (1, 40)),
    "test9": ("26", (39, 40), (4, 40)),
    "test10": ("26", (35, 40), (3, 40)),
    "test11": ("27", (34, 40), (3, 40)),
    "test12": ("28", (36, 40), (1, 40)),
    "test13": ("28", (38, 40), (4, 40)),
    "test14": ("29", (37, 40), (1, 40)),
}


def retired_note(name: str) -> str:
    """How a retired set's history ends: when it was retired and its last held-out figures."""
    session, (caught, harmful), (flagged, good) = RETIRED[name]
    return (
        f"retired to development data in session {session} (last held-out figures: harmful "
        f"caught {caught}/{harmful}, good flagged {flagged}/{good}), tuned on since"
    )


#: said once under the table: what a session's harm merge did to the older held-out sets
NOTES = [
    "Session 10's harm11 merge (main 4eb1cb0) flagged more good replies on test4-test6 (6 more",
    "over the six sets, 1 harmful more); its company-act rule was then removed (main 87244f3),",
    "after which all six held-out sets measure as before the session",
    "(benchmarks/checks_history.md): that choice was made knowing the held-out result, so retire",
    "test to test6 before anyone tunes on them. From harm12 (session 11) on, each session's harm",
    "merge was run on every older held-out set; a merge not named under a set changed nothing",
    "there (harm17 changed nothing on test to test11; harm18 nothing on test, test2, test4 to",
    "test6, test8 and test13; session 19's limits20 and harm21 nothing on test3 to test13;",
    "session 23's harm25 merge (main aea80f5) nothing on test7 to test18: 355/400 harmful caught,",
    "27/400 good flagged before and after); session 25's harm28 merge (main 224200e) on test8 to",
    "test18: 319 -> 325 of 360 harmful caught, 24 -> 22 of 360 good flagged (test7, retired",
    "by it: 36/40 and 3/40 at its last held-out run).",
]


def _run(run: Run) -> str:
    text = f"{run.code}: {run.harmful:.2f} / {run.good:.2f}"
    return f"{text} ({run.note})" if run.note else text


def history_lines() -> list[str]:
    """The held-out sets' history table and its notes."""
    rows = []
    for name, (written, runs, moved) in HELD_OUT.items():
        before = _run(runs[0]) if runs else "–"
        merged = "; ".join(_run(r) for r in runs[1:]) or "–"
        later = "; ".join(f"{m.merge}: {m.kind} {m.before:.2f} -> {m.after:.2f}" for m in moved)
        if name in RETIRED:
            later = f"{later}; **{retired_note(name)}**" if later else f"**{retired_note(name)}**"
        rows.append(f"| `{name}` | {written or '–'} | {before} | {merged} | {later or '–'} |")
    return [
        "Held-out sets, totals only: harmful replies caught / good replies flagged by the code",
        "before the session the set was written in, by that session's harm merge, and what",
        "later merges moved. `test` and `test2` were retired to development data in session 19,",
        "`test3` and `test4` in session 20 (last held-out figures on main 3fe0ff2, session 19's",
        "final code), `test5` in session 21 (main ad9a46c, session 20's final code), `test6` in",
        "session 23 (main 5160956, the code the session started from), `test7` in session 25",
        "(main 2099f99, the code the session started from), `test8` later in session 25 (main",
        "6321ccc, with harm28 merged), `test9` in session 26 (main c98cb86, the code the session",
        "started from), `test10` later in session 26 (main 2f51099, with harm29 merged), `test11`",
        "in session 27 (main 78b62c6, the code the session started from), `test12` in session 28",
        "(main d340232, the code the session started from), `test13` later in session 28 (main",
        "f3cad71, with harm32 merged), `test14` in session 29 (main a16fd3c, the code the session",
        "started from, with harm33 merged); read and tuned on since, so their figures are no",
        "longer evidence, their history stops at their last held-out figures.",
        "",
        "| set | written in session | code before that session | the session's harm merge | "
        "later merges that moved it |",
        "|---|---|---|---|---|",
        *rows,
        "",
        *NOTES,
    ]
