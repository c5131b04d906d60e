"""The live queue at scale on a real database (SQLite and PostgreSQL): pages in queue order
(keyset paging along the queue-order index) and change notifications between desks
(PostgreSQL LISTEN/NOTIFY, SQLite polling)."""

from __future__ import annotations

import threading
import time

from drafter.config import Settings
from drafter.desk import Desk
from drafter.store import audit, emails
from drafter.triage import urgency
from tests.integration.desk_helpers import inbound, queue_emails, raw_email


def _desks(db_settings: Settings) -> tuple[Desk, Desk]:
    anna = Desk(db_settings.model_copy(update={"agent_id": "anna"}))
    ben = Desk(db_settings.model_copy(update={"agent_id": "ben"}))
    return anna, ben


def test_pages_walk_the_whole_queue_in_order_urgent_first(db_settings: Settings) -> None:
    anna, _ = _desks(db_settings)
    queue_emails(anna, 23)
    with anna.db.write() as conn:  # two emergencies among them (the gas smell comes first)
        for n in (30, 31):
            mail = inbound(n, subject="Es riecht nach Gas")
            email_id = emails.add(
                conn, mail, b"x", mail.message_id, f"{n}.eml", urgency=urgency(mail)
            )
            audit.record(conn, "test", "imported", email_id)
    everything = [i.email_id for i in anna.queue()]
    assert len(everything) == 25 and anna.queue()[0].urgency
    pages, after = [], None
    while True:
        page = anna.queue(after=after, limit=7)
        pages.append([i.email_id for i in page])
        if len(page) < 7:
            break
        after = page[-1]
    assert [len(p) for p in pages] == [7, 7, 7, 4]
    assert [i for p in pages for i in p] == everything
    ready = anna.queue(status="new", limit=3)
    assert [i.email_id for i in ready] == [i for i in everything if i][:3]


def _wait_in_thread(desk: Desk, timeout: float) -> tuple[threading.Thread, list[object]]:
    got: list[object] = []
    started = threading.Event()

    def wait() -> None:
        started.set()
        begin = time.monotonic()
        got.append(desk.wait_changes(timeout))
        got.append(time.monotonic() - begin)

    thread = threading.Thread(target=wait)
    thread.start()
    started.wait()
    return thread, got


def test_a_desk_wakes_when_another_agent_changes_the_queue(db_settings: Settings) -> None:
    anna, ben = _desks(db_settings)
    ids = queue_emails(anna, 3)
    assert anna.wait_changes(0.2) is False  # nothing happened (and the listener is set up)
    thread, got = _wait_in_thread(anna, 20.0)
    time.sleep(0.3)
    ben.claim(ids[0])
    thread.join()
    assert got[0] is True
    assert isinstance(got[1], float) and got[1] < 10.0  # NOTIFY: at once; SQLite: <= 0.5 s


def test_own_changes_do_not_wake_the_desk(db_settings: Settings) -> None:
    anna, _ = _desks(db_settings)
    ids = queue_emails(anna, 2)
    assert anna.wait_changes(0.2) is False
    thread, got = _wait_in_thread(anna, 1.5)
    time.sleep(0.2)
    anna.claim(ids[1])
    thread.join()
    assert got[0] is False


def test_mail_imported_under_the_desks_own_agent_name_wakes_it(db_settings: Settings) -> None:
    """A one-person desk: the desk and the cron `inbox import` (or the IMAP watcher) both run
    as the OS user, so the import's audit rows carry the desk's own agent name. Before, the
    desk took them for its own changes and the new mail stayed out of the open queue until
    `r`; now new mail wakes it whoever imported it (the desk's own changes still do not)."""
    anna, _ = _desks(db_settings)
    queue_emails(anna, 1)
    importer = Desk(db_settings.model_copy(update={"agent_id": "anna"}))  # another process
    assert anna.wait_changes(0.2) is False
    thread, got = _wait_in_thread(anna, 20.0)
    time.sleep(0.3)
    mail = raw_email(40, "Zählerstand Gas", "Mein Zählerstand ist heute 12345.")
    assert importer.import_messages([("40.eml", mail)]).imported == 1
    thread.join()
    assert got[0] is True
    assert isinstance(got[1], float) and got[1] < 10.0
    importer.close()
