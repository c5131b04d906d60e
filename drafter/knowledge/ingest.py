"""Ingest: load articles, chunk them at sentence boundaries, embed what changed, and write the
index (Chroma vectors through llama-index's ChromaVectorStore, BM25, manifest).

Incremental by content hash: an unchanged article is neither chunked nor embedded again, a
changed one has its chunks replaced, and one whose file no longer provides it is deleted.
Deletion is scoped to the paths being ingested: only articles whose recorded source file
is one of the given files or lies below one of the given folders can be deleted, so
`drafter kb ingest extra/` never removes what `drafter kb ingest kb/` added. Articles of a
file that failed to load this time are kept as they were. A changed embedding model or
chunking scheme re-embeds everything.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.config import Settings
from drafter.errors import KnowledgeBaseError
from drafter.knowledge.embeddings import embed_texts, embedding_id, make_embedding
from drafter.knowledge.health import index_problems, wipe
from drafter.knowledge.lexical import Bm25Index, char_grams, tokenize
from drafter.knowledge.loaders import Article, LoadFailure, load_paths
from drafter.knowledge.store import (
    ArticleEntry,
    ChunkRecord,
    IndexLayout,
    Manifest,
    drop_collection,
    open_collection,
    read_articles,
    read_chunks,
    write_jsonl,
)
from drafter.knowledge.trust import untrusted_values

Progress = Callable[[str, int, int], None]  # (stage, done, total)

CHUNK_SIZE = 160  # tokens per chunk (cl100k); short chunks keep USE vectors focused
CHUNK_OVERLAP = 24
TITLE_VECTORS = True  # also embed each article's title alone (questions match FAQ titles)
CHUNKING = f"sentence:{CHUNK_SIZE}:{CHUNK_OVERLAP}:title={int(TITLE_VECTORS)}"
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


def _splitter() -> Any:
    from llama_index.core.node_parser import SentenceSplitter

    return SentenceSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)


def chunk_article(article: Article, splitter: Any) -> list[str]:
    """The article's body split at sentence boundaries (the title is added at embed time)."""
    body = plain_text(article.text).strip()
    if body.startswith(article.title):  # Markdown often repeats the title as "# Title"
        body = body[len(article.title) :].strip() or body
    pieces = [p.strip() for p in splitter.split_text(body) if p.strip()]
    return pieces or [article.title]


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
    """Bring the index in `index_dir` (default settings.index_dir) up to date with `paths`.

    A damaged index (drafter.knowledge.health) is wiped and built again from `paths`, as
    is any index with `rebuild=True`; `report.repaired` lists what was damaged.
    """
    started = time.perf_counter()
    layout = IndexLayout(index_dir or settings.index_dir)
    damage = [] if rebuild else index_problems(layout)
    if rebuild or damage:
        wipe(layout)
    roots = [Path(p).resolve() for p in paths]
    report = IngestReport(index_dir=str(layout.root), repaired=damage, rebuilt=rebuild)
    loaded = load_paths([Path(p).absolute() for p in paths])  # symlinks are judged unresolved
    report.failed = loaded.failures
    report.skipped = loaded.skipped
    failed_files = {f.file for f in loaded.failures}

    ident = embedding_id(settings)
    manifest = layout.read_manifest()
    rebuild = manifest is None or manifest.embedding != ident or manifest.chunking != CHUNKING
    if rebuild and layout.chroma.exists():
        drop_collection(layout)
    if manifest is None or rebuild:
        manifest = Manifest(embedding=ident, chunking=CHUNKING)

    changed: list[Article] = []
    seen: set[str] = set()
    for article in loaded.articles:
        seen.add(article.kb_id)
        values = untrusted_values(f"{article.url}\n{article.text}", settings)
        if values:
            report.untrusted.append((article.source, article.kb_id, values))
        entry = manifest.articles.get(article.kb_id)
        if entry is None:
            report.added += 1
            changed.append(article)
        elif entry.hash != article.content_hash:
            report.updated += 1
            changed.append(article)
        else:
            report.unchanged += 1
            entry.source = article.source
    gone = [
        kb_id
        for kb_id, entry in manifest.articles.items()
        if kb_id not in seen and _within(entry.source, roots) and entry.source not in failed_files
    ]
    report.deleted = len(gone)
    if not changed and not gone and layout.exists():
        _finish(layout, manifest, report, started)
        return report

    # chunk and embed only what changed
    splitter = _splitter() if changed else None
    new_chunks: list[ChunkRecord] = []
    texts: list[str] = []
    for article in changed:
        pieces = chunk_article(article, splitter)
        for i, piece in enumerate(pieces):
            new_chunks.append(ChunkRecord(f"{article.kb_id}::{i}", article.kb_id, piece, i))
            texts.append(embed_text(article.title, piece))
        if TITLE_VECTORS and article.title.strip():
            title_chunk = ChunkRecord(f"{article.kb_id}::t", article.kb_id, pieces[0], 0, "title")
            new_chunks.append(title_chunk)
            texts.append(article.title)
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
        manifest.dim = len(vectors[0])

    # write vectors: drop the old chunks of changed and deleted articles, then add
    layout.root.mkdir(parents=True, exist_ok=True)
    collection = open_collection(layout, create=True)
    replaced = [a.kb_id for a in changed if a.kb_id in manifest.articles] + gone
    for start in range(0, len(replaced), 500):
        collection.delete(where={"kb_id": {"$in": replaced[start : start + 500]}})
    by_id = {a.kb_id: a for a in changed}
    _add_vectors(collection, new_chunks, vectors, by_id, progress)

    # chunk corpus, articles and BM25 over everything
    dropped = set(replaced)
    chunks = [c for c in read_chunks(layout) if c.kb_id not in dropped] if not rebuild else []
    chunks.extend(new_chunks)
    articles = read_articles(layout) if not rebuild else {}
    for kb_id in gone:
        articles.pop(kb_id, None)
        manifest.articles.pop(kb_id, None)
    for article in changed:
        articles[article.kb_id] = {
            "kb_id": article.kb_id,
            "title": article.title,
            "url": article.url,
            "text": article.text,
            "language": article.language,
            "contact_reason": article.contact_reason,
        }
        manifest.articles[article.kb_id] = ArticleEntry(
            hash=article.content_hash,
            source=article.source,
            chunks=[c.id for c in new_chunks if c.kb_id == article.kb_id],
        )
    if progress:
        progress("bm25", 0, 1)
    body = [c for c in chunks if c.kind == "body"]
    tokens = [
        tokenize(f"{articles[c.kb_id]['title']}\n{c.text}", articles[c.kb_id]["language"])
        for c in body
    ]
    Bm25Index.build(tokens).save(layout.bm25_words, tokens)
    grams = [char_grams(t) for t in tokens]
    Bm25Index.build(grams).save(layout.bm25_grams)
    write_jsonl(layout.chunks, (c.__dict__ for c in chunks))
    write_jsonl(layout.articles, articles.values())
    if progress:
        progress("bm25", 1, 1)
    _finish(layout, manifest, report, started)
    return report


