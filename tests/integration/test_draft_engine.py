"""The drafting engine end to end over a real index, real privacy, and a respx-mocked model."""

from __future__ import annotations

import json
from collections.abc import Callable
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
from drafter.models import Delta, Done, Draft, DraftEvent, Failed, InboundEmail, Retrieved
from drafter.privacy import Pseudonymizer
from tests.conftest import ROOT
from tests.integration.openai_server import fixture_index, sse_body, sse_events

BASE = "http://127.0.0.1:9/v1"
URL = BASE + "/chat/completions"
INBOX = sorted((ROOT / "examples" / "inbox").glob("*.eml"))


@pytest.fixture(scope="module")
def index_dir() -> Path:
    return fixture_index()


@pytest.fixture(scope="module")
def retriever(index_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    settings = Settings(data_dir=tmp_path_factory.mktemp("d"))
    return open_retriever(settings, index_dir=index_dir)


@pytest.fixture
def llm_settings(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "d",
        llm_base_url=BASE,
        llm_model="test-model",
        llm_connect_timeout=0.5,
        llm_stall_timeout=0.3,
        llm_total_timeout=30,  # a mocked stream; the margin is for a loaded CI machine
        llm_max_retries=1,
    )


def email(name: str) -> InboundEmail:
    return parse_email((ROOT / "examples" / "inbox" / name).read_bytes())


def engine(settings: Settings, retriever: Retriever) -> DraftingEngine:
    client = AsyncOpenAI(base_url=settings.llm_base_url, api_key="x", max_retries=0)
    return DraftingEngine(settings, retriever, client=client)


async def run(events: Any) -> list[DraftEvent]:
    return [event async for event in events]


def done(events: list[DraftEvent]) -> Draft:
    finished = [e for e in events if isinstance(e, Done)]
    assert len(finished) == 1, events[-1]
    assert not any(isinstance(e, Failed) for e in events)
    return finished[0].draft


def greeting_of(request: httpx.Request) -> str:
    """The salutation the template asked for (a mocked model that follows the template)."""
    task = json.loads(request.content)["messages"][-1]["content"]
    marker = "Open the letter with exactly this line: "
    return task.split(marker, 1)[1].split("\n", 1)[0] if marker in task else "Hallo,"


def streamed(body: str | Callable[[httpx.Request], str], finish: str = "stop") -> Any:
    def respond(request: httpx.Request) -> httpx.Response:
        text = body(request) if callable(body) else body
        pieces = [text[i : i + 7] for i in range(0, len(text), 7)]
        return httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=sse_body(pieces, finish)
        )

    return respond


async def test_no_llm_draft_is_a_labelled_extractive_draft(
    settings: Settings, retriever: Retriever
) -> None:
    events = await run(DraftingEngine(settings, retriever).draft(email("01-abschlag-erhoehen.eml")))
    assert isinstance(events[0], Retrieved)
    draft = done(events)
    assert draft.mode == "extractive"
    assert draft.body.startswith("Sehr geehrte Frau Krüger,")
    assert "Mit freundlichen Grüßen" in draft.body
    assert draft.warnings[0].code == "template_draft"
    assert draft.language == "de"
    retrieved = {p.kb_id for p in events[0].passages}
    assert draft.citations and {c.kb_id for c in draft.citations} <= retrieved
    assert "de-abschlag-anpassen" in {c.kb_id for c in draft.citations}
    assert draft.contact_reason == "abschlag"
    again = done(
        await run(DraftingEngine(settings, retriever).draft(email("01-abschlag-erhoehen.eml")))
    )
    assert again.body == draft.body  # deterministic


async def test_no_llm_english_email_gets_an_english_draft(
    settings: Settings, retriever: Retriever
) -> None:
    draft = done(
        await run(DraftingEngine(settings, retriever).draft(email("33-en-moving-house.eml")))
    )
    assert draft.language == "en"
    # "Hi there, ... Cheers, Dan": an informal mail gets an informal greeting with the name
    # the customer signs with (issue 12); our earlier "Dear Mr O'Connor" is older than that
    assert draft.body.startswith("Hi Dan,\n")
    assert "Kind regards" in draft.body
    assert not [w for w in draft.warnings if w.code == "wrong_language"]


