"""A team's first setup on the command line (session-9 try-out: Debian's PostgreSQL 15, a
shared database): a database that cannot be reached, refuses the login or does not exist
is named without its password, with a hint about PostgreSQL (not about data folders and file
permissions), and `drafter doctor` connects for real instead of calling it ok."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.cli import Result, data_dir_with_one_email, run_cli

PASSWORD = "sekrit-pw-4711"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # nothing listens there once it is closed


def run(tmp_path: Path, url: str, *args: str) -> Result:
    env = {"DRAFTER_DATA_DIR": str(tmp_path / "data"), "DRAFTER_DATABASE_URL": url}
    return run_cli(*args, env=env)


def test_a_stopped_database_server_is_named_without_its_password(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://drafter:{PASSWORD}@127.0.0.1:{closed_port()}/drafter"
    result = run(tmp_path, url, "inbox", "list")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert PASSWORD not in result.stdout + result.stderr, result.stderr
    assert "drafter:***@127.0.0.1" in result.stderr
    assert "start PostgreSQL" in result.stderr
    assert "file permissions" not in result.stderr, "a server has no database file here"


def test_doctor_connects_to_the_database_server(tmp_path: Path) -> None:
    """`drafter doctor` said "ok database: …:port/drafter" of a server that was not running."""
    url = f"postgresql+psycopg://drafter:{PASSWORD}@127.0.0.1:{closed_port()}/drafter"
    result = run(tmp_path, url, "doctor")
    assert result.returncode == 1, result.stdout
    assert "PROBLEM database: cannot reach the database" in result.stdout, result.stdout
    assert "repair: start PostgreSQL" in result.stdout
    assert PASSWORD not in result.stdout + result.stderr


@pytest.mark.slow
def test_a_missing_database_says_to_create_it_and_a_fresh_one_is_ok(
    tmp_path: Path, pg_url: str
) -> None:
    missing = pg_url.rsplit("/", 1)[0] + "/no_such_db"
    result = run(tmp_path, missing, "inbox", "list")
    assert result.returncode == 2, result.stderr
    assert 'database "no_such_db" does not exist' in result.stderr
    assert "create the role and the database (docs/deploy.md)" in result.stderr
    doctor = run(tmp_path, pg_url, "doctor")
    assert "ok      database: " in doctor.stdout and "answers; empty" in doctor.stdout
    assert run(tmp_path, pg_url, "inbox", "list").returncode == 0
    doctor = run(tmp_path, pg_url, "doctor")
    assert "answers (back it up with pg_dump)" in doctor.stdout, doctor.stdout


def test_approving_a_pasted_iban_says_at_once_that_the_desk_must_tick_it(tmp_path: Path) -> None:
    """`inbox approve --body-file` on an email without a draft (main 0fc723f checks that
    text): it printed only "approved", and the tick the reply needs surfaced first when
    `inbox send` refused it."""
    env = data_dir_with_one_email(tmp_path)
    reply = tmp_path / "reply.txt"
    reply.write_text("Guten Tag,\nbitte überweisen Sie an DE44 5001 0517 5407 3249 31.\n")
    result = run_cli("inbox", "approve", "1", "--body-file", str(reply), env=env)
    assert result.returncode == 0, result.stderr
    assert "approved #1" in result.stdout
    assert "need a tick before sending" in result.stderr, result.stderr
    assert "drafter tui" in result.stderr and "payment: bank details DE44" in result.stderr
    plain = tmp_path / "plain.txt"
    plain.write_text("Guten Tag,\nwir haben Ihren Zählerstand erhalten.\n")
    result = run_cli("inbox", "approve", "1", "--body-file", str(plain), env=env)
    assert result.returncode == 0 and "tick" not in result.stderr, result.stderr
