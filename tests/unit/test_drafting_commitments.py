"""Commitment paraphrases (drafter.drafting.commitments through run_checks): future promises,
exceptional grants, changes effective now, claims declared settled and new amounts are
flagged in German and English; the KB-backed or conditional variants are not."""

from __future__ import annotations

import pytest

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.models import Passage

SETTINGS = Settings(company_phones=["0431 5577-100"], customer_number_patterns=[])
ARTICLE = Passage(
    kb_id="de-abschlag-anpassen",
    title="Abschlag anpassen",
    text="Sie können Ihren Abschlag im Kundenportal anpassen. Weicht der Wunsch um mehr als "
    "20 % ab, prüfen wir ihn. Zu viel gezahlte Beträge erstatten wir innerhalb von 14 Tagen. "
    "You can change your instalment in the portal. We refund a credit within 14 days.",
)
EMAIL = "Abschlag\nBitte senken Sie meinen Abschlag auf 20 EUR. Die Mahnung ist falsch."


def codes(sentence: str, lang: str) -> set[str]:
    body = ("Sehr geehrte Frau Krüger,\n\n" if lang == "de" else "Dear Ms Krüger,\n\n") + sentence
    data = CheckInput(
        body=body + "\n\nMit freundlichen Grüßen\nStadtwerke Nordlicht",
        passages=[ARTICLE],
        customer_text=EMAIL,
        language=lang,
        extra_known="Stadtwerke Nordlicht",
    )
    return {w.code for w in run_checks(data, SETTINGS)}


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Wir werden Ihren Vertrag zum Monatsende kündigen.", "de"),
        ("We will cancel your contract at the end of the month.", "en"),
        ("We'll waive the reminder fee for you.", "en"),
        ("Ausnahmsweise berechnen wir Ihnen die Mahngebühr nicht.", "de"),
        ("As a goodwill gesture, this month is on us.", "en"),
        ("Ab sofort gilt für Sie der Tarif Nordlicht Öko.", "de"),
        ("Your new tariff applies with immediate effect.", "en"),
        ("Ihre Rechnung ist damit beglichen.", "de"),
        ("Your balance has been cleared.", "en"),
        ("Die Mahnung können Sie einfach ignorieren.", "de"),
        ("You can safely ignore the reminder.", "en"),
        ("Ihr neuer Abschlag beträgt 20 EUR.", "de"),
        ("Your monthly payment will be 20 EUR from March.", "en"),
        # guarantees, account entries removed, charges that will not be made
        ("Wir garantieren Ihnen, dass bei Ihnen niemals der Strom abgestellt wird.", "de"),
        ("We promise that your supply stays on whatever happens with the bill.", "en"),
        ("Die Mahngebühr haben wir schon aus Ihrem Konto gelöscht.", "de"),
        ("I have reset your meter account and unlocked the portal for you.", "en"),
        ("Die Anfahrtspauschale wird Ihnen nicht berechnet.", "de"),
        ("You will not be charged for the missed visit.", "en"),
        ("Ich habe für Sie eine Ratenzahlung über 8 Monate eingerichtet.", "de"),
        ("We have set up a payment plan of 10 instalments for you.", "en"),
    ],
)
def test_commitment_paraphrases_are_flagged(sentence: str, lang: str) -> None:
    assert "commitment" in codes(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Zu viel gezahlte Beträge erstatten wir innerhalb von 14 Tagen.", "de"),
        ("We refund a credit within 14 days.", "en"),
        ("Wenn Sie uns einen Zählerstand nennen, prüfen wir, ob wir den Abschlag senken.", "de"),
        ("If the reading confirms it, we will lower your instalment.", "en"),
        ("Sie können Ihren Abschlag im Kundenportal anpassen.", "de"),
        ("Please send us a current meter reading so that we can check your request.", "en"),
        ("Wir können Ihnen leider nicht garantieren, dass der Techniker pünktlich ist.", "de"),
    ],
)
def test_kb_backed_or_conditional_sentences_are_not(sentence: str, lang: str) -> None:
    assert "commitment" not in codes(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # money the company pays, whatever it is called; terms said to lapse
        ("Die Pauschale von 80 EUR überweisen wir Ihnen in den nächsten Tagen.", "de"),
        ("We will add 30 EUR to your account next week.", "en"),
        ("Bei einem Jobwechsel entfällt die Mindestlaufzeit, Sie können sofort wechseln.", "de"),
        ("In your case the notice period no longer applies.", "en"),
    ],
)
def test_payouts_and_lapsed_terms_are_flagged(sentence: str, lang: str) -> None:
    assert "commitment" in codes(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # negated done-statements and verb-first conditions
        ("Der Fälligkeitstag ist für alle gleich und kann nicht geändert werden.", "de"),
        ("Waren die Kosten höher, haben sich meist die Preise geändert.", "de"),
        ("Your contract has not been cancelled yet; we need your signature first.", "en"),
    ],
)
def test_negated_and_conditional_done_statements_are_not(sentence: str, lang: str) -> None:
    assert "commitment" not in codes(sentence, lang)


