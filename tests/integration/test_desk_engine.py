"""The Desk with the real drafting engine (no-LLM mode) over a real throwaway KB index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.models import Done
from drafter.store import emails
from tests.conftest import ROOT
from tests.integration.test_send_smtp import RAW

KB = sorted((ROOT / "kb" / "de").glob("de-abschlag-*.md"))[:3]


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not KB:
        pytest.skip("kb/de not present")
    from drafter.knowledge.retrieve import temporary_retriever

    settings = Settings(data_dir=tmp_path_factory.mktemp("kb-data"))
    with temporary_retriever(settings, [Path(p) for p in KB]) as found:
        yield found


async def test_no_llm_draft_is_saved_and_vault_is_kept_per_thread(
    settings: Settings, retriever: Any
) -> None:
    desk = Desk(settings, retriever=retriever, no_llm=True)
    raw = RAW.replace(b"80 Euro.", b"80 Euro. Rufen Sie mich an: 0431 1234567, Anna Schulz.")
    (email_id,) = desk.import_messages([("a.eml", raw)]).email_ids
    events = [event async for event in desk.draft(email_id)]
    done = events[-1]
    assert isinstance(done, Done) and done.draft.mode == "extractive"
    (version,) = desk.versions(email_id)
    assert version.body == done.draft.body and version.source == "generated"
    assert desk.email(email_id).status == "ready"
    first = desk.redacted(email_id)
    assert "1234567" not in first and "[PHONE_1]" in first
    assert "Anna Schulz" not in first
    assert desk.redacted(email_id) == first  # same thread vault, same placeholders
    with desk.db.read() as conn:
        stored = conn.exec_driver_sql("SELECT thread_key, vault_json FROM vaults").all()
        assert len(stored) == 1 and "1234567" in (emails.load_vault(conn, stored[0][0]) or "")
    assert stored[0][1].startswith("fernet:") and "1234567" not in stored[0][1]  # at rest
    article = desk.article(done.draft.passages[0].kb_id)
    assert article.startswith("# ") and len(article) > 200
