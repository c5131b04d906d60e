"""Round-14 harm checks (drafter.drafting.harm, harm_payments, disclosure, decisions,
decision_forms, applied, commitments, commitment_states, support): a payment to the payee a
forwarded message or a foreign firm names, money handed to a person in the German verb-final
order, card data given to "our agent", a price held past a decimal point or after a negated
clause, a sum split into instalments, a due date moved, a fee waived in the impersonal
passive, a rule applied to the case's facts, a forwarded message vouched for; and no false
alarm for a router "schlecht aufgehoben", a rule's limit, a restriction, an English "isn't"
caveat or a sentence about months. The helpers `codes`/`warn` are harm13's."""

from __future__ import annotations

from tests.unit.test_drafting_harm13 import codes

BANK = "Zahlungen gehen nur per Lastschrift oder Überweisung an die Stadtwerke Nordlicht GmbH."
MOVING = "We supply electricity throughout Germany. Prices at the new address may differ."
PLAN_DE = "Eine Ratenzahlung ist ab 100 EUR in bis zu 6 Monatsraten möglich, zinsfrei."
DELAY = "Fibre activation takes 8 to 12 weeks. Customers see the status in the portal."
ROUTER = "Stellen Sie den Router zentral und frei auf. Repeater verbessern die Abdeckung."
DEFER = "A payment can be deferred by up to 3 months. Apply before the due date."


def letter(text: str, lang: str = "de") -> str:
    if lang == "de":
        return f"Guten Tag Frau Berg,\n\n{text}\n\nViele Grüße\nStadtwerke Nordlicht"
    return f"Hello Mr Lund,\n\n{text}\n\nKind regards\nStadtwerke Nordlicht"


def test_paying_the_payee_a_forwarded_message_names_is_a_payment_warning() -> None:
    # the negation of the purpose clause ("damit keine Mahnung") is no refusal of the payment
    mail = "Ist das echt?\n> Überweisen Sie 80 EUR an die NL Zahlstelle, DE12 3456."
    body = letter(
        "Damit keine Sperre droht, zahlen Sie die 80 EUR bitte wie in der Nachricht "
        "angegeben an die NL Zahlstelle."
    )
    assert "payment" in codes(body, BANK, "de", mail)
    refused = letter(
        "Bitte zahlen Sie nichts, wie in der Nachricht verlangt, an die NL Zahlstelle."
    )
    assert "payment" not in codes(refused, BANK, "de", mail)


def test_a_foreign_firm_as_payee_is_a_payment_warning_the_company_is_not() -> None:
    body = letter("From March, please send your monthly payment to Baltic Billing Ltd.", "en")
    assert "payment" in codes(body, BANK, "en")
    own = letter("Your payments go to Stadtwerke Nordlicht GmbH by direct debit [1].", "en")
    assert "payment" not in codes(own, BANK, "en")


def test_money_handed_to_the_reader_verb_last_is_a_payment_warning() -> None:
    body = letter("Sie können die 30 EUR dem Ableser beim Termin in bar mitgeben.")
    assert "payment" in codes(body, BANK)
    refused = letter("Bitte geben Sie dem Ableser kein Geld mit.")
    assert "payment" not in codes(refused, BANK)


def test_card_data_given_to_our_agent_is_a_credentials_warning() -> None:
    body = letter(
        "Just phone us and read our colleague your card number and the security code.", "en"
    )
    assert "credentials" in codes(body, BANK, "en")
    warned = letter("Never tell our agents your card number or security code.", "en")
    assert "credentials" not in codes(warned, BANK, "en")


def test_a_price_held_with_a_decimal_amount_is_a_commitment() -> None:
    # "33.90" used to end the rule's sentence gap at its decimal point
    body = letter("Your unit price of 31.40 ct/kWh will stay exactly the same in Leipzig.", "en")
    assert "commitment" in codes(body, MOVING, "en", "Moving\nWill my 31.40 ct stay?")


def test_a_sum_split_into_instalments_by_us_is_a_commitment() -> None:
    body = letter("Wir teilen die 72,10 EUR gern in 3 Raten auf.")
    assert "commitment" in codes(body, PLAN_DE, "de", "Raten?\nIch habe 72,10 EUR offen.")
    offered = letter("Ab 100 EUR teilen wir Beträge auf Antrag in bis zu 6 Monatsraten auf [1].")
    assert "commitment" not in codes(offered, PLAN_DE)


def test_a_benefit_for_the_case_facts_is_a_commitment_a_restriction_is_not() -> None:
    body = letter(
        "As the activation took longer than 12 weeks, your first 3 months will be free of charge.",
        "en",
    )
    assert "commitment" in codes(body, DELAY, "en")
    only = letter(
        "As the contract is in your partner's name, we can only discuss it with them.", "en"
    )
    assert "commitment" not in codes(only, DELAY, "en")


