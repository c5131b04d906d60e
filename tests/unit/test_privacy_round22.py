"""Privacy round 22 (session 20): classes found on the retired sets test_c and test_d, each
written as a general rule and tested here on made-up examples only."""

from __future__ import annotations

from drafter.mail.parse import parse_email
from drafter.privacy.pseudonymize import Pseudonymizer
from drafter.privacy.recognizers import find_emails
from drafter.privacy.vault import Vault
from tests.unit.privacy_cases import mail_from


def _emails(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_emails(text)]


def test_an_address_spelled_out_in_spanish_italian_or_french_is_an_email() -> None:
    # "arroba"/"punto" (es), "ponto" (pt), "chiocciola" (it), "arobase"/"point" (fr)
    assert _emails("puede escribir a luisa.ortega arroba gmail punto com, gracias") == [
        "luisa.ortega arroba gmail punto com"
    ]
    assert _emails("scrivete a marco.bellini chiocciola libero punto it") == [
        "marco.bellini chiocciola libero punto it"
    ]
    assert _emails("mon autre adresse: claire arobase orange point fr") == [
        "claire arobase orange point fr"
    ]
    assert _emails("joao ARROBA uol ponto com ponto br") == ["joao ARROBA uol ponto com ponto br"]


def test_the_words_alone_are_no_address() -> None:
    assert _emails("Frau Arroba wohnt am Punto-Platz, we meet at noon point blank") == []


def test_the_spelled_address_is_hidden_in_a_whole_mail() -> None:
    pz = Pseudonymizer()
    body = "Hola,\nmi otro correo es luisa.ortega arroba gmail punto com\nGracias\nLuisa\n"
    redacted, _ = pz.redact_email(parse_email(mail_from("Luisa Ortega <lo@example.es>", body)))
    assert "ortega" not in redacted.body.lower() and "arroba" not in redacted.body


def test_a_quoted_participant_s_nickname_spelled_by_their_address_is_a_name() -> None:
    # the quoted header pairs a display name with an address whose other part is the
    # display name's surname: its first part is the name the person goes by
    pz = Pseudonymizer()
    body = (
        "Hallo,\nanbei die Mail meiner Mitbewohnerin.\nGruß Jana\n\n"
        "> From: Tatiana Vieira <tati.vieira@gmail.com>\n"
        "> ok, my share is paid to Jana. Tati\n"
    )
    redacted, vault = pz.redact_email(
        parse_email(mail_from("Jana Ott <jana.ott@example.org>", body))
    )
    assert "Tati" not in redacted.quoted and "Tati" not in redacted.body
    assert "Tati" in vault.values("NAME")


def test_an_everyday_word_in_a_participant_s_address_stays() -> None:
    pz = Pseudonymizer()
    body = (
        "Hallo,\nsiehe unten.\nGruß Jana\n\n"
        "> From: Familie Haberkorn <info.haberkorn@example.org>\n> Die Info kommt morgen.\n"
    )
    redacted, _ = pz.redact_email(parse_email(mail_from("Jana Ott <jana.ott@example.org>", body)))
    assert "Die Info kommt morgen" in redacted.quoted + redacted.body


def test_greetings_and_closings_of_other_languages_are_no_names() -> None:
    # Punjabi, Irish, Swiss German: the greeting words were hidden as names (keep strings lost)
    pz = Pseudonymizer()
    for sender, body, kept in [
        (
            "Harpreet Gill <h.gill@example.org>",
            "Sat Sri Akal,\nmy reading is 4711.\n",
            "Sat Sri Akal",
        ),
        ("Aoife Byrne <aoife.b@example.org>", "Dia dhuit,\nplease resend the bill.\n", "Dia dhuit"),
        (
            "Ueli Brunner <ub@example.ch>",
            "Grüezi\nd Rechnig isch falsch.\nfreundlichi Grüess\n",
            "freundlichi Grüess",
        ),
    ]:
        redacted, _ = pz.redact_email(parse_email(mail_from(sender, body + "Hanspeter Gill\n")))
        assert kept in redacted.body, (kept, redacted.body)
        assert "Gill" not in redacted.body  # the signed name is still hidden


def test_a_numbered_us_street_with_its_direction_is_an_address() -> None:
    pz = Pseudonymizer()
    for text, street in [
        ("Forwarding address from May: 2315 N 3rd St, Unit 12, Tulsa, OK 74103", "2315 N 3rd St"),
        ("new place: 77 W 42nd Street, Apt 9C, New York, NY 10036", "77 W 42nd Street"),
    ]:
        vault = Vault()
        redacted = pz.redact(text, vault)
        assert street not in redacted and street.split()[0] not in redacted, redacted
        assert any(e.type == "ADDRESS" and street in e.value for e in vault.entities)
    assert pz.redact("I ordered 3 1st class tickets", Vault()) == "I ordered 3 1st class tickets"


def test_a_company_register_number_with_its_cue_or_prefix_stays() -> None:
    # Austrian Firmenbuch number with its check letter after a space; a UK company number
    # with its Scottish prefix after "Registered in Scotland No."
    pz = Pseudonymizer()
    for text in [
        "Firmenbuch: FN 391174 k, Landesgericht Linz",
        "Registered in Scotland No. SC117730. Registered office: Aberdeen",
        "Registered in England and Wales under number 04417730.",
    ]:
        assert pz.redact(text, Vault()) == text
    vault = Vault()  # a customer's number beside a register number is still hidden
    assert "552211" not in pz.redact("HRB 12345 Kiel, Kundennummer 552211", vault)
