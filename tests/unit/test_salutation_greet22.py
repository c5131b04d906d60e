"""Greeting classes found in the retired test5 and test7 (greet22, session 20), each tested on
own examples, not table rows:

- a Spanish patronymic family name ("Martínez", "Márquez") before a second family name is no
  middle given name, though the US births hold a few as boys' names: "Mr Márquez Villalobos";
- a group signing by its role in the plural ("The Trustees", "The Directors") is no family
  ("Dear Sir or Madam,"), while "The Hendersons" still is;
- a short form of a first name of either sex signed alone, under the newest mail or under the
  customer's own earlier message in the thread ("gabi" by "Gabriele Mertens"), tells the sex
  when the German and English data agree on it; our own replies in the thread, a forwarded
  mail of someone else and short forms of unclear sex ("Andi") tell nothing.
"""

from __future__ import annotations

import pytest

from drafter.drafting.salutation import detect_register, greeting
from drafter.drafting.sender import parse_name
from drafter.drafting.short_forms import own_signoffs, short_form_sex
from drafter.models import Address, InboundEmail

_DE = (
    "Sehr geehrte Damen und Herren,\n\nbitte schicken Sie mir die Jahresabrechnung noch "
    "einmal.\n\nMit freundlichen Grüßen\n"
)
_EN = (
    "Dear Sir or Madam,\n\nCould you send me the annual statement again, please?\n\nKind regards,\n"
)
_OUTLOOK = (
    "-----Ursprüngliche Nachricht-----\nVon: Gabriele Mertens <g.mertens@example.de>\n"
    "Gesendet: Montag, 2. November 2026 10:12\nAn: service@example.de\nBetreff: Abrechnung\n\n"
    "hallo, wo bleibt meine abrechnung?\nlg gabi"
)


def _line(display: str, address: str, body: str, lang: str, quoted: str = "") -> tuple[str, str]:
    email = InboundEmail(
        from_=Address(name=display, email=address), body=body, quoted=quoted, language=lang
    )
    register = detect_register(email, lang, "sie")
    return greeting(email, lang, register).first_line, register


@pytest.mark.parametrize(
    ("display", "lang", "line"),
    [
        ("Diego Márquez Villalobos", "de", "Sehr geehrter Herr Márquez Villalobos,"),
        ("Diego Márquez Villalobos", "en", "Dear Mr Márquez Villalobos,"),
        ("Lucía Martinez Soto", "en", "Dear Ms Martinez Soto,"),
        ("Lucía Martinez Soto", "de", "Sehr geehrte Frau Martinez Soto,"),
        # a given name that ends in -ez stays one; a patronymic alone is the family name
        ("Carmen Inez Delgado", "en", "Dear Ms Delgado,"),
        ("Pedro Sánchez", "de", "Sehr geehrter Herr Sánchez,"),
    ],
)
def test_a_spanish_patronymic_is_the_first_of_two_family_names(
    display: str, lang: str, line: str
) -> None:
    body = (_DE if lang == "de" else _EN) + display
    assert _line(display, "kunde@example.es", body, lang) == (
        line,
        "sie" if lang == "de" else "you",
    )


def test_the_patronymic_is_parsed_as_part_of_the_family_name() -> None:
    name = parse_name("Javiera Gutiérrez Martínez Ortega")
    assert (name.first, name.last) == ("Javiera", "Gutiérrez Martínez Ortega")


@pytest.mark.parametrize(
    "signed", ["The Trustees", "The Directors", "The Churchwardens", "The Volunteers"]
)
def test_a_group_signing_by_its_role_is_no_family(signed: str) -> None:
    body = _EN + signed
    assert _line("Riverside Community Centre", "hall@example-rcc.org", body, "en") == (
        "Dear Sir or Madam,",
        "you",
    )
    assert parse_name(signed).family == ""


def test_a_family_in_the_plural_is_still_a_family() -> None:
    body = _EN + "The Hendersons"
    assert _line("Henderson", "hendersons@example.co.uk", body, "en")[0] == "Dear Henderson family,"
    assert parse_name("The Bakers").family == "Baker"  # a trade that is a family name too


@pytest.mark.parametrize(
    ("display", "address", "body", "lang", "quoted", "line"),
    [
        # signed alone under the newest mail
        ("Gabriele Mertens", "g.mertens@example.de", _DE + "Gabi", "de", "",
         "Sehr geehrte Frau Mertens,"),
        # under her own earlier message in the thread (Outlook block naming her)
        ("Gabriele Mertens", "g.mertens@example.de", _DE + "Gabriele Mertens", "de", _OUTLOOK,
         "Sehr geehrte Frau Mertens,"),
        ("Frankie Doyle", "frankie.doyle@example.ie", _EN + "Frankie Doyle", "en",
         "On 2 Nov 2026, at 10:12, Frankie Doyle <frankie.doyle@example.ie> wrote:\n"
         "> Hello, where is my statement?\n> Cheers, Frank",
         "Dear Mr Doyle,"),
        # our own reply's greeting is no signature of hers
        ("Gabriele Mertens", "g.mertens@example.de", _DE + "Gabriele Mertens", "de",
         "Am 02.11.2026 um 10:12 schrieb Kundenservice <service@example.de>:\n> Liebe Gabi,\n"
         "> danke.\n> Ihr Kundenservice",
         "Guten Tag Gabriele Mertens,"),
        # a forwarded mail of someone else, signed with a name like hers, says nothing
        ("Frankie Doyle", "frankie.doyle@example.ie", _EN + "Frankie Doyle", "en",
         "---------- Forwarded message ---------\nFrom: Frank Byrne <frank.byrne@example.ie>\n\n"
         "Hello Frankie,\nsee below.\nFrank",
         "Dear Frankie Doyle,"),
        # a short form the data read differently in German and English tells nothing
        ("Andrea Köhler", "a.koehler@example.de", _DE + "Andi", "de", "",
         "Guten Tag Andrea Köhler,"),
    ],
)  # fmt: skip
def test_a_short_form_signed_alone_tells_the_sex(
    display: str, address: str, body: str, lang: str, quoted: str, line: str
) -> None:
    assert _line(display, address, body, lang, quoted)[0] == line


def test_short_form_sex_and_own_signoffs() -> None:
    name = parse_name("Gabriele Mertens")
    assert short_form_sex(name, "Gabi") == "female"
    assert short_form_sex(name, "Gabriele") == ""  # the name itself
    assert short_form_sex(name, "Gerd") == ""  # no form of Gabriele
    sender = Address(name="Gabriele Mertens", email="g.mertens@example.de")
    assert own_signoffs(_OUTLOOK, sender) == ["gabi"]
    assert own_signoffs(_OUTLOOK, Address(name="Tom Berg", email="tom@example.de")) == []
