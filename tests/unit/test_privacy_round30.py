"""Privacy round 30 (session 27, "round 26" in benchmarks/privacy_history.md): classes left on
the newly retired test_i and the dev sets, each written as a general rule and tested here on
made-up examples only."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer
from tests.unit.privacy_cases import check


@pytest.fixture(scope="module")
def pz() -> Pseudonymizer:
    return Pseudonymizer()


def test_a_first_name_that_is_a_word_before_an_unknown_surname_is_hidden(
    pz: Pseudonymizer,
) -> None:
    # each word alone is something else (an everyday word; a surname wordfreq knows from a
    # famous bearer): together they are a person, at a sentence's start too
    check(pz, "Joy Lumumba moves out on Friday.", ("Joy", "Lumumba"), ("moves out",))
    check(pz, "Ab Januar wohnt dort Hope Nkrumah. Bitte umschreiben.", ("Hope", "Nkrumah"),
          ("Ab Januar", "umschreiben"))  # fmt: skip
    # an everyday noun after the word is no surname, nor is a make or a bank
    check(pz, "Please check the Grace Period rules.", (), ("Grace Period",))
    check(pz, "Mein Renault Clio steht vor der Tür.", (), ("Renault Clio",))
    check(pz, "Mark the changes, please.", (), ("Mark the changes",))
    # "im Keller": a noun after its article; "Keller Nübbelhörn 40": a street and its number
    check(pz, "Es riecht im Keller Nübbelhörn 40 nach Gas.", (), ("im Keller",))


def test_the_name_after_bei_on_an_address_line_is_hidden(pz: Pseudonymizer) -> None:
    # "bei" after the house number: the German c/o
    check(pz, "Meine Mutter wohnt jetzt Lindenweg 4, bei Ratzinger, 24939 Flensburg.",
          ("Ratzinger", "Lindenweg 4"), ("Meine Mutter wohnt jetzt",))  # fmt: skip
    check(pz, "Post bitte an Hafenstraße 9 bei Lübke\nDanke", ("Lübke",), ("Danke",))
    # an everyday noun after "bei" is no name
    check(pz, "Der Zählerstand war 4711, bei Einzug abgelesen.", (), ("bei Einzug",))


def test_a_street_without_street_word_after_in_or_at_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, "Der Baustrom in Heidkoppelblöcken 7 läuft noch auf uns.",
          ("Heidkoppelblöcken 7",), ("Baustrom", "läuft noch"))  # fmt: skip
    check(pz, "We had a power cut in Hüttenblöcken 12a yesterday.", ("Hüttenblöcken",),
          ("power cut", "yesterday"))  # fmt: skip
    # after "at" or a site's word too
    check(pz, "The meter at Hüttenblöcken 5 shows nothing.", ("Hüttenblöcken 5",), ("meter",))
    check(pz, "Baustelle Heidkoppelblöcken 2 braucht Baustrom.", ("Heidkoppelblöcken 2",),
          ("Baustelle", "braucht"))  # fmt: skip
    # a known word before a number is no street, nor is a quantity
    check(pz, "Wir treffen uns in Halle 4 um neun.", (), ("Halle 4",))
    check(pz, "Das klappt in Windows 11 nicht.", (), ("Windows 11",))
    check(pz, "Es ging in Zwergwidder 3 Tagen kaputt.", (), ("3 Tagen",))


def test_a_home_helper_is_a_relation_cue(pz: Pseudonymizer) -> None:
    check(pz, "my cleaner wiesia sometimes takes in the post", ("wiesia",), ("my cleaner",))
    check(pz, "Unsere Putzfrau Jadwiga hat einen Schlüssel.", ("Jadwiga",), ("Putzfrau",))
    check(pz, "Mein Lebenspartner Tarik ist ausgezogen.", ("Tarik",), ("Lebenspartner",))
    # the cue before an everyday word names nobody
    check(pz, "my cleaner comes on Mondays", (), ("my cleaner comes",))


def test_a_town_before_a_postcode_from_zero_and_its_country_is_hidden(pz: Pseudonymizer) -> None:
    # New Zealand and Australian codes start with 0; before the country they are postcodes,
    # also when a sentence goes on after the country
    check(pz, "Home: 9 Totara Lane, Kerikeri 0230, New Zealand. Call me any time.",
          ("Kerikeri", "0230"), ("New Zealand", "Call me"))  # fmt: skip
    check(pz, "Post: 3 Gum Street, Katherine 0850, Australia", ("0850",), ("Australia",))
    # a code from 0 without a country is no postcode, nor a number after a word in a sentence
    check(pz, "Mo-Fr 8-18 Uhr, Hotline 0800", (), ("Hotline 0800",))
    check(pz, "Seit 12 Jahren, Tarif 2024, Nordlicht. Danke", (), ("Tarif 2024",))


def test_a_japanese_address_with_the_ward_first_is_hidden(pz: Pseudonymizer) -> None:
    # the largest unit first, as in Japan: city and ward by their suffix, area, block numbers
    check(pz, "We still pay for Sapporo-shi Chuo-ku Minami-sanjo 12-4, please close it.",
          ("Sapporo-shi", "Chuo-ku", "12-4"), ("please close it",))  # fmt: skip
    check(pz, "Parents: Nagoya-shi Naka-ku Sakae 2-7-15", ("Sakae", "2-7-15"), ("Parents",))
    # a ward name and a year range are no address
    check(pz, "We met in Minato-ku at 10-12 Uhr.", (), ("10-12",))
