"""Draft-quality metrics: per-case scores (pure functions) and their aggregate over a run.

Per case: retrieval recall@k and reciprocal rank against the gold articles, reply language,
citation validity and precision against the gold articles, coverage of the reference facts
(normalised substring match), semantic similarity to the reference answer (cosine of two
embedding vectors), warnings, personal values leaked into model requests, latency and tokens.
`aggregate` turns a list of CaseResult into the flat metric dict `--json` prints (rates 0..1).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from pydantic import BaseModel, Field

from drafter.drafting.checks import citation_numbers
from drafter.models import Citation, Passage
from drafter.toolkit import percentile

# warnings that say how a draft was made, not that something is wrong with it
INFORMATIONAL_WARNINGS = frozenset({"template_draft", "kb_gap", "kb_partial"})
JUDGE_CRITERIA = ("correctness", "completeness", "tone", "formality")

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACE = re.compile(r"\s+")
_EURO = re.compile(r"\s*€|\beuro\b")


class CaseResult(BaseModel):
    """Everything measured for one case under one prompt template."""

    case_id: str
    prompt: str
    language_expected: str
    language: str = ""
    mode: str = ""
    prompt_version: str = ""
    model: str = ""
    error: str = ""
    body: str = ""
    retrieved: list[str] = Field(default_factory=list)
    gold: list[str] = Field(default_factory=list)
    cited: list[str] = Field(default_factory=list)
    recall_at_5: float | None = None
    reciprocal_rank: float | None = None
    language_correct: bool = False
    citation_valid: bool = False
    citation_gold: float | None = None
    fact_coverage: float | None = None
    facts_missing: list[str] = Field(default_factory=list)
    semantic_similarity: float | None = None
    warnings: list[str] = Field(default_factory=list)
    defects: list[str] = Field(default_factory=list)  # drafter.evaluation.defects kinds
    kb_gap: bool = False
    pii_leaks: int = 0
    pii_leak_types: list[str] = Field(default_factory=list)
    latency_ms: float = 0.0
    tokens_prompt: int = 0
    tokens_completion: int = 0
    judge: dict[str, float] = Field(default_factory=dict)
    cached: bool = False


# --- retrieval ---------------------------------------------------------------------------


def reciprocal_rank(retrieved: Sequence[str], gold: Iterable[str]) -> float | None:
    """1/rank of the first gold article retrieved (0 when none is); None without gold."""
    wanted = set(gold)
    if not wanted:
        return None
    for rank, kb_id in enumerate(retrieved, start=1):
        if kb_id in wanted:
            return 1.0 / rank
    return 0.0


# --- citations -----------------------------------------------------------------------------


def citations_valid(body: str, citations: Sequence[Citation], passages: Sequence[Passage]) -> bool:
    """True when every [n] in the body and every listed citation names a retrieved passage."""
    if any(not 1 <= n <= len(passages) for n in citation_numbers(body)):
        return False
    retrieved = {p.kb_id for p in passages}
    for citation in citations:
        if not 1 <= citation.n <= len(passages) or citation.kb_id not in retrieved:
            return False
        if passages[citation.n - 1].kb_id != citation.kb_id:
            return False
    return True


def citation_precision(cited: Sequence[str], gold: Iterable[str]) -> float | None:
    """Share of the cited articles that are gold ones; None when nothing is cited or no gold."""
    wanted = set(gold)
    unique = set(cited)
    if not wanted or not unique:
        return None
    return len(unique & wanted) / len(unique)


# --- reference answer ------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Text for fact matching: NFKC, one kind of dash, euro as `eur`, case and spacing folded."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = _DASHES.sub("-", text).casefold()
    text = _EURO.sub(" eur", text)
    return _SPACE.sub(" ", text).strip()


def facts_found(body: str, facts: Sequence[str]) -> tuple[float | None, list[str]]:
    """(share of reference facts found in the body, the missing ones); None without facts."""
    if not facts:
        return None, []
    text = normalise(body)
    missing = [fact for fact in facts if normalise(fact) not in text]
    return (len(facts) - len(missing)) / len(facts), missing


# --- privacy -----------------------------------------------------------------------------------


def _compact(text: str) -> str:
    return _SPACE.sub("", text).casefold()


def leaked_values(values: Iterable[tuple[str, str]], texts: Iterable[str]) -> list[str]:
    """The types of the (type, value) pairs that appear in any of the texts.

    A value matches case-insensitively; values of number-like types (phone, IBAN, card, ...)
    also match with all spacing removed, so "DE89 3704..." is found as "DE893704...".
    """
    joined = "\n".join(texts)
    folded = _SPACE.sub(" ", joined).casefold()
    compact = _compact(joined)
    leaks: list[str] = []
    for entity_type, value in values:
        needle = _SPACE.sub(" ", value).strip().casefold()
        if len(needle) < 3:
            continue
        found = needle in folded
        if not found and sum(ch.isdigit() for ch in value) >= 5:
            found = _compact(value) in compact
        if found:
            leaks.append(entity_type)
    return leaks


# --- aggregation -------------------------------------------------------------------------------


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def _share(flags: Iterable[bool]) -> float | None:
    items = list(flags)
    return sum(items) / len(items) if items else None


def problem_warnings(result: CaseResult) -> list[str]:
    return [code for code in result.warnings if code not in INFORMATIONAL_WARNINGS]


def aggregate(results: Sequence[CaseResult]) -> dict[str, float | None]:
    """The run's metrics: means of per-case scores, rates as 0..1, pii_leaks as a count."""
    metrics: dict[str, float | None] = {
        "recall@5": _mean(r.recall_at_5 for r in results),
        "mrr": _mean(r.reciprocal_rank for r in results),
        "language_correct": _share(r.language_correct for r in results),
        "citation_valid": _share(r.citation_valid for r in results),
        "citation_gold": _mean(r.citation_gold for r in results),
        "fact_coverage": _mean(r.fact_coverage for r in results),
        "semantic_similarity": _mean(r.semantic_similarity for r in results),
        "warning_rate": _share(bool(problem_warnings(r)) for r in results),
        "unsupported_claim_rate": _share("unsupported_claim" in r.warnings for r in results),
        "kb_gap_accuracy": _share(r.kb_gap == (not r.gold) for r in results),
        "error_rate": _share(bool(r.error) for r in results),
        "pii_leaks": float(sum(r.pii_leaks for r in results)),
        "defects": float(sum(len(r.defects) for r in results)),
        "p50_ms": percentile([r.latency_ms for r in results], 50),
        "p95_ms": percentile([r.latency_ms for r in results], 95),
        "tokens_prompt": _mean(float(r.tokens_prompt) for r in results),
        "tokens_completion": _mean(float(r.tokens_completion) for r in results),
    }
    for criterion in JUDGE_CRITERIA:
        score = _mean(r.judge.get(criterion) for r in results)
        if score is not None:
            metrics[f"judge_{criterion}"] = score
    return metrics


def warning_rates(results: Sequence[CaseResult]) -> dict[str, float]:
    """Share of cases carrying each warning code."""
    if not results:
        return {}
    codes = sorted({code for r in results for code in r.warnings})
    return {code: sum(code in r.warnings for r in results) / len(results) for code in codes}
