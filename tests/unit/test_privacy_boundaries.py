"""Span boundaries (issue 9, third round): a match hides the personal value and not the
ordinary words around it. Examples written here, not taken from the evaluation sets."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer, Vault


@pytest.mark.parametrize(
    ("text", "kept", "street"),
    [
        ("The old flat is Jungmannstraße 12, 24105 Kiel.", "The old flat is ", "Jungmannstraße"),
        ("Bitte schicken an Ostring 211, 24143 Kiel.", "schicken an ", "Ostring"),
        ("Meine Adresse in Kiel war Lorentzendamm 24, 24103 Kiel.", "Kiel war ", "Lorentzendamm"),
        ("Der Anschluss Bergstraße 19, 24103 Kiel ist tot.", "Der Anschluss ", "Bergstraße"),
        ("send the label for the router to Holmstraße 116, 24118 Kiel", "router to ", "Holm"),
        ("Ich wohne in unserem Haus Rosenstieg 15, 24146 Kiel.", "unserem Haus ", "Rosenstieg"),
    ],
)
def test_an_address_does_not_swallow_the_words_before_the_street(
    pz: Pseudonymizer, text: str, kept: str, street: str
) -> None:
    out = pz.redact(text, Vault())
    assert kept in out
    assert street not in out


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("bitte an Kronshagener Weg 130, 24116 Kiel", "Kronshagener Weg 130"),
        ("wir wohnen An der Schanze 8, 24226 Heikendorf", "An der Schanze 8"),
        ("Post an Alte Lübecker Chaussee 24, 24113 Kiel", "Alte Lübecker Chaussee 24"),
        ("meine adresse ist knooper weg 112, 24118 kiel", "knooper weg 112"),
    ],
)
def test_a_street_of_several_words_stays_whole(pz: Pseudonymizer, text: str, street: str) -> None:
    vault = Vault()
    pz.redact(text, vault)
    assert street in vault.values("ADDRESS")


def test_a_glued_street_number_keeps_the_street_in_the_span(pz: Pseudonymizer) -> None:
    out = pz.redact("I live in the dorm at Hansa-Ring-Str.9 room 0412, 24118 kiel", Vault())
    assert "Hansa" not in out and "0412" not in out
    assert "I live in the dorm at " in out


@pytest.mark.parametrize(
    ("text", "kept", "name"),
    [
        ("Das Konto läuft auf uns, mein Mann Murat ist einverstanden.", "mein Mann ", "Murat"),
        ("Hello,\n\nAny refund can go to my account. Regards, Niamh", "Any refund", "Niamh"),
        ("My landlord Mr. Harald Böttcher said I must pay.", " said I must", "Böttcher"),
        ("I'm moving back to England at the end of the year. Siobhan", "to England at", "Siobhan"),
        ("Tod meines Vaters Klaus-Dieter Brünjes", "Tod meines Vaters", "Brünjes"),
    ],
)
def test_everyday_words_next_to_a_name_stay(
    pz: Pseudonymizer, text: str, kept: str, name: str
) -> None:
    out = pz.redact(text, Vault())
    assert kept in out
    assert name not in out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Für die Zeit des Leerstands bitte an Frau Ehlers schreiben.", "des Leerstands"),
        ("Eine Kopie des Betreuerausweises von Herrn Brünjes liegt bei.", "des Betreuerausweises"),
        ("Unsere öffentliche IPv6-Adresse ist laut Router neu.", "IPv6"),
        ("Post bitte in der Holtenauer Str.63, 24105 Kiel abgeben.", "in der "),
    ],
)
def test_nouns_after_an_article_and_glued_tokens_are_no_names(
    pz: Pseudonymizer, text: str, kept: str
) -> None:
    vault = Vault()
    out = pz.redact(text, vault)
    assert kept in out
    assert all(v not in out for v in vault.values("NAME") + vault.values("ADDRESS"))
