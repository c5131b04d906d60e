"""`drafter worker`: import and pre-draft for the whole team (see drafter.worker)."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

import click

from drafter.cli.main import settings_of
from drafter.cli.output import warnings_to_stderr
from drafter.i18n import t


@click.command()
@click.option(
    "--import",
    "source",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Import this folder of .eml files, Maildir or mbox every round.",
)
@click.option("--no-llm", is_flag=True, help="Template drafts from the knowledge base only.")
@click.option("--once", is_flag=True, help="One round (import, draft everything), then exit.")
@click.option("--interval", type=float, default=5.0, help="Seconds between rounds (default 5).")
@click.option(
    "--concurrency", type=int, default=None, help="Drafts at a time (DRAFTER_PREDRAFT_CONCURRENCY)."
)
@click.pass_context
def worker(
    ctx: click.Context,
    source: Path | None,
    no_llm: bool,
    once: bool,
    interval: float,
    concurrency: int | None,
) -> None:
    """Pre-draft every new email for the team (and import new mail with --import). Drafts are
    claimed like emails, so any number of workers and desks never draft one email twice;
    while a worker runs, desks do not pre-draft themselves. With DRAFTER_RETENTION_DAYS set it
    also erases closed emails past the retention, at start and then hourly (as `drafter
    privacy purge`)."""
    from drafter.desk import Desk
    from drafter.worker import Worker

    settings = settings_of(ctx)
    desk = Desk(settings, no_llm=no_llm)
    w = Worker(
        desk,
        source=source,
        concurrency=concurrency or settings.predraft_concurrency,
        say=click.echo,
    )
    # Ctrl+C: an unfinished draft puts its email back; a library's DEBUG lines stay hidden
    with suppress(KeyboardInterrupt), warnings_to_stderr():
        w.run(once=once, interval=max(0.5, interval))
    click.echo(t("inbox.drafted", drafted=w.drafted, failed=w.failed))
