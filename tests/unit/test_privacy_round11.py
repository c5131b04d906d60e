"""Issue 9, eleventh round: structured values in more shapes (a comma between postcode and
town, a spaced postcode, the town before its postcode in brackets, form fields "PLZ: … Ort:
…", the company's own town as the town of a customer's street, a date of birth on the line
below its cue or in brackets after a name, a Roman month with a two-digit year) and
look-alikes that are kept. Examples written here, not taken from any evaluation set."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.models import Address, InboundEmail
from drafter.privacy import Pseudonymizer, Vault
from drafter.privacy.sender_names import local_part_names
from tests.unit.privacy_cases import check


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Anschrift: Möwenweg 4, 24939, Flensburg", ("24939", "Flensburg"), ("Anschrift",)),
        ("Bitte an Möwenweg 4\n24939, Flensburg schicken", ("24939", "Flensburg"),
         ("schicken",)),
        ("wir wohnen jetzt in 24 939 Flensburg", ("939", "Flensburg"), ("wir wohnen",)),
        ("Zustellung nach Flensburg (24939) bitte", ("24939", "Flensburg"), ("Zustellung",)),
        ("Lieferadresse Flensburg, 24939, Möwenweg 4", ("24939", "Flensburg"),
         ("Lieferadresse",)),
        ("PLZ: 80469 Ort: München", ("80469", "München"), ("PLZ",)),
        ("Stadt: Lübeck\nStraße: Hüxstraße 12", ("Lübeck", "Hüxstraße"), ("Stadt",)),
        ("Geburtsdatum\n14.09.1977\nVertragskonto folgt", ("14.09.1977",), ("Geburtsdatum",)),
        ("geb. 14.IX.77, Rentner", ("IX.77",), ("Rentner",)),
        ("Vertragspartner: Jonas Ebsen (14.09.1977)", ("14.09.1977", "Ebsen"),
         ("Vertragspartner",)),
        ("Kinder: Mia Ebsen, 02.03.2011 und Ole Ebsen, 30.6.2013", ("02.03.2011", "30.6.2013"),
         ("Kinder",)),
        ("Brauchen Sie mein Geburtsdatum? Das ist der 9. Juni 1972.", ("Juni 1972",),
         ("Brauchen Sie",)),
        ("Is my date of birth needed too? It's 21/08/1984, thanks", ("21/08/1984",), ("thanks",)),
        ("Dirección: Calle del Prado 14, 2º izq, 28014 Madrid", ("Prado 14", "2º izq", "28014"),
         ("Dirección",)),
        ("Morada: Rua Garrett 80, 3º esquerdo, Lisboa", ("Garrett 80", "3º esquerdo"),
         ("Morada",)),
        ("Endereço: Avenida Paulista 1578, apto 41", ("Paulista 1578", "o 41"),
         ("Endereço",)),
        ("Indirizzo: Via della Spiga 9, scala C, int. 12", ("Spiga 9", "scala C", "int. 12"),
         ("Indirizzo",)),
        ("Διεύθυνση: Οδός Ερμού 88, 2ος όροφος", ("Ερμού 88", "2ος όροφος"), ("Διεύθυνση",)),
        ("адреса: вул. Франка, 12, кв. 4, Львів 79000", ("Франка", "кв. 4", "Львів", "79000"),
         ("адреса",)),
        ("Aufenthaltstitel-Nummer (weil Ihr Formular nach einem Ausweis fragt): R7T 4K9 2M8",
         ("R7T", "2M8"), ("Formular",)),
        ("Der Auftrag beim Netzbetreiber läuft unter NB-HA-2026-004417.", ("004417",),
         ("Netzbetreiber",)),
        ("Die Unterlagen gehen an die Steuerberatung Wendtland & Partner.", ("Wendtland",),
         ("Steuerberatung", "& Partner")),
        ("Der Pflegedienst Oltmanns kommt dienstags.", ("Oltmanns",), ("Pflegedienst",)),
    ],
)  # fmt: skip
def test_postcodes_towns_and_birth_dates_in_more_shapes_are_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Zählerstand 12345, Ablesung am Montag", (), ("12345, Ablesung",)),
        ("Hallo Frau Ebsen, 14.09.2026 passt als Termin.", ("Ebsen",), ("14.09.2026",)),
        ("Tarif Hamburg, 12345 kWh im Jahr", (), ("12345 kWh",)),
        ("Hallo liebes Wärmepumpen-Team, Gruß Ute Brix", ("Brix",), ("Wärmepumpen-Team",)),
        ("Mein Geburtsdatum steht falsch auf der Rechnung vom 02.11.2026", (), ("02.11.2026",)),
        ("Der Vertrag Ökostrom Plus 2000 läuft bis 09/2027.", (), ("Plus 2000", "09/2027")),
        ("Kundennummer 4711, Vertragsnummer: 8815", ("4711", "8815"), ("Kundennummer",)),
        ("Passport copy follows. Flight LH 2044 AB lands Monday.", (), ("LH 2044 AB",)),
        ("Die Hausverwaltung Seeblick GmbH und Elektro Nord-Ostsee kommen.", (),
         ("Seeblick", "Nord-Ostsee")),
        ("Das Protokoll macht die Meimersdorfer Baugenossenschaft (Frau Dührkop).",
         ("Dührkop",), ("Meimersdorfer Baugenossenschaft",)),
        ("My employer Quillon Consultancy Services needs the contract.", (),
         ("Quillon Consultancy Services",)),
        ("Das macht die Hausverwaltung Quarnbeker Baugenossenschaft.", (),
         ("Quarnbeker Baugenossenschaft",)),
        ("Bank: HDFC, account 50100234567812, IFSC HDFC0004711", ("50100234567812",),
         ("HDFC0004711",)),
        ("Hi Smartmeter-Support, this is Tom Quayle", ("Quayle",), ("Smartmeter-Support",)),
    ],
)  # fmt: skip
def test_look_alikes_are_kept(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


def test_the_companys_town_is_hidden_after_a_customers_street(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "kontakt.md").write_text(
        "# Kontakt\n\nPost: Werkstadt Energie GmbH, Mühlenkamp 7, Lübeck\n", "utf-8"
    )
    pz = Pseudonymizer(Settings(kb_dir=kb, customer_number_patterns=[]))
    own = "Werkstadt Energie GmbH, Mühlenkamp 7, Lübeck"
    assert pz.redact(own, Vault()) == own
    out = pz.redact("ich ziehe aus der holstenstr. 9 in lübeck aus", Vault())
    assert "lübeck" not in out and "holstenstr" not in out
    assert "Grüße aus Lübeck" in pz.redact("Grüße aus Lübeck", Vault())


def test_a_clubs_name_keeps_its_town_and_its_rare_words_in_every_field(pz: Pseudonymizer) -> None:
    assert "Flensburg-Mürwik e.V." in pz.redact(
        "Der Turnverein Flensburg-Mürwik e.V. zieht um.", Vault()
    )
    email = InboundEmail(
        from_=Address(name="Uwe Rathje", email="kasse@tsv-example.de"),
        subject="Vereinsheim TSV Quarnbek",
        body="Moin,\nals Kassenwart des TSV Quarnbek von 1948 e.V. bitte den Zähler tauschen.\n"
        "Gruß Uwe Rathje",
    )
    redacted, _vault = pz.redact_email(email)
    assert "TSV Quarnbek" in redacted.subject
    assert "TSV Quarnbek von 1948 e.V." in redacted.body
    assert "Rathje" not in redacted.body
    # the next text redacted on its own does not inherit this email's organisations
    assert "Quarnbek" not in pz.redact("Bitte rufen Sie Quarnbek an.", Vault())


def test_the_town_of_an_address_is_hidden_after_a_residents_office_and_after_an_eircode(
    pz: Pseudonymizer,
) -> None:
    out = pz.redact(
        "Meine Mutter wohnte Am Markt 3, 24306 Plön. Die Urkunde vom Standesamt Plön liegt bei.",
        Vault(),
    )
    assert "Plön" not in out
    out = pz.redact(
        "Home: 4 Rosemount Terrace, Galway H91 X2Y4. The account is at the Galway branch.",
        Vault(),
    )
    assert "Galway" not in out
    kept = pz.redact("Ich wohne Am Markt 3, 24306 Plön. Das Amtsgericht Plön schrieb.", Vault())
    assert "Amtsgericht Plön" in kept


def test_the_senders_initial_and_surname_and_the_surname_of_a_numbered_address_are_hidden(
    pz: Pseudonymizer,
) -> None:
    email = InboundEmail(
        from_=Address(name="Ruth Wolf", email="ruth@example-mail.de"),
        subject="abschlag",
        body="bitte abschlag auf 80 euro, der wolf im garten ist egal. danke r. wolf",
    )
    redacted, _vault = pz.redact_email(email)
    assert "r. wolf" not in redacted.body and "bitte abschlag" in redacted.body
    # the address spells the surname the display name leaves out, with a number after it
    assert local_part_names("sean.gallagher84@hotmail.co.uk", "Sean") == ["Gallagher"]
