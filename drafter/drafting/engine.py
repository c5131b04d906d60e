"""The drafting engine: one email in, a stream of events (Retrieved, Delta, Done | Failed) out.

One path per email, whichever writer writes the body:
bound the email -> language and register -> pseudonymize -> retrieve (one query, built from
the *redacted* email) -> `Retrieved` -> a writer (drafter.drafting.writers: the model, or the
extractive template draft) streams `Delta`s and its finished body -> checks -> `Done`
(drafter.drafting.assemble). A rewrite takes the same path with the model writer and the
agent's draft and instruction. The CLI and the TUI consume the same events. A failure yields
`Failed` (message + hint) and never a `Done` with a partial draft.

Why the retrieval query is built from the redacted email, for both writers and both
embedding backends: with `DRAFTER_EMBEDDING_BACKEND=openai` the query goes to a remote
endpoint, and one rule means no mode ever sends customer data there. Locally it costs
nothing measured: on the 71 answerable cases of eval/cases_sample.jsonl recall@5 is 1.000
from the raw and from the redacted email, recall@1 0.817 raw and 0.831 redacted (the
knowledge base holds no customer names, addresses or numbers to match). The extractive
writer ranks the articles' sentences against the same query.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING, Protocol

from drafter.config import Settings
from drafter.drafting.assemble import assemble_draft
from drafter.drafting.closeness import Embed
from drafter.drafting.contact import covers_emergency
from drafter.drafting.gap_verdict import MISSING, PARTIAL, decide
from drafter.drafting.kb_verdict import gap_signals, gap_warnings
from drafter.drafting.prompts import find_template
from drafter.drafting.question_verdict import mail_questions
from drafter.drafting.reason_examples import example_votes
from drafter.drafting.request import bounded_email, rewrite_target
from drafter.drafting.salutation import detect_register, formality_for
from drafter.drafting.writers import (
    TEMPLATE_DRAFT,
    ExtractiveWriter,
    Job,
    ModelWriter,
    Privacy,
    Writer,
    Written,
    shown_names,
)
from drafter.errors import DrafterError, LLMError
from drafter.language import detect_language
from drafter.models import Done, DraftEvent, DraftWarning, Failed, InboundEmail, Passage, Retrieved
from drafter.privacy.memos import redaction
from drafter.triage import urgency

if TYPE_CHECKING:  # the SDK (0.5 s of imports) loads with the first LLM call, not the desk
    from openai import AsyncOpenAI

__all__ = ["TEMPLATE_DRAFT", "DraftingEngine", "PassageSearch", "Privacy", "bounded_email"]


class PassageSearch(Protocol):
    """What the engine needs of the knowledge base (drafter.knowledge.retrieve.Retriever)."""

    def search(self, query: str, k: int, language: str | None = None) -> list[Passage]: ...

    def is_gap(self, passages: list[Passage]) -> bool: ...


class DraftingEngine:
    """Drafts and rewrites replies. One instance per process; safe for concurrent drafts."""

    def __init__(
        self,
        settings: Settings,
        retriever: PassageSearch,
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
            from drafter.drafting.llm import make_client

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

    # --- the one path --------------------------------------------------------------------

    def _local_embed(self) -> Embed | None:
        """The knowledge base's embedding model as texts -> vectors when it runs in this process
        (USE): a template draft then chooses its lead article by meaning too. None for a remote
        embedding endpoint (the mail's sentences must not leave the machine for this) or none."""
        from drafter.knowledge.embeddings import embed_texts, local_model  # loads lazily

        model = local_model(self.retriever)
        if model is None:
            return None
        return lambda texts: embed_texts(model, texts)

    async def _draft(
        self, email: InboundEmail, *, prompt: str | None, no_llm: bool
    ) -> AsyncIterator[DraftEvent]:
        total = time.perf_counter()
        timings: dict[str, float] = {}
        if email.status != "ok" or not email.body.strip():
            raise DrafterError(
                f"this email has no text to answer ({email.reason or email.status})",
                hint="open the original email and answer it by hand",
            )
        writer: Writer = ExtractiveWriter(self.settings, self._local_embed())
        if not no_llm and self.settings.llm_configured:
            writer = self._model(prompt or self.settings.prompt)
        email, cut = bounded_email(email, self.settings.max_body_chars)
        language = email.language or detect_language(email.body, self.settings.language_default)
        formality = detect_register(email, language, formality_for(self.settings, language))
        job = await self._prepare(email, language, formality, timings)
        yield Retrieved(passages=job.passages)
        warnings = [cut] if cut else []
        late: list[DraftWarning] = []  # after the knowledge-gap warnings (see _write)
        if job.urgent:
            late.append(
                DraftWarning(
                    code="emergency",
                    message=f"possible emergency ({job.urgent}): check that the reply points to "
                    "the emergency hotline first",
                )
            )
        async for event in self._write(writer, job, warnings, timings, total, late):
            yield event

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
        writer = self._model(prompt)
        email, cut = bounded_email(email, self.settings.max_body_chars)
        detected = email.language or detect_language(email.body, self.settings.language_default)
        language, formality = rewrite_target(
            instruction,
            detected,
            detect_register(email, detected, formality_for(self.settings, detected)),
        )
        job = await self._prepare(
            email,
            language,
            formality,
            timings,
            passages=passages,
            draft=(current_body, instruction),
        )
        job.gap = False  # the agent's draft is the answer now: no "ask for details" mode
        yield Retrieved(passages=job.passages)
        async for event in self._write(writer, job, [cut] if cut else [], timings, total):
            yield event

    def _model(self, prompt: str) -> ModelWriter:
        """The model writer for prompt template `prompt` (its errors come before any work)."""
        template = find_template(self.settings, prompt)
        return ModelWriter(self.settings, template, self.privacy, self.client)

    async def _prepare(
        self,
        email: InboundEmail,
        language: str,
        formality: str,
        timings: dict[str, float],
        *,
        passages: list[Passage] | None = None,
        draft: tuple[str, str] | None = None,
    ) -> Job:
        """Pseudonymize, then retrieve with the query from the redacted email (see above).

        `draft`: the agent's current draft and instruction (a rewrite); they may name people
        too, so they are redacted with the same vault.
        """
        started = time.perf_counter()
        rewrite: dict[str, str] = {}
        # one redaction: the privacy memos (keyed by this customer's words) serve the passes
        # below and are emptied when it ends (drafter.privacy.memos)
        with redaction():
            redacted, vault = self.privacy.redact_email(email)
            shown = shown_names(email, redacted)
            if shown:  # a name the greeting writes, left in clear by the recognizers: hide it
                for part in shown:
                    self.privacy.placeholder(vault, "NAME", part)
                redacted, vault = self.privacy.redact_email(email, vault)
            if draft is not None:
                body, instruction = draft
                copy = email.model_copy(
                    update={"body": body, "subject": instruction, "quoted": "", "signature": ""}
                )
                redacted_draft, vault = self.privacy.redact_email(copy, vault)
                rewrite = {
                    "current_draft": redacted_draft.body,
                    "instruction": redacted_draft.subject,
                }
        timings["pseudonymize"] = time.perf_counter() - started
        from drafter.knowledge.embeddings import word_encoder  # the knowledge stack loads lazily
        from drafter.knowledge.retrieve import build_query

        query = build_query(redacted.subject, redacted.body)
        gap = partial = False  # drafter.drafting.gap_verdict: missing / partial
        asked: list[str] = []  # requests the KB leaves open (drafter.drafting.question_verdict)
        articles: list[str] | None = None
        examples: list[tuple[str, float]] = []
        if passages is None:
            started = time.perf_counter()
            if self.settings.embedding_backend == "openai":
                # the query is embedded by an HTTP endpoint: it leaves the machine like a chat
                # request does, so the same last check applies (PrivacyError: nothing is sent)
                self.privacy.guard([query], vault)
            k = self.settings.retrieval_k
            passages = await asyncio.to_thread(self.retriever.search, query, k, language)
            retrieval_gap = bool(self.retriever.is_gap(passages)) if passages else True
            articles = self._article_texts(passages)
            verdict = await asyncio.to_thread(
                decide,
                redacted.subject,
                redacted.body,
                passages,
                articles,
                language,
                retrieval_gap,
                word_encoder(self.retriever),  # an article in the other language: translated
            )
            verdict, asked = await asyncio.to_thread(
                self._questions, redacted.body, language, verdict, passages, articles
            )
            gap, partial = verdict == MISSING, verdict == PARTIAL
            if gap and urgency(email) and covers_emergency(passages, articles, language):
                gap = False  # an emergency the KB has instructions for: answer, never hold
            timings["retrieve"] = time.perf_counter() - started
            examples = await asyncio.to_thread(
                example_votes,
                getattr(self.retriever, "embed_model", None),
                redacted.subject,
                redacted.body,
                self.settings.contact_reasons,
                cache_dir=self.settings.data_dir / "cache",
            )
        return Job(
            email=email,
            redacted=redacted,
            vault=vault,
            query=query,
            passages=passages,
            articles=self._article_texts(passages) if articles is None else articles,
            language=language,
            formality=formality,
            gap=gap,
            partial=partial,
            open_questions=asked,
            held=[self.privacy.restore(q, vault)[0] for q in asked],
            urgent=urgency(email),
            rewrite=rewrite,
            examples=examples,
        )

    async def _write(
        self,
        writer: Writer,
        job: Job,
        warnings: list[DraftWarning],
        timings: dict[str, float],
        total: float,
        late: Sequence[DraftWarning] = (),
    ) -> AsyncIterator[DraftEvent]:
        """Run the writer, then check its body and yield the Draft (the same for both).

        The knowledge-gap warnings combine the retrieval decision (`job.gap`) with the model's
        own verdict, when its template asks for one (drafter.drafting.kb_verdict)."""
        written: Written | None = None
        async for event in writer.write(job, timings):
            if isinstance(event, Written):
                written = event
            else:
                yield event
        if written is None:
            raise DrafterError("the writer stopped without a reply", hint="try again")
        draft = assemble_draft(
            self.settings,
            job.email,
            written.body,
            job.passages,
            language=job.language,
            mode=written.mode,
            template=written.template,
            model=written.model,
            warnings=[
                *written.warnings,
                *warnings,
                *gap_warnings(job.gap, written.verdict, job.partial, job.held),
                *late,
            ],
            finish_reason=written.finish_reason,
            problems=written.problems,
            reason=written.reason,
            citations=written.citations,
            known_text=written.known_text,
            articles=job.articles,
            examples=job.examples,
            order=written.order,
        )
        draft.usage = written.usage
        draft.gap_questions = list(job.open_questions)
        draft.kb_verdict = written.verdict
        draft.gap_signals = gap_signals(job.gap or bool(job.open_questions), written.verdict)
        draft.timings = {**timings, **draft.timings, "total": time.perf_counter() - total}
        yield Done(draft=draft)

    def _questions(
        self,
        body: str,
        language: str,
        verdict: str,
        passages: Sequence[Passage],
        articles: Sequence[str],
    ) -> tuple[str, list[str]]:
        """The mail's verdict and the requests the knowledge base leaves open
        (drafter.drafting.question_verdict), each request retrieved alone."""
        from drafter.knowledge.embeddings import word_encoder

        def search(text: str) -> tuple[Sequence[Passage], Sequence[str], bool]:
            found = self.retriever.search(text, self.settings.retrieval_k, language)
            return found, self._article_texts(found), bool(self.retriever.is_gap(found))

        mail = list(zip(passages, articles, strict=False))
        encode = word_encoder(self.retriever)
        return mail_questions(body, language, verdict, mail, search, encode)

    def _article_texts(self, passages: Sequence[Passage]) -> list[str]:
        """Full article text per passage when the retriever offers it (else the passage)."""
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