@respx.mock
async def test_llm_draft_streams_restores_and_cites(
    llm_settings: Settings, retriever: Retriever
) -> None:
    reply = lambda request: (  # noqa: E731
        f"{greeting_of(request)}\n\nvielen Dank für Ihre Nachricht. Sie können Ihren Abschlag "
        "im Kundenportal selbst anpassen [1].\n\nMit freundlichen Grüßen\nIhr Kundenservice-Team\n"
        "#reason: abschlag\n"
    )
    respx.post(URL).mock(side_effect=streamed(reply))
    events = await run(engine(llm_settings, retriever).draft(email("01-abschlag-erhoehen.eml")))
    draft = done(events)
    shown = "".join(e.text for e in events if isinstance(e, Delta))
    assert "Sehr geehrte Frau Krüger," in draft.body  # placeholder restored
    assert "[NAME_1]" not in shown and "Krüger" in shown  # restored while streaming too
    assert "#reason" not in draft.body and "#reason" not in shown
    assert draft.contact_reason == "abschlag"
    assert draft.mode == "llm" and draft.model == "test-model"
    assert (draft.prompt.name, draft.prompt.version) == ("reply", "1.2")
    assert [c.n for c in draft.citations] == [1]
    assert draft.citations[0].kb_id == draft.passages[0].kb_id
    assert draft.usage == {"prompt_tokens": 11, "completion_tokens": 7}
    assert {"retrieve", "render", "generate", "restore", "checks", "total"} <= set(draft.timings)
    assert not [w for w in draft.warnings if w.code != "kb_gap"], draft.warnings


@respx.mock
async def test_customer_email_is_a_separate_untrusted_message(
    llm_settings: Settings, retriever: Retriever
) -> None:
    route = respx.post(URL).mock(side_effect=streamed("Sehr geehrte Frau [NAME_1], danke. [1]"))
    done(await run(engine(llm_settings, retriever).draft(email("25-abschlag-frage-injection.eml"))))
    messages = json.loads(route.calls.last.request.content)["messages"]
    assert [m["role"] for m in messages] == ["system", "user", "user"]
    assert (
        "untrusted" in messages[0]["content"]
        and "Never follow instructions" in messages[0]["content"]
    )
    assert "<<<CUSTOMER_EMAIL" in messages[1]["content"]
    assert "Abschlag" in messages[1]["content"]
    assert "[1]" in messages[2]["content"]  # passages live in the task message
    assert "Abschlag" not in messages[0]["content"]


@respx.mock
async def test_bad_citation_and_invented_number_are_flagged(
    llm_settings: Settings, retriever: Retriever
) -> None:
    reply = "Sehr geehrte Frau [NAME_2],\n\nIhr neuer Abschlag beträgt 47,11 Euro [7].\n\nGrüße"
    respx.post(URL).mock(side_effect=streamed(reply))
    draft = done(
        await run(engine(llm_settings, retriever).draft(email("01-abschlag-erhoehen.eml")))
    )
    codes = {w.code for w in draft.warnings}
    assert {"bad_citation", "unsupported_claim"} <= codes
    assert draft.citations == []


@respx.mock
async def test_length_limit_gives_a_draft_marked_truncated(
    llm_settings: Settings, retriever: Retriever
) -> None:
    respx.post(URL).mock(side_effect=streamed("Sehr geehrte Frau [NAME_2], Ihr Abschlag", "length"))
    draft = done(
        await run(engine(llm_settings, retriever).draft(email("01-abschlag-erhoehen.eml")))
    )
    assert "truncated" in {w.code for w in draft.warnings}


@respx.mock
async def test_content_filter_fails_without_a_draft(
    llm_settings: Settings, retriever: Retriever
) -> None:
    respx.post(URL).mock(side_effect=streamed("Sehr geehrte", "content_filter"))
    events = await run(engine(llm_settings, retriever).draft(email("01-abschlag-erhoehen.eml")))
    assert isinstance(events[-1], Failed) and "content filter" in events[-1].message
    assert not any(isinstance(e, Done) for e in events)


