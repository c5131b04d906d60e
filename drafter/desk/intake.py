"""Intake: parse raw messages and queue them (`Desk.import_messages`, `ImportReport`)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from drafter.desk.base import DeskBase
from drafter.models import InboundEmail
from drafter.store import audit, emails
from drafter.triage import urgency


class ImportReport(BaseModel):
    imported: int = 0
    duplicates: int = 0
    quarantined: int = 0
    email_ids: list[int] = []


class Intake(DeskBase):
    """Parse and queue raw messages."""

    def import_messages(self, messages: Iterable[tuple[str, bytes]]) -> ImportReport:
        """Parse and queue raw messages; an already imported message is a no-op."""
        from drafter.mail.parse import parse_email, parse_limits
        from drafter.mail.sources import import_key

        report = ImportReport()
        batch: list[tuple[str, bytes, InboundEmail]] = []
        for source, raw in messages:
            try:
                parsed = parse_email(raw, **parse_limits(self.settings))
            except Exception as exc:  # one bad email never stops the run: it is quarantined
                parsed = InboundEmail(
                    status="quarantined",
                    reason=f"could not parse: {type(exc).__name__}: {str(exc)[:200]}",
                    content_hash=hashlib.sha256(raw).hexdigest(),
                )
            batch.append((source, raw, parsed))
            if len(batch) >= 200:
                self._import_batch(batch, report, import_key)
                batch = []
        self._import_batch(batch, report, import_key)
        return report

    def _import_batch(
        self, batch: list[tuple[str, bytes, InboundEmail]], report: ImportReport, key: Any
    ) -> None:
        if not batch:
            return
        with self.db.write() as conn:
            for source, raw, parsed in batch:
                email_id = emails.add(
                    conn, parsed, raw, str(key(parsed)), source, urgency=urgency(parsed)
                )
                if email_id is None:
                    report.duplicates += 1
                    continue
                report.imported += 1
                report.email_ids.append(email_id)
                if parsed.status == "quarantined":
                    report.quarantined += 1
                audit.record(
                    conn, self.agent, "imported", email_id, source=source, status=parsed.status
                )
