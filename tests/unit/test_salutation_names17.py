"""Greetings, session 15 round (issue 12): a South Asian given name linked by a lowercase
article ("Noor ul Ain Siddiqui") and a person who signs for the family ("Anna Berg und
Familie"). Found on the development mails (privacy dev8) and greet16's open list; no table row
changed. The examples are written here, not copied from a mail.
"""

from __future__ import annotations

import pytest

from drafter.drafting.salutation import detect_register, greeting
from drafter.drafting.sender import parse_name
from drafter.models import Address, InboundEmail


def _line(display: str, body: str, lang: str) -> str:
    email = InboundEmail(
        from_=Address(name=display, email="kunde@example.org"), body=body, language=lang
    )
    return greeting(email, lang, detect_register(email, lang, "sie")).first_line


_DE = "Guten Tag,\n\nwie kann ich meinen Abschlag ändern?\n\n"
_EN = "Hello,\n\nhow can I change my monthly payment?\n\n"


@pytest.mark.parametrize(
    ("display", "first", "last"),
    [
        ("Noor ul Ain Siddiqui", "Noor ul Ain", "Siddiqui"),
        ("Fazal ur Rehman Khan", "Fazal ur Rehman", "Khan"),
        ("Shams ud Din Ahmed", "Shams ud Din", "Ahmed"),
        ("Wahid uz Zaman Chowdhury", "Wahid uz Zaman", "Chowdhury"),
        ("Noor Ul Ain Siddiqui", "Noor Ul Ain", "Siddiqui"),  # the article capitalised
        ("Mohammed Zia ul Haq Chaudhry", "Mohammed", "Chaudhry"),  # a middle name so linked
        ("Noor-ul-Ain Siddiqui", "Noor-ul-Ain", "Siddiqui"),  # written as before
    ],
)
def test_a_given_name_linked_by_an_article_is_one_given_name(
    display: str, first: str, last: str
) -> None:
    name = parse_name(display)
    assert (name.first, name.last) == (first, last)


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        ("Noor ul Ain Siddiqui", _EN + "Many thanks\nNoor", "en", "Dear Ms Siddiqui,"),
        ("Fazal ur Rehman Khan", _DE + "Mit freundlichen Grüßen\nFazal ur Rehman Khan", "de",
         "Sehr geehrter Herr Khan,"),
        # the family signs with the writer: she is greeted
        ("Anna Berg und Familie", _DE + "Viele Grüße\nAnna Berg und Familie", "de",
         "Sehr geehrte Frau Berg,"),
        ("", _DE + "Viele Grüße\nAnna Berg mit Familie", "de", "Sehr geehrte Frau Berg,"),
        ("", _DE + "Mit freundlichen Grüßen\nJens Ohlsen & Familie", "de",
         "Sehr geehrter Herr Ohlsen,"),
        ("", _EN + "Best wishes\nTom Berg and family", "en", "Dear Mr Berg,"),
        ("Tom Berg and family", _EN + "Thanks\nTom", "en", "Dear Mr Berg,"),
        ("", _DE + "Viele Grüße\nAnna Berg und Kinder", "de", "Sehr geehrte Frau Berg,"),
        # a couple with their children stays a couple; a family alone stays the family
        ("", _DE + "Viele Grüße\nAnna und Tom Berg mit Kindern", "de",
         "Sehr geehrte Frau Berg, sehr geehrter Herr Berg,"),
        ("", _DE + "Viele Grüße\nFamilie Berg", "de", "Sehr geehrte Familie Berg,"),
    ],
)  # fmt: skip
def test_the_greeting_of_a_linked_name_and_of_a_family_signer(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _line(display, body, lang) == line


@pytest.mark.parametrize(
    ("body", "lang", "line"),
    [
        # a name and its address on one line without a comma after the name
        (_DE + "Mit freundlichen Grüßen\nAnna Berg Am Markt 3 24103 Kiel", "de",
         "Sehr geehrte Frau Berg,"),
        (_DE + "Viele Grüße\nHans Peter Berg Lindenweg 4 24103 Kiel", "de",
         "Sehr geehrter Herr Berg,"),
        (_DE + "Gruß\nJens Ohlsen Kolberger Str. 9, 24148 Kiel", "de",
         "Sehr geehrter Herr Ohlsen,"),
        (_DE + "MfG\nH.-J. Bornholdt Am Langsee 11 24148 Kiel", "de", "Guten Tag H.-J. Bornholdt,"),
        (_EN + "Kind regards\nTom Reed 12 Mill Lane Leeds", "en", "Dear Mr Reed,"),
        # a family name that ends like a street ("-berg") is no street; a word that is no
        # name before the address gives no name
        (_DE + "Viele Grüße\nHans Peter Lindenberg Hauptstraße 4 24103 Kiel", "de",
         "Sehr geehrter Herr Lindenberg,"),
        (_DE + "Zählerstand Hauptstraße 5 24103 Kiel", "de", "Sehr geehrte Damen und Herren,"),
    ],
)  # fmt: skip
def test_a_name_and_its_address_on_one_line_without_a_comma(
    body: str, lang: str, line: str
) -> None:
    assert _line("", body, lang) == line


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # given names signed alone over a family line: the family name is theirs
        ("", _DE + "Viele Grüße\nAnna und Tom\nFamilie Berg", "de",
         "Sehr geehrte Frau Berg, sehr geehrter Herr Berg,"),
        ("", _DE + "Viele Grüße\nAnna\nFamilie Berg", "de", "Sehr geehrte Frau Berg,"),
        ("", _EN + "Best wishes\nTom\nThe Berg family", "en", "Dear Mr Berg,"),
        # the family alone, and a first-name couple under one person's account, stay as they were
        ("", _DE + "Viele Grüße\nFamilie Berg", "de", "Sehr geehrte Familie Berg,"),
        ("Kim Lee", _DE + "Viele Grüße\nKim & Jonas", "de", "Sehr geehrte Damen und Herren,"),
    ],
)  # fmt: skip
def test_given_names_signed_over_a_family_line(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _line(display, body, lang) == line


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # a full stop after the signed name is the sentence's, never part of the greeting
        ("", _DE + "Mit freundlichen Grüßen\nJohanna Thalheim.", "de",
         "Sehr geehrte Frau Thalheim,"),
        ("", _EN + "Kind regards\nMagnus Eriksen.", "en", "Dear Mr Eriksen,"),
        ("", _DE + "Mit freundlichen Grüßen\nHoang Anh Le.", "de", "Guten Tag Hoang Anh Le,"),
        ("Leonie Kruse", "Hallo ihr,\n\nkannst du mir helfen?\n\nLG Leonie.", "de",
         "Hallo Leonie,"),
        # the stop of an abbreviation stays ("Wwe.", "jun.": no part of the family name, as
        # "Jr." was before), an initial stays an initial (no greeting with "Frau B.")
        ("", _DE + "Hochachtungsvoll\nAnnemarie Tödter Wwe.", "de", "Sehr geehrte Frau Tödter,"),
        ("", _DE + "Mit freundlichen Grüßen\nKarl Huber jun.", "de", "Sehr geehrter Herr Huber,"),
        ("", _DE + "Mit freundlichen Grüßen\nAnna B.", "de", "Sehr geehrte Damen und Herren,"),
    ],
)  # fmt: skip
def test_a_full_stop_after_the_signed_name(display: str, body: str, lang: str, line: str) -> None:
    assert _line(display, body, lang) == line


