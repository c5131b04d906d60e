"""The index's layout on disk and the Chroma collection behind it.

An index folder (settings.index_dir, or a temporary one) holds:

    manifest.json      format version, embedding model, one entry per article
                       (content hash, source file, chunk ids) -- written last by ingest
    articles.jsonl     full articles (kb_id, title, url, text, language, contact_reason)
    chunks.jsonl       the chunk corpus in BM25 document order
    bm25/words/        bm25s index over stemmed words, plus the stemmed corpus it was built from
    bm25/grams/        bm25s index over character 4-grams of those stems
    chroma/            a Chroma PersistentClient holding one vector per chunk (cosine space)

Writes go through temporary files and `os.replace`, so a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from drafter.errors import KnowledgeBaseError

FORMAT_VERSION = 1
COLLECTION = "kb_chunks"


@dataclass
class ChunkRecord:
    """One chunk as the retriever sees it (text without the title prefix)."""

    id: str
    kb_id: str
    text: str
    ordinal: int = 0
    kind: str = "body"  # "body", or "title" for the title-only vector of an article


@dataclass
class ArticleEntry:
    hash: str
    source: str
    chunks: list[str] = field(default_factory=list)


@dataclass
class Manifest:
    embedding: str
    dim: int = 0
    version: int = FORMAT_VERSION
    chunking: str = ""
    articles: dict[str, ArticleEntry] = field(default_factory=dict)

    def to_json(self) -> str:
        data = asdict(self)
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        articles = {k: ArticleEntry(**v) for k, v in data.pop("articles", {}).items()}
        return cls(articles=articles, **data)


class IndexLayout:
    """Paths inside one index folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.manifest = self.root / "manifest.json"
        self.articles = self.root / "articles.jsonl"
        self.chunks = self.root / "chunks.jsonl"
        self.bm25_words = self.root / "bm25" / "words"
        self.bm25_grams = self.root / "bm25" / "grams"
        self.chroma = self.root / "chroma"

    def exists(self) -> bool:
        return self.manifest.is_file() and self.chroma.is_dir() and self.chunks.is_file()

    def read_manifest(self) -> Manifest | None:
        if not self.manifest.is_file():
            return None
        try:
            return Manifest.from_json(self.manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError) as exc:
            raise KnowledgeBaseError(
                f"the index manifest {self.manifest} is unreadable: {exc}",
                hint=f"delete {self.root} and run `drafter kb ingest` again",
            ) from exc

    def write_manifest(self, manifest: Manifest) -> None:
        write_atomic(self.manifest, manifest.to_json())

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.root.rglob("*") if p.is_file())


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    write_atomic(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    if not path.is_file():
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def read_chunks(layout: IndexLayout) -> list[ChunkRecord]:
    return [ChunkRecord(**row) for row in read_jsonl(layout.chunks)]


def read_articles(layout: IndexLayout) -> dict[str, dict[str, Any]]:
    return {row["kb_id"]: row for row in read_jsonl(layout.articles)}


def chroma_client(path: Path) -> Any:
    """A Chroma PersistentClient with telemetry off (never the default embedding function)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    return chromadb.PersistentClient(
        path=str(path), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    )


def open_collection(layout: IndexLayout, *, create: bool) -> Any:
    client = chroma_client(layout.chroma)
    if create:
        return client.get_or_create_collection(
            COLLECTION, metadata={"hnsw:space": "cosine"}, embedding_function=None
        )
    try:
        return client.get_collection(COLLECTION, embedding_function=None)
    except Exception as exc:  # chromadb raises NotFoundError / ValueError by version
        raise KnowledgeBaseError(
            f"no knowledge-base index in {layout.root} (vector collection missing)",
            hint="run `drafter kb ingest`",
        ) from exc


def drop_collection(layout: IndexLayout) -> None:
    client = chroma_client(layout.chroma)
    try:
        client.delete_collection(COLLECTION)
    except Exception:  # nothing to drop
        return
