"""`drafter report`: desk analytics per contact reason and prompt version, and knowledge gaps.

Reads the state database (never writes). Terminal tables by default (readable from 80
columns); `--json` prints one object; `--html FILE` writes a self-contained page with inline
SVG charts and prints nothing else. Titles, columns, contact reasons and messages are in the
interface language (DRAFTER_UI_LANGUAGE); `--json` keeps codes and English keys.
`--since/--until` limit the report to the emails imported in that range (dates are days in
DRAFTER_TIMEZONE, else the system's zone: `--until 2026-03-31` includes the 31st).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from drafter.cli.main import settings_of
from drafter.cli.output import OUT_FILE, json_option, write_report
from drafter.i18n import t


def _day(value: str | None, option: str, zone: str = "") -> dt.datetime | None:
    """A YYYY-MM-DD date (or an ISO date-time) as an aware moment in the local zone (`zone`,
    DRAFTER_TIMEZONE, as the desk shows times; "" is the system's zone)."""
    if value is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(t("report.not_a_date", value=value), param_hint=option) from None
    if moment.tzinfo:
        return moment
    return moment.replace(tzinfo=ZoneInfo(zone)) if zone else moment.astimezone()


@click.command()
@json_option
@click.option(
    "--html",
    "html_path",
    type=OUT_FILE,
    help="Write a self-contained HTML report with charts to this file (and print no tables).",
)
@click.option("--since", help="Only emails imported on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Only emails imported up to and including this date (YYYY-MM-DD).")
@click.pass_context
def report(
    ctx: click.Context,
    as_json: bool,
    html_path: Path | None,
    since: str | None,
    until: str | None,
) -> None:
    """What happens to drafts: volume, share sent unchanged, edit ratio, time to first draft,
    time in review, the share sent within the response-time goal
    (DRAFTER_RESPONSE_TIME_GOAL_HOURS, counted from the mail's date) and rejection reasons per
    contact reason and per prompt version, how many emails each agent claimed, drafted,
    edited, approved, sent and rejected (from the audit log; an email opened or saved many
    times counts once), plus the knowledge gaps (emails the
    knowledge base could not answer, by topic).
    """
    from rich.console import Console

    from drafter.evaluation.analytics import collect
    from drafter.evaluation.analytics_view import html_page, tables
    from drafter.store.db import open_database

    settings = settings_of(ctx)
    start = _day(since, "--since", settings.timezone)
    end = _day(until, "--until", settings.timezone)
    if end is not None and until is not None and len(until) == 10:
        end += dt.timedelta(days=1)  # a date: the whole day
    if start is not None and end is not None and end <= start:
        raise click.BadParameter(t("report.until_before_since"), param_hint="--until")
    goal = settings.response_time_goal_hours
    with open_database(settings) as db:
        analytics = collect(db, goal_hours=goal, since=start, until=end, settings=settings)
    if html_path is not None:
        write_report(html_path, html_page(analytics), "--html", what=t("report.what.html"))
        if not as_json:
            return
    if as_json:
        click.echo(json.dumps(analytics.to_json(), ensure_ascii=False, indent=2, default=str))
        return
    console = Console()
    for table in tables(analytics, goal):
        console.print(table)
    if analytics.emails == 0 and (start is not None or end is not None):
        click.echo(t("report.none_in_period"), err=True)
    elif analytics.emails == 0:
        click.echo(t("report.none_yet"), err=True)
