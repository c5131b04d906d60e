"""Retrieval evaluation: golden cases (cases_*.jsonl) against a retriever -> recall@k, MRR, p95.

Every case goes through the product's query path (`build_query` then `Retriever.search`),
and the latency measured per case includes embedding the query.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import EvalError
from drafter.knowledge.retrieve import Mode, Retriever, build_query


@dataclass
class RetrievalCase:
    case_id: str
    subject: str
    message: str
    gold: list[str]
    language: str = ""


def load_retrieval_cases(path: Path) -> list[RetrievalCase]:
    """Cases with at least one gold article; a malformed line is an EvalError naming it."""
    if not path.is_file():
        raise EvalError(
            f"cases file {path} does not exist", hint="pass a cases_*.jsonl file with --cases"
        )
    cases: list[RetrievalCase] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                gold = [str(g) for g in row.get("gold_kb_ids") or []]
                message = str(row.get("message") or "")
            except (ValueError, AttributeError) as exc:
                raise EvalError(
                    f"{path}:{number}: not a JSON case object ({exc})",
                    hint='each line needs {"case_id", "subject", "message", "gold_kb_ids"}',
                ) from exc
            if not gold or not message.strip():
                continue  # nothing to score (no gold article, or no question)
            cases.append(
                RetrievalCase(
                    case_id=str(row.get("case_id") or f"line-{number}"),
                    subject=str(row.get("subject") or ""),
                    message=message,
                    gold=gold,
                    language=str(row.get("lang") or ""),
                )
            )
    if not cases:
        raise EvalError(
            f"{path} has no case with gold_kb_ids", hint="check the file is a cases_*.jsonl set"
        )
    return cases


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def evaluate_retrieval(
    retriever: Retriever,
    cases: list[RetrievalCase],
    *,
    k: int = 5,
    mode: Mode = "hybrid",
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, float | int]:
    """n, recall@1, recall@5 (and recall@k), mrr (over the top max(k, 10)) and p95_ms."""
    depth = max(k, 10)
    hits_at = {1: 0, 5: 0, k: 0}
    reciprocal = 0.0
    latencies: list[float] = []
    for i, case in enumerate(cases, start=1):
        started = time.perf_counter()
        query = build_query(case.subject, case.message)
        passages = retriever.search(query, k=depth, mode=mode)
        latencies.append((time.perf_counter() - started) * 1000)
        ids = [p.kb_id for p in passages]
        gold = set(case.gold)
        rank = next((r for r, kb_id in enumerate(ids) if kb_id in gold), None)
        if rank is not None:
            reciprocal += 1.0 / (rank + 1)
            for cutoff in hits_at:
                if rank < cutoff:
                    hits_at[cutoff] += 1
        if progress:
            progress(i, len(cases))
    n = len(cases)
    result: dict[str, float | int] = {"n": n}
    for cutoff in sorted(hits_at):
        result[f"recall@{cutoff}"] = round(hits_at[cutoff] / n, 4)
    result["mrr"] = round(reciprocal / n, 4)
    result["p95_ms"] = round(percentile(latencies, 95), 2)
    return result
