"""Greeting classes of greet28b (session 25: test12 retired and tuned on), each tested on own
examples, not table rows:

- from a Brazilian, Portuguese or Spanish-speaking domain, an address that writes only the
  last word of a three-word name ("larissa.moreira@") names the family name only when the
  word left out is a given name: a word the name data do not know as one is the first of a
  double family name ("Dear Ms Cavalcanti Moreira,"), where a known given name in the middle
  is a middle name ("Dear Mr Rocha," for "Lucas Gabriel Rocha" from lucas.rocha@) and so is
  the Baptist's name after João; elsewhere such a word is mostly the father's given name
  ("Karthik Ramaswamy Iyer" from karthik.iyer@….in stays "Dear Mr Iyer,");
- the Māori "Kia ora" opening an English mail is a hello like "Hi": with a first name signed
  alone it is answered informally ("Hi Mere,"), under a full name formally.
"""

from __future__ import annotations

import pytest

from drafter.drafting.salutation import detect_register, greeting
from drafter.models import Address, InboundEmail

_EN = "Hello,\n\nCould you send the annual statement again, please?\n\nKind regards,\n"


def _line(display: str, body: str, address: str) -> tuple[str, str]:
    email = InboundEmail(from_=Address(name=display, email=address), body=body, language="en")
    register = detect_register(email, "en", "sie")
    return greeting(email, "en", register).first_line, register


@pytest.mark.parametrize(
    ("display", "address", "line"),
    [
        (
            "Larissa Cavalcanti Moreira",
            "larissa.moreira@example.com.br",
            "Dear Ms Cavalcanti Moreira,",
        ),
        ("Rodrigo Carvalho Mendes", "rodrigo.mendes@example.com.br", "Dear Mr Carvalho Mendes,"),
        ("Lucas Gabriel Rocha", "lucas.rocha@example.com.br", "Dear Mr Rocha,"),
        ("Valentina Ortega Salazar", "valentina.salazar@example.com.mx", "Dear Ms Ortega Salazar,"),
        ("João Batista Lacerda", "joao.lacerda@example.com.br", "Dear Mr Lacerda,"),
        # elsewhere an unknown middle word is mostly the father's given name
        ("Karthik Ramaswamy Iyer", "karthik.iyer@example.in", "Dear Mr Iyer,"),
    ],
)
def test_an_address_leaving_out_a_family_name_keeps_the_double_family_name(
    display: str, address: str, line: str
) -> None:
    assert _line(display, _EN + display, address) == (line, "you")


def test_kia_ora_with_a_first_name_signed_is_informal() -> None:
    body = "Kia ora koutou,\n\nCan I pay my bills by direct debit from next month?\n\nCheers,\nMere"
    assert _line("Mere Paewai", body, "mere.p@example.co.nz") == ("Hi Mere,", "you_informal")


def test_kia_ora_under_a_full_name_stays_formal() -> None:
    body = (
        "Kia ora,\n\nCan I pay my bills by direct debit from next month?\n\nNgā mihi,\nMere Paewai"
    )
    assert _line("Mere Paewai", body, "mere.p@example.co.nz") == ("Dear Ms Paewai,", "you")


def test_a_german_mail_keeps_the_double_family_name_too() -> None:
    body = (
        "Guten Tag,\n\nbitte schicken Sie mir eine Meldebestätigung für meinen Vermieter.\n\n"
        "Mit freundlichen Grüßen\nLarissa Cavalcanti Moreira"
    )
    email = InboundEmail(
        from_=Address(name="Larissa Cavalcanti Moreira", email="larissa.moreira@example.com.br"),
        body=body,
        language="de",
    )
    register = detect_register(email, "de", "sie")
    line = greeting(email, "de", register).first_line
    assert (line, register) == ("Sehr geehrte Frau Cavalcanti Moreira,", "sie")
