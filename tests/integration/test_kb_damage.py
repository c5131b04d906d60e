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
from tests.conftest import ROOT
from tests.integration.openai_server import FIXTURE_ARTICLES

LARGE = 700  # articles (1,400 vectors): above Chroma's 1,000, its HNSW files are what it reads


class HashEmbedding(_BatchEmbedding):
    """Fast stand-in vectors (512 dims, seeded by the text) for the large index."""

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        rows = []
        for text in texts:
            seed = int.from_bytes(text.encode("utf-8")[:8].ljust(8, b"\0"), "little") + len(text)
            row = np.random.default_rng(seed).standard_normal(512)
            rows.append((row / np.linalg.norm(row)).tolist())
        return rows


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


@pytest.fixture(scope="module")
def large_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large-kb") / "kb_large.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(LARGE):
            row = {
                "kb_id": f"a{i:04d}",
                "lang": "de",
                "title": f"Abschlag Frage {i}",
                "text": f"Antwort {i}: Ihren Abschlag ändern Sie im Kundenportal ({i}).",
                "source": "",
                "url": "",
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def large_index(large_kb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("large") / "index"
    report = ingest(
        Settings(data_dir=root.parent), [large_kb], index_dir=root, embed_model=HashEmbedding()
    )
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


def _drafter(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DRAFTER_", "OPENAI_"))}
    return subprocess.run(
        [sys.executable, "-m", "drafter", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=clean,
        timeout=300,
        cwd=ROOT,
    )


def _one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err, err
    assert len(lines) == 2 and lines[0].startswith("error: ") and lines[1].startswith("hint: "), err
    return lines[0]


CASES: list[tuple[str, Callable[[Path], None]]] = [
    ("small", _database_header),
    ("small", _lost_bm25_terms),
    ("small", _lost_chunk),
    ("small", _older_format),
    ("large", _garbled_vectors),
    ("large", _truncated_vectors),
    ("large", _garbage_hnsw_header),
]


@pytest.mark.parametrize(("size", "damage"), CASES, ids=[d.__name__[1:] for _, d in CASES])
def test_a_damaged_index_is_reported_and_kb_ingest_repairs_it(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    size: str,
    damage: Callable[[Path], None],
) -> None:
    index: Path = request.getfixturevalue(f"{size}_index")
    kb: Path = request.getfixturevalue(f"{size}_kb")
    data = tmp_path / "data"
    data.mkdir()
    shutil.copytree(index, data / "index")
    damage(data / "index")
    search = _drafter(data, "kb", "search", "Abschlag ändern", "--json")
    assert search.returncode == 2, search.stdout + search.stderr
    error = _one_line_error(search.stderr)
    assert any(w in error for w in ("damaged", "unreadable", "older drafter", "lacks")), error
    assert "kb ingest" in search.stderr
    doctor = _drafter(data, "doctor")
    assert doctor.returncode == 1 and "PROBLEM index" in doctor.stdout, doctor.stdout
    repaired = _drafter(data, "kb", "ingest", str(kb))
    assert repaired.returncode == 0, repaired.stderr
    assert "repaired:" in repaired.stderr and "0 unchanged" in repaired.stdout
    search = _drafter(data, "kb", "search", "Abschlag ändern", "--json")
    assert search.returncode == 0 and '"kb_id"' in search.stdout, search.stderr


def test_kb_ingest_rebuild_forces_a_build_from_scratch(
    tmp_path: Path, small_index: Path, small_kb: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copytree(small_index, data / "index")
    again = _drafter(data, "kb", "ingest", str(small_kb), "--rebuild")
    assert again.returncode == 0 and "5 added" in again.stdout, again.stderr
