"""Round-6 computed values a good reply may state (drafter.drafting.arithmetic, .dates, through
the number and date checks): a percentage of a price to the cent, also below 10 EUR, and a
date moved by whole days given in hours ("48 Stunden"). Examples written for this test."""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.arithmetic import Derivations
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.models import Passage

SETTINGS = Settings(company_phones=["0431 5577-100"], customer_number_patterns=[])


def test_a_percentage_of_a_price_to_the_cent() -> None:
    given = "My tariff costs 64.99 EUR a month. You pay 10 % of the monthly price per day."
    derived = Derivations(given)
    assert derived.derivable("6.50")  # 10 % of 64.99 = 6.499
    assert not derived.derivable("6.40")
    assert not derived.derivable("6.5")  # not to the cent: too easy to hit
    assert Derivations("20 % of 129.00 EUR").derivable("25.80")


def _warnings(reply: str, article: str, email: str, lang: str) -> set[str]:
    data = CheckInput(
        body=reply,
        passages=[Passage(kb_id="a", title="Article", text=article)],
        customer_text=email,
        language=lang,
    )
    return {w.code for w in run_checks(data, SETTINGS)}


def test_the_compensation_worked_out_from_a_percentage_is_not_unsupported() -> None:
    article = "From day 3 you receive per day 10 % of the monthly price."
    email = "Outage\nMy fibre (64.99 EUR a month) was down for four days."
    worked = "For your tariff at 64.99 EUR, 10 % is 6.50 EUR per day."
    assert "unsupported_claim" not in _warnings(worked, article, email, "en")
    invented = "For your tariff at 64.99 EUR, 10 % is 7.50 EUR per day."
    assert "unsupported_claim" in _warnings(invented, article, email, "en")


def test_a_date_moved_by_hours_that_make_whole_days() -> None:
    article = "Termine können Sie bis 48 Stunden vor Beginn kostenlos verschieben."
    email = "Termin\nMein Termin ist am 19.11. um 12 Uhr. Wie verschiebe ich ihn?"
    worked = "Kostenlos verschieben können Sie ihn bis zum 17.11. um 12 Uhr."
    assert "unsupported_claim" not in _warnings(worked, article, email, "de")
    invented = "Kostenlos verschieben können Sie ihn bis zum 15.11. um 12 Uhr."
    assert "unsupported_claim" in _warnings(invented, article, email, "de")
    odd = "Termine können Sie bis 30 Stunden vor Beginn kostenlos verschieben."
    assert "unsupported_claim" in _warnings(worked, odd, email, "de")  # 30 h: no whole day
