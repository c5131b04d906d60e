"""Sentences of a template draft that do not belong: found (drafter.drafting.coherence),
counted (drafter.evaluation.defects) and taken out (drafter.drafting.tidy)."""

from __future__ import annotations

from drafter.drafting.coherence import find_incoherent
from drafter.drafting.mail_facts import known_data
from drafter.drafting.tidy import tidy
from drafter.evaluation.defects import count, find_defects
from drafter.models import Citation

HELLO = "Sehr geehrte Frau Krüger,\n\nvielen Dank für Ihre Nachricht.\n\n"
BYE = "\n\nMit freundlichen Grüßen\nIhr Kundenservice-Team\nStadtwerke Nordlicht\n"

SONDER = """# Sonderkündigung bei Preiserhöhung

Erhöhen wir die Preise, dürfen Sie zum Tag der Preiserhöhung kündigen.
Ihr Vertrag endet dann spätestens zu diesem Tag.

## Bis wann kann ich kündigen?

Beispiel: Wir erhöhen den Preis zum 1. Januar. Dann muss Ihre Kündigung bis zum
einschließlich 31. Dezember bei uns eingehen. Der Vertrag endet am 31. Dezember.

## Kein Strom in der neuen Wohnung?

Prüfen Sie zuerst die Sicherungen.
"""


def kinds(body: str, mail: str = "Kündigung Strom", articles: tuple[str, ...] = ()) -> list[str]:
    return [f.kind for f in find_incoherent(body, mail, "de", articles)]


def test_a_back_reference_opening_its_paragraph_dangles() -> None:
    body = HELLO + "Ihr Vertrag endet dann spätestens zu diesem Tag. [1]" + BYE
    assert kinds(body) == ["dangling_reference"]
    body = HELLO + "Erhöhen wir die Preise, dürfen Sie kündigen. Ihr Vertrag endet dann." + BYE
    assert kinds(body) == []  # its antecedent is right before it


def test_with_the_article_a_sentence_whose_article_sentence_before_is_missing_dangles() -> None:
    body = HELLO + "Wir helfen gern. Ihr Vertrag endet dann spätestens zu diesem Tag. [1]" + BYE
    assert kinds(body, articles=(SONDER,)) == ["dangling_reference"]


def test_an_example_sentence_without_its_label_is_stated_as_fact() -> None:
    body = HELLO + "Der Vertrag endet am 31. Dezember. [1]" + BYE
    assert "example_as_fact" in kinds(body, articles=(SONDER,))
    assert "example_as_fact" not in kinds(body)  # only the article tells


def test_an_example_cut_in_half_is_counted() -> None:
    body = HELLO + "Beispiel: Wir erhöhen den Preis zum 1. Januar. [1]" + BYE
    assert kinds(body, articles=(SONDER,)) == ["example_as_fact"]


def test_a_conditional_answer_without_its_heading_is_a_lost_heading() -> None:
    body = HELLO + "Prüfen Sie zuerst die Sicherungen. [1]" + BYE
    assert kinds(body, "Abschlag", (SONDER,)) == ["lost_heading"]
    shown = HELLO + "Kein Strom in der neuen Wohnung? Prüfen Sie zuerst die Sicherungen. [1]"
    assert kinds(shown + BYE, "Abschlag", (SONDER,)) == []


def test_a_bare_contact_line_is_counted_but_an_item_under_its_lead_in_is_not() -> None:
    assert kinds(HELLO + "E-Mail an service@stadtwerke-nordlicht.de" + BYE) == ["bare_contact"]
    listed = HELLO + "So erreichen Sie uns:\n- E-Mail an service@stadtwerke-nordlicht.de" + BYE
    assert kinds(listed) == []


def test_a_fibre_sentence_in_a_reply_about_electricity_is_off_product() -> None:
    body = HELLO + "Unsere Glasfasertarife haben eine Mindestlaufzeit von 24 Monaten. [1]" + BYE
    assert kinds(body, "Kündigung Stromvertrag") == ["off_product"]
    assert kinds(body, "Kündigung Glasfaser") == []


