"""The stats screen: the figures of `drafter report` in the TUI.

Behaviour on the real Desk (real SQLite in tmp_path, sample emails drafted by the real no-LLM
engine, edited, approved, sent to the real outbox folder and rejected; timestamps pinned so
the times are known), the empty state, errors and keys on the in-memory desk, and snapshots
(class TestStatsScreen) of the deterministic fake figures.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable

from sqlalchemy import update
from textual.pilot import Pilot
from textual.widgets import Label, Static

from drafter.config import Settings
from drafter.desk import Desk
from drafter.errors import StoreError
from drafter.evaluation.analytics import Analytics, Group
from drafter.models import Done
from drafter.store.schema import draft_versions, emails, outbox, rejections
from drafter.tui.app import DeskApp, make_app
from drafter.tui.i18n import t
from drafter.tui.screens.email import EmailScreen
from drafter.tui.screens.queue import QueueScreen
from drafter.tui.screens.stats import StatsScreen
from tests.tui.fake_desk import NOW, FakeDesk
from tests.tui.helpers import wait_for
from tests.tui.real_service import SIZE, build, import_samples

Compare = Callable[..., bool]
SNAP_SIZE = (120, 40)


def cells(screen: StatsScreen, table: str, row: str) -> list[str]:
    return [str(cell) for cell in screen.table(table).get_row(row)]


def column(screen: StatsScreen, table: str, key: str) -> list[str]:
    return [str(cell) for cell in screen.table(table).get_column(key)]


async def open_stats(app: DeskApp, pilot: Pilot[None], loads: int = 1) -> StatsScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
    await pilot.press("s")
    await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen))
    screen = app.screen
    assert isinstance(screen, StatsScreen)
    await wait_for(pilot, lambda: screen.loads >= loads)
    await pilot.pause()
    return screen


async def first_draft(desk: Desk, email_id: int) -> str:
    async for event in desk.draft(email_id):
        if isinstance(event, Done):
            return event.draft.body
    raise AssertionError(f"email {email_id} got no draft")


def at(minute: int) -> dt.datetime:
    return dt.datetime(2026, 10, 5, 10, minute, tzinfo=dt.UTC)


async def test_real_desk_figures_follow_the_agent_actions(settings: Settings, desk: Desk) -> None:
    ids = [e.email_id for e in desk.queue()] + import_samples(desk, ("05-kuendigung-strom.eml",))
    same, edited_id, rejected = ids
    first = {email_id: await first_draft(desk, email_id) for email_id in ids}
    reason = {email_id: desk.email(email_id).contact_reason for email_id in ids}
    assert reason[same] != reason[edited_id], reason
    reason[rejected] = "kuendigung"  # the small test KB has no cancellation article
    desk.approve(same, first[same])
    desk.send(same)
    edited = first[edited_id] + "\nPS: a photo of the meter helps us.\n"
    desk.save_edit(edited_id, edited)
    desk.approve(edited_id, edited)
    desk.send(edited_id)
    desk.reject(rejected, "Falsche Zuordnung")
    assert len(list(settings.outbox_path.glob("*.eml"))) == 2
    # imported 10:00, first drafts 10:01; sent 10:11 and 10:31, rejected 10:21
    with desk.db.write() as conn:
        conn.execute(update(emails).values(imported_at=at(0)))
        conn.execute(
            update(emails).where(emails.c.id == rejected).values(contact_reason="kuendigung")
        )
        conn.execute(update(draft_versions).values(created_at=at(1)))
        conn.execute(update(outbox).where(outbox.c.email_id == same).values(sent_at=at(11)))
        conn.execute(update(outbox).where(outbox.c.email_id == edited_id).values(sent_at=at(31)))
        conn.execute(update(rejections).values(rejected_at=at(21)))
    ratio = 1 - difflib.SequenceMatcher(None, first[edited_id], edited, autojunk=False).ratio()
    assert ratio > 0.005

    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stats(app, pilot)
        summary = str(screen.query_one("#stats-summary", Label).render())
        assert summary.startswith("3 emails: 2 sent, 1 rejected, 50% sent unchanged")
        assert "first draft after 1.0 min, in review 20.0 min" in summary
        assert not screen.query_one("#stats-empty").display
        # two tables per grouping (each fits 80 columns): volume, drafted, sent, rejected,
        # reasons; then unchanged, edit, to first draft, in review, within the goal
        assert cells(screen, "reasons", f"reasons:{reason[same]}")[1:] == [
            "1", "1", "1", "0", ""]  # fmt: skip
        assert cells(screen, "reasons-review", f"reasons:{reason[same]}")[1:] == [
            "100%", "0%", "1.0 min", "10.0 min", "100%"]  # fmt: skip
        assert cells(screen, "reasons", f"reasons:{reason[edited_id]}")[1:] == [
            "1", "1", "1", "0", ""]  # fmt: skip
        assert cells(screen, "reasons-review", f"reasons:{reason[edited_id]}")[1:] == [
            "0%", f"{ratio * 100:.0f}%", "1.0 min", "30.0 min", "100%"]  # fmt: skip
        assert cells(screen, "reasons", f"reasons:{reason[rejected]}")[1:] == [
            "1", "1", "0", "1", "Falsche Zuordnung (1)"]  # fmt: skip
        assert cells(screen, "reasons-review", f"reasons:{reason[rejected]}")[1:] == [
            "-", "-", "1.0 min", "20.0 min", "-"]  # fmt: skip
        assert cells(screen, "reasons", "total")[:5] == ["all", "3", "3", "2", "1"]
        assert column(screen, "prompts", "key") == ["extractive@1"]
        assert cells(screen, "prompts-review", "prompts:extractive@1")[1] == "50%"
        assert cells(screen, "rejections", "reason:Falsche Zuordnung") == [  # as written
            "Falsche Zuordnung", "1", "100%"]  # fmt: skip

        # another rejection, then `r`: the screen reads the store again
        (spam,) = import_samples(desk, ("19-werbung-widerspruch.eml",))
        desk.reject(spam, "Spam")
        await pilot.press("r")
        await wait_for(pilot, lambda: screen.loads == 2)
        await pilot.pause()
        assert cells(screen, "reasons", "total")[1:5] == ["4", "3", "2", "2"]
        assert column(screen, "rejections", "reason") == ["Falsche Zuordnung", "Spam"]
        assert column(screen, "rejections", "share") == ["50%", "50%"]

        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))


async def test_nothing_decided_yet_says_so_and_still_shows_volumes(
    settings: Settings, desk: Desk
) -> None:
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stats(app, pilot)
        empty = screen.query_one("#stats-empty", Static)
        assert empty.display and "No sent or rejected emails yet" in str(empty.render())
        assert screen.query_one("#stats-body").display
        assert cells(screen, "reasons", "total")[:5] == ["all", "2", "0", "0", "0"]
        assert column(screen, "rejections", "reason") == ["no rejections yet"]


async def test_empty_store_shows_only_the_empty_state(settings: Settings) -> None:
    with Desk(settings) as desk:
        app = build(settings, desk)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_stats(app, pilot)
            assert str(screen.query_one("#stats-empty", Static).render()) == t("stats.no_emails")
            assert screen.query_one("#stats-empty").display
            assert not screen.query_one("#stats-body").display
            assert str(screen.query_one("#stats-summary", Label).render()).startswith("0 emails")


async def test_figures_that_arrive_after_the_screen_emptied_show_nothing(
    settings: Settings,
) -> None:
    """The desk quit while the figures were counted: the late result finds no widgets and
    leaves quietly (before, it failed on the missing summary and the quitting desk
    raised)."""
    with Desk(settings) as desk:
        app = build(settings, desk)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_stats(app, pilot)
            await screen.query_children().remove()  # what shutting down does first
            screen.reload()
            loads = [w for w in app.workers if w.group == "stats-load"]
            assert loads
            await wait_for(pilot, lambda: all(w.is_finished for w in loads))
            assert screen.loads == 1


def fake_app(desk: FakeDesk | None = None) -> DeskApp:
    return make_app(
        Settings(agent_id="agent"), service=desk or FakeDesk(6), now=lambda: NOW, predraft=False,
        cursor_blink=False,
    )  # fmt: skip


async def test_a_failing_store_is_a_notification_not_a_crash() -> None:
    desk = FakeDesk(3)
    desk.fail_calls["stats"] = StoreError("database is locked", hint="try again in a moment")
    app = fake_app(desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stats(app, pilot, loads=0)
        await wait_for(pilot, lambda: bool(app._notifications))
        (note,) = list(app._notifications)
        assert "database is locked" in note.message and "try again" in note.message
        label = screen.query_one("#stats-summary", Label)
        await wait_for(pilot, lambda: "could not load" in str(label.render()))
        del desk.fail_calls["stats"]
        await pilot.press("r")
        await wait_for(pilot, lambda: screen.loads == 1)
        assert screen.analytics is not None and screen.analytics.emails == 23


async def test_s_types_in_the_editor_and_opens_stats_only_once() -> None:
    desk = FakeDesk(3)
    app = fake_app(desk)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
        email = app.screen
        assert isinstance(email, EmailScreen)
        await wait_for(pilot, lambda: email.saved_text is not None and not email.streaming)
        email.editor.focus()
        before = email.editor.text
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is email, "s is typed, not a command, in the editor"
        assert (
            len(email.editor.text) == len(before) + 1
            and email.editor.text.count("s") == before.count("s") + 1
        )
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen))
        await pilot.press("s")
        await pilot.pause()
        assert sum(isinstance(s, StatsScreen) for s in app.screen_stack) == 1
    assert ("stats", None) in desk.calls


class TestStatsScreen:
    def test_stats(self, snap_compare: Compare) -> None:
        async def run(pilot: Pilot[None]) -> None:
            await open_stats(pilot.app, pilot)  # type: ignore[arg-type]

        assert snap_compare(fake_app(), terminal_size=SNAP_SIZE, run_before=run)

    def test_stats_nothing_decided(self, snap_compare: Compare) -> None:
        desk = FakeDesk(3)
        overall = Group("all", 3, 1, 0, 0, None, None, 60.0, None, {})
        by_reason = [Group(i.contact_reason, 1, int(i.email_id == 1)) for i in desk.items.values()]
        desk.stats_result = Analytics(3, overall, by_reason, [], [])

        async def run(pilot: Pilot[None]) -> None:
            screen = await open_stats(pilot.app, pilot)  # type: ignore[arg-type]
            assert str(screen.query_one("#stats-empty", Static).render()) == t("stats.empty")

        assert snap_compare(fake_app(desk), terminal_size=SNAP_SIZE, run_before=run)
