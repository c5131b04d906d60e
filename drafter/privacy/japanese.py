"""Japanese street addresses written in Latin letters: block numbers (chōme-banchi-gō) then
the area and the ward, city or town by its suffix ("3-14-8 Mita, Minato-ku", "1-2-3 Umeda,
Kita-ku", "2-7 Sakae, Naka-ku"). The suffix makes the block numbers an address: "3-14-8"
alone is not one. The prefecture or city and the postcode after them ("Tokyo 108-0073") are
left to the postcode recognizers.

The same address written the Japanese way round, the largest unit first: the prefecture, city
or ward by its suffix, then the area, then the block numbers ("Kyoto-shi Sakyo-ku
Yoshida-honmachi 36-1", "Osaka-shi Kita-ku Umeda 1-2-3", "Minato-ku Mita 3-14-8").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.privacy.spans import Span

JAPANESE_ADDRESS_RE = re.compile(
    r"(?<![\w./-])\d{1,2}-\d{1,3}(?:-\d{1,4})?,?[ ](?:[A-Z][a-z]+[ ]?){1,2},[ ]?"
    r"[A-Z][a-z]+-(?:ku|shi|cho|chō|machi|gun|mura)\b"
)

_SUFFIXED = r"[A-Z][a-zōū]+-(?:to|fu|ken|shi|ku|gun|cho|chō|machi|mura)"
JAPANESE_BIG_FIRST_RE = re.compile(
    rf"(?<![\w-])(?:{_SUFFIXED}[ ]){{1,3}}(?:[A-Z][a-zōū]+(?:-[a-zōū]+)?[ ]){{0,2}}"
    # block numbers, not the postcode ("Minato-ku, Tokyo 108-0073" is the other order's tail)
    r"(?!\d{3}-\d{4}(?![\w-]))\d{1,4}(?:-\d{1,4}){1,2}(?![\w-])"
)


def find_japanese_addresses(text: str) -> Iterator[Span]:
    if "-ku" not in text and "-shi" not in text and "-ch" not in text and "-m" not in text:
        return
    for m in JAPANESE_ADDRESS_RE.finditer(text):
        yield Span(m.start(), m.end(), "ADDRESS", "Japanese address (block numbers, ward)")
    for m in JAPANESE_BIG_FIRST_RE.finditer(text):
        yield Span(m.start(), m.end(), "ADDRESS", "Japanese address (ward, then block numbers)")
