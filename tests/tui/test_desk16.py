"""Desk points found in round 16 (desk16): drafter tried as a new user would, in German and
English at 80 and 160 columns, on the demo data."""

from __future__ import annotations

import io
from typing import Any

import pytest
from textual.content import Content
from textual.widgets import Input, Label, Static

from drafter.config import DEFAULT_CONTACT_REASONS, Settings
from drafter.desk import Desk
from drafter.tui import i18n
from drafter.tui.screens.modals import HelpScreen
from drafter.tui.screens.queue import QueueScreen
from tests.tui.helpers import wait_for
from tests.tui.real_service import build, import_samples, open_first
from tests.tui.test_desk_items import screen_text
from tests.tui.test_snapshots import desk_app, queue_ready

LABELS = {"en": ("Reason: instalment", "instalment"), "de": ("Anliegen: Abschlag", "Abschlag")}


@pytest.mark.parametrize("ui", ["en", "de"])
async def test_the_contact_reason_is_a_word_in_the_header_and_the_queue(
    ui: str, settings: Settings, retriever: Any
) -> None:
    """The header said "Reason: abschlag" and the queue's reason column "abschlag",
    "zaehlerstand", "kuendigung": the codes of DRAFTER_CONTACT_REASONS, in both languages."""
    desk = Desk(settings, retriever=retriever, no_llm=True)
    import_samples(desk, ("01-abschlag-erhoehen.eml",))
    app = build(settings.model_copy(update={"ui_language": ui}), desk)
    header, cell = LABELS[ui]
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_first(app, pilot, timeout=120)
            meta = screen.query_one("#email-meta", Static)
            # the header is read again once the first draft (which sets the reason) is saved
            await wait_for(pilot, lambda: "Reason: -" not in str(meta.render()), 10)
            await wait_for(pilot, lambda: "Anliegen: -" not in str(meta.render()), 10)
            assert header in str(meta.render()), str(meta.render())
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
            await pilot.pause(0.3)
            row = next(line for line in screen_text(app).splitlines() if "Krüger" in line)
            assert f" {cell} " in row and "abschlag" not in row, row
    finally:
        desk.close()
        i18n.set_language("en")


def test_every_default_contact_reason_has_a_label_and_a_custom_one_shows_its_code() -> None:
    try:
        for ui in ("en", "de"):
            i18n.set_language(ui)
            labels = [i18n.reason_label(code) for code in DEFAULT_CONTACT_REASONS]
            assert not set(labels) & set(DEFAULT_CONTACT_REASONS), labels
            assert max(map(len, labels)) <= 14, labels  # the queue column's widest
            assert i18n.reason_label("garantie") == "garantie"
            assert i18n.reason_label(None) == i18n.reason_label("") == "-"
        assert i18n.reason_label("stoerung") == "Störung"
    finally:
        i18n.set_language("en")


async def test_a_rejected_email_lists_no_warnings_until_it_is_reopened(
    settings: Settings, retriever: Any
) -> None:
    """A rejected (or sent) email still listed its "read and adapt before sending" warnings
    above the read-only reply: five of 24 rows at 80 columns, for nothing left to send.
    Reopening it (f4) brings them back."""
    desk = Desk(settings, retriever=retriever, no_llm=True)
    import_samples(desk, ("01-abschlag-erhoehen.eml",))
    app = build(settings, desk)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_first(app, pilot, timeout=120)
            warnings = screen.query_one("#warnings", Static)
            assert warnings.display and "template" in str(warnings.render()).lower()
            await pilot.press("f8")
            await pilot.pause(0.2)
            app.screen.query_one(Input).value = "handled by phone"
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
            queue = app.screen
            await pilot.press("f")  # the queue opens on the open emails (desk17): show all
            await wait_for(pilot, lambda: bool(queue.items))  # type: ignore[attr-defined]
            screen = await open_first(app, pilot)
            await wait_for(
                pilot, lambda: "read only" in str(screen.query_one("#draft-status", Label).render())
            )
            warnings = screen.query_one("#warnings", Static)
            assert not warnings.display and not str(warnings.render()), str(warnings.render())
            await pilot.press("f4")
            await pilot.pause(0.2)
            app.screen.query_one(Input).value = "customer called back"
            await pilot.press("enter")
            await wait_for(pilot, lambda: screen.query_one("#warnings", Static).display)
            assert "template" in str(screen.query_one("#warnings", Static).render()).lower()
    finally:
        desk.close()


def _help_text(app: Any) -> str:
    from rich.console import Console

    console = Console(width=140, record=True, file=io.StringIO())
    console.print(app.screen.query_one("#help-table", Static).content)
    return console.export_text()


