"""`drafter inbox` commands: import emails into the queue, list it, pre-draft waiting emails,
reopen a rejected one.

The scriptable queue (claim, show, approve, send, release) lives in drafter.cli.queue.
Messages, table headers, statuses, contact reasons and warning names are in the interface
language (drafter.i18n); `--json` keeps codes.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import click

from drafter import error_text
from drafter.cli.main import settings_of
from drafter.errors import MailError
from drafter.i18n import code_or_name, language, status_label, t
from drafter.models import Done, Failed, QueueFilter
from drafter.warning_codes import label

STATUSES = ["new", "drafting", "ready", "in_review", "sent", "rejected", "needs_attention"]


@click.group()
def inbox() -> None:
    """The queue of customer emails: import, list, pre-draft, work it from scripts; watch an
    IMAP mailbox."""


@inbox.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.pass_context
def import_cmd(ctx: click.Context, path: Path) -> None:
    """Queue every email in PATH (a folder of .eml files, a Maildir or an mbox file).

    `drafter inbox import imap` does one pass over the IMAP mailbox (DRAFTER_IMAP_*).
    Importing the same email again is a no-op. A file or sub-folder that cannot be read,
    and a file with no mail header (notes.txt), is skipped with one line naming it, the rest
    is imported, and the exit code is 1.
    """
    from drafter.desk import Desk
    from drafter.mail.sources import iter_source, not_an_email

    if str(path) == "imap" and not path.exists():
        from drafter.cli.imap import import_imap

        import_imap(ctx)
        return

    if not path.exists():
        raise MailError(
            t("inbox.no_such_path", path=path), hint=t("inbox.no_such_path.hint"), localized=True
        )
    desk = Desk(settings_of(ctx))
    unreadable: list[str] = []
    no_email: list[str] = []

    def skip(where: str, reason: str) -> None:
        (no_email if reason == not_an_email(where) else unreadable).append(where)
        click.echo(t("inbox.skipped", reason=_said(reason)), err=True)

    report = desk.import_messages(iter_source(path, on_skip=skip))
    click.echo(
        t(
            "inbox.imported",
            imported=report.imported,
            duplicates=report.duplicates,
            quarantined=report.quarantined,
        )
        + (t("inbox.skipped.unreadable", n=len(unreadable)) if unreadable else "")
        + (t("inbox.skipped.not_email", n=len(no_email)) if no_email else "")
    )
    if unreadable or no_email:
        sys.exit(1)


@inbox.command("list")
@click.option(
    "--status",
    type=click.Choice([*STATUSES, "open"]),
    default=None,
    help="Only this status; open: every status but sent and rejected (the desk's first view).",
)
@click.option("--search", default="", help="Words that must appear in sender or subject.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.pass_context
def list_cmd(ctx: click.Context, status: str | None, search: str, as_json: bool) -> None:
    """Show the queue: possible emergencies first, then oldest first."""
    from drafter.desk import Desk

    status_value: QueueFilter | None = status  # type: ignore[assignment]
    rows = Desk(settings_of(ctx)).queue(status=status_value, search=search)
    if as_json:
        click.echo(json.dumps([r.model_dump(mode="json") for r in rows], ensure_ascii=False))
        return
    from rich.console import Console

    console = Console(soft_wrap=False)
    console.print(queue_table(rows, console.width, settings_of(ctx).timezone))
    click.echo(t("queue.count.one" if len(rows) == 1 else "queue.count.many", n=len(rows)))
    if not rows and not status and not search:
        click.echo(t("inbox.empty"), err=True)


REASON_WIDTH = 14  # the default reasons' codes are at most 12; a longer custom one is cut


def queue_table(rows: list[Any], width: int, timezone: str = "") -> Any:
    """One line per email, readable at 80 columns: the sender's name (the address when there
    is none), sender and subject cut with "…" to fit `width`; received in DRAFTER_TIMEZONE
    (else the system's zone). Before, every row took 3-4 lines at 80 columns ("<elke.mart…");
    then two spaces between columns and a third of the rest for the sender cut it to 8
    characters ("Elke Ma…") at 80 columns."""
    from zoneinfo import ZoneInfo

    from rich import box
    from rich.table import Table

    zone = ZoneInfo(timezone) if timezone else None
    cells = []
    for r in rows:
        at = r.received_at if r.received_at.tzinfo else r.received_at.replace(tzinfo=dt.UTC)
        cells.append(
            [str(r.email_id), at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
             code_or_name("status", r.status), sender_name(r.sender), r.subject,
             code_or_name("contact", r.contact_reason or ""),
             str(r.warnings or "")]
        )  # fmt: skip
    names = tuple(
        t(f"inbox.col.{name}")
        for name in ("id", "received", "status", "from", "subject", "reason", "warn")
    )
    widest = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(names)]
    widest[5] = min(widest[5], REASON_WIDTH)
    fixed = sum(widest[i] for i in (0, 1, 2, 5, 6)) + len(names) - 1  # one space between
    room = max(18, width - fixed)  # what sender and subject share, two fifths and the rest
    sender = min(widest[3], max(8, room * 2 // 5))
    subject = max(10, room - sender)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=0)
    for i, name in enumerate(names):
        size = {3: sender, 4: subject}.get(i, widest[i])
        table.add_column(name, no_wrap=True, overflow="ellipsis", width=size,
                         justify="right" if i in (0, 6) else "left")  # fmt: skip
    for row in cells:
        table.add_row(*row)
    return table


def sender_name(sender: str) -> str:
    """'Elke Martens' of 'Elke Martens <elke.martens@gmx.de>'; a bare address stays."""
    name = sender.split("<", 1)[0].strip().strip('"')
    return name or sender.strip("<> ")


@inbox.command("reopen")
@click.argument("email_id", type=int)
@click.option("--reason", required=True, help="Why it is reopened (kept in the audit log).")
@click.pass_context
def reopen_cmd(ctx: click.Context, email_id: int, reason: str) -> None:
    """Put a rejected email back into review (the desk's f4 does the same)."""
    from drafter.desk import Desk

    with Desk(settings_of(ctx)) as desk:
        desk.reopen(email_id, reason)
        status = desk.email(email_id).status
    click.echo(t("inbox.reopened", id=email_id, status=status_label(status)))


@inbox.command("draft")
@click.option("--no-llm", is_flag=True, help="Template drafts from the knowledge base only.")
@click.option("--limit", type=int, default=0, help="Draft at most this many (0 = all).")
@click.pass_context
def draft_cmd(ctx: click.Context, no_llm: bool, limit: int) -> None:
    """Draft a reply for every email waiting for its first draft (for `make demo` and cron).

    Safe beside the desk and other runs: each email is leased while it is drafted
    (DRAFTER_DRAFT_LEASE_SECONDS), so no email is drafted twice; leased ones are skipped,
    and so is one whose draft outlived its lease while another process took it over.

    Exit code 1 when at least one email got no draft (see its `failed` line), 0 otherwise.
    """
    from drafter.desk import Desk

    settings = settings_of(ctx)
    desk = Desk(settings, no_llm=no_llm)
    pending = desk.pending_drafts()
    if limit > 0:
        pending = pending[:limit]
    if not pending:
        click.echo(t("inbox.nothing_to_draft"))
        return
    desk.engine()  # fails once, with a hint, when the knowledge base is not ingested
    results = asyncio.run(_draft_all(desk, pending, max(1, settings.predraft_concurrency)))
    skipped = sum(1 for r in results if r.get("skipped"))  # another process drafts it
    failed = sum(1 for r in results if not r["ok"]) - skipped
    click.echo(
        t("inbox.drafted", drafted=len(results) - failed - skipped, failed=failed)
        + (t("inbox.drafted.skipped", n=skipped) if skipped else "")
    )
    if failed:
        sys.exit(1)


def _said(message: str) -> str:
    """A core message (English) in the interface language where drafter.error_text knows it."""
    return error_text.german_message(message) if language() == "de" else message


async def _draft_all(desk: Any, ids: list[int], concurrency: int) -> list[dict[str, Any]]:
    gate = asyncio.Semaphore(concurrency)

    async def one(email_id: int) -> dict[str, Any]:
        async with gate:
            outcome: dict[str, Any] = {"id": email_id, "ok": False}
            async for event in desk.draft(email_id):
                if isinstance(event, Done):
                    outcome["ok"] = True
                    # the warnings by their German names ("Wissenslücke") as the desk shows
                    # them; in English by code, as printed before (what scripts grep for)
                    german = language() == "de"
                    codes = [w.code for w in event.draft.warnings]
                    names = ", ".join(label(code) if german else code for code in codes)
                    warned = t("inbox.ready.warnings", names=names) if names else ""
                    click.echo(t("inbox.ready", id=email_id) + warned)
                elif isinstance(event, Failed) and event.skipped:
                    outcome["skipped"] = True  # another process drafts it (issue 11, 16)
                    said = _said(event.message)
                    click.echo(f"#{email_id} {said}", err=True)
                elif isinstance(event, Failed):
                    said = _said(event.message)
                    click.echo(t("inbox.failed", id=email_id, message=said), err=True)
            return outcome

    return list(await asyncio.gather(*(one(i) for i in ids)))


from drafter.cli.imap import register  # noqa: E402  (watch, check, login: the live mailbox)
from drafter.cli.queue import attach  # noqa: E402  (the scriptable queue commands)

attach(inbox)
register(inbox)
