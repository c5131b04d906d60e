"""Batching the retrieval queries of an evaluation run into one embedding call.

Embedding one query costs almost as much as embedding a batch (the offline model reads all
its weights per call), and a run embeds one query per case. `PrefetchEmbedding` wraps the
configured embedding model: `prefetch(cases)` builds every case's query exactly as the engine
will (pseudonymize, then `build_query`), embeds them all in one batch, and answers those
queries from memory; any other text goes to the wrapped model unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from drafter.config import Settings
from drafter.evaluation.datasets import EvalCase, case_email
from drafter.knowledge.embeddings import Embedding


class PrefetchEmbedding(Embedding):
    """An embedding model that answers prefetched queries from memory."""

    model_name: str = "prefetch"

    def __init__(self, inner: Embedding) -> None:
        super().__init__(model_name=inner.model_name, embed_batch_size=inner.embed_batch_size)
        self._inner: Any = inner
        self._known: dict[str, list[float]] = {}

    @property
    def prefetched(self) -> int:
        return len(self._known)

    def prefetch(self, settings: Settings, cases: Sequence[EvalCase]) -> None:
        """Embed the retrieval query of every case in one batch."""
        from drafter.errors import PrivacyError
        from drafter.knowledge.retrieve import build_query
        from drafter.privacy.session import PrivacySession

        privacy = PrivacySession(settings)
        remote = settings.embedding_backend == "openai"
        queries: list[str] = []
        for case in cases:
            redacted, vault = privacy.redact_email(case_email(case, settings.language_default))
            query = build_query(redacted.subject, redacted.body).strip()
            if query and remote:
                try:  # the same last check as the engine's retrieval (nothing sent on a hit)
                    privacy.guard([query], vault)
                except PrivacyError:
                    continue
            if query and query not in self._known:
                queries.append(query)
        queries = list(dict.fromkeys(queries))
        if queries:
            vectors = self._inner.get_text_embedding_batch(queries, show_progress=False)
            self._known.update(zip(queries, vectors, strict=True))

    def _get_query_embedding(self, query: str) -> list[float]:
        known = self._known.get(query.strip())
        if known is not None:
            return known
        result: list[float] = self._inner.get_query_embedding(query)
        return result

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        result: list[list[float]] = self._inner.get_text_embedding_batch(texts, show_progress=False)
        return result
