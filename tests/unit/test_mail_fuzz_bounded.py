"""Fuzz: the HTML converter and the parser do work linear in the input, whatever its shape.

Hypothesis builds nested and very long structures (deep or unclosed tags, formatting
elements, tables, quotes in attributes, comments, raw text) and each conversion must finish
within a generous budget of CPU seconds per KB of input (the CPU time of the test's own
thread, so a busy CI machine or another thread of the worker does not fail it): a quadratic
blow-up misses it by orders of magnitude. The example count is bounded (seconds in CI).
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from drafter.mail.html import html_to_text
from drafter.mail.parse import parse_email

# no shrinking: re-running megabyte inputs to shrink them takes minutes, the first failing
# example is reported as it is
pytestmark = pytest.mark.slow  # property-based: many generated messages per test

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
BASE_S = 0.5  # fixed cost allowance
PER_KB_S = 0.01  # 10 ms per KB: linear code needs well under 1 ms/KB

OPENERS = [
    "<div>", "<b>", "<i id=x>", "<p>", "<td>", "<table>", "<li>", "<ul>", "<span>",
    "<a href='x'>", "<font color=red>", '<div title="a>b<c">', "<tr>", "<blockquote>",
    "<select><option>", "<!-- c ", "<script>", "<b id=1><p>", "<table><td>",
]  # fmt: skip
CLOSERS = ["</div>", "</b>", "</p>", "</td>", "</table>", "</span>", "</a>", "-->", "</x>", ""]
PIECES = [*OPENERS, *CLOSERS, "text ", "Zählerstand 4711 ", "<br>", "&amp;", "<", ">", "'", '"']


@st.composite
def hostile_html(draw: st.DrawFn) -> str:
    """A few building blocks, each repeated up to tens of thousands of times."""
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        unit = "".join(draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6)))
        times = draw(st.integers(1, 30_000))
        nested = draw(st.booleans())
        if nested:  # open everything, then close everything
            closer = "".join(draw(st.lists(st.sampled_from(CLOSERS), max_size=3)))
            parts.append(unit * times + "mitte" + closer * times)
        else:
            parts.append(unit * times)
    return "".join(parts)[:1_500_000]


def _warm_up() -> None:
    """Load what the first parse loads lazily (language model, charset tables): not timed."""
    parse_email(b"From: a@example.org\nContent-Type: text/html\n\n<p>Guten Tag, mein Vertrag</p>")


def _budget(size: int) -> float:
    return BASE_S + PER_KB_S * size / 1024


@contextlib.contextmanager
def _cpu_seconds() -> Iterator[Callable[[], float]]:
    """CPU seconds of this thread in the block. Not `process_time`: that counts every thread
    of the test worker, so a thread an earlier test left running (an embedding or a desk
    thread) is charged too: a clean-clone run once measured 1.4 s for a 60 KB document that
    converts in 0.016 s alone. The garbage collector runs before the block and is paused in
    it, so a full collection of the worker's heap is not charged either."""
    gc.collect()
    gc.disable()
    started = time.thread_time()
    spent: list[float] = []
    try:
        yield lambda: spent[0]
    finally:
        spent.append(time.thread_time() - started)
        gc.enable()


@FUZZ
@given(hostile_html())
def test_html_to_text_is_linear_in_the_input(html: str) -> None:
    with _cpu_seconds() as elapsed:
        try:
            html_to_text(html)
        except Exception as exc:  # refusing an absurd document is allowed, crashing not
            assert type(exc).__name__ == "MailError", exc
    assert elapsed() < _budget(len(html)), f"{elapsed():.2f} s for {len(html) / 1024:.0f} KB"


@FUZZ
@given(hostile_html(), st.sampled_from(["text/html", "text/plain"]))
# found by this fuzz: thousands of short text lines each ran the signature patterns
# (28 ms/KB; the budget is 10); only the last lines of a body can start a signature
@example(html="<<<b id=1><p><<ul><p>" * 2500, ctype="text/html")
def test_parse_email_is_linear_in_the_input(html: str, ctype: str) -> None:
    raw = (
        f"From: a@example.org\nSubject: x\nContent-Type: {ctype}; charset=utf-8\n\n{html}"
    ).encode()
    _warm_up()
    with _cpu_seconds() as elapsed:
        email = parse_email(raw)
    assert email.status in ("ok", "no_text_body", "quarantined")
    assert elapsed() < _budget(len(raw)), f"{elapsed():.2f} s for {len(raw) / 1024:.0f} KB"
