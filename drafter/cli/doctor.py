"""`drafter doctor` (check the data dir, database, index, outbox, the mailbox and SMTP server
when set, and settings, including DRAFTER_* names no setting reads; say how to repair) and
`drafter backup` (a consistent copy of the database).

Doctor only reads: it never repairs by itself, it prints the command that does. Each check
prints one line, "ok" or "PROBLEM" with a "repair:" line; the exit code is 1 when any
problem was found, 0 otherwise. Its lines are in the interface language (drafter.i18n; the
core's errors through drafter.error_text).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from drafter import error_text
from drafter.cli.main import settings_of
from drafter.cli.output import OUT_FILE
from drafter.config import Settings
from drafter.errors import DrafterError, StoreError
from drafter.i18n import t

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
        return [("data dir", "", t("doctor.not_yet", path=data))]
    reason = _writable(data)
    if reason:
        return [
            (
                "data dir",
                t("doctor.not_writable", path=data, why=reason),
                t("doctor.make_writable_or_dir"),
            )
        ]
    from drafter.store import disk

    free = disk.free_bytes(data)
    if free is not None and free < disk.MIN_FREE_BYTES:  # an empty file fits even so
        return [
            (
                "data dir",
                t(
                    "doctor.disk_full",
                    path=data,
                    free=f"{free // 1024:,}",
                    need=f"{disk.MIN_FREE_BYTES // 1024:,}",
                ),
                t("doctor.free_space"),
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
        return [("database", "", t("doctor.db_not_yet", path=path))]
    try:
        health.check_header(path)
        result = health.quick_check(path)
    except StoreError as exc:
        return [("database", *_said(exc))]
    if result != "ok":  # on a full or read-only disk SQLite cannot even check: no damage
        error = disk.storage_problem(path) or health.damaged(
            path, f"integrity check failed ({result})"
        )
        return [("database", *_said(error))]
    findings: list[Finding] = [("database", "", t("doctor.quick_check", path=path))]
    findings.extend(_queue_state(settings))
    last = health.latest_backup(path)
    findings.append(
        ("backup", "", t("doctor.last_backup", path=last))
        if last
        else ("backup", "", t("doctor.no_backup"))
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
        return [("database", *_said(exc))]
    from drafter.store.schema import SCHEMA_REVISION

    empty = t("doctor.schema", revision=None, expected=SCHEMA_REVISION)  # no tables yet
    if any(f[0] == "schema" and f[1] == empty for f in findings):
        # an empty database: the first command creates the tables
        return [("database", "", t("doctor.server_empty", where=where))]
    return [("database", "", t("doctor.server_ok", where=where)), *findings]


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
            ("schema", t("doctor.schema", revision=revision, expected=SCHEMA_REVISION),
             t("doctor.schema.repair"))
        )  # fmt: skip
    if stuck:
        findings.append(
            ("queue", t("doctor.stuck", n=len(stuck)), t("doctor.stuck.repair"))
        )  # fmt: skip
    if sending:
        findings.append(
            ("outbox", t("doctor.interrupted", n=len(sending)), t("doctor.interrupted.repair"))
        )  # fmt: skip
    return findings


def check_index(settings: Settings) -> list[Finding]:
    from drafter.knowledge.health import exists, index_problems
    from drafter.knowledge.store import open_store

    store = open_store(settings)
    if not exists(store):
        return [("index", t("doctor.no_index", where=store.location), t("doctor.ingest"))]
    problems = index_problems(store)
    repair = t("doctor.rebuild")
    sound = t("doctor.index_sound", where=store.location)
    return [("index", p, repair) for p in problems] or [("index", "", sound)]


def check_outbox(settings: Settings) -> list[Finding]:
    folder = settings.outbox_path
    if settings.smtp_host:
        return [("outbox", "", t("doctor.smtp", host=settings.smtp_host, port=settings.smtp_port))]
    if not folder.exists():
        return [("outbox", "", t("doctor.outbox_not_yet", path=folder))]
    reason = _writable(folder)
    if reason:
        problem = t("doctor.not_writable", path=folder, why=reason)
        return [("outbox", problem, t("doctor.make_writable"))]
    count = sum(1 for _ in folder.glob("*.eml"))
    return [("outbox", "", t("doctor.outbox", path=folder, n=count))]


def check_mailbox(settings: Settings) -> list[Finding]:
    """With DRAFTER_IMAP_HOST / DRAFTER_SMTP_HOST set: connect and log in as the watcher and a
    send would (read only: nothing is fetched or sent). Without them: nothing to check."""
    findings: list[Finding] = []
    if settings.imap_host:
        from drafter.mail.imap import check

        try:
            findings.append(("mailbox", "", "; ".join(check(settings))))
        except DrafterError as exc:
            message, repair = _said(exc)
            findings.append(("mailbox", message, repair or t("doctor.see_check")))
    if settings.smtp_host:
        from drafter.mail.send import check_smtp

        try:
            findings.append(("sending", "", check_smtp(settings)))
        except DrafterError as exc:
            findings.append(("sending", *_said(exc)))
    return findings


def check_settings(settings: Settings) -> list[Finding]:
    findings: list[Finding] = []
    if not settings.kb_dir.exists():
        findings.append(
            ("settings", t("doctor.kb_dir", path=settings.kb_dir), t("doctor.fix_path"))
        )
    from drafter.config import unknown_settings

    for name, where, closest in unknown_settings():
        guess = t("doctor.did_you_mean", name=closest) if closest else ""
        findings.append(
            ("settings", t("doctor.unknown", name=name, where=where),
             t("doctor.unknown.repair", guess=guess))
        )  # fmt: skip
    llm = (
        t("doctor.model", model=settings.llm_model)
        if settings.llm_configured
        else t("doctor.no_llm")
    )
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
            findings = [(check.__name__.removeprefix("check_"), *_said(exc))]
        for area, problem, detail in findings:
            shown = _area(area)
            if problem:
                problems += 1
                click.echo(t("doctor.problem", area=shown, problem=problem))
                click.echo(t("doctor.repair", detail=detail))
            else:
                click.echo(t("doctor.ok", area=shown, detail=detail))
    if problems:
        click.echo(t("doctor.found.one" if problems == 1 else "doctor.found.many", n=problems),
                   err=True)  # fmt: skip
        sys.exit(1)
    click.echo(t("doctor.none"))


def _said(error: DrafterError) -> tuple[str, str]:
    """A core error's message and hint in the interface language."""
    return error_text.message(error), error_text.hint(error)


_AREAS = ("data_dir", "database", "backup", "schema", "queue", "outbox", "index", "mailbox",
          "sending", "settings")  # fmt: skip


def _area(area: str) -> str:
    """A finding's area ("data dir") in the interface language ("Datenordner")."""
    key = area.replace(" ", "_")
    return t(f"doctor.area.{key}") if key in _AREAS else area


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
        raise StoreError(t("backup.sqlite_only"), hint=t("backup.sqlite_only.hint"), localized=True)
    written = health.backup(path, out)
    size = os.path.getsize(written)
    mib = f"{size / 1_048_576:.1f}".replace(".", t("number.decimal"))
    click.echo(t("backup.written", path=written, mib=mib))
