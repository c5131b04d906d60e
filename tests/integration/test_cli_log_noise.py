"""A library's debug logging stays off the user's terminal in the long-running commands.

bm25s sets its logger to DEBUG and logs "Building index from tokens" when the retriever
loads. `drafter inbox watch --draft` loads it; its output must not carry those lines.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.cli import run_cli
from tests.integration import dovecot
from tests.integration.dovecot import Dovecot, dovecot_server, message
from tests.integration.openai_server import fixture_index

pytestmark = pytest.mark.skipif(not dovecot.available(), reason="dovecot-imapd not installed")


@contextmanager
def fresh_root_logger() -> Iterator[None]:
    """The root logger as a new `drafter` process has it: no handlers (pytest's log capture,
    added for the test's call phase, would otherwise make `basicConfig` a no-op)."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    root.handlers = []
    root.setLevel(logging.WARNING)
    try:
        yield
    finally:
        root.handlers, level = saved
        root.setLevel(level)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Dovecot]:
    with dovecot_server(tmp_path) as running:
        yield running


def test_inbox_watch_draft_prints_no_library_debug_lines(tmp_path: Path, server: Dovecot) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copytree(fixture_index(), data / "index")
    server.deliver(message(1))
    env = {"DRAFTER_DATA_DIR": str(data)}
    env.update({f"DRAFTER_{k.upper()}": str(v) for k, v in server.settings().items()})
    with fresh_root_logger():
        result = run_cli("inbox", "watch", "--once", "--draft", "--no-llm", env=env)
        leftover = logging.getLogger().handlers[:]
    assert result.returncode == 0, result.stderr
    assert "imported 1" in result.stdout and "ready" in result.stdout, result.stdout
    output = result.stdout + result.stderr
    assert "DEBUG" not in output, output
    assert "Building index" not in output, output
    # the handler is gone afterwards: nothing of the command stays on the root logger
    assert leftover == []
