"""Read-only data dir and full disk: every command says so in one line naming the path,
and no email is left in a transitional state ("drafting").

Read-only is real: the data dir is chmod'ed read-only. Tests run as root in CI, and root
ignores file modes, so the commands then run under `setpriv` with CAP_DAC_OVERRIDE,
CAP_DAC_READ_SEARCH and CAP_FOWNER removed from the bounding set (still uid 0, but the
kernel now enforces the modes). A full disk is simulated inside SQLite: every connection
gets `PRAGMA max_page_count` = its current page count, so any write that needs a new page
fails with SQLITE_FULL ("database or disk is full"), exactly what a full disk returns.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from drafter.cli.main import main
from drafter.config import Settings
from drafter.desk import Desk
from tests.conftest import ROOT
from tests.integration.openai_server import fixture_index

INBOX = ROOT / "examples" / "inbox"
SETPRIV = shutil.which("setpriv")
DROP = "-dac_override,-dac_read_search,-fowner"


def _new_mail(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "new.eml"
    path.write_bytes(
        b"From: Neu <neu@example.org>\nSubject: Abschlag\nMessage-ID: <ro-new@example.org>\n\n"
        b"Bitte meinen Abschlag auf 80 Euro senken.\n"
    )
    return path


@pytest.fixture
def data() -> Iterator[Path]:
    root = Path(os.path.realpath(__import__("tempfile").mkdtemp(prefix="drafter-ro-")))
    data = root / "data"
    data.mkdir()
    shutil.copytree(fixture_index(), data / "index")
    with Desk(Settings(data_dir=data)) as desk:
        desk.import_messages((p.name, p.read_bytes()) for p in sorted(INBOX.glob("*.eml"))[:6])
    yield data
    subprocess.run(["chmod", "-R", "u+w", str(root)], check=False)
    shutil.rmtree(root, ignore_errors=True)


def _as_unprivileged(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    if SETPRIV is None:
        pytest.skip("running as root without setpriv: cannot make a folder read-only")
    return [SETPRIV, f"--bounding-set={DROP}", *args]


def _drafter(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DRAFTER_", "OPENAI_"))}
    command = [sys.executable, "-m", "drafter", "--data-dir", str(data), *args]
    return subprocess.run(
        _as_unprivileged(command), capture_output=True, text=True, env=clean, timeout=300, cwd=ROOT
    )


def _statuses(data: Path) -> dict[str, int]:
    with sqlite3.connect(f"file:{data / 'drafter.db'}?mode=ro", uri=True) as conn:
        return dict(conn.execute("SELECT status, count(*) FROM emails GROUP BY status").fetchall())


@pytest.mark.parametrize(
    "args",
    [
        ["kb", "search", "Abschlag"],
        ["kb", "ingest", str(ROOT / "tests" / "data" / "kb" / "de")],
        ["inbox", "draft", "--no-llm"],
        ["draft", "--no-llm", str(INBOX / "01-abschlag-erhoehen.eml")],
        ["inbox", "import", "NEW"],
    ],
    ids=["kb-search", "kb-ingest", "inbox-draft", "draft", "inbox-import"],
)
def test_a_read_only_data_dir_is_one_clear_line(data: Path, args: list[str]) -> None:
    args = [str(_new_mail(data.parent / "mail")) if a == "NEW" else a for a in args]
    before = _statuses(data)
    subprocess.run(["chmod", "-R", "a-w", str(data)], check=True)
    result = _drafter(data, *args)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert lines[-2].startswith("error: ") and lines[-1].startswith("hint: ")
    assert str(data) in lines[-2] and ("read-only" in lines[-2] or "readonly" in lines[-2])
    subprocess.run(["chmod", "-R", "u+w", str(data)], check=True)
    after = _statuses(data)
    assert after == before and "drafting" not in after


@pytest.fixture
def disk_full() -> Iterator[None]:
    def limit(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {max(pages, 1)}")
        cursor.close()

    event.listen(Engine, "connect", limit)
    yield
    event.remove(Engine, "connect", limit)


def test_a_full_disk_is_one_clear_line_and_leaves_nothing_drafting(
    data: Path, disk_full: None, capsys: pytest.CaptureFixture[str]
) -> None:
    mail = _new_mail(data.parent / "mail")
    big = mail.read_bytes() + b"x" * 200_000  # needs new pages
    mail.write_bytes(big)
    with pytest.raises(SystemExit) as stop:
        main(["--data-dir", str(data), "inbox", "import", str(mail)])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and "Traceback" not in err
    assert "disk" in err and "full" in err and str(data) in err
    with pytest.raises(SystemExit) as stop:
        main(["--data-dir", str(data), "inbox", "draft", "--no-llm"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert "full" in out + err
    assert "drafting" not in _statuses(data)
