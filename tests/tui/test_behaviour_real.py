"""Behaviour of the review desk on the real service: the real Desk on SQLite in tmp_path, the
real no-LLM extractive engine over a real Chroma index (built once per session from a few kb/
articles), and sample emails from examples/inbox. Sending goes to the real outbox folder (or
to a closed SMTP port on loopback, to see a refused send)."""

from __future__ import annotations

import socket
import threading
import time
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from textual.widgets import Label

from drafter.config import Settings
from drafter.desk import Desk
from drafter.mail.citations import customer_text
from drafter.mail.parse import parse_email
from drafter.tui.i18n import reason_label
from drafter.tui.messages import DraftDelta, DraftFinished, DraftMessage
from drafter.tui.screens.email import EmailScreen
from drafter.tui.screens.modals import HelpScreen
from drafter.tui.screens.queue import QueueScreen
from tests.tui.helpers import wait_for
from tests.tui.real_service import (
    DRAFT_TIMEOUT,
    INBOX,
    SAMPLES,
    SIZE,
    build,
    import_samples,
    make_desk,
    open_first,
)


def outbox_message(settings: Settings) -> EmailMessage:
    (path,) = sorted(settings.outbox_path.glob("*.eml"))
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def body_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())  # type: ignore[attr-defined]


async def test_draft_streams_then_edit_approve_send_lands_in_outbox(
    settings: Settings, desk: Desk
) -> None:
    seen: list[DraftMessage] = []
    app = build(settings, desk)
    hook = lambda m: seen.append(m) if isinstance(m, DraftMessage) else None  # noqa: E731
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        screen = await open_first(app, pilot)
        email_id = screen.email_id
        original = parse_email((INBOX / SAMPLES[0]).read_bytes())
        assert desk.email(email_id).email.message_id == original.message_id
        streamed = "".join(m.text for m in seen if isinstance(m, DraftDelta))
        (finished,) = [m for m in seen if isinstance(m, DraftFinished)]
        (version,) = desk.versions(email_id)
        assert screen.editor.text == version.body == finished.draft.body
        assert streamed.strip() == version.body.strip() and "Krüger" in version.body
        assert version.draft.mode == "extractive"
        status = str(screen.query_one("#draft-status").render())
        assert "template draft" in status, "the no-LLM draft is labelled as such"

        screen.editor.move_cursor(screen.editor.document.end)
        await pilot.press(*"PS: Gruesse aus dem Test")
        edited = screen.editor.text
        await pilot.press("f9")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmSendScreen")
        assert "Template draft" in app.screen.warnings  # type: ignore[attr-defined]
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen), timeout=10)
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        await wait_for(pilot, lambda: queue.selected_id() != email_id)
        # the queue shows the open emails (desk17): the sent one leaves it, the cursor moves on
        await wait_for(pilot, lambda: email_id not in queue.table.row_ids)
        assert queue.selected_id() == queue.table.row_ids[0], "the cursor moves on"
    assert desk.email(email_id).status == "sent"
    reply = outbox_message(settings)
    assert reply["In-Reply-To"] == original.message_id
    assert reply["To"].addresses[0].addr_spec == "sabine.krueger@web.de"
    assert "PS: Gruesse aus dem Test" in body_of(reply)
    sent = body_of(reply).replace("\r\n", "\n")
    citations = version.draft.citations
    assert citations and "[1]" in edited and "[1]" not in sent
    assert f"Weitere Informationen:\n- {citations[0].title}: {citations[0].url}" in sent
    answer, _, quote = sent.partition("\n\nAm ")  # DRAFTER_REPLY_QUOTE=bottom (default)
    assert answer.strip() == customer_text(edited, citations, "de", links=True).strip()
    assert " schrieb " in quote and "\n> " in quote
    (approval,) = desk.approvals(email_id)
    assert desk.versions(email_id)[-1].version_id == approval.version_id


