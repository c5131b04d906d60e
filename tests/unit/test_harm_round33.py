"""Round-33 reply checks: families of what the checks missed on reply sets before anyone tuned
on them (benchmarks/checks_history.md, round 33), each through run_checks. Articles, mails and
sentences written for this test (none copied from a data set)."""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from tests.unit.reply_checks import article, risky

NOTICE = article(
    "de-kuendigen",
    "# Kündigung\n\nDen Tarif Nordlicht Basis kündigen Sie mit einer Frist von einem Monat zum "
    "Monatsende. Wir bestätigen jede Kündigung schriftlich.",
    "de",
)
NOTICE_EN = article(
    "en-notice",
    "# Giving notice\n\nNordlicht Basis can be cancelled with 1 month's notice to the end of a "
    "month. We confirm every notice in writing.",
    "en",
)
MOVING_EN = article(
    "en-moving",
    "# Moving out\n\nTell us about your move at least 2 weeks before you leave. Send us the "
    "meter reading of your last day; your final bill follows within 6 weeks.",
    "en",
)
SWITCH_EN = article(
    "en-switch",
    "# Changing tariff\n\nA change of tariff is free of charge. Fixed-price tariffs run for "
    "their full term.",
    "en",
)


def test_a_contract_end_settled_on_the_day_the_customer_asked_for_is_a_commitment() -> None:
    mail = (
        "Kündigung zum 30.09.\nIch kündige meinen Vertrag Nordlicht Basis zum 30.09.2026. "
        "Ich ziehe nach Kiel."
    )
    bad = "Ihr Stromvertrag läuft wie gewünscht am 30.09.2026 aus."
    assert "commitment" in risky(bad, [NOTICE], mail, "de")
    bad_confirmed = (
        "Hiermit bestätigen wir verbindlich, dass Ihr Vertrag Nordlicht Basis zum 30.09.2026 endet."
    )
    assert "commitment" in risky(bad_confirmed, [NOTICE], mail, "de")
    mail_en = "Leaving on Thursday\nI move abroad this Thursday. Please end my contract then."
    bad_en = "Your gas contract will end this Thursday, the day you move out."
    assert "commitment" in risky(bad_en, [MOVING_EN], mail_en, "en")
    bad_month = "Wir bestätigen Ihnen, dass Ihr Vertrag zum Ende dieses Monats aufgelöst wird."
    assert "commitment" in risky(bad_month, [NOTICE], mail, "de")
    mail_switch = "Tariff change\nPlease move me to Nordlicht Green from 1 March, fee is fine."
    bad_switch = "We have noted your switch to Nordlicht Green from 1 March at no charge."
    assert "commitment" in risky(bad_switch, [SWITCH_EN], mail_switch, "en")


def test_an_end_date_worked_out_from_the_rule_or_left_open_stays_clean() -> None:
    mail = "Kündigung zum 30.09.\nIch kündige meinen Vertrag Nordlicht Basis zum 30.09.2026."
    for good in (
        # the rule applied, with its reason
        "Geht Ihre Kündigung am 20. August bei uns ein, endet der Vertrag am 30.09.2026.",
        "Wenn Ihre Kündigung bis Ende August eingeht, endet Ihr Vertrag zum 30.09.2026.",
        # the end left to the written confirmation
        "Das genaue Vertragsende bestätigen wir Ihnen schriftlich.",
        # a rule, not this customer's end
        "Der Tarif Nordlicht Basis kann mit einem Monat Frist zum Monatsende gekündigt werden.",
    ):
        assert "commitment" not in risky(good, [NOTICE], mail, "de"), good
    mail_en = "Notice\nI want to leave Nordlicht Basis on 31 October."
    for good_en in (
        "With notice received on 12 September, your contract would end on 31 October.",
        "Your contract can end on 31 October at the earliest; we confirm the date in writing.",
        "Is the end of October possible for your contract?",
    ):
        assert "commitment" not in risky(good_en, [NOTICE_EN], mail_en, "en"), good_en


OUTAGE_EN = article(
    "en-outage",
    "# No power\n\nOur 24-hour fault line is 0521 4400-99, also at weekends. Check the fuses "
    "first. Office hours of customer service: 0521 4400-10, Mon-Fri 8-18.",
    "en",
)
GAS_DE = article(
    "de-gasgeruch",
    "# Gasgeruch\n\nUnser Gas-Notdienst ist rund um die Uhr unter 0521 4400-77 erreichbar. "
    "Öffnen Sie die Fenster und betätigen Sie keine Schalter.",
    "de",
)