@pytest.mark.parametrize(
    ("ui", "shown", "not_shown"),
    [
        ("de", ["Strg+P", "Strg+Q", "Enter", "F1, ?", "Esc", "Strg+Z, Strg+Y", "Bild↑"], ["ctrl+"]),
        ("en", ["ctrl+p", "ctrl+q", "enter", "f1, ?", "esc", "ctrl+z, ctrl+y", "pgup"], ["Strg"]),
    ],
)
async def test_the_help_screen_names_the_keys_as_the_desk_language_does(
    ui: str, shown: list[str], not_shown: list[str]
) -> None:
    """The German help listed "ctrl+p", "enter", "escape" as Textual spells them, while the
    rest of the German desk says "Strg+O", "F4", "Enter", "Esc"."""
    app = desk_app(ui_language=ui)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await queue_ready(pilot)
            await pilot.press("f1")
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
            text = _help_text(app)
            assert all(key in text for key in shown), text
            assert not any(word in text for word in not_shown), text
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize(
    ("ui", "keys", "query"),
    [("en", ["[s]", "[f1, ?]"], "statistics"), ("de", ["[s]", "[F1, ?]"], "Statistik")],
)
async def test_the_command_palette_shows_every_key(ui: str, keys: list[str], query: str) -> None:
    """The palette parses its entries as markup: "Desk statistics  [s]" lost its key ("[s]" is
    the strike-through tag) and help read "[f1,question_mark]"."""
    from drafter.tui.commands import KeysProvider

    app = desk_app(ui_language=ui)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await queue_ready(pilot)
            provider = KeysProvider(app.screen)
            shown = [Content.from_markup(hit.prompt).plain async for hit in provider.discover()]
            for key in keys:
                assert any(line.endswith(f"  {key}") for line in shown), shown
            found = [hit async for hit in provider.search(query)]
            assert found and Content.from_markup(found[0].prompt).plain.endswith(keys[0])
    finally:
        i18n.set_language("en")


async def test_a_sent_email_does_not_list_its_own_reply_as_an_earlier_message(
    settings: Settings, retriever: Any
) -> None:
    """A sent email's conversation said "1 earlier message in this thread": its own reply,
    sent after it and shown in the read-only editor already. A follow-up still lists it."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tests.tui.test_desk_items import _mail

    desk = Desk(settings, retriever=retriever, no_llm=True)
    at = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    try:
        first, follow_up = desk.import_messages(
            [
                ("a", _mail("Abschlag", "Bitte Abschlag auf 90 Euro.", at, "<a@x>")),
                (
                    "b",
                    _mail("Re: Abschlag", "Schon erledigt?", at.replace(day=4), "<b@x>", "<a@x>"),
                ),
            ]
        ).email_ids
        desk.save_edit(first, "Guten Tag, der Abschlag ist geändert.")
        desk.approve(first, "Guten Tag, der Abschlag ist geändert.")
        desk.send(first)
        shown = [(turn.email_id, turn.kind) for turn in desk.conversation(first)]
        assert shown == [(follow_up, "customer")], shown
        assert [(turn.email_id, turn.kind) for turn in desk.conversation(follow_up)] == [
            (first, "customer"),
            (first, "reply"),
        ]
    finally:
        desk.close()


@pytest.mark.parametrize(("ui", "said"), [("en", "1 later"), ("de", "1 spätere")])
async def test_a_later_mail_of_the_thread_is_not_called_earlier(
    ui: str, said: str, settings: Settings, retriever: Any
) -> None:
    """Opening the first mail of a thread whose customer wrote again said "Conversation: 1
    earlier message(s)" for the follow-up that came after it: an agent working oldest first
    did not learn that the customer had written again."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from textual.widgets import Collapsible

    from tests.tui.test_desk_items import _mail

    desk = Desk(settings, retriever=retriever, no_llm=True)
    at = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    desk.import_messages(
        [
            ("a", _mail("Abschlag", "Bitte Abschlag auf 90 Euro.", at, "<a@x>")),
            ("b", _mail("Re: Abschlag", "Schon erledigt?", at.replace(day=4), "<b@x>", "<a@x>")),
        ]
    )
    app = build(settings.model_copy(update={"ui_language": ui}), desk)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_first(app, pilot, timeout=120)  # the oldest: the first mail
            assert "Bitte Abschlag" in str(screen.query_one("#email-body", Static).render())
            box = screen.query_one("#conversation", Collapsible)
            assert said in str(box.title), box.title
    finally:
        desk.close()
        i18n.set_language("en")
