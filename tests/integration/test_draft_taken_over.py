"""A draft that outlives its drafting claim (issue 16): `inbox draft` blocked longer than the
lease (the renewer cannot run) while another real process takes the email over.

When the other process drafted the email, the slow process's result is dropped and that is a
skip (exit 0, summary "skipped 1 (drafted by another process)"). When the other process only
started (its start put the email back to `new`) and nobody took it, the slow draft is saved:
what counts is who claimed the email, not the clock. Only the model's HTTP is mocked (respx);
the database, the index and the other process are real.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import respx

from drafter.config import Settings
from drafter.desk import Desk
from tests.cli import Result, run_cli
from tests.conftest import ROOT
from tests.integration.openai_server import fixture_index, sse_body

LEASE = 5  # seconds (the smallest DRAFTER_DRAFT_LEASE_SECONDS allowed)
BASE = "http://127.0.0.1:9/v1"
MAIL = ROOT / "examples" / "inbox" / "01-abschlag-erhoehen.eml"
REPLY = "Sehr geehrte Frau [NAME_1],\n\nwir passen Ihren Abschlag an [1].\n\nFreundliche Grüße\n"


def _data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copytree(fixture_index(), data / "index")
    with Desk(Settings(data_dir=data)) as desk:
        assert desk.import_messages(iter([(MAIL.name, MAIL.read_bytes())])).imported == 1
    return data


def _other_process(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DRAFTER_", "OPENAI_"))}
    env = {**clean, "DRAFTER_DRAFT_LEASE_SECONDS": str(LEASE), "DRAFTER_AGENT_ID": "other"}
    return subprocess.run(
        [sys.executable, "-m", "drafter", "--data-dir", str(data), *args],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=300,
    )  # fmt: skip


def _slow_draft(data: Path, *other: str) -> tuple[Result, subprocess.CompletedProcess[str]]:
    """`inbox draft` whose model answer blocks the event loop past the lease; meanwhile
    another process runs `drafter OTHER`."""
    ran: list[subprocess.CompletedProcess[str]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        time.sleep(LEASE + 1)  # blocks the loop: the claim's renewer cannot run
        ran.append(_other_process(data, *other))
        return httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=sse_body([REPLY])
        )

    with respx.mock:
        respx.post(BASE + "/chat/completions").mock(side_effect=answer)
        result = run_cli(
            "--data-dir", str(data), "inbox", "draft",
            env={
                "DRAFTER_LLM_BASE_URL": BASE, "DRAFTER_LLM_MODEL": "test-model",
                "DRAFTER_LLM_MAX_RETRIES": "0", "DRAFTER_DRAFT_LEASE_SECONDS": str(LEASE),
                "DRAFTER_AGENT_ID": "slow",
            },
        )  # fmt: skip
    assert ran, result.stdout + result.stderr
    return result, ran[0]


def _rows(data: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(data / "drafter.db", timeout=30) as conn:
        return list(conn.execute(sql))


def test_a_draft_taken_over_by_another_process_is_a_skip_not_a_failure(tmp_path: Path) -> None:
    data = _data_dir(tmp_path)
    result, other = _slow_draft(data, "inbox", "draft", "--no-llm")
    assert other.returncode == 0 and other.stdout.strip().endswith("drafted 1, failed 0")
    assert "Traceback" not in result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "drafted 0, failed 0, skipped 1 (drafted by another process)"
    )
    assert result.returncode == 0, result.stderr
    assert "failed:" not in result.stderr
    assert "#1 skipped: the draft of email 1 took longer than its drafting claim" in result.stderr
    # the email has exactly the other process's draft
    assert _rows(data, "SELECT author, source FROM draft_versions") == [("other", "generated")]
    assert _rows(data, "SELECT status FROM emails") == [("ready",)]


def test_a_slow_draft_nobody_took_over_is_saved(tmp_path: Path) -> None:
    data = _data_dir(tmp_path)
    # the other process only starts (its start puts the expired `drafting` email back)
    result, other = _slow_draft(data, "inbox", "list")
    assert other.returncode == 0, other.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.strip().splitlines()[-1] == "drafted 1, failed 0", result.stderr
    assert result.returncode == 0
    assert "took longer than its drafting claim" not in result.stderr
    assert _rows(data, "SELECT author, source FROM draft_versions") == [("slow", "generated")]
    assert _rows(data, "SELECT status, claimed_by FROM emails") == [("ready", "")]
    actions = _rows(data, "SELECT action FROM audit_log WHERE email_id = 1 ORDER BY id")
    assert [a for (a,) in actions][-3:] == ["recovered", "draft_resumed", "drafted"]
