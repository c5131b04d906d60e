"""Speed of `drafter eval drafts` (`run() -> str`, a Markdown section for docs/benchmarks.md).

200 cases (the golden set eval/cases_sample.jsonl repeated under new ids), the sample
knowledge base ingested once beforehand (not timed), the cache off (--no-cache), each run a
real `drafter eval drafts` subprocess timed from start to exit:
- template drafts (--no-llm), concurrency 4; target < 60 s;
- drafts by a local OpenAI-compatible server on 127.0.0.1 that answers every request after
  1 s (time to first token), concurrency 16; target < 30 s.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
N_CASES = 200


def _cases(folder: Path) -> Path:
    rows = [json.loads(line) for line in (ROOT / "eval" / "cases_sample.jsonl").open()]
    out = []
    for i in range(N_CASES):
        row = dict(rows[i % len(rows)])
        row["case_id"] = f"{row['case_id']}-{i}"
        if row.get("eml"):
            row["eml"] = str(ROOT / row["eml"])
        out.append(json.dumps(row, ensure_ascii=False))
    path = folder / "cases_bench.jsonl"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def _reply(request: dict[str, Any]) -> str:
    from drafter.language import detect_language

    customer = request["messages"][1]["content"]
    if detect_language(customer) == "en":
        return "Dear customer,\n\nthank you for your message; please see our article [1].\n"
    return "Sehr geehrte Damen und Herren,\n\nvielen Dank für Ihre Nachricht; siehe Artikel [1].\n"


def _eval(
    data: Path, cases: Path, *extra: str, env: dict[str, str]
) -> tuple[float, dict[str, Any]]:
    args = [sys.executable, "-m", "drafter", "--data-dir", str(data), "eval", "drafts"]
    args += ["--cases", str(cases), "--no-cache", "--no-thresholds", "--json", *extra]
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, timeout=900)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"eval failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed, json.loads(done.stdout)


def run() -> str:
    sys.path.insert(0, str(ROOT))
    from drafter.config import Settings
    from drafter.knowledge.ingest import ingest
    from tests.integration.openai_server import FakeOpenAIServer

    with tempfile.TemporaryDirectory(prefix="drafter-bench-eval-") as tmp:
        folder = Path(tmp)
        data = folder / "data"
        ingest(Settings(data_dir=data), [ROOT / "kb"])
        cases = _cases(folder)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DRAFTER_", "OPENAI_"))}
        no_llm_s, no_llm = _eval(data, cases, "--no-llm", "--concurrency", "4", env=env)
        with FakeOpenAIServer(reply=_reply, first_token_delay=1.0) as server:
            llm_env = {**env, "DRAFTER_LLM_BASE_URL": server.base_url}
            llm_env["DRAFTER_LLM_MODEL"] = "bench-model"
            llm_s, llm = _eval(data, cases, "--concurrency", "16", env=llm_env)
            requests = len(server.requests)
    rows = [
        ("template drafts (--no-llm), concurrency 4", no_llm_s, no_llm, 60.0),
        ("local model answering after 1 s, concurrency 16", llm_s, llm, 30.0),
    ]
    lines = [
        "## Draft evaluation (`drafter eval drafts`)",
        "",
        f"{N_CASES} cases (eval/cases_sample.jsonl repeated), sample KB pre-ingested, cache off; "
        "wall time of the whole `drafter eval drafts` process.",
        "",
        "| run | cases | wall time | p50 per case | p95 per case | pii_leaks | target |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, seconds, result, target in rows:
        m = result["metrics"]
        verdict = "met" if seconds < target else "MISSED"
        lines.append(
            f"| {label} | {result['n']} | {seconds:.1f} s | {m['p50_ms']:.0f} ms | "
            f"{m['p95_ms']:.0f} ms | {m['pii_leaks']:.0f} | < {target:.0f} s ({verdict}) |"
        )
    lines += [
        "",
        f"The local model server received {requests} chat requests; the template drafts "
        f"were in the customer's language in {no_llm['metrics']['language_correct'] * 100:.0f}% "
        "of the cases.",
        "",
        "The model row sits close to its target and the machine's noise is as large as the",
        "margin: at the end of session 14 (load about 1) two runs a minute apart gave 30.7 s",
        "(MISSED) and 28.4 s (met). At the end of session 15 (2026-12-01, load 1-2), alternating",
        "the session's final code with the code before it (main 1bc0209) in one sitting, before",
        "the run in the table: final code template 37.9 / 45.9 / 45.1 / 38.5 s, model 32.6 /",
        "39.5 / 33.1 / 29.1 s; 1bc0209 template 36.1 / 37.7 s, model 33.2 / 38.5 s. The model",
        "row was MISSED in 5 of those 6 runs, by both versions; the template row (met in every",
        "run) reads slower with the final code in two of four runs (45-46 s against 36-38 s),",
        "at the edge of what this machine can tell.",
        "Compare runs only within one sitting.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
