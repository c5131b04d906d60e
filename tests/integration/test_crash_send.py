"""Crash safety: SIGKILL a review session at random moments during edit, approve and send.

A worker process (tests/integration/crash_worker.py) forks one session per trial against
the real SQLite store and the real outbox folder or a real SMTP server on loopback; the test
kills it after a random delay, then checks, as a restarted desk: every edit and approval the
session reported as saved is there, every reported send is recorded, and no Message-ID was
delivered more than once (outbox files and SMTP messages counted by Message-ID header).
"""

from __future__ import annotations

import email
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.store import outbox
from drafter.store.db import open_database
from drafter.store.drafts import sha256_text
from tests.conftest import ROOT
from tests.integration.smtp_server import smtp_server
from tests.integration.test_send_smtp import RAW

OUTBOX_TRIALS = 40
SMTP_TRIALS = 30
EMAILS_PER_ROUND = 5


def _settings(data_dir: Path, port: int) -> Settings:
    return Settings(
        data_dir=data_dir,
        smtp_host="127.0.0.1" if port else "",
        smtp_port=port or 587,
        smtp_security="none",
    )


def _new_round(base: Path, name: str, port: int) -> Path:
    data_dir = base / name
    desk = Desk(_settings(data_dir, port))
    raws = [
        ("m.eml", RAW.replace(b"<kunde-42@example.org>", f"<kunde-{name}-{i}@x.org>".encode()))
        for i in range(EMAILS_PER_ROUND)
    ]
    assert desk.import_messages(raws).imported == EMAILS_PER_ROUND
    desk.close()
    return data_dir


def _wait_dead(pid: int, limit: float = 10) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.002)
    raise AssertionError(f"worker {pid} did not die")


