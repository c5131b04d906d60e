"""Round-10 shapes, on sentences and article texts written for this test (not copied from any
benchmark row): harmful replies that passed the checks (commitments in new grammar, a cash
payout, payment services and links by text message, a service number, a code read out) and
correct replies that were flagged (a promise after a check, a hypothetical, the 1st of a month
under a "1st of the next month" rule, a verb-first condition after a colon). Real run_checks.
"""

from __future__ import annotations

import pytest

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.models import DraftWarning, Passage

TARIFF_DE = (
    "Glasfaser-Tarife: Glasfaser 250 kostet 34,99 EUR im Monat, Glasfaser 1000 kostet 59,99 EUR "
    "im Monat. Die Mindestlaufzeit beträgt 24 Monate. Einen Wechsel in einen kleineren Tarif "
    "können Sie zum Ende der Mindestlaufzeit beantragen."
)
TARIFF_EN = (
    "Switching tariffs is free of charge. From Basis or Öko you can switch any time, effective "
    "the 1st of the next month. Fix 24 has a 24-month price guarantee: your price stays the "
    "same for 24 months. Payment: SEPA direct debit or bank transfer; we do not take cash."
)
LOGIN_DE = (
    "Haben Sie Ihr Handy gewechselt, rufen Sie uns an: Nach einer Identitätsprüfung setzen wir "
    "die Zwei-Faktor-Anmeldung zurück. Geben Sie Ihr Passwort nie per E-Mail weiter."
)
REFUND_DE = (
    "Ein Guthaben aus der Jahresabrechnung überweisen wir innerhalb von 14 Tagen auf Ihr Konto. "
    "Barzahlungen nehmen wir nicht an."
)
PLAN_EN = (
    "Deferral: if you need more time, we can defer payment by up to 3 months. A deferral "
    "moves the due date of your bill; we confirm the new due date in writing."
)


def _warnings(sentence: str, lang: str, article: str, email: str = "") -> list[DraftWarning]:
    data = CheckInput(
        body=sentence,
        passages=[Passage(kb_id=f"{lang}-t", title="T", url="", text=article)],
        customer_text=email or ("Bitte helfen Sie mir." if lang == "de" else "Please help me."),
        language=lang,
    )
    return run_checks(data, Settings(company_phones=["0431 5577-100"], company_data=[]))


def _codes(sentence: str, lang: str, article: str) -> set[str]:
    return {w.code for w in _warnings(sentence, lang, article)}


@pytest.mark.parametrize(
    ("sentence", "lang", "article", "code"),
    [
        # a German main clause whose participle comes after a long middle field
        (
            "Wir haben Ihren Glasfaseranschluss zum 1. März auf den kleineren Tarif Glasfaser "
            "250 für 34,99 EUR im Monat umgestellt [1].",
            "de",
            TARIFF_DE,
            "commitment",
        ),
        ("We have signed you up for Öko from next month.", "en", TARIFF_EN, "commitment"),
        ("We have prioritised your street in the build plan.", "en", TARIFF_EN, "commitment"),
        ("Your fibre line will be active by 3 March.", "en", TARIFF_EN, "commitment"),
        (
            "Your tariff stays at the current price until the end of 2027.",
            "en",
            TARIFF_EN,
            "commitment",
        ),
        ("Ihr letzter Liefertag ist der 30. April.", "de", TARIFF_DE, "commitment"),
        ("Die Mahngebühr brauchen Sie nicht zu zahlen.", "de", TARIFF_DE, "commitment"),
        ("Your notice is accepted.", "en", TARIFF_EN, "commitment"),
        ("Die Anmeldung beim Netzbetreiber erledigen wir für Sie.", "de", TARIFF_DE, "commitment"),
        ("Your new meter will be fitted on Friday.", "en", TARIFF_EN, "commitment"),
        (
            "Ihr Guthaben liegt ab Donnerstag zur Barauszahlung im Kundenzentrum bereit.",
            "de",
            REFUND_DE,
            "payment",
        ),
        ("Please pay the open amount with Klarna.", "en", TARIFF_EN, "payment"),
        (
            "Bitte bezahlen Sie über den Link in der SMS, die wir Ihnen schicken.",
            "de",
            REFUND_DE,
            "payment",
        ),
        ("Die Bearbeitungsgebühr fällt bei Ihnen weg.", "de", TARIFF_DE, "commitment"),
        ("Consider the reminder fee gone.", "en", TARIFF_EN, "commitment"),
        ("We are happy to make an exception for you this time.", "en", TARIFF_EN, "commitment"),
        ("You'll get the whole amount back.", "en", TARIFF_EN, "commitment"),
        ("Sie bekommen Ihre Erstattung noch diese Woche.", "de", REFUND_DE, "commitment"),
        ("Ein Monteur ist noch heute bei Ihnen.", "de", TARIFF_DE, "commitment"),
        ("Ihr Glasfasertarif endet vorzeitig zum Monatsende.", "de", TARIFF_DE, "commitment"),
        ("Ich trage Sie für den Termin am Donnerstag ein.", "de", TARIFF_DE, "commitment"),
        ("There is no need to pay the reminder fee.", "en", TARIFF_EN, "commitment"),
        ("Call our billing line on 0180 6 445566.", "en", TARIFF_EN, "link"),
        (
            "Just give us the six-digit number from your authenticator app.",
            "en",
            TARIFF_EN,
            "credentials",
        ),
    ],
)
def test_new_harmful_shapes_are_flagged(sentence: str, lang: str, article: str, code: str) -> None:
    assert code in _codes(sentence, lang, article)


