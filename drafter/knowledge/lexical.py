"""The lexical side of retrieval: language-aware tokenising (Snowball stemming, stop words),
character n-grams of the stems, and persisted bm25s indexes over chunk tokens.

Chunks are stemmed with their article's language and queries with the query's language, so
one index serves a German and English knowledge base together.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)
_STEMMER_NAMES = {"de": "german", "en": "english"}

# Words that say nothing about what a customer wants (on top of the usual stop words).
_EXTRA_STOP = {
    "de": {"bitte", "danke", "hallo", "gerne", "frage", "fragen", "mal", "eigentlich", "gibt"},
    "en": {"please", "thanks", "thank", "hello", "hi", "question", "questions", "would", "could"},
}


@lru_cache(maxsize=4)
def _stemmer(lang: str) -> Any:
    import Stemmer

    return Stemmer.Stemmer(_STEMMER_NAMES.get(lang, "english"))


@lru_cache(maxsize=4)
def stop_words(lang: str) -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN_PLUS, STOPWORDS_GERMAN

    base = STOPWORDS_GERMAN if lang == "de" else STOPWORDS_EN_PLUS
    return frozenset(w.lower() for w in base) | _EXTRA_STOP.get(lang, set())


def tokenize(text: str, lang: str) -> list[str]:
    """Lower-cased, stop-word-free, Snowball-stemmed tokens of a text."""
    stops = stop_words(lang)
    words: list[str] = []
    for match in _WORD.finditer(text.lower()):
        word = match.group(0)
        if word in stops or (len(word) < 2 and not word.isdigit()):
            continue
        words.append(word)
        if "-" in word:  # "Corona-Test" also matches "Test" and "Corona"
            words.extend(part for part in word.split("-") if part and part not in stops)
    stemmed: list[str] = _stemmer(lang).stemWords(words)
    return stemmed


GRAM = 4


def char_grams(tokens: list[str], n: int = GRAM) -> list[str]:
    """Character n-grams of stemmed tokens ("_schutz_" -> "_sch", "schu", ...).

    They let German compounds meet their parts (Personenkontakt / Kontakt zu Personen)
    and forgive typos, which word tokens cannot.
    """
    grams: list[str] = []
    for token in tokens:
        padded = f"_{token}_"
        if len(padded) <= n:
            grams.append(padded)
        else:
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


class Bm25Index:
    """A bm25s index whose documents are the chunks, in the store's chunk order."""

    def __init__(self, model: Any) -> None:
        self.model = model

    @classmethod
    def build(cls, corpus_tokens: list[list[str]]) -> Bm25Index:
        import bm25s

        model = bm25s.BM25(k1=1.2, b=0.75)
        # An empty document list cannot be indexed; keep one empty placeholder instead.
        model.index(corpus_tokens or [[""]], show_progress=False)
        return cls(model)

    def save(self, folder: Path, corpus_tokens: list[list[str]] | None = None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.model.save(str(folder))
        if corpus_tokens is None:
            return
        with (folder / "stemmed_corpus.jsonl").open("w", encoding="utf-8") as fh:
            for tokens in corpus_tokens:
                fh.write(json.dumps(tokens, ensure_ascii=False) + "\n")

    @classmethod
    def load(cls, folder: Path) -> Bm25Index:
        import bm25s

        return cls(bm25s.BM25.load(str(folder), mmap=False, load_corpus=False))

    def postings(self, token: str) -> np.ndarray:
        """Indices of the chunks containing the token (empty when it is not in the index)."""
        index = self.model.vocab_dict.get(token)
        indptr = self.model.scores["indptr"]
        if index is None or index + 1 >= len(indptr):
            return np.zeros(0, dtype=np.int64)
        found: np.ndarray = self.model.scores["indices"][indptr[index] : indptr[index + 1]]
        return found

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every chunk for the query tokens (zeros when nothing matches)."""
        vocab = self.model.vocab_dict
        ids = [vocab[t] for t in tokens if t in vocab]
        num_docs = int(self.model.scores["num_docs"])
        if not ids:
            return np.zeros(num_docs, dtype=np.float32)
        result: np.ndarray = self.model.get_scores(ids)
        return result
