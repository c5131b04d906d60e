"""`drafter eval drafts` on the sample knowledge base: the CI gate and the quality loop.

One real index of kb/ (Chroma + BM25, offline embeddings) is built per module and copied into
each test's data dir. The golden-set test is what CI runs on every commit: the exit code is
the gate. The model is mocked only at HTTP level (respx against a real AsyncOpenAI).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from drafter.cli.main import main
from drafter.config import Settings
from drafter.drafting.engine import DraftingEngine
from drafter.evaluation.capture import RecordingRetriever
from drafter.evaluation.drafts import evaluate_drafts
from drafter.evaluation.runner import EvalOptions
from drafter.knowledge.retrieve import open_retriever
from drafter.language import detect_language
from drafter.privacy import PrivacySession
from tests.conftest import ROOT
from tests.integration.openai_server import full_index

CASES = ROOT / "eval" / "cases_sample.jsonl"
THRESHOLDS = ROOT / "eval" / "thresholds.toml"
BASE_URL = "http://127.0.0.1:9/v1"


@pytest.fixture(scope="module")
def index_dir() -> Path:
    return full_index()  # shared and read-only: `data_dir` copies it


@pytest.fixture
def data_dir(tmp_path: Path, index_dir: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(index_dir, data / "index")
    return data


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return int(exit_info.value.code or 0), captured.out, captured.err


def subset(tmp_path: Path, n: int, *, with_eml: bool = True) -> Path:
    """The first n cases (eml cases first: they carry real names, addresses and numbers)."""
    lines = CASES.read_text(encoding="utf-8").splitlines()
    chosen = [line for line in lines if ('"eml"' in line) == with_eml][:n]
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    return path


def test_golden_set_no_llm_passes_the_thresholds(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CI gate: the whole golden set, template drafts, checked against eval/thresholds.toml."""
    report = tmp_path / "report.md"
    code, out, err = cli(
        capsys, "--data-dir", str(data_dir), "eval", "drafts", "--cases", str(CASES),
        "--no-llm", "--json", "--report", str(report),
    )  # fmt: skip
    assert code == 0, err
    result = json.loads(out)
    metrics = result["metrics"]
    n_cases = len(CASES.read_text(encoding="utf-8").splitlines())
    assert result["n"] == n_cases == len(result["cases"])
    assert metrics["language_correct"] == 1.0
    assert metrics["citation_valid"] == 1.0
    assert metrics["recall@5"] >= 0.9
    assert metrics["pii_leaks"] == 0
    assert result["breaches"] == []
    for key in ("mrr", "fact_coverage", "semantic_similarity", "warning_rate", "p95_ms"):
        assert metrics[key] is not None
    assert "## Metrics" in report.read_text(encoding="utf-8")


