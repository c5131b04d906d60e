"""Search latency of a desk's kept Retriever on a local index of 1,040 and 10,000 vectors, for
this checkout and (with --baseline REF) an older commit in the same run (a development tool,
not a test; the benchmark of record is benchmarks/bench_retrieval.py).

    .venv/bin/python scripts/kb_search_latency.py [--baseline REF ...] [--work DIR]

The indexes (520 and 5,000 articles, a body chunk and a title vector each, stand-in vectors of
tests/integration/test_kb_damage.HashEmbedding) are built once with this checkout; each code
version then opens them in a child process and times 100 searches after 10 warm-up ones.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (520, 5000)  # articles: 1,040 and 10,000 vectors


def _settings(root: Path):  # type: ignore[no-untyped-def]
    from drafter.config import Settings
    from tests.integration.test_kb_damage import HASH_MODEL

    return Settings(
        data_dir=root.parent,
        embedding_backend="openai",
        embedding_model=HASH_MODEL,
        embedding_base_url="http://127.0.0.1:9/v1",
    )


def build(work: Path) -> None:
    from drafter.knowledge.ingest import ingest
    from tests.integration.test_kb_damage import HashEmbedding, write_kb

    for n in SIZES:
        root = work / f"idx{n}" / "index"
        root.parent.mkdir(parents=True, exist_ok=True)
        kb = write_kb(
            root.parent / "kb.jsonl",
            n,
            lambda i: f"Antwort {i}: Ihren Abschlag ändern Sie im Portal, Stand {i * 7}.",
        )
        ingest(_settings(root), [kb], index_dir=root, embed_model=HashEmbedding())


def measure(work: Path) -> dict[str, list[float]]:
    import numpy as np

    from drafter.knowledge.retrieve import open_retriever
    from tests.integration.test_kb_damage import HashEmbedding

    out = {}
    for n in SIZES:
        root = work / f"idx{n}" / "index"
        retriever = open_retriever(_settings(root), index_dir=root, embed_model=HashEmbedding())
        queries = [f"Abschlag Frage {i}" for i in range(0, n, n // 100)][:100]
        for q in queries[:10]:
            retriever.search(q, k=5)
        wall = []
        for q in queries:
            started = time.perf_counter()
            retriever.search(q, k=5)
            wall.append((time.perf_counter() - started) * 1000)
        retriever.close()
        out[str(2 * n)] = [float(np.percentile(wall, 50)), float(np.percentile(wall, 95))]
    return out


def _child(code_root: Path, work: Path) -> dict[str, list[float]]:
    env = {**os.environ, "PYTHONPATH": str(code_root)}
    args = [sys.executable, __file__, "--measure", "--work", str(work)]
    done = subprocess.run(args, env=env, cwd=code_root, capture_output=True, text=True, timeout=900)
    if done.returncode:
        raise SystemExit(done.stderr[-2000:])
    result: dict[str, list[float]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--baseline", action="append", default=[], help="a git commit to time as well (repeatable)"
    )
    parser.add_argument("--work", type=Path, help="folder of the indexes (default: a temp one)")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.measure:
        print(json.dumps(measure(opts.work)))
        return
    with tempfile.TemporaryDirectory(prefix="kb-latency-") as tmp:
        work = opts.work or Path(tmp) / "work"
        if not (work / f"idx{SIZES[-1]}").is_dir():
            build(work)
        rows = {"this checkout": _child(ROOT, work)}
        for ref in opts.baseline:
            old = Path(tmp) / f"baseline-{len(rows)}"
            old.mkdir()
            archive = subprocess.run(
                ["git", "archive", ref], cwd=ROOT, capture_output=True, check=True
            )
            subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
            rows[ref] = _child(old, work)
        print("| code | vectors | p50 ms | p95 ms |\n|---|---|---|---|")
        for name, figures in rows.items():
            for vectors, (p50, p95) in figures.items():
                print(f"| {name} | {vectors} | {p50:.1f} | {p95:.1f} |")


if __name__ == "__main__":
    if "--measure" not in sys.argv:  # a measuring child imports the code of its PYTHONPATH
        sys.path.insert(0, str(ROOT))
    main()
