"""Template drafts keep to the customer's situation (issue 12, session-7 blind review): no
article written for a life event the mail is not about, no sentence opening with "Oder"/"Or"
after its alternative was left out, no request for a customer number the mail already gives
(also under the name). Own example articles and mails."""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.coherence import find_incoherent
from drafter.drafting.contact import contact_line
from drafter.drafting.extractive import extractive_reply
from drafter.models import Address, InboundEmail, Passage

MOVE_IN = """# Einzug: Strom anmelden

Willkommen in Ihrem neuen Zuhause! Melden Sie Ihren Strom bei uns an.

In der Wohnung ist meistens Strom vorhanden. Ohne Vertrag liefern wir in der Grundversorgung.

Falls der Strom in der Wohnung fehlt, rufen Sie 0800 111-222 an.
"""
POWER_CUT = """# Kein Strom im Haus

Fliegt die Sicherung sofort wieder heraus, ziehen Sie alle Stecker und schalten Sie die
Geräte einzeln wieder ein.

Fehlt der Strom nur in einem Raum, liegt der Fehler hinter dem Zähler: Das ist Sache einer
Elektrofachkraft.
"""
DEATH = """# Vertrag im Todesfall

Wir sprechen Ihnen unser Beileid aus.

Die Schlussrechnung zum Abschlag geht an die Erben innerhalb von 6 Wochen.
"""
INSTALMENT = """# Abschlag ändern

Ihren Abschlag ändern Sie im Kundenportal unter Verträge > Abschlag ändern.

Der neue Abschlag gilt ab der nächsten Fälligkeit am 15. des Monats.
"""


def _mail(body: str, subject: str = "", signature: str = "") -> InboundEmail:
    return InboundEmail(
        from_=Address(name="Erika Schulz", email="erika@example.org"),
        subject=subject,
        body=body,
        signature=signature,
        language="de",
    )


def _passage(kb_id: str, title: str, text: str, score: float) -> Passage:
    return Passage(kb_id=kb_id, title=title, text=text, score=score, language="de")


def test_an_article_for_a_move_does_not_lead_a_reply_to_a_power_cut() -> None:
    """The move-in article was retrieved first (it shares "Strom" and "Wohnung"); the mail is
    about a fuse, not a move, so the power-cut article answers it."""
    email = _mail(
        "In meiner Küche ist seit gestern kein Strom, die Sicherung fliegt immer wieder "
        "heraus. Was soll ich tun, und zahle ich den Elektriker?",
        "Kein Strom in der Küche",
    )
    passages = [
        _passage("einzug", "Einzug: Strom anmelden", MOVE_IN, 0.9),
        _passage("strom", "Kein Strom im Haus", POWER_CUT, 0.88),
    ]
    reply = extractive_reply(
        email, email.body, passages, settings=Settings(), language="de", formality="sie",
        kb_gap=False,
    )  # fmt: skip
    assert [c.kb_id for c in reply.citations] == ["strom"]
    assert "Willkommen" not in reply.body and "Grundversorgung" not in reply.body
    assert "Stecker" in reply.body


def test_an_article_about_a_death_stays_out_of_an_instalment_reply() -> None:
    """An instalment question after a partner moved out: the heirs' final bill is upsetting
    there (session-7 review, mail 01)."""
    email = _mail(
        "Meine Frau ist ausgezogen, wir sind jetzt nur noch zu zweit. Ich möchte meinen "
        "Abschlag senken. Wann gilt der neue Abschlag, und bekomme ich eine Schlussrechnung?",
        "Abschlag senken",
    )
    passages = [
        _passage("abschlag", "Abschlag ändern", INSTALMENT, 0.9),
        _passage("tod", "Vertrag im Todesfall", DEATH, 0.89),
    ]
    reply = extractive_reply(
        email, email.body, passages, settings=Settings(), language="de", formality="sie",
        kb_gap=False,
    )  # fmt: skip
    assert "Erben" not in reply.body and "Beileid" not in reply.body
    assert [c.kb_id for c in reply.citations] == ["abschlag"]


