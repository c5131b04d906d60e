"""The shared query path and the lexical analysis (no index, no model)."""

from __future__ import annotations

from pathlib import Path

from drafter.knowledge.lexical import char_grams, tokenize
from drafter.knowledge.loaders import load_paths
from drafter.knowledge.retrieve import build_query, clean_body


def test_greeting_closing_and_signature_are_dropped() -> None:
    body = (
        "Sehr geehrte Damen und Herren,\n\n"
        "ich möchte meinen Abschlag ab März senken.\n"
        "Ich hoffe, Sie können mir helfen.\n\n"
        "Mit freundlichen Grüßen\nMax Mustermann\nMusterstraße 1"
    )
    cleaned = clean_body(body)
    assert "Abschlag ab März senken" in cleaned
    for gone in ("Sehr geehrte", "freundlichen", "Mustermann", "helfen"):
        assert gone not in cleaned


def test_quoted_lines_are_ignored_and_english_closings_work() -> None:
    cleaned = clean_body("Hi team,\nMy meter is broken.\n> old quoted text\nThanks,\nBob")
    assert cleaned == "My meter is broken."


def test_short_closings_end_the_request_so_the_signature_is_not_searched() -> None:
    # "Gruß", "Herzliche Grüße", "Best," and "Danke dir!" closings: the name below them is
    # no part of the question (a customer's name in the query makes the knowledge-gap
    # decision count it as a content word no article covers)
    for closing in ("Gruß", "Viele Gruß", "Herzliche Grüße", "Best,", "All the best", "Danke dir!"):
        cleaned = clean_body(f"Hallo,\nwann kommt der Monteur?\n\n{closing}\nKerstin Albers")
        assert cleaned == "wann kommt der Monteur?", closing
    # a sentence that starts with such a word is no closing
    assert "Best price" in clean_body("Best price for fibre?\nThanks")


def test_subject_is_weighted_and_reply_prefixes_removed() -> None:
    query = build_query("AW: Re: Zählerstand", "Hallo,\nwo melde ich ihn?\nViele Grüße")
    assert query.count("Zählerstand") == 2
    assert "AW" not in query and "Hallo" not in query and "Grüße" not in query
    assert build_query("", "") == ""


def test_tokenize_stems_and_drops_stop_words() -> None:
    assert tokenize("Die Zählerstände und der Zählerstand", "de") == ["zahlerstand"] * 2
    assert tokenize("The meters and the meter readings", "en") == ["meter", "meter", "read"]
    assert "_zah" in char_grams(["zahlerstand"]) and "tand" in char_grams(["zahlerstand"])


def test_loaders_read_every_format(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Titel aus Überschrift\n\nText zum Umzug.", "utf-8")
    (tmp_path / "b.txt").write_text("Opening hours\nWe are open on Monday.", "utf-8")
    (tmp_path / "README.md").write_text("not an article", "utf-8")
    (tmp_path / "c.jsonl").write_text(
        '{"kb_id": "x1", "lang": "en", "title": "T", "html": "<p>From <b>HTML</b></p>"}\n', "utf-8"
    )
    result = load_paths([tmp_path])
    by_id = {a.kb_id: a for a in result.articles}
    assert set(by_id) == {"a", "b", "x1"}
    assert by_id["a"].title == "Titel aus Überschrift" and by_id["a"].language == "de"
    assert by_id["b"].title == "Opening hours" and by_id["b"].language == "en"
    assert by_id["x1"].text == "From HTML"
    assert result.failures == []