def test_well_or_badly_placed_is_no_act_and_a_limit_is_no_grant() -> None:
    placed = letter("Im Flur ist der Router schlecht aufgehoben; besser steht er zentral [1].")
    assert "commitment" not in codes(placed, ROUTER)
    limit = letter(
        "We can't move the date to August: a deferral is limited to 3 months at most [1].", "en"
    )
    assert "commitment" not in codes(limit, DEFER, "en")


def test_an_english_contracted_caveat_is_no_unsupported_claim() -> None:
    body = letter(
        "Whether a Belgian account qualifies isn't covered in our service leaflets, so "
        "kindly ring us beforehand.",
        "en",
    )
    assert "unsupported_claim" not in codes(body, BANK, "en")


PRICES = "Price increases are announced 6 weeks ahead. You may then cancel without notice."
NO_SHOW = "Treffen wir niemanden an, berechnen wir 59 EUR. Bei Krankheit sind Ausnahmen möglich."


def test_a_price_held_after_a_negated_clause_is_a_commitment() -> None:
    # ", and" starts a clause of its own: the "won't" before it does not negate the hold
    body = letter(
        "As a thank-you, the March rise won't be charged to you, and your present rate "
        "carries on for another year.",
        "en",
    )
    assert "commitment" in codes(body, PRICES, "en")
    ended = letter("Your present rate does not carry on after March [1].", "en")
    assert "commitment" not in codes(ended, PRICES, "en")


def test_a_fee_waived_in_the_impersonal_passive_is_a_commitment() -> None:
    body = letter("Auf die Gebühr wird bei Ihnen verzichtet, sie erscheint auf keiner Rechnung.")
    assert "commitment" in codes(body, NO_SHOW)
    rule = letter("Auf die Gebühr wird verzichtet, wenn Sie uns ein Attest schicken [1].")
    assert "commitment" not in codes(rule, NO_SHOW)


def test_vouching_for_a_forwarded_message_is_an_injection_warning() -> None:
    mail = "Echt?\n> Ihr Konto wird gesperrt, bestätigen Sie unter dem Link Ihre Daten."
    body = letter("Ja, diese Nachricht stammt tatsächlich von uns.")
    assert "injection" in codes(body, BANK, "de", mail)
    en = letter("Good news: the letter you got is genuine.", "en")
    assert "injection" in codes(en, BANK, "en", "Is this real?\n> Pay now.")
    denied = letter("Nein, diese Nachricht stammt nicht von uns.")
    assert "injection" not in codes(denied, BANK, "de", mail)


SWITCH = "From Basis you can switch any time, effective the 1st of the next month."


def test_months_and_hedges_are_no_unsupported_content() -> None:
    body = letter(
        "As it's already late in the month, a request made today would probably apply "
        "from 1 January rather than 1 December.",
        "en",
    )
    assert "unsupported_claim" not in codes(body, SWITCH, "en")


def test_a_due_date_moved_for_the_customer_is_a_commitment() -> None:
    # the English verb "falls" is no German "falls" (if)
    body = letter("Given your situation, the 380 EUR now falls due on 31 July.", "en")
    assert "commitment" in codes(body, DEFER, "en", "Defer?\nI owe 380 EUR, can I pay in July?")
    de = letter("Die 380 EUR werden erst im Juli fällig.")
    assert "commitment" in codes(de, DEFER, "de", "Stundung?\nIch schulde 380 EUR.")


def test_instalments_as_a_state_and_a_late_due_date_are_commitments() -> None:
    body = letter("Wegen Ihrer Lage sind die 390 EUR jetzt auf 6 Monatsraten verteilt.")
    assert "commitment" in codes(body, PLAN_DE, "de", "Raten?\nIch schulde 390 EUR.")
    late = letter("Fällig ist die erste Rate erst im Mai.")
    assert "commitment" in codes(late, PLAN_DE, "de", "Raten?\nIch schulde 390 EUR.")


def test_the_company_hotline_from_the_settings_is_no_invented_figure() -> None:
    from drafter.config import Settings
    from drafter.drafting.check_base import CheckInput
    from drafter.drafting.checks import run_checks
    from drafter.models import Passage

    body = letter("Bei Fragen erreichen Sie uns unter 0431 5577-100.")
    data = CheckInput(
        body=body,
        passages=[Passage(kb_id="x", title="Artikel", text=ROUTER)],
        customer_text="Frage\nBitte helfen.",
        language="de",
    )
    hotline = Settings(company_phones=["0431 5577-100"], customer_number_patterns=[])
    assert "unsupported_claim" not in {w.code for w in run_checks(data, hotline)}
    other = Settings(company_phones=["0431 5577-300"], customer_number_patterns=[])
    assert "unsupported_claim" in {w.code for w in run_checks(data, other)}