def test_a_contact_line_never_opens_with_or() -> None:
    """ "Oder per E-Mail an …" / "Or call …" continue a sentence the draft does not show
    (session-7 review, mails 18 and 38): a sentence that stands alone is preferred, else the
    conjunction goes."""
    german = (
        "# Kontakt\n\nIm Portal geht es am schnellsten.\n\nOder per E-Mail an "
        "service@example.org bzw. telefonisch unter 0800 444-555 (Mo–Fr 8–18 Uhr).\n"
    )
    assert contact_line([german]) == (
        "Sie erreichen uns per E-Mail an service@example.org bzw. telefonisch unter "
        "0800 444-555 (Mo–Fr 8–18 Uhr)."
    )
    english = "# Tariffs\n\nSwitch in the portal.\n\nOr call 0800 444-555 (Mon–Fri 8 am–6 pm).\n"
    # "Call …" alone is a bare order with no reason (sessions 9 and 10): the line is written
    assert contact_line([english], language="en") == (
        "You can call us on 0800 444-555 (Mon–Fri 8 am–6 pm)."
    )
    also = "# Moving in\n\nRegister online.\n\nYou can also email help@example.org or call "
    also += "0800 444-555.\n"
    assert contact_line([also]) == "You can email help@example.org or call 0800 444-555."
    besides = (
        "# Kontakt\n\nAußerdem erreichen Sie uns unter 0800 444-555.\n\n"
        "Fragen zur Rechnung: 0800 444-555.\n"
    )
    assert contact_line([besides]) == "Fragen zur Rechnung: 0800 444-555."
    other = "# Tarif\n\nIm Portal.\n\nAlternativ per E-Mail an help@example.org.\n"
    assert contact_line([other]) == "Sie erreichen uns per E-Mail an help@example.org."


def test_a_sentence_of_another_rule_is_never_the_contact_line() -> None:
    """Session-9 blind review (mails 24, 25, 34, 39): a holding reply ended with "Tell us
    within 7 days of the bill date by email to …", "Without the portal, email …" or "Schäden
    meldest du bitte schriftlich an …": a sentence of another article's rule, not a contact
    line. Only a sentence saying nothing but how to reach us is taken, else one is written
    from the articles' number (with its hours) and address."""
    refund = (
        "# Refund\n\nTell us within 7 days of the bill date by email to help@example.org or by "
        "phone on 0800 444-555 (Mon–Fri 8 am–6 pm).\n\nWithout the portal, email "
        "help@example.org or call 0800 444-555 (Mon–Fri 8 am–6 pm).\n"
    )
    assert contact_line([refund], "", "en") == (
        "You can call us on 0800 444-555 (Mon–Fri 8 am–6 pm) or email help@example.org."
    )
    assert contact_line([refund]) == ""  # no language: nothing is written
    damage = (
        "# Stromausfall\n\nSchäden melden Sie bitte schriftlich an hilfe@example.org; wir "
        "leiten sie weiter.\n\nFür längere Beratungen vereinbaren Sie einen Termin unter "
        "0800 444-555.\n"
    )
    assert contact_line([damage], "", "de") == (
        "Sie erreichen uns unter 0800 444-555 oder per E-Mail an hilfe@example.org."
    )
    # a bare channel torn from its list ("- E-Mail hilfe@…" under "So beschweren Sie sich:")
    torn = damage + "\nSo beschweren Sie sich:\n- E-Mail hilfe@example.org\n"
    assert contact_line([torn], "", "de") == contact_line([damage], "", "de")
    plain = damage + "\nFragen zur Rechnung: 0800 444-555 oder hilfe@example.org.\n"
    assert (
        contact_line([plain], "", "de")
        == "Fragen zur Rechnung: 0800 444-555 oder hilfe@example.org."
    )


