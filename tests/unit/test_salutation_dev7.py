"""Greeting rules added for the seventh blind dev table (greet9, session 8).

Each cause found on benchmarks/data/greetings/dev7.jsonl is tested with own examples (no
row of a table is copied; a first name that the fix is about may recur). The out-of-sample
figure is in benchmarks/bench_greetings.py (FIRST_DEV7: 88/100 with main 5935645 before any
change); the last test pins the table after tuning, which is no evidence.
"""

from __future__ import annotations

import pytest

from benchmarks.bench_greetings import DATA, read_rows, score_row
from drafter.drafting.letter_checks import check_letter, is_greeting
from drafter.drafting.names import gender_of
from drafter.drafting.salutation import detect_register, greeting
from drafter.models import Address, InboundEmail


def _mail(display: str, body: str, lang: str, quoted: str = "") -> InboundEmail:
    return InboundEmail(
        from_=Address(name=display, email="x@example.org"), body=body, quoted=quoted, language=lang
    )


def _line(display: str, body: str, lang: str) -> tuple[str, str]:
    email = _mail(display, body, lang)
    register = detect_register(email, lang, "sie")
    return greeting(email, lang, register).first_line, register


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # a noble rank is part of the family name but not of the greeting; it names the sex
        ("Carola Freifrau von Alsleben", "Guten Tag,\n\nbitte rufen Sie mich an.", "de",
         "Sehr geehrte Frau von Alsleben,"),
        ("Kim Freiherr von Osten", "Guten Tag,\n\nbitte rufen Sie mich an.", "de",
         "Sehr geehrter Herr von Osten,"),
        ("Ansgar Graf zu Rantzow", "Dear Sir or Madam,\n\nplease call me.", "en",
         "Dear Mr zu Rantzow,"),
        # a surname that is also a rank word alone stays the surname
        ("Anna Graf", "Guten Tag,\n\nbitte rufen Sie mich an.", "de", "Sehr geehrte Frau Graf,"),
    ],
)  # fmt: skip
def test_a_noble_rank_is_left_out_of_the_greeting(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _line(display, body, lang)[0] == line


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # a family with nobody signing as a person is greeted as the family
        ("Familie Brodersen", "Guten Tag,\n\nbitte prüfen Sie unsere Rechnung.\n\nMit "
         "freundlichen Grüßen\nFamilie Brodersen", "de", "Sehr geehrte Familie Brodersen,"),
        ("The Ashcrofts", "Hello,\n\nplease check our bill.\n\nThanks,\nThe Ashcroft family",
         "en", "Dear Ashcroft family,"),
        ("The Pritchard Family", "Dear Sir or Madam,\n\nplease check our bill.", "en",
         "Dear Pritchard family,"),
        ("The Joneses", "Dear Sir or Madam,\n\nplease check our bill.", "en",
         "Dear Jones family,"),
        # a family member who signs is the one greeted (unchanged)
        ("Familie Brodersen", "Guten Tag,\n\nbitte prüfen Sie unsere Rechnung.\n\nMit "
         "freundlichen Grüßen\nHauke Brodersen", "de", "Sehr geehrter Herr Brodersen,"),
    ],
)  # fmt: skip
def test_a_family_is_greeted_as_the_family(display: str, body: str, lang: str, line: str) -> None:
    assert _line(display, body, lang)[0] == line


