"""Recognizer classes of issue 9, fifth round: fewer common words hidden as names (a noun in
front of a name, short acronyms that are also first names), the surname list. Examples
written here, not taken from any evaluation set."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer, Vault
from drafter.privacy.gazetteer import vocabulary
from tests.unit.privacy_cases import assert_guard_blocks, assert_hidden_again, check

_check = check


# --- over-redaction: common words next to names ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        # an everyday noun in front of a name names a place or role, it is no first name
        ("Kopie an: Praxis Tammerlund, z. Hd. Empfang", ("Tammerlund",), ("Praxis",)),
        ("Rechnung bitte an Kanzlei Wendtroth & Partner.", ("Wendtroth",), ("Kanzlei",)),
        # a rare first name the gazetteer lacks still joins the surname after it
        ("Unterschrieben hat Tjark Tammerlund am Montag.", ("Tjark", "Tammerlund"), ("Montag",)),
        # an acronym that is also a first name somewhere is no name in running text ...
        ("Die neue SIM im Router ist gesperrt, sagt die Technik.", (), ("SIM",)),
        ("Fahrzeug-Ident (VIN) steht im Schein.", (), ("VIN",)),
        # ... but a line in capitals is still read as a name
        ("Ihr Ansprechpartner: ANNA HOLLENBEK, Vertrieb", ("ANNA", "HOLLENBEK"), ("Vertrieb",)),
    ],
)
def test_common_words_next_to_names(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    _check(pz, text, hidden, kept)


def test_the_surname_list_knows_surnames_that_are_everyday_words() -> None:
    vocab = vocabulary()
    assert vocab.is_surname("Koch") and vocab.is_surname("braun")
    assert not vocab.is_surname("Praxis") and not vocab.is_surname("der")


# --- numbers dictated as words ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        (
            "Meine Nummer: null eins sieben sechs, vier vier drei neun acht null zwo.",
            ("sieben sechs", "drei neun", "null zwo"),
            ("Meine Nummer",),
        ),
        ("my account is A B dash four four one nine two zero six, thanks", ("A B", "nine two"),
         ("thanks",)),
        ("call me on oh one double two three nine hundred four five", ("double two", "four five"),
         ("call me",)),
        ("Hausnummer dreiundzwanzig, Telefon vierzig zwölf achtzehn null", ("zwölf achtzehn",),
         ("Hausnummer",)),
        # a few number words in prose are no number anybody owns
        ("Ich hätte gern eins, zwei oder drei Angebote.", (), ("eins, zwei oder drei",)),
        ("one or two things, maybe three or four more", (), ("one or two", "three or four")),
    ],
)  # fmt: skip
def test_numbers_dictated_as_words(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    _check(pz, text, hidden, kept)


# --- well-known places in the story, homes hidden ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        # a greeting's town is where the writer is: hidden since session 26 (privacy29)
        ("Liebe Grüße aus Leipzig und bis bald!", ("Leipzig",), ("bis bald",)),
        ("We had a lovely week in Glasgow, thanks for asking.", (), ("Glasgow",)),
        ("Ich wohne seit Mai in Leipzig, Zähler siehe unten.", ("Leipzig",), ("Zähler",)),
        ("I moved to Glasgow last spring.", ("Glasgow",), ("spring",)),
        ("Gartenweg 4, Leipzig", ("Leipzig",), ()),
        # a small place after a bare "in" is still somebody's home when in doubt
        ("Wir waren am Wochenende in Preetz.", ("Preetz",), ("Wochenende",)),
    ],
)
def test_well_known_places_are_kept_unless_somebody_lives_there(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    _check(pz, text, hidden, kept)


# --- cue words that are no customer number's, everyday words after a cue ------------------------


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Der Zählerstand ist übrigens 31 207, abgelesen heute.", (), ("31 207",)),
        ("Zähler 7 738 204 hängt im Keller.", ("7 738 204",), ("Keller",)),
        ("Meine Festnetznummer: 04342 889120", ("889120",), ("Festnetznummer",)),
        ("Please use my account (the one ending in 7731).", (), ("7731",)),
        ("All sorted now.\n\nCheers mate\nTom", ("Tom",), ("Cheers mate",)),
        ("grüße kalle", ("kalle",), ("grüße",)),
        ("lg schmidt", ("schmidt",), ()),
    ],
)
def test_cues_that_point_at_nothing_personal(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    _check(pz, text, hidden, kept)


# --- parts of known names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "known", "hidden", "kept"),
    [
        # one part of a double surname alone
        ("Schreinerei Hallwachs, Inhaber Jost", ("Jost Hallwachs-Brüning",), ("Hallwachs",), ()),
        # a known name glued to a noun by a hyphen
        ("Bitte nicht mehr vom Tettenborn-Konto abbuchen.", ("Egon Tettenborn",),
         ("Tettenborn",), ("Konto",)),
        # a surname right after a name found by another rule
        ("Kontoinhaber Torsten Schwarz, bitte ändern", (), ("Torsten", "Schwarz"),
         ("bitte",)),
        # a relation after "your", a lowercase surname after "mr"
        ("We spoke to your colleague Wiebke on Monday.", (), ("Wiebke",), ("Monday",)),
        ("the landlord mr lehmann isnt answering", (), ("lehmann",), ("answering",)),
    ],
)  # fmt: skip
def test_parts_and_neighbours_of_names(
    pz: Pseudonymizer,
    text: str,
    known: tuple[str, ...],
    hidden: tuple[str, ...],
    kept: tuple[str, ...],
) -> None:
    out = pz.redact(text, Vault(), known_names=known)
    for value in hidden:
        assert value not in out, f"{value!r} visible in {out!r}"
    for word in kept:
        assert word in out, f"{word!r} hidden in {out!r}"


# --- structured values: more cues and shapes --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Residence permit no. T4R8K21P6, copy attached", ("T4R8K21P6",), ("copy",)),
        ("Aufenthaltserlaubnis: W3N7M92K1", ("W3N7M92K1",), ()),
        ("Geburtsdatum Jasper (für die Akte): 7. März 2011", ("7. März 2011",), ("Akte",)),
        ("BG-Nummer 23105//0077321 vom Amt", ("0077321",), ("Amt",)),
        ("Jobcenter-Nummer 23105//0061234", ("0061234",), ()),
        ("überwiesen mit verwendungszweck ab7741209 am Montag", ("7741209",), ("Montag",)),
        ("Auto in der Einfahrt: BZ-2291 TX", ("2291",), ("Einfahrt",)),
        ("IBAN LV80 BANK 0000 4351 9500 1 bitte", ("4351",), ("bitte",)),
        # a strongly shaped token after a password cue, one sentence later
        ("The portal asks for a password. I set it to Lisboa%2020ria and forgot it.",
         ("Lisboa%2020ria",), ("forgot",)),
        # ... but not without a cue nearby
        ("Use the hashtag summer_fest#2026 on the poster.", (), ("summer_fest#2026",)),
    ],
)  # fmt: skip
def test_more_structured_values(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    _check(pz, text, hidden, kept)


# --- roles on a sign-off line, very common words after a name -----------------------------------


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Die Rechnung anbei.\n\nBeste Grüße\nIhre Nachbarin", (), ("Nachbarin",)),
        ("Thanks for checking.\n\nVolunteer Treasurer", (), ("Volunteer Treasurer",)),
        ("Please advise.\n\nRegards,\nBea", ("Bea",), ("Regards",)),
        ("Die Fotos macht Jorunn Kvalheim Studio, Kiel", ("Jorunn", "Kvalheim"), ("Studio",)),
    ],
)
def test_roles_are_not_names(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    _check(pz, text, hidden, kept)


# --- the new recognizers feed the vault and the outgoing-request guard ---------------------------

_FIRST_MAIL = (
    "Rückruf bitte unter null eins sieben sechs, vier vier drei neun acht null zwo.\n"
    "Aufenthaltserlaubnis: W3N7M92K1\n"
    "BG-Nummer 23105//0077321\n"
    "Das Portal will ein Passwort. Ich habe Lisboa%2020ria gesetzt.\n"
)
# the same values later without their cues (a rewrite instruction, a quoted draft)
_LATER = [
    "null eins sieben sechs, vier vier drei neun acht null zwo",
    "W3N7M92K1",
    "23105//0077321",
    "Lisboa%2020ria",
]


def test_values_of_this_rounds_recognizers_are_hidden_again_without_their_cue(
    pz: Pseudonymizer,
) -> None:
    assert_hidden_again(pz, _FIRST_MAIL, _LATER)


@pytest.mark.parametrize("value", _LATER)
def test_the_request_guard_blocks_a_value_of_this_rounds_recognizers(
    pz: Pseudonymizer, value: str
) -> None:
    assert_guard_blocks(pz, _FIRST_MAIL, value)


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Meeting on March 3, 2027 in the office", (), ("March 3",)),
        ("Sent: Tuesday, November 17, 2026 09:12", (), ("November 17",)),
        ("Lindenweg 17, 24114 Kiel", ("Lindenweg 17",), ()),
    ],
)
def test_a_month_and_a_day_before_a_year_is_no_street(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    _check(pz, text, hidden, kept)


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Our UK office: The Boat House, 4 Quay Lane, Alnmouth NE66 3AB, phone below",
         ("Boat House", "4 Quay", "Alnmouth"), ("phone below",)),
        ("ich wohne jetzt am fichtenweg 9 24211 und zahle weiter", ("24211", "fichtenweg"),
         ("zahle",)),
        ("Lindenweg 17 2024 gekauft", ("Lindenweg 17",), ("2024",)),
    ],
)  # fmt: skip
def test_house_names_before_a_uk_postcode_and_a_postcode_after_a_street(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    _check(pz, text, hidden, kept)


@pytest.mark.parametrize(
    ("text", "known", "hidden", "kept"),
    [
        # a nickname in front of a known surname
        # (a surname too common to count as rare: only the known name points at the nickname)
        ("Grüße von Jost und Rike Eisenhut", ("Jost Eisenhut",), ("Rike",), ("Grüße",)),
        ("Jost und Manni Steinbach, Ahornweg 3", ("Jost Steinbach",), ("Manni",), ()),
        ("also my housemate schorsch wants to switch too", (), ("schorsch",), ("switch",)),
    ],
)
def test_a_nickname_before_a_known_surname_and_a_housemate(
    pz: Pseudonymizer,
    text: str,
    known: tuple[str, ...],
    hidden: tuple[str, ...],
    kept: tuple[str, ...],
) -> None:
    out = pz.redact(text, Vault(), known_names=known)
    for value in hidden:
        assert value not in out, f"{value!r} visible in {out!r}"
    for word in kept:
        assert word in out, f"{word!r} hidden in {out!r}"
