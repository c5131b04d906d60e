"""The mail's first question is read below or after its greeting (round 23, reading23).

A greeting on its own line with the question right below it ("Hallo,\\nGibt es ...?", no
blank line) was joined with it as one soft-wrapped sentence that opened with the greeting
and was dropped as a greeting; a question in the greeting's own sentence ("Hi, can I ...?")
was dropped the same way. Hand-written mails, German and English; no dev-set text.
"""

from __future__ import annotations

import pytest

from drafter.drafting import gap_verdict as gv
from drafter.drafting.question_verdict import split_requests
from drafter.drafting.situation import asking_sentences, requests


@pytest.mark.parametrize(
    ("body", "question"),
    [
        # German: a greeting line with and without a comma, with an addressee
        ("Hallo,\nhaben Sie einen Tarif für Wärmepumpen?\nGruß\nJana", "Wärmepumpen"),
        ("Guten Morgen Frau Petersen,\nwann kommt meine Schlussrechnung?", "Schlussrechnung"),
        ("Moin zusammen,\nkann ich die Rechnung per Post bekommen?", "per Post"),
        ("Sehr geehrte Damen und Herren\nbitte schicken Sie mir eine Kopie des Vertrags.", "Kopie"),
        ("Hallo\nWie lange dauert der Anbieterwechsel?\nDanke", "Anbieterwechsel"),
        ("Liebes Service-Team,\nwo finde ich meine Vertragsnummer?", "Vertragsnummer"),
        # English
        ("Hi there,\ncan I change my payment date to the 20th?\nCheers, Tom", "payment date"),
        ("Dear Sir or Madam,\nplease send me my final bill by post.", "final bill"),
        ("Hello\nDo you offer a discount for pensioners?", "pensioners"),
        ("Good evening,\ncould you check my last meter reading?", "meter reading"),
    ],
)
def test_the_question_right_below_a_greeting_line_is_read(body: str, question: str) -> None:
    # the question alone, without the greeting above it
    assert asking_sentences(body) == [body.split("\n")[1]]
    assert question in requests("Anfrage", body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Hallo Herr Jensen, kann ich meinen Abschlag im Portal ändern? Grüße, Ole",
            ["kann ich meinen Abschlag im Portal ändern?"],
        ),
        (
            "Moin, gibt es bei euch Ökostrom für Gewerbe?",
            ["gibt es bei euch Ökostrom für Gewerbe?"],
        ),
        (
            "Hallo ich wollte fragen ob ich auch bar bezahlen kann?",
            ["ich wollte fragen ob ich auch bar bezahlen kann?"],
        ),
        (
            "Hi, can I get my bills in English? Thanks, Maya",
            ["can I get my bills in English?"],
        ),
        (
            "Dear team, I would like to close my gas account. When is the last reading?",
            ["I would like to close my gas account.", "When is the last reading?"],
        ),
    ],
)
def test_a_question_in_the_greetings_own_sentence_is_read(body: str, expected: list[str]) -> None:
    assert asking_sentences(body) == expected


def test_the_greeting_line_does_not_swallow_a_wrapped_first_sentence() -> None:
    # a first line that opens with "Hallo" but goes on as a sentence is still soft-wrapped
    body = "Hallo ich bin Studentin und\nmöchte wissen, ob es einen Rabatt gibt?"
    assert asking_sentences(body) == [
        "ich bin Studentin und möchte wissen, ob es einen Rabatt gibt?"
    ]
    # a greeting alone and the closing are never read as a request
    assert asking_sentences("Hallo Frau Meier,\n\nViele Grüße\nAnna") == []
    assert asking_sentences("Dear Sir or Madam,\n\nKind regards,\nAnna") == []


def test_the_first_question_leads_the_requests_and_the_gap_decision() -> None:
    # the request text (lead article of a template draft; the gap decision's key terms)
    # carries the question under the greeting, not only the subject
    de = requests("Frage", "Hallo,\nbieten Sie einen Sozialtarif an?\nViele Grüße\nJonas")
    assert "Sozialtarif" in de
    en = requests("Question", "Hi there,\ndo you offer a heat pump tariff?\nThanks, Mia")
    assert "heat pump tariff" in en
    article = "Stromtarife\nUnsere Tarife: Basis, Öko und Fix 24. Wechseln im Kundenportal."

    def lacked(text: str) -> list[str]:
        return gv.missing_terms(text, article, "de")

    body = "Hallo,\nbieten Sie einen Sozialtarif an?\nViele Grüße\nJonas"
    assert gv.lacked_count("Frage", body, lacked) >= 1  # "Sozialtarif": not in the article


def test_each_request_of_a_mail_opening_with_its_question_is_split() -> None:
    # the per-question verdict reads the question the greeting line opens with
    body = (
        "Guten Tag, ich habe seit Januar ein Elektroauto und lade es zu Hause an der Wallbox und\n"
        "möchte wissen: gibt es dafür einen eigenen Autostromtarif? Außerdem ziehe ich um.\n"
        "Wie melde ich den Umzug?\n\nViele Grüße\nPaul"
    )
    texts = [r.text for r in split_requests(body, "de")]
    assert any("Autostromtarif" in t for t in texts)
    assert any("Umzug" in t for t in texts)
