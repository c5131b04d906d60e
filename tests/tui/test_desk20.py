"""A desk that leaves no trace of nothing, on the REAL Desk (SQLite in tmp_path, or
PostgreSQL for the team test; the no-LLM engine over a real Chroma index): an edit undone
back to the saved text leaves no version, and an email opened and left without a change
goes back to `ready`, free for the next agent (audit `review_left`)."""

from __future__ import annotations

from typing import Any

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.tui import i18n, warning_text
from drafter.tui.screens import email as email_screen
from drafter.tui.screens.queue import QueueScreen
from tests.integration.desk_helpers import queue_emails
from tests.tui.helpers import wait_for
from tests.tui.real_service import SIZE, build, import_samples, open_first
from tests.tui.test_desk_items import screen_text
from tests.tui.test_first_use import drafted


def actions(desk: Desk, email_id: int) -> list[str]:
    from drafter.store import audit

    with desk.db.read() as conn:
        return [e.action for e in audit.entries(conn, email_id)]


async def type_save_undo(pilot: Any, screen: Any, desk: Desk, email_id: int) -> None:
    """Type one letter at the end, wait for its autosave (a second version), undo it."""
    screen.editor.move_cursor(screen.editor.document.end)
    await pilot.press("x")
    await wait_for(pilot, lambda: len(desk.versions(email_id)) == 2, timeout=5)
    await wait_for(pilot, lambda: not screen.dirty, timeout=5)
    await pilot.press("ctrl+z")


# --- an edit undone ------------------------------------------------------------------------


async def test_an_edit_undone_back_to_the_saved_text_leaves_no_version(
    settings: Settings, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Type a letter, let it autosave, undo it: before, the autosave amended the session's
    version to the text of the version before it (two identical versions in `ctrl+b`)."""
    monkeypatch.setattr(email_screen, "AUTOSAVE_DELAY", 0.05)
    await drafted(desk)
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        email_id = screen.email_id
        saved = desk.versions(email_id)[-1].body
        await type_save_undo(pilot, screen, desk, email_id)
        await wait_for(pilot, lambda: screen.editor.text == saved)
        await wait_for(pilot, lambda: len(desk.versions(email_id)) == 1, timeout=5)
        await wait_for(pilot, lambda: not screen.dirty, timeout=5)
        assert [v.source for v in desk.versions(email_id)] == ["generated"]
        assert "edit_undone" in actions(desk, email_id)
        # the next edit is a version of its own again, and is kept
        await pilot.press("y")
        await wait_for(pilot, lambda: len(desk.versions(email_id)) == 2, timeout=5)
        await wait_for(pilot, lambda: not screen.dirty, timeout=5)
        assert desk.versions(email_id)[-1].body == saved + "y"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
    assert desk.email(email_id).status == "in_review", "an edit kept is a change"


# --- an email opened and left -------------------------------------------------------------------


async def test_an_email_opened_and_left_unchanged_goes_back_to_ready(
    settings: Settings, desk: Desk
) -> None:
    """Before, opening a drafted email moved it to `in_review` for good: the queue said
    "in review" about an email nobody had touched."""
    await drafted(desk)
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        email_id = screen.email_id
        assert desk.email(email_id).status == "in_review"
        await pilot.press("escape")
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        await pilot.pause(0.1)
        record = desk.email(email_id)
        assert (record.status, record.claimed_by) == ("ready", "")
        assert actions(desk, email_id)[-1] == "review_left"
        await wait_for(pilot, lambda: queue.table.row_ids != [])
        item = next(i for i in desk.queue() if i.email_id == email_id)
        assert item.status == "ready"


async def test_an_email_left_after_an_undone_edit_goes_back_to_ready(
    settings: Settings, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit saved and undone again is no change either."""
    monkeypatch.setattr(email_screen, "AUTOSAVE_DELAY", 0.05)
    await drafted(desk)
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        email_id = screen.email_id
        await type_save_undo(pilot, screen, desk, email_id)
        await wait_for(pilot, lambda: len(desk.versions(email_id)) == 1, timeout=5)
        await wait_for(pilot, lambda: not screen.dirty, timeout=5)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
    assert desk.email(email_id).status == "ready"


async def test_a_team_mates_open_and_leave_frees_the_email_for_the_next_agent(
    db_settings: Settings, retriever: Any
) -> None:
    """Team mode (SQLite and PostgreSQL): anna opens an email and leaves it; it is `ready`
    again and ben's "next email" hands it to him."""
    anna = Desk(db_settings.model_copy(update={"agent_id": "anna"}), retriever=retriever)
    ben = Desk(db_settings.model_copy(update={"agent_id": "ben"}), retriever=retriever)
    try:
        (email_id,) = queue_emails(anna, 1)
        await drafted(anna)
        assert anna.email(email_id).status == "ready"
        app = build(anna.settings, anna)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_first(app, pilot)
            assert screen.email_id == email_id
            assert ben.email(email_id).status == "in_review"
            assert ben.claim_next() is None, "anna has it open"
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
        record = ben.email(email_id)
        assert (record.status, record.claimed_by) == ("ready", "")
        assert ben.claim_next() == email_id
        assert ben.email(email_id).status == "in_review"
    finally:
        anna.close()
        ben.close()


# --- 80 x 24: warnings one line each -------------------------------------------------------------


@pytest.mark.parametrize("ui", ["en", "de"])
async def test_at_80x24_two_warnings_leave_the_editor_six_lines(
    settings: Settings, retriever: Any, ui: str
) -> None:
    """Tried in a real 80 x 24 terminal: the gas-smell email (emergency and template-draft
    warnings, each wrapped over two lines, German ones too) left the editor four or five
    lines of the reply. Below 30 rows each warning takes one line (its end cut with `…`; the
    whole text is the pane's tooltip and in the send dialog)."""
    desk = Desk(settings, retriever=retriever, no_llm=True)
    try:
        import_samples(desk, ("27-gasgeruch.eml",))
        await drafted(desk)
        (item,) = desk.queue()
        codes = {w.code for w in desk.versions(item.email_id)[-1].draft.warnings}
        assert {"emergency", "template_draft"} <= codes
        app = build(settings.model_copy(update={"ui_language": ui}), desk)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_first(app, pilot)
            await pilot.pause(0.1)
            assert screen.draft is not None
            warnings = screen.query_one("#warnings")
            assert warnings.region.height == len(screen.draft.warnings), "one line each"
            assert screen.editor.content_region.height >= 6, "the reply keeps room"
            text = screen_text(app)
            assert text.count("⚠") == len(screen.draft.warnings), "every warning is listed"
            assert "…" in text
            full = str(warnings.tooltip)
            for warning in screen.draft.warnings:  # the whole text is one hover away
                assert warning_text.message(warning) in full
        app = build(settings.model_copy(update={"ui_language": ui}), desk)
        async with app.run_test(size=(80, 40)) as pilot:  # tall enough: wrapped, whole
            screen = await open_first(app, pilot)
            await pilot.pause(0.1)
            assert screen.draft is not None
            assert screen.query_one("#warnings").region.height > len(screen.draft.warnings)
    finally:
        i18n.set_language("en")
        desk.close()
