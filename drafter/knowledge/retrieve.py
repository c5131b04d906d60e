"""Retrieval: the one query path (`build_query`) and the hybrid `Retriever` over an index.

`search` scores every article two ways -- BM25 over stemmed chunk tokens (the query's
language decides the stemmer) and cosine similarity of the query vector to the chunk and
title vectors (in memory for a local index, else a Chroma server query) -- and fuses them
per article (best chunk wins), so one passage per article comes back. The fused score is
absolute, not rank-based, so a low best score means the knowledge base has no answer
(`is_gap`). Loading an index (drafter.knowledge.loaded) never writes to it.
"""

from __future__ import annotations

import contextlib
import tempfile
import threading
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import numpy as np

from drafter.config import Settings
from drafter.errors import KnowledgeBaseError
from drafter.knowledge import gap, twins
from drafter.knowledge.fusion import (
    FUSION,
    Fusion,
    Signals,
    dense_only,
    fuse,
    lexical_only,
    prefer_language,
    without,
)
from drafter.knowledge.gap import THRESHOLD as GAP_THRESHOLD
from drafter.knowledge.index_lock import IndexBusy
from drafter.knowledge.loaded import LoadedIndex
from drafter.knowledge.query import build_query, clean_body
from drafter.language import detect_language
from drafter.models import Passage

Mode = Literal["hybrid", "bm25", "dense"]
__all__ = ["Mode", "Retriever", "build_query", "clean_body", "open_retriever"]

# The fusion and the saturation of BM25 live in drafter.knowledge.fusion, the knowledge-gap
# decision in drafter.knowledge.gap (both chosen by cross-validation in bench_retrieval).
TITLE_BOOST = 1.1  # a query matching an article's title alone counts a little more
CANDIDATES = 100  # chunks fetched from the vector store per query

# --- the retriever -----------------------------------------------------------------------


