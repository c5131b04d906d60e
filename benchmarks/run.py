"""`make bench`: runs every benchmark and writes docs/benchmarks.md."""

from __future__ import annotations

if __name__ == "__main__":
    print("no benchmarks yet")
