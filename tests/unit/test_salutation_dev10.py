"""Greeting rules added in greet13 (session 11): the misses of the fresh dev10 table and the
misses greet12 left (titles, couples, initials, transliterations).

dev10 (benchmarks/data/greetings/dev10.jsonl) was run once with the unchanged code (91/100,
FIRST_DEV10) before any row was read. Each cause of a miss is tested here with own examples (no
row of a table is copied; a name part a fix is about may recur), with guards that must not
change. The last test pins dev10 after tuning, which is no evidence.
"""

from __future__ import annotations

import pytest

from benchmarks.bench_greetings import DATA, OLD_LABELS, read_rows, score_row
from drafter.drafting.names import gender_of
from drafter.drafting.salutation import detect_register, german_register, greeting
from drafter.drafting.signoff import signoff_name
from drafter.models import Address, InboundEmail
from tests.unit.test_salutation_dev8 import _DE, _EN, _line


def _greet(display: str, address: str, body: str, lang: str, quoted: str = "") -> tuple[str, str]:
    email = InboundEmail(
        from_=Address(name=display, email=address), body=body, quoted=quoted, language=lang
    )
    register = detect_register(email, lang, "sie")
    return greeting(email, lang, register).first_line, register


@pytest.mark.parametrize(
    ("name", "sex"),
    [
        # Ukrainian names in the national (passport) transliteration: -iia, -ii, h for g
        ("Yuliia", "female"), ("Mariia", "female"), ("Anastasiia", "female"),
        ("Viktoriia", "female"), ("Olha", "female"), ("Svitlana", "female"),
        ("Oleksii", "male"), ("Andrii", "male"), ("Serhii", "male"), ("Vitalii", "male"),
        ("Vasyl", "male"),
        # Chinese given names with Xiao- that say the sex
        ("Xiaoyan", "female"), ("Xiaohong", "female"), ("Xiaoming", "male"),
        # Turkish spelling
        ("Muhammet", "male"),
        # clear names the statistics miss or misread ("Åsa" is no US "Asa")
        ("Åsa", "female"), ("Eithne", "female"), ("Irmak", "female"), ("Çağlar", "male"),
        ("Murali", "male"), ("Stian", "male"), ("Øyvind", "male"), ("Ostap", "male"),
        ("Michał", "male"), ("Asa", "male"),
        # guards: known names keep their data; a unisex name stays neutral
        ("Natalia", "female"), ("Dmytro", "male"), ("Kim", ""), ("Xiao", ""),
    ],
)  # fmt: skip
def test_transliterated_and_romanized_given_names(name: str, sex: str) -> None:
    assert gender_of(name, "de") == sex
    assert gender_of(name, "en") == sex


@pytest.mark.parametrize(
    ("address", "body", "lang", "line", "register"),
    [
        # a name ends a one-line mail without a closing line; the address holds it
        ("wellenjule@example.de", "moin, könnt ihr mir den Abschlag senken? merci!! jule", "de",
         "Hallo Jule,", "du"),
        ("hannahbirkholz@example.com", "Good afternoon, is there a night tariff? Many thanks. "
         "Hannah Birkholz", "en", "Dear Ms Birkholz,", "you"),
        ("tobi.k@example.com", "hiii! can I pay by card?? lol. tobi", "en", "Hi Tobi,",
         "you_informal"),
        # guards: the last words are not in the address, or are no name
        ("surfer77@example.de", "moin, könnt ihr mir den Abschlag senken? merci!! jule", "de",
         "Hallo,", "du"),
        ("hannah@example.com", "Good afternoon, is there a night tariff? Many thanks. "
         "Hannah Birkholz", "en", "Dear Sir or Madam,", "you"),
        ("thanks.team@example.com", "Good afternoon, is there a night tariff? Thanks team",
         "en", "Dear Sir or Madam,", "you"),
    ],
)  # fmt: skip
def test_a_name_ending_a_mail_that_the_address_holds(
    address: str, body: str, lang: str, line: str, register: str
) -> None:
    assert _greet("", address, body, lang) == (line, register)


