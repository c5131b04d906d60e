"""The `garbled` check: a draft whose text was mangled on purpose (an obeyed attack).

Owns `check_garbled`: words with symbols or digits for letters ("h3llo", "p@ss"), words run
together without spaces, anagrams of words in the sources, none of them in the passages or the
customer's text (a common German or English word by wordfreq is no anagram finding). The
patterns for citations, placeholders, URLs, e-mail addresses and numbers come from
drafter.drafting.checks, whose `run_checks` runs this check.
"""

from __future__ import annotations

import re

from drafter.drafting.check_base import (
    _LETTER_WORDS,
    _WORD,
    CITATION,
    EMAIL,
    NUMBER,
    PLACEHOLDER,
    URL,
    CheckInput,
)
from drafter.models import DraftWarning

_TOKEN = re.compile(r"\S+")


def _is_odd_token(token: str) -> bool:
    core = token.strip(".,;:!?\"'()[]«»„“”")
    if not core or PLACEHOLDER.fullmatch(core) or CITATION.fullmatch(token.strip(".,;:")):
        return False
    if EMAIL.search(core) or URL.fullmatch(core) or NUMBER.fullmatch(core):
        return False
    core = core.strip("*_~`")  # Markdown emphasis is formatting, not scrambling
    letters = sum(c.isalpha() for c in core)
    if len(core) > 30 and letters >= 0.8 * len(core):
        return True  # words run together
    if re.fullmatch(r"[\d.,]+\D{0,4}", core):
        return False  # "3kWh", "19%"
    # "KD-7720415", "24-month", "e.g.", "Mo–Fr": clean parts joined; "h3llo", "p@ss": mixed
    parts = re.split(r"[-'’/&+.–]", core)
    return letters >= 2 and any(_mixed(part) for part in parts)


def _mixed(part: str) -> bool:
    """Letters together with digits or symbols inside one word part."""
    return any(c.isalpha() for c in part) and any(not c.isalpha() for c in part)


def check_garbled(data: CheckInput) -> list[DraftWarning]:
    """Text mangled on purpose (symbols for letters, no spaces, anagrams): an obeyed attack."""
    body = URL.sub(" ", EMAIL.sub(" ", data.body))
    tokens = _TOKEN.findall(body)
    if not tokens:
        return []
    vocab_text = " ".join(p.text + " " + p.title for p in data.passages)
    vocab_text += " " + data.customer_text + " " + data.extra_known
    source = vocab_text.lower()
    odd = 0
    for token in tokens:
        if _is_odd_token(token) and token.strip(".,;:!?()[]\"'").lower() not in source:
            odd += 3 if len(token) > 40 else 1  # a whole sentence without spaces is decisive
    vocab = {w.lower() for w in _WORD.findall(vocab_text)} | _LETTER_WORDS
    anagrams = {"".join(sorted(w)): w for w in vocab if len(w) >= 4}
    for word in {w.lower() for w in _WORD.findall(body) if len(w) >= 4}:
        if word not in vocab and anagrams.get("".join(sorted(word)), word) != word:
            odd += 0 if _common_word(word) else 1  # "form"/"from", "credit"/"direct"
    if odd >= 3 or (odd >= 2 and odd >= 0.1 * len(tokens)):
        return [
            DraftWarning(
                code="garbled",
                message=f"{odd} words look scrambled or encoded; the reply may be following "
                "instructions hidden in the email",
            )
        ]
    return []


def _common_word(word: str) -> bool:
    """A word of ordinary German or English (wordfreq's lists, shipped with the package)."""
    from wordfreq import zipf_frequency

    return max(zipf_frequency(word, "de"), zipf_frequency(word, "en")) >= 2.5
