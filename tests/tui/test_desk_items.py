"""Behaviour of the desk items of issue 12 on the REAL Desk (SQLite in tmp_path, the no-LLM
engine over a real Chroma index, sample emails from examples/inbox): every queue row drawn,
read-only final emails, reopening, rewrite without a model, autosave sessions, the version
list, local time, the template fallback, the German interface and the thread conversation."""

from __future__ import annotations

import contextlib
import html
import re
import socket
import threading
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from textual.pilot import Pilot
from textual.widgets import Collapsible, Label, OptionList, Static

from drafter.config import Settings
from drafter.desk import Desk
from drafter.tui.app import DeskApp
from drafter.tui.screens import email as email_screen
from drafter.tui.screens.email import EmailScreen
from drafter.tui.screens.queue import QueueScreen
from tests.tui.helpers import wait_for
from tests.tui.real_service import DRAFT_TIMEOUT, INBOX, SIZE, build, make_desk, open_first

_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>')


def screen_text(app: DeskApp) -> str:
    """What the terminal shows, line by line (from Textual's own screenshot)."""
    lines: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in _TEXT.findall(app.export_screenshot()):
        lines.setdefault(float(y), []).append((float(x), html.unescape(text)))
    rows = ("".join(t for _, t in sorted(parts)) for _, parts in sorted(lines.items()))
    return "\n".join(rows).replace("\xa0", " ")


async def queue_loaded(app: DeskApp, pilot: Pilot[None]) -> QueueScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
    screen = app.screen
    assert isinstance(screen, QueueScreen)
    return screen


def footer(app: DeskApp) -> list[str]:
    """The labels of the bindings the footer offers now (shown and not refused)."""
    active = app.active_bindings.values()
    return [b.binding.description for b in active if b.binding.show and b.enabled]


def notes(app: DeskApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


# --- every row drawn -------------------------------------------------------------------------


async def test_every_row_is_drawn_after_import_and_refresh(settings: Settings, desk: Desk) -> None:
    """The queue grows past the screen after an import: the last row must be on screen when
    the cursor is on it (a horizontal scrollbar used to cover it)."""
    app = build(settings, desk)
    async with app.run_test(size=(100, 14)) as pilot:
        queue = await queue_loaded(app, pilot)
        names = sorted(p.name for p in INBOX.glob("*.eml"))[2:14]
        desk.import_messages((name, (INBOX / name).read_bytes()) for name in names)
        await pilot.press("r")
        await wait_for(pilot, lambda: queue.table.row_count == 14)
        await pilot.press("end")
        await pilot.pause(0.1)
        last = queue.table.row_ids[-1]
        assert queue.selected_id() == last
        subject = next(i.subject for i in desk.queue() if i.email_id == last)
        assert subject[:14] in screen_text(app), "the last row is drawn"
        region = queue.table.scrollable_content_region
        assert region.height == queue.table.size.height, "no horizontal scrollbar"


# --- final emails ------------------------------------------------------------------------------


async def _send_first(app: DeskApp, pilot: Pilot[None]) -> int:
    screen = await open_first(app, pilot)
    await pilot.press("f9")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmSendScreen")
    await pilot.press("y")
    await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen), timeout=10)
    return screen.email_id


async def _open(app: DeskApp, pilot: Pilot[None], email_id: int) -> EmailScreen:
    queue = await queue_loaded(app, pilot)
    if queue.status_filter is not None:  # the queue opens on the open emails (desk17): `f`
        await pilot.press("f")  # shows all, sent and rejected ones too
        await wait_for(pilot, lambda: queue.status_filter is None)
    await wait_for(pilot, lambda: email_id in queue.table.row_ids)
    queue.table.select_id(email_id)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
    screen = app.screen
    assert isinstance(screen, EmailScreen)
    # an email without a draft is drafted on opening: the first one loads the models
    await wait_for(
        pilot,
        lambda: screen.saved_text is not None and screen.record is not None,
        timeout=DRAFT_TIMEOUT,
    )
    await pilot.pause(0.05)
    return screen


