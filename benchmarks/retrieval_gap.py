"""The knowledge-gap part of bench_retrieval: in-domain negatives, the gap model fitted
leave-one-set-out, and the blind gap set when present.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from benchmarks.gap_history import FIRST_RUN
from benchmarks.retrieval_data import Recorded
from drafter.drafting.gap_verdict import MISSING, PARTIAL, decide
from drafter.knowledge import gap
from drafter.knowledge.embeddings import word_encoder
from drafter.knowledge.fusion import Signals, without
from drafter.knowledge.retrieve import build_query
from drafter.language import detect_language

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "benchmarks" / "data" / "gaps"
DEV = ROOT / "benchmarks" / "data" / "gaps_dev"
DEV3 = ROOT / "benchmarks" / "data" / "gaps_dev3"  # a third dev set (limits_dev3)
DEV4 = ROOT / "benchmarks" / "data" / "gaps_dev4"  # a fourth dev set (limits_dev4)
DEV5 = ROOT / "benchmarks" / "data" / "gaps_dev5"  # a fifth dev set (limits_dev5)
DEV6 = ROOT / "benchmarks" / "data" / "gaps_dev6"  # a sixth dev set (limits_dev6)
DEV7 = ROOT / "benchmarks" / "data" / "gaps_dev7"  # a seventh dev set (limits_dev7)
DEV8 = ROOT / "benchmarks" / "data" / "gaps_dev8"  # an eighth dev set (limits_dev8)
DEV10 = ROOT / "benchmarks" / "data" / "gaps_dev10"  # a ninth dev set (limits_dev10)
DEV11 = ROOT / "benchmarks" / "data" / "gaps_dev11"  # a tenth dev set (limits_dev11)
DEV12 = ROOT / "benchmarks" / "data" / "gaps_dev12"  # an eleventh dev set (limits_dev12)
DEV13 = ROOT / "benchmarks" / "data" / "gaps_dev13"  # a twelfth dev set (limits_dev13)
DEV14 = ROOT / "benchmarks" / "data" / "gaps_dev14"  # long realistic mails (session 15)
DEV15 = ROOT / "benchmarks" / "data" / "gaps_dev15"  # with partial.jsonl (session 16)
DEV17 = ROOT / "benchmarks" / "data" / "gaps_dev17"  # limits_dev17 (session 18)
DEV18 = ROOT / "benchmarks" / "data" / "gaps_dev18"  # limits_dev18 (session 20)
#: held out in sessions 6..18 (limits_test2, limits_test3); retired to development data in
#: session 19 with their last held-out figures (recall 29/40 and 27/40, false alarms 2/40 and 3/40);
#: gaps_test4 (limits_test4, held out in sessions 8..20) retired in session 21 (27/40, 3/40);
#: gaps_test5 (limits_test5, held out in sessions 9..22) retired in session 23 (27/40, 2/40);
#: gaps_test6 (limits_test6, held out in sessions 10..25) retired in session 26 (35/40, 1/40);
#: gaps_test7 (limits_test7, held out in sessions 11..26) retired in session 27 (28/40, 3/40);
#: gaps_test8 (limits_test8, held out in sessions 12..27) retired in session 28 (32/40, 2/40);
#: gaps_test9 (limits_test9, held out in sessions 13..28) retired in session 29 (35/40, 2/40)
TEST2 = ROOT / "benchmarks" / "data" / "gaps_test2"  # retired to development data (session 19)
TEST3 = ROOT / "benchmarks" / "data" / "gaps_test3"  # retired to development data (session 19)
TEST4 = ROOT / "benchmarks" / "data" / "gaps_test4"  # retired to development data (session 21)
TEST5 = ROOT / "benchmarks" / "data" / "gaps_test5"  # retired to development data (session 23)
TEST6 = ROOT / "benchmarks" / "data" / "gaps_test6"  # retired to development data (session 26)
TEST7 = ROOT / "benchmarks" / "data" / "gaps_test7"  # retired to development data (session 27)
TEST8 = ROOT / "benchmarks" / "data" / "gaps_test8"  # retired to development data (session 28)
TEST9 = ROOT / "benchmarks" / "data" / "gaps_test9"  # retired to development data (session 29)
TEST10 = ROOT / "benchmarks" / "data" / "gaps_test10"  # a tenth held-out set (limits_test10)
TEST11 = ROOT / "benchmarks" / "data" / "gaps_test11"  # an eleventh held-out set (limits_test11)
TEST12 = ROOT / "benchmarks" / "data" / "gaps_test12"  # a twelfth held-out set (limits_test12)
TEST13 = ROOT / "benchmarks" / "data" / "gaps_test13"  # a thirteenth held-out set (limits_test13)
TEST14 = ROOT / "benchmarks" / "data" / "gaps_test14"  # limits_test14 (session 18)
TEST15 = ROOT / "benchmarks" / "data" / "gaps_test15"  # limits_test15 (session 20)
TEST16 = ROOT / "benchmarks" / "data" / "gaps_test16"  # limits_test16 (session 21)
TEST17 = ROOT / "benchmarks" / "data" / "gaps_test17"  # limits_test17 (session 22)
TEST18 = ROOT / "benchmarks" / "data" / "gaps_test18"  # limits_test18 (session 22)
TEST19 = ROOT / "benchmarks" / "data" / "gaps_test19"  # limits_test19 (session 28)
TEST20 = ROOT / "benchmarks" / "data" / "gaps_test20"  # limits_test20 (session 29)
RETIRED = (TEST2, TEST3, TEST4, TEST5, TEST6, TEST7, TEST8, TEST9)  # once held out, dev (19..29)
HELD_OUT = (
    TEST10,
    TEST11,
    TEST12,
    TEST13,
    TEST14,
    TEST15,
    TEST16,
    TEST17,
    TEST18,
    TEST19,
    TEST20,
)
RECALL_TARGET = 0.85
FALSE_ALARM_TARGET = 0.10
OLD_THRESHOLD = 0.30  # the previous decision: best weighted-fusion score below 0.30


@dataclass
class Examples:
    x: np.ndarray  # features (rows)
    y: np.ndarray  # 1 = answerable, 0 = gap
    fused: np.ndarray  # best fused (product fusion) score
    old: np.ndarray  # best score of the previous weighted fusion
    empty: np.ndarray  # bool: nothing retrieved at all


def _row(rec: Recorded, sig: Signals, query: str) -> tuple[np.ndarray, float, float, bool]:
    from drafter.knowledge.fusion import weighted

    retriever = rec.retriever
    scores = retriever.rank(sig)
    top = int(np.argmax(scores))
    old = float(rec.language_factor(sig, weighted(sig, 0.4, 32.0)).max())  # previous fusion
    if scores[top] <= 0:
        return np.zeros(len(gap.FEATURES)), 0.0, old, True
    return retriever.gap_features(sig, scores, top, query), float(scores[top]), old, False


def examples(rec: Recorded, kind: str, seed: int = 13) -> Examples:
    """ "loo": each answerable question as is (1) and without its gold articles (0), plus real
    gaps (0); "lho": a random half of the articles removed for every question."""
    rows: list[tuple[np.ndarray, float, float, bool]] = []
    labels: list[int] = []
    half: list[int] = []
    if kind == "lho":
        n = len(rec.retriever.kb_ids)
        half = random.Random(seed).sample(range(n), n // 2)
    removed = set(half)
    for query, gold, sig in zip(rec.queries, rec.gold, rec.signals, strict=True):
        if kind == "loo":
            if gold:
                rows.append(_row(rec, sig, query))
                labels.append(1)
                rows.append(_row(rec, without(sig, gold), query))
            else:
                rows.append(_row(rec, sig, query))
            labels.append(0)
        elif gold:
            rows.append(_row(rec, without(sig, half), query))
            labels.append(0 if gold & removed else 1)
    return Examples(
        np.array([r[0] for r in rows]),
        np.array(labels, dtype=np.float64),
        np.array([r[1] for r in rows]),
        np.array([r[2] for r in rows]),
        np.array([r[3] for r in rows], dtype=bool),
    )


def budget(score: np.ndarray, y: np.ndarray, max_false_alarm: float = FALSE_ALARM_TARGET) -> float:
    """The highest threshold on `score` (gap below it) whose false-alarm rate on answerable
    questions stays within the budget."""
    answerable = np.sort(score[y == 1])
    if not len(answerable):
        return 0.5
    allowed = int(np.floor(max_false_alarm * len(answerable)))  # may be flagged
    return float(answerable[min(allowed, len(answerable) - 1)])


def rates(flagged: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(gap recall, false-alarm rate on answerable questions)."""
    recall = float(np.mean(flagged[y == 0])) if (y == 0).any() else float("nan")
    false_alarm = float(np.mean(flagged[y == 1])) if (y == 1).any() else float("nan")
    return recall, false_alarm


