"""Index checks: is the knowledge-base index (local folder or Chroma server) readable and
consistent?

Chroma's native code can crash the whole process on a damaged HNSW file (a segfault no
`except` catches), so a local index whose vector files changed since the last clean open is
first probed in a child process (`probe_vector_files`); the stamp of a clean open is kept in
`<index>/.vectors-checked`.

`index_problems(store)` reads the index metadata, every article and chunk record, checks
that they agree (each article's chunk count, stems on every body chunk, chunks pointing at
known articles), and runs one vector query (a damaged HNSW file fails there). It returns one
line per problem (empty: healthy). `kb ingest` rebuilds an index with problems; `drafter
doctor` and the retriever report them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import subprocess
import sys
from collections import Counter
from typing import Any

from drafter.errors import KnowledgeBaseError
from drafter.knowledge.chroma_glue import read_only_error
from drafter.knowledge.hnsw_check import hnsw_problem
from drafter.knowledge.records import FORMAT_VERSION
from drafter.knowledge.store import OLD_FILES, IndexStore

REBUILD_HINT = "run `drafter kb ingest --rebuild` (`drafter doctor` shows what is wrong)"
STAMP = ".vectors-checked"
PROBE_SECONDS = 120


def raise_if_blocked(store: IndexStore, exc: BaseException) -> None:
    """Raise the clear read-only / disk-full error when `exc` is one (local index only)."""
    blocked = read_only_error(store.root, exc) if store.local else None
    if blocked is not None:
        raise blocked from exc


def _reason(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


def exists(store: IndexStore) -> bool:
    """Is there an index (healthy or not) to check?"""
    if store.local:
        return store.chroma_dir.is_dir() or any((store.root / n).exists() for n in OLD_FILES)
    return store.meta() is not None


def index_problems(store: IndexStore) -> list[str]:
    """What is damaged in the index (an absent index is not 'damaged'), read in one session
    (drafter.knowledge.index_lock: no ingest can change it meanwhile)."""
    with store.session():
        return _problems(store)


def _problems(store: IndexStore) -> list[str]:
    where = store.location
    if store.local and (store.root / "manifest.json").exists():
        return [f"{store.root} holds an index of an older drafter version (format 1)"]
    if store.local and not store.chroma_dir.is_dir():
        return []
    crashed = probe_vector_files(store)
    if crashed:
        return [crashed]
    try:
        meta = store.meta()
        if meta is None:
            if store.local and any(store.chroma_dir.iterdir()):
                return [f"the vector store {store.chroma_dir} holds no index metadata"]
            return []
        articles = store.read_articles()
        chunks = store.read_chunks()
        vectors, _ = store.counts()
    except KnowledgeBaseError:
        raise
    except Exception as exc:
        raise_if_blocked(store, exc)
        return [f"the index in {where} is unreadable ({_reason(exc)})"]
    problems: list[str] = []
    if meta.format != FORMAT_VERSION:
        problems.append(f"the index in {where} has format {meta.format}, not {FORMAT_VERSION}")
    per_article = Counter(c.kb_id for c in chunks)
    strays = sorted(set(per_article) - set(articles))
    if strays:
        problems.append(f"the index in {where} has chunks of unknown articles ({strays[0]}, ...)")
    wrong = [a.kb_id for a in articles.values() if per_article.get(a.kb_id, 0) != a.chunks]
    if wrong:
        problems.append(
            f"the index in {where} lacks chunks of {len(wrong)} article(s) ({wrong[0]})"
        )
    unstemmed = [c.id for c in chunks if c.kind == "body" and not c.stems.strip()]
    if unstemmed:
        problems.append(f"the index in {where} lacks the BM25 terms of chunk {unstemmed[0]}")
    if vectors != len(chunks):
        problems.append(f"the index in {where} holds {vectors} vectors for {len(chunks)} chunks")
    if not problems and chunks and meta.dim:
        problems.extend(_query_problem(store, meta.dim))
    return problems


def _query_problem(store: IndexStore, dim: int) -> list[str]:
    """One nearest-neighbour query: a damaged vector file fails here, not on counting."""
    try:
        collection, _ = store.collections()
        collection.query(query_embeddings=[[dim**-0.5] * dim], n_results=1, include=[])
    except Exception as exc:
        raise_if_blocked(store, exc)
        return [f"the vector store in {store.location} is unreadable ({_reason(exc)})"]
    return []


# Chroma rebuilds the HNSW files of a small collection from its log on every open and rewrites
# length.bin with other bytes each time, so the stamp is the content of the other files.
_STAMPED = ("data_level0.bin", "header.bin", "link_lists.bin")


def _stamp(store: IndexStore) -> str:
    seen = []
    for path in sorted(store.chroma_dir.glob("*/*.bin")):
        if path.name in _STAMPED:
            digest = hashlib.blake2b(digest_size=16)
            try:
                with path.open("rb") as fh:
                    while block := fh.read(1 << 20):
                        digest.update(block)
            except OSError:
                continue
            seen.append((str(path.relative_to(store.root)), digest.hexdigest()))
    return json.dumps(seen)


def remember_vector_files(store: IndexStore) -> None:
    """Record the vector files as they are after a clean open or write (best effort)."""
    if store.local and store.chroma_dir.is_dir():
        stamp = _stamp(store)
        with contextlib.suppress(OSError):  # a read-only index is probed again next time
            path = store.root / STAMP
            if not path.is_file() or path.read_text(encoding="utf-8") != stamp:
                path.write_text(stamp, encoding="utf-8")


def settle_vector_files(store: IndexStore) -> None:
    """After a write: close, open once more (the first open after a write makes Chroma
    rewrite its HNSW files of small collections) and stamp the files as sound."""
    if not store.local or not store.chroma_dir.is_dir():
        return
    store.close()
    with contextlib.suppress(Exception):
        chunks, _ = store.collections()
        chunks.count()
    store.close()
    remember_vector_files(store)


def probe_vector_files(store: IndexStore) -> str:
    """'' when the local vector files are as last seen, or their HNSW files read as bytes look
    sound (drafter.knowledge.hnsw_check) and a child process can open and query every
    collection; else one line saying what failed (e.g. the child crashed)."""
    if not store.local or not store.chroma_dir.is_dir():
        return ""
    try:
        if (store.root / STAMP).read_text(encoding="utf-8") == _stamp(store):
            return ""
    except OSError:
        pass
    # garbage that makes Chroma's reader crash only sometimes: read as bytes first
    damaged = hnsw_problem(store.chroma_dir)
    if damaged:
        return damaged
    code = "import sys; from drafter.knowledge.health import _probe; _probe(sys.argv[1])"
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, str(store.chroma_dir)],
            capture_output=True,
            text=True,
            timeout=PROBE_SECONDS,
            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
        )
    except subprocess.TimeoutExpired:
        return f"the vector store {store.chroma_dir} did not open within {PROBE_SECONDS} s"
    if done.returncode == 0:
        return ""
    blocked = read_only_error(store.root, RuntimeError(done.stderr))
    if blocked is not None:
        raise blocked
    if done.returncode < 0:
        name = signal.Signals(-done.returncode).name
        return f"the vector store {store.chroma_dir} is damaged (reading it crashed with {name})"
    last = (done.stderr.strip().splitlines() or ["unreadable"])[-1][:150]
    return f"the vector store {store.chroma_dir} is unreadable ({last})"


def _probe(folder: str) -> None:
    """Child process: open every collection in `folder` and run one query on each."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from drafter.knowledge.chroma_glue import DrafterEmbedding

    client: Any = chromadb.PersistentClient(folder, ChromaSettings(anonymized_telemetry=False))
    try:
        for found in client.list_collections():
            collection = client.get_collection(found.name, embedding_function=DrafterEmbedding())
            count = collection.count()
            if count:
                first = collection.get(limit=1, include=["embeddings"])["embeddings"][0]
                collection.query(query_embeddings=[list(first)], n_results=min(10, count))
    except Exception as exc:
        reason = str(exc).splitlines()[0] if str(exc) else ""
        print(f"{type(exc).__name__}: {reason}", file=sys.stderr)
        raise SystemExit(3) from None
