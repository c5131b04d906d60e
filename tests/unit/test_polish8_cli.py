"""Session-8 polish on the command line: counts read as English ("1 email", not "1 emails"),
and an export of an unknown address says so once."""

from __future__ import annotations

from pathlib import Path

from tests.cli import Result, run_cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "inbox" / "01-abschlag-erhoehen.eml"
SENDER = "sabine.krueger@web.de"


def run(*args: str, env: dict[str, str]) -> Result:
    return run_cli(*args, env=env, cwd=ROOT)


def one_email(tmp_path: Path) -> dict[str, str]:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    env = {"DRAFTER_DATA_DIR": str(tmp_path / "data")}
    assert run("inbox", "import", str(inbox), env=env).returncode == 0
    return env


def test_privacy_export_and_forget_count_one_email_in_the_singular(tmp_path: Path) -> None:
    env = one_email(tmp_path)
    out = tmp_path / "export.json"
    result = run("privacy", "export", "--email", SENDER, "--out", str(out), env=env)
    assert result.returncode == 0, result.stderr
    assert f"1 email of {SENDER}: written to" in result.stderr, result.stderr
    assert "1 emails" not in result.stderr
    result = run("privacy", "forget", "--email", SENDER, "--yes", env=env)
    assert result.returncode == 0, result.stderr
    assert "erased 1 email," in result.stdout, result.stdout


def test_privacy_export_of_an_unknown_address_says_nothing_is_stored_once(
    tmp_path: Path,
) -> None:
    env = one_email(tmp_path)
    out = tmp_path / "nobody.json"
    result = run("privacy", "export", "--email", "nobody@example.org", "--out", str(out), env=env)
    assert result.returncode == 0, result.stderr
    assert "0 emails" not in result.stderr, result.stderr
    assert result.stderr.count("nothing stored about nobody@example.org") == 1, result.stderr
    assert out.exists(), "the (empty) export is still written, as asked"
