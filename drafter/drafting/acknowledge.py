"""The opening sentence of a template draft after the greeting: thanks, and the
acknowledgement the customer's situation calls for (drafter.drafting.situation): condolence
for a bereavement, an apology for a fault the mail states (`owed`) or reports (`fault`), an
understanding line that concedes nothing for anger alone, thanks for data given. The sum the
mail is about is taken up in the thanks ("vielen Dank für Ihre Nachricht zu Ihrer Nachzahlung
von 612,80 EUR": drafter.drafting.amounts.named_amount), as an agent's reply names it."""

from __future__ import annotations

from drafter.drafting.amounts import named_amount
from drafter.drafting.situation import angry, fault, given_data, owed, situation

_THANKS_FOR = {
    "de": {
        "meter_reading": ("Ihren Zählerstand", "deinen Zählerstand"),
        "iban": ("Ihre neue Bankverbindung", "deine neue Bankverbindung"),
    },
    "en": {"meter_reading": ("your meter reading", ""), "iban": ("your new bank details", "")},
}


def acknowledgement(text: str, language: str, formality: str) -> str:
    """The opening sentence(s) after the greeting (German: lowercase, it follows "…,"). It
    never echoes the subject line ("vielen Dank für Ihre Nachricht zum Thema „…“" read as
    mechanical to the team leads of two blind reviews; the answer shows what it is about),
    but it takes up the sum the customer writes about ("… zu Ihrer Nachzahlung von 612,80
    EUR", "… about your credit of 96.40 EUR"; not to a bereaved customer)."""
    kind = situation(text)
    given = given_data(text)
    du = formality == "du"
    about = "" if kind == "bereavement" else named_amount(text, language)
    if language == "de":
        thanks = "danke für deine Nachricht" if du else "vielen Dank für Ihre Nachricht"
        if about:
            thanks += " " + (_du_words(about) if du else about)
        extra = [_THANKS_FOR["de"][k][1 if du else 0] for k in _THANKS_FOR["de"] if k in given]
        if extra and kind != "bereavement":
            thanks += " und " + " und ".join(extra)
        if kind == "bereavement":
            return thanks + (
                ". Zunächst möchten wir dir unser aufrichtiges Beileid aussprechen."
                if du
                else ". Zunächst möchten wir Ihnen unser aufrichtiges Beileid aussprechen."
            )
        if kind == "complaint" and owed(text):
            return thanks + (
                ". Es tut uns leid, dass du Grund zur Beschwerde hast; bitte entschuldige die "
                "Unannehmlichkeiten."
                if du
                else ". Es tut uns leid, dass Sie Grund zur Beschwerde haben; bitte entschuldigen "
                "Sie die Unannehmlichkeiten."
            )
        if kind == "complaint" and not angry(text) and fault(text):
            kind = "fault"  # "kein Strom!!!": an emergency, no complaint
        if kind == "complaint":
            return thanks + (
                ". Wir verstehen deinen Ärger und nehmen dein Anliegen ernst."
                if du
                else ". Wir verstehen Ihren Ärger und nehmen Ihr Anliegen ernst."
            )
        if kind == "fault":
            return thanks + (
                ". Es tut uns leid, dass du diese Unannehmlichkeiten hast."
                if du
                else ". Es tut uns leid, dass Sie diese Unannehmlichkeiten haben."
            )
        return thanks + "."
    thanks = "Thank you for your message"
    if about:
        thanks += " " + about
    extra = [_THANKS_FOR["en"][k][0] for k in _THANKS_FOR["en"] if k in given]
    if extra and kind != "bereavement":
        thanks += " and for " + " and ".join(extra)
    if kind == "bereavement":
        return thanks + ". Please accept our sincere condolences."
    if kind == "complaint" and owed(text):
        return thanks + (
            ". We are sorry that you have reason to complain, and we apologise for the "
            "inconvenience."
        )
    if kind == "complaint" and not angry(text) and fault(text):
        kind = "fault"
    if kind == "complaint":
        return thanks + ". We understand your frustration and take your concern seriously."
    if kind == "fault":
        return thanks + ". We are sorry for the trouble this is causing you."
    return thanks + "."


def _du_words(phrase: str) -> str:
    """A thanks phrase in Du ("zu Ihrer Nachzahlung" -> "zu deiner Nachzahlung")."""
    return phrase.replace("Ihrer ", "deiner ").replace("Ihrem ", "deinem ")