def test_breached_threshold_exits_1_and_names_the_metric(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    strict = tmp_path / "strict.toml"
    strict.write_text("[extractive.min]\nfact_coverage = 0.99\n[extractive.max]\npii_leaks = 0\n")
    cases = subset(tmp_path, 4)
    code, _out, err = cli(
        capsys, "--data-dir", str(data_dir), "eval", "drafts", "--cases", str(cases),
        "--no-llm", "--thresholds", str(strict),
    )  # fmt: skip
    assert code == 1
    assert "fact_coverage" in err and "below the minimum 0.99 by" in err
    assert "pii_leaks" not in err


def test_missing_index_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = cli(
        capsys, "--data-dir", str(tmp_path / "empty"), "eval", "drafts", "--cases", str(CASES),
        "--no-llm",
    )  # fmt: skip
    assert code == 2
    assert "drafter kb ingest" in err and "Traceback" not in err


class CountingEngine:
    """The real engine, counting how often it is asked for a draft."""

    def __init__(self, inner: DraftingEngine) -> None:
        self.inner = inner
        self.calls = 0

    def draft(self, email: Any, **kw: Any) -> Any:
        self.calls += 1
        return self.inner.draft(email, **kw)


def test_rerun_is_served_from_the_cache_and_resumes(data_dir: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=data_dir)
    cases = subset(tmp_path, 6)
    retriever = open_retriever(settings)
    options = EvalOptions(no_llm=True, concurrency=3)

    def run(n_lines: int | None = None) -> tuple[int, Any]:
        if n_lines is not None:  # an interrupted run finished only the first cases
            lines = cases.read_text(encoding="utf-8").splitlines()[:n_lines]
            partial = tmp_path / "partial.jsonl"
            partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
        engine = CountingEngine(DraftingEngine(settings, RecordingRetriever(retriever)))
        result = evaluate_drafts(
            settings,
            partial if n_lines is not None else cases,
            options,
            engine=engine,
            check_thresholds=False,
        )
        return engine.calls, result

    calls, _first = run(n_lines=2)
    assert calls == 2
    calls, second = run()
    assert calls == 4  # the 2 finished cases were not drafted again
    calls, third = run()
    assert calls == 0 and third.engine_calls == 0 and third.cache_hits == 6
    assert third.metrics() == second.metrics()
    assert all(r.cached for r in third.results["reply"])


def test_several_prompts_give_per_prompt_results(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = subset(tmp_path, 3)
    report = tmp_path / "compare.md"
    code, out, err = cli(
        capsys, "--data-dir", str(data_dir), "eval", "drafts", "--cases", str(cases),
        "--no-llm", "--prompt", "reply", "--prompt", "rewrite", "--json", "--report", str(report),
    )  # fmt: skip
    assert code == 0, err
    result = json.loads(out)
    assert set(result["per_prompt"]) == {"reply", "rewrite"}
    for entry in result["per_prompt"].values():
        assert len(entry["cases"]) == 3 and "fact_coverage" in entry["metrics"]
    # template drafts do not depend on the template: the second run is all cache hits
    assert result["cache"] == {"hits": 3, "engine_calls": 3}


# --- with a (mocked) language model -----------------------------------------------------------


def _sse(text: str, model: str) -> bytes:
    def event(data: dict[str, Any]) -> str:
        return "data: " + json.dumps(data) + "\n\n"

    base = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": model}
    pieces = [text[i : i + 40] for i in range(0, len(text), 40)]
    out = [
        event({**base, "choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}]})
        for p in pieces
    ]
    out.append(event({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}))
    usage = {"prompt_tokens": 900, "completion_tokens": 120, "total_tokens": 1020}
    out.append(event({**base, "choices": [], "usage": usage}))
    out.append("data: [DONE]\n\n")
    return "".join(out).encode()


JUDGE_SEEN: list[str] = []


def _model_reply(request: httpx.Request) -> httpx.Response:
    """A well-behaved model: answers in the customer's language, cites [1], keeps placeholders."""
    body = json.loads(request.content)
    if body["messages"][0]["content"].startswith("You grade"):  # the rubric judge
        JUDGE_SEEN.append(body["messages"][1]["content"])
        scores = '{"correctness": 4, "completeness": 2, "tone": 5, "formality": 5}'
        return httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=_sse(scores, body["model"])
        )
    customer = body["messages"][1]["content"]
    if detect_language(customer) == "en":
        text = (
            "Dear customer,\n\nthank you for your message. We have checked your request and "
            "the steps are described in our article [1].\n\nKind regards\nYour service team"
        )
    else:
        text = (
            "Sehr geehrte Damen und Herren,\n\nvielen Dank für Ihre Nachricht. Wir haben Ihr "
            "Anliegen geprüft; die Schritte finden Sie in unserem Artikel [1].\n\n"
            "Mit freundlichen Grüßen\nIhr Kundenservice"
        )
    stream = _sse(text, body["model"])
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=stream)


@pytest.fixture
def llm_settings(data_dir: Path) -> Iterator[Settings]:
    yield Settings(
        data_dir=data_dir,
        llm_base_url=BASE_URL,
        llm_model="test-model",
        llm_max_retries=0,
        llm_total_timeout=20,
    )


class LeakyPrivacy(PrivacySession):
    """A broken pseudonymizer that lets everything through (shows the leak metric works)."""

    def redact_email(self, email: Any, vault: Any = None, *, save: bool = True) -> tuple[Any, Any]:
        _redacted, vault = super().redact_email(email, vault)
        return email, vault


def test_llm_mode_sends_no_personal_data(llm_settings: Settings, tmp_path: Path) -> None:
    cases = subset(tmp_path, 8)
    with respx.mock(assert_all_called=True) as mock:
        route = mock.post(f"{BASE_URL}/chat/completions").mock(side_effect=_model_reply)
        run = evaluate_drafts(
            llm_settings, cases, EvalOptions(concurrency=4), check_thresholds=False
        )
    assert route.call_count == 8
    metrics = run.metrics()
    assert run.mode == "llm" and metrics["error_rate"] == 0.0
    assert metrics["pii_leaks"] == 0
    assert metrics["language_correct"] == 1.0
    assert metrics["tokens_prompt"] == 900 and metrics["tokens_completion"] == 120
    assert all(r.mode == "llm" and r.model == "test-model" for r in run.results["reply"])


def test_a_leaky_pseudonymizer_is_stopped_before_the_model(
    llm_settings: Settings, tmp_path: Path
) -> None:
    from drafter.drafting.llm import make_client
    from drafter.evaluation.capture import capturing_client

    cases = subset(tmp_path, 3)
    client = capturing_client(make_client(llm_settings))
    engine = DraftingEngine(
        llm_settings,
        RecordingRetriever(open_retriever(llm_settings)),
        client=client,
        privacy=LeakyPrivacy(llm_settings),
    )
    with respx.mock(assert_all_called=False) as mock:
        route = mock.post(f"{BASE_URL}/chat/completions").mock(side_effect=_model_reply)
        run = evaluate_drafts(
            llm_settings, cases, EvalOptions(), engine=engine, check_thresholds=False
        )
    # the engine's last line of defence (drafter.privacy.guard) refuses to send the chat
    # request; the leak metric still sees the unredacted retrieval query it captured
    assert not route.called
    assert all("NOT sent" in r.error for r in run.results["reply"])
    assert all(r.pii_leaks > 0 for r in run.results["reply"])


def test_judge_scores_each_draft_without_personal_data(
    llm_settings: Settings, tmp_path: Path
) -> None:
    from drafter.evaluation.capture import personal_values
    from drafter.evaluation.datasets import case_email, load_cases

    cases = subset(tmp_path, 3)
    JUDGE_SEEN.clear()
    with respx.mock() as mock:
        route = mock.post(f"{BASE_URL}/chat/completions").mock(side_effect=_model_reply)
        run = evaluate_drafts(llm_settings, cases, EvalOptions(judge=True), check_thresholds=False)
        assert route.call_count == 6  # 3 drafts + 3 judgements
        again = evaluate_drafts(
            llm_settings, cases, EvalOptions(judge=True), check_thresholds=False
        )
        assert route.call_count == 6  # drafts and scores both come from the cache
    metrics = run.metrics()
    assert metrics["judge_correctness"] == 4.0 and metrics["judge_completeness"] == 2.0
    assert again.metrics()["judge_tone"] == 5.0
    assert len(JUDGE_SEEN) == 3
    for case in load_cases(cases):
        for _type, value in personal_values(llm_settings, case_email(case)):
            assert all(value not in text for text in JUDGE_SEEN), _type


def test_leak_metric_counts_listed_values_in_draft_and_rewrite(
    llm_settings: Settings, tmp_path: Path
) -> None:
    """A value drafter cannot recognise (listed by the case author) still counts as a leak."""
    case = json.loads(subset(tmp_path, 1, with_eml=False).read_text(encoding="utf-8"))
    case["message"] += " Der Schlüssel liegt unter der grünen Gießkanne."
    case["must_not_reach_model"] = ["grünen Gießkanne"]
    path = tmp_path / "listed.jsonl"
    path.write_text(json.dumps(case, ensure_ascii=False) + "\n", encoding="utf-8")
    with respx.mock() as mock:
        route = mock.post(f"{BASE_URL}/chat/completions").mock(side_effect=_model_reply)
        run = evaluate_drafts(llm_settings, path, EvalOptions(), check_thresholds=False)
    (result,) = run.results["reply"]
    assert route.call_count == 2  # the draft and one rewrite of it
    assert result.error == ""
    assert result.pii_leaks >= 1 and "LISTED" in result.pii_leak_types
