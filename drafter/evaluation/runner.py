"""The evaluation runner: every case through the drafting engine, under each prompt template.

`run_eval` drafts the cases with at most `concurrency` in flight (asyncio.Semaphore), one
template after the other, records what each request to the model (and to the embedding
model, the retrieval query) contained, stores every finished case in the cache at once
(resumable), optionally asks the rubric judge, and scores each case. The result, `EvalRun`,
knows its metrics per template and renders the `--json` object.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from drafter.config import Settings
from drafter.errors import EvalError
from drafter.evaluation.cache import DraftCache, Outcome, cache_key, code_fingerprint
from drafter.evaluation.capture import (
    RecordingRetriever,
    capturing,
    capturing_client,
    leaks,
    personal_values,
)
from drafter.evaluation.datasets import EvalCase, case_email
from drafter.evaluation.defects import find_defects
from drafter.evaluation.metrics import (
    CaseResult,
    aggregate,
    citation_precision,
    citations_valid,
    facts_found,
    reciprocal_rank,
    warning_rates,
)
from drafter.evaluation.similarity import SimilarityBatcher
from drafter.evaluation.thresholds import Breach
from drafter.language import detect_language
from drafter.models import Done, Failed, InboundEmail, Retrieved
from drafter.toolkit import recall_at_k

Progress = Callable[[int, int], None]
PREFETCH_FIRST = 8  # queries embedded before the first cases start
PREFETCH_CHUNK = 32  # then this many per embedding call, while earlier cases draft


@dataclass
class EvalOptions:
    prompts: list[str] = field(default_factory=list)  # template names; [] = settings.prompt
    no_llm: bool = False
    concurrency: int = 4
    judge: bool = False


@dataclass
class EvalRun:
    """Results of one evaluation: per template, the scored cases in case order."""

    mode: str
    prompts: list[str]
    results: dict[str, list[CaseResult]]
    engine_calls: int = 0
    cache_hits: int = 0
    breaches: list[Breach] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(next(iter(self.results.values()), []))

    def metrics(self, prompt: str | None = None) -> dict[str, float | None]:
        return aggregate(self.results[prompt or self.prompts[0]])

    def to_json(self) -> dict[str, Any]:
        first = self.prompts[0]
        data: dict[str, Any] = {
            "n": self.n,
            "mode": self.mode,
            "prompts": self.prompts,
            "metrics": self.metrics(first),
            "warning_rates": warning_rates(self.results[first]),
            "cases": [r.model_dump() for r in self.results[first]],
            "cache": {"hits": self.cache_hits, "engine_calls": self.engine_calls},
            "breaches": [
                {
                    "metric": b.metric,
                    "prompt": b.prompt,
                    "bound": b.bound,
                    "limit": b.limit,
                    "actual": b.actual,
                    "by": b.by,
                    "message": b.message(),
                }
                for b in self.breaches
            ],
        }
        if len(self.prompts) > 1:
            data["per_prompt"] = {
                prompt: {
                    "metrics": self.metrics(prompt),
                    "warning_rates": warning_rates(self.results[prompt]),
                    "cases": [r.model_dump() for r in self.results[prompt]],
                }
                for prompt in self.prompts
            }
        return data


def kb_fingerprint(retriever: Any) -> str:
    """What the retriever's index holds: article hashes, embedding model and chunking."""
    fingerprint = getattr(retriever, "fingerprint", None)
    if fingerprint is None:
        return "unknown"
    embedding, chunking, articles = fingerprint()
    return cache_key(embedding, chunking, articles)


def _template_id(settings: Settings, name: str, mode: str) -> list[str]:
    if mode == "extractive":
        return ["extractive", code_fingerprint()]
    from drafter.drafting.prompts import find_template
    from drafter.evaluation.cache import files_fingerprint

    template = find_template(settings, name)
    return [template.name, template.version, files_fingerprint([template.path])]


