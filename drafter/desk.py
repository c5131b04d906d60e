"""The review desk: the DeskService implementation over the store, the engine and sending.

`Desk(settings, engine=None)` opens (and migrates) the state database at once but imports
the drafting engine, retriever and privacy code only when first needed, so the queue shows
fast. Every state change is persisted, with an audit row, before a method returns. Sending
follows a two-phase protocol (intent committed, transport, result committed) so a crash can
never send a reply twice; `recover()` reconciles what a crash left behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterable
from typing import Any

from pydantic import BaseModel

from drafter.config import Settings
from drafter.errors import DrafterError, MailError, StoreError
from drafter.mail import send as mailsend
from drafter.models import (
    Approval,
    Done,
    Draft,
    DraftEvent,
    DraftVersion,
    EmailRecord,
    Failed,
    InboundEmail,
    QueueItem,
    QueueStatus,
    SendResult,
)
from drafter.store import audit, drafts, emails, outbox
from drafter.store.db import Database, as_utc, open_database, utcnow


class ImportReport(BaseModel):
    imported: int = 0
    duplicates: int = 0
    quarantined: int = 0
    email_ids: list[int] = []


def _not_final(status: str, email_id: int, action: str) -> None:
    if status in emails.FINAL:
        raise StoreError(
            f"email {email_id} is already {status}; cannot {action} it",
            hint="pick another email from the queue",
        )


class Desk:
    """What an agent can do with the queue (implements drafter.service.DeskService)."""

    def __init__(
        self,
        settings: Settings,
        engine: Any = None,
        *,
        retriever: Any = None,
        db: Database | None = None,
        no_llm: bool = False,
    ) -> None:
        self.settings = settings
        self.agent = settings.agent_id
        self.no_llm = no_llm
        self._engine = engine
        self._retriever = retriever
        self.db = db or open_database(settings)
        self.recover()

    def close(self) -> None:
        self.db.close()

    # --- intake --------------------------------------------------------------------------

    def import_messages(self, messages: Iterable[tuple[str, bytes]]) -> ImportReport:
        """Parse and queue raw messages; an already imported message is a no-op."""
        from drafter.mail.parse import parse_email
        from drafter.mail.sources import import_key

        report = ImportReport()
        batch: list[tuple[str, bytes, InboundEmail]] = []
        for source, raw in messages:
            batch.append((source, raw, parse_email(raw)))
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
                email_id = emails.add(conn, parsed, raw, str(key(parsed)), source)
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

    # --- reading -------------------------------------------------------------------------

    def queue(self, *, status: QueueStatus | None = None, search: str = "") -> list[QueueItem]:
        with self.db.read() as conn:
            return emails.listing(conn, status=status, search=search)

    def counts(self) -> dict[str, int]:
        with self.db.read() as conn:
            return emails.counts(conn)

    def email(self, email_id: int) -> EmailRecord:
        with self.db.read() as conn:
            return emails.get(conn, email_id)

    def raw(self, email_id: int) -> bytes:
        """The original bytes as imported (re-parse with drafter.mail.parse)."""
        with self.db.read() as conn:
            return emails.raw(conn, email_id)

    def versions(self, email_id: int) -> list[DraftVersion]:
        with self.db.read() as conn:
            emails.get(conn, email_id)
            return drafts.versions(conn, email_id)

    def approvals(self, email_id: int) -> list[Approval]:
        with self.db.read() as conn:
            return drafts.approvals_of(conn, email_id)

    def sends(self, email_id: int) -> list[outbox.OutboxRow]:
        with self.db.read() as conn:
            return outbox.of_email(conn, email_id)

    def audit(self, email_id: int | None = None) -> list[audit.AuditEntry]:
        with self.db.read() as conn:
            return audit.entries(conn, email_id)

    def pending_drafts(self) -> list[int]:
        with self.db.read() as conn:
            return emails.ids_with_status(conn, "new")

    def redacted(self, email_id: int) -> str:
        """Subject and newest message pseudonymized with the thread's stored vault."""
        from drafter.privacy import Pseudonymizer, Vault

        record = self.email(email_id)
        with self.db.write() as conn:
            thread = emails.thread_of(conn, email_id)
            stored = emails.load_vault(conn, thread)
            vault = Vault.model_validate_json(stored) if stored else None
            red, vault = Pseudonymizer(self.settings).redact_email(record.email, vault=vault)
            emails.save_vault(conn, thread, vault.model_dump_json())
        return f"Subject: {red.subject}\n\n{red.body}"

    def article(self, kb_id: str) -> str:
        found = self._get_retriever().article(kb_id)
        if isinstance(found, str):
            return found
        title, url, body = found.get("title", kb_id), found.get("url", ""), found.get("text", "")
        return f"# {title}\n\n{url}\n\n{body}".replace("\n\n\n\n", "\n\n")

    # --- drafting ------------------------------------------------------------------------

    def _get_retriever(self) -> Any:
        if self._retriever is None:
            from drafter.knowledge import open_retriever

            self._retriever = open_retriever(self.settings)
        return self._retriever

    def _get_engine(self) -> Any:
        if self._engine is None:
            from drafter.drafting.engine import DraftingEngine

            self._engine = DraftingEngine(self.settings, self._get_retriever())
        return self._engine

    async def draft(self, email_id: int, *, instruction: str = "") -> AsyncIterator[DraftEvent]:
        """Run the engine; the version is saved before `Done` is passed on."""
        with self.db.write() as conn:
            record = emails.get(conn, email_id)
            _not_final(record.status, email_id, "draft")
            latest = drafts.latest(conn, email_id)
            previous = emails.set_status(conn, email_id, "drafting")
            audit.record(conn, self.agent, "draft_started", email_id, instruction=instruction)
        finished = False
        try:
            try:
                engine = self._get_engine()
                if instruction and latest is not None:
                    events = engine.rewrite(record.email, latest.body, instruction)
                else:
                    events = engine.draft(record.email, no_llm=self.no_llm)
                async for event in events:
                    if isinstance(event, Done):
                        self._save_generated(email_id, event.draft, instruction, previous, latest)
                        finished = True
                    elif isinstance(event, Failed):
                        self._draft_failed(email_id, event, previous, latest)
                        finished = True
                    yield event
                    if finished:
                        return
            except DrafterError as exc:
                failed = Failed(message=exc.message, hint=exc.hint)
                self._draft_failed(email_id, failed, previous, latest)
                finished = True
                yield failed
                return
            if not finished:
                failed = Failed(
                    message="the drafting engine stopped without a result",
                    hint="try drafting again",
                )
                self._draft_failed(email_id, failed, previous, latest)
                finished = True
                yield failed
        finally:
            if not finished:  # cancelled: put the email back where it was
                with self.db.write() as conn:
                    if emails.status_of(conn, email_id) == "drafting":
                        emails.set_status(conn, email_id, _after_drafting(previous, latest))
                        audit.record(conn, self.agent, "draft_cancelled", email_id)

    def _save_generated(
        self,
        email_id: int,
        draft: Draft,
        instruction: str,
        previous: str,
        latest: DraftVersion | None,
    ) -> None:
        source: drafts.Source = "rewrite" if instruction and latest else "generated"
        with self.db.write() as conn:
            version = drafts.add_version(
                conn, email_id, draft.body, draft, source=source, author=self.agent,
                instruction=instruction,
            )  # fmt: skip
            emails.mark_ready(conn, email_id, draft.contact_reason, len(draft.warnings))
            if previous == "in_review":
                emails.set_status(conn, email_id, "in_review")
            audit.record(
                conn, self.agent, "drafted", email_id, version=version.number, source=source,
                mode=draft.mode, model=draft.model, prompt=draft.prompt.model_dump(),
                warnings=[w.code for w in draft.warnings],
            )  # fmt: skip

    def _draft_failed(
        self, email_id: int, failed: Failed, previous: str, latest: DraftVersion | None
    ) -> None:
        status = "needs_attention" if latest is None else _after_drafting(previous, latest)
        with self.db.write() as conn:
            emails.set_status(conn, email_id, status)  # type: ignore[arg-type]
            audit.record(conn, self.agent, "draft_failed", email_id, message=failed.message)

    # --- review --------------------------------------------------------------------------

    def _check_claim(self, record: EmailRecord) -> None:
        if record.claimed_by not in ("", self.agent):
            raise StoreError(
                f"email {record.email_id} is claimed by {record.claimed_by}",
                hint="ask them to release it, or pick another email",
            )

    def save_edit(self, email_id: int, body: str) -> DraftVersion:
        with self.db.write() as conn:
            return self._save_edit(conn, email_id, body)

    def _save_edit(self, conn: Any, email_id: int, body: str) -> DraftVersion:
        record = emails.get(conn, email_id)
        self._check_claim(record)
        latest = drafts.latest(conn, email_id)
        if latest is not None and latest.body == body:
            return latest
        _not_final(record.status, email_id, "edit")
        base = (
            latest.draft if latest is not None else Draft(body=body, language=record.email.language)
        )
        version = drafts.add_version(conn, email_id, body, base, source="edit", author=self.agent)
        if record.status in ("new", "ready", "needs_attention"):
            emails.set_status(conn, email_id, "in_review")
        audit.record(conn, self.agent, "edited", email_id, version=version.number)
        return version

    def approve(self, email_id: int, body: str) -> Approval:
        if not body.strip():
            raise StoreError(
                f"the reply to email {email_id} is empty", hint="write a reply before approving"
            )
        with self.db.write() as conn:
            version = self._save_edit(conn, email_id, body)
            _not_final(emails.status_of(conn, email_id), email_id, "approve")
            _, approval = drafts.add_approval(conn, version, self.agent)
            audit.record(
                conn, self.agent, "approved", email_id, version=version.number,
                sha256=approval.sha256,
            )  # fmt: skip
            return approval

    def reject(self, email_id: int, reason: str) -> None:
        with self.db.write() as conn:
            record = emails.get(conn, email_id)
            self._check_claim(record)
            _not_final(record.status, email_id, "reject")
            drafts.add_rejection(conn, email_id, reason, self.agent)
            emails.set_status(conn, email_id, "rejected")
            audit.record(conn, self.agent, "rejected", email_id, reason=reason)

    def claim(self, email_id: int) -> None:
        with self.db.write() as conn:
            if not emails.claim(conn, email_id, self.agent):
                holder = emails.get(conn, email_id).claimed_by
                raise StoreError(
                    f"email {email_id} is claimed by {holder}",
                    hint="ask them to release it, or pick another email",
                )
            if emails.status_of(conn, email_id) == "ready":
                emails.set_status(conn, email_id, "in_review")
            audit.record(conn, self.agent, "claimed", email_id)

    def release(self, email_id: int) -> None:
        with self.db.write() as conn:
            if emails.release(conn, email_id, self.agent):
                audit.record(conn, self.agent, "released", email_id)

    # --- sending -------------------------------------------------------------------------

    def send(self, email_id: int) -> SendResult:
        """Send the approved reply once: intent committed, transport, result committed."""
        transport = mailsend.transport_of(self.settings)
        with self.db.write() as conn:
            record = emails.get(conn, email_id)
            self._check_claim(record)
            if record.status == "rejected":
                _not_final(record.status, email_id, "send")
            latest = drafts.latest(conn, email_id)
            approved = drafts.latest_approval(conn, email_id)
            if latest is None or approved is None:
                raise StoreError(
                    f"the reply to email {email_id} has not been approved",
                    hint="approve the reply before sending it",
                )
            approval_id, approval = approved
            if approval.sha256 != drafts.sha256_text(latest.body):
                raise StoreError(
                    f"the reply to email {email_id} changed after it was approved",
                    hint="approve the current text again before sending",
                )
            key = emails.import_key_of(conn, email_id)
            message_id = mailsend.reply_message_id(self.settings, f"{key}\n{approval.sha256}")
            existing = outbox.by_message_id(conn, message_id)
            done = self._resolve_existing(conn, email_id, existing)
            if done is None and existing is None and record.status == "sent":
                raise StoreError(
                    f"email {email_id} was already answered with a different text",
                    hint="start a new email for a follow-up",
                )
            if done is None:
                outbox.begin_send(conn, email_id, approval_id, message_id, transport)
                audit.record(conn, self.agent, "send_started", email_id, message_id=message_id)
        if isinstance(done, SendResult):
            return done
        if isinstance(done, DrafterError):
            raise done
        message = mailsend.build_reply(record.email, latest.body, self.settings,
                                       message_id=message_id)  # fmt: skip
        try:
            if transport == "outbox":
                path, created = mailsend.write_outbox(self.settings, message, message_id)
                location, already = str(path), not created
            else:
                location, already = mailsend.send_smtp(self.settings, message), False
        except mailsend.SendUncertain as exc:
            with self.db.write() as conn:
                outbox.finish(conn, message_id, "needs_attention", error=exc.message)
                emails.set_status(conn, email_id, "needs_attention")
                audit.record(conn, self.agent, "send_uncertain", email_id, error=exc.message)
            raise
        except MailError as exc:
            with self.db.write() as conn:
                outbox.finish(conn, message_id, "failed", error=exc.message)
                audit.record(conn, self.agent, "send_failed", email_id, error=exc.message)
            raise
        with self.db.write() as conn:
            outbox.finish(conn, message_id, "sent", location=location)
            emails.set_status(conn, email_id, "sent")
            audit.record(conn, self.agent, "sent", email_id, message_id=message_id,
                         transport=transport, location=location)  # fmt: skip
        return SendResult(
            email_id=email_id,
            message_id=message_id,
            transport=transport,
            location=location,
            already_sent=already,
        )  # type: ignore[arg-type]

    def _resolve_existing(
        self, conn: Any, email_id: int, row: outbox.OutboxRow | None
    ) -> SendResult | DrafterError | None:
        """What an earlier attempt with the same Message-ID means for this one."""
        if row is None or row.state == "failed":
            return None
        result = SendResult(
            email_id=email_id,
            message_id=row.message_id,
            transport=row.transport,
            location=row.location,
            already_sent=True,
        )
        if row.state == "sent":
            return result
        if row.state == "sending" and row.transport == "outbox":
            path = mailsend.outbox_file(self.settings, row.message_id)
            if not path.exists():
                return None  # the file is the proof; without it nothing went out
            outbox.finish(conn, row.message_id, "sent", location=str(path))
            emails.set_status(conn, email_id, "sent")
            audit.record(conn, self.agent, "sent", email_id, message_id=row.message_id,
                         transport="outbox", location=str(path), recovered=True)  # fmt: skip
            return result.model_copy(update={"location": str(path)})
        if row.state == "sending":  # smtp: we cannot know whether the server got it
            outbox.finish(conn, row.message_id, "needs_attention",
                          error="an earlier SMTP attempt did not finish")  # fmt: skip
            emails.set_status(conn, email_id, "needs_attention")
            audit.record(conn, self.agent, "send_uncertain", email_id, message_id=row.message_id)
        return StoreError(
            f"an earlier attempt to send the reply to email {email_id} over SMTP did not "
            "finish; it may have been delivered",
            hint=f"check the sent folder for Message-ID {row.message_id}; reject the email "
            "if it arrived",
        )

    def recover(self) -> dict[str, int]:
        """Reconcile what a crash left: unfinished sends, emails stuck in `drafting`."""
        fixed = {"sends": 0, "drafting": 0}
        mailsend.clean_outbox_temp(self.settings)
        stale = utcnow() - dt.timedelta(seconds=self.settings.llm_total_timeout + 60)
        with self.db.write() as conn:
            for row in outbox.with_state(conn, "sending"):
                if row.transport == "outbox" or row.created_at < stale:
                    outcome = self._resolve_existing(conn, row.email_id, row)
                    fixed["sends"] += outcome is not None
            for email_id in emails.ids_with_status(conn, "drafting"):
                record = emails.get(conn, email_id)
                updated = emails.updated_at(conn, email_id)
                if as_utc(updated) < stale:
                    latest = drafts.latest(conn, email_id)
                    emails.set_status(conn, email_id, "new" if latest is None else "ready")
                    audit.record(conn, "drafter", "recovered", record.email_id, was="drafting")
                    fixed["drafting"] += 1
        return fixed


def _after_drafting(previous: str, latest: DraftVersion | None) -> QueueStatus:
    """Where an email goes back to when a (re)draft does not produce a version."""
    if previous in ("drafting", "new"):
        return "new" if latest is None else "ready"
    return previous  # type: ignore[return-value]
