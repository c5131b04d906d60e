"""Contact-reason cues (drafter.drafting.reasons.classify without votes), written for this test:
the classes of emails the dev splits showed the cues missing, in new words."""

from __future__ import annotations

import pytest

from drafter.config import Settings
from drafter.drafting.assemble import reason_votes
from drafter.drafting.reasons import ARTICLE_PASSAGES, ARTICLE_VOTE, classify
from drafter.models import Passage

REASONS = Settings().contact_reasons


@pytest.mark.parametrize(
    ("subject", "body", "reason"),
    [
        # advance payments are the instalment, whatever the word
        (
            "Vorauszahlung Gewerbe",
            "Unsere Werkstatt ist seit Mai geschlossen. Bitte passen Sie die monatliche "
            "Vorauszahlung an, wir verbrauchen kaum noch etwas.",
            "abschlag",
        ),
        ("Monthly cost", "How much will I pay every month after the new prices start?", "abschlag"),
        # arrears and payment plans
        (
            "Behind with the bills",
            "I lost my job and I am behind on my payments. Could we agree a payment plan?",
            "zahlung",
        ),
        # a slow or unstable line is a fault
        (
            "Glasfaser",
            "Seit Montag ist das Netz abends extrem langsam, der Speedtest zeigt 30 Mbit.",
            "stoerung",
        ),
        # a visit that did not happen: a new date
        (
            "Nobody came",
            "The engineer never showed up on Tuesday. Please give me another date.",
            "termin",
        ),
        # closing the online account is data protection, not a contract cancellation
        (
            "Kundenkonto",
            "Ich möchte mein Kundenkonto im Internet kündigen. Strom und Gas bleiben bei Ihnen.",
            "datenschutz",
        ),
        # a suspicious message the customer asks about
        (
            "Strange email",
            "I got an email about a bonus and it wants my card details. Is it really from you?",
            "sonstiges",
        ),
        # a cancellation of a product the company does not sell
        (
            "Kündigung Mobilfunkvertrag",
            "Hiermit kündige ich meinen Mobilfunkvertrag zum nächstmöglichen Zeitpunkt.",
            "sonstiges",
        ),
        # leaving for another supplier is a cancellation
        (
            "Leaving",
            "We have signed up with another energy supplier. What do we have to do on our side?",
            "kuendigung",
        ),
        # withdrawing an order, ending "our" contract
        (
            "Auftrag zurückziehen",
            "Ich habe gestern online Glasfaser bestellt und möchte die Bestellung stornieren.",
            "kuendigung",
        ),
        ("Gas", "We have solar heating now, please end our gas contract.", "kuendigung"),
        # moving a visit, the landlord's signature for the fibre connection
        (
            "Zählertausch",
            "Der Zählertausch ist für Montag angekündigt, geht auch eine Woche später?",
            "termin",
        ),
        (
            "Fibre form",
            "My landlord has finally signed the form for the fibre line. What happens next?",
            "termin",
        ),
        # advertising calls
        (
            "Telefon",
            "Ihr Vertrieb hat mir wieder ein Angebot gemacht. Rufen Sie mich nicht mehr an.",
            "datenschutz",
        ),
        # a returned debit is the missed instalment
        ("Debit", "The bank returned your debit this month. Will you try again?", "abschlag"),
        # suspicious messages outweigh the payment words they carry
        (
            "SMS",
            "I got a text asking me to confirm my IBAN for a refund. Is it really from you?",
            "sonstiges",
        ),
    ],
)
def test_cues_by_class(subject: str, body: str, reason: str) -> None:
    assert classify(subject, body, REASONS) == reason


def test_an_announcement_is_not_a_cancellation() -> None:
    subject = "Ankündigung Zählertausch"
    body = "Sie haben den Tausch meines Zählers angekündigt. Welcher Zähler ist betroffen?"
    assert classify(subject, body, REASONS) == "zaehlerstand"


def test_the_best_passages_vote_each() -> None:
    def passage(reason: str) -> Passage:
        return Passage(kb_id=reason, title="t", text="...", contact_reason=reason, support=0.9)

    top = [passage("umzug"), passage("kuendigung"), passage("umzug"), passage("rechnung")]
    votes = reason_votes(Settings(), top)
    assert len(votes) == ARTICLE_PASSAGES
    assert votes == [(p.contact_reason, ARTICLE_VOTE) for p in top[:ARTICLE_PASSAGES]]
