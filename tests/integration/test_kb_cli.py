"""`drafter kb ...` and `drafter eval retrieval` as a user runs them (exit codes, output)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from drafter.cli.main import main
from drafter.knowledge.embeddings import load_use
from tests.cli import run_cli

FIXTURE_KB = Path(__file__).resolve().parent.parent / "data" / "kb"


def run_in_process(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


@pytest.fixture(scope="session")
def use_loaded() -> None:
    load_use()


def test_search_without_index_is_a_clear_error() -> None:
    result = run_cli("kb", "search", "Abschlag")
    assert result.returncode == 2
    assert "no knowledge-base index in" in result.stderr
    assert "hint: run `drafter kb ingest`" in result.stderr
    assert "Traceback" not in result.stderr


def test_ingest_search_stats(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, use_loaded: None
) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, kb)
    (kb / "de" / "broken.md").write_text("---\ntitle: [x\n---\nbody\n", encoding="utf-8")
    (kb / "en" / "manual.docx").write_bytes(b"PK\x03\x04 not really a docx")
    (kb / ".DS_Store").write_bytes(b"\x00\x01")  # hidden: ignored silently
    (kb / "README.md").write_text("# How this folder is organised\n", encoding="utf-8")
    code, out, err = run_in_process(capsys, "kb", "ingest", str(kb))
    assert code == 0
    assert "8 added" in out and "0 unchanged" in out  # README.md is documentation, not an article
    assert "broken.md" in err and "failed" in err
    skipped = [line for line in err.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 1
    assert skipped[0].startswith("skipped 1 file of an unsupported type: ")
    assert "manual.docx" in skipped[0] and "(supported: .md, .html, .txt, .jsonl)" in skipped[0]
    assert ".DS_Store" not in err and "README" not in err
    first_ingest = out

    code, out, _ = run_in_process(capsys, "kb", "ingest", str(kb))
    assert code == 0 and "8 unchanged" in out
    assert "embedded 0 vectors (0 chunks + 0 titles)" in out

    code, out, _ = run_in_process(
        capsys, "kb", "search", "Wie ändere ich meinen Abschlag?", "--k", "2", "--json"
    )
    assert code == 0
    payload = json.loads(out)
    assert payload["language"] == "de"
    assert payload["results"][0]["kb_id"] == "t-de-abschlag"
    assert set(payload["results"][0]) == {"kb_id", "title", "url", "score", "chunk", "untrusted"}
    assert payload["results"][0]["untrusted"] == []
    assert payload["gap"] is False and 0.0 <= payload["support"] <= 1.0

    code, out, _ = run_in_process(capsys, "kb", "stats")
    assert code == 0 and "articles:   8" in out and "usem" in out

    # ingest and stats count chunks and vectors the same way (titles are extra vectors)
    code, out, _ = run_in_process(capsys, "kb", "stats", "--json")
    stats = json.loads(out)
    assert stats["vectors"] == stats["chunks"] + 8 > 8
    chunks, vectors = stats["chunks"], stats["vectors"]
    assert f"embedded {vectors} vectors ({chunks} chunks + 8 titles)" in first_ingest
    assert f"8 articles, {chunks} chunks ({vectors} vectors incl. titles)" in first_ingest


def test_ingest_of_nothing_readable_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    code, _, err = run_in_process(capsys, "kb", "ingest", str(bad))
    assert code == 2
    assert "bad.jsonl" in err and "Traceback" not in err


def test_ingest_of_only_unsupported_files_names_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "Tarife.pdf").write_bytes(b"%PDF-1.4")
    code, _, err = run_in_process(capsys, "kb", "ingest", str(folder))
    assert code == 2
    assert "no knowledge-base articles found" in err and "Tarife.pdf" in err
    assert "hint:" in err and "Traceback" not in err


def test_ingest_of_an_empty_folder_into_an_existing_index_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, use_loaded: None
) -> None:
    """A mistyped or empty folder said only "0 added, 0 updated, 0 deleted, 0 unchanged"
    once an index existed: nothing told the admin that no article was found there."""
    kb = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, kb)
    assert run_in_process(capsys, "kb", "ingest", str(kb))[0] == 0
    empty = tmp_path / "export-2026"
    empty.mkdir()
    code, out, err = run_in_process(capsys, "kb", "ingest", str(empty))
    assert code == 0 and "0 added" in out
    assert f"no articles found in {empty}" in err and "index is unchanged" in err
    assert ".md" in err


def test_eval_retrieval_json_is_one_object(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, use_loaded: None
) -> None:
    cases = tmp_path / "cases.jsonl"
    rows = [
        ("c1", "de", "Abschlag", "Kann ich den Abschlag senken?", "t-de-abschlag"),
        (
            "c2",
            "en",
            "",
            "Where do I report my meter reading? Wo melde ich den Zählerstand?",
            "t-de-zaehlerstand",
        ),
        (
            "c3",
            "en",
            "Outage",
            "Hello,\nthe power is off in my house.\nBest regards\nAnna",
            "power-outage",
        ),
    ]
    cases.write_text(
        "".join(
            json.dumps({"case_id": c, "lang": lang, "subject": s, "message": m, "gold_kb_ids": [g]})
            + "\n"
            for c, lang, s, m, g in rows
        ),
        encoding="utf-8",
    )
    code, out, _ = run_in_process(
        capsys, "eval", "retrieval", "--kb", str(FIXTURE_KB), "--cases", str(cases), "--json"
    )
    assert code == 0
    result = json.loads(out)  # exactly one JSON object on stdout
    assert set(result) == {"n", "recall@1", "recall@5", "hit@5", "mrr", "p95_ms"}
    assert result["n"] == 3
    assert result["recall@5"] == 1.0
    assert 0 < result["mrr"] <= 1.0 and result["p95_ms"] > 0
    assert not (tmp_path / "drafter-data" / "index").exists()  # the user's index is untouched