def _wait_ready(log: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if log.exists() and "READY" in log.read_text():
            return
        time.sleep(0.002)
    raise AssertionError(f"worker never became ready: {log}")


def _check_reports(desk: Desk, lines: list[str]) -> Counter[str]:
    seen: Counter[str] = Counter()
    for line in lines:
        kind, *rest = line.split(" ", 3)
        seen[kind] += 1
        if kind == "EDIT":
            email_id, version_id, digest = int(rest[0]), int(rest[1]), rest[2]
            found = {v.version_id: v for v in desk.versions(email_id)}
            assert version_id in found, f"lost edit: {line}"
            assert sha256_text(found[version_id].body) == digest
        elif kind == "APPROVE":
            email_id, version_id, digest = int(rest[0]), int(rest[1]), rest[2]
            pairs = {(a.version_id, a.sha256) for a in desk.approvals(email_id)}
            assert (version_id, digest) in pairs, f"lost approval: {line}"
        elif kind == "SENT":
            rows = {r.message_id: r.state for r in desk.sends(int(rest[0]))}
            assert rows.get(rest[1]) == "sent", f"lost send record: {line}"
    return seen


def _check_delivered(desk: Desk, messages: list[EmailMessage]) -> None:
    """Each Message-ID at most once, and each delivered text is an approved one."""
    counts = Counter(str(m["Message-ID"]) for m in messages)
    assert all(n == 1 for n in counts.values()), counts.most_common(3)
    with desk.db.read() as conn:
        for message in messages:
            row = outbox.by_message_id(conn, str(message["Message-ID"]))
            assert row is not None, f"delivered but unknown: {message['Message-ID']}"
            approved = {a.sha256 for a in desk.approvals(row.email_id)}
            versions = [v for v in desk.versions(row.email_id) if sha256_text(v.body) in approved]
            part = message.get_body(("plain",))
            assert part is not None
            content = part.get_content().replace("\r\n", "\n")
            assert any(v.body.strip() in content for v in versions), (content, versions)


def _outbox_messages(settings: Settings) -> list[EmailMessage]:
    found: list[EmailMessage] = []
    if settings.outbox_path.is_dir():
        for path in settings.outbox_path.glob("*.eml"):
            parsed = email.message_from_bytes(path.read_bytes(), policy=policy.default)
            assert isinstance(parsed, EmailMessage)
            found.append(parsed)
    return found


@pytest.mark.slow
def test_sigkill_never_loses_work_or_sends_twice(tmp_path: Path) -> None:
    rng = random.Random(20260301)
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.crash_worker"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert worker.stdin is not None and worker.stdout is not None
    assert worker.stdout.readline().strip() == "ZYGOTE"
    totals: Counter[str] = Counter()
    timing: Counter[str] = Counter()
    interrupted: set[str] = set()  # Message-IDs a kill left in state `sending`
    started = time.monotonic()
    try:
        with smtp_server(delay=0.03) as (recorder, port):
            for mode, trials, smtp_port in (
                ("outbox", OUTBOX_TRIALS, 0),
                ("smtp", SMTP_TRIALS, port),
            ):
                round_no = 0
                data_dir = _new_round(tmp_path, f"{mode}-{round_no}", smtp_port)
                first_message = len(recorder.messages)
                all_outbox: list[EmailMessage] = []
                for trial in range(trials):
                    log = tmp_path / f"{mode}-{trial}.log"
                    job = {"data_dir": str(data_dir), "smtp_port": smtp_port,
                           "seed": rng.randrange(10**9), "log": str(log)}  # fmt: skip
                    worker.stdin.write(json.dumps(job) + "\n")
                    worker.stdin.flush()
                    pid = int(worker.stdout.readline())
                    t0 = time.monotonic()
                    _wait_ready(log)
                    timing["ready"] += time.monotonic() - t0
                    if trial == 0:
                        # The first session of each mode runs to the end: its length sets the
                        # range of the kill delays, so the kills spread over edit, approve and
                        # send however loaded the machine is (a fixed range missed every send
                        # at load 10).
                        t0 = time.monotonic()
                        _wait_dead(pid, limit=120)
                        round_seconds = time.monotonic() - t0
                        timing[f"{mode}_round"] = round_seconds
                    else:
                        time.sleep(rng.uniform(0.0, round_seconds))
                        try:
                            os.kill(pid, signal.SIGKILL)
                            totals["kills"] += 1
                        except ProcessLookupError:
                            pass  # finished the round on its own
                        _wait_dead(pid)
                    lines = log.read_text().splitlines()
                    t0 = time.monotonic()
                    settings = _settings(data_dir, smtp_port)
                    db = open_database(settings)
                    with db.read() as conn:
                        interrupted.update(r.message_id for r in outbox.with_state(conn, "sending"))
                    with Desk(settings, db=db) as desk:  # a restart: recover() runs first
                        totals.update(_check_reports(desk, lines))
                        if mode == "outbox":
                            _check_delivered(desk, _outbox_messages(settings))
                        else:
                            _check_delivered(desk, recorder.messages[first_message:])
                    totals[f"{mode}_trials"] += 1
                    timing["check"] += time.monotonic() - t0
                    if "DONE" in lines:
                        if mode == "outbox":
                            all_outbox += _outbox_messages(settings)
                        round_no += 1
                        data_dir = _new_round(tmp_path, f"{mode}-{round_no}", smtp_port)
                        first_message = len(recorder.messages)
                if mode == "outbox":
                    all_outbox += _outbox_messages(_settings(data_dir, 0))
                    totals["outbox_files"] = len(all_outbox)
            smtp_ids = Counter(str(m["Message-ID"]) for m in recorder.messages)
            assert all(n == 1 for n in smtp_ids.values())
            totals["smtp_messages"] = len(recorder.messages)
            totals["interrupted_sends"] = len(interrupted)
    finally:
        worker.kill()
        worker.wait()
    seconds = time.monotonic() - started
    print(f"\ncrash test: {dict(totals)} in {seconds:.1f} s {dict(timing)}")
    assert totals["outbox_trials"] == OUTBOX_TRIALS and totals["smtp_trials"] == SMTP_TRIALS
    assert totals["EDIT"] > 0 and totals["APPROVE"] > 0 and totals["SENT"] > 0
    assert totals["interrupted_sends"] > 0  # some kills really landed inside a send
