"""Stress the local knowledge-base index under concurrent use (a development tool, not a test).

Three variants, each counted as crashes (a process killed by a signal), exceptions (anything
but drafter's own clear KnowledgeBaseError), clear errors (KnowledgeBaseError, e.g. "the index
is being rebuilt") and wrong results (the search for "Abschlag Frage N" does not return article
aN first, or returns a passage of another article):

  concurrent  one reader process searches in a loop as the desk does (one Retriever kept open,
              its refresh/reload path before every search) while `drafter kb ingest` runs in
              other processes round after round with changed articles (every third round
              `--rebuild`, which wipes the folder the reader has open)
  inproc      one process: ingest (incremental / --rebuild alternating) and then search, with the
              retriever it already had (refresh path) and with a fresh one, many times
  repair      one process: garble the HNSW file, `kb ingest` repairs (wipe + build), search, as
              tests/integration/test_kb_damage.py did before f8bd034
  team        `concurrent` against a Chroma server (`chroma run` on loopback, DRAFTER_CHROMA_URL):
              no file lock there, the server serializes the requests (not part of `all`)

    .venv/bin/python scripts/kb_race.py [concurrent|inproc|repair|team|all] [--rounds N] [--load N]

Everything runs with stand-in vectors (512 dims seeded by the whole text) served by a loopback
OpenAI-compatible /embeddings endpoint, on an index of 520 articles (1,040 vectors: above
Chroma's 1,000, so its HNSW files are what it reads). `--load N` adds N busy-loop processes
(CPU load); every child has a timeout and is ended by its pid.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ARTICLES = 520
MODEL = "hash-512"
CHILD_SECONDS = 300
DRAFTER = [str(Path(sys.executable).parent / "drafter")]


def write_kb(path: Path, round_no: int) -> Path:
    """The KB of one round: every fourth article (shifting per round) has a new text."""
    from tests.integration.test_kb_damage import write_kb as write_articles

    def answer(i: int) -> str:
        stand = round_no if i % 4 == round_no % 4 else 0
        return f"Antwort {i}: Ihren Abschlag ändern Sie im Portal ({i}, Stand {stand})."

    return write_articles(path, ARTICLES, answer)


def child_env(base_url: str, data: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DRAFTER_", "OPENAI_"))}
    return {
        **clean,
        "PYTHONFAULTHANDLER": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "DRAFTER_DATA_DIR": str(data),
        "DRAFTER_EMBEDDING_BACKEND": "openai",
        "DRAFTER_EMBEDDING_MODEL": MODEL,
        "DRAFTER_EMBEDDING_BASE_URL": base_url,
    }


def _settings() -> Any:
    from drafter.config import Settings

    return Settings()


def hash_vector(text: str) -> list[float]:
    """A unit vector of 512 dims seeded by the whole text (tests/integration/openai_server's
    seeds by the first 8 bytes and the length only: "Abschlag Frage 17" and "... 42" collide)."""
    import hashlib

    import numpy as np

    seed = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")
    row = np.random.default_rng(seed).standard_normal(512)
    return [float(x) for x in row / np.linalg.norm(row)]


class EmbeddingServer:
    """A loopback OpenAI-compatible /v1/embeddings endpoint serving `hash_vector`."""

    def __init__(self) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                request = json.loads(self.rfile.read(int(self.headers["content-length"])))
                texts = request["input"]
                texts = [texts] if isinstance(texts, str) else texts
                rows = [
                    {"object": "embedding", "index": i, "embedding": hash_vector(t)}
                    for i, t in enumerate(texts)
                ]
                usage = {"prompt_tokens": 0, "total_tokens": 0}
                body = {"object": "list", "data": rows, "model": MODEL, "usage": usage}
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __enter__(self) -> EmbeddingServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def _hash_model() -> Any:
    from drafter.knowledge.embeddings import _BatchEmbedding

    class HashEmbedding(_BatchEmbedding):
        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return [hash_vector(text) for text in texts]

    return HashEmbedding()


class Counts:
    def __init__(self) -> None:
        self.data: dict[str, Any] = {"searches": 0, "ok": 0, "wrong": 0, "clear": 0, "exc": 0}
        self.samples: list[str] = []

    def search(self, retriever: Any, i: int) -> None:
        from drafter.errors import KnowledgeBaseError

        self.data["searches"] += 1
        try:
            found = retriever.search(f"Abschlag Frage {i}", k=3)
        except KnowledgeBaseError as exc:
            self.data["clear"] += 1
            self._sample(f"clear: {exc.message[:120]}")
            return
        except Exception as exc:
            self.data["exc"] += 1
            self._sample(f"exc: {type(exc).__name__}: {str(exc)[:120]}")
            return
        want = f"a{i:04d}"
        if not found or found[0].kb_id != want or f"Antwort {i}:" not in found[0].text:
            self.data["wrong"] += 1
            self._sample(f"wrong: {want} -> {[p.kb_id for p in found]}")
        else:
            self.data["ok"] += 1

    def _sample(self, line: str) -> None:
        if len(self.samples) < 5 and line not in self.samples:
            self.samples.append(line)

    def dump(self) -> None:
        print(json.dumps({**self.data, "samples": self.samples}), flush=True)


# -- child roles ---------------------------------------------------------------------------


def role_reader(stop: Path) -> None:
    """The desk: one retriever kept open, a search (with its refresh) every few ms."""
    from drafter.errors import KnowledgeBaseError
    from drafter.knowledge.retrieve import open_retriever

    counts = Counts()
    retriever = None
    i = 0
    while not stop.exists():
        i = (i + 37) % ARTICLES
        if retriever is None:
            try:
                retriever = open_retriever(_settings(), embed_model=_hash_model())
            except KnowledgeBaseError as exc:
                counts.data["clear"] += 1
                counts._sample(f"clear (open): {exc.message[:120]}")
                time.sleep(0.2)
                continue
        counts.search(retriever, i)
        time.sleep(0.01)
    counts.dump()


def role_inproc(kb_dir: Path, rounds: int) -> None:
    from drafter.knowledge.ingest import ingest
    from drafter.knowledge.retrieve import open_retriever

    settings = _settings()
    model = _hash_model()
    counts = Counts()
    kept = open_retriever(settings, embed_model=model)
    for n in range(1, rounds + 1):
        kb = write_kb(kb_dir / f"kb{n}.jsonl", n)
        ingest(settings, [kb], embed_model=model, rebuild=n % 2 == 0)
        counts.search(kept, (n * 53) % ARTICLES)  # the desk's refresh path
        fresh = open_retriever(settings, embed_model=model)
        counts.search(fresh, (n * 71) % ARTICLES)
        fresh.close()
    counts.dump()


def role_repair(kb: Path, pristine: Path, data: Path, rounds: int) -> None:
    import numpy as np

    from drafter.knowledge.ingest import ingest
    from drafter.knowledge.retrieve import open_retriever

    settings = _settings()
    model = _hash_model()
    counts = Counts()
    for n in range(rounds):
        shutil.rmtree(data / "index", ignore_errors=True)
        shutil.copytree(pristine, data / "index")
        hnsw = max(
            (data / "index").glob("chroma/*/data_level0.bin"), key=lambda p: p.stat().st_size
        )
        raw = bytearray(hnsw.read_bytes())
        raw[: len(raw) // 2] = np.random.default_rng(n).bytes(len(raw) // 2)
        hnsw.write_bytes(bytes(raw))
        report = ingest(settings, [kb], embed_model=model)
        if not report.repaired:
            counts._sample("not repaired")
        fresh = open_retriever(settings, embed_model=model)
        counts.search(fresh, (n * 71) % ARTICLES)
        fresh.close()
    counts.dump()


# -- the driver ----------------------------------------------------------------------------


def _run(args: list[str], env: dict[str, str], timeout: int = CHILD_SECONDS) -> tuple[int, str]:
    """Run a child; (exit code, the end of stdout+stderr); a timeout counts as code 124."""
    proc = subprocess.Popen(
        args, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        return 124, (out + err)[-3000:]
    return proc.returncode, out + "\n" + err


def _crash_stack(text: str) -> str:
    start = text.find("Fatal Python error")
    return text[start : start + 1500] if start >= 0 else ""


def _build(data: Path, env: dict[str, str], kb: Path) -> None:
    code, out = _run([*DRAFTER, "kb", "ingest", str(kb)], env)
    if code != 0:
        raise SystemExit(f"initial ingest failed ({code}): {out[-1500:]}")


def drive_concurrent(tmp: Path, env: dict[str, str], rounds: int) -> dict[str, Any]:
    data = Path(env["DRAFTER_DATA_DIR"])
    _build(data, env, write_kb(tmp / "kb0.jsonl", 0))
    stop = tmp / "stop"
    result: dict[str, Any] = {"rounds": rounds, "reader_crashes": 0, "ingest_fail": 0}
    crashes: list[str] = []
    totals: dict[str, int] = {}
    samples: list[str] = []
    reader_cmd = [sys.executable, __file__, "--role", "reader", str(stop)]

    def start_reader() -> subprocess.Popen[str]:
        stop.unlink(missing_ok=True)
        log = (tmp / "reader.err").open("a")
        return subprocess.Popen(
            reader_cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=log, text=True
        )

    def collect(reader: subprocess.Popen[str]) -> None:
        stop.touch()
        try:
            out, _ = reader.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            reader.kill()
            out, _ = reader.communicate()
            result["reader_crashes"] += 1
            crashes.append("reader hung")
        if reader.returncode and reader.returncode < 0:
            result["reader_crashes"] += 1
            err = (tmp / "reader.err").read_text(encoding="utf-8", errors="replace")
            crashes.append(f"reader died {reader.returncode}: " + _crash_stack(err)[-1200:])
        for line in out.splitlines():
            row = json.loads(line)
            samples.extend(s for s in row.pop("samples") if s not in samples)
            for k, v in row.items():
                totals[k] = totals.get(k, 0) + v

    reader = start_reader()
    time.sleep(8)  # the reader loads the index
    for n in range(1, rounds + 1):
        kb = write_kb(tmp / f"kb{n}.jsonl", n)
        extra = ["--rebuild"] if n % 3 == 0 else []
        code, out = _run([*DRAFTER, "kb", "ingest", str(kb), *extra], env)
        if code != 0:
            result["ingest_fail"] += 1
            crashes.append(f"ingest round {n} ended {code}: {_crash_stack(out) or out[-600:]}")
        if reader.poll() is not None:  # it died during the round: count it and start another
            collect(reader)
            reader = start_reader()
            time.sleep(8)
        time.sleep(1)  # a few searches on the new index
    collect(reader)
    result.update(totals)
    result["samples"] = samples[:8]
    result["crashes"] = crashes[:4]
    return result


def drive_team(tmp: Path, env: dict[str, str], rounds: int) -> dict[str, Any]:
    """The concurrent variant against a Chroma server (`chroma run`, DRAFTER_CHROMA_URL)."""
    from tests.integration.chroma_server import chroma_server

    with chroma_server(tmp / "server") as url:
        return drive_concurrent(tmp, {**env, "DRAFTER_CHROMA_URL": url}, rounds)


def drive_single(role: str, tmp: Path, env: dict[str, str], rounds: int) -> dict[str, Any]:
    data = Path(env["DRAFTER_DATA_DIR"])
    kb = write_kb(tmp / "kb0.jsonl", 0)
    _build(data, env, kb)
    args = [sys.executable, __file__, "--role", role]
    if role == "inproc":
        args += [str(tmp), str(rounds)]
    else:
        pristine = tmp / "pristine"
        shutil.copytree(data / "index", pristine)
        args += [str(kb), str(pristine), str(data), str(rounds)]
    code, out = _run(args, env, timeout=CHILD_SECONDS * 2)
    result: dict[str, Any] = {"rounds": rounds, "exit": code}
    lines = [ln for ln in out.splitlines() if ln.startswith("{")]
    if lines:
        result.update(json.loads(lines[-1]))
    if code != 0:
        result["crash"] = _crash_stack(out)[-1500:] or out[-1500:]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variant", nargs="?", default="all")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--load", type=int, default=1, help="busy-loop processes (CPU load)")
    parser.add_argument("--role", nargs="+")
    ns, _ = parser.parse_known_args()
    if ns.role:
        role, rest = ns.role[0], ns.role[1:]
        if role == "reader":
            role_reader(Path(rest[0]))
        elif role == "inproc":
            role_inproc(Path(rest[0]), int(rest[1]))
        else:
            role_repair(Path(rest[0]), Path(rest[1]), Path(rest[2]), int(rest[3]))
        return
    variants = ["concurrent", "inproc", "repair"] if ns.variant == "all" else [ns.variant]
    burners = [
        subprocess.Popen(
            [sys.executable, "-c", "import time\nend=time.time()+900\nwhile time.time()<end: pass"]
        )
        for _ in range(ns.load)
    ]
    try:
        with EmbeddingServer() as server:
            for variant in variants:
                with tempfile.TemporaryDirectory(prefix="kbrace-") as name:
                    tmp = Path(name)
                    env = child_env(server.base_url, tmp / "data")
                    started = time.monotonic()
                    if variant == "concurrent":
                        found = drive_concurrent(tmp, env, ns.rounds)
                    elif variant == "team":
                        found = drive_team(tmp, env, ns.rounds)
                    else:
                        found = drive_single(variant, tmp, env, ns.rounds)
                    found["seconds"] = round(time.monotonic() - started, 1)
                    print(json.dumps({"variant": variant, **found}, ensure_ascii=False), flush=True)
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()


if __name__ == "__main__":
    main()