@pytest.mark.parametrize(
    ("display", "body", "line"),
    [
        # "Mrs" only when the customer writes it; else each on their own, the woman first
        ("Ian and Moira Dunbar", "Dear Sir or Madam,\n\nwe are moving in.\n\nKind regards,\n"
         "Ian and Moira Dunbar", "Dear Ms Dunbar and Mr Dunbar,"),
        ("Mr & Mrs Dunbar", "Dear Sir or Madam,\n\nwe are moving in.", "Dear Mr and Mrs Dunbar,"),
        ("Mr and Mrs I. Dunbar", "Dear Sir or Madam,\n\nwe are moving in.\n\nKind regards,\n"
         "Ian and Moira Dunbar", "Dear Mr and Mrs Dunbar,"),
    ],
)  # fmt: skip
def test_english_couples_use_mrs_only_when_written(display: str, body: str, line: str) -> None:
    assert _line(display, body, "en")[0] == line


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # an Arabic article written in lowercase is part of the family name
        ("Samira al-Hashimi", "Dear Sir or Madam,\n\nplease call me.\n\nRegards,\n"
         "Samira al-Hashimi", "en", "Dear Ms al-Hashimi,"),
        ("Tariq el-Amin", "Guten Tag,\n\nbitte rufen Sie mich an.", "de",
         "Sehr geehrter Herr el-Amin,"),
        # an office of a freight firm is no person
        ("Billing Dept - Northgate Logistics", "Dear Sir or Madam,\n\nplease resend the "
         "invoice.\n\nRegards,\nAccounts Payable\nNorthgate Logistics", "en", "Dear Sir or Madam,"),
        # a first name alone in a formal mail: no surname to greet, as in German
        ("Rosalind", "Hello,\n\nwhen are you open?\n\nKind regards,\nRosalind", "en",
         "Dear Sir or Madam,"),
        ("Ilse", "Guten Tag,\n\nwann haben Sie geöffnet?\n\nViele Grüße\nIlse", "de",
         "Sehr geehrte Damen und Herren,"),
    ],
)  # fmt: skip
def test_articles_offices_and_lone_first_names(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _line(display, body, lang)[0] == line


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # the same person signing family name first keeps the display order and completes it
        ("Yifan Zhou", "Guten Tag,\n\nbitte rufen Sie mich an.\n\nMit freundlichen Grüßen\n"
         "Zhou Yifan", "de", "Guten Tag Yifan Zhou,"),
        ("Keiko Tanabe", "Dear Sir or Madam,\n\nplease call me.\n\nBest regards,\n"
         "Tanabe Keiko (Ms)", "en", "Dear Ms Tanabe,"),
        # a family name in capitals is the family name, also first
        ("", "Dear Sir or Madam,\n\nplease call me.\n\nBest regards,\nTANABE Keiko", "en",
         "Dear Ms Tanabe,"),
        # but a common first name or two letters in capitals are a given name
        ("", "Dear Sir or Madam,\n\nplease call me.\n\nBest regards,\nJOHN Whitby", "en",
         "Dear Mr Whitby,"),
        ("", "Dear Sir or Madam,\n\nplease call me.\n\nBest regards,\nTJ Whitby", "en",
         "Dear Mr Whitby,"),
        # a Vietnamese middle name Thi / Văn names the sex; the family name is the common one
        ("Tran Thi Hoa", "Guten Tag,\n\nbitte rufen Sie mich an.", "de",
         "Sehr geehrte Frau Tran,"),
        ("Hoa Thi Tran", "Dear Sir or Madam,\n\nplease call me.", "en", "Dear Ms Tran,"),
        ("Phạm Văn Đức", "Guten Tag,\n\nbitte rufen Sie mich an.", "de",
         "Sehr geehrter Herr Phạm,"),
    ],
)  # fmt: skip
def test_name_order_from_how_the_name_is_written(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _line(display, body, lang)[0] == line


def test_chidi_is_a_name_of_either_sex() -> None:
    # Igbo "Chidi" is short for names of women and men: no Mr/Ms from it
    body = "Good morning,\n\nplease send me a letter.\n\nBest regards,\nChidi Anyanwu"
    assert _line("Chidi Anyanwu", body, "en")[0] == "Dear Chidi Anyanwu,"


@pytest.mark.parametrize(
    ("display", "body", "line", "register"),
    [
        # a Hi opener with no name anywhere: nothing to be formal to
        ("", "hey, is the portal down again? cheers", "Hi,", "you_informal"),
        # a full display name and no sign-off stays formal (unchanged)
        ("Priya Raman", "Hey, is there an outage in my street?", "Dear Ms Raman,", "you"),
    ],
)
def test_a_nameless_hi_mail_is_informal(display: str, body: str, line: str, register: str) -> None:
    assert _line(display, body, "en") == (line, register)


def test_seventh_blind_dev_table_is_all_right_now() -> None:
    # 88/100 with main 5935645 before it was tuned on (FIRST_DEV7); tuned on since. gd7-055
    # ("ihr habt …", signed "Gruß Rieke Asmussen") is Sie since session 12, and gd7-076 ("Dear
    # Ms Pettigrew, dear Mr Pettigrew,") is joined with "and" since session 13 (OLD_LABELS)
    rows = read_rows(DATA / "dev7.jsonl")
    assert len(rows) == 100
    assert [row["id"] for row in rows if not score_row(row)[0]] == ["gd7-055", "gd7-076"]


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Sehr geehrte Familie Brodersen,", "de"),
        ("Sehr geehrter Herr von Alsleben,", "de"),
        ("Dear Ashcroft family,", "en"),
        ("Dear Ms Dunbar and Mr Dunbar,", "en"),
        ("Hi,", "en"),
    ],
)
def test_the_model_draft_check_knows_the_new_greetings(line: str, lang: str) -> None:
    # the letter check on model drafts (greeting / register) accepts what the template writes
    closing = "Mit freundlichen Grüßen" if lang == "de" else "Kind regards"
    body = f"{line}\n\n{'vielen Dank für Ihre Nachricht.' if lang == 'de' else 'thanks.'}\n\n"
    assert is_greeting(line)
    assert check_letter(body + closing, "Guten Tag, bitte helfen Sie mir.", lang) == []


