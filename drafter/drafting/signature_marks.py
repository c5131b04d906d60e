"""Decoration around a signed name: kisses, smileys, emoji and dashes.

Owns `undecorate` ("Lena 🙂" -> "Lena", "Kirsty x" -> "Kirsty", "xx Shreya" / "xx shreya" ->
"Shreya", "-- Sarah" -> "Sarah"), which
drafter.drafting.signoff applies to every line before it looks for the name under the closing.
"""

from __future__ import annotations

import re
import unicodedata

#: kisses and smileys after the signed name ("Kirsty x", "Lou xx", "Lena :-)", a line "xxx"
#: of its own); emoji and other symbols around it are dropped by `undecorate`
_KISSES = re.compile(r"(?:^|\s+)(?:x{1,4}|[:;=]-?[()DPp\]\[]|<3|\^\^)$")
#: kisses before the signed name ("xx Shreya", "xoxo Jess"): lowercase, a capital follows
_KISSES_BEFORE = re.compile(r"^(?:x{1,4}|(?:xo){1,3}x?)\s+(?=[A-ZÄÖÜ])")
#: the same from a writer without capitals ("xx shreya"): two kisses at least, one word after
_KISSES_BEFORE_LOWER = re.compile(r"^(?:x{2,4}|(?:xo){1,3}x?)\s+(?=[^\W\d_]+$)")


def _symbol(char: str) -> bool:
    """An emoji, a heart or '~' around a signed name (not '>', the quote mark)."""
    return char != ">" and unicodedata.category(char) in ("So", "Sk", "Sm", "Mn", "Cf")


def undecorate(line: str) -> str:
    """'Lena 🙂' -> 'Lena', '~ Lena ~' -> 'Lena', 'Kirsty x' -> 'Kirsty', '-- Sarah' ->
    'Sarah' (stripped; a line of dashes alone, the signature delimiter, becomes '')."""
    line = re.sub(r"^[-–—]+(?:\s+|$)", "", line.strip())
    while True:
        shorter = _KISSES.sub("", line.rstrip("".join(c for c in line if _symbol(c))).strip())
        shorter = shorter.lstrip("".join(c for c in shorter if _symbol(c))).strip()
        shorter = _KISSES_BEFORE.sub("", shorter)
        if shorter.islower():
            shorter = _KISSES_BEFORE_LOWER.sub("", shorter)
        if shorter == line:
            return line
        line = shorter
