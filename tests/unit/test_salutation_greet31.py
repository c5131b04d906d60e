"""Greeting classes of greet31 (session 27: test15 retired and tuned on), each tested on own
examples, not table rows:

- a name signed for a group ("Jonas für die WG", "Jonas, für die WG", "Lea im Auftrag der WG",
  "Ole Brandt im Namen der Hausgemeinschaft", "Priya for the flat", "Tom on behalf of the
  residents") is the person who signed, not the group after it; a sentence of thanks ("Danke
  für die Hilfe") is no name;
- Chinese women's given names of two syllables the first-name data do not know ("Hongxia",
  "Shufen", "Meihua"), also after a family name in capitals ("ZHANG Hongxia"), and given
  names of a clear sex of other origins the data do not know (Indonesian, Sinhala, Estonian,
  Catalan, Georgian, Hausa, ...);
- the Brazilian "Oi" (and the Finnish "Moi", Czech "Čau", Polish "Hejka", Bavarian
  "Servus") opens an English mail as casually as "Hi", and the affectionate closings of
  Portuguese, Spanish, French and Italian ("Beijos", "Um abraço", "Besos", "Bisous", "Baci"),
  the Dutch "Groetjes" and "Liefs" and the English "Hugs" close it: "Oi! … Beijos, Bia" is
  answered "Hi Bia,"; German partings between friends ("Tschau, Jan", "Bussi Jan", "Gruß
  und Kuss") close a mail and are no part of the name;
- titles: the kind of professorship is no part of the greeting ("Univ.-Prof. Dr. Eva Maier",
  "apl. Prof.", "Jun.-Prof.", "Associate Professor", "Assoc. Prof." -> Prof. / Professor), a
  habilitation neither ("Dr.-Ing. habil." -> Dr.), the Austrian double doctorate stays
  ("DDr. Karl Huber" -> "Herr DDr. Huber", "Dear Dr Huber,"), and a rank or office before the
  name that the first-name data hold as a man's name ("Judge", "General", "Sergeant") does
  not make a woman Mr.
"""

from __future__ import annotations

import pytest

from drafter.drafting.signoff import signed_name
from tests.unit.greeting_lines import greeting_line, mail

_DU = "Hallo ihr,\n\nkönnt ihr den Stromvertrag ab Mai auf einen anderen Namen umschreiben?\n\n"
_SIE = "Sehr geehrte Damen und Herren,\n\nbitte rufen Sie uns wegen des Zählers zurück.\n\n"
_HI = "Hi,\n\ncan you move the direct debit to the first of the month?\n\n"


@pytest.mark.parametrize(
    ("display", "address", "closing", "language", "expected"),
    [
        ("WG Hafenstraße 12", "wg.hafen12@example.de", "Danke euch!\nJonas für die WG", "de",
         ("Hallo Jonas,", "du")),
        ("Hausgemeinschaft Ring 3", "hg.ring3@example.de", "Liebe Grüße\nMia für uns alle",
         "de", ("Hallo Mia,", "du")),
        ("WG Hafenstraße 12", "wg.hafen12@example.de", "Danke euch!\nJonas, für die WG", "de",
         ("Hallo Jonas,", "du")),
        ("WG Hafenstraße 12", "wg.hafen12@example.de", "Danke euch!\nLea im Auftrag der WG",
         "de", ("Hallo Lea,", "du")),
        ("Flat 4", "flat4.oakroad@example.co.uk", "Cheers,\nPriya on behalf of Flat 4", "en",
         ("Hi Priya,", "you_informal")),
        ("", "customer@example.co.uk",
         "Kind regards,\nSarah Hale on behalf of my mother, Joan Hale", "en",
         ("Dear Ms Hale,", "you")),
        ("Hausgemeinschaft Ring 3", "hg.ring3@example.de",
         "Mit freundlichen Grüßen\nOle Brandt im Namen der Hausgemeinschaft", "de",
         ("Sehr geehrter Herr Brandt,", "sie")),
        ("Flat 4", "flat4.oakroad@example.co.uk", "Cheers,\nPriya for the flat", "en",
         ("Hi Priya,", "you_informal")),
        ("Residents Elm Court", "elmcourt@example.co.uk",
         "Kind regards,\nTom Hartley on behalf of the residents", "en",
         ("Dear Mr Hartley,", "you")),
    ],
)  # fmt: skip
def test_a_name_signed_for_a_group_is_the_person(
    display: str, address: str, closing: str, language: str, expected: tuple[str, str]
) -> None:
    opening = {"de": _DU if expected[1] == "du" else _SIE, "en": _HI}[language]
    if expected[1] == "you":
        opening = "Dear Sir or Madam,\n\nplease call us about the meter.\n\n"
    assert greeting_line(display, opening + closing, address, language) == expected