async def test_reject_with_a_reason_persists(settings: Settings, desk: Desk) -> None:
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        await pilot.press("f8")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "RejectScreen")
        await pilot.press(*"Dublette", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
    assert desk.email(screen.email_id).status == "rejected"
    rejected = [e for e in desk.audit(screen.email_id) if e.action == "rejected"]
    assert [e.detail.get("reason") for e in rejected] == ["Dublette"]


async def test_autosaved_edit_survives_a_restart(
    settings: Settings, desk: Desk, retriever: Any
) -> None:
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        email_id = screen.email_id
        screen.editor.move_cursor((0, 0))
        await pilot.press(*"Notiz: ")
        typed = screen.editor.text
        await wait_for(pilot, lambda: len(desk.versions(email_id)) == 2, timeout=5)
        assert desk.versions(email_id)[-1].source == "edit"
        assert len(app.screen_stack) >= 2  # autosaved while still on the email
    desk.close()

    second_desk = make_desk(settings, retriever)  # same database file, new process state
    try:
        app = build(settings, second_desk)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_first(app, pilot)
            assert screen.email_id == email_id
            assert screen.editor.text == typed and typed.startswith("Notiz: ")
    finally:
        second_desk.close()


async def test_undo_to_an_earlier_version(settings: Settings, desk: Desk) -> None:
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        email_id = screen.email_id
        original = screen.editor.text
        screen.editor.load_text("Ganz anderer Text.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: len(desk.versions(email_id)) == 2)
        await pilot.press("ctrl+b")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "VersionsScreen")
        await pilot.press("down", "enter")  # newest first: v2, then v1
        await wait_for(pilot, lambda: len(desk.versions(email_id)) == 3)
        assert screen.editor.text == original
    versions = desk.versions(email_id)
    assert [v.source for v in versions] == ["generated", "edit", "edit"]
    assert versions[-1].body == versions[0].body == original


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_refused_send_notifies_and_keeps_the_editor(
    settings: Settings, retriever: Any
) -> None:
    settings = settings.model_copy(
        update={"smtp_host": "127.0.0.1", "smtp_port": closed_port(), "smtp_security": "none"}
    )
    desk = make_desk(settings, retriever)
    desk.import_messages([(SAMPLES[0], (INBOX / SAMPLES[0]).read_bytes())])
    try:
        app = build(settings, desk)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_first(app, pilot)
            await pilot.press(*"Mein Zusatz")
            kept = screen.editor.text
            await pilot.press("f9")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmSendScreen")
            await pilot.press("y")
            await wait_for(
                pilot, lambda: any(n.severity == "error" for n in app._notifications), timeout=10
            )
            error = next(n for n in app._notifications if n.severity == "error")
            assert "hint:" in error.message
            assert isinstance(app.screen, EmailScreen) and screen.editor.text == kept
            assert not screen.editor.read_only
        status = desk.email(screen.email_id).status
        assert status != "sent"
        assert not list(settings.outbox_path.glob("*.eml"))
        assert desk.versions(screen.email_id)[-1].body == kept  # approved text was saved
    finally:
        desk.close()


async def test_background_predrafting_fills_the_queue(settings: Settings, desk: Desk) -> None:
    app = build(settings, desk, predraft=True)
    async with app.run_test(size=SIZE) as pilot:
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        await wait_for(pilot, lambda: queue.loaded)
        ids = sorted(queue.items)
        await wait_for(
            pilot,
            lambda: all(len(desk.versions(i)) == 1 for i in ids),
            timeout=DRAFT_TIMEOUT,
        )
        shown = lambda: [str(queue.table.get_cell(i, "status")) for i in ids]  # noqa: E731
        await wait_for(pilot, lambda: all(cell.startswith("ready") for cell in shown()))
        assert not any(app.is_drafting(i) for i in ids)
        reasons = [str(queue.table.get_cell(i, "reason")) for i in ids]
        codes = [desk.email(i).contact_reason for i in ids]
        assert reasons == [reason_label(code) for code in codes] and all(codes)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
        screen = app.screen
        assert isinstance(screen, EmailScreen)
        await wait_for(pilot, lambda: screen.saved_text is not None)
        assert not screen.streaming, "an opened email shows the finished draft"
        assert screen.editor.text == desk.versions(screen.email_id)[0].body
    assert {desk.email(i).status for i in ids} <= {"ready", "in_review"}


async def test_cancelled_confirmation_sends_nothing(settings: Settings, desk: Desk) -> None:
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        await pilot.press("f9")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmSendScreen")
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
    assert desk.approvals(screen.email_id) == []
    assert not settings.outbox_path.exists() or not list(settings.outbox_path.iterdir())


async def test_leaving_and_quitting_save_the_edit(settings: Settings, desk: Desk) -> None:
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        await pilot.press(*"AB", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
        assert desk.versions(screen.email_id)[-1].body == screen.editor.text
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
        second = app.screen
        assert isinstance(second, EmailScreen) and second.email_id != screen.email_id
        await wait_for(
            pilot,
            lambda: second.saved_text is not None and not second.streaming,
            timeout=DRAFT_TIMEOUT,
        )
        await pilot.press(*"XY", "ctrl+q")
    latest = desk.versions(second.email_id)[-1]
    assert latest.body.startswith("XY") and latest.source == "edit"


async def test_risky_warnings_are_ticked_one_by_one_before_send(
    settings: Settings, retriever: Any
) -> None:
    # every no-LLM draft carries `template_draft`; made risky here, the send dialog lists it
    strict = settings.model_copy(update={"ack_required_warnings": ["template_draft", "kb_gap"]})
    desk = make_desk(strict, retriever)
    import_samples(desk)
    app = build(strict, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        email_id = screen.email_id
        risky = desk.unacknowledged(email_id)
        assert risky and risky[0].code == "template_draft"
        await pilot.press("f9")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmSendScreen")
        dialog = app.screen
        assert [w.code for w in dialog.risky] == [w.code for w in risky]  # type: ignore[attr-defined]
        await pilot.press("y")  # nothing ticked: the dialog stays, nothing is approved
        await pilot.pause(0.2)
        assert app.screen is dialog and desk.approvals(email_id) == []
        for n in range(len(risky)):
            if n:
                await pilot.press("down")
            await pilot.press("space")
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen), timeout=10)
    assert desk.email(email_id).status == "sent"
    acks = [e for e in desk.audit(email_id) if e.action == "acknowledged"]
    assert [(e.actor, e.detail["kind"]) for e in acks] == [("agent", w.code) for w in risky]
    desk.close()


async def test_a_link_the_agent_pastes_is_a_tick_in_the_send_dialog(
    settings: Settings, desk: Desk
) -> None:
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        email_id = screen.email_id
        assert desk.unacknowledged(email_id) == []
        screen.editor.move_cursor(screen.editor.document.end)
        screen.editor.insert("\nNeues Passwort: https://nordlicht-login.example.net/reset\n")
        await pilot.press("f9")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmSendScreen")
        risky = app.screen.risky  # type: ignore[attr-defined]
        assert [w.code for w in risky] == ["link"] and "nordlicht-login" in risky[0].message
        await pilot.press("y")  # not ticked: nothing is sent
        await pilot.pause(0.2)
        assert type(app.screen).__name__ == "ConfirmSendScreen"
        await pilot.press("space", "y")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen), timeout=10)
    assert desk.email(email_id).status == "sent"
    (ack,) = [e for e in desk.audit(email_id) if e.action == "acknowledged"]
    assert ack.detail["kind"] == "link"


