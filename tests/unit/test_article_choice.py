"""Which article leads a template draft (issue 12): a knowledge-gap doubt does not replace the
answer with a gap text when an article plainly answers the subject, the article closest in
meaning to the question may lead instead of the one sharing most words, and an article whose
title is clearly closer to the question and the subject leads. Own articles and
mails; the real USE model (no mock)."""

from __future__ import annotations

import numpy as np
import pytest

from drafter.config import Settings
from drafter.drafting.closeness import (
    LEAD_GAIN,
    TITLE_GAIN,
    covers_topic,
    keep_closer_title,
    lead_by_meaning,
    lead_by_title,
)
from drafter.drafting.engine import DraftingEngine
from drafter.drafting.extractive import extractive_reply
from drafter.knowledge.embeddings import OpenAICompatibleEmbedding, UseEmbedding, embed_texts
from drafter.models import Address, InboundEmail, Passage

ANPASSEN = """# Wasserabschlag anpassen

Verbrauchen Sie weniger Wasser als bisher, können Sie Ihren Wasserabschlag senken.

Sie ändern ihn im Kundenportal unter Verträge > Wasserabschlag ändern.
"""
BERECHNUNG = """# Wie wird der Wasserabschlag berechnet?

Wir teilen die erwarteten Jahreskosten für Wasser durch 12.
"""
RENEW = """# Renewing a loan

You can renew a loan twice online under My account > Loans > Renew.

A renewal adds 3 weeks to the due date.
"""
FEES = """# Late fees at the library

A book returned late costs 0.50 EUR per day.
"""
INSTALL = """# Glasfaser-Hausanschluss

Für den Glasfaser-Hausanschluss vereinbaren wir mit Ihnen einen Installationstermin.

Der Techniker verlegt das Kabel vom Keller bis in Ihre Wohnung; das dauert etwa 3 Stunden.
"""
MOVE = """# Termine verschieben

Sie können jeden Termin bis 48 Stunden vorher kostenlos verschieben, im Kundenportal unter Termine.

Bei späterer Absage berechnen wir 59 EUR Anfahrt.
"""


NO_WATER = """# Kein Wasser: was tun?

Kommt nichts aus dem Hahn, prüfen Sie zuerst, ob auch die Nachbarn betroffen sind.

Melden Sie die Störung rund um die Uhr unter 0431 999-112.
"""
WATER_MOVE_IN = """# Einzug: Wasser anmelden

In der neuen Küche ist meistens schon Wasser vorhanden, auch ohne Vertrag.

Melden Sie Ihren Einzug bitte bis 2 Wochen vorher an, damit das Wasser in der Küche auf Ihren \
Namen läuft.
"""


def _mail(subject: str, body: str) -> InboundEmail:
    return InboundEmail(
        from_=Address(name="Jonas Berger", email="j@example.org"), subject=subject, body=body
    )


def _passages(texts: list[str], language: str, scores: list[float]) -> list[Passage]:
    return [
        Passage(kb_id=f"kb-{n}", title=t.split("\n")[0][2:], text=t, score=s, language=language)
        for n, (t, s) in enumerate(zip(texts, scores, strict=True), 1)
    ]


GAP_DOUBTS = [
    (
        "de",
        _mail("Wasserabschlag senken", "Guten Tag,\n\nkönnen Sie den auf 30 Euro senken?\n\nJonas"),
        [BERECHNUNG, ANPASSEN],
        "Verträge > Wasserabschlag ändern",
        "keine verlässliche Auskunft",
    ),
    (
        "en",
        _mail("Renew loans", "Hello,\n\ncould you do that for my two books?\n\nJonas"),
        [FEES, RENEW],
        "My account > Loans > Renew",
        "cannot give you reliable information",
    ),
]


@pytest.mark.parametrize(("language", "mail", "texts", "answer", "gap"), GAP_DOUBTS)
def test_a_gap_doubt_gives_way_to_an_article_that_plainly_answers_the_subject(
    language: str, mail: InboundEmail, texts: list[str], answer: str, gap: str
) -> None:
    passages = _passages(texts, language, [0.30, 0.28])
    reply = extractive_reply(
        mail, mail.subject, passages, settings=Settings(), language=language, formality="sie",
        kb_gap=True,
    )  # fmt: skip
    assert answer in reply.body
    assert gap not in reply.body
    assert reply.citations[0].kb_id == "kb-2"  # the covering article leads as [1]


