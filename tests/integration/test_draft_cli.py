"""`drafter draft` in-process against a small OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli import Result, run_cli
from tests.conftest import ROOT
from tests.integration.openai_server import FakeOpenAIServer, fixture_index

EML = ROOT / "examples" / "inbox" / "01-abschlag-erhoehen.eml"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    data = tmp_path_factory.mktemp("cli") / "data"
    data.mkdir()
    shutil.copytree(fixture_index(), data / "index")
    return data


def drafter(data: Path, *args: str, **env: str) -> Result:
    return run_cli("--data-dir", str(data), "draft", *args, env=env, cwd=ROOT)


def reply(request: dict[str, object]) -> str:
    task = str(request["messages"][-1]["content"])  # type: ignore[index]
    greeting = task.split("Open the letter with exactly this line: ", 1)[1].split("\n", 1)[0]
    return (
        f"{greeting}\n\nvielen Dank für Ihre Nachricht. Ihren Abschlag können Sie im "
        "Kundenportal selbst anpassen [1].\n\nMit freundlichen Grüßen\nIhr Kundenservice-Team\n"
        "#reason: abschlag\n"
    )


def test_draft_streams_from_a_local_openai_compatible_server(data_dir: Path) -> None:
    with FakeOpenAIServer(reply) as server:
        env = {"DRAFTER_LLM_BASE_URL": server.base_url, "DRAFTER_LLM_MODEL": "test-model"}
        result = drafter(data_dir, str(EML), **env)
        json_result = drafter(data_dir, str(EML), "--json", **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Sehr geehrte Frau Krüger,")
    assert "[1] " in result.stdout and "Sources" in result.stdout
    assert "TEMPLATE DRAFT" not in result.stderr
    sent = "\n".join(m["content"] for m in server.requests[0]["messages"])
    assert "Krüger" not in sent and "KD-4821735" not in sent
    assert json_result.returncode == 0, json_result.stderr
    out = json.loads(json_result.stdout)
    assert set(out) == {
        "body", "citations", "language", "contact_reason", "mode", "prompt", "model", "warnings"
    }  # fmt: skip
    assert out["mode"] == "llm" and out["language"] == "de" and out["contact_reason"] == "abschlag"
    assert out["prompt"] == {"name": "reply", "version": "1.2"}
    assert out["citations"][0]["n"] == 1 and {"kb_id", "title", "url"} <= set(out["citations"][0])


def test_no_llm_draft_is_announced_and_labelled(data_dir: Path) -> None:
    result = drafter(data_dir, str(EML), "--no-llm")
    assert result.returncode == 0, result.stderr
    assert "TEMPLATE DRAFT" in result.stderr
    assert result.stdout.startswith("Sehr geehrte Frau Krüger,")
    assert "template_draft:" in result.stdout and "mode extractive" in result.stdout


def test_missing_file_and_missing_index_are_user_errors(tmp_path: Path) -> None:
    result = drafter(tmp_path, str(tmp_path / "nope.eml"))
    assert result.returncode == 2 and "hint:" in result.stderr
    result = drafter(tmp_path, str(EML))
    assert result.returncode == 2 and "drafter kb ingest" in result.stderr


def test_a_dead_model_endpoint_points_at_the_template_draft(data_dir: Path) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        "DRAFTER_LLM_BASE_URL": f"http://127.0.0.1:{port}/v1",
        "DRAFTER_LLM_MODEL": "test-model",
        "DRAFTER_LLM_MAX_RETRIES": "0",
    }
    result = drafter(data_dir, str(EML), **env)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"127.0.0.1:{port}" in result.stderr  # what failed, as before
    assert f"drafter draft {EML} --no-llm" in result.stderr  # and how to get a draft anyway
