"""Broken state: every damaged file gives a one-line error with a hint and exit 2 (never a
traceback), a damaged database is never written to, and the documented repair works."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from drafter.cli.main import main
from drafter.config import Settings
from drafter.desk import Desk
from drafter.knowledge.ingest import ingest
from tests.conftest import ROOT
from tests.integration.openai_server import FIXTURE_ARTICLES

INBOX = ROOT / "examples" / "inbox"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stop:
        main(list(args))
    out, err = capsys.readouterr()
    return int(stop.value.code or 0), out, err


def _one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err
    assert len(lines) == 2 and lines[0].startswith("error: ") and lines[1].startswith("hint: ")
    return err


@pytest.fixture
def data(tmp_path: Path) -> Path:
    data = tmp_path / "drafter-data"
    with Desk(Settings(data_dir=data)) as desk:
        desk.import_messages((p.name, p.read_bytes()) for p in sorted(INBOX.glob("*.eml"))[:10])
    return data


def _header(db: Path) -> None:
    with db.open("r+b") as fh:
        fh.write(b"garbage!garbage!")


def _empty(db: Path) -> None:
    db.write_bytes(b"")


def _inner(db: Path) -> None:
    with db.open("r+b") as fh:  # page 3: a b-tree page of the schema
        fh.seek(2 * 4096)
        fh.write(os.urandom(64))


def _unread(db: Path) -> None:
    """A page that listing the queue never reads: only quick_check on open notices it."""
    with sqlite3.connect(db) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        page = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'ix_audit_email' AND pagetype = 'leaf'"
        ).fetchone()[0]
    with db.open("r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(b"\xff" * 16)


@pytest.mark.parametrize(
    "damage", [_header, _empty, _inner, _unread], ids=["header", "empty", "inner", "unread"]
)
def test_a_damaged_database_is_refused_untouched_and_restored_from_backup(
    data: Path, damage: Callable[[Path], None], capsys: pytest.CaptureFixture[str]
) -> None:
    db = data / "drafter.db"
    code, out, _ = _run(capsys, "backup")
    assert code == 0 and "backup written" in out
    backup = Path(out.split("backup written: ")[1].split(" (")[0])
    damage(db)
    before = db.read_bytes()
    for args in (["inbox", "list"], ["inbox", "import", str(INBOX)], ["inbox", "draft"]):
        code, _, err = _run(capsys, *args)
        assert code == 2, args
        _one_line_error(err)
        assert "damaged" in err and str(backup) in err  # the hint names the last backup
    assert db.read_bytes() == before  # never written to
    code, out, _ = _run(capsys, "doctor")
    assert code == 1 and "PROBLEM database" in out
    # the documented repair: move the damaged file away, copy the backup in its place
    db.rename(db.with_suffix(".damaged"))
    for leftover in (data / "drafter.db-wal", data / "drafter.db-shm"):
        leftover.unlink(missing_ok=True)
    shutil.copy(backup, db)
    code, out, _ = _run(capsys, "inbox", "list", "--json")
    assert code == 0 and out.count('"email_id"') == 10


def test_backup_is_a_consistent_checked_copy(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = data.parent / "copy.db"
    code, out, _ = _run(capsys, "backup", "--out", str(target))
    assert code == 0 and str(target) in out
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM emails").fetchone() == (10,)
    code, _, err = _run(capsys, "backup", "--out", str(target))
    assert code == 2 and "already exists" in _one_line_error(err)


# --- the knowledge-base index --------------------------------------------------------


@pytest.fixture(scope="module")
def kb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    kb = tmp_path_factory.mktemp("kb")
    for name in FIXTURE_ARTICLES[:5]:
        shutil.copy(ROOT / "kb" / name, kb / Path(name).name)
    return kb


@pytest.fixture(scope="module")
def good_index(kb_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("index") / "index"
    report = ingest(Settings(data_dir=root.parent), [kb_dir], index_dir=root)
    assert report.added == 5
    return root


def _chunks(index: Path) -> None:
    text = (index / "chunks.jsonl").read_bytes()
    (index / "chunks.jsonl").write_bytes(text[:300] + b"\x00{broken" + text[310:])


def _bm25(index: Path) -> None:
    (index / "bm25" / "words" / "data.csc.index.npy").write_bytes(os.urandom(100))


def _chroma(index: Path) -> None:
    with (index / "chroma" / "chroma.sqlite3").open("r+b") as fh:
        fh.write(b"garbage!garbage!")


@pytest.mark.parametrize("damage", [_chunks, _bm25, _chroma], ids=["chunks", "bm25", "chroma"])
def test_a_damaged_index_is_reported_and_kb_ingest_rebuilds_it(
    tmp_path: Path,
    good_index: Path,
    kb_dir: Path,
    damage: Callable[[Path], None],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # In-process, like the CLI's other tests: the same process then sees the damage, the
    # repair and the repaired index (as a long-running desk would), without a cold start each.
    data = tmp_path / "data"
    data.mkdir()
    shutil.copytree(good_index, data / "index")
    damage(data / "index")
    at = ("--data-dir", str(data))
    code, out, err = _run(capsys, *at, "kb", "search", "Abschlag ändern", "--json")
    assert code == 2, out
    assert "damaged" in _one_line_error(err) and "kb ingest --rebuild" in err
    code, out, _ = _run(capsys, *at, "doctor")
    assert code == 1 and "PROBLEM index" in out
    code, out, err = _run(capsys, *at, "kb", "ingest", str(kb_dir))
    assert code == 0, err
    assert "repaired:" in err and "5 added" in out
    code, out, _ = _run(capsys, *at, "kb", "search", "Abschlag ändern", "--json")
    assert code == 0 and '"kb_id"' in out


def test_kb_ingest_rebuild_forces_a_build_from_scratch(
    tmp_path: Path, good_index: Path, kb_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copytree(good_index, data / "index")
    code, out, err = _run(capsys, "--data-dir", str(data), "kb", "ingest", str(kb_dir), "--rebuild")
    assert code == 0 and "5 added" in out, err
