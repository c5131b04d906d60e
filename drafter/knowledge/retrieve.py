"""Retrieval: the one query path (`build_query`) and the hybrid `Retriever` over an index.

`search` scores every article two ways -- BM25 over stemmed chunk tokens (the query's
language decides the stemmer) and cosine similarity of the query vector to the chunk and
title vectors in Chroma -- and fuses them per article (best chunk wins), so one passage per
article comes back. The fused score is absolute, not rank-based, so a low best score means
the knowledge base has no answer (`is_gap`). Loading an index never writes to it.
"""

from __future__ import annotations

import math
import re
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import numpy as np

from drafter.config import Settings
from drafter.errors import KnowledgeBaseError
from drafter.language import detect_language
from drafter.models import Passage

Mode = Literal["hybrid", "bm25", "dense"]

# Fusion (tuned on /work/shared/eval/retrieval with benchmarks/bench_retrieval.py).
# score = DENSE_WEIGHT * cosine + WORD_WEIGHT * sat(bm25 words) + GRAM_WEIGHT * sat(bm25 grams)
# with sat(x) = x / (x + c): raw BM25 mapped to [0, 1) independently of the other results,
# so the fused score means the same across queries (needed for the knowledge-gap decision).
DENSE_WEIGHT = 0.4
WORD_WEIGHT = 0.3
GRAM_WEIGHT = 0.3
WORD_SATURATION = 32.0
GRAM_SATURATION = 32.0
# BM25 grows with log(corpus size) through IDF; the saturation constants are scaled by
# log(1 + chunks) / log(1 + REFERENCE_CHUNKS) so a small KB's scores mean the same.
REFERENCE_CHUNKS = 1000
TITLE_BOOST = 1.1  # a query matching an article's title alone counts a little more
OTHER_LANGUAGE_FACTOR = 0.75  # articles not in the query's language rank lower, not out
CANDIDATES = 100  # chunks fetched from the vector store per query
# Best fused score below which the knowledge base is taken to have no answer.
GAP_THRESHOLD = 0.30  # balanced accuracy 0.93: in-KB vs off-topic eval queries (bench_retrieval)

# --- the query path -------------------------------------------------------------------

_GREETING = re.compile(
    r"^\s*(sehr geehrte[rs]?\b.*|hallo\b.*|hi\b.*|hey\b.*|guten (tag|morgen|abend)\b.*|"
    r"liebe[rs]?\b.*|moin\b.*|servus\b.*|dear\b.*|hello\b.*|good (morning|afternoon|evening)\b.*|"
    r"greetings\b.*)$",
    re.I,
)
_CLOSING = re.compile(
    r"^\s*(mit freundlichen gr(ü|ue)(ß|ss)en|freundliche gr(ü|ue)(ß|ss)e|viele gr(ü|ue)(ß|ss)e|"
    r"beste gr(ü|ue)(ß|ss)e|liebe gr(ü|ue)(ß|ss)e|gr(ü|ue)(ß|ss)e|mfg|lg|vg|best regards|"
    r"kind regards|regards|best wishes|sincerely|yours sincerely|yours faithfully|cheers|"
    r"thanks( a lot| in advance)?|thank you( in advance| very much)?|"
    r"vielen dank( im voraus)?|danke( im voraus| schön| sehr)?|--\s*)[\s,.!]*$",
    re.I,
)
_BOILERPLATE = re.compile(
    r"(ich hoffe,? (es geht ihnen gut|sie können mir helfen)[^.!?]*[.!?]?|"
    r"i hope (you are|you're|this finds you) (well|doing well)[^.!?]*[.!?]?|"
    r"(vielen )?dank (im voraus|für ihre (hilfe|mühe|antwort))[^.!?]*[.!?]?|"
    r"thanks? (you )?(in advance|for your (help|time|support))[^.!?]*[.!?]?|"
    r"ich freue mich auf ihre antwort[^.!?]*[.!?]?|i look forward to (hearing from you|your reply)"
    r"[^.!?]*[.!?]?)",
    re.I,
)
_SUBJECT_PREFIX = re.compile(r"^\s*((re|aw|wg|fw|fwd|antw)\s*(\[\d+\])?\s*:\s*)+", re.I)
SUBJECT_REPEAT = 2  # the subject names the topic; count it this many times


