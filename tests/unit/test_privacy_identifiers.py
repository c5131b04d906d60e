"""Recognizers added for issue 9 and Unicode folding (examples written here, not from the
independent evaluation sets, which are only measured in benchmarks/)."""

from __future__ import annotations

import pytest

from drafter.config import Settings
from drafter.privacy import Pseudonymizer, Vault
from drafter.privacy.normalize import fold


def hidden(pz: Pseudonymizer, text: str) -> str:
    return pz.redact(text, Vault())


def types(pz: Pseudonymizer, text: str) -> list[tuple[str, str]]:
    return [(s.type, text[s.start : s.end]) for s in pz.find(text)]


def test_fold_maps_fullwidth_and_cyrillic_back_to_the_original() -> None:
    text = "IBAN: DЕ89 ３７０４ ００４４ ０５３２ ０１３０ ００ ok"  # Cyrillic Е, fullwidth digits
    folded = fold(text)
    assert "DE89 3704 0044 0532 0130 00" in folded.text
    start = folded.text.index("DE89")
    assert folded.span(start, start + 27) == (6, 6 + 27)
    assert fold("plain ascii").offsets is None


@pytest.mark.parametrize(
    "text",
    [
        "IBAN: DЕ89 ３７０４ ００４４ ０５３２ ０１３０ ００",
        "IBAN DE89 3704 0044\n0532 0130 00",
        "IBAN DE89\u200b3704 0044 0532 0130 00",
    ],
)
def test_ibans_in_disguise_are_hidden_whole(pz: Pseudonymizer, text: str) -> None:
    out = hidden(pz, text)
    assert "[IBAN_1]" in out
    assert not any(ch.isdigit() for ch in out.replace("[IBAN_1]", ""))


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("VAT ID DE136695976 bitte", "VAT_ID", "DE136695976"),
        ("Geburtsdatum fehlt noch (*03.09.1981)", "DOB", "03.09.1981"),
        ("schreib an anna punkt berg at web punkt de", "EMAIL", "anna punkt berg at web punkt de"),
        ("oder berg(at)beispiel.de", "EMAIL", "berg(at)beispiel.de"),
        ("AHV-Nr. 756.9217.0769.85", "SOCIAL_SECURITY", "756.9217.0769.85"),
        ("Kennzeichen HH-XY 4711", "LICENSE_PLATE", "HH-XY 4711"),
        ("FIN WVWZZZ1JZXW000001 steht im Schein", "VIN", "WVWZZZ1JZXW000001"),
        ("Meine IP war 203.0.113.77", "IP_ADDRESS", "203.0.113.77"),
        ("Mein Passwort ist Sommer2024!", "SECRET", "Sommer2024!"),
        ("Bestellnummer 88231-AB", "ORDER_NO", "88231-AB"),
        ("Tel. (0 40) 12 34 56", "PHONE", "(0 40) 12 34 56"),
    ],
)
def test_new_types_and_fixed_misses(pz: Pseudonymizer, text: str, kind: str, value: str) -> None:
    assert (kind, value) in types(pz, text)


def test_link_with_a_token_is_hidden_from_the_token_on(pz: Pseudonymizer) -> None:
    out = hidden(pz, "Link: https://example.org/reset?token=a81Fz92kQ0&x=1 danke")
    assert out == "Link: https://example.org/reset?token=[URL_SECRET_1] danke"


@pytest.mark.parametrize(
    "text",
    [
        "Die Rechnung vom 01/02/2024 über 1.234,56 EUR.",
        "Zählerstand 12345 kWh am 3.4.2024, Abschlag 80 Euro.",
        "Passwort vergessen, bitte helfen.",
        "Cheers,",
        "Freundliche Grüsse",
        "Über das Kontaktformular im Kundenportal.",
    ],
)
def test_not_personal(pz: Pseudonymizer, text: str) -> None:
    assert types(pz, text) == []


def test_names_without_cues(pz: Pseudonymizer) -> None:
    out = hidden(pz, "wir (klaus und birgit) und unser Vermieter heißt Öztürk, c/o Şahin")
    for name in ("klaus", "birgit", "Öztürk", "Şahin"):
        assert name not in out


def test_a_value_found_by_its_cue_is_hidden_everywhere_in_the_thread(pz: Pseudonymizer) -> None:
    vault = Vault()
    pz.redact("Kundennummer 48273", vault)
    assert pz.redact("wir haben 48 273 geprüft", vault) == "wir haben [CUSTOMER_NO_1] geprüft"


def test_company_data_and_lists(tmp_path: object) -> None:
    settings = Settings(
        customer_number_patterns=[],
        company_data=["0800 111 2222"],
        privacy_never_hide=["Sauerstoff-Tarif"],
        privacy_always_hide=["Bello"],
    )
    pz = Pseudonymizer(settings)
    out = pz.redact("Hotline 0800 111 2222, Sauerstoff-Tarif, mein Hund Bello", Vault())
    assert "0800 111 2222" in out and "Sauerstoff-Tarif" in out and "Bello" not in out
