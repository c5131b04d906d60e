"""Contact reasons with votes (real index of kb/, real USE embeddings): an email whose words
point elsewhere or nowhere gets the reason of the most similar labelled examples; the best
article's reason does not count when the knowledge base has no answer (kb_gap)."""

from __future__ import annotations

import shutil

import pytest

from drafter.config import Settings
from drafter.drafting.assemble import contact_reason, reason_votes
from drafter.drafting.reason_examples import example_votes
from drafter.drafting.reasons import ARTICLE_VOTE, classify
from drafter.knowledge.embeddings import load_use
from drafter.knowledge.retrieve import Retriever, build_query, open_retriever
from drafter.models import InboundEmail, Passage
from tests.integration.openai_server import full_index

REASONS = Settings().contact_reasons


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    load_use()
    root = tmp_path_factory.mktemp("reason-kb")
    shutil.copytree(full_index(), root / "index")  # all of kb/, ingested once per test run
    return open_retriever(Settings(data_dir=root))


def _reason(retriever: Retriever, subject: str, body: str) -> str:
    settings = Settings()
    passages = retriever.search(build_query(subject, body), 5, "de")
    examples = example_votes(retriever.embed_model, subject, body, REASONS)
    email = InboundEmail(subject=subject, body=body, language="de")
    return contact_reason(settings, "", passages, email, examples)


def test_examples_decide_when_the_cue_words_do_not(retriever: Retriever) -> None:
    subject = "Glasfaser-Anschluss"
    body = (
        "Gestern war von 8 bis 12 Uhr der Glasfaser-Anschluss angesagt, aber es hat sich keiner "
        "blicken lassen. Wann kommt jemand?"
    )
    assert classify(subject, body, REASONS) == "sonstiges"  # no cue word for termin
    assert _reason(retriever, subject, body) == "termin"


def test_an_email_like_no_example_stays_other(retriever: Retriever) -> None:
    subject, body = "Rauchmelder?", "Verkaufen Sie auch Rauchmelder oder Hausratversicherungen?"
    assert example_votes(retriever.embed_model, subject, body, REASONS) == []
    assert _reason(retriever, subject, body) == "sonstiges"


def test_votes_follow_the_configured_reasons(retriever: Retriever) -> None:
    subject = "Abschlag zu hoch"
    body = (
        "Hallo, nach der Jahresabrechnung ist mein monatlicher Abschlag auf 95 Euro gestiegen. "
        "Das ist mir zu viel, können Sie ihn auf 70 Euro senken?"
    )
    votes = example_votes(retriever.embed_model, subject, body, ["abschlag", "umzug"])
    assert votes and {reason for reason, _w in votes} <= {"abschlag", "umzug"}
    assert abs(sum(w for _r, w in votes) - 1.0) < 1e-6
    assert example_votes(None, "Abschlag", "Bitte Abschlag senken.", REASONS) == []


def test_no_article_vote_on_a_knowledge_gap() -> None:
    passage = Passage(kb_id="de-umzug", title="Umzug", text="...", contact_reason="umzug")
    answered = passage.model_copy(update={"support": 0.9})
    gap = passage.model_copy(update={"support": 0.05})
    assert reason_votes(Settings(), [answered]) == [("umzug", ARTICLE_VOTE)]
    assert reason_votes(Settings(), [gap]) == []