async def test_a_sent_email_is_read_only_and_escape_leaves(settings: Settings, desk: Desk) -> None:
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        email_id = await _send_first(app, pilot)
        screen = await _open(app, pilot, email_id)
        before = screen.editor.text
        assert screen.editor.read_only
        screen.editor.focus()
        await pilot.press(*"typed", "enter")
        await pilot.pause(0.05)
        assert screen.editor.text == before, "a sent reply cannot be typed into"
        assert "read only" in str(screen.query_one("#draft-status", Label).render())
        await pilot.press("f9")
        await pilot.pause(0.1)
        assert app.screen is screen, "f9 offers no send dialog for a sent email"
        await pilot.pause(0.1)
        shown = footer(app)
        assert "Back" in shown and "Send" not in shown and "Reject" not in shown
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
    assert [v.source for v in desk.versions(email_id)] == ["generated"]


async def test_reject_then_reopen_with_a_reason(settings: Settings, desk: Desk) -> None:
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        email_id = screen.email_id
        await pilot.press("f8")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "RejectScreen")
        await pilot.press(*"duplicate", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
        screen = await _open(app, pilot, email_id)
        assert screen.editor.read_only
        await pilot.press("f4")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ReopenScreen")
        await pilot.press("enter")  # no reason: refused
        assert type(app.screen).__name__ == "ReopenScreen"
        await pilot.press(*"customer called back", "enter")
        await wait_for(pilot, lambda: app.screen is screen and not screen.final)
        await wait_for(pilot, lambda: not screen.editor.read_only)
        screen.editor.move_cursor(screen.editor.document.end)
        await pilot.press(*"PS")
        assert screen.editor.text.endswith("PS")
    assert desk.email(email_id).status == "in_review"
    (entry,) = [e for e in desk.audit(email_id) if e.action == "reopened"]
    assert entry.detail["reason"] == "customer called back"


def test_a_sent_email_cannot_be_reopened(settings: Settings, desk: Desk) -> None:
    from drafter.errors import StoreError

    email_id = desk.queue()[0].email_id
    with pytest.raises(StoreError, match="only a rejected email"):
        desk.reopen(email_id, "why not")


# --- rewrite without a model -------------------------------------------------------------------


async def test_rewrite_without_a_model_says_why_at_once(settings: Settings, desk: Desk) -> None:
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        text = screen.editor.text
        await pilot.press("ctrl+r")
        await pilot.pause(0.1)
        assert app.screen is screen, "no rewrite dialog"
        assert not screen.streaming and screen.editor.text == text, "the editor never blanks"
        assert screen.check_action("rewrite", ()) is None, "the key is greyed out"
        assert "Rewrite: no model" in screen_text(app), "the footer says why"
        screen.action_rewrite()  # reached another way (it is not): still says why at once
        await pilot.pause(0.05)
        assert "language model" in notes(app)


# --- autosave and versions ---------------------------------------------------------------------


async def test_autosave_makes_one_version_per_editing_session(
    settings: Settings, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(email_screen, "AUTOSAVE_DELAY", 0.05)
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        email_id = screen.email_id
        screen.editor.move_cursor(screen.editor.document.end)
        for piece in ("\nPS 1", "2", "3"):  # three pauses, each long enough to autosave
            await pilot.press(*piece)
            await wait_for(pilot, lambda: not screen.dirty, timeout=3)
            await pilot.pause(0.1)
        assert [v.source for v in desk.versions(email_id)] == ["generated", "edit"]
        assert desk.versions(email_id)[-1].body == screen.editor.text
        await pilot.press("ctrl+s")  # an explicit save ends the session
        await pilot.press(*" more")
        await wait_for(pilot, lambda: not screen.dirty, timeout=3)
        await wait_for(pilot, lambda: len(desk.versions(email_id)) == 3)
        await pilot.press("ctrl+b")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "VersionsScreen")
        await pilot.pause(0.05)
        listed = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "+ " in listed and "PS 123 more" in listed, "the newest change is shown"
        await pilot.press("escape")


async def test_an_autosave_during_a_slow_save_amends_the_same_version(
    settings: Settings, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next autosave fires while the previous save is still running (a busy database):
    it waits for it and amends that version. Before, it saved a version of its own, and the
    slow save then added the older text on top."""
    monkeypatch.setattr(email_screen, "AUTOSAVE_DELAY", 0.05)
    real_save = desk.save_edit
    go_on = threading.Event()
    calls: list[int | None] = []

    def slow_save(*args: Any, **kw: Any) -> Any:
        calls.append(kw.get("amend"))
        if len(calls) == 1:
            go_on.wait(5.0)  # the first save is slow
        return real_save(*args, **kw)

    monkeypatch.setattr(desk, "save_edit", slow_save)
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        email_id = screen.email_id
        screen.editor.move_cursor(screen.editor.document.end)
        await pilot.press("P")
        await wait_for(pilot, lambda: len(calls) == 1)  # its autosave is saving
        await pilot.press("S")
        await pilot.pause(0.3)  # the next autosave fires meanwhile
        go_on.set()
        await wait_for(pilot, lambda: not screen.dirty, timeout=5)
        await pilot.pause(0.2)
        versions = desk.versions(email_id)
        assert [v.source for v in versions] == ["generated", "edit"]
        assert versions[-1].body == screen.editor.text
        assert screen.editor.text.endswith("PS")


# --- local time ----------------------------------------------------------------------------------


async def test_times_are_local(settings: Settings, desk: Desk) -> None:
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        record = desk.email(screen.email_id)
        meta = str(screen.query_one("#email-meta", Static).render())
        berlin = record.received_at.astimezone(ZoneInfo("Europe/Berlin"))
        assert berlin.strftime("%Y-%m-%d %H:%M") in meta
        assert "UTC" not in meta


# --- the template fallback -------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_template_draft_when_the_model_fails(settings: Settings, retriever: Any) -> None:
    failing = settings.model_copy(
        update={
            "llm_base_url": f"http://127.0.0.1:{_closed_port()}/v1",
            "llm_model": "gone",
            "llm_max_retries": 0,
            "llm_total_timeout": 5.0,
        }
    )
    desk = make_desk(failing, retriever, no_llm=False)
    try:
        desk.import_messages([("01", (INBOX / "01-abschlag-erhoehen.eml").read_bytes())])
        app = build(failing, desk)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_first(app, pilot)
            await wait_for(pilot, lambda: screen.draft is not None, timeout=DRAFT_TIMEOUT)
            assert screen.editor.text.strip(), "a template draft, not an empty editor"
            assert "template draft" in str(screen.query_one("#draft-status", Label).render())
            warnings = str(screen.query_one("#warnings", Static).render())
            assert "⚠ Model failed: " in warnings  # the English label (polish10)
        (version,) = desk.versions(screen.email_id)
        assert version.draft.mode == "extractive"
        assert version.draft.warnings[0].code == "model_failed"
        assert desk.email(screen.email_id).status == "ready"
    finally:
        desk.close()


# --- German interface -------------------------------------------------------------------------


async def test_german_interface(settings: Settings, desk: Desk) -> None:
    german = settings.model_copy(update={"ui_language": "de"})
    app = build(german, desk)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await queue_loaded(app, pilot)
            shown = screen_text(app)
            assert "Absender" in shown and "Betreff" in shown and "Öffnen" in footer(app)
            screen = await open_first(app, pilot)
            assert "Vorlagen-Entwurf" in str(screen.query_one("#draft-status", Label).render())
            assert "Eingang:" in str(screen.query_one("#email-meta", Static).render())
    finally:
        from drafter.tui.i18n import set_language

        set_language("en")


async def test_the_command_palette_speaks_the_desk_language(settings: Settings, desk: Desk) -> None:
    """Textual's own palette entries (placeholder, Theme, Keys, Quit, ...) are English; in the
    German desk the palette shows the catalogue's words, and quit/keys only once (the desk's)."""
    german = settings.model_copy(update={"ui_language": "de"})
    app = build(german, desk)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await queue_loaded(app, pilot)
            titles = [c.title for c in app.get_system_commands(app.screen)]
            assert "Farbschema" in titles
            assert not {"Theme", "Quit", "Keys", "Maximize", "Screenshot"} & set(titles), titles
            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: "Befehl oder Taste suchen" in screen_text(app))
            await pilot.press(*"Farb")
            await wait_for(pilot, lambda: "Farbschema" in screen_text(app), timeout=20)
            assert "Search for commands" not in screen_text(app)
    finally:
        from drafter.tui.i18n import set_language

        set_language("en")


@pytest.mark.parametrize(
    ("language", "send", "reject"), [("en", "Send", "Reject"), ("de", "Senden", "Ablehnen")]
)
async def test_the_send_and_reject_keys_are_in_the_footer_at_80_columns(
    settings: Settings, desk: Desk, language: str, send: str, reject: str
) -> None:
    """The footer clips what does not fit; the decisions must be among what is drawn."""
    app = build(settings.model_copy(update={"ui_language": language}), desk)
    try:
        async with app.run_test(size=(80, 30)) as pilot:
            await open_first(app, pilot)
            f9, f8 = ("F9", "F8") if language == "de" else ("f9", "f8")  # desk17: German keys
            keys = (f"{f9} {send}", f"{f8} {reject}")

            def bottom() -> str:
                return screen_text(app).splitlines()[-1]

            # the footer is composed again as the email loads (blank for a frame): wait for
            # the keys rather than reading the last line once
            with contextlib.suppress(AssertionError):
                await wait_for(pilot, lambda: all(key in bottom() for key in keys), 10)
            assert all(key in bottom() for key in keys), bottom()
    finally:
        from drafter.tui.i18n import set_language

        set_language("en")


def test_the_locale_chooses_the_default_language(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "DRAFTER_UI_LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert Settings(_env_file=None).ui_language == "de"  # type: ignore[call-arg]
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert Settings(_env_file=None).ui_language == "en"  # type: ignore[call-arg]
    monkeypatch.setenv("DRAFTER_UI_LANGUAGE", "de")
    assert Settings(_env_file=None).ui_language == "de"  # type: ignore[call-arg]


# --- the conversation of a thread --------------------------------------------------------------


def _mail(subject: str, body: str, when: datetime, message_id: str, reply_to: str = "") -> bytes:
    message = EmailMessage()
    message["From"] = "Greta Thiel <greta@example.org>"
    message["To"] = "service@stadtwerke-nordlicht.de"
    message["Subject"] = subject
    message["Date"] = format_datetime(when)
    message["Message-ID"] = message_id
    if reply_to:
        message["In-Reply-To"] = reply_to
        message["References"] = reply_to
    message.set_content(body)
    return message.as_bytes()


async def test_the_conversation_of_a_thread(settings: Settings, retriever: Any) -> None:
    desk = make_desk(settings, retriever)
    first_at = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    later_at = datetime(2026, 3, 4, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    try:
        report = desk.import_messages(
            [
                ("a", _mail("Abschlag", "Bitte Abschlag auf 90 Euro.", first_at, "<a@x>")),
                ("b", _mail("Re: Abschlag", "Schon erledigt?", later_at, "<b@x>", "<a@x>")),
            ]
        )
        first, follow_up = report.email_ids
        turns = desk.conversation(follow_up)
        assert [(turn.email_id, turn.kind) for turn in turns] == [(first, "customer")]
        app = build(settings, desk)
        async with app.run_test(size=SIZE) as pilot:
            screen = await _open(app, pilot, follow_up)
            box = screen.query_one("#conversation", Collapsible)
            assert "1" in str(box.title) and box.collapsed
            await pilot.press("ctrl+e")
            await wait_for(pilot, lambda: not box.collapsed)
            text = str(screen.query_one("#conversation-text", Static).render())
            assert "Bitte Abschlag auf 90 Euro." in text and "2026-03-02 09:00" in text
    finally:
        desk.close()


def test_reopen_from_the_command_line(settings: Settings, desk: Desk) -> None:
    from tests.cli import run_cli

    email_id = desk.queue()[0].email_id
    data_dir = str(settings.data_dir)
    refused = run_cli("--data-dir", data_dir, "inbox", "reopen", str(email_id), "--reason", "x")
    assert refused.returncode == 2 and "only a rejected email" in refused.stderr
    desk.reject(email_id, "spam")
    done = run_cli("--data-dir", data_dir, "inbox", "reopen", str(email_id), "--reason", "no spam")
    assert done.returncode == 0, done.stderr
    assert desk.email(email_id).status == "new"
    assert [e.detail["reason"] for e in desk.audit(email_id) if e.action == "reopened"] == [
        "no spam"
    ]