def auc(score: np.ndarray, y: np.ndarray) -> float:
    pos, neg = score[y == 1], score[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean()
    return float(greater)


def _fit(train: list[Examples]) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray, float], float]:
    x = np.vstack([e.x for e in train])
    y = np.concatenate([e.y for e in train])
    model = gap.fit_logistic(x, y)
    return model, budget(gap.predict(x, model), y)


def _verdict(recall: float, false_alarm: float) -> str:
    ok = recall >= RECALL_TARGET and false_alarm <= FALSE_ALARM_TARGET
    return "met" if ok else "MISSED"


def section(recs: dict[str, Recorded]) -> list[str]:
    loo = {s: examples(r, "loo") for s, r in recs.items()}
    lho = {s: examples(r, "lho") for s, r in recs.items()}
    rows = []
    for held in recs:
        train = [loo[s] for s in recs if s != held]
        model, threshold = _fit(train)
        e, h = loo[held], lho[held]
        p = gap.predict(e.x, model)
        recall, fa = rates((p < threshold) | e.empty, e.y)
        ph = gap.predict(h.x, model)
        h_recall, h_fa = rates((ph < threshold) | h.empty, h.y)
        # baselines: the best fused score alone (threshold chosen on the other sets), and
        # the previous decision (weighted fusion's best score < 0.30)
        t_fused = budget(
            np.concatenate([t.fused for t in train]), np.concatenate([t.y for t in train])
        )
        f_recall, f_fa = rates(e.fused < t_fused, e.y)
        o_recall, o_fa = rates(e.old < OLD_THRESHOLD, e.y)
        n_pos, n_neg = int(e.y.sum()), int((e.y == 0).sum())
        rows.append(
            f"| {held} | {n_pos} / {n_neg} | {o_recall:.2f} / {o_fa:.2f} | "
            f"{f_recall:.2f} / {f_fa:.2f} | {auc(p, e.y):.3f} | {threshold:.2f} | "
            f"**{recall:.2f} / {fa:.2f}** | {_verdict(recall, fa)} | "
            f"{h_recall:.2f} / {h_fa:.2f} ({int((h.y == 0).sum())} gaps) |"
        )
    model, threshold = _fit(list(loo.values()))
    mean, scale, weights, bias = model
    code = [
        "```python",
        f"MEAN = np.array({_list(mean)})",
        f"SCALE = np.array({_list(scale)})",
        f"WEIGHTS = np.array({_list(weights)})",
        f"BIAS = {bias:.4f}",
        f"THRESHOLD = {threshold:.2f}",
        "```",
    ]
    # the code's constants reproduce this fit when their supports agree on every example
    # (the fit moves a little between runs: query embeddings are not bit-identical)
    x = np.vstack([e.x for e in loo.values()])
    code_support = np.array([gap.support(row) for row in x])
    matches = (
        float(np.abs(code_support - gap.predict(x, model)).max()) < 0.03
        and abs(gap.THRESHOLD - round(threshold, 2)) <= 0.011
    )
    return [
        "### Knowledge gap, leave-one-set-out on in-domain negatives",
        "",
        "Negatives are built from each set's own questions with one index per set: "
        "**LOO** asks every answerable question once as is (answerable) and once with its "
        "gold article(s) excluded from the candidates at query time (a gap); the sample set "
        "adds its 4 real gap cases. **LHO** excludes a seeded random half of the articles "
        "for every question: questions whose gold article is in that half are gaps. The gap "
        "model (drafter.knowledge.gap: logistic regression over "
        f"{', '.join(gap.FEATURES)}) is fitted on the LOO examples of the other four sets, "
        "its threshold is the highest one keeping false alarms on those sets within "
        f"{FALSE_ALARM_TARGET:.2f} (the target's budget), and both are reported on the "
        "held-out set. Cells: gap recall / false-alarm rate (answerable questions flagged "
        "as gaps).",
        "",
        f"Target: recall >= {RECALL_TARGET} with false alarms <= {FALSE_ALARM_TARGET} on LOO "
        "of every set.",
        "",
        "| held-out set | answerable / gaps (LOO) | previous: weighted score < 0.30 | best "
        "fused score only (LOSO threshold) | gap model AUC | threshold (chosen on the others) "
        "| gap model, LOO | target | gap model, LHO |",
        "|---|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        "The product's model is fitted the same way on all five sets' LOO examples "
        "(drafter/knowledge/gap.py holds these constants; DRAFTER_KB_GAP_THRESHOLD overrides "
        f"the threshold). This run's fit (the code's constants give supports within 0.03 of "
        f"it on every example and the same threshold: "
        f"{'yes' if matches else 'NO - copy these into drafter/knowledge/gap.py'}):",
        "",
        *code,
    ]


