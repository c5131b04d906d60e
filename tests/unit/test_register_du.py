"""Sie -> Du for copied knowledge-base sentences: whole sentences, grammatical (issue 12)."""

from __future__ import annotations

import pytest

from drafter.drafting.register import to_du

CASES = [
    (
        "Tragen Sie Ihre E-Mail-Adresse ein und wählen Sie ein Passwort (mindestens 10 Zeichen, "
        "eine Zahl).",
        "Trage deine E-Mail-Adresse ein und wähle ein Passwort (mindestens 10 Zeichen, eine Zahl).",
    ),
    (
        "Geben Sie die E-Mail-Adresse ein, mit der Sie registriert sind.",
        "Gib die E-Mail-Adresse ein, mit der du registriert bist.",
    ),
    (
        "Öffnen Sie die E-Mail und klicken Sie auf den Link.",
        "Öffne die E-Mail und klicke auf den Link.",
    ),
    (
        "Klicken Sie auf „Passwort vergessen“ und wählen Sie ein neues Passwort.",
        "Klicke auf „Passwort vergessen“ und wähle ein neues Passwort.",
    ),
    (
        "Haben Sie eine E-Mail erhalten, die Sie nicht angefordert haben, ignorieren Sie sie.",
        "Hast du eine E-Mail erhalten, die du nicht angefordert hast, ignoriere sie.",
    ),
    (
        "Sie können Ihren Zählerstand im Kundenportal melden.",
        "Du kannst deinen Zählerstand im Kundenportal melden.",
    ),
    (
        "Wenn Sie umziehen, melden Sie sich bitte zwei Wochen vorher.",
        "Wenn du umziehst, melde dich bitte zwei Wochen vorher.",
    ),
    ("Dort finden Sie Ihre Rechnung.", "Dort findest du deine Rechnung."),
    ("Wir informieren Sie per E-Mail.", "Wir informieren dich per E-Mail."),
    ("Bitte geben Sie Ihre Kundennummer an.", "Bitte gib deine Kundennummer an."),
    (
        "Wissen Sie Ihren Zählerstand nicht, reicht ein Foto.",
        "Weißt du deinen Zählerstand nicht, reicht ein Foto.",
    ),
    ("Das ist für Sie kostenlos.", "Das ist für dich kostenlos."),
    ("Falls Sie Fragen haben, rufen Sie uns an.", "Falls du Fragen hast, rufst du uns an."),
    (
        "Sind Sie Mieter, wenden Sie sich an Ihren Vermieter.",
        "Bist du Mieter, wende dich an deinen Vermieter.",
    ),
    ("Können Sie den Zähler nicht ablesen?", "Kannst du den Zähler nicht ablesen?"),
    ("Sie erhalten eine Bestätigung.", "Du erhältst eine Bestätigung."),
    (
        "Melden Sie sich im Portal an und ändern Sie Ihren Abschlag.",
        "Melde dich im Portal an und ändere deinen Abschlag.",
    ),
    (
        "Öffnen Sie die App, tippen Sie auf „Zähler“ und geben Sie den Stand ein.",
        "Öffne die App, tippe auf „Zähler“ und gib den Stand ein.",
    ),
    ("Haben Sie Fragen, rufen Sie uns an.", "Hast du Fragen, rufe uns an."),
    ("Anschließend wählen Sie ein Passwort.", "Anschließend wählst du ein Passwort."),
]


@pytest.mark.parametrize(("sie", "du"), CASES)
def test_to_du_converts_whole_sentences(sie: str, du: str) -> None:
    assert to_du(sie) == du


@pytest.mark.parametrize(
    "sentence",
    [
        "Sie können sich Ihre Rechnung im Portal ansehen.",  # dative "sich": not reliable
        "Die Sie betreffenden Daten löschen wir.",  # no verb to conjugate for "Sie"
    ],
)
def test_to_du_refuses_what_it_cannot_convert(sentence: str) -> None:
    assert to_du(sentence) is None
