"""Round 18 (desk18): times a person reads are in DRAFTER_TIMEZONE, as the desk shows them,
not in the zone of the machine drafter runs on (a team's server often runs in UTC)."""

from __future__ import annotations

from datetime import UTC, datetime

from drafter.config import Settings
from drafter.mail.compose import compose_reply, make_message_id
from drafter.models import Address, InboundEmail

# Kiritimati is UTC+14: never the zone of a machine running these tests
ZONE = "Pacific/Kiritimati"


def test_the_quoted_mails_time_is_the_one_the_desk_showed(settings: Settings) -> None:
    """The desk showed "Eingang: 2026-11-03 04:12" (DRAFTER_TIMEZONE), the reply's quote said
    "Am 2. November 2026 um 14:12 schrieb" (the server's UTC): another day, customer-visible."""
    original = InboundEmail.model_validate(
        {
            "message_id": "<c1@example.org>",
            "from": Address(name="Anna Berg", email="anna@example.org"),
            "subject": "Abschlag",
            "date": datetime(2026, 11, 2, 14, 12, tzinfo=UTC),
            "language": "de",
            "body": "Guten Tag,\n\nbitte erhöhen Sie meinen Abschlag.",
        }
    )
    team = settings.model_copy(update={"timezone": ZONE, "reply_quote": "bottom"})
    msg = compose_reply(original, "Erledigt.\n", team, message_id=make_message_id("x.de", "s"))
    text = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Am 3. November 2026 um 04:12 schrieb Anna Berg" in text, text


def test_a_cli_refusal_names_the_claim_time_in_drafter_timezone(settings: Settings) -> None:
    """`inbox show` says "being handled by anna since 20:59" (DRAFTER_TIMEZONE); `approve` by
    another agent refused with "since 06:59", the server's zone, for the same claim."""
    from drafter.desk import Desk
    from tests.cli import run_cli
    from tests.integration.desk_helpers import queue_emails

    desk = Desk(settings)
    try:
        (email_id,) = queue_emails(desk, 1)
    finally:
        desk.close()
    env = {"DRAFTER_AGENT_ID": "anna", "DRAFTER_TIMEZONE": ZONE}
    data = ("--data-dir", str(settings.data_dir))
    assert run_cli(*data, "inbox", "claim", str(email_id), env=env).returncode == 0
    shown = run_cli(*data, "inbox", "show", str(email_id), env=env).stdout
    since = shown.split("being handled by anna since ", 1)[1].splitlines()[0]
    for command in (("claim", str(email_id)), ("send", str(email_id))):
        refused = run_cli(*data, "inbox", *command, "--agent", "ben", env=env)
        assert refused.returncode == 2, refused.stderr
        assert f"being handled by anna since {since}" in refused.stderr, refused.stderr
    released = run_cli(*data, "inbox", "release", str(email_id), "--agent", "ben", env=env)
    assert f"being handled by anna since {since}, not by ben" in released.stdout, released.stdout


def test_report_days_are_days_in_drafter_timezone(settings: Settings) -> None:
    """An email imported at 01:00 on 2 March in DRAFTER_TIMEZONE (11:00 on 1 March UTC) was
    not in `report --since 2026-03-02`: the days were the machine's."""
    from sqlalchemy import update

    from drafter.desk import Desk
    from drafter.store.schema import emails
    from tests.cli import run_cli
    from tests.integration.desk_helpers import queue_emails

    desk = Desk(settings)
    try:
        (email_id,) = queue_emails(desk, 1)
        with desk.db.write() as conn:
            at = datetime(2026, 3, 1, 11, 0, tzinfo=UTC)
            conn.execute(update(emails).where(emails.c.id == email_id).values(imported_at=at))
    finally:
        desk.close()
    env = {"DRAFTER_TIMEZONE": ZONE}
    data = ("--data-dir", str(settings.data_dir))
    day = run_cli(*data, "report", "--since", "2026-03-02", "--until", "2026-03-02", "--json",
                  env=env)  # fmt: skip
    assert day.returncode == 0, day.stderr
    assert '"emails": 1' in day.stdout
    before = run_cli(*data, "report", "--until", "2026-03-01", "--json", env=env)
    assert '"emails": 0' in before.stdout


def test_a_send_in_flight_names_its_start_in_drafter_timezone(settings: Settings) -> None:
    """'email 7 is being sent by bob right now (since 06:59:12)': the machine's zone, while
    the desk and the CLI give DRAFTER_TIMEZONE."""
    from zoneinfo import ZoneInfo

    from drafter.desk import Desk
    from drafter.store import audit
    from drafter.store.clock import utcnow
    from drafter.store.outbox import OutboxRow
    from drafter.store.sending import _resolve
    from tests.integration.desk_helpers import queue_emails

    team = settings.model_copy(update={"timezone": ZONE})
    desk = Desk(team)
    try:
        (email_id,) = queue_emails(desk, 1)
        now = utcnow()
        row = OutboxRow(
            id=1, email_id=email_id, approval_id=1, message_id="<m@x.de>", transport="smtp",
            location="", state="sending", attempts=1, created_at=now, sent_at=None, error="",
        )  # fmt: skip
        with desk.db.write() as conn:
            audit.record(conn, "bob", "send_started", email_id)
            busy = _resolve(conn, team, "anna", email_id, row)
    finally:
        desk.close()
    assert busy is not None and not hasattr(busy, "already_sent")
    local = now.astimezone(ZoneInfo(ZONE))
    assert f"being sent by bob right now (since {local:%H:%M}" in str(busy), busy
