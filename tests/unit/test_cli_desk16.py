"""CLI points found in round 16 (desk16): drafter's commands as a new user runs them at 80
columns right after `make demo`."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.cli import run_cli as run

INBOX = Path(__file__).resolve().parents[2] / "examples" / "inbox"


@pytest.mark.parametrize(
    "args",
    [
        ("eval", "drafts", "--cases", "nope.jsonl", "--no-llm"),
        ("eval", "retrieval", "--cases", "nope.jsonl", "--kb", "nope"),
        ("kb", "ingest", "nope-folder"),
    ],
)
def test_a_command_with_a_progress_bar_fails_with_its_error_alone(
    args: tuple[str, ...], tmp_path: Path
) -> None:
    """`eval drafts --cases nope.jsonl` printed an empty line before its error: the progress
    bar had started (and stopped) before the command found out the file was missing."""
    result = run("--data-dir", str(tmp_path / "data"), *args)
    assert result.returncode == 2, result
    assert result.stderr.startswith("error: "), repr(result.stderr)


def test_mail_parse_at_80_columns_fills_the_body_panel(tmp_path: Path) -> None:
    """`mail parse` printed the body as the mailer wrapped it, so in the 76-column panel every
    long line left a stub ("und die mail zum" / "login ist") on a line of its own."""
    result = run(
        "--data-dir", str(tmp_path), "mail", "parse", str(INBOX / "17-portal-passwort-du.eml"),
        env={"COLUMNS": "80"},
    )  # fmt: skip
    assert result.returncode == 0, result
    body = result.stdout.split("─ body ")[1].split("╰")[0]
    lines = [line.strip("│ ") for line in body.splitlines()[1:]]
    assert "und die mail zum" not in lines and "login ist" not in lines, body
    short = [line for line in lines[:-1] if line and len(line) < 40]  # all but a paragraph's end
    assert len(short) <= 1, body


def test_kb_search_hits_use_the_terminal_width() -> None:
    """At 80 columns `kb search` gave the chunk a fifth of the width: one or two words a line,
    15 lines a hit. The chunk now runs the full width below the article's id and title."""
    from rich.console import Console

    from drafter.cli.kb import search_view
    from drafter.models import Passage

    text = "Ihr monatlicher Abschlag soll Ihren tatsächlichen Verbrauch abbilden. " * 4
    hits = [Passage(kb_id=f"de-{n}", title="Abschlag anpassen", url="https://x.example/a",
                    text=text, score=0.3) for n in range(3)]  # fmt: skip
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(search_view(hits))
    shown = console.export_text().splitlines()
    assert len(shown) <= 3 * 6 + 2, "\n".join(shown)  # id/title, url, 4 lines of chunk
    assert max(map(len, shown)) > 70, "\n".join(shown)


def test_the_html_report_has_the_per_agent_figures_of_the_terminal_report() -> None:
    """`drafter report` printed a "by agent" table; `report --html` had no per-agent figures."""
    from drafter.evaluation.analytics import Analytics, Group
    from drafter.evaluation.analytics_view import html_page

    agents = {"anna": {"claimed": 4, "drafted": 0, "edited": 3, "approved": 2, "sent": 2,
                       "rejected": 1}}  # fmt: skip
    page = html_page(Analytics(4, Group("all", 4, 4, 2, 1), [], [], [], by_agent=agents))
    assert "<h2>By agent</h2>" in page
    row = page.split("<td>anna</td>")[1].split("</tr>")[0]
    assert row == "<td>4</td><td>0</td><td>3</td><td>2</td><td>2</td><td>1</td>", row
    assert "By agent" not in html_page(Analytics(0, Group("all", 0, 0, 0, 0), [], [], []))


def test_mail_parse_redact_lists_the_entities_inside_80_columns(tmp_path: Path) -> None:
    """`mail parse --redact` printed each entity as fixed-width columns: with a pattern as the
    reason the line was 110 characters and the terminal wrapped it under the placeholder."""
    result = run(
        "--data-dir", str(tmp_path), "mail", "parse", str(INBOX / "17-portal-passwort-du.eml"),
        "--redact", env={"COLUMNS": "80"},
    )  # fmt: skip
    assert result.returncode == 0, result
    assert "[CUSTOMER_NO_1]" in result.stdout and "'KD-7781204'" in result.stdout
    assert max(len(line.rstrip()) for line in result.stdout.splitlines()) <= 80, result.stdout


def test_the_report_keeps_long_german_words_whole_at_80_columns() -> None:
    """`drafter report` at 80 columns gave the gap topic 16 of 6 columns and broke its words:
    "photovoltaikanla" / "ge". Raised by and languages now share a column."""
    from rich.console import Console

    from drafter.evaluation.analytics import Analytics, GapTopic, Group
    from drafter.evaluation.analytics_view import tables

    gap = GapTopic(
        "Förderung für Photovoltaik und Balkonkraftwerk", 1, [24],
        ["vergütung", "nordlicht", "photovoltaikanlage", "kwp"], {"de": 1},
        ["Gibt es bei den Stadtwerken Nordlicht eine Förderung oder einen Zuschuss dafür?"],
        {"retrieval": 1},
    )  # fmt: skip
    analytics = Analytics(1, Group("all", 1, 1, 0, 0), [], [], [gap])
    console = Console(width=80, record=True, file=io.StringIO())
    for table in tables(analytics, 24):
        console.print(table)
    shown = console.export_text()
    assert "photovoltaikanlage" in shown and "retrieval 1" in shown and "de 1" in shown, shown
    assert max(len(line) for line in shown.splitlines()) <= 80
