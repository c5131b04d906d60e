"""A desk keeps the local index open and searches while `drafter kb ingest` runs in another
process (a real child process) and while an ingest runs in its own process: every search either
answers from a complete index or says the index is being updated, the desk serves the new
articles afterwards, and the next ingest still works (drafter.knowledge.index_lock)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.errors import KnowledgeBaseError
from drafter.knowledge.index_lock import IndexBusy, holding
from drafter.knowledge.ingest import ingest
from drafter.knowledge.retrieve import Retriever, open_retriever
from tests.conftest import ROOT
from tests.integration.openai_server import FakeOpenAIServer
from tests.integration.test_kb_damage import HASH_MODEL as MODEL
from tests.integration.test_kb_damage import HashEmbedding, write_kb

ARTICLES = 80


def _kb(path: Path, stand: int) -> Path:
    return write_kb(
        path,
        ARTICLES,
        lambda i: f"Antwort {i}: Ihren Abschlag ändern Sie im Portal (Stand {stand}).",
    )


def _settings(data: Path, base_url: str = "http://127.0.0.1:9/v1") -> Settings:
    return Settings(
        data_dir=data,
        embedding_backend="openai",
        embedding_model=MODEL,
        embedding_base_url=base_url,
    )


def _desk(tmp_path: Path) -> tuple[Settings, HashEmbedding, Retriever]:
    """An index of the articles at "Stand 1" and a desk's retriever kept open on it."""
    settings, model = _settings(tmp_path / "data"), HashEmbedding()
    ingest(settings, [_kb(tmp_path / "kb1.jsonl", 1)], embed_model=model)
    return settings, model, open_retriever(settings, embed_model=model)


def _top(retriever: Retriever, i: int) -> str:
    """The text of the first passage for article i's question (checks it is article i)."""
    found = retriever.search(f"Abschlag Frage {i}", k=3)
    assert found and found[0].kb_id == f"a{i:04d}", [p.kb_id for p in found]
    return found[0].text


