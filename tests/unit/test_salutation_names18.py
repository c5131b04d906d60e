"""Greetings, session 16 round (issue 12): the classes of greetings dev13's misses and of the
names greet17 left open. Each is a rule for a class ("The Revd …" under the closing, another
language's hello opening an English mail, a display name that the mail writes with a legal
form, a first name of the other sex in the sender's country, a pietist name in -gott, names the
data read wrongly or not at all). The examples are written here, not copied from a table row.
"""

from __future__ import annotations

import pytest

from drafter.drafting.salutation import detect_register, greeting
from drafter.models import Address, InboundEmail


def _line(display: str, body: str, lang: str, address: str = "kunde@example.org") -> str:
    email = InboundEmail(from_=Address(name=display, email=address), body=body, language=lang)
    register = detect_register(email, lang, "sie" if lang == "de" else "you")
    return greeting(email, lang, register).first_line


_DE = "Guten Tag,\n\nwie kann ich meinen Abschlag ändern?\n\n"
_EN = "Hello,\n\nhow can I change my monthly payment?\n\n"


@pytest.mark.parametrize(
    ("display", "signed", "line"),
    [
        ("Alan Pike", "The Revd Alan Pike", "Dear Reverend Pike,"),
        ("Alan Pike", "The Reverend Alan Pike", "Dear Reverend Pike,"),
        ("", "The Rev. Susan Hale", "Dear Reverend Hale,"),
        # guards: "The" opens no other name
        ("", "The Mercury Team", "Dear Sir or Madam,"),
        ("", "Revd Alan Pike", "Dear Reverend Pike,"),
    ],
)
def test_the_revd_under_the_closing(display: str, signed: str, line: str) -> None:
    assert _line(display, _EN + "Yours sincerely,\n" + signed, "en") == line


@pytest.mark.parametrize(
    ("opening", "signed", "line"),
    [
        ("Hei!", "Cheers\nLars", "Hi Lars,"),
        ("Hej,", "Thanks\nLars", "Hi Lars,"),
        ("Ciao,", "Lars", "Hi Lars,"),
        ("Hola,", "gracias!\nLars", "Hi Lars,"),
        # guards: a full name signed, or an English formal opener next to it, stays formal
        ("Hej,", "Best regards\nLars Lindqvist", "Dear Mr Lindqvist,"),
        ("Hej / Hello,", "Regards\nLars", "Dear Mr Lindqvist,"),
        ("Hallo,", "Lars", "Dear Mr Lindqvist,"),
        ("Moin,", "Lars", "Dear Mr Lindqvist,"),
    ],
)
def test_another_languages_hello_counts_as_hi(opening: str, signed: str, line: str) -> None:
    body = f"{opening}\n\ndo you have a contract without a minimum term?\n\n{signed}"
    assert _line("Lars Lindqvist", body, "en") == line


@pytest.mark.parametrize(
    ("display", "signature", "lang", "line"),
    [
        (
            "Harbourline Boat Hire – Accounts",
            "Accounts Department\nHarbourline Boat Hire Ltd",
            "en",
            "Dear Sir or Madam,",
        ),
        ("Harbourline Boat Hire", "Harbourline Boat Hire Limited", "en", "Dear Sir or Madam,"),
        (
            "Seewind Bootsverleih",
            "Buchhaltung\nSeewind Bootsverleih GmbH & Co. KG",
            "de",
            "Sehr geehrte Damen und Herren,",
        ),
        # guards: a person's name with a firm named after it stays the person
        ("Anna Berg", "Anna Berg\nAnna Berg GmbH", "de", "Sehr geehrte Frau Berg,"),
        ("Kim Berg", "Kim Berg GmbH", "de", "Guten Tag Kim Berg,"),
        # the firm under a person's signature: the person
        (
            "Seewind Bootsverleih",
            "Jana Kruse\nSeewind Bootsverleih GmbH",
            "de",
            "Sehr geehrte Frau Kruse,",
        ),
    ],
)
def test_a_display_name_the_mail_writes_with_a_legal_form_is_the_firm(
    display: str, signature: str, lang: str, line: str
) -> None:
    closing = "Kind regards,\n" if lang == "en" else "Mit freundlichen Grüßen\n"
    assert _line(display, (_EN if lang == "en" else _DE) + closing + signature, lang) == line


