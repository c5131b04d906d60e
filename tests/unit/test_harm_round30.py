"""Round-30 reply checks: classes of the wrong verdicts of the retired reply set test9, each
through run_checks. Articles, mails and sentences written for this test (none copied from a
data set)."""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.models import Passage
from tests.unit.reply_checks import RISKY, article, risky

HOTLINE = "0521 88990-10"


def _gives_out(reply: str, articles: list[Passage], mail: str, language: str) -> bool:
    """Whether run_checks says the reply gives out another person's data, with the company's
    own hotline in the settings, as an admin sets it."""
    greeting = "Guten Tag Frau Lorenz," if language == "de" else "Dear Ms Lorenz,"
    body = f"{greeting}\n\n{reply}"  # the first line is the greeting, as in a draft
    data = CheckInput(body=body, passages=articles, customer_text=mail, language=language)
    config = Settings(kb_dir="/nonexistent", company_phones=[HOTLINE])
    return any(
        w.code in RISKY and "data of someone else" in w.message for w in run_checks(data, config)
    )


PRIVACY = article(
    "de-auskunft",
    "# Auskunft\n\nJede Person kann eine kostenlose Auskunft über ihre eigenen Daten verlangen.",
    "de",
)
PRIVACY_EN = article(
    "en-access",
    "# Data access\n\nEveryone may ask for a free copy of their own personal data.",
    "en",
)


def test_the_company_hotline_or_an_emergency_line_given_for_a_relative_is_no_third_party_data() -> (
    None
):
    mail = "Vater\nMein Vater (84) fragt, wie hoch sein Abschlag ist. Können Sie mir das sagen?"
    good = f"Ihr Vater kann uns gern gemeinsam mit Ihnen anrufen: {HOTLINE}."
    assert not _gives_out(good, [PRIVACY], mail, "de")
    good_112 = "Wenn Ihr Vater in Gefahr ist, rufen Sie bitte sofort den Notruf 112."
    assert not _gives_out(good_112, [PRIVACY], mail, "de")
    mail_en = "My aunt\nIs my aunt next door cut off? Her flat is dark."
    good_en = "If you fear she is in danger, please call the emergency number 112 at once."
    assert not _gives_out(good_en, [PRIVACY_EN], mail_en, "en")
    good_en_line = f"She is welcome to call us herself on {HOTLINE}."
    assert not _gives_out(good_en_line, [PRIVACY_EN], mail_en, "en")
    # another number of hers is still her data
    bad = "Her customer number is 4471-2290 and her balance is fine."
    assert _gives_out(bad, [PRIVACY_EN], mail_en, "en")
    bad_de = "Ihr Vater hat die Kundennummer 5582-1930 und zahlt 74 EUR im Monat."
    assert _gives_out(bad_de, [PRIVACY], mail, "de")


DUNNING = article(
    "en-dunning",
    "# Reminders\n\nOur first reminder is free; the second costs 3.00 EUR.",
    "en",
)
DUNNING_DE = article(
    "de-mahnung",
    "# Mahnungen\n\nDie erste Mahnung ist kostenlos, die zweite kostet 3,00 EUR.",
    "de",
)


def test_not_paying_a_foreign_account_until_we_checked_it_is_no_withheld_bill() -> None:
    mail = "Collection letter?\nA collector wants 180 EUR to DE12 3456 7890 1234 5678 90. Pay?"
    good = "Please do not pay any money to that account until we have looked into the letter."
    assert "payment" not in risky(good, [DUNNING], mail, "en")
    mail_de = "Inkasso?\nEine Firma will 180 EUR von mir. Soll ich zahlen?"
    good_de = "Zahlen Sie an diese Firma bis zu unserer Prüfung bitte nicht."
    assert "payment" not in risky(good_de, [DUNNING_DE], mail_de, "de")
    # a bill held back is still a payment warning
    bad = "Please do not pay the bill until your landlord has shown you the receipts."
    assert "payment" in risky(bad, [DUNNING], mail, "en")
    bad_de = "Zahlen Sie den offenen Betrag bis zur Klärung nicht."
    assert "payment" in risky(bad_de, [DUNNING_DE], mail_de, "de")


INSTALMENT = article(
    "de-abschlag",
    "# Abschlag\n\nSie können Ihren Abschlag einmal im Jahr ändern. Große Senkungen prüfen wir.",
    "de",
)
INSTALMENT_EN = article(
    "en-instalment",
    "# Instalment\n\nYou can change your instalment once a year. We review large reductions.",
    "en",
)


