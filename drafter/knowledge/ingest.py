"""Ingest: load articles, chunk them at sentence boundaries, embed what changed, and write the
index (drafter.knowledge.store: chunk vectors with their texts and BM25 stems, article records,
and last a new index version) -- to the local folder or the shared Chroma server alike.

Incremental by content hash: an unchanged article is neither chunked nor embedded again, a
changed one has its chunks replaced, and one whose file no longer provides it is deleted.
Deletion is scoped to the paths being ingested: only articles whose recorded source file
is one of the given files or lies below one of the given folders can be deleted, so
`drafter kb ingest extra/` never removes what `drafter kb ingest kb/` added. Articles of a
file that failed to load this time are kept as they were. A changed embedding model or
chunking scheme re-embeds everything.

A local index on a full or read-only disk (drafter.store.disk) is refused before anything is
read or written, so the previous index stays as it was: a full disk must never look like a
damaged index that is wiped and rebuilt. A disk that fills up during the writes gives the same
clear error naming the index folder.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from drafter.config import Settings
from drafter.errors import KnowledgeBaseError
from drafter.knowledge.chunking import CHUNK_TOKENS, OVERLAP_TOKENS, split_text
from drafter.knowledge.embeddings import embed_texts, embedding_id, make_embedding
from drafter.knowledge.health import (
    exists,
    index_problems,
    raise_if_blocked,
    settle_vector_files,
)
from drafter.knowledge.index_lock import WRITE_WAIT
from drafter.knowledge.lexical import tokenize
from drafter.knowledge.loaders import Article, LoadFailure, load_paths
from drafter.knowledge.records import ArticleRecord, ChunkRecord, IndexMeta
from drafter.knowledge.store import IndexStore, open_store
from drafter.knowledge.trust import untrusted_values
from drafter.store.disk import ensure_room

Progress = Callable[[str, int, int], None]  # (stage, done, total)

TITLE_VECTORS = True  # also embed each article's title alone (questions match FAQ titles)
# stored with the index: another chunking re-embeds everything ("sentence:" was llama-index's
# SentenceSplitter with cl100k tokens; "sentence-est:" is drafter.knowledge.chunking)
CHUNKING = f"sentence-est:{CHUNK_TOKENS}:{OVERLAP_TOKENS}:title={int(TITLE_VECTORS)}"
EMBED_BATCH = 128


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    embedded_chunks: int = 0  # vectors embedded this run: body chunks + titles
    embedded_titles: int = 0  # of which title vectors
    articles: int = 0
    chunks: int = 0  # body chunks in the index (as `kb stats` counts them)
    vectors: int = 0  # vectors in the index: body chunks + titles
    failed: list[LoadFailure] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files of an unsupported type in folders
    # articles naming links, email addresses, phone numbers or IBANs not on the company
    # allow-list (drafter.knowledge.trust): (file, kb_id, the values)
    untrusted: list[tuple[str, str, list[str]]] = field(default_factory=list)
    seconds: float = 0.0
    index_dir: str = ""
    repaired: list[str] = field(default_factory=list)  # damage found and rebuilt away
    rebuilt: bool = False  # --rebuild asked for a build from scratch

    @property
    def succeeded(self) -> bool:
        """True when at least one article could be read (or nothing was asked to change)."""
        return self.added + self.updated + self.unchanged > 0 or not self.failed


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)", re.M)
_MD_EMPH = re.compile(r"(\*\*|__|\*|`)")


def plain_text(text: str) -> str:
    """Markdown markup removed (links keep their text); the words stay."""
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_MARKS.sub("", text)
    return _MD_EMPH.sub("", text)


def chunk_article(article: Article) -> list[str]:
    """The article's body split at sentence boundaries (the title is added at embed time)."""
    body = plain_text(article.text).strip()
    if body.startswith(article.title):  # Markdown often repeats the title as "# Title"
        body = body[len(article.title) :].strip() or body
    return split_text(body) or [article.title]


def embed_text(title: str, chunk: str) -> str:
    return f"{title}\n{chunk}"


def _within(source: str, roots: Sequence[Path]) -> bool:
    src = Path(source)
    return any(src == root or root in src.parents for root in roots)


def ingest(
    settings: Settings,
    paths: Sequence[Path | str],
    *,
    index_dir: Path | None = None,
    progress: Progress | None = None,
    embed_model: Any = None,
    rebuild: bool = False,
) -> IngestReport:
    """Bring the index (the Chroma server of DRAFTER_CHROMA_URL, else `index_dir`, default
    settings.index_dir) up to date with `paths`.

    A damaged index (drafter.knowledge.health) is wiped and built again from `paths`, as
    is any index with `rebuild=True`; `report.repaired` lists what was damaged.
    """
    started = time.perf_counter()
    store = open_store(settings, index_dir)
    if store.local:  # before the health check: a full disk is not damage to wipe
        ensure_room(store.root, "the knowledge-base ingest")
    # the whole ingest holds the index: a desk's search waits for it (or says it is busy)
    # instead of reading a half-written index (drafter.knowledge.index_lock)
    with store.session(wait=WRITE_WAIT, purpose="`drafter kb ingest`", create=True):
        return _ingest(settings, store, paths, started, progress, embed_model, rebuild)