@pytest.mark.parametrize(
    ("display", "address", "lang", "line"),
    [
        ("Janne Virtanen", "janne.virtanen@example.fi", "en", "Dear Janne Virtanen,"),
        ("Kari Mäkinen", "kari@example.fi", "de", "Guten Tag Kari Mäkinen,"),
        ("Darci Moura", "darci.moura@example.com.br", "en", "Dear Darci Moura,"),
        ("Michele Russo", "m.russo@example.it", "en", "Dear Michele Russo,"),
        ("Jean Lefèvre", "jean.lefevre@example.fr", "en", "Dear Jean Lefèvre,"),
        ("Eli Haugen", "eli.haugen@example.no", "en", "Dear Eli Haugen,"),
        # guards: the same names from other countries keep the data's reading
        ("Janne Virtanen", "janne.virtanen@example.de", "en", "Dear Ms Virtanen,"),
        ("Michele Russo", "m.russo@example.com", "en", "Dear Ms Russo,"),
        ("Kari Nordmann", "kari@example.no", "de", "Sehr geehrte Frau Nordmann,"),
    ],
)
def test_a_first_name_of_the_other_sex_in_the_senders_country_is_neutral(
    display: str, address: str, lang: str, line: str
) -> None:
    body = (_EN + "Best regards,\n" if lang == "en" else _DE + "Viele Grüße\n") + display
    assert _line(display, body, lang, address) == line


def test_the_mail_still_says_the_sex_of_a_name_unclear_abroad() -> None:
    body = _DE + "Mit freundlichen Grüßen\nInge Haugen (Herr)"
    assert _line("Inge Haugen", body, "de", "inge@example.no") == "Sehr geehrter Herr Haugen,"


@pytest.mark.parametrize(
    ("display", "lang", "line"),
    [
        ("Traugott Wiesner", "de", "Sehr geehrter Herr Wiesner,"),
        ("Fürchtegott Lenz", "de", "Sehr geehrter Herr Lenz,"),
        ("Traugott Wiesner", "en", "Dear Mr Wiesner,"),
    ],
)
def test_a_pietist_name_in_gott_is_a_mans(display: str, lang: str, line: str) -> None:
    body = (_EN + "Best regards,\n" if lang == "en" else _DE + "Viele Grüße\n") + display
    assert _line(display, body, lang) == line


@pytest.mark.parametrize(
    ("display", "signed", "lang", "line"),
    [
        ("Sepp Gruber", 'Josef "Sepp" Gruber', "de", "Sehr geehrter Herr Gruber,"),
        ("", "Josef „Sepp“ Gruber", "de", "Sehr geehrter Herr Gruber,"),
        ("", "Margaret 'Peggy' Hall", "en", "Dear Ms Hall,"),
        ("", "„Anna Berg“", "de", "Sehr geehrte Frau Berg,"),
        ('Josef "Sepp" Gruber', "", "de", "Sehr geehrter Herr Gruber,"),
        # guard: an apostrophe inside a family name is no quote
        ("", "Anna O'Neill", "en", "Dear Ms O'Neill,"),
    ],
)
def test_a_nickname_in_quotes_is_no_part_of_the_name(
    display: str, signed: str, lang: str, line: str
) -> None:
    body = (_EN + "Kind regards,\n" if lang == "en" else _DE + "Mit freundlichen Grüßen\n") + signed
    assert _line(display, body.rstrip(), lang) == line


@pytest.mark.parametrize(
    ("display", "lang", "line"),
    [
        ("Tamar Weiss", "en", "Dear Ms Weiss,"),
        ("Fenella Quayle", "en", "Dear Ms Quayle,"),
        ("Ícaro Mendes", "de", "Sehr geehrter Herr Mendes,"),
        ("Schorsch Huber", "de", "Sehr geehrter Herr Huber,"),
        ("Awino Ouma", "en", "Dear Ms Ouma,"),
        ("Owino Akinyi", "en", "Dear Mr Akinyi,"),
        ("Apiyo Otieno", "de", "Sehr geehrte Frau Otieno,"),
    ],
)
def test_names_the_data_leave_unclear_or_do_not_hold(display: str, lang: str, line: str) -> None:
    body = (_EN + "Best regards,\n" if lang == "en" else _DE + "Viele Grüße\n") + display
    assert _line(display, body, lang) == line


