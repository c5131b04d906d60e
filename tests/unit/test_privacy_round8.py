"""Issue 9, eighth round: structured values in more real formats (foreign postcodes and
streets, a town known from the thread, shared links, UK NI numbers, phone lines, values whose
cue stands a sentence earlier), names (short forms, quoted nicknames, hyphenated first
names, cardholders) and organisation data that is kept (BICs, register numbers, an
authority's display name). Examples written here, not taken from any evaluation set."""

from __future__ import annotations

import pytest

from drafter.models import Address, InboundEmail
from drafter.privacy import Pseudonymizer
from tests.unit.privacy_cases import assert_guard_blocks, assert_hidden_again, check


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("neue Anschrift: ul. Piotrkowska 104 m. 7, 90-926 Łódź, Polen",
         ("Piotrkowska", "104", "m. 7", "90-926", "Łódź"), ("Polen",)),
        ("Adresse: Via Verdi 8, I-39012 Meran", ("Verdi", "39012", "Meran"), ("Adresse",)),
        ("Corso Porta Nuova 5, 37122 Verona", ("Corso Porta", "Nuova 5", "37122"), ()),
        ("Prinsengracht 263bis, 1016 GV Amsterdam", ("Prinsengracht", "263bis", "1016 GV"), ()),
        ("Leopoldstraße 33, Rückgebäude, 2. Stock, 80802 München",
         ("Leopoldstraße", "Rückgebäude", "2. Stock", "80802"), ()),
        ("Industriering Ost 14\n24568 Kaltenkirchen", ("Industriering", "Ost 14", "24568"), ()),
        ("unser garten liegt am Mühlenteich, Parzelle 12, 24113 Kiel",
         ("Mühlenteich", "Parzelle 12", "24113"), ("garten",)),
        ("Flat 7, 12 High Street, Oxford OX1 4AA", ("Flat 7", "High Street", "OX1 4AA"), ()),
        ("Formular: PLZ 24105, Ort bitte nachtragen", ("24105",), ("Formular", "Ort")),
        ("hi i moved from flat 2, 31 harcourt rd dublin 2 d02 k7w3 last week",
         ("harcourt", "flat 2", "d02 k7w3", "dublin 2"), ("last week",)),
        ("UID der Einzelfirma (Malerei Gfeller, Thun): CHE-215.804.339 MWST", ("CHE-215", "MWST"),
         ("Einzelfirma",)),
        ("My mum can vouch for me, she lives in Bologna.", ("Bologna",), ("vouch",)),
        ("Wir ziehen im März nach Brno um.", ("Brno",), ("März",)),
    ],
)  # fmt: skip
def test_addresses_and_towns_abroad_are_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Ordner: https://drive.google.com/drive/folders/1QwErTyUiOpAsDfGhJkLzX?usp=sharing",
         ("1QwErTyUiOpAsDfGhJkLzX", "drive.google.com"), ("Ordner",)),
        ("Scan: https://1drv.ms/f/s!AmNbVcXzLkJh4321 bitte ansehen", ("s!AmNbVcXzLkJh4321",),
         ("ansehen",)),
        ("my NI number is AB 12 34 56 C, thanks", ("AB 12 34 56 C", " C,"), ("thanks",)),
        ("Mail gern an lena.b (ät) posteo (punkt) de oder tom[@]web[.]de",
         ("lena.b", "posteo", "tom[@]web"), ("Mail gern",)),
        ("Jan Brodersen\n0 45 1 / 22 33 - 4 55\nBrodersen GmbH", ("22 33 - 4 55",), ()),
        ("Invoices to accounts, +31 20 555 01 23 (toestel 12)", ("toestel 12",), ("Invoices",)),
        ("A copy of my passport for the landlord? Do you need it? The number is C4XRT92KP, ok.",
         ("C4XRT92KP",), ("landlord",)),
        ('Passwort vergessen?? Probiert hab ich "Ostsee.Wind77" und mehr', ("Ostsee.Wind77",),
         ("vergessen",)),
        ("Im Vertrag steht Geburtsdatum 04.07.1971, richtig ist 07.04.1971. Danke",
         ("04.07.1971", "07.04.1971"), ("Danke",)),
    ],
)  # fmt: skip
def test_structured_values_in_more_shapes_are_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Termine bitte mit Hausmeister Bernhard „Bernie“ Vosskamp abstimmen",
         ("Bernhard", "Bernie", "Vosskamp"), ("Termine",)),
        ("can you send them to him?\nJean-Loup Garnier\n8 bis, rue des Lilas",
         ("Jean-Loup", "Garnier"), ("send them",)),
        ("unser vorsitzender klaus-peter hat angerufen", ("klaus-peter",), ("vorsitzender",)),
        ("Card: 4111 1111 1111 1111, cardholder: P J MACINTYRE", ("MACINTYRE",), ("Card",)),
        ("Soll der Basti den Router vorbeibringen? Er ist ab Montag da.", ("Basti",),
         ("Router",)),
        ("Wie geht's, Hauke? Der Zähler läuft.", ("Hauke",), ("Zähler",)),
    ],
)  # fmt: skip
def test_short_forms_quoted_nicknames_and_joined_first_names_are_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX", ("COBADEFFXXX",)),
        ("Brodersen Ltd | Companies House no. 09876543 | VAT GB 123 4567 89", ("09876543",)),
        ("Amtsgericht Kiel HRB 4711 KI, Geschäftsführer: Jan Brodersen", ("HRB 4711 KI",)),
        ("Die Max-Planck-Gesellschaft zahlt", ("Max-Planck-Gesellschaft",)),
        ("Der Link führt zu einer Fehlerseite (Error 503), bitte prüfen", ("Error 503",)),
        ("Wer bekommt meine Daten (z. B. SCHUFA, Creditreform)?", ("SCHUFA", "Creditreform")),
        ("Tarif „Nordlicht“ Basis gewünscht", ("Nordlicht",)),
    ],
)
def test_organisation_data_is_kept(pz: Pseudonymizer, text: str, kept: tuple[str, ...]) -> None:
    check(pz, text, (), kept)


