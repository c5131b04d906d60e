"""`drafter mail parse`: JSON keys, readable output, and a clean error for a missing file."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from drafter.cli.main import cli
from tests.cli import run_cli

DATA = Path(__file__).resolve().parent.parent / "data" / "emails"

RAW = (
    "From: Anna Beispiel <anna@example.org>\n"
    "Subject: Umzug\n"
    "Content-Type: text/plain; charset=utf-8\n\n"
    "Hallo,\n\nich ziehe am 1. Dezember um. Bitte melden Sie den Zähler ab.\n\n"
    "Viele Grüße\nAnna\n\n"
    "Am 02.11.2026 um 09:00 schrieb Service <service@example.net>:\n> Wie können wir helfen?\n"
).encode()


def test_json_output_has_the_documented_keys(tmp_path: Path) -> None:
    path = tmp_path / "mail.eml"
    path.write_bytes(RAW)
    result = CliRunner().invoke(cli, ["mail", "parse", str(path), "--json"])
    assert result.exit_code == 0, result.output
    view = json.loads(result.output)
    for key in ("status", "language", "subject", "from", "body", "quoted", "signature"):
        assert key in view
    assert view["status"] == "ok" and view["language"] == "de"
    assert view["from"] == "Anna Beispiel <anna@example.org>"
    assert view["body"].endswith("Bitte melden Sie den Zähler ab.")
    assert view["signature"] == "Viele Grüße\nAnna"
    assert view["quoted"].startswith("Am 02.11.2026")
    assert view["attachments"] == [] and isinstance(view["defects"], list)


def test_human_output_shows_status_body_and_attachments() -> None:
    result = CliRunner().invoke(cli, ["mail", "parse", str(DATA / "image-only.eml")])
    assert result.exit_code == 0, result.output
    assert "no_text_body" in result.output
    assert "IMG_0001.jpg" in result.output and "image/jpeg" in result.output


def test_missing_file_exits_2_with_message_and_hint(tmp_path: Path) -> None:
    missing = tmp_path / "gibt-es-nicht.eml"
    result = run_cli("mail", "parse", str(missing))
    assert result.returncode == 2
    assert "gibt-es-nicht.eml" in result.stderr and "hint:" in result.stderr
    assert "Traceback" not in result.stderr
