"""`drafter doctor` (check the data dir, database, index, outbox, the mailbox and SMTP server
when set, and settings, including DRAFTER_* names no setting reads; say how to repair) and
`drafter backup` (a consistent copy of the database).

Doctor only reads: it never repairs by itself, it prints the command that does. Each check
prints one line, "ok" or "PROBLEM" with a "repair:" line; the exit code is 1 when any
problem was found, 0 otherwise.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from drafter.cli.main import settings_of
from drafter.cli.output import OUT_FILE
from drafter.config import Settings
from drafter.errors import DrafterError, StoreError

Finding = tuple[str, str, str]  # (area, problem or "", repair)


def _writable(folder: Path) -> str:
    """'' when a file can be created in `folder` (tried for real: root ignores modes)."""
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            return ""
    except OSError as exc:
        return exc.strerror or str(exc)


def check_data_dir(settings: Settings) -> list[Finding]:
    data = settings.data_dir
    if not data.exists():
        return [("data dir", "", f"{data} does not exist yet (created on first use)")]
    reason = _writable(data)
    if reason:
        return [
            (
                "data dir",
                f"{data} is not writable ({reason})",
                "make it writable or set DRAFTER_DATA_DIR",
            )
        ]
    from drafter.store import disk

    free = disk.free_bytes(data)
    if free is not None and free < disk.MIN_FREE_BYTES:  # an empty file fits even so
        return [
            (
                "data dir",
                f"the disk holding {data} is full ({free // 1024:,} KB free; drafting and "
                f"sending need {disk.MIN_FREE_BYTES // 1024:,} KB)",
                "free some space",
            )
        ]
    return [("data dir", "", str(data))]


def check_database(settings: Settings) -> list[Finding]:
    from drafter.store import disk, health
    from drafter.store.db import sqlite_path

    path = sqlite_path(settings.db_url)
    if path is None:
        return _server_database(settings)
    if not path.exists():
        return [("database", "", f"{path} does not exist yet (created on first import)")]
    try:
        health.check_header(path)
        result = health.quick_check(path)
    except StoreError as exc:
        return [("database", exc.message, exc.hint)]
    if result != "ok":  # on a full or read-only disk SQLite cannot even check: no damage
        error = disk.storage_problem(path) or health.damaged(
            path, f"integrity check failed ({result})"
        )
        return [("database", error.message, error.hint)]
    findings: list[Finding] = [("database", "", f"{path} passes quick_check")]
    findings.extend(_queue_state(settings))
    last = health.latest_backup(path)
    findings.append(
        ("backup", "", f"last backup {last}")
        if last
        else ("backup", "", "no backup yet: `drafter backup` writes one")
    )
    return findings


def _server_database(settings: Settings) -> list[Finding]:
    """A database server (PostgreSQL): connected to for real (a wrong password, a stopped
    server or a missing database is a problem here, not "ok"), then the queue checks."""
    from drafter.store.db import safe_url

    where = safe_url(settings.db_url).split("@")[-1]
    try:
        findings = _queue_state(settings)
    except StoreError as exc:
        return [("database", exc.message, exc.hint)]
    if any(f[0] == "schema" and "revision None" in f[1] for f in findings):
        # an empty database: the first command creates the tables
        return [("database", "", f"{where} answers; empty (tables are created on first use)")]
    return [("database", "", f"{where} answers (back it up with pg_dump)"), *findings]


def _queue_state(settings: Settings) -> list[Finding]:
    from drafter.store import outbox, queue_state
    from drafter.store.db import open_database
    from drafter.store.migrations import current_revision
    from drafter.store.schema import SCHEMA_REVISION

    db = open_database(settings, migrate=False)
    try:
        with db.read() as conn:
            revision = current_revision(conn)
            stuck: list[int] = []
            sending: list[object] = []
            if revision == SCHEMA_REVISION:  # an older schema lacks the claim columns
                stuck = queue_state.unclaimed_ids(conn, "drafting")
                sending = list(outbox.with_state(conn, "sending"))
    finally:
        db.close()
    findings: list[Finding] = []
    if revision != SCHEMA_REVISION:
        findings.append(
            ("schema", f"revision {revision}, this drafter expects {SCHEMA_REVISION}",
             "any drafter command upgrades it; a newer revision needs a newer drafter")
        )  # fmt: skip
    if stuck:
        findings.append(
            ("queue", f"{len(stuck)} email(s) stuck in 'drafting' (drafting claim expired)",
             "run any `drafter inbox` command: it puts them back in the queue")
        )  # fmt: skip
    if sending:
        findings.append(
            ("outbox", f"{len(sending)} send(s) interrupted mid-way",
             "open the desk (`drafter tui`): it reconciles them before anything else")
        )  # fmt: skip
    return findings


def check_index(settings: Settings) -> list[Finding]:
    from drafter.knowledge.health import exists, index_problems
    from drafter.knowledge.store import open_store

    store = open_store(settings)
    if not exists(store):
        return [("index", f"no index in {store.location}", "run `drafter kb ingest`")]
    problems = index_problems(store)
    repair = "run `drafter kb ingest --rebuild` (rebuilds from DRAFTER_KB_DIR)"
    return [("index", p, repair) for p in problems] or [("index", "", f"{store.location} is sound")]


def check_outbox(settings: Settings) -> list[Finding]:
    folder = settings.outbox_path
    if settings.smtp_host:
        return [("outbox", "", f"replies go to SMTP {settings.smtp_host}:{settings.smtp_port}")]
    if not folder.exists():
        return [("outbox", "", f"{folder} does not exist yet (created on first send)")]
    reason = _writable(folder)
    if reason:
        return [("outbox", f"{folder} is not writable ({reason})", "make it writable")]
    count = sum(1 for _ in folder.glob("*.eml"))
    return [("outbox", "", f"{folder} ({count} replies)")]


def check_mailbox(settings: Settings) -> list[Finding]:
    """With DRAFTER_IMAP_HOST / DRAFTER_SMTP_HOST set: connect and log in as the watcher and a
    send would (read only: nothing is fetched or sent). Without them: nothing to check."""
    findings: list[Finding] = []
    if settings.imap_host:
        from drafter.mail.imap import check

        try:
            findings.append(("mailbox", "", "; ".join(check(settings))))
        except DrafterError as exc:
            findings.append(("mailbox", exc.message, exc.hint or "see `drafter inbox check`"))
    if settings.smtp_host:
        from drafter.mail.send import check_smtp

        try:
            findings.append(("sending", "", check_smtp(settings)))
        except DrafterError as exc:
            findings.append(("sending", exc.message, exc.hint))
    return findings


def check_settings(settings: Settings) -> list[Finding]:
    findings: list[Finding] = []
    if not settings.kb_dir.exists():
        findings.append(
            ("settings", f"DRAFTER_KB_DIR {settings.kb_dir} does not exist", "fix the path")
        )
    from drafter.config import unknown_settings

    for name, where, closest in unknown_settings():
        guess = f"did you mean {closest}? " if closest else ""
        findings.append(
            ("settings", f"unknown setting {name} ({where}) is ignored",
             f"{guess}rename or remove it (every setting is in .env.example)")
        )  # fmt: skip
    llm = f"model {settings.llm_model}" if settings.llm_configured else "no LLM (template drafts)"
    findings.append(("settings", "", llm))
    return findings


@click.command("doctor")
@click.pass_context
def doctor(ctx: click.Context) -> None:
    """Check the data dir, database, index, outbox and settings; say how to repair problems.

    With DRAFTER_IMAP_HOST or DRAFTER_SMTP_HOST set it connects and logs in to the mailbox
    and the SMTP server (nothing is fetched or sent). A DRAFTER_* variable no setting reads
    (a typo) is a problem too, with the name meant.

    Only reads. Exit code 1 when a problem was found.
    """
    settings = settings_of(ctx)
    problems = 0
    checks = (check_data_dir, check_database, check_index, check_outbox, check_mailbox)
    for check in (*checks, check_settings):
        try:
            findings = check(settings)
        except DrafterError as exc:
            findings = [(check.__name__.removeprefix("check_"), exc.message, exc.hint)]
        for area, problem, detail in findings:
            if problem:
                problems += 1
                click.echo(f"PROBLEM {area}: {problem}")
                click.echo(f"        repair: {detail}")
            else:
                click.echo(f"ok      {area}: {detail}")
    if problems:
        click.echo(f"{problems} problem{'s' if problems > 1 else ''} found", err=True)
        sys.exit(1)
    click.echo("no problems found")


@click.command("backup")
@click.option(
    "--out",
    type=OUT_FILE,
    default=None,
    help="Where to write the copy (default: <data dir>/backups/drafter-<time>.db).",
)
@click.pass_context
def backup(ctx: click.Context, out: Path | None) -> None:
    """Write a consistent copy of the database (SQLite online backup API), checked after.

    Safe while other drafter processes run. Error messages about a damaged database name
    the newest backup in <data dir>/backups/.
    """
    from drafter.store import health
    from drafter.store.db import sqlite_path

    settings = settings_of(ctx)
    path = sqlite_path(settings.db_url)
    if path is None:
        raise StoreError(
            "drafter backup copies SQLite databases only",
            hint="back up PostgreSQL with pg_dump",
        )
    written = health.backup(path, out)
    size = os.path.getsize(written)
    click.echo(f"backup written: {written} ({size / 1_048_576:.1f} MiB)")
