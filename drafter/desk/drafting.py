"""Drafting under a drafting claim: run the engine, save the version before `Done`, fall back
to the template draft when a first model draft fails, and put the email back where it was
when a draft fails, is cancelled or the disk fills up.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import func

from drafter.desk.base import DeskBase
from drafter.errors import DrafterError, StorageError, StoreError
from drafter.models import (
    Done,
    Draft,
    DraftEvent,
    DraftVersion,
    DraftWarning,
    EmailRecord,
    Failed,
    QueueStatus,
)
from drafter.store import audit, disk, drafts, emails, queue_state, schema
from drafter.store.clock import utcnow
from drafter.store.queue_state import ClaimedError


class TakenOverError(StoreError):
    """This process's drafting claim ran out and another process or agent has the email now:
    the result here is dropped and the email is theirs (a skip, not a failed email)."""


class Drafting(DeskBase):
    """Draft or rewrite one email under a drafting claim."""

    async def draft(self, email_id: int, *, instruction: str = "") -> AsyncIterator[DraftEvent]:
        """Run the engine under a drafting claim on the email; the version is saved before
        `Done`. The engine is built first, in a worker thread and before the claim is taken
        (the first time it loads the index and the embedding model: seconds).

        The claim (drafter.store.queue_state, kind 'drafting', this process only) is renewed
        while the engine runs and released when it ends; an email another process is drafting
        or another agent holds yields a `Failed` starting "skipped", and so does a draft that
        outlived its claim while another process or agent took the email over (TakenOverError).
        """
        first_only = not instruction and email_id in self._first_drafts
        self._first_drafts.discard(email_id)
        try:  # before the claim, off the event loop: the claim's renewer must keep running
            engine = await self.ready_engine()
        except DrafterError as exc:  # no index, say: the email stays where it is
            yield Failed(message=exc.message, hint=exc.hint)
            return
        skipped = ""
        if self.db.path is not None:  # a disk that fills up mid-draft would strand the email
            disk.ensure_room(self.db.path, f"drafting email {email_id}")
        with self.db.write() as conn:
            record = emails.get(conn, email_id)
            queue_state.check_open(record.status, email_id, "draft")
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
            except TakenOverError as exc:  # not this email's failure: its draft comes from there
                finished = True
                yield Failed(message=f"skipped: {exc.message}", hint=exc.hint)
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
            if not self._still_ours(conn, email_id, latest):
                taken = _taken_over(conn, email_id, latest, self.agent, self.owner)
                lost = TakenOverError if taken else StoreError
                raise lost(
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

    def _still_ours(self, conn: Any, email_id: int, latest: DraftVersion | None) -> bool:
        """Whether this draft may be saved: nobody else claimed or changed the email since it
        began. Its lease may have run out (a slow draft); when a recovery put the email back
        meanwhile and nobody took it, the claim is taken again (drafter.store.queue_state)."""
        if queue_state.drafting_held(conn, email_id, self.agent, self.owner):
            return True
        if _newer_version(conn, email_id, latest):
            return False
        return queue_state.resume_drafting(
            conn, email_id, self.agent, self.draft_lease, owner=self.owner
        )

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


def _taken_over(
    conn: Any, email_id: int, latest: DraftVersion | None, agent: str, owner: str
) -> bool:
    """After this draft could not be saved: whether someone else has the email now (another
    process's or agent's claim, a version saved since this draft began, or the email closed).
    False when nobody has it and it still has no newer draft -- a real failure."""
    held = queue_state.lock(conn, email_id)  # any live claim but this draft's own
    if held is not None and (held.kind != "drafting" or held.owner != owner):
        return True
    if queue_state.claimed_by_another(conn, email_id, agent, owner):
        return True
    if _newer_version(conn, email_id, latest):
        return True
    return emails.get(conn, email_id).status in queue_state.FINAL


def _newer_version(conn: Any, email_id: int, latest: DraftVersion | None) -> bool:
    """Whether a version was saved since this draft began (from `latest`)."""
    newest = drafts.latest(conn, email_id)
    return newest is not None and (latest is None or newest.number > latest.number)


def _after_drafting(previous: str, latest: DraftVersion | None) -> QueueStatus:
    """Where an email goes back to when a (re)draft does not produce a version."""
    if previous in ("drafting", "new"):
        return "new" if latest is None else "ready"
    return previous  # type: ignore[return-value]