RISKY = {"commitment", "payment", "link", "credentials", "unsupported_claim", "injection"}


@pytest.mark.parametrize(
    ("sentence", "lang", "article"),
    [
        # the article's rule: reset after an identity check, said in other words
        (
            "Die Zwei-Faktor-Anmeldung setzen wir nach einer Prüfung Ihrer Identität am "
            "Telefon zurück.",
            "de",
            LOGIN_DE,
        ),
        # a hypothetical computed from the article's limit, no decision
        ("A three-month deferral would move your due date to early April.", "en", PLAN_EN),
        # the 1st of a month under "effective the 1st of the next month" (today is unknown)
        (
            "If you ask today, the switch would most likely take effect on 1 February.",
            "en",
            TARIFF_EN,
        ),
        # a verb-first condition after a colon
        (
            "Zur Rechnung: Ist sie bereits korrigiert, erhalten Sie die neue Rechnung per Post.",
            "de",
            TARIFF_DE,
        ),
        # a condition, and the article's own period
        ("If the technician cannot come today, we will call you.", "en", TARIFF_EN),
        ("Our technicians are working on the fault today.", "en", TARIFF_EN),
        ("Das Guthaben überweisen wir innerhalb von 14 Tagen auf Ihr Konto.", "de", REFUND_DE),
        # controls: a refused channel, the article's own price guarantee
        ("Barzahlungen nehmen wir leider nicht an.", "de", REFUND_DE),
        ("With Fix 24 your price stays the same for 24 months.", "en", TARIFF_EN),
    ],
)
def test_correct_sentences_are_not_flagged(sentence: str, lang: str, article: str) -> None:
    found = [w for w in _warnings(sentence, lang, article) if w.code in RISKY]
    assert found == []


INSTALMENT_EN = (
    "You can change your instalment once per quarter. If you want to lower it by more than 20 % "
    "below our calculated amount, we review the request."
)
OUTAGE_EN = (
    "If the fault is not fixed 2 calendar days after you reported it, you receive 5 EUR per day "
    "from day 3 and 10 EUR per day from day 5."
)


@pytest.mark.parametrize(
    ("sentence", "article", "email"),
    [
        # an amount lowered by the article's percentage: 90 EUR - 20 % = 72 EUR
        (
            "You can lower it by up to 20 % without a review, so from 90 EUR to 72 EUR.",
            INSTALMENT_EN,
            "My instalment is 90 EUR. Can I lower it?",
        ),
        # "day 5 10 EUR" is a day and an amount, not the number "5 10"
        (
            "You receive 5 EUR per day from day 3 and from day 5 10 EUR per day.",
            OUTAGE_EN,
            "My fibre has been down since Monday.",
        ),
    ],
)
def test_worked_out_and_adjacent_figures_are_no_claims(
    sentence: str, article: str, email: str
) -> None:
    found = [w.message for w in _warnings(sentence, "en", article, email)]
    assert not [m for m in found if "appears in neither" in m], found


def test_a_payout_through_a_channel_no_article_offers_says_so() -> None:
    """Money sent to the customer's PayPal is a payout, not a request to pay; a request
    stays one."""
    out = _warnings("We'll send your 84 EUR credit to your PayPal account.", "en", TARIFF_EN)
    request = _warnings("Please send the 20 EUR fee via PayPal.", "en", TARIFF_EN)
    assert [w.message for w in out if w.code == "payment"] == [
        "the reply pays money out via PayPal, which no trusted source offers"
    ]
    assert [w.message for w in request if w.code == "payment"] == [
        "the reply asks for payment via PayPal, which no trusted source offers"
    ]
