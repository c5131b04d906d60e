"""Greeting classes of greet28 (session 25: test11 retired and tuned on), each tested on own
examples, not table rows:

- Frisian and North German given names the name data do not know ("Beke", "Taalke" are
  women; "Boje", "Hayo" men): "Sehr geehrte Frau Carstensen,";
- Arabic compound given names: a second part with the article ("Fatima Ezzahra", "Nour El
  Houda", "Mohamed El-Amine") or "Din" ("Salah Eddine", "Nasr El Din") is no part of the family
  name, and "Abd"/"Abdul" never stands alone ("Hallo Abdul Karim,", not "Hallo Abdul,");
- the given names signed without the family name ("Abdul Karim" under "Abdul Karim Haddad")
  are the account holder's, not a person called Karim.
"""

from __future__ import annotations

import pytest

from drafter.drafting.salutation import detect_register, greeting
from drafter.models import Address, InboundEmail

_DE = (
    "Guten Tag,\n\nbitte schicken Sie die Jahresabrechnung noch einmal.\n\n"
    "Mit freundlichen Grüßen\n"
)
_DE_DU = "Hallo,\n\nkannst du mir die Jahresabrechnung noch mal schicken?\n\nLG\n"
_EN = "Hello,\n\nCould you send the annual statement again, please?\n\nKind regards,\n"


def _line(
    display: str, body: str, lang: str, address: str = "post@example.org", quoted: str = ""
) -> tuple[str, str]:
    email = InboundEmail(
        from_=Address(name=display, email=address), body=body, quoted=quoted, language=lang
    )
    register = detect_register(email, lang, "sie")
    return greeting(email, lang, register).first_line, register


@pytest.mark.parametrize(
    ("display", "line"),
    [
        ("Beke Carstensen", "Sehr geehrte Frau Carstensen,"),
        ("Taalke Janssen", "Sehr geehrte Frau Janssen,"),
        ("Boje Petersen", "Sehr geehrter Herr Petersen,"),
        ("Hayo Eilers", "Sehr geehrter Herr Eilers,"),
        ("Tomke Janssen", "Guten Tag Tomke Janssen,"),  # control: of both sexes
    ],
)
def test_frisian_given_names(display: str, line: str) -> None:
    assert _line(display, _DE + display, "de") == (line, "sie")


def test_a_frisian_name_signed_under_a_first_name_account() -> None:
    assert _line("Beke", _DE + "Beke Carstensen", "de") == ("Sehr geehrte Frau Carstensen,", "sie")


@pytest.mark.parametrize(
    ("display", "de", "en"),
    [
        ("Fatima Ezzahra Benjelloun", "Sehr geehrte Frau Benjelloun,", "Dear Ms Benjelloun,"),
        ("Khadija Al-Zahra Mansour", "Sehr geehrte Frau Mansour,", "Dear Ms Mansour,"),
        ("Nour El Houda Cherif", "Sehr geehrte Frau Cherif,", "Dear Ms Cherif,"),
        ("Mohamed El-Amine Bouzid", "Sehr geehrter Herr Bouzid,", "Dear Mr Bouzid,"),
        ("Salah Eddine Tazi", "Sehr geehrter Herr Tazi,", "Dear Mr Tazi,"),
        ("Nasr El Din Farouk", "Sehr geehrter Herr Farouk,", "Dear Mr Farouk,"),
        ("Karim Amine Lahlou", "Sehr geehrter Herr Lahlou,", "Dear Mr Lahlou,"),
        # controls, right on main too: an Arab family name with the article stays whole
        ("Ahmad Al-Khatib", "Sehr geehrter Herr Al-Khatib,", "Dear Mr Al-Khatib,"),
        ("Layla Al-Hassan Omar", "Sehr geehrte Frau Al-Hassan Omar,", "Dear Ms Al-Hassan Omar,"),
        ("Jamal Uddin", "Sehr geehrter Herr Uddin,", "Dear Mr Uddin,"),
    ],
)
def test_an_arabic_compound_given_name_is_no_part_of_the_family_name(
    display: str, de: str, en: str
) -> None:
    assert _line(display, _DE + display, "de") == (de, "sie")
    assert _line(display, _EN + display, "en") == (en, "you")