@pytest.mark.parametrize(
    ("last", "lang", "line"),
    [
        (
            "Mit freundlichen Grüßen Holger Witt Lindenweg 4, 24103 Kiel",
            "de",
            "Sehr geehrter Herr Witt,",
        ),
        ("Viele Grüße Holger Witt Am Markt 4 24103 Kiel", "de", "Sehr geehrter Herr Witt,"),
        ("Kind regards Susan Hale, 12 Mill Lane, Leeds", "en", "Dear Ms Hale,"),
        ("Regards, Susan Hale, 12 Mill Lane, Leeds", "en", "Dear Ms Hale,"),
        # the possessive after the closing names the sex ("Ihr" a man) and is no name
        (
            "Mit freundlichen Grüßen Ihr Sascha Brandl Lindenweg 4, 24103 Kiel",
            "de",
            "Sehr geehrter Herr Brandl,",
        ),
        ("Mit freundlichen Grüßen Ihr Sascha Brandl", "de", "Sehr geehrter Herr Brandl,"),
        ("Viele Grüße Ihre Kim Brandl", "de", "Sehr geehrte Frau Brandl,"),
        # a bare "Str." belongs to the word before it: "Anna" alone signed, no family name
        (
            "Mit freundlichen Grüßen\nAnna Kolberger Str. 9 24148 Kiel",
            "de",
            "Sehr geehrte Damen und Herren,",
        ),
        ("Gruß Anna Kolberger Str. 9 24148 Kiel", "de", "Sehr geehrte Damen und Herren,"),
        # guards: where the greeting comes from is no name
        ("Viele Grüße aus dem Lindenweg 4, 24103 Kiel", "de", "Sehr geehrte Damen und Herren,"),
        ("MfG\nHolger Witt, Lindenweg 4, 24103 Kiel", "de", "Sehr geehrter Herr Witt,"),
    ],
)
def test_a_name_between_the_closing_and_an_address_on_one_line(
    last: str, lang: str, line: str
) -> None:
    assert _line("", (_EN if lang == "en" else _DE) + last, lang) == line


@pytest.mark.parametrize(
    ("address", "body", "lang", "line"),
    [
        (
            "d.kovac.kiel@example.net",
            "Strom 1NLT004411 23051 kWh am 30.11.\nDragan Kovač Birkenweg 12 24211 Preetz\n"
            "bitte so buchen, Abschlag bleibt",
            "de",
            "Sehr geehrter Herr Kovač,",
        ),
        (
            "ruth.pike@example.net",
            "Meter reading 4471 on 30 Nov.\nRuth Pike, 12 Mill Lane, Leeds\nno rush, thanks",
            "en",
            "Dear Ms Pike,",
        ),
        # guards: a name the mail address does not hold is someone else's (a tenant), and a
        # firm's line is no person
        (
            "d.kovac.kiel@example.net",
            "Guten Tag,\nmein Mieter Jan Berg Birkenweg 12 24211 Preetz zahlt nicht. Was tun?",
            "de",
            "Sehr geehrte Damen und Herren,",
        ),
        (
            "info@kfz-kovac.example.net",
            "Strom weg.\nKfz-Werkstatt Kovac, Birkenweg 12, 24211 Preetz\nbitte melden",
            "de",
            "Sehr geehrte Damen und Herren,",
        ),
    ],
)
def test_the_senders_own_name_and_address_line_in_an_unsigned_mail(
    address: str, body: str, lang: str, line: str
) -> None:
    assert _line("", body, lang, address) == line


@pytest.mark.parametrize(
    ("display", "signed", "lang", "line"),
    [
        ("Olga Petrova", "Ольга Петрова (Olga Petrowa)", "de", "Sehr geehrte Frau Petrowa,"),
        ("", "Νίκος Παππάς (Nikos Pappas)", "en", "Dear Mr Pappas,"),
        ("Olga Petrova", "Ольга Петрова", "de", "Sehr geehrte Frau Petrova,"),
        # guard: nothing in Latin letters, the name stays as written and neutral
        ("Ольга Петрова", "Ольга Петрова", "de", "Guten Tag Ольга Петрова,"),
    ],
)
def test_a_name_signed_in_another_script(display: str, signed: str, lang: str, line: str) -> None:
    closing = "Kind regards,\n" if lang == "en" else "Mit freundlichen Grüßen\n"
    assert _line(display, (_EN if lang == "en" else _DE) + closing + signed, lang) == line


@pytest.mark.parametrize(
    ("display", "signed", "lang", "line"),
    [
        ("Taras Hrytsenko", "Hrytsenko T.", "de", "Sehr geehrter Herr Hrytsenko,"),
        ("Anna Berg", "Berg A.", "de", "Sehr geehrte Frau Berg,"),
        # guard: another initial is another person of the family, of no known sex
        ("Anna Berg", "Berg T.", "de", "Sehr geehrte Damen und Herren,"),
    ],
)
def test_family_name_signed_first_then_the_given_names_initial(
    display: str, signed: str, lang: str, line: str
) -> None:
    body = _DE + "Vielen Dank\n" + signed + "\nTel 0151 1234567"
    assert _line(display, body, lang) == line


@pytest.mark.parametrize(
    ("display", "lang", "line"),
    [
        ("Claas Thöming", "de", "Sehr geehrter Herr Thöming,"),  # c for k: Klaas
        ("Tobiasz Nowicki", "en", "Dear Mr Nowicki,"),  # Polish -sz
        ("Bartholomäus Zych", "de", "Sehr geehrter Herr Zych,"),
    ],
)
def test_more_names_the_data_do_not_hold(display: str, lang: str, line: str) -> None:
    body = (_EN + "Best regards,\n" if lang == "en" else _DE + "Viele Grüße\n") + display
    assert _line(display, body, lang) == line
