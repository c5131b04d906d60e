"""Bytes to text for email bodies and headers: charset labels, fallbacks and text cleaning.

Owns the decoding rules: iso-8859-1/us-ascii labels are read as windows-1252 (what senders
really mean), mislabelled UTF-8 is recognised, unknown labels fall back to UTF-8, then
charset-normalizer, then windows-1252. Also owns `clean_text`, which removes zero-width,
bidi-control and other invisible characters a customer never typed.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# Labels that Python does not know or that are better read with a superset codec.
_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "ansi_x3.4-1968": "cp1252",
    "windows-1252": "cp1252",
    "ks_c_5601-1987": "cp949",
    "ks_c_5601": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "x-sjis": "shift_jis",
    "iso-8859-8-i": "iso-8859-8",
    "x-mac-roman": "mac_roman",
    "macintosh": "mac_roman",
    "unicode-1-1-utf-7": "utf-7",
    "utf8": "utf-8",
    "x-unknown": "",
    "unknown-8bit": "",
    "unknown": "",
    "default": "",
    "charset": "",
}
# Labels whose bytes are often really UTF-8 (mislabelled by the sending client).
_LATIN_LIKE = {"cp1252", "iso-8859-15"}
_NORMALIZER_LIMIT = 200_000

# Invisible characters: zero-width, bidi controls, soft hyphen, BOM, C0/C1 controls.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def codec_for(label: str | None) -> str:
    """The Python codec to use for a declared charset label ("" when unknown or absent)."""
    if not label:
        return ""
    name = label.strip().strip("\"'").lower()
    if name in _ALIASES:
        return _ALIASES[name]
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError):
        return ""


def decode_bytes(data: bytes, label: str | None = None) -> tuple[str, list[str]]:
    """Decode body bytes declared as `label`; returns (text, defects) and never raises."""
    defects: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
        label = "utf-8"
    codec = codec_for(label)
    if label and not codec:
        defects.append(f"unknown charset {label.strip()[:40]!r}")
    if codec in _LATIN_LIKE and _has_high_bytes(data):
        utf8 = _try(data, "utf-8")
        if utf8 is not None:
            defects.append(f"charset {label!r} was really utf-8")
            return utf8, defects
    if codec:
        text = _try(data, codec)
        if text is not None:
            return text, defects
        defects.append(f"bytes do not match charset {label!r}")
    elif not _has_high_bytes(data):
        return data.decode("ascii"), defects
    else:
        utf8 = _try(data, "utf-8")
        if utf8 is not None:
            return utf8, defects
    guessed = _guess(data)
    if guessed is not None:
        return guessed, defects
    defects.append("undecodable bytes replaced")
    return data.decode(codec or "cp1252", errors="replace"), defects


def repair_header(value: str) -> str:
    """Decode raw 8-bit bytes that the email package left as surrogate escapes in a header."""
    if not any("\udc80" <= ch <= "\udcff" for ch in value):
        return value
    raw = value.encode("utf-8", errors="surrogateescape")
    text, _ = decode_bytes(raw, None)
    return text


def clean_text(text: str) -> str:
    """NFC-normalise, drop invisible/control characters, unify spaces and line endings."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return text.replace("\t", "    ")


def _has_high_bytes(data: bytes) -> bool:
    return not data.isascii()


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_NORMALIZER_LIMIT]).best()
    if best is None or not best.encoding:
        return None
    try:
        return data.decode(best.encoding, errors="replace")
    except LookupError:
        return None
