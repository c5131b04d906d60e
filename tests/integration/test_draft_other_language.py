"""An English mail whose answer exists only in a German article, end to end (the sample KB's
real index, real privacy; the model's HTTP mocked with respx).

The knowledge base's two languages are one knowledge base: retrieval ranks the German
article first (drafter.knowledge.fusion.prefer_language). The template draft cannot
translate: it says the answer is being prepared, cites the German article and names it in a
warning, and pastes neither the German article nor an English one on another topic
(drafter.drafting.other_language). The model gets the German article marked as such, with
the instruction to translate its facts into English and cite it (prompts/reply.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from openai import AsyncOpenAI

from drafter.config import Settings
from drafter.drafting.engine import DraftingEngine
from drafter.knowledge.retrieve import Retriever, open_retriever
from drafter.mail import parse_email
from drafter.models import Done, Draft, InboundEmail
from tests.integration.openai_server import full_index, sse_body
from tests.integration.test_kb_verdict import BASE, URL, llm_settings

KB = Path(__file__).resolve().parents[2] / "kb"
# the sample KB: de-smart-meter has no English version; en-meter-replacement and
# en-meter-reading are on neighbouring topics
MAIL = (
    "From: Jane Doe <jane@example.org>\r\nTo: service@stadtwerke-nordlicht.de\r\n"
    "Subject: Is a smart meter mandatory?\r\nMessage-ID: <sm-1@example.org>\r\n"
    "Date: Mon, 05 Oct 2026 08:00:00 +0200\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    "Hello,\r\n\r\nI got a letter that you want to install a smart meter in our house. Is a "
    "smart meter mandatory for us, and can we refuse it?\r\n\r\nBest regards\r\nJane Doe\r\n"
)


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    settings = Settings(data_dir=tmp_path_factory.mktemp("d"))
    return open_retriever(settings, index_dir=full_index())


def mail() -> InboundEmail:
    return parse_email(MAIL.encode("utf-8"))


async def draft_of(engine: DraftingEngine) -> Draft:
    events = [event async for event in engine.draft(mail())]
    finished = [e for e in events if isinstance(e, Done)]
    assert finished, events[-1]
    return finished[0].draft


def sentences(name: str) -> list[str]:
    """The article's body sentences of some length (to look for them pasted in a draft)."""
    text = (KB / f"{name}.md").read_text(encoding="utf-8").split("---", 2)[2]
    parts = [s.strip(" -*#\n") for line in text.splitlines() for s in line.split(". ")]
    return [s for s in parts if len(s) > 40]


async def test_the_template_draft_cites_the_german_answer_and_pastes_no_other_article(
    retriever: Retriever, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path / "d", llm_model="", llm_base_url="")
    draft = await draft_of(DraftingEngine(settings, retriever))
    assert draft.passages[0].kb_id == "de-smart-meter", [p.kb_id for p in draft.passages]
    assert [c.kb_id for c in draft.citations] == ["de-smart-meter"]
    assert "We are preparing the answer for you [1]" in draft.body
    for name in ["de/de-smart-meter", "en/en-meter-reading", "en/en-meter-replacement"]:
        assert not [s for s in sentences(name) if s in draft.body], name
    notes = [w.message for w in draft.warnings if w.code == "kb_partial"]
    assert len(notes) == 1 and "German article [1]" in notes[0], draft.warnings
    assert draft.passages[0].title in notes[0]
    assert draft.language == "en"


@respx.mock
async def test_the_model_gets_the_german_article_to_translate_and_the_draft_cites_it(
    retriever: Retriever, tmp_path: Path
) -> None:
    def reply(request: httpx.Request) -> httpx.Response:
        text = (
            "Dear Ms Doe,\n\nthank you for your message. A smart meter is installed where the "
            "law requires it [1].\n\nKind regards\nYour customer service team\n#reason: zaehler\n"
            "#kb: answered\n"
        )
        pieces = [text[i : i + 9] for i in range(0, len(text), 9)]
        return httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=sse_body(pieces)
        )

    route = respx.post(URL).mock(side_effect=reply)
    settings = llm_settings(tmp_path / "d")
    client: Any = AsyncOpenAI(base_url=BASE, api_key="x", max_retries=0)
    draft = await draft_of(DraftingEngine(settings, retriever, client=client))
    task = json.loads(route.calls.last.request.content)["messages"][-1]["content"]
    german = draft.passages[0]
    assert german.kb_id == "de-smart-meter"
    assert f"[1] {german.title}" in task and "(written in German)" in task
    assert german.text.strip()[:60] in task  # the German text itself, to translate
    assert "Write the reply in English." in task
    assert "translate them faithfully into English" in task
    assert [c.kb_id for c in draft.citations] == ["de-smart-meter"]
    assert draft.mode == "llm" and draft.language == "en"
