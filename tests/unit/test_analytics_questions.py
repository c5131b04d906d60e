"""The question a knowledge-gap topic of `drafter report` shows for each email."""

from __future__ import annotations

from drafter.evaluation.analytics import question_of


def test_a_question_wrapped_over_two_lines_is_shown_whole() -> None:
    """The report listed "• oder einen Zuschuss dafür?" for a mail wrapped at 72 characters:
    each line was taken for a sentence."""
    body = (
        "Sehr geehrte Damen und Herren,\n\n"
        "ich plane eine Photovoltaikanlage auf dem Dach (ca. 9 kWp) mit Speicher, und meine\n"
        "Tochter möchte ein Balkonkraftwerk anbringen. Gibt es bei den Stadtwerken eine Förderung\n"
        "oder einen Zuschuss dafür? Und wie hoch ist die Vergütung?\n"
    )
    assert question_of("Förderung", body) == (
        "Gibt es bei den Stadtwerken eine Förderung oder einen Zuschuss dafür?"
    )


def test_questions_in_separate_paragraphs_and_the_subject_fallback() -> None:
    body = "Hallo,\n\nich bin umgezogen.\n\n- Wann kommt die Schlussrechnung?\n- Und dann?\n"
    assert question_of("Umzug", body) == "- Wann kommt die Schlussrechnung?"
    assert question_of("Umzug", "Ich bin umgezogen.\nDanke.") == "Umzug"
    assert question_of("", "") == "(no subject)"