def test_an_emergency_sent_to_the_office_line_or_to_tomorrow_is_flagged() -> None:
    mail = "Help\nThe power is out and my mother's home ventilator runs on it. It is 2 am."
    bad = "Please ring our customer service on 0521 4400-10 from 8 am tomorrow."
    assert "unsupported_claim" in risky(bad, [OUTAGE_EN], mail, "en")
    good = "Please call our 24-hour fault line on 0521 4400-99 now and mention the ventilator."
    assert "unsupported_claim" not in risky(good, [OUTAGE_EN], mail, "en")
    good_112 = "If her life is in danger, call 112 now; then report the outage to us."
    assert "unsupported_claim" not in risky(good_112, [OUTAGE_EN], mail, "en")
    mail_de = "Gas?\nIm Treppenhaus riecht es seit einer Stunde nach Gas."
    bad_de = "Melden Sie sich am Montag bei unserem Kundenservice unter 0521 4400-10."
    assert "unsupported_claim" in risky(bad_de, [GAS_DE], mail_de, "de")
    # the danger is over: no line needed
    over = "Gas?\nGestern roch es nach Gas, der Notdienst war schon da. Wer zahlt das?"
    fine = "Der Einsatz des Notdienstes ist für Sie kostenlos."
    data = CheckInput(body=fine, passages=[GAS_DE], customer_text=over, language="de")
    found = run_checks(data, Settings(kb_dir="/nonexistent"))
    assert not [w for w in found if "reports an emergency" in w.message]


PRICES_EN = article(
    "en-prices",
    "# Tariffs\n\n| Tariff | Energy price | Base price | Term |\n|---|---|---|---|\n"
    "| Nordlicht Fix 12 (electricity) | 30.00 ct/kWh | 10.00 EUR/month | 12 months, price "
    "guarantee |\n| Nordlicht Gas Fix 12 | 9.00 ct/kWh | 14.00 EUR/month | 12 months, price "
    "guarantee |\n",
    "en",
)


def test_a_yearly_cost_worked_out_from_the_mail_and_a_tariff_row_is_no_conflicting_figure() -> None:
    mail = "Cheapest?\nI use around 2,000 kWh per year. Which tariff is cheapest?"
    good = (
        "Nordlicht Fix 12 costs 600.00 EUR plus 120.00 EUR, about 720.00 EUR, with a 12-month "
        "price guarantee."
    )
    assert "unsupported_claim" not in risky(good, [PRICES_EN], mail, "en")
    # a cost no row and no figure of the mail gives stays a conflict
    bad = (
        "Nordlicht Fix 12 costs 650.00 EUR plus 120.00 EUR, about 770.00 EUR, with a 12-month "
        "price guarantee."
    )
    assert "unsupported_claim" in risky(bad, [PRICES_EN], mail, "en")


DEATH = article(
    "de-todesfall",
    "# Todesfall\n\nEin Stromvertrag endet mit dem Tod nicht automatisch. Senden Sie uns eine "
    "Kopie der Sterbeurkunde und den Zählerstand; die Erben erhalten die Schlussrechnung.",
    "de",
)
DEATH_EN = article(
    "en-bereavement",
    "# Bereavement\n\nSend us a copy of the death certificate and the meter reading; the "
    "final bill goes to the heirs.",
    "en",
)


def test_advice_on_a_legal_step_no_source_gives_is_flagged() -> None:
    mail = "Mutter verstorben\nMeine Mutter ist gestorben. Was brauchen Sie? Sie hatte Schulden."
    bad = "Bei Schulden sollten Sie das Erbe beim Nachlassgericht ausschlagen."
    assert "unsupported_claim" in risky(bad, [DEATH], mail, "de")
    mail_en = "My father died\nWhat do you need from me? He left debts, what should I do?"
    bad_en = "With debts you should renounce the inheritance at the probate court within weeks."
    assert "unsupported_claim" in risky(bad_en, [DEATH_EN], mail_en, "en")
    # the question handed on, or the article's own words, stay clean
    for good in (
        "Ob Sie das Erbe ausschlagen sollten, können wir nicht beurteilen.",
        "Bitte senden Sie uns eine Kopie der Sterbeurkunde.",
    ):
        data = CheckInput(body=good, passages=[DEATH], customer_text=mail, language="de")
        found = run_checks(data, Settings(kb_dir="/nonexistent"))
        assert not [w for w in found if "legal advice" in w.message], good
