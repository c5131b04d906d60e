"""`drafter doctor` with a mailbox set up (docs: README "Connecting your mailbox",
docs/deploy.md): it connects to the IMAP and SMTP servers as the watcher and a send would.

Before, doctor said "ok outbox: replies go to SMTP host:port" and "no problems found" with
both servers down: a team lead following the docs learnt it at the first send."""

from __future__ import annotations

from pathlib import Path

from tests.cli import run_cli
from tests.integration.smtp_server import free_port, smtp_server


def test_doctor_names_a_mailbox_and_an_smtp_server_that_do_not_answer(tmp_path: Path) -> None:
    imap_port, smtp_port = free_port(), free_port()
    env = {
        "DRAFTER_DATA_DIR": str(tmp_path / "data"),
        "DRAFTER_IMAP_HOST": "127.0.0.1",
        "DRAFTER_IMAP_PORT": str(imap_port),
        "DRAFTER_IMAP_SECURITY": "none",
        "DRAFTER_IMAP_USER": "service@example.org",
        "DRAFTER_IMAP_PASSWORD": "secret",
        "DRAFTER_SMTP_HOST": "127.0.0.1",
        "DRAFTER_SMTP_PORT": str(smtp_port),
        "DRAFTER_SMTP_SECURITY": "none",
    }
    result = run_cli("doctor", env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    imap = next(i for i, line in enumerate(lines) if line.startswith("PROBLEM mailbox:"))
    assert f"127.0.0.1:{imap_port}" in lines[imap] and "DRAFTER_IMAP_HOST" in lines[imap + 1]
    smtp = next(i for i, line in enumerate(lines) if line.startswith("PROBLEM sending:"))
    assert f"127.0.0.1:{smtp_port}" in lines[smtp] and "DRAFTER_SMTP_HOST" in lines[smtp + 1]


def test_doctor_says_the_smtp_server_answers(tmp_path: Path) -> None:
    with smtp_server() as (_recorder, port):
        env = {
            "DRAFTER_DATA_DIR": str(tmp_path / "data"),
            "DRAFTER_SMTP_HOST": "127.0.0.1",
            "DRAFTER_SMTP_PORT": str(port),
            "DRAFTER_SMTP_SECURITY": "none",
        }
        result = run_cli("doctor", env=env)
    assert f"ok      sending: SMTP 127.0.0.1:{port} answers (none)" in result.stdout
    assert "PROBLEM sending" not in result.stdout