def clean_body(body: str) -> str:
    """The customer's request without greeting, closing/signature, and polite boilerplate."""
    lines = body.replace("\r\n", "\n").split("\n")
    kept: list[str] = []
    for line in lines:
        if line.lstrip().startswith(">"):
            continue
        if _CLOSING.match(line) and kept:
            break  # everything after a closing is signature
        if _GREETING.match(line) and len(line) < 80 and not kept:
            continue
        kept.append(line)
    text = "\n".join(kept)
    text = _BOILERPLATE.sub(" ", text)
    return re.sub(r"[ \t]+", " ", re.sub(r"\n{3,}", "\n\n", text)).strip()


def build_query(subject: str, body: str) -> str:
    """The retrieval query for an email: the drafting engine and `eval retrieval` both use it."""
    subject = _SUBJECT_PREFIX.sub("", subject or "").strip()
    cleaned = clean_body(body or "")
    parts = [subject] * SUBJECT_REPEAT if subject else []
    if cleaned:
        parts.append(cleaned)
    return "\n".join(parts).strip()


# --- the retriever -----------------------------------------------------------------------


class Retriever:
    """Hybrid BM25 + dense search over one index (see `open_retriever`)."""

    def __init__(self, settings: Settings, root: Path, embed_model: Any | None = None) -> None:
        from drafter.knowledge.store import IndexLayout

        self.layout = IndexLayout(root)
        if not self.layout.exists():
            raise KnowledgeBaseError(
                f"no knowledge-base index in {self.layout.root}", hint="run `drafter kb ingest`"
            )
        from drafter.knowledge.embeddings import embedding_id, make_embedding
        from drafter.knowledge.lexical import Bm25Index
        from drafter.knowledge.store import open_collection, read_articles, read_chunks

        manifest = self.layout.read_manifest()
        assert manifest is not None
        if manifest.embedding != embedding_id(settings):
            raise KnowledgeBaseError(
                f"the index in {self.layout.root} was built with {manifest.embedding}, "
                f"but the settings ask for {embedding_id(settings)}",
                hint="run `drafter kb ingest` to rebuild the index with the configured model",
            )
        self.manifest = manifest
        self.settings = settings
        try:
            self._load(read_articles, read_chunks, Bm25Index, open_collection)
        except KnowledgeBaseError:
            raise
        except Exception as exc:
            from drafter.knowledge.health import REBUILD_HINT, read_only_error

            blocked = read_only_error(self.layout.root, exc)
            if blocked is not None:
                raise blocked from exc
            raise KnowledgeBaseError(
                f"the index in {self.layout.root} is damaged ({type(exc).__name__}: "
                f"{str(exc).splitlines()[0][:150] if str(exc) else 'unreadable'})",
                hint=REBUILD_HINT,
            ) from exc
        self.embed_model = embed_model if embed_model is not None else make_embedding(settings)
        threshold = settings.kb_gap_threshold
        self.gap_threshold = threshold if threshold > 0 else GAP_THRESHOLD

    def _load(self, read_articles: Any, read_chunks: Any, bm25: Any, open_collection: Any) -> None:
        """Read the index files (any failure here means a damaged index)."""
        self.articles = read_articles(self.layout)
        self.chunks = read_chunks(self.layout)
        body = [c for c in self.chunks if c.kind == "body"]
        self.body_chunks = body
        kb_ids = sorted(self.articles)
        self.kb_ids = kb_ids
        self._article_index = {kb_id: i for i, kb_id in enumerate(kb_ids)}
        self._chunk_by_id = {c.id: c for c in self.chunks}
        self._article_lang = np.array([self.articles[k].get("language", "") for k in kb_ids])
        self._body_article = np.array([self._article_index[c.kb_id] for c in body], dtype=np.int64)
        self._idf_scale = math.log1p(max(1, len(body))) / math.log1p(REFERENCE_CHUNKS)
        self.bm25_words = bm25.load(self.layout.bm25_words)
        self.bm25_grams = bm25.load(self.layout.bm25_grams)
        self.collection = open_collection(self.layout, create=False)
        self._vector_count = int(self.collection.count())

    # -- public API --------------------------------------------------------------------

    def search(
        self, query: str, k: int = 5, language: str | None = None, *, mode: Mode = "hybrid"
    ) -> list[Passage]:
        """The k best articles for the query, one passage (its best chunk) per article.

        `mode` "bm25" (lexical only) and "dense" exist for evaluation; the product uses hybrid.
        """
        query = query.strip()[: self.settings.max_query_chars]  # bounded work per query
        if not query or not self.kb_ids:
            return []
        lang = language or detect_language(query)
        scores, chunk_of = self._scores(query, lang, mode)
        if mode == "hybrid":
            # the reply is written in the customer's language: prefer articles in it
            scores = np.where(self._article_lang == lang, scores, scores * OTHER_LANGUAGE_FACTOR)
        if len(scores) > k:
            head = np.argpartition(-scores, k)[:k]
            top = head[np.argsort(-scores[head], kind="stable")]
        else:
            top = np.argsort(-scores, kind="stable")
        passages = []
        for idx in top:
            if scores[idx] <= 0:
                break
            passages.append(self._passage(int(idx), chunk_of.get(int(idx), ""), float(scores[idx])))
        return passages

    def _scores(self, query: str, lang: str, mode: Mode) -> tuple[np.ndarray, dict[int, str]]:
        """Fused per-article scores in [0, 1] and the best chunk id of each scored article."""
        from drafter.knowledge.lexical import char_grams, tokenize

        n = len(self.kb_ids)
        lexical = np.zeros(n, dtype=np.float32)
        chunk_of: dict[int, str] = {}
        if mode != "dense":
            tokens = tokenize(query, lang)
            words, word_chunk = self._lexical(self.bm25_words, tokens)
            grams, _ = self._lexical(self.bm25_grams, char_grams(tokens))
            word_part = words / (words + WORD_SATURATION * self._idf_scale)
            gram_part = grams / (grams + GRAM_SATURATION * self._idf_scale)
            if mode == "bm25":
                return 0.5 * word_part + 0.5 * gram_part, word_chunk
            lexical = (WORD_WEIGHT * word_part + GRAM_WEIGHT * gram_part).astype(np.float32)
            chunk_of = word_chunk
        dense, dense_chunk = self._dense(query, n)
        if mode == "dense":
            return np.minimum(dense, 1.0), dense_chunk
        chunk_of.update(dense_chunk)  # the chunk most similar in meaning is the one to show
        return np.minimum(DENSE_WEIGHT * dense + lexical, 1.0), chunk_of

    def close(self) -> None:
        """Drop the references to the vector store (the index files stay as they are)."""
        self.collection = None

    def is_gap(self, passages: Sequence[Passage]) -> bool:
        """True when the best passage is too weak to ground an answer on."""
        return not passages or passages[0].score < self.gap_threshold

    def article(self, kb_id: str) -> dict[str, Any]:
        """The full article (kb_id, title, url, text, language, contact_reason) for the UI."""
        try:
            return dict(self.articles[kb_id])
        except KeyError:
            raise KnowledgeBaseError(
                f"no article {kb_id!r} in the index {self.layout.root}",
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
            "index_dir": str(self.layout.root),
            "size_bytes": self.layout.size_bytes(),
            "embedding": self.manifest.embedding,
            "dim": self.manifest.dim,
        }

    # -- internals -----------------------------------------------------------------------

    def _lexical(self, index: Any, tokens: list[str]) -> tuple[np.ndarray, dict[int, str]]:
        """Per-article best BM25 chunk score and, for matching articles, that chunk's id."""
        per_article = np.zeros(len(self.kb_ids), dtype=np.float32)
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

    def _dense(self, query: str, n_articles: int) -> tuple[np.ndarray, dict[int, str]]:
        from drafter.knowledge.embeddings import embed_query

        vector = embed_query(self.embed_model, query)
        per_article = np.zeros(n_articles, dtype=np.float32)
        count = self._vector_count
        if count == 0:
            return per_article, {}
        try:
            result = self.collection.query(
                query_embeddings=[vector.tolist()],
                n_results=min(CANDIDATES, count),
                include=["distances"],
            )
        except Exception as exc:  # chromadb raises many types for damaged segment files
            from drafter.knowledge.health import REBUILD_HINT

            raise KnowledgeBaseError(
                f"the vector store in {self.layout.chroma} is damaged ({type(exc).__name__})",
                hint=REBUILD_HINT,
            ) from exc
        ids, distances = result["ids"][0], result["distances"][0]
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
            if sim > per_article[idx]:
                per_article[idx] = sim
                best[idx] = chunk.id
        # articles outside the candidate list are at most as similar as the last candidate
        per_article[per_article == 0] = max(0.0, floor)
        return per_article, best

    def _passage(self, idx: int, chunk_id: str, score: float) -> Passage:
        kb_id = self.kb_ids[idx]
        row = self.articles[kb_id]
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
        )


def open_retriever(
    settings: Settings, *, index_dir: Path | None = None, embed_model: Any | None = None
) -> Retriever:
    """Load the index (default settings.index_dir) for searching; never writes to it."""
    return Retriever(settings, index_dir or settings.index_dir, embed_model)


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
        retriever = Retriever(settings, root, embed_model)
        try:
            yield retriever
        finally:
            retriever.close()
