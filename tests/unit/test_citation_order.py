"""Template drafts (issue 12): the sources are numbered by their first citation in the reply,
the draft lists its passages in that order, background the customer only mentions brings in
no further article, and the reply names its topic. Own example articles and mails."""

from __future__ import annotations

import re

from drafter.config import Settings
from drafter.drafting.assemble import assemble_draft
from drafter.drafting.checks import citation_numbers
from drafter.drafting.extractive import extractive_reply
from drafter.drafting.situation import topic
from drafter.evaluation.metrics import citations_valid
from drafter.models import Address, InboundEmail, Passage

MAHNUNG_DE = """# Mahnung erhalten

Ist eine Zahlung offen, schicken wir zuerst eine kostenlose Zahlungserinnerung.

Nach weiteren 14 Tagen folgt eine Mahnung mit einer Gebühr von 2,50 EUR.

Ein ausgelaufener Dauerauftrag ist der häufigste Grund für eine Mahnung.
"""

LASTSCHRIFT_DE = """# Lastschrift einrichten

Ihr SEPA-Lastschriftmandat erteilen Sie im Kundenportal unter Zahlungsdaten > Lastschrift
einrichten.

Ein neues Mandat gilt ab der nächsten Fälligkeit, wenn es 5 Werktage vorher bei uns eingeht.
"""

LIBRARY_EN = """# Late fees at the library

A book returned late costs 0.50 EUR per day.

Late fees over 10 EUR block your library card until they are paid.
"""

RENEW_EN = """# Renewing a loan

You can renew a loan twice online under My account > Loans > Renew.

A renewal adds 3 weeks to the due date.
"""


def _mail(subject: str, body: str) -> InboundEmail:
    return InboundEmail(
        from_=Address(name="Jonas Berger", email="j@example.org"), subject=subject, body=body
    )


def _passages(texts: list[str], language: str) -> list[Passage]:
    scores = [0.50, 0.48]  # the background article is retrieved first, the answer close behind
    return [
        Passage(kb_id=f"kb-{n}", title=t.split("\n")[0][2:], text=t, score=s, language=language)
        for n, (t, s) in enumerate(zip(texts, scores, strict=True), 1)
    ]


CASES = [
    (
        "de",
        _mail(
            "SEPA-Lastschrift einrichten",
            "Guten Tag,\n\nich habe eine Mahnung bekommen, weil mein Dauerauftrag ausgelaufen "
            "ist. Wie erteile ich Ihnen ein SEPA-Lastschriftmandat?\n\nJonas Berger",
        ),
        [MAHNUNG_DE, LASTSCHRIFT_DE],
        "Zahlungsdaten > Lastschrift",
    ),
    (
        "en",
        _mail(
            "Renewing loans online",
            "Hello,\n\nlast month I paid a late fee for a book. How can I renew my current loans "
            "online?\n\nJonas Berger",
        ),
        [LIBRARY_EN, RENEW_EN],
        "My account > Loans > Renew",
    ),
]


def test_the_first_source_cited_is_number_one_and_the_passages_follow_it() -> None:
    for language, email, texts, answer in CASES:
        passages = _passages(texts, language)
        reply = extractive_reply(
            email, f"{email.subject} {email.body}", passages, settings=Settings(),
            language=language, formality="sie", kb_gap=False, texts=texts,
        )  # fmt: skip
        numbers = citation_numbers(reply.body)
        assert answer in reply.body and numbers, reply.body
        assert numbers == sorted(numbers) and numbers[0] == 1, reply.body  # [1] before [2]
        # [1] is the answering article (retrieved second), and the sources list says so
        assert [c.n for c in reply.citations] == sorted(set(numbers))
        assert reply.citations[0].kb_id == "kb-2", reply.body
        assert sorted(reply.order) == [0, 1] and reply.order[0] == 1
        # the draft lists its passages in that order, so [n] is still its n-th passage
        draft = assemble_draft(
            Settings(), email, reply.body, passages, language=language, mode="extractive",
            template=None, model="", warnings=[], finish_reason="stop",
            problems=[], reason="", citations=reply.citations, articles=texts, order=reply.order,
        )  # fmt: skip
        assert [p.kb_id for p in draft.passages] == ["kb-2", "kb-1"]
        assert citations_valid(draft.body, draft.citations, draft.passages)
        assert "bad_citation" not in {w.code for w in draft.warnings}


def test_background_the_customer_only_mentions_brings_in_no_further_article() -> None:
    for language, email, texts, _ in CASES:
        reply = extractive_reply(
            email, f"{email.subject} {email.body}", _passages(texts, language),
            settings=Settings(), language=language, formality="sie", kb_gap=False, texts=texts,
        )  # fmt: skip
        assert [c.kb_id for c in reply.citations] == ["kb-2"], reply.body
        assert not re.search(r"Zahlungserinnerung|Mahnung mit|0\.50 EUR|block your", reply.body)


