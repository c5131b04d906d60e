"""Greeting rules added for the fifth blind dev table and the retired test3 table (greet7).

Each class of name is tested with own examples (no row of a table is copied); the last test
holds the measured figures of both tables, which were tuned on (benchmarks/bench_greetings.py
has the out-of-sample figures: dev5 96/100 with main e072376 before any change).
"""

from __future__ import annotations

import pytest

from benchmarks.bench_greetings import DATA, OLD_LABELS, read_rows, score_row
from benchmarks.greetings_tables import diploma_label
from drafter.drafting.names import gender_of
from drafter.drafting.salutation import detect_register, greeting
from drafter.drafting.sender import parse_name
from drafter.drafting.signoff import signoff_name
from drafter.models import Address, InboundEmail


def _mail(display: str, body: str, lang: str) -> InboundEmail:
    return InboundEmail(
        from_=Address(name=display, email="x@example.de"), body=body, quoted="", language=lang
    )


def _line(display: str, body: str, lang: str) -> str:
    email = _mail(display, body, lang)
    return greeting(email, lang, detect_register(email, lang, "sie")).first_line


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # a role in brackets after the signed name is no part of it; the writer is greeted
        ("Walter Lindemann",
         "Guten Tag,\n\nmein Vater kann nicht mehr selbst schreiben.\n\nMit freundlichen "
         "Grüßen\nSabine Krüger (Tochter von Walter Lindemann)", "de",
         "Sehr geehrte Frau Krüger,"),
        ("Hugh Barrow",
         "Hello,\n\nI am writing for my father.\n\nKind regards,\nNeil Fenton (son-in-law)",
         "en", "Dear Mr Fenton,"),
        # a job abbreviation before the signed name ("RA", "StB") is dropped, the title kept
        ("Kanzlei Brandt & Partner",
         "Sehr geehrte Damen und Herren,\n\nwir vertreten Herrn Olaf Wenke.\n\nMit "
         "freundlichen Grüßen\nRA Dr. Matthias Brandt", "de", "Sehr geehrter Herr Dr. Brandt,"),
        ("Steuerbüro Kessler",
         "Guten Tag,\n\nbitte senden Sie uns die Jahresrechnung.\n\nMit freundlichen Grüßen\n"
         "StB Ulrike Kessler", "de", "Sehr geehrte Frau Kessler,"),
        # a German compound that ends in a company word is no person's name
        ("Immobilienverwaltung Rothe", "Guten Tag,\n\nbitte um Rückruf.", "de",
         "Sehr geehrte Damen und Herren,"),
        ("Rechtsanwaltskanzlei Kurz", "Guten Tag,\n\nbitte um Rückruf.", "de",
         "Sehr geehrte Damen und Herren,"),
    ],
)  # fmt: skip
def test_roles_are_no_part_of_the_name(display: str, body: str, lang: str, line: str) -> None:
    assert _line(display, body, lang) == line


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # a name signed in capitals in a du mail gets normal capitals
        ("BERND KOLLE", "HALLO, KANNST DU MIR HELFEN? GRUSS BERND", "de", "Hallo Bernd,"),
        ("", "hey, can you check my bill? cheers, MARTIN", "en", "Hi Martin,"),
        # Mc names: the letter after Mc is a capital, also in a lowercase or all-caps name
        ("fiona mcallister", "good morning,\n\nplease reset my password.\n\nkind regards,\n"
         "fiona mcallister", "en", "Dear Ms McAllister,"),
        ("DOUGLAS MCKENZIE", "Dear Sir,\n\nplease close my account.\n\nDOUGLAS MCKENZIE", "en",
         "Dear Mr McKenzie,"),
        ("Ewan McLeod", "Dear Sir,\n\nplease close my account.\n\nEwan McLeod", "en",
         "Dear Mr McLeod,"),
    ],
)  # fmt: skip
def test_capitals_of_signed_and_mc_names(display: str, body: str, lang: str, line: str) -> None:
    assert _line(display, body, lang) == line


@pytest.mark.parametrize(
    ("body", "signed"),
    [
        ("hiya,\n\nis my tariff active yet?\n\nMegan x", "Megan"),
        ("hey,\n\nthanks for sorting it!\n\nLou xx", "Lou"),
        ("Hi,\n\nall fine now, thanks\n\nCheers,\nRuth\nxxx", "Ruth"),
        # a surname "X" or an initial is not a kiss
        ("Dear Sir,\n\nplease call me.\n\nKind regards\nMalcolm X", "Malcolm X"),
        # smileys, emoji and a phone's footer around the name are no part of it either
        ("Hi,\n\ncan you help?\n\nLena :-)", "Lena"),
        ("Hallo,\n\nkannst du helfen?\n\nLG Nele 😊", "Nele"),
        ("Hallo,\n\nkannst du helfen?\n\nLG\n~ Nele ~", "Nele"),
        ("Hallo,\n\nkannst du helfen?\n\nGruß\nNele\n\nVon meinem iPhone gesendet", "Nele"),
        ("Hi,\n\nhelp?\n\nSent from my iPhone", ""),
    ],
)  # fmt: skip
def test_decorations_after_the_signed_name_are_no_part_of_it(body: str, signed: str) -> None:
    assert signoff_name(body) == signed