@pytest.mark.parametrize(
    ("opening", "register"),
    [("heyy!", "you_informal"), ("Heyyy,", "you_informal"), ("hiii,", "you_informal"),
     ("Hey!", "you_informal"), ("Hello,", "you"), ("Hiya,", "you_informal")],
)  # fmt: skip
def test_a_drawn_out_hey_or_hi_is_a_hi(opening: str, register: str) -> None:
    body = f"{opening}\n\ncan I pay the bill in instalments?\n\nMarlow"
    assert _greet("Marlow Finch", "mf@example.com", body, "en")[1] == register


@pytest.mark.parametrize(
    ("display", "signed", "line"),
    [
        # Vietnamese order with Thi/Van and a family name the old list lacked
        ("Vuong Thi Hoa", "Vuong Thi Hoa", "Sehr geehrte Frau Vuong,"),
        ("Ta Van Duc", "Ta Van Duc", "Sehr geehrter Herr Ta,"),
        ("Hoa Thi Vuong", "Hoa Thi Vuong", "Sehr geehrte Frau Vuong,"),
        # guard: the commoner family name wins when both ends are family names
        ("Nguyen Thi Ha", "Nguyen Thi Ha", "Sehr geehrte Frau Nguyen,"),
    ],
)
def test_vietnamese_family_names(display: str, signed: str, line: str) -> None:
    assert _line(display, _DE + signed, "de") == line


def test_a_chinese_name_family_name_in_capitals() -> None:
    body = "Dear Sir or Madam,\n\nplease explain my bill.\n\nBest regards,\nWANG Xiaoyan"
    assert _greet("WANG Xiaoyan", "wang.xy@example.cn", body, "en")[0] == "Dear Ms Wang,"


@pytest.mark.parametrize(
    ("display", "quoted", "line"),
    [
        # the thread greeted her by her short name before: the informal reply keeps it
        ("Magdalena Wrona", "> Hi Magda,\n> your direct debit is set up.\n", "Hi Magda,"),
        # guards: another initial, her own full name
        ("Magdalena Wrona", "> Hi Tom,\n> your direct debit is set up.\n", "Hi Magdalena,"),
        ("Magdalena Wrona", "> Hi Magdalena,\n> done.\n", "Hi Magdalena,"),
    ],
)
def test_the_informal_reply_keeps_the_name_the_thread_used(
    display: str, quoted: str, line: str
) -> None:
    body = "Thanks! And where is my contract number?"  # no opener: the thread decides
    assert _greet(display, "mw@example.com", body, "en", quoted)[0] == line


@pytest.mark.parametrize(
    ("display", "signed", "lang", "line"),
    [
        # a title and a family name, no first name and no sex: the title names a person
        ("Dr. Brockhaus", "Dr. Brockhaus", "de", "Guten Tag Dr. Brockhaus,"),
        ("", "Prof. Brockhaus", "de", "Guten Tag Prof. Brockhaus,"),
        ("Dr. Brockhaus", "Dr. Brockhaus", "en", "Dear Dr Brockhaus,"),
        # two doctorates are both written; "Dr. med." is one
        ("Dr. Dr. Ulf Brockhaus", "Dr. Dr. Ulf Brockhaus", "de",
         "Sehr geehrter Herr Dr. Dr. Brockhaus,"),
        ("Prof. Dr. Dr. Ulf Brockhaus", "", "de", "Sehr geehrter Herr Prof. Dr. Dr. Brockhaus,"),
        ("Dr. med. Ulf Brockhaus", "", "de", "Sehr geehrter Herr Dr. Brockhaus,"),
        # guards: Herr with a family name; a first name alone names nobody formally
        ("Herr Brockhaus", "", "de", "Sehr geehrter Herr Brockhaus,"),
        ("", "Ulf", "de", "Sehr geehrte Damen und Herren,"),
    ],
)  # fmt: skip
def test_titles_without_a_first_name_and_double_doctorates(
    display: str, signed: str, lang: str, line: str
) -> None:
    assert _line(display, (_DE if lang == "de" else _EN) + signed, lang) == line