def test_a_paragraph_opening_with_or_or_afterwards_is_a_dangling_reference() -> None:
    body = (
        "Guten Tag,\n\nvielen Dank für Ihre Nachricht.\n\nDanach gelten wieder WLAN-Name und "
        "-Schlüssel vom Aufkleber.\n\nOr call 0800 444-555.\n\nMit freundlichen Grüßen\nTeam\n"
    )
    kinds = [f.kind for f in find_incoherent(body, "WLAN geht nicht", "de")]
    assert kinds == ["dangling_reference", "dangling_reference"]


def test_a_holding_reply_does_not_ask_for_the_customer_number_under_the_name() -> None:
    """The customer number stands in the signature block ("Angelika W.\\nKD-6012774"), which
    the parser keeps apart from the body (session-7 review, mails 27, 33, 38, 39)."""
    email = _mail(
        "Können Sie mir eine Bescheinigung für die Steuer ausstellen?",
        "Bescheinigung",
        signature="Erika Schulz\nKD-6012774",
    )
    passages = [_passage("abschlag", "Abschlag ändern", INSTALMENT, 0.2)]
    reply = extractive_reply(
        email, email.body, passages, settings=Settings(), language="de", formality="sie",
        kb_gap=True,
    )  # fmt: skip
    assert "Fachabteilung" in reply.body
    assert "Kundennummer" not in reply.body


def test_a_sentence_on_the_other_energy_is_off_product() -> None:
    """A gas tariff row under a question on an electricity tariff, and an electricity rule
    under a gas-meter question (session-7 review, mails 13 and 40)."""
    body = (
        "Dear Mr Lee,\n\nThank you for your message.\n\nOur tariffs:\n"
        "- Nordlicht Öko – Unit price: 36.90 ct/kWh\n- Nordlicht Gas Basis – Unit price: "
        "12.40 ct/kWh\n\nKind regards\nTeam\n"
    )
    found = find_incoherent(body, "Do you have a dynamic electricity tariff?", "en")
    assert [(f.kind, f.sentence) for f in found] == [
        ("off_product", "Nordlicht Gas Basis – Unit price: 12.40 ct/kWh")
    ]
    meter = "Dear Mr Lee,\n\nElectricity: note all digits.\n\nKind regards\nTeam\n"
    assert [f.kind for f in find_incoherent(meter, "How do I read my gas meter?", "en")] == [
        "off_product"
    ]
    both = "Dear Mr Lee,\n\nElectricity and gas: note all digits.\n\nKind regards\nTeam\n"
    assert find_incoherent(both, "How do I read my gas meter?", "en") == []
    notice = (
        "Guten Tag,\n\nKündigungsfristen:\n- Nordlicht Öko, Nordlicht Gas Klima – Frist: 1 Monat\n"
    )
    notice += "\nMit freundlichen Grüßen\nTeam\n"
    assert find_incoherent(notice, "Wie kündige ich meinen Stromvertrag?", "de") == []


def test_a_fault_gets_an_apology_and_a_plain_question_does_not() -> None:
    """ "Internet down since Saturday" got only "Thank you for your message" (session-7
    review, mails 07 and 17)."""
    from drafter.drafting.acknowledge import acknowledgement

    dead = "Our fibre internet has been completely dead since Saturday. How long will it take?"
    assert acknowledgement(dead, "en", "you").endswith(
        "We are sorry for the trouble this is causing you."
    )
    link = "Der Passwort-Link geht nicht. Langsam nervt das."
    assert "Es tut uns leid" in acknowledgement(link, "de", "sie")
    assert "tut uns leid, dass du" in acknowledgement(link, "de", "du")
    question = "Ich möchte meinen Abschlag ändern. Geht das nicht auch online?"
    assert acknowledgement(question, "de", "sie") == "vielen Dank für Ihre Nachricht."


def test_a_mail_only_a_life_event_article_was_found_for_gets_a_holding_reply() -> None:
    """An e-car tariff question retrieved only the move-in article (session-7 review, mail
    28): the draft says plainly that the question is being checked."""
    email = _mail(
        "Haben Sie einen Tarif für das Laden vom E-Auto, also günstigeren Strom für die "
        "Wallbox? Wie viel kostet die kWh?",
        "Tarif für Wallbox",
    )
    passages = [_passage("einzug", "Einzug: Strom anmelden", MOVE_IN, 0.9)]
    reply = extractive_reply(
        email, email.body, passages, settings=Settings(), language="de", formality="sie",
        kb_gap=False,
    )  # fmt: skip
    assert reply.citations == []
    assert "Willkommen" not in reply.body and "Fachabteilung" in reply.body


