"""The lexical side of retrieval: language-aware tokenising (Snowball stemming and stop words
from drafter.toolkit), character n-grams of the stems, and bm25s indexes over chunk tokens.

Chunks are stemmed with their article's language and queries with the query's language, so
one index serves a German and English knowledge base together.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import numpy as np

from drafter.privacy.memos import customer_memo
from drafter.toolkit import stem_words, stop_words

__all__ = ["GRAM", "Bm25Index", "char_grams", "stop_words", "tokenize"]

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)


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
    return stem_words(words, lang)


GRAM = 4


def char_grams(tokens: list[str], n: int = GRAM) -> list[str]:
    """Character n-grams of stemmed tokens ("_schutz_" -> "_sch", "schu", ...).

    They let German compounds meet their parts (Personenkontakt / Kontakt zu Personen)
    and forgive typos, which word tokens cannot.
    """
    grams: list[str] = []
    for token in tokens:
        grams.extend(_token_grams(token, n))
    return grams


@customer_memo  # a query's tokens are the customer's words: emptied with the redaction's memos
@lru_cache(maxsize=200_000)
def _token_grams(token: str, n: int) -> tuple[str, ...]:
    """One token's n-grams (cached: a corpus repeats its tokens many times)."""
    padded = f"_{token}_"
    if len(padded) <= n:
        return (padded,)
    return tuple(padded[i : i + n] for i in range(len(padded) - n + 1))


class Bm25Index:
    """A bm25s index whose documents are the chunks, in the store's chunk order (built in
    memory from the stems stored with the index)."""

    def __init__(self, model: Any) -> None:
        self.model = model

    @classmethod
    def build(cls, corpus_tokens: list[list[str]]) -> Bm25Index:
        import bm25s

        model = bm25s.BM25(k1=1.2, b=0.75)
        # An empty document list cannot be indexed; keep one empty placeholder instead.
        model.index(corpus_tokens or [[""]], show_progress=False)
        return cls(model)

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
