"""Round 18 (desk18): the commands and docs a new team meets first."""

from __future__ import annotations

import re
from pathlib import Path

from drafter.config import Settings

ROOT = Path(__file__).resolve().parents[2]


def _shared_env() -> dict[str, str]:
    text = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    block = text.split("## 2. Settings", 1)[1].split("```", 2)[1]
    return dict(re.findall(r"^(DRAFTER_\w+)=(\S*)", block, re.M))


def test_the_teams_shared_env_sets_the_teams_time_zone() -> None:
    """A team following docs/deploy.md on a server in UTC saw every time in UTC (queue,
    claims, versions, report days, the reply's quote line): the shared .env set no zone."""
    env = _shared_env()
    assert env.get("DRAFTER_TIMEZONE"), env
    assert env.get("DRAFTER_UI_LANGUAGE") in ("de", "en"), env
    fields = {f"DRAFTER_{name.upper()}" for name in Settings.model_fields}
    assert set(env) <= fields, set(env) - fields  # every line is a real setting


def test_inbox_show_lays_out_the_mail_as_the_desk_does(settings: Settings) -> None:
    """`inbox show` at 80 columns left a stub after a line the customer's mailer wrapped
    ("…nach Gas, vor allem" / "unten" / "beim Keller."); the desk and `mail parse` join such
    lines (drafter.mail.unwrap) and wrap at their own width."""
    from drafter.desk import Desk
    from tests.cli import run_cli

    mail = ROOT / "examples" / "inbox" / "27-gasgeruch.eml"
    desk = Desk(settings)
    try:
        (email_id,) = desk.import_messages([(mail.name, mail.read_bytes())]).email_ids
    finally:
        desk.close()
    shown = run_cli(
        "--data-dir", str(settings.data_dir), "inbox", "show", str(email_id),
        env={"COLUMNS": "80"},
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    body = shown.stdout.split("\n\n", 2)[1]
    lines = body.splitlines()
    assert all(len(line) <= 80 for line in lines), lines
    assert "unten" not in [line.strip() for line in lines], lines
    assert "vor allem unten beim Keller" in " ".join(lines), lines
