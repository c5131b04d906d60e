"""A folder import with unreadable files or sub-folders: each one is skipped with one line
naming it, everything readable is imported, the summary counts the skipped ones, exit 1.

The files are made unreadable for real (chmod 000). Tests run as root in CI, and root
ignores file modes, so the command then runs under `setpriv` with CAP_DAC_OVERRIDE,
CAP_DAC_READ_SEARCH and CAP_FOWNER removed from the bounding set (still uid 0, but the
kernel enforces the modes).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

SETPRIV = shutil.which("setpriv")


def _mail(n: int) -> bytes:
    return (
        f"From: Kunde {n} <k{n}@example.org>\nSubject: Abschlag {n}\n"
        f"Message-ID: <unreadable-{n}@example.org>\n\nBitte den Abschlag {n} senken.\n"
    ).encode()


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    mail = tmp_path / "mail"
    (mail / "locked").mkdir(parents=True)
    for n, name in enumerate(["a.eml", "b.eml", "c.eml", "locked/d.eml"]):
        (mail / name).write_bytes(_mail(n))
    (mail / "b.eml").chmod(0)
    (mail / "locked").chmod(0)
    yield mail
    (mail / "locked").chmod(0o755)
    (mail / "b.eml").chmod(0o644)


def _drafter(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DRAFTER_", "OPENAI_"))}
    command = [sys.executable, "-m", "drafter", "--data-dir", str(data), *args]
    if os.geteuid() == 0:
        if SETPRIV is None:
            pytest.skip("running as root without setpriv: cannot make a file unreadable")
        command = [SETPRIV, "--bounding-set=-dac_override,-dac_read_search,-fowner", *command]
    return subprocess.run(command, capture_output=True, text=True, env=clean, timeout=300, cwd=ROOT)


def test_unreadable_files_are_skipped_by_name_and_the_rest_is_imported(
    folder: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    result = _drafter(data, "inbox", "import", str(folder))
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped: ")]
    assert len(skipped) == 2, result.stderr
    assert any(str(folder / "b.eml") in line and "denied" in line for line in skipped)
    assert any(str(folder / "locked") in line and "folder" in line for line in skipped)
    assert "imported 2, duplicates 0, quarantined 0, skipped 2 (unreadable)" in result.stdout
    with sqlite3.connect(data / "drafter.db") as conn:
        subjects = sorted(s for (s,) in conn.execute("SELECT subject FROM emails"))
    assert subjects == ["Abschlag 0", "Abschlag 2"]