def score_case(
    case: EvalCase, prompt: str, outcome: Outcome, *, cached: bool = False
) -> CaseResult:
    """Per-case metrics from the case and what the engine produced (no model calls)."""
    result = CaseResult(
        case_id=case.case_id,
        prompt=prompt,
        language_expected=case.lang,
        gold=list(case.gold_kb_ids),
        error=outcome.error,
        latency_ms=round(outcome.latency_ms, 1),
        pii_leaks=len(outcome.pii_leak_types),
        pii_leak_types=sorted(set(outcome.pii_leak_types)),
        judge=dict(outcome.judge),
        cached=cached,
    )
    draft = outcome.draft
    if draft is None:
        result.fact_coverage = 0.0 if case.reference_facts else None
        result.recall_at_5 = recall_at_k([], case.gold_kb_ids, 5)
        result.reciprocal_rank = reciprocal_rank([], case.gold_kb_ids)
        return result
    retrieved = [p.kb_id for p in draft.passages]
    cited = [c.kb_id for c in draft.citations]
    coverage, missing = facts_found(draft.body, case.reference_facts)
    codes = [w.code for w in draft.warnings]
    result.body = draft.body
    result.mode = draft.mode
    result.prompt_version = draft.prompt.version
    result.model = draft.model
    result.retrieved = retrieved
    result.cited = cited
    result.recall_at_5 = recall_at_k(retrieved, case.gold_kb_ids, 5)
    result.reciprocal_rank = reciprocal_rank(retrieved, case.gold_kb_ids)
    result.language = detect_language(draft.body, case.lang)
    result.language_correct = result.language == case.lang
    result.citation_valid = citations_valid(draft.body, draft.citations, draft.passages)
    result.citation_gold = citation_precision(cited, case.gold_kb_ids)
    result.fact_coverage = coverage
    result.facts_missing = missing
    result.warnings = codes
    found = find_defects(draft.body, f"{case.subject}\n{case.message}", draft.language)
    result.defects = [d.kind for d in found]
    result.kb_gap = "kb_gap" in codes
    result.tokens_prompt = int(draft.usage.get("prompt_tokens", 0))
    result.tokens_completion = int(draft.usage.get("completion_tokens", 0))
    return result


