"""Presenting an EvalRun: rich tables for the terminal and a Markdown report file.

With several templates, the tables put them side by side with deltas against the first one
(the baseline), list the cases whose drafts changed most, and the Markdown report carries a
unified diff (difflib) of every changed draft.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from rich.table import Table

from drafter.evaluation.metrics import CaseResult, problem_warnings, warning_rates
from drafter.evaluation.runner import EvalRun

COUNTS = {"pii_leaks", "defects"}
MILLIS = {"p50_ms", "p95_ms"}
TOKENS = {"tokens_prompt", "tokens_completion"}
SCORES = {"semantic_similarity", "mrr"}


def _decimals(metric: str) -> int | None:
    """Decimals a metric is shown with, or None for a rate (shown in percent)."""
    if metric in COUNTS or metric in MILLIS or metric in TOKENS:
        return 0
    if metric.startswith("judge_"):
        return 2
    if metric in SCORES:
        return 3
    return None


def fmt(metric: str, value: float | None) -> str:
    """A metric for people: rates as percent, times in ms, counts as integers."""
    if value is None:
        return "-"
    decimals = _decimals(metric)
    return f"{value * 100:.1f}%" if decimals is None else f"{value:.{decimals}f}"


def fmt_delta(metric: str, base: float | None, value: float | None) -> str:
    """The change from `base` to `value` in the metric's unit (rates in percentage points)."""
    if base is None or value is None:
        return ""
    delta = value - base
    if abs(delta) < 1e-9:
        return "±0"
    decimals = _decimals(metric)
    return f"{delta * 100:+.1f} pp" if decimals is None else f"{delta:+.{decimals}f}"


@dataclass(frozen=True)
class Change:
    case_id: str
    text_change: float  # 1 - difflib ratio between the two drafts
    facts_delta: float | None
    similarity_delta: float | None
    base: CaseResult
    other: CaseResult


