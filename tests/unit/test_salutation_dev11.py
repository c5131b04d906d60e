"""Greetings and register, round of dev11 (issue 12, session 12): a Du that is only the plural
"ihr/euch" said to the company, a family signing under a bare family name, "i. A." without a
closing, South Slavic given names. dev11's out-of-sample figure is in
benchmarks/bench_greetings.py (FIRST_DEV11: 96/100 with main 529bcd0 before any row was read).
"""

from __future__ import annotations

import pytest

from benchmarks.bench_greetings import DATA, OLD_LABELS, read_rows, score_row
from drafter.drafting.du_signals import plural_only
from drafter.drafting.salutation import detect_register, greeting
from drafter.models import Address, InboundEmail


def _mail(display: str, body: str, address: str = "kunde@example.de", lang: str = "de"):
    return InboundEmail(
        from_=Address(name=display, email=address), body=body, quoted="", language=lang
    )


def _reply(display: str, body: str, lang: str = "de") -> tuple[str, str]:
    email = _mail(display, body, lang=lang)
    register = detect_register(email, lang, "sie")
    return register, greeting(email, lang, register).first_line


SOLLMANN = (
    'Guten Morgen,\n\nauf Seite 2 steht beim Zählerstand "geschätzt". Ihr habt 49870 angesetzt,'
    " also über 1600 kWh mehr.\n\nHenrike Sollmann\nneue Adresse: Eichenkamp 7, 24229 Kiel"
)
HARBECK = (
    "Also langsam reicht es mir. Und jetzt kommt eine MAHNUNG mit 2,50 Mahngebühr?? Bei euch"
    " blickt doch keiner mehr durch.\n\nDie 2,50 zahle ich nicht.\n\nK.-U. Harbeck"
)


@pytest.mark.parametrize(
    ("display", "body", "register", "line"),
    [
        # the two mails of the team-lead review (docs/draft-review-session10, mails 36, 37)
        ("Henrike Sollmann", SOLLMANN, "sie", "Sehr geehrte Frau Sollmann,"),
        ("Kai-Uwe Harbeck", HARBECK, "sie", "Sehr geehrter Herr Harbeck,"),
        # a full name under a casual opener, a title, a family, a formal opener
        (
            "Rieke Nissen",
            "Hallo,\n\nihr habt mir zweimal abgebucht. Bitte bucht das zurück.\n\n"
            "Gruß Rieke Nissen",
            "sie",
            "Sehr geehrte Frau Nissen,",
        ),
        (
            "Lena Marx",
            "Hallo ihr,\n\nwann kommt eure Abrechnung?\n\nGrüße\nDr. Lena Marx",
            "sie",
            "Sehr geehrte Frau Dr. Marx,",
        ),
        (
            "Familie Ipsen",
            "Hallo zusammen,\n\nhabt ihr unseren Zählerstand bekommen?\n\nViele Grüße\n"
            "Familie Ipsen",
            "sie",
            "Sehr geehrte Familie Ipsen,",
        ),
        (
            "Tom Berg",
            "Guten Tag,\n\nkönnt ihr mir die Rechnung noch einmal schicken?\n\nTom",
            "sie",
            "Sehr geehrter Herr Berg,",
        ),
        (
            "Mia Schulz",
            "Hallo zusammen,\n\nhabt ihr unseren Zählerstand?\n\nLG\nMia und Ben Schulz",
            "sie",
            "Sehr geehrte Frau Schulz, sehr geehrter Herr Schulz,",
        ),
        # nobody signs and no casual opening: Sie (also the golden set's sample-de-040, whose
        # reference answer is in Sie)
        (
            "Kai-Uwe Harbeck",
            "Also langsam reicht es mir. Bei euch blickt doch keiner mehr durch.",
            "sie",
            "Sehr geehrter Herr Harbeck,",
        ),
        (
            "",
            "kann man bei euch mit paypal oder kreditkarte bezahlen? überweisung nervt",
            "sie",
            "Sehr geehrte Damen und Herren,",
        ),
        ("", "Hier das Foto. Habt ihr das bekommen?", "sie", "Sehr geehrte Damen und Herren,"),
        ("", "na, habt ihr das Foto bekommen?", "du", "Hallo,"),
        # guards: a first name alone, first names of a couple, no name, an initial for the
        # family name, and a Du to a person with a full name keep the Du
        (
            "Jule Brandes",
            "Hallo ihr Lieben,\n\nhabt ihr meinen Zählerstand?\n\nLG\nJule",
            "du",
            "Hallo Jule,",
        ),
        (
            "Mia Schulz",
            "Hallo zusammen,\n\nhabt ihr unseren Zählerstand?\n\nLG\nMia & Ben",
            "du",
            "Hallo Mia, hallo Ben,",
        ),
        ("", "Hallo,\n\nhabt ihr meinen Zählerstand bekommen?\n\nDanke", "du", "Hallo,"),
        (
            "Thalea K.",
            "Hallo!\nMuss ich zuhause sein, wenn ihr kommt?\nThalea K.",
            "du",
            "Hallo Thalea,",
        ),
        # a plainly casual opening keeps the Du under a full name (retired test6's gt6-035
        # shape); "Moin" (like "Hallo zusammen" above) with a full name does not
        (
            "Finn Krogh",
            "Hey!\n\nkann ich bei euch auch nur Gas buchen?\n\nGrüße,\nFinn Krogh",
            "du",
            "Hallo Finn,",
        ),
        (
            "Finn Krogh",
            "Moin,\n\nhabt ihr meinen Stand?\n\nGrüße\nFinn Krogh",
            "sie",
            "Sehr geehrter Herr Krogh,",
        ),
        (
            "Jule Brandes",
            "Hallo,\n\nkannst du mal schauen, ob ihr meinen Stand habt?\n\nGruß\nJule Brandes",
            "du",
            "Hallo Jule,",
        ),
        (
            "Jule Brandes",
            "Hallo,\n\nhabt ihr meinen Stand? Sag mir bitte Bescheid.\n\nGruß\nJule Brandes",
            "du",
            "Hallo Jule,",
        ),
    ],
)
def test_the_plural_ihr_follows_how_the_customer_signs(
    display: str, body: str, register: str, line: str
) -> None:
    assert _reply(display, body) == (register, line)


