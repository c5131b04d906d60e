"""Language detection for German and English customer text (the two first-class languages).

A stop-word vote decides most texts; short or mixed texts fall back to py3langid restricted
to de/en, then to the configured default. Deterministic and offline.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

Lang = Literal["de", "en"]

_DE = frozenset(
    [
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "ich",
        "sie",
        "wir",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "mit",
        "für",
        "auf",
        "von",
        "zu",
        "den",
        "dem",
        "des",
        "im",
        "ist",
        "sind",
        "war",
        "habe",
        "haben",
        "hat",
        "bitte",
        "danke",
        "ihr",
        "ihre",
        "ihnen",
        "mein",
        "meine",
        "meinen",
        "meinem",
        "kann",
        "können",
        "wird",
        "werden",
        "auch",
        "noch",
        "schon",
        "wie",
        "was",
        "wann",
        "warum",
        "wo",
        "aber",
        "oder",
        "wenn",
        "dass",
        "doch",
        "mir",
        "mich",
        "uns",
        "euch",
        "sehr",
        "geehrte",
        "geehrter",
        "damen",
        "herren",
        "hallo",
        "grüße",
        "freundlichen",
        "vielen",
        "dank",
        "bei",
        "nach",
        "über",
        "unter",
        "gibt",
        "mehr",
        "keine",
        "kein",
        "einen",
        "vom",
        "zum",
        "zur",
        "ob",
        "bis",
        "seit",
    ]
)
_EN = frozenset(
    [
        "the",
        "and",
        "is",
        "are",
        "not",
        "i",
        "you",
        "we",
        "a",
        "an",
        "to",
        "of",
        "in",
        "for",
        "on",
        "with",
        "my",
        "your",
        "our",
        "it",
        "this",
        "that",
        "have",
        "has",
        "had",
        "be",
        "was",
        "were",
        "please",
        "thanks",
        "thank",
        "can",
        "could",
        "would",
        "will",
        "what",
        "when",
        "why",
        "where",
        "how",
        "but",
        "or",
        "if",
        "do",
        "does",
        "did",
        "me",
        "us",
        "dear",
        "hello",
        "hi",
        "regards",
        "sincerely",
        "best",
        "kind",
        "from",
        "at",
        "by",
        "about",
        "there",
        "their",
        "they",
        "them",
        "been",
        "any",
        "some",
        "no",
        "yes",
        "just",
        "so",
        "as",
        "get",
    ]
)
_WORD = re.compile(r"[a-zA-ZäöüÄÖÜß]+")


def detect_language(text: str, default: Lang = "de") -> Lang:
    """Return "de" or "en" for `text`; `default` when there is nothing to go on."""
    words = [w.lower() for w in _WORD.findall(text[:4000])]
    if not words:
        return default
    de = sum(1 for w in words if w in _DE)
    en = sum(1 for w in words if w in _EN)
    de += sum(1 for w in words if any(c in w for c in "äöüß"))
    if de + en >= 3 and (de >= 2 * en or en >= 2 * de):
        return "de" if de > en else "en"
    return _langid(text[:4000]) or ("de" if de > en else "en" if en > de else default)


@lru_cache(maxsize=1)
def _identifier() -> object:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(["de", "en"])
    return identifier


def _langid(text: str) -> Lang | None:
    if len(text.strip()) < 3:
        return None
    lang, _prob = _identifier().classify(text)  # type: ignore[attr-defined]
    return "de" if lang == "de" else "en" if lang == "en" else None


def stopword_share(text: str) -> float:
    """Share of the words of `text` that are German or English stop words (about 0.3-0.5 for
    German or English prose, below 0.1 for other languages)."""
    words = [w.lower() for w in _WORD.findall(text[:4000])]
    if not words:
        return 1.0
    return sum(1 for w in words if w in _DE or w in _EN) / len(words)
