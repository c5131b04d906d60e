"""`drafter eval`: score draft quality (`eval drafts`) and retrieval (`eval retrieval`).

Owns the command-line options and the terminal/JSON output; the measuring itself lives in
drafter.evaluation (drafts) and drafter.knowledge.evaluation (retrieval).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from drafter.cli.main import settings_of
from drafter.cli.output import OUT_FILE, json_option, progress_bar, write_report
from drafter.config import Settings
from drafter.i18n import t


@click.group("eval")
def eval_group() -> None:
    """Measure retrieval and draft quality."""


_F = TypeVar("_F", bound=Callable[..., Any])


def _cases_option(help_text: str) -> Callable[[_F], _F]:
    return click.option(
        "--cases", "cases_path", required=True, type=click.Path(path_type=Path), help=help_text
    )


def _kb_option(help_text: str, *, required: bool = False) -> Callable[[_F], _F]:
    return click.option(
        "--kb",
        "kb_paths",
        multiple=True,
        required=required,
        type=click.Path(path_type=Path),
        help=help_text,
    )


# --- eval drafts (the quality loop: drafter/evaluation) ------------------------------------


@eval_group.command("drafts")
@_cases_option("Golden set (cases_*.jsonl; a case may point at an .eml file).")
@_kb_option(
    "Evaluate against a throwaway index of this kb_*.jsonl or folder (default: the ingested index)."
)
@click.option(
    "--prompt",
    "prompts",
    multiple=True,
    help="Template to draft with; repeat to compare templates side by side (needs a model).",
)
@click.option("--no-llm", is_flag=True, help="Template drafts without a language model.")
@click.option(
    "--concurrency", default=4, show_default=True, type=int, help="Cases drafted at the same time."
)
@json_option
@click.option(
    "--report",
    "report_path",
    type=OUT_FILE,
    help="Also write a Markdown report (with per-case diffs when comparing).",
)
@click.option("--judge", is_flag=True, help="Let the model grade each draft (1-5 rubric).")
@click.option(
    "--thresholds",
    "thresholds_path",
    type=click.Path(path_type=Path),
    help="Thresholds file (default: thresholds.toml next to the cases file).",
)
@click.option("--no-thresholds", is_flag=True, help="Do not check thresholds.")
@click.option("--no-cache", is_flag=True, help="Draft every case again (refreshes the cache).")
@click.pass_context
def eval_drafts(
    ctx: click.Context,
    cases_path: Path,
    kb_paths: tuple[Path, ...],
    prompts: tuple[str, ...],
    no_llm: bool,
    concurrency: int,
    as_json: bool,
    report_path: Path | None,
    judge: bool,
    thresholds_path: Path | None,
    no_thresholds: bool,
    no_cache: bool,
) -> None:
    """Draft every golden case and score the drafts; exit 1 when a threshold is breached.

    Scores: retrieval recall@5 and MRR, reply language, citation validity, reference facts
    covered, semantic similarity to the reference reply, warning rates, personal data sent to
    the model (must be 0), latency and tokens. Drafts are cached in the data dir, so a re-run
    with nothing changed calls no model.
    """
    from rich.console import Console

    from drafter.evaluation.drafts import evaluate_drafts
    from drafter.evaluation.report import cases_table, changed_table, markdown_report, metrics_table
    from drafter.evaluation.runner import EvalOptions

    settings = settings_of(ctx)
    same = _check_prompts(settings, prompts, no_llm)
    options = EvalOptions(list(dict.fromkeys(prompts)), no_llm, concurrency, judge)
    with progress_bar("eval") as update:
        run = evaluate_drafts(
            settings,
            cases_path,
            options,
            kb_paths=kb_paths,
            use_cache=not no_cache,
            thresholds=thresholds_path,
            check_thresholds=not no_thresholds,
            progress=lambda done, total: update("drafting", done, total),
        )
    if report_path is not None:
        write_report(report_path, markdown_report(run), "--report", what=t("eval.what.report"))
    if as_json:
        click.echo(json.dumps(run.to_json(), ensure_ascii=False, indent=2))
    else:
        out = Console()
        out.print(metrics_table(run))
        changed = changed_table(run)
        if changed is not None:
            out.print(changed)
        out.print(cases_table(run.results[run.prompts[0]], limit=10))
        out.print(t("eval.cached", drafted=run.engine_calls, cached=run.cache_hits))
    err = Console(stderr=True)
    if same:
        err.print(same, markup=False, highlight=False)
    for breach in run.breaches:
        err.print(t("eval.breached", message=breach.message()), markup=False, highlight=False)
    if run.breaches:
        sys.exit(1)


def _check_prompts(settings: Settings, prompts: tuple[str, ...], no_llm: bool) -> str:
    """Every --prompt must name a template. Returns a note when templates are compared without
    a model: a template draft does not use the prompt, so their figures are the same."""
    from drafter.drafting.prompts import find_template

    for name in dict.fromkeys(prompts):
        find_template(settings, name)
    if len(set(prompts)) > 1 and (no_llm or not settings.llm_configured):
        why = "--no-llm" if no_llm else t("eval.no_model")
        return t("eval.same_prompts", why=why)
    return ""


# --- eval retrieval (drafter/knowledge/evaluation.py) --------------------------------------


@eval_group.command("retrieval")
@_kb_option(
    "Knowledge base to index in a throwaway folder (kb_*.jsonl or a folder); repeatable.",
    required=True,
)
@_cases_option("Cases file (cases_*.jsonl with gold_kb_ids).")
@click.option("--k", "k", default=5, show_default=True, type=click.IntRange(1, 100))
@click.option(
    "--mode",
    type=click.Choice(["hybrid", "bm25", "dense"]),
    default="hybrid",
    show_default=True,
    help="Retrieval mode to measure (the product uses hybrid).",
)
@click.option("--json", "as_json", is_flag=True, help="Print exactly one JSON object.")
@click.pass_context
def eval_retrieval(
    ctx: click.Context,
    kb_paths: tuple[Path, ...],
    cases_path: Path,
    k: int,
    mode: str,
    as_json: bool,
) -> None:
    """Recall@1, recall@5, MRR and p95 latency of retrieval on golden cases.

    The knowledge base is indexed in a temporary folder; your own index is never touched.
    Latency covers the whole query path, query embedding included.
    """
    from drafter.errors import EvalError
    from drafter.knowledge.evaluation import evaluate_retrieval, load_retrieval_cases
    from drafter.knowledge.retrieve import temporary_retriever

    settings = settings_of(ctx)
    for path in kb_paths:
        if not path.exists():
            raise EvalError(t("eval.no_kb", path=path), hint=t("eval.no_kb.hint"), localized=True)
    cases = load_retrieval_cases(cases_path)
    with (
        progress_bar("eval") as update,
        temporary_retriever(settings, list(kb_paths), progress=update) as retriever,
    ):
        result = evaluate_retrieval(
            retriever,
            cases,
            k=k,
            mode=mode,  # type: ignore[arg-type]
            progress=lambda done, total: update("queries", done, total),
        )
    if as_json:
        click.echo(json.dumps(result))
        return
    for key, value in result.items():
        click.echo(f"{key:>10}  {value}")
