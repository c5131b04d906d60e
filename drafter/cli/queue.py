"""The scriptable queue: `drafter inbox claim|show|approve|send|release`, the desk's own
operations (drafter.desk.Desk over drafter.store.queue_state) for integrations and tests.

Every command acts as the agent from DRAFTER_AGENT_ID (default: the OS user) or `--agent`.
Claims last DRAFTER_CLAIM_LEASE_SECONDS; a script renews by claiming the same id again.
What a person reads (statuses, warnings, refusals) is in the interface language
(drafter.i18n); the id on stdout and `--json` stay the same in both.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import click

from drafter import warning_text
from drafter.cli.main import settings_of
from drafter.cli.output import json_option
from drafter.errors import StoreError
from drafter.i18n import code_or_name, language, t
from drafter.mail.unwrap import unwrap

_AGENT = click.option(
    "--agent", default=None, help="Act as this agent (default: DRAFTER_AGENT_ID, the OS user)."
)


def _desk(ctx: click.Context, agent: str | None) -> Any:
    from drafter.desk import Desk

    settings = settings_of(ctx)
    if agent is not None:
        if not agent.strip():
            raise StoreError(t("work.agent_empty"), hint=t("work.agent_empty.hint"), localized=True)
        settings = settings.model_copy(update={"agent_id": agent.strip()})
    return Desk(settings)


@contextmanager
def _local_times(desk: Any) -> Iterator[None]:
    """A refusal because another agent holds the email names since when in DRAFTER_TIMEZONE
    (the store words it in the machine's zone, which on a team's server is often UTC)."""
    from drafter.store.queue_state import ClaimedError

    try:
        yield
    except ClaimedError as error:
        claim = error.claim
        doing = "drafted" if claim.kind == "drafting" else "handled"
        raise StoreError(
            f"email {error.email_id} is being {doing} by {claim.agent} since "
            f"{_minutes(desk, claim.since)}",
            hint=error.hint,
        ) from error


def wrapped(text: str, width: int) -> str:
    """`text` with every line longer than `width` wrapped between words (a list item's lines
    under its text): a draft's paragraphs are single lines, which a terminal breaks
    mid-word. Words are never split, so nothing of the text is lost or changed but spaces."""
    out: list[str] = []
    for line in text.splitlines():
        if len(line) <= width:
            out.append(line)
            continue
        lead = re.match(r"\s*(?:(?:[-*•]|\d+[.)])\s+)?", line)
        indent = " " * len(lead.group(0)) if lead else ""
        out.append(
            textwrap.fill(
                line,
                max(20, width),
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return "\n".join(out)


def _minutes(desk: Any, moment: Any) -> str:
    """`moment` as "2026-11-30 12:59" in DRAFTER_TIMEZONE (else the system's zone), as the
    desk and `inbox list` give times."""
    zone = ZoneInfo(desk.settings.timezone) if desk.settings.timezone else None
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"


def claimed_line(desk: Any, record: Any) -> str:
    """What a person reads after a claim: which email, for whom and until when."""
    until = record.claim_expires_at
    ends = t("work.until", time=_minutes(desk, until)[-5:]) if until else ""
    return t(
        "work.claimed_line",
        id=record.email_id,
        agent=desk.agent,
        until=ends,
        sender=record.email.from_.formatted(),
        subject=record.email.subject,
    )


_SOURCES = ("generated", "rewrite", "edit")


def _warning(warning: Any) -> dict[str, str]:
    """A warning as a person reads it: in English its code (what DRAFTER_ACK_REQUIRED_WARNINGS
    takes) and message; in German its name and the German message, as the desk shows it."""
    if language() == "de":
        return {"name": warning_text.label(warning.code), "message": warning_text.message(warning)}
    return {"name": warning.code, "message": warning.message}


def _claim_json(record: Any) -> dict[str, Any] | None:
    if not record.claimed_by:
        return None
    return {
        "agent": record.claimed_by,
        "kind": record.claim_kind,
        "since": record.claimed_at.isoformat() if record.claimed_at else None,
        "expires": record.claim_expires_at.isoformat() if record.claim_expires_at else None,
    }


@click.command("claim")
@click.argument("email_id", type=int, required=False)
@click.option("--next", "take_next", is_flag=True, help="Claim the oldest unclaimed email.")
@click.option("--json", "as_json", is_flag=True, help="Print the claim as one JSON object.")
@_AGENT
@click.pass_context
def claim_cmd(
    ctx: click.Context, email_id: int | None, take_next: bool, as_json: bool, agent: str | None
) -> None:
    """Claim EMAIL_ID, or with --next the oldest unclaimed email (urgent ones first). Prints
    its id alone on stdout (for scripts: `id=$(drafter inbox claim --next)`) and, on stderr,
    which email it is, for whom and until when. Exit status 1 when --next finds nothing to
    claim."""
    if (email_id is None) == (not take_next):
        raise click.UsageError(t("work.id_or_next"))
    desk = _desk(ctx, agent)
    with _local_times(desk):
        if take_next:
            email_id = desk.claim_next()
            if email_id is None:
                click.echo(t("work.nothing_to_claim"), err=True)
                sys.exit(1)
        else:
            desk.claim(email_id)
    assert email_id is not None
    record = desk.email(email_id)
    if as_json:
        click.echo(json.dumps({"email_id": email_id, "claim": _claim_json(record)}))
    else:
        click.echo(str(email_id))
        click.echo(claimed_line(desk, record), err=True)


@click.command("show")
@click.argument("email_id", type=int)
@json_option
@click.pass_context
def show_cmd(ctx: click.Context, email_id: int, as_json: bool) -> None:
    """Show an email, its latest draft, the draft's warnings and who holds the claim."""
    desk = _desk(ctx, None)
    desk.sweep_lapsed()  # as `inbox list` and the desk: a lapsed unchanged review is ready
    record = desk.email(email_id)
    versions = desk.versions(email_id)
    latest = versions[-1] if versions else None
    view: dict[str, Any] = {
        "email_id": email_id,
        "status": record.status,
        "from": record.email.from_.formatted(),
        "subject": record.email.subject,
        "received_at": record.received_at.isoformat(),
        "body": record.email.body,
        "claim": _claim_json(record),
        "draft": None
        if latest is None
        else {"version": latest.number, "source": latest.source, "body": latest.body},
        "warnings": []
        if latest is None
        else [{"code": w.code, "message": w.message} for w in latest.draft.warnings],
    }
    if as_json:
        click.echo(json.dumps(view, ensure_ascii=False))
        return
    claim = view["claim"]
    status = code_or_name("status", record.status)
    click.echo(f"#{email_id} [{status}] {view['from']}: {view['subject']}")
    if claim:
        at = record.claimed_at
        if at:  # as the desk
            click.echo(t("work.held.since", agent=claim["agent"], since=_minutes(desk, at)))
        else:
            click.echo(t("work.held", agent=claim["agent"]))
    width = shutil.get_terminal_size().columns
    # the mailer's line breaks inside a paragraph out, as the desk and `mail parse` show it
    click.echo(f"\n{wrapped(unwrap(record.email.body), width)}\n")
    if latest is not None:
        source = t(f"source.{latest.source}") if latest.source in _SOURCES else latest.source
        click.echo(t("work.draft_header", n=latest.number, source=source))
        click.echo(wrapped(latest.body, width))
        for warning in latest.draft.warnings:
            click.echo(t("work.warning", **_warning(warning)))


@click.command("approve")
@click.argument("email_id", type=int)
@click.option(
    "--body-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Approve this text (UTF-8 file, '-' for stdin) instead of the latest draft.",
)
@_AGENT
@click.pass_context
def approve_cmd(
    ctx: click.Context, email_id: int, body_file: Path | None, agent: str | None
) -> None:
    """Approve the reply to EMAIL_ID: the latest draft, or the text in --body-file (checked
    like text typed in the desk: a foreign link or IBAN becomes a warning to tick). Lists the
    warnings that must be ticked in the desk before the reply can be sent."""
    desk = _desk(ctx, agent)
    if body_file is None:
        versions = desk.versions(email_id)
        if not versions:
            raise StoreError(
                t("work.no_draft", id=email_id), hint=t("work.no_draft.hint"), localized=True
            )
        body = versions[-1].body
    elif str(body_file) == "-":
        body = sys.stdin.read()
    else:
        try:
            body = body_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise StoreError(
                t("work.body_file", path=body_file, why=exc),
                hint=t("work.body_file.hint"),
                localized=True,
            ) from exc
    with _local_times(desk):
        approval = desk.approve(email_id, body)
    sha = approval.sha256[:12]
    click.echo(t("work.approved", id=email_id, sha=sha, agent=approval.approved_by))
    left = desk.unacknowledged(email_id)
    if left:  # said now, not first when `inbox send` refuses
        click.echo(t("work.ticks_needed", n=len(left), id=email_id), err=True)
        for warning in left:
            shown = _warning(warning)
            click.echo(f"  {shown['name']}: {shown['message']}", err=True)


@click.command("send")
@click.argument("email_id", type=int)
@_AGENT
@click.pass_context
def send_cmd(ctx: click.Context, email_id: int, agent: str | None) -> None:
    """Send the approved reply to EMAIL_ID (exactly once; sending again reports it).

    A reply with risky warnings (DRAFTER_ACK_REQUIRED_WARNINGS) is refused: each warning
    is acknowledged in the desk's send dialog (`drafter tui`), not here."""
    desk = _desk(ctx, agent)
    with _local_times(desk):
        result = desk.send(email_id)
    key = "work.already_sent" if result.already_sent else "work.sent"
    via = t("work.via.outbox") if result.transport == "outbox" else result.transport
    click.echo(t(key, id=email_id, mid=result.message_id, transport=via))


@click.command("release")
@click.argument("email_id", type=int)
@_AGENT
@click.pass_context
def release_cmd(ctx: click.Context, email_id: int, agent: str | None) -> None:
    """Release this agent's claim on EMAIL_ID. When they hold none, says so (and who holds
    it, if anyone) and changes nothing; exit status 0 either way."""
    desk = _desk(ctx, agent)
    if desk.release(email_id):
        click.echo(t("work.released", id=email_id))
        return
    record = desk.email(email_id)
    if record.claimed_by:
        at = record.claimed_at
        since = t("work.release.since", time=_minutes(desk, at)) if at else ""
        doing = t("work.doing.drafted" if record.claim_kind == "drafting" else "work.doing.handled")
        click.echo(
            t("work.release.other", id=email_id, doing=doing, agent=record.claimed_by,
              since=since, me=desk.agent)
        )  # fmt: skip
    else:
        click.echo(t("work.release.none", me=desk.agent, id=email_id))


def attach(group: click.Group) -> None:
    """Add the queue commands to `drafter inbox`."""
    for command in (claim_cmd, show_cmd, approve_cmd, send_cmd, release_cmd):
        group.add_command(command)
