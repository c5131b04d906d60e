"""Split a plain-text email body into the newest message, the quoted thread and the signature.

Owns the quote and signature rules, line based and linear in the text size (no regex that
spans lines, so no catastrophic backtracking): Outlook separators and header blocks
("-----Ursprüngliche Nachricht-----", "Von: ... Gesendet: ..."), "wrote" lines in many
languages ("Am ... schrieb ...:", "On ... wrote:", "Le ... a écrit :"), "> " quoting with
bottom-posted answers kept, the "-- " delimiter, closing formulas ("Mit freundlichen Grüßen",
"Best regards") and mobile footers ("Sent from my iPhone", "Von meinem iPhone gesendet").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.closings import CLOSING_LINE, MOBILE_FOOTER

_MAX_HEADER_CHARS = 400
_SIG_MAX_LINES = 20
_MOBILE_TAIL = 10
_WRAP_WIDTH = 60

_SEPARATOR = re.compile(
    r"^[\s>]*+[-_=*\s]{2,}+(?:original message|ursprüngliche nachricht|originalnachricht|"
    r"message d'origine|message original|messaggio originale|mensaje original|"
    r"mensagem original|oorspronkelijk bericht|origineel bericht|originalmeddelelse|"
    r"oprindelig meddelelse|oprindelig besked|opprinnelig melding|videresendt besked|"
    r"ursprungligt meddelande|"
    r"originalmeddelande|alkuperäinen viesti|wiadomość oryginalna|oryginalna wiadomość|"
    r"původní zpráva|eredeti üzenet|исходное сообщение|пересылаемое сообщение|"
    r"forwarded message|weitergeleitete nachricht|message transféré|"
    r"messaggio inoltrato|mensaje reenviado|doorgestuurd bericht|videresendt meddelelse|"
    r"vidarebefordrat meddelande|przekazana wiadomość)[-_=*\s]{2,}+$",
    re.IGNORECASE,
)
_FORWARD_LINE = re.compile(
    r"^[\s>]*(?:begin forwarded message|anfang der weitergeleiteten nachricht|"
    r"début du message réexpédié|inizio messaggio inoltrato|"
    r"comienzo del mensaje reenviado)\s*:\s*$",
    re.IGNORECASE,
)
_UNDERSCORES = re.compile(r"^[\s>]*_{20,}\s*$|^[\s>]*-{20,}\s*$")
_RULE = re.compile(r"^[\s>]*[-_=*]{4,}\s*$")

_FROM_FIELDS = (
    "from|von|de|da|van|fra|från|od|от|lähettäjä|feladó|kimden|afzender|avsändare|"
    "remitente|expéditeur|absender|发件人|寄件者|寄件人|差出人|보낸 사람"
)
_OTHER_FIELDS = (
    "sent|date|to|cc|bcc|subject|message du|reply-to|organization|gesendet|datum|an|betreff|kopie|"
    "antwort an|envoyé|à|objet|inviato|data|a|oggetto|enviado|enviada|fecha|para|asunto|"
    "assunto|verzonden|aan|onderwerp|sendt|dato|til|emne|skickat|till|ämne|wysłano|"
    "wysłane|do|temat|lähetetty|vastaanottaja|aihe|отправлено|кому|тема|дата|копия|"
    "gönderildi|kime|konu|tarih|elküldve|címzett|tárgy|odesláno|komu|předmět|"
    "发送时间|发送日期|收件人|主题|日期|送信日時|宛先|件名|보낸 날짜|받는 사람|제목"
)
_FIELD = re.compile(
    rf"^[\s>]*+\**+\s*+(?P<name>{_FROM_FIELDS}|{_OTHER_FIELDS})\s*+\**+\s*+[:：]\s*+\**+",
    re.IGNORECASE,
)
_FROM_ONLY = re.compile(rf"^(?:{_FROM_FIELDS})$", re.IGNORECASE)

_VERBS = (
    r"wrote|writes|schrieb|schreibt|a écrit|a ecrit|escribió|escribio|ha scritto|scrisse|"
    r"schreef|skrev|skriver|napisał\(a\)|napisał|napisała|napisal|escreveu|kirjoitti|"
    r"написал\(а\)|написала|написал|írta|yazdı|napsal\(a\)|napsal|napsala|pisze|写道"
)
_WROTE = re.compile(
    rf"^(?P<lead>.{{0,{_MAX_HEADER_CHARS}}}?)(?<![\w/-])(?:{_VERBS})(?![\w/-])"
    rf"(?P<tail>.{{0,200}})$",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:on|am|le|el|il|op|den|på|w dniu|dnia|em|в|às|dne|the|at|på)\b", re.IGNORECASE
)
_DATEISH = re.compile(r"\d|@")
_TIME = re.compile(r"\d{1,2}[:.]\d{2}")
_GMAIL_NOVERB = re.compile(r"@[^\s<>]+>\s*:\s*$")

_SIG_LINE_CHARS = 60
_CONTACT = re.compile(r"@\w|https?://|www\.|(?:\+|\()?\d[\d ()/.-]{6,}\d")
_NAME_LINE = re.compile(r"^(?:[A-ZÄÖÜ][\w'.-]*,?\s+){0,3}[A-ZÄÖÜ][\w'.-]*(?:,\s*[\w.]+)?$")
_VIA_MOBILE = re.compile(r"^(?:via|from|von) (?:mobile|my phone|handy|unterwegs)$", re.I)
_DELIMITER = re.compile(r"^(?:--|-- |__|—|–)\s*$")
_MOBILE = MOBILE_FOOTER


@dataclass(frozen=True)
class Split:
    """The three parts of a message body."""

    body: str
    quoted: str
    signature: str


def split_reply(text: str) -> Split:
    """Split a (cleaned, plain) message body into newest message, quoted thread, signature."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    body_lines, quoted_lines = _split_quotes(lines)
    body_lines, sig_lines = _split_signature(body_lines)
    return Split(
        body=_tidy(body_lines),
        quoted=_tidy(quoted_lines),
        signature=_tidy(sig_lines),
    )


