"""What a new user tripped over on the command line (session-8 try-out of a fresh clone):
each mistake ends in `error:` + `hint:` naming what to fix, and no line says something
untrue."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli import Result, data_dir_with_one_email, run_cli

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return run_cli(*args, env=env, cwd=ROOT)


def assert_user_error(result: Result, *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "error: " in result.stderr and "\nhint: " in result.stderr, result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


@pytest.fixture
def one_email(tmp_path: Path) -> dict[str, str]:
    """A data dir whose queue holds one sample email (no index needed)."""
    return data_dir_with_one_email(tmp_path)


def test_a_misspelt_warning_in_the_acknowledgement_list_is_refused(tmp_path: Path) -> None:
    """`paymnet` used to be accepted silently: payment warnings then needed no tick."""
    env = {"DRAFTER_DATA_DIR": str(tmp_path), "DRAFTER_ACK_REQUIRED_WARNINGS": "link,paymnet"}
    result = run("inbox", "list", env=env)
    assert_user_error(result, "DRAFTER_ACK_REQUIRED_WARNINGS", "'paymnet'", "payment")


def test_the_known_warnings_and_an_empty_list_are_accepted(tmp_path: Path) -> None:
    from drafter.config import DEFAULT_ACK_REQUIRED, load_settings

    every = "kb_partial,template_draft," + ",".join(DEFAULT_ACK_REQUIRED)
    assert "kb_partial" in load_settings(ack_required_warnings=every).ack_required_warnings
    assert load_settings(ack_required_warnings="").ack_required_warnings == []


def test_reopening_an_email_under_review_does_not_talk_of_a_sent_reply(
    one_email: dict[str, str],
) -> None:
    result = run("inbox", "reopen", "1", "--reason", "x", env=one_email)
    assert_user_error(result, "only a rejected email can be reopened")
    assert "sent reply" not in result.stderr, "email 1 is new, nothing was sent"


def test_a_report_of_an_empty_period_does_not_call_the_store_empty(
    one_email: dict[str, str], tmp_path: Path
) -> None:
    result = run("report", "--since", "2020-01-01", "--until", "2020-01-31", env=one_email)
    assert result.returncode == 0, result.stderr
    assert "no emails in the store yet" not in result.stderr
    assert "--since" in result.stderr, result.stderr
    page = tmp_path / "desk.html"
    result = run("report", "--html", str(page), env=one_email)
    assert result.returncode == 0 and page.exists()
    assert result.stderr.count(str(page)) == 1, f"said once: {result.stderr!r}"


def test_eval_names_a_prompt_template_that_does_not_exist(tmp_path: Path) -> None:
    env = {"DRAFTER_DATA_DIR": str(tmp_path)}
    cases = str(ROOT / "eval" / "cases_sample.jsonl")
    result = run("eval", "drafts", "--cases", cases, "--no-llm", "--prompt", "reply-shrot", env=env)
    assert_user_error(result, "'reply-shrot'", "reply")


def test_eval_says_when_compared_templates_cannot_differ(tmp_path: Path) -> None:
    """Template drafts ignore the prompt: the side-by-side table showed two identical runs
    without a word on why."""
    cases = tmp_path / "cases.jsonl"
    lines = (ROOT / "eval" / "cases_sample.jsonl").read_text(encoding="utf-8").splitlines()
    cases.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    env = {"DRAFTER_DATA_DIR": str(tmp_path / "data")}
    kb = tmp_path / "kb"
    kb.mkdir()
    for name in ("de-abschlag-anpassen.md", "de-zaehlerstand-melden.md"):
        (kb / name).write_bytes((ROOT / "kb" / "de" / name).read_bytes())
    args = ("eval", "drafts", "--cases", str(cases), "--kb", str(kb))
    compare = ("--prompt", "reply", "--prompt", "rewrite", "--no-llm", "--no-thresholds")
    result = run(*args, *compare, env=env)
    assert result.returncode == 0, result.stderr
    assert "do not use the prompt" in result.stderr and "--no-llm" in result.stderr


def test_the_known_warnings_are_the_ones_the_core_gives() -> None:
    """drafter.models.WARNING_CODES is what DRAFTER_ACK_REQUIRED_WARNINGS is checked against:
    a new warning code must be added there, or nobody could require a tick for it."""
    import re

    from drafter.models import WARNING_CODES

    codes: set[str] = set()
    for path in (ROOT / "drafter").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        codes |= set(re.findall(r"\bcode=\"(\w+)\"", text))
        codes |= set(re.findall(r"_warn\(\s*\"(\w+)\"", text))
    assert {"kb_gap", "link", "payment", "model_failed"} <= codes
    assert codes == WARNING_CODES


def test_ingest_of_a_path_that_does_not_exist_says_so_and_nothing_else(tmp_path: Path) -> None:
    """It loaded the models, printed 'articles: 0 added ... index now holds ...' and only then
    the error; with a default DRAFTER_KB_DIR that is missing it named no setting."""
    env = {"DRAFTER_DATA_DIR": str(tmp_path / "data")}
    result = run("kb", "ingest", str(tmp_path / "artciles"), env=env)
    assert_user_error(result, "no such file or folder", "artciles")
    assert "articles:" not in result.stdout and "index now holds" not in result.stdout
    env["DRAFTER_KB_DIR"] = str(tmp_path / "kb")
    assert_user_error(run("kb", "ingest", env=env), "DRAFTER_KB_DIR", str(tmp_path / "kb"))


@pytest.mark.parametrize("value", ["2", "-0.5"])
def test_a_gap_threshold_outside_0_to_1_is_refused(tmp_path: Path, value: str) -> None:
    """A probability of 2 made every email a knowledge gap, silently."""
    env = {"DRAFTER_DATA_DIR": str(tmp_path), "DRAFTER_KB_GAP_THRESHOLD": value}
    assert_user_error(run("inbox", "list", env=env), "DRAFTER_KB_GAP_THRESHOLD")


def test_a_report_without_rejections_or_gaps_says_so_instead_of_an_empty_table(
    one_email: dict[str, str],
) -> None:
    """The rejection-reasons table printed its two headers and no row when nothing was
    rejected (desk12 left it); the knowledge-gaps table its six headers."""
    result = run("report", env={**one_email, "COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    assert "rejection reasons: no email rejected" in result.stdout
    assert "reasons (emails)" not in result.stdout
    assert "knowledge gaps: none found" in result.stdout
    assert "raised by" not in result.stdout
