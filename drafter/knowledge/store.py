"""The knowledge-base index: two Chroma collections, in a local folder or on a Chroma server.

One store, two places. Without DRAFTER_CHROMA_URL the index lives in a local folder
(settings.index_dir/chroma, a Chroma PersistentClient); with DRAFTER_CHROMA_URL it lives on a
Chroma server (`chroma run`) reached through `chromadb.HttpClient`, so every desk and every
`kb ingest` works on the same index. Both places hold the same two collections:

    <prefix>_chunks    one vector per chunk and per article title (cosine space); document =
                       the chunk text; metadata = kb_id, kind, ordinal, and for body chunks
                       the Snowball stems BM25 is built from ("stems", space-separated)
    <prefix>_articles  one record per article (vector = its title or first-chunk vector);
                       document = the article text; metadata = title, url, language,
                       contact_reason, content hash, source file, chunk count. The
                       collection's metadata is the index's `IndexMeta` (format, embedding
                       model, chunking, and `version`, a new value after every ingest)

So the lexical side (chunk texts, stems, article data) travels with the vectors: every reader
builds the same BM25 statistics from the same stems. Readers compare `version` (one cheap
metadata read; for a local folder its published copy, drafter.knowledge.index_lock) before a
search and reload when it changed. Collections are always opened with
our embedding function (`DrafterEmbedding`), never Chroma's default, which would download a model.

A local folder is used by one holder at a time (drafter.knowledge.index_lock): every method
that reads or writes Chroma runs in a `session()`, which holds the folder's lock and opens the
Chroma client only inside it. The client, the session and the connection errors are the base
class's, drafter.knowledge.chroma_connection.ChromaConnection.
"""

from __future__ import annotations

import functools
import shutil
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from drafter.config import Settings
from drafter.errors import KnowledgeBaseError
from drafter.knowledge.chroma_connection import ChromaConnection
from drafter.knowledge.chroma_glue import (
    DrafterEmbedding,
    is_connection_error,
    read_only_error,
)
from drafter.knowledge.index_lock import (
    publish_version,
    published_version,
    withdraw_version,
)
from drafter.knowledge.records import (
    PAGE,
    ArticleRecord,
    ChunkRecord,
    IndexMeta,
    article_meta,
    pages,
)

T = TypeVar("T")
OLD_FILES = ("manifest.json", "articles.jsonl", "chunks.jsonl", "bm25")


def _in_session(method: Callable[..., T]) -> Callable[..., T]:
    """Run an IndexStore method inside a session (its own, or the caller's)."""

    @functools.wraps(method)
    def run(self: IndexStore, *args: Any, **kwargs: Any) -> T:
        with self.session():
            return method(self, *args, **kwargs)

    return run


