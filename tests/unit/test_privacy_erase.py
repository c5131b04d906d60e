"""The pieces of the erasure that keep analytics: filler texts and scrubbed audit details."""

from __future__ import annotations

import difflib
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.privacy_ops.erase import ERASED, filler_pair, scrub_detail

TEXT = st.text(alphabet="abcdefg .,\n", max_size=300)


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@settings(max_examples=300, deadline=None)
@given(first=TEXT, sent=TEXT)
def test_filler_keeps_lengths_edit_ratio_and_unchanged(first: str, sent: str) -> None:
    a, b = filler_pair(first, sent)
    assert (len(a), len(b)) == (len(first), len(sent))
    assert set((a + b).strip()) <= {"█", "░", "▒", " ", "\n"}  # not a word of the original
    assert not ({*first, *sent} - set(" \n")) & set(a + b)
    total = len(first) + len(sent)
    assert abs(_ratio(a, b) - _ratio(first, sent)) <= (1 / total if total else 0)
    assert (a.strip() == b.strip()) == (first.strip() == sent.strip())


def test_scrub_detail_erases_free_text_and_the_persons_values_only() -> None:
    detail = json.dumps(
        {"instruction": "kürzer", "version": 2, "warnings": ["kb_gap"],
         "prompt": {"name": "reply", "note": "für Anna Schulz"}, "location": "/x/Johanna.eml"}
    )  # fmt: skip
    out = json.loads(scrub_detail(detail, ["Anna Schulz", "Anna"]))
    assert out["instruction"] == ERASED and out["prompt"]["note"] == ERASED
    assert out["version"] == 2 and out["warnings"] == ["kb_gap"]
    assert out["location"] == "/x/Johanna.eml"  # "Anna" is not a word of "Johanna"
