"""Greeting classes of greet33 (session 28: test17 retired and tuned on), each tested on own
examples, not table rows:

- a restaurant, café or food shop named in its own language under the signed name
  ("Trattoria Da Marco", "Osteria Bella Vista", "Brasserie du Port", "Yilmaz Kebap") is the
  place, not the name: the person above it is greeted;
- the feminine form also with an adjective before it ("als langjährige Kundin") says "woman"
  when the first name says nothing; the generic masculine, with or without an adjective
  ("ich bin Student", "als langjähriger Kunde"), still says nothing (a wrong "Herr" is worse
  than a neutral greeting);
- a Vietnamese name with its family name in capitals ("TRAN Thi Bich Ngoc", "PHAM Van Duc")
  is greeted with the family name in normal capitals;
- a couple's forms of address and given names (or initials) each joined before the family
  name ("Mr and Mrs E. and C. Pritchard", "Herr und Frau K. und M. Berg") are two persons.
"""

from __future__ import annotations

import pytest

from drafter.drafting.sender import paired_couple
from drafter.drafting.signoff import signoff_name
from tests.unit.greeting_lines import greeting_line

_SIE = "Sehr geehrte Damen und Herren,\n\nbitte senden Sie mir die Jahresrechnung erneut zu.\n\n"
_DEAR = "Dear Sir or Madam,\n\nplease send the annual bill again.\n\n"


@pytest.mark.parametrize(
    ("closing", "signed", "place"),
    [
        ("Distinti saluti", "Marco Ferrante", "Trattoria Da Marco"),
        ("Distinti saluti", "Simone Galli", "Osteria Bella Vista (privat)"),
        ("Cordialement", "Luc Perrin", "Brasserie du Port"),
        ("Viele Grüße", "Ali Yılmaz", "Yılmaz Kebap"),
        ("Mit freundlichen Grüßen", "Jana Kroll", "Gelateria Dolomiti"),
        ("Saludos cordiales", "Lucía Romero", "Panadería La Espiga"),
        ("Cumprimentos", "Rui Teixeira", "Churrascaria Gaúcha"),
    ],
)
def test_a_restaurant_under_the_name_is_no_name(closing: str, signed: str, place: str) -> None:
    assert signoff_name(f"{_SIE}{closing}\n{signed}\n{place}") == signed


def test_the_person_above_a_restaurant_named_after_the_first_name_is_greeted() -> None:
    body = _SIE + "Distinti saluti\nAndrea Ferrante\nTrattoria Da Andrea (privat)"
    assert greeting_line("Andrea Ferrante", body, "andrea.ferrante@example.it", "de") == (
        "Guten Tag Andrea Ferrante,",
        "sie",
    )


@pytest.mark.parametrize(
    ("display", "text", "expected"),
    [
        # the generic masculine with an adjective: nothing
        ("Andrea Ferrante", "als langjähriger Kunde bitte ich um eine Bestätigung der Preise.",
         "Guten Tag Andrea Ferrante,"),
        ("Kim Berger", "ich bin ein treuer Stromkunde und bitte um eine Auskunft.",
         "Guten Tag Kim Berger,"),
        ("Kim Berger", "Ich ziehe um. Als neuer Mieter der Wohnung bitte ich um ein Formular.",
         "Guten Tag Kim Berger,"),
        ("Kim Berger", "als langjährige Kundin bitte ich um eine Auskunft.",
         "Sehr geehrte Frau Berger,"),
        # the generic masculine alone, an adverb or no person after the adjective: nothing
        ("Kim Berger", "ich bin Student und bitte um eine Auskunft.", "Guten Tag Kim Berger,"),
        ("Kim Berger", "ich bin leider Kunde bei Ihnen geworden.", "Guten Tag Kim Berger,"),
        ("Kim Berger", "als erster Schritt bitte ich um eine Auskunft.", "Guten Tag Kim Berger,"),
        # a first name that says the sex wins
        ("Jana Berger", "als langjähriger Kunde bitte ich um eine Auskunft.",
         "Sehr geehrte Frau Berger,"),
    ],
)  # fmt: skip
def test_a_self_description_with_an_adjective_says_the_sex(
    display: str, text: str, expected: str
) -> None:
    body = f"Sehr geehrte Damen und Herren,\n\n{text}\n\nMit freundlichen Grüßen\n{display}"
    assert greeting_line(display, body, "kunde@example.de", "de") == (expected, "sie")


@pytest.mark.parametrize(
    ("display", "signed", "language", "expected"),
    [
        ("NGUYEN Thi Bich Ngoc", "Bich Ngoc Nguyen", "de", "Sehr geehrte Frau Nguyen,"),
        ("", "TRAN Thi Mai", "de", "Sehr geehrte Frau Tran,"),
        ("PHAM Van Duc", "PHAM Van Duc", "en", "Dear Mr Pham,"),
        ("LE Van Hung", "Hung Le", "en", "Dear Mr Le,"),
    ],
)
def test_a_vietnamese_family_name_in_capitals_gets_normal_capitals(
    display: str, signed: str, language: str, expected: str
) -> None:
    opening, closing = (
        (_SIE, "Mit freundlichen Grüßen") if language == "de" else (_DEAR, "Kind regards,")
    )
    body = f"{opening}{closing}\n{signed}"
    assert greeting_line(display, body, "kunde@example.de", language)[0] == expected


@pytest.mark.parametrize(
    ("display", "signed", "language", "expected"),
    [
        ("Emrys Hughes", "Mr and Mrs E. and G. Hughes", "en", "Dear Mr and Mrs Hughes,"),
        ("", "Mr & Mrs J. & M. Whitlock", "en", "Dear Mr and Mrs Whitlock,"),
        ("Karl Berg", "Herr und Frau K. und M. Berg", "de",
         "Sehr geehrte Frau Berg, sehr geehrter Herr Berg,"),
    ],
)  # fmt: skip
def test_a_couple_with_joined_forms_and_joined_initials(
    display: str, signed: str, language: str, expected: str
) -> None:
    opening, closing = (
        (_SIE, "Mit freundlichen Grüßen") if language == "de" else (_DEAR, "Yours faithfully,")
    )
    assert greeting_line(display, f"{opening}{closing}\n{signed}", "kunde@example.co.uk", language)[
        0
    ] == (expected)


def test_paired_couple_writes_two_names_and_leaves_other_text() -> None:
    assert paired_couple("Mr and Mrs E. and C. Pritchard") == "Mr E. Pritchard and Mrs C. Pritchard"
    assert paired_couple("Herr und Frau Karl und Marta Berg") == (
        "Herr Karl Berg and Frau Marta Berg"
    )
    assert paired_couple("Mr & Mrs G. Hughes") == "Mr & Mrs G. Hughes"
    assert paired_couple("Anna und Tom Berg") == "Anna und Tom Berg"