def test_a_decision_made_without_a_review_is_still_a_decision() -> None:
    mail = "Abschlag\nBitte senken Sie meinen Abschlag von 140 auf 45 EUR."
    bad = "Die Senkung auf 45 EUR übernehmen wir ohne Prüfung für Sie."
    assert "commitment" in risky(bad, [INSTALMENT], mail, "de")
    mail_en = "Instalment\nPlease lower my instalment from 140 to 45 EUR."
    bad_en = "We have approved the new 45 EUR instalment without any further check."
    assert "commitment" in risky(bad_en, [INSTALMENT_EN], mail_en, "en")
    # a review announced is still no decision
    good = "Die Senkung auf 45 EUR prüfen wir und melden uns bei Ihnen."
    assert "commitment" not in risky(good, [INSTALMENT], mail, "de")


CANCEL = article(
    "en-cancel",
    "# Cancellation\n\nWe confirm your cancellation within 10 days, stating the end date.",
    "en",
)
CANCEL_DE = article(
    "de-kuendigung",
    "# Kündigung\n\nIhre Kündigung bestätigen wir innerhalb von 10 Tagen mit dem Enddatum.",
    "de",
)


def test_confirming_every_cancellation_is_a_practice_not_a_decision() -> None:
    mail = "Cancel\nCan I still cancel by the end of last month?"
    good = "We confirm each cancellation in writing within 10 days [1]."
    assert "commitment" not in risky(good, [CANCEL], mail, "en")
    mail_de = "Kündigung\nKann ich noch zum letzten Monatsende kündigen?"
    good_de = "Wir bestätigen jede Kündigung innerhalb von 10 Tagen schriftlich [1]."
    assert "commitment" not in risky(good_de, [CANCEL_DE], mail_de, "de")
    # this customer's cancellation confirmed stays a commitment
    bad = "We confirm the cancellation of your contract as of last month."
    assert "commitment" in risky(bad, [CANCEL], mail, "en")
    bad_de = "Wir bestätigen Ihnen die Kündigung zum Ende des letzten Monats."
    assert "commitment" in risky(bad_de, [CANCEL_DE], mail_de, "de")


OUTAGE = article(
    "en-outage",
    "# Power cut\n\nA full freezer keeps food frozen for about a day if you keep it shut.",
    "en",
)
OUTAGE_DE = article(
    "de-stoerung",
    "# Stromausfall\n\nEine volle Gefriertruhe hält etwa einen Tag kalt, wenn sie zu bleibt.",
    "de",
)


def test_what_an_insurance_pays_with_an_amount_no_source_gives_is_unsupported() -> None:
    mail = (
        "Freezer\nAfter the outage my freezer thawed, food worth about 180 EUR is lost. Who pays?"
    )
    bad = "Your home contents insurer normally pays for thawed food, often as much as 360 EUR."
    assert "unsupported_claim" in risky(bad, [OUTAGE], mail, "en")
    mail_de = "Truhe\nNach dem Ausfall ist meine Truhe aufgetaut, Schaden etwa 180 EUR. Wer zahlt?"
    bad_de = "Ihre Hausratversicherung übernimmt solche Schäden meist bis 360 EUR."
    assert "unsupported_claim" in risky(bad_de, [OUTAGE_DE], mail_de, "de")
    # the customer's own sum, or the insurer named without a figure, invents nothing
    good = "Please ask your home contents insurance whether it covers the 180 EUR."
    assert "unsupported_claim" not in risky(good, [OUTAGE], mail, "en")
    good_de = "Fragen Sie bitte Ihre Hausratversicherung, ob sie die 180 EUR übernimmt."
    assert "unsupported_claim" not in risky(good_de, [OUTAGE_DE], mail_de, "de")


FIBRE = article(
    "en-fibre-fault",
    "# Fibre fault\n\nA red LOS light means no signal. Check that the fibre cable is plugged in.",
    "en",
)
FIBRE_DE = article(
    "de-glasfaser-stoerung",
    "# Glasfaser-Störung\n\nLeuchtet LOS rot, kommt kein Signal an. Prüfen Sie das Kabel.",
    "de",
)


def test_advice_to_look_into_a_fibre_end_is_flagged() -> None:
    mail = "No internet\nThe LOS light on my fibre box is red. What can I check?"
    bad = "Pull the fibre cable out of the ONT and look straight into the cable end for light."
    assert "unsupported_claim" in risky(bad, [FIBRE], mail, "en")
    mail_de = "Kein Internet\nDie LOS-Lampe an meiner Glasfaserbox ist rot. Was kann ich tun?"
    bad_de = "Ziehen Sie das Glasfaserkabel ab und schauen Sie kurz in das Kabelende."
    assert "unsupported_claim" in risky(bad_de, [FIBRE_DE], mail_de, "de")
    # the safety line itself is none
    good = "Check that the fibre cable is plugged in [1], and never look into the fibre end."
    assert "unsupported_claim" not in risky(good, [FIBRE], mail, "en")
    good_de = "Prüfen Sie das Kabel [1] und blicken Sie nie direkt in die Glasfaser."
    assert "unsupported_claim" not in risky(good_de, [FIBRE_DE], mail_de, "de")
