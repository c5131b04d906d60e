"""Carrying out Art. 17 erasure and the retention policy: `forget`, `purge`, the tombstone.

`forget(db, settings, address)` finds the person (drafter.store.personal), erases their
emails with the shared routine (drafter.privacy_ops.erase), deletes their outbox files and
the evaluation-cache files that mention them, writes one audit tombstone (what, when, by
whom, and an HMAC of the address instead of the address, keyed with
`<data_dir>/privacy-hmac.key`, mode 0600), then compacts the database.

`purge(db, settings)` erases closed emails (sent / rejected) whose last change is older
than `DRAFTER_RETENTION_DAYS`; open emails are kept. The team worker calls `purge` once a
day; `purge(..., dry_run=True)` lists what would go.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from drafter.config import Settings
from drafter.privacy import memos
from drafter.store import audit
from drafter.store import emails as queue
from drafter.store.clock import as_utc, utcnow
from drafter.store.crypto import new_key, write_secret
from drafter.store.db import Database
from drafter.store.personal import Footprint, PrivacyError, find, normalise_address
from drafter.store.schema import emails

from .elsewhere import BackupProblem, backups_of, each_backup, mentions, typed_reasons
from .erase import Erasure, erase_emails
from .physical import compact, delete_files, ever_compacted, scan_files

HMAC_KEY_FILE = "privacy-hmac.key"
PURGE_BATCH = 500
EVAL_CACHE = "eval-cache"
# Called with [(email id, Message-ID, source)] before the erasure when
# DRAFTER_PRIVACY_FORGET_IMAP is on; returns how many mailbox copies it deleted.
ImapDeleter = Callable[[list[tuple[int, str, str]]], int]


@dataclass
class Outcome:
    """The result of a forget or purge, for the CLI and the tests."""

    erasure: Erasure
    subject: str = ""  # the keyed hash of the address (forget only)
    cache_files: list[Path] = field(default_factory=list)
    imap_deleted: int | None = None
    compacted: dict[str, Any] = field(default_factory=dict)
    dry_run: bool = False
    candidates: list[dict[str, Any]] = field(default_factory=list)
    backups: list[Path] = field(default_factory=list)  # SQLite backups erased the same way
    backup_problems: list[BackupProblem] = field(default_factory=list)
    mentioned_in: list[Path] = field(default_factory=list)  # other files still naming them


def hmac_key(settings: Settings) -> bytes:
    path = settings.data_dir / HMAC_KEY_FILE
    if not path.exists():
        write_secret(path, new_key() + "\n")
    return path.read_bytes().strip()


def subject_hash(settings: Settings, address: str) -> str:
    """HMAC-SHA256 of the normalised address: proves later who was erased, reveals nobody."""
    digest = hmac.new(hmac_key(settings), address.strip().casefold().encode(), hashlib.sha256)
    return "hmac-sha256:" + digest.hexdigest()


def own_domains(settings: Settings) -> tuple[str, ...]:
    domains = [a.rsplit("@", 1)[-1].strip(" >").casefold() for a in (settings.mail_from,)]
    return tuple(d for d in [*domains, *settings.link_allowlist] if d)


def locate(db: Database, settings: Settings, address: str) -> Footprint:
    with db.read() as conn:
        return find(conn, address, own_domains(settings))


def forget(
    db: Database,
    settings: Settings,
    address: str,
    *,
    imap_delete: ImapDeleter | None = None,
    vacuum: bool | None = None,
) -> Outcome:
    """Erase everything stored about the person with this address (Art. 17).

    Runs under the write lock from the search on, so mail imported meanwhile goes too; the
    IMAP deleter (when DRAFTER_PRIVACY_FORGET_IMAP is on) runs first, and if it fails
    nothing is erased."""
    subject = subject_hash(settings, normalise_address(address))
    actor = settings.agent_id
    with db.write() as conn:
        vacuum = _must_vacuum(conn, vacuum)
        person = find(conn, address, own_domains(settings))
        needles = person.identifiers(name_parts=True)
        typed = typed_reasons(conn, person.email_ids)  # before they are erased
        cache_files = scan_files(settings.data_dir / EVAL_CACHE, needles)
        imap_deleted = None
        if settings.privacy_forget_imap and person.email_ids:
            imap_deleted = _delete_imap(conn, person, imap_delete)
        erasure = erase_emails(conn, settings, person.email_ids, needles)
        delete_files([*erasure.files, *cache_files])  # before the commit: a rerun finds rows
        audit.record(
            conn, actor, "privacy_forget", None, subject=subject, reason="Art. 17 request",
            email_ids=erasure.emails, matched_by=sorted(set(person.matched_by.values())),
            cache_files=len(cache_files), imap_deleted=imap_deleted, vacuumed=vacuum,
            backups=len(backups_of(db)), **erasure.counts(),
        )  # fmt: skip
    compacted = compact(db, vacuum=vacuum)
    outcome = Outcome(erasure, subject, cache_files, imap_deleted, compacted)

    def in_backup(copy: Database) -> None:  # the same erasure, the main search's values too
        with copy.write() as conn:
            found = find(conn, address, own_domains(settings))
            part = erase_emails(
                conn, settings, found.email_ids, [*found.identifiers(name_parts=True), *needles]
            )
            delete_files(part.files)
            audit.record(
                conn, actor, "privacy_forget", None, subject=subject, reason="Art. 17 request",
                email_ids=part.emails, in_backup=True, vacuumed=True, **part.counts(),
            )  # fmt: skip
        compact(copy, vacuum=True)

    _apply_to_backups(db, settings, in_backup, outcome)
    outcome.mentioned_in = mentions(settings, db, [*person.identifiers(), *typed])
    memos.forget()  # no memo of this process keeps the person's words or values
    return outcome


def _apply_to_backups(
    db: Database, settings: Settings, work: Callable[[Database], object], outcome: Outcome
) -> None:
    for path, result in each_backup(db, settings, work):
        if isinstance(result, BackupProblem):
            outcome.backup_problems.append(result)
        else:
            outcome.backups.append(path)


def _delete_imap(conn: Any, person: Footprint, imap_delete: ImapDeleter | None) -> int:
    if imap_delete is None:
        raise PrivacyError(
            "DRAFTER_PRIVACY_FORGET_IMAP is on but this drafter cannot delete IMAP copies",
            hint="delete the person's mail in the mailbox by hand and set "
            "DRAFTER_PRIVACY_FORGET_IMAP=false, then run forget again",
        )
    query = select(emails.c.id, emails.c.message_id, emails.c.source).where(
        emails.c.id.in_(person.email_ids)
    )
    return imap_delete([(int(r.id), str(r.message_id), str(r.source)) for r in conn.execute(query)])


def retention_cutoff(settings: Settings, now: dt.datetime | None = None) -> dt.datetime | None:
    if settings.retention_days <= 0:
        return None
    return (now or utcnow()) - dt.timedelta(days=settings.retention_days)


def purge(
    db: Database,
    settings: Settings,
    *,
    dry_run: bool = False,
    now: dt.datetime | None = None,
    vacuum: bool | None = None,
    backups: bool = True,
) -> Outcome:
    """Erase closed emails older than the retention (a no-op when DRAFTER_RETENTION_DAYS=0),
    in the database and (with `backups`) in its SQLite backups."""
    cutoff = retention_cutoff(settings, now)
    if cutoff is None:
        return Outcome(Erasure(), dry_run=dry_run)
    query = (
        select(
            emails.c.id, emails.c.status, emails.c.updated_at, emails.c.thread_key, emails.c.sender
        )
        .where(emails.c.status.in_(sorted(queue.FINAL)))
        .where(emails.c.erased_at.is_(None))
        .where(emails.c.updated_at < cutoff)
        .order_by(emails.c.id)
    )
    with db.read() as conn:
        rows = conn.execute(query).all()
    candidates = [
        {"email_id": int(r.id), "status": r.status, "closed_at": as_utc(r.updated_at).isoformat()}
        for r in rows
    ]
    if dry_run:
        return Outcome(Erasure(), dry_run=dry_run, candidates=candidates)
    if not rows:
        outcome = Outcome(Erasure(), candidates=candidates)
        if backups:
            _apply_to_backups(db, settings, lambda c: _purge_one(c, settings, cutoff), outcome)
        return outcome
    actor = settings.agent_id
    erasure = Erasure()
    with db.write() as conn:
        vacuum = _must_vacuum(conn, vacuum)
        for lo in range(0, len(rows), PURGE_BATCH):  # each batch scrubbed with its own values
            batch = rows[lo : lo + PURGE_BATCH]
            names = _vault_values(conn, {str(r.thread_key) for r in batch})
            for r in batch:  # "Anna Schulz <anna@example.org>": the name and the address
                name, _, address = str(r.sender).partition("<")
                names += [v for v in (name.strip(), address.strip(" >")) if len(v) >= 3]
            part = erase_emails(conn, settings, [int(r.id) for r in batch], names)
            erasure.merge(part)
        delete_files(erasure.files)
        audit.record(
            conn, actor, "privacy_purge", None, retention_days=settings.retention_days,
            cutoff=cutoff.isoformat(), email_ids=erasure.emails, vacuumed=vacuum,
            **erasure.counts(),
        )  # fmt: skip
    compacted = compact(db, vacuum=vacuum)
    outcome = Outcome(erasure, compacted=compacted, candidates=candidates)
    if backups:
        _apply_to_backups(db, settings, lambda c: _purge_one(c, settings, cutoff), outcome)
    return outcome


def _purge_one(copy: Database, settings: Settings, cutoff: dt.datetime) -> Outcome:
    """The retention applied to one backup (same cutoff as the live database)."""
    return purge(copy, settings, now=cutoff + dt.timedelta(days=settings.retention_days),
                 vacuum=True, backups=False)  # fmt: skip


def _must_vacuum(conn: Any, asked: bool | None) -> bool:
    """VACUUM when asked, else once per database (see erase.ever_compacted)."""
    return asked if asked is not None else not ever_compacted(conn)


def compact_now(db: Database, settings: Settings) -> dict[str, Any]:
    """`drafter privacy compact`: VACUUM + WAL truncation, recorded in the audit log."""
    result = compact(db, vacuum=True)
    with db.write() as conn:
        audit.record(conn, settings.agent_id, "privacy_compact", None, vacuumed=True, **result)
    return result


def _vault_values(conn: Any, threads: set[str]) -> list[str]:
    """Values in these threads' vaults (scrubbed from rejection reasons and audit text)."""
    found: set[str] = set()
    for thread in threads:
        stored = queue.load_vault(conn, thread)
        if stored:
            for entity in json.loads(stored).get("entities") or []:
                value = str(entity.get("value", "")).strip()
                if len(value) >= 3:
                    found.add(value)
    return sorted(found)
