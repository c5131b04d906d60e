"""Labelled example emails as evidence for the contact reason (nearest neighbours in meaning).

`data/reason_examples.jsonl` holds hand-labelled customer emails (the development splits of
the blind contact-reason sets, benchmarks/data/reasons/dev*.jsonl; the held-out test split is
not among them). An incoming email is embedded with the knowledge base's embedding model and
compared with the examples; the reasons of the K most similar ones, weighted by similarity,
become votes for drafter.drafting.reasons.classify (next to the lexical cues and the reasons of
the retrieved articles). Examples whose reason is not configured are ignored. The example
vectors are computed once per embedding model and process (about a second for 220 emails
with USE).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

import numpy as np

EXAMPLES = Path(__file__).parent / "data" / "reason_examples.jsonl"
K = 5
MIN_SIMILARITY = 0.45  # cosine below which an example is not similar enough to vote
_LOCK = threading.Lock()
_CACHE: dict[str, tuple[np.ndarray, list[str], list[str]]] = {}


def _examples() -> list[dict[str, str]]:
    lines = EXAMPLES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _vectors(model: Any) -> tuple[np.ndarray, list[str], list[str]]:
    from drafter.knowledge.embeddings import embed_texts
    from drafter.knowledge.retrieve import build_query

    key = f"{type(model).__name__}:{getattr(model, 'model_name', '')}"  # same model, same vectors
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is None:
            rows = _examples()
            texts = [build_query(r["subject"], r["message"]) for r in rows]
            reasons = [r["reason"] for r in rows]
            cached = (embed_texts(model, texts), reasons, [r["id"] for r in rows])
            _CACHE[key] = cached
        return cached


def embed_examples(model: Any) -> None:
    """Embed the labelled examples now (once per model and process), not at the first vote."""
    if model is not None:
        _vectors(model)


def example_votes(
    model: Any,
    subject: str,
    body: str,
    reasons: Sequence[str],
    k: int | None = None,
    exclude: Collection[str] = (),
) -> list[tuple[str, float]]:
    """(reason, weight) of the k most similar configured examples; weights sum to 1.
    Empty without an embedding model. `exclude`: example ids to leave out (the benchmark
    scores each labelled dev email without itself)."""
    if model is None:
        return []
    from drafter.knowledge.embeddings import embed_query
    from drafter.knowledge.retrieve import build_query

    vectors, labels, ids = _vectors(model)
    allowed = np.array(
        [label in reasons and i not in exclude for label, i in zip(labels, ids, strict=True)]
    )
    if not allowed.any():
        return []
    query = embed_query(model, build_query(subject, body))
    sims = np.where(allowed, vectors @ query, -np.inf)
    best = np.argsort(-sims)[: k or K]
    best = best[sims[best] >= MIN_SIMILARITY]  # an email like no example gets no votes
    weights = np.clip(sims[best], 0.0, None)
    total = float(weights.sum())
    if total <= 0:
        return []
    return [(labels[i], float(w) / total) for i, w in zip(best, weights, strict=True)]
