"""Drafting engine speed and no-LLM language correctness (`run() -> str`, a Markdown section).

Measures, over the sample knowledge base (kb/, ingested into a throwaway index):
- non-LLM overhead per sample email: parse + pseudonymize + retrieve + render + restore +
  checks, with the model served by a local OpenAI-compatible server (generation excluded);
- first-token latency: time from the local server writing the first token (fixed 300 ms
  time to first token) to the engine yielding it as a Delta (what the CLI prints at once);
- no-LLM drafts: share written in the customer's language, on the sample inbox and on the
  shared drafting tickets (read at benchmark time only, never copied).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TICKETS = ROOT.parent / "shared" / "eval" / "drafting"
TICKETS_PER_LANGUAGE = 100


def _inbox_languages() -> dict[str, str]:
    """The language each sample mail is labelled with in the golden set (not the detector's)."""
    labelled: dict[str, str] = {}
    for line in (ROOT / "eval" / "cases_sample.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case.get("eml"):
            labelled[Path(case["eml"]).name] = case["lang"]
    return labelled


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


STAGES = ("parse", "pseudonymize", "retrieve", "render", "restore", "checks")


async def _overhead(
    settings: Any, retriever: Any, emails: list[bytes], per_stage: dict[str, list[float]]
) -> list[float]:
    from drafter.drafting.engine import DraftingEngine
    from drafter.mail import parse_email
    from drafter.models import Done

    engine = DraftingEngine(settings, retriever)
    totals: list[float] = []
    for raw in emails:
        started = time.perf_counter()
        email = parse_email(raw)
        parse = time.perf_counter() - started
        if email.status != "ok" or not email.body.strip():
            continue
        async for event in engine.draft(email):
            if isinstance(event, Done):
                t = {**event.draft.timings, "parse": parse}
                for stage in STAGES:
                    per_stage.setdefault(stage, []).append(t.get(stage, 0.0))
                totals.append(sum(t.get(s, 0.0) for s in STAGES))
    return totals


async def _first_token(settings: Any, retriever: Any, raw: bytes, server: Any) -> list[float]:
    from drafter.drafting.engine import DraftingEngine
    from drafter.mail import parse_email
    from drafter.models import Delta

    engine = DraftingEngine(settings, retriever)
    email = parse_email(raw)
    gaps: list[float] = []
    for _ in range(15):
        async for event in engine.draft(email):
            if isinstance(event, Delta):
                gaps.append(time.perf_counter() - server.sent_first_token_at[-1])
                break
    return gaps


async def _language(settings: Any, retriever: Any, cases: list[tuple[Any, str]]) -> int:
    from drafter.drafting.engine import DraftingEngine
    from drafter.language import detect_language
    from drafter.models import Done

    engine = DraftingEngine(settings, retriever)
    right = 0
    for email, expected in cases:
        async for event in engine.draft(email, no_llm=True):
            if isinstance(event, Done):
                body = event.draft.body
                right += event.draft.language == expected and detect_language(body) == expected
    return right


def run() -> str:
    sys.path.insert(0, str(ROOT))
    from drafter.config import Settings
    from drafter.knowledge.ingest import ingest
    from drafter.knowledge.retrieve import open_retriever
    from drafter.language import detect_language
    from drafter.mail import parse_email
    from drafter.models import Address, InboundEmail
    from tests.integration.openai_server import FakeOpenAIServer

    inbox_paths = sorted((ROOT / "examples" / "inbox").glob("*.eml"))
    inbox = [p.read_bytes() for p in inbox_paths]
    with tempfile.TemporaryDirectory() as tmp:
        base = Settings(data_dir=Path(tmp))
        ingest(base, [ROOT / "kb"])
        retriever = open_retriever(base)

        def reply(request: dict[str, Any]) -> str:
            return "Sehr geehrte Damen und Herren,\n\nvielen Dank [1].\n\nMit freundlichen Grüßen"

        with FakeOpenAIServer(reply) as server:
            settings = base.model_copy(
                update={"llm_base_url": server.base_url, "llm_model": "bench"}
            )
            asyncio.run(_overhead(settings, retriever, inbox[:3], {}))  # warm-up
            per_stage: dict[str, list[float]] = {}
            overhead = asyncio.run(_overhead(settings, retriever, inbox, per_stage))
        with FakeOpenAIServer(reply, first_token_delay=0.3) as server:
            settings = base.model_copy(
                update={"llm_base_url": server.base_url, "llm_model": "bench"}
            )
            first = asyncio.run(_first_token(settings, retriever, inbox[0], server))

        labelled = _inbox_languages()
        inbox_cases = []
        for path, raw in zip(inbox_paths, inbox, strict=True):
            email = parse_email(raw)
            if email.status == "ok" and email.body.strip() and path.name in labelled:
                inbox_cases.append((email, labelled[path.name]))
        inbox_right = asyncio.run(_language(base, retriever, inbox_cases))
        ticket_rows: list[tuple[str, int, int]] = []
        for lang in ("de", "en"):
            path = TICKETS / f"tickets_{lang}.jsonl"
            if not path.exists():
                continue
            cases = []
            for line in path.read_text(encoding="utf-8").splitlines()[:TICKETS_PER_LANGUAGE]:
                ticket = json.loads(line)
                body = ticket["message"]
                email = InboundEmail(
                    from_=Address(name="", email="customer@example.org"),
                    subject=ticket.get("subject") or "",
                    body=body,
                    language=detect_language(f"{ticket.get('subject') or ''}\n{body}"),
                )
                cases.append((email, ticket["lang"]))
            right = asyncio.run(_language(base, retriever, cases))
            ticket_rows.append((f"tickets_{lang}.jsonl (first {len(cases)})", right, len(cases)))

    ms = [v * 1000 for v in overhead]
    ft = [v * 1000 for v in first]
    rows = [
        "## Drafting",
        "",
        "Sample KB (kb/) in a fresh index; model served by a local OpenAI-compatible server.",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| non-LLM overhead per email, p50 ({len(ms)} sample emails) | "
        f"{statistics.median(ms):.0f} ms | |",
        f"| non-LLM overhead per email, p95 | {_p95(ms):.0f} ms | <= 300 ms "
        f"({_verdict(_p95(ms) <= 300)}) |",
        *(
            f"| - {stage}: p50 / p95 | {1000 * statistics.median(v):.1f} / "
            f"{1000 * _p95(v):.1f} ms | |"
            for stage, v in per_stage.items()
        ),
        f"| first token, server write to engine Delta, p50 ({len(ft)} runs) | "
        f"{statistics.median(ft):.1f} ms | |",
        f"| first token, p95 | {_p95(ft):.1f} ms | <= 100 ms ({_verdict(_p95(ft) <= 100)}) |",
        f"| no-LLM drafts in the labelled language, sample inbox | "
        f"{inbox_right}/{len(inbox_cases)} | 100% ({_verdict(inbox_right == len(inbox_cases))}) |",
    ]
    for name, right, total in ticket_rows:
        rows.append(
            f"| no-LLM drafts in the labelled language, {name} | {right}/{total} | 100% "
            f"({_verdict(right == total)}) |"
        )
    rows += [
        "",
        "Overhead = parse + pseudonymize + retrieve + render + restore + checks (generation "
        "excluded); p50/p95 over the sample inbox, one pass after a 3-email warm-up. Language: "
        "the expected language is the label of the golden case (eval/cases_sample.jsonl) or of "
        "the shared ticket, not drafter's own detector; a draft counts when its `language` and "
        "`detect_language(body)` both equal that label.",
    ]
    return "\n".join(rows)


if __name__ == "__main__":
    print(run())
