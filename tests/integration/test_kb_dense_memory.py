"""A local index's vectors are searched in memory (drafter.knowledge.loaded / retrieve): the
nearest chunks are the ones Chroma's own query returns, and a search while the folder's
published version (drafter.knowledge.index_lock) is the loaded one opens neither the lock nor
Chroma; an ingest (here: of another store on the folder) makes the next search reload."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pytest

from drafter.knowledge.embeddings import embed_query
from drafter.knowledge.index_lock import VERSION_NAME, published_version
from drafter.knowledge.ingest import ingest
from drafter.knowledge.retrieve import open_retriever
from drafter.knowledge.store import IndexStore
from tests.integration.test_kb_concurrent import _desk, _kb, _settings, _top
from tests.integration.test_kb_damage import HashEmbedding

QUERIES = ["Abschlag Frage 3", "Portal Antwort 17", "Stand", "Abschlag ändern 42", "Zähler"]


def _seeded(text: str, dims: int) -> np.ndarray:
    seed = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")
    return np.random.default_rng(seed).standard_normal(dims)


class WordEmbedding(HashEmbedding):
    """Texts sharing words are near (a sum of per-word vectors) and no two texts are equal
    (a little per-text noise), so the nearest-chunk order has no ties to differ on."""

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        rows = []
        for text in texts:
            row = 0.05 * _seeded(text, 64)
            for word in re.findall(r"\w+", text.lower()):
                row += _seeded(word, 64)
            rows.append((row / np.linalg.norm(row)).tolist())
        return rows


def test_the_nearest_chunks_in_memory_are_chromas(tmp_path: Path) -> None:
    settings, model = _settings(tmp_path / "data"), WordEmbedding()
    ingest(settings, [_kb(tmp_path / "kb1.jsonl", 1)], embed_model=model)
    desk = open_retriever(settings, embed_model=model)
    assert desk.vectors is not None and len(desk.vectors) == len(desk.chunks) == 160
    with desk.store.session():
        chunks, _ = desk.store.collections()
        for query in QUERIES:
            vector = embed_query(model, query)
            ours = desk._nearest(vector, 100)
            got = chunks.query(
                query_embeddings=[vector.tolist()], n_results=100, include=["distances"]
            )
            assert ours[0] == got["ids"][0], query
            assert ours[1] == pytest.approx(got["distances"][0], abs=1e-5), query
    # the whole dense search: the same passages and scores as through a Chroma query
    memory = [desk.search(q, k=10, mode="dense") for q in QUERIES]
    desk.vectors = None  # the server path: Retriever._query_server
    assert [desk.search(q, k=10, mode="dense") for q in QUERIES] == memory


def test_a_search_of_the_published_version_opens_no_chroma(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, model, desk = _desk(tmp_path)
    root = desk.store.root
    assert published_version(root) == desk.version  # published by the ingest
    assert "Stand 1" in _top(desk, 7)

    opened = []
    real = IndexStore.client
    monkeypatch.setattr(IndexStore, "client", lambda self: opened.append(1) or real(self))
    assert "Stand 1" in _top(desk, 7) and "Stand 1" in _top(desk, 31)
    assert opened == []  # neither the version check nor the vector query opened Chroma

    # an ingest elsewhere publishes a new version: the next search reloads and serves it
    ingest(settings, [_kb(tmp_path / "kb2.jsonl", 2)], embed_model=model)
    assert published_version(root) not in ("", None, desk.version)
    assert "Stand 2" in _top(desk, 7) and opened
    assert published_version(root) == desk.version

    # no published version (an index of an older drafter): checked under the lock, published
    (root / VERSION_NAME).unlink()
    opened.clear()
    assert "Stand 2" in _top(desk, 9) and opened
    assert published_version(root) == desk.version
    opened.clear()
    assert "Stand 2" in _top(desk, 9) and opened == []


def test_an_ingest_withdraws_the_version_until_it_is_done(tmp_path: Path) -> None:
    settings, model, desk = _desk(tmp_path)
    store = IndexStore(settings)
    seen = []
    real = IndexStore.add_articles

    def spy(self: IndexStore, rows: list, vectors: object) -> None:
        seen.append(published_version(self.root))  # while the index is half-written
        real(self, rows, vectors)

    try:
        IndexStore.add_articles = spy  # type: ignore[method-assign]
        ingest(settings, [_kb(tmp_path / "kb2.jsonl", 2)], embed_model=model)
    finally:
        IndexStore.add_articles = real  # type: ignore[method-assign]
    assert seen == [None]
    assert published_version(store.root) == store.meta().version  # type: ignore[union-attr]
    assert not desk.current() and "Stand 2" in _top(desk, 5) and desk.current()