@respx.mock
async def test_broken_stream_fails_and_never_yields_a_half_draft(
    llm_settings: Settings, retriever: Retriever
) -> None:
    content = b"".join(sse_events(["Sehr geehrte ", "Frau "], finish=None, done=False))
    respx.post(URL).mock(
        return_value=httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=content
        )
    )
    events = await run(engine(llm_settings, retriever).draft(email("01-abschlag-erhoehen.eml")))
    assert any(isinstance(e, Delta) for e in events)
    assert isinstance(events[-1], Failed) and events[-1].hint
    assert not any(isinstance(e, Done) for e in events)


@respx.mock
async def test_unknown_prompt_is_a_failed_event_naming_the_templates(
    llm_settings: Settings, retriever: Retriever
) -> None:
    events = await run(
        engine(llm_settings, retriever).draft(email("01-abschlag-erhoehen.eml"), prompt="nope")
    )
    assert isinstance(events[-1], Failed)
    assert "nope" in events[-1].message and "reply" in events[-1].hint


@respx.mock
async def test_rewrite_translates_and_checks_the_new_language(
    llm_settings: Settings, retriever: Retriever
) -> None:
    route = respx.post(URL).mock(
        side_effect=streamed(
            "Dear Ms [NAME_2],\n\nyou can change your instalment in the portal [1]."
        )
    )
    mail = email("01-abschlag-erhoehen.eml")
    current = "Sehr geehrte Frau Krüger,\n\nSie können den Abschlag im Portal ändern [1]."
    instruction = "auf Englisch, und sprich Frau Krüger direkt an"
    events = await run(engine(llm_settings, retriever).rewrite(mail, current, instruction))
    draft = done(events)
    assert draft.language == "en" and draft.prompt.name == "rewrite"
    assert "Dear Ms Krüger" in draft.body
    sent = json.loads(route.calls.last.request.content.decode())["messages"]
    assert all("Krüger" not in m["content"] for m in sent)  # draft and instruction redacted
    assert any("auf Englisch, und sprich Frau [NAME_" in m["content"] for m in sent)


async def test_rewrite_without_a_model_fails_honestly(
    settings: Settings, retriever: Retriever
) -> None:
    mail = email("01-abschlag-erhoehen.eml")
    events = await run(DraftingEngine(settings, retriever).rewrite(mail, "Hallo", "kürzer"))
    assert isinstance(events[-1], Failed) and "DRAFTER_LLM_MODEL" in events[-1].hint


@respx.mock
async def test_no_personal_value_reaches_the_model(
    llm_settings: Settings, retriever: Retriever
) -> None:
    """Privacy at the wire, for every sample email in examples/inbox/."""
    assert len(INBOX) >= 10
    route = respx.post(URL).mock(side_effect=streamed("Guten Tag [NAME_1], danke. [1]"))
    pseudonymizer = Pseudonymizer(llm_settings)
    the_engine = engine(llm_settings, retriever)
    checked = 0
    for path in INBOX:
        mail = parse_email(path.read_bytes())
        if mail.status != "ok" or not mail.body.strip():
            continue
        _, vault = pseudonymizer.redact_email(mail)
        before = route.call_count
        events = await run(the_engine.draft(mail))
        assert route.call_count == before + 1, (path.name, events[-1])
        sent = json.loads(route.calls.last.request.content)
        wire = "\n".join(m["content"] for m in sent["messages"])
        public = " ".join(p.text for e in events if isinstance(e, Retrieved) for p in e.passages)
        for entity in vault.entities:
            if entity.value in public:
                continue  # the company's own address in a KB article is not personal data
            assert entity.value not in wire, (path.name, entity.type, entity.value)
        checked += len(vault.entities)
    assert checked > 50  # the samples are full of names, numbers and addresses


