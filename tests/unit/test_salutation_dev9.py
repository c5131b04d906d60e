"""Greeting rules added in greet12 (session 10): the misses of the fresh dev9 table and the
classes issue 12 names (family name first, patronymics, sign-offs naming a firm).

dev9 (benchmarks/data/greetings/dev9.jsonl) was run once with the unchanged code (95/100,
FIRST_DEV9) before any row was read. Each cause of a miss is tested here with own examples (no
row of a table is copied; a name part a fix is about may recur), with guards that must not
change. The last test pins dev9 after tuning, which is no evidence.
"""

from __future__ import annotations

import pytest

from benchmarks.bench_greetings import DATA, read_rows, score_row
from drafter.drafting.salutation import german_register
from drafter.drafting.signoff import signoff_name
from tests.unit.test_salutation_dev8 import _DE, _EN, _line


@pytest.mark.parametrize(
    ("signed", "line"),
    [
        # a formal English couple of two family names: one line joined with "and", the woman
        # first (as test6 and dev9 label it)
        ("Greta Halvorsen and Piotr Nowicki", "Dear Ms Halvorsen and Mr Nowicki,"),
        ("Piotr Nowicki & Greta Halvorsen", "Dear Ms Halvorsen and Mr Nowicki,"),
        # guard: one family name, no "Mrs" written: each on their own (dev7, dev8)
        ("Greta and Piotr Nowicki", "Dear Ms Nowicki and Mr Nowicki,"),
    ],
)
def test_an_english_couple_of_two_family_names_on_one_line(signed: str, line: str) -> None:
    assert _line("Greta Halvorsen", _EN + signed, "en") == line


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # organisations that are no person: clubs, fire brigades, a church named after a saint
        ("Kiel Rowing Club", _EN, "en", "Dear Sir or Madam,"),
        ("Freiwillige Feuerwehr Holtenau", _DE, "de", "Sehr geehrte Damen und Herren,"),
        ("St Brendan English Church", _EN, "en", "Dear Sir or Madam,"),
        ("Sankt Ansgar Kirche", _DE, "de", "Sehr geehrte Damen und Herren,"),
        # the minister signs under the church's account, with the office on the next line
        ("St Brendan English Church", _EN + "Revd Miriam Ashdown\nChaplain", "en",
         "Dear Reverend Ashdown,"),
        ("Ev. Gemeinde Wik", _DE + "Pastorin Imke Rathlev\nPastorin", "de",
         "Sehr geehrte Frau Rathlev,"),
        # guards: "Church" alone is a family name; a surname "Club"-free person
        ("Ellen Church", _EN, "en", "Dear Ms Church,"),
        ("Charlotte Church", _EN + "Charlotte Church", "en", "Dear Ms Church,"),
    ],
)  # fmt: skip
def test_clubs_brigades_and_churches_are_no_persons(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _line(display, body, lang) == line


@pytest.mark.parametrize(
    ("signed", "name"),
    [
        # the person, then the firm or department they write from
        ("Joscha vom Hofladen Wittorf", "Joscha"),
        ("Maren Tietjen von der Hausverwaltung Nord", "Maren Tietjen"),
        ("Maren Tietjen aus der Buchhaltung", "Maren Tietjen"),
        ("Arlo from Driftwood Roasters", "Arlo"),
        ("Sarah Kemp at Driftwood Roasters", "Sarah Kemp"),
        # guards: "von" in a family name, and "Grüße aus …" with the name below
        ("Clementine von Hadeln", "Clementine von Hadeln"),
        ("Ute von der Heide", "Ute von der Heide"),
    ],
)
def test_a_signed_name_with_the_firm_it_writes_from(signed: str, name: str) -> None:
    assert signoff_name(f"Guten Tag,\n\nbitte um Rückruf.\n\nBeste Grüße\n{signed}") == name


def test_a_firm_writing_du_is_greeted_by_the_person_who_signs() -> None:
    body = "Moin ihr,\n\nkönnt ihr den Abschlag aussetzen?\n\nBeste Grüße\nJoscha vom Hofladen"
    assert _line("Hofladen Wittorf", body, "de") == "Hallo Joscha,"


@pytest.mark.parametrize(
    ("text", "register"),
    [
        # the du imperative opening a sentence
        ("Moin!\n\nSag mal, muss ich die Nachkommastellen angeben?", "du"),
        ("Hallo,\n\nschick mir bitte die Rechnung noch einmal.", "du"),
        ("Moin,\n\ngib mir bitte Bescheid, wann der Monteur kommt.", "du"),
        ("Hallo,\n\nwann kommt der Monteur? Schau mal bitte nach.", "du"),
        # guards: the Sie imperative, a first person without "ich", the same verb elsewhere
        ("Guten Tag,\n\nsagen Sie mir bitte, wann der Monteur kommt.", "sie"),
        ("Guten Tag,\n\nschicke Ihnen anbei die Rechnung. Melde mich morgen.", "sie"),
        ("Guten Tag,\n\nmein Nachbar sag mir, Sie kommen morgen.", "sie"),
    ],
)
def test_the_du_imperative_is_a_du_signal(text: str, register: str) -> None:
    assert german_register(text) == register


def test_a_first_name_alone_writing_du_gets_hallo() -> None:
    body = "Moin!\n\nSag mal, muss ich die Nachkommastellen angeben?\n\nHauke"
    assert _line("Hauke", body, "de") == "Hallo Hauke,"


@pytest.mark.parametrize(
    ("display", "address", "line"),
    [
        # the address leaves out a middle given name: the family name is the address's
        ("João Baptista Nogueira", "joao.nogueira@example.com", "Dear Mr Nogueira,"),
        # guards: a Spanish double family name keeps its first part in the address; a
        # middle part with a particle belongs to the family name
        ("Alejandro Ruiz Castellanos", "alejandro.ruiz@example.es",
         "Dear Mr Ruiz Castellanos,"),
        ("João da Silva Nogueira", "joao.nogueira@example.com", "Dear Mr da Silva Nogueira,"),
    ],
)  # fmt: skip
def test_an_address_that_leaves_out_a_middle_name(display: str, address: str, line: str) -> None:
    assert _line(display, _EN + display, "en", address) == line


@pytest.mark.parametrize(
    ("display", "body", "address", "line"),
    [
        # a directory's order, family name first: the address or the sign-off turns it round
        # when only the other word is a given name here ("Grant" is one only in the US births)
        ("Grant Fiona", _EN, "fiona.grant@example.com", "Dear Ms Grant,"),
        ("Grant Fiona", _EN, "f.grant@example.com", "Dear Ms Grant,"),
        ("Grant Fiona", _EN + "Fiona Grant", "x@example.org", "Dear Ms Grant,"),
        ("Grant Fiona", _EN + "Fiona", "x@example.org", "Dear Ms Grant,"),
        ("Becker Thomas", _DE, "thomas.becker@example.de", "Sehr geehrter Herr Becker,"),
        ("Schröder Inga", _DE, "inga.schroeder@example.de", "Sehr geehrte Frau Schröder,"),
        ("Thomas Emily", _EN + "Emily Thomas", "x@example.org", "Dear Ms Thomas,"),
        # guards: a given name that is in the lists here stays first; family name first in
        # an address is no reason to turn a name round; a Chinese name signed family first
        ("Anna Thomas", _EN, "thomas.anna@example.com", "Dear Ms Thomas,"),
        ("Meiling Chow", _EN, "chow.meiling@example.com", "Dear Ms Chow,"),
        ("Kemal Doğan", _DE + "Doğan", "x@example.org", "Sehr geehrter Herr Doğan,"),
    ],
)  # fmt: skip
def test_a_display_name_family_name_first(display: str, body: str, address: str, line: str) -> None:
    assert _line(display, body, "en" if "Hello" in body else "de", address) == line


@pytest.mark.parametrize(
    ("display", "lang", "line"),
    [
        # Malay: no family name; the given name is greeted, bin/binti says the sex
        ("Faizal bin Hamzah", "en", "Dear Mr Faizal,"),
        ("Nur Izzati binti Kamarudin", "en", "Dear Ms Nur Izzati,"),
        ("Nur Izzati binti Kamarudin", "de", "Sehr geehrte Frau Nur Izzati,"),
        ("FAIZAL BIN HAMZAH", "de", "Sehr geehrter Herr Faizal,"),
        # Arabic: ibn/bint; a family name after the father's name is the family name, the
        # father's own "al-" is not
        ("Yusuf ibn Tariq", "en", "Dear Mr Yusuf,"),
        ("Mariam bint Saeed", "en", "Dear Ms Mariam,"),
        ("Saad bin Fahad Al-Qahtani", "en", "Dear Mr Al-Qahtani,"),
        ("Tariq ibn al-Hakim", "en", "Dear Mr Tariq,"),
        # Tamil names in Malaysia: a/l (son of), a/p (daughter of)
        ("Suresh a/l Ganesan", "en", "Dear Mr Suresh,"),
        ("Kavitha a/p Rajan", "en", "Dear Ms Kavitha,"),
    ],
)
def test_patronymics(display: str, lang: str, line: str) -> None:
    assert _line(display, _EN if lang == "en" else _DE, lang) == line


def test_a_patronymic_signed_under_a_handle() -> None:
    assert _line("izzati.k", _EN + "Nur Izzati binti Kamarudin", "en") == "Dear Ms Nur Izzati,"


def test_dev9_after_tuning() -> None:
    """dev9 after tuning on it (not evidence): every row right (95/100 before)."""
    wrong = {r["id"] for r in read_rows(DATA / "dev9.jsonl") if not score_row(r)[0]}
    assert wrong == set()


_SIE = "Guten Tag,\n\nkönnen Sie mir bitte die Rechnung erklären?\n\n"


@pytest.mark.parametrize(
    ("display", "signed", "line"),
    [
        # contact data or a customer number under the name is no name
        ("hb1961", "--\nHenning Bolt\nKundennr. 4471", "Sehr geehrter Herr Bolt,"),
        ("hb1961", "Gruß\nHenning Bolt\nTel.: 0431 000000", "Sehr geehrter Herr Bolt,"),
        # "Familie X" signed under an account that names no person
        ("hb1961", "Mit freundlichen Grüßen\nFamilie Bolt", "Sehr geehrte Familie Bolt,"),
        # "im Namen meines Vaters" on its own line: the name below wrote the mail
        ("Henning Bolt", "Mit freundlichen Grüßen\nim Namen meines Vaters\nWiebke Sander",
         "Sehr geehrte Frau Sander,"),
        # a department signing is no person
        ("Hafenkontor GmbH", "Mit freundlichen Grüßen\nHafenkontor Facilities",
         "Sehr geehrte Damen und Herren,"),
    ],
)  # fmt: skip
def test_what_stands_under_a_signed_name(display: str, signed: str, line: str) -> None:
    assert _line(display, _SIE + signed, "de") == line


@pytest.mark.parametrize(
    ("display", "lang", "line"),
    [
        # men's names that a few hundred American girls had: the Austrian or Swiss list
        # decides in an English reply too (the person's sex does not change with the language)
        ("Jannis Wegener", "en", "Dear Mr Wegener,"),
        ("Juri Wegener", "en", "Dear Mr Wegener,"),
        ("Jannis Wegener", "de", "Sehr geehrter Herr Wegener,"),
        # guards: a common name keeps what the language's data say (a British Jean, a French
        # Jean writing German)
        ("Jean Wegener", "en", "Dear Ms Wegener,"),
        ("Jean Wegener", "de", "Sehr geehrter Herr Wegener,"),
    ],
)
def test_a_rare_us_name_follows_the_european_lists(display: str, lang: str, line: str) -> None:
    assert _line(display, (_EN if lang == "en" else _DE) + display, lang) == line


@pytest.mark.parametrize(
    ("display", "body", "line"),
    [
        # a display name that is only the address's user name is no family name
        ("tmueller", _DE + "Thomas", "Sehr geehrte Damen und Herren,"),
        ("tmueller", _DE + "Thomas Müller", "Sehr geehrter Herr Müller,"),
        # guard: a first name as user name stays one
        ("fiete", "Hallo,\n\nkannst du helfen?\n\nFiete", "Hallo Fiete,"),
    ],
)
def test_a_user_name_as_display_name(display: str, body: str, line: str) -> None:
    assert _line(display, body, "de", f"{display}@example.de") == line
