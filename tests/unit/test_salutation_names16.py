"""Greetings, session 14 round (issue 12): the same person under two writings of a name.

A display name that gives the family name as an initial ("Anna B.") while the sign-off writes
it out; a sign-off of initials ("H. F.-L.") or of a short form ("Matze", "Bine") under the
display name's full name; a first given name of clear sex in one language only with a middle
name that tells ("Ali Reza"); and a given name rare in the US births but given to one sex
only. Found on the development mails (benchmarks/data/privacy/dev*, no table row changed);
the examples are written here, not copied from a mail.
"""

from __future__ import annotations

import pytest

from drafter.drafting.salutation import detect_register, greeting
from drafter.models import Address, InboundEmail


def _reply(
    display: str, body: str, lang: str, address: str = "kunde@example.org", quoted: str = ""
) -> tuple[str, str]:
    email = InboundEmail(
        from_=Address(name=display, email=address), body=body, quoted=quoted, language=lang
    )
    register = detect_register(email, lang, "sie")
    return register, greeting(email, lang, register).first_line


_DE = "Guten Tag,\n\nwie kann ich meinen Abschlag ändern?\n\n"
_EN = "Hello,\n\nhow can I change my monthly payment?\n\n"


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # the family name as an initial in the display name, written out under the closing
        (
            "Greta S.",
            _DE + "Mit freundlichen Grüßen\nGreta Sollmann",
            "de",
            "Sehr geehrte Frau Sollmann,",
        ),
        ("Owen T.", _EN + "Kind regards,\nOwen Treharne", "en", "Dear Mr Treharne,"),
        ("nadia k", _EN.lower() + "thanks a lot\nnadia kowalczyk", "en", "Dear Ms Kowalczyk,"),
        ("Familie H.", _DE + "Viele Grüße\nFamilie Hansing", "de", "Sehr geehrte Familie Hansing,"),
        # the display name's initials signed: the same person
        (
            "Hauke Feddersen-Lund",
            _DE + "Bitte kurz melden.\nH. F.-L.",
            "de",
            "Sehr geehrter Herr Feddersen-Lund,",
        ),
        # a short form of the display's first name signed: the same person, the sex from the
        # display name
        ("Matthias Voigt", _DE + "Gruß\nMatze Voigt", "de", "Sehr geehrter Herr Voigt,"),
        (
            "Gabi Lorenzen",
            _DE + "Mit freundlichen Grüßen\nGabriele Lorenzen",
            "de",
            "Sehr geehrte Frau Lorenzen,",
        ),
        # a first given name of no clear sex in English, the middle name tells
        ("Ali Reza Tehrani", _EN + "Kind regards,\nAli Reza Tehrani", "en", "Dear Mr Tehrani,"),
        # a given name rare in the US births (10 girls) but of one sex only
        ("Yaroslava Melnyk", _EN + "Kind regards,\nYaroslava Melnyk", "en", "Dear Ms Melnyk,"),
    ],
)
def test_one_person_under_two_writings_of_the_name(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _reply(display, body, lang)[1] == line


def test_a_short_form_from_the_end_of_the_name() -> None:
    body = "Moin,\n\nist der Abschlag von 96 EUR noch passend?\n\nViele Grüße\nBine Lorenzen"
    assert _reply("Sabine Lorenzen", body, "de")[1] == "Sehr geehrte Frau Lorenzen,"


@pytest.mark.parametrize(
    ("display", "body", "lang", "expected"),
    [
        # an informal reply keeps the short form the customer signed with
        (
            "Matthias Voigt",
            "Hallo,\n\nkannst du mir helfen?\n\nGruß\nMatze Voigt",
            "de",
            ("du", "Hallo Matze,"),
        ),
        # guards: a first name of the other sex is another person (a wife from his account)
        (
            "Christian Ahrens",
            _DE + "Mit freundlichen Grüßen\nChristine Ahrens",
            "de",
            ("sie", "Sehr geehrte Frau Ahrens,"),
        ),
        # another family name is another person, whatever the first names
        (
            "Anna B.",
            _DE + "Mit freundlichen Grüßen\nAnneliese Kruse",
            "de",
            ("sie", "Sehr geehrte Frau Kruse,"),
        ),
        # an initial nobody writes out stays no family name to greet with
        ("Samira H.", _EN + "Thanks,\nSamira", "en", ("you", "Dear Sir or Madam,")),
        # a middle name of the other sex does not overrule a first name that tells
        (
            "Anna Paul Berg",
            _DE + "Mit freundlichen Grüßen\nAnna Paul Berg",
            "de",
            ("sie", "Sehr geehrte Frau Berg,"),
        ),
    ],
)
def test_guards(display: str, body: str, lang: str, expected: tuple[str, str]) -> None:
    assert _reply(display, body, lang) == expected


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # a writer who uses capitals in the mail but not in the closing and the name
        (
            "hanna",
            "Hallo,\n\nich bin nach Kiel umgezogen, bitte alles auf Nordlicht Öko.\n"
            "lg hanna brodersen",
            "de",
            "Sehr geehrte Frau Brodersen,",
        ),
        (
            "Ortwin Kley",
            _DE + "mit freundlichen grüßen\ndr. med. ortwin kley",
            "de",
            "Sehr geehrter Herr Dr. Kley,",
        ),
        (
            "Reinhild Marx",
            _DE + "mit freundlichen grüßen prof. dr. reinhild marx",
            "de",
            "Sehr geehrte Frau Prof. Dr. Marx,",
        ),
        ("Robert Whitlock", _EN + "sincerely\nrobert l. whitlock jr.", "en", "Dear Mr Whitlock,"),
        # guard: a lowercase closing with no name after it
        ("Jana Petersen", _DE + "viele grüße an alle", "de", "Sehr geehrte Frau Petersen,"),
    ],
)
def test_a_sign_off_in_lowercase_in_a_mail_with_capitals(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _reply(display, body, lang)[1] == line


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # the address on the name's line, under a closing or at the end of the mail
        (
            "",
            _DE + "Mit freundlichen Grüßen\nHelga Voss, Hauptstraße 5, 24103 Kiel",
            "de",
            "Sehr geehrte Frau Voss,",
        ),
        (
            "",
            "Guten Tag,\n\nbitte den Abschlag senken. Danke.\nHelga Voss, Hauptstr. 5, 24103 Kiel",
            "de",
            "Sehr geehrte Frau Voss,",
        ),
        (
            "mausi1979",
            "Hallo,\n\nbitte Abschlag senken.\nKd 1234 56\n"
            "Ulla Sommer, Kolberger Str. 9, 24148 Kiel",
            "de",
            "Sehr geehrte Frau Sommer,",
        ),
        (
            "",
            _EN + "Kind regards,\nOwen Treharne, 14 Heol y Coed Road, Cardiff",
            "en",
            "Dear Mr Treharne,",
        ),
        # a couple whose family name is written once, after the first of them
        (
            "Hülya Aksoy",
            "Hallo liebes Service-Team,\n\nwir ziehen um.\n\nViele Grüße\nHülya Aksoy und Emre",
            "de",
            "Sehr geehrte Frau Aksoy, sehr geehrter Herr Aksoy,",
        ),
        (
            "Sarah Pike",
            _EN + "Kind regards,\nSarah Pike and Tom",
            "en",
            "Dear Ms Pike and Mr Pike,",
        ),
        # guards: a firm or a sentence before the address is no name
        (
            "",
            _DE + "Mit freundlichen Grüßen\nJessen GmbH, Hauptstraße 5, 24103 Kiel",
            "de",
            "Sehr geehrte Damen und Herren,",
        ),
        (
            "",
            "Guten Tag,\n\nbitte den Abschlag senken.\n"
            "Lieferadresse bleibt, Hauptstraße 5, 24103 Kiel",
            "de",
            "Sehr geehrte Damen und Herren,",
        ),
        (
            "Anna Berg",
            "Guten Tag,\n\nwir ziehen um.\n\nViele Grüße\nAnna Berg und Team",
            "de",
            "Sehr geehrte Frau Berg,",
        ),
    ],
)
def test_a_name_with_its_address_and_a_couple_named_once(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _reply(display, body, lang)[1] == line


_OUR_DU = (
    "Am 3.11. schrieb Stadtwerke:\n> Hallo Mats,\n> schick uns bitte ein Foto von deinem Zähler."
)


def test_an_environment_line_says_no_sie_to_us() -> None:
    """The newest mail has no signal but the line a mail program adds under the name; our own
    earlier Du decides."""
    body = (
        "Hallo,\n\nhier das Foto vom Zähler. Reicht das so?\n\nMats\n\n"
        "Bitte denken Sie an die Umwelt, bevor Sie diese E-Mail ausdrucken."
    )
    assert _reply("Mats Reinholz", body, "de", quoted=_OUR_DU) == ("du", "Hallo Mats,")


@pytest.mark.parametrize(
    ("display", "body", "lang", "expected"),
    [
        (
            "Eilidh Grant",
            "Hi,\n\ncan you merge our two accounts?\n\nEilidh\n\n"
            "Please consider the environment before printing this e-mail.",
            "en",
            ("you_informal", "Hi Eilidh,"),
        ),
        # an antivirus line under a separator
        (
            "Eilidh Grant",
            "Hi,\n\ncan you merge our two accounts?\n\nEilidh & Ross\n\n--\n"
            "This email has been checked for viruses by Avast antivirus software.\nwww.avast.com",
            "en",
            ("you_informal", "Hi Eilidh and Ross,"),
        ),
        # two closings on one line, in two languages
        (
            "",
            _DE + "Mit freundlichen Grüßen / Kind regards\nTanja Vollrath",
            "de",
            ("sie", "Sehr geehrte Frau Vollrath,"),
        ),
        (
            "Nils Ekberg",
            "Hej,\n\nwir ziehen um.\n\nVänliga hälsningar / Viele Grüße\nNils und Frida Ekberg",
            "de",
            ("sie", "Sehr geehrte Frau Ekberg, sehr geehrter Herr Ekberg,"),
        ),
        # guard: the customer's own sentence about printing stays hers
        (
            "Jonas Wiebe",
            "Hallo,\n\nich kann die Rechnung nicht ausdrucken. Können Sie sie mir per Post"
            " schicken?\n\nGruß Jonas Wiebe",
            "de",
            ("sie", "Sehr geehrter Herr Wiebe,"),
        ),
    ],
)
def test_mail_program_lines_and_two_closings(
    display: str, body: str, lang: str, expected: tuple[str, str]
) -> None:
    assert _reply(display, body, lang) == expected


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # a signature line that goes on after "|" or "·" with a place, a job or the firm
        ("", _EN + "Regards\nAnna Kettering | Kiel", "en", "Dear Ms Kettering,"),
        (
            "",
            _DE + "Mit freundlichen Grüßen\nKarin de Vries · Hausverwaltung · Kiel",
            "de",
            "Sehr geehrte Frau de Vries,",
        ),
        # guard: a firm's or a product's name before the bar is no person
        (
            "",
            _DE + "Viele Grüße\nNordlicht Basis · Abschlag · SEPA",
            "de",
            "Sehr geehrte Damen und Herren,",
        ),
    ],
)
def test_a_signature_line_continued_after_a_bar(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _reply(display, body, lang)[1] == line


@pytest.mark.parametrize(
    ("display", "body", "line"),
    [
        # a one-line mail signed inline with no end of a sentence before the closing
        (
            "Kemal",
            "zählerstand gas 8841,3 m3 zähler 1NLT0062 gruss kemal yilmaz",
            "Sehr geehrter Herr Yilmaz,",
        ),
        # guards: greetings sent to someone else, a single word after the closing
        (
            "Tom Krüger",
            "Guten Tag,\n\nder Zählerstand ist 4711 und viele Grüße an Anna Berg",
            "Sehr geehrter Herr Krüger,",
        ),
        ("Tom Krüger", "zählerstand 4711 gruß tom", "Sehr geehrter Herr Krüger,"),
    ],
)
def test_a_one_line_mail_signed_without_a_full_stop(display: str, body: str, line: str) -> None:
    assert _reply(display, body, "de")[1] == line


@pytest.mark.parametrize(
    ("display", "body", "lang", "expected"),
    [
        # the utility's customer and contract numbers under the name ("KD-…", "VN-…")
        (
            "Florian Weidemann",
            "Hallo nochmal,\n\nkann es sein, dass ihr das aufs alte Konto "
            "überwiesen habt?\n\nFlorian Weidemann\nKD-3908871",
            "de",
            ("sie", "Sehr geehrter Herr Weidemann,"),
        ),
        (
            "Jonas Ekberg",
            "hey,\n\ndo I need a new router for 1000?\n\njonas\nKD-1628850 VN-5510398",
            "en",
            ("you_informal", "Hi Jonas,"),
        ),
        (
            "",
            "Guten Tag,\n\nwie hoch ist mein Abschlag?\nAnja Kruse\nKundennr. KD-1234567",
            "de",
            ("sie", "Sehr geehrte Frau Kruse,"),
        ),
        # a district and town under the name, and at the end of an unsigned mail
        (
            "",
            "Guten Tag,\n\nwie hoch ist mein Abschlag?\nAnja Kruse\nGaarden, Kiel",
            "de",
            ("sie", "Sehr geehrte Frau Kruse,"),
        ),
        ("Anja Kruse", _DE + "Gaarden, Kiel", "de", ("sie", "Sehr geehrte Frau Kruse,")),
        # guard: a name written family name first stays a name
        (
            "",
            _DE + "Mit freundlichen Grüßen\nKruse, Anja",
            "de",
            ("sie", "Sehr geehrte Frau Kruse,"),
        ),
    ],
)
def test_numbers_and_places_under_the_name(
    display: str, body: str, lang: str, expected: tuple[str, str]
) -> None:
    assert _reply(display, body, lang) == expected
