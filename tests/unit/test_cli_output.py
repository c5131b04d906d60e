"""The shared CLI report writer: a bad --report/--html path is a DrafterError, not a traceback."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from drafter.cli.output import write_report
from drafter.errors import DrafterError


def test_report_is_written_and_announced_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.md"
    write_report(target, "# Größe\n", "--report")
    assert target.read_text(encoding="utf-8") == "# Größe\n"
    assert f"report written to {target}" in capsys.readouterr().err


def test_a_report_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    # reports quote customers (rejection reasons, the questions of knowledge gaps), like the
    # DSGVO export: mode 0600, also when an older file of a wider mode is overwritten
    fresh, old = tmp_path / "report.html", tmp_path / "old.html"
    old.write_text("old", encoding="utf-8")
    old.chmod(0o644)
    for target in (fresh, old):
        write_report(target, "<p>Frau Quastenberg: Mahnung</p>", "--html", what="HTML report")
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert "Quastenberg" in target.read_text(encoding="utf-8")


def test_unwritable_report_names_the_file_and_the_option(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "report.html"
    with pytest.raises(DrafterError) as info:
        write_report(target, "<html></html>", "--html", what="HTML report")
    assert str(target) in info.value.message
    assert info.value.message.startswith("cannot write the HTML report")
    assert "--html" in info.value.hint
    assert not target.exists()
