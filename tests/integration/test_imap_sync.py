"""Importing from a real Dovecot on loopback: UID resume, IDLE push, UIDVALIDITY change,
dropped connections, large and unparseable messages, and never importing our own mail."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.mail.imap import parse_source
from drafter.mail.imap_sync import SyncReport, import_once, watch
from drafter.store import imap as imap_store
from tests.integration import dovecot
from tests.integration.dovecot import Dovecot, dovecot_server, message
from tests.integration.imap_proxy import proxy

pytestmark = pytest.mark.skipif(not dovecot.available(), reason="dovecot-imapd not installed")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Dovecot]:
    with dovecot_server(tmp_path) as running:
        yield running


def make_settings(tmp_path: Path, server: Dovecot, **extra: Any) -> Settings:
    return Settings(data_dir=tmp_path / "data", **server.settings(**extra))


def message_ids(desk: Desk) -> list[str]:
    return sorted(desk.email(q.email_id).email.message_id for q in desk.queue())


def wait_for(check: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError("condition not met in time")


def test_one_pass_imports_then_resumes_by_uid_after_a_restart(
    tmp_path: Path, server: Dovecot
) -> None:
    for n in range(3):
        server.deliver(message(n))
    settings = make_settings(tmp_path, server)
    with Desk(settings) as desk:
        first = import_once(desk, settings)
    assert (first.imported, first.duplicates) == (3, 0)
    server.deliver(message(3))
    with Desk(settings) as desk:  # a new process: only the position in the database remains
        second = import_once(desk, settings)
        assert (second.imported, second.duplicates) == (1, 0)  # not re-fetched, not skipped
        assert message_ids(desk) == [f"<msg-{n}@example.org>" for n in range(4)]
        source = desk.email(second.email_ids[0]).email
        assert source.subject == "Abschlag Frage 3"
        with desk.db.read() as conn:
            state = imap_store.folder_state(conn, f"service@127.0.0.1:{server.port}/INBOX")
        assert state is not None and state.last_uid == 4
        assert b"\\Seen" not in server.messages("INBOX")[1][1]  # PEEK: the mailbox is untouched


def test_idle_push_imports_a_new_message_without_polling(tmp_path: Path, server: Dovecot) -> None:
    settings = make_settings(tmp_path, server, imap_poll_seconds=120, imap_idle_seconds=600)
    stop = threading.Event()
    reports: list[SyncReport] = []
    with Desk(settings) as desk:
        worker = threading.Thread(
            target=watch, args=(desk, settings), kwargs={"stop": stop, "on_report": reports.append}
        )
        worker.start()
        try:
            wait_for(lambda: len(reports) >= 1)  # first sync done, now in IDLE
            server.deliver(message(7))
            wait_for(lambda: any(r.imported for r in reports), timeout=10)
        finally:
            stop.set()
            worker.join(15)
        assert message_ids(desk) == ["<msg-7@example.org>"]


def test_uidvalidity_change_resyncs_without_duplicates(tmp_path: Path, server: Dovecot) -> None:
    with server.client() as client:
        client.create_folder("Support")
    for n in range(3):
        server.deliver(message(n), "Support")
    settings = make_settings(tmp_path, server, imap_folders=["Support"])
    with Desk(settings) as desk:
        assert import_once(desk, settings).imported == 3
        with server.client() as client:  # the server rebuilds the folder: new UIDVALIDITY
            client.delete_folder("Support")
            client.create_folder("Support")
        for n in (3, 0, 1, 2):  # the new message gets UID 1: below the old position
            server.deliver(message(n), "Support")
        again = import_once(desk, settings)
        assert (again.imported, again.duplicates) == (1, 3)
        assert message_ids(desk) == [f"<msg-{n}@example.org>" for n in range(4)]
        assert any(a.action == "imap_resync" for a in desk.audit())


def test_connection_dropped_mid_fetch_loses_nothing(tmp_path: Path, server: Dovecot) -> None:
    body = "Zählerstand " + "x" * 60_000  # ~60 kB each: the cut lands inside a FETCH
    for n in range(12):
        server.deliver(message(n, body=body))
    with proxy(server.port) as gate:
        gate.cut_after = 300_000
        settings = make_settings(tmp_path, server, imap_port=gate.port)
        stop = threading.Event()
        with Desk(settings) as desk:
            worker = threading.Thread(
                target=watch, args=(desk, settings), kwargs={"stop": stop, "max_backoff": 1.0}
            )
            worker.start()
            try:
                wait_for(lambda: len(desk.queue()) == 12, timeout=30)
            finally:
                stop.set()
                worker.join(15)
            assert gate.cuts == 1 and gate.connections >= 2  # it did drop, and it reconnected
            assert message_ids(desk) == sorted(f"<msg-{n}@example.org>" for n in range(12))


def nested_too_deep() -> bytes:
    """A message the parser refuses (MIME nested deeper than it allows): quarantined."""
    head = b"From: a@example.org\r\nSubject: deep\r\nMIME-Version: 1.0\r\n"
    parts = b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i)
        for i in range(30)
    )
    tail = b"".join(b"\r\n--b%d--\r\n" % i for i in reversed(range(30)))
    return head + parts + b"Content-Type: text/plain\r\n\r\nhi\r\n" + tail


def test_large_and_broken_messages_are_recorded_and_never_retried(
    tmp_path: Path, server: Dovecot
) -> None:
    big = message(1, body="A" * (25 * 1024 * 1024))
    server.deliver(message(0))
    server.deliver(big)
    server.deliver(nested_too_deep())
    server.deliver(message(3))
    settings = make_settings(tmp_path, server, imap_max_message_mb=5)
    with Desk(settings) as desk:
        report = import_once(desk, settings)
        assert report.skipped == 1  # the 25 MB one: recorded, not fetched
        with desk.db.read() as conn:
            skipped = imap_store.skipped(conn)
        assert [(uid, "too large" in why) for _, _, uid, why in skipped] == [(2, True)]
        ids = message_ids(desk)
        assert "<msg-0@example.org>" in ids and "<msg-3@example.org>" in ids
        assert report.imported == 3 and report.quarantined == 1  # the garbage: kept, flagged
        with desk.db.read() as conn:
            where = {parse_source(imap_store.origin(conn, i)[0]) for i in report.email_ids}
        assert {w[2] for w in where if w} == {1, 3, 4}  # each queued email knows its UID
        assert import_once(desk, settings).line() == (
            "imported 0, duplicates 0, quarantined 0, skipped 0"
        )
    # with the default limit the 25 MB message is imported and does not hold up the rest
    settings = make_settings(tmp_path / "b", server)
    with Desk(settings) as desk:
        report = import_once(desk, settings)
        assert report.imported == 4 and report.skipped == 0
        assert "<msg-1@example.org>" in message_ids(desk)


def test_sent_folder_and_own_replies_are_never_imported(tmp_path: Path, server: Dovecot) -> None:
    server.deliver(message(1), "Sent")
    settings = make_settings(tmp_path, server, imap_folders=["INBOX", "Sent"])
    with Desk(settings) as desk:
        assert import_once(desk, settings).imported == 0
        server.deliver(message(2))
        assert import_once(desk, settings).imported == 1
        assert message_ids(desk) == ["<msg-2@example.org>"]


def test_a_message_deleted_before_the_sync_advances_the_position(
    tmp_path: Path, server: Dovecot
) -> None:
    server.deliver(message(1))
    gone = server.deliver(message(2))
    with server.client() as client:
        client.select_folder("INBOX")
        client.delete_messages([gone])
        client.expunge()
    settings = make_settings(tmp_path, server)
    with Desk(settings) as desk:
        assert import_once(desk, settings).imported == 1
        with desk.db.read() as conn:
            state = imap_store.folder_state(conn, f"service@127.0.0.1:{server.port}/INBOX")
        # UIDNEXT says UID 2 existed: the watcher must not think new mail is waiting
        assert state is not None and state.last_uid == gone


def test_cli_import_imap_and_watch_once(
    tmp_path: Path,
    server: Dovecot,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from drafter.cli import main

    for key, value in server.settings().items():
        monkeypatch.setenv(f"DRAFTER_{key.upper()}", str(value))
    server.deliver(message(1))

    def run(*args: str) -> tuple[int, str]:
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        out = capsys.readouterr()
        return code, out.out + out.err

    assert run("inbox", "import", "imap") == (
        0, "imported 1, duplicates 0, quarantined 0, skipped 0\n"
    )  # fmt: skip
    server.deliver(message(2))
    code, out = run("inbox", "watch", "--once")
    assert code == 0 and "imported 1, duplicates 0" in out
    code, out = run("inbox", "list", "--json")
    assert code == 0 and out.count('"email_id"') == 2


def test_a_garbled_reply_in_idle_reconnects_instead_of_ending_the_watcher(
    tmp_path: Path, server: Dovecot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`drafter inbox watch` over TLS once died with a traceback ("ProtocolError: Server
    replied with a response that violates the IMAP protocol", raised in idle_check): a
    stream out of step is a lost connection, reconnected like a dropped one."""
    from imapclient.exceptions import ProtocolError

    from drafter.mail import imap_sync

    real_wait = imap_sync._wait
    calls = []

    def garbled_once(*args: Any) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise ProtocolError("Server replied with a response that violates the IMAP protocol")
        real_wait(*args)

    monkeypatch.setattr(imap_sync, "_wait", garbled_once)
    server.deliver(message(0))
    settings = make_settings(tmp_path, server)
    stop = threading.Event()
    with Desk(settings) as desk:
        worker = threading.Thread(
            target=watch, args=(desk, settings), kwargs={"stop": stop, "max_backoff": 1.0}
        )
        worker.start()
        try:
            wait_for(lambda: len(calls) >= 2)
            server.deliver(message(1))
            wait_for(lambda: len(desk.queue()) == 2)
            assert worker.is_alive()
        finally:
            stop.set()
            worker.join(15)
