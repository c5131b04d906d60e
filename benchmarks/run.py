"""`make bench`: runs every benchmarks/bench_*.py and writes docs/benchmarks.md.

Each benchmark module has `run() -> str` returning a Markdown section (a `## heading`, what
was measured, a table of figures and the targets). Sections are written in module order,
under a header naming the machine and the date. `python -m benchmarks.run NAME ...` runs
only the named modules and keeps the other sections of the existing file.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import platform
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
_MARK = re.compile(r"<!-- bench:(\w+) -->\n(.*?)<!-- /bench:\1 -->\n", re.S)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main(names: list[str]) -> None:
    available = sorted(p.stem[len("bench_") :] for p in (ROOT / "benchmarks").glob("bench_*.py"))
    selected = names or available
    old = dict(_MARK.findall(DOC.read_text())) if DOC.exists() else {}
    sections: dict[str, str] = {k: v for k, v in old.items() if k in available}
    for name in selected:
        if name not in available:
            sys.exit(f"error: no benchmark named {name!r} (available: {', '.join(available)})")
        print(f"running {name} ...", flush=True)
        started = time.perf_counter()
        module = importlib.import_module(f"benchmarks.bench_{name}")
        text = module.run().strip() + "\n"
        stamp = f"\n_{dt.date.today().isoformat()}, {time.perf_counter() - started:.0f} s_\n"
        sections[name] = text + stamp
        print(text)
    header = (
        "# Benchmarks\n\n"
        "Written by `make bench` (`python -m benchmarks.run [NAME ...]`). Machines here are\n"
        "noisy: compare ratios within one run rather than absolute figures across runs.\n\n"
        f"Machine: {machine()}\n"
        f"Last run: {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} (each section ends with the "
        "date it ran; a section of an earlier date ran on an earlier machine of this kind)\n\n"
    )
    body = "".join(
        f"<!-- bench:{k} -->\n{sections[k]}<!-- /bench:{k} -->\n\n"
        for k in available
        if k in sections
    )
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(header + body)
    print(f"wrote {DOC}")


if __name__ == "__main__":
    main(sys.argv[1:])
