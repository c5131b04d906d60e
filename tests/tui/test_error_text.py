"""Store, queue and sending errors in the German desk (drafter.tui.error_text): the real errors
of a real Desk on SQLite read German, with their values; English is the core's own text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.errors import DrafterError, LLMError, StoreError
from drafter.store.queue_state import Claim, ClaimedError
from drafter.tui import error_text, i18n
from drafter.tui.screens.email import EmailScreen
from tests.tui.helpers import wait_for
from tests.tui.test_desk_items import screen_text
from tests.tui.test_snapshots import desk_app, queue_ready

INBOX = Path(__file__).parents[2] / "examples" / "inbox"
# words of the English core messages that must not reach the German desk
ENGLISH = re.compile(
    r"\b(?:the|email|reply|is|being|handled|already|cannot|has|been|approved|only|needs|"
    r"pick|another|queue|reload|before|sending|write|say|why|reopened|with|id)\b"
)


def _raised(call: object, *args: object) -> DrafterError:
    with pytest.raises(DrafterError) as caught:
        call(*args)  # type: ignore[operator]
    return caught.value


@pytest.fixture
def real_errors(tmp_path: Path) -> Iterator[dict[str, DrafterError]]:
    """Errors raised by a real Desk (SQLite in tmp_path), two agents on one queue."""
    anna = Desk(Settings(data_dir=tmp_path, agent_id="anna"), no_llm=True)
    bob = Desk(Settings(data_dir=tmp_path, agent_id="bob"), no_llm=True)
    try:
        name = "01-abschlag-erhoehen.eml"
        (first,) = anna.import_messages([(name, (INBOX / name).read_bytes())]).email_ids
        name = "31-en-meter-reading.eml"
        (second,) = anna.import_messages([(name, (INBOX / name).read_bytes())]).email_ids
        errors = {"missing": _raised(anna.email, 9999)}
        bob.claim(first)
        errors["claimed"] = _raised(anna.claim, first)
        bob.release(first)
        errors["empty"] = _raised(anna.approve, first, "   ")
        errors["not_approved"] = _raised(anna.send, first)
        errors["reopen_open"] = _raised(anna.reopen, first, "customer called")
        errors["reopen_reason"] = _raised(anna.reopen, first, " ")
        anna.reject(second, "spam")
        errors["closed"] = _raised(anna.approve, second, "Sehr geehrte Damen und Herren, ...")
        errors["claim_closed"] = _raised(anna.claim, second)
        yield errors
    finally:
        anna.close()
        bob.close()


@pytest.fixture
def german() -> Iterator[None]:
    i18n.set_language("de")
    yield
    i18n.set_language("en")


def test_real_store_errors_read_german_with_their_values(
    real_errors: dict[str, DrafterError], german: None
) -> None:
    shown = {key: error_text.text(error) for key, error in real_errors.items()}
    for key, text in shown.items():
        assert not ENGLISH.search(text), (key, real_errors[key].message, text)
        assert "Details:" not in text, (key, text)  # every one has its own German text
    assert shown["missing"].startswith("E-Mail 9999 ist nicht in der Warteschlange")
    assert re.match(r"E-Mail 1 wird seit [\d: -]+ von bob bearbeitet\n", shown["claimed"])
    assert "Tipp: Eine andere E-Mail wählen" in shown["claimed"]
    assert shown["empty"].startswith("Die Antwort auf E-Mail 1 ist leer")
    assert shown["not_approved"].startswith("Die Antwort auf E-Mail 1 ist noch nicht freigegeben")
    assert shown["reopen_open"].startswith(
        "E-Mail 1 ist neu; nur eine abgelehnte E-Mail kann wieder geöffnet werden"
    )
    assert shown["closed"].startswith(
        "E-Mail 2 ist bereits abgelehnt; sie lässt sich nicht mehr bearbeiten"
    )
    assert shown["claim_closed"].startswith("E-Mail 2 ist bereits abgelehnt; sie kann nicht")


def test_sending_errors_read_german(german: None) -> None:
    # the messages drafter.store.sending writes (risky warnings, another sender, SMTP unsure)
    risky = StoreError(
        "the reply to email 7 has 2 risky warning(s) nobody acknowledged (link, payment)",
        hint="acknowledge each warning in the send dialog before sending: the command line "
        "cannot, so open email 7 in the desk (`drafter tui`) and send it there (f9 by default; "
        "DRAFTER_ACK_REQUIRED_WARNINGS lists the kinds)",
    )
    assert error_text.message(risky) == (
        "Die Antwort auf E-Mail 7 hat 2 riskante Warnung(en), die niemand bestätigt hat "
        "(fremder Kontakt, Zahlung)"
    )
    assert error_text.hint(risky).startswith("Jede Warnung im Sendedialog bestätigen")
    assert "drafter tui" in error_text.hint(risky)
    busy = StoreError("email 7 is being sent by bob right now (since 14:03:11)", hint="wait a")
    assert error_text.message(busy) == "E-Mail 7 wird gerade von bob gesendet (seit 14:03:11)"


def test_a_message_no_pattern_knows_gets_the_german_text_of_its_class(german: None) -> None:
    new = StoreError("a brand-new store check failed: x", hint="do something new")
    assert error_text.message(new) == (
        "Die Datenbank hat den Vorgang abgelehnt. Details: a brand-new store check failed: x"
    )
    assert error_text.hint(new) == "Details: do something new"
    llm = LLMError("model answered nothing")
    assert error_text.text(llm).startswith("Das Sprachmodell ist fehlgeschlagen")


def test_english_desk_shows_the_core_text(real_errors: dict[str, DrafterError]) -> None:
    """...except that who holds an email since today says the time alone (desk12)."""
    i18n.set_language("en")
    for error in real_errors.values():
        today = dt.datetime.now().astimezone().strftime("%Y-%m-%d ")
        assert error_text.message(error) == error.message.replace(f"since {today}", "since ")
        assert error_text.hint(error) == error.hint


def test_a_claim_since_today_shows_the_time_and_another_day_the_date() -> None:
    """The queue's claim key said "email 4 is being handled by bob since 2026-11-30 10:12"
    for a claim taken this morning (the README promises "seit 10:12")."""
    now = dt.datetime.now(dt.UTC)
    for ui, text in (("en", "email 4 is being handled by bob since "),
                     ("de", "E-Mail 4 wird seit ")):  # fmt: skip
        i18n.set_language(ui)
        recent = ClaimedError(4, Claim(agent="bob", kind="review", since=now, expires=now))
        shown = error_text.message(recent)
        assert shown.startswith(text) and str(now.year) not in shown, shown
        old = now - dt.timedelta(days=3)
        older = ClaimedError(4, Claim(agent="bob", kind="drafting", since=old, expires=now))
        assert old.astimezone().strftime("%Y-%m-%d") in error_text.message(older)
    assert error_text.message(older).endswith("entworfen")
    i18n.set_language("en")


async def test_german_desk_shows_a_claim_by_another_agent_in_german(
    real_errors: dict[str, DrafterError],
) -> None:
    app = desk_app(ui_language="de")
    app.service.fail_calls["claim"] = real_errors["claimed"]  # type: ignore[attr-defined]
    async with app.run_test(size=(160, 50)) as pilot:
        await queue_ready(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
        await wait_for(pilot, lambda: bool(app.screen.held_by))  # type: ignore[attr-defined]
        await pilot.pause(0.1)
        shown = screen_text(app)
        assert "wird seit" in shown and "von bob bearbeitet" in shown
        assert "is being handled" not in shown
        app.notify_error(real_errors["not_approved"])
        await wait_for(pilot, lambda: any(n.severity == "error" for n in app._notifications))
        note = next(n for n in app._notifications if n.severity == "error")
        assert note.message == (
            "Die Antwort auf E-Mail 1 ist noch nicht freigegeben\n"
            "Tipp: Die Antwort vor dem Senden freigeben"
        )