class IndexStore(ChromaConnection):
    """The index's two collections in one Chroma (see the module docstring); where that Chroma
    is and how it is opened: drafter.knowledge.chroma_connection."""

    def __init__(
        self, settings: Settings, index_dir: Path | None = None, *, private: bool = False
    ) -> None:
        from drafter.knowledge.embeddings import embedding_id

        super().__init__(settings, index_dir, private=private)
        self.prefix = settings.chroma_prefix
        self.function = DrafterEmbedding(settings, embedding_id(settings))

    def names(self) -> tuple[str, str]:
        return f"{self.prefix}_chunks", f"{self.prefix}_articles"

    def collections(self, *, create: bool = False) -> tuple[Any, Any]:
        """(chunks, articles); KnowledgeBaseError when the index does not exist and not `create`."""
        if not create and self.local and not self.chroma_dir.is_dir():
            raise self.missing()  # reading never creates a folder
        client = self.client()
        chunks_name, articles_name = self.names()
        if create:
            config: Any = {"hnsw": {"space": "cosine"}}
            return (
                client.get_or_create_collection(
                    chunks_name, configuration=config, embedding_function=self.function
                ),
                client.get_or_create_collection(articles_name, embedding_function=self.function),
            )
        try:
            return (
                client.get_collection(chunks_name, embedding_function=self.function),
                client.get_collection(articles_name, embedding_function=self.function),
            )
        except Exception as exc:
            if not self.local and is_connection_error(exc):
                raise self.unreachable(exc) from exc
            raise (self.folder_error(exc) if self.local else None) or self.missing() from exc

    def missing(self) -> KnowledgeBaseError:
        old = self.local and (self.root / "manifest.json").exists()
        return KnowledgeBaseError(
            f"no knowledge-base index in {self.location}"
            + (" (only one of an older drafter version)" if old else ""),
            hint="run `drafter kb ingest`",
        )

    # -- the index version ---------------------------------------------------------------

    @_in_session
    def meta(self) -> IndexMeta | None:
        """The index's metadata, None when there is no index (the cheap version check)."""
        if self.local and not self.chroma_dir.is_dir():
            return None
        try:
            data = (
                self.client()
                .get_collection(self.names()[1], embedding_function=self.function)
                .metadata
            )
        except KnowledgeBaseError:
            raise
        except Exception as exc:
            if not self.local and is_connection_error(exc):
                raise self.unreachable(exc) from exc
            blocked = self.folder_error(exc) if self.local else None
            if blocked is not None:
                raise blocked from exc
            return None
        if not data or "embedding" not in data:
            return None
        known = {k: data[k] for k in IndexMeta.__dataclass_fields__ if k in data}
        return IndexMeta(**known)

    @_in_session
    def write_meta(self, meta: IndexMeta) -> IndexMeta:
        """Stamp a new version (written last by ingest, so readers reload a finished index)."""
        meta.version = uuid.uuid4().hex
        meta.written = datetime.now(UTC).isoformat(timespec="seconds")
        self.changing()
        _, articles = self.collections(create=True)
        articles.modify(metadata=asdict(meta))
        self.publish(meta.version)
        return meta

    def published(self) -> str | None:
        """The version published in a local folder (read without the lock and without Chroma;
        drafter.knowledge.index_lock), None for a server or when there is none."""
        return published_version(self.root) if self.local else None

    def publish(self, version: str) -> None:
        """Publish the version of the complete index (the caller holds the lock)."""
        if self.local and version and published_version(self.root) != version:
            publish_version(self.root, version)

    def changing(self) -> None:
        """Withdraw the published version before the index changes (readers then check under
        the lock, so they wait for this writer)."""
        if self.local:
            withdraw_version(self.root)

    # -- reading --------------------------------------------------------------------------

    @_in_session
    def read_articles(self) -> dict[str, ArticleRecord]:
        _, articles = self.collections()
        found: dict[str, ArticleRecord] = {}
        for rid, doc, meta, _ in pages(articles):
            fields = {k: meta[k] for k in ArticleRecord.__dataclass_fields__ if k in meta}
            fields.pop("kb_id", None)
            fields.pop("text", None)
            found[rid] = ArticleRecord(kb_id=rid, text=doc or "", **fields)
        return found

    @_in_session
    def read_chunks(self, *, vectors: bool = False) -> list[ChunkRecord]:
        """Every chunk, body chunks in a stable order (by id) -- the BM25 document order;
        `vectors`: with each chunk's stored vector."""
        chunks, _ = self.collections()
        rows = [
            ChunkRecord(
                id=rid,
                kb_id=str(meta["kb_id"]),
                text=doc or "",
                ordinal=int(meta.get("ordinal", 0)),
                kind=str(meta.get("kind", "body")),
                stems=str(meta.get("stems", "")),
                vector=vector,
            )
            for rid, doc, meta, vector in pages(chunks, vectors=vectors)
        ]
        rows.sort(key=lambda c: (c.kb_id, c.kind != "body", c.ordinal, c.id))
        return rows

    @_in_session
    def counts(self) -> tuple[int, int]:
        chunks, articles = self.collections()
        return int(chunks.count()), int(articles.count())

    @_in_session  # not while an ingest rewrites the folder
    def size_bytes(self) -> int | None:
        if not self.local:
            return None
        return sum(p.stat().st_size for p in self.chroma_dir.rglob("*") if p.is_file())

    # -- writing --------------------------------------------------------------------------

    @_in_session
    def remove(self, kb_ids: Sequence[str]) -> None:
        """Delete the articles and all their vectors."""
        if not kb_ids:
            return
        self.changing()
        chunks, articles = self.collections(create=True)
        for start in range(0, len(kb_ids), 500):
            batch = list(kb_ids[start : start + 500])
            chunks.delete(where={"kb_id": {"$in": batch}})
            articles.delete(ids=batch)

    def add_chunks(self, chunks: Sequence[ChunkRecord], vectors: Any) -> Iterator[int]:
        """Upsert chunk vectors; yields how many are written so far."""
        with self.session():
            self.changing()
            collection, _ = self.collections(create=True)
            for start in range(0, len(chunks), PAGE):
                batch = chunks[start : start + PAGE]
                metas: list[Any] = [
                    {"kb_id": c.kb_id, "kind": c.kind, "ordinal": c.ordinal, "stems": c.stems}
                    for c in batch
                ]
                collection.upsert(
                    ids=[c.id for c in batch],
                    embeddings=[list(map(float, v)) for v in vectors[start : start + PAGE]],
                    documents=[c.text for c in batch],
                    metadatas=metas,
                )
                yield start + len(batch)

    @_in_session
    def add_articles(self, rows: Sequence[ArticleRecord], vectors: Any) -> None:
        self.changing()
        _, collection = self.collections(create=True)
        for start in range(0, len(rows), PAGE):
            batch = rows[start : start + PAGE]
            collection.upsert(
                ids=[r.kb_id for r in batch],
                embeddings=[list(map(float, v)) for v in vectors[start : start + PAGE]],
                documents=[r.text for r in batch],
                metadatas=[article_meta(r) for r in batch],
            )

    @_in_session
    def update_articles(self, rows: Sequence[ArticleRecord]) -> None:
        """New metadata (e.g. the source file) for articles whose vectors stay."""
        self.changing()
        _, collection = self.collections(create=True)
        for start in range(0, len(rows), PAGE):
            batch = rows[start : start + PAGE]
            collection.update(
                ids=[r.kb_id for r in batch], metadatas=[article_meta(r) for r in batch]
            )

    @_in_session
    def wipe(self) -> None:
        """Remove the whole index (both collections; locally also the folder and old files)."""
        if self.local:
            self.close()
            self.changing()
            try:
                for name in OLD_FILES:
                    path = self.root / name
                    if path.is_dir():
                        shutil.rmtree(path, ignore_errors=True)
                    else:
                        path.unlink(missing_ok=True)
                shutil.rmtree(self.chroma_dir, ignore_errors=True)
                (self.root / ".vectors-checked").unlink(missing_ok=True)
            except OSError as exc:
                raise read_only_error(self.root, exc) or exc from exc
            return
        client = self.client()
        # the articles (with the version) first: a desk that finds the chunks gone then also
        # finds the version gone and says the index is being updated, not damaged
        for name in reversed(self.names()):
            try:
                client.delete_collection(name)
            except Exception as exc:
                if is_connection_error(exc):
                    raise self.unreachable(exc) from exc


def open_store(settings: Settings, index_dir: Path | None = None) -> IndexStore:
    """The configured index: the Chroma server of DRAFTER_CHROMA_URL, else the local folder
    (an explicit `index_dir` is always local: evaluation indexes never touch the server)."""
    return IndexStore(settings, index_dir)
