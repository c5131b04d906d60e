"""Recognizer classes of issue 9, sixth round: post-office boxes and foreign street formats,
dates of birth in more formats, document numbers, plates, phone extensions, nicknames and
surnames in lowercase, the town of a known address, and fewer keep strings hidden (laws,
car models, holidays, foreign closings, software versions). Examples written here, not
taken from any evaluation set."""

from __future__ import annotations

import pytest

from drafter.models import Address, InboundEmail
from drafter.privacy import Pseudonymizer, Vault
from tests.unit.privacy_cases import assert_guard_blocks, assert_hidden_again, check

# --- addresses ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Rechnung bitte an: Postfach 33 18\n23552 Lübeck", ("33 18",), ("Rechnung",)),
        ("Send the cheque to PO Box 4127, Hobart TAS 7001.", ("4127", "Hobart"), ("cheque",)),
        ("Post: P.O. Box 96, York YO1 7HH", ("P.O. Box 96",), ("Post",)),
        ("Adresse : 27, rue des Capucins\n69001 Lyon", ("27, rue des Capucins",), ("Adresse",)),
        ("J'habite 8 bis, boulevard Victor-Hugo, Esc. B, 06000 Nice.", ("Victor-Hugo", "Esc. B"),
         ("J'habite",)),
        ("Ferienhaus: Husova třída 41, Brno", ("Husova třída 41",), ("Ferienhaus",)),
        ("Unit 3, Rose Court, 18 Mill Road\nCambridge CB1 2AD", ("Unit 3", "Rose Court"),
         ()),
        ("Büro: Fischbrücke 12–14, 23552 Lübeck", ("Fischbrücke 12–14",), ("Büro",)),
        ("we stay at Strandläufer 70, app. 2, 24105 Kiel in summer", ("Strandläufer",),
         ("summer",)),
        ("Thanks\nHill House, Lon y Wern\nBangor LL57 2DG", ("Hill House", "Wern"), ("Thanks",)),
        ("Yours,\nBryn Teg, Heol y Plas\nBangor LL57 2DG", ("Bryn Teg",), ("Yours",)),
        ("alte adresse war lindenstr. 8 hinterhaus, danke", ("hinterhaus", "lindenstr"),
         ("danke",)),
        ("Zählerplatz: Uhlandweg 4 (Dachgeschoss), 24159 Kiel", ("(Dachgeschoss)",),
         ("Zählerplatz",)),
    ],
)  # fmt: skip
def test_post_office_boxes_and_foreign_streets_are_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


def test_the_town_of_a_known_address_is_hidden_alone_too(pz: Pseudonymizer) -> None:
    text = (
        "Lerchenweg 7\n6020 Innsbruck\n\nDas Amtsgericht Innsbruck hat entschieden.\n"
        "Herzliche Grüße aus Innsbruck"
    )
    out = pz.redact(text, Vault())
    assert "Grüße aus Innsbruck" not in out
    assert "Amtsgericht Innsbruck" in out  # an institution's name, not the writer's home


# --- dates of birth, documents, plates, phones, numbers, secrets ----------------------------


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Date de naissance : 14 février 1982, merci", ("14 février 1982",), ("merci",)),
        ("DOB 11.VII.1999, student", ("11.VII.1999",), ("student",)),
        ("geboren am dritten Mai 1941 (03.05.1941) in Husum", ("dritten Mai 1941", "03.05.1941"),
         ()),
        ("Mein Geburtsdatum (23/04/1977) steht im Vertrag.", ("23/04/1977",), ("Vertrag",)),
        ("Reisepass (den wollte die Bank auch sehen): C7RZ41TK2.", ("C7RZ41TK2",), ("Bank",)),
        ("Carte d'identité n° AB34CD567, valable", ("AB34CD567",), ("valable",)),
        ("Our van: HL TK 512, parked outside", ("HL TK 512",), ("parked",)),
        ("Ma voiture (EK-294-TB) est garée", ("EK-294-TB",), ("voiture",)),
        ("Tel. 0451 77 21 30 · Durchwahl -41", ("-41", "77 21 30"), ("Tel.",)),
        ("ask for my colleague on ext. 4471 please", ("4471",), ("please",)),
        ("kunde km5529174, bitte", ("km5529174",), ("bitte",)),
        ("the Jobcenter pays, their file for her is BG 31207//0048815.", ("0048815",), ("pays",)),
        ("Mess-ID: PR-20260914-33810 vom Techniker", ("33810",), ("Techniker",)),
        ("My PIN for the phone hotline, it was 8254 - please reset", ("8254",), ("reset",)),
        ("Router login is root / Fjord!Moewe-77 if needed", ("Fjord!Moewe-77",), ("Router",)),
    ],
)  # fmt: skip
def test_structured_values_in_more_formats_are_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