def _ingest(
    settings: Settings,
    store: IndexStore,
    paths: Sequence[Path | str],
    started: float,
    progress: Progress | None,
    embed_model: Any,
    rebuild: bool,
) -> IngestReport:
    damage = [] if rebuild else index_problems(store)
    if rebuild or damage:
        store.wipe()
    roots = [Path(p).resolve() for p in paths]
    report = IngestReport(index_dir=store.location, repaired=damage, rebuilt=rebuild)
    loaded = load_paths([Path(p).absolute() for p in paths])  # symlinks are judged unresolved
    report.failed = loaded.failures
    report.skipped = loaded.skipped
    failed_files = {f.file for f in loaded.failures}

    ident = embedding_id(settings)
    meta = store.meta()
    if meta is None or meta.embedding != ident or meta.chunking != CHUNKING:
        if meta is not None:
            store.wipe()  # another model or chunking: everything is embedded again
        meta = IndexMeta(embedding=ident, chunking=CHUNKING)
        known: dict[str, ArticleRecord] = {}
    else:
        known = store.read_articles()

    changed: list[Article] = []
    moved: list[ArticleRecord] = []
    seen: set[str] = set()
    for article in loaded.articles:
        seen.add(article.kb_id)
        values = untrusted_values(f"{article.url}\n{article.text}", settings)
        if values:
            report.untrusted.append((article.source, article.kb_id, values))
        entry = known.get(article.kb_id)
        if entry is None:
            report.added += 1
            changed.append(article)
        elif entry.hash != article.content_hash:
            report.updated += 1
            changed.append(article)
        else:
            report.unchanged += 1
            if entry.source != article.source:
                entry.source = article.source
                moved.append(entry)
    gone = [
        kb_id
        for kb_id, entry in known.items()
        if kb_id not in seen and _within(entry.source, roots) and entry.source not in failed_files
    ]
    report.deleted = len(gone)
    if not changed and not gone and exists(store):
        if moved:
            store.update_articles(moved)
        _finish(store, report, started, meta=None, articles=known)
        return report
    if not changed and not gone and not known:
        _finish(store, report, started, meta=None)
        return report

    new_chunks, rows, texts = _chunks_of(changed)
    model = embed_model if embed_model is not None else make_embedding(settings)
    vectors: list[list[float]] = []
    for start in range(0, len(texts), EMBED_BATCH):
        batch = texts[start : start + EMBED_BATCH]
        vectors.extend(embed_texts(model, batch).tolist())
        if progress:
            progress("embedding", min(start + EMBED_BATCH, len(texts)), len(texts))
    report.embedded_chunks = len(texts)
    report.embedded_titles = sum(1 for c in new_chunks if c.kind == "title")
    if vectors:
        meta.dim = len(vectors[0])

    try:  # drop the old chunks of changed and deleted articles, then add the new ones
        store.remove([a.kb_id for a in changed if a.kb_id in known] + gone)
        for done in store.add_chunks(new_chunks, vectors):
            if progress:
                progress("storing", done, len(new_chunks))
        store.add_articles(rows, [_article_vector(r, new_chunks, vectors) for r in rows])
        if moved:
            store.update_articles(moved)
        _finish(store, report, started, meta=meta)
    except Exception as exc:  # the disk filled up (or went read-only) while writing
        raise_if_blocked(store, exc)
        raise
    return report


def _chunks_of(changed: list[Article]) -> tuple[list[ChunkRecord], list[ArticleRecord], list[str]]:
    """Chunks (with their BM25 stems), article records and the texts to embed."""
    chunks: list[ChunkRecord] = []
    rows: list[ArticleRecord] = []
    texts: list[str] = []
    for article in changed:
        pieces = chunk_article(article)
        for i, piece in enumerate(pieces):
            stems = " ".join(tokenize(f"{article.title}\n{piece}", article.language))
            chunks.append(
                ChunkRecord(f"{article.kb_id}::{i}", article.kb_id, piece, i, "body", stems)
            )
            texts.append(embed_text(article.title, piece))
        count = len(pieces)
        if TITLE_VECTORS and article.title.strip():
            chunks.append(ChunkRecord(f"{article.kb_id}::t", article.kb_id, pieces[0], 0, "title"))
            texts.append(article.title)
            count += 1
        rows.append(ArticleRecord(**asdict(article), hash=article.content_hash, chunks=count))
    return chunks, rows, texts


def _article_vector(
    row: ArticleRecord, chunks: list[ChunkRecord], vectors: list[list[float]]
) -> list[float]:
    """An article's record carries its title vector (else its first chunk's)."""
    first: list[float] | None = None
    for chunk, vector in zip(chunks, vectors, strict=True):
        if chunk.kb_id != row.kb_id:
            continue
        if chunk.kind == "title":
            return vector
        first = first or vector
    assert first is not None
    return first


def _finish(
    store: IndexStore,
    report: IngestReport,
    started: float,
    meta: IndexMeta | None,
    articles: dict[str, ArticleRecord] | None = None,
) -> None:
    """Counts for the report; after a write, the new version and the vector files' stamp."""
    if report.added + report.updated + report.unchanged + report.deleted == 0 and not exists(store):
        if report.failed:
            report.seconds = time.perf_counter() - started
            return
        found = ""
        if report.skipped:
            names = ", ".join(Path(p).name for p in report.skipped[:5])
            more = f" and {len(report.skipped) - 5} more" if len(report.skipped) > 5 else ""
            found = f" (only files of an unsupported type: {names}{more})"
        raise KnowledgeBaseError(
            f"no knowledge-base articles found in the given paths{found}",
            hint="pass folders or files with .md, .html, .txt or .jsonl articles",
        )
    if meta is not None:
        store.write_meta(meta)  # last: readers reload only a finished index
    if articles is None:
        articles = store.read_articles()
    report.articles = len(articles)
    report.vectors = sum(a.chunks for a in articles.values())
    titles = sum(1 for a in articles.values() if TITLE_VECTORS and a.title.strip())
    report.chunks = report.vectors - titles
    if meta is not None:
        settle_vector_files(store)
    report.seconds = time.perf_counter() - started