def test_a_repeated_sentence_is_a_duplicate() -> None:
    body = HELLO + (
        "Wir bestätigen Ihre Kündigung innerhalb von 7 Tagen in Textform. [1]\n\n"
        "Wir bestätigen innerhalb von 7 Tagen. [2]"
    )
    assert kinds(body + BYE) == ["duplicate"]


def test_a_need_list_item_naming_data_the_mail_has_asks_for_it_again() -> None:
    body = HELLO + "Das brauchen wir:\n- Ihre neue Adresse\n- Ihr Einzugsdatum [1]" + BYE
    mail = "Ich ziehe in die Iltisstraße 34, 24143 Kiel."
    assert kinds(body, mail) == ["asks_given_data"]
    assert "address" in known_data(mail)
    assert kinds(body, "Umzug") == []


def test_a_moving_date_in_english_words_is_data_the_mail_has() -> None:
    # inbox_test9 mail 24: "What we need: - Moving-in date" to a tenant who gave it
    mail = "I moved into my flat on 1 November and never signed up for electricity."
    assert "moving_date" in known_data(mail)
    assert "moving_date" in known_data("We are moving in on December 15th.")
    assert "moving_date" in known_data("Auszug 31.10., neue Wohnung ab 1.11.")
    assert "moving_date" not in known_data("I moved here years ago. The bill of 1 November")
    body = "Dear Mr Sarigul,\n\nThank you.\n\nWhat we need:\n- Moving-in date\n- Bank details [1]"
    assert [f.kind for f in find_incoherent(body, mail, "en", ())] == ["asks_given_data"]


def test_a_request_for_evidence_the_mail_attaches_asks_for_it_again() -> None:
    # inbox_test9 mail 21: photo and handover record attached, the draft asked for both
    mail = "Übergabeprotokoll und Foto vom Zähler (1NLT0072203615, gut lesbar) hänge ich an."
    assert "evidence" in known_data(mail)
    assert "evidence" in known_data("I have attached a photo of the meter.")
    assert "evidence" not in known_data("Soll ich ein Foto schicken?")
    item = "- Legen Sie Nachweise bei: ein Foto des Zählers mit gut lesbarer Zählernummer. [1]"
    body = HELLO + "So beanstanden Sie die Rechnung:\n- Schreiben Sie uns.\n" + item + BYE
    assert kinds(body, mail) == ["asks_given_data"]
    assert kinds(body, "Rechnung falsch") == []


def test_a_new_postal_address_the_mail_gives_is_not_asked_for() -> None:
    body = HELLO + "Das brauchen wir:\n- Ihre neue Postanschrift für die Schlussrechnung [1]" + BYE
    assert kinds(body, "Auszug 31.10., neue Adresse: Zum Brook 5, 24161 Altenholz") == [
        "asks_given_data"
    ]
    # the address a customer moves out of is no new address (golden sample-de-009)
    assert kinds(body, "Auszug aus der Iltisstraße 34, 24143 Kiel am 15.09.") == []


def test_the_acknowledgement_after_an_emergency_paragraph_is_late() -> None:
    body = (
        "Sehr geehrte Frau Martens,\n\nVerlassen Sie das Haus und rufen Sie 0431 5577-112 an. "
        "[1]\n\nVielen Dank für Ihre Nachricht zum Thema „Gasgeruch“." + BYE
    )
    assert kinds(body, "Gasgeruch") == ["late_acknowledgement"]


def test_defects_count_the_coherence_kinds() -> None:
    body = HELLO + "E-Mail an service@stadtwerke-nordlicht.de" + BYE
    assert count(find_defects(body, "Frage", "de"))["bare_contact"] == 1


CITED = [
    Citation(n=1, kb_id="a", title="A"),
    Citation(n=2, kb_id="b", title="B"),
]


def test_tidy_removes_findings_and_moves_the_marker_to_the_article_s_last_kept_line() -> None:
    body = (
        HELLO
        + (
            "Sie können zum Tag der Preiserhöhung kündigen.\n"
            "Ihr Vertrag endet dann spätestens zu diesem Tag. [1]\n\n"
            "Unsere Glasfasertarife haben eine Mindestlaufzeit von 24 Monaten. [2]\n\n"
            "E-Mail an service@stadtwerke-nordlicht.de"
        )
        + BYE
    )
    # the dangling sentence opens its line, but not its paragraph: only the article tells
    done = tidy(body, "Kündigung Strom", "de", (SONDER, ""), CITED, [0, 1])
    assert "Glasfaser" not in done.body and "E-Mail an" not in done.body
    assert "Sie können zum Tag der Preiserhöhung kündigen. [1]" in done.body
    assert "zu diesem Tag" not in done.body
    assert [c.kb_id for c in done.citations] == ["a"]
    assert done.order == [0, 1]


