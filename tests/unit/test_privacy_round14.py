"""Issue 9, fourteenth round: towns outside Europe (the town list's large places of the rest
of the world). Examples written here, not taken from any evaluation set."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer
from tests.unit.privacy_cases import check, check_sender


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        # a home abroad after a residence word: large places of the whole world
        ("Ich wohne jetzt in Nairobi, bitte die Schlussrechnung per Mail.", ("Nairobi",), ()),
        ("We moved to Montevideo last month, please close the account.", ("Montevideo",), ()),
        ("Ab März lebe ich in Hyderabad bei meiner Familie.", ("Hyderabad",), ("März",)),
        ("I will go back to Nagoya in April.", ("Nagoya",), ("April",)),
        # where an account is held is no home (the town list now holds "Karachi")
        ("Die Rente kommt auf mein Konto in Karachi, ich wohne in Kiel.", (), ("Karachi",)),
        # their names that are everyday words are no towns ("Mobile", Alabama)
        ("I live in Kiel and pay in Mobile Banking, the tariff is fine.", (), ("Mobile",)),
    ],
)
def test_large_towns_of_the_world_are_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        # a corrected date of birth with another year: joined by a correction word
        ("Mein Geburtsdatum ist falsch: 03.11.1984 statt 03.11.1948.", ("1984", "1948"), ()),
        ("date of birth 21/06/1972, not 21/06/1927 as in your letter", ("1972", "1927"), ()),
        ("Geburtsdatum 2.5.1961 (richtig ist 5.2.1961)", ("2.5.1961", "5.2.1961"), ()),
        # a mistyped year: the same day and month
        ("Geburtsdatum 14.08.1990, im Portal steht 14.08.1909", ("1990", "1909"), ()),
        # a date of this contract is no birth date
        (
            "Geburtsdatum: 12.03.1975, Beginn statt 01.04.2026 bitte 01.05.2026",
            ("12.03.1975",),
            ("01.04.2026", "01.05.2026"),
        ),
    ],
)
def test_a_corrected_date_of_birth_is_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        # a generated password without a sign, a sentence after its cue
        (
            "The router wants the access password. The letter says Hq4-xxT9-p2Lm but it fails.",
            ("Hq4-xxT9-p2Lm",),
            ("access password",),
        ),
        (
            "Neues WLAN-Passwort gesetzt. Es lautet jetzt aB3dE5fG7h, bitte notieren.",
            ("aB3dE5fG7h",),
            (),
        ),
        # a customer number (no lowercase) and a product name (one capital) are no password
        (
            "Passwort vergessen. Kundennummer KD-3902167, Router FritzBox7590, Handy iPhone15Pro.",
            (),
            ("FritzBox7590", "iPhone15Pro"),
        ),
    ],
)
def test_a_generated_password_without_a_sign_is_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        # names with Polish, Turkish, Czech letters under a closing: read whole, so the
        # closing formula "Danke schön" is no name
        (
            "Bitte korrigieren.\n\nDanke schön\nJadwiga Sęczkowska",
            ("Sęczkowska",),
            ("Danke schön",),
        ),
        ("Danke sehr\nGülşen Ağırbaş", ("Gülşen", "Ağırbaş"), ("Danke sehr",)),
        # an institution after "vom" ends the name
        (
            "Ich habe mit Frau Wąsowicz vom Caritasverband Plön gesprochen.",
            ("Wąsowicz",),
            ("Caritasverband Plön",),
        ),
    ],
)
def test_names_with_more_latin_letters_end_where_they_end(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Ab April wohne ich in 5-9-21 Sakae, Naka-ku, Nagoya.", ("5-9-21", "Sakae"), ()),
        ("new address: 1-2-3 Umeda, Kita-ku, Osaka 530-0001", ("1-2-3", "Umeda"), ()),
        # numbers and words without a ward's suffix are no address
        ("Termin in Raum 1-12, Haus Nord, Kiel-Ost.", (), ("1-12, Haus Nord, Kiel-Ost",)),
    ],
)
def test_japanese_addresses_are_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


@pytest.mark.parametrize(
    ("sender", "body", "hidden", "kept"),
    [
        # a pet form of the address's short name signs the mail ("Staszek" of stasz.…@)
        (
            "Stanisław Kowalczyk <stasz.kowalczyk@example.pl>",
            "internet geht nicht seit gestern.\n\nstaszek k.\n",
            "staszek",
            ("internet",),
        ),
        # a compound of a word of the address is no pet form
        (
            "Sanitär Brodersen <sanitaer-brodersen-kiel@example.de>",
            "Bitte Rückruf.\nSanitärmeister\nZählerstand folgt.\n",
            "",
            ("Sanitärmeister",),
        ),
    ],
)
def test_a_pet_form_of_the_senders_short_name_is_hidden(
    pz: Pseudonymizer, sender: str, body: str, hidden: str, kept: tuple[str, ...]
) -> None:
    check_sender(pz, sender, body, hidden, kept)
