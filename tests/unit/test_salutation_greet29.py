"""Greeting classes of greet29 (session 26: test13 retired and tuned on), each tested on own
examples, not table rows:

- thanks given ahead and joined to the closing ("Vielen Dank vorab und freundliche Grüße",
  "Thanks in advance and kind regards") is a closing: the names under it sign the mail, so
  two persons who both sign are both greeted;
- a display name with a job title after a bar or dash ("Tom Reed | Senior Consultant", "Nele
  Harms | Teamleiterin Vertrieb") names the person before it, not "Mr Reed Senior Consultant";
- academic titles after the name, as address books sort it ("Voss, Ilka Dr.", "Ilka Voss
  Prof. Dr."), stay in the German greeting;
- a firm's signature block under the signed name (the job, the firm, what it does, the
  address, "T +49 …"/"M +44 …" phone lines, a partnership register) is read past to the
  name under the closing;
- "Alexis" is a given name of either sex (a man's in the Swiss list, mostly a woman's in the
  US births): "Guten Tag Alexis …".
"""

from __future__ import annotations

import pytest

from drafter.closings import CUSTOMER_CLOSING
from drafter.drafting.sender import parse_name
from drafter.drafting.signoff import signoff_name
from tests.unit.greeting_lines import greeting_line

_DE = (
    "Guten Tag,\n\nwir möchten unseren Gasabschlag ab Januar auf 80 Euro anpassen. Geht das "
    "über das Portal?\n\n"
)
_EN = "Hello,\n\nCould you move my meter appointment to next week, please?\n\n"


@pytest.mark.parametrize(
    "closing",
    [
        "Vielen Dank vorab und freundliche Grüße",
        "Danke im Voraus und viele Grüße",
        "Danke schon mal und beste Grüße",
    ],
)
def test_thanks_given_ahead_and_a_closing_sign_for_both_persons(closing: str) -> None:
    body = f"{_DE}{closing}\nMiriam Tegeler und Jonas Albers"
    assert signoff_name(body) == "Miriam Tegeler und Jonas Albers"
    line = greeting_line("Jonas Albers", body, "j.albers@example.de", "de")
    assert line == ("Sehr geehrte Frau Tegeler, sehr geehrter Herr Albers,", "sie")


def test_thanks_in_advance_and_regards_is_a_closing() -> None:
    assert CUSTOMER_CLOSING.match("Thanks in advance and kind regards,")
    body = f"{_EN}Thanks in advance and kind regards,\nPriya Lambert"
    assert signoff_name(body) == "Priya Lambert"


@pytest.mark.parametrize(
    "display",
    [
        "Gareth Pryce | Senior Consultant",
        "Gareth Pryce - Key Account Manager",
        "Gareth Pryce | Head of Procurement",
    ],
)
def test_a_job_title_after_the_display_name_is_no_part_of_it(display: str) -> None:
    assert greeting_line(display, _EN + "Best wishes", "g.pryce@example.com", "en") == (
        "Dear Mr Pryce,",
        "you",
    )


@pytest.mark.parametrize(
    "display", ["Nele Harms | Teamleiterin Vertrieb", "Nele Harms - Projektleiterin Netze"]
)
def test_a_german_compound_job_after_the_display_name_is_no_part_of_it(display: str) -> None:
    body = _DE + "Viele Grüße"
    assert greeting_line(display, body, "n.harms@example.de", "de") == (
        "Sehr geehrte Frau Harms,",
        "sie",
    )


def test_a_name_with_a_job_word_stays_a_name() -> None:
    # "Pastor" is a family name here: the part opens with a given name
    name = parse_name("Anna Pastor | Gemeindebüro")
    assert (name.first, name.last) == ("Anna", "Pastor")


@pytest.mark.parametrize(
    ("display", "signed", "line"),
    [
        ("Voss, Ilka Dr.", "I. Voss", "Sehr geehrte Frau Dr. Voss,"),
        ("Voss, Ilka Dr. med.", "I. Voss", "Sehr geehrte Frau Dr. Voss,"),
        ("Ilka Voss Prof. Dr.", "Ilka Voss", "Sehr geehrte Frau Prof. Dr. Voss,"),
        ("Hauke Brodersen, Dr.", "H. Brodersen", "Sehr geehrter Herr Dr. Brodersen,"),
    ],
)
def test_titles_after_the_name_stay_in_the_greeting(display: str, signed: str, line: str) -> None:
    body = _DE + "Mit freundlichen Grüßen\n" + signed
    assert greeting_line(display, body, "praxis@example.de", "de") == (line, "sie")


def test_a_firm_signature_block_is_read_past_to_the_signed_name() -> None:
    body = (
        "Sehr geehrte Damen und Herren,\n\nfür einen Neubau mit sechs Wohnungen brauchen wir "
        "die Anschlussbedingungen.\n\nMit freundlichen Grüßen\n\nDipl.-Ing. Jens Wollert\n"
        "Geschäftsführender Gesellschafter\n\nPlanungsbüro Wollert & Partner PartG mbB\n"
        "Beratende Ingenieure · Heizungs- und Lüftungstechnik\nHolstenstraße 12 · 24103 Kiel\n"
        "T +49 431 55 20 10-0 · www.example-wollert.de\n\nPartnerschaftsregister AG Kiel PR 99"
    )
    assert signoff_name(body) == "Dipl.-Ing. Jens Wollert"
    line = greeting_line("Planungsbüro Wollert & Partner", body, "info@example-wollert.de", "de")
    assert line == ("Sehr geehrter Herr Wollert,", "sie")


def test_a_mobile_number_under_an_english_signature_is_footer() -> None:
    body = (
        f"{_EN}Kind regards,\nHelen Marsh\n\nHelen Marsh\nLead Engineer, Grid Planning\n"
        "Baltic Energy Partners GmbH\nHafenstraße 3 · 24103 Kiel · Germany\nM +49 160 11 22 333"
    )
    assert signoff_name(body) == "Helen Marsh"


def test_alexis_is_a_given_name_of_either_sex() -> None:
    body = _DE + "Mit freundlichen Grüßen\nAlexis Vormbaum"
    assert greeting_line("Alexis Vormbaum", body, "a.vormbaum@example.de", "de") == (
        "Guten Tag Alexis Vormbaum,",
        "sie",
    )