def test_a_kissed_first_name_sign_off_on_a_hiya_mail_is_informal() -> None:
    email = _mail("Megan Holt", "hiya,\n\nis my tariff active yet?\n\nMegan x", "en")
    assert detect_register(email, "en") == "you_informal"
    assert greeting(email, "en", "you_informal").first_line == "Hi Megan,"


@pytest.mark.parametrize(
    ("first", "gender"),
    [
        # the US births know it only rarely, but always for one sex (>= 20 births)
        ("Eirini", "female"),
        # written with a letter the US register (ASCII only) cannot hold: the ASCII name of
        # the US births is another name; the hand lists decide (Turkish Şenay is a woman's)
        ("Şenay", "female"),
        # only the Moby lists know it (as a woman's name): the hand lists outrank that
        ("Gert", "male"),
        ("Åse", "female"),
        ("Helge", "male"),
        ("Ansgar", "male"),
        ("Irmela", "female"),
        # common names of their own culture the statistics do not hold
        ("Korbinian", "male"),
        ("Frieder", "male"),
        ("Ffion", "female"),
        ("Angharad", "female"),
        ("Dimitrios", "male"),
        ("Raluca", "female"),
        ("Heikki", "male"),
        ("Ilya", "male"),  # 87 % boys in the US: below the 90 % the births need alone
        ("Quirin", "male"),
    ],
)  # fmt: skip
def test_first_names_the_statistics_miss(first: str, gender: str) -> None:
    assert gender_of(first, "de") == gender
    assert gender_of(first, "en") == gender


@pytest.mark.parametrize(
    ("display", "title"),
    [
        ("Mag.a Verena Pichler", "Mag.a"),  # the Austrian Magistra: no dot is added
        ("Dr. Ing. Peter Haas", "Dr."),  # Dr.-Ing. written with a space
        ("Dipl.-Ing Uwe Rau", "Dipl.-Ing."),
    ],
)
def test_titles_as_written(display: str, title: str) -> None:
    assert parse_name(display).title == title


def test_a_job_abbreviation_is_no_first_name() -> None:
    name = parse_name("RAin Dr. Karin Oswald")
    assert (name.first, name.last, name.title) == ("Karin", "Oswald", "Dr.")


