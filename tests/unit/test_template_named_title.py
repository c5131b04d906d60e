"""The lead article of a template draft (drafts29, issue 12: template drafts answer the
question, not the topic): an article whose title the mail names whole ("ich habe das Passwort
vergessen" -> "Passwort vergessen") leads over a better-retrieved one whose title the mail
hardly names ("Anmeldung im Kundenportal"), German and English. A lead whose title the mail
mostly names keeps its place. Own example articles and mails."""

from __future__ import annotations

from drafter.drafting.closeness import named_by_mail
from tests.unit.template_drafts import draft_body

LOGIN = """# Anmeldung im Kundenportal

Im Kundenportal erledigen Sie Ihre Anliegen rund um die Uhr.

Melden Sie sich mit Ihrer E-Mail-Adresse und Ihrem Passwort im Kundenportal an.
"""

RESET = """# Passwort vergessen

Klicken Sie unter dem Anmeldefeld auf den Link zum Zurücksetzen.

Der Link in unserer E-Mail ist 24 Stunden gültig.
"""

SIGN_IN = """# Signing in to the customer portal

In the customer portal you manage your contract around the clock.

Sign in to the customer portal with your email address and your password.
"""

FORGOT = """# Forgotten password

Click the reset link below the sign-in form.

The link in our email is valid for 24 hours.
"""


def _draft(subject: str, body: str, texts: list[str], language: str) -> str:
    return draft_body(subject, body, texts, language, [1.0, 0.97])


def _lead_source(body: str) -> str:
    """The draft's text up to its first citation marker: the lead article's part."""
    return body.split("[1]")[0]


def test_the_article_whose_title_the_mail_names_leads_german() -> None:
    body = _draft(
        "Kundenportal geht nicht",
        "Ich komme nicht mehr in mein Kundenportal, ich habe das Passwort vergessen. "
        "Können Sie mir helfen?",
        [LOGIN, RESET],
        "de",
    )
    assert "24 Stunden" in _lead_source(body), body
    assert "rund um die Uhr" not in _lead_source(body), body


def test_the_article_whose_title_the_mail_names_leads_english() -> None:
    body = _draft(
        "Portal not working",
        "I cannot get into the portal any more, my password is forgotten. Can you help me?",
        [SIGN_IN, FORGOT],
        "en",
    )
    assert "24 hours" in _lead_source(body), body
    assert "around the clock" not in _lead_source(body), body


def test_named_by_mail_keeps_a_lead_the_mail_mostly_names() -> None:
    titles = ["Termin verschieben oder absagen", "Glasfaser-Hausanschluss und Installationstermin"]
    mail = (
        "Der Installationstermin für den Glasfaser-Hausanschluss passt nicht. Können wir den "
        "Termin verschieben?"
    )
    assert named_by_mail(titles, [1.0, 0.8], mail, "de", 0) == 0
    # the lead's title hardly named, the other's whole: it leads
    titles = ["Anmeldung im Kundenportal", "Passwort vergessen"]
    mail = "Ich komme nicht ins Kundenportal, Passwort vergessen."
    assert named_by_mail(titles, [1.0, 0.8], mail, "de", 0) == 1
    # an article without a weight never leads
    assert named_by_mail(titles, [1.0, 0.0], mail, "de", 0) == 0
    # a title of one content word is too weak a match
    assert named_by_mail(["Anmeldung im Kundenportal", "Passwort"], [1.0, 0.8], mail, "de", 0) == 0


ANPASSEN = """# Abschlag anpassen

Sie können Ihren Abschlag erhöhen oder senken, einmal pro Quartal.

Eine Änderung gilt ab der nächsten Fälligkeit.
"""

NACHZAHLUNG = """# Nachzahlung nach der Jahresabrechnung

Eine Nachzahlung ist 14 Tage nach Rechnungsdatum fällig.

Ab 100 EUR können Sie die Nachzahlung in Raten zahlen.
"""


def test_a_lead_that_plainly_answers_the_subject_keeps_its_place() -> None:
    """Guard (passes on main too): the mail names "Nachzahlung nach der Jahresabrechnung"
    whole, but the subject "Abschlag erhöhen" is plainly answered by the lead."""
    body = _draft(
        "Abschlag erhöhen",
        "Mit der Jahresabrechnung kam eine hohe Nachzahlung. Ich möchte meinen Abschlag "
        "erhöhen, damit das nicht wieder passiert.",
        [ANPASSEN, NACHZAHLUNG],
        "de",
    )
    assert "erhöhen oder senken" in _lead_source(body), body
