"""`make bench` on a machine without the blind review keeps the last figures instead of crashing."""

from pathlib import Path

import pytest

from benchmarks import bench_defect_review as bench


def test_without_the_review_the_last_section_is_kept_and_marked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench, "REVIEW", tmp_path / "inbox_review")
    text = bench.run()
    assert text.startswith("## Defect counters against the blind draft review")
    assert text.rstrip().endswith("the figures above are from the last run that had it._")
    assert text.count("Not re-measured") == 1  # an earlier note is not repeated
