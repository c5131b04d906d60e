"""Expensive test data built once per test RUN, even when pytest-xdist spreads the tests over
several worker processes.

The controlling pytest process makes one folder and names it in the `SHARED_ENV` environment
variable before the workers start (tests/conftest.py); `built_once(name, build)` builds `name`
there under a file lock (the first worker to ask builds it, the others wait) and hands each
process its own copy, so a test that opens or changes it never sees another process's files.
Without the variable (a module imported outside pytest) it builds into a private folder.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from filelock import FileLock

SHARED_ENV = "TESTS_SHARED_BUILD_DIR"
_DONE = ".built"


def built_once(name: str, build: Callable[[Path], None]) -> Path:
    """A private copy of the folder `build(folder)` fills; built once per test run."""
    root = os.environ.get(SHARED_ENV)
    mine = Path(tempfile.mkdtemp(prefix=f"drafter-test-{name}-"))
    atexit.register(shutil.rmtree, mine, True)
    if not root:
        build(mine / name)
        return mine / name
    shared = Path(root) / name
    with FileLock(str(shared) + ".lock"):
        if not (shared / _DONE).exists():
            shutil.rmtree(shared, ignore_errors=True)
            build(shared)
            (shared / _DONE).touch()
    shutil.copytree(shared, mine / name, ignore=shutil.ignore_patterns(_DONE))
    return mine / name
