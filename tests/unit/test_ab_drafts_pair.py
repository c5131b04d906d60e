"""The blind A/B pair file shows the reviewer the mail's text, also for an HTML-only mail."""

import json
from pathlib import Path

from benchmarks import ab_drafts

HTML_ONLY = (
    b"From: Kim <kim@example.org>\r\nTo: service@example.de\r\nSubject: SMS\r\n"
    b"MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    b"<html><body><p>Is this <b>text message</b> from you?</p></body></html>\r\n"
)


def test_an_html_only_mail_reaches_the_reviewer_with_its_text(tmp_path: Path) -> None:
    (tmp_path / "01.eml").write_bytes(HTML_ONLY)
    (tmp_path / "answers.jsonl").write_text(json.dumps({"file": "01.eml"}) + "\n")
    drafts = {"01.eml": {"body": "Hello Kim,", "citations": []}}
    for name in ("before.json", "after.json"):
        (tmp_path / name).write_text(json.dumps(drafts))
    out = tmp_path / "out"
    out.mkdir()
    ab_drafts.pair(tmp_path / "before.json", tmp_path / "after.json", tmp_path, out)
    assert "Is this text message from you?" in (out / "pairs.txt").read_text()