def test_the_town_of_an_address_in_the_body_is_hidden_in_the_subject(pz: Pseudonymizer) -> None:
    email = InboundEmail(
        from_=Address(name="", email="x@example.org"),
        subject="Strom für die Ferienwohnung Eckernförde",
        body="Die Wohnung liegt im Fischerweg 3, 24340 Eckernförde. Bitte Zähler anmelden.",
    )
    redacted, _vault = pz.redact_email(email)
    assert "Eckernförde" not in redacted.body
    assert "Eckernförde" not in redacted.subject
    assert "Ferienwohnung" in redacted.subject


def test_an_authority_as_display_name_is_kept(pz: Pseudonymizer) -> None:
    email = InboundEmail(
        from_=Address(name="Finanzamt Kiel - Team 3", email="team3@finanzamt.example"),
        subject="Pfändung",
        body="Sehr geehrte Damen und Herren,\nbitte an das Finanzamt Kiel überweisen.\n"
        "Im Auftrag\nJana Petersen",
    )
    redacted, _vault = pz.redact_email(email)
    assert "Finanzamt Kiel" in redacted.body
    assert "Petersen" not in redacted.body


_FIRST_MAIL = (
    "Anschrift: Via Verdi 8, I-39012 Meran\n"
    "Ordner https://drive.google.com/drive/folders/1QwErTyUiOpAsDfGhJkLzX\n"
    'Passwort vergessen, probiert hab ich "Ostsee.Wind77"\n'
    "Jan\n0 45 1 / 22 33 - 4 55\n"
)
# the same values later without their cues (a rewrite instruction, a quoted draft)
_LATER = [
    "I-39012 Meran",
    "https://drive.google.com/drive/folders/1QwErTyUiOpAsDfGhJkLzX",
    "Ostsee.Wind77",
    "0 45 1 / 22 33 - 4 55",
]


def test_values_of_the_new_recognizers_are_hidden_again_without_their_cue(
    pz: Pseudonymizer,
) -> None:
    assert_hidden_again(pz, _FIRST_MAIL, _LATER)


@pytest.mark.parametrize("value", _LATER)
def test_the_request_guard_blocks_a_value_of_the_new_recognizers(
    pz: Pseudonymizer, value: str
) -> None:
    assert_guard_blocks(pz, _FIRST_MAIL, value)
