"""What `drafter report` shows of the mails: the question of each knowledge-gap topic, and
the rejection reasons."""

from __future__ import annotations

import datetime as dt

from drafter.evaluation.analytics import EmailFacts, question_of, summarise


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


def test_rejection_reasons_group_any_case_and_keep_the_agents_spelling() -> None:
    """The report showed "doppelt, per telefon geklärt (1)": lowercased, and the comma of the
    reason read like a second one. Spellings are grouped, the most common one is shown, and
    the table puts one reason per line."""
    from rich.console import Console

    from drafter.evaluation.analytics_view import reasons_table

    now = dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC)

    def rejected(n: int, why: str) -> EmailFacts:
        return EmailFacts(n, "beschwerde", "reply@1", "de", "s", "b", "rejected", now,
                          rejected_at=now, rejection=why)  # fmt: skip

    group = summarise("beschwerde", [rejected(1, "Doppelt, per Telefon geklärt"),
                                     rejected(2, "doppelt, per Telefon geklärt"),
                                     rejected(3, "Doppelt, per Telefon geklärt"),
                                     rejected(4, "Spam")])  # fmt: skip
    assert group.rejection_reasons == {"Doppelt, per Telefon geklärt": 3, "Spam": 1}
    console = Console(width=80, record=True)
    console.print(reasons_table([group]))
    text = console.export_text()
    assert "Doppelt, per Telefon geklärt (3)" in text and "│ Spam (1)" in text, text
