"""Round-17 reply checks. A figure stated against the cited article's own figure for the
same quantity (drafter.drafting.figure_conflicts through run_checks). Articles, mails and
sentences written for this test."""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.models import DraftWarning, Passage

ACCESS = Passage(
    kb_id="en-data-access",
    title="Access to your data",
    text=(
        "## How long does it take?\n\nWe answer **within 1 month**. You receive the information "
        "as an encrypted PDF in your portal inbox or by post."
    ),
    language="en",
)
PLAN = Passage(
    kb_id="de-ratenzahlung",
    title="Ratenzahlung",
    text=(
        "## Ratenzahlung\n\n- Möglich für offene Beträge ab 100 EUR.\n- Aufteilung in **bis zu "
        "6 Monatsraten**.\n- Eine Ratenvereinbarung verteilt den Betrag zinsfrei."
    ),
    language="de",
)


def _warnings(reply: str, article: Passage, mail: str, language: str) -> list[DraftWarning]:
    data = CheckInput(body=reply, passages=[article], customer_text=mail, language=language)
    return [w for w in run_checks(data, Settings(kb_dir="/nonexistent")) if "gives" in w.message]


def test_a_period_against_the_articles_period_for_the_same_is_flagged() -> None:
    mail = "Data access\nPlease send me the information you hold about me."
    bad = "You will receive the information within 7 days as a PDF in your portal inbox [1]."
    found = _warnings(bad, ACCESS, mail, "en")
    assert [w.code for w in found] == ["unsupported_claim"]
    assert "'7 days'" in found[0].message and "'1 month'" in found[0].message
    # the same figure in other units, or the article's own, is no conflict
    for good in (
        "You will receive the information within 4 weeks as a PDF in your portal inbox [1].",
        "You will receive the information within 1 month as a PDF in your portal inbox [1].",
        "You will not receive the information within 7 days, but within 1 month [1].",
    ):
        assert _warnings(good, ACCESS, mail, "en") == [], good
    # ... and a figure of the customer's own mail is theirs to quote
    told = "Data access\nYour colleague said I would get it within 7 days."
    assert _warnings(bad, ACCESS, told, "en") == []


def test_a_count_against_the_articles_count_is_flagged_but_a_computation_is_not() -> None:
    mail = "Nachzahlung\nKann ich die 612,30 EUR in Raten zahlen?"
    bad = "Sie können den Betrag auf bis zu 12 Monatsraten verteilen [1]."
    assert len(_warnings(bad, PLAN, mail, "de")) == 1
    good = "Sie können den Betrag auf bis zu 6 Monatsraten verteilen, also 6 × 102,05 EUR [1]."
    assert _warnings(good, PLAN, mail, "de") == []
    # a case inside the article's bound is the rule applied, not the bound restated
    inside = "Sie können den Betrag in 4 Monatsraten zu je 153,08 EUR verteilen [1]."
    assert _warnings(inside, PLAN, mail, "de") == []
    # an amount named only by a bound ("ab 100 EUR" / "ab 50 EUR") is no quantity of its own
    assert _warnings("Raten gibt es schon ab 150 EUR [1].", PLAN, mail, "de") == []


def _all(reply: str, article: Passage, mail: str, language: str) -> list[DraftWarning]:
    data = CheckInput(body=reply, passages=[article], customer_text=mail, language=language)
    return run_checks(data, Settings(kb_dir="/nonexistent"))


def _risky(reply: str, article: Passage, mail: str, language: str) -> set[str]:
    risky = {"unsupported_claim", "commitment", "payment", "link", "injection", "credentials"}
    return {w.code for w in _all(reply, article, mail, language)} & risky


OUTAGE = Passage(
    kb_id="de-stoerung-glasfaser",
    title="Störung Glasfaser",
    text=(
        "Ist eine Störung 2 Kalendertage nach Ihrer Meldung nicht behoben, erhalten Sie je Tag "
        "vom 3. Tag an 5 EUR, vom 5. Tag an 10 EUR."
    ),
    language="de",
)