def _split_quotes(lines: list[str]) -> tuple[list[str], list[str]]:
    body: list[str] = []
    quoted: list[str] = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if _is_quoted(line) or (i and _wrapped_quote(lines[i - 1]) and line.strip()):
            quoted.append(line)  # a quoted line, or a wrapped continuation of one
            i += 1
            continue
        if _SEPARATOR.match(line) or _FORWARD_LINE.match(line) or _header_block(lines, i):
            _move_trailing_rules(body, quoted)
            quoted.extend(lines[i:])
            break
        span = _wrote_header(lines, i)
        if span:
            _move_trailing_rules(body, quoted)
            if _next_is_quoted(lines, i + span):
                quoted.extend(lines[i : i + span])
                i += span
                continue
            quoted.extend(lines[i:])
            break
        if _UNDERSCORES.match(line) and _header_block(lines, _next_nonblank(lines, i + 1)):
            quoted.extend(lines[i:])
            break
        body.append(line)
        i += 1
    return body, quoted


def _is_quoted(line: str) -> bool:
    return line.lstrip(" ").startswith(">")


def _wrapped_quote(previous: str) -> bool:
    """A long quoted line: the next unquoted line is probably its wrapped continuation."""
    return _is_quoted(previous) and len(previous.rstrip()) >= _WRAP_WIDTH


def _next_nonblank(lines: list[str], start: int) -> int:
    j = start
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j


def _next_is_quoted(lines: list[str], start: int) -> bool:
    j = _next_nonblank(lines, start)
    return j < len(lines) and _is_quoted(lines[j])


def _move_trailing_rules(body: list[str], quoted: list[str]) -> None:
    """A separator rule (____ or ----) just above a quote header belongs to the quote."""
    while body and (not body[-1].strip() or _RULE.match(body[-1])):
        if body[-1].strip():
            quoted.append(body.pop())
        else:
            body.pop()


def _header_block(lines: list[str], i: int) -> bool:
    """An Outlook-style block: at least two header fields, one of them the sender."""
    if i >= len(lines):
        return False
    first = _FIELD.match(lines[i])
    if not first:
        return False
    names: set[str] = set()
    has_from = False
    blanks = 0
    for line in lines[i : i + 8]:
        if not line.strip():
            blanks += 1
            if blanks > 1:
                break
            continue
        match = _FIELD.match(line)
        if match:
            name = match.group("name").lower()
            names.add(name)
            has_from = has_from or bool(_FROM_ONLY.match(name))
    return has_from and len(names) >= 2


