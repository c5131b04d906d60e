"""Live queue: a desk (a real app) shows another agent's claim and sent reply within a second,
on SQLite (polling) and on PostgreSQL."""

from __future__ import annotations

import time
from typing import Any

from drafter.config import Settings
from drafter.desk import Desk
from drafter.tui.screens.queue import QueueScreen
from tests.integration.desk_helpers import queue_emails
from tests.tui.helpers import wait_for
from tests.tui.real_service import build


async def test_other_desks_claims_and_sends_show_within_a_second(
    db_settings: Settings, retriever: Any
) -> None:
    anna = Desk(db_settings.model_copy(update={"agent_id": "anna"}), retriever=retriever)
    ben = Desk(db_settings.model_copy(update={"agent_id": "ben"}), retriever=retriever)
    ids = queue_emails(anna, 3)
    app = build(anna.settings, anna)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
        screen = app.screen
        assert isinstance(screen, QueueScreen)
        await pilot.pause(0.6)  # the first poll records the starting point
        assert screen.items[ids[1]].claimed_by == ""
        started = time.monotonic()
        assert ben.claim_next() == ids[0]
        ben.claim(ids[1])
        await wait_for(pilot, lambda: screen.items[ids[1]].claimed_by == "ben", timeout=3)
        seen_claim = time.monotonic() - started
        ben.approve(ids[1], "Antwort von Ben")
        ben.send(ids[1])
        started = time.monotonic()
        # the queue opens on the open emails (desk17): a sent one leaves it
        await wait_for(pilot, lambda: ids[1] not in screen.items, timeout=3)
        seen_sent = time.monotonic() - started
    assert seen_claim < 1.5 and seen_sent < 1.5, (seen_claim, seen_sent)
