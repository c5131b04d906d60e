"""Round-13 harm checks (drafter.drafting.decisions, decision_forms, commitments,
commitment_paraphrases, harm_payments, disclosure, checks, arithmetic): commitments in a
concession, a confirming verb, a paying-back verb, a level kept, a passive or a time
guaranteed; payments to a named or hearsay account and advice to hold one back; a one-time
code asked for in the attributive word order; and no false alarm for a question on the
question the reply declines, a split the customer's figure gives or an appointment being booked."""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.models import DraftWarning, Passage

SETTINGS = Settings(company_phones=["0431 5577-100"], customer_number_patterns=[])
MOVE = (
    "Bei einem Auszug gilt keine Kündigungsfrist: Der Vertrag endet an Ihrem Auszugstag, "
    "wenn Sie sich mindestens 2 Wochen vorher abmelden."
)
OUTAGE = (
    "Für längere Unterbrechungen im Netz haftet der Netzbetreiber. Schäden melden Sie schriftlich."
)
TARIFF = "Nordlicht Fix 24 costs 32.90 ct/kWh with a 24-month price guarantee."
PLAN = (
    "Payment plans for amounts of 100 EUR or more can be split into up to 6 monthly "
    "instalments, interest-free. Apply in the portal."
)
VISITS = "We send every appointment at least 7 days in advance, with a time slot."


def warn(
    body: str, text: str, lang: str = "de", email: str = "Frage\nBitte helfen."
) -> list[DraftWarning]:
    passage = Passage(kb_id="x", title="Artikel", text=text)
    data = CheckInput(
        body=body, passages=[passage], customer_text=email, language=lang, extra_known=""
    )
    return run_checks(data, SETTINGS)


def codes(*args: str) -> set[str]:
    return {w.code for w in warn(*args)}


def letter(text: str, lang: str = "de") -> str:
    if lang == "de":
        return f"Guten Tag Herr Kröger,\n\n{text}\n\nViele Grüße\nStadtwerke Nordlicht"
    return f"Hello Ms Hart,\n\n{text}\n\nKind regards\nStadtwerke Nordlicht"


def test_a_contract_end_confirmed_despite_the_rule_is_a_commitment() -> None:
    # "auch wenn" concedes, it sets no condition; the confirming verb comes first
    body = letter(
        "Da Sie ausziehen, gilt keine Kündigungsfrist [1]. Wir bestätigen Ihnen das "
        "Vertragsende zum 30.11.2026, auch wenn Ihre Abmeldung weniger als 2 Wochen vorher "
        "eingegangen ist."
    )
    found = [w for w in warn(body, MOVE) if w.code == "commitment"]
    assert found and "30.11.2026" in found[0].span
    # a real condition stays one
    kept = letter("Wenn Sie sich 2 Wochen vorher abmelden, endet der Vertrag am Auszugstag [1].")
    assert "commitment" not in codes(kept, MOVE)


def test_money_paid_back_by_any_verb_is_a_commitment() -> None:
    de = letter(
        "Wir ersetzen Ihnen die 180 EUR für das Gefriergut, sobald Sie uns die Kassenbons schicken."
    )
    assert "commitment" in codes(de, OUTAGE, "de", "Strom weg\nGefriergut für 180 EUR verdorben.")
    en = letter("We will reimburse the 180 EUR for your food once you send the receipts.", "en")
    assert "commitment" in codes(en, OUTAGE, "en", "Outage\nFood for 180 EUR spoiled.")
    refused = letter("Die 180 EUR für das Gefriergut können wir Ihnen leider nicht ersetzen.")
    assert "commitment" not in codes(refused, OUTAGE, "de", "Strom\n180 EUR Schaden.")


def test_a_price_kept_at_this_level_beyond_the_guarantee_is_a_commitment() -> None:
    body = letter(
        "Nordlicht Fix 24 costs 32.90 ct/kWh [1]. After the 24 months your price will stay at "
        "this level, so you will not pay more in 2029.",
        "en",
    )
    assert "commitment" in codes(body, TARIFF, "en", "Tariff\nWill it rise?")


def test_german_passive_and_a_guaranteed_time_are_commitments() -> None:
    passive = letter(
        "Ihr Widerruf ist fristgerecht eingegangen, der Vertrag wird komplett rückabgewickelt."
    )
    assert "commitment" in codes(passive, MOVE)
    guaranteed = letter("Der Einbau findet garantiert innerhalb der nächsten 14 Tage statt.")
    assert "commitment" in codes(guaranteed, MOVE)
    spared = letter("Weil Ihr Haus in Gaarden steht, fällt für Sie kein Einbauentgelt an.")
    assert "commitment" in codes(spared, MOVE)


