"""Greetings and register, round of dev12 (issue 12, session 13): English couples joined with
"and", organisations, courts and offices that are no person to greet, kisses before the signed
name, any adjective before "Grüße", a trade before the name. dev12's out-of-sample figure is
in benchmarks/bench_greetings.py (FIRST_DEV12: 97/100 with main 88841f5 before any row was
read). The examples are written here, not copied from a table.
"""

from __future__ import annotations

import pytest

from benchmarks.bench_greetings import DATA, OLD_LABELS, read_rows, score_row
from drafter.closings import CUSTOMER_CLOSING, SIGN_OFF
from drafter.drafting.salutation import detect_register, greeting
from drafter.drafting.signature_marks import undecorate
from drafter.models import Address, InboundEmail


def _reply(display: str, body: str, lang: str, quoted: str = "") -> tuple[str, str]:
    email = InboundEmail(
        from_=Address(name=display, email="kunde@example.org"),
        body=body,
        quoted=quoted,
        language=lang,
    )
    register = detect_register(email, lang, "sie")
    return register, greeting(email, lang, register).first_line


_EN = "Dear Sir or Madam,\n\nWe are moving out on 3 March. What do we need to do?\n\n"
_DE = "Sehr geehrte Damen und Herren,\n\nwir ziehen zum 1. März um. Was müssen wir tun?\n\n"


@pytest.mark.parametrize(
    ("display", "body", "line"),
    [
        # a couple of one family name who do not write "Mrs": "and", the woman first
        ("Gareth Pennington", _EN + "Kind regards,\nGareth and Wendy Pennington",
         "Dear Ms Pennington and Mr Pennington,"),
        ("Moira and Callum Frazer", _EN + "Regards", "Dear Ms Frazer and Mr Frazer,"),
        # first names only under an address that names nobody
        ("", _EN + "Best wishes,\nIngrid and Bram", "Dear Ingrid and Bram,"),
        # guards: "Mrs" written, two family names, informal, and German keeps its own form
        ("Mr & Mrs Pennington", _EN + "Kind regards", "Dear Mr and Mrs Pennington,"),
        # "(Mr & Mrs)" after the signed names is "Mrs" written
        ("Gareth Pennington", _EN + "Kind regards,\nGareth & Wendy Pennington (Mr & Mrs)",
         "Dear Mr and Mrs Pennington,"),
        ("Wendy Lusk", _EN + "Kind regards,\nWendy Lusk and Gareth Owen",
         "Dear Ms Lusk and Mr Owen,"),
        ("Gül Öztürk", _DE + "Viele Grüße\nGül und Serkan Öztürk",
         "Sehr geehrte Frau Öztürk, sehr geehrter Herr Öztürk,"),
    ],
)  # fmt: skip
def test_english_couples_are_joined_with_and(display: str, body: str, line: str) -> None:
    lang = "de" if body.startswith("Sehr") else "en"
    assert _reply(display, body, lang)[1] == line


