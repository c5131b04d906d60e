"""One scenario suite, run against both the in-memory FakeDesk (snapshot tests, benchmarks)
and the real Desk (SQLite in tmp_path, the no-LLM engine over a real Chroma index): the fake
is held to the real service's behaviour by these tests (drafter.service.DeskService)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from drafter.config import Settings
from drafter.errors import StoreError
from drafter.models import Done, DraftEvent
from drafter.service import DeskService
from tests.tui.fake_desk import FakeDesk
from tests.tui.real_service import sample_desk


@pytest.fixture(params=["fake", "real"])
def service(request: pytest.FixtureRequest, settings: Settings) -> Iterator[DeskService]:
    if request.param == "fake":
        yield FakeDesk(2)
        return
    retriever: Any = request.getfixturevalue("retriever")
    yield from sample_desk(settings, retriever)


async def drafted(service: DeskService, email_id: int) -> str:
    events: list[DraftEvent] = [e async for e in service.draft(email_id)]
    done = [e for e in events if isinstance(e, Done)]
    assert len(done) == 1 and events[-1] is done[0]
    return done[0].draft.body


def first_id(service: DeskService) -> int:
    items = service.queue()
    assert items, "the queue lists the imported emails"
    return items[0].email_id


async def test_a_draft_is_saved_as_version_one(service: DeskService) -> None:
    email_id = first_id(service)
    assert email_id in service.pending_drafts()
    body = await drafted(service, email_id)
    (version,) = service.versions(email_id)
    assert (version.number, version.source, version.body) == (1, "generated", body)
    assert service.email(email_id).status == "ready"
    assert email_id not in service.pending_drafts()


async def test_edits_and_editing_sessions(service: DeskService) -> None:
    email_id = first_id(service)
    body = await drafted(service, email_id)
    same = service.save_edit(email_id, body)
    assert same.number == 1, "saving unchanged text adds no version"
    first = service.save_edit(email_id, body + "\nPS")
    assert (first.number, first.source) == (2, "edit")
    assert service.email(email_id).status == "in_review"
    amended = service.save_edit(email_id, body + "\nPS 2", amend=first.version_id)
    assert amended.number == 2 and service.versions(email_id)[-1].body == body + "\nPS 2"
    service.approve(email_id, body + "\nPS 2")
    after = service.save_edit(email_id, body + "\nPS 3", amend=first.version_id)
    assert after.number == 3, "an approved version is never changed in place"


async def test_approve_and_send_once_then_the_email_is_final(service: DeskService) -> None:
    email_id = first_id(service)
    body = await drafted(service, email_id)
    with pytest.raises(StoreError):
        service.send(email_id)  # not approved
    with pytest.raises(StoreError):
        service.approve(email_id, "   ")
    approval = service.approve(email_id, body)
    assert approval.email_id == email_id and len(approval.sha256) == 64
    result = service.send(email_id)
    assert not result.already_sent and service.email(email_id).status == "sent"
    sent = service.email(email_id)
    assert sent.approved_by == approval.approved_by and sent.sent_at is not None
    assert result.transport == "outbox", "without SMTP settings the reply goes to the outbox"
    assert service.send(email_id).already_sent, "sending again sends nothing"
    for change in (
        lambda: service.save_edit(email_id, body + "x"),
        lambda: service.approve(email_id, body + "x"),
        lambda: service.reject(email_id, "late"),
        lambda: service.reopen(email_id, "why"),
    ):
        with pytest.raises(StoreError):
            change()


async def test_reject_and_reopen(service: DeskService) -> None:
    email_id = first_id(service)
    await drafted(service, email_id)
    service.reject(email_id, "duplicate")
    rejected = service.email(email_id)
    assert rejected.status == "rejected"
    assert (rejected.rejection_reason, bool(rejected.rejected_by)) == ("duplicate", True)
    assert rejected.rejected_at is not None
    with pytest.raises(StoreError):
        service.reject(email_id, "again")
    with pytest.raises(StoreError):
        service.reopen(email_id, " ")
    service.reopen(email_id, "customer called back")
    reopened = service.email(email_id)
    assert reopened.status == "in_review"
    assert (reopened.rejected_by, reopened.rejection_reason, reopened.rejected_at) == ("", "", None)
    service.save_edit(email_id, "Guten Tag,\nneu.")


def test_claim_and_release(service: DeskService, settings: Settings) -> None:
    email_id = first_id(service)
    service.claim(email_id)
    assert service.email(email_id).claimed_by == settings.agent_id
    service.release(email_id)
    assert service.email(email_id).claimed_by == ""


def test_without_a_model_rewriting_is_off_with_a_reason(service: DeskService) -> None:
    if isinstance(service, FakeDesk):
        service.rewrite_off = "rewriting needs a language model"
    assert "language model" in service.can_rewrite()


def test_an_unknown_email_is_a_store_error(service: DeskService) -> None:
    with pytest.raises(StoreError):
        service.email(9999)
    with pytest.raises(StoreError):
        service.conversation(9999)


async def test_the_queue_filters_by_status_and_search(service: DeskService) -> None:
    items = service.queue()
    times = [i.received_at for i in items]
    assert len(items) == 2 and times == sorted(times), "oldest first"
    email_id, other = items[0].email_id, items[1].email_id
    await drafted(service, email_id)
    service.reject(email_id, "spam")
    assert [i.email_id for i in service.queue(status="rejected")] == [email_id]
    assert other in [i.email_id for i in service.queue(status="new")]
    sender = service.email(other).email.from_.email
    assert [i.email_id for i in service.queue(search=sender)] == [other]
    assert service.queue(search="no-such-sender-xyz") == []


def test_a_move_the_store_refuses_is_refused(service: DeskService) -> None:
    email_id = first_id(service)
    with pytest.raises(StoreError):
        service.reopen(email_id, "it was never rejected")
    service.reject(email_id, "spam")
    with pytest.raises(StoreError):
        service.send(email_id)