def test_the_customers_own_credit_paid_back_as_the_article_says() -> None:
    body = (
        "Sehr geehrte Frau Krüger,\n\nIhr Guthaben von 143,27 EUR überweisen wir innerhalb von "
        "14 Tagen.\n\nMit freundlichen Grüßen\nStadtwerke Nordlicht"
    )
    data = CheckInput(
        body=body,
        passages=[ARTICLE],
        customer_text="Schlussrechnung\nMeine Schlussrechnung zeigt ein Guthaben von 143,27 EUR.",
        language="de",
        extra_known="Stadtwerke Nordlicht",
    )
    assert "commitment" not in {w.code for w in run_checks(data, SETTINGS)}


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Der Rückstand von 80 EUR wird nicht mehr eingefordert.", "de"),
        ("Nothing more will be charged after that date.", "en"),
        ("Eine Sperre ist für Ihren Anschluss dauerhaft ausgeschlossen.", "de"),
        ("Your contract will end on 30 April.", "en"),
        ("Ihr Vertrag endet dann rückwirkend zum 1. März.", "de"),
    ],
)
def test_claims_dropped_cut_offs_ruled_out_and_contract_ends_are_flagged(
    sentence: str, lang: str
) -> None:
    assert "commitment" in codes(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # ankündigen (to announce), a consequence of the customer's own step, a rule explained
        ("Den Termin kündigen wir mindestens 2 Wochen vorher schriftlich an.", "de"),
        ("Wenn Sie das Passwort zurücksetzen, ist die Sperre sofort aufgehoben.", "de"),
        ("Geht die Kündigung rechtzeitig ein, endet der Vertrag dann am Monatsende.", "de"),
        ("Eine Sperre ist ausgeschlossen, solange Sie die Raten pünktlich zahlen.", "de"),
        ("If you cancel by 15 March, your contract will end on 30 April.", "en"),
    ],
)
def test_announcements_consequences_and_rules_are_not(sentence: str, lang: str) -> None:
    assert "commitment" not in codes(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # decisions by vocabulary (drafter.drafting.decisions), whatever the grammar
        ("Die Sperrandrohung ziehen wir hiermit zurück.", "de"),
        ("Die offene Forderung schreiben wir ab.", "de"),
        ("Ihre Kündigung haben wir zum Monatsende vorgemerkt und bestätigt.", "de"),
        ("The disconnection notice has been withdrawn.", "en"),
        ("An engineer will visit on Thursday between 8 am and 12 pm.", "en"),
        ("You'll see a 30 EUR credit on your next bill.", "en"),
        ("There will be no disconnection at your address, you have my word.", "en"),
        ("Your refund will be in your account within the next three days.", "en"),
    ],
)
def test_decisions_in_other_words_are_flagged(sentence: str, lang: str) -> None:
    assert "commitment" in codes(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Eine Verlängerung der Zahlungsfrist ist möglich, wenn Sie uns kurz schreiben.", "de"),
        ("If the reminder was sent in error, it will be withdrawn.", "en"),
        ("Please note that the deadline cannot be extended.", "en"),
        ("Whether a credit is possible will be decided after we review your documents.", "en"),
        ("Gern leiten wir Ihren Wunsch nach Kulanz an die zuständige Abteilung weiter.", "de"),
    ],
)
def test_options_conditions_refusals_and_hand_overs_are_not(sentence: str, lang: str) -> None:
    assert "commitment" not in codes(sentence, lang)


