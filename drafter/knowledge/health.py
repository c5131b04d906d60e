"""Index checks: is every file of a knowledge-base index readable and consistent?

`index_problems(layout)` reads the manifest, articles.jsonl, chunks.jsonl, both BM25
indexes and the Chroma collection, and returns one line per problem (empty: healthy).
`kb ingest` rebuilds an index with problems; `drafter doctor` and the retriever report them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from drafter.errors import KnowledgeBaseError
from drafter.knowledge.store import ChunkRecord, IndexLayout

REBUILD_HINT = "run `drafter kb ingest --rebuild` (`drafter doctor` shows what is wrong)"


def read_only_error(root: Path, exc: BaseException) -> KnowledgeBaseError | None:
    """A clear error when `exc` says the index folder cannot be written (Chroma writes its
    own database even to search), else None."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or "permission denied" in text:
        return KnowledgeBaseError(
            f"the index folder {root} is read-only ({str(exc).splitlines()[0][:120]})",
            hint="make it writable (the vector store writes even to search), or set "
            "DRAFTER_DATA_DIR to a writable copy",
        )
    if "disk is full" in text or "no space left" in text:
        return KnowledgeBaseError(
            f"the disk holding the index {root} is full", hint="free some space, then try again"
        )
    return None


def _jsonl_problem(path: Path, required: tuple[str, ...]) -> tuple[str, list[dict[str, object]]]:
    rows: list[dict[str, object]] = []
    try:
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except ValueError:
                    return f"{path}: line {number} is not valid JSON", rows
                if not isinstance(row, dict) or any(key not in row for key in required):
                    return f"{path}: line {number} lacks {', '.join(required)}", rows
                rows.append(row)
    except FileNotFoundError:
        return f"{path} is missing", rows
    except (OSError, UnicodeDecodeError) as exc:
        return f"{path} is unreadable: {exc}", rows
    return "", rows


def index_problems(layout: IndexLayout) -> list[str]:
    """What is damaged in the index at `layout` (an absent index is not 'damaged')."""
    if not layout.manifest.exists():
        return []
    problems: list[str] = []
    try:
        manifest = layout.read_manifest()
    except Exception as exc:
        return [str(exc)]
    assert manifest is not None
    problem, articles = _jsonl_problem(layout.articles, ("kb_id", "title", "text"))
    if problem:
        problems.append(problem)
    problem, rows = _jsonl_problem(layout.chunks, ("id", "kb_id", "text"))
    if problem:
        problems.append(problem)
    chunks: list[ChunkRecord] = []
    try:
        chunks = [ChunkRecord(**row) for row in rows]  # type: ignore[arg-type]
    except TypeError as exc:
        problems.append(f"{layout.chunks}: unexpected fields ({exc})")
    expected = {cid for entry in manifest.articles.values() for cid in entry.chunks}
    if not problems and {c.id for c in chunks} != expected:
        problems.append(f"{layout.chunks} does not match the manifest's chunk list")
    known = {str(a["kb_id"]) for a in articles}
    if not problems and any(c.kb_id not in known for c in chunks):
        problems.append(f"{layout.articles} lacks articles that chunks refer to")
    body = sum(1 for c in chunks if c.kind == "body")
    from drafter.knowledge.lexical import Bm25Index

    for folder in (layout.bm25_words, layout.bm25_grams):
        try:
            index = Bm25Index.load(folder)
            docs = int(index.model.scores["num_docs"])
        except Exception as exc:
            problems.append(f"BM25 index {folder} is unreadable ({type(exc).__name__})")
            continue
        if not problems and docs != max(body, 1):
            problems.append(f"BM25 index {folder} holds {docs} chunks, not {body}")
    problems.extend(_chroma_problems(layout, len(expected)))
    return problems


def _chroma_problems(layout: IndexLayout, expected: int) -> list[str]:
    if not layout.chroma.is_dir():
        return [f"the vector store {layout.chroma} is missing"]
    try:
        from drafter.knowledge.store import open_collection

        count = int(open_collection(layout, create=False).count())
    except Exception as exc:
        blocked = read_only_error(layout.root, exc)
        if blocked is not None:
            raise blocked from exc
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        return [f"the vector store {layout.chroma} is unreadable ({reason})"]
    if count != expected:
        return [f"the vector store {layout.chroma} holds {count} vectors, not {expected}"]
    return []


def wipe(layout: IndexLayout) -> None:
    """Remove every index file, so the next ingest builds the index from scratch."""
    for path in (layout.manifest, layout.articles, layout.chunks):
        path.unlink(missing_ok=True)
    for folder in (layout.root / "bm25", layout.chroma):
        shutil.rmtree(folder, ignore_errors=True)
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient.clear_system_cache()  # forget clients of the deleted store
