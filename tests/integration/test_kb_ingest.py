"""Ingest into a real Chroma + BM25 index in tmp_path, then search it (real USE embeddings)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.errors import KnowledgeBaseError
from drafter.knowledge.embeddings import UseEmbedding, load_use
from drafter.knowledge.ingest import ingest
from drafter.knowledge.retrieve import open_retriever, temporary_retriever

FIXTURE_KB = Path(__file__).resolve().parent.parent / "data" / "kb"
FIXTURE_IDS = {
    "t-de-abschlag",
    "t-de-zaehlerstand",
    "t-de-umzug",
    "t-en-instalment",
    "power-outage",
    "opening-hours",
    "t-faq-sepa",
    "t-faq-tariff",
}


class CountingEmbedding(UseEmbedding):
    """The real USE model, counting every text it is asked to embed."""

    def __init__(self) -> None:
        super().__init__()
        self._texts: list[str] = []

    @property
    def embedded(self) -> int:
        return len(self._texts)

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        self._texts.extend(texts)
        return super()._get_text_embeddings(texts)


@pytest.fixture(scope="session")
def use_loaded() -> None:
    load_use()  # once per test session: every UseEmbedding shares the loaded weights


@pytest.fixture
def kb_copy(tmp_path: Path, use_loaded: None) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, target)
    return target


def _files(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()
    }


def test_ingest_then_search_in_both_languages(settings: Settings, kb_copy: Path) -> None:
    counting = CountingEmbedding()
    report = ingest(settings, [kb_copy], embed_model=counting)
    assert report.failed == []
    assert (report.added, report.updated, report.deleted) == (len(FIXTURE_IDS), 0, 0)
    assert report.embedded_chunks == counting.embedded > 0
    assert (settings.index_dir / "chroma").is_dir()

    retriever = open_retriever(settings)
    assert set(retriever.articles) == FIXTURE_IDS
    assert (
        retriever.article("power-outage")["url"] == "https://www.stadtwerke-nordlicht.de/en/outage"
    )
    assert retriever.article("opening-hours")["title"] == "Customer centre opening hours"

    de = retriever.search("Wie kann ich meine monatliche Abschlagszahlung senken?", k=3)
    assert de[0].kb_id == "t-de-abschlag"
    assert de[0].url.endswith("/service/abschlag")
    assert len({p.kb_id for p in de}) == len(de)  # one passage per article
    en = retriever.search("There is no electricity in my flat, what should I do?", k=3)
    assert en[0].kb_id == "power-outage"
    assert "tracking" not in en[0].text  # script content is not article text
    sepa = retriever.search("Ich möchte per Lastschrift zahlen, wo ist das Formular?", k=2)
    assert sepa[0].kb_id == "t-faq-sepa"

    assert not retriever.is_gap(de)
    off_topic = retriever.search("Who won the football world cup in 1954 in Bern?", k=3)
    assert retriever.is_gap(off_topic)
    assert de[0].score > (off_topic[0].score if off_topic else 0.0)


def test_second_ingest_embeds_nothing_and_loading_never_writes(
    settings: Settings, kb_copy: Path
) -> None:
    ingest(settings, [kb_copy], embed_model=CountingEmbedding())
    counting = CountingEmbedding()
    report = ingest(settings, [kb_copy], embed_model=counting)
    assert counting.embedded == 0 and report.embedded_chunks == 0
    assert report.unchanged == len(FIXTURE_IDS)
    assert (report.added, report.updated, report.deleted) == (0, 0, 0)
    before = _files(settings.index_dir)

    # A newly opened Chroma client rewrites its own files (it rebuilds a small collection's
    # HNSW files from its log, not always to the same bytes, and touches its database), so
    # for them only the sizes are compared, and drafter's stamp of the last clean open
    # (.vectors-checked, drafter.knowledge.health) may follow them; the rest stays untouched
    def sizes(files: dict[str, tuple[int, int]]) -> dict[str, object]:
        return {
            k: v if "/chroma/" not in k else v[0]
            for k, v in files.items()
            if not k.endswith(".vectors-checked")
        }

    retriever = open_retriever(settings)
    retriever.search("Zählerstand melden", k=2)
    retriever.stats()
    assert sizes(_files(settings.index_dir)) == sizes(before)


def test_changed_article_replaced_and_deleted_file_gone(settings: Settings, kb_copy: Path) -> None:
    ingest(settings, [kb_copy], embed_model=CountingEmbedding())
    umzug = kb_copy / "de" / "umzug.md"
    umzug.write_text(
        umzug.read_text(encoding="utf-8").replace(
            "Schlüsselübergabe.", "Schlüsselübergabe. Für Umzüge ins Ausland gilt eine Frist."
        ),
        encoding="utf-8",
    )
    (kb_copy / "en" / "opening-hours.txt").unlink()
    counting = CountingEmbedding()
    report = ingest(settings, [kb_copy], embed_model=counting)
    assert (report.added, report.updated, report.deleted) == (0, 1, 1)
    assert report.unchanged == len(FIXTURE_IDS) - 2
    assert 0 < counting.embedded <= 3  # only the changed article's chunks (+ title vector)

    retriever = open_retriever(settings)
    assert "Ausland" in retriever.article("t-de-umzug")["text"]
    assert retriever.store.counts()[0] == len(retriever.chunks)  # old chunks were dropped
    with pytest.raises(KnowledgeBaseError):
        retriever.article("opening-hours")
    hits = retriever.search("When is the customer centre open on Saturday?", k=8)
    assert "opening-hours" not in {p.kb_id for p in hits}


def test_ingest_of_one_folder_keeps_articles_of_another(settings: Settings, kb_copy: Path) -> None:
    ingest(settings, [kb_copy / "de"], embed_model=CountingEmbedding())
    report = ingest(settings, [kb_copy / "en"], embed_model=CountingEmbedding())
    assert report.deleted == 0
    assert report.articles == 6  # 3 German + 3 English


def test_unreadable_files_are_reported_and_the_rest_ingested(
    settings: Settings, kb_copy: Path
) -> None:
    (kb_copy / "de" / "broken.md").write_text("---\ntitle: [unclosed\n---\nText\n", "utf-8")
    with (kb_copy / "mixed" / "faq.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    report = ingest(settings, [kb_copy], embed_model=CountingEmbedding())
    failed = {Path(f.path.split(":")[0]).name: f.reason for f in report.failed}
    assert "broken.md" in failed and "front matter" in failed["broken.md"]
    assert "faq.jsonl" in failed
    assert report.added == len(FIXTURE_IDS)
    assert report.succeeded


def test_missing_index_is_a_knowledge_base_error(settings: Settings) -> None:
    with pytest.raises(KnowledgeBaseError) as caught:
        open_retriever(settings)
    assert str(settings.index_dir) in caught.value.message
    assert "drafter kb ingest" in caught.value.hint
    assert not settings.index_dir.exists()  # loading never creates anything


def test_temporary_retriever_leaves_the_user_index_alone(settings: Settings, kb_copy: Path) -> None:
    with temporary_retriever(settings, [kb_copy], embed_model=CountingEmbedding()) as retriever:
        assert retriever.search("meter reading photo Zählernummer", k=1)
        root = retriever.layout.root
    assert not root.exists()
    assert not settings.index_dir.exists()