class Retriever(LoadedIndex):
    """Hybrid BM25 + dense search over one index (see `open_retriever`).

    A local index's vectors are searched in memory (`_nearest`), a Chroma server's by a
    query. Before each search the index version is compared (a local folder: its published
    version file; a server: one metadata read); when another
    machine or process has ingested since, the index is loaded again, so a desk serves the
    new knowledge base without a restart (loading: drafter.knowledge.loaded.LoadedIndex).
    """

    def __init__(
        self,
        settings: Settings,
        root: Path | None = None,
        embed_model: Any | None = None,
        *,
        store: Any = None,
    ) -> None:
        from drafter.knowledge.embeddings import make_embedding
        from drafter.knowledge.store import open_store

        self.settings = settings
        self.store = store if store is not None else open_store(settings, root)
        self.layout = self.store  # the index's location (root, location) for callers
        self._lock = threading.Lock()
        self.version = ""
        self.load()
        self.embed_model = embed_model if embed_model is not None else make_embedding(settings)
        threshold = settings.kb_gap_threshold
        self.gap_threshold = threshold if threshold > 0 else GAP_THRESHOLD

    # -- public API --------------------------------------------------------------------

    def search(
        self,
        query: str,
        k: int = 5,
        language: str | None = None,
        *,
        mode: Mode = "hybrid",
        exclude: Collection[str] = (),
    ) -> list[Passage]:
        """The k best articles for the query, one passage (its best chunk) per article.

        `mode` "bm25" (lexical only) and "dense" exist for evaluation; the product uses hybrid.
        `exclude` (kb_ids) leaves articles out as if they were not in the index (evaluation
        of the knowledge-gap decision). The first passage carries `support`, the gap model's
        probability that the knowledge base answers the query.
        """
        query = query.strip()[: self.settings.max_query_chars]  # bounded work per query
        if not query:
            return []
        lang = language or detect_language(query)
        with contextlib.ExitStack() as held:
            if self.current():  # the folder's published version: answer from memory, while
                held.enter_context(self._lock)  # no thread of this process reloads
            else:  # the version check (and a reload) in one hold of the index
                held.enter_context(self.store.session())
                self.refresh()
            if not self.kb_ids:
                return []
            signals = self.signals(query, lang, mode)
        if exclude:
            index = self._article_index
            signals = without(signals, [index[e] for e in exclude if e in index])
        scores = self.rank(signals, mode)
        if len(scores) > k:
            head = np.argpartition(-scores, k)[:k]
            order = head[np.argsort(-scores[head], kind="stable")]
        else:
            order = np.argsort(-scores, kind="stable")
        passages = []
        for idx in order:
            if scores[idx] <= 0:
                break
            passages.append(self._passage(int(idx), signals, float(scores[idx])))
        if passages and mode == "hybrid":
            passages[0].support = round(self.support(signals, scores, int(order[0]), query), 4)
        return passages

    def signals(self, query: str, lang: str, mode: Mode = "hybrid") -> Signals:
        """The raw per-article scores of one query (BM25 words and grams, dense cosine)."""
        from drafter.knowledge.lexical import char_grams, tokenize

        n = len(self.kb_ids)
        tokens = tokenize(query, lang)
        zero = np.zeros(n, dtype=np.float64)
        signals = Signals(lang, tokens, zero, zero.copy(), zero.copy(), zero > 0, self._idf_scale)
        if mode != "dense":
            signals.word, signals.word_chunk = self._lexical(self.bm25_words, tokens)
            signals.gram, _ = self._lexical(self.bm25_grams, char_grams(tokens))
        if mode != "bm25":
            signals.dense, signals.dense_hit, signals.dense_chunk = self._dense(query, n)
        return signals

    def rank(self, signals: Signals, mode: Mode = "hybrid", fusion: Fusion = FUSION) -> np.ndarray:
        """Per-article ranking scores in [0, 1] for one query (see drafter.knowledge.fusion)."""
        if mode == "bm25":
            return lexical_only(signals)
        if mode == "dense":
            return dense_only(signals)
        # the reply is written in the customer's language: prefer articles in it
        return prefer_language(
            fuse(signals, fusion), signals, self._article_lang, twinned=self.twinned(signals.lang)
        )

    def twinned(self, lang: str) -> np.ndarray:
        """Which articles have a twin in `lang` (drafter.knowledge.twins)."""
        return twins.twinned(self._closest_by_language, lang, len(self.kb_ids))

    def gap_features(
        self, signals: Signals, scores: np.ndarray, top: int, query: str
    ) -> np.ndarray:
        """The gap model's features for the best article `top` (drafter.knowledge.gap)."""
        return gap.features(
            signals,
            scores,
            top,
            query,
            lambda t: self._articles_with(self.bm25_words, self._word_postings, t),
            lambda t: self._articles_with(self.bm25_grams, self._gram_postings, t),
            self._text_of,
        )

    def support(self, signals: Signals, scores: np.ndarray, top: int, query: str) -> float:
        """Probability that the best article `top` answers the query (the gap model)."""
        return gap.support(self.gap_features(signals, scores, top, query))

    def is_gap(self, passages: Sequence[Passage]) -> bool:
        """True when the knowledge base most likely has no answer (the gap model's support of
        the best passage is below the threshold)."""
        if not passages:
            return True
        top = passages[0]
        value = top.support if top.support is not None else top.score
        return value < self.gap_threshold

    # -- internals -----------------------------------------------------------------------

    def _lexical(self, index: Any, tokens: list[str]) -> tuple[np.ndarray, dict[int, str]]:
        """Per-article best BM25 chunk score and, for matching articles, that chunk's id."""
        per_article = np.zeros(len(self.kb_ids), dtype=np.float64)
        chunk_scores = index.scores(tokens)
        if len(chunk_scores) != len(self.body_chunks) or not chunk_scores.any():
            return per_article, {}
        np.maximum.at(per_article, self._body_article, chunk_scores)
        hits = np.flatnonzero(chunk_scores)
        if len(hits) > CANDIDATES * 4:
            hits = hits[np.argpartition(-chunk_scores[hits], CANDIDATES * 4)[: CANDIDATES * 4]]
        order = hits[np.argsort(-chunk_scores[hits], kind="stable")]
        best: dict[int, str] = {}
        for ci in order:
            best.setdefault(int(self._body_article[ci]), self.body_chunks[ci].id)
        return per_article, best

    def _rewritten(self) -> bool:
        """Whether the index is not the loaded one any more (gone, or another version)."""
        try:
            meta = self.store.meta()
        except Exception:
            return False
        return meta is None or meta.version != self.version

    def _dense(self, query: str, n_articles: int) -> tuple[np.ndarray, np.ndarray, dict[int, str]]:
        """Per-article best cosine, whether it was a candidate, and its best chunk id."""
        from drafter.knowledge.embeddings import embed_query

        per_article = np.zeros(n_articles, dtype=np.float64)
        hit = np.zeros(n_articles, dtype=bool)
        count = self._vector_count
        if count == 0:
            return per_article, hit, {}
        vector = embed_query(self.embed_model, query)
        if self.vectors is not None:  # a local index: its vectors are in memory
            ids, distances = self._nearest(vector, min(CANDIDATES, count))
        else:
            ids, distances = self._query_server(vector, min(CANDIDATES, count))
        best: dict[int, str] = {}
        floor = 1.0 - float(distances[-1]) if distances else 0.0
        for chunk_id, distance in zip(ids, distances, strict=True):
            chunk = self._chunk_by_id.get(chunk_id)
            if chunk is None:
                continue
            idx = self._article_index[chunk.kb_id]
            sim = 1.0 - float(distance)
            if chunk.kind == "title":
                sim *= TITLE_BOOST
            if not hit[idx] or sim > per_article[idx]:
                per_article[idx] = sim
                best[idx] = chunk.id
                hit[idx] = True
        # articles outside the candidate list are at most as similar as the last candidate
        per_article[~hit] = max(0.0, floor)
        return per_article, hit, best

    def _nearest(self, vector: np.ndarray, n: int) -> tuple[list[str], list[float]]:
        """The n chunks nearest to the query vector, nearest first, with their cosine
        distances (1 - cosine: the space of the chunk collection): exact, in memory."""
        assert self.vectors is not None
        query = np.asarray(vector, dtype=np.float32)
        norm = float(np.linalg.norm(query))
        sims = self.vectors @ (query / norm if norm > 0 else query)
        top = np.argpartition(-sims, n - 1)[:n] if n < len(sims) else np.arange(len(sims))
        top = top[np.argsort(-sims[top], kind="stable")]
        return [self.chunks[i].id for i in top], [1.0 - float(sims[i]) for i in top]

    def _query_server(self, vector: np.ndarray, n: int) -> tuple[list[str], list[float]]:
        """The n nearest chunks from the Chroma server (team mode) and their distances."""
        try:
            with self.store.session():
                chunks, _ = self.store.collections()
                result = chunks.query(
                    query_embeddings=[vector.tolist()], n_results=n, include=["distances"]
                )
        except IndexBusy:
            raise
        except Exception as exc:  # chromadb raises many types for damaged segment files
            from drafter.knowledge.health import REBUILD_HINT

            if self._rewritten():  # a shared index an ingest is writing (a local one is locked)
                raise KnowledgeBaseError(
                    f"the index in {self.store.location} is being updated by `drafter kb "
                    "ingest` (it changed during this search)",
                    hint="try again in a moment: the next search uses the new index",
                ) from exc
            if isinstance(exc, KnowledgeBaseError):
                raise
            raise KnowledgeBaseError(
                f"the vector store in {self.store.location} is damaged ({type(exc).__name__})",
                hint=REBUILD_HINT,
            ) from exc
        return list(result["ids"][0]), [float(d) for d in result["distances"][0]]

    def _articles_with(self, index: Any, cache: dict[str, np.ndarray], token: str) -> np.ndarray:
        """Indices of the articles whose chunks contain the token (cached per token)."""
        found = cache.get(token)
        if found is None:
            found = np.unique(self._body_article[index.postings(token)])
            if len(cache) > 50_000:
                cache.clear()
            cache[token] = found
        return found

    def _untrusted_of(self, idx: int) -> list[str]:
        """Values in the article not on the company allow-list (drafter.knowledge.trust)."""
        cached = self._untrusted.get(idx)
        if cached is None:
            from drafter.knowledge.trust import untrusted_values

            row = self.articles[self.kb_ids[idx]]
            cached = untrusted_values(f"{row.get('url', '')}\n{row['text']}", self.settings)
            self._untrusted[idx] = cached
        return cached

    def _text_of(self, idx: int) -> str:
        row = self.articles[self.kb_ids[idx]]
        return f"{row['title']}\n{row['text']}"

    def _passage(self, idx: int, signals: Signals, score: float) -> Passage:
        kb_id = self.kb_ids[idx]
        row = self.articles[kb_id]
        # the chunk most similar in meaning is the one to show; else the best lexical one
        chunk_id = signals.dense_chunk.get(idx) or signals.word_chunk.get(idx, "")
        chunk = self._chunk_by_id.get(chunk_id)
        return Passage(
            kb_id=kb_id,
            title=row["title"],
            url=row.get("url", ""),
            text=chunk.text if chunk is not None else row["text"][:800],
            score=round(score, 4),
            language=row.get("language", ""),
            contact_reason=row.get("contact_reason", ""),
            chunk_id=chunk_id,
            untrusted=list(self._untrusted_of(idx)),
        )


