"""Greeting classes of greet30 (session 26: test14 retired and tuned on), each tested on own
examples, not table rows:

- a mail without a closing that ends with a name over the sender's postal address ("Familie
  Brockmann\\nAm Mühlenteich 7", "24103 Kiel") is signed by that name when the mail address
  holds its family name (also spelt with "oe" for "ö": brockmoeller@);
- men's given names the first-name data do not know: Kurdish "Rojhat", Tamil "Srinivasan",
  Chinese "Weiqiang" (also after a family name in capitals: "LI Weiqiang");
- "Zia" after a man's first name is his second given name ("Ahmad Zia Hotak" is Mr Hotak),
  not part of a double family name.
"""

from __future__ import annotations

import pytest

from drafter.drafting.signoff import signed_name
from tests.unit.greeting_lines import greeting_line, mail

_DE = "Guten Tag,\n\nseit heute Morgen haben wir keinen Strom. Wann kann jemand kommen?\n\n"
_EN = "Hello,\n\nCould you tell me when the meter reader comes this year?\n\n"


@pytest.mark.parametrize(
    ("display", "address", "below"),
    [
        ("Brockmann", "familie.brockmann@example.de", "Am Mühlenteich 7"),
        ("Brockmann", "familie.brockmann@example.de", "Ostring 17a\n24103 Kiel"),
        ("Brockmöller", "fam.brockmoeller@example.de", "Lindenweg 12"),
    ],
)
def test_a_family_over_its_address_signs_a_mail_without_closing(
    display: str, address: str, below: str
) -> None:
    body = f"{_DE}Familie {display}\n{below}"
    assert signed_name(mail(display, body, address, "de")) == f"Familie {display}"
    assert greeting_line(display, body, address, "de") == (
        f"Sehr geehrte Familie {display},",
        "sie",
    )


def test_a_name_over_an_address_the_mail_address_does_not_hold_signs_nothing() -> None:
    body = f"{_DE}Familie Brockmann\nAm Mühlenteich 7"
    assert signed_name(mail("", body, "info@example.de", "de")) == ""


@pytest.mark.parametrize(
    ("display", "address", "language", "expected"),
    [
        ("Rojhat Demir", "r.demir@example.de", "de", "Sehr geehrter Herr Demir,"),
        ("Srinivasan Raghavan", "s.raghavan@example.in", "en", "Dear Mr Raghavan,"),
        ("LI Weiqiang", "li.weiqiang@example.cn", "en", "Dear Mr Li,"),
        ("Weiqiang Li", "weiqiang.li@example.com", "en", "Dear Mr Li,"),
        ("Ahmad Zia Hotak", "a.hotak@example.de", "en", "Dear Mr Hotak,"),
        ("Ahmad Zia Hotak", "a.hotak@example.de", "de", "Sehr geehrter Herr Hotak,"),
    ],
)
def test_men_s_given_names_the_data_do_not_know(
    display: str, address: str, language: str, expected: str
) -> None:
    body = (_DE if language == "de" else _EN) + ("Danke\n" if language == "de" else "Thanks\n")
    body += display
    assert greeting_line(display, body, address, language)[0] == expected