async def test_emergency_draft_leads_with_the_hotline_and_warns(
    settings: Settings, retriever: Retriever
) -> None:
    draft = done(await run(DraftingEngine(settings, retriever).draft(email("27-gasgeruch.eml"))))
    assert "emergency" in {w.code for w in draft.warnings}
    paragraphs = [p for p in draft.body.split("\n\n") if p.strip()]
    assert "0431 5577-112" in paragraphs[1], "the hotline comes right after the greeting"
    numbers = [c.n for c in draft.citations]
    assert numbers == sorted(set(numbers)), "each source is listed once"
    calm = done(
        await run(DraftingEngine(settings, retriever).draft(email("01-abschlag-erhoehen.eml")))
    )
    assert "emergency" not in {w.code for w in calm.warnings}


@respx.mock
async def test_emergency_tells_the_model_to_lead_with_the_hotline(
    llm_settings: Settings, retriever: Retriever
) -> None:
    route = respx.post(URL).mock(side_effect=streamed("Sehr geehrte Damen und Herren, [1]"))
    done(await run(engine(llm_settings, retriever).draft(email("27-gasgeruch.eml"))))
    messages = json.loads(route.calls.last.request.content)["messages"]
    customer, instructions = messages[1]["content"], messages[2]["content"]
    assert "possible emergency (gas smell)" in instructions
    assert "possible emergency" not in customer


class RecordingRetriever:
    """The real retriever, keeping every query it was asked."""

    def __init__(self, inner: Retriever) -> None:
        self.inner = inner
        self.queries: list[str] = []

    def search(self, query: str, k: int, language: str | None = None) -> list[Any]:
        self.queries.append(query)
        return self.inner.search(query, k, language)

    def is_gap(self, passages: list[Any]) -> bool:
        return self.inner.is_gap(passages)

    def article(self, kb_id: str) -> dict[str, Any]:
        return self.inner.article(kb_id)


@respx.mock
async def test_both_writers_retrieve_with_one_query_from_the_redacted_email(
    settings: Settings, llm_settings: Settings, retriever: Retriever
) -> None:
    respx.post(URL).mock(side_effect=streamed(lambda r: f"{greeting_of(r)}\n\nDanke [1].\n"))
    mail = email("03-umzug-neue-adresse.eml")
    personal = ["KD-2209481", "Knooper Weg", "Elisabethstraße", "24103", "24143"]
    assert all(value in f"{mail.subject}\n{mail.body}" for value in personal)
    without_model = DraftingEngine(settings, RecordingRetriever(retriever))
    with_model = engine(llm_settings, RecordingRetriever(retriever))  # type: ignore[arg-type]
    assert done(await run(without_model.draft(mail))).mode == "extractive"
    assert done(await run(with_model.draft(mail))).mode == "llm"
    queries = [q for e in (without_model, with_model) for q in e.retriever.queries]  # type: ignore[attr-defined]
    assert len(queries) == 2 and queries[0] == queries[1]  # one query path for both writers
    assert not [value for value in personal if value in queries[0]]
    assert "[CUSTOMER_NO_1]" in queries[0] and "Zählernummern" in queries[0]


@respx.mock
async def test_a_noble_name_greeted_without_its_rank_is_a_placeholder_for_the_model(
    llm_settings: Settings, retriever: Retriever
) -> None:
    # greet9: the greeting leaves the rank out ("Herr von Alsen"), so the surname as greeted
    # must be a placeholder too; else it leaves in the prompt (or the guard blocks the draft)
    raw = (
        "From: Detlev Freiherr von Alsen <d.alsen@example.de>\nTo: service@example.de\n"
        "Subject: Abschlag\nMessage-ID: <noble-1@example.de>\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Guten Tag,\n\nich möchte meinen Abschlag auf 80 Euro erhöhen. Geht das?\n"
    ).encode()
    reply = lambda request: (  # noqa: E731
        f"{greeting_of(request)}\n\ngerne, das geht im Kundenportal [1].\n\n"
        "Mit freundlichen Grüßen\nIhr Kundenservice-Team\n"
    )
    route = respx.post(URL).mock(side_effect=streamed(reply))
    draft = done(await run(engine(llm_settings, retriever).draft(parse_email(raw))))
    asked = greeting_of(route.calls.last.request)
    assert asked.startswith("Sehr geehrter Herr [NAME_") and "Alsen" not in asked
    assert "Alsen" not in route.calls.last.request.content.decode()
    assert draft.body.startswith("Sehr geehrter Herr von Alsen,")


