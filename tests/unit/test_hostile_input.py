"""Hostile input: deep or huge HTML, oversized messages, random bytes, huge bodies.

Each case must end in bounded work and an honest status, never in minutes of parsing or an
"ok" email made of noise.
"""

from __future__ import annotations

import random

from drafter.drafting.engine import bounded_email
from drafter.mail.html import html_to_text
from drafter.mail.html_bound import MAX_DEPTH, bound_depth
from drafter.mail.parse import parse_email
from drafter.models import InboundEmail


def _depth(html: str) -> int:
    from selectolax.lexbor import LexborHTMLParser

    deepest = 0
    stack = [(LexborHTMLParser(html).root, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        child = node.child if node is not None else None
        while child is not None:
            stack.append((child, depth + 1))
            child = child.next
    return deepest


def _html_email(html: str) -> bytes:
    head = "From: kunde@example.org\nSubject: Frage\nContent-Type: text/html; charset=utf-8\n\n"
    return (head + html).encode()


def test_deeply_nested_divs_keep_their_text_and_lose_their_depth() -> None:
    n = 20_000
    html = "<div>" * n + "Mein Zählerstand ist 4711." + "</div>" * n + "<p>Danke</p>"
    bounded = bound_depth(html)
    assert _depth(bounded) <= MAX_DEPTH + 10
    text = html_to_text(html).text
    assert "Mein Zählerstand ist 4711." in text and "Danke" in text


def test_markup_inside_attributes_scripts_and_comments_is_not_counted_as_nesting() -> None:
    filler = "<span>x</span>" * (MAX_DEPTH + 5)  # enough tags to leave the fast path
    html = (
        '<div title="a > b < c">'
        "<script>if (a < b) { document.write('<div><div><div>') }</script>"
        "<!-- <div><div> -->"
        "<p>Hallo <b>Welt</b></p>" + filler + "</div>"
    )
    bounded = bound_depth(html)
    assert "<script>if (a < b) { document.write('<div><div><div>') }</script>" in bounded
    assert '<div title="a > b < c">' in bounded
    assert html_to_text(html).text.startswith("Hallo Welt")


def test_normal_html_passes_through_unchanged() -> None:
    html = "<table>" + "<tr><td>a<td>b" * 400 + "</table><ul>" + "<li>x" * 400 + "</ul>"
    assert bound_depth(html) == html  # unclosed cells and items are siblings, not nesting


def test_unbounded_formatting_elements_do_not_explode_the_tree() -> None:
    html = "".join(f"<b id={i}><p>x" for i in range(5_000))
    result = parse_email(_html_email(html))
    assert result.status == "ok" and result.body.count("x") == 5_000


def test_a_message_over_the_configured_size_is_quarantined_unparsed() -> None:
    raw = b"From: Anna <a@example.org>\nSubject: big\nMessage-ID: <big@x.org>\n\n" + b"a" * 5000
    email = parse_email(raw, max_bytes=4096)
    assert email.status == "quarantined"
    assert "DRAFTER_MAX_MESSAGE_BYTES" in email.reason
    # the body is never parsed, but the agent still sees who wrote, and threading works
    assert (email.from_.email, email.subject, email.message_id) == (
        "a@example.org",
        "big",
        "<big@x.org>",
    )
    assert not email.body
    assert parse_email(raw, max_bytes=8192).status == "ok"


def test_html_conversion_over_its_time_budget_quarantines_the_email() -> None:
    html = "<div><p>Hallo</p></div>" * 50_000
    email = parse_email(_html_email(html), timeout=1e-6)
    assert email.status == "quarantined"
    assert "longer than" in email.reason


def test_random_bytes_never_become_an_ok_email() -> None:
    # seeded: the heuristic lets about 1 in 1,000 random 200-byte inputs through
    rng = random.Random(11)
    for size in (200, 1000, 5000):
        for _ in range(20):
            email = parse_email(rng.randbytes(size))
            assert email.status != "ok", email.body[:80]


def test_text_with_emoji_quotes_and_symbols_stays_ok() -> None:
    body = "Super, danke!! 👍👍 „Top“ – § 3 Abs. 2, 20 °C, 12,50 € " * 5
    raw = "From: a@example.org\nSubject: hi\nContent-Type: text/plain; charset=utf-8\n\n" + body
    assert parse_email(raw.encode()).status == "ok"


def test_a_huge_body_is_cut_to_the_newest_text_with_a_warning() -> None:
    email = InboundEmail(body="Bitte Abschlag ändern. " + "x" * 100_000, status="ok")
    cut, warning = bounded_email(email, 8000)
    assert warning is not None and warning.code == "body_truncated"
    assert cut.body.startswith("Bitte Abschlag ändern.")
    assert len(cut.body) < 8100 and "[truncated" in cut.body
    same, none = bounded_email(InboundEmail(body="kurz", status="ok"), 8000)
    assert none is None and same.body == "kurz"
