"""Run the `drafter` command in-process, as the console script would, and capture its output.

Subprocesses pay a cold import of the whole stack (and a model load) per call; in-process
runs share the test session's imports. The contract stays the same: exit code, stdout,
stderr, and an unexpected exception shows up as a traceback on stderr with exit code 1, so
"no traceback for a user mistake" is still checked.
"""

from __future__ import annotations

import io
import os
import traceback
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from drafter.cli import main


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> Result:
    """`drafter ARGS` with `env` added to the (already isolated) test environment."""
    saved_env = dict(os.environ)
    saved_cwd = Path.cwd()
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        os.environ.update(env or {})
        if cwd is not None:
            os.chdir(cwd)
        with redirect_stdout(out), redirect_stderr(err):
            try:
                main(list(args))
            except SystemExit as exited:
                code = exited.code if isinstance(exited.code, int) else (1 if exited.code else 0)
            except Exception:
                traceback.print_exc()
                code = 1
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return Result(code, out.getvalue(), err.getvalue())


SAMPLE_EMAIL = (
    Path(__file__).resolve().parents[1] / "examples" / "inbox" / "01-abschlag-erhoehen.eml"
)


def data_dir_with_one_email(tmp_path: Path) -> dict[str, str]:
    """The environment of a data dir whose queue holds one imported sample email (no index)."""
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / SAMPLE_EMAIL.name).write_bytes(SAMPLE_EMAIL.read_bytes())
    env = {"DRAFTER_DATA_DIR": str(tmp_path / "data")}
    assert run_cli("inbox", "import", str(inbox), env=env).returncode == 0
    return env
