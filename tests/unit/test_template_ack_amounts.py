"""The acknowledgement of a template draft takes up the sum the customer writes about
(drafts30, issue 12): the reference answers of the golden set name it ("Bei 612,80 EUR …",
"your credit of EUR 96.40"), the template drafts said only "vielen Dank für Ihre Nachricht".
The noun the mail names the sum with is kept, the decimal mark is the reply's; a wished
amount ("auf 80 Euro"), a sum without a noun and a bereavement get the plain thanks. Own
example mails."""

from __future__ import annotations

from drafter.drafting.acknowledge import acknowledgement
from drafter.drafting.amounts import named_amount
from tests.unit.template_drafts import draft_body


def test_german_thanks_name_the_sum_the_mail_is_about() -> None:
    text = "Raten?\nIch habe eine Nachzahlung von 341,20 € bekommen und kann sie nicht zahlen."
    assert acknowledgement(text, "de", "sie") == (
        "vielen Dank für Ihre Nachricht zu Ihrer Nachzahlung von 341,20 EUR."
    )
    assert acknowledgement(text, "de", "du") == (
        "danke für deine Nachricht zu deiner Nachzahlung von 341,20 EUR."
    )
    mahnung = "Mahnung erhalten – offener\nBetrag 95,50 €. Was kann ich tun?"
    assert named_amount(mahnung, "de") == "zum offenen Betrag von 95,50 EUR"
    assert named_amount("Mein Abschlag ist 140 Euro, viel zu hoch.", "de") == (
        "zu Ihrem Abschlag von 140 EUR"
    )


def test_english_thanks_name_the_sum_the_mail_is_about() -> None:
    text = "Refund\nMy final bill shows a credit of EUR 57.10. When do I get it?"
    assert acknowledgement(text, "en", "sie") == (
        "Thank you for your message about your credit of 57.10 EUR."
    )
    text = "My monthly instalment is still EUR 95. Could you lower it?"
    assert named_amount(text, "en") == "about your monthly instalment of 95 EUR"
    assert named_amount("a back payment of 211,40 euros", "en") == (
        "about your back payment of 211.40 EUR"
    )


def test_no_sum_named_keeps_the_plain_thanks() -> None:
    # a wished amount, a sum without its noun, no sum at all
    assert named_amount("Bitte erhöhen Sie den Abschlag auf 80 Euro.", "de") == ""
    assert named_amount("Now I'm supposed to pay 300 euro extra!", "en") == ""
    assert acknowledgement("Wie melde ich meinen Umzug?", "de", "sie") == (
        "vielen Dank für Ihre Nachricht."
    )
    # a bereaved customer is not thanked for a sum
    text = "Mein Mann ist verstorben. Auf der Schlussrechnung steht ein Guthaben von 80 €."
    assert "Guthaben" not in acknowledgement(text, "de", "sie")


ARTICLE = """# Ratenzahlung

Eine Nachzahlung ab 100 EUR können Sie in bis zu 6 Monatsraten zahlen.

Beantragen Sie die Ratenzahlung vor dem Fälligkeitstag im Kundenportal."""


def test_the_template_draft_takes_up_the_sum() -> None:
    body = draft_body(
        "Nachzahlung in Raten",
        "Ich habe eine Nachzahlung von 341,20 € bekommen. Kann ich in Raten zahlen?",
        [ARTICLE],
        "de",
        [1.0],
    )
    assert "vielen Dank für Ihre Nachricht zu Ihrer Nachzahlung von 341,20 EUR." in body