def test_a_sentence_opening_with_afterwards_is_chosen_only_with_the_one_before() -> None:
    """ "Danach gelten wieder WLAN-Name und -Schlüssel vom Aufkleber." names what the mail asks
    (WLAN-Name, Aufkleber) but continues the reset sentence (session-7 review, mails 05, 10)."""
    from drafter.drafting.sentences import select_units

    article = (
        "# Router\n\nDen WLAN-Namen ändern Sie im Portal.\n\n"
        "Halte die Reset-Taste gedrückt. Danach gelten wieder WLAN-Name und "
        "-Schlüssel vom Aufkleber.\n"
    )
    question = "Wo finde ich WLAN-Name und Schlüssel? Auf dem Aufkleber?"
    texts = [u.text for u in select_units(question, [article], [1.0], "de", budget=15)]
    assert texts == [
        "Halte die Reset-Taste gedrückt.",
        "Danach gelten wieder WLAN-Name und -Schlüssel vom Aufkleber.",
    ]


def test_a_list_item_on_the_other_energy_is_off_product_as_a_whole() -> None:
    body = (
        "Guten Tag,\n\nSo lesen Sie ab:\n- Strom: Notieren Sie alle Ziffern vor dem Komma. Bei "
        "Zweitarifzählern melden Sie beide Werte.\n- Gas: Notieren Sie die schwarzen Ziffern."
        "\n\nMit freundlichen Grüßen\nTeam\n"
    )
    found = find_incoherent(body, "Wie lese ich meinen Gaszähler ab?", "de")
    assert [(f.kind, f.sentence) for f in found] == [
        ("off_product", "Strom: Notieren Sie alle Ziffern vor dem Komma."),
        ("off_product", "Bei Zweitarifzählern melden Sie beide Werte."),
    ]


def test_a_du_draft_keeps_danach_after_its_converted_sentence() -> None:
    """The article says "Halten Sie …. Danach …"; the Du draft shows "Halte …. Danach …":
    the reference is there (session-7 review inbox, mail 10)."""
    article = (
        "# Router\n\nHalten Sie die Reset-Taste 10 Sekunden gedrückt. Danach gelten wieder "
        "WLAN-Name und -Schlüssel vom Aufkleber.\n"
    )
    body = (
        "Hallo Mia,\n\ndanke für deine Nachricht.\n\nHalte die Reset-Taste 10 Sekunden "
        "gedrückt. Danach gelten wieder WLAN-Name und -Schlüssel vom Aufkleber. [1]\n\n"
        "Viele Grüße\nTeam\n"
    )
    assert find_incoherent(body, "Router zurücksetzen?", "de", [article]) == []


def test_what_to_write_in_the_payment_reference_is_no_request_for_given_data() -> None:
    """The customer number under the name now counts as given; the transfer instruction that
    names it must stay (inbox_test 27: "Überweisung oder Dauerauftrag: … Geben Sie als
    Verwendungszweck Ihre Kundennummer und Vertragsnummer an.")."""
    from drafter.drafting.situation import asks_for_given

    given = {"customer_number"}
    assert not asks_for_given(
        "Geben Sie als Verwendungszweck Ihre Kundennummer und Vertragsnummer an.", given
    )
    assert asks_for_given("Bitte nennen Sie uns Ihre Kundennummer.", given)


BANK = """# Bankverbindung ändern

So ändern Sie Ihre Bankverbindung:
- Melden Sie sich im Kundenportal an.
- Wählen Sie Zahlungsdaten > Bankverbindung ändern.

Ohne Portal senden Sie uns das unterschriebene Formular SEPA-Lastschriftmandat per Post.

Erreicht uns die Änderung 5 Werktage vor der Fälligkeit, buchen wir vom neuen Konto ab.
"""


