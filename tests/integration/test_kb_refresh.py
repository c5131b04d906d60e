"""The retriever's reload on a new index version: a passing failure to read the index's
metadata keeps the loaded index in service instead of failing the search (a failed search
fails the draft and strands the email in "needs attention")."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.knowledge.retrieve import open_retriever
from tests.integration.desk_helpers import small_index


def test_a_passing_metadata_read_failure_keeps_the_loaded_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_index(tmp_path)
    retriever = open_retriever(Settings(data_dir=tmp_path / "data"))
    query = "Ich möchte meinen Abschlag ändern"
    expected = [p.kb_id for p in retriever.search(query, k=3, language="de")]
    assert expected

    real_meta = type(retriever.store).meta
    failures = iter([None, None])  # meta() while the store cannot be read for a moment
    monkeypatch.setattr(
        type(retriever.store), "meta", lambda store: next(failures, real_meta(store))
    )
    assert [p.kb_id for p in retriever.search(query, k=3, language="de")] == expected
    assert [p.kb_id for p in retriever.search(query, k=3, language="de")] == expected
