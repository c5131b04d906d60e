"""The drafting engine: one email in, a stream of events (Retrieved, Delta, Done | Failed) out.

Pipeline per email: pseudonymize -> retrieve (query from the cleaned newest message) ->
render the prompt template -> stream the model (or build the extractive template draft) ->
restore placeholders -> deterministic checks -> Draft (the last two in drafting.assemble).
The CLI and the TUI consume the same events. A failure yields `Failed` (message + hint) and
never a `Done` with a partial draft.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Sequence
from typing import Any

from openai import AsyncOpenAI

from drafter.config import Settings
from drafter.drafting.assemble import assemble_draft
from drafter.drafting.extractive import closing, extractive_reply, greeting
from drafter.drafting.llm import make_client, stream_chat
from drafter.drafting.parts import (
    TEMPLATE_DRAFT,
    Privacy,
    Retriever,
    bounded_email,
    build_query,
    cited,
    formality_for,
    rewrite_target,
)
from drafter.drafting.prompts import PromptTemplate, find_template, render
from drafter.drafting.salutation import customer_names, detect_register, signoff_name
from drafter.drafting.stream import DisplayFilter, split_reason
from drafter.errors import DrafterError, LLMError
from drafter.language import detect_language
from drafter.models import (
    Delta,
    Done,
    DraftEvent,
    DraftWarning,
    Failed,
    InboundEmail,
    Passage,
    Retrieved,
)
from drafter.triage import urgency

_CLOSINGS = (("de", "sie"), ("de", "du"), ("en", "you"))

__all__ = ["TEMPLATE_DRAFT", "DraftingEngine", "Privacy", "Retriever"]


class DraftingEngine:
    """Drafts and rewrites replies. One instance per process; safe for concurrent drafts."""

    def __init__(
        self,
        settings: Settings,
        retriever: Retriever,
        client: AsyncOpenAI | None = None,
        *,
        privacy: Privacy | None = None,
    ) -> None:
        self.settings = settings
        self.retriever = retriever
        self._client = client
        self._privacy = privacy

    @property
    def privacy(self) -> Privacy:
        if self._privacy is None:
            from drafter.privacy.session import PrivacySession

            self._privacy = PrivacySession(self.settings)
        return self._privacy

    def client(self) -> AsyncOpenAI:
        if self._client is None:
            self._client = make_client(self.settings)
        return self._client

    # --- public API --------------------------------------------------------------------

    async def draft(
        self, email: InboundEmail, *, prompt: str | None = None, no_llm: bool = False
    ) -> AsyncIterator[DraftEvent]:
        """Draft a reply to `email`; yields Retrieved, Deltas, then Done or Failed."""
        try:
            async for event in self._draft(email, prompt=prompt, no_llm=no_llm):
                yield event
        except DrafterError as error:
            yield Failed(message=error.message, hint=error.hint)
        except Exception as error:  # a bug must not kill the desk; say so plainly
            yield Failed(
                message=f"drafting failed unexpectedly: {type(error).__name__}: {error}",
                hint="this is a bug in drafter; please report it with the email",
            )

    async def rewrite(
        self,
        email: InboundEmail,
        current_body: str,
        instruction: str,
        *,
        prompt: str = "rewrite",
        passages: list[Passage] | None = None,
    ) -> AsyncIterator[DraftEvent]:
        """Apply an agent instruction (shorter, friendlier, Sie/Du, translate) to a draft."""
        try:
            async for event in self._rewrite(email, current_body, instruction, prompt, passages):
                yield event
        except DrafterError as error:
            yield Failed(message=error.message, hint=error.hint)
        except Exception as error:
            yield Failed(
                message=f"rewriting failed unexpectedly: {type(error).__name__}: {error}",
                hint="this is a bug in drafter; please report it with the email",
            )

    # --- pipeline ----------------------------------------------------------------------

    def _check_email(self, email: InboundEmail) -> None:
        if email.status != "ok" or not email.body.strip():
            reason = email.reason or email.status
            raise DrafterError(
                f"this email has no text to answer ({reason})",
                hint="open the original email and answer it by hand",
            )

    async def _retrieve(
        self, redacted: InboundEmail, language: str
    ) -> tuple[list[Passage], bool, float]:
        started = time.perf_counter()
        query = build_query(redacted.subject, redacted.body)
        k = self.settings.retrieval_k
        passages = await asyncio.to_thread(self.retriever.search, query, k, language)
        gap = bool(self.retriever.is_gap(passages)) if passages else True
        return passages, gap, time.perf_counter() - started

    async def _draft(
        self, email: InboundEmail, *, prompt: str | None, no_llm: bool
    ) -> AsyncIterator[DraftEvent]:
        total = time.perf_counter()
        timings: dict[str, float] = {}
        self._check_email(email)
        email, cut = bounded_email(email, self.settings.max_body_chars)
        language = email.language or detect_language(email.body, self.settings.language_default)
        formality = detect_register(email, language, formality_for(self.settings, language))
        use_llm = not no_llm and self.settings.llm_configured
        template = find_template(self.settings, prompt or self.settings.prompt) if use_llm else None

        started = time.perf_counter()
        redacted, vault = self.privacy.redact_email(email)
        timings["pseudonymize"] = time.perf_counter() - started
        passages, gap, timings["retrieve"] = await self._retrieve(redacted, language)
        yield Retrieved(passages=passages)

        warnings: list[DraftWarning] = [cut] if cut else []
        if gap:
            warnings.append(
                DraftWarning(
                    code="kb_gap",
                    message="the knowledge base has no good match; the draft asks for details "
                    "instead of answering",
                )
            )
        urgent = urgency(email)
        if urgent:
            warnings.append(
                DraftWarning(
                    code="emergency",
                    message=f"possible emergency ({urgent}): check that the reply points to "
                    "the emergency hotline first",
                )
            )
        if template is None:
            started = time.perf_counter()
            texts = self._article_texts(passages)
            reply = extractive_reply(
                email,
                build_query(email.subject, email.body),
                passages,
                settings=self.settings,
                language=language,
                formality=formality,
                kb_gap=gap,
                texts=texts,
                urgent=bool(urgent),
            )
            body, citations = reply.body, reply.citations
            timings["generate"] = time.perf_counter() - started
            yield Delta(text=body)
            draft = assemble_draft(
                self.settings,
                email,
                body,
                passages,
                language=language,
                mode="extractive",
                template=None,
                model="",
                warnings=[TEMPLATE_DRAFT, *reply.warnings, *warnings],
                finish_reason="stop",
                problems=[],
                reason="",
                citations=citations,
                known_text=" ".join(texts),
                articles=texts,
            )
            draft.timings = {**timings, **draft.timings, "total": time.perf_counter() - total}
            yield Done(draft=draft)
            return

        started = time.perf_counter()
        variables = self._variables(
            email, redacted, vault, passages, language, formality, gap, urgent
        )
        messages = render(template, variables).messages()
        timings["render"] = time.perf_counter() - started
        async for event in self._generate(
            email, template, messages, vault, passages, language, warnings, timings, total
        ):
            yield event

    def _guard(
        self,
        messages: list[dict[str, str]],
        vault: Any,
        passages: Sequence[Passage],
        template: PromptTemplate,
    ) -> None:
        """The last check before a request leaves: raises PrivacyError, never sends silently.

        Public text (the retrieved articles, the template's own wording, the closing) is not
        the customer's: a name that is also a word of the template ("Will") does not block.
        """
        public = [text for p in passages for text in (p.text, p.title, p.url)]
        public += [section.source for section in template.sections.values()]
        public += [closing(self.settings, lang, form) for lang, form in _CLOSINGS]
        self.privacy.guard([m["content"] for m in messages], vault, public)

    async def _rewrite(
        self,
        email: InboundEmail,
        current_body: str,
        instruction: str,
        prompt: str,
        passages: list[Passage] | None,
    ) -> AsyncIterator[DraftEvent]:
        total = time.perf_counter()
        timings: dict[str, float] = {}
        if not self.settings.llm_configured:
            raise LLMError(
                "rewriting a draft needs a language model, and none is configured",
                hint="set DRAFTER_LLM_MODEL and DRAFTER_LLM_BASE_URL, or edit the draft by hand",
            )
        if not current_body.strip():
            raise DrafterError("there is no draft to rewrite", hint="generate a draft first")
        template = find_template(self.settings, prompt)
        email, cut = bounded_email(email, self.settings.max_body_chars)
        detected = email.language or detect_language(email.body, self.settings.language_default)
        language, formality = rewrite_target(
            instruction,
            detected,
            detect_register(email, detected, formality_for(self.settings, detected)),
        )
        started = time.perf_counter()
        redacted, vault = self.privacy.redact_email(email)
        # the agent's draft and free-text instruction may name people too: redact both
        draft_copy = email.model_copy(
            update={"body": current_body, "subject": instruction, "quoted": "", "signature": ""}
        )
        redacted_draft, vault = self.privacy.redact_email(draft_copy, vault)
        timings["pseudonymize"] = time.perf_counter() - started
        if passages is None:
            passages, _gap, timings["retrieve"] = await self._retrieve(redacted, language)
        yield Retrieved(passages=passages)
        started = time.perf_counter()
        variables = self._variables(
            email, redacted, vault, passages, language, formality, False, urgency(email)
        )
        variables.update(current_draft=redacted_draft.body, instruction=redacted_draft.subject)
        messages = render(template, variables).messages()
        timings["render"] = time.perf_counter() - started
        async for event in self._generate(
            email,
            template,
            messages,
            vault,
            passages,
            language,
            [cut] if cut else [],
            timings,
            total,
        ):
            yield event

    def _article_texts(self, passages: Sequence[Passage]) -> list[str]:
        """Full article text per passage when the retriever offers it (extractive drafts)."""
        article = getattr(self.retriever, "article", None)
        texts: list[str] = []
        for passage in passages:
            text = passage.text
            if article is not None:
                try:
                    found = article(passage.kb_id)
                    text = str(found.get("text") or text) if isinstance(found, dict) else text
                except DrafterError:
                    pass
            texts.append(text)
        return texts

    def _greeting(self, email: InboundEmail, vault: Any, language: str, formality: str) -> str:
        """The salutation drafter would use, with the name parts as placeholders."""
        line = greeting(email, language, formality).first_line
        parts: list[str] = []
        for name in customer_names(email):
            parts += [f"{name.first} {name.last}".strip(), name.last, name.first, name.family]
        signed = signoff_name(email.body, email.signature).split()
        parts += [w for w in signed if w.lower() not in ("und", "and", "&", "+")]
        for part in parts:
            if len(part) > 1 and part in line:
                line = line.replace(part, self.privacy.placeholder(vault, "NAME", part))
        return line

    def _variables(
        self,
        email: InboundEmail,
        redacted: InboundEmail,
        vault: Any,
        passages: Sequence[Passage],
        language: str,
        formality: str,
        gap: bool,
        urgent: str,
    ) -> dict[str, Any]:
        name = redacted.from_.name if redacted.from_.name != email.from_.name else ""
        return {
            "greeting": self._greeting(email, vault, language, formality),
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
                for n, p in enumerate(passages, start=1)
            ],
            "language": language,
            "formality": formality,
            "brand_name": self.settings.brand_name,
            "agent_name": self.settings.agent_name,
            "signature": closing(self.settings, language, formality),
            "instruction": "",
            "kb_gap": gap,
            "contact_reasons": list(self.settings.contact_reasons),
            "current_draft": "",
            "customer_name": name,
            "urgent": urgent,
        }

    async def _generate(
        self,
        email: InboundEmail,
        template: PromptTemplate,
        messages: list[dict[str, str]],
        vault: Any,
        passages: list[Passage],
        language: str,
        warnings: list[DraftWarning],
        timings: dict[str, float],
        total: float,
    ) -> AsyncIterator[DraftEvent]:
        self._guard(messages, vault, passages, template)
        client = self.client()
        model = self.settings.llm_model
        display = DisplayFilter(lambda placeholder: self.privacy.lookup(vault, placeholder))
        raw: list[str] = []
        finish: str | None = None
        usage: dict[str, int] = {}
        served = ""
        started = time.perf_counter()
        async for chunk in stream_chat(
            client,
            self.settings,
            messages=messages,
            model=model,
            temperature=template.temperature
            if template.temperature is not None
            else self.settings.llm_temperature,
            max_tokens=template.max_tokens or self.settings.llm_max_tokens,
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
        text, reason = split_reason("".join(raw))
        started = time.perf_counter()
        body, problems = self.privacy.restore(text, vault)
        timings["restore"] = time.perf_counter() - started
        draft = assemble_draft(
            self.settings,
            email,
            body,
            passages,
            language=language,
            mode="llm",
            template=template,
            model=served or self.settings.llm_model,
            warnings=warnings,
            finish_reason=finish,
            problems=problems,
            reason=reason,
            citations=cited(body, passages),
            articles=self._article_texts(passages),
        )
        draft.usage = usage
        draft.timings = {**timings, **draft.timings, "total": time.perf_counter() - total}
        yield Done(draft=draft)
