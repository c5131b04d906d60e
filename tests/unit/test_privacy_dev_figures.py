"""The dev-figures command (benchmarks.privacy_dev_figures) reads development sets only."""

from __future__ import annotations

import pytest

from benchmarks import privacy_dev_figures


def test_a_held_out_or_unknown_set_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    # a held-out set is no dev set: it is never offered, even when named
    assert privacy_dev_figures.main(["test_l"]) == 2
    assert "no dev set named test_l" in capsys.readouterr().out