@pytest.mark.parametrize(
    ("display", "lang", "line"),
    [
        ("Brandhorst, Ilka und Jens", "de",
         "Sehr geehrte Frau Brandhorst, sehr geehrter Herr Brandhorst,"),
        ("Brandhorst, Ilka and Jens", "en", "Dear Ms Brandhorst and Mr Brandhorst,"),
        # guards: one person listed family name first; a firm with partners
        ("Brandhorst, Ilka", "de", "Sehr geehrte Frau Brandhorst,"),
        ("Brandhorst, Meyer und Partner", "de", "Sehr geehrte Damen und Herren,"),
    ],
)  # fmt: skip
def test_a_couple_listed_family_name_first(display: str, lang: str, line: str) -> None:
    assert _line(display, _DE if lang == "de" else _EN, lang) == line


@pytest.mark.parametrize(
    ("display", "address", "line"),
    [
        ("B. Hollerbach", "birgit.hollerbach@example.de", "Sehr geehrte Frau Hollerbach,"),
        ("B Hollerbach", "bernd_hollerbach@example.de", "Sehr geehrter Herr Hollerbach,"),
        # guards: the address has only the initial, another word, another initial, a unisex name
        ("B. Hollerbach", "b.hollerbach@example.de", "Guten Tag B. Hollerbach,"),
        ("B. Hollerbach", "buero.hollerbach@example.de", "Guten Tag B. Hollerbach,"),
        ("B. Hollerbach", "anna.hollerbach@example.de", "Guten Tag B. Hollerbach,"),
        ("K. Hollerbach", "kim.hollerbach@example.de", "Guten Tag K. Hollerbach,"),
    ],
)
def test_an_initial_the_address_writes_out(display: str, address: str, line: str) -> None:
    assert _line(display, _DE, "de", address) == line


def test_dev10_after_tuning() -> None:
    """dev10 after tuning on it (not evidence): 91/100 before; gd10-050, which drops a
    Dipl.-Ing., is right since greet21 (session 19: no diploma in a German greeting), and
    gd10-057 ("Dear Ms Whitcombe and Mr Whitcombe,") since session 13."""
    wrong = {r["id"] for r in read_rows(DATA / "dev10.jsonl") if not score_row(r)[0]}
    assert wrong - OLD_LABELS == set()


@pytest.mark.parametrize(
    ("display", "address", "signed", "line"),
    [
        # display name family name first, the sign-off and the address given name first: a
        # given name of no clear sex ("Yuki") cannot turn it round alone
        ("Ishikawa Yuki", "yuki.ishikawa@example.jp", "Yuki Ishikawa", "Dear Yuki Ishikawa,"),
        # guards: the address family name first too; no sign-off
        ("Ishikawa Yuki", "ishikawa.yuki@example.jp", "Ishikawa Yuki", "Dear Ishikawa Yuki,"),
        ("Ishikawa Yuki", "yuki.ishikawa@example.jp", "", "Dear Ishikawa Yuki,"),
    ],
)
def test_sign_off_and_address_agree_on_the_order(
    display: str, address: str, signed: str, line: str
) -> None:
    assert _line(display, _EN + signed, "en", address) == line


@pytest.mark.parametrize(
    ("body", "lang", "line"),
    [
        # a one-line mail: an inline closing, then a full name
        ("Guten Tag, wann wird mein Zähler getauscht? Gruß Henrike Albers", "de",
         "Sehr geehrte Frau Albers,"),
        ("Guten Tag, wann wird mein Zähler getauscht? MfG H. Albers", "de",
         "Guten Tag H. Albers,"),
        ("Hello, when is my meter changed? Kind regards, Henrike Albers", "en",
         "Dear Ms Albers,"),
        # guards: no person after the closing
        ("Guten Tag, wann wird mein Zähler getauscht? Danke Team Nord", "de",
         "Sehr geehrte Damen und Herren,"),
        ("Hello, when is my meter changed? Thanks in advance", "en", "Dear Sir or Madam,"),
        ("Hello, when is my meter changed? Thanks Stadtwerke Nordlicht", "en",
         "Dear Sir or Madam,"),
    ],
)  # fmt: skip
def test_an_inline_closing_and_a_full_name(body: str, lang: str, line: str) -> None:
    assert _line("", body, lang, "ha1970@example.org") == line


