"""Wall time of `make test` (lint, types, import contracts and the whole pytest suite), the
command CI runs through `.ci/run`; target: under 4 minutes on a 2-core machine.

It runs `make test` once in a child process and reports its wall time, the CPU seconds of
that process tree, the load average before and after (other jobs on a shared machine inflate
wall time) and pytest's closing line. Run alone: `python -m benchmarks.run testsuite`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import resource
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 240.0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run() -> str:
    load_before = os.getloadavg()
    cpu_before = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(["make", "test"], cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    cpu = _children_cpu() - cpu_before
    load_after = os.getloadavg()
    found = re.findall(r"^=*\s*(\d+ passed.*?)\s*=*$", done.stdout, re.M)
    summary = found[-1] if found else (done.stdout.strip().splitlines() or ["no output"])[-1]
    ok = done.returncode == 0 and wall < TARGET_S
    verdict = "met" if ok else "MISSED"
    if done.returncode != 0:
        verdict += f" (make test exited {done.returncode})"

    def loads(values: tuple[float, float, float]) -> str:
        return " / ".join(f"{v:.1f}" for v in values)

    return (
        "## Test suite time\n\n"
        "`make test` (ruff, ruff format, mypy --strict, import-linter, then pytest over\n"
        "pytest-xdist workers, one more than the cores) run once from a warm `.venv`; wall\n"
        "time of the whole command, CPU = user + system seconds of its process tree. Load\n"
        "average (1 / 5 / 15 min) on the 2 cores before and after: above 2, other jobs shared\n"
        "the cores.\n\n"
        "| what | wall | CPU | load before | load after | pytest | target | |\n"
        "|---|---:|---:|---|---|---|---|---|\n"
        f"| make test wall time | {wall:.0f} s | {cpu:.0f} s | {loads(load_before)} | "
        f"{loads(load_after)} | {summary} | < {TARGET_S:.0f} s | {verdict} |\n\n"
        f"Measured {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}.\n"
    )
