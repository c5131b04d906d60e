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
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from sqlalchemy import func

from drafter.config import Settings
from drafter.errors import DrafterError, StoreError
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
from drafter.store import audit, drafts, emails, outbox, queue_state, schema, vaults
from drafter.store.db import Database, open_database, utcnow
from drafter.store.queue_state import Claim

if TYPE_CHECKING:
    from drafter.evaluation.analytics import Analytics


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
        self.lease = settings.claim_lease_seconds
        # a drafting claim must outlive one LLM call even between renewals
        self.draft_lease = max(self.lease, settings.llm_total_timeout + 30)
        self.no_llm = no_llm
        self._engine = engine
        self._retriever = retriever
        self.db = db or open_database(settings)
        self.recover()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- intake --------------------------------------------------------------------------

    def import_messages(self, messages: Iterable[tuple[str, bytes]]) -> ImportReport:
        """Parse and queue raw messages; an already imported message is a no-op."""
        from drafter.mail.parse import parse_email
        from drafter.mail.sources import import_key

        report = ImportReport()
        batch: list[tuple[str, bytes, InboundEmail]] = []
        for source, raw in messages:
            parsed = parse_email(raw, default_language=self.settings.language_default)
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

    def changes(self) -> int:
        """A token that changes when another agent or process changes the queue (the live
        queue polls it; one indexed lookup)."""
        with self.db.read() as conn:
            return audit.last_change(conn, not_by=self.agent)

    def pending_drafts(self) -> list[int]:
        with self.db.read() as conn:
            return emails.ids_with_status(conn, "new", unclaimed=True)

    def stats(self) -> Analytics:
        """The figures of `drafter report` (drafter.evaluation.analytics), for the stats screen."""
        from drafter.evaluation.analytics import collect

        return collect(self.db)

    def redacted(self, email_id: int) -> str:
        """Subject and newest message pseudonymized with the thread's stored vault."""
        from drafter.privacy import Pseudonymizer

        record = self.email(email_id)
        privacy = vaults.StoredVaultPrivacy(self.db, Pseudonymizer(self.settings))
        red, _ = privacy.redact_email(record.email)
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
            from drafter.knowledge.retrieve import open_retriever

            self._retriever = open_retriever(self.settings)
        return self._retriever

    def engine(self) -> Any:
        """The drafting engine (built on first use; raises KnowledgeBaseError without an index)."""
        return self._get_engine()

    def _get_engine(self) -> Any:
        if self._engine is None:
            from drafter.drafting.engine import DraftingEngine, PrivacyAdapter

            privacy = vaults.StoredVaultPrivacy(self.db, PrivacyAdapter(self.settings))
            self._engine = DraftingEngine(self.settings, self._get_retriever(), privacy=privacy)
        return self._engine

    async def draft(self, email_id: int, *, instruction: str = "") -> AsyncIterator[DraftEvent]:
        """Run the engine; the version is saved before `Done` is passed on."""
        with self.db.write() as conn:
            record = emails.get(conn, email_id)
            _not_final(record.status, email_id, "draft")
            latest = drafts.latest(conn, email_id)
            queue_state.claim(conn, email_id, self.agent, self.draft_lease, "drafting")
            previous = queue_state.transition(
                conn, email_id, "drafting", self.agent, "draft_started", instruction=instruction
            )
        finished = False
        renewed = utcnow()
        try:
            try:
                engine = self._get_engine()
                if instruction and latest is not None:
                    events = engine.rewrite(record.email, latest.body, instruction)
                else:
                    events = engine.draft(record.email, no_llm=self.no_llm)
                async for event in events:
                    if (utcnow() - renewed).total_seconds() > self.draft_lease / 3:
                        renewed = utcnow()
                        self.renew(email_id, self.draft_lease)
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
                        back = _after_drafting(previous, latest)
                        queue_state.transition(
                            conn, email_id, back, self.agent, "draft_cancelled", force=True
                        )
                    queue_state.release(conn, email_id, self.agent, "drafting")

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
            now = utcnow()
            values = {
                "contact_reason": draft.contact_reason,
                "warnings": len(draft.warnings),
                "first_ready_at": func.coalesce(schema.emails.c.first_ready_at, now),
            }
            queue_state.transition(
                conn, email_id, "in_review" if previous == "in_review" else "ready", self.agent,
                "drafted", values=values, version=version.number, source=source,
                mode=draft.mode, model=draft.model, prompt=draft.prompt.model_dump(),
                warnings=[w.code for w in draft.warnings],
            )  # fmt: skip
            queue_state.release(conn, email_id, self.agent, "drafting")

    def _draft_failed(
        self, email_id: int, failed: Failed, previous: str, latest: DraftVersion | None
    ) -> None:
        status = "needs_attention" if latest is None else _after_drafting(previous, latest)
        with self.db.write() as conn:
            queue_state.transition(
                conn, email_id, status, self.agent, "draft_failed", message=failed.message
            )
            queue_state.release(conn, email_id, self.agent, "drafting")

    # --- review --------------------------------------------------------------------------

    def save_edit(self, email_id: int, body: str) -> DraftVersion:
        with self.db.write() as conn:
            return self._save_edit(conn, email_id, body)

    def _save_edit(self, conn: Any, email_id: int, body: str) -> DraftVersion:
        queue_state.check_claim(conn, email_id, self.agent)
        record = emails.get(conn, email_id)
        latest = drafts.latest(conn, email_id)
        if latest is not None and latest.body == body:
            return latest
        _not_final(record.status, email_id, "edit")
        base = (
            latest.draft if latest is not None else Draft(body=body, language=record.email.language)
        )
        version = drafts.add_version(conn, email_id, body, base, source="edit", author=self.agent)
        if record.status in ("new", "ready", "needs_attention"):
            queue_state.transition(
                conn, email_id, "in_review", self.agent, "edited", version=version.number
            )
        else:
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
            queue_state.check_claim(conn, email_id, self.agent)
            _not_final(emails.status_of(conn, email_id), email_id, "reject")
            drafts.add_rejection(conn, email_id, reason, self.agent)
            queue_state.transition(
                conn, email_id, "rejected", self.agent, "rejected", reason=reason
            )

    # --- claims (drafter.store.queue_state) ----------------------------------------------

    def claim(self, email_id: int) -> Claim:
        """Claim the email for this agent for `claim_lease_seconds` (renews an own claim);
        ClaimedError (a StoreError) names the agent holding it and since when."""
        with self.db.write() as conn:
            return queue_state.claim(conn, email_id, self.agent, self.lease)

    def renew(self, email_id: int, lease: float | None = None) -> bool:
        """Extend this agent's claim; False when it was lost (expired and taken over)."""
        with self.db.write() as conn:
            return queue_state.renew(conn, email_id, self.agent, lease or self.lease)

    def claim_next(self, *, drafting: bool = False) -> int | None:
        """Claim the oldest unclaimed workable email, urgent first; None when there is none.
        `drafting`: the oldest unclaimed `new` email, with a drafting claim (for workers)."""
        with self.db.write() as conn:
            if drafting:
                return queue_state.claim_next(
                    conn, self.agent, self.draft_lease, ("new",), "drafting"
                )
            return queue_state.claim_next(conn, self.agent, self.lease)

    def worker_running(self) -> bool:
        """Whether a `drafter worker` pre-drafts for the team (then desks do not)."""
        from drafter.store import presence

        with self.db.read() as conn:
            return presence.alive(conn) > 0

    def release(self, email_id: int) -> None:
        with self.db.write() as conn:
            queue_state.release(conn, email_id, self.agent)

    # --- sending -------------------------------------------------------------------------

    def send(self, email_id: int) -> SendResult:
        """Send the approved reply once (see drafter.store.sending)."""
        from drafter.store.sending import send_reply

        return send_reply(self.db, self.settings, self.agent, email_id)

    def recover(self) -> dict[str, int]:
        """Reconcile what a crash left: unfinished sends, emails stuck in `drafting`."""
        fixed = {"sends": 0, "drafting": 0}
        stale = utcnow() - dt.timedelta(seconds=self.settings.llm_total_timeout + 60)
        with self.db.read() as conn:
            unfinished = outbox.with_state(conn, "sending")
            drafting = emails.ids_with_status(conn, "drafting")
        if drafting:
            fixed["drafting"] = self._recover_drafting(stale)
        if unfinished:
            from drafter.store.sending import recover_sends

            fixed["sends"] = recover_sends(self.db, self.settings, stale)
        return fixed

    def _recover_drafting(self, stale: dt.datetime) -> int:
        fixed = 0
        with self.db.write() as conn:
            for email_id in emails.ids_with_status(conn, "drafting"):
                claim = queue_state.lock(conn, email_id)
                if claim is None or (claim.kind != "drafting" and _stale(conn, email_id, stale)):
                    # nobody is drafting it any more (their lease passed): put it back
                    latest = drafts.latest(conn, email_id)
                    back = "new" if latest is None else "ready"
                    queue_state.transition(
                        conn, email_id, back, "drafter", "recovered", force=True, was="drafting"
                    )
                    fixed += 1
        return fixed


def _stale(conn: Any, email_id: int, stale: dt.datetime) -> bool:
    return emails.updated_at(conn, email_id) < stale


def _after_drafting(previous: str, latest: DraftVersion | None) -> QueueStatus:
    """Where an email goes back to when a (re)draft does not produce a version."""
    if previous in ("drafting", "new"):
        return "new" if latest is None else "ready"
    return previous  # type: ignore[return-value]