def test_a_subject_no_article_covers_still_gets_the_gap_text() -> None:
    mail = _mail("Fernwärme Anschluss", "Guten Tag,\n\nbieten Sie Fernwärme an?\n\nJonas")
    reply = extractive_reply(
        mail, mail.subject, _passages([BERECHNUNG, ANPASSEN], "de", [0.30, 0.28]),
        settings=Settings(), language="de", formality="sie", kb_gap=True,
    )  # fmt: skip
    assert "keine verlässliche Auskunft" in reply.body
    assert reply.citations == []


def test_covers_topic_needs_every_subject_word_and_one_in_the_title() -> None:
    assert covers_topic("Wasserabschlag senken", "Wasserabschlag anpassen", ANPASSEN, "de")
    assert not covers_topic("Wasserabschlag senken", "Wie wird der Wasserabschlag berechnet?",
                            BERECHNUNG, "de")  # fmt: skip
    assert not covers_topic("Wasserabschlag", "Wasserabschlag anpassen", ANPASSEN, "de")
    assert not covers_topic("Renew loans", "Late fees", "Renew your loans online.", "en")


def test_the_article_closest_in_meaning_to_the_question_leads() -> None:
    model = UseEmbedding()
    mail = _mail(
        "Glasfaser-Installationstermin verschieben",
        "Hallo,\n\nfür den Glasfaser-Hausanschluss ist der Installationstermin am Dienstag "
        "geplant. Können wir den Termin auf die Woche danach verschieben?\n\nJonas Berger",
    )
    passages = _passages([INSTALL, MOVE], "de", [0.50, 0.48])

    def draft(embed: bool) -> list[str]:
        reply = extractive_reply(
            mail, mail.subject, passages, settings=Settings(), language="de", formality="sie",
            kb_gap=False, embed=(lambda t: embed_texts(model, t)) if embed else None,
        )  # fmt: skip
        return [c.kb_id for c in reply.citations]

    assert draft(embed=False)[0] == "kb-1"  # by words alone the installation article leads
    assert draft(embed=True)[0] == "kb-2"  # by meaning: moving the appointment


def test_lead_by_meaning_keeps_the_word_choice_unless_clearly_closer() -> None:
    near = {(1, 0): 0.40, (2, 0): 0.40 + LEAD_GAIN / 2, (3, 0): 0.90}
    assert lead_by_meaning(near, [1.0, 0.5, 0.0], 0) == 0  # 3 has no weight, 2 not enough
    near[(2, 0)] = 0.40 + LEAD_GAIN
    assert lead_by_meaning(near, [1.0, 0.5, 0.0], 0) == 1
    assert lead_by_meaning({}, [1.0, 0.5], 0) == 0


class _Retriever:
    def __init__(self, model: object) -> None:
        self.embed_model = model


def test_only_an_in_process_embedding_model_sees_the_mail_sentences() -> None:
    local = DraftingEngine(Settings(), _Retriever(UseEmbedding()))  # type: ignore[arg-type]
    remote = DraftingEngine(
        Settings(),
        _Retriever(OpenAICompatibleEmbedding(base_url="http://127.0.0.1:9", api_key="x")),  # type: ignore[arg-type]
    )
    assert local._local_embed() is not None
    assert remote._local_embed() is None


def test_meaning_does_not_replace_a_lead_that_plainly_answers_the_subject() -> None:
    """Hand-made vectors (the first row is the question): every unit of the second article
    is the question's direction, the first article's are orthogonal to it."""

    def embed(texts: list[str]) -> np.ndarray:
        rows = [[1.0, 0.0]] + [[1.0, 0.0] if "Wasser" in t else [0.0, 1.0] for t in texts[1:]]
        return np.array(rows, dtype=np.float32)

    fees = (
        "# Late fees\n\nWasser: a loan you renew online after its due date costs 0.50 EUR a day.\n"
    )
    # the mail does not name the first article's title whole ("extend", not "renew": with
    # it, drafter.drafting.closeness.named_by_mail lets the title the mail names lead)
    for subject, lead in (("Renew loans", "kb-1"), ("Library question", "kb-2")):
        mail = _mail(subject, "Hello,\n\nhow do I extend my loans online?\n\nJonas")
        reply = extractive_reply(
            mail, mail.subject, _passages([RENEW, fees], "en", [0.50, 0.49]),
            settings=Settings(), language="en", formality="sie", kb_gap=False, embed=embed,
        )  # fmt: skip
        assert reply.citations[0].kb_id == lead, subject


