"""Greeting rules added after the first run on the fresh dev8 table (greet11, session 9).

dev8 (benchmarks/data/greetings/dev8.jsonl) was run once with the unchanged code (94/100)
before any row was read. Each cause of a miss found there is tested here with own examples
(no row of the table is copied; a name part that a fix is about may recur), together with
guards that must not change. The last test pins the table after tuning, which is no evidence.
"""

from __future__ import annotations

import pytest

from benchmarks.bench_greetings import DATA, read_rows, score_row
from drafter.drafting.letter_checks import is_greeting
from drafter.drafting.names import gender_of
from drafter.drafting.salutation import detect_register, greeting
from drafter.drafting.sender import parse_name
from drafter.models import Address, InboundEmail


def _line(display: str, body: str, lang: str, address: str = "x@example.org") -> str:
    email = InboundEmail(
        from_=Address(name=display, email=address), body=body, quoted="", language=lang
    )
    return greeting(email, lang, detect_register(email, lang, "sie")).first_line


_DE = "Guten Tag,\n\nkönnen Sie mir bitte die Rechnung erklären?\n\nMit freundlichen Grüßen\n"
_EN = "Hello,\n\ncould you please explain my bill?\n\nKind regards,\n"


@pytest.mark.parametrize(
    ("name", "sex"),
    [
        # common German and North German first names the statistics do not hold
        ("Heiner", "male"), ("Heino", "male"), ("Hanno", "male"), ("Wilko", "male"),
        ("Thorben", "male"), ("Dittmar", "male"), ("Gundula", "female"), ("Heilwig", "female"),
        # Russian names in German transliteration (-ij, w for v, j for y) and in English (-iy)
        ("Witalij", "male"), ("Walerij", "male"), ("Anatolij", "male"), ("Gennadiy", "male"),
        ("Wjatscheslaw", "male"), ("Fjodor", "male"), ("Jakow", "male"), ("Ilja", "male"),
        ("Julija", "female"), ("Ksenija", "female"), ("Aljona", "female"), ("Oxana", "female"),
        # Russian men's short forms end in -a/-ja: no woman's name
        ("Kolja", "male"), ("Wanja", "male"), ("Aljoscha", "male"), ("Wolodja", "male"),
    ],
)  # fmt: skip
def test_first_names_of_german_and_russian_german_customers(name: str, sex: str) -> None:
    assert gender_of(name, "de") == sex
    assert gender_of(name, "en") == sex