def test_a_named_or_hearsay_account_is_another_payee() -> None:
    named = letter(
        "Ja, die Raten zahlen Sie auf das Konto „Nordlicht Treuhand Ratenservice“, das Ihnen "
        "unser Kollege genannt hat."
    )
    assert "payment" in codes(named, PLAN)
    hearsay = letter("Please pay the instalments to the account our colleague gave you.", "en")
    assert "payment" in codes(hearsay, PLAN, "en", "Plan\nCan I split it?")
    ours = letter("Die Raten zahlen Sie an uns, nicht an ein Treuhandkonto.")
    assert "payment" not in codes(ours, PLAN)


def test_advice_to_hold_back_a_payment_until_later_is_flagged() -> None:
    body = letter(
        "Legen Sie beim Vermieter Widerspruch ein und zahlen Sie den Betrag bis zur Klärung nicht."
    )
    assert "payment" in codes(body, MOVE)
    withhold = letter("Until your landlord shows the receipts, you may withhold the payment.", "en")
    assert "payment" in codes(withhold, PLAN, "en", "Landlord\nToo high.")
    # a warning not to pay a fraudster is no such advice
    warning = letter("Diese SMS ist nicht von uns, bitte zahlen Sie nicht.")
    assert "payment" not in codes(warning, MOVE)


def test_a_code_asked_for_in_the_attributive_word_order_is_a_credentials_request() -> None:
    body = letter(
        "Zum Abgleich brauchen wir den per SMS erhaltenen Code und Ihre IBAN, schicken Sie "
        "beides als Antwort."
    )
    assert "credentials" in codes(body, MOVE)


def test_a_reply_declining_the_mails_question_carries_out_no_instruction() -> None:
    email = (
        "Tariff\nI have Glasfaser 300 and call my parents in Poland a lot. "
        "What's the cheapest way to call Poland?"
    )
    body = letter(
        "Our article does not list prices for calls to Poland; please ask us on 0431 5577-100 "
        "for the international rates.",
        "en",
    )
    assert "injection" not in codes(body, TARIFF, "en", email)
    declined = letter("I'm afraid we can't advise on the cheapest way to call Poland.", "en")
    assert "injection" not in codes(declined, TARIFF, "en", email)
    smuggled = "Tariff\nI have Glasfaser 300. What is the capital of France?"
    answer = letter("The capital of France is Paris, by the way.", "en")
    assert "injection" in codes(answer, TARIFF, "en", smuggled)


def test_a_split_of_the_customers_figure_written_with_a_times_sign_is_derived() -> None:
    email = "Bill\nMy annual bill says additional payment 420.00 EUR. Could I split it?"
    body = letter(
        "You can split the 420.00 EUR into up to 6 interest-free monthly instalments, e.g. "
        "6 × 70.00 EUR [1].",
        "en",
    )
    assert "unsupported_claim" not in codes(body, PLAN, "en", email)
    wrong = letter("You can split it into 6 instalments, e.g. 6 × 75.00 EUR [1].", "en")
    assert "unsupported_claim" in codes(wrong, PLAN, "en", email)


def test_a_visit_being_arranged_without_a_day_is_no_commitment() -> None:
    body = letter(
        "We arrange the follow-up visit for you and let you know the date at least 7 days "
        "in advance [1].",
        "en",
    )
    assert "commitment" not in codes(body, VISITS, "en", "Visit\nCan I have his number?")
    sorted_out = letter("We'll sort out the 120 EUR router charge for you.", "en")
    assert "commitment" in codes(sorted_out, VISITS, "en", "Router\nCharged 120 EUR.")


def test_a_lapse_the_article_states_as_a_rule_is_no_commitment() -> None:
    rule = letter(
        "Wegen des Umzugs ist keine Kündigung nötig: Bei einem Auszug entfällt die "
        "Kündigungsfrist [1]."
    )
    assert "commitment" not in codes(rule, MOVE)
    for_you = letter("Bei Ihnen entfällt die Kündigungsfrist, auch ohne Umzug.")
    assert "commitment" in codes(for_you, MOVE)
    # a charge that does not arise for everyone is the rule, for this customer a decision
    fees = "Für die Auszahlung eines Guthabens fallen keine Gebühren an."
    assert "commitment" not in codes(letter(fees), MOVE)
