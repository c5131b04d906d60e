"""The review desk: the DeskService implementation over the store, the engine and sending.

`Desk(settings, engine=None)` opens (and migrates) the state database at once but imports
the drafting engine, retriever and privacy code only when first needed, so the queue shows
fast. Every state change is persisted, with an audit row, before a method returns. Sending
follows a two-phase protocol (intent committed, transport, result committed) so a crash can
never send a reply twice; `recover()` reconciles what a crash left behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
from collections.abc import AsyncIterator, Iterable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from drafter.acknowledge import key as ack_key
from drafter.acknowledge import needs_ack
from drafter.config import Settings
from drafter.errors import DrafterError, StorageError, StoreError
from drafter.models import (
    Approval,
    Done,
    Draft,
    DraftEvent,
    DraftVersion,
    DraftWarning,
    EmailRecord,
    Failed,
    InboundEmail,
    QueueItem,
    QueueStatus,
    SendResult,
)
from drafter.store import acks, audit, conversation, disk, drafts, emails, leases, outbox, vaults
from drafter.store.db import Database, open_database, utcnow

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
        self.no_llm = no_llm
        self._engine = engine
        self._retriever = retriever
        self._privacy_session: Any = None
        self.db = db or open_database(settings)
        if self.db.path is not None:  # room to put an email back should the disk fill up
            disk.keep_reserve(self.db.path.parent)
        self.lease_owner = leases.new_owner(self.agent)
        self._first_drafts: set[int] = set()  # ids pending_drafts() handed out
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
        """Emails waiting for their first draft (also those a crashed drafter left).

        Drafting one of these ids without an instruction drafts it only if it still has no
        draft when its lease is taken, so two processes never draft the same email twice.
        """
        with self.db.read() as conn:
            ids = emails.ids_with_status(conn, "new")
            ids += leases.unleased(conn, "drafting")
        self._first_drafts.update(ids)
        return ids

    def conversation(self, email_id: int) -> list[conversation.Turn]:
        """The other emails of this email's thread and the replies sent, oldest first."""
        with self.db.read() as conn:
            emails.get(conn, email_id)
            return conversation.of_thread(conn, email_id)

    def stats(self) -> Analytics:
        """The figures of `drafter report` (drafter.evaluation.analytics), for the stats screen."""
        from drafter.evaluation.analytics import collect

        return collect(self.db, goal_hours=self.settings.response_time_goal_hours)

    def redacted(self, email_id: int) -> str:
        """Subject and newest message pseudonymized with the thread's stored vault (a read:
        the vault is not written)."""
        record = self.email(email_id)
        red, _ = self._privacy().redact_email(record.email, save=False)
        return f"Subject: {red.subject}\n\n{red.body}"

    def _privacy(self) -> Any:
        if self._privacy_session is None:
            from drafter.privacy import PrivacySession

            self._privacy_session = PrivacySession(
                self.settings, vaults=vaults.StoredVaults(self.db)
            )
        return self._privacy_session

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
            from drafter.drafting.engine import DraftingEngine

            self._engine = DraftingEngine(
                self.settings, self._get_retriever(), privacy=self._privacy()
            )
        return self._engine

    async def draft(self, email_id: int, *, instruction: str = "") -> AsyncIterator[DraftEvent]:
        """Run the engine under a lease on the email; the version is saved before `Done`.

        The lease (drafter.store.leases) is renewed while the engine runs and released when
        it ends; an email another process is drafting yields a `Failed` starting "skipped".
        """
        owner, seconds = self.lease_owner, self.settings.draft_lease_seconds
        first_only = not instruction and email_id in self._first_drafts
        self._first_drafts.discard(email_id)
        if self.db.path is not None:  # a disk that fills up mid-draft would strand the email
            disk.ensure_room(self.db.path, f"drafting email {email_id}")
        with self.db.write() as conn:
            record = emails.get(conn, email_id)
            _not_final(record.status, email_id, "draft")
            statuses = ("new", "drafting") if first_only else None
            acquired = leases.acquire(conn, email_id, owner, seconds, statuses=statuses)
            if acquired:
                latest = drafts.latest(conn, email_id)
                previous = emails.set_status(conn, email_id, "drafting")
                audit.record(conn, self.agent, "draft_started", email_id, instruction=instruction)
        if not acquired:
            yield Failed(
                message=f"skipped: email {email_id} is drafted by another process",
                hint="its draft appears in the queue when that process is done",
            )
            return
        renewer = asyncio.create_task(self._renew(email_id, owner, seconds))
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
                        if self._may_fall_back(instruction, latest):
                            async for fallback in self._template_fallback(
                                engine, record, email_id, event, previous
                            ):
                                yield fallback
                            finished = True
                            return
                        self._draft_failed(email_id, event, previous, latest)
                        finished = True
                    yield event
                    if finished:
                        return
            except StorageError as exc:  # the disk filled up: back to the queue as it was
                failed = Failed(message=exc.message, hint=exc.hint)
                self._give_back_on_full_disk(email_id, _after_drafting(previous, latest))
                finished = True
                yield failed
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
            renewer.cancel()
            if not finished:  # cancelled: put the email back where it was
                self._give_back(email_id, _after_drafting(previous, latest), "draft_cancelled")

    async def _renew(self, email_id: int, owner: str, seconds: float) -> None:
        """Keep the lease alive while the engine works (every third of the lease time)."""
        while True:
            await asyncio.sleep(seconds / 3)

            def renew() -> bool:
                with self.db.write() as conn:
                    return leases.renew(conn, email_id, owner, seconds)

            try:
                if not await asyncio.to_thread(renew):
                    return  # lost: saving will notice and discard the result
            except DrafterError:
                continue  # a busy database: try again at the next tick

    def _give_back(self, email_id: int, status: QueueStatus, action: str) -> None:
        """Release the lease and restore `status` -- only if this process still holds it."""
        with self.db.write() as conn:
            if leases.release(conn, email_id, self.lease_owner):
                if emails.status_of(conn, email_id) == "drafting":
                    emails.set_status(conn, email_id, status)
                audit.record(conn, self.agent, action, email_id)

    def _give_back_on_full_disk(self, email_id: int, status: QueueStatus) -> None:
        """Put the email back although the disk is full: the reserve file makes the room
        (if even that fails, the lease expires and the next start puts it back)."""
        try:
            self._give_back(email_id, status, "draft_failed")
        except DrafterError:
            if self.db.path is not None and disk.release_reserve(self.db.path.parent):
                with contextlib.suppress(DrafterError):
                    self._give_back(email_id, status, "draft_failed")

    def _may_fall_back(self, instruction: str, latest: DraftVersion | None) -> bool:
        """A first draft by the model failed: the no-LLM template draft takes its place."""
        return not instruction and latest is None and not self.no_llm

    async def _template_fallback(
        self, engine: Any, record: EmailRecord, email_id: int, failed: Failed, previous: str
    ) -> AsyncIterator[DraftEvent]:
        """Draft without the model; the model's error stays on the draft as a warning and
        in the audit log (a request blocked for personal data is never a silent event)."""
        with self.db.write() as conn:
            audit.record(conn, self.agent, "draft_failed", email_id, message=failed.message)
        async for event in engine.draft(record.email, no_llm=True):
            if isinstance(event, Done):
                warning = DraftWarning(
                    code="model_failed",
                    message=f"the language model failed ({failed.message}); "
                    "this is a template draft instead",
                )
                event.draft.warnings.insert(0, warning)
                self._save_generated(email_id, event.draft, "", previous, None)
            elif isinstance(event, Failed):
                self._draft_failed(email_id, failed, previous, None)
                yield failed  # the model's error is the one the agent needs to see
                return
            yield event

    def can_rewrite(self) -> str:
        """Empty when rewriting works; otherwise why not (no language model)."""
        if self.no_llm or not self.settings.llm_configured:
            return "rewriting needs a language model; none is configured (DRAFTER_LLM_MODEL)"
        return ""

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
            if not leases.release(conn, email_id, self.lease_owner):
                raise StoreError(
                    f"the draft of email {email_id} took longer than its lease "
                    f"({self.settings.draft_lease_seconds:g} s) and another process took over",
                    hint="the result was discarded; raise DRAFTER_DRAFT_LEASE_SECONDS if "
                    "this happens often",
                )
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
            if not leases.release(conn, email_id, self.lease_owner):
                return  # another process took the email over: its state is not ours to set
            emails.set_status(conn, email_id, status)  # type: ignore[arg-type]
            audit.record(conn, self.agent, "draft_failed", email_id, message=failed.message)

    # --- review --------------------------------------------------------------------------

    def _check_claim(self, record: EmailRecord) -> None:
        if record.claimed_by not in ("", self.agent):
            raise StoreError(
                f"email {record.email_id} is claimed by {record.claimed_by}",
                hint="ask them to release it, or pick another email",
            )

    def save_edit(self, email_id: int, body: str, *, amend: int | None = None) -> DraftVersion:
        """Save the agent's text. `amend`: the id of the version this editing session saved
        before; while it is still the latest unapproved edit it is updated in place, so one
        session makes one version."""
        with self.db.write() as conn:
            return self._save_edit(conn, email_id, body, amend)

    def _save_edit(
        self, conn: Any, email_id: int, body: str, amend: int | None = None
    ) -> DraftVersion:
        record = emails.get(conn, email_id)
        self._check_claim(record)
        latest = drafts.latest(conn, email_id)
        if latest is not None and latest.body == body:
            return latest
        _not_final(record.status, email_id, "edit")
        if (
            latest is not None
            and amend == latest.version_id
            and latest.source == "edit"
            and latest.author == self.agent
            and not drafts.is_approved(conn, latest.version_id)
        ):
            version = drafts.amend_version(conn, latest, body)
            audit.record(conn, self.agent, "edited", email_id, version=version.number, amended=True)
            return version
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

    def unacknowledged(self, email_id: int) -> list[DraftWarning]:
        """Risky warnings of the latest version nobody has acknowledged (send refuses them)."""
        with self.db.read() as conn:
            latest = drafts.latest(conn, email_id)
            return [] if latest is None else acks.missing(conn, self.settings, latest)

    def acknowledge(self, email_id: int, warning: DraftWarning) -> None:
        """Record that this agent read and accepts one risky warning (audit `acknowledged`)."""
        with self.db.write() as conn:
            record = emails.get(conn, email_id)
            self._check_claim(record)
            latest = drafts.latest(conn, email_id)
            required = self.settings.ack_required_warnings
            risky = needs_ack(required, latest.draft.warnings, latest.body) if latest else []
            if latest is None or ack_key(warning) not in {ack_key(w) for w in risky}:
                raise StoreError(
                    f"email {email_id} has no such warning to acknowledge "
                    f"({warning.code}: {warning.message})",
                    hint="reload the email; the draft may have changed",
                )
            acks.record(conn, self.agent, latest, warning)

    def reject(self, email_id: int, reason: str) -> None:
        with self.db.write() as conn:
            record = emails.get(conn, email_id)
            self._check_claim(record)
            _not_final(record.status, email_id, "reject")
            drafts.add_rejection(conn, email_id, reason, self.agent)
            emails.set_status(conn, email_id, "rejected")
            audit.record(conn, self.agent, "rejected", email_id, reason=reason)

    def reopen(self, email_id: int, reason: str) -> None:
        """Put a rejected email back into review; the reason is audited. Sent stays sent."""
        if not reason.strip():
            raise StoreError(
                f"reopening email {email_id} needs a reason", hint="say why it is reopened"
            )
        with self.db.write() as conn:
            record = emails.get(conn, email_id)
            self._check_claim(record)
            if record.status != "rejected":
                raise StoreError(
                    f"email {email_id} is {record.status}; only a rejected email can be reopened",
                    hint="a sent reply cannot be taken back; answer again from a new email",
                )
            latest = drafts.latest(conn, email_id)
            emails.set_status(conn, email_id, "new" if latest is None else "in_review")
            audit.record(conn, self.agent, "reopened", email_id, reason=reason.strip())

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
        """Send the approved reply once (see drafter.store.sending)."""
        from drafter.store.sending import send_reply

        with self.db.read() as conn:
            self._check_claim(emails.get(conn, email_id))
        result = send_reply(self.db, self.settings, self.agent, email_id)
        if self.settings.imap_host:  # copy to Sent, \Answered; retried later if it fails
            from drafter.mail.imap_sent import file_pending

            quick = min(self.settings.imap_timeout, 10.0)  # the reply is out; do not hang
            file_pending(self.db, self.settings.model_copy(update={"imap_timeout": quick}))
        return result

    def recover(self) -> dict[str, int]:
        """Reconcile what a crash left: unfinished sends, emails stuck in `drafting`.

        An email is stuck in `drafting` once its drafter's lease has expired (at most
        DRAFTER_DRAFT_LEASE_SECONDS after a crash); a live lease means someone is drafting.
        """
        fixed = {"sends": 0, "drafting": 0}
        stale = utcnow() - dt.timedelta(seconds=self.settings.llm_total_timeout + 60)
        with self.db.read() as conn:
            unfinished = outbox.with_state(conn, "sending")
            drafting = leases.unleased(conn, "drafting")
        if drafting:
            fixed["drafting"] = self._recover_drafting()
        if unfinished:
            from drafter.store.sending import recover_sends

            fixed["sends"] = recover_sends(self.db, self.settings, stale)
        return fixed

    def _recover_drafting(self) -> int:
        fixed = 0
        with self.db.write() as conn:
            for email_id in leases.unleased(conn, "drafting"):
                latest = drafts.latest(conn, email_id)
                emails.set_status(conn, email_id, "new" if latest is None else "ready")
                leases.clear(conn, email_id)
                audit.record(conn, "drafter", "recovered", email_id, was="drafting")
                fixed += 1
        return fixed


def _after_drafting(previous: str, latest: DraftVersion | None) -> QueueStatus:
    """Where an email goes back to when a (re)draft does not produce a version."""
    if previous in ("drafting", "new"):
        return "new" if latest is None else "ready"
    return previous  # type: ignore[return-value]
