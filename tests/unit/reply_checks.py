"""What the reply-check round tests share: an article written for a test, and the risky
warning codes `run_checks` gives a reply (no KB folder: only the articles passed count)."""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.models import Passage

RISKY = {"unsupported_claim", "commitment", "payment", "link", "injection", "credentials"}


def risky(reply: str, articles: list[Passage], mail: str, language: str) -> set[str]:
    data = CheckInput(body=reply, passages=articles, customer_text=mail, language=language)
    return {w.code for w in run_checks(data, Settings(kb_dir="/nonexistent"))} & RISKY


def article(kb_id: str, text: str, language: str) -> Passage:
    return Passage(kb_id=kb_id, title=kb_id, text=text, language=language)