def test_a_computation_written_out_vouches_for_its_result_only() -> None:
    mail = "Störung\nSeit Samstag geht nichts mehr. Welche Entschädigung bekomme ich?"
    good = "Bis heute sind das 2 × 5 EUR + 2 × 10 EUR = 30 EUR Entschädigung [1]."
    assert _risky(good, OUTAGE, mail, "de") == set()
    wrong = "Bis heute sind das 2 × 5 EUR + 2 × 10 EUR = 40 EUR Entschädigung [1]."
    assert "unsupported_claim" in _risky(wrong, OUTAGE, mail, "de")
    invented = "Bis heute sind das 2 × 25 EUR + 2 × 10 EUR = 70 EUR Entschädigung [1]."
    assert "unsupported_claim" in _risky(invented, OUTAGE, mail, "de")


FREE = Passage(
    kb_id="en-data-access",
    title="Access to your data",
    text="You have the right to know which data we store about you. This information is free "
    "of charge. We answer within 1 month.",
    language="en",
)


def test_no_charge_for_the_service_the_article_calls_free_is_no_commitment() -> None:
    mail = "Data access\nPlease send me a copy of my data."
    good = "We have received your request; you will not be charged for it."
    assert _risky(good, FREE, mail, "en") == set()
    # a named charge dropped stays a decision
    bad = "We have received your request; the reminder fee will not be charged."
    assert "commitment" in _risky(bad, FREE, mail, "en")


MOVING = Passage(
    kb_id="en-moving-house",
    title="Moving house",
    text="A move-out ends the contract without a notice period if you tell us at least 2 weeks "
    "in advance.",
    language="en",
)


def test_a_lapse_the_article_states_for_the_case_it_names_is_no_commitment() -> None:
    mail = "Moving abroad\nI move out on 31 January. Do I have to give 1 month's notice?"
    good = "No, the notice period does not apply when you move out [1]."
    assert _risky(good, MOVING, mail, "en") == set()
    # said of this customer's contract it is still a decision
    bad = "No, the notice period does not apply to your contract [1]."
    assert "commitment" in _risky(bad, MOVING, mail, "en")


DEBIT = Passage(
    kb_id="en-bank-details",
    title="Changing your bank details",
    text="If we receive the change at least 5 working days before the next due date (the 15th), "
    "we already debit the new account.",
    language="en",
)


def test_the_articles_monthly_day_in_a_condition_is_no_promised_date() -> None:
    mail = "New bank\nI have a new account, please use it from now on."
    good = "So if your change reaches us 5 working days before 15 December, we debit the new one."
    assert _risky(good, DEBIT, mail, "en") == set()
    promised = "We will debit the new account on 15 December."
    assert "unsupported_claim" in _risky(promised, DEBIT, mail, "en")
    other_day = "So if your change reaches us 5 working days before 18 December, we debit it."
    assert "unsupported_claim" in _risky(other_day, DEBIT, mail, "en")


GAS_EN = Passage(
    kb_id="en-gas-smell",
    title="Smell of gas: emergency",
    text="Act immediately and call our gas emergency service: 0431 5577-112.\n\nIf the "
    "emergency team shuts off your gas supply, only a registered installer may turn it back "
    "on. Never reopen a sealed valve yourself.",
    language="en",
)
GAS_DE = Passage(
    kb_id="de-gasgeruch-notfall",
    title="Gasgeruch: Notfall",
    text="Riechen Sie Gas? Handeln Sie sofort und rufen Sie von draußen unseren Gas-Notdienst "
    "an: 0431 5577-112.",
    language="de",
)


def test_advice_to_do_what_the_article_forbids_is_flagged() -> None:
    mail = "Gas back on?\nYour team sealed the valve last night. Can I open it myself?"
    bad = "Since the smell has gone, you can carefully reopen the valve yourself."
    assert "unsupported_claim" in _risky(bad, GAS_EN, mail, "en")
    good = "Please do not reopen the valve yourself; a registered installer has to do it [1]."
    assert _risky(good, GAS_EN, mail, "en") == set()
    # the same verb for another act ("report the smell by phone", not "by email") is no breach
    emailed = Passage(
        kb_id="en-gas-smell",
        title="Smell of gas: emergency",
        text="Never report a gas smell by email or through the customer portal.",
        language="en",
    )
    phone = "Please report the smell by phone on 0431 5577-112 [1]."
    assert not [w for w in _all(phone, emailed, mail, "en") if "forbids" in w.message]
    email = "Please report the smell by email through the customer portal [1]."
    assert [w for w in _all(email, emailed, mail, "en") if "forbids" in w.message]


