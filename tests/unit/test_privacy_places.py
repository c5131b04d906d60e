"""Places, addresses and second looks added in the second privacy round (examples written here,
not taken from the evaluation sets, which are only measured in benchmarks/)."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer, Vault


def hidden(pz: Pseudonymizer, text: str) -> str:
    return pz.redact(text, Vault())


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Wir ziehen im Mai aus Rendsburg weg.", "Rendsburg"),
        ("ich zieh nach eckernförde zu meiner schwester", "eckernförde"),
        ("Die Wohnung liegt in Flensburg-Mürwik, 2. Stock.", "Flensburg-Mürwik"),
        ("bitte an: tom berger, ringstr 4, 8010 graz", "8010 graz"),
        ("wir wohnen in 24768 rendsburg seit jahren", "24768 rendsburg"),
        ("my new place is in husum 25813 now", "husum 25813"),
        ("Address: 7 Mill Lane, Bristol BS1 4DJ.", "Bristol BS1 4DJ"),
        ("Send it to 3 Main Street, Athlone, Co. Westmeath N37 F6D7 please", "N37 F6D7"),
        ("Adres: Keizersgracht 12-II, 1015 CS Amsterdam", "1015 CS Amsterdam"),
        ("Adres: Keizersgracht 12-II, 1015 CS Amsterdam", "Keizersgracht 12-II"),
        ("wohne jetzt in der bahnhofsweg 12 bei meiner oma", "bahnhofsweg 12"),
        ("die adresse ist flensburger chaussee 7 in kiel", "flensburger chaussee 7"),
        ("Lindenstraße 4/Stiege 2/Top 9, 1050 Wien", "Lindenstraße 4/Stiege 2/Top 9"),
        ("the flat at Holmgate 9 (2nd floor) is empty", "Holmgate 9 (2nd floor)"),
        ("ADRESSE: MOLTKESTR.14 24105", "MOLTKESTR.14"),
        ("my late husband Torvald left the contract to me", "Torvald"),
        ("mein Schwager Benedikt Rautenberg macht das", "Benedikt Rautenberg"),
    ],
)
def test_places_and_cued_names_are_hidden(pz: Pseudonymizer, text: str, value: str) -> None:
    assert value not in hidden(pz, text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Ich arbeite bei Brackwasser Solutions GmbH in der Buchhaltung.", "Brackwasser Solutions"),
        ("Von: Service\nGesendet: Montag, 2. März 2026 09:41\nAn: mich", "2026 09:41"),
        ("Datum: 02.03.2026 09:41", "02.03.2026 09:41"),
        ("Das Kundencenter in der Hafenstraße 12 hat mich geschickt.", "Hafenstraße 12"),
        ("thank you very much\nTrang", "thank you very much"),
        ("Liebe Grüße aus dem Süden\nAnna", "Liebe Grüße aus dem Süden"),
        ("Dear Data Protection Officer,\n\nplease delete my data.", "Data Protection Officer"),
        ("Merci\nJulien", "Merci"),
        ("Wir essen gern in Essen und wohnen in Schleswig-Holstein.", "Schleswig-Holstein"),
        ("Ich war in Kiel-Ost beim Amt.", "Kiel-Ost"),
    ],
)
def test_what_is_nobodys_data_stays(pz: Pseudonymizer, text: str, kept: str) -> None:
    assert kept in hidden(pz, text)


def test_a_vault_value_inside_a_longer_place_yields_to_it(pz: Pseudonymizer) -> None:
    vault = Vault()
    hidden_first = pz.redact("Ich komme aus Graz.", vault)
    assert "Graz" not in hidden_first
    again = pz.redact("Alte Anschrift: Annenstraße 3, 8020 Graz", vault)
    assert "8020" not in again  # one value "8020 Graz", not "8020 [POSTCODE_CITY_1]"
