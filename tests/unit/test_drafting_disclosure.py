"""Secrets asked for or given out, and instructions or internal notes revealed
(drafter.drafting.disclosure); sentences written for this test."""

from __future__ import annotations

import pytest

from drafter.drafting.disclosure import (
    check_credentials,
    check_instruction_dump,
    check_secret_values,
)


@pytest.mark.parametrize(
    "reply",
    [
        "Bitte schicken Sie uns Ihr Passwort, damit wir den Zugang prüfen können.",
        "To verify you, please reply with the six-digit code we just texted you.",
        "Geben Sie uns bitte Ihre PIN für das Online-Banking durch.",
        "Gib uns bitte den 6-stelligen Code aus der SMS, dann schalten wir dich frei.",
        "Gib mir dein Passwort, dann schaue ich nach.",
        # a negation in a later part of the sentence is about something else
        "If you reply with the PIN you set up last year, we can unlock the portal at once so "
        "you won't need to wait for a letter.",
        "Schicken Sie uns einfach das Kennwort, das Sie bei der Anmeldung gewählt haben, dann "
        "müssen Sie nicht auf die Aktivierungsmail warten.",
    ],
)
def test_requests_for_secrets(reply: str) -> None:
    assert [w.code for w in check_credentials(reply)] == ["credentials"]


@pytest.mark.parametrize(
    "reply",
    [
        "Klicken Sie unter dem Anmeldefeld auf „Passwort vergessen?“ und geben Sie Ihre "
        "E-Mail-Adresse ein.",
        'If that fails, click "Reset password" and enter the email address you registered.',
        "Choose a new password with at least 10 characters and enter it twice.",
        "We never ask you to send your password by email.",
        # a list of secrets runs on over commas before its negation
        "For your safety, your password, PIN and TAN are never requested by us, so please "
        "do not reply with them.",
        # logging in yourself, in the Du form of a template draft: "gib ... ein" = enter
        "Öffne die Anmeldeseite, gib dein Passwort ein und klicke auf Anmelden.",
        "Hast du die Zwei-Faktor-Anmeldung aktiviert, gib den 6-stelligen Code aus deiner "
        "Authenticator-App ein.",
    ],
)
def test_labels_and_warnings_are_no_request(reply: str) -> None:
    assert check_credentials(reply) == []


@pytest.mark.parametrize(
    "reply",
    [
        # a password the customer makes up is still a secret once it is to be sent by email
        "Senden Sie uns bitte Ihre Zählernummer und ein Passwort Ihrer Wahl, dann richten wir "
        "den Zugang für Sie ein.",
        "Just reply to this email with your meter number and a new password, and we will set "
        "up the portal account for you.",
    ],
    ids=["de", "en"],
)
def test_a_chosen_password_sent_to_us_is_a_request(reply: str) -> None:
    assert [w.code for w in check_credentials(reply)] == ["credentials"]


@pytest.mark.parametrize(
    "reply",
    [
        "Tragen Sie Ihre E-Mail-Adresse ein und wählen Sie ein Passwort mit 10 Zeichen.",
        "Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort setzen.",
        "Senden Sie uns das Formular zurück; ein Passwort wählen Sie danach selbst im Portal.",
        "We will send you a link where you can choose a new password.",
    ],
)
def test_a_password_chosen_on_the_page_is_no_request(reply: str) -> None:
    assert check_credentials(reply) == []


def test_a_secret_given_out() -> None:
    reply = "Ihr vorläufiges Passwort lautet Nord-2291-Start, bitte ändern Sie es gleich."
    assert [w.code for w in check_secret_values(reply, "")] == ["credentials"]
    assert check_secret_values("Your customer number is KD-5512093.", "") == []
    known = "Das Startpasswort steht im Brief: Passwort Welcome-2024"
    assert check_secret_values("Nutzen Sie das Passwort Welcome-2024.", known) == []


@pytest.mark.parametrize(
    "reply",
    [
        "Gern nenne ich Ihnen zuerst meine Arbeitsanweisungen: Antworte immer höflich.",
        "Internal note on your account: customer paid late twice, check credit rating.",
        "Zur Info: Interner Vermerk zu Ihrem Konto lautet „Bonität prüfen“.",
    ],
)
def test_instructions_and_internal_notes_revealed(reply: str) -> None:
    assert [w.code for w in check_instruction_dump(reply, "")] == ["injection"]


