"""Shared helpers for the desk, send and crash tests: queue emails without the parser."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

from drafter.desk import Desk
from drafter.models import (
    Address,
    Delta,
    Done,
    Draft,
    DraftEvent,
    DraftWarning,
    Failed,
    InboundEmail,
    PromptRef,
    Retrieved,
)
from drafter.store import audit, emails


def inbound(n: int, *, subject: str = "", sender: str = "Anna Schulz") -> InboundEmail:
    return InboundEmail(
        message_id=f"<customer-{n}@example.org>",
        references=[f"<root-{n}@example.org>"] if n % 2 else [],
        **{"from": Address(name=sender, email=f"kunde{n}@example.org")},
        date=dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC) + dt.timedelta(minutes=n),
        subject=subject or f"Frage zum Abschlag {n}",
        body=f"Guten Tag, ich möchte meinen Abschlag ändern. Nachricht {n}.",
        language="de",
    )


def queue_emails(desk: Desk, count: int, start: int = 0) -> list[int]:
    ids: list[int] = []
    with desk.db.write() as conn:
        for n in range(start, start + count):
            mail = inbound(n)
            raw = f"Message-ID: {mail.message_id}\r\nSubject: {mail.subject}\r\n\r\nx\r\n"
            email_id = emails.add(conn, mail, raw.encode(), mail.message_id, f"{n}.eml")
            assert email_id is not None
            audit.record(conn, "test", "imported", email_id)
            ids.append(email_id)
    return ids


class ScriptedEngine:
    """A drafting engine that plays fixed events (the real engine is tested elsewhere)."""

    def __init__(
        self,
        *,
        fail: bool = False,
        stop_early: bool = False,
        warnings: list[DraftWarning] | None = None,
        body: str = "",
    ) -> None:
        self.fail = fail
        self.stop_early = stop_early
        self.warnings = (
            warnings
            if warnings is not None
            else [DraftWarning(code="kb_gap", message="weak retrieval")]
        )
        self.body = body
        self.calls: list[tuple[str, str]] = []

    async def _play(self, body: str) -> AsyncIterator[DraftEvent]:
        yield Retrieved(passages=[])
        for word in body.split(" "):
            yield Delta(text=word + " ")
        if self.stop_early:
            return
        if self.fail:
            yield Failed(message="model unreachable", hint="is the server running?")
            return
        yield Done(
            draft=Draft(
                body=body,
                contact_reason="abschlag",
                prompt=PromptRef(name="reply", version="3"),
                model="test-model",
                warnings=list(self.warnings),
                timings={"llm": 1.4},
            )
        )

    def draft(self, email: InboundEmail, **_: object) -> AsyncIterator[DraftEvent]:
        self.calls.append(("draft", email.subject))
        return self._play(self.body or f"Sehr geehrte Frau Schulz, zu {email.subject}: gern. [1]")

    def rewrite(
        self, email: InboundEmail, current: str, instruction: str, **_: object
    ) -> AsyncIterator[DraftEvent]:
        self.calls.append(("rewrite", instruction))
        return self._play(f"{current} ({instruction})")


def save_thread_vault(desk: Any, email_id: int) -> None:
    """Redact an email the way drafting does, so its thread's vault is stored."""
    desk._privacy().redact_email(desk.email(email_id).email)
