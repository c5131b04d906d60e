"""Desk start: from launching a fresh interpreter to the first drawn queue, and on to drafting
ready (the embedding model loaded, the contact-reason example vectors embedded and the name
lists of pseudonymization built, or both read), cold (no `<data dir>/cache/`) and with the
cache an earlier start left.

The data dir holds KB_PER_LANGUAGE kb/ articles per language (ingested by another process)
and the 45 sample emails of examples/inbox, none drafted yet, so the desk starts pre-drafting
(no LLM) and loads its engine as `drafter tui` does. Each start runs headless in a fresh
interpreter (`make_app` on the real Desk, predraft on) until the engine is ready, then quits.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KB_PER_LANGUAGE = 12
RUNS = 2  # per condition; cold and cached alternate
QUEUE_TARGET = 1.0  # seconds from launch to the drawn queue (as the TUI section's cold start)
READY_TARGET = 5.0  # seconds from launch to drafting ready, with the cache
# what a start leaves in <data dir>/cache/ for the next: example vectors, name lists (startup26)
CACHE_FILES = ("reason_examples.npz", "name_vocabulary.marshal")

_CHILD = r"""
import gc, sys, time, json
gc.disable()  # as `drafter tui` does: collection resumes once the queue is shown
sys.path.insert(0, {root!r})
from drafter.config import Settings
from drafter.desk import Desk
from drafter.tui.app import make_app
from drafter.tui.screens.queue import QueueScreen
settings = Settings(_env_file=None, data_dir={data!r})
app = make_app(settings, service=Desk(settings), predraft=True)
seen = {{}}

async def auto(pilot):
    while not (isinstance(app.screen, QueueScreen) and app.screen.loaded):
        await pilot.pause(0.002)
    seen["queue"] = time.time()
    seen["rows"] = len(app.screen.items)
    while not app._warmed:
        seen["label"] = seen.get("label") or app.models_loading
        await pilot.pause(0.02)
    seen["ready"] = time.time()
    app.exit()

app.run(headless=True, auto_pilot=auto, size=(120, 40))
print(json.dumps(seen))
"""


def _env(data: Path) -> dict[str, str]:
    return {
        **os.environ,
        "TEXTUAL": "",
        "PYTHONDONTWRITEBYTECODE": "1",
        "DRAFTER_DATA_DIR": str(data),
        "DRAFTER_DATABASE_URL": "",
        "DRAFTER_CHROMA_URL": "",
        "DRAFTER_LLM_MODEL": "",
        "DRAFTER_EMBEDDING_BACKEND": "usem",
    }


def _prepare(data: Path) -> None:
    kb = [
        str(p)
        for lang in ("de", "en")
        for p in sorted((ROOT / "kb" / lang).glob("*.md"))[:KB_PER_LANGUAGE]
    ]
    for args in (["kb", "ingest", *kb], ["inbox", "import", str(ROOT / "examples" / "inbox")]):
        subprocess.run(
            [sys.executable, "-m", "drafter", "--data-dir", str(data), *args],
            check=True,
            capture_output=True,
            env=_env(data),
        )


def start(data: Path) -> dict[str, float]:
    """One desk start in a fresh interpreter: seconds to the drawn queue and to ready."""
    code = _CHILD.format(root=str(ROOT), data=str(data))
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(data), timeout=600
    )
    if out.returncode != 0 or not out.stdout.strip():
        raise RuntimeError(out.stderr[-2000:])
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    return {
        "queue": seen["queue"] - started,
        "ready": seen["ready"] - started,
        "rows": float(seen["rows"]),
        "label": float(bool(seen.get("label"))),
    }


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _fmt(values: list[float]) -> str:
    return f"median {statistics.median(values):.1f} s ({', '.join(f'{v:.1f}' for v in values)})"


def run() -> str:
    cold: list[dict[str, float]] = []
    warm: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        _prepare(data)
        cache = data / "cache"
        for _ in range(RUNS):
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(start(data))
            written = [(cache / name).stat().st_mtime_ns for name in CACHE_FILES]
            warm.append(start(data))
            reused = [(cache / name).stat().st_mtime_ns for name in CACHE_FILES] == written
    queue = [r["queue"] for r in cold + warm]
    cold_ready = [r["ready"] for r in cold]
    warm_ready = [r["ready"] for r in warm]
    saved = statistics.median(cold_ready) - statistics.median(warm_ready)
    label = all(r["label"] for r in cold + warm)
    rows = [
        f"| launch to the first drawn queue ({int(cold[0]['rows'])} rows), all {len(queue)} "
        f"starts | {_fmt(queue)} | <= {QUEUE_TARGET:.1f} s "
        f"({_verdict(statistics.median(queue) <= QUEUE_TARGET)}) |",
        f"| launch to drafting ready, cold (no cache/) | {_fmt(cold_ready)} | - |",
        f"| launch to drafting ready, with the cache | {_fmt(warm_ready)} | <= "
        f"{READY_TARGET:.0f} s ({_verdict(statistics.median(warm_ready) <= READY_TARGET)}) |",
        f"| saved by the cache (median cold - median cached) | {saved:.1f} s | > 0 "
        f"({_verdict(saved > 0)}) |",
        f"| cache files ({', '.join(CACHE_FILES)}) reused unchanged by the second start "
        f"| {'yes' if reused else 'no'} "
        f"| yes ({_verdict(reused)}) |",
        f"| queue bar said 'drafts: loading models …' while loading | "
        f"{'every start' if label else 'not every start'} | every start ({_verdict(label)}) |",
    ]
    load = os.getloadavg()
    return (
        "## Desk start\n\n"
        "A fresh interpreter opens the desk (the real Desk on SQLite, no LLM, pre-drafting on) "
        f"over {2 * KB_PER_LANGUAGE} kb/ articles and the {int(cold[0]['rows'])} sample emails "
        "of examples/inbox, none drafted, and runs headless until the drafting engine is "
        "ready (embedding model loaded, contact-reason example vectors embedded and the name "
        "lists of pseudonymization built, or both read from `<data dir>/cache/`). "
        f"{RUNS} cold starts (cache/ deleted) alternate with {RUNS} "
        "starts that find the cache the cold one wrote. Load average at the end: "
        f"{load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} ({os.cpu_count()} cores).\n\n"
        "| measure | result | target |\n|---|---|---|\n" + "\n".join(rows) + "\n"
    )


if __name__ == "__main__":
    print(run())
