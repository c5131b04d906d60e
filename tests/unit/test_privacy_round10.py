"""Issue 9, tenth round: structured values in more real shapes (a meter number's head alone,
IBANs of countries outside Europe, several dates of birth after one cue, floors and flats
written without the dot or in Swedish, a town before its postcode, Cyrillic addresses, a
file number after the office's name, set-up codes a few words after their cue, addresses
typed loosely, a password after "user /"), the sender's name in lowercase and the surname a
From address spells, and look-alikes that are kept ("I" after "Dear Mr X,", a two-year
period, a SEPA creditor id, a heating maker's product, the company's own postcode, "Malte"
the verb). Examples written here, not taken from any evaluation set."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.models import Address, InboundEmail
from drafter.privacy import Pseudonymizer, Vault
from tests.unit.privacy_cases import check


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Zähler Strom 1EBZ0042\n5561 37\nStand 4.120 kWh", ("1EBZ0042", "5561 37"),
         ("4.120 kWh",)),
        ("Zähler 1KFM0071 ist defekt", ("1KFM0071",), ("ist defekt",)),
        ("Bitte auf mein Konto in Lahore: PK87 MEZN 0004 1701 0045 3829, danke.",
         ("MEZN", "0045 3829"), ("Lahore", "danke")),
        ("geburtsdaten: ich 14.07.93, mein mann 2.3.1990", ("14.07.93", "2.3.1990"),
         ("geburtsdaten",)),
        ("Dates of birth: me 03/04/1988, my wife 11 May 1990.", ("03/04/1988", "11 May 1990"),
         ("Dates of birth",)),
        ("Meine Tochter ist am 23.09. geboren, sie wird 15.", ("23.09.",), ("Tochter",)),
        ("Adresse Karlstal 19, 2 OG, 24143 Kiel", ("Karlstal 19", "2 OG", "24143"), ("Adresse",)),
        ("wir ziehen in die Feldstraße 30, Dachgeschoss 24106 Kiel und", ("24106", "6 Kiel"),
         ("wir ziehen",)),
        ("Vasagatan 14 A, lgh 1203\nSE-411 24 Göteborg", ("Vasagatan", "1203"), ()),
        ("Ich wohne Westring 280, Studentenwohnheim, Zimmer 112, 24116 Kiel.",
         ("Westring 280", "Studentenwohnheim", "Zimmer 112", "24116"), ("Ich wohne",)),
        ("Address: House 12, Street 9, G-6/1, Rawalpindi 46000\nThanks", ("Rawalpindi", "46000"),
         ("Thanks",)),
        ("Final bill to:\nFlat 9, Sunrise Towers\nBengaluru 560034, Karnataka",
         ("Bengaluru", "560034"), ("Final bill",)),
        ("нова адреса: вул. Франка 12, кв. 4, 01001 Київ", ("Франка 12", "кв. 4", "01001", "Київ"),
         ("нова адреса",)),
        ("Aktenzeichen beim Sozialamt Lübeck: BS-HL-2025/0413\nDanke", ("BS-HL", "/0413"),
         ("Aktenzeichen",)),
        ("Die Versicherung (Allianz, Schadennr. AZ-25-7781034) fragt nach.", ("7781034",),
         ("Schadennr",)),
        ("the activation code from your letter (QT-8RW2-M4ZC) is rejected", ("QT-8RW2-M4ZC",),
         ("rejected",)),
        ("Der Einrichtungscode aus dem Begrüßungsschreiben, also 7KD2-PQ4X, geht nicht.",
         ("7KD2-PQ4X",), ("geht nicht",)),
        ("meine mail ist jonas.brink@gmx .de", ("jonas.brink", "brink@"), ("meine mail",)),
        ("schreibt an post.kt77@\nweb.de bitte", ("post.kt77",), ("bitte",)),
        ("Rechnung bitte an büro@schröder-dach.de senden", ("büro@", "schröder-dach"),
         ("senden",)),
        ("DOB: 2nd of June, 1979. Thanks", ("June, 1979",), ("Thanks",)),
        ("Geburtsdatum: 7. Mai 81, Kunde seit 2015", ("Mai 81",), ("2015",)),
        ("Mein Sohn ist geboren am 4.9. und wohnt bei mir", ("4.9.",), ("wohnt",)),
        ("Zugangsdaten: hmeyer / Kranich42", ("hmeyer", "Kranich42"), ("Zugangsdaten",)),
        ("Rückruf bitte: Tel.0461/339 281", ("339 281", "0461"), ("Rückruf",)),
    ],
)  # fmt: skip
def test_structured_values_in_more_shapes_are_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Dear Mr Hoppe, I got a bill from you. Is this right?", ("Hoppe",),
         (" I got", "Is this")),
        ("Hi Mrs Weber, I think the reading is wrong.", ("Weber",), ("I think",)),
        ("Die Jahresabrechnung 2024/2025 ist falsch.", (), ("2024/2025",)),
        ("Abschlag 2023/24 war 95 €, Aktenzeichen 2023/0417-88", ("0417",), ("2023/24",)),
        ("Ich habe eine Wärmepumpe von Stiebel Eltron (WPL 20 A).", (), ("Stiebel Eltron",)),
        ("Please update the SEPA mandate (creditor ID DE89ZZZ00000456789).", (),
         ("DE89ZZZ00000456789",)),
        ("Die Gastherme (Buderus Logamax plus GB172) ist montiert.", (), ("Logamax",)),
        ("Wir haben eine Vaillant Arotherm eingebaut.", (), ("Arotherm",)),
        ("Der Vertrag läuft auf mich und Malte Brodersen. Malte zieht aus.",
         ("Malte", "Brodersen"), ("zieht aus",)),
        ("Sie malte ein Bild. Lasse ich das so stehen?", (), ("malte", "Lasse ich")),
        ("Ein Herr Lewandowski vom Callcenter Ostkontakt Plus rief an.", ("Lewandowski",),
         ("Callcenter Ostkontakt Plus",)),
        ("Tarif Nordlicht 300, Abschlag 45 EUR, Zählerstand 12345", (), ("Zählerstand 12345",)),
    ],
)  # fmt: skip
def test_look_alikes_are_kept_and_names_beside_them_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


def test_the_senders_name_in_lowercase_and_the_surname_of_the_address_are_hidden(
    pz: Pseudonymizer,
) -> None:
    email = InboundEmail(
        from_=Address(name="Hedda", email="hedda.quistorp@web.de"),
        subject="abschlag",
        body="bitte abschlag auf 50 euro.\nhedda quistorp, lindenweg 4, 24119 kronshagen",
        signature="lg\nhedda q.",
    )
    redacted, _vault = pz.redact_email(email)
    seen = redacted.body + redacted.signature
    assert "hedda" not in seen and "quistorp" not in seen
    assert "bitte abschlag" in redacted.body


def test_an_everyday_word_of_the_address_is_no_name(pz: Pseudonymizer) -> None:
    email = InboundEmail(
        from_=Address(name="Ravi Menon", email="menon.family@gmail.com"),
        subject="Moving",
        body="Family of four, moving out on 1 March. Ravi",
    )
    redacted, _vault = pz.redact_email(email)
    assert "Family of four" in redacted.body
    assert "Ravi" not in redacted.body


def test_the_postcode_after_the_companys_own_street_is_kept(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "kontakt.md").write_text(
        "# Kontakt\n\nPost: Werkstadt Energie GmbH, Mühlenkamp 7, 23552 Lübeck\n", "utf-8"
    )
    pz = Pseudonymizer(Settings(kb_dir=kb, customer_number_patterns=[]))
    quoted = "> Werkstadt Energie GmbH · Mühlenkamp 7 · 23552 Lübeck\n> Telefon"
    assert pz.redact(quoted, Vault()) == quoted
    customer = "Ich wohne Holstenstraße 9, 23552 Lübeck."
    out = pz.redact(customer, Vault())
    assert "23552" not in out and "Holstenstraße" not in out


def test_a_known_names_lowercase_form_needs_a_name_list_or_a_rare_word(pz: Pseudonymizer) -> None:
    known = ["Herbert Mahnung"]  # a noun once taken for a surname must not spread
    out = pz.redact("gruß herbert, die mahnung ist falsch", Vault(), known)
    assert "herbert" not in out
    assert "mahnung ist" in out
