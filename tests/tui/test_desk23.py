"""Desk 23, on the REAL Desk (SQLite in tmp_path, the no-LLM engine over a real Chroma index,
sample emails from examples/inbox): what a shift in the desk turned up in a real terminal."""

from __future__ import annotations

from typing import Any

import pytest

from drafter.config import Settings
from drafter.tui import i18n
from drafter.tui.screens.queue import QueueScreen
from tests.tui.helpers import wait_for
from tests.tui.real_service import SIZE, build, import_samples, make_desk, open_first

# --- the send notice -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ui", "title", "said"),
    [
        ("de", "Antwort gesendet", "an Sabine Krüger <sabine.krueger@web.de>, abgelegt in "),
        ("en", "reply sent", "to Sabine Krüger <sabine.krueger@web.de>, filed in "),
    ],
)
async def test_the_send_notice_names_the_recipient_once_in_the_desk_language(
    settings: Settings, retriever: Any, ui: str, title: str, said: str
) -> None:
    """Sent in a German desk, the notice read "Antwort gesendet / gesendet (outbox:
    /…/outbox/b800….eml)": "gesendet" twice, the English word "outbox" and a file named after
    the Message-ID. Now it says whom the reply went to and the folder it was filed in."""
    desk = make_desk(settings, retriever)
    import_samples(desk, ("01-abschlag-erhoehen.eml",))
    try:
        app = build(settings.model_copy(update={"ui_language": ui}), desk)
        async with app.run_test(size=SIZE) as pilot:
            await open_first(app, pilot)
            await pilot.press("f9")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmSendScreen")
            await pilot.press("y")
            await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen), timeout=10)
            (note,) = [n for n in app._notifications if n.title == title]
            outbox = str(settings.outbox_path)
            assert str(note.message) == said + outbox, note.message
            assert str(note.message).count("gesendet") + note.title.count("gesendet") <= 1
    finally:
        i18n.set_language("en")
        desk.close()


# --- mail that arrives while the desk is open ------------------------------------------------


async def test_mail_imported_while_the_desk_is_open_shows_and_is_predrafted(
    settings: Settings, retriever: Any
) -> None:
    """Tried in a terminal: with the desk open, `drafter inbox import` in another shell (the
    same OS user, so the same agent name) imported a mail the open queue never showed until
    `r`; after `r` it stayed `new` with no draft until opened (a minute's wait on a busy
    machine), although the desk pre-drafts the mail it finds at start. Now the row appears
    by itself and is drafted in the background."""
    desk = make_desk(settings, retriever)
    (first,) = import_samples(desk, ("01-abschlag-erhoehen.eml",))
    importer = make_desk(settings, retriever)  # `drafter inbox import` in another shell
    try:
        app = build(settings, desk, predraft=True)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
            queue = app.screen
            assert isinstance(queue, QueueScreen)
            await wait_for(pilot, lambda: desk.email(first).status == "ready", timeout=60)
            (arrived,) = import_samples(importer, ("31-en-meter-reading.eml",))
            await wait_for(pilot, lambda: arrived in queue.table.row_ids, timeout=10)
            await wait_for(pilot, lambda: desk.email(arrived).status == "ready", timeout=60)
            await wait_for(pilot, lambda: "ready" in queue.table.get_cell(arrived, "status").plain)
        assert desk.versions(arrived), "drafted without anyone opening it"
    finally:
        importer.close()
        desk.close()


# --- typing into a read-only reply -----------------------------------------------------------


@pytest.mark.parametrize(("ui", "said"), [("de", "abgelehnt von"), ("en", "rejected by")])
async def test_typing_into_a_rejected_email_says_why_nothing_happens(
    settings: Settings, retriever: Any, ui: str, said: str
) -> None:
    """Tried in a terminal: typing into a rejected (or sent) email's reply did nothing, without
    a word, while f9 or ctrl+s on it said why. Now the first key typed says so (once, not
    once per key), and the text stays as it was."""
    desk = make_desk(settings, retriever)
    (email_id,) = import_samples(desk, ("01-abschlag-erhoehen.eml",))
    desk.reject(email_id, "telefonisch erledigt")
    try:
        app = build(settings.model_copy(update={"ui_language": ui}), desk)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
            await pilot.press("f", "f", "f")  # open, all, sent, rejected
            queue = app.screen
            assert isinstance(queue, QueueScreen)
            await wait_for(pilot, lambda: queue.table.row_ids == [email_id])
            await pilot.press("enter")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "EmailScreen")
            screen: Any = app.screen
            await wait_for(pilot, lambda: screen.record is not None and not screen.editor.waiting)
            before = screen.editor.text
            await pilot.press(*"Hallo")
            await pilot.pause(0.2)
            told = [n for n in app._notifications if said in str(n.message)]
            assert len(told) == 1, [str(n.message) for n in app._notifications]
            assert "telefonisch erledigt" in str(told[0].message)
            assert screen.editor.text == before
    finally:
        i18n.set_language("en")
        desk.close()


# --- the model's errors in the German desk ----------------------------------------------------


async def test_a_model_outage_reads_german_in_the_german_desk(
    settings: Settings, retriever: Any
) -> None:
    """Tried with a model endpoint that was down: the German desk's template draft carried
    "das Sprachmodell ist fehlgeschlagen (cannot connect to the model endpoint http://…)",
    and ctrl+r / ctrl+g notified "… Details: cannot connect …, Tipp: Details: is the
    server running at …? check DRAFTER_LLM_BASE_URL". Now both are German, URL kept."""
    from drafter.tui import warning_text
    from drafter.tui.screens.email import EmailScreen
    from tests.tui.test_desk_items import _closed_port

    url = f"http://127.0.0.1:{_closed_port()}/v1"
    failing = settings.model_copy(
        update={
            "llm_base_url": url,
            "llm_model": "gone",
            "llm_max_retries": 0,
            "llm_total_timeout": 5.0,
            "ui_language": "de",
        }
    )
    desk = make_desk(failing, retriever, no_llm=False)
    import_samples(desk, ("01-abschlag-erhoehen.eml",))
    try:
        app = build(failing, desk)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_first(app, pilot)
            assert isinstance(screen, EmailScreen)
            await wait_for(pilot, lambda: screen.draft is not None, timeout=30)
            assert screen.draft is not None
            failed = screen.draft.warnings[0]
            assert failed.code == "model_failed"
            shown = warning_text.message(failed)
            assert f"(Keine Verbindung zum Modell-Endpunkt {url})" in shown, shown
            await pilot.press("ctrl+g")  # draft again: the model is still down
            await wait_for(
                pilot, lambda: any(n.severity == "error" for n in app._notifications), timeout=30
            )
            (error,) = [str(n.message) for n in app._notifications if n.severity == "error"]
            assert error.startswith(f"Keine Verbindung zum Modell-Endpunkt {url}"), error
            assert f"Tipp: Läuft der Server unter {url}? DRAFTER_LLM_BASE_URL prüfen" in error
            assert "Details" not in error and "cannot connect" not in error
    finally:
        i18n.set_language("en")
        desk.close()
