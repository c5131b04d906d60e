"""Greetings and register against the labelled sender table (tests/data/greetings_table.jsonl).

The table (80 senders, German and English: titles, double names, unknown first names, Du
mails, mixed threads) was written from the house-style rules before the greeting code; rows
1-30 were used for tuning, rows 31-80 are the report split. It was NOT written blind (see
tests/data/README.md); the figures asserted here are the measured ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.bench_greetings import OLD_DIPLOMA_LABELS, OLD_FAMILY_LABELS
from benchmarks.greetings_tables import diploma_label
from drafter.drafting.names import gender_of
from drafter.drafting.salutation import detect_register, german_register, greeting
from drafter.drafting.sender import parse_name
from drafter.drafting.signoff import signoff_name
from drafter.models import Address, InboundEmail

TABLE = Path(__file__).parents[1] / "data" / "greetings_table.jsonl"
ROWS = [json.loads(line) for line in TABLE.read_text(encoding="utf-8").splitlines() if line]
# written blind by another helper session (benchmarks/data/greetings/dev.README.md); the rules
# were tuned on it, so it guards against regressions but is no evidence (that is test.jsonl,
# held out, measured only by benchmarks/bench_greetings.py)
DEV = Path(__file__).parents[2] / "benchmarks" / "data" / "greetings" / "dev.jsonl"
DEV_ROWS = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
DEV2 = DEV.with_name("dev2.jsonl")
REGISTER = {"formal": "you", "informal": "you_informal", "sie": "sie", "du": "du"}


def _email(row: dict[str, str]) -> InboundEmail:
    return InboundEmail(
        from_=Address(name=row["display_name"], email=row["email"]),
        body=row["body"],
        quoted=row["quoted"],
        language=row["lang"],
    )


def _correct(row: dict[str, str]) -> bool:
    email = _email(row)
    register = detect_register(email, row["lang"], "sie")
    line = greeting(email, row["lang"], register).first_line
    return line == row["greeting"] and register == REGISTER[row["register"]]


def test_table_covers_what_the_issue_asks_for() -> None:
    assert len(ROWS) >= 60
    assert {r["lang"] for r in ROWS} == {"de", "en"}
    assert sum(r["register"] == "du" for r in ROWS) >= 10
    assert sum(bool(r["quoted"]) for r in ROWS) >= 8
    assert sum("Dr." in r["greeting"] or "Prof" in r["greeting"] for r in ROWS) >= 10


def test_tuning_split_is_all_correct() -> None:
    wrong = [r["id"] for r in ROWS if r["split"] == "tune" and not _correct(r)]
    # g019 labels "Herr Dipl.-Ing. Reuter": since greet21 (session 19) a German greeting
    # writes no diploma (house decision), so its label is the old convention's
    assert wrong == [r["id"] for r in ROWS if r["split"] == "tune" and diploma_label(r)] == ["g019"]


def test_report_split_measured_figure() -> None:
    report = [r for r in ROWS if r["split"] == "report"]
    wrong = [r["id"] for r in report if not _correct(r)]
    # measured 48/50 at first run; after fixing sign-off parsing ("Thanks for your reply. ..."
    # is no closing line) 49/50. The one left: g073 "Kai Sundberg" in an English mail, which
    # the data set calls male and the table calls unclear.
    # replies3: g056 "Andrea Lindner" now gets "Guten Tag Andrea Lindner,": both blind house-style
    # tables (benchmarks/data/greetings) call Andrea unisex (male in Italian), this older
    # non-blind table calls her Frau; g073 passes.
    assert len(report) - len(wrong) >= 49, wrong


def test_blind_dev_table_measured_figure() -> None:
    wrong = [r["id"] for r in DEV_ROWS if not _correct(r)]
    # 65/100 before the replies2 rules, 90/100 after, 100/100 with drafting/name_lists.py and
    # the gender cues (replies3; the name list holds some of this table's names, so the
    # figure is not evidence)
    # since greet21 the two rows labelled with a diploma title (Mag., Dipl.-Ing.) differ from
    # their labels by house decision (OLD_DIPLOMA_LABELS)
    assert len(DEV_ROWS) == 100
    assert (
        wrong == [r["id"] for r in DEV_ROWS if r["id"] in OLD_DIPLOMA_LABELS] == ["gd007", "gd015"]
    )


def test_second_blind_dev_table_measured_figure() -> None:
    rows = [json.loads(line) for line in DEV2.read_text(encoding="utf-8").splitlines() if line]
    wrong = [r["id"] for r in rows if not _correct(r)]
    # 94/100 with the code before it was tuned on (the out-of-sample estimate), 100/100 after;
    # since greet9 the family row differs from its label by house convention (OLD_FAMILY_LABELS),
    # since greet21 the Dipl.-Ing. row (OLD_DIPLOMA_LABELS)
    assert len(rows) == 100
    assert wrong == [r["id"] for r in rows if r["id"] in OLD_FAMILY_LABELS | OLD_DIPLOMA_LABELS]


def test_third_blind_dev_table_measured_figure() -> None:
    table = DEV2.with_name("dev3.jsonl")
    rows = [json.loads(line) for line in table.read_text(encoding="utf-8").splitlines() if line]
    wrong = [r["id"] for r in rows if not _correct(r)]
    # 95/100 with main c7f4cd5 before it was tuned on (the out-of-sample estimate), 100/100
    # after (replies5: North German first names, Vietnamese compound given names, O'Connor);
    # the two family rows differ by house convention since greet9 (OLD_FAMILY_LABELS), the
    # Dipl.-Ing. and Mag. rows since greet21 (OLD_DIPLOMA_LABELS)
    assert len(rows) == 100
    assert wrong == [r["id"] for r in rows if r["id"] in OLD_FAMILY_LABELS | OLD_DIPLOMA_LABELS]


def _mail(display: str, body: str, quoted: str = "", lang: str = "de") -> InboundEmail:
    return InboundEmail(
        from_=Address(name=display, email="x@example.de"), body=body, quoted=quoted, language=lang
    )


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # couples: Sie (the woman first), Du (order of the sign-off), English formal/informal
        (
            "Familie Kern",
            "Guten Tag,\n\nbitte ändern Sie die Adresse.\n\nMit freundlichen Grüßen\n"
            "Jens und Petra Kern",
            "de",
            "Sehr geehrte Frau Kern, sehr geehrter Herr Kern,",
        ),
        (
            "Lars Berg",
            "Hallo,\n\nkönnt ihr helfen?\n\nLG\nLars & Mia",
            "de",
            "Hallo Lars, hallo Mia,",
        ),
        (
            "Mr & Mrs P. Osei",
            "Dear Sir or Madam,\n\nPlease help.\n\nRegards",
            "en",
            "Dear Mr and Mrs Osei,",
        ),
        (
            "Ruth Hale",
            "Hey!\n\nCan you merge our accounts?\n\nRuth & Dev",
            "en",
            "Hi Ruth and Dev,",
        ),
        # a title written only in the sign-off; Austrian titles; "Last, First particle"
        (
            "Petra Lindau",
            "Guten Tag,\n\nbitte prüfen Sie das.\n\nMit freundlichen Grüßen\n"
            "Dr. phil. Petra Lindau",
            "de",
            "Sehr geehrte Frau Dr. Lindau,",
        ),
        (
            "Mag. Sabine Huber",
            "Grüß Gott,\n\nbitte senden Sie mir die Rechnung.",
            "de",
            "Sehr geehrte Frau Huber,",  # no diploma in the greeting (greet21)
        ),
        (
            "Ing. Stefan Moser",
            "Grüß Gott,\n\nkönnen Sie helfen?",
            "de",
            "Sehr geehrter Herr Ing. Moser,",
        ),
        (
            "Berg, Anna van den",
            "Guten Tag,\n\nkönnen Sie helfen?",
            "de",
            "Sehr geehrte Frau van den Berg,",
        ),
        # a different person signs (shared account); a company with a person signing
        (
            "Thomas Weiß",
            "Guten Tag,\n\nbitte ändern Sie das.\n\nMit freundlichen Grüßen\nSabine Weiß",
            "de",
            "Sehr geehrte Frau Weiß,",
        ),
        (
            "Müller Haustechnik GmbH",
            "Guten Tag,\n\nbitte prüfen Sie das.\n\n"
            "Mit freundlichen Grüßen\ni. A. Jana Roth\nBuchhaltung",
            "de",
            "Sehr geehrte Frau Roth,",
        ),
        (
            "Brook Dental Practice",
            "Good morning,\n\nPlease review our tariff.\n\nKind regards,\n"
            "Helen Shaw, Office Manager",
            "en",
            "Dear Ms Shaw,",
        ),
        # "(Mrs)" after the signed name; English informal with a closing phrase and lowercase
        (
            "Sam Reid",
            "Dear Sir or Madam,\n\nPlease help.\n\nYours faithfully,\nSam Reid (Mrs)",
            "en",
            "Dear Mrs Reid,",
        ),
        ("Susan Clark", "Hi,\n\ncan you check?\n\nThanks a lot,\nSue", "en", "Hi Sue,"),
        ("rob hunt", "hey, did my payment go thru?\n\nta\nrob", "en", "Hi Rob,"),
        ("", "hallo,\n\nkönnt ihr mir helfen?\n\nlg tim", "de", "Hallo Tim,"),
        (
            "",
            "Hallo,\n\nwann kommt der Techniker?\n\nDanke schön",
            "de",
            "Sehr geehrte Damen und Herren,",
        ),
    ],
)
def test_greeting_rules(display: str, body: str, lang: str, line: str) -> None:
    email = _mail(display, body, lang=lang)
    assert greeting(email, lang, detect_register(email, lang, "sie")).first_line == line


@pytest.mark.parametrize(
    ("text", "register"),
    [
        ("Sehr geehrte Damen und Herren,\n\nkannst du mir die Summe schicken?", "du"),  # mixed
        ("Servus,\n\nkönnt's ihr mir sagen, warum die Rechnung so hoch ist?", "du"),
        ("Hallo,\n\nIhr habt zweimal abgebucht.", "du"),
        ("hallo,\n\nschickt mir bitte die rechnung nochmal.", "du"),
        ("Guten Tag,\n\nbitte ruft mich zurück.", "du"),
        ("Guten Tag,\n\nkommt mir komisch vor. Können Sie das prüfen?", "sie"),
        ("Sie zahlen nach, wenn Ihr tatsächlicher Verbrauch höher war.", "sie"),  # Sie possessive
        ("Hallo,\n\nseit Ihr Techniker da war, geht nichts.", "sie"),
        ("Guten Tag,\n\nmeine Frau hat ihr Passwort vergessen. Können Sie ihr helfen?", "sie"),
        ("Guten Tag,\n\nmein Sohn sagt: „Schreib denen, die helfen dir.“ Was tun Sie?", "sie"),
        ("Guten Tag,\n\ngilt Ihr Tarif „Dein Strom Flex“ auch für mich?", "sie"),
    ],
)
def test_german_register_signals_and_traps(text: str, register: str) -> None:
    assert german_register(text) == register


def test_english_thread_register_from_our_earlier_reply() -> None:
    email = _mail(
        "Siân Ellis",
        "Could you also send me the March statement?",
        quoted="On 6 Mar 2025, Customer Service <s@example.com> wrote:\n> Hi Siân,\n> done.",
        lang="en",
    )
    assert detect_register(email, "en") == "you_informal"


@pytest.mark.parametrize(
    ("display", "first", "last", "title"),
    [
        ("Prof. Dr. Sabine Kühn", "Sabine", "Kühn", "Prof. Dr."),
        ("Dr. med. Claudia Weber", "Claudia", "Weber", "Dr."),
        ("Dr.-Ing. Stefan Roth", "Stefan", "Roth", "Dr."),
        ("Dipl.-Ing. Thomas Reuter", "Thomas", "Reuter", "Dipl.-Ing."),
        ("Herr Peter van der Berg", "Peter", "van der Berg", ""),
        ("Schulz, Erika", "Erika", "Schulz", ""),
        ("ANNA BERG", "Anna", "Berg", ""),
        ("Hausverwaltung Nord GmbH", "", "", ""),
        ("kunde@example.de", "", "", ""),
        ("Dr. rer. nat. Jana Vogt", "Jana", "Vogt", "Dr."),
        ("Guadalupe Fernández Ortega", "Guadalupe", "Fernández Ortega", ""),
        ("Ana Beatriz Costa", "Ana", "Costa", ""),
        ("Siobhán Ní Bhriain", "Siobhán", "Ní Bhriain", ""),
        ("Kiosk am Markt", "", "", ""),
    ],
)
def test_parse_name(display: str, first: str, last: str, title: str) -> None:
    name = parse_name(display)
    assert (name.first, name.last, name.title) == (first, last, title)


def test_first_names_come_from_the_data_set() -> None:
    # names the old built-in list did not know (issue 12): Elke, Gerd, Oliver
    assert [gender_of(n) for n in ("Elke", "Gerd", "Oliver")] == ["female", "male", "male"]
    assert gender_of("Anna-Lena") == "female"
    assert gender_of("Hans Peter") == "male"
    assert gender_of("Kim") == ""  # used for both
    assert gender_of("Zorya") == ""  # unknown


def test_register_from_thread_when_the_newest_message_says_nothing() -> None:
    assert german_register("Hallo, anbei der Zählerstand. Gruß Jörg") == ""
    email = InboundEmail(
        from_=Address(name="Maik Sommer", email="m@example.de"),
        body="Hallo,\n\nanbei das Foto.\n\nMaik",
        quoted="> Hallo Maik,\n> danke dir! Schick uns bitte ein Foto.",
    )
    assert detect_register(email, "de", "sie") == "du"
    assert detect_register(email.model_copy(update={"quoted": ""}), "de", "sie") == "sie"
    assert detect_register(email.model_copy(update={"quoted": ""}), "de", "du") == "du"


def test_signoff_name() -> None:
    assert signoff_name("Hallo,\n\nwie hoch ist das?\n\nViele Grüße\nMarkus Lange") == (
        "Markus Lange"
    )
    assert signoff_name("Hi,\n\nthanks for your reply. When is it due?\n\nBen") == "Ben"
    assert signoff_name("Guten Tag,\n\nwann kommt er?\n\nMit freundlichen Grüßen") == ""
    # a company line at the end is no person (it once became "Mr Mercury T" and leaked)
    assert signoff_name("Dear customer,\n\nyour payment went out.\nThe Mercury T") == ""


# --- replies3: classes of errors found on the blind dev tables, examples written here ------


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # "Familie X" and nobody signs: the family is greeted (greet9; before: "Sehr geehrte
        # Damen und Herren,", see OLD_FAMILY_LABELS in benchmarks/bench_greetings.py)
        (
            "Familie Wendler",
            "Guten Tag,\n\nwir möchten unseren Abschlag senken.\n\nViele Grüße\nFamilie Wendler",
            "de",
            "Sehr geehrte Familie Wendler,",
        ),
        # unisex names stay neutral whatever one statistic says
        (
            "Robin Hauser",
            "Guten Tag,\n\nwann kommt die Rechnung?\n\nGruß",
            "de",
            "Guten Tag Robin Hauser,",
        ),
        ("Sam Whitfield", "Hello,\n\nwhen is my bill due?\n\nRegards", "en", "Dear Sam Whitfield,"),
        # a sure cue: the customer names herself with Frau + full name
        (
            "Kim Albrecht",
            "Guten Tag,\n\nder Zähler ist auf Frau Kim Albrecht angemeldet, also auf mich.\n\n"
            "Mit freundlichen Grüßen\nKim Albrecht",
            "de",
            "Sehr geehrte Frau Albrecht,",
        ),
        # the wrong salutation she quotes is not a cue
        (
            "Kim Albrecht",
            'Guten Tag,\n\nIhre Briefe gehen an "Herrn Albrecht". Bitte ändern.\n\n'
            "Mit freundlichen Grüßen\nKim Albrecht",
            "de",
            "Guten Tag Kim Albrecht,",
        ),
        # "Ihre"/"Ihr" before the signed name
        (
            "Robin Hauser",
            "Guten Tag,\n\nbitte um Rückruf.\n\nBeste Grüße\nIhr Robin Hauser",
            "de",
            "Sehr geehrter Herr Hauser,",
        ),
        (
            "Sascha Weiß",
            "Guten Tag,\n\nbitte um Rückruf.\n\nHerzliche Grüße\nIhre Sascha Weiß",
            "de",
            "Sehr geehrte Frau Weiß,",
        ),
        # a name the table does not know, and the writer's husband
        (
            "Tjorven Brandt",
            "Guten Tag,\n\nich schreibe für meinen Mann, der Vertrag läuft auf ihn.\n\n"
            "Mit freundlichen Grüßen\nTjorven Brandt",
            "de",
            "Sehr geehrte Frau Brandt,",
        ),
        (
            "Zorba Quill",
            "Hello,\n\nmy wife asked me to send the meter reading.\n\nKind regards\nZorba Quill",
            "en",
            "Dear Mr Quill,",
        ),
        # names clearly gendered in their own language, unknown to the statistics table
        (
            "Heidrun Vogt",
            "Guten Tag,\n\nbitte um Rückruf.\n\nGruß",
            "de",
            "Sehr geehrte Frau Vogt,",
        ),
        ("Ömer Kaya", "Guten Tag,\n\nbitte um Rückruf.\n\nGruß", "de", "Sehr geehrter Herr Kaya,"),
        ("Chidinma Eze", "Hello,\n\nplease call me back.\n\nRegards", "en", "Dear Ms Eze,"),
        ("Kwabena Mensah", "Hello,\n\nplease call me back.\n\nRegards", "en", "Dear Mr Mensah,"),
        (
            "Kjelsa Pohl",
            "Guten Tag,\n\nbitte um Rückruf.\n\nGruß",
            "de",
            "Guten Tag Kjelsa Pohl,",
        ),  # unknown everywhere: neutral (was "Wencke", a Frisian woman's name, now listed)
        # a lowercase first name alone on the last line signs an informal mail
        (
            "jack turner",
            "hey,\n\nany news on my refund? asked last week.\n\njack",
            "en",
            "Hi Jack,",
        ),
    ],
)
def test_greeting_classes_from_the_blind_dev_tables(
    display: str, body: str, lang: str, line: str
) -> None:
    email = _mail(display, body, lang=lang)
    assert greeting(email, lang, detect_register(email, lang, "sie")).first_line == line


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # common North German / Frisian first names the statistics table does not hold
        ("Wencke Harmsen", "Guten Tag,\nwann kommt die Rechnung?\nWencke Harmsen", "de",
         "Sehr geehrte Frau Harmsen,"),
        ("Dr.-Ing. Thees Carstensen", "Guten Tag,\nbitte um Rückruf.", "de",
         "Sehr geehrter Herr Dr. Carstensen,"),
        ("Inken Paulsen", "Hello,\nwhen is my bill due?\nInken Paulsen", "en", "Dear Ms Paulsen,"),
        # a Vietnamese compound given name: no clear sex, family name last, greeted whole
        ("Hoang Linh Vo", "Guten Tag,\nich ziehe um.\nHoang Linh Vo", "de",
         "Guten Tag Hoang Linh Vo,"),
        ("Quang Minh Do", "Hello,\nI am moving out.\nQuang Minh Do", "en",
         "Dear Quang Minh Do,"),
        ("Jan van Dijk", "Guten Tag,\nwie geht das?", "de", "Sehr geehrter Herr van Dijk,"),
        # an all-caps or lowercase name with an apostrophe: O'Brien, not O'brien
        ("SEAN O'BRIEN", "Hello,\nplease call me back.", "en", "Dear Mr O'Brien,"),
        ("lucia d'angelo", "Hello,\nplease call me back.", "en", "Dear Ms D'Angelo,"),
    ],
)  # fmt: skip
def test_name_classes_of_the_third_dev_table_own_examples(
    display: str, body: str, lang: str, line: str
) -> None:
    email = _mail(display, body, lang=lang)
    assert greeting(email, lang, detect_register(email, lang, "sie")).first_line == line


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # a secretary signs "im Auftrag" / "in Vertretung" on a line of its own: she wrote it
        ("Dr. Karl Brandes",
         "Guten Tag,\nbitte senden Sie die Jahresrechnung erneut.\n\nViele Grüße\nim Auftrag\n"
         "Sabine Kortmann\nAssistenz Dr. Brandes", "de", "Sehr geehrte Frau Kortmann,"),
        ("Petra Hansen",
         "Guten Tag,\nder Zähler wurde getauscht.\n\nMit freundlichen Grüßen\nIn Vertretung\n"
         "Heiko Brandt", "de", "Sehr geehrter Herr Brandt,"),
        # the closing and the name at the end of the only line: the name signed counts, also
        # a short form ("lg fe" from Felicitas) and without a display name
        ("Felicitas Rohde", "hi, kannst du mir sagen wann der monteur kommt? lg fe", "de",
         "Hallo Fe,"),
        ("jo.m@example.org", "hey, where do i send my meter reading? cheers, jo", "en",
         "Hi Jo,"),
        ("Lena Brock", "Hallo, wann kommt die Abrechnung? Danke, Lena", "de",
         "Sehr geehrte Frau Brock,"),
        # no name after the closing: nothing is taken from the sentence
        ("Britta Olsen", "Hallo, wann kommt die Abrechnung? Vielen Dank im Voraus", "de",
         "Sehr geehrte Frau Olsen,"),
    ],
)  # fmt: skip
def test_signer_classes_of_the_retired_test2_table_own_examples(
    display: str, body: str, lang: str, line: str
) -> None:
    email = _mail(display, body, lang=lang)
    assert greeting(email, lang, detect_register(email, lang, "sie")).first_line == line


@pytest.mark.parametrize(
    ("text", "register"),
    [
        # "ihr" as the dative "to her" before or after a verb form no Du plural has: no signal
        ("Guten Tag,\n\nmeine Mutter liest keine E-Mails. Ihr ist das zu kompliziert.", ""),
        ("Guten Tag,\n\nmeine Tante zieht ins Heim. Ihr gibt dort jemand die Post.", ""),
        ("Guten Tag,\n\nmeine Oma ist 90. Leider hilft ihr niemand mit dem Portal.", ""),
        ("Guten Tag,\n\nmeine Mutter ist im Heim. Ihr fällt das Telefonieren schwer.", ""),
        # the Du plural still counts
        ("Hallo,\n\nIhr habt zweimal abgebucht.", "du"),
        ("Hallo,\n\nhelft ihr mir bitte?", "du"),
        ("Hallo,\n\nihr gebt mir bitte Bescheid.", "du"),
    ],
)  # fmt: skip
def test_a_dative_ihr_is_no_du_plural(text: str, register: str) -> None:
    assert german_register(text) == register


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # initials only: all of them are kept when the gender is unknown
        ("K. M. Oyelaran", "Dear Sirs,\n\nplease correct my bill.\n\nK. M. Oyelaran", "en",
         "Dear K. M. Oyelaran,"),
        ("A. B. Lindqvist", "Guten Tag,\n\nbitte um Rückruf.\n\nA. B. Lindqvist", "de",
         "Guten Tag A. B. Lindqvist,"),
        # an initial in the display name, the full first name in the sign-off
        ("U. Brockmann", "Guten Tag,\n\nbitte um Rückruf.\n\nMit freundlichen Grüßen\n"
         "Ulrike Brockmann", "de", "Sehr geehrte Frau Brockmann,"),
        ("T. Ashworth", "Hello,\n\nplease call me back.\n\nKind regards\nThomas Ashworth", "en",
         "Dear Mr Ashworth,"),
    ],
)  # fmt: skip
def test_initials_of_the_fourth_dev_table_own_examples(
    display: str, body: str, lang: str, line: str
) -> None:
    email = _mail(display, body, lang=lang)
    assert greeting(email, lang, detect_register(email, lang, "sie")).first_line == line


def test_fourth_blind_dev_table_and_retired_test2_measured_figures() -> None:
    for name, size in (("dev4.jsonl", 100), ("test2.jsonl", 120)):
        table = DEV2.with_name(name)
        rows = [json.loads(line) for line in table.read_text(encoding="utf-8").splitlines() if line]
        wrong = [r["id"] for r in rows if not _correct(r)]
        # dev4: 95/100 with main c3d80ad before it was tuned on, 100/100 after (replies6:
        # "im Auftrag" signers, inline sign-offs, initials, dative "ihr"); test2 (retired as
        # held out after one run, 117/120) is development data now: 120/120. Since greet21 a
        # row labelled with a diploma title differs by house decision (told from the label)
        assert len(rows) == size
        old = [r["id"] for r in rows if r["id"] in OLD_FAMILY_LABELS or diploma_label(r)]
        assert wrong == old, name