def _wrote_header(lines: list[str], i: int) -> int:
    """How many lines (1-3) form an "On <date>, <name> wrote:" header at line i (0: none)."""
    first = lines[i].strip()
    if not first or len(first) > _MAX_HEADER_CHARS:
        return 0
    joined = ""
    for span in range(1, 4):
        if i + span > len(lines):
            break
        part = lines[i + span - 1].strip()
        if span > 1 and (not part or (part.startswith(">") and len(part) > 3)):
            break
        if span == 2 and not (_LEAD.match(first) or _DATEISH.search(first)):
            break
        joined = f"{joined} {part}".strip() if span > 1 else part
        if len(joined) > _MAX_HEADER_CHARS + 200:
            break
        if _looks_like_wrote(joined):
            return span
    return 0


def _looks_like_wrote(candidate: str) -> bool:
    text = candidate.strip()
    core = text.strip("-").strip()
    if _GMAIL_NOVERB.search(core) and _TIME.search(core):
        return True
    match = _WROTE.match(core)
    if not match:
        return False
    tail = match.group("tail").strip()
    dashed = text.endswith("-") and tail == ""  # zoho: "---- On ... wrote ----"
    bare = tail == "" and bool(_LEAD.match(core)) and "@" in core  # "On ... <a@b> wrote"
    if not (tail.endswith((":", "：")) or dashed or bare):
        return False
    words = match.group("lead").split()
    if words and "://" in words[-1]:
        return False
    return bool(_LEAD.match(core) or _DATEISH.search(match.group("lead")) or "<" in core)


_SCAN_TAIL = max(_SIG_MAX_LINES + 1, _MOBILE_TAIL)  # no rule below matches further up


def _split_signature(lines: list[str]) -> tuple[list[str], list[str]]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    nonblank = [k for k, line in enumerate(lines) if line.strip()]
    if len(nonblank) < 2:
        return lines, []
    first_text = nonblank[0]
    start = len(lines)
    for index, k in enumerate(nonblank):
        if k == first_text:
            continue
        remaining = len(nonblank) - index - 1  # non-blank lines after k (linear, not quadratic)
        if remaining >= _SCAN_TAIL:
            continue  # only the last lines can start a signature: no pattern runs on the rest
        line = lines[k]
        if _DELIMITER.match(line) and 0 < remaining <= _SIG_MAX_LINES:
            start = k
            break
        if _MOBILE.match(line) and len(line.strip()) <= 100 and remaining < _MOBILE_TAIL:
            start = k
            break
        if CLOSING_LINE.match(line) and remaining <= _SIG_MAX_LINES // 2:
            start = k
            break
    if start == len(lines):
        start = _contact_block(lines, first_text)
    return lines[:start], lines[start:]


def _contact_block(lines: list[str], first_text: int) -> int:
    """The start of a trailing contact block without a closing formula, or len(lines).

    A block counts when it follows a blank line (or a rule of dashes), has at most
    `_SIG_MAX_LINES` short lines, starts with a name-like line and holds contact data
    (an address, phone number or URL) or a mobile footer ("via mobile").
    """
    k = len(lines)
    while k > first_text + 1 and (lines[k - 1].strip() or k == len(lines)):
        k -= 1
    rule = next(
        (j for j in range(first_text + 1, len(lines)) if _RULE.match(lines[j])),
        None,
    )
    if rule is not None and len(lines) - rule <= 2 * _SIG_MAX_LINES:
        k = rule
    block = [line.strip() for line in lines[k:] if line.strip()]
    if not 2 <= len(block) <= _SIG_MAX_LINES or k <= first_text:
        return len(lines)
    if any(len(line) > _SIG_LINE_CHARS for line in block):
        return len(lines)
    head = next(line for line in block if not _RULE.match(line))
    contact = sum(bool(_CONTACT.search(line)) for line in block)
    if _NAME_LINE.match(head) and (contact or _VIA_MOBILE.match(block[-1])):
        return k
    return len(lines)


def _tidy(lines: list[str]) -> str:
    text = "\n".join(line.rstrip() for line in lines).strip("\n")
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()
