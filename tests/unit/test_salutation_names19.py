"""Greetings, session 17 round (issue 12): the classes of greetings dev14's misses, each a
rule for its class (a compound given name abroad, a sex named by the display name's other
given name, two given names signed with "&", a group's display name, a family name written
first in capitals). The examples are written here, not copied from a table row.
"""

from __future__ import annotations

import pytest

from drafter.drafting.salutation import detect_register, greeting
from drafter.models import Address, InboundEmail


def _line(display: str, body: str, lang: str, address: str = "kunde@example.org") -> str:
    email = InboundEmail(from_=Address(name=display, email=address), body=body, language=lang)
    register = detect_register(email, lang, "sie" if lang == "de" else "you")
    return greeting(email, lang, register).first_line


_DE = "Guten Tag,\n\nwie kann ich meinen Abschlag ändern?\n\nMit freundlichen Grüßen\n"
_EN = "Hello,\n\nhow can I change my monthly payment?\n\nBest regards,\n"


@pytest.mark.parametrize(
    ("display", "address", "lang", "line"),
    [
        ("Jean-Luc Marchand", "jl@example.fr", "de", "Sehr geehrter Herr Marchand,"),
        ("Jean-Pierre Roux", "jp@example.be", "en", "Dear Mr Roux,"),
        ("Inge-Lise Dahl", "il@example.no", "de", "Sehr geehrte Frau Dahl,"),
        # guards: the name alone, or a second part of the other sex, stays neutral
        ("Jean Marchand", "jm@example.fr", "de", "Guten Tag Jean Marchand,"),
        ("Kari Juhani Laine", "kl@example.fi", "de", "Guten Tag Kari Juhani Laine,"),
    ],
)
def test_a_compound_given_name_abroad_is_decided_by_its_other_part(
    display: str, address: str, lang: str, line: str
) -> None:
    body = (_DE if lang == "de" else _EN) + display
    assert _line(display, body, lang, address) == line
