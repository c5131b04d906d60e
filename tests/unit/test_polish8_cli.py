"""Session-8 polish on the command line: counts read as English ("1 email", not "1 emails"),
and an export of an unknown address says so once."""

from __future__ import annotations

from pathlib import Path

from drafter.config import Settings
from drafter.desk import Desk
from drafter.models import DraftWarning
from tests.cli import Result, data_dir_with_one_email, run_cli
from tests.integration.desk_helpers import ScriptedEngine, queue_emails

ROOT = Path(__file__).resolve().parents[2]
SENDER = "sabine.krueger@web.de"


def run(*args: str, env: dict[str, str]) -> Result:
    return run_cli(*args, env=env, cwd=ROOT)


def test_privacy_export_and_forget_count_one_email_in_the_singular(tmp_path: Path) -> None:
    env = data_dir_with_one_email(tmp_path)
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
    env = data_dir_with_one_email(tmp_path)
    out = tmp_path / "nobody.json"
    result = run("privacy", "export", "--email", "nobody@example.org", "--out", str(out), env=env)
    assert result.returncode == 0, result.stderr
    assert "0 emails" not in result.stderr, result.stderr
    assert result.stderr.count("nothing stored about nobody@example.org") == 1, result.stderr
    assert out.exists(), "the (empty) export is still written, as asked"


async def test_a_script_that_cannot_send_is_told_to_acknowledge_in_the_desk(
    settings: Settings,
) -> None:
    """`inbox send` refused a reply with risky warnings, saying "acknowledge each warning in
    the send dialog": the command line has no send dialog, and the hint did not say where.
    (The draft comes from a scripted engine with a payment warning; send is the real CLI.)"""
    payment = DraftWarning(code="payment", message="bank details", span="DE89 3704")
    desk = Desk(settings, engine=ScriptedEngine(warnings=[payment], body="Zahlen an DE89 3704"))
    (email_id,) = queue_emails(desk, 1)
    async for _ in desk.draft(email_id):
        pass
    desk.approve(email_id, desk.versions(email_id)[-1].body)
    env = {"DRAFTER_DATA_DIR": str(settings.data_dir), "DRAFTER_AGENT_ID": "agent"}
    refused = run("inbox", "send", str(email_id), env=env)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "Traceback" not in refused.stderr
    assert "nobody acknowledged (payment)" in refused.stderr, refused.stderr
    hint = refused.stderr.split("hint: ", 1)[1]
    assert "drafter tui" in hint and f"email {email_id}" in hint, hint
