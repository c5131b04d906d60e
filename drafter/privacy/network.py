"""Recognizers for network identifiers: IP addresses (public IPv4 outside a home network,
IPv6) and secrets in links (tokens, session ids, e-mail addresses, sharing keys).

Split out of identifiers.py, which re-exports every name defined here.
"""

from __future__ import annotations

import ipaddress
import itertools
import re
from collections.abc import Iterator

from drafter.privacy.prefilter import guarded, scan
from drafter.privacy.spans import Span

IPV4_RE = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)")
IPV6_RE = re.compile(
    r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%\w+)?(?:/\d{1,3})?(?![\w:])"
)
URL_RE = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"')\]]+")
_URL_PARAM = re.compile(r"[?&#;]([\w.-]+)=([^&#\s]+)")
_URL_SEGMENT = re.compile(r"/([A-Za-z0-9_\-%.=]{12,})")
# the path of a shared file or folder: whoever has the link has the file
_SHARE_PATH = re.compile(
    r"(?i)/(?:folders|file/d|document/d|spreadsheets/d|presentation/d|forms/d|s|sh|scl/f[io]|"
    r"share|shared|invite|d)/(!?[\w!-]{10,})|/[a-z]/(s![\w!-]{8,})"
)


def _share_key(segment: str) -> bool:
    """A long segment of mixed capitals, small letters and a digit: a random key, no word."""
    return (
        len(segment) >= 16
        and any(c.isupper() for c in segment)
        and any(c.islower() for c in segment)
        and any(c.isdigit() for c in segment)
        and sum(a.islower() != b.islower() for a, b in itertools.pairwise(segment)) >= 6
    )


_LAN = re.compile(r"(?:10|127|192\.168|172\.(?:1[6-9]|2\d|3[01]))\.")
# the carrier's shared address space (RFC 6598): "CGNAT, the router shows 100.64.0.1" is the
# address of the provider's NAT that many customers share, no one's own
_SHARED = ipaddress.IPv4Network("100.64.0.0/10")
# a hop of a traceroute: "the loss starts at hop 4 (192.0.2.254)", "Hop 7: 80.81.192.1" is a
# router on the provider's path, nobody's own address
_HOP_BEFORE = re.compile(r"(?i)\b(?:hop|sprung)[ ]?\d{1,2}[ ]?[:(=-]?[ ]?\Z")


def find_network(text: str) -> Iterator[Span]:
    for m in guarded(IPV4_RE).finditer(text):
        try:
            address = ipaddress.IPv4Address(m.group())
        except ValueError:
            continue
        if address.is_private and not address.is_global and _LAN.match(m.group()):
            continue  # "router at 192.168.178.1": a home network's address identifies nobody
        if address in _SHARED or _HOP_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        yield Span(m.start(), m.end(), "IP_ADDRESS", "ipv4")
    for m in scan(IPV6_RE, text):
        if m.group().count(":") < 2:
            continue
        try:
            ipaddress.IPv6Address(m.group().split("%")[0].split("/")[0])
        except ValueError:
            continue
        yield Span(m.start(), m.end(), "IP_ADDRESS", "ipv6")


def find_url_secrets(text: str, own_domains: tuple[str, ...] = ()) -> Iterator[Span]:
    """Links holding a token, session id or e-mail address: hidden from the first secret
    query value on ("…/termin?token=[URL_SECRET_1]": the site's address and the key are the
    company's words); the whole link when its path holds a digit or a secret itself."""
    for url in scan(URL_RE, text):
        parts = list(_url_parts(url.group(), own_domains))
        if parts:
            value = url.group().rstrip(".,;:!?")
            start = url.start() + _secret_start(value, parts)
            yield Span(start, url.start() + len(value), "URL_SECRET", "link with a token")


def _secret_start(value: str, parts: list[str]) -> int:
    """Where the hidden part of a link starts: at its first secret query value when nothing
    before it can be somebody's (no digit after the host, no secret path segment), else 0."""
    param = next((m for m in _URL_PARAM.finditer(value) if m.group(2) == parts[0]), None)
    if param is None:
        return 0
    head = value[: param.start(2)]
    path = re.sub(r"(?i)^(?:https?://)?[^/?#]*", "", head)
    if re.search(r"\d|%40|@", path) or any(part in head for part in parts[1:]):
        return 0
    return param.start(2)


def _url_parts(value: str, own_domains: tuple[str, ...]) -> Iterator[str]:
    """The secret-looking parts of one link (query values, random path segments)."""
    host = re.sub(r"(?i)^(?:https?://)?", "", value).split("/", 1)[0].lower()
    own = any(host == d or host.endswith("." + d) for d in own_domains)
    for m in _URL_PARAM.finditer(value):
        param = m.group(2)
        if own and not re.search(r"\d|%40|@", param):
            continue
        if len(param) >= 4 and (re.search(r"\d", param) or len(param) >= 8 or "%40" in param):
            yield param
    for m in _URL_SEGMENT.finditer(value):
        segment = m.group(1)
        mixed = sum(c.isdigit() for c in segment) >= 3 and sum(c.isalpha() for c in segment) >= 3
        if mixed or _share_key(segment):  # "drive/folders/1AbCdEfGhIjKl…": a sharing key
            yield segment
    share = _SHARE_PATH.search(value)
    if share:  # "1drv.ms/f/s!AqWeRtYu…", "docs.google.com/document/d/<id>"
        yield share.group(1) or share.group(2)
