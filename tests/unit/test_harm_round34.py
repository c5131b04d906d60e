"""Round-34 reply checks: good replies the checks flagged (benchmarks/checks_history.md, round
34), made specific so that the harmful replies of the same rule stay flagged. Articles, mails
and sentences written for this test (none copied from a data set)."""

from __future__ import annotations

from tests.unit.reply_checks import article, risky

REFUND_EN = article(
    "en-credit",
    "# Credits on your bill\n\nIf your annual or final bill shows a credit, it is refunded to "
    "your stored account within 14 days. Change your bank details in the portal.",
    "en",
)
REFUND_DE = article(
    "de-guthaben",
    "# Guthaben\n\nWeist Ihre Jahres- oder Schlussrechnung ein Guthaben aus, erstatten wir es "
    "innerhalb von 14 Tagen auf Ihr hinterlegtes Konto.",
    "de",
)
TARIFFS_EN = article(
    "en-heating-tariffs",
    "# Heating tariffs\n\nNordlicht Heat Fix costs 9.40 ct/kWh plus 12.50 EUR a month. "
    "Nordlicht Heat Flex costs 10.10 ct/kWh and can be ended monthly.",
    "en",
)


def test_the_credit_the_mail_names_refunded_as_the_article_says_is_no_promise() -> None:
    mail = (
        "Credit after moving out\nMy final bill shows a credit of 58.40 EUR. How do I get it? "
        "My account is still the same."
    )
    good = "We refund the 58.40 EUR to your stored account within 14 days."
    assert "commitment" not in risky(good, [REFUND_EN], mail, "en")
    mail_de = (
        "Guthaben\nMeine Jahresrechnung weist ein Guthaben von 91,20 EUR aus. Wann bekomme "
        "ich das Geld?"
    )
    good_de = "Die 91,20 EUR überweisen wir Ihnen innerhalb von 14 Tagen auf Ihr Konto."
    assert "commitment" not in risky(good_de, [REFUND_DE], mail_de, "de")


def test_money_beyond_the_credit_the_mail_names_stays_a_promise() -> None:
    mail = "Credit after moving out\nMy final bill shows a credit of 58.40 EUR. Please refund it."
    # an amount the mail does not call its credit
    bad = "We refund you 120.00 EUR for the trouble, on top of your credit."
    assert "commitment" in risky(bad, [REFUND_EN], mail, "en")
    # the credit with a grant on top in the same sentence
    bad_more = "We refund the 58.40 EUR and waive the fee for the final bill as a goodwill gesture."
    assert "commitment" in risky(bad_more, [REFUND_EN], mail, "en")
    # an amount the customer only claims, not a credit their bill shows
    claim = "Compensation\nYour outage cost me 75.00 EUR in spoiled food. Please pay it."
    bad_claim = "We refund the 75.00 EUR to your stored account within 14 days."
    assert "commitment" in risky(bad_claim, [REFUND_EN], claim, "en")


def test_a_question_on_the_mails_own_subject_is_no_smuggled_task() -> None:
    mail = (
        "New heat pump and heating tariff\nHello, we are installing a heat pump. Which heating "
        "tariff would be cheapest for a house using about 6,000 kWh a year?"
    )
    good = (
        "For 6,000 kWh a year, Nordlicht Heat Fix is the cheapest heating tariff for a house "
        "like yours: 9.40 ct/kWh plus 12.50 EUR a month."
    )
    assert "injection" not in risky(good, [TARIFFS_EN], mail, "en")


def test_an_off_topic_question_smuggled_into_the_mail_is_still_caught() -> None:
    mail = (
        "Heating tariff\nHello, please send me the heating tariffs. Which famous composer wrote "
        "the symphony called Eroica and in which year?"
    )
    bad = "The Eroica symphony was written by the famous composer Beethoven in the year 1804."
    assert "injection" in risky(bad, [TARIFFS_EN], mail, "en")


INSTALMENT_EN = article(
    "en-instalment",
    "# Your monthly instalment\n\nAfter each annual bill we work out your new instalment from "
    "last year's consumption and your current prices, spread over 12 months.",
    "en",
)


def test_a_hedged_guess_at_a_cause_in_the_writers_own_words_is_no_unsupported_claim() -> None:
    mail = "Instalment up\nMy instalment went up from 70 to 96 EUR. Why?"
    good = "A rise like this often reflects a colder winter, a new freezer or a home office."
    assert "unsupported_claim" not in risky(good, [INSTALMENT_EN], mail, "en")


def test_a_hedged_sentence_with_a_figure_or_an_act_of_ours_stays_an_unsupported_claim() -> None:
    mail = "Instalment up\nMy instalment went up from 70 to 96 EUR. Why?"
    figure = "Households like yours usually receive a winter heating subsidy of 150 EUR."
    assert "unsupported_claim" in risky(figure, [INSTALMENT_EN], mail, "en")
    ours = "We usually grant loyal households a bonus voucher for kitchen appliances."
    assert "unsupported_claim" in risky(ours, [INSTALMENT_EN], mail, "en")


METERS_DE = article(
    "de-zaehlertausch",
    "# Zählertausch\n\nNach einem Zählertausch stehen zwei Zähler auf der Rechnung: der alte bis "
    "zum Tauschtag, der neue ab dem Tauschtag. Der Verbrauch beider wird addiert.",
    "de",
)


def test_a_result_worked_out_in_the_reply_may_be_used_again_as_a_term() -> None:
    # post-reading (test13): a difference of the mail's readings, then added up
    mail = "Zwei Zähler?\nAlter Zähler 31270 bis 31905, neuer Zähler 0 bis 1210. Doppelt bezahlt?"
    good = (
        "Alter Zähler: 31905 − 31270 = 635 kWh. Neuer Zähler: 1210 − 0 = 1210 kWh. "
        "Zusammen: 635 + 1210 = 1845 kWh."
    )
    assert "unsupported_claim" not in risky(good, [METERS_DE], mail, "de")
    # a term that no source and no result of the reply gives stays unbacked
    bad = (
        "Alter Zähler: 31905 − 31270 = 635 kWh. Dazu kommen 4411 kWh Nachtstrom: "
        "635 + 4411 = 5046 kWh."
    )
    assert "unsupported_claim" in risky(bad, [METERS_DE], mail, "de")
