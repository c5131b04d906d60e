"""`drafter inbox check` against a real Dovecot: one clear error with a hint for each fault
(DNS, refused, TLS, certificate, password, missing folder, no IDLE), and TLS / STARTTLS with
a private CA working; without IDLE the watcher polls."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drafter.cli import main
from drafter.config import Settings
from drafter.desk import Desk
from drafter.mail.imap_sync import watch
from tests.integration import dovecot
from tests.integration.dovecot import Dovecot, dovecot_server, message
from tests.integration.smtp_server import free_port

pytestmark = pytest.mark.skipif(not dovecot.available(), reason="dovecot-imapd not installed")

NO_IDLE = (
    "protocol imap {\n  imap_capability = IMAP4rev1 LITERAL+ SASL-IR ID ENABLE NAMESPACE "
    "UIDPLUS MOVE SPECIAL-USE\n}\n"
)


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dovecot]:
    with dovecot_server(tmp_path_factory.mktemp("tls"), tls=True) as running:
        yield running


def run_check(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, **env: Any
) -> tuple[int, str, str]:
    for key, value in env.items():
        monkeypatch.setenv(f"DRAFTER_{key.upper()}", str(value))
    try:
        main(["inbox", "check"])
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def env_of(server: Dovecot, **extra: Any) -> dict[str, Any]:
    return server.settings(**extra)


def test_check_passes_on_a_healthy_mailbox(
    tls_server: Dovecot, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run_check(capsys, monkeypatch, **env_of(tls_server))
    assert code == 0, err
    assert "ok: logged in as service" in out and "ok: sent folder: Sent" in out
    assert "ok: IDLE supported" in out


@pytest.mark.parametrize(
    ("change", "message", "hint"),
    [
        ({"imap_password": "wrong"}, "rejected the login for 'service'", "DRAFTER_IMAP_PASSWORD"),
        ({"imap_folders": "INBOX,Kundenservice"}, "folder 'Kundenservice' does not exist",
         "INBOX"),
        ({"imap_move_to": "Erledigt"}, "DRAFTER_IMAP_MOVE_TO names a folder", "create"),
        ({"imap_folders": "INBOX,Sent"}, "includes the Sent folder", "remove it"),
        ({"imap_security": "ssl"}, "TLS with 127.0.0.1", "DRAFTER_IMAP_SECURITY"),
        ({"imap_port": "closed"}, "refused the connection", "DRAFTER_IMAP_PORT"),
        ({"imap_host": "imap.example.invalid"}, "(DNS)", "DRAFTER_IMAP_HOST"),
    ],
)  # fmt: skip
def test_each_fault_is_one_clear_error(
    tls_server: Dovecot,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    change: dict[str, Any],
    message: str,
    hint: str,
) -> None:
    if change.get("imap_port") == "closed":
        change = {"imap_port": free_port()}
    if "imap_host" in change:  # the resolver's answer for a name that does not exist
        real = socket.getaddrinfo

        def resolve(host: object, *args: Any, **kw: Any) -> Any:
            if host == change["imap_host"]:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            return real(host, *args, **kw)

        monkeypatch.setattr(socket, "getaddrinfo", resolve)
    code, _, err = run_check(capsys, monkeypatch, **env_of(tls_server, **change))
    assert code == 2
    assert message in err and "hint:" in err and hint in err.split("hint:", 1)[1]
    assert "Traceback" not in err
    assert "b'" not in err, "the server's answer is text, not a Python bytes repr"


def test_tls_needs_a_trusted_certificate(
    tls_server: Dovecot, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ssl_env = env_of(tls_server, imap_security="ssl", imap_port=tls_server.ssl_port)
    code, _, err = run_check(capsys, monkeypatch, **ssl_env)
    assert code == 2 and "certificate" in err and "DRAFTER_IMAP_CA_FILE" in err
    code, _, err = run_check(capsys, monkeypatch, imap_ca_file=tls_server.cert, **ssl_env)
    assert code == 0, err
    starttls = env_of(tls_server, imap_security="starttls", imap_ca_file=tls_server.cert)
    code, out, err = run_check(capsys, monkeypatch, **starttls)
    assert code == 0 and "(starttls)" in out, err


def test_no_idle_is_reported_and_the_watcher_polls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with dovecot_server(tmp_path, extra_conf=NO_IDLE) as server:
        code, _, err = run_check(capsys, monkeypatch, **env_of(server))
        assert code == 2 and "does not support IDLE" in err and "DRAFTER_IMAP_POLL_SECONDS" in err
        settings = Settings(data_dir=tmp_path / "d", **server.settings(imap_poll_seconds=0.5))
        stop = threading.Event()
        with Desk(settings) as desk:
            worker = threading.Thread(target=watch, args=(desk, settings), kwargs={"stop": stop})
            worker.start()
            try:
                time.sleep(1.0)
                server.deliver(message(5))
                deadline = time.monotonic() + 10
                while not desk.queue() and time.monotonic() < deadline:
                    time.sleep(0.05)
            finally:
                stop.set()
                worker.join(15)
            assert [q.subject for q in desk.queue()] == ["Abschlag Frage 5"]
