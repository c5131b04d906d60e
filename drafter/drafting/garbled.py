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
    sentences,
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
    """Text mangled on purpose (symbols for letters, no spaces, anagrams): an obeyed attack.
    The span is the sentence with the most such words; the message quotes up to three."""
    body = URL.sub(
        lambda m: " " * len(m.group(0)), EMAIL.sub(lambda m: " " * len(m.group(0)), data.body)
    )
    tokens = list(_TOKEN.finditer(body))
    if not tokens:
        return []
    vocab_text = " ".join(p.text + " " + p.title for p in data.passages)
    vocab_text += " " + data.customer_text + " " + data.extra_known
    source = vocab_text.lower()
    odd = 0
    where: list[tuple[int, str]] = []  # (offset, word) of each odd word
    for token in tokens:
        word = token.group(0)
        if _is_odd_token(word) and word.strip(".,;:!?()[]\"'").lower() not in source:
            odd += 3 if len(word) > 40 else 1  # a whole sentence without spaces is decisive
            where.append((token.start(), word))
    vocab = {w.lower() for w in _WORD.findall(vocab_text)} | _LETTER_WORDS
    anagrams = {"".join(sorted(w)): w for w in vocab if len(w) >= 4}
    seen: set[str] = set()
    for match in _WORD.finditer(body):
        word = match.group(0).lower()
        if len(word) < 4 or word in seen:
            continue
        seen.add(word)
        scrambled = word not in vocab and anagrams.get("".join(sorted(word)), word) != word
        if scrambled and not _common_word(word):  # "form"/"from", "credit"/"direct"
            odd += 1
            where.append((match.start(), match.group(0)))
    if odd >= 3 or (odd >= 2 and odd >= 0.1 * len(tokens)):
        return [
            DraftWarning(
                code="garbled",
                message=f"{odd} words look scrambled or encoded "
                f"({', '.join(repr(w[:40]) for _, w in sorted(where)[:3])}); the reply may be "
                "following instructions hidden in the email",
                span=_worst_sentence(data.body, [start for start, _ in where]),
            )
        ]
    return []


def _worst_sentence(body: str, starts: list[int]) -> str:
    """The sentence of `body` holding the most of the offsets `starts`, as written."""
    best, most = "", 0
    for a, b in sentences(body):
        count = sum(a <= start < b for start in starts)
        if count > most:
            best, most = body[a:b].strip(), count
    return best


def _common_word(word: str) -> bool:
    """A word of ordinary German or English (wordfreq's lists, shipped with the package)."""
    from wordfreq import zipf_frequency

    return max(zipf_frequency(word, "de"), zipf_frequency(word, "en")) >= 2.5
