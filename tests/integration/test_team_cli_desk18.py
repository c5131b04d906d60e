"""Round 18 (desk18): what `drafter inbox claim` tells a person, and what the report's
per-agent figures count, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import re
from zoneinfo import ZoneInfo

from drafter.config import Settings
from drafter.desk import Desk
from tests.cli import run_cli
from tests.integration.desk_helpers import queue_emails


def test_claim_next_tells_a_person_which_email_and_until_when(db_settings: Settings) -> None:
    """`claim --next` printed the bare id ("2"): a person did not learn which email it was
    nor how long it stays theirs. The id stays alone on stdout for scripts."""
    desk = Desk(db_settings)
    try:
        ids = queue_emails(desk, 2)
        record = desk.email(ids[0])
    finally:
        desk.close()
    env = {
        "DRAFTER_DATABASE_URL": db_settings.db_url,
        "DRAFTER_AGENT_ID": "carl",
        "DRAFTER_TIMEZONE": "Pacific/Kiritimati",  # +14:00: never the machine's zone
        "DRAFTER_CLAIM_LEASE_SECONDS": "600",
    }
    result = run_cli("--data-dir", str(db_settings.data_dir), "inbox", "claim", "--next", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{ids[0]}\n"  # scripts: id=$(drafter inbox claim --next)
    line = result.stderr.strip()
    assert line.startswith(f"claimed #{ids[0]} for carl until "), line
    assert record.email.subject in line and record.email.from_.email in line, line
    desk = Desk(db_settings)
    try:
        expires = desk.email(ids[0]).claim_expires_at
    finally:
        desk.close()
    assert expires is not None
    local = expires.astimezone(ZoneInfo("Pacific/Kiritimati"))
    assert re.search(rf"until {local:%H:%M}\b", line), line


def test_the_report_counts_the_emails_each_agent_worked_on(db_settings: Settings) -> None:
    """anna opened one email three times, saved it twice and sent it: the report said
    "claimed 3, edited 2" for one email sent; a team lead reads these as emails."""
    anna = Desk(db_settings.model_copy(update={"agent_id": "anna"}))
    try:
        one, _other = queue_emails(anna, 2)
        for _ in range(3):  # open, leave, open again ...
            anna.claim(one)
            anna.release(one)
        anna.claim(one)
        anna.save_edit(one, "Guten Tag,\n\nerledigt.\n")
        anna.save_edit(one, "Guten Tag,\n\nist erledigt.\n")
        anna.approve(one, "Guten Tag,\n\nist erledigt.\n")
        anna.send(one)
    finally:
        anna.close()
    env = {"DRAFTER_DATABASE_URL": db_settings.db_url}
    data = str(db_settings.data_dir)
    result = run_cli("--data-dir", data, "report", "--json", env=env)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)["by_agent"]["anna"]
    assert figures["claimed"] == 1, figures
    assert figures["edited"] == 1, figures
    assert figures["approved"] == figures["sent"] == 1, figures
    table = run_cli("--data-dir", data, "report", env={**env, "COLUMNS": "80"})
    assert "emails by agent" in table.stdout, table.stdout  # the figures are emails