def _list(values: np.ndarray) -> str:
    return "[" + ", ".join(f"{v:.4f}" for v in values) + "]"


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _read(path: Path) -> list[dict[str, object]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def tally(results: list[tuple[str, str, bool, bool]]) -> list[str]:
    """Table rows (all, then per language) from (kind "gap"/"answerable", language, flagged,
    gold in top 5) per question: gap recall, false alarms, gold in top 5, target."""
    rows = []
    for lang in ("all", *sorted({r[1] for r in results})):
        part = [r for r in results if lang == "all" or r[1] == lang]
        gap_flags = [r[2] for r in part if r[0] == "gap"]
        ans = [r for r in part if r[0] == "answerable"]
        recall = sum(gap_flags) / len(gap_flags) if gap_flags else float("nan")
        fa = sum(r[2] for r in ans) / len(ans) if ans else float("nan")
        rows.append(
            f"| {lang} | {recall:.2f} ({sum(gap_flags)}/{len(gap_flags)}) | {fa:.2f} "
            f"({sum(r[2] for r in ans)}/{len(ans)}) | {sum(r[3] for r in ans)}/{len(ans)} | "
            f"{_verdict(recall, fa)} |"
        )
    return rows


def blind_section(rec: Recorded, folder: Path = BLIND, *, dev: bool = False) -> list[str]:
    """The product decision on the blind gap/answerable files for the sample KB, if present.
    `dev`: a development set (others may have tuned on it), labelled as such."""
    gaps_file, answerable_file = folder / "gaps.jsonl", folder / "answerable.jsonl"
    title = f"dev set {folder.name} (development data)" if dev else f"{folder.name} (held out)"
    head = [f"### Knowledge gap, {title}, sample KB", ""]
    if not gaps_file.is_file() or not answerable_file.is_file():
        return [
            *head,
            f"Not reported: {_shown(gaps_file)} and answerable.jsonl are not in this checkout.",
        ]
    retriever = rec.retriever
    encode = word_encoder(retriever)  # as the drafting engine passes it
    results: list[tuple[str, str, bool, bool]] = []  # (kind, lang, flagged, gold in top 5)
    partial = {"gap": 0, "answerable": 0}  # draft kept with a kb_partial warning
    for kind, path in (("gap", gaps_file), ("answerable", answerable_file)):
        for row in _read(path):
            query = build_query(str(row.get("subject") or ""), str(row.get("message") or ""))
            lang = str(row.get("lang") or "") or detect_language(query)
            passages = retriever.search(query, k=5, language=lang)
            gold_ids = row.get("gold_kb_ids") or []
            gold = {Path(str(g)).stem for g in gold_ids} if isinstance(gold_ids, list) else set()
            found = any(p.kb_id in gold for p in passages)
            texts = [str(retriever.article(p.kb_id).get("text") or p.text) for p in passages]
            verdict = decide(
                str(row.get("subject") or ""),
                str(row.get("message") or ""),
                passages,
                texts,
                lang,
                retriever.is_gap(passages),
                encode,
            )
            results.append((kind, lang, verdict == MISSING, found))
            partial[kind] += verdict == PARTIAL
    rows = tally(results)
    n_gap = sum(1 for r in results if r[0] == "gap")
    return [
        *head,
        f"Files: {gaps_file.name} ({n_gap} gap questions), {answerable_file.name} "
        f"({len(results) - n_gap} answerable) in {_shown(folder)}; written by another helper "
        + (
            "as development data (read for error analysis; the draft's gap decision, "
            "drafter.drafting.gap_verdict, is fitted with the dev sets among its data). "
            if dev
            else "and never used for tuning. "
        )
        + "The product decision (`Retriever.search`, then drafter.drafting.gap_verdict."
        "decide: `missing` counts as flagged) over an index of kb/.",
        *(["", FIRST_RUN[folder.name]] if folder.name in FIRST_RUN else []),
        "",
        "| language | gap recall | false alarms | answerable: gold in top 5 | target |",
        "|---|---|---|---|---|",
        *rows,
        "",
        f"`partial` (draft kept, kb_partial warning): {partial['gap']} gap and "
        f"{partial['answerable']} answerable questions.",
    ]
