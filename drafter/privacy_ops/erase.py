"""Erasing personal data from the store: the one routine behind `forget` and `purge`.

`erase_emails` keeps every row that analytics count (the email with its status, times,
language and contact reason; draft versions with prompt, model, warning codes and timings;
approvals, outbox rows, rejections) and overwrites everything that can identify a person:
sender, subject, Message-ID, raw MIME, the parsed email, draft texts, rewrite instructions,
vaults, free text in audit rows (every text value except codes, states and hashes:
reasons, instructions, errors, file names, acknowledged warnings with the text they quote),
rejection reasons and matching send errors. Outbox
`.eml` files are deleted. Draft texts become filler of the same length (█ ░ ▒) built so
the edit ratio between the first draft and the sent reply stays what it was, so
`drafter report` shows the same figures afterwards.

Afterwards drafter.privacy_ops.physical makes it physical (secure_delete, WAL truncation,
VACUUM) and removes the files.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, select, text, update

from drafter.config import Settings
from drafter.mail import send as mailsend
from drafter.models import Draft, DraftWarning, InboundEmail
from drafter.privacy.memos import customer_memo
from drafter.store import emails as queue
from drafter.store import queue_state
from drafter.store.clock import utcnow
from drafter.store.personal import thread_members
from drafter.store.schema import (
    approvals,
    audit_log,
    draft_versions,
    emails,
    imap_sent,
    outbox,
    rejections,
    thread_subjects,
)
from drafter.store.schema import vaults as vault_table

ERASED = "(erased)"
# audit detail keys whose text values are codes, states, hashes or drafter's own names, kept
# (unless they contain an identifier of the person); the text under every other key is free
# text (reasons, instructions, errors, paths, an acknowledged warning's message and the draft
# text it points at) and is erased whole, whatever it says: a key added later fails closed
KEPT_KEYS = frozenset(
    {
        "from", "to", "was", "status", "state", "kind", "code", "version", "mode", "model",
        "prompt", "warnings", "sha256", "message_id", "transport", "location", "folder",
        "moved_to",
    }
)  # fmt: skip
_SAME, _FIRST, _LATER = "█", "░", "▒"
_TRIGGER = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
)


@dataclass
class Erasure:
    """What one erasure touched (counts only: this goes into the audit tombstone)."""

    emails: list[int] = field(default_factory=list)
    draft_versions: int = 0
    approvals: int = 0
    outbox_rows: int = 0
    files: list[Path] = field(default_factory=list)
    vaults_deleted: int = 0
    vaults_trimmed: int = 0
    audit_rows_redacted: int = 0
    rejections_redacted: int = 0
    reopened_closed: int = 0  # open emails closed as rejected because nobody can answer them

    def merge(self, other: Erasure) -> None:
        """Add another batch's figures to these."""
        self.emails = sorted([*self.emails, *other.emails])
        self.files += other.files
        for name in (
            "draft_versions", "approvals", "outbox_rows", "vaults_deleted", "vaults_trimmed",
            "audit_rows_redacted", "rejections_redacted", "reopened_closed",
        ):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def counts(self) -> dict[str, int]:
        return {
            "emails": len(self.emails),
            "draft_versions": self.draft_versions,
            "approvals": self.approvals,
            "outbox_rows": self.outbox_rows,
            "files": len(self.files),
            "vaults_deleted": self.vaults_deleted,
            "vaults_trimmed": self.vaults_trimmed,
            "audit_rows_redacted": self.audit_rows_redacted,
            "rejections_redacted": self.rejections_redacted,
            "open_emails_closed": self.reopened_closed,
        }


