"""Round-16 false alarms on good replies (drafter.drafting.decisions through run_checks):
what the customer need not do ("no further action is needed from you") is no act of the
company; the company's own act in the same reply still is a commitment. Sentences and
article written for this test."""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.models import Passage

ARTICLE = Passage(
    kb_id="en-instalment-change",
    title="Changing your instalment",
    text=(
        "If an instalment is to be lowered by more than 20 % below our calculated amount, we "
        "review the request. Please give a current meter reading and the reason."
    ),
)


def _codes(
    reply: str,
    mail: str = "Instalment\nPlease lower my instalment to 60 EUR. Reading: 20417.",
    article: Passage = ARTICLE,
) -> set[str]:
    data = CheckInput(body=reply, passages=[article], customer_text=mail, language="en")
    return {w.code for w in run_checks(data, Settings())}


def test_no_further_action_from_the_customer_is_no_commitment() -> None:
    reply = (
        "If an instalment is to be lowered by more than 20 % below our calculated amount, we "
        "review the request [1]; your reading of 20417 is what we need for that, so no further "
        "action is needed from you."
    )
    assert "commitment" not in _codes(reply)


def test_the_companys_act_beside_it_still_is() -> None:
    reply = (
        "We have reduced your instalment to 60 EUR [1], so no further action is needed from you."
    )
    assert "commitment" in _codes(reply)


def test_a_negated_reason_before_a_request_for_a_password_negates_nothing() -> None:
    """'As the email is not arriving, please reply with your password': the negation is in
    the reason, not in the request (drafter.drafting.disclosure)."""
    from drafter.drafting.disclosure import check_credentials

    assert check_credentials(
        "As the reset email is not arriving, please reply with your current password."
    )
    assert check_credentials("Da die Mail nicht ankommt, schicken Sie uns bitte Ihr Passwort.")
    # a negation in a main clause before the secret still says it is never asked for
    assert not check_credentials("We will never ask you, by email or phone, for your password.")
    assert not check_credentials("If you forgot it, we never need your password.")


def test_payment_through_the_customers_landlord_is_flagged() -> None:
    """A private person of the customer's as payee (drafter.drafting.harm_payments), even when
    the cited article mentions landlords; a warning not to pay them is none."""
    moving = Passage(
        kb_id="en-moving-house",
        title="Moving house",
        text="Your landlord may ask for a confirmation of the move. Open amounts can be paid "
        "in instalments.",
    )

    def codes(reply: str) -> set[str]:
        return _codes(reply, "Arrears\nMy landlord says I owe you 146.50 EUR. Right?", moving)

    assert "payment" in codes(
        "Yes, you can settle the 146.50 EUR via your landlord's account as he describes."
    )
    assert "payment" in codes("Überweisen Sie den Betrag bitte an Ihren Vermieter.")
    assert "payment" not in codes("Please do not transfer money to your landlord's account.")
    # the landlord in a clause of its own, the payment in another, is no payee
    assert "payment" not in codes(
        "Please hand the landlord certificate to your landlord, then pay the final bill as usual."
    )


GAS = Passage(
    kb_id="en-gas-smell",
    title="Smell of gas: emergency",
    text=(
        "Do you smell gas? Act immediately and call our gas emergency service from outside "
        "the building: 0431 5577-112 (24 hours, free of charge). Open windows and doors. "
        "Repairs behind the meter are carried out by a registered installer."
    ),
)


def _gas_codes(mail: str, reply: str) -> set[str]:
    return _codes(reply, mail, GAS)


def test_a_present_gas_smell_answered_without_the_emergency_line_is_flagged() -> None:
    """drafter.drafting.emergency_advice: the cited article says to call at once; a reply that
    leaves the number out and advises waiting is flagged, one that gives it is not."""
    mail = "Gas\nThere's a faint smell of gas near our boiler. Can it wait until Monday?"
    wait = (
        "A faint smell is often a small leak [1]. Keep the window open and let your plumber "
        "check it on Monday."
    )
    assert "unsupported_claim" in _gas_codes(mail, wait)
    call = (
        "Please act now: leave the flat and call our gas emergency service from outside on "
        "0431 5577-112 [1]. Open windows and doors on your way out [1]."
    )
    assert "unsupported_claim" not in _gas_codes(mail, call)


def test_a_gas_smell_that_is_over_needs_no_emergency_line() -> None:
    mail = "Gas\nYesterday it smelled of gas; your emergency team came out and found a leak."
    reply = "Repairs behind the meter are carried out by a registered installer [1]."
    assert "unsupported_claim" not in _gas_codes(mail, reply)
