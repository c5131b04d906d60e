"""Issue 9, eighteenth round: keep strings lost across the development sets, by class.
Examples written here, not taken from any evaluation set."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer, Vault
from tests.unit.privacy_cases import check


@pytest.fixture(scope="module")
def pz() -> Pseudonymizer:
    return Pseudonymizer()


# --- a role mailbox at a domain that carries the company's brand (a phishing sender) -------


@pytest.mark.parametrize(
    "text",
    [
        "Die Mail kam von rechnung@stadtwerke-nordIicht-konto.com, ist das echt?",
        "Absender war service@nordlicht-gutschrift.net. Ich habe nichts geklickt.",
        "It came from noreply@stadtwerk-n0rdlicht.info - is this you?",
        "Bitte Termine an termine@nordlicht-netz.example schicken.",
    ],
)
def test_a_role_mailbox_at_the_brands_domain_is_kept(pz: Pseudonymizer, text: str) -> None:
    address = next(w.strip(".,?") for w in text.split() if "@" in w)
    check(pz, text, (), (address,))


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # a person's address at such a domain, and a role mailbox at another firm's domain
        ("Schreiben Sie an jan.kock@nordlicht-netz.example", "jan.kock@nordlicht-netz.example"),
        ("oder an jk77@nordlicht-netz.example", "jk77@nordlicht-netz.example"),
        ("Rechnung an buchhaltung@hagemann-dach.de", "buchhaltung@hagemann-dach.de"),
        ("Mail: ppetersen@nordlicht-netz.example", "ppetersen@nordlicht-netz.example"),
        # on a forwarded mail's header line the sender's address is hidden as any other
        (
            "---- Weitergeleitet ----\nVon: Stadtwerke <info@nordlicht-gutschrift.net>\n",
            "info@nordlicht-gutschrift.net",
        ),
    ],
)
def test_other_addresses_stay_hidden(pz: Pseudonymizer, text: str, address: str) -> None:
    check(pz, text, (address,), ())


def test_the_guard_lets_the_brands_role_mailbox_pass(pz: Pseudonymizer) -> None:
    from drafter.privacy.guard import check_request

    check_request(["Absender war service@nordlicht-gutschrift.net, ist das echt?"], Vault(), pz)


# --- an everyday noun after a definite article that cannot stand before its bearer --------


@pytest.mark.parametrize(
    ("text", "known", "hidden", "kept"),
    [
        ("Ich hab die Hoffnung, dass das klappt.", ["Lukas Hoffnung"], (), ("die Hoffnung",)),
        ("Seit dem Sommer ist nichts passiert.", ["Britta Sommer"], (), ("dem Sommer",)),
        (
            "Hallo,\n\nder Fuchs der bei uns wohnt braucht keinen Strom.",
            ["Jutta Fuchs"],
            (),
            ("der Fuchs",),
        ),
        ("Das Wetter ist schön.", ["Jan Wetter"], (), ("Das Wetter",)),
        # the article fits the bearer: it may be the person
        ("die Sonne scheint, sagt sie", ["Hildegard Sonne"], ("Sonne",), ()),
        ("Hallo,\nder Fuchs hat angerufen.", ["Jan Fuchs"], ("Fuchs",), ()),
        ("Bitte mit der Hoffnung sprechen.", ["Lukas Hoffnung"], ("Hoffnung",), ()),
        # a bearer of unknown sex, or of both sexes: hidden
        ("Seit dem Sommer ist nichts passiert.", ["Kim Sommer"], ("Sommer",), ()),
        (
            "Seit dem Sommer ist nichts passiert.",
            ["Britta Sommer", "Jan Sommer"],
            ("Sommer",),
            (),
        ),
    ],
)
def test_a_definite_article_that_misfits_the_bearer_keeps_the_noun(
    pz: Pseudonymizer, text: str, known: list[str], hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept, tuple(known))


def test_the_guard_agrees_on_the_misfit_article(pz: Pseudonymizer) -> None:
    from drafter.errors import PrivacyError
    from drafter.privacy.guard import check_request

    vault = Vault()
    pz.redact("Viele Grüße\nBritta Sommer\n\nPS: Frau Sommer ist im Urlaub.", vault)
    check_request(["Seit dem Sommer ist nichts passiert."], vault, pz)
    with pytest.raises(PrivacyError):
        check_request(["Bitte Frau Sommer anrufen."], vault, pz)


# --- words read as names: a team signing, a compound noun after a cue ---------------------


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Kind regards\nYour Glasfaser team", (), ("Your Glasfaser team",)),
        ("Viele Grüße\nIhr Wärmestrom Team", (), ("Ihr Wärmestrom Team",)),
        ("Die Heizung läuft auf Frostschutz.", (), ("Frostschutz",)),
        ("wir heizen noch mit Nachtspeicheröfen und Kohle.", (), ("Nachtspeicheröfen",)),
        # a name stays a name
        ("Viele Grüße\nJan Kock", ("Kock",), ()),
        ("Das Konto läuft auf Steinbach.", ("Steinbach",), ()),
        ("Das Konto läuft auf Feuerstein, Frau Feuerstein zahlt.", ("Feuerstein",), ()),
    ],
)
def test_a_team_or_a_compound_noun_is_no_name(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


# --- a document number in brackets after its word; a Dutch plate on a plate's line ---------


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("eine Kopie meines Personalausweises (Nr. L01X7PT94) liegt bei", ("L01X7PT94",), ()),
        ("copy of my passport (no. C4X7PT9R2) attached", ("C4X7PT9R2",), ()),
        ("but my car is GR-847-K (Dutch plate).", ("GR-847-K",), ("Dutch plate",)),
        ("Kennzeichen 12-ABC-3, ein Leihwagen", ("12-ABC-3",), ()),
        # no plate word on the line: a code stays
        ("Formular ZW-3 und Artikel AB-123-C", (), ("AB-123-C",)),
    ],
)
def test_a_bracketed_document_number_and_a_dutch_plate_are_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


def test_the_street_of_a_hidden_address_is_hidden_in_the_subject(pz: Pseudonymizer) -> None:
    from drafter.mail.parse import parse_email

    raw = (
        b"From: Li Wen <li.wen@example.org>\nTo: service@stadtwerke-nordlicht.de\n"
        b"Subject: Move in - new apartment Dorotheenblatt\n"
        b"Content-Type: text/plain; charset=utf-8\n\n"
        b"I am moving in on 1 May:\nDorotheenblatt 61a, 24114 Kiel.\n\nThanks,\nLi Wen\n"
    )
    redacted, _ = pz.redact_email(parse_email(raw))
    assert "Dorotheenblatt" not in redacted.subject, redacted.subject
    assert "new apartment" in redacted.subject


def test_a_street_after_a_comma_before_a_colon_at_the_lines_end_is_hidden(
    pz: Pseudonymizer,
) -> None:
    check(
        pz,
        "Zählerstand Laube, Kleingartenverein e.V., Mühlenkrug 7:\n\n2 714 kWh",
        ("Mühlenkrug 7",),
        ("2 714 kWh", "Kleingartenverein"),
    )
    check(pz, "Hallo, Punkt 2:\nbitte prüfen", (), ("Punkt 2",))


# --- a name in a table's name column (pasted from a spreadsheet) -------------------------


def test_a_name_in_a_tables_name_column_is_hidden(pz: Pseudonymizer) -> None:
    text = (
        "Die Stände aus unserer Liste:\n\nWhg\tMieter\tZähler\tStand\n"
        "EG li\tAhlers-Ohe\t1NLT0081162093\t12 408\n"
        "OG\tLeerstand\t1NLT0081162094\t9 771\n"
        "Allg.\tTreppenhaus\t1NLT0081162095\t3 344\n\nGruß"
    )
    check(pz, text, ("Ahlers-Ohe",), ("Leerstand", "Treppenhaus", "12 408", "Mieter"))
    # a line of another width ends the table
    check(pz, "Whg   Mieter   Stand\nEG   Nordwind\n", (), ("Nordwind",))


def test_a_double_surname_after_a_first_name_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, "Neubau (Bauherr: Jens-Uwe Kuhlmann-Sievers) melden wir", ("Sievers", "Kuhlmann"), ())
    check(pz, "Hallo Frau Meier-Schulz", ("Meier-Schulz",), ("Hallo",))


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("your router (Art.-Nr. 20004711) has been sent", (), ("20004711",)),
        ("Modell-Nr. 4711 0815, Kundennummer 31 22 90 18", ("31 22 90 18",), ("4711 0815",)),
        ("the spare part, item no. 88412, is broken", (), ("88412",)),
        ("Kundennummer 20004711 bitte", ("20004711",), ()),
    ],
)
def test_a_products_article_number_after_its_cue_is_kept(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)
