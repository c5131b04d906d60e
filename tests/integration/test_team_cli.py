"""The scriptable queue (`drafter inbox claim|show|approve|send|release`) and per-agent figures
in `drafter report`, on SQLite and on PostgreSQL."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

from drafter.config import Settings
from drafter.desk import Desk
from tests.cli import run_cli
from tests.integration.desk_helpers import queue_emails


def test_default_agent_is_the_os_user(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DRAFTER_AGENT_ID")
    assert Settings(data_dir=tmp_path).agent_id == getpass.getuser() != "agent"
    monkeypatch.setenv("DRAFTER_AGENT_ID", "anna")
    assert Settings(data_dir=tmp_path).agent_id == "anna"


def test_scriptable_queue_round_trip(db_settings: Settings, tmp_path: Path) -> None:
    ids = queue_emails(Desk(db_settings), 3)
    env = {"DRAFTER_DATABASE_URL": db_settings.db_url, "DRAFTER_AGENT_ID": "anna"}

    def cli(*args: str):  # type: ignore[no-untyped-def]
        return run_cli(*args, env=env)

    first = cli("inbox", "claim", "--next", "--json")
    assert first.returncode == 0, first.stderr
    claimed = json.loads(first.stdout)
    assert claimed["email_id"] == ids[0] and claimed["claim"]["agent"] == "anna"
    second = cli("inbox", "claim", "--next", "--agent", "ben")
    assert second.stdout.strip() == str(ids[1])
    shown = json.loads(cli("inbox", "show", str(ids[0]), "--json").stdout)
    assert shown["claim"]["agent"] == "anna" and shown["status"] == "new"
    assert shown["draft"] is None and shown["warnings"] == []
    no_draft = cli("inbox", "approve", str(ids[0]))
    assert no_draft.returncode == 2 and "--body-file" in no_draft.stderr
    body = tmp_path / "reply.txt"
    body.write_text("Guten Tag, erledigt.\n", encoding="utf-8")
    refused = cli("inbox", "approve", str(ids[0]), "--agent", "ben", "--body-file", str(body))
    assert refused.returncode == 2 and "being handled by anna since" in refused.stderr
    assert "Traceback" not in refused.stderr
    approved = cli("inbox", "approve", str(ids[0]), "--body-file", str(body))
    assert approved.returncode == 0 and "as anna" in approved.stdout
    sent = cli("inbox", "send", str(ids[0]))
    assert sent.returncode == 0 and sent.stdout.startswith("sent"), sent.stderr
    again = cli("inbox", "send", str(ids[0]))
    assert again.stdout.startswith("already sent")
    assert len(list((db_settings.data_dir / "outbox").glob("*.eml"))) == 1
    assert cli("inbox", "release", str(ids[1]), "--agent", "ben").returncode == 0
    assert json.loads(cli("inbox", "show", str(ids[1]), "--json").stdout)["claim"] is None
    cli("inbox", "claim", "--next")  # ids[1] again (free)
    cli("inbox", "claim", "--next")  # ids[2]
    empty = cli("inbox", "claim", "--next", "--agent", "carl")
    assert empty.returncode == 1 and "nothing to claim" in empty.stderr
    usage = cli("inbox", "claim")
    assert usage.returncode == 2 and "--next" in usage.stderr
    report = json.loads(cli("report", "--json").stdout)
    assert report["by_agent"]["anna"]["approved"] == 1
    assert report["by_agent"]["anna"]["sent"] == 1
    assert report["by_agent"]["anna"]["claimed"] == 3
    assert report["by_agent"]["ben"]["claimed"] == 1


def test_release_says_plainly_when_there_was_nothing_to_release(
    db_settings: Settings,
) -> None:
    ids = queue_emails(Desk(db_settings), 2)
    env = {"DRAFTER_DATABASE_URL": db_settings.db_url, "DRAFTER_AGENT_ID": "anna"}
    assert run_cli("inbox", "claim", str(ids[0]), env=env).returncode == 0
    others = run_cli("inbox", "release", str(ids[0]), "--agent", "ben", env=env)
    assert others.returncode == 0, others.stderr
    assert "released" not in others.stdout.replace("nothing to release", "")
    assert f"nothing to release: #{ids[0]} is being handled by anna since" in others.stdout
    assert "not by ben" in others.stdout
    assert (
        json.loads(run_cli("inbox", "show", str(ids[0]), "--json", env=env).stdout)["claim"][
            "agent"
        ]
        == "anna"
    )  # anna keeps it
    free = run_cli("inbox", "release", str(ids[1]), env=env)
    assert free.returncode == 0
    assert free.stdout.strip() == f"nothing to release: anna holds no claim on #{ids[1]}"
    own = run_cli("inbox", "release", str(ids[0]), env=env)
    assert own.returncode == 0 and own.stdout.strip() == f"released #{ids[0]}"


def test_a_postgres_url_as_libpq_and_docker_write_it_works(pg_url: str) -> None:
    """`postgres://user:pw@host/db` (the form of libpq, Docker images and many hosting
    panels) ended in "Can't load plugin: sqlalchemy.dialects:postgres"."""
    scheme, rest = pg_url.split("://", 1)
    assert scheme.startswith("postgresql")
    result = run_cli("inbox", "list", env={"DRAFTER_DATABASE_URL": f"postgres://{rest}"})
    assert result.returncode == 0, result.stderr
    assert "0 emails" in result.stdout


def test_show_names_the_claim_in_local_minutes_like_the_other_messages(
    settings: Settings,
) -> None:
    """`inbox show` said "since 2026-11-30T11:59:26.290046+00:00" (raw UTC ISO with
    microseconds) while `approve`/`release` say "since 2026-11-30 12:59" in local time."""
    (email_id,) = queue_emails(Desk(settings), 1)
    env = {"DRAFTER_AGENT_ID": "anna", "TZ": "Europe/Berlin"}
    assert run_cli("inbox", "claim", str(email_id), env=env).returncode == 0
    shown = run_cli("inbox", "show", str(email_id), env=env).stdout
    refused = run_cli("inbox", "release", str(email_id), "--agent", "ben", env=env).stdout
    since = refused.split(" since ", 1)[1].split(",")[0].split()
    assert f"being handled by anna since {' '.join(since)}" in shown, shown
    assert "+00:00" not in shown
