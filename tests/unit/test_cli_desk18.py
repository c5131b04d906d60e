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
