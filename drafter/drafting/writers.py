"""The two writers of a reply body behind one interface: the model and the extractive draft.

The engine (drafter.drafting.engine) takes every email along one path -- bound it, detect
language and register, pseudonymize, retrieve with one query -- and hands the result to a
`Writer` as a `Job`. A writer streams `Delta`s and ends with one `Written`: the final body
and what the checks need to know about it. The engine turns that into the Draft
(drafter.drafting.assemble), whichever writer wrote it.

- `ExtractiveWriter`: the honest no-LLM draft (drafter.drafting.extractive), local only.
- `ModelWriter`: renders a prompt template from the *redacted* email, guards the request
  (drafter.privacy), streams the model (drafter.drafting.llm) and restores the placeholders.
"""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from drafter.config import Settings
from drafter.drafting.assemble import with_open_questions
from drafter.drafting.checks import citation_numbers
from drafter.drafting.closeness import Embed
from drafter.drafting.closing import closing
from drafter.drafting.extractive import extractive_reply
from drafter.drafting.kb_verdict import accept_verdict
from drafter.drafting.name_net import sender_name_parts
from drafter.drafting.name_net import shown_names as shown_names  # the engine's import
from drafter.drafting.prompts import PromptTemplate, render_prompt
from drafter.drafting.salutation import greeting
from drafter.drafting.stream import DisplayFilter, split_trailer
from drafter.drafting.tidy import tidy
from drafter.errors import LLMError
from drafter.models import Citation, Delta, DraftWarning, InboundEmail, Passage

if TYPE_CHECKING:  # the SDK (0.5 s of imports) loads with the first LLM call, not the desk
    from openai import AsyncOpenAI

TEMPLATE_DRAFT = DraftWarning(
    code="template_draft",
    # shown after its kind ("template_draft: …", "Vorlagenentwurf: …"): says each thing once
    message="no language model; sentences copied verbatim from the articles: read and adapt "
    "before sending",
)

_CLOSINGS = (("de", "sie"), ("de", "du"), ("en", "you"))


class Privacy(Protocol):
    """Reversible pseudonymization (drafter.privacy.PrivacySession), as drafting uses it."""

    def redact_email(self, email: InboundEmail, vault: Any = None) -> tuple[InboundEmail, Any]: ...

    def restore(self, text: str, vault: Any) -> tuple[str, list[str]]: ...

    def lookup(self, vault: Any, placeholder: str) -> str | None: ...

    def placeholder(self, vault: Any, entity_type: str, value: str) -> str: ...

    def guard(self, texts: Iterable[str], vault: Any, public: Iterable[str] = ()) -> None: ...


@dataclass
class Job:
    """One email, prepared by the engine for a writer."""

    email: InboundEmail  # the (bounded) original: the customer's own words, never sent
    redacted: InboundEmail  # pseudonymized: the only form that may leave the machine
    vault: Any
    query: str  # the retrieval query, built from `redacted` (drafter.knowledge build_query)
    passages: list[Passage]
    articles: list[str]  # full article text per passage (the passage text if unknown)
    language: str
    formality: str
    gap: bool
    urgent: str
    rewrite: dict[str, str] = field(default_factory=dict)  # current_draft, instruction
    examples: list[tuple[str, float]] = field(default_factory=list)  # contact-reason votes
    partial: bool = False  # the best article may answer only part (drafter.drafting.gap_verdict)
    # requests the knowledge base leaves open (drafter.drafting.question_verdict): as the
    # pseudonymised mail asks them (the report's gap list), and restored (the draft, the warning)
    open_questions: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)


