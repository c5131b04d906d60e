"""Greetings, session 17 round (issue 12): the classes of greetings dev14's misses, each a
rule for its class (a compound given name abroad, a sex named by the display name's other
given name, two given names signed with "&", a group's display name, a family name written
first in capitals). The examples are written here, not copied from a table row.
"""

from __future__ import annotations

import pytest

from drafter.drafting.salutation import detect_register, greeting
from drafter.models import Address, InboundEmail


def _line(display: str, body: str, lang: str, address: str = "kunde@example.org") -> str:
    email = InboundEmail(from_=Address(name=display, email=address), body=body, language=lang)
    register = detect_register(email, lang, "sie" if lang == "de" else "you")
    return greeting(email, lang, register).first_line


_DE = "Guten Tag,\n\nwie kann ich meinen Abschlag ändern?\n\nMit freundlichen Grüßen\n"
_EN = "Hello,\n\nhow can I change my monthly payment?\n\nBest regards,\n"


@pytest.mark.parametrize(
    ("display", "address", "lang", "line"),
    [
        ("Jean-Luc Marchand", "jl@example.fr", "de", "Sehr geehrter Herr Marchand,"),
        ("Jean-Pierre Roux", "jp@example.be", "en", "Dear Mr Roux,"),
        ("Inge-Lise Dahl", "il@example.no", "de", "Sehr geehrte Frau Dahl,"),
        # guards: the name alone, or a second part of the other sex, stays neutral
        ("Jean Marchand", "jm@example.fr", "de", "Guten Tag Jean Marchand,"),
        ("Kari Juhani Laine", "kl@example.fi", "de", "Guten Tag Kari Juhani Laine,"),
    ],
)
def test_a_compound_given_name_abroad_is_decided_by_its_other_part(
    display: str, address: str, lang: str, line: str
) -> None:
    body = (_DE if lang == "de" else _EN) + display
    assert _line(display, body, lang, address) == line


@pytest.mark.parametrize(
    ("display", "signed", "lang", "line"),
    [
        ("Mohammad Qadeer Rahimi", "Qadeer Rahimi", "de", "Sehr geehrter Herr Rahimi,"),
        ("Muhammad Zabihullah Noori", "Zabihullah Noori", "en", "Dear Mr Noori,"),
        ("Anna Oyelaran Brandt", "Oyelaran Brandt", "de", "Sehr geehrte Frau Brandt,"),
        # guards: another family name is another person; a signed name of its own sex decides
        ("Mohammad Qadeer Rahimi", "Qadeer Stanekzai", "de", "Guten Tag Qadeer Stanekzai,"),
        ("Anna Maria Brandt", "Maria Brandt", "en", "Dear Ms Brandt,"),
    ],
)
def test_the_display_names_first_given_name_tells_the_sex_of_a_later_one_signed(
    display: str, signed: str, lang: str, line: str
) -> None:
    body = (_DE if lang == "de" else _EN) + signed
    assert _line(display, body, lang) == line


