"""Greeting classes of greet24 (session 22: test9 retired and tuned on), each tested on own
examples, not table rows:

- a Frisian or Polynesian given name of both sexes ("Tomke", as "Eike"; "Moana") tells no
  sex: "Guten Tag Tomke Feddersen,", "Dear Moana Faleolo,";
- a short form of the display name's given name signed after an inline closing at the end of
  a one-line mail ("… bekommen? lg yasi" from "Yasemin") is the name a Du reply uses;
- a firm of partners named by the profession in the plural ("Wilson & Hale Architects",
  "Brandt & Wolff Architekten", "Okafor Surveyors") is no couple and no person;
- a house named after a tree or a flower ("Willow Lodge", "Rose Court") is a place, while
  "David Lodge" stays a person; a person whose family name is a building word ("Rachel
  House") is a person when the mail address spells given and family name apart.
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
        ("Tomke Feddersen", "Guten Tag Tomke Feddersen,"),
        ("Eike Hinrichs", "Guten Tag Eike Hinrichs,"),  # control: unisex on main too
        ("Imke Feddersen", "Sehr geehrte Frau Feddersen,"),  # control: a woman's name
    ],
)
def test_a_frisian_name_of_both_sexes_tells_no_sex(display: str, line: str) -> None:
    assert _line(display, _DE + display, "de") == (line, "sie")


def test_a_polynesian_name_of_both_sexes_tells_no_sex() -> None:
    assert _line("Moana Faleolo", _EN + "Moana Faleolo", "en")[0] == "Dear Moana Faleolo,"


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        ("Yasemin", "hey ihr, kurze frage: kann ich bei euch den abschlag online ändern? lg yasi",
         "de", "Hallo Yasi,"),
        ("Friederike Jansen", "hey, kannst du mir sagen wann der techniker kommt? lg rike",
         "de", "Hallo Rike,"),
        ("Abigail Moss", "hey! can i pay by card next month? cheers, abby", "en", "Hi Abby,"),
        # controls: the name itself signed; a word that is no short form of the given name
        ("Yasemin", "hey ihr, kann ich bei euch den abschlag online ändern? lg yasemin",
         "de", "Hallo Yasemin,"),
        ("Yasemin", "hey ihr, kann ich bei euch den abschlag online ändern? lg euch",
         "de", "Hallo Yasemin,"),
    ],
)  # fmt: skip
def test_a_short_form_signed_after_an_inline_closing(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _line(display, body, lang)[0] == line


@pytest.mark.parametrize(
    ("display", "lang"),
    [
        ("Wilson & Hale Architects", "en"),
        ("Okafor Surveyors", "en"),
        ("Pryce & Lowe Chartered Accountants", "en"),
        ("Brandt & Wolff Architekten", "de"),
        ("Kern und Sauer Rechtsanwälte", "de"),
        ("Dres. Lüth & Behrens Zahnärzte", "de"),
    ],
)
def test_a_firm_of_partners_named_by_its_profession_is_no_person(display: str, lang: str) -> None:
    body = (_DE if lang == "de" else _EN) + display
    expected = "Sehr geehrte Damen und Herren," if lang == "de" else "Dear Sir or Madam,"
    assert _line(display, body, lang)[0] == expected


def test_the_partner_signing_for_the_firm_is_greeted() -> None:
    body = _EN + "Fiona Hale\nWilson & Hale Architects"
    assert _line("Wilson & Hale Architects", body, "en")[0] == "Dear Ms Hale,"


@pytest.mark.parametrize(
    ("display", "address", "line"),
    [
        ("Willow Lodge", "bookings@example-willowlodge.co.uk", "Dear Sir or Madam,"),
        ("Rose Court", "rosecourt@example.org", "Dear Sir or Madam,"),
        ("Rachel House", "rachel.house@example.com", "Dear Ms House,"),
        ("Tom House", "t.house@example.co.uk", "Dear Mr House,"),
        # controls: a family name that is a building word; a house named so; an address that
        # does not spell the name apart
        ("David Lodge", "post@example.org", "Dear Mr Lodge,"),
        ("Ivy House", "ivy.house@example.org", "Dear Sir or Madam,"),
        ("Harbour View House", "post@example.org", "Dear Sir or Madam,"),
        ("Stanley House", "info@example-stanleyhouse.org", "Dear Sir or Madam,"),
    ],
)
def test_house_names_and_the_family_name_house(display: str, address: str, line: str) -> None:
    assert _line(display, _EN + display, "en", address)[0] == line


@pytest.mark.parametrize(
    ("display", "lang", "line"),
    [
        # three words, a common Vietnamese family name at one end, no Thi/Van in the middle:
        # the family name is that end, the two other words the given name
        ("Dang Thu Trang", "de", "Sehr geehrte Frau Dang,"),
        ("Nguyen Mai Phuong", "en", "Dear Ms Nguyen,"),
        ("Mai Phuong Nguyen", "de", "Sehr geehrte Frau Nguyen,"),
        ("Vu Quang Huy", "en", "Dear Mr Vu,"),
        ("Vu Duc Anh", "en", "Dear Vu Duc Anh,"),  # a part of no clear sex: whole, as written
        # controls
        ("Tran Thi Lan", "de", "Sehr geehrte Frau Tran,"),
        ("Pham Minh Tuan", "de", "Guten Tag Pham Minh Tuan,"),
        ("Mai Britt Jensen", "de", "Sehr geehrte Frau Jensen,"),
        ("Anna Le Blanc", "en", "Dear Ms Le Blanc,"),
    ],
)
def test_a_vietnamese_name_of_three_words_without_thi_or_van(
    display: str, lang: str, line: str
) -> None:
    assert _line(display, (_DE if lang == "de" else _EN) + display, lang)[0] == line