def _add_vectors(
    collection: Any,
    chunks: list[ChunkRecord],
    vectors: list[list[float]],
    articles: dict[str, Article],
    progress: Progress | None,
) -> None:
    from llama_index.core.schema import BaseNode, TextNode
    from llama_index.vector_stores.chroma import ChromaVectorStore

    store = ChromaVectorStore(chroma_collection=collection)
    nodes: list[BaseNode] = []
    for chunk, vector in zip(chunks, vectors, strict=True):
        article = articles[chunk.kb_id]
        nodes.append(
            TextNode(
                id_=chunk.id,
                text=chunk.text,
                embedding=vector,
                metadata={
                    "kb_id": chunk.kb_id,
                    "title": article.title,
                    "url": article.url,
                    "language": article.language,
                    "contact_reason": article.contact_reason,
                    "kind": chunk.kind,
                    "ordinal": chunk.ordinal,
                },
            )
        )
    step = 2000
    for start in range(0, len(nodes), step):
        store.add(nodes[start : start + step])
        if progress:
            progress("storing", min(start + step, len(nodes)), len(nodes))


def _finish(layout: IndexLayout, manifest: Manifest, report: IngestReport, started: float) -> None:
    if report.added + report.updated + report.unchanged + report.deleted == 0 and not (
        layout.exists()
    ):
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
    layout.root.mkdir(parents=True, exist_ok=True)
    layout.write_manifest(manifest)
    report.articles = len(manifest.articles)
    ids = [cid for e in manifest.articles.values() for cid in e.chunks]
    report.vectors = len(ids)
    report.chunks = sum(1 for cid in ids if not cid.endswith("::t"))
    report.seconds = time.perf_counter() - started