@pytest.mark.parametrize(
    ("body", "line", "register"),
    [
        # a dash before the signed name, on its own line or at the end of a one-liner
        ("Hey,\n\ncan I pay by card?\n\n-- Imogen", "Hi Imogen,", "you_informal"),
        ("Hey,\n\ncan I pay by card?\n\n— Imogen", "Hi Imogen,", "you_informal"),
        ("hey can I pay by card - imogen", "Hi Imogen,", "you_informal"),
        # initials signed in capitals are no name to greet
        ("Hey,\n\ncan I pay by card?\n\nIT", "Hi Imogen,", "you_informal"),
        # guards: a dash before a word that is not her name; a full name signed
        ("hey can I pay by card - cheers", "Dear Ms Tulloch,", "you"),
        ("Hey,\n\ncan I pay by card?\n\n-- Imogen Tulloch", "Dear Ms Tulloch,", "you"),
    ],
)
def test_a_dash_before_the_name_and_signed_initials(body: str, line: str, register: str) -> None:
    email = InboundEmail(
        from_=Address(name="Imogen Tulloch", email="it@example.com"),
        body=body,
        quoted="",
        language="en",
    )
    found = detect_register(email, "en", "sie")
    assert (greeting(email, "en", found).first_line, found) == (line, register)


@pytest.mark.parametrize(
    ("text", "register"),
    [
        # a capitalised "Ihr" as the Du plural before a pronoun or particle
        ("Wäre nett, wenn Ihr mir die Abrechnung schickt.", "du"),
        ("Ich wollte fragen, ob Ihr meine Ablesung bekommen habt.", "du"),
        ("Grüezi mitenand, chönd Ihr mir d Rechnig schicke?", "du"),
        # a dialect verb with "s" and no apostrophe
        ("Servus, könnts ihr mir helfen?", "du"),
        # "bitte" and a singular imperative
        ("Bitte ruf mich morgen zurück.", "du"),
        ("Kann man das ändern? Bitte schick mir ein Formular.", "du"),
        # guards: the Sie possessive, also before a participle; "Bitte" with Sie; a noun
        ("Wenn Ihr Monteur kommt, bin ich zu Hause.", "sie"),
        ("Ich frage, ob Ihr mir übersandtes Angebot noch gilt.", "sie"),
        ("Ob Ihr neuer Tarif günstiger ist, weiß ich nicht.", "sie"),
        ("Bitte rufen Sie mich morgen zurück.", "sie"),
        ("Bitte Teil 2 des Formulars beachten.", ""),
    ],
)
def test_more_du_signals(text: str, register: str) -> None:
    assert german_register(text) == register


@pytest.mark.parametrize(
    ("body", "signed"),
    [
        # a closing that a sentence follows is no closing line: the name is below it
        ("Danke dir! Wann kommt die Abrechnung?\nWiebke", "Wiebke"),
        ("Thanks for your help. I will wait for the engineer.\nNoah", "Noah"),
        # two closings on one line: the second is no name
        ("Hallo,\nwie geht das?\nDanke! LG\nWiebke", "Wiebke"),
        ("Hallo,\nwie geht das?\nDanke. Viele Grüße\nWiebke Janßen", "Wiebke Janßen"),
        ("Hi,\nhow does it work?\nThanks! Cheers,\nNoah", "Noah"),
        ("Hallo,\nwie geht das?\nVielen Dank! Gruß Ralf", "Ralf"),
        # a capitalised first name ending a one-line mail
        ("hey, can you help with my bill? Noah", "Noah"),
        # guards: a closing with the name on its line; no name at the end
        ("Hallo,\nwie geht das?\nMit freundlichen Grüßen, Wiebke Janßen", "Wiebke Janßen"),
        ("hey, can you help with my bill? Thanks", ""),
        ("Wann kommt der Monteur? Kiel", ""),
    ],
)
def test_closing_lines_and_names_below_them(body: str, signed: str) -> None:
    assert signoff_name(body) == signed


def test_a_thread_whose_quoted_mail_ends_with_a_first_name_is_informal() -> None:
    quoted = "On 19 Nov 2026 Noah Whitfield wrote:\n> hey can you help with my bill? Noah"
    assert _greet("Noah Whitfield", "nw@example.com", "Any news?", "en", quoted) == (
        "Hi Noah,",
        "you_informal",
    )