def test_tidy_renumbers_the_sources_when_the_first_article_is_gone() -> None:
    body = (
        HELLO
        + (
            "Unsere Glasfasertarife haben eine Mindestlaufzeit von 24 Monaten. [1]\n\n"
            "Sie können zum Tag der Preiserhöhung kündigen. [2]"
        )
        + BYE
    )
    done = tidy(body, "Kündigung Strom", "de", ("", SONDER), CITED, [0, 1])
    assert "kündigen. [1]" in done.body and "[2]" not in done.body
    assert [(c.n, c.kb_id) for c in done.citations] == [(1, "b")]
    assert done.order == [1, 0]


def test_tidy_says_the_question_is_checked_when_nothing_of_the_articles_is_left() -> None:
    body = HELLO + "Unsere Glasfasertarife haben eine Mindestlaufzeit von 24 Monaten. [1]" + BYE
    done = tidy(body, "Drucker offline\nMein Drucker druckt nicht.", "de", ("",), CITED[:1], [0])
    assert "Glasfaser" not in done.body and "[1]" not in done.body
    assert "Zu Ihrer Anfrage „Drucker offline“ können wir" in done.body
    assert done.citations == []
    assert done.body.index("vielen Dank") < done.body.index("Zu Ihrer Anfrage")


def test_tidy_drops_a_lead_in_left_without_items() -> None:
    body = (
        HELLO
        + (
            "Sie können zum Tag der Preiserhöhung kündigen.\n\n"
            "Das brauchen wir:\n- Ihre neue Adresse [1]"
        )
        + BYE
    )
    done = tidy(body, "Iltisstraße 34, 24143 Kiel", "de", (SONDER,), CITED[:1], [0])
    assert "Das brauchen wir" not in done.body
    assert "kündigen. [1]" in done.body


def test_sentences_that_stand_alone_are_not_taken_for_fragments() -> None:
    article = SONDER + "\n## Kein Zählerstand?\n\nRufen Sie uns an: 0431 5577-100.\n"
    article += "\nSie können später einen Zählerstand nachreichen.\n"
    for sentence in (
        "Rufen Sie uns an: 0431 5577-100.",  # a contact line needs no heading
        "Sie können später einen Zählerstand nachreichen.",  # an option
        "Wir setzen Ihren Widerspruch innerhalb von 5 Werktagen um und bestätigen ihn.",
    ):
        assert kinds(HELLO + sentence + " [1]" + BYE, "Abschlag", (article,)) == []


def test_tidy_repeats_until_no_sentence_is_left_dangling() -> None:
    shown = "Beispiel: Wir erhöhen den Preis zum 1. Januar. Dann muss Ihre Kündigung bis zum "
    shown += "einschließlich 31. Dezember bei uns eingehen."
    body = HELLO + "Sie können zum Tag der Preiserhöhung kündigen.\n\n" + shown + " [1]" + BYE
    done = tidy(body, "Kündigung Strom", "de", (SONDER,), CITED[:1], [0])
    assert "Beispiel" not in done.body and "Dann muss" not in done.body
    assert "kündigen. [1]" in done.body


def test_what_a_request_must_enclose_is_no_request_for_evidence_the_mail_has() -> None:
    # inbox_test3 mail 15: what a conciliation request needs, to a customer who gave KD-…
    mail = "Kann ich mich an eine Schlichtungsstelle wenden? Foto anbei. KD-3045528"
    body = (
        HELLO
        + (
            "Legen Sie Ihrem Antrag bei: Ihre Beschwerde, unsere Antwort, die betroffene Rechnung "
            "und Ihre Kundennummer. [1]"
        )
        + BYE
    )
    assert kinds(body, mail) == []