def test_the_thanks_never_echo_the_subject_line_and_a_gap_reply_says_what_it_cannot_answer() -> (
    None
):
    """Session-9 blind review: „vielen Dank für Ihre Nachricht zum Thema „…““ quoted the
    subject line back in almost every draft and read as mechanical; a gap reply still names
    the question it cannot answer yet (the review of mail 16 asked for that), once."""
    assert topic("AW: Re: SEPA-Lastschrift einrichten") == "SEPA-Lastschrift einrichten"
    assert topic("Können Sie mir helfen?") == ""  # a question is not a topic
    assert topic("Frage") == ""  # says nothing
    language, email, texts, _ = CASES[0]
    reply = extractive_reply(
        email, email.body, _passages(texts, language), settings=Settings(), language=language,
        formality="sie", kb_gap=False, texts=texts,
    )  # fmt: skip
    assert "vielen Dank für Ihre Nachricht.\n" in reply.body
    assert "zum Thema" not in reply.body and "SEPA-Lastschrift einrichten" not in reply.body
    gap = extractive_reply(
        _mail("Wallbox-Förderung", "Fördern Sie Wallboxen?"), "Wallbox", [], settings=Settings(),
        language="de", formality="sie", kb_gap=True,
    )  # fmt: skip
    assert "Zu Ihrer Anfrage „Wallbox-Förderung“ können wir Ihnen" in gap.body
    assert gap.body.count("Wallbox-Förderung") == 1  # named once, not in the thanks as well
    english = extractive_reply(
        _mail("Wallbox grant", "Do you fund wallboxes?"), "Wallbox", [], settings=Settings(),
        language="en", formality="sie", kb_gap=True,
    )  # fmt: skip
    assert "Thank you for your message.\n" in english.body
    assert english.body.count("Wallbox grant") == 1


def test_a_pointer_to_another_article_is_not_copied() -> None:
    from drafter.drafting.article_units import parse_article

    article = (
        "# Zählerwechsel\n\nSie haben noch keinen Termin? Lesen Sie „Termine im Überblick“.\n\n"
        "Ist der Termin ungünstig, lesen Sie bitte „Termin verschieben“. Der Wechsel dauert "
        "30 Minuten.\n\n- Der Monteur kommt zwischen 8 und 12 Uhr. Mehr in „Monteurbesuch“.\n"
        '- Lesen Sie den alten Zähler vorher ab.\n\nYou can pay online. Read "Paying bills".\n'
    )
    texts = [u.text for u in parse_article(article)]
    assert texts == [
        "Der Wechsel dauert 30 Minuten.",
        "Der Monteur kommt zwischen 8 und 12 Uhr.",
        "Lesen Sie den alten Zähler vorher ab.",  # an instruction, not a pointer
        "You can pay online.",
    ]


def test_a_contact_line_taken_from_a_list_ends_like_a_sentence() -> None:
    from drafter.drafting.extractive import contact_line
    from drafter.evaluation.defects import find_defects

    article = "# Contact\n\n- Email help@example.org or call 0800 444-555\n"
    line = contact_line([article])
    assert line == "Email help@example.org or call 0800 444-555."
    body = f"Dear Ms Lee,\n\nThank you for your message.\n\n{line}\n\nKind regards\nTeam\n"
    assert [d.kind for d in find_defects(body, "Hello", "en")] == []


def test_an_emergency_or_fault_number_is_never_the_contact_line() -> None:
    """Own articles: the water emergency number recurs and is short, so it used to win; a
    reply to a question must point to the service line, not the emergency service."""
    from drafter.drafting.extractive import contact_line

    leak = (
        "# Water leak\n\nIn an emergency call 0800 111-999 around the clock.\n\n"
        "Call from outside: 0800 111-999.\n"
    )
    fibre = "# Fibre outage\n\nOur fibre fault line 0800 222-333 answers 24/7.\n"
    service = "# Billing\n\nQuestions about your bill: help@example.org or 0800 444-555.\n"
    assert contact_line([leak, leak]) == ""
    assert contact_line([fibre]) == ""
    assert contact_line([leak, fibre, service]) == (
        "Questions about your bill: help@example.org or 0800 444-555."
    )
    german = "# Gasgeruch\n\nNotruf rund um die Uhr: 0800 111-999.\n\nVon draußen: 0800 111-999.\n"
    assert contact_line([german, service]).startswith("Questions about your bill")