def test_thanks_for_something_is_no_name() -> None:
    body = "Guten Tag,\n\nbitte senden Sie mir die Rechnung erneut.\n\nVielen Dank für die Hilfe"
    assert signed_name(mail("Kundenservice", body, "info@example.de", "de")) == ""


@pytest.mark.parametrize(
    ("display", "address", "language", "expected"),
    [
        ("ZHANG Hongxia", "zhang.hx@example.cn", "en", "Dear Ms Zhang,"),
        ("ZHANG Hongxia", "zhang.hx@example.cn", "de", "Sehr geehrte Frau Zhang,"),
        ("Shufen Wang", "shufen.wang@example.com", "en", "Dear Ms Wang,"),
        ("CHEN Meihua", "chen.meihua@example.cn", "en", "Dear Ms Chen,"),
        ("Liu Cuihua", "liu.cuihua@example.de", "de", "Sehr geehrte Frau Liu,"),
    ],
)
def test_chinese_women_s_given_names_the_data_do_not_know(
    display: str, address: str, language: str, expected: str
) -> None:
    if language == "de":
        body = _SIE + "Mit freundlichen Grüßen\n" + display
    else:
        body = "Dear Sir or Madam,\n\nmy meter shows no figures.\n\nThank you\n" + display
    assert greeting_line(display, body, address, language)[0] == expected


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("Oi!", "Beijos, Bia"),
        ("Oi!", "Um abraço,\nBia"),
        ("Hi!", "Beijinhos,\nBia"),
        ("Hola!", "Besos, Bia"),
        ("Hi,", "Bisous,\nBia"),
        ("Hey,", "Baci,\nBia"),
        ("Moi!", "Bisous, Bia"),
        ("Čau!", "Bia"),
        ("Hejka!", "Bia"),
        ("Servus!", "Bia"),
        ("Hi!", "Hugs, Bia"),
        ("Hi!", "Groetjes, Bia"),
        ("Hi!", "Liefs,\nBia"),
    ],
)
def test_a_casual_hello_and_an_affectionate_closing_of_another_language(
    opening: str, closing: str
) -> None:
    body = f"{opening}\n\nI just moved in - can you help me set up the electricity?\n\n{closing}"
    display, address = "Ana Beatriz Souza", "bia.souza@example.com.br"
    assert signed_name(mail(display, body, address, "en")) == "Bia"
    assert greeting_line(display, body, address, "en") == ("Hi Bia,", "you_informal")


def test_an_affectionate_closing_under_a_full_name_stays_formal() -> None:
    body = "Hola!\n\ncan you help me with my meter?\n\nBesos,\nLucía Fernández"
    assert greeting_line("Lucía Fernández", body, "lucia@example.es", "en") == (
        "Dear Ms Fernández,",
        "you",
    )


