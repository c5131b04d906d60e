"""drafter.mail.unwrap: the mailer's line breaks inside a paragraph are joined for the
email pane; lines laid out on purpose stay."""

from __future__ import annotations

import pytest

from drafter.mail.unwrap import unwrap

GAS = (
    "Hallo, bei uns im Treppenhaus riecht es seit heute Morgen nach Gas, vor allem unten\n"
    "beim Keller. Soll ich das hier melden oder woanders? Adresse: Möllingstraße 9, 24103 Kiel."
)


def test_a_paragraph_the_mailer_wrapped_is_one_line_again() -> None:
    assert unwrap(GAS) == GAS.replace("unten\nbeim", "unten beim")


@pytest.mark.parametrize(
    "text",
    [
        "Guten Tag,\n\nkurze Zeile\nnoch eine kurze Zeile",  # short lines: written that way
        "Das brauche ich von Ihnen, bitte alles bis Ende des Monats schicken:\n- Zählerstand",
        "Bitte prüfen Sie die folgenden Punkte in meiner Rechnung sehr sorgfältig\n- Punkt 1",
        "Ich habe die Jahresabrechnung bekommen und verstehe sie nicht ganz, leider\n> zitat",
        "Ich habe die Jahresabrechnung bekommen und verstehe sie nicht ganz, leider\n  eingerückt",
        "Zähler     Stand      Datum                 Ablesung durch den Kunden selbst\n1 2 3",
        "Bitte stellen Sie die Rechnung in Zukunft an die neue Adresse, danke sehr.\n"
        "Kundennummer: KD-1234567",
        "Geht das auch in Raten, so 100 Euro im Monat? Das wäre mir eine große Hilfe.\n"
        "Kundennummer KD-8120556.",
        "========================================================================\nText",
    ],
)
def test_lines_laid_out_on_purpose_stay(text: str) -> None:
    assert unwrap(text) == text
