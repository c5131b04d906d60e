"""Issue 9, seventeenth round: classes of values the two retired held-out sets (test_a, test_b)
showed reaching the model, and keep strings lost. Examples written here, not taken from any
evaluation set."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer
from tests.unit.privacy_cases import check


@pytest.fixture(scope="module")
def pz() -> Pseudonymizer:
    return Pseudonymizer()


# --- a flat, room or floor without its street -------------------------------------------


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("Im Haus wohnen:\nEG links: Herr Brodersen zieht aus.\n", ("EG links",)),
        ("1. OG rechts (WG): zwei Mieter bleiben.", ("1. OG rechts",)),
        ("Ich wohne in der Tulpenstraße 4, 24937 Flensburg, 5. Stock.", ("5. Stock",)),
        ("Betreff: Nebenkosten 2025 – Whg. 0817, Tulpenstraße 4", ("Whg. 0817",)),
        ("Flat 4.02 – Mr Hollis moves out on 30 June.", ("Flat 4.02",)),
        ("wohne im wohnheim am ostring 12 zimmer 3-14", ("zimmer 3-14",)),
        ("WE 05, DG: Leerstand ab Januar", ("WE 05, DG",)),
        ("I live in dorm room 209, my meter is broken.", ("dorm room 209",)),
        ("Tulpenstraße 4\nWhg. 7 / 3. OG rechts\n24937 Flensburg", ("Whg. 7 / 3. OG rechts",)),
        # after a house number: the ordinal floor after a back-house word stays with it
        ("wir ziehen in den Tulpenweg 8, Hinterhaus 2. Etage.", ("Hinterhaus", "Etage")),
        ("Rua das Flores 221, 2.º Dto.\n4050-265 Porto", ("Flores", "Dto", "2.º")),
    ],
)
def test_a_flat_or_floor_alone_is_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...]
) -> None:
    check(pz, text, hidden, ())


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Die EG-Richtlinie gilt auch für uns.", ("EG-Richtlinie",)),
        ("Das Haus hat 1 Zimmer mehr als gedacht.", ("1 Zimmer",)),
        ("We moved into a flat on the 2nd floor last year.", ("flat", "2nd floor")),
        ("Der Zähler hängt im Keller, nicht im EG.", ("im EG",)),
    ],
)
def test_a_floor_in_words_or_a_flat_without_number_is_kept(
    pz: Pseudonymizer, text: str, kept: tuple[str, ...]
) -> None:
    check(pz, text, (), kept)


# --- secrets and dates of birth -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        # a date of birth in ISO form a few words after its cue
        ("Geburtsdatum zur Kontrolle 1987-04-19.", ("1987-04-19",)),
        ("Date of birth (main tenant) 1979-02-28\nMove-in 1 May", ("1979-02-28",)),
        # a password ending in "!" near its cue
        (
            "Passwort war Hafen#99 (hab auch schon Winter2023! probiert).",
            ("Hafen#99", "Winter2023"),
        ),
        # a card's security code after "CID"
        ("My Amex ends in 1005, exp 04/29, CID 881", ("881",)),
        # the answer to a security question
        ('Sicherheitsfrage "Name Ihres ersten Haustiers": Flocke\nKunden-PIN: 4471', ("Flocke",)),
        (
            'The security question is "city where you were born" and the answer is Kumasi.',
            ("Kumasi",),
        ),
        ("Sicherheitsfrage (Geburtsort der Mutter): Bad Oldesloe\n", ("Oldesloe",)),
    ],
)
def test_a_secret_or_birth_date_of_a_new_shape_is_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...]
) -> None:
    check(pz, text, hidden, ())


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Ich habe die Sicherheitsfrage vergessen, bitte zurücksetzen.", ("Sicherheitsfrage",)),
        ("Der Hinweis zur Sicherheitsfrage: bitte nicht per Mail schicken\n", ("bitte nicht",)),
        # a reading after its cue is no customer number; the meter after "für" is
        ("meter reading 004512 for meter 1NLT0018812245", ("004512",)),
        ("Zählerstand Strom 5731, Gas 2204", ("5731", "2204")),  # a guard
        ("Hi, my meter reading - electricity 5731, gas 2204.6", ("5731",)),
    ],
)
def test_a_reading_or_a_remark_on_a_secret_is_kept(
    pz: Pseudonymizer, text: str, kept: tuple[str, ...]
) -> None:
    check(pz, text, (), kept)


def test_an_area_code_is_no_house_number(pz: Pseudonymizer) -> None:
    # "Bei der Hotline 0431" read as a street with its number made "5577" a postcode
    # (the company's own hotline, which is never hidden)
    assert pz.find("Bei der Hotline 0431 5577-300 kam ich nicht durch.") == []


# --- the name another person's e-mail address spells --------------------------------------


def test_the_name_an_address_in_the_body_spells_is_hidden(pz: Pseudonymizer) -> None:
    # "Malte" is also an everyday word (German "malte", painted): the address spells the name
    from drafter.mail.parse import parse_email

    raw = (
        "From: lena <lena.kruse03@gmail.com>\nTo: service@stadtwerke-nordlicht.de\n"
        "Subject: wg\nContent-Type: text/plain; charset=utf-8\n\nhey,\nwe are a WG, Malte and "
        "me (malte is on the contract i think, Malte Jürgens). can you split the invoice? "
        "malte uses malte.juergens@gmx.de\nthx\nlena"
    ).encode()
    redacted, _ = pz.redact_email(parse_email(raw))
    assert "Malte" not in redacted.body and "malte" not in redacted.body, redacted.body
    assert "Jürgens" not in redacted.body
    assert "contract" in redacted.body and "invoice" in redacted.body


# --- identifiers told by their shape ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("Tel. 0171 2233445 · linkedin.com/in/jana-petersen-kiel-7c21a9", ("7c21a9", "petersen")),
        ("Mehr über mich: https://www.xing.com/profile/Jana_Petersen2", ("Petersen2",)),
        ("the test log is attached (log ID KQT-4D7Z-81MW-30PB)", ("KQT-4D7Z-81MW-30PB",)),
    ],
)
def test_a_profile_link_or_a_dashed_code_is_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...]
) -> None:
    check(pz, text, hidden, ())


# --- streets in the shapes a form or a hurried writer gives them ---------------------------


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        # a form whose house number stands on the line under its label
        (
            "Straße: Am Wiesengrund\nHausnummer:\n23 c\nPLZ / Ort: 24937 Flensburg",
            ("23 c",),
            ("Hausnummer",),
        ),
        # the postcode in brackets right after a street
        ("just moved into a flat at tulpenstr 9 (24937) and", ("24937", "tulpenstr 9"), ()),
        # "Ch." for Chaussee
        ("Kündigung Strom, Segeberger Ch. 14 zum 31.12.", ("Segeberger Ch. 14",), ("31.12.",)),
        # lowercase street types that a "-redder", "-twiete" or "-kamp" name ends with
        ("adresse ist moorredder 7 hinterhaus", ("moorredder 7",), ()),
        ("wohne jetzt in der flottwiete 3", ("flottwiete 3",), ()),
    ],
)
def test_a_street_of_a_form_or_in_lowercase_is_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


# --- a name's word used as a common word ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "known", "hidden", "kept"),
    [
        (
            "Im Herbst wäre es besser. Frau Herbst ist krank.",
            ["Ute Herbst"],
            ("Frau Herbst",),
            ("Im Herbst",),
        ),
        (
            "Ein Fuchs war im Garten, sagt Jan Fuchs.",
            ["Jan Fuchs"],
            ("Jan Fuchs",),
            ("Ein Fuchs war",),
        ),
        ("jetzt im Frühling, wo es wärmer ist", ["Lea Frühling"], (), ("im Frühling",)),
        # after a definite article it may be the person ("der Fuchs hat angerufen")
        ("der Fuchs hat schon angerufen", ["Jan Fuchs"], ("Fuchs",), ()),
        # a compound names the person's thing: "vom Fuchs-Konto"
        ("Sie buchen vom Fuchs-Konto ab.", ["Jan Fuchs"], ("Fuchs-Konto",), ()),
        # the other language of a thank-you line
        (
            "Vielen Dank für die Hilfe.\n\nAsante / thanks\nJames",
            [],
            ("James",),
            ("Asante / thanks",),
        ),
        ("Cảm ơn / Danke\nKhoa", [], ("Khoa",), ("Cảm ơn / Danke",)),
        # a phone number ends before a bracket it does not close
        (
            "The son's phone: +1 604 555 0199 (9 hours behind), ok?",
            [],
            ("604 555 0199",),
            ("(9 hours behind)",),
        ),
    ],
)
def test_a_word_of_a_name_used_as_a_common_word_is_kept(
    pz: Pseudonymizer, text: str, known: list[str], hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    from drafter.privacy import Vault

    out = pz.redact(text, Vault(), known)
    for value in hidden:
        assert value not in out, out
    for word in kept:
        assert word in out, out


def test_the_guard_lets_the_common_word_pass_and_blocks_the_name(pz: Pseudonymizer) -> None:
    from drafter.errors import PrivacyError
    from drafter.privacy import Vault
    from drafter.privacy.guard import check_request

    vault = Vault()
    pz.redact("Mit freundlichen Grüßen\nFrau Herbst", vault, ["Herbst"])
    check_request(["Im Herbst kommt der Ableser."], vault, pz)
    with pytest.raises(PrivacyError):
        check_request(["Bitte Frau Herbst anrufen."], vault, pz)


# --- the line above the street of an address block ----------------------------------------


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        (
            "Neue Anschrift:\nFrau Erika Brandt\nc/o Haus Seeblick, Zimmer 12\nAm Hafen 5\n"
            "24103 Kiel\n",
            ("Seeblick", "Zimmer 12"),
            ("Neue Anschrift",),
        ),
        (
            "Die Adresse ist\nMoorhof\nHausnummer 7\n24211 Preetz\n",
            ("Moorhof",),
            ("Die Adresse ist",),
        ),
        # a name above the street stays a name (and hidden)
        (
            "Mit freundlichen Grüßen\nAnna Berg\nMusterweg 5\n24103 Kiel",
            ("Anna", "Berg"),
            ("Mit freundlichen Grüßen",),
        ),
    ],
)
def test_the_line_above_a_street_is_part_of_the_address(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


def test_a_name_above_its_street_stays_a_name(pz: Pseudonymizer) -> None:
    spans = pz.find("Mit freundlichen Grüßen\nAnna Berg\nMusterweg 5\n24103 Kiel")
    assert [s.type for s in spans] == ["NAME", "ADDRESS", "POSTCODE_CITY"]


def test_a_flat_named_by_its_tenant_hides_the_name(pz: Pseudonymizer) -> None:
    check(pz, "Es riecht nach Gas, vor allem bei Wohnung Lorenzen im 2. Stock.", ("Lorenzen",),
          ("riecht nach Gas",))  # fmt: skip
    check(pz, "Die Wohnung Ende Mai übergeben, meine Wohnung Strom und Gas.", (),
          ("Wohnung Ende Mai", "Wohnung Strom"))  # fmt: skip


def test_a_town_right_after_a_street_without_a_comma_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, "address is moorredder 7 preetz, contract VN-60234419", ("preetz",), ("contract",))
