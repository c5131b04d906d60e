"""Test isolation: loopback-only network, a throwaway data dir, no developer .env or env vars."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.i18n import set_language
from tests.shared_build import SHARED_ENV

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"

_LOOPBACK = {"127.0.0.1", "::1", "localhost", "0.0.0.0", "::"}
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _check(address: object) -> None:
    if isinstance(address, tuple) and address and str(address[0]) not in _LOOPBACK:
        raise OSError(f"network access blocked in tests: {address!r}")


def _guarded_connect(self: socket.socket, address: object) -> None:
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(address)
    return _real_connect(self, address)  # type: ignore[arg-type]


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(address)
    return _real_connect_ex(self, address)  # type: ignore[arg-type]


def _guarded_getaddrinfo(host: object, *args: object, **kw: object):  # type: ignore[no-untyped-def]
    if host is not None and str(host) not in _LOOPBACK:
        raise OSError(f"name resolution blocked in tests: {host!r}")
    return _real_getaddrinfo(host, *args, **kw)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _offline_and_isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", _guarded_getaddrinfo)
    for key in list(os.environ):
        if key.startswith(("DRAFTER_", "OPENAI_")):
            monkeypatch.delenv(key)
    data = tmp_path / "drafter-data"
    monkeypatch.setenv("DRAFTER_DATA_DIR", str(data))
    monkeypatch.setenv("DRAFTER_AGENT_ID", "agent")  # in-process CLI runs act as `settings`
    # the interface language: English unless a test asks for German (the CLI and the desk
    # speak German when the locale is de_*); the catalogue's state is reset after each test
    monkeypatch.setenv("DRAFTER_UI_LANGUAGE", "en")
    monkeypatch.setitem(Settings.model_config, "env_file", None)
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings on a throwaway data dir, no LLM configured; the agent is pinned to "agent" so
    screenshots do not depend on who runs the tests (the default is the OS user name)."""
    return Settings(
        data_dir=tmp_path / "drafter-data",
        agent_id="agent",
        ui_language="en",
        timezone="Europe/Berlin",
    )


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    if not hasattr(config, "workerinput") and SHARED_ENV not in os.environ:
        # the main process (not an xdist worker): one folder for data built once per run,
        # made before the workers start so they inherit its name (tests/shared_build.py)
        shared = tempfile.mkdtemp(prefix="drafter-tests-shared-")
        os.environ[SHARED_ENV] = shared
        config.add_cleanup(lambda: shutil.rmtree(shared, ignore_errors=True))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs the PostgreSQL cluster (started once per process, a few seconds) is
    `slow`: `make test-fast` leaves it out, `make test` runs it."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_pg = callspec is not None and callspec.params.get("db_url") == "postgresql"
        if on_pg or "pg_cluster" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """One throwaway PostgreSQL 15 cluster for the whole run (see tests/pg_server.py).

    Skipped when PostgreSQL is not installed, except under CI (.ci/run installs it)."""
    from tests.pg_server import PgCluster, bindir

    if bindir() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; .ci/run should have installed it")
        pytest.skip("PostgreSQL (initdb, pg_ctl) is not installed")
    cluster = PgCluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: object) -> str:
    """The URL of a fresh, empty PostgreSQL database."""
    return pg_cluster.new_database()  # type: ignore[attr-defined,no-any-return]


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh state database on each backend: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'drafter-data' / 'drafter.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def db_settings(db_url: str, tmp_path: Path) -> Settings:
    """Settings on a throwaway data dir whose database is `db_url` (both backends)."""
    return Settings(data_dir=tmp_path / "drafter-data", database_url=db_url, agent_id="agent")