def test_the_article_whose_title_names_the_question_leads() -> None:
    """A sentence of the move-in article echoes the mail ("in der Küche ... Wasser") and is
    closest in meaning (without the title rule the move-in article leads), but the outage
    article's title names what is asked: it leads."""
    model = UseEmbedding()
    mail = _mail(
        "Kein Wasser in der Küche",
        "Hallo,\n\nseit heute früh haben wir in der Küche kein Wasser. Was sollen wir tun?"
        "\n\nJonas Berger",
    )
    reply = extractive_reply(
        mail, mail.subject, _passages([NO_WATER, WATER_MOVE_IN], "de", [0.50, 0.47]),
        settings=Settings(), language="de", formality="sie", kb_gap=False,
        embed=lambda t: embed_texts(model, t),
    )  # fmt: skip
    assert reply.citations[0].kb_id == "kb-1"
    assert "0431 999-112" in reply.body
    # the mail is not about a move: the move-in article is not used at all (drafts11)
    assert "Einzug" not in reply.body


def test_lead_by_title_needs_a_clearly_closer_title_for_question_and_subject() -> None:
    """Hand-made vectors: rows 0/1 are the question and the subject, then one row per title,
    given as (closeness to the question, closeness to the subject)."""

    def embedder(near: list[tuple[float, float]]) -> object:
        def embed(texts: list[str]) -> np.ndarray:
            queries = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]][: len(texts) - len(near)]
            return np.array(queries + [[a, b, 0.0] for a, b in near], dtype=np.float32)

        return embed

    titles, weights = ["A", "B", "C"], [1.0, 0.5, 0.0]
    gain = TITLE_GAIN
    clear = embedder([(0.3, 0.3), (0.3 + gain, 0.3 + gain), (0.9, 0.9)])
    assert lead_by_title(clear, "q", "s", titles, weights, 0) == 1  # type: ignore[arg-type]
    only_question = embedder([(0.3, 0.3), (0.3 + gain, 0.3 + gain / 2), (0.0, 0.0)])
    assert lead_by_title(only_question, "q", "s", titles, weights, 0) == 0  # type: ignore[arg-type]
    # no subject topic: the question alone decides
    no_subject = embedder([(0.3, 0.0), (0.3 + gain, 0.0), (0.0, 0.0)])
    assert lead_by_title(no_subject, "q", "", titles, weights, 0) == 1  # type: ignore[arg-type]
    # an article without a weight never leads; without a model nothing changes
    assert lead_by_title(clear, "q", "s", titles, [1.0, 0.0, 0.0], 0) == 0  # type: ignore[arg-type]
    assert lead_by_title(None, "q", "s", titles, weights, 0) == 0


PAY = """# Ways to pay

We accept bank transfer and SEPA direct debit.

In our customer centre you can pay with a Girocard.
"""
REFUND = """# Credit balance and refunds

Is a refund paid to your credit card or PayPal account? No, we refund a credit to your bank \
account only.

We transfer your credit within 14 days.
"""


def test_a_stray_sentence_does_not_move_the_lead_to_an_article_about_something_else() -> None:
    """The refund article's first sentence shares most words with the question (credit card,
    PayPal) and by words alone it led the draft (inbox_test4/34, inbox_test6/04: refund text
    for "can I pay by PayPal?"); its title is farther from the question than "Ways to pay",
    so the best-retrieved article keeps the lead."""
    model = UseEmbedding()
    mail = _mail("Credit card or PayPal?", "Hello,\n\ncan I pay my open bill by credit card or "
                 "PayPal?\n\nJonas")  # fmt: skip
    reply = extractive_reply(
        mail, mail.subject, _passages([PAY, REFUND], "en", [0.50, 0.47]), settings=Settings(),
        language="en", formality="sie", kb_gap=False, embed=lambda t: embed_texts(model, t),
    )  # fmt: skip
    assert reply.citations[0].kb_id == "kb-1"
    assert reply.body.index("Girocard") < reply.body.index("14 days")


def test_keep_closer_title_blocks_a_challenger_only_with_a_title_farther_on_both() -> None:
    """Rows: (closeness to the question, closeness to the subject) per article title."""
    near = [[0.40, 0.40], [0.30, 0.30], [0.30, 0.50], [0.40, 0.40]]
    assert keep_closer_title(near, 1, 0) == 0  # farther from both: the current lead stays
    assert keep_closer_title(near, 2, 0) == 2  # closer to the subject: the challenger leads
    assert keep_closer_title(near, 3, 0) == 3  # as close: the challenger leads
    assert keep_closer_title([[0.4], [0.3]], 1, 0) == 0  # no subject: the question decides
    assert keep_closer_title(None, 1, 0) == 1  # no model: the unit-level choice stands
