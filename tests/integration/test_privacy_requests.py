"""What reaches the model through the real Desk and engine (the model's HTTP mocked by respx).

- The rewrite path: a number recognised only next to its cue ("Kundennummer 48273") comes
  back into the draft without the cue; the rewrite request must still not contain it (the
  thread's vault is the source of truth).
- The last line of defence: a request that still holds a vault value or an IBAN is blocked
  with a PrivacyError, recorded in the audit log, and never sent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from drafter.config import Settings
from drafter.desk import Desk
from drafter.drafting.engine import DraftingEngine
from drafter.knowledge.retrieve import Retriever, open_retriever
from drafter.models import Done
from drafter.privacy import PrivacySession
from tests.integration.openai_server import fixture_index, sse_body

BASE = "http://127.0.0.1:9/v1"
URL = BASE + "/chat/completions"
NUMBER = "48273"  # five digits: only the cue word "Kundennummer" makes it a customer number

RAW = (
    "From: Anna Schulz <anna.schulz@example.org>\r\n"
    "To: service@stadtwerke-nordlicht.de\r\n"
    "Subject: Abschlag erhöhen\r\n"
    "Message-ID: <kunde-rewrite@example.org>\r\n"
    "Date: Mon, 02 Mar 2026 09:15:00 +0100\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "\r\n"
    f"Guten Tag, meine Kundennummer ist {NUMBER}. Bitte erhöhen Sie meinen Abschlag auf "
    "80 Euro.\r\nMit freundlichen Grüßen\r\nAnna Schulz\r\n"
).encode()


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    settings = Settings(data_dir=tmp_path_factory.mktemp("d"))
    return open_retriever(settings, index_dir=fixture_index())


@pytest.fixture
def llm_settings(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "d",
        llm_base_url=BASE,
        llm_model="test-model",
        llm_max_retries=0,
        llm_total_timeout=10,
    )


def reply(text: str) -> Any:
    def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=sse_body([text], "stop")
        )

    return respond


def request_text(request: httpx.Request) -> str:
    return "\n".join(m["content"] for m in json.loads(request.content)["messages"])


async def test_rewrite_request_never_carries_a_value_restored_without_its_cue(
    llm_settings: Settings, retriever: Retriever
) -> None:
    desk = Desk(llm_settings, retriever=retriever)
    (email_id,) = desk.import_messages([("a.eml", RAW)]).email_ids
    with respx.mock(assert_all_called=True) as mock:
        # the model mentions the placeholder without the cue word; restore puts the number in
        route = mock.post(URL).mock(
            side_effect=[
                reply("Sehr geehrte Frau [NAME_1],\n\nwir haben [CUSTOMER_NO_1] geprüft. [1]"),
                reply("Sehr geehrte Frau [NAME_1],\n\nerledigt. [1]"),
            ]
        )
        drafted = [e async for e in desk.draft(email_id)]
        assert isinstance(drafted[-1], Done), drafted[-1]
        assert f"wir haben {NUMBER} geprüft" in drafted[-1].draft.body
        rewritten = [e async for e in desk.draft(email_id, instruction="bitte kürzer")]
        assert isinstance(rewritten[-1], Done), rewritten[-1]
    draft_request, rewrite_request = (request_text(call.request) for call in route.calls)
    assert NUMBER not in draft_request
    assert NUMBER not in rewrite_request  # the draft went back through the vault
    assert "wir haben [CUSTOMER_NO_1] geprüft" in rewrite_request
    assert "Schulz" not in rewrite_request


class ForgetfulPrivacy(PrivacySession):
    """A redaction that misses the body (stands for any future recognizer bug)."""

    def redact_email(self, email: Any, vault: Any = None, *, save: bool = True) -> Any:
        redacted, vault = super().redact_email(email, vault, save=save)
        return redacted.model_copy(update={"body": email.body}), vault


async def test_a_request_with_personal_data_is_blocked_and_audited(
    llm_settings: Settings, retriever: Retriever
) -> None:
    privacy = ForgetfulPrivacy(llm_settings)
    engine = DraftingEngine(llm_settings, retriever, privacy=privacy)
    desk = Desk(llm_settings, engine, retriever=retriever)
    raw = RAW.replace(
        b"80 Euro.", b"80 Euro. Neue IBAN: DE89 3704 0044 0532 0130 00 (Konto von Anna Schulz)."
    )
    (email_id,) = desk.import_messages([("b.eml", raw)]).email_ids
    with respx.mock(assert_all_called=False) as mock:
        route = mock.post(URL).mock(side_effect=reply("Sehr geehrte Frau [NAME_1], ok."))
        events = [e async for e in desk.draft(email_id)]
    assert not route.called  # never a silent send
    # the desk falls back to a template draft (nothing leaves the machine) and says why
    done = events[-1]
    assert isinstance(done, Done)
    (warning,) = [w for w in done.draft.warnings if w.code == "model_failed"]
    assert "NOT sent" in warning.message and "IBAN" in warning.message
    assert "3704 0044" not in warning.message  # the error names the type, not the value
    (entry,) = [a for a in desk.audit(email_id) if a.action == "draft_failed"]
    assert "personal data" in json.dumps(entry.model_dump(mode="json"))


async def test_reading_the_redacted_view_writes_no_vault(
    llm_settings: Settings, retriever: Retriever
) -> None:
    desk = Desk(llm_settings, retriever=retriever)
    (email_id,) = desk.import_messages([("c.eml", RAW)]).email_ids
    shown = desk.redacted(email_id)
    assert NUMBER not in shown and "[CUSTOMER_NO_1]" in shown
    with desk.db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM vaults").scalar() == 0


class QueryLog:
    """The real retriever, with every query it is asked recorded (what an embedding endpoint
    would receive)."""

    def __init__(self, inner: Retriever) -> None:
        self.inner, self.queries = inner, list[str]()

    def search(self, query: str, k: int, language: str | None = None) -> Any:
        self.queries.append(query)
        return self.inner.search(query, k, language)

    def is_gap(self, passages: Any) -> bool:
        return self.inner.is_gap(passages)


@pytest.mark.parametrize("backend", ["openai", "usem"])
async def test_a_retrieval_query_with_personal_data_never_reaches_a_remote_embedder(
    tmp_path: Path, retriever: Retriever, backend: str
) -> None:
    from drafter.mail.parse import parse_email
    from drafter.models import Failed

    settings = Settings(data_dir=tmp_path / "d", embedding_backend=backend)  # type: ignore[arg-type]
    log = QueryLog(retriever)
    engine = DraftingEngine(settings, log, privacy=ForgetfulPrivacy(settings))  # type: ignore[arg-type]
    raw = RAW.replace(b"80 Euro.", b"80 Euro. Neue IBAN: DE89 3704 0044 0532 0130 00.")
    events = [e async for e in engine.draft(parse_email(raw), no_llm=True)]
    if backend == "openai":  # the query would go over HTTP: blocked, nothing asked
        assert isinstance(events[-1], Failed), events[-1]
        assert "NOT sent" in events[-1].message and "IBAN" in events[-1].message
        assert log.queries == []
    else:  # the in-process model: the query never leaves the machine, drafting goes on
        assert isinstance(events[-1], Done), events[-1]
        assert any("3704 0044" in q for q in log.queries)


DEV_MAIL = Path(__file__).parents[2] / "benchmarks" / "data" / "privacy" / "dev12"


def echo_placeholders(request: httpx.Request) -> httpx.Response:
    """A model that writes back every placeholder it was shown, without any cue word."""
    placeholders = dict.fromkeys(re.findall(r"\[[A-Z_]+_\d+\]", request_text(request)))
    return reply("Guten Tag,\n\nnotiert: " + "; ".join(placeholders) + ". [1]")(request)


async def test_a_dev_set_mail_rewritten_after_restoring_sends_no_value_again(
    llm_settings: Settings, retriever: Retriever
) -> None:
    # dev12 080: the customer number is written with spaces and found only after its cue
    # ("Kundennummer K D - 9 0 4 7 7 1 3"); the draft gets every value back without any cue,
    # and ctrl+r sends that draft: the thread's vault hides every value again
    label = next(
        json.loads(line)
        for line in (DEV_MAIL / "labels.jsonl").read_text(encoding="utf-8").splitlines()
        if '"080.eml"' in line
    )
    desk = Desk(llm_settings, retriever=retriever)
    (email_id,) = desk.import_messages([("m.eml", (DEV_MAIL / "080.eml").read_bytes())]).email_ids
    with respx.mock(assert_all_called=True) as mock:
        route = mock.post(URL).mock(side_effect=echo_placeholders)
        drafted = [e async for e in desk.draft(email_id)]
        assert isinstance(drafted[-1], Done), drafted[-1]
        assert "9 0 4 7 7 1 3" in drafted[-1].draft.body  # restored, without "Kundennummer"
        rewritten = [e async for e in desk.draft(email_id, instruction="bitte kürzer")]
        assert isinstance(rewritten[-1], Done), rewritten[-1]
    draft_request, rewrite_request = (request_text(call.request) for call in route.calls)
    assert "notiert: [" in rewrite_request  # the restored draft went in, as placeholders
    hidden = [item["value"] for item in label["pii"] if item["value"] not in draft_request]
    assert "K D - 9 0 4 7 7 1 3" in hidden and len(hidden) >= 6
    for value in [*hidden, "9 0 4 7 7 1 3"]:
        assert value not in rewrite_request, value