@pytest.mark.parametrize(
    ("display", "signed", "line"),
    [
        ("Abdul Karim Haddad", "Abdul Karim", "Hallo Abdul Karim,"),
        ("Abd al-Rahman Saleh", "Abd al-Rahman", "Hallo Abd al-Rahman,"),
        ("Abdul Karim Haddad", "Abdul Karim Haddad", "Hallo Abdul Karim,"),
        ("Fatima Ezzahra Benjelloun", "Fatima Ezzahra", "Hallo Fatima Ezzahra,"),
        ("Salah Eddine Tazi", "Salah Eddine", "Hallo Salah Eddine,"),
        ("Jonas Berg", "Jonas", "Hallo Jonas,"),  # control
    ],
)
def test_an_arabic_compound_is_greeted_whole_in_du(display: str, signed: str, line: str) -> None:
    assert _line(display, _DE_DU + signed, "de") == (line, "du")


@pytest.mark.parametrize(
    ("display", "signed", "line"),
    [
        ("Abdul Karim Haddad", "Abdul Karim", "Dear Mr Haddad,"),
        ("Mohamed El-Amine Bouzid", "Mohamed El-Amine", "Dear Mr Bouzid,"),
        ("Anna Elisa Bergmann", "Anna Elisa", "Dear Ms Bergmann,"),
    ],
)
def test_the_given_names_signed_alone_are_the_account_holders(
    display: str, signed: str, line: str
) -> None:
    assert _line(display, _EN + signed, "en") == (line, "you")


_DE_FORMAL = (
    "Sehr geehrte Damen und Herren,\n\nich widerspreche der Werbung.\n\nMit freundlichen Grüßen\n"
)


@pytest.mark.parametrize(
    ("display", "signed", "line"),
    [
        ("Herr W.", "Walter Brinkmann", "Sehr geehrter Herr Brinkmann,"),  # the given name's
        ("Herr R.", "Robin Brinkmann", "Sehr geehrter Herr Brinkmann,"),  # Herr tells the sex
        ("Herr T.", "Ulla Brinkmann", "Sehr geehrte Frau Brinkmann,"),  # someone else signs
        ("Herr T.", "Robin Brinkmann", "Guten Tag Robin Brinkmann,"),  # the initial is not his
        ("Herr Dr. W.", "Walter Brinkmann", "Sehr geehrter Herr Dr. Brinkmann,"),  # his title
        # controls, right on main too: the family name's initial
        ("Herr B.", "Walter Brinkmann", "Sehr geehrter Herr Brinkmann,"),
        ("Herr B.", "Brinkmann", "Sehr geehrter Herr Brinkmann,"),
        ("Frau B.", "Ulla Brinkmann", "Sehr geehrte Frau Brinkmann,"),  # control
    ],
)
def test_a_form_of_address_with_an_initial_takes_the_signed_name(
    display: str, signed: str, line: str
) -> None:
    assert _line(display, _DE_FORMAL + signed, "de") == (line, "sie")


def test_mr_with_an_initial_in_english() -> None:
    body = "Dear Sir or Madam,\n\nPlease stop the mailings.\n\nRegards,\nWalter Brinkman"
    assert _line("Mr W.", body, "en") == ("Dear Mr Brinkman,", "you")


