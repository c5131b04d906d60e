"""Quality thresholds for CI: reading `eval/thresholds.toml` and checking a run against it.

The file has one table per drafting mode (`extractive` for --no-llm runs, `llm` for runs
against a model), each with `min` and `max` sub-tables of metric names:

    [extractive.min]
    "recall@5" = 0.9
    [extractive.max]
    pii_leaks = 0

A metric below its `min` or above its `max` is a Breach; the CLI prints each one (metric,
value, limit, by how much) and exits 1. A metric the run did not measure (e.g. judge scores
without --judge) is skipped.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import EvalError

MODES = ("extractive", "llm")


@dataclass(frozen=True)
class Limit:
    metric: str
    bound: str  # "min" | "max"
    value: float


@dataclass(frozen=True)
class Breach:
    metric: str
    bound: str
    limit: float
    actual: float
    prompt: str = ""

    @property
    def by(self) -> float:
        return abs(self.actual - self.limit)

    def message(self) -> str:
        where = f" (prompt {self.prompt})" if self.prompt else ""
        side = "below the minimum" if self.bound == "min" else "above the maximum"
        return (
            f"{self.metric}{where} = {self.actual:.4g} is {side} {self.limit:.4g} by {self.by:.4g}"
        )


def load_thresholds(path: Path, mode: str, known: set[str]) -> list[Limit]:
    """The limits for `mode` in the file; unknown modes, bounds or metrics are EvalErrors."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalError(
            f"cannot read thresholds file {path}: {exc.strerror}",
            hint="pass an existing file with --thresholds, or --no-thresholds",
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise EvalError(
            f"thresholds file {path} is not valid TOML: {exc}", hint="fix the syntax"
        ) from exc
    for key in data:
        if key not in MODES:
            raise EvalError(
                f"{path}: unknown table [{key}]",
                hint=f"use one table per mode: {', '.join(MODES)}",
            )
    section = data.get(mode, {})
    limits: list[Limit] = []
    for bound, table in section.items():
        if bound not in ("min", "max") or not isinstance(table, Mapping):
            raise EvalError(
                f"{path}: unknown entry [{mode}.{bound}]",
                hint="each mode has a [mode.min] and a [mode.max] table of metric = number",
            )
        for metric, value in table.items():
            if metric not in known:
                raise EvalError(
                    f"{path}: [{mode}.{bound}] names unknown metric {metric!r}",
                    hint=f"known metrics: {', '.join(sorted(known))}",
                )
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise EvalError(
                    f"{path}: [{mode}.{bound}] {metric} must be a number, not {value!r}",
                    hint="write e.g. fact_coverage = 0.5",
                )
            limits.append(Limit(metric, bound, float(value)))
    return limits


def check(
    metrics: Mapping[str, float | None], limits: list[Limit], prompt: str = ""
) -> list[Breach]:
    """Every limit the metrics break (a metric that was not measured is skipped)."""
    breaches: list[Breach] = []
    for limit in limits:
        actual = metrics.get(limit.metric)
        if actual is None:
            continue
        broken = actual < limit.value if limit.bound == "min" else actual > limit.value
        if broken:
            breaches.append(Breach(limit.metric, limit.bound, limit.value, actual, prompt))
    return breaches