def _delta(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else b - a


def changes(run: EvalRun, base: str, other: str) -> list[Change]:
    """Per case, how much `other`'s draft differs from `base`'s, most changed first."""
    found: list[Change] = []
    for a, b in zip(run.results[base], run.results[other], strict=True):
        ratio = difflib.SequenceMatcher(None, a.body, b.body, autojunk=False).ratio()
        found.append(
            Change(
                a.case_id,
                round(1.0 - ratio, 4),
                _delta(a.fact_coverage, b.fact_coverage),
                _delta(a.semantic_similarity, b.semantic_similarity),
                a,
                b,
            )
        )
    found.sort(key=lambda c: (-c.text_change, -abs(c.facts_delta or 0.0), c.case_id))
    return found


def metrics_table(run: EvalRun) -> Table:
    """One row per metric; one column per template (with deltas against the first)."""
    title = f"drafts: {run.n} cases, mode {run.mode}"
    table = Table(title=title, title_justify="left")
    table.add_column("metric")
    base = run.prompts[0]
    base_metrics = run.metrics(base)
    for prompt in run.prompts:
        table.add_column(prompt, justify="right")
        if prompt != base:
            table.add_column(f"Δ {prompt}", justify="right")
    others = {p: run.metrics(p) for p in run.prompts}
    for metric, value in base_metrics.items():
        row = [metric, fmt(metric, value)]
        for prompt in run.prompts[1:]:
            row += [
                fmt(metric, others[prompt].get(metric)),
                fmt_delta(metric, value, others[prompt].get(metric)),
            ]
        table.add_row(*row)
    return table


def changed_table(run: EvalRun, limit: int = 10) -> Table | None:
    """The cases whose drafts changed most between the baseline and each other template."""
    if len(run.prompts) < 2:
        return None
    base = run.prompts[0]
    table = Table(title=f"cases that changed most (vs {base})", title_justify="left")
    for name in ("prompt", "case", "text changed", "Δ facts", "Δ similarity", "warnings"):
        table.add_column(name, justify="left" if name in ("prompt", "case") else "right")
    for other in run.prompts[1:]:
        changed = [c for c in changes(run, base, other) if c.text_change > 0]
        if not changed:
            table.add_row(other, "(all drafts identical)", "0%", "", "", "")
        for change in changed[:limit]:
            table.add_row(
                other,
                change.case_id,
                f"{change.text_change * 100:.0f}%",
                fmt_delta("fact_coverage", 0.0, change.facts_delta),
                fmt_delta("semantic_similarity", 0.0, change.similarity_delta),
                ", ".join(problem_warnings(change.other)),
            )
    return table


def cases_table(results: list[CaseResult], limit: int = 0) -> Table:
    """Per-case scores (the worst first by fact coverage when limited)."""
    rows = results
    if limit:
        rows = sorted(results, key=lambda r: (r.fact_coverage or 0.0, r.case_id))[:limit]
    title = f"the {len(rows)} cases with the lowest fact coverage" if limit else "cases"
    table = Table(title=title, title_justify="left")
    for name in ("case", "lang", "recall@5", "facts", "similarity", "warnings", "error"):
        table.add_column(name, justify="right" if name in ("recall@5", "facts") else "left")
    for r in rows:
        table.add_row(
            r.case_id,
            "ok" if r.language_correct else f"{r.language}≠{r.language_expected}",
            fmt("recall@5", r.recall_at_5),
            fmt("fact_coverage", r.fact_coverage),
            fmt("semantic_similarity", r.semantic_similarity),
            ", ".join(problem_warnings(r)),
            r.error,
        )
    return table


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return lines


def markdown_report(run: EvalRun, *, title: str = "Draft evaluation") -> str:
    """The whole run as Markdown: metrics, warnings, comparison, cases, per-case diffs."""
    base = run.prompts[0]
    out = [f"# {title}", ""]
    out.append(
        f"{run.n} cases, mode `{run.mode}`, templates {', '.join(f'`{p}`' for p in run.prompts)}; "
        f"{run.engine_calls} drafted, {run.cache_hits} from the cache."
    )
    out += ["", "## Metrics", ""]
    header = ["metric", *[p if p == base else f"{p} (Δ)" for p in run.prompts]]
    metrics = {p: run.metrics(p) for p in run.prompts}
    rows = []
    for metric, value in metrics[base].items():
        row = [metric, fmt(metric, value)]
        for prompt in run.prompts[1:]:
            score = metrics[prompt].get(metric)
            row.append(f"{fmt(metric, score)} ({fmt_delta(metric, value, score)})")
        rows.append(row)
    out += _md_table(header, rows)
    if run.breaches:
        out += ["", "## Threshold breaches", ""]
        out += [f"- {b.message()}" for b in run.breaches]
    out += ["", "## Warnings (share of drafts)", ""]
    codes = sorted({c for p in run.prompts for c in warning_rates(run.results[p])})
    rates = {p: warning_rates(run.results[p]) for p in run.prompts}
    out += _md_table(
        ["warning", *run.prompts],
        [[code, *[fmt("rate", rates[p].get(code, 0.0)) for p in run.prompts]] for code in codes],
    )
    for prompt in run.prompts:
        out += ["", f"## Cases ({prompt})", ""]
        out += _md_table(
            ["case", "language", "recall@5", "facts", "similarity", "warnings", "missing facts"],
            [
                [
                    r.case_id,
                    "ok" if r.language_correct else f"{r.language} (want {r.language_expected})",
                    fmt("recall@5", r.recall_at_5),
                    fmt("fact_coverage", r.fact_coverage),
                    fmt("semantic_similarity", r.semantic_similarity),
                    ", ".join(r.warnings) or "-",
                    r.error or "; ".join(r.facts_missing) or "-",
                ]
                for r in run.results[prompt]
            ],
        )
    for other in run.prompts[1:]:
        out += ["", f"## Changed drafts: `{base}` → `{other}`", ""]
        for change in changes(run, base, other):
            if change.text_change == 0:
                continue
            out += [
                f"### {change.case_id} ({change.text_change * 100:.0f}% changed, facts "
                f"{fmt_delta('fact_coverage', 0.0, change.facts_delta) or '-'})",
                "",
                "```diff",
                *difflib.unified_diff(
                    change.base.body.splitlines(),
                    change.other.body.splitlines(),
                    fromfile=f"{base}/{change.case_id}",
                    tofile=f"{other}/{change.case_id}",
                    lineterm="",
                ),
                "```",
                "",
            ]
    return "\n".join(out).rstrip() + "\n"