def test_a_later_given_name_signed_when_the_address_leaves_it_out() -> None:
    # the address names the first given name and the family name ("mohammad.rahimi@"): the
    # display name as written still holds the signed one
    body = _DE + "Qadeer Rahimi"
    address = "mohammad.rahimi@example.de"
    assert _line("Mohammad Qadeer Rahimi", body, "de", address) == "Sehr geehrter Herr Rahimi,"


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        (
            "The Okonkwo Family",
            "Hi there!\n\nis the fibre in yet?\n\nCheers,\nAzubuike & Adaeze",
            "en",
            "Hi Azubuike and Adaeze,",
        ),
        (
            "The Okonkwo Family",
            "Hi there!\n\nis the fibre in yet?\n\nCheers,\nAdaeze and Somadina",
            "en",
            "Hi Adaeze and Somadina,",
        ),
        (
            "",
            "Hallo,\n\nkönnt ihr uns helfen?\n\nLG\nSomadina und Anna",
            "de",
            "Hallo Somadina, hallo Anna,",
        ),
        # guard: a name alone is one person
        ("", "Hi,\n\nis the fibre in yet?\n\nThanks,\nObinna", "en", "Hi Obinna,"),
    ],
)
def test_a_word_the_data_do_not_know_joined_to_a_given_name_is_a_given_name(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _line(display, body, lang) == line


@pytest.mark.parametrize(
    ("display", "body", "line"),
    [
        ("Lübeck Runners Meetup", "Hi,\n\ndo you sponsor races?\n\nThanks,\nJo", "Hi Jo,"),
        (
            "Tenants' Committee Gaarden",
            "Dear Sir or Madam,\n\nwhen is the heating fixed?\n\nKind regards,\nThe committee",
            "Dear Sir or Madam,",
        ),
        (
            "Lübeck Runners Meetup",
            "Hey folks,\n\ndo you sponsor races?\n\nThanks,\nthe team",
            "Hi,",
        ),
        ("Neighbours Network Wik", "Hiya,\n\ndo you sponsor street parties?", "Hi,"),
        # guards: a firm's "Hi team" stays formal; a person's "Hey" needs a first name signed
        (
            "Harbour Freight Ltd",
            "Hi team,\n\nplease resend the invoice.\n\nAccounts",
            "Dear Sir or Madam,",
        ),
        ("Lena Brandt", "Hey,\n\ndo you sponsor races?\n\nThanks,\nLena Brandt", "Dear Ms Brandt,"),
    ],
)
def test_a_group_is_no_person_and_its_plainly_casual_hello_gets_hi(
    display: str, body: str, line: str
) -> None:
    assert _line(display, body, "en") == line


@pytest.mark.parametrize(
    ("opening", "line", "register"),
    [
        ("hey, is the app down?? ta", "Hi,", "you_informal"),
        ("Hiya, is the app down?", "Hi,", "you_informal"),
        # another language's hello alone makes no mail informal (with a first name it is a Hi)
        ("Hej, is the app down?", "Dear Sir or Madam,", "you"),
        ("Hola, is the app down?", "Dear Sir or Madam,", "you"),
    ],
)
def test_an_unsigned_mail_without_a_name_is_informal_only_under_an_english_hi(
    opening: str, line: str, register: str
) -> None:
    email = InboundEmail(
        from_=Address(name="", email="x1@example.com"), body=opening, language="en"
    )
    formality = detect_register(email, "en", "you")
    assert (greeting(email, "en", formality).first_line, formality) == (line, register)


@pytest.mark.parametrize(
    ("display", "lang", "line"),
    [
        ("ZHOU Yun", "en", "Dear Zhou Yun,"),
        ("ZHOU Yun", "de", "Guten Tag Zhou Yun,"),
        ("Han Ji-woo", "en", "Dear Han Ji-woo,"),
        # guards: written given name first, or a sex the name tells
        ("Yun Zhou", "en", "Dear Yun Zhou,"),
        ("MATSUMOTO Haruka", "en", "Dear Ms Matsumoto,"),
    ],
)
def test_a_family_name_written_first_keeps_its_place_in_a_neutral_greeting(
    display: str, lang: str, line: str
) -> None:
    body = (_DE if lang == "de" else _EN) + display
    assert _line(display, body, lang, "yun@example.cn") == line


def test_the_order_the_customer_signs_in_wins_over_the_display_names() -> None:
    body = _EN.replace("Best regards,", "Kind regards,") + "Ji-woo Han"
    assert _line("Han Ji-woo", body, "en") == "Dear Ji-woo Han,"


@pytest.mark.parametrize(
    ("display", "body", "line"),
    [
        # a writer without capitals signs a couple or kisses as others do with capitals
        ("Eilidh MacLeod", "hey!\n\nis the fibre in yet?\n\neilidh & ross", "Hi Eilidh and Ross,"),
        ("Sam Okoro", "hi!\n\nis the fibre in yet?\n\nsam & priya", "Hi Sam and Priya,"),
        ("The Okonkwo Family", "hi there!\n\nis the fibre in yet?\n\ncheers,\nazubuike & adaeze",
         "Hi Azubuike and Adaeze,"),
        ("Shreya Raman", "hiii,\n\nis the fibre in yet?\n\nxx shreya", "Hi Shreya,"),
        # guard: a full name signed stays formal
        ("Shreya Raman", "hiii,\n\nis the fibre in yet?\n\nthanks,\nshreya raman",
         "Dear Ms Raman,"),
    ],
)  # fmt: skip
def test_a_writer_without_capitals_signs_a_couple_or_kisses(
    display: str, body: str, line: str
) -> None:
    assert _line(display, body, "en") == line


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # a mail all in capitals is read like one all in lowercase: no sentence is a name
        ("Neil Ashworth", "HELLO,\n\nCAN YOU MOVE MY PAYMENT DATE?\n\nPLEASE GO AHEAD\nNEIL", "en",
         "Dear Mr Ashworth,"),
        ("Kat Moss", "HI TEAM,\n\nCAN YOU MOVE MY PAYMENT DATE?\n\nTHANKS SO MUCH,\nKAT", "en",
         "Hi Kat,"),
        ("Ralf Dehmel", "MOIN,\n\nKANNST DU MIR DIE RECHNUNG SCHICKEN?\n\nGRUSS RALF", "de",
         "Hallo Ralf,"),
        ("", "WIE LANGE DAUERT BEI EUCH EINE KÜNDIGUNG? DANKE DIR", "de", "Hallo,"),
        # guard: a name in capitals in a mail that is not
        ("ANNA BERG", "Guten Tag,\n\nbitte rufen Sie mich an.\n\nMit freundlichen Grüßen\n"
         "ANNA BERG", "de", "Sehr geehrte Frau Berg,"),
    ],
)  # fmt: skip
def test_a_mail_all_in_capitals_is_read_like_one_in_lowercase(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _line(display, body, lang) == line


@pytest.mark.parametrize(
    ("signed", "line"),
    [
        ("elektromeister kai-uwe wendt", "Sehr geehrter Herr Wendt,"),
        ("ra dr. christoph meyer-thal", "Sehr geehrter Herr Dr. Meyer-Thal,"),
        # guard: a capitalised "Ra" is a given name
        ("Ra Meyer-Thal", "Guten Tag Ra Meyer-Thal,"),
    ],
)
def test_a_writer_without_capitals_writes_a_trade_or_role_before_the_name(
    signed: str, line: str
) -> None:
    body = "sehr geehrte damen und herren,\n\nbitte rufen sie mich an.\n\nmit freundlichen grüßen\n"
    assert _line("Elektro Wendt & Söhne", body + signed, "de") == line


@pytest.mark.parametrize(
    ("display", "address", "line"),
    [
        # French administrative style: the family name in capitals first, a European given name
        ("DUPONT Camille", "cd@example.fr", "Guten Tag Camille Dupont,"),
        ("LAMBERT Claude", "cl@example.fr", "Guten Tag Claude Lambert,"),
        ("MARTIN Dominique", "dm@example.fr", "Guten Tag Dominique Martin,"),
        # guards: a Chinese given name keeps the written order; "JOHN Whitby" is John
        ("GUO Yun", "gy@example.cn", "Guten Tag Guo Yun,"),
        ("JOHN Whitby", "jw@example.co.uk", "Sehr geehrter Herr Whitby,"),
    ],
)
def test_a_family_name_in_capitals_before_a_european_or_unisex_given_name(
    display: str, address: str, line: str
) -> None:
    assert _line(display, _DE + display, "de", address) == line


@pytest.mark.parametrize(
    ("display", "body", "address", "line"),
    [
        # a display name family name first, the address spelling the umlaut as "ue"
        ("Hüsing Wenke", _DE + "Wenke Hüsing", "wenke.huesing@example.de",
         "Guten Tag Wenke Hüsing,"),
        # a writer without capitals signs a double first name
        ("", "ist das eine störung bei ihnen?\n\nklaus-dieter petersen", "kd@example.de",
         "Sehr geehrter Herr Petersen,"),
        # guard: the address holds neither order
        ("Hüsing Wenke", _DE + "Wenke Hüsing", "wh1970@example.de", "Guten Tag Hüsing Wenke,"),
    ],
)  # fmt: skip
def test_umlaut_addresses_and_lowercase_double_first_names(
    display: str, body: str, address: str, line: str
) -> None:
    assert _line(display, body, "de", address) == line


@pytest.mark.parametrize(
    ("opening", "signed", "line"),
    [
        ("Olá!", "Obrigado,\nLuana", "Hi Luana,"),
        ("Szia,", "Thanks,\nLuana", "Hi Luana,"),
        ("Cześć!", "Luana", "Hi Luana,"),
        # guards: a full name signed stays formal; a formal hello is no Hi
        ("Shwmae,", "Diolch,\nLuana Pryce", "Dear Ms Pryce,"),
        ("Bonjour,", "Merci,\nLuana", "Dear Ms Pryce,"),
    ],
)
def test_more_everyday_hellos_of_other_languages_count_as_hi(
    opening: str, signed: str, line: str
) -> None:
    body = f"{opening}\n\ndo you have a contract without a minimum term?\n\n{signed}"
    assert _line("Luana Pryce", body, "en") == line