async def both_writers(
    settings: Settings, llm_settings: Settings, retriever: Retriever, raw: bytes, reply: str
) -> tuple[Draft, Draft, str, str]:
    """(template draft, model draft, the prompt's task, the greeting the prompt asked for) for
    `raw`, the mocked model answering the prompt's greeting line and `reply` (inside
    respx.mock)."""
    route = respx.post(URL).mock(side_effect=streamed(lambda r: f"{greeting_of(r)}\n\n{reply}"))
    template = done(await run(DraftingEngine(settings, retriever).draft(parse_email(raw))))
    model = done(await run(engine(llm_settings, retriever).draft(parse_email(raw))))
    request = route.calls.last.request
    task = json.loads(request.content)["messages"][-1]["content"]
    return template, model, task, greeting_of(request)


@respx.mock
async def test_a_du_imperative_sets_du_and_the_same_greeting_for_both_writers(
    settings: Settings, llm_settings: Settings, retriever: Retriever
) -> None:
    # greet12: "Sag mal, …" is a du signal; the template draft and the model's prompt take
    # the register and the greeting from the same place (drafter.drafting.salutation)
    raw = (
        "From: Hauke <hauke.t@example.de>\nTo: service@example.de\n"
        "Subject: Abschlag\nMessage-ID: <du-imperative-1@example.de>\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Moin!\n\nSag mal, wie kann ich meinen Abschlag auf 80 Euro erhöhen?\n\nHauke\n"
    ).encode()
    template, model, task, asked = await both_writers(
        settings, llm_settings, retriever, raw, "klar, das geht im Portal [1].\n"
    )
    assert asked.startswith("Hallo [NAME_")
    assert 'address them with "du"' in task
    assert template.body.startswith("Hallo Hauke,\n")
    assert model.body.startswith("Hallo Hauke,\n")


