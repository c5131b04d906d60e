"""A damaged knowledge-base index -- real files damaged on disk: the Chroma database, its HNSW
vector files (one garbling crashes Chroma's native code), the lexical records stored with
the vectors, an index of the older file format -- gives a one-line error with a hint (exit
2, no traceback), `drafter doctor` names it, and `kb ingest` repairs it."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from drafter.config import Settings
from drafter.knowledge.embeddings import _BatchEmbedding, load_use
from drafter.knowledge.ingest import ingest
from tests.cli import run_cli
from tests.conftest import ROOT
from tests.integration.damage_worker import steps
from tests.integration.openai_server import FIXTURE_ARTICLES, FakeOpenAIServer, hash_vector

LARGE = 520  # articles (1,040 vectors): above Chroma's 1,000, its HNSW files are what it reads


# The large index and its repairs use stand-in vectors (hash_vector: 512 dims, seeded by the
# text) under the embedding model name HASH_MODEL: the parent builds it in-process, and the
# child's CLI steps (search, doctor, the repairing `kb ingest`) fetch the same vectors from a
# loopback OpenAI-compatible /embeddings endpoint (DRAFTER_EMBEDDING_BACKEND=openai), not by
# re-embedding 1,040 chunks with the USE model for each case. The small cases use USE.
HASH_MODEL = "hash-512"


class HashEmbedding(_BatchEmbedding):
    """Fast stand-in vectors (512 dims, seeded by the text) for the large index."""

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return [hash_vector(text) for text in texts]


def _hash_env(base_url: str) -> dict[str, str]:
    """The child's settings for the HASH_MODEL index, its vectors served at `base_url`."""
    return {
        "DRAFTER_EMBEDDING_BACKEND": "openai",
        "DRAFTER_EMBEDDING_MODEL": HASH_MODEL,
        "DRAFTER_EMBEDDING_BASE_URL": base_url,
    }


@pytest.fixture(scope="module")
def small_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    kb = tmp_path_factory.mktemp("kb")
    for name in FIXTURE_ARTICLES[:5]:
        shutil.copy(ROOT / "kb" / name, kb / Path(name).name)
    return kb


