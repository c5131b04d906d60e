"""The one e-mail pattern and the one placeholder pattern of drafter (import-light: the
drafting checks and the stream filter use them without loading the recognizers)."""

from __future__ import annotations

import re

EMAIL_RE = re.compile(r"(?<![\w.+-])[^\W_][\w.+%-]*@[^\W_][\w-]*(?:\.[\w-]+)*\.[A-Za-z]{2,}")
PLACEHOLDER_RE = re.compile(r"\[([A-Z]+(?:_[A-Z]+)*)_(\d+)\]")