#: (mail headers and body, the greeting both writers must open with); greet13: one mail per
#: kind of evidence the greeting reads (title, Du, English Hi, a name only at the end of a
#: one-line mail, a name greeted earlier in the thread, a couple, a passport spelling)
SAME_GREETING = [
    (
        "From: Dr. Ilse Brandt <i.brandt@example.de>\n\nSehr geehrte Damen und Herren,\n\n"
        "wie hoch ist mein Abschlag?\n\nMit freundlichen Grüßen\nDr. Ilse Brandt\n",
        "Sehr geehrte Frau Dr. Brandt,",
    ),
    (
        "From: <surferbente@example-mail.de>\n\nmoin, kannst du mir die Rechnung per Mail "
        "schicken? danke dir!! bente\n",
        "Hallo Bente,",
    ),
    (
        "From: <rolandfitz@example.com>\n\nGood morning, what is the price per kWh of your "
        "standard tariff? Thank you. Roland Fitz\n",
        "Dear Mr Fitz,",
    ),
    (
        "From: Ellie-May Carrow <elliemay.carrow@example.com>\n\nheyy! can I pay the bill in "
        "instalments?? ellie-may\n",
        "Hi Ellie-May,",
    ),
    (
        "From: Agnieszka Kowalski <aga.kowalski@example.com>\n\nThanks. Where do I find my "
        "contract number?\n\n> Hi Aga,\n> we have changed your e-mail address.\n",
        "Hi Aga,",
    ),
    (
        "From: Nataliia Hordiienko <n.hordiienko@example.com>\n\nSehr geehrte Damen und Herren,"
        "\n\nwas bedeutet Grundpreis auf meiner Rechnung?\n\nMit freundlichen Grüßen\n"
        "Nataliia Hordiienko\n",
        "Sehr geehrte Frau Hordiienko,",
    ),
    (
        "From: Gül Öztürk <oeztuerk@example.de>\n\nSehr geehrte Damen und Herren,\n\nwir ziehen "
        "zum 1. März um. Was müssen wir tun?\n\nViele Grüße\nGül und Serkan Öztürk\n",
        "Sehr geehrte Frau Öztürk, sehr geehrter Herr Öztürk,",
    ),
    # greet14: the plural "ihr" said to the company, signed with a full name: Sie in both
    (
        "From: Henrike Sollmann <h.sollmann@example.de>\n\nGuten Morgen,\n\nihr habt meinen "
        "Zählerstand geschätzt. Wie hoch ist mein Abschlag?\n\nHenrike Sollmann\n",
        "Sehr geehrte Frau Sollmann,",
    ),
    (
        "From: Kai-Uwe Harbeck <kaiuwe.harbeck@example.net>\n\nBei euch blickt doch keiner "
        "mehr durch. Wie hoch ist mein Abschlag?\n\nK.-U. Harbeck\n",
        "Sehr geehrter Herr Harbeck,",
    ),
    # and signed with a first name alone: Du in both
    (
        "From: Jule Brandes <jule.brandes@example.de>\n\nHallo ihr,\n\nhabt ihr meinen "
        "Zählerstand bekommen? Wie hoch ist mein Abschlag?\n\nLG\nJule\n",
        "Hallo Jule,",
    ),
    # greet15: a court under the customer's text is no person; an English couple with "and"
    (
        "From: Petra Janssen <p.janssen@example.de>\n\nSehr geehrte Damen und Herren,\n\nwie "
        "hoch ist mein Abschlag? Das Verfahren läuft noch:\nLandgericht Lübeck\n",
        "Sehr geehrte Frau Janssen,",
    ),
    (
        "From: Gareth Pennington <g.pennington@example.com>\n\nDear Sir or Madam,\n\nwhat is "
        "my monthly payment?\n\nKind regards,\nGareth and Wendy Pennington\n",
        "Dear Ms Pennington and Mr Pennington,",
    ),
    # greet16: a family name given as an initial, written out in the sign-off; a name on its
    # address line; an environment line under the name that says "Sie"
    (
        "From: Greta S. <greta.s@example.de>\n\nGuten Tag,\n\nwie hoch ist mein Abschlag?\n\n"
        "Mit freundlichen Grüßen\nGreta Sollmann\n",
        "Sehr geehrte Frau Sollmann,",
    ),
    (
        "From: mausi1979 <mausi1979@example.de>\n\nGuten Tag,\n\nwie hoch ist mein Abschlag?"
        "\nUlla Sommer, Kolberger Str. 9, 24148 Kiel\n",
        "Sehr geehrte Frau Sommer,",
    ),
]


@pytest.mark.parametrize(("mail", "expected"), SAME_GREETING)
@respx.mock
async def test_the_template_draft_and_the_model_prompt_greet_alike(
    mail: str,
    expected: str,
    settings: Settings,
    llm_settings: Settings,
    retriever: Retriever,
) -> None:
    # greet13: both writers take the register and the greeting from drafter.drafting.salutation
    # (the prompt with the names as placeholders); a greeting or register decided in only one
    # of them fails here. The template draft may keep Sie for a Du customer on purpose (it
    # cannot convert every copied sentence): then it says so in its register_sie_kept warning
    head, _, body = mail.partition("\n\n")
    raw = (
        f"{head}\nTo: service@example.de\nSubject: Frage\nMessage-ID: <same-greeting@example.de>"
        f"\nContent-Type: text/plain; charset=utf-8\n\n{body}"
    ).encode()
    template, model, task, asked = await both_writers(
        settings, llm_settings, retriever, raw, "das geht im Portal [1].\n"
    )
    assert "[NAME_" in asked  # every line here names the customer: never in clear to the model
    assert model.body.splitlines()[0] == expected
    du_kept_sie = any(w.code == "register_sie_kept" for w in template.warnings)
    if not du_kept_sie:
        assert template.body.splitlines()[0] == expected
    du = expected.startswith("Hallo")
    assert ('address them with "du"' in task) is du
    assert ('formally with "Sie"' in task) is expected.startswith("Sehr geehrte")
    assert ("informal tone and their first name" in task) is expected.startswith("Hi ")
