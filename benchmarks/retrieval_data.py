"""Data for bench_retrieval: the evaluation sets run once through the product's query path
(signals recorded per question), and the synthetic scale index.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from drafter.config import Settings
from drafter.knowledge.embeddings import embedding_id
from drafter.knowledge.fusion import Signals, prefer_language
from drafter.knowledge.ingest import CHUNKING, ingest
from drafter.knowledge.lexical import tokenize
from drafter.knowledge.records import ArticleRecord, ChunkRecord, IndexMeta
from drafter.knowledge.retrieve import Retriever, build_query, open_retriever
from drafter.knowledge.store import IndexStore

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval" / "retrieval"
SETS = ["covidfaq_de", "covidfaq_en", "xquad_de", "xquad_en", "sample"]
# The 100k row was not re-run with this version of the module (it takes ~6 minutes to build).
OLD_SCALE_ROWS = [
    "| 100,000 | local folder (index format 1); random unit vectors, texts from the eval KBs | "
    "332 | - | 12.2 | 16.8 | 16.3 | <= 100: met | 2026-11-22 (previous search path and "
    "index format, best of three passes; not re-run) |",
]


@dataclass
class Recorded:
    """One set: its retriever and, per question, the query, gold article indices and signals."""

    name: str
    retriever: Retriever
    queries: list[str] = field(default_factory=list)
    gold: list[set[int]] = field(default_factory=list)  # empty: a real gap (sample set)
    signals: list[Signals] = field(default_factory=list)
    ingest_row: str = ""

    @property
    def n_answerable(self) -> int:
        return sum(1 for g in self.gold if g)

    def language_factor(self, sig: Signals, scores: np.ndarray) -> np.ndarray:
        """The product's language preference (drafter.knowledge.fusion.prefer_language)."""
        retriever = self.retriever
        return prefer_language(
            scores, sig, retriever._article_lang, twinned=retriever.twinned(sig.lang)
        )


def _cases(name: str) -> tuple[Path, list[dict[str, Any]]]:
    if name == "sample":
        path = ROOT / "eval" / "cases_sample.jsonl"
    else:
        path = EVAL / f"cases_{name}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return path, rows


def record_set(settings: Settings, work: Path, name: str) -> Recorded:
    kb = [ROOT / "kb"] if name == "sample" else [EVAL / f"kb_{name}.jsonl"]
    index = work / f"q-{name}"
    report = ingest(settings, kb, index_dir=index)
    rate = report.embedded_chunks / report.seconds if report.seconds else 0.0
    row = (
        f"| {name} | {report.articles} | {report.embedded_chunks} | {report.seconds:.1f} | "
        f"{rate:.0f} |"
    )
    retriever = open_retriever(settings, index_dir=index)
    rec = Recorded(name, retriever, ingest_row=row)
    _path, rows = _cases(name)
    positions = retriever._article_index
    for case in rows:
        query = build_query(str(case.get("subject") or ""), str(case.get("message") or ""))
        if not query:
            continue
        lang = str(case.get("lang") or "") or None
        gold = {positions[g] for g in case.get("gold_kb_ids") or [] if g in positions}
        if case.get("gold_kb_ids") and not gold:
            continue  # gold article not in this KB: not usable
        from drafter.language import detect_language

        rec.queries.append(query)
        rec.gold.append(gold)
        rec.signals.append(retriever.signals(query, lang or detect_language(query)))
    return rec


@contextmanager
def sample_recorded(prefix: str) -> Iterator[Recorded]:
    """The sample KB indexed and its golden questions recorded in a temporary folder (the
    multilingual encoder loaded first), for a bench's `main`."""
    import tempfile

    from drafter.knowledge.embeddings import load_use

    load_use()
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        yield record_set(Settings(data_dir=Path(tmp)), Path(tmp), "sample")


def sentences() -> list[str]:
    out: list[str] = []
    for name in SETS[:4]:
        for line in (EVAL / f"kb_{name}.jsonl").read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            out.extend(s.strip() for s in text.split(". ") if len(s.strip()) > 30)
    return out


def synthetic_index(store: IndexStore, n_chunks: int) -> tuple[float, list[str]]:
    """An index of n_chunks (2 per article) with random unit vectors, written through the
    product's store (local folder or Chroma server); (build seconds, texts)."""
    started = time.perf_counter()
    rng = random.Random(7)
    np_rng = np.random.default_rng(7)
    texts = sentences()
    store.wipe()
    articles: list[ArticleRecord] = []
    chunks: list[ChunkRecord] = []
    for a in range(n_chunks // 2):
        kb_id = f"syn-{a:06d}"
        lang = "de" if a % 2 else "en"
        title = rng.choice(texts)[:60]
        body = [" ".join(rng.choice(texts) for _ in range(3)) for _ in range(2)]
        articles.append(
            ArticleRecord(kb_id, title, "\n\n".join(body), language=lang, hash=kb_id, chunks=2)
        )
        for i, text in enumerate(body):
            stems = " ".join(tokenize(f"{title}\n{text}", lang))
            chunks.append(ChunkRecord(f"{kb_id}::{i}", kb_id, text, i, "body", stems))
    vectors = np_rng.standard_normal((n_chunks, 512)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    for _ in store.add_chunks(chunks, vectors):
        pass
    store.add_articles(articles, vectors[::2])
    store.write_meta(IndexMeta(embedding=embedding_id(store.settings), chunking=CHUNKING, dim=512))
    store.close()
    return time.perf_counter() - started, texts