@pytest.mark.parametrize(
    ("display", "body", "line"),
    [
        # a family signing from one person's account: the one who signs is greeted
        ("Anna Smith", _EN + "Kind regards,\nThe Smith family", "Dear Smith family,"),
        ("Anna Smith", _EN + "Kind regards,\nThe Smith family (Anna, Tom, Lily)",
         "Dear Smith family,"),
        ("Anna Berg", _DE + "Viele Grüße\nFamilie Berg", "Sehr geehrte Familie Berg,"),
        # a couple signing with first names only under her account (main: "Dear Anna, dear Tom,")
        ("Anna Smith", _EN + "Kind regards,\nAnna and Tom", "Dear Anna and Tom,"),
    ],
)  # fmt: skip
def test_a_family_signing_from_a_persons_account(display: str, body: str, line: str) -> None:
    lang = "de" if body.startswith("Sehr") else "en"
    assert _reply(display, body, lang)[1] == line


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # the last line of a mail without a closing is no name when it is a sentence
        ("Petra Janssen", "Bitte keine Werbung mehr.\n\nKein Katalog, keine Anrufe. Bitte "
         "bestätigen.", "de", "Sehr geehrte Frau Janssen,"),
        ("Petra Janssen", "Bitte stellen Sie den Abschlag um.\n\nTarif Nordlicht Plus, Abschlag "
         "52 EUR.", "de", "Sehr geehrte Frau Janssen,"),
        # a court, a statutory body or a law firm under the name is never the person
        ("Petra Janssen", "Bitte schicken Sie die Post an mich.\n\nDas Verfahren läuft:\n"
         "Landgericht Lübeck", "de", "Sehr geehrte Frau Janssen,"),
        # (a guard: the signer under a closing was read before)
        ("Brackley Law LLP", "Dear Sirs,\n\nWe act for our client.\n\nYours faithfully,\n\n"
         "Claire Dunmore\nAssociate Solicitor\nBrackley Law LLP", "en", "Dear Ms Dunmore,"),
        ("Brackley Law LLP", "Dear Sirs,\n\nWe act for our client.\n\nBrackley Law LLP", "en",
         "Dear Sir or Madam,"),
        # a firm's legal footer under the name is skipped like an address
        ("Ahlers Haustechnik GmbH", "Moin,\n\nwir brauchen einen Zählerwechsel.\n\nGruß\n"
         "Torben Ahlers\nGeschäftsführer\nTel. 0431 7788-1\nUSt-IdNr. DE 123 456 789\n"
         "HRB 4711 KI\nAmtsgericht Kiel", "de", "Sehr geehrter Herr Ahlers,"),
        # a job before the firm on one line is the job under the name
        ("Imogen Hartley", "Is the letter about the meter genuine?\n\nImogen Hartley\n"
         "Research Assistant, Institute of Marine Biology", "en", "Dear Ms Hartley,"),
        # a club's abbreviation is no family name
        ("KGV Elmschenhagen / Heiko Brandt", _DE + "Mit freundlichen Grüßen\nHeiko Brandt",
         "de", "Sehr geehrter Herr Brandt,"),
    ],
)  # fmt: skip
def test_an_organisation_is_no_person_to_greet(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _reply(display, body, lang)[1] == line


@pytest.mark.parametrize(
    ("display", "body", "lang", "expected"),
    [
        # kisses before the signed name
        ("Mariam Qureshi", "Heyyy,\n\ndid you get my meter photo?\n\nxx Mariam", "en",
         ("you_informal", "Hi Mariam,")),
        ("Jess Pallister", "Hi,\n\nis the app down again?\n\nxoxo Jess", "en",
         ("you_informal", "Hi Jess,")),
        # any adjective before "Grüße"; a role in brackets after the name stays with it
        ("Segelclub Möltenort e.V.", "Moin ihr,\n\nmacht ihr uns ein Angebot für das "
         "Vereinsheim?\n\nMaritime Grüße\nFiete (Vorsitzender)", "de", ("du", "Hallo Fiete,")),
        ("Praxis Dr. Voigt", "Sehr geehrte Damen und Herren,\n\nbitte stellen Sie den Vertrag um."
         "\n\nMit kollegialen Grüßen\nDr. Lena Voigt\nFachärztin für Innere Medizin\n"
         "Ärztekammer Schleswig-Holstein", "de", ("sie", "Sehr geehrte Frau Dr. Voigt,")),
        # the old formal closing, and "Wwe." (widow) after the name
        ("Hildegard Sörensen", "Sehr geehrte Damen und Herren,\n\nich bitte um Rückruf.\n\n"
         "Hochachtungsvoll\nHildegard Sörensen Wwe.\nTel. 0431 123456", "de",
         ("sie", "Sehr geehrte Frau Sörensen,")),
        # a trade before the name (guard: "Meister" as a family name)
        ("Malerbetrieb Vogt GmbH", _DE + "Mit freundlichen Grüßen\nMalermeister Jens-Ole Vogt",
         "de", ("sie", "Sehr geehrter Herr Vogt,")),
        ("Malerbetrieb Vogt GmbH", _DE + "Mit freundlichen Grüßen\nMalermeisterin Kim Vogt",
         "de", ("sie", "Guten Tag Kim Vogt,")),
        ("Vogt Architekten", _DE + "Mit freundlichen Grüßen\nArchitekt Dr. Jens Vogt", "de",
         ("sie", "Sehr geehrter Herr Dr. Vogt,")),
        ("Kai Meister", _DE + "Mit freundlichen Grüßen\nKai Meister", "de",
         ("sie", "Guten Tag Kai Meister,")),
        # the firm, its web address or mail address under the name, without a closing line
        ("Berg Haustechnik GmbH", "Moin,\n\nwann kommt der Zählerwechsel?\n\nJan Berg\n"
         "Berg Haustechnik GmbH\nwww.berg-haustechnik.example", "de",
         ("sie", "Sehr geehrter Herr Berg,")),
        ("Ingrid Solberg", "Hi,\n\ncould you resend the bill?\n\nIngrid\nSolberg Yoga Studio\n"
         "ingrid@solberg-yoga.example", "en", ("you_informal", "Hi Ingrid,")),
        # guard: a firm under a closing signs itself
        ("Berg Haustechnik GmbH", "Moin,\n\nwann kommt der Zählerwechsel?\n\nViele Grüße\n"
         "Berg Haustechnik GmbH", "de", ("sie", "Sehr geehrte Damen und Herren,")),
        # the closing and a long name or a couple on one line
        ("Kanzlei von der Heide", _DE + "Freundliche Grüße, Dr. Wiebke von der Heide", "de",
         ("sie", "Sehr geehrte Frau Dr. von der Heide,")),
        ("Jonas Pries", _DE + "Viele Grüße, Merle Vosgerau und Jonas Pries", "de",
         ("sie", "Sehr geehrte Frau Vosgerau, sehr geehrter Herr Pries,")),
        ("Hannah Fairclough", _EN + "Kind regards, Hannah Fairclough and Obinna Eze", "en",
         ("you", "Dear Ms Fairclough and Mr Eze,")),
        # a note of the attachment, a mail program's footer under a separator
        ("Ingrid Solberg", "Hi,\n\nhere is the meter photo.\n\nIngrid\n\nAttachment: meter.jpg",
         "en", ("you_informal", "Hi Ingrid,")),
        ("Ingrid Solberg", "Hi,\n\nhere is the meter photo.\n\nIngrid\n__________\nSent with "
         "Proton Mail secure email.", "en", ("you_informal", "Hi Ingrid,")),
        # a postscript under the name: the name is above it
        ("Ingrid Solberg", "Hi,\n\ncould you resend the bill?\n\nIngrid\n\nPS: The letter from "
         "the county court is attached.", "en", ("you_informal", "Hi Ingrid,")),
        ("Uwe Claußen", "Guten Tag,\n\nbei mir ist der Strom weg.\n\nUwe Claußen\n\nP.S. "
         "Das Schreiben vom Amtsgericht liegt bei.", "de", ("sie", "Sehr geehrter Herr Claußen,")),
        ("Moin Moin", "Guten Tag,\n\nbei mir ist der Strom weg.\n\nUwe Claußen\n\nPS: "
         "Bitte rufen Sie an.", "de", ("sie", "Sehr geehrter Herr Claußen,")),
    ],
)  # fmt: skip
def test_what_surrounds_the_signed_name(
    display: str, body: str, lang: str, expected: tuple[str, str]
) -> None:
    assert _reply(display, body, lang) == expected


@pytest.mark.parametrize(
    ("display", "body", "expected"),
    [
        # a sign-off in capitals loses letters ("I" for "ı", "SS" for "ß"): the display name of
        # the same person keeps the spelling, and a title in capitals is written as a title
        ("Gönül Kılınç", _DE + "Mit freundlichen Grüßen\nGÖNÜL KILINÇ",
         ("sie", "Sehr geehrte Frau Kılınç,")),
        ("Jürgen Strauß", _DE + "Mit freundlichen Grüßen\nJÜRGEN STRAUSS",
         ("sie", "Sehr geehrter Herr Strauß,")),
        ("Stefan Huber", _DE + "Mit freundlichen Grüßen\nMAG. STEFAN HUBER",
         ("sie", "Sehr geehrter Herr Huber,")),
        ("Işıl Doğan", "Hallo,\n\nkannst du mir die Rechnung schicken?\n\nLG, IŞIL",
         ("du", "Hallo Işıl,")),
        # the other way round: a display name in capitals, the sign-off keeps the letters and
        # the title (guards: "AZAD AYDIN", "GESCHE VOSS" were right before)
        ("AZAD AYDIN", _DE + "Mit freundlichen Grüßen\nAzad Aydın",
         ("sie", "Sehr geehrter Herr Aydın,")),
        ("GESCHE VOSS", _DE + "Freundliche Grüße\nDr. Gesche Voß",
         ("sie", "Sehr geehrte Frau Dr. Voß,")),
        ("MAG. SABINE GRUBER", _DE + "Mit freundlichen Grüßen\nMag. Sabine Gruber",
         ("sie", "Sehr geehrte Frau Gruber,")),
    ],
)  # fmt: skip
def test_a_sign_off_in_capitals(display: str, body: str, expected: tuple[str, str]) -> None:
    assert _reply(display, body, "de") == expected


@pytest.mark.parametrize(
    ("display", "body", "lang", "expected"),
    [
        # a writer without capitals signs with a short form of the display name's first name
        ("Imogen Farley", "hi, did my reading go through?\n\ncheers, immy", "en",
         ("you_informal", "Hi Immy,")),
        ("Maximilian Roth", "hi, könnt ihr mir die rechnung schicken?\n\nmaxi", "de",
         ("du", "Hallo Maxi,")),
        ("Bartholomew Reed", "hi, is the app down?\n\nta, barty", "en",
         ("you_informal", "Hi Barty,")),
        # guards: a word of two letters alone, a word that does not start like the name
        ("Oksana Berg", "hi, is the app down?\n\nok", "en", ("you", "Dear Ms Berg,")),
        ("Imogen Farley", "hi, did my reading go through?\n\ncheers, bee", "en",
         ("you", "Dear Ms Farley,")),
    ],
)  # fmt: skip
def test_a_lowercase_short_form_of_the_first_name(
    display: str, body: str, lang: str, expected: tuple[str, str]
) -> None:
    assert _reply(display, body, lang) == expected


_NOTICE_DE = (
    "\n\nDiese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige "
    "Adressat sind, informieren Sie bitte sofort den Absender."
)
_NOTICE_EN = (
    "\n\nThis e-mail and any attachments are confidential. If you are not the intended "
    "recipient, please notify the sender and delete it."
)


@pytest.mark.parametrize(
    ("display", "body", "lang", "expected"),
    [
        # a confidentiality notice under the name: no signer, and its "Sie" is not ours (the
        # first and third case are guards: a Du in the text won before)
        ("Mats Reinholz", "Hallo,\n\nhast du das Foto vom Zähler bekommen?\n\nMats" + _NOTICE_DE,
         "de", ("du", "Hallo Mats,")),
        # a neutral mail in a Du thread: the notice's "Sie" does not end the Du
        ("Lotte Carstens", "Hier das Foto.\n\nLotte" + _NOTICE_DE, "de", ("du", "Hallo Lotte,")),
        ("Ingrid Solberg", "Hi,\n\ncould you resend the bill?\n\nIngrid" + _NOTICE_EN, "en",
         ("you_informal", "Hi Ingrid,")),
        ("Mats Reinholz", "Hallo,\n\nhabt ihr das Foto bekommen?\n\nLG\nMats" + _NOTICE_DE,
         "de", ("du", "Hallo Mats,")),
        # guard: the customer's own sentence about confidential data stays his
        ("Mats Reinholz", "Guten Tag,\n\nbitte behandeln Sie meine Daten vertraulich, ich "
         "möchte nicht, dass sie weitergegeben werden.\n\nMats Reinholz", "de",
         ("sie", "Sehr geehrter Herr Reinholz,")),
    ],
)  # fmt: skip
def test_a_confidentiality_notice_under_the_name(
    display: str, body: str, lang: str, expected: tuple[str, str]
) -> None:
    quoted = "> Hallo Lotte,\n> schick uns bitte ein Foto vom Zähler.\n> Dein Kundenservice"
    assert _reply(display, body, lang, quoted if display == "Lotte Carstens" else "") == expected


@pytest.mark.parametrize(
    ("line", "closing"),
    [
        ("Sportliche Grüße", True),
        ("Mit kleingärtnerischen Grüßen", True),
        ("Hochachtungsvoll", True),
        ("Die Grüße von Oma sind angekommen.", False),
        ("Deine Grüße haben mich gefreut.", False),
        ("Keine Grüße", False),
    ],
)
def test_any_adjective_before_gruesse_closes(line: str, closing: bool) -> None:
    assert bool(CUSTOMER_CLOSING.match(line)) is closing
    # our own replies never close with "Hochachtungsvoll"
    assert bool(SIGN_OFF.match(line)) is (closing and line != "Hochachtungsvoll")


@pytest.mark.parametrize(
    ("line", "bare"),
    [("xx Shreya", "Shreya"), ("xoxo Jess", "Jess"), ("Xaver Huber", "Xaver Huber")],
)
def test_kisses_before_the_name(line: str, bare: str) -> None:
    assert undecorate(line) == bare


def test_dev12_after_tuning() -> None:
    # 97/100 with main 88841f5 before any row was read (FIRST_DEV12); tuned on since
    rows = read_rows(DATA / "dev12.jsonl")
    wrong = {row["id"] for row in rows if not score_row(row)[0]}
    assert len(rows) == 100
    assert wrong - OLD_LABELS == set()
