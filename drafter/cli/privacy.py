"""`drafter privacy` commands: Art. 15 export, Art. 17 forget, retention purge, vault keys.

See docs/privacy.md for what each command touches and how to answer a request with it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from drafter.cli.main import settings_of
from drafter.cli.output import OUT_FILE, json_option, write_private
from drafter.errors import DrafterError

if TYPE_CHECKING:
    from drafter.privacy_ops.requests import Outcome


@click.group()
def privacy() -> None:
    """Data protection (DSGVO/GDPR): export or erase one person's data, apply the retention,
    manage the vault key."""


def _emails(count: int, kind: str = "") -> str:
    """ "1 email", "2 emails", "1 closed email": the count with its noun (the CLI is English)."""
    return f"{count} {kind}email{'' if count == 1 else 's'}"


def _write_private(path: Path, text: str, what: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_private(path, text)
    except OSError as exc:
        raise DrafterError(
            f"cannot write the {what} {path}: {exc.strerror or exc}",
            hint="pass a writable file path with --out",
        ) from exc


@privacy.command("export", short_help="Everything stored about one person (Art. 15).")
@click.option("--email", "address", required=True, help="The person's email address.")
@click.option(
    "--out",
    type=OUT_FILE,
    default=None,
    help="Write the JSON document here and the Markdown summary next to it (FILE.md); "
    "both mode 0600. Without it the Markdown summary is printed.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON document instead.")
@click.pass_context
def export_cmd(ctx: click.Context, address: str, out: Path | None, as_json: bool) -> None:
    """Everything stored about one person (Art. 15): emails, drafts and versions, approvals,
    sent replies and outbox files, vault entries, audit rows, evaluation-cache files.

    Found by address and by the identifying values in that person's vaults (a customer
    number or IBAN finds mail sent from a second address)."""
    from drafter.privacy_ops.export import export, markdown
    from drafter.store.db import open_database

    settings = settings_of(ctx)
    with open_database(settings) as db:
        doc = export(db, settings, address)
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    if out is not None:
        summary = (
            out.with_name(out.name + ".md") if out.suffix != ".json" else out.with_suffix(".md")
        )
        _write_private(out, text + "\n", "export")
        _write_private(summary, markdown(doc) + "\n", "export summary")
        found = (
            f"{_emails(len(doc['emails']))} of {doc['subject']['email']}"
            if doc["emails"]
            else f"nothing stored about {doc['subject']['email']}"
        )
        click.echo(f"{found}: written to {out} and {summary}", err=True)
        return
    if as_json:
        click.echo(text)
    else:
        click.echo(markdown(doc))
    if not doc["emails"]:
        click.echo(f"nothing stored about {doc['subject']['email']}", err=True)


@privacy.command("forget", short_help="Erase one person everywhere (Art. 17).")
@click.option("--email", "address", required=True, help="The person's email address.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option(
    "--vacuum",
    is_flag=True,
    help="Also VACUUM the database (done anyway on the first erasure of a database; later "
    "ones rely on secure_delete and empty the WAL).",
)
@click.pass_context
def forget_cmd(ctx: click.Context, address: str, yes: bool, vacuum: bool) -> None:
    """Erase one person everywhere (Art. 17): bodies, raw MIME, headers, draft texts, vault
    values, rejection reasons, free text in audit rows, outbox files, evaluation-cache files;
    in the database and in the SQLite backups in <data dir>/backups/. Counts, times, edit
    ratios and contact reasons stay for `drafter report`; the audit log keeps a tombstone with
    a keyed hash of the address. Open emails of the person are closed as rejected. Other files
    in the data dir that still mention the person (an export, a saved report) are named."""
    from drafter.privacy_ops.requests import forget, locate
    from drafter.store.db import open_database

    settings = settings_of(ctx)
    with open_database(settings) as db:
        if not yes:
            person = locate(db, settings, address)
            if person.email_ids and not click.confirm(
                f"erase {_emails(len(person.email_ids))} of {person.address} "
                f"(ids {', '.join(map(str, person.email_ids[:20]))})? This cannot be undone",
                err=True,
            ):  # "no" is no success: a script or a DPO's log must not read it as done
                click.echo(f"nothing erased ({person.address}: not confirmed)", err=True)
                ctx.exit(1)
        outcome = forget(db, settings, address, vacuum=True if vacuum else None)
    if not outcome.erasure.emails:
        click.echo(f"nothing stored about {address.strip()} (a tombstone is recorded)", err=True)
    counts = outcome.erasure.counts()
    click.echo(
        f"erased {_emails(counts['emails'])}, {counts['draft_versions']} draft versions, "
        f"{counts['files']} outbox files, {len(outcome.cache_files)} cache files, "
        f"{counts['vaults_deleted'] + counts['vaults_trimmed']} vaults, "
        f"{counts['audit_rows_redacted']} audit rows redacted; tombstone {outcome.subject}"
    )
    if outcome.compacted.get("wal_truncated") is False:
        click.echo(
            "warning: another process holds the database open; the WAL keeps old pages "
            "until it closes: close the desk and run `drafter privacy compact`",
            err=True,
        )
    _report_elsewhere(outcome, "the same erasure was applied")
    for path in outcome.mentioned_in:
        click.echo(
            f"warning: {path} still mentions this person; drafter did not write it as part "
            "of its store (an export, a saved report?): delete or edit it by hand",
            err=True,
        )
    if outcome.backup_problems:
        ctx.exit(1)


def _report_elsewhere(outcome: Outcome, verb: str) -> None:
    """The SQLite backups the erasure was applied to, and those it could not open."""
    if outcome.backups:
        count = len(outcome.backups)
        names = ", ".join(str(p) for p in outcome.backups)
        click.echo(f"{verb} to {count} backup{'' if count == 1 else 's'} as well: {names}")
    for problem in outcome.backup_problems:
        click.echo(
            f"error: the backup {problem.path} was left as it is: {problem.message}; "
            "delete it or repair it and run the command again",
            err=True,
        )


@privacy.command("purge", short_help="Erase closed emails older than DRAFTER_RETENTION_DAYS.")
@click.option("--dry-run", is_flag=True, help="Only list the emails that would be erased.")
@json_option
@click.pass_context
def purge_cmd(ctx: click.Context, dry_run: bool, as_json: bool) -> None:
    """Apply the retention policy: erase bodies, raw MIME, vaults and draft texts of closed
    (sent or rejected) emails older than DRAFTER_RETENTION_DAYS, in the database and in the
    SQLite backups in <data dir>/backups/. Open emails are kept. With
    DRAFTER_RETENTION_DAYS=0 (the default) nothing is erased."""
    from drafter.privacy_ops.requests import purge
    from drafter.store.db import open_database

    settings = settings_of(ctx)
    if settings.retention_days <= 0:
        click.echo("DRAFTER_RETENTION_DAYS is 0 (keep everything): nothing to purge", err=True)
    with open_database(settings) as db:
        outcome = purge(db, settings, dry_run=dry_run)
    if as_json:
        click.echo(
            json.dumps(
                {"dry_run": dry_run, "retention_days": settings.retention_days,
                 "emails": outcome.candidates, "erased": outcome.erasure.counts()},
                indent=2,
            )
        )  # fmt: skip
        return
    verb = "would erase" if dry_run else "erased"
    for item in outcome.candidates:
        click.echo(
            f"{verb} email {item['email_id']} ({item['status']}, closed {item['closed_at']})"
        )
    click.echo(f"{verb} {_emails(len(outcome.candidates), 'closed ')}", err=True)
    _report_elsewhere(outcome, "the retention was applied")
    if outcome.backup_problems:
        ctx.exit(1)


@privacy.command("compact", short_help="VACUUM the database and empty its WAL.")
@click.pass_context
def compact_cmd(ctx: click.Context) -> None:
    """VACUUM the database and empty its WAL, so erased values leave the files on disk."""
    from drafter.privacy_ops.requests import compact_now
    from drafter.store.db import open_database

    settings = settings_of(ctx)
    with open_database(settings) as db:
        result = compact_now(db, settings)
    busy = result.get("wal_truncated") is False
    click.echo("compacted" + (" (the WAL is still in use by another process)" if busy else ""))


@privacy.command("rotate-key")
@click.pass_context
def rotate_key_cmd(ctx: click.Context) -> None:
    """Re-encrypt every vault with a new key. With the key file (<data dir>/vault.key) a new
    key is made; with DRAFTER_VAULT_KEY put the new key first ("NEW,OLD"), run this, then
    keep only NEW. The SQLite backups in <data dir>/backups/ are re-encrypted too. A crash
    mid-rotation loses nothing: run it again to finish."""
    from drafter.store.crypto import rotate
    from drafter.store.db import open_database

    settings = settings_of(ctx)
    done: list[Path] = []
    problems: list[str] = []

    def heard(path: Path, problem: str | None) -> None:
        if problem is None:
            done.append(path)
        else:
            problems.append(f"warning: the backup {path} keeps its old encryption: {problem}")

    with open_database(settings) as db:
        count = rotate(db, settings, heard)
    where = "DRAFTER_VAULT_KEY" if settings.vault_key.get_secret_value() else "the key file"
    click.echo(f"re-encrypted {count} vaults with the new key from {where}")
    if done:
        click.echo(
            f"re-encrypted {len(done)} backup{'' if len(done) == 1 else 's'} as well: "
            + ", ".join(map(str, done))
        )
    for line in problems:
        click.echo(line, err=True)


@privacy.command("keygen")
def keygen_cmd() -> None:
    """Print a new vault key (for DRAFTER_VAULT_KEY)."""
    from drafter.store.crypto import new_key

    click.echo(new_key())