def open_retriever(
    settings: Settings, *, index_dir: Path | None = None, embed_model: Any | None = None
) -> Retriever:
    """Load the index (the Chroma server of DRAFTER_CHROMA_URL, else `index_dir`, default
    settings.index_dir) for searching; never writes to it."""
    return Retriever(settings, index_dir, embed_model)


@contextmanager
def temporary_retriever(
    settings: Settings,
    kb_paths: Sequence[Path | str],
    *,
    progress: Any = None,
    embed_model: Any | None = None,
) -> Iterator[Retriever]:
    """A retriever over a throwaway index of `kb_paths` (the user's index is never touched)."""
    from drafter.knowledge.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="drafter-kb-") as tmp:
        root = Path(tmp) / "index"
        report = ingest(
            settings, kb_paths, index_dir=root, progress=progress, embed_model=embed_model
        )
        if report.added == 0:
            reasons = "; ".join(f"{f.path}: {f.reason}" for f in report.failed) or "no articles"
            raise KnowledgeBaseError(
                f"could not build a knowledge base from {', '.join(map(str, kb_paths))}: {reasons}",
                hint="pass a kb_*.jsonl file or a folder of .md/.html/.txt articles",
            )
        from drafter.knowledge.store import IndexStore

        # nobody else knows this folder: searches need neither the lock nor a fresh client
        store = IndexStore(settings, root, private=True)
        retriever = Retriever(settings, root, embed_model, store=store)
        try:
            yield retriever
        finally:
            retriever.close()