def test_a_customer_without_the_portal_gets_the_way_without_it_not_portal_steps() -> None:
    """Session-9 blind review, mail 02: "Ins Portal komme ich nicht, da habe ich mich nie
    registriert" got the portal steps, which pushed the "Ohne Portal" paragraph down."""
    from drafter.drafting.portal import without_portal

    assert without_portal("Ins Portal komme ich nicht, da habe ich mich nie registriert.")
    assert without_portal("Mit dem Portal komme ich nicht zurecht.")
    assert without_portal("Please send everything by post, I don't use the portal.")
    assert not without_portal("Ich komme nicht ins Portal, mein Passwort ist gesperrt.")
    assert not without_portal("I'm locked out of the customer portal and cannot log in.")
    assert not without_portal("Ohne Strom seit heute. Im Portal steht nichts.")
    passages = [_passage("bank", "Bankverbindung ändern", BANK, 1.0)]
    text = "Ich habe ein neues Konto. Ins Portal komme ich nicht, da habe ich mich nie registriert."
    reply = extractive_reply(
        _mail(text + " Wie ändere ich die Bankverbindung?", subject="Neue Bankverbindung"),
        "Bankverbindung ändern neues Konto", passages, settings=Settings(), language="de",
        formality="sie", kb_gap=False, texts=[BANK],
    )  # fmt: skip
    assert "Kundenportal" not in reply.body and "Zahlungsdaten >" not in reply.body
    assert "Ohne Portal senden Sie uns das unterschriebene Formular" in reply.body
    portal_user = extractive_reply(
        _mail("Ich habe ein neues Konto. Wie ändere ich die Bankverbindung?", "Neue Bank"),
        "Bankverbindung ändern neues Konto", passages, settings=Settings(), language="de",
        formality="sie", kb_gap=False, texts=[BANK],
    )  # fmt: skip
    assert "Melden Sie sich im Kundenportal an." in portal_user.body
    # a list of alternatives loses only its portal item (inbox_test 02, not looked at when
    # the rule was written: "Per E-Mail: Foto an …" answered her question and had gone)
    ways = (
        "# Zählerstand melden\n\nSo melden Sie den Zählerstand:\n- Kundenportal: unter "
        "Zählerstände > Zählerstand erfassen.\n- Per E-Mail: Foto an hilfe@example.org.\n"
    )
    photo = extractive_reply(
        _mail("Kann ich ein Foto schicken? Mit dem Portal komme ich nicht zurecht.", "Zählerstand"),
        "Zählerstand Foto", [_passage("z", "Zählerstand melden", ways, 1.0)], settings=Settings(),
        language="de", formality="sie", kb_gap=False, texts=[ways],
    )  # fmt: skip
    assert "Foto an hilfe@example.org" in photo.body and "Zählerstand erfassen" not in photo.body


def test_what_we_owed_and_did_not_do_is_a_complaint_however_calmly_put() -> None:
    """Session-9 blind review, mails 33 and 36: advertising despite a confirmed objection and
    a dunning letter with the objection unanswered got plain thanks, no apology."""
    from drafter.drafting.acknowledge import acknowledgement
    from drafter.drafting.situation import situation

    assert situation("Werbung trotz Widerspruch\nIch erhalte wieder Werbung.") == "complaint"
    assert situation("Mahnung trotz Beanstandung vom 4. November.") == "complaint"
    assert situation("Eine Antwort habe ich bis heute nicht.") == "complaint"
    assert situation("I wrote in October and still no reply from you.") == "complaint"
    assert "Es tut uns leid" in acknowledgement("Werbung trotz Widerspruch", "de", "sie")
    # not "trotzdem", not the customer's own delay, not money that has not arrived yet
    assert situation("Muss ich den Betrag trotzdem bezahlen?") == ""
    assert situation("Ich habe mich bis heute nicht um Strom gekümmert.") == ""
    assert situation("Mein Guthaben fehlt immer noch. Bis heute ist nichts da.") == ""
