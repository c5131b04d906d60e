"""A question on the greeting's own line is part of the retrieval query (drafter.knowledge.query).

Seen by a new user: `drafter draft question.txt --text` with "Hallo, wie kann ich meinen
Abschlag ändern?" got a holding reply and a kb_gap warning, because the whole first line went
as a greeting and a one-line mail without a subject left no query at all.
"""

from __future__ import annotations

import pytest

from drafter.knowledge.query import build_query, clean_body


@pytest.mark.parametrize(
    ("body", "query"),
    [
        ("Hallo, wie kann ich meinen Abschlag ändern?", "wie kann ich meinen Abschlag ändern?"),
        ("Hi, can I pay by PayPal?", "can I pay by PayPal?"),
        ("Hello, how can I change my monthly payment? Thanks", "how can I change my monthly"),
        ("Guten Tag Frau Meier: ich möchte meinen Zähler ablesen.", "ich möchte meinen Zähler"),
        ("Hallo ich wollte fragen, ob ich bar zahlen kann?", "ob ich bar zahlen kann?"),
        ("Moin wie melde ich den Zählerstand?", "Moin wie melde ich den Zählerstand?"),
    ],
)
def test_the_question_on_the_greeting_line_is_kept(body: str, query: str) -> None:
    assert clean_body(body).startswith(query)
    assert query in build_query("", body)


@pytest.mark.parametrize(
    "greeting",
    [
        "Hallo,",
        "Hallo Frau Meier,",
        "Sehr geehrte Damen und Herren,",
        "Dear Sir or Madam,",
        "Hi there!",
        "Moin",
        "Guten Morgen zusammen,",
    ],
)
def test_a_bare_salutation_is_still_no_part_of_the_query(greeting: str) -> None:
    body = f"{greeting}\nich möchte meinen Abschlag ändern.\n\nViele Grüße\nAnna Berg"
    assert clean_body(body) == "ich möchte meinen Abschlag ändern."
