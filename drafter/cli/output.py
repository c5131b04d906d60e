"""Output helpers shared by the CLI commands: the stderr progress bar and report files.

`progress_bar` is the one rich progress display (used by `kb ingest`, `eval drafts` and
`eval retrieval`); `write_report` writes a report file a command was asked for, readable by
its owner only (`write_private`: reports quote customers' words, rejection reasons and gap
questions), and turns an unwritable path into a DrafterError naming the file and the option.
`json_option` and `OUT_FILE` are the commands' shared `--json` flag and the type of an
output-file option. `warnings_to_stderr` shows log warnings (ours and libraries') on stderr
while a long-running command runs, and nothing below WARNING: a library's debug logging is
not for the user.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from drafter.errors import DrafterError
from drafter.i18n import t

#: `--json`: print one JSON object instead of text
json_option = click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
#: an option naming a file the command writes (a directory is refused)
OUT_FILE = click.Path(dir_okay=False, path_type=Path)


@contextmanager
def progress_bar(label: str = "ingest") -> Iterator[Any]:
    """A rich progress bar on stderr; yields a (stage, done, total) callback.

    The bar starts with the first report: a command that fails before any work (a missing
    cases file) prints its error alone, without the blank line a started bar leaves."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    bar = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    tasks: dict[str, Any] = {}

    def update(stage: str, done: int, total: int) -> None:
        if not tasks:
            bar.start()
        if stage not in tasks:
            tasks[stage] = bar.add_task(f"{label}: {stage}", total=total)
        bar.update(tasks[stage], completed=done, total=total)

    try:
        yield update
    finally:
        if tasks:
            bar.stop()


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` (UTF-8) with mode 0600, also over an existing file of a wider
    mode: what drafter writes for a person (exports, reports) is for its owner only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def write_report(path: Path, text: str, option: str, what: str = "") -> None:
    """Write `text` to `path` (UTF-8, owner only) and say so on stderr; `option` names the
    CLI flag, `what` the file in the interface language (default: "report", "Bericht")."""
    what = what or t("cli.what.report")
    try:
        write_private(path, text)
    except OSError as exc:
        raise DrafterError(
            t("cli.cannot_write", what=what, path=path, why=exc.strerror or exc),
            hint=t("cli.cannot_write.hint", option=option),
            localized=True,
        ) from exc
    click.echo(t("cli.written", what=what, path=path), err=True)


@contextmanager
def warnings_to_stderr() -> Iterator[None]:
    """While the block runs, log records of WARNING and above go to stderr as `LEVEL message`.

    The level sits on the handler, not the root logger: a library that sets its own logger to
    DEBUG (bm25s does) still has its debug records dropped here.
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
