"""Round-6 shapes of harm (drafter.drafting.applied and the rules next to it, through
run_checks): an act on the customer's contract or money with any verb, a rule applied to the
customer's own circumstances, a product name after "Ihr Vertrag", a code defined by having
been sent to the customer; and the good-reply shapes that must stay quiet (receipts, needs,
options, a refused channel, an amount before the verb, a policy restated in inflected words).
Sentences written for this test."""

from __future__ import annotations

import pytest

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.models import DraftWarning, Passage

SETTINGS = Settings(company_phones=["0431 5577-100"], customer_number_patterns=[])
ARTICLES = [
    Passage(
        kb_id="de-termine",
        title="Termine",
        text="Versäumt unser Techniker einen Glasfasertermin ohne Absage, erhalten Sie eine "
        "Entschädigung von 10 EUR. Den Betrag schreiben wir automatisch gut. Der Router bleibt "
        "Eigentum der Stadtwerke; wird er nicht zurückgegeben, berechnen wir 120 EUR.",
    ),
    Passage(
        kb_id="en-payment",
        title="Payment",
        text="You can change your instalment in the portal. Changes of more than 20 % are "
        "reviewed. We transfer a credit within 14 days of the bill date. Compensation is 10 % "
        "of the monthly price per day.",
    ),
]
EMAIL = "Abschlag\nMy instalment went up from 95 to 118 EUR, please make it 70 EUR. KD-1234567"


def warnings(sentence: str, lang: str) -> list[DraftWarning]:
    head = "Sehr geehrte Frau Krüger,\n\n" if lang == "de" else "Dear Ms Krüger,\n\n"
    tail = "\n\nMit freundlichen Grüßen\nStadtwerke Nordlicht"
    data = CheckInput(
        body=head + sentence + tail,
        passages=ARTICLES,
        customer_text=EMAIL,
        language=lang,
        extra_known="Stadtwerke Nordlicht",
    )
    return run_checks(data, SETTINGS)


def codes(sentence: str, lang: str) -> set[str]:
    return {w.code for w in warnings(sentence, lang)}


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # any verb: the act is done to the customer's contract or money
        ("I have set your monthly instalment to 50 EUR from next month.", "en"),
        ("We have backdated your cancellation to 1 March.", "en"),
        ("We've frozen your account until the dispute is over.", "en"),
        ("Your notice has been antedated to the end of May.", "en"),
        ("Wir haben Ihren Abschlag zum 15. Mai auf 50 EUR festgesetzt.", "de"),
        ("Ihre Kündigung wurde auf den 1. März vorverlegt.", "de"),
    ],
)
def test_an_act_on_the_customers_contract_with_any_verb_is_a_commitment(
    sentence: str, lang: str
) -> None:
    assert "commitment" in codes(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("We have received your cancellation and will reply within 5 working days.", "en"),
        ("I have forwarded your request to the billing team.", "en"),
        ("Wir haben Ihre Kündigung erhalten.", "de"),
        ("Wir haben Ihre Nachricht an unser Beschwerdemanagement gegeben.", "de"),
    ],
)
def test_receipts_and_hand_overs_are_no_act(sentence: str, lang: str) -> None:
    assert "commitment" not in codes(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Because you wrote to us by email, your 88.10 EUR will now be paid out tomorrow.", "en"),
        ("As you have been with us for years, we will let you keep the router.", "en"),
        (
            "Since your flatmate lives at the same address, we can send you his bills without "
            "any further check.",
            "en",
        ),
        (
            "Weil Ihr Vertrag schon lange besteht, müssen Sie den Router nicht zurückgeben und "
            "zahlen die 120 EUR nicht.",
            "de",
        ),
        ("Da Sie so lange Kunde sind, können wir Ihnen die Gebühr diesmal erlassen.", "de"),
    ],
)
def test_a_rule_applied_to_the_customers_circumstances_is_a_commitment(
    sentence: str, lang: str
) -> None:
    found = [w for w in warnings(sentence, lang) if w.code == "commitment"]
    assert found, sentence


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Because you write from an unknown address, we need your meter number first.", "en"),
        ("As you pay by direct debit, the credit goes to the account we debit.", "en"),
        ("Since you have changed banks, please add your new IBAN in the portal.", "en"),
        ("Da Sie per Lastschrift zahlen, müssen Sie nichts weiter tun.", "de"),
        ("Da Sie umziehen, können Sie den Vertrag mit Ihrer neuen Adresse mitnehmen.", "de"),
        ("Because the outage lasted 4 days, we cannot waive the whole monthly fee.", "en"),
    ],
)
def test_a_reason_followed_by_a_need_an_option_or_a_refusal_is_none(
    sentence: str, lang: str
) -> None:
    assert "commitment" not in codes(sentence, lang)


def test_a_product_name_after_the_word_contract_still_ends_the_contract_on_a_date() -> None:
    assert "commitment" in codes("Ihr Vertrag Nordlicht Öko endet wie gewünscht am 31. Mai.", "de")
    assert "commitment" not in codes("Ein Vertrag endet mit der Kündigung.", "de")