@pytest.mark.parametrize(
    ("display", "language", "expected"),
    [
        ("Putri Wulandari", "en", "Dear Ms Wulandari,"),
        ("Budi Santoso", "de", "Sehr geehrter Herr Santoso,"),
        ("Chaminda Perera", "en", "Dear Mr Perera,"),
        ("Dilini Fernando", "en", "Dear Ms Fernando,"),
        ("Triin Tamm", "de", "Sehr geehrte Frau Tamm,"),
        ("Toomas Kask", "en", "Dear Mr Kask,"),
        ("Oriol Puig", "de", "Sehr geehrter Herr Puig,"),
        ("Queralt Soler", "en", "Dear Ms Soler,"),
        ("Zurab Beridze", "en", "Dear Mr Beridze,"),
        ("Hauwa Abdullahi", "en", "Dear Ms Abdullahi,"),
        ("Sigríður Jónsdóttir", "de", "Sehr geehrte Frau Jónsdóttir,"),
        ("Zhigang Wu", "en", "Dear Mr Wu,"),
    ],
)
def test_given_names_of_other_origins_the_data_do_not_know(
    display: str, language: str, expected: str
) -> None:
    if language == "de":
        body = _SIE + "Mit freundlichen Grüßen\n" + display
    else:
        body = "Dear Sir or Madam,\n\nmy meter shows no figures.\n\nKind regards\n" + display
    address = display.lower().replace(" ", ".") + "@example.com"
    assert greeting_line(display, body, address, language)[0] == expected


_DE_CLOSE = _SIE + "Mit freundlichen Grüßen\n"
_EN_CLOSE = "Dear Sir or Madam,\n\nplease call me about the meter.\n\nKind regards\n"


@pytest.mark.parametrize(
    ("display", "language", "expected"),
    [
        ("Univ.-Prof. Dr. Eva Maier", "de", "Sehr geehrte Frau Prof. Dr. Maier,"),
        ("ao. Univ.-Prof. Dr. Karl Huber", "de", "Sehr geehrter Herr Prof. Dr. Huber,"),
        ("Univ.-Prof.in Dr.in Eva Maier", "de", "Sehr geehrte Frau Prof. Dr. Maier,"),
        ("apl. Prof. Dr. Jan Vogt", "de", "Sehr geehrter Herr Prof. Dr. Vogt,"),
        ("Jun.-Prof. Dr. Lena Ott", "de", "Sehr geehrte Frau Prof. Dr. Ott,"),
        ("Univ.-Prof. Dr. Eva Maier", "en", "Dear Professor Maier,"),
        ("Associate Professor Tom Hale", "en", "Dear Professor Hale,"),
        ("Assoc. Prof. Sarah Hale", "en", "Dear Professor Hale,"),
        ("Dr.-Ing. habil. Jan Vogt", "de", "Sehr geehrter Herr Dr. Vogt,"),
        ("Dr. rer. nat. habil. Anna Roth", "de", "Sehr geehrte Frau Dr. Roth,"),
        ("DDr. Karl Huber", "de", "Sehr geehrter Herr DDr. Huber,"),
        ("DDr. Karl Huber", "en", "Dear Dr Huber,"),
        ("Judge Sarah Hale", "en", "Dear Ms Hale,"),
        ("General Sarah Hale", "en", "Dear Ms Hale,"),
        ("Sergeant Sarah Hale", "en", "Dear Ms Hale,"),
        ("Dean Smith", "en", "Dear Mr Smith,"),
    ],
)
def test_titles_kinds_of_professor_habilitation_and_ranks(
    display: str, language: str, expected: str
) -> None:
    body = (_DE_CLOSE if language == "de" else _EN_CLOSE) + display
    assert greeting_line(display, body, "post@example.at", language)[0] == expected


@pytest.mark.parametrize(
    "closing",
    ["Bussi Jan", "Bussi\nJan", "Tschau, Jan", "Gruß und Kuss\nJan", "Tschö\nJan",
     "Küsschen, Jan", "Liebe Grüße und Küsse\nJan"],
)  # fmt: skip
def test_german_partings_between_friends_are_no_part_of_the_name(closing: str) -> None:
    body = f"Hallo,\n\nwann kommt der Ableser zu uns?\n\n{closing}"
    assert signed_name(mail("Jan Vogt", body, "jan.vogt@example.de", "de")) == "Jan"
    assert (
        greeting_line("Jan Vogt", body, "jan.vogt@example.de", "de")[0]
        == "Sehr geehrter Herr Vogt,"
    )
    casual = body.replace("Hallo,", "Huhu,")
    assert greeting_line("Jan Vogt", casual, "jan.vogt@example.de", "de") == ("Hallo Jan,", "du")
