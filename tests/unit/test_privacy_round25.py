"""Privacy round 25 (session 23): classes the earlier rounds left on the retired sets (test_c,
test_e) and the dev sets (dev2, dev17), each written as a general rule and tested here on
made-up examples only."""

from __future__ import annotations

from drafter.mail.parse import parse_email
from drafter.privacy.pseudonymize import Pseudonymizer
from drafter.privacy.vault import Vault
from tests.unit.privacy_cases import check, mail_from


def _mail(pz: Pseudonymizer, sender: str, body: str) -> str:
    """The redacted body, signature and From name of a made-up mail."""
    redacted, _ = pz.redact_email(parse_email(mail_from(sender, body)))
    return "\n".join([redacted.body, redacted.signature, redacted.from_.name])


def test_a_town_after_a_street_in_capitals_is_hidden() -> None:
    pz = Pseudonymizer()
    check(pz, "SEIT MORGENS KEIN STROM!!! WITTLANDSTR.7 KIEL, DIE NACHBARN AUCH NICHT.",
          ("WITTLANDSTR", "KIEL"), ("KEIN STROM", "NACHBARN"))  # fmt: skip
    check(pz, "BITTE DIE RECHNUNG AN: BIRKENWEG 14, PREETZ", ("BIRKENWEG", "PREETZ"), ("RECHNUNG",))
    # a town in capitals without a street before it is no address
    check(pz, "WIR SIND SEIT MONTAG OHNE GAS", (), ("MONTAG", "GAS"))


def test_a_street_without_a_street_word_after_a_name_at_line_end_is_hidden() -> None:
    pz = Pseudonymizer()
    check(pz, "zählerstand strom heute 4.512 kwh lg tanja roloff Kuhbergredder 12",
          ("Kuhbergredder 12",), ("4.512 kwh",), known=("Tanja Roloff",))  # fmt: skip
    check(pz, "Danke und Gruß\nHenrike Moldenhauer Pferdekoppel 3b\n", ("Pferdekoppel",), ())
    # an everyday word and its number after a name stay ("Kapitel 3")
    check(pz, "Das hat mir Tanja Roloff erklärt, siehe Kapitel 3", (), ("Kapitel 3",),
          known=("Tanja Roloff",))  # fmt: skip


def test_a_two_letter_short_form_of_a_name_here_is_hidden() -> None:
    pz = Pseudonymizer()
    text = (
        "Am 3.11. schrieb Moritz Hallgrimsson:\n"
        "> Ich bin ab Dezember weg, mein Anteil kommt noch, versprochen. Mo\n"
    )
    check(pz, text, ("Mo\n", "Moritz"), ("versprochen",))
    check(pz, "Danke für alles, Jonathan Pirrie.\n\nCheers, Jo", ("Jo",), ("Cheers",))
    # a weekday stays, and so does a two-letter word no name here starts
    check(pz, "Termin am Mo. 14.12., sagt Moritz Hallgrimsson.", ("Moritz",), ("Mo.",))
    check(pz, "Ist das so? So", (), ("So",), known=("Moritz Hallgrimsson",))


def test_a_lone_postcode_like_one_found_here_is_hidden() -> None:
    pz = Pseudonymizer()
    text = (
        "Ich ziehe in die Lessingstraße 8, 24116 Kiel, oder war es doch 24118? "
        "Zählerstand 24199 kWh."
    )
    check(pz, text, ("24116", "24118"), ("24199 kWh",))
    check(pz, "New flat: 12 Feldweg, 24143 Kiel. The landlord wrote 24145 though.",
          ("24143", "24145"), ())  # fmt: skip
    # a number that starts otherwise, or one after a number's cue, stays
    check(pz, "Wohnung in 24103 Kiel, Abschlag neu ab Stand 24109, Betrag 31550.",
          ("24103",), ("24109", "31550"))  # fmt: skip


def test_a_phone_number_broken_over_two_lines_after_a_phone_word_is_hidden() -> None:
    pz = Pseudonymizer()
    check(pz, "kein strom seit 9 uhr\n\nruf zurück: 0172 5\n41 90 33\n\nBjörn", ("41 90 33",),
          ("seit 9 uhr",))  # fmt: skip
    check(pz, "Please call me back on 07700 90\n0 412.\nThanks", ("0 412", "07700"), ("Thanks",))
    # a date on the next line is no part of the number
    check(pz, "Tel. 0431 12\n3.4.2026 Zählerwechsel", (), ("3.4.2026",))


def test_a_shop_named_by_its_place_in_the_from_header_stays() -> None:
    pz = Pseudonymizer()
    body = (
        "Guten Tag,\n\nunser Kiosk hat seit gestern keinen Strom. Der Kiosk steht am "
        "Wilhelmplatz.\n\nGruß\nHüseyin Aksoy\n"
    )
    seen = _mail(pz, "Kiosk am Wilhelmplatz <kiosk.wilhelm@example.net>", body)
    assert "unser Kiosk" in seen and "am Wilhelmplatz" in seen, seen
    assert "Aksoy" not in seen, seen
    # a person's name is still hidden in the header and the body
    seen = _mail(pz, "Maren Kiosk <m.kiosk@example.net>", "Hallo,\nbitte anrufen.\nMaren Kiosk\n")
    assert "Maren" not in seen, seen


def test_a_part_of_a_building_after_a_street_is_no_town() -> None:
    pz = Pseudonymizer()
    check(pz, "Our flat is at Brunswiker Straße 12, Haus 3, second floor.",
          ("Brunswiker Straße 12",), ("Haus 3",))  # fmt: skip
    check(pz, "Wir wohnen Ringstraße 9, Plön.", ("Ringstraße 9", "Plön"), ())
    # a vault keeps nothing from these mails' numbers
    vault = Vault()
    pz.redact("Adresse: Feldstraße 4, Halle 2", vault)
    assert "Halle" not in vault.values("POSTCODE_CITY")