def test_a_code_defined_by_having_been_sent_to_the_customer_is_a_secret() -> None:
    asked = "Bitte nennen Sie uns in Ihrer Antwort den Code, den Sie per SMS erhalten haben."
    assert "credentials" in codes(asked, "de")
    asked_en = "Please reply with the code you received a minute ago."
    assert "credentials" in codes(asked_en, "en")
    warned = "Geben Sie den Code, den Sie erhalten haben, nicht weiter."
    assert "credentials" not in codes(warned, "de")


def test_a_refused_payment_channel_is_no_payment_request() -> None:
    assert "payment" not in codes("We cannot accept PayPal.", "en")
    assert "payment" in codes("Please pay the open amount via PayPal.", "en")


def test_an_amount_before_the_verb_is_no_new_amount() -> None:
    weighed = "Lowering your instalment from 118 to about 70 EUR is more than 20 % below."
    assert "commitment" not in codes(weighed, "en")
    assert "commitment" in codes("Your new instalment is 70 EUR.", "en")


def test_a_policy_restated_in_inflected_and_compound_words_is_no_decision() -> None:
    restated = (
        "Für einen versäumten Glasfasertermin erhalten Sie eine Entschädigung von 10 EUR, die "
        "wir Ihnen automatisch gutschreiben."
    )
    assert "commitment" not in codes(restated, "de")
    invented = "Für die Wartezeit erhalten Sie eine Entschädigung von 10 EUR als Prämie."
    assert "commitment" in codes(invented, "de")


def test_personal_tax_advice_is_content_no_service_reply_has() -> None:
    def offtopic(sentence: str, lang: str) -> bool:
        return any("no service reply" in w.message for w in warnings(sentence, lang))

    assert offtopic("You can also deduct the moving costs from your income tax.", "en")
    assert offtopic("Die Umzugskosten können Sie steuerlich absetzen.", "de")
    assert not offtopic("Der Preis enthält die Umsatzsteuer.", "de")


@pytest.mark.parametrize(
    ("sentence", "lang", "flagged"),
    [
        ("Since she agreed, we can send you her payment history by email.", "en", True),
        ("Gern schicken wir Ihnen seine letzten Zählerstände zu.", "de", True),
        ("We cannot send you her payment history or bank details.", "en", False),
        ("Your flatmate can forward his final bill to you himself.", "en", False),
        ("Wir schicken Ihnen Ihre Rechnung gern noch einmal zu.", "de", False),
    ],
)
def test_a_promise_to_hand_over_another_persons_records(
    sentence: str, lang: str, flagged: bool
) -> None:
    found = [w for w in warnings(sentence, lang) if "someone else" in w.message]
    assert bool(found) == flagged, sentence


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        (
            "Wir werden Ihren Vertrag zum 31. Mai kündigen, sodass keine Kosten mehr entstehen.",
            "de",
        ),
        ("Your contract ends on 31 May, so you will not pay the new price.", "en"),
        ("We will cancel your contract on 31 May, and no fee will be due.", "en"),
    ],
)
def test_a_negation_in_another_clause_does_not_hide_a_commitment(sentence: str, lang: str) -> None:
    assert "commitment" in codes(sentence, lang), sentence


def test_a_negation_in_the_commitments_own_clause_does() -> None:
    assert "commitment" not in codes("Wir werden Ihren Vertrag nicht kündigen.", "de")


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Mahnung vom 3.11. ist damit erledigt.",
        "Die Rechnung vom 1. März ist damit beglichen.",
        "Wir werden Ihren Vertrag zum 31.12.2026 kündigen.",
    ],
)
def test_a_german_date_inside_a_commitment_does_not_hide_it(sentence: str) -> None:
    found = [w for w in warnings(sentence, "de") if w.code == "commitment"]
    assert found, sentence
    assert found[0].span == sentence  # the span as written, dots and all


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("We'll take care of the router charge for you.", "en"),
        ("The call-out fee will be covered by us.", "en"),
        ("Die Kosten für den Techniker übernehmen selbstverständlich wir.", "de"),
        ("Die offene Forderung ist für uns erledigt.", "de"),
    ],
)
def test_the_company_bearing_the_customers_cost_is_a_commitment(sentence: str, lang: str) -> None:
    assert "commitment" in codes(sentence, lang), sentence


def test_a_product_that_covers_prices_is_no_cost_borne() -> None:
    described = "The tariff has a price guarantee covering the energy price and grid charges."
    assert "commitment" not in codes(described, "en")


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The early termination fee won't be charged.", "en"),
        ("The reminder fee of 5 EUR is cancelled.", "en"),
        ("You will be released from the minimum term.", "en"),
        ("Sie werden aus der Mindestlaufzeit entlassen.", "de"),
        ("Eine Sperre Ihres Anschlusses findet nicht statt.", "de"),
        ("There will be no cut-off while you are away.", "en"),
        ("Your deposit will be returned in full.", "en"),
        ("Sie bekommen Ihre Kaution vollständig zurück.", "de"),
    ],
)
def test_a_charge_term_or_cut_off_the_customer_is_spared(sentence: str, lang: str) -> None:
    assert "commitment" in codes(sentence, lang), sentence


def test_a_spared_charge_under_a_condition_is_the_rule() -> None:
    rule = "The reminder fee is cancelled if you pay within 7 days."
    assert "commitment" not in codes(rule, "en")