@pytest.mark.parametrize(
    "name",
    # the transliteration is only a fallback: unisex names stay unclear, and a German name
    # the data do not know is not made into another by swapping letters ("Wiebold", listed
    # here until greet17, is a man's name by its last element -bold: tests/unit/test_name_forms.py)
    ["Sascha", "Schenja", "Kai", "Tjorven", "Nikola", "Vanja"],
)
def test_no_sex_for_unisex_or_unknown_names(name: str) -> None:
    assert gender_of(name, "de") == ""


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # a woman's family name form (Russian/Bulgarian -ova/-eva, Czech -ová, Polish -ska,
        # Lithuanian -ienė/-aitė) says the sex when the first name does not
        ("Zhenya Morozova", _EN + "Zhenya Morozova", "en", "Dear Ms Morozova,"),
        ("Sascha Lebedewa", _DE + "Sascha Lebedewa", "de", "Sehr geehrte Frau Lebedewa,"),
        ("Kim Dvořáková", _DE + "Kim Dvořáková", "de", "Sehr geehrte Frau Dvořáková,"),
        ("Robin Zielińska", _EN + "Robin Zielińska", "en", "Dear Ms Zielińska,"),
        ("Sascha Kovalská", _DE + "Sascha Kovalská", "de", "Sehr geehrte Frau Kovalská,"),
        ("Jo Petrauskienė", _EN + "Jo Petrauskienė", "en", "Dear Ms Petrauskienė,"),
        # guards: the masculine forms say nothing; the first name outranks the family name;
        # Italian and Spanish names ending so are no Slavic women's forms
        ("Zhenya Morozov", _EN + "Zhenya Morozov", "en", "Dear Zhenya Morozov,"),
        ("Robin Zieliński", _EN + "Robin Zieliński", "en", "Dear Robin Zieliński,"),
        ("Andrea Casanova", _DE + "Andrea Casanova", "de", "Guten Tag Andrea Casanova,"),
        ("Toni Villanova", _EN + "Toni Villanova", "en", "Dear Toni Villanova,"),
        ("Andrea Córdova", _EN + "Andrea Córdova", "en", "Dear Andrea Córdova,"),
    ],
)  # fmt: skip
def test_a_womans_family_name_form_says_the_sex(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _line(display, body, lang) == line


@pytest.mark.parametrize(
    ("display", "line"),
    [
        # an academic title in brackets after the name, as some address books write it
        ("Mbeki, Thandiwe (Dr)", "Dear Dr Mbeki,"),
        ("Harwood, Giles (Prof.)", "Dear Professor Harwood,"),
        ("Giles Harwood (Dr.)", "Dear Dr Harwood,"),
        # a title after "Family, Given" behind a second comma
        ("Harwood, Giles, Dr.", "Dear Dr Harwood,"),
        # a note in brackets is still dropped
        ("Giles Harwood (Finance)", "Dear Mr Harwood,"),
    ],
)
def test_a_title_in_brackets_after_the_name(display: str, line: str) -> None:
    assert _line(display, "Hello,\n\nplease call me.\n\nKind regards", "en") == line


def test_a_title_in_brackets_is_parsed_as_a_title() -> None:
    assert parse_name("Mbeki, Thandiwe (Dr)").title == "Dr."
    assert parse_name("Harwood, Giles (Prof.)").title == "Prof."


@pytest.mark.parametrize(
    ("display", "signed"),
    [
        # a firm's office and its name, and a signature of a team and the firm: no person
        ("Purchasing – Northgate Timber Supplies", "Accounts Team\nNorthgate Timber Supplies"),
        ("Finance | Coastline Marine Systems", "Finance Team\nCoastline Marine Systems"),
        ("Orchard Farm Products", "The Orchard Farm Products team"),
    ],
)
def test_a_firms_name_with_a_trade_word_is_no_person(display: str, signed: str) -> None:
    body = "Hello,\n\nplease send the invoices as PDF.\n\nThank you,\n" + signed
    assert _line(display, body, "en", "ap@firm.example.com") == "Dear Sir or Madam,"


@pytest.mark.parametrize(
    ("display", "signed", "address", "line"),
    [
        # shown family name first, signed given name first: the sign-off's order holds when
        # only its first word is a known given name (a Korean and a Chinese name)
        ("Choi Seo-yeon", "Seo-yeon Choi", "seoyeon.choi@example.com", "Dear Ms Choi,"),
        ("Kang Ji-hoon", "Ji-hoon Kang", "jh.kang@example.com", "Dear Mr Kang,"),
        # guards: the display order stays when both words or neither are known given names
        ("Jing Zhao", "Zhao Jing", "zj@example.com", "Dear Jing Zhao,"),
    ],
)
def test_a_name_signed_in_the_other_order(
    display: str, signed: str, address: str, line: str
) -> None:
    assert _line(display, _EN + signed, "en", address) == line


@pytest.mark.parametrize(
    ("display", "line"),
    [
        # a Korean given name of no clear sex stays neutral: its syllables are not read as
        # names of their own ("Won", "Ji"); written family name first, the greeting keeps
        # that order (greet19: "Dear Guo Xin," for "GUO Xin"; was "Dear Ji-won Yoon,")
        ("Yoon Ji-won", "Dear Yoon Ji-won,"),
        ("Ji-won Yoon", "Dear Ji-won Yoon,"),
    ],
)
def test_a_romanized_given_name_is_read_whole(display: str, line: str) -> None:
    assert _line(display, _EN + display, "en") == line


@pytest.mark.parametrize(
    "line",
    ["Dear Dr Mbeki,", "Dear Professor Harwood,", "Dear Ms Morozova,", "Dear Ji-won Yoon,",
     "Sehr geehrte Frau Dvořáková,", "Sehr geehrter Herr Kähler,"],
)  # fmt: skip
def test_the_letter_check_accepts_the_new_lines(line: str) -> None:
    """The check of model drafts (letter_checks) knows every line the rules above write."""
    assert is_greeting(line)


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # found by own probes after dev8 (no table row): "Professor Emeritus" without the dot
        # of "Prof. em." and the British order "Emeritus Professor"
        ("Prof Emeritus Colin Marsh", _EN + "Colin Marsh", "en", "Dear Professor Marsh,"),
        ("Emeritus Professor Ruth Abney", _EN + "Ruth Abney", "en", "Dear Professor Abney,"),
        # the particles "von und zu" are one family name, not a couple, and stay lowercase
        ("Clara von und zu Eltz", _DE + "Clara von und zu Eltz", "de",
         "Sehr geehrte Frau von und zu Eltz,"),
        # British honours after the name are dropped like other letters ("DBE")
        ("Dame Alison Whitby DBE", _EN + "Alison Whitby", "en", "Dear Dame Alison,"),
        # Vietnamese: when both ends are family names (Mai, Lam are given names too), the far
        # commoner one is the family name, in either order
        ("Pham Thi Lam", _DE + "Pham Thi Lam", "de", "Sehr geehrte Frau Pham,"),
        ("Mai Van Tran", _EN + "Mai Van Tran", "en", "Dear Mr Tran,"),
    ],
)  # fmt: skip
def test_titles_particles_and_family_names_found_by_own_probes(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _line(display, body, lang) == line


@pytest.mark.parametrize(
    ("name", "sex"),
    [("Carmen", "female"), ("Obiora", "male"), ("Ekua", "female"), ("Mizanur", "male"),
     ("Przemek", "male"), ("Chipo", "female"), ("Thandeka", "female"), ("Aroha", "female"),
     ("Wiremu", "male"), ("Bronagh", "female"), ("Fearghal", "male"), ("Hywel", "male"),
     ("Senthil", "male"), ("Sangeetha", "female"), ("Ecem", "female"), ("Kiprono", "male"),
     ("Chebet", "female"), ("Naledi", "female"), ("Georgi", "male"), ("Desislava", "female"),
     ("Zozan", "female"), ("Ciwan", "male"),
     # Arabic, Pashto and Bengali compounds with -ullah/-uddin are men's names
     ("Samiullah", "male"), ("Nizamuddin", "male")],
)  # fmt: skip
def test_first_names_of_more_cultures(name: str, sex: str) -> None:
    assert gender_of(name, "en") == sex


@pytest.mark.parametrize(
    ("name", "sex"),
    # German short forms the US births hold as girls' names ("Kalle" like Callie), and names
    # the data leave unclear
    [("Kalle", "male"), ("Andi", "male"), ("Tilo", "male"), ("Henner", "male"),
     ("Daniele", "male"), ("Jorinde", "female"), ("Çağla", "female"),
     # umlauts written ae/oe/ue
     ("Joerg", "male"), ("Baerbel", "female"), ("Soenke", "male")],
)  # fmt: skip
def test_first_names_in_german_mail(name: str, sex: str) -> None:
    assert gender_of(name, "de") == sex


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # a couple signs with first names only under a family's account: its name is theirs
        ("Familie Brandt", _DE + "Ralf und Heike", "de",
         "Sehr geehrte Frau Brandt, sehr geehrter Herr Brandt,"),
        ("Ellison Family", _EN + "Mark and Julie", "en", "Dear Ms Ellison and Mr Ellison,"),
        ("Mr & Mrs Ellison", _EN + "Mark and Julie", "en", "Dear Mr and Mrs Ellison,"),
        ("Eheleute Brandt", _DE + "Ralf und Heike", "de",
         "Sehr geehrte Frau Brandt, sehr geehrter Herr Brandt,"),
        # under one partner's account the other's family name is unknown (it may differ)
        ("Kim Lindqvist", _DE + "Kim & Jonas", "de", "Sehr geehrte Damen und Herren,"),
        # informal: first names as before
        ("Ralf Brandt", "Hallo,\n\nkönnt ihr helfen?\n\nLG Ralf & Heike", "de",
         "Hallo Ralf, hallo Heike,"),
    ],
)  # fmt: skip
def test_a_couple_signed_with_first_names_only(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _line(display, body, lang) == line


@pytest.mark.parametrize(
    ("display", "en", "de"),
    [
        # Icelandic -dóttir is a woman's family name; Sikh Singh alone a man's when the first
        # name says nothing, and Kaur/Singh before a family name is no part of it
        ("Eyrún Ragnarsdóttir", "Dear Ms Ragnarsdóttir,", "Sehr geehrte Frau Ragnarsdóttir,"),
        ("Manpreet Singh", "Dear Mr Singh,", "Sehr geehrter Herr Singh,"),
        ("Navjot Kaur Dhillon", "Dear Ms Dhillon,", "Sehr geehrte Frau Dhillon,"),
        ("Anjali Singh", "Dear Ms Singh,", "Sehr geehrte Frau Singh,"),
        # Welsh "ap" is a particle of the family name
        ("Iolo ap Dafydd", "Dear Mr ap Dafydd,", "Sehr geehrter Herr ap Dafydd,"),
        # French "Jean-…" compounds are men's names, also in English
        ("Jean-Marc Lefort", "Dear Mr Lefort,", "Sehr geehrter Herr Lefort,"),
        # a middle name says the sex when the first given name is of none; Maria never does
        ("Kim Johanna Lenz", "Dear Ms Lenz,", "Sehr geehrte Frau Lenz,"),
        ("Kai Dietrich Ohm", "Dear Mr Ohm,", "Sehr geehrter Herr Ohm,"),
        ("Luca Maria Ferri", "Dear Luca Ferri,", "Guten Tag Luca Ferri,"),
        # Portuguese Marian given names; Filipino "Ma." for Maria
        ("Maria das Dores Lopes", "Dear Ms Lopes,", "Sehr geehrte Frau Lopes,"),
        ("Ma. Teresa Villanueva", "Dear Ms Villanueva,", "Sehr geehrte Frau Villanueva,"),
        # a Vietnamese name of four words, family name first
        ("Pham Thi Thu Huong", "Dear Ms Pham,", "Sehr geehrte Frau Pham,"),
    ],
)  # fmt: skip
def test_names_of_more_cultures_in_both_languages(display: str, en: str, de: str) -> None:
    assert _line(display, _EN + display, "en") == en
    assert _line(display, _DE + display, "de") == de


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # a one-word display name that is no name of the signer: the signed person
        ("Kundin", _DE + "Gabi Hartwig", "de", "Sehr geehrte Frau Hartwig,"),
        ("Customer", _EN + "R. Okonjo", "en", "Dear R. Okonjo,"),
        ("tim.vogt", _DE + "Tim Vogt", "de", "Sehr geehrter Herr Vogt,"),
        # the display name family name first, signed given name first: the signed order,
        # when only its first word is a given name
        ("Haddad Samira", _EN + "Samira Haddad", "en", "Dear Ms Haddad,"),
        # a family name in capitals next to a given name, French style, is the family name
        # even when it is a given name too
        ("ROBERT Camille", _EN + "ROBERT Camille", "en", "Dear Ms Robert,"),
        ("SIMON Élodie", _DE + "SIMON Élodie", "de", "Sehr geehrte Frau Simon,"),
        # a pet form shown, the full given name signed: the one the name data know
        ("Hansi Brodersen", _DE + "Hans Brodersen", "de", "Sehr geehrter Herr Brodersen,"),
        # a display name family name first, signed with the given name alone
        ("Whitcombe Martin", _EN + "Martin", "en", "Dear Mr Whitcombe,"),
        # but a family name signed alone that is also a given name is the family name
        ("Kemal Doğan", _DE + "Doğan", "de", "Sehr geehrter Herr Doğan,"),
        # British degrees and memberships after a signed name are no part of it
        ("Martin Reed", _EN + "Martin Reed BEng MRICS", "en", "Dear Mr Reed,"),
        ("Martin Reed", _EN + "Martin Reed BA (Hons) ACCA", "en", "Dear Mr Reed,"),
        # a family name written as its initial only is no family name for a formal line
        ("Samira H.", _EN + "Samira H.", "en", "Dear Sir or Madam,"),
        ("Jana K.", _DE + "Jana K.", "de", "Sehr geehrte Damen und Herren,"),
        ("Jana K.", "Hallo,\n\nkannst du helfen?\n\nJana K.", "de", "Hallo Jana,"),
    ],
)  # fmt: skip
def test_which_name_to_greet_when_display_and_sign_off_differ(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _line(display, body, lang) == line


_FIRM = "Guten Tag,\n\nbitte senden Sie die Rechnung an uns.\n\nMit freundlichen Grüßen\n"


@pytest.mark.parametrize(
    ("display", "signed", "line"),
    [
        # the owner of a shop signs under its name ("Inh.", "Inhaberin")
        ("Fischräucherei Tams", "Fischräucherei Tams\nInh. Björn Tams", "Sehr geehrter Herr Tams,"),
        ("Gärtnerei Wulf", "Gärtnerei Wulf\nInhaberin Silke Wulf", "Sehr geehrte Frau Wulf,"),
        ("Fischräucherei Tams Inh. Björn Tams", "Björn Tams", "Sehr geehrter Herr Tams,"),
        # a person named with Frau/Herr under the firm's name
        ("Hausverwaltung Süd", "Hausverwaltung Süd\nFrau Lorenzen", "Sehr geehrte Frau Lorenzen,"),
        # a firm's team is no person ("Praxisteam", "Serviceteam")
        ("Tierarztpraxis Dr. Lau", "Praxisteam Dr. Lau", "Sehr geehrte Damen und Herren,"),
    ],
)  # fmt: skip
def test_who_signs_for_a_firm(display: str, signed: str, line: str) -> None:
    assert _line(display, _FIRM + signed, "de") == line


def test_dev8_after_tuning() -> None:
    """dev8 after tuning on it (not evidence): every row but the listed ones (gd8-072: "Dear Ms
    Iyer, dear Mr Iyer,", joined with "and" since session 13, OLD_COUPLE_LABELS)."""
    left = {"gd8-072"}
    wrong = {r["id"] for r in read_rows(DATA / "dev8.jsonl") if not score_row(r)[0]}
    assert wrong == left
