"""Where the knowledge-base index lives and how drafter reaches it: a local folder or a server.

Owns the Chroma client of drafter.knowledge.store.IndexStore (its base class `ChromaConnection`):
without DRAFTER_CHROMA_URL a `chromadb.PersistentClient` on settings.index_dir/chroma, with it a
`chromadb.HttpClient` on the Chroma server; the errors for an unreachable server and for a folder
that cannot be written; and the `session()` every reading or writing method runs in.

A local folder is used by one holder at a time (drafter.knowledge.index_lock): a session holds
the folder's lock and opens the Chroma client only inside it, closing it again when the
outermost session ends -- so no process keeps Chroma open over files that an ingest elsewhere
rewrites or wipes. Chroma shares one client per folder in a process, so `close()` also drops it
from Chroma's per-process cache and counts the closing (a store whose shared client another
store closed opens anew).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from drafter.config import Settings
from drafter.errors import KnowledgeBaseError
from drafter.knowledge.chroma_glue import chroma_server, read_only_error
from drafter.knowledge.index_lock import holding

# how often each local folder's Chroma client was closed: Chroma shares one client per folder
# in a process, so a store whose client was closed by another store of the folder opens anew
_closings: dict[str, int] = {}


class ChromaConnection:
    """The Chroma holding the index: a local folder (`root`) or the server at `url`."""

    def __init__(
        self, settings: Settings, index_dir: Path | None = None, *, private: bool = False
    ) -> None:
        self.settings = settings
        self.url = "" if index_dir is not None else settings.chroma_url
        self.root = Path(index_dir or settings.index_dir)
        self.location = f"the Chroma server {self.url}" if self.url else str(self.root)
        # a throwaway folder only this process knows (temporary_retriever): no lock, and the
        # client stays open between sessions
        self.private = private
        self._client: Any = None
        self._opened = 0  # _closings of the folder when the client was opened

    @property
    def local(self) -> bool:
        return not self.url

    @property
    def chroma_dir(self) -> Path:
        return self.root / "chroma"

    @contextlib.contextmanager
    def session(
        self, *, wait: float | None = None, purpose: str = "", create: bool = False
    ) -> Iterator[None]:
        """Use the index: for a local folder, hold its lock and close the Chroma client when
        the outermost session ends (a server needs neither). `create` makes the folder first
        (an ingest into a new folder locks it too); `wait`, `purpose`: see index_lock.holding."""
        if not self.local or self.private:
            yield
            return
        if create:
            try:
                self.root.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise read_only_error(self.root, exc) or exc from exc
        with holding(self.root, wait=wait, purpose=purpose) as outermost:
            try:
                yield
            finally:
                if outermost:
                    self.close()

    def client(self) -> Any:
        if self._client is not None and self._opened != _closings.get(str(self.chroma_dir), 0):
            self._client = None  # another store of this folder closed the shared client
        if self._client is None:
            self._opened = _closings.get(str(self.chroma_dir), 0)
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            options = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
            if self.local:
                try:
                    self._client = chromadb.PersistentClient(
                        path=str(self.chroma_dir), settings=options
                    )
                except Exception:  # Chroma's cached system for the folder failed once (say on
                    self.close()  # a full disk) and refuses every client since: start afresh
                    try:
                        self._client = chromadb.PersistentClient(
                            path=str(self.chroma_dir), settings=options
                        )
                    except Exception as exc:
                        raise self.folder_error(exc) or exc from exc
            else:
                host, port, secure = chroma_server(self.url)
                try:
                    self._client = chromadb.HttpClient(
                        host=host, port=port, ssl=secure, settings=options
                    )
                except Exception as exc:  # the client checks the server on creation
                    raise self.unreachable(exc) from exc
        return self._client

    def unreachable(self, exc: BaseException) -> KnowledgeBaseError:
        reason = str(exc).splitlines()[0][:150] if str(exc) else type(exc).__name__
        return KnowledgeBaseError(
            f"cannot reach the Chroma server at {self.url} ({reason})",
            hint="start it (`chroma run --path <folder> --host <host> --port <port>`) or fix "
            "DRAFTER_CHROMA_URL",
        )

    def folder_error(self, exc: BaseException) -> KnowledgeBaseError | None:
        """For a local index: a clear error naming the folder when `exc` or the disk itself says
        the folder cannot be written (full or read-only), else None."""
        from drafter.store.disk import storage_problem

        blocked = read_only_error(self.root, exc)
        if blocked is None and (problem := storage_problem(self.root)) is not None:
            blocked = KnowledgeBaseError(problem.message, hint=problem.hint)
        return blocked

    def close(self) -> None:
        """Forget the client (a local one is dropped from Chroma's per-process cache too, so
        the next client reads the folder afresh)."""
        self._client = None
        if self.local:
            from chromadb.api.shared_system_client import SharedSystemClient

            key = str(self.chroma_dir)
            _closings[key] = _closings.get(key, 0) + 1
            system = SharedSystemClient._identifier_to_system.pop(key, None)
            if system is not None:
                with contextlib.suppress(Exception):  # a damaged store may fail to stop
                    system.stop()
