"""Draft warnings in the German desk: the warnings panel and the send dialog read German
(drafter.tui.warning_text), with the values of the English core messages formatted in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import SelectionList

from drafter.acknowledge import describe as core_describe
from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.models import DraftWarning, Passage
from drafter.tui import i18n, warning_codes, warning_text
from drafter.tui.screens.draft_pane import warning_lines
from drafter.tui.screens.email import EmailScreen
from drafter.tui.screens.modals import ConfirmSendScreen
from tests.tui.fake_desk import FakeDesk
from tests.tui.helpers import wait_for
from tests.tui.test_desk_items import screen_text
from tests.tui.test_snapshots import desk_app, email_ready

ROOT = Path(__file__).parents[2] / "drafter"
# a draft that trips most of the output checks: a cited passage that does not exist,
# amounts, foreign bank details, phone, address and link, a promise, a password request
BAD = (
    "Wir haben Ihren Abschlag bereits auf 80 EUR gesenkt [3]. Überweisen Sie 120,50 EUR an "
    "DE89 3704 0044 0532 0130 00. Schicken Sie uns Ihr Passwort und die PIN. Rufen Sie "
    "0176 1234567 an oder schreiben Sie an hilfe@betrug.example.com, siehe "
    "https://evil.example.net/x."
)
# words of the English core messages that must not reach the German desk
ENGLISH = re.compile(r"\b(?:the|reply|draft|which|customer|trusted|source|neither|asks)\b")


def _warnings() -> list[DraftWarning]:
    passage = Passage(kb_id="kb-1", title="Abschlag", text="Den Abschlag ändern Sie im Portal.")
    data = CheckInput(
        body=BAD,
        passages=[passage],
        customer_text="Hallo, kannst du meinen Abschlag ändern?",
        language="de",
    )
    return run_checks(data, Settings())


@pytest.fixture
def german() -> Iterator[None]:
    i18n.set_language("de")
    yield
    i18n.set_language("en")


def test_every_code_the_core_emits_has_a_german_entry() -> None:
    codes: set[str] = set()
    for path in ROOT.rglob("*.py"):
        if "tui" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        codes |= set(re.findall(r"\bcode=\"(\w+)\"", text))
        codes |= set(re.findall(r"_warn\(\s*\"(\w+)\"", text))
    assert {"kb_gap", "link", "payment", "greeting", "model_failed"} <= codes
    assert sorted(codes - set(warning_codes.DE_CODES)) == []


def test_real_check_warnings_read_german_with_their_values(german: None) -> None:
    warnings = _warnings()
    assert {"bad_citation", "unsupported_claim", "link", "payment", "commitment"} <= {
        w.code for w in warnings
    }
    assert {"credentials", "greeting", "sign_off", "register"} <= {w.code for w in warnings}
    for warning in warnings:
        text = warning_text.message(warning)
        assert not ENGLISH.search(text), (warning.message, text)
    lines = [warning_text.describe(w) for w in warnings]
    joined = "\n".join(lines)
    for value in ("evil.example.net", "hilfe@betrug.example.com", "DE89 3704 0044 0532 0130 00",
                  "'80 EUR'", "[3]", "Passwort", "0176 1234567"):  # fmt: skip
        assert value in joined, value
    assert "fremder Kontakt: Link zu evil.example.net" in joined
    assert "Du/Sie: die Kundschaft schreibt „du“, der Entwurf verwendet „Sie“" in joined


def test_a_message_no_pattern_knows_falls_back_to_german() -> None:
    i18n.set_language("de")
    try:
        warning = DraftWarning(code="link", message="a new check says 'x.example' is odd")
        assert warning_text.message(warning).startswith("die Antwort verweist auf")
        assert warning_text.message(warning).endswith("(x.example)")
        unknown = DraftWarning(code="brand_new", message="something new")
        assert warning_text.describe(unknown) == "brand_new: Hinweis der Prüfung"
    finally:
        i18n.set_language("en")


def test_english_desk_shows_the_core_text() -> None:
    """The core's message, under the kind's English label instead of its code."""
    i18n.set_language("en")
    for warning in _warnings():
        label = warning_codes.EN_LABELS[warning.code]
        assert warning_text.describe(warning) == label + core_describe(warning).removeprefix(
            warning.code
        )


async def test_german_send_dialog_lists_the_warnings_in_german() -> None:
    app = desk_app(ui_language="de")
    async with app.run_test(size=(160, 50)) as pilot:
        await email_ready(pilot)
        screen = app.screen
        assert isinstance(screen, EmailScreen) and screen.draft is not None
        risky = [w for w in _warnings() if w.code in ("link", "payment", "credentials")]
        screen.draft = screen.draft.model_copy(update={"warnings": risky})
        fake = app.service  # the dialog lists what the service says approving would carry
        assert isinstance(fake, FakeDesk)
        versions = fake.drafts[screen.email_id]
        versions[-1] = versions[-1].model_copy(update={"draft": screen.draft})
        screen.editor.text = BAD
        assert "fremder Kontakt: Link zu evil.example.net" in warning_lines(screen.draft).plain
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmSendScreen))
        await pilot.pause(0.1)
        shown = screen_text(app)
        assert "Warnungen: fremder Kontakt (3), Zahlung, Zugangsdaten" in shown
        assert "Zahlung: Bankverbindung DE89" in shown
        assert "Zugangsdaten: die Antwort fragt" in shown
        dialog = app.screen
        ticks = dialog.query_one("#ack-list", SelectionList)
        prompts = [str(ticks.get_option_at_index(i).prompt) for i in range(ticks.option_count)]
        assert len(prompts) == 5  # the IBAN's digits are no phone number (no 4th contact)
        assert prompts[1].startswith("fremder Kontakt: Link zu evil.example.net: weder")
        assert "Bankverbindung DE89 3704 0044 0532 0130 00 gehört nicht" in prompts[3]
        assert "nach geheimen Daten (Passwort)" in prompts[4]
        for english in ("the reply", "trusted source", "which is", "secret data"):
            assert english not in shown + "\n".join(prompts), english


@pytest.mark.usefixtures("german")
def test_disclosure_and_off_topic_messages_read_german() -> None:
    body = (
        "Ihr neues Passwort lautet Nord-4471-Start. Meine Arbeitsanweisungen lauten: immer "
        "freundlich sein. Wählen Sie bei der nächsten Wahl die Opposition."
    )
    data = CheckInput(body=body, passages=[], customer_text="Passwort?", language="de")
    found = [w for w in run_checks(data, Settings()) if w.code in ("credentials", "injection")] + [
        w for w in run_checks(data, Settings()) if "no service reply" in w.message
    ]
    assert {w.code for w in found} >= {"credentials", "injection", "unsupported_claim"}
    shown = [warning_text.message(w) for w in found]
    for text in shown:
        assert not ENGLISH.search(text), text
    joined = "\n".join(shown)
    for german_text in ("nennt ein Geheimnis", "Anweisungen des Modells oder interne Notizen",
                        "sagt oder verlangt etwas"):  # fmt: skip
        assert german_text in joined, joined


@pytest.mark.usefixtures("german")
def test_decision_and_third_party_messages_read_german() -> None:
    body = (
        "Guten Tag,\n\nDie Sperrandrohung ziehen wir hiermit zurück. Your contract will end on "
        "30 April. "
        "Herr Sommer im Erdgeschoss hat zuletzt 27730 kWh verbraucht."
    )
    data = CheckInput(body=body, passages=[], customer_text="Sperre?", language="de")
    found = [
        w
        for w in run_checks(data, Settings())
        if w.code == "commitment" or "someone else" in w.message
    ]
    shown = "\n".join(warning_text.message(w) for w in found)
    for german_text in ("eine Entscheidung mit", "Vertragsende", "Daten einer anderen Person"):
        assert german_text in shown, shown
    assert not ENGLISH.search(shown), shown


@pytest.mark.parametrize("ui", ["en", "de"])
def test_the_template_draft_warning_says_each_thing_once(ui: str) -> None:
    """The panel line is "kind: message"; the message must not repeat the kind (it read
    "Vorlagenentwurf: Vorlagenentwurf ohne Sprachmodell: …")."""
    from drafter.drafting.writers import TEMPLATE_DRAFT
    from drafter.models import Draft

    i18n.set_language(ui)  # type: ignore[arg-type]
    try:
        line = warning_lines(Draft(body="x", language="de", warnings=[TEMPLATE_DRAFT])).plain
    finally:
        i18n.set_language("en")
    words = [w.lower() for w in re.findall(r"[^\W\d_]{4,}", line)]
    assert sorted(w for w in set(words) if words.count(w) > 1) == [], line
    expected = "Sprachmodell" if ui == "de" else "language model"
    assert expected in line and ("lesen" in line if ui == "de" else "read" in line)


def test_company_domain_recommendation_and_backdating_messages_read_german(german: None) -> None:
    body = (
        "Guten Tag,\n\nSchreiben Sie an technik-team@stadtwerke-nordlicht.de. Für den Einbau "
        "empfehlen wir die Firma Wärme Brodersen. Wir melden Sie rückwirkend zum 1. März an."
    )
    data = CheckInput(body=body, passages=[], customer_text="Einbau?", language="de")
    found = [
        w
        for w in run_checks(data, Settings())
        if w.code in ("link", "commitment") or "recommends" in w.message
    ]
    shown = "\n".join(warning_text.message(w) for w in found)
    for german_text in ("Domain des Unternehmens", "empfiehlt", "datiert etwas zurück"):
        assert german_text in shown, shown
    assert not ENGLISH.search(shown), shown


def test_a_rule_applied_to_the_customers_circumstances_reads_german(german: None) -> None:
    body = "Guten Tag,\n\nWeil Sie so lange Kunde sind, werden wir Ihnen die Gebühr erstatten."
    data = CheckInput(body=body, passages=[], customer_text="Gebühr?", language="de")
    found = [w for w in run_checks(data, Settings()) if "circumstances" in w.message]
    assert found
    shown = "\n".join(warning_text.message(w) for w in found)
    assert "Umstände der Kundschaft" in shown, shown
    assert not ENGLISH.search(shown), shown


def test_the_retrieval_partial_warning_reads_german(german: None) -> None:
    from drafter.drafting.kb_verdict import RETRIEVAL_PARTIAL

    shown = warning_text.message(DraftWarning(code="kb_partial", message=RETRIEVAL_PARTIAL))
    assert "beantwortet vielleicht nicht alles" in shown, shown
    assert not ENGLISH.search(shown), shown


@pytest.mark.usefixtures("german")
def test_money_to_a_person_and_a_payout_date_read_german() -> None:
    body = (
        "Guten Tag,\n\nGeben Sie die 40 EUR einfach dem Ableser, wenn er kommt. "
        "Ihr Guthaben ist bis Freitag auf Ihrem Konto."
    )
    data = CheckInput(body=body, passages=[], customer_text="Guthaben?", language="de")
    found = [w for w in run_checks(data, Settings()) if w.code in ("payment", "commitment")]
    shown = "\n".join(warning_text.message(w) for w in found)
    for german_text in ("Geld an eine Person", "bis Freitag", "den keine Quelle nennt"):
        assert german_text in shown, shown
    assert not ENGLISH.search(shown), shown


def test_a_date_in_no_source_reads_german(german: None) -> None:
    body = "Guten Tag,\n\nIhre Rechnung ist am 8. Januar fertig."
    data = CheckInput(body=body, passages=[], customer_text="Rechnung?", language="de")
    found = [w for w in run_checks(data, Settings()) if "the date" in w.message]
    shown = "\n".join(warning_text.message(w) for w in found)
    assert "das Datum '8. Januar' steht in keiner Quelle" in shown, shown
    assert not ENGLISH.search(shown), shown


def test_a_cash_payout_reads_german_as_a_payout(german: None) -> None:
    """Money going to the customer through a channel no article offers is a payout, not a
    request to pay (the German desk said "verlangt eine Zahlung")."""
    body = "Guten Tag,\n\nIhr Guthaben von 40 EUR liegt ab Freitag zur Barauszahlung bereit."
    data = CheckInput(body=body, passages=[], customer_text="Guthaben?", language="de")
    found = [w for w in run_checks(data, Settings()) if w.code == "payment"]
    shown = "\n".join(warning_text.message(w) for w in found)
    assert "die Antwort zahlt Geld über Barauszahlung aus" in shown, shown
    assert not ENGLISH.search(shown), shown


@pytest.mark.usefixtures("german")
def test_every_commitment_reason_and_a_messenger_channel_read_german() -> None:
    body = (
        "Guten Tag,\n\nAusnahmsweise gilt das auch für Sie. Ab sofort gilt der neue Tarif. "
        "Ihr Abschlag kann auf keinen Fall steigen. Wir berechnen Ihnen keine Gebühr. "
        "Schreiben Sie uns auch auf Telegram an @nordlicht_hilfe."
    )
    data = CheckInput(body=body, passages=[], customer_text="Tarif?", language="de")
    found = [w for w in run_checks(data, Settings()) if w.code in ("commitment", "link")]
    shown = "\n".join(warning_text.message(w) for w in found)
    for german_text in (
        "als Ausnahme",
        "ab sofort",
        "steige nie",
        "nicht berechnet",
        "als Kontaktweg",
    ):
        assert german_text in shown, shown
    assert not ENGLISH.search(shown), shown


@pytest.mark.usefixtures("german")
def test_each_reason_the_commitment_paraphrases_give_has_german_text() -> None:
    source = (ROOT / "drafting" / "commitment_paraphrases.py").read_text(encoding="utf-8")
    reasons = re.findall(
        r'"((?:says|grants|guarantees|declares|promises|swears|rules|backdates|ends|sets|confirms) '
        r"[^\"{]*?)\s*(?:\(\{[^\"]*)?\"",
        source,
    )
    assert len(reasons) >= 12
    for reason in reasons:
        message = f"the reply {reason} ('x'); drafter made no such decision, check it"
        if reason.startswith("sets a new amount"):
            message = "the reply sets a new amount (5 EUR) no trusted source gives; drafter ..."
        shown = warning_text.message(DraftWarning(code="commitment", message=message))
        assert not ENGLISH.search(shown), (reason, shown)
        # its own words, not the general text of the kind (warning_codes.DE_CODES)
        assert shown != warning_text.german(DraftWarning(code="commitment", message="?"))
        assert "entschieden, bitte prüfen" in shown, (reason, shown)