@pytest.mark.parametrize(
    ("display", "signed", "en", "de"),
    [
        ("Liang Haoran", "Liang Haoran (Mr)", "Dear Mr Liang,", "Sehr geehrter Herr Liang,"),
        ("Zhou Zihan", "Zhou Zihan (Ms)", "Dear Ms Zhou,", "Sehr geehrte Frau Zhou,"),
        # controls, right on main too: no sex to tell, given name first, no clear order
        ("Song Jiahui", "Song Jiahui", "Dear Song Jiahui,", "Guten Tag Song Jiahui,"),
        ("Haoran Liang", "Haoran Liang (Mr)", "Dear Mr Liang,", "Sehr geehrter Herr Liang,"),
        ("Zhang Wei", "Zhang Wei", "Dear Zhang Wei,", "Guten Tag Zhang Wei,"),
        ("ZHAO Xiaomei", "ZHAO Xiaomei", "Dear Ms Zhao,", "Sehr geehrte Frau Zhao,"),
    ],
)
def test_a_pinyin_name_written_family_name_first(
    display: str, signed: str, en: str, de: str
) -> None:
    english = "Dear Sir or Madam,\n\nPlease move my contract.\n\nBest regards,\n"
    assert _line(display, english + signed, "en")[0] == en
    assert _line(display, _DE + signed, "de")[0] == de


@pytest.mark.parametrize(
    ("display", "body", "line", "register"),
    [
        # a casual opener from an account that shows a first name alone stays informal under a
        # full name signed
        ("Alfie", "Hiya,\n\nour bin day changed, is that you lot?\n\nAlfie Pengelly",
         "Hi Alfie,", "you_informal"),
        ("Alfie", "Hey,\n\nis the app down?\n\nCheers\nAlfie Pengelly", "Hi Alfie,",
         "you_informal"),
        ("Alfie", "Hi,\n\nis the app down?\n\nThanks\nAlfie Pengelly", "Hi Alfie,",
         "you_informal"),
        # controls, right on main too: a full-name account, a formal opener, someone else signs
        ("Alfie Pengelly", "Hi,\n\nis the app down?\n\nThanks\nAlfie Pengelly",
         "Dear Mr Pengelly,", "you"),
        ("Alfie", "Hello,\n\nis the app down?\n\nKind regards\nAlfie Pengelly",
         "Dear Mr Pengelly,", "you"),
        ("Alfie", "Hi,\n\nis the app down?\n\nThanks\nMartha Pengelly",
         "Dear Ms Pengelly,", "you"),
    ],
)  # fmt: skip
def test_a_casual_opener_from_a_first_name_account_stays_informal(
    display: str, body: str, line: str, register: str
) -> None:
    assert _line(display, body, "en") == (line, register)


@pytest.mark.parametrize(
    ("display", "body", "line", "register"),
    [
        # the plural "ihr" to the firm under a family name is Sie (house rule), unless the
        # account shows the customers by first name alone
        ("Jannik & Merle", "Hallo zusammen,\n\nkönnt ihr uns sagen, wann abgelesen wird?\n\n"
         "Danke euch!\nMerle & Jannik Thiessen", "Hallo Merle, hallo Jannik,", "du"),
        ("Jannik", "Hallo Stadtwerke,\n\nkönnt ihr mir sagen, wann abgelesen wird?\n\n"
         "Gruß\nJannik Thiessen", "Hallo Jannik,", "du"),
        ("Jannik", "Hey,\n\nwann wird abgelesen?\n\nGruß\nJannik Thiessen", "Hallo Jannik,",
         "du"),
        # controls, right on main too: a full-name account, a formal opener
        ("Jannik Thiessen", "Hallo Stadtwerke,\n\nkönnt ihr mir sagen, wann abgelesen wird?"
         "\n\nGruß\nJannik Thiessen", "Sehr geehrter Herr Thiessen,", "sie"),
        ("Jannik", "Guten Tag,\n\nkönnt ihr mir sagen, wann abgelesen wird?\n\n"
         "Gruß\nJannik Thiessen", "Sehr geehrter Herr Thiessen,", "sie"),
        ("Jannik", "Hallo,\n\nwann wird abgelesen?\n\nGruß\nJannik Thiessen",
         "Sehr geehrter Herr Thiessen,", "sie"),
    ],
)  # fmt: skip
def test_a_casual_german_mail_from_a_first_name_account_keeps_the_du(
    display: str, body: str, line: str, register: str
) -> None:
    assert _line(display, body, "de") == (line, register)
