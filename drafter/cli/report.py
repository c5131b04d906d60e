"""`drafter report`: desk analytics per contact reason and prompt version, and knowledge gaps.

Reads the state database (never writes). Terminal tables by default; `--json` prints one
object; `--html FILE` writes a self-contained page with inline SVG charts.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from drafter.cli.main import settings_of
from drafter.cli.output import write_report


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a self-contained HTML report with charts to this file.",
)
@click.pass_context
def report(ctx: click.Context, as_json: bool, html_path: Path | None) -> None:
    """What happens to drafts: volume, share sent unchanged, edit ratio, time to first draft,
    time in review and rejection reasons per contact reason and per prompt version, plus the
    knowledge gaps (emails the knowledge base could not answer, grouped by topic).
    """
    from rich.console import Console

    from drafter.evaluation.analytics import collect
    from drafter.evaluation.analytics_view import html_page, tables
    from drafter.store.db import open_database

    settings = settings_of(ctx)
    db = open_database(settings)
    try:
        analytics = collect(db)
    finally:
        db.close()
    if html_path is not None:
        write_report(html_path, html_page(analytics), "--html", what="HTML report")
    if as_json:
        click.echo(json.dumps(analytics.to_json(), ensure_ascii=False, indent=2, default=str))
        return
    console = Console()
    for table in tables(analytics):
        console.print(table)
    if analytics.emails == 0:
        click.echo(
            "no emails in the store yet: import some with `drafter inbox import PATH`", err=True
        )
