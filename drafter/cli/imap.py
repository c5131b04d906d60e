"""`drafter inbox` commands for a live IMAP mailbox: `import imap`, `watch`, `check`, `login`.

Registered on the `inbox` group by drafter.cli.inbox (`register(inbox)`); `drafter inbox
import imap` is routed here by the `import` command when no file or folder named `imap`
exists. The work itself is in drafter.mail.imap, imap_sync, imap_sent and oauth. What they
print is in the interface language (drafter.i18n).
"""

from __future__ import annotations

import asyncio
import signal
import threading
from typing import Any

import click

from drafter.cli.main import settings_of
from drafter.cli.output import warnings_to_stderr
from drafter.error_text import german_message
from drafter.i18n import language, t


def import_imap(ctx: click.Context) -> None:
    """One pass over DRAFTER_IMAP_FOLDERS (called by `drafter inbox import imap`)."""
    from drafter.desk import Desk
    from drafter.mail.imap_sync import import_once

    settings = settings_of(ctx)
    from drafter.mail.imap import require_settings

    require_settings(settings)
    with Desk(settings) as desk:
        report = import_once(desk, settings)
    click.echo(report.line())


@click.command("watch")
@click.option("--draft", "draft", is_flag=True, help="Pre-draft each new email at once.")
@click.option("--no-llm", is_flag=True, help="With --draft: template drafts only.")
@click.option("--once", is_flag=True, help="One pass, then exit (like `inbox import imap`).")
@click.pass_context
def watch_cmd(ctx: click.Context, draft: bool, no_llm: bool, once: bool) -> None:
    """Import new mail from DRAFTER_IMAP_FOLDERS as it arrives (IDLE, else polling).

    Resumes where it stopped (UIDVALIDITY + last UID per folder), reconnects with backoff when
    the server drops, and files sent replies in the Sent folder. Stop with Ctrl+C.
    """
    from drafter.desk import Desk
    from drafter.mail.imap import require_settings
    from drafter.mail.imap_sync import SyncReport, watch

    settings = settings_of(ctx)
    require_settings(settings)
    with warnings_to_stderr():  # not a library's DEBUG lines (bm25s sets its logger to DEBUG)
        desk = Desk(settings, no_llm=no_llm)
        if draft:
            desk.engine()  # fails once, with a hint, when the knowledge base is not ingested
        stop = threading.Event()

        def on_report(report: SyncReport) -> None:
            if report.imported or report.skipped:
                click.echo(report.line())
            if draft and report.email_ids:
                asyncio.run(_draft(desk, report.email_ids))
            if once:
                stop.set()

        def interrupted(*_: object) -> None:
            """Ctrl+C asks the watcher to stop (within a second) instead of raising inside an
            IMAP read, which left the connection out of step (a traceback); Ctrl+C again stops
            at once."""
            stop.set()
            signal.signal(signal.SIGINT, signal.default_int_handler)
            click.echo(t("imap.stopping"), err=True)

        previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
        previous_int = signal.signal(signal.SIGINT, interrupted)
        try:
            folders = ", ".join(settings.imap_folders)
            click.echo(t("imap.watching", folders=folders, host=settings.imap_host))
            watch(desk, settings, stop=stop, on_report=on_report)
        except KeyboardInterrupt:
            stop.set()
        finally:
            signal.signal(signal.SIGTERM, previous)
            signal.signal(signal.SIGINT, previous_int)
            desk.close()


async def _draft(desk: Any, ids: list[int]) -> None:
    from drafter.models import Done, Failed

    for email_id in ids:
        async for event in desk.draft(email_id):
            if isinstance(event, Done):
                click.echo(t("inbox.ready", id=email_id))
            elif isinstance(event, Failed):
                said = german_message(event.message) if language() == "de" else event.message
                click.echo(t("inbox.failed", id=email_id, message=said), err=True)


@click.command("check")
@click.pass_context
def check_cmd(ctx: click.Context) -> None:
    """Connect with the IMAP settings and say exactly what is wrong (or that all is well)."""
    from drafter.mail.imap import check

    for line in check(settings_of(ctx)):
        click.echo(t("imap.ok", line=line))


@click.command("login")
@click.pass_context
def login_cmd(ctx: click.Context) -> None:
    """Sign in to Microsoft 365 once with a device code (DRAFTER_OAUTH_FLOW=device)."""
    from drafter.mail.oauth import cache_path, device_login

    settings = settings_of(ctx)
    device_login(settings, click.echo)
    click.echo(t("imap.signed_in", path=cache_path(settings)))


def register(group: click.Group) -> None:
    for command in (watch_cmd, check_cmd, login_cmd):
        group.add_command(command)
