"""The review desk on the real Desk and engine in LLM mode, the model served by a small
OpenAI-compatible server on 127.0.0.1: streamed drafts arrive in pieces, rewrites reach the
model with the agent's instruction, and a dead endpoint notifies without touching the editor."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.tui.messages import DraftDelta, DraftMessage
from drafter.tui.screens.email import EmailScreen
from tests.integration.openai_server import FakeOpenAIServer
from tests.tui.helpers import wait_for
from tests.tui.real_service import SIZE, build, import_samples, make_desk, open_first

FIRST = "Sehr geehrte Frau Krüger, Ihren Abschlag passen Sie im Kundenportal an [1]."
REWRITTEN = "Guten Tag Frau Krüger, kurz gesagt: Abschlag im Kundenportal ändern [1]."


def reply(request: dict[str, Any]) -> str:
    prompt = " ".join(str(m.get("content", "")) for m in request.get("messages", []))
    return REWRITTEN if "Make the reply shorter." in prompt else FIRST


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(reply, token_delay=0.01) as running:
        yield running


def llm_settings(settings: Settings, base_url: str) -> Settings:
    return settings.model_copy(
        update={"llm_base_url": base_url, "llm_model": "test-model", "llm_max_retries": 0}
    )


@pytest.fixture
def llm_desk(settings: Settings, retriever: Any, server: FakeOpenAIServer) -> Iterator[Desk]:
    desk = make_desk(llm_settings(settings, server.base_url), retriever, no_llm=False)
    import_samples(desk, ("01-abschlag-erhoehen.eml",))
    yield desk
    desk.close()


async def test_streamed_draft_then_rewrite(
    settings: Settings, llm_desk: Desk, server: FakeOpenAIServer
) -> None:
    seen: list[DraftMessage] = []
    app = build(llm_desk.settings, llm_desk)
    hook = lambda m: seen.append(m) if isinstance(m, DraftMessage) else None  # noqa: E731
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        screen = await open_first(app, pilot)
        deltas = [m for m in seen if isinstance(m, DraftDelta)]
        assert len(deltas) >= 5, "the draft arrives in pieces"
        (first,) = llm_desk.versions(screen.email_id)
        assert screen.editor.text == first.body and "Kundenportal" in first.body
        assert first.draft.mode == "llm"
        assert "model test-model" in str(screen.query_one("#draft-status").render())

        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "RewriteScreen")
        await pilot.press("enter")  # first choice: shorter
        await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
        await wait_for(pilot, lambda: "kurz gesagt" in screen.editor.text, timeout=15)
        await wait_for(pilot, lambda: not screen.streaming)
        asked = " ".join(str(m["content"]) for m in server.requests[-1]["messages"])
        assert "Make the reply shorter." in asked and "Kundenportal" in asked

        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "RewriteScreen")
        await pilot.press("tab", *"Bitte Zahlungstermin nennen", "enter")
        await wait_for(pilot, lambda: len(server.requests) == 3, timeout=15)
        await wait_for(pilot, lambda: not screen.streaming and not app.is_drafting(1), timeout=15)
    versions = llm_desk.versions(screen.email_id)
    assert [v.source for v in versions] == ["generated", "rewrite", "rewrite"]
    assert versions[-1].body == screen.editor.text
    asked = " ".join(str(m["content"]) for m in server.requests[-1]["messages"])
    assert "Bitte Zahlungstermin nennen" in asked


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_dead_model_endpoint_notifies_and_keeps_the_edit(
    settings: Settings, retriever: Any
) -> None:
    dead = llm_settings(settings, f"http://127.0.0.1:{closed_port()}/v1")
    desk = make_desk(dead, retriever, no_llm=False)
    (email_id,) = import_samples(desk, ("01-abschlag-erhoehen.eml",))
    desk.save_edit(email_id, "Meine angefangene Antwort.")  # the agent's earlier work
    try:
        app = build(dead, desk)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_first(app, pilot)
            assert screen.editor.text == "Meine angefangene Antwort."
            await pilot.press("end", *" Noch ein Satz.")
            kept = screen.editor.text
            await pilot.press("ctrl+g")
            await wait_for(
                pilot, lambda: any(n.severity == "error" for n in app._notifications), timeout=15
            )
            await wait_for(pilot, lambda: not screen.streaming)
            error = next(n for n in app._notifications if n.severity == "error")
            assert "hint:" in error.message
            assert screen.editor.text == kept and not screen.editor.read_only
            header = str(screen.query_one("#draft-status").render())
            assert "failed" not in header.lower() and "saved" in header  # the kept draft's
        assert desk.versions(email_id)[-1].body == kept  # saved before regenerating
        assert desk.email(email_id).status != "drafting"
    finally:
        desk.close()


async def test_quitting_mid_draft_puts_the_email_back(settings: Settings, retriever: Any) -> None:
    with FakeOpenAIServer(reply, first_token_delay=3.0) as slow:
        desk = make_desk(llm_settings(settings, slow.base_url), retriever, no_llm=False)
        (email_id,) = import_samples(desk, ("01-abschlag-erhoehen.eml",))
        try:
            app = build(desk.settings, desk)
            async with app.run_test(size=SIZE) as pilot:
                await wait_for(pilot, lambda: getattr(app.screen, "loaded", False))
                await pilot.press("enter")
                await wait_for(pilot, lambda: desk.email(email_id).status == "drafting")
                assert app.drafting.running, "drafts run on the drafting thread"
                await wait_for(pilot, lambda: len(slow.requests) == 1, timeout=15)
                await pilot.press("ctrl+q")
            assert not app.drafting.running
            assert desk.email(email_id).status == "new"
            assert "draft_cancelled" in [e.action for e in desk.audit(email_id)]
            assert desk.versions(email_id) == []
        finally:
            desk.close()


async def test_regenerating_keeps_the_old_draft_in_view_until_new_text_streams(
    settings: Settings, retriever: Any
) -> None:
    """ctrl+g used to blank the editor at once: with a slow or dead endpoint the agent looked
    at an empty editor (~30 s under load) before the new draft or the fallback came."""
    with FakeOpenAIServer(reply, first_token_delay=2.0) as slow:
        desk = make_desk(llm_settings(settings, slow.base_url), retriever, no_llm=False)
        (email_id,) = import_samples(desk, ("01-abschlag-erhoehen.eml",))
        desk.save_edit(email_id, "Meine alte Antwort.")
        try:
            app = build(desk.settings, desk)
            async with app.run_test(size=SIZE) as pilot:
                screen = await open_first(app, pilot)
                assert screen.editor.text == "Meine alte Antwort."
                await pilot.press("ctrl+g")
                await wait_for(pilot, lambda: screen.streaming)
                await pilot.pause(0.5)  # retrieval, then the model's first token takes 2 s
                assert screen.streaming and screen.editor.read_only  # no typing meanwhile
                assert screen.editor.text == "Meine alte Antwort."  # not blank
                assert "Drafting" in str(screen.query_one("#draft-status").render())
                await wait_for(pilot, lambda: "Kundenportal" in screen.editor.text, timeout=30)
                assert "Meine alte Antwort." not in screen.editor.text  # replaced, not appended
                await wait_for(pilot, lambda: not screen.streaming, timeout=15)
                assert screen.editor.text == desk.versions(email_id)[-1].body
                assert not screen.editor.read_only
        finally:
            desk.close()


def test_loading_the_engine_also_embeds_the_reason_examples(
    settings: Settings, retriever: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first draft of a desk embedded the ~220 labelled reason examples (~20 s under
    load) after the agent pressed ctrl+g; loading the engine ("Loading the knowledge base
    and models …") now does it, before any email is claimed."""
    from drafter.drafting import reason_examples

    monkeypatch.setattr(reason_examples, "_CACHE", {})
    desk = make_desk(settings, retriever, no_llm=False)
    try:
        desk.engine()
        assert reason_examples._CACHE, "the example vectors were not computed"
    finally:
        desk.close()
