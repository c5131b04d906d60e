"""Each recognizer on its own: what it must catch, and look-alikes it must leave alone."""

from __future__ import annotations

import pytest

from drafter.config import Settings
from drafter.errors import ConfigError
from drafter.privacy import Pseudonymizer


def found(pz: Pseudonymizer, text: str, known: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(s.type, text[s.start : s.end]) for s in pz.find(text, known)]


def types_of(pz: Pseudonymizer, text: str) -> set[str]:
    return {t for t, _ in found(pz, text)}


@pytest.mark.parametrize(
    "value",
    [
        "0171-1234567",
        "(0431) 123 45 67",
        "+49 (0)431 12345",
        "+49 431 1234567",
        "0049 431 1234567",
        "+4917612345678",
        "0431/123456",
        "+43 1 234 5678",
        "+41 44 123 45 67",
        "+1 212-555-0147",
        "(212) 555-0147",
    ],
)
def test_phone_formats(pz: Pseudonymizer, value: str) -> None:
    assert found(pz, f"Sie erreichen mich unter {value}, gern abends.") == [("PHONE", value)]


@pytest.mark.parametrize(
    "text",
    [
        "Die Rechnung vom 01.02.2024 über 45,00 Euro.",
        "Mein Zählerstand ist 012345,6 kWh.",
        "Zählerstand 023456 kWh am Montag.",
        "Um 14:30 Uhr zwischen 8 und 12 Uhr.",
        "Im Jahr 2023 habe ich 3.200 kWh verbraucht.",
    ],
)
def test_numbers_that_are_not_phones(pz: Pseudonymizer, text: str) -> None:
    assert found(pz, text) == []


def test_email_addresses_but_not_the_companys_own(pz: Pseudonymizer) -> None:
    text = "An max.mustermann+strom@example.co.uk, nicht an service@stadtwerke-nordlicht.de."
    assert found(pz, text) == [("EMAIL", "max.mustermann+strom@example.co.uk")]


@pytest.mark.parametrize(
    "value",
    ["DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "de89 3704 0044 0532 0130 00"],
)
def test_valid_iban_grouped_or_not(pz: Pseudonymizer, value: str) -> None:
    assert found(pz, f"Meine IBAN: {value} bitte.") == [("IBAN", value)]


def test_mistyped_iban_is_still_redacted(pz: Pseudonymizer) -> None:
    # last digit wrong: the checksum fails, but it is somebody's (mistyped) bank account
    assert found(pz, "Konto DE89 3704 0044 0532 0130 01 bitte") == [
        ("IBAN", "DE89 3704 0044 0532 0130 01")
    ]


@pytest.mark.parametrize(
    "text",
    ["Bestellnummer AB12 3456 7890 1234", "Auftrag XY99 1234 5678 9012 ist offen.", "DE12345"],
)
def test_order_numbers_are_not_ibans(pz: Pseudonymizer, text: str) -> None:
    assert "IBAN" not in types_of(pz, text)


@pytest.mark.parametrize("value", ["4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005"])
def test_cards_with_luhn(pz: Pseudonymizer, value: str) -> None:
    assert found(pz, f"Karte {value} belastet.") == [("CARD", value)]


def test_card_shaped_number_failing_luhn_is_not_a_card(pz: Pseudonymizer) -> None:
    assert "CARD" not in types_of(pz, "Referenz 4111 1111 1111 1112 notiert.")


def test_tax_and_vat_ids(pz: Pseudonymizer) -> None:
    text = "Steuer-ID 36 574 261 809, USt-IdNr. DE136695976."
    assert found(pz, text) == [("TAX_ID", "36 574 261 809"), ("VAT_ID", "DE136695976")]
    # eleven digits without context and with a wrong check digit are not a tax id
    assert "TAX_ID" not in types_of(pz, "Vorgang 36574261808 erledigt.")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ich bin geboren am 12.03.1985 in Kiel.", "12.03.1985"),
        ("Geburtsdatum: 3. April 1979", "3. April 1979"),
        ("Anna Schulz, geb. 1.2.1960", "1.2.1960"),
        ("My date of birth is March 3, 1985.", "March 3, 1985"),
        ("DOB: 1985-03-12", "1985-03-12"),
        ("I was born on 12 March 1985.", "12 March 1985"),
    ],
)
def test_dates_of_birth(pz: Pseudonymizer, text: str, value: str) -> None:
    assert ("DOB", value) in found(pz, text)


def test_other_dates_are_not_dobs(pz: Pseudonymizer) -> None:
    text = "Die Rechnung vom 12.03.2024 kam am 15. März 2024, fällig am 2024-04-01."
    assert found(pz, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kundennummer KD-1234567", "KD-1234567"),
        ("mein Vertrag VN-12345678 läuft", "VN-12345678"),
        ("Zähler 1NLT0012345678 abgelesen", "1NLT0012345678"),
        ("Kundennummer: 40012345", "40012345"),
        ("Kunden-Nr. 4001 2345", "4001 2345"),
        ("Vertragskonto 800012345678", "800012345678"),
        ("Zähler-Nr. 12345678", "12345678"),
        ("my customer number is 98765432", "98765432"),
        ("account number 1234567", "1234567"),
        ("meter number: 556677", "556677"),
    ],
)
def test_customer_contract_meter_numbers(pz: Pseudonymizer, text: str, value: str) -> None:
    assert ("CUSTOMER_NO", value) in found(pz, text)


