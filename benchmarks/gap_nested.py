"""Nested leave-one-set-out of the knowledge-gap decision's long-mail shield cut
(drafter.drafting.gap_verdict.UNSHIELD_TERMS in long mails since round 18,
UNSHIELD_TERMS_LONG since round 27: the cut chosen here), over the dev gap sets only
(benchmarks.gap_verdict_bench.DEV_SETS; the golden cases stay out of every fit).

For each held-out set the cut is chosen among NEVER (round 15's rule: a long mail always
keeps the shield) and 2..5 by an inner leave-one-set-out on the other sets (most gaps flagged
minus answerable flagged, pooled); the logistic model is then fitted on those sets, its
`missing` threshold keeps their false alarms within GAP_BUDGET, and the held-out set is
counted. Prints pooled held-out counts (gaps flagged of all gaps, answerable flagged of all
answerable) for the fixed old rule and for the nested choice, per set. Run alone with
`python -m benchmarks.gap_nested` (a few minutes).
"""

from __future__ import annotations

import math

import numpy as np

from benchmarks.gap_verdict_bench import DEV_SETS, GAP_BUDGET, Row, rows_of
from benchmarks.retrieval_gap import budget
from drafter.drafting import gap_verdict as gv
from drafter.knowledge import gap
from drafter.knowledge.retrieve import Retriever

NEVER = 999  # a long mail never loses the shield (round 15)
CUTS = (2, 3, 4, 5, NEVER)


def _shield(rows: list[Row], long_cut: int) -> np.ndarray:
    """Rows the support shield keeps from `missing`: a short mail below UNSHIELD_TERMS
    missing key terms, a long one below `long_cut`; neither with a key term no passage
    contains rarer than UNSHIELD_ZIPF (round 26)."""
    out = []
    for r in rows:
        support = 1 / (1 + math.exp(-r.x[0]))
        cut = long_cut if r.long else gv.UNSHIELD_TERMS
        out.append(support >= gv.SURE_SUPPORT and r.x[1] < cut and r.x[2] >= gv.UNSHIELD_ZIPF)
    return np.array(out)


def _held_out(data: dict[str, list[Row]], train: list[str], held: str, cut: int) -> tuple[int, int]:
    rows = [r for n in train for r in data[n]]
    x = np.array([r.x for r in rows])
    y = np.array([r.answerable for r in rows], float)
    model = gap.fit_logistic(x, y)
    fitted = gap.predict(x, model)
    threshold = budget(np.where(_shield(rows, cut), 1.0, fitted), y, GAP_BUDGET)
    test = data[held]
    flag = (gap.predict(np.array([r.x for r in test]), model) < threshold) & ~_shield(test, cut)
    y_test = np.array([r.answerable for r in test])
    return int(flag[~y_test].sum()), int(flag[y_test].sum())


def _loso(data: dict[str, list[Row]], names: list[str], cut: int) -> tuple[int, int]:
    counts = [_held_out(data, [n for n in names if n != held], held, cut) for held in names]
    return sum(c[0] for c in counts), sum(c[1] for c in counts)


def section(retriever: Retriever) -> list[str]:
    data = {n: rows_of(retriever, n) for n in DEV_SETS}
    gaps_total = sum(not r.answerable for n in DEV_SETS for r in data[n])
    answerable_total = sum(r.answerable for n in DEV_SETS for r in data[n])
    old = {h: _held_out(data, [n for n in DEV_SETS if n != h], h, NEVER) for h in DEV_SETS}
    nested: dict[str, tuple[int, int]] = {}
    chosen: dict[str, int] = {}
    for held in DEV_SETS:
        inner = [n for n in DEV_SETS if n != held]
        scores = {c: _loso(data, inner, c) for c in CUTS}
        chosen[held] = max(CUTS, key=lambda c: (scores[c][0] - scores[c][1], scores[c][0]))
        nested[held] = _held_out(data, inner, held, chosen[held])
    rows = [
        f"| {h} | {old[h][0]} / {old[h][1]} | {nested[h][0]} / {nested[h][1]} | "
        f"{'never' if chosen[h] == NEVER else chosen[h]} |"
        for h in DEV_SETS
    ]

    def total(counts: dict[str, tuple[int, int]]) -> str:
        g, a = sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())
        return f"{g} of {gaps_total} / {a} of {answerable_total}"

    return [
        "### Knowledge gap: the long-mail shield cut, nested leave-one-set-out (dev sets)",
        "",
        "Cells: held-out gaps flagged / answerable flagged (`missing`, the model and the "
        "shield; no subject cover). Old rule: a long mail always keeps the shield.",
        "",
        "| held-out set | old rule | nested choice | cut chosen |",
        "|---|---|---|---|",
        *rows,
        f"| all | {total(old)} | {total(nested)} | |",
    ]


def main() -> None:
    from benchmarks.retrieval_data import sample_recorded

    with sample_recorded("gap-nested-") as rec:
        print("\n".join(section(rec.retriever)))


if __name__ == "__main__":
    main()