class Runner:
    """Drafts cases with one engine; counts engine calls and cache hits."""

    def __init__(
        self,
        settings: Settings,
        retriever: Any,
        cache: DraftCache,
        options: EvalOptions,
        *,
        engine: Any = None,
        client: Any = None,
    ) -> None:
        self.settings = settings
        self.options = options
        self.cache = cache
        self.mode = "llm" if not options.no_llm and settings.llm_configured else "extractive"
        if options.judge and not settings.llm_configured:
            raise EvalError(
                "--judge needs a language model, and none is configured",
                hint="set DRAFTER_LLM_MODEL and DRAFTER_LLM_BASE_URL, or drop --judge",
            )
        self.client = None
        if self.mode == "llm" or options.judge:
            from drafter.drafting.llm import make_client

            self.client = capturing_client(client or make_client(settings))
        if engine is None:
            from drafter.drafting.engine import DraftingEngine

            engine = DraftingEngine(settings, RecordingRetriever(retriever), client=self.client)
        self.engine = engine
        self.retriever = retriever
        self.kb = kb_fingerprint(retriever)
        self.engine_calls = 0
        self.judge_calls = 0
        self._prefetch_task: asyncio.Future[None] | None = None

    def _key(self, case: EvalCase, template: list[str]) -> str:
        model = self.settings.llm_model if self.mode == "llm" else ""
        return cache_key(
            case.fingerprint(), template, model, self.kb, self.mode, self.settings.retrieval_k
        )

    def start_prefetch(
        self, cases: Sequence[EvalCase], template: list[str]
    ) -> dict[str, asyncio.Event]:
        """Embed the retrieval queries of the cases still to draft, chunk by chunk, in a thread.

        Returns a gate per case that opens once its chunk is embedded (or failed: the engine
        then embeds the query itself), so drafting starts after the first small chunk.
        """
        model = getattr(self.retriever, "embed_model", None)
        if model is None or not hasattr(model, "prefetch"):
            return {}
        todo = [case for case in cases if not self.cache.has(self._key(case, template))]
        gates = {case.case_id: asyncio.Event() for case in todo}
        chunks, start, size = [], 0, PREFETCH_FIRST
        while start < len(todo):
            chunks.append(todo[start : start + size])
            start, size = start + size, PREFETCH_CHUNK

        async def work() -> None:
            for chunk in chunks:
                try:
                    await asyncio.to_thread(model.prefetch, self.settings, chunk)
                except Exception:  # only an optimisation: the engine embeds the query itself
                    pass
                finally:
                    for case in chunk:
                        gates[case.case_id].set()

        self._prefetch_task = asyncio.ensure_future(work())
        return gates

    async def _draft(self, case: EvalCase, email: InboundEmail, prompt: str) -> Outcome:
        self.engine_calls += 1
        outcome = Outcome()
        public: list[str] = [self.settings.brand_name, self.settings.mail_from]
        started = time.perf_counter()
        with capturing() as requests:
            async for event in self.engine.draft(
                email, prompt=prompt, no_llm=self.mode == "extractive"
            ):
                if isinstance(event, Retrieved):
                    public += [p.text for p in event.passages]
                elif isinstance(event, Done):
                    outcome.draft = event.draft
                elif isinstance(event, Failed):
                    outcome.error = event.message
        outcome.latency_ms = (time.perf_counter() - started) * 1000.0
        values = personal_values(self.settings, email)
        listed = [("LISTED", value) for value in case.must_not_reach_model]
        if listed and outcome.draft is not None and outcome.draft.mode == "llm":
            # the rewrite path sends the restored draft again: it must hide the same values
            with capturing() as rewrite_requests:
                async for event in self.engine.rewrite(
                    email, outcome.draft.body, "kürzer" if case.lang == "de" else "shorter"
                ):
                    if isinstance(event, Failed) and not outcome.error:
                        outcome.error = f"rewrite: {event.message}"
            requests = [*requests, *rewrite_requests]
        outcome.pii_leak_types = leaks([*values, *listed], requests, public)
        return outcome

    async def _judge(self, case: EvalCase, email: InboundEmail, outcome: Outcome) -> None:
        from drafter.evaluation.judge import judge_draft

        if outcome.draft is None or not case.reference_answer:
            return
        self.judge_calls += 1
        outcome.judge = await judge_draft(
            self.client, self.settings, case, email, outcome.draft.body
        )

    async def case(self, case: EvalCase, prompt: str, template: list[str]) -> CaseResult:
        key = self._key(case, template)
        cached = self.cache.get(key)
        email = case_email(case, self.settings.language_default)
        outcome = cached or await self._draft(case, email, prompt)
        changed = cached is None
        if self.options.judge and not outcome.judge:
            await self._judge(case, email, outcome)
            changed = True
        if changed and outcome.draft is not None:
            self.cache.put(key, outcome)  # failures are not cached: a re-run tries again
        return score_case(case, prompt, outcome, cached=cached is not None)


async def run_eval(
    settings: Settings,
    cases: Sequence[EvalCase],
    retriever: Any,
    options: EvalOptions,
    cache: DraftCache,
    *,
    engine: Any = None,
    client: Any = None,
    progress: Progress | None = None,
) -> EvalRun:
    """Draft and score every case under every template (templates one after the other)."""
    runner = Runner(settings, retriever, cache, options, engine=engine, client=client)
    prompts = options.prompts or [settings.prompt]
    templates = {p: _template_id(settings, p, runner.mode) for p in prompts}
    semaphore = asyncio.Semaphore(max(1, options.concurrency))
    total = len(cases) * len(prompts)
    done = 0
    results: dict[str, list[CaseResult]] = {}
    similarities = SimilarityBatcher(settings, retriever, cases, cache)

    async def one(case: EvalCase, prompt: str, gates: dict[str, asyncio.Event]) -> CaseResult:
        nonlocal done
        gate = gates.get(case.case_id)
        if gate is not None:
            await gate.wait()
        async with semaphore:
            result = await runner.case(case, prompt, templates[prompt])
        similarities.add(result)
        done += 1
        if progress is not None:
            progress(done, total)
        return result

    for prompt in prompts:
        gates = runner.start_prefetch(cases, templates[prompt])
        results[prompt] = list(await asyncio.gather(*(one(c, prompt, gates) for c in cases)))
    await similarities.finish()
    return EvalRun(
        mode=runner.mode,
        prompts=prompts,
        results=results,
        engine_calls=runner.engine_calls,
        cache_hits=cache.hits,
    )
