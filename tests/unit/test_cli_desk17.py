"""CLI points found in round 17 (desk17): what desk16 left (`inbox list` at 80 columns), then
the commands a new team runs in team mode."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

from rich.console import Console

from drafter.cli.inbox import queue_table
from drafter.config import Settings
from tests.cli import run_cli

SENDERS = ("Elke Martens", "Sabine Krüger", "Heike Brandt", "Emma Johnson", "Thomas Wolff")


def _render(width: int, statuses: tuple[str, ...] = ("ready",)) -> list[str]:
    subject = "Kündigung Stromvertrag zum Jahresende wegen Umzug"
    at = datetime(2026, 10, 5, 6, 47, tzinfo=UTC)
    rows = [
        SimpleNamespace(
            email_id=n + 1,
            received_at=at,
            status=statuses[n % len(statuses)],
            sender=f"{name} <x{n}@example.org>",
            subject=subject,
            contact_reason="zaehlerstand",
            warnings=2,
        )
        for n, name in enumerate(SENDERS)
    ]
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(queue_table(rows, width, "UTC"))
    return console.export_text().splitlines()


def test_inbox_list_at_80_columns_shows_the_senders_name_whole() -> None:
    """At 80 columns the sender was cut to 8 characters ("Elke Ma…", "Sabine …") while the
    table left 8 columns unused: it counted two spaces a column where there is one."""
    lines = _render(80)
    assert max(map(len, lines)) <= 80, lines
    assert max(map(len, lines)) >= 78, lines  # the width is used
    body = "\n".join(lines)
    assert all(name in body for name in SENDERS), body


def test_inbox_list_keeps_a_readable_subject_beside_a_long_status() -> None:
    lines = _render(80, ("ready", "needs_attention"))
    assert max(map(len, lines)) <= 80, lines
    row = next(line for line in lines if "needs_attention" in line)
    assert "Sabine Kr" in row and "Kündigung Stro" in row, row


def test_the_open_filter_lists_every_email_but_the_sent_and_rejected(
    db_settings: Settings, tmp_path: Path
) -> None:
    """The store behind the desk's default view and `inbox list --status open`, on SQLite and
    PostgreSQL, paged as the desk pages."""
    from drafter.desk import Desk
    from tests.integration.desk_helpers import queue_emails

    desk = Desk(db_settings)
    try:
        ids = queue_emails(desk, 5)
        desk.reject(ids[0], "spam")
        desk.reject(ids[3], "duplicate")
        assert [i.email_id for i in desk.queue(status="open")] == [ids[1], ids[2], ids[4]]
        first = desk.queue(status="open", limit=2)
        rest = desk.queue(status="open", after=first[-1], limit=2)
        assert [i.email_id for i in first + rest] == [ids[1], ids[2], ids[4]]
        assert len(desk.queue()) == 5
    finally:
        desk.close()
    data = str(db_settings.data_dir)
    env = {"DRAFTER_DATABASE_URL": db_settings.database_url or ""}
    result = run_cli("--data-dir", data, "inbox", "list", "--status", "open", "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert sorted(row["email_id"] for row in json.loads(result.stdout)) == [ids[1], ids[2], ids[4]]


def test_inbox_show_wraps_the_mail_and_the_draft_at_the_terminal_width(tmp_path: Path) -> None:
    """`inbox show` printed each paragraph of the draft as one line: at 80 columns the
    terminal broke it mid-word ("Gas-Notd / ienst")."""
    from drafter.desk import Desk
    from tests.integration.desk_helpers import queue_emails

    settings = Settings(data_dir=tmp_path / "data", agent_id="anna")
    desk = Desk(settings)
    try:
        (email_id,) = queue_emails(desk, 1)
        reply = (
            "Sehr geehrte Frau Martens,\n\n"
            + "Handeln Sie sofort und rufen Sie von draußen unseren Gas-Notdienst an. " * 4
            + "\n\n- Keine Funken erzeugen: Betätigen Sie keine Lichtschalter, Klingeln oder "
            "elektrischen Geräte, ziehen Sie keine Stecker.\n"
        )
        desk.save_edit(email_id, reply)
    finally:
        desk.close()
    result = run_cli("--data-dir", str(settings.data_dir), "inbox", "show", str(email_id),
                     env={"COLUMNS": "80"})  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= 80, result.stdout
    assert " ".join(result.stdout.split()).count("Gas-Notdienst an.") == 4  # no word broken
    item = next(n for n, line in enumerate(lines) if line.startswith("- Keine Funken"))
    assert lines[item + 1].startswith("  "), lines[item : item + 2]  # the item's own indent


def test_inbox_show_gives_the_claim_time_in_drafter_timezone(tmp_path: Path) -> None:
    """`inbox show` said "being handled by anna since" in the system's zone, while the desk,
    `inbox list` and the report use DRAFTER_TIMEZONE."""
    from zoneinfo import ZoneInfo

    from drafter.desk import Desk
    from tests.integration.desk_helpers import queue_emails

    settings = Settings(data_dir=tmp_path / "data", agent_id="anna")
    desk = Desk(settings)
    try:
        (email_id,) = queue_emails(desk, 1)
        desk.claim(email_id)
        at = desk.email(email_id).claimed_at
    finally:
        desk.close()
    assert at is not None
    zone = "Pacific/Kiritimati"  # UTC+14: never the machine's zone
    result = run_cli("--data-dir", str(settings.data_dir), "inbox", "show", str(email_id),
                     env={"DRAFTER_TIMEZONE": zone})  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"since {at.astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M}" in result.stdout, result.stdout