@dataclass
class Written:
    """A writer's finished body and what the checks and the Draft need to know about it."""

    body: str
    mode: str  # "llm" | "extractive"
    citations: list[Citation]
    warnings: list[DraftWarning] = field(default_factory=list)
    template: PromptTemplate | None = None
    model: str = ""
    finish_reason: str | None = "stop"
    problems: list[str] = field(default_factory=list)  # placeholders that did not restore
    reason: str = ""  # the contact reason the model stated
    verdict: str = ""  # the model's `#kb:` verdict on the passages ('' = none given)
    known_text: str = ""  # text drafter itself put in (checks accept its facts)
    usage: dict[str, int] = field(default_factory=dict)
    # the order the draft lists the passages in (indices; [] = as retrieved): a template draft
    # numbers its sources by first citation, so [n] is the n-th passage of that order
    order: list[int] = field(default_factory=list)


class Writer(Protocol):
    """Writes one reply body: `Delta`s while writing, then exactly one `Written`."""

    def write(self, job: Job, timings: dict[str, float]) -> AsyncIterator[Delta | Written]: ...


def _as_greeted(body: str, line: str) -> str:
    """`body` opening with drafter's greeting `line` as drafter writes it: a placeholder
    restores the name as the mail first spelt it ("Hi ellie-may," from a lowercase sign-off,
    "Hi Ellie-May," in the template draft)."""
    first, newline, rest = body.partition("\n")
    if first.strip() != line and first.strip().casefold() == line.casefold():
        return line + newline + rest
    return body


def cited(body: str, passages: Sequence[Passage]) -> list[Citation]:
    """The passages a body cites with [n] markers, in order, each once."""
    numbers = sorted({n for n in citation_numbers(body) if 1 <= n <= len(passages)})
    return [
        Citation(
            n=n, kb_id=passages[n - 1].kb_id, title=passages[n - 1].title, url=passages[n - 1].url
        )
        for n in numbers
    ]


class ExtractiveWriter:
    """The template draft: sentences of the retrieved articles, no model."""

    def __init__(self, settings: Settings, embed: Embed | None = None) -> None:
        self.settings = settings
        self.embed = embed  # a local embedding model (drafter.drafting.closeness), or None

    async def write(self, job: Job, timings: dict[str, float]) -> AsyncIterator[Delta | Written]:
        started = time.perf_counter()
        reply = extractive_reply(
            job.email,
            job.query,
            job.passages,
            settings=self.settings,
            language=job.language,
            formality=job.formality,
            kb_gap=job.gap,
            texts=job.articles,
            urgent=bool(job.urgent),
            embed=self.embed,
        )
        tidied = tidy(
            reply.body,
            f"{job.email.subject}\n{job.email.body}\n{job.email.signature}",
            job.language,
            [job.articles[i] for i in reply.order if i < len(job.articles)],
            reply.citations,
            reply.order,
        )
        # the requests the KB leaves open: one holding line before the closing
        body, line = with_open_questions(
            self.settings, tidied.body, job.language, job.formality, job.held
        )
        timings["generate"] = time.perf_counter() - started
        yield Delta(text=body)
        yield Written(
            body=body,
            mode="extractive",
            citations=tidied.citations,
            warnings=[TEMPLATE_DRAFT, *reply.warnings],
            known_text=" ".join([*job.articles, line]),
            order=tidied.order,
        )


