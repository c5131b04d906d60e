"""Acknowledgements of risky warnings, kept in the audit log (action `acknowledged`).

An acknowledgement counts for the email's current generation only: a newer `drafted` audit
row (a regenerated or rewritten draft) makes earlier acknowledgements void. `missing` is
what send refuses on; `record` writes one acknowledgement (agent, kind, text, span).
"""

from __future__ import annotations

from sqlalchemy import Connection

from drafter.acknowledge import key, needs_ack
from drafter.config import Settings
from drafter.models import DraftVersion, DraftWarning
from drafter.store import audit


def acknowledged(conn: Connection, email_id: int) -> set[tuple[str, str]]:
    """(kind, text) of every acknowledgement made since the latest generated draft."""
    done: set[tuple[str, str]] = set()
    for entry in audit.entries(conn, email_id):
        if entry.action == "drafted":
            done.clear()
        elif entry.action == "acknowledged":
            done.add((str(entry.detail.get("kind", "")), str(entry.detail.get("text", ""))))
    return done


def missing(conn: Connection, settings: Settings, version: DraftVersion) -> list[DraftWarning]:
    """Risky warnings of `version` that nobody has acknowledged yet."""
    done = acknowledged(conn, version.email_id)
    pending = needs_ack(settings.ack_required_warnings, version.draft.warnings, version.body)
    return [w for w in pending if key(w) not in done]


def record(conn: Connection, agent: str, version: DraftVersion, warning: DraftWarning) -> None:
    audit.record(
        conn, agent, "acknowledged", version.email_id, kind=warning.code, text=warning.message,
        span=warning.span, version=version.number,
    )  # fmt: skip