@pytest.mark.parametrize(
    ("text", "only"),
    [
        ("Ihr habt 49870 angesetzt.", True),
        ("Bei euch blickt doch keiner mehr durch.", True),
        ("Gebt mal Bescheid!", True),
        ("Kannst du mal schauen, was ihr da gemacht habt?", False),
        ("Habt ihr meinen Stand? Sag mir bitte Bescheid.", False),
        ("Magst mir sagen, ob ihr kommt?", False),
        ("Können Sie mir helfen?", False),
    ],
)
def test_a_du_that_is_only_the_plural(text: str, only: bool) -> None:
    assert plural_only(text) is only


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        (
            "Behrens",
            "Sehr geehrte Damen und Herren,\n\nbitte um Schlussrechnung.\n\nFreundliche Grüße\n"
            "Familie Behrens",
            "de",
            "Sehr geehrte Familie Behrens,",
        ),
        (
            "Quist",
            "Hello,\n\nplease close our account.\n\nKind regards,\nThe Quist Family",
            "en",
            "Dear Quist family,",
        ),
        # guard: a bare family name with nobody signing stays Damen und Herren
        (
            "Behrens",
            "Sehr geehrte Damen und Herren,\n\nbitte um Schlussrechnung.\n\nFreundliche Grüße",
            "de",
            "Sehr geehrte Damen und Herren,",
        ),
    ],
)
def test_a_family_signing_under_a_bare_family_name(
    display: str, body: str, lang: str, line: str
) -> None:
    assert _reply(display, body, lang)[1] == line


