"""The contact-reason example vectors are cached in <data dir>/cache/ (desk25).

Every desk start embedded the ~220 labelled examples again (11 s on a busy 2-core machine)
before the first draft could begin. The vectors now go to a file keyed by a hash of the
embedded texts and the model: a second start reads them, a changed example set or model
rebuilds them, and a damaged file is rebuilt, never a crash.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from drafter.config import Settings
from drafter.desk.base import _load_embedding_model
from drafter.drafting import reason_examples
from drafter.knowledge import embeddings
from drafter.knowledge.embeddings import Embedding, UseEmbedding


class CountingModel(Embedding):
    """Deterministic vectors from the text; counts the texts it was asked to embed."""

    model_name = "counting-v1"

    def __init__(self, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.embedded = 0

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        self.embedded += len(texts)
        rows = []
        for text in texts:
            rng = np.random.default_rng(sum(text.encode()) % 2**32)
            rows.append(rng.normal(size=8).tolist())
        return rows


class CountingUse(UseEmbedding):
    """A local (USE-typed) model as the desk sees it, without loading USE's weights."""

    def __init__(self) -> None:
        super().__init__()
        self.embedded = 0

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        self.embedded += len(texts)
        return [[float(len(t) % 7 + 1), 1.0, float(i % 3)] for i, t in enumerate(texts)]


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts as a new process would: nothing embedded in memory yet."""
    monkeypatch.setattr(reason_examples, "_CACHE", {})


def _restart() -> None:
    reason_examples._CACHE.clear()  # the next desk start is a new process


def test_a_second_start_reads_the_vectors_instead_of_embedding(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = CountingModel()
    reason_examples.embed_examples(first, cache)
    assert first.embedded > 200  # every example
    assert (cache / "reason_examples.npz").is_file()
    before, labels, _ = reason_examples._vectors(first, cache)

    _restart()
    second = CountingModel()
    reason_examples.embed_examples(second, cache)
    assert second.embedded == 0
    after, labels_after, _ = reason_examples._vectors(second, cache)
    assert np.array_equal(before, after) and labels == labels_after
    votes = reason_examples.example_votes(second, "Abschlag", "Abschlag ändern", labels, k=3)
    assert votes  # the cached vectors vote like the fresh ones


def test_a_changed_example_set_or_model_rebuilds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    reason_examples.embed_examples(CountingModel(), cache)

    _restart()
    other = CountingModel(model_name="counting-v2")
    reason_examples.embed_examples(other, cache)
    assert other.embedded > 200  # another model: embedded again

    rows = [json.loads(line) for line in reason_examples.EXAMPLES.read_text().splitlines()]
    rows[0]["message"] += " Und noch eine Frage zur Rechnung."
    changed = tmp_path / "examples.jsonl"
    changed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    monkeypatch.setattr(reason_examples, "EXAMPLES", changed)
    _restart()
    again = CountingModel(model_name="counting-v2")
    reason_examples.embed_examples(again, cache)
    assert again.embedded == len(rows)  # one example changed: the set is embedded again
    _restart()
    third = CountingModel(model_name="counting-v2")
    reason_examples.embed_examples(third, cache)
    assert third.embedded == 0  # and that file is used from then on


@pytest.mark.parametrize(
    "damage",
    [b"", b"PK\x03\x04 not really a zip", b"\x93NUMPY garbage", "npy", "truncated"],
)
def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, damage: bytes | str) -> None:
    cache = tmp_path / "cache"
    reason_examples.embed_examples(CountingModel(), cache)
    path = cache / "reason_examples.npz"
    whole = path.read_bytes()
    if damage == "npy":  # a whole .npy file where the .npz belongs
        with path.open("wb") as out:
            np.save(out, np.ones((3, 3)))
    elif damage == "truncated":
        path.write_bytes(whole[: len(whole) // 2])
    else:
        path.write_bytes(damage)  # type: ignore[arg-type]

    _restart()
    model = CountingModel()
    reason_examples.embed_examples(model, cache)  # no exception
    assert model.embedded > 200
    _restart()
    reader = CountingModel()
    reason_examples.embed_examples(reader, cache)
    assert reader.embedded == 0  # the rebuilt file is whole again


def test_the_desk_start_writes_and_then_reads_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the desk runs while it loads its models (DeskBase._get_engine)."""
    monkeypatch.setattr(embeddings, "load_use", lambda: None)  # USE's weights: not needed here
    settings = Settings(_env_file=None, data_dir=tmp_path / "data")  # type: ignore[call-arg]

    class Retriever:
        def __init__(self) -> None:
            self.embed_model = CountingUse()

    first = Retriever()
    _load_embedding_model(first, settings.data_dir / "cache")
    assert first.embed_model.embedded > 200
    assert (settings.data_dir / "cache" / "reason_examples.npz").is_file()
    _restart()
    second = Retriever()
    _load_embedding_model(second, settings.data_dir / "cache")
    assert second.embed_model.embedded == 0


def test_another_version_of_the_local_models_weights_rebuilds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """USE keeps its name across releases of the package its weights ship in."""
    cache = tmp_path / "cache"
    reason_examples.embed_examples(CountingUse(), cache)
    _restart()
    monkeypatch.setattr(reason_examples, "_weights_version", lambda model: "99.0")
    upgraded = CountingUse()
    reason_examples.embed_examples(upgraded, cache)
    assert upgraded.embedded > 200