@pytest.mark.parametrize(
    ("display", "lang", "line"),
    [
        # own probes beyond dev7: a rank before the given name, British honours, spouses
        # named with both first names, a titled husband with "Mrs"
        ("Gräfin Anna von Rantzow", "de", "Sehr geehrte Frau von Rantzow,"),
        ("Freifrau Kim von Stade", "de", "Sehr geehrte Frau von Stade,"),
        ("Eheleute Maria und Peter Krause", "de",
         "Sehr geehrte Frau Krause, sehr geehrter Herr Krause,"),
        # since greet10 a knight or dame is greeted by the honour and first name (the common
        # British form; no table label disagrees)
        ("Sir Geoffrey Hale", "en", "Dear Sir Geoffrey,"),
        ("Dame Judith Ames", "en", "Dear Dame Judith,"),
        ("Mrs Jane and Dr Tim Kerr", "en", "Dear Dr and Mrs Kerr,"),
    ],
)  # fmt: skip
def test_ranks_honours_and_spouses_probed_beyond_the_table(
    display: str, lang: str, line: str
) -> None:
    body = "Guten Tag,\n\nbitte rufen Sie an." if lang == "de" else "Dear Sir,\n\nplease call."
    assert _line(display, body, lang)[0] == line


@pytest.mark.parametrize(
    ("first", "gender"),
    [
        # the table knows these but its sources disagree: the hand list decides (Turkish,
        # Swedish, Arabic names), and names it lacked (Dutch, Russian, Greek, Indian)
        ("Esra", "female"),
        ("Arda", "male"),
        ("Malin", "female"),
        ("Sami", "male"),
        ("Maaike", "female"),
        ("Jurij", "male"),
        ("Giorgos", "male"),
        ("Venkatesh", "male"),
    ],
)
def test_first_names_where_the_statistics_disagree(first: str, gender: str) -> None:
    assert gender_of(first, "de") == gender_of(first, "en") == gender


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # a first name of the other sex signed under the account holder's name: she writes
        # from the family's account (a nickname of his own sex stays him: "Bill" for William)
        ("Tom Berg", "Dear Sir or Madam,\n\nplease call.\n\nKind regards,\nJane", "en",
         "Dear Ms Berg,"),
        ("Herr Uwe Kahl", "Guten Tag,\n\nbitte rufen Sie an.\n\nGruß\nMonika", "de",
         "Sehr geehrte Frau Kahl,"),
        ("William Ashby", "Dear Sir or Madam,\n\nplease call.\n\nRegards,\nBill", "en",
         "Dear Mr Ashby,"),
    ],
)  # fmt: skip
def test_a_signer_of_the_other_sex_is_greeted_not_the_account_holder(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _line(display, body, lang)[0] == line


@pytest.mark.parametrize(
    ("display", "line"),
    [
        # a given name the hand lists know is no part of a double family name, even where
        # few US children had it ("Reza"), and a female middle name ("Nur") stays with her
        ("Mohammad Reza Ahmadi", "Sehr geehrter Herr Ahmadi,"),
        ("Ayşe Nur Yıldırım", "Sehr geehrte Frau Yıldırım,"),
        # a real double family name is kept
        ("Lucía Fernández Ortega", "Sehr geehrte Frau Fernández Ortega,"),
    ],
)
def test_middle_names_the_hand_lists_know(display: str, line: str) -> None:
    assert _line(display, "Guten Tag,\n\nbitte rufen Sie an.", "de")[0] == line


@pytest.mark.parametrize(
    ("display", "lang", "line"),
    [
        # a title in the family-name part of "Last, First" is kept
        ("Dr. Lemke, Harald", "de", "Sehr geehrter Herr Dr. Lemke,"),
        # the birth name after "geb." / "née" is no part of the name
        ("Ute Kramer geb. Hollstein", "de", "Sehr geehrte Frau Kramer,"),
        ("Helen Marsh née Brook", "en", "Dear Ms Marsh,"),
        # ASCII "Van" next to a Vietnamese family name is the man's middle name
        ("Tran Van Duc", "en", "Dear Mr Tran,"),
        ("Pieter van Dijk", "en", "Dear Mr van Dijk,"),
    ],
)  # fmt: skip
def test_titles_birth_names_and_van(display: str, lang: str, line: str) -> None:
    body = "Guten Tag,\n\nbitte rufen Sie an." if lang == "de" else "Dear Sir,\n\nplease call."
    assert _line(display, body, lang)[0] == line


@pytest.mark.parametrize(
    "display", ["Hausverwaltung Lindau GmbH i.A. Carola Wendt", "i. A. Carola Wendt"]
)
def test_i_a_inside_the_display_name_names_the_writer(display: str) -> None:
    assert _line(display, "Guten Tag,\n\nbitte rufen Sie an.", "de")[0] == (
        "Sehr geehrte Frau Wendt,"
    )


@pytest.mark.parametrize(
    ("display", "closing", "line"),
    [
        # "im Auftrag meiner Mutter" on its own line: the name below it wrote the mail
        ("Erna Brandes", "Mit freundlichen Grüßen\nim Auftrag meiner Mutter\nKatrin Ohlsen",
         "Sehr geehrte Frau Ohlsen,"),
        # the firm's line under the closing, then the person
        ("Verwaltung", "Mit freundlichen Grüßen\nIhre Hausverwaltung Kiel-Nord\nJonas Brehm",
         "Sehr geehrter Herr Brehm,"),
    ],
)  # fmt: skip
def test_the_writer_below_a_behalf_or_firm_line(display: str, closing: str, line: str) -> None:
    body = f"Guten Tag,\n\nbitte rufen Sie an.\n\n{closing}"
    assert _line(display, body, "de")[0] == line


@pytest.mark.parametrize(
    ("display", "body", "lang", "line", "register"),
    [
        # casual openers: "na ihr" is a Du plural like "hallo ihr"; "Morning", "G'day" are Hi
        ("Lea Brandt", "na ihr,\n\nwie läuft das mit dem umzug?\n\nlea", "de", "Hallo Lea,", "du"),
        ("Ben Cole", "Morning all,\n\nany update?\n\nBen", "en", "Hi Ben,", "you_informal"),
        ("Ben Cole", "G'day,\n\nany update?\n\nCheers,\nBen", "en", "Hi Ben,", "you_informal"),
        # "Good morning" stays formal
        ("Ben Cole", "Good morning,\n\nany update?\n\nBen", "en", "Dear Mr Cole,", "you"),
        # a department and a shop under the closing are no person
        ("", "Hello,\n\nyour order is late.\n\nWarm regards,\nCustomer Support\nOnline Store",
         "en", "Dear Sir or Madam,", "you"),
    ],
)  # fmt: skip
def test_casual_openers_and_shop_signatures(
    display: str, body: str, lang: str, line: str, register: str
) -> None:
    assert _line(display, body, lang) == (line, register)
