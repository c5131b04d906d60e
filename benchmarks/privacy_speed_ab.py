"""The redaction timing of two checkouts in one run, alternating (ratios, not absolute
figures, are what a shared machine can tell).

Each round runs, for each checkout in turn, a fresh interpreter with that checkout first on
PYTHONPATH that times 200 warm `redact_email` calls of the privacy bench's ~4 KB mail
(benchmarks.bench_privacy_independent: the same mail, the same warm-up; the cold-start
subprocess of `timing` is skipped here) and prints p50, p95 and the thread-CPU p95 in ms.

    python -m benchmarks.privacy_speed_ab /path/to/main-checkout . --rounds 4
    python -m benchmarks.privacy_speed_ab /path/to/main-checkout . --rounds 4 --stream

`--stream` times 200 different mails instead (the dev sets' first 200: dev, dev2, dev3 in
order, each once, after five warm-up mails of dev4), as a worker meets them: a memo that
lives for one redaction (drafter.privacy.memos) costs there what the same mail redacted 200
times hides.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

# run in the other checkout: its own bench module gives the engine and the mail, this file
# (loaded by its path, so an older checkout needs nothing new) the timing loop
_SNIPPET = """
import importlib.util, json
spec = importlib.util.spec_from_file_location("privacy_speed_ab", {here!r})
ab = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ab)
from benchmarks import bench_privacy_independent as b
engine = b._engine()
email = b._four_kb_email(b.DATA / "dev")
if {stream}:
    from drafter.mail.parse import parse_email
    paths = [p for s in ("dev4", "dev", "dev2", "dev3") for p in sorted((b.DATA / s).glob("*.eml"))]
    mails = iter([parse_email(p.read_bytes()) for p in paths[-205:]])
    print(json.dumps(ab.warm_runs(lambda: engine.privacy.redact_email(next(mails)))))
else:
    print(json.dumps(ab.warm_runs(lambda: engine.privacy.redact_email(email))))
"""


def warm_runs(redact: Callable[[], object], runs: int = 200) -> tuple[list[float], list[float]]:
    """Wall and thread-CPU ms of `runs` calls of `redact` after five warm-up calls, each list
    sorted: the privacy bench's timing loop (bench_privacy_independent.timing uses it)."""
    for _ in range(5):
        redact()
    times, cpu = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.thread_time()
        redact()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - cpu_started) * 1000)
    return sorted(times), sorted(cpu)


def percentile(values: list[float], share: float) -> float:
    """The bench's percentile: the value at int(n * share) - 1 of the sorted values."""
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * share) - 1)]


def one_run(checkout: Path, stream: bool = False) -> tuple[float, float, float, float]:
    """(p50, p95, CPU p95, CPU p50) in ms of 200 warm redactions in a fresh process of
    `checkout` (CPU time of the thread: less noise from other processes); `stream`: 200
    different mails (see the module's doc)."""
    snippet = _SNIPPET.format(here=str(Path(__file__).resolve()), stream=stream)
    out = subprocess.run(
        [sys.executable, "-c", snippet],
        capture_output=True,
        text=True,
        check=True,
        cwd=checkout,
        env={**os.environ, "PYTHONPATH": str(checkout)},
    ).stdout
    times, cpu = json.loads(out.strip().splitlines()[-1])
    return (
        statistics.median(times),
        percentile(times, 0.95),
        percentile(cpu, 0.95),
        statistics.median(cpu),
    )


def main(args: list[str]) -> None:
    rounds = int(args[args.index("--rounds") + 1]) if "--rounds" in args else 3
    checkouts = [Path(a).resolve() for a in args if not a.startswith("--") and a != str(rounds)]
    if len(checkouts) != 2:
        sys.exit(__doc__)
    figures: dict[Path, list[tuple[float, float, float, float]]] = {c: [] for c in checkouts}
    for n in range(rounds):
        for checkout in checkouts if n % 2 == 0 else checkouts[::-1]:
            figures[checkout].append(one_run(checkout, "--stream" in args))
            p50, p95, cpu95, cpu50 = figures[checkout][-1]
            print(
                f"round {n + 1} {checkout}: p50 {p50:.2f} p95 {p95:.2f} CPU p95 {cpu95:.2f} "
                f"CPU p50 {cpu50:.2f} ms",
                flush=True,
            )
    a, b = (figures[c] for c in checkouts)
    for i, name in enumerate(("p50", "p95", "CPU p95", "CPU p50")):
        mid_a = statistics.median(f[i] for f in a)
        mid_b = statistics.median(f[i] for f in b)
        ratio = mid_b / mid_a
        print(f"{name}: {mid_a:.2f} vs {mid_b:.2f} ms (median of rounds), ratio {ratio:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
