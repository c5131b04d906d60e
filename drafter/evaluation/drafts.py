"""`drafter eval drafts` without the terminal: cases + knowledge base + options -> EvalRun.

Opens the user's ingested index (a KnowledgeBaseError saying "run `drafter kb ingest`" when
there is none) or, with `kb_paths`, builds a throwaway index; runs the cases; checks the run
against the thresholds file (by default `thresholds.toml` next to the cases file) for every
compared template.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

from drafter.config import Settings
from drafter.errors import EvalError
from drafter.evaluation.cache import DraftCache
from drafter.evaluation.datasets import load_cases
from drafter.evaluation.metrics import JUDGE_CRITERIA, aggregate
from drafter.evaluation.runner import EvalOptions, EvalRun, Progress, run_eval
from drafter.evaluation.thresholds import check, load_thresholds


def known_metrics() -> set[str]:
    return set(aggregate([])) | {f"judge_{c}" for c in JUDGE_CRITERIA}


def default_thresholds(cases_path: Path) -> Path | None:
    candidate = cases_path.parent / "thresholds.toml"
    return candidate if candidate.is_file() else None


def open_knowledge(settings: Settings, kb_paths: Sequence[Path]) -> AbstractContextManager[Any]:
    """The retriever to evaluate with: a throwaway index of kb_paths, or the user's index."""
    from drafter.evaluation.prefetch import PrefetchEmbedding
    from drafter.knowledge.embeddings import make_embedding
    from drafter.knowledge.retrieve import open_retriever, temporary_retriever

    model = PrefetchEmbedding(make_embedding(settings))
    if kb_paths:
        for path in kb_paths:
            if not path.exists():
                raise EvalError(
                    f"knowledge base {path} does not exist",
                    hint="pass a kb_*.jsonl file or a folder of articles with --kb",
                )
        return temporary_retriever(settings, list(kb_paths), embed_model=model)
    return nullcontext(open_retriever(settings, embed_model=model))


def evaluate_drafts(
    settings: Settings,
    cases_path: Path,
    options: EvalOptions,
    *,
    kb_paths: Sequence[Path] = (),
    use_cache: bool = True,
    thresholds: Path | None = None,
    check_thresholds: bool = True,
    progress: Progress | None = None,
    engine: Any = None,
    client: Any = None,
) -> EvalRun:
    """Run the evaluation and record threshold breaches on the returned EvalRun."""
    cases = load_cases(cases_path)
    if options.concurrency < 1:
        raise EvalError(
            f"--concurrency must be at least 1, not {options.concurrency}",
            hint="use e.g. --concurrency 4",
        )
    mode = "llm" if not options.no_llm and settings.llm_configured else "extractive"
    limits = []
    if check_thresholds:
        path = thresholds or default_thresholds(cases_path)
        if path is not None:
            limits = load_thresholds(path, mode, known_metrics())
    cache = DraftCache(settings.data_dir / "eval-cache", enabled=use_cache)
    with open_knowledge(settings, kb_paths) as retriever:
        run = asyncio.run(
            run_eval(
                settings,
                cases,
                retriever,
                options,
                cache,
                engine=engine,
                client=client,
                progress=progress,
            )
        )
    for prompt in run.prompts:
        label = prompt if len(run.prompts) > 1 else ""
        run.breaches += check(run.metrics(prompt), limits, label)
    return run