@pytest.mark.parametrize(
    ("body", "lang", "line"),
    [
        # a wish joined to the closing holds no name: the name is on the line below
        (_DE + "Viele Grüße und ein schönes Wochenende\nTanja Vollmer", "de",
         "Sehr geehrte Frau Vollmer,"),
        (_DE + "Beste Grüße und bis bald\nJörn Matthiesen", "de", "Sehr geehrter Herr Matthiesen,"),
        (_EN + "Kind regards and happy holidays\nMagnus Eriksen", "en", "Dear Mr Eriksen,"),
        # greetings to someone are no closing of the writer's
        (_DE + "Viele Grüße an Tanja Vollmer", "de", "Sehr geehrte Damen und Herren,"),
    ],
)  # fmt: skip
def test_a_wish_after_the_closing(body: str, lang: str, line: str) -> None:
    assert _line("", body, lang) == line


@pytest.mark.parametrize(
    ("display", "line"),
    [
        # a tag in the display name is no second person and no part of the family's name
        ("Anna Berg / Home", "Sehr geehrte Frau Berg,"),
        ("Anna Berg / Privat", "Sehr geehrte Frau Berg,"),
        ("Familie Grabbert (privat)", "Sehr geehrte Familie Grabbert,"),
        ("Familie Grabbert (Gmail)", "Sehr geehrte Familie Grabbert,"),
        # two persons stay two
        ("Anna Berg / Tom Berg", "Sehr geehrte Frau Berg, sehr geehrter Herr Berg,"),
        ("Anna und Tom Berg", "Sehr geehrte Frau Berg, sehr geehrter Herr Berg,"),
    ],
)
def test_a_tag_in_the_display_name(display: str, line: str) -> None:
    assert _line(display, _DE + "Mit freundlichen Grüßen", "de") == line


@pytest.mark.parametrize(
    ("display", "lang", "line"),
    [
        # both ends are common Vietnamese family names: the commoner one is the family name,
        # and Văn/Van (a man) or Thị/Thi (a woman) tells the sex
        ("Nguyen Van Hoang", "en", "Dear Mr Nguyen,"),
        ("Nguyễn Văn Hoàng", "en", "Dear Mr Nguyễn,"),
        ("Nguyen Van Hoang", "de", "Sehr geehrter Herr Nguyen,"),
        ("Pham Thi Tran", "en", "Dear Ms Tran,"),
        # as before: one end a family name, or Mai a given name too
        ("Tran Van Minh", "de", "Sehr geehrter Herr Tran,"),
        ("Nguyen Thi Mai", "en", "Dear Ms Nguyen,"),
    ],
)
def test_a_vietnamese_name_with_family_names_at_both_ends(
    display: str, lang: str, line: str
) -> None:
    body = _DE + "Mit freundlichen Grüßen" if lang == "de" else _EN + "Kind regards"
    assert _line(display, body, lang) == line
