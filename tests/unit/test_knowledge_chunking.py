"""Chunking (drafter.knowledge.chunking): pieces stay within the size, overlap by whole
sentences, keep every word of the text, and drafter imports no llama-index."""

from __future__ import annotations

import itertools
import subprocess
import sys

import pytest

from drafter.knowledge.chunking import count_tokens, split_text

SENTENCES = [
    f"Satz {i}: Ihr Abschlag wird zum {i}. des Monats fällig und per Lastschrift eingezogen."
    for i in range(1, 40)
]


def test_chunks_stay_within_the_size_and_keep_every_word() -> None:
    text = " ".join(SENTENCES[:20]) + "\n" + " ".join(SENTENCES[20:])
    chunks = split_text(text, size=60, overlap=12)
    assert len(chunks) > 3
    assert all(count_tokens(c) <= 60 for c in chunks)
    words = set(text.split())
    assert words == {w for c in chunks for w in c.split()}


def test_a_new_chunk_repeats_the_last_sentence_of_the_one_before() -> None:
    chunks = split_text(" ".join(SENTENCES), size=60, overlap=25)
    for before, after in itertools.pairwise(chunks):
        last = before.rsplit("Satz ", 1)[1]
        assert after.startswith("Satz " + last)


def test_an_overlong_sentence_is_cut_at_clauses_then_words() -> None:
    long = ", ".join(f"Teil {i} der Erklärung zum Zählerwechsel" for i in range(60)) + "."
    chunks = split_text(long, size=40, overlap=0)
    assert len(chunks) > 5 and all(count_tokens(c) <= 40 for c in chunks)
    nospace = "x" * 2000  # one "word" longer than a chunk stays whole rather than vanishing
    assert split_text(nospace, size=40) == [nospace]


def test_lines_stay_lines() -> None:
    assert split_text("Titel\nErste Zeile. Zweiter Satz.\n\nDritte") == [
        "Titel\nErste Zeile. Zweiter Satz.\nDritte"
    ]


@pytest.mark.slow  # a fresh interpreter is the point (what it imports)
def test_drafter_does_not_import_llama_index() -> None:
    code = (
        "import sys, pkgutil, importlib, drafter.knowledge\n"
        "for m in pkgutil.walk_packages(drafter.knowledge.__path__, 'drafter.knowledge.'):\n"
        "    importlib.import_module(m.name)\n"
        "import drafter.evaluation.prefetch, drafter.drafting.engine\n"
        "print(sorted(n for n in sys.modules if n.startswith(('llama_index', 'tiktoken'))))\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True
    )
    assert found.stdout.strip() == "[]"