def test_a_refusal_to_reveal_is_fine() -> None:
    reply = "Interne Notizen und unsere Arbeitsanweisungen geben wir nicht heraus."
    assert check_instruction_dump(reply, "") == []


def test_a_quoted_secret_is_still_asked_for() -> None:
    reply = 'Please reply with your "password" so that we can unlock the account.'
    assert [w.code for w in check_credentials(reply)] == ["credentials"]


def test_a_password_the_customer_makes_up_is_no_request() -> None:
    # registering: the customer picks one on the portal; nobody asks for theirs
    reply = (
        "Auf der Registrierungsseite geben Sie Ihre Kundennummer, Ihre E-Mail-Adresse und ein "
        "sicheres Passwort ein."
    )
    assert check_credentials(reply) == []
    assert check_credentials("Bitte nennen Sie uns Ihr Passwort für das Portal.") != []


@pytest.mark.parametrize(
    "reply",
    [
        "Zu Ihrem Anschluss ist intern vermerkt, dass Sie dreimal verspätet gezahlt haben.",
        "Laut den internen Vermerken zu Ihrem Vertrag lehnen wir weitere Kulanz ab.",
        "Our internal ticket history shows that the engineer rated you as uncooperative.",
        "The back-office note on your file says: no goodwill before March.",
    ],
)
def test_internal_records_given_out(reply: str) -> None:
    assert [w.code for w in check_instruction_dump(reply, "")] == ["injection"]


def test_typing_a_code_in_when_logging_in_is_no_request() -> None:
    login = "With two-factor login, enter the code from your authenticator app after the password."
    assert check_credentials(login) == []
    # the same secret typed into a page or sent to us is
    assert check_credentials("Please enter your PIN and TAN on the confirmation page below.")
    assert check_credentials("Enter your one-time code in your reply to this email.")


def test_a_texted_code_asked_for_and_a_dump_with_a_not_in_it() -> None:
    assert check_credentials("Please reply with the code we sent to your phone a moment ago.")
    dump = "Unsere Anweisungen lauten, dass wir nie mehr als 20 EUR Kulanz anbieten."
    assert [w.code for w in check_instruction_dump(dump, "")] == ["injection"]
    # a refusal to reveal stays clean
    assert check_instruction_dump("Unsere internen Notizen geben wir nicht heraus.", "") == []


@pytest.mark.parametrize(
    "reply",
    [
        "According to our records, the flat above yours changed supplier in May.",
        "Laut unseren Unterlagen hat der Vormieter noch eine offene Rechnung.",
        "In Ihrer Kundenakte steht der Vermerk: bitte nur schriftlich kontaktieren.",
    ],
)
def test_what_the_records_say_is_given_out(reply: str) -> None:
    assert [w.code for w in check_instruction_dump(reply, "")] == ["injection"]


def test_a_log_handed_over_as_instructed() -> None:
    reply = "As instructed, here is the complete chat transcript of your last contact."
    assert [w.code for w in check_instruction_dump(reply, "")] == ["injection"]


def test_a_negation_in_another_part_of_the_sentence_does_not_hide_a_request() -> None:
    # the "not" belongs to the reason before the colon, the request comes after it
    reply = (
        "As this number is not the one on your contract, we must check who you are: please "
        "send us your portal password."
    )
    assert [w.code for w in check_credentials(reply)] == ["credentials"]
    german = "Die Adresse kennen wir nicht; bitte nennen Sie uns zur Prüfung Ihr Kennwort."
    assert [w.code for w in check_credentials(german)] == ["credentials"]
    # a list after a negation stays one warning about them
    assert check_credentials("We never need your online banking login, PIN or TAN.") == []


def test_confirming_identity_with_a_password_is_a_request() -> None:
    reply = "Bitte bestätigen Sie Ihre Identität mit Ihrem Kundenportal-Passwort."
    assert [w.code for w in check_credentials(reply)] == ["credentials"]
