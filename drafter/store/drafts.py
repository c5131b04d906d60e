"""Draft repository: reply versions (generated, rewritten, edited), approvals, rejections."""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from sqlalchemy import Connection, Row, Table, delete, func, insert, select, update

from drafter.models import Approval, Draft, DraftVersion
from drafter.store.clock import as_utc, utcnow
from drafter.store.schema import approvals, draft_versions, rejections

Source = Literal["generated", "rewrite", "edit"]


def sha256_text(body: str) -> str:
    """The hash an approval records: SHA-256 of the UTF-8 text."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _version(row: Row[Any]) -> DraftVersion:
    return DraftVersion(
        version_id=row.id,
        email_id=row.email_id,
        number=row.number,
        source=row.source,
        body=row.body,
        draft=Draft.model_validate_json(row.draft_json),
        created_at=as_utc(row.created_at),
        author=row.author,
    )


def add_version(
    conn: Connection,
    email_id: int,
    body: str,
    draft: Draft,
    *,
    source: Source,
    author: str,
    instruction: str = "",
) -> DraftVersion:
    """Append version n+1 for an email (inside the caller's transaction)."""
    latest = conn.execute(
        select(func.max(draft_versions.c.number)).where(draft_versions.c.email_id == email_id)
    ).scalar()
    number = int(latest or 0) + 1
    result = conn.execute(
        insert(draft_versions).values(
            email_id=email_id,
            number=number,
            source=source,
            body=body,
            body_sha256=sha256_text(body),
            author=author,
            created_at=utcnow(),
            mode=draft.mode,
            prompt_name=draft.prompt.name,
            prompt_version=draft.prompt.version,
            model=draft.model,
            warnings=len(draft.warnings),
            draft_json=draft.model_dump_json(),
            instruction=instruction,
            duration_s=round(sum(draft.timings.values())),
        )
    )
    pk = result.inserted_primary_key
    assert pk is not None
    row = conn.execute(select(draft_versions).where(draft_versions.c.id == pk[0])).one()
    return _version(row)


def amend_version(conn: Connection, version: DraftVersion, body: str, draft: Draft) -> DraftVersion:
    """Replace the text (and the draft record with its warnings) of an unapproved edit (one
    editing session is one version)."""
    conn.execute(
        update(draft_versions)
        .where(draft_versions.c.id == version.version_id)
        .values(
            body=body,
            body_sha256=sha256_text(body),
            warnings=len(draft.warnings),
            draft_json=draft.model_dump_json(),
        )
    )
    return version.model_copy(update={"body": body, "draft": draft})


def undoes(conn: Connection, version: DraftVersion, body: str) -> DraftVersion | None:
    """The version before `version` when `body` is its text again (an editing session whose
    edits were all undone), else None."""
    query = (
        select(draft_versions)
        .where(
            draft_versions.c.email_id == version.email_id,
            draft_versions.c.number < version.number,
        )
        .order_by(draft_versions.c.number.desc())
        .limit(1)
    )
    row = conn.execute(query).first()
    return _version(row) if row is not None and row.body == body else None


def drop_version(conn: Connection, version: DraftVersion) -> None:
    """Delete an unapproved edit that changed nothing in the end (see `undoes`)."""
    conn.execute(delete(draft_versions).where(draft_versions.c.id == version.version_id))


def may_amend(latest: DraftVersion | None, amend: int | None, agent: str) -> bool:
    """Whether an editing session that saved version `amend` before may update `latest` in
    place: only while that is still the latest version and an edit by `agent` (one editing
    session is one version). The caller also checks that it is not approved (`is_approved`):
    an approved text never changes."""
    return (
        latest is not None
        and amend == latest.version_id
        and latest.source == "edit"
        and latest.author == agent
    )


def is_approved(conn: Connection, version_id: int) -> bool:
    query = select(approvals.c.id).where(approvals.c.version_id == version_id).limit(1)
    return conn.execute(query).first() is not None


def versions(conn: Connection, email_id: int) -> list[DraftVersion]:
    query = (
        select(draft_versions)
        .where(draft_versions.c.email_id == email_id)
        .order_by(draft_versions.c.number)
    )
    return [_version(row) for row in conn.execute(query)]


def _newest(conn: Connection, table: Table, column: str, email_id: int) -> Row[Any] | None:
    """The email's row in `table` with the highest `column` (None when it has none)."""
    query = (
        select(table).where(table.c.email_id == email_id).order_by(table.c[column].desc()).limit(1)
    )
    return conn.execute(query).first()


def latest(conn: Connection, email_id: int) -> DraftVersion | None:
    row = _newest(conn, draft_versions, "number", email_id)
    return None if row is None else _version(row)


def _approval(row: Row[Any]) -> Approval:
    return Approval(
        email_id=row.email_id,
        version_id=row.version_id,
        approved_by=row.approved_by,
        approved_at=as_utc(row.approved_at),
        sha256=row.sha256,
    )


def add_approval(conn: Connection, version: DraftVersion, approved_by: str) -> tuple[int, Approval]:
    result = conn.execute(
        insert(approvals).values(
            email_id=version.email_id,
            version_id=version.version_id,
            approved_by=approved_by,
            approved_at=utcnow(),
            sha256=sha256_text(version.body),
        )
    )
    pk = result.inserted_primary_key
    assert pk is not None
    row = conn.execute(select(approvals).where(approvals.c.id == pk[0])).one()
    return int(pk[0]), _approval(row)


def latest_approval(conn: Connection, email_id: int) -> tuple[int, Approval] | None:
    row = _newest(conn, approvals, "id", email_id)
    return None if row is None else (int(row.id), _approval(row))


def approvals_of(conn: Connection, email_id: int) -> list[Approval]:
    query = select(approvals).where(approvals.c.email_id == email_id).order_by(approvals.c.id)
    return [_approval(row) for row in conn.execute(query)]


def add_rejection(conn: Connection, email_id: int, reason: str, rejected_by: str) -> None:
    conn.execute(
        insert(rejections).values(
            email_id=email_id, reason=reason, rejected_by=rejected_by, rejected_at=utcnow()
        )
    )
