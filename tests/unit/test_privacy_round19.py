"""Issue 9, nineteenth round: dev15's leak and over-redaction classes as named rules.
Examples written here, not taken from any evaluation set."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer
from tests.unit.privacy_cases import check


@pytest.fixture(scope="module")
def pz() -> Pseudonymizer:
    return Pseudonymizer()


# --- names: cues and neighbours ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        # a tenant before or after, with a date between the role and the colon
        ("UG\t7ESY1160099123\t4 112\tNachmieterin ab 1.2.: Finja Jannsen", ("Finja", "Jannsen")),
        ("Die Untermieterin Merle Ohlrogge zieht aus.", ("Merle", "Ohlrogge")),
        # a flat named by its tenant, two tenants on one bell
        ("- Zähler 3 (Whg. Ruszkowski, EG)", ("Ruszkowski",)),
        ("- Zähler 4 (Whg. Tamminga/Oltmanns, 2. OG)", ("Tamminga", "Oltmanns")),
        # a name the writer reports, in the subjunctive or the past
        ("Der Herr am Telefon sagte, er heiße Bent und kümmere sich.", ("Bent",)),
        # a surname with its particle after a first name
        ("Viele Grüße, Ilka Suhr & Joost van der Meulen", ("van der Meulen", "Meulen")),
        ("Meine Nachbarin Ana de la Rosa hat den Schlüssel.", ("de la Rosa",)),
        # a firm named by its partners: the second partner after "&"
        ("Mit freundlichen Grüßen\nKanzlei Ehlbeck & Voß", ("Voß",)),
        # the names on a doorbell, written in lowercase
        ("name on the bell is mcgarrigle/brüggmann, please ring", ("mcgarrigle", "brüggmann")),
    ],
)
def test_names_after_new_cues_are_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...]
) -> None:
    known = ("Ehlbeck",) if "Ehlbeck" in text else ()
    check(pz, text, hidden, (), known)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a preposition, not a particle: the institution after it stays
        ("Frau Ehlers von den Stadtwerken hat angerufen.", ("Stadtwerken",)),
        ("Herr Brandt vom Caritasverband Kiel hilft mir.", ("Caritasverband",)),
        # a firm's everyday second word after "&"
        ("Rechnung von Malerbetrieb Kühl & Sohn liegt bei.", ("Sohn",)),
        # a flat by its number, not a tenant
        ("Der Vormieter der Whg. 7 ist ausgezogen.", ("Vormieter",)),
    ],
)
def test_cue_guards_keep_everyday_words(
    pz: Pseudonymizer, text: str, kept: tuple[str, ...]
) -> None:
    check(pz, text, (), kept)


# --- numbers, plates, dates ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Geboren bin ich am 7.4.1988, falls das hilft.", ("7.4.1988",), ()),
        ("Geboren wurde er am 03.11.1961 in Eutin.", ("03.11.1961",), ()),
        ("Betroffene Fahrzeuge: HL-TK 412E, HL TK 913 E und der Anhänger.", ("HL TK 913 E",), ()),
        ("took a day off for this ref ab-26-114290 and nobody came", ("114290",), ()),
        # an order of a quantity stays: a lowercase prefix needs its dash
        ("We placed an order of 150 units last week.", (), ("150 units",)),
    ],
)
def test_numbers_in_new_shapes(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


# --- addresses and towns -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("New address: Str. Zorilor 18, ap. 4, 400335 Cluj-Napoca.", ("Zorilor 18",)),
        ("Adresa: Bd. Independenței 22, bl. B3, ap. 9, Iași", ("Independenței 22",)),
        ("Fiona\nCnoc an Fhuarain, 7 Harbour Road, Ullapool IV26 2UD", ("Cnoc",)),
        # where a third person moves or works from is their home
        ("My tenant gives notice; she will move to Hamburg in May.", ("Hamburg",)),
        ("Mein Sohn ist jetzt nach Freiburg gezogen.", ("Freiburg",)),
        ("Our freelancer works remotely from Rostock.", ("Rostock",)),
    ],
)
def test_addresses_and_towns_in_new_shapes(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...]
) -> None:
    check(pz, text, hidden, ())


@pytest.mark.parametrize(
    "text",
    [
        # a town in a story, after no move: kept as before
        "Wir waren im Sommer in Freiburg im Urlaub.",
        "Die Stadtwerke Freiburg haben das anders gelöst.",
    ],
)
def test_towns_without_a_move_stay(pz: Pseudonymizer, text: str) -> None:
    check(pz, text, (), ("Freiburg",))


# --- over-redaction ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a make before its model code
        ("Wir laden zwei Vorführwagen (Kia EV9, Opel eCorsa).", ("Kia EV9",)),
        ("Der Kühlschrank (Liebherr FKv 4113) fiel aus.", ("Liebherr FKv 4113",)),
        ("Unser Mercedes eSprinter lädt nachts.", ("Mercedes eSprinter",)),
        # the carrier's NAT, shared by many customers
        ("Traceroute shows 100.72.0.1 first, so it is CGNAT.", ("100.72.0.1",)),
        # a common noun after a full name
        ("Ich bin mit meiner Schwester Gesa Harmsen Erbe der Wohnung.", ("Erbe",)),
        # a lowercase first name that is also a word, after an English article: a noun
        ("waited all day for the meter guy and nobody came", ("meter guy",)),
    ],
)
def test_over_redaction_classes_are_kept(
    pz: Pseudonymizer, text: str, kept: tuple[str, ...]
) -> None:
    check(pz, text, (), kept)


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        # a public address stays hidden; a name after a cue with no model code too
        ("My router's WAN address is 203.0.113.9.", ("203.0.113.9",)),
        ("Unser Fahrer Mercedes Albers kommt um 8.", ("Albers",)),
        # a lowercase first name that is no everyday word, or without an article: still a name
        ("lg und danke, klaus und birgit", ("birgit",)),
        ("thanks for nothing, paul kowalczyk", ("paul",)),
        # a surname in the list after a full name stays hidden
        ("Mit meiner Schwester Gesa Harmsen Wolf habe ich gesprochen.", ("Harmsen",)),
    ],
)
def test_over_redaction_guards(pz: Pseudonymizer, text: str, hidden: tuple[str, ...]) -> None:
    check(pz, text, hidden, ())
