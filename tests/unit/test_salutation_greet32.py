"""Greeting classes of greet32 (session 28: test16 retired and tuned on), each tested on own
examples, not table rows:

- Filipino and Spanish family names with the particles "dela", "delos", "de los", "de las"
  ("Ma. Teresa dela Paz", "Ramon delos Reyes") are names of persons, the particle kept
  lowercase with the family name;
- given names written as capital initials without dots ("PK Chaudhuri-Lang", "RJ" is a
  name the data know) are written as initials ("Dear P. K. Mistry,");
- a casual parting joined to a closing with "&" or "and" ("Namaste & cheers", "Aloha and
  thanks", "Love & hugs") closes the mail, so the name under it is read ("Ruby from Salty
  Yoga" under a shop's mailbox is greeted "Hi Ruby,");
- common Korean given names read joined ("Do-yoon", "Hyun-jun" men, "Seo-yun", "Ha-yoon"
  women), also after a family name in capitals ("HWANG Do-yoon"); Irish men's names the data
  leave open ("Kieran", "Keiran", "Odhrán");
- a Turkish given name ending in "gül" (rose) is a woman's ("Ayşegül", "Nurgül", "Sevgül").
"""

from __future__ import annotations

import pytest

from drafter.drafting.signoff import signed_name
from tests.unit.greeting_lines import greeting_line, mail

_SIE = "Sehr geehrte Damen und Herren,\n\nbitte rufen Sie mich wegen des Zählers zurück.\n\n"
_DEAR = "Dear Sir or Madam,\n\nmy meter shows no figures since Monday.\n\n"


@pytest.mark.parametrize(
    ("display", "language", "expected"),
    [
        ("Ma. Teresa dela Paz", "en", "Dear Ms dela Paz,"),
        ("Ma. Teresa dela Paz", "de", "Sehr geehrte Frau dela Paz,"),
        ("Ramon delos Reyes", "en", "Dear Mr delos Reyes,"),
        ("Jose de los Santos", "en", "Dear Mr de los Santos,"),
        ("Ana de las Heras", "de", "Sehr geehrte Frau de las Heras,"),
    ],
)
def test_filipino_and_spanish_particles(display: str, language: str, expected: str) -> None:
    closing = "Mit freundlichen Grüßen\n" if language == "de" else "Kind regards,\n"
    body = (_SIE if language == "de" else _DEAR) + closing + display
    assert greeting_line(display, body, "customer@example.ph", language) == (
        expected,
        "sie" if language == "de" else "you",
    )


@pytest.mark.parametrize(
    ("display", "signed", "language", "expected"),
    [
        ("PK Mistry", "P. K. Mistry", "en", "Dear P. K. Mistry,"),
        ("PK Mistry", "PK Mistry", "en", "Dear P. K. Mistry,"),
        ("DKS Rao", "DKS Rao", "en", "Dear D. K. S. Rao,"),
        ("PK Mistry", "PK Mistry", "de", "Guten Tag P. K. Mistry,"),
        # letters the name data know as a given name stay one ("TJ", a man's name; passes
        # on main too, a guard)
        ("TJ Hollis", "TJ Hollis", "en", "Dear Mr Hollis,"),
    ],
)
def test_initials_in_capitals_without_dots(
    display: str, signed: str, language: str, expected: str
) -> None:
    closing = "Mit freundlichen Grüßen\n" if language == "de" else "Kind regards,\n"
    body = (_SIE if language == "de" else _DEAR) + closing + signed
    assert greeting_line(display, body, "pk.mistry@example.com", language)[0] == expected


@pytest.mark.parametrize(
    ("display", "address", "body", "expected"),
    [
        (
            "Salty Yoga Kiel",
            "hello@example-yoga.de",
            "Hey team,\n\ndo you have a starter tariff for a small studio?\n\n"
            "Namaste & cheers,\nMaya from Salty Yoga",
            ("Hi Maya,", "you_informal"),
        ),
        (
            "Corner Café",
            "info@example-cafe.com",
            "Hi folks,\n\ncan we get a second meter for the kitchen?\n\nAloha and thanks,\n"
            "Keanu from Corner Café",
            ("Hi Keanu,", "you_informal"),
        ),
    ],
)
def test_a_parting_joined_to_a_closing(
    display: str, address: str, body: str, expected: tuple[str, str]
) -> None:
    assert greeting_line(display, body, address, "en") == expected


def test_a_joined_parting_is_read_as_a_closing() -> None:
    body = "Hi,\n\nthe app is down.\n\nNamaste & cheers,\nMaya from Salty Yoga"
    assert signed_name(mail("Salty Yoga", body, "m@example.com", "en")) == "Maya"


@pytest.mark.parametrize(
    ("display", "language", "expected"),
    [
        ("HWANG Do-yoon", "en", "Dear Mr Hwang,"),
        ("Lee Hyun-jun", "de", "Sehr geehrter Herr Lee,"),
        ("Jun-woo Park", "en", "Dear Mr Park,"),
        ("KIM Seo-yun", "en", "Dear Ms Kim,"),
        ("Ha-yoon Choi", "de", "Sehr geehrte Frau Choi,"),
        ("Kieran Doyle", "en", "Dear Mr Doyle,"),
        ("Keiran Walsh", "de", "Sehr geehrter Herr Walsh,"),
        ("Odhrán Byrne", "en", "Dear Mr Byrne,"),
        ("Ayşegül Demirtaş", "en", "Dear Ms Demirtaş,"),
        ("Nurgül Aydın", "de", "Sehr geehrte Frau Aydın,"),
        ("Sevgül Koç", "en", "Dear Ms Koç,"),
    ],
)
def test_given_names_the_data_leave_open(display: str, language: str, expected: str) -> None:
    if language == "de":
        body = _SIE + "Mit freundlichen Grüßen\n" + display
    else:
        body = _DEAR + "Kind regards,\n" + display
    address = display.lower().replace(" ", ".") + "@example.com"
    assert greeting_line(display, body, address, language)[0] == expected
