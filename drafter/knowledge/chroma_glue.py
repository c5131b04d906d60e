"""What drafter hands to Chroma and how it reads Chroma's failures.

Owns the embedding function every collection is opened with (`DrafterEmbedding`, so Chroma never
picks its own model), the server address parsed from DRAFTER_CHROMA_URL, and the two readings
of a Chroma exception: a read-only or full disk (`read_only_error`) and an unreachable server
(`is_connection_error`). The index itself lives in drafter.knowledge.store.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from drafter.config import Settings
from drafter.errors import KnowledgeBaseError


class DrafterEmbedding:
    """Our embedding model as a Chroma embedding function (so Chroma never picks its own).

    drafter always passes vectors itself; this only answers if Chroma asks."""

    def __init__(self, settings: Settings | None = None, model: str = "") -> None:
        self._settings = settings
        self._model_name = model
        self._model: Any = None

    def __call__(self, input: Sequence[str]) -> list[Any]:
        from drafter.knowledge.embeddings import embed_texts, make_embedding

        if self._model is None:
            self._model = make_embedding(self._settings or Settings())
        return list(embed_texts(self._model, list(input)))

    @staticmethod
    def name() -> str:
        return "drafter"

    def get_config(self) -> dict[str, Any]:
        return {"model": self._model_name}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> DrafterEmbedding:
        return DrafterEmbedding(model=str(config.get("model", "")))

    def is_legacy(self) -> bool:
        return False

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine"]

    def embed_query(self, input: Sequence[str]) -> list[Any]:
        return self(input)


def chroma_server(url: str) -> tuple[str, int, bool]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise KnowledgeBaseError(
            f"DRAFTER_CHROMA_URL={url!r} is not an http(s)://host:port address",
            hint="set it like http://127.0.0.1:8000 (the address `chroma run` prints)",
        )
    secure = parts.scheme == "https"
    return parts.hostname, parts.port or (443 if secure else 8000), secure


def read_only_error(root: Path, exc: BaseException) -> KnowledgeBaseError | None:
    """A clear error when `exc` says the index folder cannot be written (Chroma writes its
    own database even to search), else None."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or "permission denied" in text:
        return KnowledgeBaseError(
            f"the index folder {root} is read-only ({str(exc).splitlines()[0][:120]})",
            hint="make it writable (the vector store writes even to search), or set "
            "DRAFTER_DATA_DIR to a writable copy",
        )
    if "disk is full" in text or "no space left" in text:
        return KnowledgeBaseError(
            f"the disk holding the index {root} is full", hint="free some space, then try again"
        )
    return None


def is_connection_error(exc: BaseException) -> bool:
    """Whether a Chroma *server* could not be reached (never asked for a local index: its
    client says "Could not connect to tenant" after a disk error, with no server involved)."""
    import httpx

    return isinstance(exc, httpx.TransportError | ConnectionError) or (
        "could not connect" in str(exc).lower()
    )
