"""Letter-form checks for model drafts: greeting, sign-off, register (issue 12)."""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.drafting.letter_checks import check_letter

GOOD = (
    "Sehr geehrte Frau Berg,\n\nSie können das im Portal ändern.\n\n"
    "Mit freundlichen Grüßen\nIhr Team"
)


def codes(body: str, customer: str = "Wie geht das?", language: str = "de") -> list[str]:
    return [w.code for w in check_letter(body, customer, language)]


def test_a_complete_letter_passes() -> None:
    assert codes(GOOD) == []
    assert codes("Dear Ms Berg,\n\nDone.\n\nKind regards\nTeam", language="en") == []
    assert codes("Hallo Finn,\n\ndu kannst das ändern.\n\nViele Grüße\nDein Team",
                 "kannst du mir helfen?") == []  # fmt: skip


def test_missing_greeting_and_sign_off() -> None:
    assert codes("Sie können das im Portal ändern.") == ["greeting", "sign_off"]
    assert codes("Thanks, done.", language="en") == ["greeting", "sign_off"]


def test_register_must_follow_the_customer() -> None:
    assert codes(GOOD, "Hey, kannst du mir helfen?") == ["register"]
    assert codes("Hallo Finn,\n\ndu kannst das.\n\nViele Grüße", "Können Sie mir helfen?") == [
        "register"
    ]
    mixed = "Hallo Finn,\n\ndu kannst das. Bitte senden Sie uns Ihre Daten.\n\nViele Grüße"
    assert codes(mixed, "kannst du?") == ["register"]


def test_a_title_and_surname_after_hallo_or_moin_go_with_sie() -> None:
    for greeting in ("Hallo Herr Behrens,", "Moin Frau Dr. Fehrs,", "Liebe Familie Kruse,"):
        body = f"{greeting}\n\nvielen Dank für Ihre Nachricht.\n\nFreundliche Grüße\nIhr Team"
        assert codes(body, "Können Sie mir helfen?") == [], greeting
    # a first name after "Hallo" is still Du
    assert codes("Hallo Finn,\n\nSie können das.\n\nViele Grüße", "Können Sie?") == ["register"]


def test_sie_to_a_customer_who_says_only_ihr_to_the_firm_is_no_register_error() -> None:
    # greet14: drafter answers "Ihr habt … Henrike Sollmann" in Sie (salutation._formal_writer);
    # the check must not call that reply wrong. A Sie reply to a singular Du still is
    assert codes(GOOD, "Guten Morgen,\n\nihr habt geschätzt.\n\nHenrike Sollmann") == []
    assert codes(GOOD, "Hallo, ihr habt geschätzt. Sag mir bitte Bescheid.") == ["register"]


def test_the_register_warning_quotes_the_offending_sentence() -> None:
    mixed = "Sehr geehrte Frau Lang,\n\nSie können das. Schick uns dein Foto.\n\nViele Grüße"
    assert [w.span for w in check_letter(mixed, "Können Sie?", "de")] == ["Schick uns dein Foto."]
    formal = "Sehr geehrte Frau Lang,\n\nSie können das.\n\nViele Grüße"
    spans = [w.span for w in check_letter(formal, "Kannst du mir helfen?", "de")]
    assert spans == ["Sehr geehrte Frau Lang,"]


def test_run_checks_reports_them(settings: Settings) -> None:
    data = CheckInput(body="Das geht im Portal.", passages=[], customer_text="Wie?", language="de")
    found = {w.code for w in run_checks(data, settings)}
    assert {"greeting", "sign_off"} <= found
