"""The acknowledgement of a template draft (drafts29, issue 12: the acknowledgement the
situation calls for): a date or an appointment that does not suit the customer ("der 14.3.
geht nicht", "Tuesday doesn't work for me") is no fault of ours, so the draft does not
apologise for "the trouble"; a fault still gets the apology, also one since a date. Own
example mails."""

from __future__ import annotations

from drafter.drafting.acknowledge import acknowledgement
from drafter.drafting.situation import fault


def test_a_date_that_does_not_suit_gets_no_apology_german() -> None:
    text = "Ablesetermin verschieben – 14.3. geht nicht\nKönnen wir den Termin verlegen?"
    assert acknowledgement(text, "de", "sie") == "vielen Dank für Ihre Nachricht."
    text = "Der Termin am Donnerstag geht nicht. Haben Sie etwas in der Woche danach?"
    assert acknowledgement(text, "de", "sie") == "vielen Dank für Ihre Nachricht."


def test_a_date_that_does_not_suit_gets_no_apology_english() -> None:
    text = "Meter appointment\nThe appointment on Tuesday doesn't work for me. Can we move it?"
    assert acknowledgement(text, "en", "sie") == "Thank you for your message."


def test_a_fault_still_gets_the_apology() -> None:
    assert fault("Seit dem 3.5. geht nicht mehr das Internet.")
    assert fault("Seit 8 Uhr geht nichts mehr.")
    assert fault("My router does not work since Tuesday.")
    assert "Es tut uns leid" in acknowledgement("Das WLAN geht nicht.", "de", "sie")