def _ingest_child(data: Path, kb: Path, base_url: str, *extra: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DRAFTER_", "OPENAI_"))}
    env |= {
        "DRAFTER_DATA_DIR": str(data),
        "DRAFTER_EMBEDDING_BACKEND": "openai",
        "DRAFTER_EMBEDDING_MODEL": MODEL,
        "DRAFTER_EMBEDDING_BASE_URL": base_url,
        "PYTHONFAULTHANDLER": "1",
    }
    code = "from drafter.cli import main; main()"
    args = [sys.executable, "-c", code, "kb", "ingest", str(kb), *extra]
    return subprocess.Popen(
        args, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_a_desk_searching_while_kb_ingest_rebuilds_in_another_process(tmp_path: Path) -> None:
    data = tmp_path / "data"
    model = HashEmbedding()
    with FakeOpenAIServer(model=MODEL) as server:
        settings = _settings(data, server.base_url)
        ingest(settings, [_kb(tmp_path / "kb1.jsonl", 1)], embed_model=model)
        desk = open_retriever(settings, embed_model=model)
        assert "Stand 1" in _top(desk, 7)
        # --rebuild wipes the folder the desk has open and builds it again
        child = _ingest_child(data, _kb(tmp_path / "kb2.jsonl", 2), server.base_url, "--rebuild")
        answers = busy = 0
        while child.poll() is None:  # the desk keeps searching while the child ingests
            try:
                _top(desk, 7 + answers % 50)
                answers += 1
            except IndexBusy:
                busy += 1
            time.sleep(0.05)  # a desk searches now and then, not in a tight loop
        _, err = child.communicate(timeout=60)
        assert child.returncode == 0 and "Traceback" not in err, err[-3000:]
        assert answers + busy > 0
        assert "Stand 2" in _top(desk, 11)  # the desk serves the new articles
        # and the next ingest still finds a sound index (the old code: "disk I/O error")
        ingest(settings, [_kb(tmp_path / "kb3.jsonl", 3)], embed_model=model)
        assert "Stand 3" in _top(desk, 12)
        desk.close()


def test_an_ingest_in_the_desk_process_then_a_search(tmp_path: Path) -> None:
    """The in-process repair path: a retriever loaded before the ingest and a fresh one."""
    settings, model, kept = _desk(tmp_path)
    ingest(settings, [_kb(tmp_path / "kb2.jsonl", 2)], embed_model=model, rebuild=True)
    assert "Stand 2" in _top(kept, 5)
    fresh = open_retriever(settings, embed_model=model)
    assert "Stand 2" in _top(fresh, 22)
    fresh.close()


def test_a_search_waits_for_an_ingest_then_says_the_index_is_busy(tmp_path: Path) -> None:
    _, _, desk = _desk(tmp_path)
    root = desk.store.root
    # another process holds the index and changes it (as `kb ingest` does): a child that takes
    # the lock and withdraws the published version; a holder that changes nothing (an ingest
    # still embedding) does not keep searches from answering out of memory
    code = (
        "import sys, time; from pathlib import Path; "
        "from drafter.knowledge.index_lock import holding, withdraw_version\n"
        "with holding(Path(sys.argv[1]), purpose='`drafter kb ingest`'):\n"
        "    withdraw_version(Path(sys.argv[1]))\n"  # as its first write to the index does
        "    print('held', flush=True); time.sleep(30)"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(root)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        import drafter.knowledge.index_lock as index_lock

        started = time.monotonic()
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(index_lock, "READ_WAIT", 0.5)
            with pytest.raises(KnowledgeBaseError) as caught:
                desk.search("Abschlag Frage 5")
        assert time.monotonic() - started < 10
        assert "being updated by `drafter kb ingest` (pid" in caught.value.message
        assert "kb ingest" in (caught.value.hint or "")
    finally:
        child.kill()
        child.wait()
    assert "Stand 1" in _top(desk, 5)  # the lock went with the process
    with holding(root):  # and it is re-entrant in one thread
        assert "Stand 1" in _top(desk, 6)


def _reader_child(root: Path, seconds: float) -> subprocess.Popen[str]:
    """Another drafter process loading the index: it holds the lock and notes no purpose."""
    code = (
        "import sys, time; from pathlib import Path; "
        "from drafter.knowledge.index_lock import holding\n"
        "with holding(Path(sys.argv[1])):\n"
        f"    print('held', flush=True); time.sleep({seconds})"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(root)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    return child


def test_a_load_waits_for_another_readers_load_past_the_ingest_wait(tmp_path: Path) -> None:
    """Several `drafter inbox draft` started together on a busy machine: each load holds the
    lock for a while. A load that finds another load (not an ingest) keeps waiting beyond
    READ_WAIT instead of failing with "being updated" (seen under load: the third of three
    drafters failed after 15 s)."""
    settings, model, desk = _desk(tmp_path)
    root = desk.store.root
    desk.close()
    import drafter.knowledge.index_lock as index_lock

    child = _reader_child(root, 2.0)
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(index_lock, "READ_WAIT", 0.3)
            started = time.monotonic()
            fresh = open_retriever(settings, embed_model=model)
            assert time.monotonic() - started > 1.0  # it did wait for the other load
        assert "Stand 1" in _top(fresh, 3)
        fresh.close()
    finally:
        child.kill()
        child.wait()
    child = _reader_child(root, 30.0)
    try:  # a reader that never ends is still reported, as in use (not as an ingest)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(index_lock, "READ_WAIT", 0.3)
            mp.setattr(index_lock, "READER_WAIT", 0.8)
            with pytest.raises(IndexBusy) as caught:
                open_retriever(settings, embed_model=model)
        assert "in use by another drafter process" in caught.value.message
        assert "kb ingest" not in (caught.value.hint or "")
    finally:
        child.kill()
        child.wait()


def test_a_shared_index_wiped_by_a_rebuild_says_it_is_being_updated(tmp_path: Path) -> None:
    """Team mode (a real `chroma run`): `kb ingest --rebuild` deletes the collections first;
    a desk searching in that moment is told the index is being updated, not that it is
    damaged or missing, and serves the new index once it is written."""
    from drafter.knowledge.store import open_store
    from tests.integration.chroma_server import chroma_server

    model = HashEmbedding()
    with chroma_server(tmp_path / "chroma") as url:
        settings = _settings(tmp_path / "data").model_copy(update={"chroma_url": url})
        ingest(settings, [_kb(tmp_path / "kb1.jsonl", 1)], embed_model=model)
        desk = open_retriever(settings, embed_model=model)
        assert "Stand 1" in _top(desk, 4)
        open_store(settings).wipe()  # what another machine's `kb ingest --rebuild` does first
        with pytest.raises(KnowledgeBaseError) as caught:
            desk.search("Abschlag Frage 4")
        assert "is being updated" in caught.value.message, caught.value.message
        ingest(settings, [_kb(tmp_path / "kb2.jsonl", 2)], embed_model=model)
        assert "Stand 2" in _top(desk, 4)