# --- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Viele Grüße\nMaximilian „Maxl“ Obermoser", ("Maxl", "Obermoser"), ("Grüße",)),
        ("Servus\nBasti (Sebastian Ederer)", ("Basti", "Sebastian", "Ederer"), ("Servus",)),
        ("an der klingel steht noch krüger, bitte", ("krüger",), ("klingel",)),
        ("hi its ivy here, meter reading attached", ("ivy",), ("meter",)),
        ("my landlord mr lange said it is fine", ("lange",), ("landlord",)),
        ("wohne jetzt bei lena becker in kiel", ("becker",), ("wohne",)),
        ("Bauherr ist Karl-Uwe Thießen, Baustrom ab Mai", ("Karl-Uwe", "Thießen"),
         ("Baustrom",)),
        ("Morgen kommt Imke Schwarz vorbei", ("Imke", "Schwarz"), ("Morgen",)),
    ],
)  # fmt: skip
def test_nicknames_lowercase_surnames_and_rare_first_names_are_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


def test_the_second_part_of_a_double_surname_after_a_known_name_is_hidden(
    pz: Pseudonymizer,
) -> None:
    out = pz.redact("Gruß aus Bern\nBeat Kälin-Steiner", Vault(), ["Beat Kälin"])
    assert "Kälin" not in out and "Steiner" not in out


def test_a_value_found_in_the_body_is_hidden_in_the_subject_too(pz: Pseudonymizer) -> None:
    email = InboundEmail(
        from_=Address(name="", email="x@example.org"),
        subject="Ferienhaus Dänischenhagen – neue Rechnungsadresse",
        body="Ich habe ein Ferienhaus in Dänischenhagen und möchte die Adresse ändern.",
    )
    redacted, _vault = pz.redact_email(email)
    assert "Dänischenhagen" not in redacted.body
    assert "Dänischenhagen" not in redacted.subject


# --- keep strings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Laut § 14 Abs. 2 MsbG darf das so sein.", ("MsbG",)),
        ("Unser Auto ist ein Peugeot Rifter, kein Toyota Corolla.", ("Peugeot Rifter",)),
        ("Wir haben einen Tesla Model S bestellt.", ("Tesla Model S",)),
        ("Bis Martinstag ist alles erledigt, danach Nowruz.", ("Martinstag", "Nowruz")),
        ("Mit herzlichen Grüßen und bonne journée", ("bonne journée",)),
        ("Danke und Frohe Weihnachten, Vänliga hälsningar", ("Vänliga",)),
        ("Hyvää joulua ja Wesołych Świąt!", ("Hyvää", "Wesołych Świąt")),
        # a relation or a compound noun before a bracketed name is no nickname
        ("das Konto ist bei meiner Ex-Frau (Hilde Brandt)", ("Ex-Frau",)),
        ("ich vertrete die Erbengemeinschaft (Ute Kranz)", ("Erbengemeinschaft",)),
        ("Das Auto ist ein Dacia Sandero.", ("Dacia Sandero",)),
        ("Ich nutze eine Speedport Box 7590 Smart, die blinkt.", ("7590 Smart",)),
        ("New login to your account failed.", ("your",)),
        ("Zählerstand vom Allerheiligen-Urlaub: 812 kWh", ("Allerheiligen-Urlaub",)),
        ("bin ich zur Vereinsbetreuerin für Herrn Olaf Thode bestellt", ("Vereinsbetreuerin",)),
        ("Getestet mit Firefox, Android 13.", ("Android 13",)),
        ("wir haben am 14.10 75 euro überwiesen", ("14.10 75 euro",)),
    ],
)
def test_ordinary_words_next_to_these_shapes_are_kept(
    pz: Pseudonymizer, text: str, kept: tuple[str, ...]
) -> None:
    check(pz, text, (), kept)


# --- vault and guard ------------------------------------------------------------------------


def test_values_of_the_new_recognizers_are_hidden_again_without_their_cue(
    pz: Pseudonymizer,
) -> None:
    first = (
        "Post bitte an Postfach 71 09, 24118 Kiel. Geburtsdatum 9 mars 1984. "
        "Ausweis: C7RZ41TK2. Auto: EK-294-TB."
    )
    assert_hidden_again(pz, first, ["Postfach 71 09", "9 mars 1984", "C7RZ41TK2", "EK-294-TB"])


@pytest.mark.parametrize(
    ("first", "value"),
    [
        ("Bitte an PO Box 5518, Perth WA 6000 schicken.", "PO Box 5518"),
        ("Ma voiture: EK-294-TB.", "EK-294-TB"),
        ("Tel. 0451 77 21 30, Durchwahl -4471", "-4471"),
    ],
)
def test_the_request_guard_blocks_a_value_of_the_new_recognizers(
    pz: Pseudonymizer, first: str, value: str
) -> None:
    assert_guard_blocks(pz, first, value)