def _sha(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def filler_pair(first: str, sent: str) -> tuple[str, str]:
    """Two texts of the same lengths as `first`/`sent` with the same difflib ratio, no words."""
    if first.strip() == sent.strip():  # sent unchanged: same core, edge whitespace kept

        def fill(text: str) -> str:
            core = text.strip()
            start = len(text) - len(text.lstrip())
            return text[:start] + _SAME * len(core) + text[start + len(core) :]

        return fill(first), fill(sent)
    ratio = difflib.SequenceMatcher(None, first, sent, autojunk=False).ratio()
    same = min(len(first), len(sent), round(ratio * (len(first) + len(sent)) / 2))
    return (
        _SAME * same + _FIRST * (len(first) - same),
        _SAME * same + _LATER * (len(sent) - same),
    )


def _word(needle: str) -> str:
    return r"(?<![^\W_])" + re.escape(needle) + r"(?![^\W_])"


@customer_memo  # the erased person's values: emptied at the end of `forget`
@functools.lru_cache(maxsize=16)
def _pattern(needles: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = [_word(n) for n in sorted(set(needles), key=len, reverse=True) if n]
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def _contains(haystack: str, needles: Iterable[str]) -> bool:
    """Whether any needle occurs as a whole word (case-insensitive): "Anna" not in "Johanna"."""
    pattern = _pattern(tuple(needles))
    return bool(pattern is not None and pattern.search(haystack))


def scrub_detail(detail: str, identifiers: list[str]) -> str:
    """An audit row's JSON detail with free text and identifying values replaced."""
    try:
        data = json.loads(detail or "{}")
    except ValueError:
        return json.dumps({"detail": ERASED})
    if not isinstance(data, dict):
        return json.dumps({"detail": ERASED})

    def clean(key: str, value: Any) -> Any:
        if isinstance(value, str):
            if (key not in KEPT_KEYS and value) or _contains(value, identifiers):
                return ERASED
            return value
        if isinstance(value, list):
            return [clean(key, v) for v in value]
        if isinstance(value, dict):  # {"prompt": {"name": ..., "version": ...}}: the outer key
            return {k: clean(key if key in KEPT_KEYS else k, v) for k, v in value.items()}
        return value

    return json.dumps({k: clean(k, v) for k, v in data.items()}, ensure_ascii=False, sort_keys=True)


def _erase_drafts(conn: Connection, ids: list[int], result: Erasure) -> None:
    rows = conn.execute(
        select(draft_versions)
        .where(draft_versions.c.email_id.in_(ids))
        .order_by(draft_versions.c.email_id, draft_versions.c.number)
    ).all()
    sent_version = {
        int(r.email_id): int(r.version_id)
        for r in conn.execute(
            select(outbox.c.email_id, approvals.c.version_id)
            .join(approvals, approvals.c.id == outbox.c.approval_id)
            .where(outbox.c.email_id.in_(ids), outbox.c.state == "sent")
            .order_by(outbox.c.id.desc())
        )
    }
    by_email: dict[int, list[Any]] = {}
    for row in rows:
        by_email.setdefault(int(row.email_id), []).append(row)
    new_body: dict[int, str] = {}
    for email_id, versions in by_email.items():
        first = next((v for v in versions if v.source == "generated"), None)
        sent = next((v for v in versions if v.id == sent_version.get(email_id)), None)
        for v in versions:
            new_body[int(v.id)] = ""
        if first is not None:
            fill_first, fill_sent = filler_pair(first.body, sent.body if sent else first.body)
            new_body[int(first.id)] = fill_first
            if sent is not None and sent.id != first.id:
                new_body[int(sent.id)] = fill_sent
        elif sent is not None:
            new_body[int(sent.id)] = _LATER * len(sent.body)
    for row in rows:
        body = new_body[int(row.id)]
        try:
            old = Draft.model_validate_json(row.draft_json)
            draft = Draft(
                body=body,
                language=old.language,
                contact_reason=old.contact_reason,
                mode=old.mode,
                prompt=old.prompt,
                model=old.model,
                warnings=[DraftWarning(code=w.code, message=ERASED) for w in old.warnings],
                timings=old.timings,
                usage=old.usage,
            )
        except ValueError:
            draft = Draft(body=body)
        conn.execute(
            update(draft_versions)
            .where(draft_versions.c.id == row.id)
            .values(
                body=body,
                body_sha256=_sha(body),
                draft_json=draft.model_dump_json(),
                instruction="",
            )
        )
    result.draft_versions += len(rows)
    for approval in conn.execute(
        select(approvals.c.id, approvals.c.version_id).where(approvals.c.email_id.in_(ids))
    ).all():
        body = new_body.get(int(approval.version_id), "")
        conn.execute(
            update(approvals).where(approvals.c.id == approval.id).values(sha256=_sha(body))
        )
        result.approvals += 1


def _erase_outbox(conn: Connection, settings: Settings, ids: list[int], result: Erasure) -> None:
    for row in conn.execute(select(outbox).where(outbox.c.email_id.in_(ids))).all():
        for path in {Path(row.location) if row.location else None,
                     mailsend.outbox_file(settings, row.message_id)}:  # fmt: skip
            if path is not None and path.is_file():
                result.files.append(path)
        if row.error:  # a transport message may quote the address
            conn.execute(update(outbox).where(outbox.c.id == row.id).values(error=ERASED))
        result.outbox_rows += 1


def _erase_vaults(
    conn: Connection, threads: set[str], ids: set[int], identifiers: list[str], result: Erasure
) -> None:
    members = thread_members(conn, threads)  # live (not yet erased) emails per thread
    for thread in sorted(threads):
        others = [m for m in members.get(thread, []) if m not in ids]
        if not others:
            done = conn.execute(delete(vault_table).where(vault_table.c.thread_key == thread))
            result.vaults_deleted += done.rowcount
            continue
        stored = queue.load_vault(conn, thread)  # another person's email shares the thread
        if stored is None:
            continue
        data = json.loads(stored)
        kept = [e for e in data.get("entities") or [] if not _contains(str(e.get("value", "")),
                                                                      identifiers)]  # fmt: skip
        if len(kept) != len(data.get("entities") or []):
            data["entities"] = kept
            queue.save_vault(conn, thread, json.dumps(data, ensure_ascii=False))
            result.vaults_trimmed += 1


def _redact_audit(
    conn: Connection, ids: list[int], identifiers: list[str], result: Erasure
) -> None:
    """Rewrite audit rows of the erased emails (and free-standing rows naming the person).

    The log is append-only (a trigger on SQLite and on PostgreSQL); the erasure is the one
    sanctioned rewrite: the trigger is dropped and re-created (SQLite) or disabled and
    enabled (PostgreSQL) inside this same transaction, so no other connection ever sees the
    log writable, and the tombstone row records what happened."""
    targets = list(
        conn.execute(
            select(audit_log.c.id, audit_log.c.detail).where(audit_log.c.email_id.in_(ids))
        ).all()
    )
    if identifiers:
        loose = conn.execute(
            select(audit_log.c.id, audit_log.c.detail).where(audit_log.c.email_id.is_(None))
        ).all()
        targets += [r for r in loose if _contains(r.detail or "", identifiers)]
    changes = [(r.id, scrub_detail(r.detail, identifiers)) for r in targets]
    changes = [(i, d) for (i, d), r in zip(changes, targets, strict=True) if d != r.detail]
    if not changes:
        return
    postgres = conn.dialect.name == "postgresql"
    guarded = (
        conn.dialect.name == "sqlite"
        and conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='trigger' AND name='audit_log_no_update'")
        ).first()
    )
    if guarded:
        conn.execute(text("DROP TRIGGER audit_log_no_update"))
    if postgres:  # the trigger of revision 0007; ALTER TABLE locks the table until commit
        conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change"))
    for row_id, detail in changes:
        conn.execute(update(audit_log).where(audit_log.c.id == row_id).values(detail=detail))
    if guarded:
        conn.execute(text(_TRIGGER))
    if postgres:
        conn.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change"))
    result.audit_rows_redacted += len(changes)


def _blank_email(row: Any) -> str:
    try:
        old = InboundEmail.model_validate_json(row.email_json)
        blank = InboundEmail(date=old.date, language=old.language, status=old.status)
    except ValueError:
        blank = InboundEmail()
    return blank.model_dump_json(by_alias=True)


def _erase_mailbox_records(
    conn: Connection, ids: list[int], threads: set[str], identifiers: list[str]
) -> None:
    """The live mailbox's records: reply bytes owed to the Sent folder, and the
    sender + subject index that joins follow-ups to a thread."""
    conn.execute(delete(imap_sent).where(imap_sent.c.email_id.in_(ids)))
    addresses = [i.lower() for i in identifiers if "@" in i]
    conn.execute(
        delete(thread_subjects).where(
            thread_subjects.c.thread_key.in_(threads) | thread_subjects.c.address.in_(addresses)
        )
    )


def erase_emails(
    conn: Connection,
    settings: Settings,
    ids: list[int],
    identifiers: list[str],
) -> Erasure:
    """Erase the personal data of these emails (inside the caller's write transaction).

    Files to delete are listed in the result; `delete_files` removes them. `identifiers`
    are values to scrub from free text (address, vault values, names)."""
    result = Erasure(emails=sorted(ids))
    if not ids:
        return result
    rows = conn.execute(select(emails).where(emails.c.id.in_(ids))).all()
    threads = {str(r.thread_key) for r in rows}
    _erase_vaults(conn, threads, set(ids), identifiers, result)
    _erase_drafts(conn, ids, result)
    _erase_outbox(conn, settings, ids, result)
    _erase_mailbox_records(conn, ids, threads, identifiers)
    # a rejection reason is free text an agent typed about this person's mail: erased whole,
    # like the free text of audit rows (a phone number no vault knows is personal data too)
    for reason in conn.execute(select(rejections).where(rejections.c.email_id.in_(ids))).all():
        if reason.reason and reason.reason != ERASED:
            conn.execute(
                update(rejections).where(rejections.c.id == reason.id).values(reason=ERASED)
            )
            result.rejections_redacted += 1
    now = utcnow()
    for row in rows:
        values: dict[str, Any] = {
            "import_key": f"erased:{row.id}",
            "message_id": "",
            "thread_key": f"erased:{row.id}",
            "sender": "",
            "subject": "",
            "source": "",
            "raw": b"",
            "email_json": _blank_email(row),
            "search_text": "",
            "claimed_by": "",
            "claimed_at": None,
            "claim_expires_at": None,
            "claim_kind": "",
            "claim_owner": "",
            "erased_at": now,
            "updated_at": now,
        }
        conn.execute(update(emails).where(emails.c.id == row.id).values(**values))
        if row.status not in queue.FINAL:
            # nobody can answer it any more: closed (through the state machine, audited as
            # `erased`), but without a rejection row, so the rejection figures of `drafter
            # report` stay what they were
            queue_state.transition(conn, row.id, "rejected", "drafter", "erased", force=True)
            result.reopened_closed += 1
    _redact_audit(conn, ids, identifiers, result)
    return result
