"""The shared index: a real Chroma server (`chroma run` on 127.0.0.1), one machine ingests
(settings A), another searches (settings B, its own empty data dir) and gets the same
passages; a re-ingest on A reaches B's running retriever without a restart."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.knowledge.embeddings import load_use
from drafter.knowledge.ingest import ingest
from drafter.knowledge.retrieve import open_retriever
from tests.cli import run_cli
from tests.integration.chroma_server import chroma_server, free_port

FIXTURE_KB = Path(__file__).resolve().parent.parent / "data" / "kb"
QUERIES = [
    ("Wie kann ich meinen Abschlag ändern?", "de"),
    ("I am moving house, what do I need to do?", "en"),
    ("Zählerstand melden", "de"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    load_use()
    try:
        with chroma_server(tmp_path_factory.mktemp("chroma") / "data") as url:
            yield url
    except RuntimeError as exc:
        pytest.fail(f"could not start a Chroma server for the shared-index tests: {exc}")


def _machine(tmp_path: Path, name: str, url: str, prefix: str) -> Settings:
    return Settings(data_dir=tmp_path / name, chroma_url=url, chroma_prefix=prefix)


def _seen(retriever: object, query: str, lang: str) -> list[tuple[str, str]]:
    passages = retriever.search(query, k=5, language=lang)  # type: ignore[attr-defined]
    return [(p.kb_id, p.text) for p in passages]


def test_desk_b_retrieves_what_machine_a_ingested(tmp_path: Path, server: str) -> None:
    a = _machine(tmp_path, "a", server, "same")
    b = _machine(tmp_path, "b", server, "same")
    kb = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, kb)
    report = ingest(a, [kb])
    assert report.added >= 8 and report.index_dir == f"the Chroma server {server}"
    on_a, on_b = open_retriever(a), open_retriever(b)
    for query, lang in QUERIES:
        assert _seen(on_a, query, lang) == _seen(on_b, query, lang)
        assert _seen(on_b, query, lang)
    # nothing of the index was written to either machine's folder
    assert not (tmp_path / "a" / "index").exists() and not (tmp_path / "b" / "index").exists()
    assert on_b.stats()["articles"] == report.articles


def test_a_reingest_reaches_a_running_desk_without_restart(tmp_path: Path, server: str) -> None:
    a = _machine(tmp_path, "a", server, "reload")
    b = _machine(tmp_path, "b", server, "reload")
    kb = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, kb)
    ingest(a, [kb])
    desk = open_retriever(b)
    question = "Wann wird die Glasfaser in Ihrer Straße verlegt?"
    assert "t-de-glasfaser" not in [p.kb_id for p in desk.search(question, language="de")]
    old_version = desk.version
    (kb / "de" / "glasfaser.md").write_text(
        "---\nid: t-de-glasfaser\ntitle: Glasfaserausbau in Ihrer Straße\nlanguage: de\n---\n"
        "Den Glasfaserausbau planen wir straßenweise. Wann die Glasfaser in Ihrer Straße "
        "verlegt wird, sehen Sie auf der Ausbaukarte.\n",
        encoding="utf-8",
    )
    report = ingest(a, [kb])
    assert report.added == 1
    found = desk.search(question, language="de")
    assert found and found[0].kb_id == "t-de-glasfaser"
    assert desk.version != old_version
    # and a delete reaches it too
    (kb / "de" / "glasfaser.md").unlink()
    assert ingest(a, [kb]).deleted == 1
    assert "t-de-glasfaser" not in [p.kb_id for p in desk.search(question, language="de")]


def test_unreachable_server_is_one_line_error(tmp_path: Path) -> None:
    env = {
        "DRAFTER_DATA_DIR": str(tmp_path / "data"),
        "DRAFTER_CHROMA_URL": f"http://127.0.0.1:{free_port()}",
    }
    result = run_cli("kb", "search", "Abschlag", env=env)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "cannot reach the Chroma server" in result.stderr and "hint:" in result.stderr
