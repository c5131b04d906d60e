"""Desk points found in round 18 (desk18): a new user's shift in German at 80 columns and in
English at 160, on the real Desk."""

from __future__ import annotations

import threading
import time

import pytest
from textual.widgets._footer import FooterKey

from drafter.config import Settings
from drafter.desk import Desk
from drafter.tui import i18n
from drafter.tui.screens.email import EmailScreen
from drafter.tui.screens.queue import QueueScreen
from tests.integration.desk_helpers import queue_emails
from tests.tui.helpers import wait_for
from tests.tui.real_service import build


def _desk_with_closed_emails(settings: Settings) -> tuple[Desk, list[int]]:
    desk = Desk(settings)
    ids = queue_emails(desk, 4)
    desk.claim(ids[0])
    desk.approve(ids[0], "Guten Tag,\n\nerledigt.\n")
    desk.send(ids[0])
    desk.reject(ids[1], "spam")
    return desk, ids


@pytest.mark.parametrize("ui", ["en", "de"])
async def test_sent_and_rejected_emails_are_a_few_presses_of_f_away(
    settings: Settings, ui: str
) -> None:
    """docs/tui.md: "`f` cycles to all emails and to each status, so sent and rejected ones
    are one key away"; they were the 7th and 8th press of `f` (after new, drafting, ready,
    in review, needs attention), where an agent looks for what the team answered."""
    desk, ids = _desk_with_closed_emails(settings.model_copy(update={"ui_language": ui}))
    app = build(settings.model_copy(update={"ui_language": ui}), desk)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
            queue = app.screen
            assert isinstance(queue, QueueScreen)
            assert set(queue.items) == set(ids[2:])  # open
            await pilot.press("f", "f")  # all, then sent
            await wait_for(pilot, lambda: set(queue.items) == {ids[0]})
            await pilot.press("f")  # rejected
            await wait_for(pilot, lambda: set(queue.items) == {ids[1]})
    finally:
        desk.close()
        i18n.set_language("en")


@pytest.mark.parametrize("ui", ["de", "en"])
async def test_a_rejected_emails_footer_shows_reopen_at_80_columns(
    settings: Settings, ui: str
) -> None:
    """A rejected email's one action, f4 reopen, was the German footer's last key at 80
    columns, cut to "F4 Wie" behind Thread, Back, Source and Model view."""
    desk, ids = _desk_with_closed_emails(settings)
    app = build(settings.model_copy(update={"ui_language": ui}), desk)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
            app.screen.open_email(ids[1])  # type: ignore[attr-defined]
            await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
            screen = app.screen
            await wait_for(pilot, lambda: screen.record is not None)  # type: ignore[attr-defined]
            await wait_for(pilot, lambda: any(
                k.key_display.lower() == "f4" for k in screen.query(FooterKey)))  # fmt: skip
            await pilot.pause(0.2)
            reopen = next(k for k in screen.query(FooterKey) if k.key_display.lower() == "f4")
            assert reopen.region.right <= 80, reopen.region
            label = str(reopen.render())
            assert ("Wieder öffnen" if ui == "de" else "Reopen") in label, label
    finally:
        desk.close()
        i18n.set_language("en")


async def test_what_the_agent_types_while_the_email_loads_goes_into_the_reply(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys typed while an email opened (its record read from a busy database) were lost or
    half lost: "end", " Gerne", then " helfen wir." gave "e helfen wir.Sehr geehrte Frau
    Krüger," — text in front of the greeting, one send away."""
    desk = Desk(settings)
    (email_id,) = queue_emails(desk, 1)
    desk.claim(email_id)
    desk.save_edit(email_id, "Sehr geehrte Frau Krüger,\n\nvielen Dank.\n")
    desk.release(email_id)
    app = build(settings, desk)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
            read = desk.email

            def slow(email_id: int) -> object:
                time.sleep(0.6)  # on the desk's worker thread, as a slow database would
                return read(email_id)

            monkeypatch.setattr(desk, "email", slow)
            await pilot.press("enter", "end", *" Gerne")
            await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
            screen = app.screen
            assert isinstance(screen, EmailScreen)
            await wait_for(pilot, lambda: screen.saved_text is not None)
            await pilot.press(*" helfen wir.")
            await wait_for(pilot, lambda: "wir." in screen.editor.text)
            assert screen.editor.text.startswith("Sehr geehrte Frau Krüger, Gerne helfen wir.\n")
    finally:
        desk.close()


@pytest.mark.parametrize("ui", ["de", "en"])
async def test_help_is_the_first_key_of_the_stats_footer(settings: Settings, ui: str) -> None:
    """The queue and the email screen put f1 Help first (desk17); the stats screen still had
    it last ("Esc Zurück  r Neu laden  Strg+Q Beenden  F1 Hilfe")."""
    desk = Desk(settings)
    queue_emails(desk, 1)
    app = build(settings.model_copy(update={"ui_language": ui}), desk)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
            await pilot.press("s")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "StatsScreen")
            await wait_for(pilot, lambda: len(list(app.screen.query(FooterKey))) > 2)
            keys = [k.key_display.lower() for k in app.screen.query(FooterKey)]
            assert keys[0] == "f1", keys
    finally:
        desk.close()
        i18n.set_language("en")


async def test_a_key_that_reaches_the_opening_screen_before_the_editor_goes_into_the_reply(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """make test on a loaded machine: the "end" pressed right after Enter reached the email
    screen before its editor had the focus and was lost, so " Gerne" went in front of the
    greeting. A key the screen gets while the reply loads is the editor's, in order."""
    desk = Desk(settings)
    (email_id,) = queue_emails(desk, 1)
    desk.claim(email_id)
    desk.save_edit(email_id, "Sehr geehrte Frau Krüger,\n\nvielen Dank.\n")
    desk.release(email_id)
    app = build(settings, desk)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
            read = desk.email
            loaded = threading.Event()

            def slow(email_id: int) -> object:
                loaded.wait(10)  # the database answers when the test says so
                return read(email_id)

            monkeypatch.setattr(desk, "email", slow)
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
            screen = app.screen
            assert isinstance(screen, EmailScreen)
            app.set_focus(None)  # as before the editor is mounted and focused
            await pilot.press("end")
            screen.editor.focus()
            await pilot.press(*" Gerne")
            assert screen.saved_text is None  # all typed while the reply loads
            loaded.set()
            await wait_for(pilot, lambda: "Gerne" in screen.editor.text)
            assert screen.editor.text.startswith("Sehr geehrte Frau Krüger, Gerne\n")
    finally:
        desk.close()
