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
from sqlalchemy import func

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
from drafter.store import (
    acks,
    audit,
    conversation,
    disk,
    drafts,
    emails,
    outbox,
    queue_state,
    schema,
    vaults,
)
from drafter.store.clock import utcnow
from drafter.store.db import Database, open_database
from drafter.store.queue_state import Claim, ClaimedError

if TYPE_CHECKING:
    from drafter.evaluation.analytics import Analytics


class ImportReport(BaseModel):
    imported: int = 0
    duplicates: int = 0
    quarantined: int = 0
    email_ids: list[int] = []


_not_final = queue_state.check_open


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
        self.lease = settings.claim_lease_seconds  # an agent's review claim
        self.draft_lease = settings.draft_lease_seconds  # a drafting claim (renewed)
        self.no_llm = no_llm
        self._engine = engine
        self._retriever = retriever
        self._privacy_session: Any = None
        self.db = db or open_database(settings)
        if self.db.path is not None:  # room to put an email back should the disk fill up
            disk.keep_reserve(self.db.path.parent)
        self.owner = queue_state.new_owner(self.agent)  # this process's claims
        self._listener: Any = None  # drafter.store.notify.Listener, made on first wait
        self._first_drafts: set[int] = set()  # ids pending_drafts() handed out
        self.recover()

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
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

    def queue(
        self,
        *,
        status: QueueStatus | None = None,
        search: str = "",
        after: QueueItem | None = None,
        limit: int | None = None,
    ) -> list[QueueItem]:
        """Queue rows in queue order; `limit` rows after `after` for one page (the desk)."""
        with self.db.read() as conn:
            return emails.listing(conn, status=status, search=search, after=after, limit=limit)

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

    def wait_changes(self, timeout: float) -> bool:
        """Block up to `timeout` seconds; True as soon as another agent or process changed
        the queue (PostgreSQL: LISTEN/NOTIFY, at once; SQLite: polled every 0.5 s)."""
        if self._listener is None:
            from drafter.store.notify import Listener

            self._listener = Listener(self.db, self.agent)
        return bool(self._listener.wait(timeout))

    def pending_drafts(self) -> list[int]:
        """Emails waiting for their first draft (also those a crashed drafter left).

        Drafting one of these ids without an instruction drafts it only if it still has no
        draft when its drafting claim is taken, so two processes never draft one email twice.
        """
        with self.db.read() as conn:
            ids = emails.ids_with_status(conn, "new", unclaimed=True)
            ids += queue_state.unclaimed_ids(conn, "drafting")
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
        """Run the engine under a drafting claim on the email; the version is saved before
        `Done`.

        The claim (drafter.store.queue_state, kind 'drafting', this process only) is renewed
        while the engine runs and released when it ends; an email another process is drafting
        or another agent holds yields a `Failed` starting "skipped".
        """
        first_only = not instruction and email_id in self._first_drafts
        self._first_drafts.discard(email_id)
        skipped = ""
        if self.db.path is not None:  # a disk that fills up mid-draft would strand the email
            disk.ensure_room(self.db.path, f"drafting email {email_id}")
        with self.db.write() as conn:
            record = emails.get(conn, email_id)
            _not_final(record.status, email_id, "draft")
            if first_only and record.status not in ("new", "drafting"):
                skipped = f"email {email_id} was drafted by another process"
            else:
                try:
                    queue_state.claim(
                        conn, email_id, self.agent, self.draft_lease, "drafting", owner=self.owner
                    )
                except ClaimedError as exc:
                    skipped = exc.message
            if not skipped:
                latest = drafts.latest(conn, email_id)
                previous = queue_state.transition(
                    conn, email_id, "drafting", self.agent, "draft_started",
                    instruction=instruction,
                )  # fmt: skip
        if skipped:
            yield Failed(
                message=f"skipped: {skipped}",
                hint="its draft appears in the queue when that process is done",
            )
            return
        renewer = asyncio.create_task(self._renew(email_id))
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

    async def _renew(self, email_id: int) -> None:
        """Keep the drafting claim alive while the engine works (every third of its lease)."""
        while True:
            await asyncio.sleep(self.draft_lease / 3)

            def renew() -> bool:
                with self.db.write() as conn:
                    return queue_state.renew(
                        conn, email_id, self.agent, self.draft_lease, "drafting", owner=self.owner
                    )

            try:
                if not await asyncio.to_thread(renew):
                    return  # lost: saving will notice and discard the result
            except DrafterError:
                continue  # a busy database: try again at the next tick

    def _give_back(self, email_id: int, status: QueueStatus, action: str) -> None:
        """Restore `status` and release the drafting claim -- only if this process still
        holds the draft (nobody took it over)."""
        with self.db.write() as conn:
            if queue_state.drafting_held(conn, email_id, self.agent, self.owner):
                queue_state.transition(conn, email_id, status, self.agent, action, force=True)
            queue_state.release(conn, email_id, self.agent, "drafting", owner=self.owner)

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
        with self.db.write() as conn:  # the email stays `drafting` for the template draft
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
            if not queue_state.drafting_held(conn, email_id, self.agent, self.owner):
                raise StoreError(
                    f"the draft of email {email_id} took longer than its drafting claim "
                    f"({self.draft_lease:g} s) and another process took it over or closed it",
                    hint="the result was discarded; raise DRAFTER_DRAFT_LEASE_SECONDS if "
                    "this happens often",
                )
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
            queue_state.release(conn, email_id, self.agent, "drafting", owner=self.owner)

    def _draft_failed(
        self, email_id: int, failed: Failed, previous: str, latest: DraftVersion | None
    ) -> None:
        status = "needs_attention" if latest is None else _after_drafting(previous, latest)
        with self.db.write() as conn:
            if not queue_state.drafting_held(conn, email_id, self.agent, self.owner):
                return  # another process took the email over: its state is not ours to set
            queue_state.transition(
                conn, email_id, status, self.agent, "draft_failed", message=failed.message
            )
            queue_state.release(conn, email_id, self.agent, "drafting", owner=self.owner)

    # --- review --------------------------------------------------------------------------

    def save_edit(self, email_id: int, body: str, *, amend: int | None = None) -> DraftVersion:
        """Save the agent's text. `amend`: the id of the version this editing session saved
        before; while it is still the latest unapproved edit it is updated in place, so one
        session makes one version."""
        with self.db.write() as conn:
            return self._save_edit(conn, email_id, body, amend)

    def _save_edit(
        self, conn: Any, email_id: int, body: str, amend: int | None = None
    ) -> DraftVersion:
        queue_state.check_claim(conn, email_id, self.agent)
        record = emails.get(conn, email_id)
        latest = drafts.latest(conn, email_id)
        if latest is not None and latest.body == body:
            return latest
        _not_final(record.status, email_id, "edit")
        if (
            latest is not None
            and drafts.may_amend(latest, amend, self.agent)
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

    def unacknowledged(self, email_id: int) -> list[DraftWarning]:
        """Risky warnings of the latest version nobody has acknowledged (send refuses them)."""
        with self.db.read() as conn:
            latest = drafts.latest(conn, email_id)
            return [] if latest is None else acks.missing(conn, self.settings, latest)

    def acknowledge(self, email_id: int, warning: DraftWarning) -> None:
        """Record that this agent read and accepts one risky warning (audit `acknowledged`)."""
        with self.db.write() as conn:
            queue_state.check_claim(conn, email_id, self.agent)
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
            queue_state.check_claim(conn, email_id, self.agent)
            _not_final(emails.status_of(conn, email_id), email_id, "reject")
            drafts.add_rejection(conn, email_id, reason, self.agent)
            queue_state.transition(
                conn, email_id, "rejected", self.agent, "rejected", reason=reason
            )

    def reopen(self, email_id: int, reason: str) -> None:
        """Put a rejected email back into review; the reason is audited. Sent stays sent."""
        if not reason.strip():
            raise StoreError(
                f"reopening email {email_id} needs a reason", hint="say why it is reopened"
            )
        with self.db.write() as conn:
            queue_state.check_claim(conn, email_id, self.agent)
            record = emails.get(conn, email_id)
            if record.status != "rejected":
                raise StoreError(
                    f"email {email_id} is {record.status}; only a rejected email can be reopened",
                    hint="a sent reply cannot be taken back; answer again from a new email",
                )
            latest = drafts.latest(conn, email_id)
            queue_state.transition(
                conn, email_id, "new" if latest is None else "in_review", self.agent,
                "reopened", reason=reason.strip(),
            )  # fmt: skip

    # --- claims (drafter.store.queue_state) ----------------------------------------------

    def claim(self, email_id: int) -> Claim:
        """Claim the email for this agent for `claim_lease_seconds` (renews an own claim);
        ClaimedError (a StoreError) names the agent holding it and since when."""
        with self.db.write() as conn:
            return queue_state.claim(conn, email_id, self.agent, self.lease, owner=self.owner)

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
                    conn, self.agent, self.draft_lease, ("new",), "drafting", owner=self.owner
                )
            return queue_state.claim_next(conn, self.agent, self.lease, owner=self.owner)

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

        result = send_reply(self.db, self.settings, self.agent, email_id)
        if self.settings.imap_host:  # copy to Sent, \Answered; retried later if it fails
            from drafter.mail.imap_sent import file_pending

            quick = min(self.settings.imap_timeout, 10.0)  # the reply is out; do not hang
            file_pending(self.db, self.settings.model_copy(update={"imap_timeout": quick}))
        return result

    def recover(self) -> dict[str, int]:
        """Reconcile what a crash left: unfinished sends, emails stuck in `drafting`.

        An email is stuck in `drafting` once its drafting claim has expired (at most
        DRAFTER_DRAFT_LEASE_SECONDS after a crash); a live claim means someone is drafting.
        """
        fixed = {"sends": 0, "drafting": 0}
        stale = utcnow() - dt.timedelta(seconds=self.settings.llm_total_timeout + 60)
        with self.db.read() as conn:
            unfinished = outbox.with_state(conn, "sending")
            drafting = queue_state.unclaimed_ids(conn, "drafting")
        if drafting:
            fixed["drafting"] = self._recover_drafting()
        if unfinished:
            from drafter.store.sending import recover_sends

            fixed["sends"] = recover_sends(self.db, self.settings, stale)
        return fixed

    def _recover_drafting(self) -> int:
        fixed = 0
        with self.db.write() as conn:
            for email_id in queue_state.unclaimed_ids(conn, "drafting"):
                if queue_state.lock(conn, email_id) is not None:
                    continue  # claimed meanwhile: someone is drafting it
                latest = drafts.latest(conn, email_id)
                queue_state.transition(
                    conn, email_id, "new" if latest is None else "ready", "drafter", "recovered",
                    force=True, was="drafting",
                )  # fmt: skip
                fixed += 1
        return fixed


def _after_drafting(previous: str, latest: DraftVersion | None) -> QueueStatus:
    """Where an email goes back to when a (re)draft does not produce a version."""
    if previous in ("drafting", "new"):
        return "new" if latest is None else "ready"
    return previous  # type: ignore[return-value]
