"""The knowledge-base index read into memory for searching, kept in step with the store.

Owns `LoadedIndex`, the half of drafter.knowledge.retrieve.Retriever that holds the index:
reading every article and chunk record (for a local index with its vector, into one matrix;
every index's vectors give the articles' twins, drafter.knowledge.twins) and building the BM25
statistics from the stored stems (`load`, which never writes to the
index -- it only publishes the version it read, drafter.knowledge.index_lock -- and turns any
failure into a clear "damaged index" error), loading it again when another process ingested
(`refresh`: the published version, else one metadata read), and what the loaded index says
about itself (`article`, `stats`, `fingerprint`). Searching it is
the Retriever's.
"""

from __future__ import annotations

import math
import threading
from typing import Any

import numpy as np

from drafter.config import Settings
from drafter.errors import KnowledgeBaseError
from drafter.knowledge.twins import closest_by_language

REFERENCE_CHUNKS = 1000  # BM25 saturation is scaled by log(1 + chunks) / log(1 + this)


class LoadedIndex:
    """The articles, chunks, BM25 statistics and vector collection of one index, in memory."""

    settings: Settings
    store: Any
    version: str
    _lock: threading.Lock
    vectors: np.ndarray | None = None  # a local index's unit chunk vectors, rows = self.chunks

    def load(self) -> None:
        """Read the whole index (again), holding the index (a running ingest is waited for,
        briefly); any failure here means a damaged index."""
        with self.store.session():
            self._load_checked()

    def _load_checked(self) -> None:
        from drafter.knowledge.embeddings import embedding_id
        from drafter.knowledge.health import (
            REBUILD_HINT,
            probe_vector_files,
            raise_if_blocked,
            remember_vector_files,
        )

        store = self.store
        # probe before anything opens the store here: a damaged HNSW file can crash this process
        crashed = probe_vector_files(store)
        if crashed:
            raise KnowledgeBaseError(crashed, hint=REBUILD_HINT)
        meta = store.meta()
        if meta is None:
            raise store.missing()
        if meta.embedding != embedding_id(self.settings):
            raise KnowledgeBaseError(
                f"the index in {store.location} was built with {meta.embedding}, "
                f"but the settings ask for {embedding_id(self.settings)}",
                hint="run `drafter kb ingest` to rebuild the index with the configured model",
            )
        try:
            self._load()
        except KnowledgeBaseError:
            raise
        except Exception as exc:
            raise_if_blocked(store, exc)
            raise KnowledgeBaseError(
                f"the index in {store.location} is damaged ({type(exc).__name__}: "
                f"{str(exc).splitlines()[0][:150] if str(exc) else 'unreadable'})",
                hint=REBUILD_HINT,
            ) from exc
        self.meta = meta
        self.version = meta.version
        remember_vector_files(store)
        store.publish(meta.version)  # under the lock, so it is the folder's current version

    def _load(self) -> None:
        from drafter.knowledge.lexical import Bm25Index, char_grams

        self.articles = {k: a.row() for k, a in self.store.read_articles().items()}
        # a local index's vectors are searched in memory (Retriever._dense): a search then
        # needs neither the lock nor Chroma while the published version is the loaded one
        local = self.store.local
        self.chunks = self.store.read_chunks(vectors=True)  # vectors: twins (and a local search)
        body = [c for c in self.chunks if c.kind == "body"]
        missing = sorted({c.kb_id for c in self.chunks} - set(self.articles))
        if missing or any(not c.stems for c in body):
            raise ValueError(f"chunk records without article or BM25 terms ({missing[:1]})")
        self.body_chunks = body
        kb_ids = sorted(self.articles)
        self.kb_ids = kb_ids
        self._article_index = {kb_id: i for i, kb_id in enumerate(kb_ids)}
        self._chunk_by_id = {c.id: c for c in self.chunks}
        self._article_lang = np.array([self.articles[k].get("language", "") for k in kb_ids])
        self._body_article = np.array([self._article_index[c.kb_id] for c in body], dtype=np.int64)
        self._idf_scale = math.log1p(max(1, len(body))) / math.log1p(REFERENCE_CHUNKS)
        tokens = [c.stems.split(" ") for c in body]
        self.bm25_words = Bm25Index.build(tokens)
        self.bm25_grams = Bm25Index.build([char_grams(t) for t in tokens])
        self.vectors = _unit_matrix([c.vector for c in self.chunks])
        is_body = np.array([c.kind == "body" for c in self.chunks], dtype=bool)
        self._closest_by_language = closest_by_language(
            self.vectors[is_body] if self.chunks else self.vectors,
            [self._article_index[c.kb_id] for c in body],
            self._article_lang,
        )
        if not local:  # a Chroma server is searched per query: no matrix kept
            self.vectors = None
        for c in self.chunks:
            c.vector = None  # kept once, in the matrix
        if self.vectors is not None:
            self._vector_count = len(self.vectors)
        else:  # a Chroma server is queried per search (Retriever._dense)
            chunks, _ = self.store.collections()
            self._vector_count = int(chunks.count())
        self._word_postings: dict[str, np.ndarray] = {}
        self._gram_postings: dict[str, np.ndarray] = {}
        self._untrusted: dict[int, list[str]] = {}

    def refresh(self) -> bool:
        """Load the index again when its version changed (True when it did).

        Metadata that cannot be read right now (an ingest between two steps, a busy store)
        keeps the loaded index in service: it was complete when it was loaded, and failing a
        draft over a passing hiccup would strand the email. Concurrent searches reload once.
        A local folder whose published version (drafter.knowledge.index_lock) is the loaded
        one is not opened at all; one without a published version gets it published here.
        """
        if self.current():  # the folder's published version is the loaded one: no Chroma
            return False
        with self.store.session():  # no ingest can start between the check and the load
            meta = self.store.meta()
            if meta is None:
                return False
            if meta.version == self.version:
                self.store.publish(meta.version)  # e.g. an index of an older drafter
                return False
            with self._lock:
                if meta.version == self.version:  # another thread reloaded it meanwhile
                    return False
                if self.store.local:
                    self.store.close()  # a local Chroma client caches what it read
                self.load()
        return True

    def current(self) -> bool:
        """Whether the loaded index is the local folder's published version (no lock, no
        Chroma: one small file read)."""
        return (
            self.vectors is not None
            and bool(self.version)
            and self.store.published() == self.version
        )

    def close(self) -> None:
        """Drop the references to the vector store (the index files stay as they are)."""
        self.store.close()

    def article(self, kb_id: str) -> dict[str, Any]:
        """The full article (kb_id, title, url, text, language, contact_reason) for the UI."""
        try:
            return dict(self.articles[kb_id])
        except KeyError:
            raise KnowledgeBaseError(
                f"no article {kb_id!r} in the index in {self.store.location}",
                hint="run `drafter kb ingest` if the knowledge base changed",
            ) from None

    def stats(self) -> dict[str, Any]:
        languages: dict[str, int] = {}
        for row in self.articles.values():
            languages[row.get("language", "")] = languages.get(row.get("language", ""), 0) + 1
        return {
            "articles": len(self.articles),
            "chunks": len(self.body_chunks),
            "vectors": len(self.chunks),
            "languages": languages,
            "index_dir": self.store.location,
            "size_bytes": self.store.size_bytes(),
            "embedding": self.meta.embedding,
            "dim": self.meta.dim,
            "version": self.meta.version,
            "written": self.meta.written,
        }

    def fingerprint(self) -> tuple[str, str, list[tuple[str, str]]]:
        """(embedding model, chunking, sorted (kb_id, content hash)): what the index holds."""
        hashes = sorted((k, str(a.get("hash", ""))) for k, a in self.articles.items())
        return self.meta.embedding, self.meta.chunking, hashes


def _unit_matrix(vectors: list[Any]) -> np.ndarray:
    """The vectors as rows of unit length (float32): cosine similarity is one product."""
    if not vectors:
        return np.zeros((0, 0), dtype=np.float32)
    if any(v is None for v in vectors):
        raise ValueError("chunk records without vectors")
    matrix = np.asarray(np.stack([np.asarray(v, dtype=np.float32) for v in vectors]))
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)