def test_configured_customer_pattern_and_bad_pattern() -> None:
    custom = Pseudonymizer(Settings(customer_number_patterns=[r"\bNL-\d{4}\b"]))
    assert ("CUSTOMER_NO", "NL-4711") in found(custom, "Vorgang NL-4711 bitte prüfen")
    with pytest.raises(ConfigError) as err:
        Pseudonymizer(Settings(customer_number_patterns=["KD-(\\d+"]))
    assert "DRAFTER_CUSTOMER_NUMBER_PATTERNS" in err.value.message
    assert err.value.hint


@pytest.mark.parametrize(
    ("text", "street", "town"),
    [
        ("Ich wohne in der Musterstraße 12a, 24103 Kiel.", "Musterstraße 12a", "24103 Kiel"),
        ("Neue Adresse: Am Hang 3, 24105 Kiel", "Am Hang 3", "24105 Kiel"),
        ("Hauptstr. 5\n60311 Frankfurt am Main", "Hauptstr. 5", "60311 Frankfurt am Main"),
        ("Kieler Straße 7, 24119 Kronshagen", "Kieler Straße 7", "24119 Kronshagen"),
        ("Albert-Schweitzer-Str. 9/2, A-1010 Wien", "Albert-Schweitzer-Str. 9/2", "A-1010 Wien"),
        ("I live at 221B Baker Street, Springfield, IL 62704.", "221B Baker Street",
         "Springfield, IL 62704"),
    ],
)  # fmt: skip
def test_addresses(pz: Pseudonymizer, text: str, street: str, town: str) -> None:
    spans = found(pz, text)
    assert ("ADDRESS", street) in spans
    assert ("POSTCODE_CITY", town) in spans


@pytest.mark.parametrize(
    "text",
    [
        "Im Jahr 2023 war der Abschlag 45 Euro.",
        "Am Montag 3 Zähler getauscht.",
        "Ich habe 12345 Euro gezahlt und 24103 Kilowattstunden verbraucht.",
        "Seite 2 von 3, Absatz 4.",
    ],
)
def test_non_addresses(pz: Pseudonymizer, text: str) -> None:
    assert types_of(pz, text) & {"ADDRESS", "POSTCODE_CITY"} == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sehr geehrte Frau Dr. Anna Schulz,", "Anna Schulz"),
        ("Herr Müller-Lüdenscheidt rief an.", "Müller-Lüdenscheidt"),
        ("Hallo Jana,", "Jana"),
        ("Liebe Frau Petersen,", "Petersen"),
        ("Dear Mrs O'Brien,", "O'Brien"),
        ("mein Name ist Max Mustermann und", "Max Mustermann"),
        ("Kontoinhaberin: Erika Musterfrau", "Erika Musterfrau"),
        ("Mit freundlichen Grüßen\nKarl-Heinz von Bergen", "Karl-Heinz von Bergen"),
        ("Best regards,\nJohn Smith", "John Smith"),
        ("Prof. Hans D. Martin bestätigt.", "Hans D. Martin"),
    ],
)
def test_names_from_cues(pz: Pseudonymizer, text: str, name: str) -> None:
    assert ("NAME", name) in found(pz, text)


def test_every_later_occurrence_including_surname_alone(pz: Pseudonymizer) -> None:
    text = "Frau Petersen hat angerufen. Petersen sagt, Jana Petersen zahlt.\nGruß\nJana Petersen"
    names = [v for t, v in found(pz, text) if t == "NAME"]
    assert names == ["Petersen", "Petersen", "Jana Petersen", "Jana Petersen"]


def test_known_name_from_header_is_found_without_a_cue(pz: Pseudonymizer) -> None:
    text = "Der Vertrag läuft über MUSTERMANN, Max zahlt pünktlich."
    assert found(pz, text, ("Max Mustermann",)) == [("NAME", "MUSTERMANN"), ("NAME", "Max")]


@pytest.mark.parametrize(
    "text",
    [
        "Sehr geehrte Damen und Herren, liebes Team der Stadtwerke Nordlicht,",
        "Liebe Grüße und vielen Dank!",
        "Hallo Kundenservice, Hallo zusammen",
        "Mit freundlichen Grüßen\nIhr Kundenservice-Team\nStadtwerke Nordlicht",
        "Dear Sir or Madam,",
        "Best regards,\nThe Billing Team",
    ],
)
def test_brand_and_generic_words_are_not_names(pz: Pseudonymizer, text: str) -> None:
    assert "NAME" not in types_of(pz, text)


def test_structured_wins_over_name_overlap(pz: Pseudonymizer) -> None:
    text = "Hallo Max, Mail an Max.Mustermann@example.com"
    assert found(pz, text) == [("NAME", "Max"), ("EMAIL", "Max.Mustermann@example.com")]
