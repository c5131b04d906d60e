"""Semantic similarity between each draft and its reference answer, computed while drafting.

Finished cases are collected; every `batch` of them is embedded in one call in a worker
thread (the embedding model costs about the same per call for 1 text or 64), so the work
overlaps with waiting for the language model. Scores are cached per (embedding model,
reference text, draft text), so an unchanged draft is never embedded twice.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from drafter.config import Settings
from drafter.evaluation.cache import DraftCache, cache_key
from drafter.evaluation.datasets import EvalCase
from drafter.evaluation.metrics import CaseResult


class SimilarityBatcher:
    """Fills in `semantic_similarity` of the results handed to `add`; `finish` awaits all."""

    def __init__(
        self,
        settings: Settings,
        retriever: Any,
        cases: Sequence[EvalCase],
        cache: DraftCache,
        batch: int = 48,
    ) -> None:
        from drafter.knowledge.embeddings import embedding_id

        self.settings = settings
        self.retriever = retriever
        self.cache = cache
        self.batch = batch
        self.embedding = embedding_id(settings)
        self.reference = {
            c.case_id: c.reference_answer for c in cases if c.reference_answer.strip()
        }
        self.pending: list[tuple[CaseResult, str]] = []
        self.tasks: list[asyncio.Task[None]] = []
        self._model: Any = None

    def _key(self, result: CaseResult) -> str:
        return cache_key("similarity", self.embedding, self.reference[result.case_id], result.body)

    def add(self, result: CaseResult) -> None:
        if not result.body or result.case_id not in self.reference:
            return
        key = self._key(result)
        known = self.cache.get_value(key)
        if known is not None:
            result.semantic_similarity = known
            return
        self.pending.append((result, key))
        if len(self.pending) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        todo, self.pending = self.pending, []
        if todo:
            self.tasks.append(asyncio.ensure_future(asyncio.to_thread(self._embed, todo)))

    def _embed(self, todo: list[tuple[CaseResult, str]]) -> None:
        from drafter.knowledge.embeddings import embed_texts, make_embedding

        if self._model is None:
            self._model = getattr(self.retriever, "embed_model", None) or make_embedding(
                self.settings
            )
        texts = [t for result, _ in todo for t in (self.reference[result.case_id], result.body)]
        matrix = embed_texts(self._model, texts)
        for i, (result, key) in enumerate(todo):
            similarity = round(float(matrix[2 * i] @ matrix[2 * i + 1]), 4)
            result.semantic_similarity = similarity
            self.cache.put_value(key, similarity)

    async def finish(self) -> None:
        self._flush()
        if self.tasks:
            await asyncio.gather(*self.tasks)
        self.tasks = []
