"""What a new user trips over in the desk, on the REAL Desk (SQLite in tmp_path, the no-LLM
engine over a real Chroma index, sample emails from examples/inbox), in the terminal size
most terminals open with (80 x 24): the editor keeps room to work in, and keys the footer
has no room for still answer."""

from __future__ import annotations

import pytest
from textual.widget import Widget

from drafter.config import Settings
from drafter.desk import Desk
from drafter.tui import i18n
from drafter.tui.app import DeskApp
from drafter.tui.screens.modals import RejectScreen
from tests.tui.helpers import wait_for
from tests.tui.real_service import build, open_first
from tests.tui.test_desk_items import screen_text

DEFAULT_TERMINAL = (80, 24)


async def drafted(desk: Desk) -> None:
    """Draft the queue before the desk opens (the first draft of a process loads the models,
    which takes longer than a test waits on a busy machine)."""
    for item in desk.queue():
        async for _ in desk.draft(item.email_id):
            pass


def notes(app: DeskApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


@pytest.mark.parametrize("ui", ["en", "de"])
async def test_an_80x24_terminal_leaves_the_editor_room_for_the_reply(
    settings: Settings, desk: Desk, ui: str
) -> None:
    """The first sample has two warnings and two sources: in 80 x 24 the editor showed one or
    two lines of the reply (email, warnings and sources took the rest)."""
    await drafted(desk)
    try:
        app = build(settings.model_copy(update={"ui_language": ui}), desk)
        async with app.run_test(size=DEFAULT_TERMINAL) as pilot:
            screen = await open_first(app, pilot)
            await pilot.pause(0.1)
            shown = screen.editor.content_region.height
            assert shown >= 6, f"the editor shows {shown} lines of the reply"
            assert screen.draft is not None
            text = screen_text(app)
            assert text.count("⚠") == len(screen.draft.warnings), "every warning stays readable"
            assert screen.query_one("#citations").region.height >= 2, "the sources stay listed"
            assert "Sehr geehrte Damen und Herren" in text, "the email stays in view"
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize(
    ("ui", "why"),
    [("en", "rewriting needs a language model"), ("de", "Umschreiben braucht ein Sprachmodell")],
)
async def test_ctrl_r_without_a_model_says_why_when_the_footer_has_no_room(
    settings: Settings, desk: Desk, ui: str, why: str
) -> None:
    """At 80 columns the footer cannot show 'Rewrite: no model', and a greyed key did
    nothing at all: the README promises that rewriting without a model says so at once (in
    the desk's language: the German desk showed the core's English reason)."""
    await drafted(desk)
    try:
        app = build(settings.model_copy(update={"ui_language": ui}), desk)
        async with app.run_test(size=DEFAULT_TERMINAL) as pilot:
            screen = await open_first(app, pilot)
            text = screen.editor.text
            await pilot.press("ctrl+r")
            await pilot.pause(0.1)
            assert why in notes(app), "the key says why at once"
            if ui == "de":
                assert "rewriting needs" not in notes(app), "no English in the German desk"
            assert app.screen is screen, "no rewrite dialog"
            assert screen.editor.text == text, "the editor never blanks"
            assert screen.check_action("rewrite", ()) is None, "the key stays greyed out"
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("ui", ["en", "de"])
async def test_the_reject_question_is_shown_whole_at_80_columns(
    settings: Settings, desk: Desk, ui: str
) -> None:
    """'Reject this email: why? (enter to confirm, escape to cance' was cut at 80 columns."""
    await drafted(desk)
    try:
        app = build(settings.model_copy(update={"ui_language": ui}), desk)
        async with app.run_test(size=DEFAULT_TERMINAL) as pilot:
            await open_first(app, pilot)
            await pilot.press("f8")
            await wait_for(pilot, lambda: isinstance(app.screen, RejectScreen))
            await pilot.pause(0.2)
            title = i18n.t("reject.title")
            (question,) = [w for w in app.screen.query(Widget) if str(w.render()) == title]
            inner = question.parent.content_region  # type: ignore[union-attr]
            width, height = question.region.width, question.region.height
            assert width <= inner.width, f"{width} columns wide in a dialog of {inner.width}"
            assert width * height >= len(title), f"{len(title)} characters in {width}x{height}"
    finally:
        i18n.set_language("en")


async def test_the_german_figures_name_the_total_row_in_german(
    settings: Settings, desk: Desk
) -> None:
    """The stats screen of the German desk called its total row 'all'."""
    from drafter.tui.screens.queue import QueueScreen
    from drafter.tui.screens.stats import StatsScreen

    try:
        app = build(settings.model_copy(update={"ui_language": "de"}), desk)
        async with app.run_test(size=(160, 40)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
            await pilot.press("s")
            await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen))
            screen = app.screen
            assert isinstance(screen, StatsScreen)
            await wait_for(pilot, lambda: screen.loads >= 1)
            await pilot.pause()
            total = [str(cell) for cell in screen.table("reasons").get_row("total")]
            assert total[:2] == ["gesamt", "2"], total
    finally:
        i18n.set_language("en")
