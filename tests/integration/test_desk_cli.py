"""`drafter inbox` end to end: import the sample inbox, list it, refuse bad input."""

from __future__ import annotations

import json
import mailbox
from pathlib import Path

import pytest

from drafter.cli.main import main
from tests.conftest import ROOT
from tests.integration.test_send_smtp import RAW

INBOX = ROOT / "examples" / "inbox"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stop:
        main(list(args))
    out, err = capsys.readouterr()
    return int(stop.value.code or 0), out, err


@pytest.mark.skipif(not INBOX.is_dir(), reason="examples/inbox not present")
def test_import_sample_inbox_twice_then_list(capsys: pytest.CaptureFixture[str]) -> None:
    count = len(list(INBOX.glob("*.eml")))
    code, out, _ = _run(capsys, "inbox", "import", str(INBOX))
    assert code == 0
    assert out.strip().startswith(f"imported {count}, duplicates 0")
    code, out, _ = _run(capsys, "inbox", "import", str(INBOX))
    assert out.strip() == f"imported 0, duplicates {count}, quarantined 0"
    code, out, _ = _run(capsys, "inbox", "list", "--json")
    rows = json.loads(out)
    assert len(rows) == count and {r["status"] for r in rows} <= {"new", "needs_attention"}
    # emergencies (the gas-smell mail) first, then received order
    assert [r["urgency"] for r in rows][:2] == ["gas smell", ""]
    times = [r["received_at"] for r in rows[1:]]
    assert times == sorted(times)
    code, out, _ = _run(capsys, "inbox", "list")
    assert code == 0 and f"{count} emails" in out


def test_import_mbox_and_search(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    box = mailbox.mbox(str(tmp_path / "in.mbox"))
    box.add(RAW)
    box.add(RAW.replace(b"kunde-42", b"kunde-43").replace(b"Abschlag", b"Umzug"))
    box.flush()
    code, out, _ = _run(capsys, "inbox", "import", str(tmp_path / "in.mbox"))
    assert (code, out.strip()) == (0, "imported 2, duplicates 0, quarantined 0")
    code, out, _ = _run(capsys, "inbox", "list", "--json", "--search", "umzug")
    assert [r["subject"] for r in json.loads(out)] == ["AW: Umzug erhöhen"]


def test_missing_path_and_missing_index_are_user_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "inbox", "import", str(tmp_path / "nope"))
    assert code == 2 and "nope" in err and "hint:" in err and "Traceback" not in err
    code, out, _ = _run(capsys, "inbox", "draft", "--no-llm")
    assert (code, out.strip()) == (0, "nothing to draft")
    (tmp_path / "a.eml").write_bytes(RAW)
    _run(capsys, "inbox", "import", str(tmp_path / "a.eml"))
    code, _, err = _run(capsys, "inbox", "draft", "--no-llm")
    assert code == 2 and "kb ingest" in err and "Traceback" not in err
