"""A real Chroma server (`chroma run`, shipped in the chromadb wheel) on 127.0.0.1 on a free
port with a temporary data folder, for the shared-index tests and the benchmark."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def chroma_binary() -> str:
    found = Path(sys.executable).with_name("chroma")
    if found.is_file():
        return str(found)
    which = shutil.which("chroma")
    if which is None:
        raise RuntimeError("the `chroma` command (from the chromadb wheel) is not installed")
    return which


@contextmanager
def chroma_server(data: Path, *, timeout: float = 60.0) -> Iterator[str]:
    """Start `chroma run` on a free loopback port; yields its URL; stops it afterwards.

    Raises RuntimeError with the server's output when it does not answer within `timeout`."""
    port = free_port()
    data.mkdir(parents=True, exist_ok=True)
    log = data.parent / f"chroma-{port}.log"
    command = [chroma_binary(), "run", "--path", str(data), "--host", "127.0.0.1"]
    with log.open("wb") as out:
        process = subprocess.Popen([*command, "--port", str(port)], stdout=out, stderr=out)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(
                    f"`chroma run` exited with {process.returncode}: "
                    f"{log.read_text(errors='replace')[-2000:]}"
                )
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"`chroma run` did not answer on {url} within {timeout:.0f} s: "
                    f"{log.read_text(errors='replace')[-2000:]}"
                )
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