@pytest.mark.parametrize(
    ("display", "body", "line"),
    [
        (
            "Hausverwaltung Kielblick",
            "Sehr geehrte Damen und Herren,\n\nbitte um die Verbrauchswerte.\n\n"
            "i. A. Renate Suhr\nHausverwaltung Kielblick",
            "Sehr geehrte Frau Suhr,",
        ),
        (
            "Bäckerei Möller",
            "Guten Tag,\n\nwir bitten um eine Kopie der Rechnung.\n\n"
            "i. V. Jürgen Hölck\nBäckerei Möller GmbH\nBuchhaltung",
            "Sehr geehrter Herr Hölck,",
        ),
        # guard: "im Auftrag" of a person who is no name line keeps the firm's greeting
        (
            "Hausverwaltung Kielblick",
            "Sehr geehrte Damen und Herren,\n\nbitte um die Verbrauchswerte.\n\n"
            "im Auftrag der Eigentümergemeinschaft\nHausverwaltung Kielblick",
            "Sehr geehrte Damen und Herren,",
        ),
    ],
)
def test_on_behalf_of_a_firm_without_a_closing(display: str, body: str, line: str) -> None:
    assert _reply(display, body)[1] == line


@pytest.mark.parametrize(
    ("display", "lang", "line"),
    [
        ("Nikola Ristić", "de", "Sehr geehrter Herr Ristić,"),
        ("Nikola Ristic", "en", "Dear Mr Ristic,"),
        ("Andrija Babić", "de", "Sehr geehrter Herr Babić,"),
        ("Nikola Jurčič", "de", "Sehr geehrter Herr Jurčič,"),
        # guards: a Czech Nikola (woman's family name form), a Nikola of no telling family name
        ("Nikola Dvořáková", "de", "Sehr geehrte Frau Dvořáková,"),
        ("Nikola Berger", "de", "Guten Tag Nikola Berger,"),
    ],
)
def test_south_slavic_given_names_with_a_south_slavic_family_name(
    display: str, lang: str, line: str
) -> None:
    body = (
        "Sehr geehrte Damen und Herren,\n\nbitte um Rückruf.\n\nMit freundlichen Grüßen"
        if lang == "de"
        else "Dear Sir or Madam,\n\nplease call me back.\n\nKind regards"
    )
    assert _reply(display, body, lang)[1] == line


def test_dev11_after_tuning() -> None:
    # 96/100 with main 529bcd0 before any row was read (FIRST_DEV11); tuned on since. gd11-056
    # ("Dear Ms Cartwright and Mr Cartwright,") is right since session 13 (English couples are
    # joined with "and")
    rows = read_rows(DATA / "dev11.jsonl")
    wrong = {row["id"] for row in rows if not score_row(row)[0]}
    assert len(rows) == 100
    assert wrong - OLD_LABELS == set()


LOTTE = "Am 08.11.2026 um 18:40 schrieb Lotte Carstens <lotte@example.de>:\n> {opener}\n> mein"
LOTTE += " Zähler läuft doppelt so schnell. Könnt ihr das mal prüfen?\n> {signed}"


@pytest.mark.parametrize(
    ("body", "opener", "signed", "register"),
    [
        # the newest mail says nothing: the thread's plural "ihr" follows the newest sign-off,
        # else the quoted one, and the quoted opening
        ("Hier das Foto.\n\nLotte Carstens", "Hallo ihr,", "Lotte", "sie"),
        ("Hier das Foto.", "Hallo ihr,", "Lotte Carstens", "sie"),
        ("Hier das Foto.\n\nLotte", "Guten Tag,", "Lotte", "sie"),
        # guards (dev3 gd3-039, dev5 gd5-049): first names in both keep the Du
        ("Hier das Foto.\n\nLotte", "Hallo ihr,", "Lotte", "du"),
        ("Hier das Foto.", "Moin,", "Lotte", "du"),
    ],
)
def test_the_plural_ihr_of_the_thread(body: str, opener: str, signed: str, register: str) -> None:
    email = InboundEmail(
        from_=Address(name="Lotte Carstens", email="lotte@example.de"),
        body=body,
        quoted=LOTTE.format(opener=opener, signed=signed),
        language="de",
    )
    assert detect_register(email, "de", "sie") == register


