"""Issue 9, thirteenth round: places in the formats and phrasings the earlier rounds did not
read. Towns of Turkey, Ukraine and the western Balkans; Turkish streets by their type word;
postcodes written in lowercase or with a lowercase town (UK, Dutch, Polish); a town after a
place word and "is" ("Mein Wohnort ist jetzt …"); a delivery address's town. Examples
written here, not taken from any evaluation set."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer
from tests.unit.privacy_cases import check, check_sender


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        # towns of the countries many customers' families come from
        ("Ich ziehe im Mai zurück in die Türkei nach Antalya.", ("Antalya",), ("Türkei",)),
        ("Ab Juni wohne ich in Trabzon bei meinen Eltern.", ("Trabzon",), ("Ab Juni",)),
        ("We moved back to Lviv in spring, please close the account.", ("Lviv",), ("spring",)),
        ("Ich wohne jetzt in Sarajevo, bitte Schlussrechnung per Mail.", ("Sarajevo",), ()),
        # their names that are everyday words are no towns
        ("Wir wohnen seit Jahren in Ihren Versorgungsgebiet.", (), ("Ihren",)),
        ("Ich habe Mut gefasst und wohne nun allein in Kiel.", (), ("Mut",)),
        # Turkish streets
        (
            "Adresim: Atatürk Cad. No: 15 Daire 3, 34710 Kadıköy/İstanbul",
            ("Atatürk", "No: 15", "Daire 3", "34710", "Kadıköy"),
            ("Adresim",),
        ),
        ("Neue Adresse: Alsancak Mah. 1482 Sok. No 5, Izmir", ("Alsancak", "1482", "No 5"), ()),
        ("Meine Mutter wohnt in der Gül Sokak No. 4 Daire 2.", ("Gül", "No. 4"), ("wohnt in der",)),
        # lowercase postcodes, lowercase towns
        ("new address: 3 mill lane, ludlow sy8 1bb", ("ludlow", "sy8 1bb"), ("new address",)),
        ("address is 22 queens road, brighton BN1 3XE", ("brighton", "BN1 3XE"), ()),
        ("adres: kerkstraat 12, 5611 ab eindhoven", ("5611", "eindhoven"), ("adres",)),
        ("adres: os. Lecha 22/4, 61-298 poznań", ("61-298", "poznań"), ()),
        # a place word, "is", then the town
        ("Mein Wohnort ist jetzt Neumünster.", ("Neumünster",), ("Wohnort",)),
        ("Neuer Wohnort ist ab Mai Bad Bramstedt.", ("Bramstedt",), ("ab Mai",)),
        ("My new home town is Kettering.", ("Kettering",), ("home town",)),
        ("Lieferadresse ist Schönkirchen, Dorfstraße 3.", ("Schönkirchen",), ("Lieferadresse",)),
        # supply points, hyphenated towns, an Austrian district's postcode after its town,
        # French and Polish streets in lowercase
        ("Verbrauchsstelle: Wacken", ("Wacken",), ("Verbrauchsstelle",)),
        ("Wir sind nach Castrop-Rauxel gezogen.", ("Castrop-Rauxel",), ("gezogen",)),
        ("Ich wohne in Idar-Oberstein.", ("Idar-Oberstein",), ()),
        ("Ich wohne in Wien 1160, Ottakringer Straße 20", ("1160", "Ottakringer"), ()),
        ("adresse: 14 rue pasteur, 69007 lyon", ("rue pasteur", "69007", "lyon"), ("adresse",)),
        ("mieszkam w krakowie na ul. długiej 7", ("długiej 7",), ()),
        ("Der Router FRITZ!Box 7590, neu gekauft", (), ("FRITZ!Box 7590",)),
        ("Urlaub in Garmisch-Partenkirchen war schön", (), ("Garmisch-Partenkirchen",)),
        # kept: a year before a lowercase word, a well-known city in the story
        ("Tarif 2024 ab sofort gültig, Messe in Hamburg besucht.", (), ("2024 ab", "Hamburg")),
        ("Es sind 1500 ab kiel und 300 ab plön.", (), ("1500 ab kiel",)),
        ("the mp3 4gb player, and a ps4 2tb", (), ("mp3 4gb", "ps4 2tb")),
    ],
)
def test_places_in_more_formats_are_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        # Portuguese and Brazilian postcodes, a country letter before a listed town
        ("Morada: Rua das Flores 12, 4100-321 Porto", ("4100-321", "Porto"), ("Morada",)),
        ("I grew up in Belo Horizonte - MG, 30130-010 before Kiel.", ("Horizonte", "30130"), ()),
        ("Hauptwohnsitz: Vukovarska 15, HR-21000 Split.", ("21000", "Split"), ()),
        ("Zweitwohnsitz ist HR-51000 Rijeka, Korzo 4", ("51000", "Rijeka"), ()),
        # a firm names its customer (a first name that is also a word: "Ernst")
        (
            "für unseren Kunden Ernst Bollmann, Am Brook 18, 24161 Altenholz, melden wir",
            ("Ernst", "Bollmann"),
            ("melden wir",),
        ),
        ("für unseren Mandanten Ernst Krull teilen wir mit", ("Ernst", "Krull"), ("teilen",)),
        ("unsere Kunden Glasfaser buchen", (), ("Kunden Glasfaser",)),
    ],
)
def test_more_postcodes_and_customers_are_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


@pytest.mark.parametrize(
    ("sender", "body", "hidden", "kept"),
    [
        # the sign-off in the middle of the body, more lines after it
        (
            "Bartholomew Quince <b.quince@example.org>",
            "All fine now, meter read.\nthx, Bart\n+44 7700 900 123\nstill raining here.\n",
            "Bart",
            ("thx",),
        ),
        (
            "Nnamdi Okafor <nnamdi.okafor@example.org>",
            "kein strom seit 10 min\nnnam\n0151 2345 6789\nsicherung ist drin.\n",
            "nnam",
            ("sicherung",),
        ),
        (
            "wiebke.thormaehlen@example.org",
            "heizung aus seit heute\nwiebke\n0160 1234567\nthermostat ist neu.\n",
            "wiebke",
            (),
        ),
        # an authority's display name is no person's: its words on a short line stay
        (
            "Jobcenter Kiel - Team 412 <team412@jobcenter-ge.example>",
            "Bitte um Auskunft.\nJobcenter Kiel\nTeam 412\nDie Unterlagen folgen.\n",
            "",
            ("Jobcenter Kiel",),
        ),
        # an everyday word sharing the sender's first letters stays
        (
            "Daniel Hargreaves <dh@example.org>",
            "Das ging schnell.\nDanke!\nZählerstand folgt morgen.\n",
            "",
            ("Danke",),
        ),
    ],
)
def test_the_senders_short_name_on_a_line_of_its_own_is_hidden(
    pz: Pseudonymizer, sender: str, body: str, hidden: str, kept: tuple[str, ...]
) -> None:
    check_sender(pz, sender, body, hidden, kept)


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Am Zählerschrank stehen noch die Vormieter (Frau Behrens und Wagner).", ("Wagner",), ()),
        ("Our solicitor, Ms Fairley of Fairley & Hutchinson, has the papers.", ("Hutchinson",), ()),
        ("bitte bei Frau Harms/becker klingeln", ("becker",), ("klingeln",)),
        # a noun after "und" stays
        ("Herr Albers und Sohn kommen morgen.", (), ("Sohn",)),
    ],
)
def test_a_surname_joined_to_a_name_is_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        # the writer's verb of moving or living after the town (German word order)
        ("Wir sind nach Hamburg gezogen.", ("Hamburg",), ("gezogen",)),
        ("Ich bin letztes Jahr nach München umgezogen.", ("München",), ("letztes Jahr",)),
        ("ich bin von kiel nach flensburg gezogen", ("flensburg",), ()),
        # French and Dutch place words and verbs
        ("Mon appartement à Grenoble est vendu, j'habite ailleurs.", ("Grenoble",), ()),
        ("Ik verhuis naar Utrecht.", ("Utrecht",), ("verhuis",)),
        # somebody else's move, a trip, and frequent lowercase words stay
        ("Meine Tochter ist nach Berlin gezogen.", (), ("Berlin",)),
        ("Wir sind nach Hamburg gefahren.", (), ("Hamburg",)),
        ("we are moving in march", (), ("march",)),
        ("I live in a nice flat in the centre", (), ("nice",)),
    ],
)
def test_the_town_before_the_writers_verb_of_moving_is_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)
