"""CLI points found in round 16 (desk16): drafter's commands as a new user runs them at 80
columns right after `make demo`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli import run_cli as run


@pytest.mark.parametrize(
    "args",
    [
        ("eval", "drafts", "--cases", "nope.jsonl", "--no-llm"),
        ("eval", "retrieval", "--cases", "nope.jsonl", "--kb", "nope"),
        ("kb", "ingest", "nope-folder"),
    ],
)
def test_a_command_with_a_progress_bar_fails_with_its_error_alone(
    args: tuple[str, ...], tmp_path: Path
) -> None:
    """`eval drafts --cases nope.jsonl` printed an empty line before its error: the progress
    bar had started (and stopped) before the command found out the file was missing."""
    result = run("--data-dir", str(tmp_path / "data"), *args)
    assert result.returncode == 2, result
    assert result.stderr.startswith("error: "), repr(result.stderr)