TENANT = (
    "---------- Weitergeleitete Nachricht ----------\nVon: Jonas Kurz <jonas@example.de>\n\n"
    "Hallo Hans,\n\nkannst du dem Versorger sagen, dass der Zähler kaputt ist?\n\nGruß\nJonas"
)
LODGER = (
    "Begin forwarded message:\n\nFrom: Tom Reed <tom@example.com>\nSubject: meter\n\n"
    "Hi Mags,\nthe meter is broken.\nTom"
)
REMINDER = (
    "---------- Forwarded message ---------\nFrom: Jule Brandes <jule@example.de>\n\n"
    "Hallo ihr,\n\nhabt ihr meinen Zählerstand bekommen?\n\nLG\nJule"
)


@pytest.mark.parametrize(
    ("display", "address", "body", "quoted", "lang", "register", "line"),
    [
        # a message someone else wrote to the customer, forwarded to us, sets no register and
        # no short name: "zur Info" over the tenant's "Hallo Hans, kannst du …"
        ("Hans Petersen", "h.petersen@example.de", "zur Info", TENANT, "de", "sie",
         "Sehr geehrter Herr Petersen,"),
        ("Margaret Shaw", "m.shaw@example.co.uk", "FYI", LODGER, "en", "you",
         "Dear Ms Shaw,"),
        ("Margaret Shaw", "m.shaw@example.co.uk", "Please see below.\n\nMargaret Shaw", LODGER,
         "en", "you", "Dear Ms Shaw,"),
        # guard: a forward of the customer's own earlier mail (a reminder) is her own register
        ("Jule Brandes", "jule@example.de", "Hallo nochmal?", REMINDER, "de", "du",
         "Hallo Jule,"),
    ],
)  # fmt: skip
def test_a_forwarded_message_of_someone_else_sets_no_register(
    display: str, address: str, body: str, quoted: str, lang: str, register: str, line: str
) -> None:
    email = InboundEmail(
        from_=Address(name=display, email=address), body=body, quoted=quoted, language=lang
    )
    found = detect_register(email, lang, "sie")
    assert (found, greeting(email, lang, found).first_line) == (register, line)


@pytest.mark.parametrize(
    ("display", "signed", "lang", "line"),
    [
        # a bare family name as the display name, the initial signed: the initials house form
        ("Lange", "P. Lange", "de", "Guten Tag P. Lange,"),
        ("Lange", "J. Lange", "en", "Dear J. Lange,"),
        # guard: the display's own first name stays
        ("Petra Lange", "P. Lange", "de", "Sehr geehrte Frau Lange,"),
    ],
)
def test_an_initial_signed_under_a_bare_family_name(
    display: str, signed: str, lang: str, line: str
) -> None:
    closing = "Mit freundlichen Grüßen" if lang == "de" else "Kind regards,"
    opening = "Sehr geehrte Damen und Herren," if lang == "de" else "Dear Sir or Madam,"
    body = f"{opening}\n\nbitte um Rückruf.\n\n{closing}\n{signed}"
    assert _reply(display, body, lang)[1] == line


@pytest.mark.parametrize(
    ("display", "body", "lang", "line"),
    [
        # a writer without capitals: the family name of a Vietnamese name is capitalised
        (
            "dang thi huong",
            "sehr geehrte damen und herren,\n\nbitte um rückruf.\n\nmit freundlichen grüßen\n"
            "dang thi huong",
            "de",
            "Sehr geehrte Frau Dang,",
        ),
        (
            "phan thi thu",
            "hello,\n\nplease call me.\n\nthank you,\nphan thi thu",
            "en",
            "Dear Ms Phan,",
        ),
        # and a first name under a closing that says where it comes from
        (
            "wg holtenauer 112",
            "hallo ihr,\n\nkönnt ihr den zähler ablesen?\n\ngrüße aus der wg\nmerle",
            "de",
            "Hallo Merle,",
        ),
    ],
)
def test_a_writer_without_capitals(display: str, body: str, lang: str, line: str) -> None:
    assert _reply(display, body, lang)[1] == line