@pytest.mark.parametrize(
    ("table", "size"),
    [
        # dev5: 96/100 with main e072376 before it was tuned on; test3: 114/120 in its one
        # held-out run, retired by greet7 and tuned on since
        ("dev5.jsonl", 100),
        ("test3.jsonl", 120),
        # dev6: 95/100 with main fafb7c4 before it was tuned on; test4: 119/120 in its one
        # held-out run, retired by greet8 and tuned on since
        ("dev6.jsonl", 100),
        ("test4.jsonl", 120),
        # test5: 117/120 and test7: 118/120 in their last held-out run (main aa09dae6), retired
        # by greet22 (session 20) and tuned on since
        ("test5.jsonl", 120),
        ("test7.jsonl", 120),
        # dev16: 113/120 with main f7a410e before it was tuned on; test8: 117/120 in its last
        # held-out run (main ad9a46c0), retired by greet23 (session 21); both tuned on since
        ("dev16.jsonl", 120),
        ("test8.jsonl", 120),
        # test9: 117/120 in its last held-out run (main 92b73ae), retired by greet24 (session
        # 22) and tuned on since
        ("test9.jsonl", 120),
        # test10: 118/120 in its last held-out run (main 5160956c), retired by greet25 (session
        # 23) and tuned on since
        ("test10.jsonl", 120),
        # test11: 114/120 in its last held-out run (main 2099f99c), retired by greet28 (session
        # 25) and tuned on since
        ("test11.jsonl", 120),
        # test12 to test15: retired by greet28b, greet29, greet30 and greet31 (sessions 25 to
        # 27) after their last held-out runs (118, 115, 115, 117 of 120), tuned on since
        ("test12.jsonl", 120),
        ("test13.jsonl", 120),
        ("test14.jsonl", 120),
        ("test15.jsonl", 120),
    ],
)
def test_blind_dev_and_retired_tables_are_all_right_now(table: str, size: int) -> None:
    rows = read_rows(DATA / table)
    wrong = [row["id"] for row in rows if not score_row(row)[0]]
    assert len(rows) == size
    # a retired table's row labelled with a diploma title is told from its label (greet21)
    assert wrong == [r["id"] for r in rows if r["id"] in OLD_LABELS or diploma_label(r)], table


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # shops, trades and offices are no person ("Sehr geehrte Damen und Herren,")
        ("Sommer Immobilien", "Guten Tag,\n\nbitte um Rückruf.\n\nIhr Team von Sommer "
         "Immobilien", "de", "Sehr geehrte Damen und Herren,"),
        ("Tischlerei Holm", "Guten Tag,\n\nbitte um Rückruf.", "de",
         "Sehr geehrte Damen und Herren,"),
        ("Elektro Hansen", "Guten Tag,\n\nbitte um Rückruf.", "de",
         "Sehr geehrte Damen und Herren,"),
        ("Hall Estates", "Dear Sir or Madam,\n\nplease call us.", "en", "Dear Sir or Madam,"),
        # the firm's name under the closing, then "i. A." and the person who wrote
        ("Hausverwaltung Sommer GmbH", "Guten Tag,\n\nbitte um Rückruf.\n\nMit freundlichen "
         "Grüßen\nHausverwaltung Sommer\ni. A. Jens Kurz", "de", "Sehr geehrter Herr Kurz,"),
        # degrees and suffixes after the name are dropped
        ("Ulrike Senft M.Sc.", "Guten Tag,\n\nbitte um Rückruf.", "de",
         "Sehr geehrte Frau Senft,"),
        ("Jane Pollard PhD", "Dear Sir or Madam,\n\nplease call me.", "en", "Dear Ms Pollard,"),
        ("John Pollard Jr.", "Dear Sir or Madam,\n\nplease call me.", "en", "Dear Mr Pollard,"),
        # "Fr."/"Hr." are Frau/Herr; "Prof.Dr." and "U.Senft" written without a space
        ("Fr. Dr. Lena Vogel", "Guten Tag,\n\nbitte um Rückruf.", "de",
         "Sehr geehrte Frau Dr. Vogel,"),
        ("Hr. Tim Brandt", "Guten Tag,\n\nbitte um Rückruf.", "de", "Sehr geehrter Herr Brandt,"),
        ("Prof.Dr. Anna Weber", "Guten Tag,\n\nbitte um Rückruf.", "de",
         "Sehr geehrte Frau Prof. Dr. Weber,"),
        ("U.Senft", "Guten Tag,\n\nbitte um Rückruf.\n\nMit freundlichen Grüßen\nUlrike Senft",
         "de", "Sehr geehrte Frau Senft,"),
        # nobility words belong to the family name; the greeting leaves the rank out (greet9)
        ("Dr. Hans-Peter Graf von Bülow", "Guten Tag,\n\nbitte um Rückruf.", "de",
         "Sehr geehrter Herr Dr. von Bülow,"),
        # an informal sign-off with the last name's initial, or only one letter
        ("Jane Pollard", "Hi there!\n\nplease call me back.\n\nThanks,\nJane P.", "en",
         "Hi Jane,"),
        ("Jane Pollard", "Hey,\n\nplease call me back.\n\nJ", "en", "Hi Jane,"),
        ("J.R.R. TOLKIEN", "Dear Sir or Madam,\n\nplease call me.", "en",
         "Dear J.R.R. Tolkien,"),
    ],
)  # fmt: skip
def test_shapes_of_names_probed_beyond_the_tables(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _line(display, body, lang) == line


@pytest.mark.parametrize(
    ("display", "body", "quoted", "lang", "line", "register"),
    [
        # the customer's own quoted "Hey" mail, signed with the first name: informal
        ("Ben Carter", "Thanks, that worked.\n\nBen",
         "On 2 March, Ben Carter wrote:\n> Hey, can you check my bill?\n> Ben", "en",
         "Hi Ben,", "you_informal"),
        # "Hi Tom," to our agent, signed with the full name: formal (Hi + full name)
        ("Lisa Brandt", "Hi Tom,\n\nany news on the technician?\n\nLisa Brandt", "", "en",
         "Dear Ms Brandt,", "you"),
        # "Eheleute X" is a married couple
        ("Eheleute Fischer", "Guten Tag,\n\nbitte helfen Sie uns.", "", "de",
         "Sehr geehrte Frau Fischer, sehr geehrter Herr Fischer,", "sie"),
        # "… via …" is the transport, also with nobody signing
        ("Petra Fischer via Kundenportal", "Guten Tag,\n\nbitte helfen Sie uns.", "", "de",
         "Sehr geehrte Frau Fischer,", "sie"),
        ("'Mieterbeirat Nord' via Verteiler", "Guten Tag,\n\nbitte helfen Sie uns.", "", "de",
         "Sehr geehrte Damen und Herren,", "sie"),
    ],
)  # fmt: skip
def test_threads_couples_and_transports_probed_beyond_the_tables(
    display: str, body: str, quoted: str, lang: str, line: str, register: str
) -> None:
    email = InboundEmail(
        from_=Address(name=display, email="x@example.de"), body=body, quoted=quoted, language=lang
    )
    assert detect_register(email, lang, "sie") == register
    assert greeting(email, lang, register).first_line == line
