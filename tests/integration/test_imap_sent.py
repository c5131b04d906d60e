"""After sending over SMTP (aiosmtpd) the reply is filed in Dovecot's \\Sent folder exactly
once and the original gets \\Answered (and optionally moves); kill -9 between SMTP and APPEND
and during a fetch loses nothing and doubles nothing (real processes)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.mail.imap_sent import file_pending
from drafter.mail.imap_sync import import_once
from drafter.store import outbox
from tests.conftest import ROOT
from tests.integration import dovecot
from tests.integration.dovecot import Dovecot, dovecot_server, message
from tests.integration.imap_proxy import proxy
from tests.integration.smtp_server import Recorder, free_port, smtp_server

pytestmark = pytest.mark.skipif(not dovecot.available(), reason="dovecot-imapd not installed")

REPLY = "Guten Tag,\n\nwir haben Ihren Abschlag angepasst.\n\nMit freundlichen Grüßen"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Dovecot]:
    with dovecot_server(tmp_path) as running:
        yield running


@pytest.fixture
def smtp() -> Iterator[tuple[Recorder, int]]:
    with smtp_server() as running:
        yield running


def make_settings(
    data: Path, server: Dovecot, smtp_port: int, imap_port: int = 0, **extra: Any
) -> Settings:
    values = server.settings(**extra)
    if imap_port:
        values["imap_port"] = imap_port
    return Settings(
        data_dir=data, smtp_host="127.0.0.1", smtp_port=smtp_port, smtp_security="none", **values
    )


def copies(server: Dovecot, folder: str, message_id: str) -> list[tuple[bytes, ...]]:
    """Flags of every message in `folder` with this Message-ID."""
    return [
        flags
        for raw, flags in server.messages(folder).values()
        if f"Message-ID: {message_id}".encode() in raw
    ]


def test_sent_copy_and_answered_exactly_once(
    tmp_path: Path, server: Dovecot, smtp: tuple[Recorder, int]
) -> None:
    server.deliver(message(1))
    server.deliver(message(2))
    settings = make_settings(tmp_path / "data", server, smtp[1])
    with Desk(settings) as desk:
        ids = import_once(desk, settings).email_ids
        desk.approve(ids[0], REPLY)
        result = desk.send(ids[0])
        assert smtp[0].count(result.message_id) == 1
        assert copies(server, "Sent", result.message_id) == [(b"\\Seen",)]
        assert desk.send(ids[0]).already_sent  # sending again: nothing new anywhere
        assert file_pending(desk, settings) == 0
        assert len(copies(server, "Sent", result.message_id)) == 1
        assert smtp[0].count(result.message_id) == 1
        inbox = server.messages("INBOX")
        assert b"\\Answered" in inbox[1][1] and b"\\Answered" not in inbox[2][1]
        # our own reply is never imported back, even if it shows up in a watched folder
        server.deliver(smtp[0].messages[0].as_bytes())
        assert import_once(desk, settings).imported == 0


def test_existing_sent_copy_is_not_doubled_and_original_moves(
    tmp_path: Path, server: Dovecot, smtp: tuple[Recorder, int]
) -> None:
    server.deliver(message(1))
    settings = make_settings(tmp_path / "data", server, smtp[1], imap_move_to="Archive")
    with Desk(settings) as desk:
        (email_id,) = import_once(desk, settings).email_ids
        desk.approve(email_id, REPLY)
        # IMAP unreachable while sending: the filing stays pending (the send succeeds)...
        offline = settings.model_copy(update={"imap_port": free_port()})
        with Desk(offline) as sending:
            result = sending.send(email_id)
        assert copies(server, "Sent", result.message_id) == []
        # ...meanwhile the server files its own copy, as Gmail does
        server.deliver(smtp[0].messages[0].as_bytes(), "Sent")
        assert file_pending(desk, settings) == 1
        assert len(copies(server, "Sent", result.message_id)) == 1
        assert server.messages("INBOX") == {}
        archived = list(server.messages("Archive").values())
        assert len(archived) == 1 and b"\\Answered" in archived[0][1]
        assert file_pending(desk, settings) == 0  # done: no second move, no error


SENDER = """
import sys
from drafter.config import Settings
from drafter.desk import Desk
Desk(Settings()).send(int(sys.argv[1]))
print("SENT", flush=True)
"""


def _env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DRAFTER_")}
    for name in (
        "data_dir", "smtp_host", "smtp_port", "smtp_security", "imap_host", "imap_port",
        "imap_security", "imap_user", "imap_timeout",
    ):  # fmt: skip
        env[f"DRAFTER_{name.upper()}"] = str(getattr(settings, name))
    env["DRAFTER_IMAP_PASSWORD"] = settings.imap_password.get_secret_value()
    env["PYTHONPATH"] = str(ROOT)
    return env


def _outbox_state(settings: Settings, email_id: int) -> str:
    with Desk(settings) as desk:
        rows = desk.sends(email_id)
    return rows[0].state if rows else ""


def test_kill_between_smtp_and_append_neither_loses_nor_doubles(
    tmp_path: Path, server: Dovecot, smtp: tuple[Recorder, int]
) -> None:
    server.deliver(message(1))
    with proxy(server.port) as gate:
        settings = make_settings(tmp_path / "data", server, smtp[1], imap_port=gate.port)
        with Desk(settings) as desk:
            (email_id,) = import_once(desk, settings).email_ids
            desk.approve(email_id, REPLY)
        gate.connect_delay = 5.0  # the APPEND connection waits: the crash lands before it
        child = subprocess.Popen(
            [sys.executable, "-c", SENDER, str(email_id)], env=_env(settings), cwd=tmp_path
        )
        deadline = time.monotonic() + 30
        while _outbox_state(settings, email_id) != "sent":
            assert time.monotonic() < deadline and child.poll() is None
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        gate.connect_delay = 0.0
        assert len(smtp[0].messages) == 1
        message_id = str(smtp[0].messages[0]["Message-ID"])
        assert copies(server, "Sent", message_id) == []  # the crash hit before the APPEND
        with Desk(settings) as desk:  # the next start (watcher, import or send) repairs it
            assert file_pending(desk, settings) == 1
            assert file_pending(desk, settings) == 0
            assert desk.sends(email_id)[0].state == "sent"
    assert len(copies(server, "Sent", message_id)) == 1
    assert b"\\Answered" in server.messages("INBOX")[1][1]
    assert len(smtp[0].messages) == 1


def test_kill_during_fetch_loses_nothing_and_doubles_nothing(
    tmp_path: Path, server: Dovecot
) -> None:
    total = 150
    with server.client() as client:
        for n in range(total):
            client.append("INBOX", message(n, body="Zählerstand " + "z" * 20_000))
    settings = Settings(data_dir=tmp_path / "data", **server.settings())
    env = _env(settings)
    env["DRAFTER_SMTP_HOST"] = ""
    rng = random.Random(14)
    kills = 0
    for _ in range(4):
        child = subprocess.Popen(
            [sys.executable, "-m", "drafter", "inbox", "import", "imap"],
            env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        time.sleep(rng.uniform(1.0, 3.0))
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
            kills += 1
        child.wait(30)
    final = subprocess.run(
        [sys.executable, "-m", "drafter", "inbox", "import", "imap"],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert final.returncode == 0, final.stderr
    assert kills >= 1  # at least one run was killed mid-import
    with Desk(settings) as desk:
        ids = [desk.email(q.email_id).email.message_id for q in desk.queue()]
        with desk.db.read() as conn:
            assert outbox.with_state(conn, "sending") == []
    assert sorted(ids) == sorted(f"<msg-{n}@example.org>" for n in range(total))