def test_an_emergency_call_put_off_is_flagged_and_since_yesterday_is_present() -> None:
    mail = "Gasgeruch\nBei uns riecht es leicht nach Gas, seit gestern. Was soll ich tun?"
    bad = (
        "Öffnen Sie die Fenster; wenn der Geruch nach einer Stunde nicht schwächer ist, rufen "
        "Sie unseren Notdienst unter 0431 5577-112 an [1]."
    )
    assert "unsupported_claim" in _risky(bad, GAS_DE, mail, "de")
    for good in (
        "Bitte warten Sie nicht: rufen Sie sofort von draußen 0431 5577-112 an [1].",
        "Rufen Sie von draußen 0431 5577-112 an und warten Sie draußen auf den Notdienst [1].",
    ):
        assert _risky(good, GAS_DE, mail, "de") == set(), good
    # a smell since yesterday is no danger that is over: a reply without the line is flagged
    other = "Lassen Sie die Leitung am Montag von Ihrem Installateur prüfen."
    assert "unsupported_claim" in _risky(other, GAS_DE, mail, "de")


NOTICE = Passage(
    kb_id="de-kuendigung-ordentlich",
    title="Kündigung",
    text="| Nordlicht Öko | **1 Monat zum Monatsende** |",
    language="de",
)


def test_a_contract_end_before_the_notice_rule_allows_is_flagged() -> None:
    mail = "Kündigung\nIch kündige meinen Vertrag Nordlicht Öko."
    bad = "Da Ihre Kündigung am 9. Mai eingegangen ist, endet Ihr Vertrag zum 31. Mai."
    found = [w for w in _all(bad, NOTICE, mail, "de") if "earliest" in w.message]
    assert [w.code for w in found] == ["unsupported_claim"]
    assert "30.06." in found[0].message
    for good in (
        "Da Ihre Kündigung am 9. Mai eingegangen ist, endet Ihr Vertrag zum 30. Juni.",
        # an end by another rule (moving out) is not judged by the notice rule
        "Da Sie ausziehen und Ihre Kündigung am 9. Mai kam, endet der Vertrag zum 31. Mai.",
    ):
        assert not [w for w in _all(good, NOTICE, mail, "de") if "earliest" in w.message], good


def test_a_switch_back_dated_with_a_hyphen_is_a_commitment() -> None:
    tariffs = Passage(
        kb_id="en-tariff-change",
        title="Switching tariffs",
        text="Any time, effective the 1st of the next month if we receive your request by the "
        "15th.",
        language="en",
    )
    mail = "Switch\nI asked today, 22 October, to switch to Nordlicht Öko. Can it start 1 October?"
    for verb in ("back-dated", "backdated"):
        bad = f"We have {verb} your switch to 1 October, so October is billed at the new price."
        assert "commitment" in _risky(bad, tariffs, mail, "en"), verb


def test_a_figure_of_another_row_of_the_articles_list_is_flagged() -> None:
    notice = Passage(
        kb_id="en-cancellation",
        title="Cancelling your contract",
        text="## Notice periods\n\n- **Nordlicht Öko**: **1 month to the end of a month**.\n"
        "- **Nordlicht Fix 24, Gas Fix 24**: 1 month to the end of the 24-month initial term.\n"
        "- **Basic supply** (Nordlicht Basis, Gas Basis): 2 weeks, at any time.",
        language="en",
    )
    mail = "Cancel\nI want to leave Fix 24 at the end of the term."
    bad = "With Nordlicht Fix 24 a notice period of 2 weeks applies to the end of the term [1]."
    found = [w for w in _all(bad, notice, mail, "en") if "for Basic supply" in w.message]
    assert [w.code for w in found] == ["unsupported_claim"]
    for good in (
        "With Nordlicht Fix 24 a notice period of 1 month applies to the end of the term [1].",
        "Basic supply takes 2 weeks' notice, Nordlicht Fix 24 1 month to the end of the term [1].",
        "Nordlicht Fix 24 takes 1 month, compared with 2 weeks in basic supply [1].",
    ):
        assert not [w for w in _all(good, notice, mail, "en") if "gives that for" in w.message]
