"""What the knowledge-base index stores, as plain records (drafter.knowledge.store keeps them in
two Chroma collections): chunks, articles and the index's metadata, and the paging through a
collection that reads them back."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from drafter.knowledge.loaders import Article

FORMAT_VERSION = 2  # 1: manifest.json + chunks.jsonl + articles.jsonl + bm25/ files
PAGE = 2000  # records per request when reading or writing a collection


@dataclass
class ChunkRecord:
    """One chunk as the retriever sees it (text without the title prefix)."""

    id: str
    kb_id: str
    text: str
    ordinal: int = 0
    kind: str = "body"  # "body", or "title" for the title-only vector of an article
    stems: str = ""  # body chunks: the stemmed tokens of title + text, space-separated
    vector: Any = None  # read_chunks(vectors=True): the stored vector (a numpy array)


@dataclass
class ArticleRecord(Article):
    """One stored article with what ingest needs to see whether it changed."""

    hash: str = ""  # the content hash it was indexed with
    chunks: int = 0  # vectors of this article in the chunk collection (body + title)

    def row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class IndexMeta:
    embedding: str
    chunking: str
    dim: int = 0
    format: int = FORMAT_VERSION
    version: str = ""  # changes with every ingest; readers reload when it does
    written: str = ""


def article_meta(row: ArticleRecord) -> dict[str, Any]:
    """The metadata an article is stored with (everything but its text, the document)."""
    meta = row.row()
    meta.pop("text")
    return meta


def pages(
    collection: Any, *, vectors: bool = False
) -> Iterator[tuple[str, str | None, dict[str, Any], Any]]:
    """(id, document, metadata, vector or None) of every record of a Chroma collection, PAGE
    records per request."""
    include = ["documents", "metadatas", *(["embeddings"] if vectors else [])]
    offset = 0
    while True:
        got = collection.get(include=include, limit=PAGE, offset=offset)
        ids = got["ids"]
        docs = got["documents"] or [None] * len(ids)
        metas = got["metadatas"] or [{}] * len(ids)
        embedded = got.get("embeddings") if vectors else None
        found = [None] * len(ids) if embedded is None else list(embedded)
        yield from zip(ids, docs, ((m or {}) for m in metas), found, strict=True)
        if len(ids) < PAGE:
            return
        offset += PAGE