class ModelWriter:
    """The model's reply to the redacted email, streamed and restored."""

    def __init__(
        self,
        settings: Settings,
        template: PromptTemplate,
        privacy: Privacy,
        client: Callable[[], AsyncOpenAI],
    ) -> None:
        self.settings = settings
        self.template = template
        self.privacy = privacy
        self.client = client

    async def write(self, job: Job, timings: dict[str, float]) -> AsyncIterator[Delta | Written]:
        started = time.perf_counter()
        messages = self.messages(job)
        timings["render"] = time.perf_counter() - started
        self._guard(messages, job.vault, job.passages)
        display = DisplayFilter(lambda placeholder: self.privacy.lookup(job.vault, placeholder))
        raw: list[str] = []
        finish: str | None = None
        usage: dict[str, int] = {}
        served = ""
        started = time.perf_counter()
        from drafter.drafting.llm import stream_chat

        async for chunk in stream_chat(
            self.client(),
            self.settings,
            messages=messages,
            model=self.settings.llm_model,
            temperature=self.template.temperature
            if self.template.temperature is not None
            else self.settings.llm_temperature,
            max_tokens=self.template.max_tokens or self.settings.llm_max_tokens,
        ):
            if chunk.text:
                if not raw:
                    timings["first_token"] = time.perf_counter() - started
                raw.append(chunk.text)
                shown = display.feed(chunk.text)
                if shown:
                    yield Delta(text=shown)
            if chunk.finish_reason:
                finish, usage, served = chunk.finish_reason, chunk.usage, chunk.model
        rest = display.flush()
        if rest:
            yield Delta(text=rest)
        timings["generate"] = time.perf_counter() - started
        if finish == "content_filter":
            raise LLMError(
                "the model's content filter stopped the reply",
                hint="write this reply by hand, or try again with --no-llm for a template draft",
            )
        trailer = split_trailer("".join(raw))
        # what the model read that someone outside could have written: the email, the passages
        untrusted = "\n".join([job.redacted.subject, job.redacted.body, *job.articles])
        started = time.perf_counter()
        body, problems = self.privacy.restore(trailer.body, job.vault)
        body = _as_greeted(body, greeting(job.email, job.language, job.formality).first_line)
        timings["restore"] = time.perf_counter() - started
        yield Written(
            body=body,
            mode="llm",
            citations=cited(body, job.passages),
            template=self.template,
            model=served or self.settings.llm_model,
            finish_reason=finish,
            problems=problems,
            reason=trailer.reason,
            verdict=accept_verdict(trailer.verdict, untrusted),
            usage=usage,
        )

    def messages(self, job: Job) -> list[dict[str, str]]:
        """The chat messages for `job`: all the model will see (before the guard checks it)."""
        variables = {**self._variables(job), **job.rewrite}
        return render_prompt(self.template, variables).messages()

    def _guard(
        self, messages: list[dict[str, str]], vault: Any, passages: Sequence[Passage]
    ) -> None:
        """The last check before a request leaves: raises PrivacyError, never sends silently.

        Public text (the retrieved articles, the template's own wording, the closing) is not
        the customer's: a name that is also a word of the template ("Will") does not block.
        """
        public = [text for p in passages for text in (p.text, p.title, p.url)]
        public += [section.source for section in self.template.sections.values()]
        public += [closing(self.settings, lang, form) for lang, form in _CLOSINGS]
        self.privacy.guard([m["content"] for m in messages], vault, public)

    def _greeting(self, job: Job) -> str:
        """The salutation drafter would use, with the name parts as placeholders."""
        email = job.email
        line = greeting(email, job.language, job.formality).first_line
        for part in sorted(sender_name_parts(email), key=len, reverse=True):
            pattern = rf"(?<!\w){re.escape(part)}(?!\w)"
            if re.search(pattern, line):  # a whole word: not "Ute" inside another word
                placeholder = self.privacy.placeholder(job.vault, "NAME", part)
                line = re.sub(pattern, placeholder, line)
        return line

    def _variables(self, job: Job) -> dict[str, Any]:
        email, redacted = job.email, job.redacted
        name = redacted.from_.name if redacted.from_.name != email.from_.name else ""
        return {
            "greeting": self._greeting(job),
            "customer_message": redacted.body,
            "subject": redacted.subject,
            "passages": [
                {
                    "n": n,
                    "kb_id": p.kb_id,
                    "title": p.title,
                    "url": p.url,
                    "text": p.text,
                    "contact_reason": p.contact_reason,
                }
                for n, p in enumerate(job.passages, start=1)
            ],
            "language": job.language,
            "formality": job.formality,
            "brand_name": self.settings.brand_name,
            "agent_name": self.settings.agent_name,
            "signature": closing(self.settings, job.language, job.formality),
            "instruction": "",
            "kb_gap": job.gap,
            "contact_reasons": list(self.settings.contact_reasons),
            "current_draft": "",
            "customer_name": name,
            "urgent": job.urgent,
        }