@pytest.fixture(scope="module")
def small_index(small_kb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    load_use()
    root = tmp_path_factory.mktemp("small") / "index"
    assert ingest(Settings(data_dir=root.parent), [small_kb], index_dir=root).added == 5
    return root


def write_kb(path: Path, count: int, answer: Callable[[int], str]) -> Path:
    """A JSONL knowledge base of `count` German articles a0000, a0001, ... ("Abschlag Frage i")
    whose texts are `answer(i)`: the stand-in KB of the index tests and scripts."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(count):
            row = {"kb_id": f"a{i:04d}", "lang": "de", "title": f"Abschlag Frage {i}"}
            fh.write(json.dumps({**row, "text": answer(i)}, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def large_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large-kb") / "kb_large.jsonl"
    return write_kb(
        path, LARGE, lambda i: f"Antwort {i}: Ihren Abschlag ändern Sie im Kundenportal ({i})."
    )


@pytest.fixture(scope="module")
def large_index(large_kb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("large") / "index"
    settings = Settings(
        data_dir=root.parent,
        embedding_backend="openai",
        embedding_model=HASH_MODEL,
        embedding_base_url="http://127.0.0.1:9/v1",  # unused: the vectors come from embed_model
    )
    report = ingest(settings, [large_kb], index_dir=root, embed_model=HashEmbedding())
    assert report.vectors == 2 * LARGE
    return root


def _hnsw(index: Path) -> Path:
    """The data file of the chunk collection's HNSW index (the largest one)."""
    return max(index.glob("chroma/*/data_level0.bin"), key=lambda p: p.stat().st_size)


def _garbled_vectors(index: Path) -> None:
    path = _hnsw(index)
    data = bytearray(path.read_bytes())
    data[: len(data) // 2] = np.random.default_rng(3).bytes(len(data) // 2)
    path.write_bytes(bytes(data))


def _truncated_vectors(index: Path) -> None:
    os.truncate(_hnsw(index), 1000)


def _garbage_hnsw_header(index: Path) -> None:
    (_hnsw(index).parent / "header.bin").write_bytes(np.random.default_rng(4).bytes(100))


def _database_header(index: Path) -> None:
    with (index / "chroma" / "chroma.sqlite3").open("r+b") as fh:
        fh.write(b"garbage!garbage!")


def _lost_bm25_terms(index: Path) -> None:
    with sqlite3.connect(index / "chroma" / "chroma.sqlite3") as conn:
        conn.execute(
            "UPDATE embedding_metadata SET string_value = '' WHERE key = 'stems' AND id = "
            "(SELECT min(id) FROM embedding_metadata WHERE key = 'stems')"
        )


def _lost_chunk(index: Path) -> None:
    with sqlite3.connect(index / "chroma" / "chroma.sqlite3") as conn:
        conn.execute(
            "DELETE FROM embedding_metadata WHERE id = "
            "(SELECT min(id) FROM embedding_metadata WHERE key = 'stems')"
        )


def _older_format(index: Path) -> None:
    """What format 1 left: manifest.json, chunks.jsonl and a Chroma folder with vectors only."""
    import chromadb

    client = chromadb.PersistentClient(str(index / "chroma"))
    client.delete_collection("kb_articles")
    (index / "manifest.json").write_text('{"version": 1}', encoding="utf-8")
    (index / "chunks.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")


def _child_results(
    jobs: list[dict[str, str]], tmp: Path, env: dict[str, str]
) -> dict[str, list[list[object]]]:
    """Run the cases in ONE child process (tests/integration/damage_worker.py) with `env`
    added: search, doctor, the repairing `kb ingest` and the search after it, all in the same
    process (the index lock and the client closed with it make the search right after the
    repair safe: drafter.knowledge.index_lock). Each finished case prints its own line; a case
    that crashed the child gets the child's end (the crashing thread's stack) as its last
    step."""
    spec = tmp / "jobs.json"
    spec.write_text(json.dumps(jobs), encoding="utf-8")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DRAFTER_", "OPENAI_"))}
    results: dict[str, list[list[object]]] = {job["case"]: [] for job in jobs}
    for phase in ("all",):
        done = subprocess.run(
            [sys.executable, "-m", "tests.integration.damage_worker", str(spec), phase],
            capture_output=True,
            text=True,
            env={**clean, "PYTHONFAULTHANDLER": "1", **env},  # a crash prints where it happened
            timeout=600,
            cwd=ROOT,
        )
        finished = set()
        for line in done.stdout.splitlines():
            row = json.loads(line)
            results[row["case"]].extend(row["steps"])
            finished.add(row["case"])
        crash = done.stderr
        start = crash.find("Current thread")  # faulthandler: the crashing thread's stack
        shown = crash[start : start + 3000] if start >= 0 else crash[-2000:]
        for name in set(results) - finished:
            results[name].append(
                [None, "", f"the {phase} child ended with {done.returncode}: {shown}"]
            )
    return results


def _one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err, err
    assert len(lines) == 2 and lines[0].startswith("error: ") and lines[1].startswith("hint: "), err
    return lines[0]


SMALL: list[Callable[[Path], None]] = [
    _database_header,
    _lost_bm25_terms,
    _lost_chunk,
    _older_format,
]
# Chroma reads its HNSW files only above 1,000 vectors; a garbled one can segfault the reader,
# so these run in a child process (one for the three: each case still reports on its own).
HNSW: list[Callable[[Path], None]] = [
    _garbled_vectors,
    _truncated_vectors,
    _garbage_hnsw_header,
]


def _damaged_copy(index: Path, damage: Callable[[Path], None], data: Path) -> Path:
    data.mkdir(parents=True)
    shutil.copytree(index, data / "index")
    damage(data / "index")
    return data


def _check_steps(steps: list[list[object]]) -> None:
    """search fails with one clear line, doctor names it, kb ingest repairs, search works."""
    assert len(steps) == 4, steps
    (code, out, err), (d_code, d_out, _), (r_code, r_out, r_err), (s_code, s_out, s_err) = [
        (step[0], str(step[1]), str(step[2])) for step in steps
    ]
    assert code == 2, out + err
    error = _one_line_error(err)
    assert any(w in error for w in ("damaged", "unreadable", "older drafter", "lacks")), error
    assert "kb ingest" in err
    assert d_code == 1 and "PROBLEM index" in d_out, d_out
    assert r_code == 0, r_err
    assert "repaired:" in r_err and "0 unchanged" in r_out
    assert s_code == 0 and '"kb_id"' in s_out, s_err


@pytest.mark.parametrize("damage", SMALL, ids=[d.__name__[1:] for d in SMALL])
def test_a_damaged_index_is_reported_and_kb_ingest_repairs_it(
    tmp_path: Path, small_index: Path, small_kb: Path, damage: Callable[[Path], None]
) -> None:
    data = _damaged_copy(small_index, damage, tmp_path / "data")
    _check_steps([list(step) for step in steps(str(data), str(small_kb))])


@pytest.fixture(scope="module")
def large_results(
    large_index: Path, large_kb: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[list[object]]]:
    tmp = tmp_path_factory.mktemp("large-damage")
    jobs = [
        {
            "case": damage.__name__,
            "data": str(_damaged_copy(large_index, damage, tmp / damage.__name__)),
            "kb": str(large_kb),
        }
        for damage in HNSW
    ]
    with FakeOpenAIServer(model=HASH_MODEL) as server:
        return _child_results(jobs, tmp, _hash_env(server.base_url))


@pytest.mark.parametrize("damage", HNSW, ids=[d.__name__[1:] for d in HNSW])
def test_damaged_vector_files_are_reported_and_repaired_in_a_child_process(
    large_results: dict[str, list[list[object]]], damage: Callable[[Path], None]
) -> None:
    _check_steps(large_results[damage.__name__])


def test_kb_ingest_rebuild_forces_a_build_from_scratch(
    tmp_path: Path, small_index: Path, small_kb: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copytree(small_index, data / "index")
    again = run_cli("--data-dir", str(data), "kb", "ingest", str(small_kb), "--rebuild")
    assert again.returncode == 0 and "5 added" in again.stdout, again.stderr