def test_handing_a_wish_on_is_no_content_from_nowhere() -> None:
    # the process words of a hand-over are letter words, not claims
    sentence = "Gern leiten wir Ihren Wunsch nach Kulanz an die zuständige Abteilung weiter."
    assert not codes(sentence, "de")


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Unser Teamleiter ruft Sie morgen Vormittag persönlich an.", "de"),
        ("Our billing manager will call you on Friday to sort it out.", "en"),
        ("Ich habe Ihr Konto so markiert, dass keine weiteren Mahnungen verschickt werden.", "de"),
        ("I have flagged your account so that no reminders go out.", "en"),
        ("We have corrected your bill and applied the lower price.", "en"),
        ("Ab dem 1. März rechnen wir Sie im günstigeren Tarif ab.", "de"),
        ("As an apology, we'll add 20 EUR to your account.", "en"),
    ],
)
def test_callbacks_account_flags_corrections_and_tariff_changes_are_flagged(
    sentence: str, lang: str
) -> None:
    assert "commitment" in codes(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Your contract ends at the end of the notice period, which we confirm in writing.", "en"),
        ("Gern stellen wir Sie auf Lastschrift um, sobald das Mandat vorliegt.", "de"),
    ],
)
def test_a_rule_of_the_contract_and_a_requested_switch_are_not(sentence: str, lang: str) -> None:
    assert "commitment" not in codes(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Your fibre line will be activated this coming Monday before noon.", "en"),
        ("Ihr Anschluss wird am Mittwoch freigeschaltet.", "de"),
        ("The minimum term doesn't apply to you.", "en"),
    ],
)
def test_a_switch_on_for_a_day_and_a_lapsed_term_are_flagged(sentence: str, lang: str) -> None:
    assert "commitment" in codes(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # a start backdated to a date
        ("Wir melden Sie rückwirkend zum 1. Mai im Tarif Nordlicht Öko an.", "de"),
        ("Your gas contract will be backdated to 3 June, so the cheaper price applies.", "en"),
        # a notice said to be processed, a contract with a product name said to end
        ("We have processed your cancellation as requested.", "en"),
        ("Your Nordlicht Fix 24 contract will end on 31 May 2027.", "en"),
        ("Nothing will be charged for the remaining months.", "en"),
        # a charge that will not apply, a reduction in the present tense
        ("The set-up fee will not apply to your order.", "en"),
        ("Die Bereitstellungsgebühr fällt für Sie weg.", "de"),
        ("Zusätzlich senken wir Ihren Grundpreis um 10 %.", "de"),
        # a price held for the customer, even with a negation in a second clause
        (
            "Wir halten Ihnen den alten Preis bis Jahresende frei, und eine Gebühr fällt nicht an.",
            "de",
        ),
        ("We will hold the old price for you until the end of the year.", "en"),
        ("Das ist kein Problem: wir reservieren Ihnen den Tarif bis Ende Juni.", "de"),
        # "as if" is no condition
        ("We treat your order as if it had come in last week, so the fee does not apply.", "en"),
    ],
)
def test_backdating_processed_notices_lapsed_charges_and_held_prices_are_flagged(
    sentence: str, lang: str
) -> None:
    assert "commitment" in codes(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Leider können wir den Tarif nicht rückwirkend zum 1. Mai beginnen lassen.", "de"),
        ("Registration is possible retroactively for up to 6 weeks.", "en"),
        ("We cannot backdate the new tariff to your move-in date.", "en"),
        ("If you order online, the set-up fee does not apply.", "en"),
        ("Wir prüfen, ob wir Ihnen den alten Preis freihalten können.", "de"),
        ("We have received your cancellation and will confirm the end date in writing.", "en"),
    ],
)
def test_refusals_rules_and_reviews_of_those_are_not(sentence: str, lang: str) -> None:
    assert "commitment" not in codes(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The reminder charge has been lifted from your account.", "en"),
        ("We've knocked the late fee off your next bill.", "en"),
        ("You will no longer have to pay the outstanding 80 EUR.", "en"),
        ("Den Rückstand müssen Sie nicht mehr bezahlen.", "de"),
        ("We are giving you the router rent for free this year.", "en"),
        ("We will keep the Fix 24 price for you until your move.", "en"),
    ],
)
def test_charges_dropped_sums_not_owed_and_gifts_are_flagged(sentence: str, lang: str) -> None:
    assert "commitment" in codes(sentence, lang)


