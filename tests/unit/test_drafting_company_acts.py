"""The company acting for the customer with a verb no source has (drafter.drafting.company_acts);
sentences written for this test, with verbs no word list of the commitment checks names."""

from __future__ import annotations

import pytest

from drafter.drafting.company_acts import company_act

ARTICLE = (
    "den neuen abschlag buchen wir zum 15. ab. wir prüfen jede beschwerde innerhalb von 4 "
    "wochen. we debit the instalment on the 15th."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Als Dankeschön verdoppeln wir Ihnen den Treuebonus.",
        "Wir verlegen Ihren Zähler kostenfrei in den Keller.",
        "Ab März übertragen wir Ihren Vertrag auf Ihre Tochter.",
        "We'll upgrade your line to 1000 Mbit/s next week.",
        "We are doubling your welcome bonus this month.",
        "I have unfrozen your account for you.",
    ],
)
def test_an_act_for_the_customer_no_source_describes(sentence: str) -> None:
    assert company_act(sentence, ARTICLE)


@pytest.mark.parametrize(
    "sentence",
    [
        # the article's own rule, communication and process, courtesy
        "Den neuen Abschlag buchen wir zum 15. bei Ihnen ab.",
        "Wir prüfen Ihre Beschwerde und melden uns innerhalb von 4 Wochen bei Ihnen.",
        "Wir senden Ihnen die Unterlagen per Post.",
        "We'll look into your bill and get back to you.",
        "We are sorry that your connection was down.",
        "Thank you, we have stored your new bank details for the refund.",
        # a question, a condition, a negated act, no customer
        "Sollen wir Ihren Zähler verlegen?",
        "Wenn Sie möchten, verlegen wir Ihren Zähler.",
        "Den Zähler verlegen wir leider nicht, das macht Ihr Vermieter.",
        "Wir verlegen Zähler nur auf Antrag des Eigentümers.",
    ],
)
def test_rules_process_courtesy_and_conditions_are_not(sentence: str) -> None:
    assert company_act(sentence, ARTICLE) == ""