@pytest.mark.parametrize(
    ("display", "signed", "line"),
    [
        # institutions are no person, also as German compounds
        ("Stadtbibliothek Flensburg", "", "Sehr geehrte Damen und Herren,"),
        ("Landesmuseum Schleswig", "", "Sehr geehrte Damen und Herren,"),
        ("Segelverband Nord", "", "Sehr geehrte Damen und Herren,"),
        # a line that is no name under the closing, then the person
        ("WEG Kastanienweg 7", "Für die Eigentümergemeinschaft\nHenrike Albers (Beirat)",
         "Sehr geehrte Frau Albers,"),
        # guards: a person whose family name ends like a place word; a firm with its owner
        ("Henrike Althof", "Henrike Althof", "Sehr geehrte Frau Althof,"),
        ("Tischlerei Albers", "Bernd Albers\nTischlerei Albers", "Sehr geehrter Herr Albers,"),
    ],
)  # fmt: skip
def test_institutions_and_a_name_below_a_line_that_is_none(
    display: str, signed: str, line: str
) -> None:
    assert _line(display, _DE + signed, "de") == line


_BRODERSENS = "Sehr geehrte Frau Brodersen, sehr geehrter Herr Brodersen,"


@pytest.mark.parametrize(
    ("display", "signed", "line"),
    [
        # couples written "u.", with a joined "+", or over two lines
        ("Imke u. Hauke Brodersen", "", _BRODERSENS),
        ("Imke+Hauke Brodersen", "", _BRODERSENS),
        ("Imke Brodersen", "Imke Brodersen\nund Hauke Brodersen", _BRODERSENS),
        # guards: colleagues or a team on the next line; a firm with "u."
        ("Imke Brodersen", "Imke Brodersen\n& Kollegen", "Sehr geehrte Frau Brodersen,"),
        ("Imke Brodersen", "Imke Brodersen\nund Team", "Sehr geehrte Frau Brodersen,"),
        ("Brodersen u. Söhne", "", "Sehr geehrte Damen und Herren,"),
    ],
)  # fmt: skip
def test_couples_written_short_or_over_two_lines(display: str, signed: str, line: str) -> None:
    assert _line(display, _DE + signed, "de") == line


