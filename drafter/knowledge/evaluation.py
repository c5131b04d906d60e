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
from drafter.toolkit import hit_at_k, percentile, recall_at_k

__all__ = ["RetrievalCase", "evaluate_retrieval", "load_retrieval_cases", "percentile"]


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


def evaluate_retrieval(
    retriever: Retriever,
    cases: list[RetrievalCase],
    *,
    k: int = 5,
    mode: Mode = "hybrid",
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, float | int]:
    """n, recall@1, recall@5 (and recall@k: the share of a case's gold articles in the top k,
    averaged), hit@5 (any gold article in the top 5), mrr (over the top max(k, 10)), p95_ms."""
    depth = max(k, 10)
    cutoffs = sorted({1, 5, k})
    recall = dict.fromkeys(cutoffs, 0.0)
    hits = 0.0
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
        for cutoff in cutoffs:
            recall[cutoff] += recall_at_k(ids, gold, cutoff) or 0.0
        hits += hit_at_k(ids, gold, 5) or 0.0
        if progress:
            progress(i, len(cases))
    n = len(cases)
    result: dict[str, float | int] = {"n": n}
    for cutoff in cutoffs:
        result[f"recall@{cutoff}"] = round(recall[cutoff] / n, 4)
    result["hit@5"] = round(hits / n, 4)
    result["mrr"] = round(reciprocal / n, 4)
    result["p95_ms"] = round(percentile(latencies, 95), 2)
    return result
