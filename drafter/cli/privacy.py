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
from drafter.i18n import code_or_name, t

if TYPE_CHECKING:
    from drafter.privacy_ops.requests import Outcome


@click.group()
def privacy() -> None:
    """Data protection (DSGVO/GDPR): export or erase one person's data, apply the retention,
    manage the vault key."""


def _emails(count: int, closed: bool = False) -> str:
    """ "1 email", "2 emails", "1 closed email": the count with its noun, in the interface
    language ("2 abgeschlossene E-Mails")."""
    kind = "privacy.closed" if closed else "privacy.emails"
    return t(f"{kind}.{'one' if count == 1 else 'many'}", n=count)


def _write_private(path: Path, text: str, what: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_private(path, text)
    except OSError as exc:
        raise DrafterError(
            t("privacy.cannot_write", what=what, path=path, why=exc.strerror or exc),
            hint=t("privacy.cannot_write.hint"),
            localized=True,
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
        _write_private(out, text + "\n", t("privacy.what.export"))
        _write_private(summary, markdown(doc) + "\n", t("privacy.what.summary"))
        who = doc["subject"]["email"]
        found = (
            t("privacy.found", emails=_emails(len(doc["emails"])), address=who)
            if doc["emails"]
            else t("privacy.nothing", address=who)
        )
        click.echo(t("privacy.written", found=found, out=out, summary=summary), err=True)
        return
    if as_json:
        click.echo(text)
    else:
        click.echo(markdown(doc))
    if not doc["emails"]:
        click.echo(t("privacy.nothing", address=doc["subject"]["email"]), err=True)


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
            ids = ", ".join(map(str, person.email_ids[:20]))
            question = t("privacy.confirm", emails=_emails(len(person.email_ids)),
                         address=person.address, ids=ids)  # fmt: skip
            if person.email_ids and not click.confirm(question, err=True):
                # "no" is no success: a script or a DPO's log must not read it as done
                click.echo(t("privacy.not_confirmed", address=person.address), err=True)
                ctx.exit(1)
        outcome = forget(db, settings, address, vacuum=True if vacuum else None)
    if not outcome.erasure.emails:
        click.echo(t("privacy.tombstone_only", address=address.strip()), err=True)
    counts = outcome.erasure.counts()
    click.echo(
        t("privacy.erased", emails=_emails(counts["emails"]),
          versions=counts["draft_versions"], files=counts["files"],
          cache=len(outcome.cache_files),
          vaults=counts["vaults_deleted"] + counts["vaults_trimmed"],
          audit=counts["audit_rows_redacted"], subject=outcome.subject)
    )  # fmt: skip
    if outcome.compacted.get("wal_truncated") is False:
        click.echo(t("privacy.wal_busy"), err=True)
    _report_elsewhere(outcome, t("privacy.same_erasure"))
    for path in outcome.mentioned_in:
        click.echo(t("privacy.mentioned", path=path), err=True)
    if outcome.backup_problems:
        ctx.exit(1)


def _report_elsewhere(outcome: Outcome, verb: str) -> None:
    """The SQLite backups the erasure was applied to, and those it could not open."""
    if outcome.backups:
        count = len(outcome.backups)
        names = ", ".join(str(p) for p in outcome.backups)
        key = "privacy.backups.one" if count == 1 else "privacy.backups.many"
        click.echo(t(key, verb=verb, n=count, names=names))
    for problem in outcome.backup_problems:
        click.echo(t("privacy.backup_left", path=problem.path, message=problem.message), err=True)


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
        click.echo(t("privacy.no_retention"), err=True)
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
    verb = t("privacy.would_erase" if dry_run else "privacy.erased_verb")
    for item in outcome.candidates:
        status = code_or_name("status", item["status"])
        click.echo(
            t("privacy.purge_item", verb=verb, id=item["email_id"], status=status,
              closed=item["closed_at"])
        )  # fmt: skip
    total = _emails(len(outcome.candidates), closed=True)
    click.echo(t("privacy.purge_total", verb=verb, emails=total), err=True)
    _report_elsewhere(outcome, t("privacy.retention_applied"))
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
    click.echo(t("privacy.compacted.busy" if busy else "privacy.compacted"))


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
            problems.append(t("privacy.old_encryption", path=path, problem=problem))

    with open_database(settings) as db:
        count = rotate(db, settings, heard)
    where = "DRAFTER_VAULT_KEY" if settings.vault_key.get_secret_value() else t("privacy.key_file")
    click.echo(t("privacy.rotated", n=count, where=where))
    if done:
        key = "privacy.rotated_backups.one" if len(done) == 1 else "privacy.rotated_backups.many"
        click.echo(t(key, n=len(done), names=", ".join(map(str, done))))
    for line in problems:
        click.echo(line, err=True)


@privacy.command("keygen")
def keygen_cmd() -> None:
    """Print a new vault key (for DRAFTER_VAULT_KEY)."""
    from drafter.store.crypto import new_key

    click.echo(new_key())
