"""Greeting classes of greet25 (session 23: test10 retired and tuned on), each tested on own
examples, not table rows:

- a Turkish given name of both sexes ("Kaya", "Evren") tells no sex: "Guten Tag Kaya
  Ostendorf,", "Guten Tag Evren Kaplan,";
- a Yoruba short form of compound names of either sex ("Ade" for Adewale or Adebola, "Sola"
  for Olusola) tells no sex: "Dear Ade Balogun,", "Dear Sola Adeleke,".
"""

from __future__ import annotations

import pytest

from drafter.drafting.salutation import detect_register, greeting
from drafter.models import Address, InboundEmail

_DE = (
    "Guten Tag,\n\nbitte schicken Sie die Jahresabrechnung noch einmal.\n\n"
    "Mit freundlichen Grüßen\n"
)
_EN = "Hello,\n\nCould you send the annual statement again, please?\n\nKind regards,\n"


def _line(display: str, body: str, lang: str, address: str = "post@example.org") -> tuple[str, str]:
    email = InboundEmail(
        from_=Address(name=display, email=address), body=body, quoted="", language=lang
    )
    register = detect_register(email, lang, "sie")
    return greeting(email, lang, register).first_line, register


@pytest.mark.parametrize(
    ("display", "line"),
    [
        ("Kaya Ostendorf", "Guten Tag Kaya Ostendorf,"),
        ("Evren Kaplan", "Guten Tag Evren Kaplan,"),
        ("Günay Yıldız", "Guten Tag Günay Yıldız,"),  # control: neutral on main too
        ("Zeynep Demir", "Sehr geehrte Frau Demir,"),  # control: a woman's name
    ],
)
def test_a_turkish_name_of_both_sexes_tells_no_sex(display: str, line: str) -> None:
    assert _line(display, _DE + display, "de") == (line, "sie")


@pytest.mark.parametrize(
    ("display", "line"),
    [
        ("Ade Balogun", "Dear Ade Balogun,"),
        ("Sola Adeleke", "Dear Sola Adeleke,"),
        ("Kaya Mitchell", "Dear Kaya Mitchell,"),
        ("Yemi Adebayo", "Dear Yemi Adebayo,"),  # control: neutral on main too
        ("Tunde Bakare", "Dear Mr Bakare,"),  # control: a man's name
        ("Funmi Alade", "Dear Ms Alade,"),  # control: a woman's name
    ],
)
def test_a_yoruba_short_form_of_either_sex_tells_no_sex(display: str, line: str) -> None:
    assert _line(display, _EN + display, "en") == (line, "you")


def test_the_sex_written_in_the_mail_still_decides() -> None:
    body = _DE + "Frau Kaya Ostendorf"
    assert _line("Kaya Ostendorf", body, "de")[0] == "Sehr geehrte Frau Ostendorf,"
