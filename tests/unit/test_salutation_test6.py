"""Greeting rules added after the error analysis of the retired test6 table (greet10, session 8).

test6 (benchmarks/data/greetings/test6.jsonl) was held out and run twice by the integrator
(101/120 with main 5935645, 102/120 with main cdcf1c8), then retired for error analysis. Each
cause of a code error found there is tested with own examples (no row of the table is copied;
a first name that a fix is about may recur). The last test pins the table after tuning, which
is no evidence.
"""

from __future__ import annotations

import pytest

from benchmarks.bench_greetings import DATA, read_rows, score_row
from drafter.drafting.names import gender_of
from drafter.drafting.salutation import detect_register, greeting
from drafter.drafting.signoff import signoff_name
from drafter.models import Address, InboundEmail


def _mail(display: str, body: str, lang: str, quoted: str = "") -> InboundEmail:
    return InboundEmail(
        from_=Address(name=display, email="x@example.org"), body=body, quoted=quoted, language=lang
    )


def _line(display: str, body: str, lang: str, quoted: str = "") -> tuple[str, str]:
    email = _mail(display, body, lang, quoted)
    register = detect_register(email, lang, "sie")
    return greeting(email, lang, register).first_line, register


@pytest.mark.parametrize(
    ("body", "signed"),
    [
        # titles and particles are no extra person: the signed name is read
        ("Guten Tag,\n\nbitte rufen Sie an.\n\nMit freundlichen Grüßen\n"
         "Prof. Dr. Hans-Georg von der Lühe", "Prof. Dr. Hans-Georg von der Lühe"),
        ("Guten Tag,\n\nbitte rufen Sie an.\n\nMit freundlichen Grüßen\n"
         "Dr. Anke Sievers und Dr. Jan Sievers", "Dr. Anke Sievers und Dr. Jan Sievers"),
        # a couple signed under a closing the house does not know (Welsh "Hwyl fawr")
        ("Hello,\n\nplease call us.\n\nHwyl fawr,\nCerys and Rhodri Bevan",
         "Cerys and Rhodri Bevan"),
    ],
)  # fmt: skip
def test_a_signed_name_with_titles_particles_or_two_persons_is_read(body: str, signed: str) -> None:
    assert signoff_name(body) == signed


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # the title is only in the sign-off, and the family name has a particle
        ("Hans-Georg von der Lühe", "Guten Tag,\n\nbitte rufen Sie an.\n\nMit freundlichen "
         "Grüßen\nDr. Hans-Georg von der Lühe", "de", "Sehr geehrter Herr Dr. von der Lühe,"),
        # both spouses with a title, signed under one of them
        ("Dr. Anke Sievers", "Guten Tag,\n\nbitte rufen Sie an.\n\nMit freundlichen Grüßen\n"
         "Dr. Anke Sievers und Dr. Jan Sievers", "de",
         "Sehr geehrte Frau Dr. Sievers, sehr geehrter Herr Dr. Sievers,"),
        # the account holder signs with the initials of the name shown
        ("Hans-Jürgen Pohlmann", "Guten Tag,\n\nbitte rufen Sie an.\n\nMfG\nH.-J. Pohlmann",
         "de", "Sehr geehrter Herr Pohlmann,"),
        ("Mary Ellen Corrigan", "Dear Sir or Madam,\n\nplease call me.\n\nRegards,\n"
         "M. E. Corrigan", "en", "Dear Ms Corrigan,"),
        # initials of another first name are another person
        ("Hans-Jürgen Pohlmann", "Guten Tag,\n\nbitte rufen Sie an.\n\nMfG\nA.-K. Pohlmann",
         "de", "Guten Tag A.-K. Pohlmann,"),
    ],
)  # fmt: skip
def test_titles_couples_and_initials_from_the_signoff(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _line(display, body, lang)[0] == line


def test_a_shared_flat_is_no_person() -> None:
    body = "Hallo,\n\nbitte schickt uns die Rechnung.\n\nGrüße\nJonas (für die WG)"
    assert _line("WG Kastanienhof", body, "de") == ("Hallo Jonas,", "du")
    # Sie, signed with a first name only: nobody to greet by name (not "Guten Tag Wg …")
    body = "Guten Tag,\n\nbitte senden Sie uns die Rechnung.\n\nGrüße\nJonas (für die WG)"
    assert _line("WG Kastanienhof", body, "de")[0] == "Sehr geehrte Damen und Herren,"
    assert _line("Wohngemeinschaft Kastanienhof", body, "de")[0] == (
        "Sehr geehrte Damen und Herren,"
    )


@pytest.mark.parametrize(
    ("body", "register"),
    [
        ("Moin,\n\ndie Rechnung stimmt nicht, ihr habt den Zählerstand vertauscht.\n\nOle", "du"),
        ("Hallo,\n\nalles erledigt, ihr seid klasse.\n\nOle", "du"),
        # a dative "ihr" after a comma is no Du
        ("Guten Tag,\n\nmeine Mutter ist umgezogen, ihr hat niemand geholfen.\n\nOle Berg", "sie"),
    ],
)  # fmt: skip
def test_ihr_with_a_plural_verb_after_a_comma_is_du(body: str, register: str) -> None:
    assert detect_register(_mail("Ole Berg", body, "de"), "de", "sie") == register


def test_the_newest_du_plural_beats_an_earlier_sie_reply() -> None:
    quoted = "Am 1.3. schrieb Kundenservice:\n> Sehr geehrter Herr Berg,\n> wir prüfen das."
    body = "Moin,\n\ndanke, aber ihr habt den Abschlag falsch eingetragen.\n\nOle"
    assert _line("Ole Berg", body, "de", quoted) == ("Hallo Ole,", "du")


@pytest.mark.parametrize(
    ("display", "body", "line"),
    [
        # a two-letter Chinese family name in capitals is the family name, in either order
        ("Wu Fang", "Dear Sir or Madam,\n\nplease call me.\n\nBest regards,\nWU Fang (Ms)",
         "Dear Ms Wu,"),
        ("", "Dear Sir or Madam,\n\nplease call me.\n\nBest regards,\nMA Jun (Mr)", "Dear Mr Ma,"),
        # two capitals of initials stay a given name
        ("", "Dear Sir or Madam,\n\nplease call me.\n\nBest regards,\nDJ Harlow", "en"),
    ],
)  # fmt: skip
def test_a_short_family_name_in_capitals(display: str, body: str, line: str) -> None:
    got = _line(display, body, "en")[0]
    if line == "en":
        assert got != "Dear Mr Dj,"
        assert "Harlow" in got or got == "Dear Sir or Madam,"
    else:
        assert got == line


@pytest.mark.parametrize(
    ("name", "sex"),
    [("Tesfaye", "male"), ("Getachew", "male"), ("Mulugeta", "male"), ("Tigist", "female"),
     ("Hiwot", "female"), ("Inke", "female")],
)  # fmt: skip
def test_eritrean_ethiopian_and_frisian_first_names(name: str, sex: str) -> None:
    assert gender_of(name, "de") == sex


@pytest.mark.parametrize(
    ("display", "body", "line"),
    [
        ("Sir Alistair Brough", "Dear Sir or Madam,\n\nplease call.", "Dear Sir Alistair,"),
        ("Dame Helen Coutts", "Dear Sir or Madam,\n\nplease call.", "Dear Dame Helen,"),
        # the honour in the display name, the plain name in the sign-off
        ("Sir Alistair Brough", "Dear Sir or Madam,\n\nplease call.\n\nYours faithfully,\n"
         "Alistair Brough", "Dear Sir Alistair,"),
        ("Fr Padraig Kinsella", "Dear Sir or Madam,\n\nplease call.", "Dear Father Kinsella,"),
        ("Lady Ormsby", "Dear Sir or Madam,\n\nplease call.\n\nKind regards,\nHelen Ormsby",
         "Dear Lady Ormsby,"),
        # house forms kept: a courtesy title before the first name
        ("Lady Clementine Ormsby", "Dear Sir or Madam,\n\nplease call.", "Dear Ms Ormsby,"),
        # the Reverend (since greet12, as test6 and dev9 label it)
        ("Revd Paul Lacey", "Dear Sir or Madam,\n\nplease call.", "Dear Reverend Lacey,"),
    ],
)  # fmt: skip
def test_english_honours_as_usually_written(display: str, body: str, line: str) -> None:
    assert _line(display, body, "en")[0] == line


def test_an_honour_is_english_only() -> None:
    assert _line("Sir Alistair Brough", "Guten Tag,\n\nbitte rufen Sie an.", "de")[0] == (
        "Sehr geehrter Herr Brough,"
    )


@pytest.mark.parametrize(
    ("body", "line"),
    [
        # "Mrs" only when the sender writes it (house rule): a word about marriage is not
        # enough, she may go by "Ms"
        ("Hello,\n\nmy wife Ffion and I are moving in.\n\nRegards,\nFfion and Owain Rees",
         "Dear Ms Rees and Mr Rees,"),
        ("Hello,\n\nwe are moving in.\n\nRegards,\nFfion and Owain Rees",
         "Dear Ms Rees and Mr Rees,"),
    ],
)  # fmt: skip
def test_a_couple_is_mrs_only_when_written(body: str, line: str) -> None:
    assert _line("Owain Rees", body, "en")[0] == line


@pytest.mark.parametrize(
    ("display", "body", "line"),
    [
        ("Kim Albrecht", "Guten Tag,\n\nals Mieterin im dritten Stock möchte ich den Zähler "
         "ablesen lassen. Bitte melden Sie sich.\n\nMit freundlichen Grüßen\nKim Albrecht",
         "Sehr geehrte Frau Albrecht,"),
        ("Sascha Wendt", "Guten Tag,\n\nich bin seit März Rentnerin und möchte meinen Abschlag "
         "senken. Bitte melden Sie sich.\n\nMit freundlichen Grüßen\nSascha Wendt",
         "Sehr geehrte Frau Wendt,"),
        # someone else described, or the generic masculine: no sex
        ("Kim Albrecht", "Guten Tag,\n\nmeine Schwester als Mieterin hat den Zähler abgelesen. "
         "Bitte melden Sie sich.\n\nMit freundlichen Grüßen\nKim Albrecht",
         "Guten Tag Kim Albrecht,"),
        ("Kim Albrecht", "Guten Tag,\n\nals Eigentümer möchte ich den Zähler ablesen lassen.\n\n"
         "Mit freundlichen Grüßen\nKim Albrecht", "Guten Tag Kim Albrecht,"),
    ],
)  # fmt: skip
def test_a_writer_describing_herself_with_a_feminine_noun(
    display: str, body: str, line: str
) -> None:
    assert _line(display, body, "de")[0] == line


#: the retired test6 table after greet10's and greet12's tuning (not evidence): the rows left
#: differ from the code by house convention (117: "Mr and Mrs" for a couple who never write
#: "Mrs"; the house writes "Ms X, dear Mr X"), see test6.README.md; 074 (Reverend) and 093
#: (two family names joined with "and") are right since greet12, 055 since greet21 (a plainly
#: casual opening and a first name with no pronoun get Du: found by this test's count alone,
#: the row was not read); 108 since greet24 (session 22: Moana, a Polynesian name given to
#: both sexes, is unisex in name_lists, as the writer treats it)
TEST6_CONVENTION = {"gt6-004", "gt6-117"}


def test_retired_test6_after_tuning() -> None:
    wrong = [r["id"] for r in read_rows(DATA / "test6.jsonl") if not score_row(r)[0]]
    assert set(wrong) == TEST6_CONVENTION
