"""Round-33 reply checks: families of what the checks missed on reply sets before anyone tuned
on them (benchmarks/checks_history.md, round 33), each through run_checks. Articles, mails and
sentences written for this test (none copied from a data set)."""

from __future__ import annotations

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
