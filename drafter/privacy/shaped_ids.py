"""Identifiers told by their shape alone, with no cue word: a link to a person's profile on a
social or professional network ("linkedin.com/in/anna-berg-4b7a23", "xing.com/profile/…"), and
a code of four or more dashed groups of capitals and digits, letters and digits mixed in two
groups at least ("BBM-7F3K-92QX-11TN": a protocol id, a licence key, a voucher).

Owns `find_shaped_ids`; drafter.privacy.structured runs it with the other recognizers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.privacy.prefilter import scan
from drafter.privacy.spans import Span, digit_lines

# the path after the network's host names the person ("/in/<name>", "/<handle>")
PROFILE_RE = re.compile(
    r"(?<![\w.@-])(?:https?://)?(?:[\w-]+\.)?"
    r"(?:linkedin\.com/(?:in|pub)|xing\.com/profile|facebook\.com|fb\.com|instagram\.com|"
    r"twitter\.com|x\.com|tiktok\.com|github\.com|t\.me|threads\.net|mastodon\.social)"
    r"/@?[\w%.-]*[\w%](?:/[\w%.-]+)*/?"
)
_PROFILE_CUES = ("linkedin.", "xing.", "facebook.", "fb.com", "instagram.", "twitter.", "x.com/",
                 "tiktok.", "github.", "t.me/", "threads.", "mastodon.")  # fmt: skip
DASHED_CODE_RE = re.compile(r"(?<![\w-])[A-Z0-9]{3,5}(?:-[A-Z0-9]{3,5}){3,7}(?![\w-])")
_MIXED = re.compile(r"(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]+")


def find_shaped_ids(text: str) -> Iterator[Span]:
    low = text.lower()
    if any(cue in low for cue in _PROFILE_CUES):
        for m in PROFILE_RE.finditer(text):
            yield Span(m.start(), m.end(), "URL_SECRET", "profile link")
    for m in scan(DASHED_CODE_RE, text, digit_lines(text) if "-" in text else []):
        if sum(bool(_MIXED.fullmatch(g)) for g in m.group().split("-")) >= 2:
            yield Span(m.start(), m.end(), "ORDER_NO", "dashed code (letters and digits)")
