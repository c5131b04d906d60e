"""Shared helpers for the desk, send, report and crash tests: queue emails without the parser,
raw customer mails, a small real index of German sample articles."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from drafter.config import Settings
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
from tests.conftest import ROOT

# three German sample articles: enough for answerable mails and for clear knowledge gaps
SMALL_KB = ["de-abschlag-anpassen", "de-zaehlerstand-melden", "de-kuendigung-ordentlich"]


def raw_email(n: int, subject: str, body: str, tag: str = "customer") -> bytes:
    """A plain German customer mail from `kunde{n}@example.org` (Message-ID `<{tag}-{n}@…>`)."""
    return (
        f"From: Kunde {n} <kunde{n}@example.org>\r\n"
        "To: service@stadtwerke-nordlicht.de\r\n"
        f"Subject: {subject}\r\n"
        f"Message-ID: <{tag}-{n}@example.org>\r\n"
        "Date: Mon, 05 Oct 2026 08:00:00 +0200\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "MIME-Version: 1.0\r\n\r\n"
        f"Guten Tag,\r\n\r\n{body}\r\n\r\nViele Grüße\r\nKunde {n}\r\n"
    ).encode()


def small_index(root: Path, names: list[str] = SMALL_KB) -> Path:
    """A real index of the named sample articles (kb/de) under `root`; its index folder."""
    from drafter.knowledge.ingest import ingest

    kb = root / "kb"
    kb.mkdir()
    for name in names:
        shutil.copy(ROOT / "kb" / "de" / f"{name}.md", kb / f"{name}.md")
    settings = Settings(data_dir=root / "data")
    assert ingest(settings, [kb]).added == len(names)
    return settings.index_dir


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