async def test_f6_selects_each_warnings_text_in_the_editor(settings: Settings) -> None:
    from drafter.models import DraftWarning
    from tests.integration.desk_helpers import ScriptedEngine, queue_emails

    body = "Guten Tag, bitte zahlen Sie an DE44 5001 0517 5407 3249 31. Mehr: http://evil.example"
    link = DraftWarning(code="link", message="link to evil.example", span="http://evil.example")
    pay = DraftWarning(code="payment", message="bank details", span="DE44 5001 0517 5407 3249 31")
    desk = Desk(settings, engine=ScriptedEngine(warnings=[pay, link], body=body))
    queue_emails(desk, 1)
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        panel = str(screen.query_one("#warnings").render())
        assert "DE44 5001 0517 5407 3249 31" in panel and "http://evil.example" in panel
        await pilot.press("f6")
        assert screen.editor.selected_text == pay.span
        await pilot.press("f6")
        assert screen.editor.selected_text == link.span
        await pilot.press("f6")
        assert screen.editor.selected_text == pay.span  # round again
    desk.close()


async def test_the_first_draft_says_the_engine_is_loading_and_keys_work_meanwhile(
    settings: Settings, retriever: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first draft of a session loads the drafting engine (seconds on a cold start): the
    desk says so instead of "Drafting …", and a key pressed meanwhile is handled at once."""
    from drafter.drafting import engine as engine_module

    loading, loaded, go_on = threading.Event(), threading.Event(), threading.Event()

    class SlowEngine(engine_module.DraftingEngine):  # a deliberately slow engine factory
        def __init__(self, *args: Any, **kw: Any) -> None:
            loading.set()
            go_on.wait(10.0)  # until the test has pressed its key (at most 10 s)
            super().__init__(*args, **kw)
            loaded.set()

    monkeypatch.setattr(engine_module, "DraftingEngine", SlowEngine)
    desk = make_desk(settings, retriever)
    import_samples(desk)
    app = build(settings, desk)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
            screen = app.screen
            assert isinstance(screen, EmailScreen)
            status = screen.query_one("#draft-status", Label)
            await wait_for(pilot, loading.is_set)
            await wait_for(pilot, lambda: "Loading the knowledge base" in str(status.content))
            await pilot.press("f1")  # handled while the engine is still loading
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), timeout=1.0)
            assert not loaded.is_set(), "the engine loaded before the key was handled"
            go_on.set()
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is screen)
            await wait_for(
                pilot,
                lambda: screen.saved_text is not None and not screen.streaming,
                timeout=DRAFT_TIMEOUT,
            )
            assert "Loading" not in str(status.content)
            (version,) = desk.versions(screen.email_id)
            assert screen.editor.text == version.body
    finally:
        desk.close()


async def test_quitting_while_the_record_is_reread_does_not_crash(
    settings: Settings, desk: Desk
) -> None:
    """A draft finishes and the screen re-reads the email; the agent quits meanwhile. The late
    answer arrives after the screen's widgets are gone and must not look for them (CI once
    crashed the desk so)."""
    read = desk.email
    gone = threading.Event()

    def slow_email(email_id: int) -> Any:
        gone.wait(10)  # answer only once the quit has taken the screen's widgets away
        return read(email_id)

    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        meta = screen.query_one("#email-meta")
        desk.email = slow_email  # type: ignore[method-assign]
        screen.run_worker(screen._refresh_record(versions=True), group="email-load")
        await pilot.pause()

        def watch() -> None:
            while meta.parent is not None:
                time.sleep(0.001)
            gone.set()

        threading.Thread(target=watch, daemon=True).start()
    assert gone.is_set()