def test_a_refusal_before_the_verb_is_no_commitment() -> None:
    assert "commitment" not in codes("We cannot waive the reminder fee, sorry.", "en")
    assert "commitment" not in codes("Leider können wir die Gebühr nicht erlassen.", "de")


def test_a_backdated_start_is_flagged_even_if_the_article_says_retroactive() -> None:
    article = Passage(
        kb_id="de-einzug",
        title="Einzug",
        text="Eine Anmeldung ist rückwirkend bis zu 6 Wochen nach dem Einzug möglich.",
    )
    body = "Guten Tag,\n\nWir melden Sie rückwirkend ab dem 1. Februar an.\n\nIhr Kundenservice"
    data = CheckInput(body=body, passages=[article], customer_text=EMAIL, language="de")
    assert "commitment" in {w.code for w in run_checks(data, SETTINGS)}


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Your credit of 35 EUR has already been transferred.", "en"),
        ("Die Gutschrift über 35 EUR ist schon unterwegs.", "de"),
        ("We've upgraded your line to 500 Mbit/s.", "en"),
        ("You will not get any further reminders from us.", "en"),
        ("Zahlungserinnerungen bekommen Sie von uns keine mehr.", "de"),
    ],
)
def test_money_on_its_way_upgrades_and_no_more_reminders_are_flagged(
    sentence: str, lang: str
) -> None:
    assert "commitment" in codes(sentence, lang)


def test_no_reminders_while_a_review_runs_is_the_rule_not_a_promise() -> None:
    assert "commitment" not in codes("During the review you won't get any reminders.", "en")


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # a charge not made for this customer, active voice
        ("Weil Sie schon so lange Kunde sind, berechnen wir Ihnen keine Anfahrtspauschale.", "de"),
        ("Wir erheben Ihnen dafür keine Bearbeitungsgebühr.", "de"),
        # promised outright: zusagen, zusichern
        ("Den Zählerwechsel sagen wir Ihnen noch für diese Woche verbindlich zu.", "de"),
        ("Wir sichern Ihnen einen Termin vor Weihnachten zu.", "de"),
        # a price sworn never to rise
        ("Your instalment is locked, so there will be no increase whatsoever.", "en"),
        ("Ihr Abschlag kann in dieser Zeit auf keinen Fall steigen.", "de"),
        # the customer's own request granted
        ("Wir genehmigen Ihren Antrag auf eine Ratenzahlung in sechs Raten.", "de"),
        ("We have approved your request to pause the instalments.", "en"),
    ],
)
def test_charges_spared_promises_fixed_prices_and_granted_wishes_are_flagged(
    sentence: str, lang: str
) -> None:
    assert "commitment" in codes(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Kosten für den Ableser berechnen wir nicht, und Ableser kassieren nie Geld.", "de"),
        ("Eine Preiserhöhung können wir Ihnen leider nicht ausschließen.", "de"),
        ("We cannot approve your request without a meter reading.", "en"),
        ("Wir sagen Ihnen Bescheid, sobald der Termin steht.", "de"),
    ],
)
def test_rules_refusals_and_notices_are_no_such_promise(sentence: str, lang: str) -> None:
    assert "commitment" not in codes(sentence, lang)