@pytest.mark.parametrize(
    ("body", "lang", "line"),
    [
        # lowercase full names after an inline closing or on the last line
        ("hallo, mein zähler läuft rückwärts?? gruß henrike albers", "de",
         "Sehr geehrte Frau Albers,"),
        ("hallo, mein zähler läuft rückwärts, was soll ich tun\nhenrike albers", "de",
         "Sehr geehrte Frau Albers,"),
        ("hello, my meter is broken. regards, henrike albers", "en", "Dear Ms Albers,"),
        # a title after the closing; a dash after the closing
        ("Hello, my meter is broken. Regards Dr. Henrike Albers", "en", "Dear Dr Albers,"),
        ("hi, my meter is broken, what now? thanks - henrike", "en", "Hi Henrike,"),
        # two closings joined by "&"
        ("Hello,\n\nmy meter is broken.\n\nThanks & Regards,\nHenrike Albers", "en",
         "Dear Ms Albers,"),
        # guards: lowercase words that are no name after a closing
        ("hallo, mein zähler läuft rückwärts?? gruß aus kiel", "de",
         "Sehr geehrte Damen und Herren,"),
        ("hello, my meter is broken. regards, the tenants", "en", "Dear Sir or Madam,"),
    ],
)  # fmt: skip
def test_lowercase_and_inline_signatures(body: str, lang: str, line: str) -> None:
    assert _line("", body, lang, "ha1970@example.org") == line


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # one first name signed under a family's account takes the family's name
        ("Familie Brodersen", _DE + "Imke", "de", "Sehr geehrte Frau Brodersen,"),
        ("The Brodersen Family", _EN + "Hauke", "en", "Dear Mr Brodersen,"),
        # guards: a first name of no clear sex; Du keeps the first name; nobody signs
        ("Familie Brodersen", _DE + "Kim", "de", "Guten Tag Kim Brodersen,"),
        ("Familie Brodersen", "Hallo,\n\nkannst du mir helfen?\n\nImke", "de", "Hallo Imke,"),
        ("Familie Brodersen", _DE, "de", "Sehr geehrte Familie Brodersen,"),
    ],
)
def test_a_first_name_signed_under_a_family_account(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _line(display, body, lang) == line


@pytest.mark.parametrize(
    ("display", "lang", "line"),
    [
        # South Asian abbreviations (Md. = Mohammed, Mst. = Mosammat) and Arabic Abd compounds
        # begin a given name of two words and say the sex
        ("Md. Shafiul Karim", "de", "Sehr geehrter Herr Karim,"),
        ("Mst. Rokeya Akter", "en", "Dear Ms Akter,"),
        ("Abd al-Aziz Mansour", "de", "Sehr geehrter Herr Mansour,"),
        ("Siti Rahmawati", "de", "Sehr geehrte Frau Rahmawati,"),
        # guards: a compound known already; a name that only starts like one
        ("Abdul Karim Mansour", "en", "Dear Mr Mansour,"),
        ("Abdi Warsame", "de", "Sehr geehrter Herr Warsame,"),
    ],
)
def test_abbreviated_and_abd_given_names(display: str, lang: str, line: str) -> None:
    assert _line(display, (_DE if lang == "de" else _EN) + display, lang) == line


@pytest.mark.parametrize(
    ("body", "lang", "line", "register"),
    [
        # "Love," is a closing, not a family name after a comma
        ("Hiya,\n\ncan you check my reading?\n\nLove, Wren", "en", "Hi Wren,", "you_informal"),
        ("Hi,\n\ncan you check my reading?\n\nLots of love,\nWren", "en", "Hi Wren,",
         "you_informal"),
        # a phone number alone under the name
        ("Hi there,\n\ncan you check my reading?\n\nWren\n07700 900456", "en", "Hi Wren,",
         "you_informal"),
        # the plural imperative of telling or sending
        ("Moin,\n\nwie steht es um meinen Antrag? Gebt mal Bescheid.\n\nWren", "de", "Hallo Wren,",
         "du"),
        ("Hallo,\n\nwas ist mit meinem Antrag? Ruft mich an: 0431 123456\n\nWren", "de",
         "Hallo Wren,", "du"),
        # guards: the Sie imperative; a third person that looks like a plural imperative
        ("Hallo,\n\nwas ist mit meinem Antrag? Rufen Sie mich an.\n\nWren Hollis", "de",
         "Guten Tag Wren Hollis,", "sie"),
        ("Hallo,\n\ndas Schreiben sagt mir nichts. Bitte erklären Sie es.\n\nWren Hollis", "de",
         "Guten Tag Wren Hollis,", "sie"),
    ],
)  # fmt: skip
def test_love_a_phone_line_and_the_plural_imperative(
    body: str, lang: str, line: str, register: str
) -> None:
    assert _greet("Wren Hollis", "wh@example.org", body, lang) == (line, register)


@pytest.mark.parametrize(
    ("display", "signed", "line"),
    [
        # a writer who never uses capitals, under a firm's account: the person who signs
        ("Schlachterei Ohlsen", "mit freundlichen grüßen\ni. a. henrike albers\nbuchhaltung",
         "Sehr geehrte Frau Albers,"),
        ("Schlachterei Ohlsen",
         "mit freundlichen grüßen\ni. a. henrike albers\nschlachterei ohlsen",
         "Sehr geehrte Frau Albers,"),
        ("Ohlsen & Söhne", "mfg bernd ohlsen", "Sehr geehrter Herr Ohlsen,"),
        # a title written in lowercase is read (a diploma is not written: greet21)
        ("", "mit freundlichen grüßen\ndipl.-ing. bernd ohlsen",
         "Sehr geehrter Herr Ohlsen,"),
        # a title and an initial signed in lowercase
        ("", "hochachtungsvoll\ndr. b. ohlsen", "Guten Tag Dr. B. Ohlsen,"),
        # guard: a lowercase firm line alone is no person
        ("Schlachterei Ohlsen", "mit freundlichen grüßen\nschlachterei ohlsen",
         "Sehr geehrte Damen und Herren,"),
    ],
)  # fmt: skip
def test_a_lowercase_writer_under_a_firm_account(display: str, signed: str, line: str) -> None:
    body = "guten tag,\n\nbitte schicken sie die rechnung noch einmal.\n\n" + signed
    assert _line(display, body, "de") == line
