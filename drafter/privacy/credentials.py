"""Secrets the customer writes into a mail: passwords, PINs and user names.

After a cue ("Passwort:", "PIN ist 4711"), written loosely ("the password I set was X",
"Kennwort habe ich auf X geändert"), a password-shaped token a few words after its cue on
the same line, a strongly shaped token (letters, digits and a sign, or lower- and uppercase
letters with digits: "kT7-vqR2-9mXe") after a cue one sentence earlier, the value before its
cue ("X ist mein Passwort") and new/old values after a cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from drafter.privacy.prefilter import guarded, scan
from drafter.privacy.spans import VALUE_GAP, Span, cased, cue_lines, word_start, words

SECRET_RE = re.compile(
    cased(
        "Passwort", "Kennwort", "Password", "Passwd", "PIN", "Pin", "pin", "Pin-Code", "PIN-Code",
        "Pincode",
        "PUK", "TAN", "Zugangscode", "Zugangsdaten", "Login-Code", "Sicherheitscode",
        "Aktivierungscode", "Bestätigungscode", "Verification[ ]code", "One-time[ ]code",
        "Code", "passcode", "Passcode", "Login", "Benutzername", "Username", "user[ ]name",
        "WLAN-Schlüssel", "WLAN-Key", "WiFi[ ]key", "WLAN-Passwort", "Netzwerkschlüssel",
        "CVC2?", "CVV2?", "CVC/CVV", "CID", "card[ ]security[ ]code", "Prüfnummer",
        "Kartenprüfnummer",
        "Einrichtungscode", "Freischaltcode", "Installationscode", "Setup-Code", "Setup[ ]code",
        "set-up[ ]code",
    )
    + r"(?:[ ](?:für|for|of|des|der|vom|zum)(?:[ ](?:den|die|das|the|your|Ihren?))?[ ][\w-]+)?"
    + r"(?:[ ](?:war|ist|lautet|is|was))?(?:[ ](?:übrigens|nämlich|jetzt|aktuell|now|btw))?"
    + VALUE_GAP
    + r"(?P<value>\d{3,5}(?:[ ]\d{3,5}){1,6}(?!\w)|(?=[^\s]*\d|[^\s]{6,})[^\s,;]{3,64})"
)  # fmt: skip
SECRET_AFTER_RE = re.compile(
    r"(?P<value>[^\s,;]{6,64})[ ](?:as|als)[ ](?:(?:my|mein|new|neues?)[ ])?"
    r"(?:password|passwort|kennwort|pin)",
    re.I,
)
# "WLAN-Schlüssel geändert, der neue ist Fjord!Wind93", "reset my password (new one is ...)":
# the value follows "new/old (one) is" some words after the cue
SECRET_LATER_RE = re.compile(
    r"(?i:\b(?:neue[sr]?|alte[sr]?|new(?:[ ]one)?|old(?:[ ]one)?)[ ](?:ist|lautet|war|is|was)"
    r"|\bis[ ]now|\bist[ ]jetzt|\blautet[ ]jetzt)[ :]+(?P<value>[^\s,;]{6,64})"
)
# "the password I set was X", "Passwort habe ich auf X geändert", "pw: X", "old pass was X":
# a password word, up to five words, then a verb or colon and the value
SECRET_LOOSE_RE = re.compile(
    r"(?i:\b(?:passwor[dt]|kennwort|pw|pwd|pass|passcode|pin|zugangsdaten|login|"
    r"benutzer(?:name)?|user(?:name)?|nutzername|anmeldename))\b"
    r"(?P<gap>(?:,?[ ][\w'’-]+){0,5}?)"  # "a PIN for the hotline, it was 4417"
    r"(?i:[ ]?[:=][ ]?|[ ](?:was|is|ist|war|lautet|lautete|wäre|would[ ]be|to|auf|als|"
    r"hieß|heißt)[ :]+)"
    r"(?P<value>[\"'„“»]?[^\s,;\"'“”«]{3,64})"
)
# "das Passwort ist noch Ostsee!2019 glaub ich", "admin password for the router tern2026": a
# password word, then on the same line within a few words a token shaped like a password
# (letters with digits or signs, at least six characters)
SECRET_WORD_RE = re.compile(
    r"(?i:\b(?:passwor[dt]|kennwort|pw|pwd|passcode|key|schlüssel|wlan-key|wifi-key|"
    r"(?:setup|set-up|einrichtungs|aktivierungs|activation|freischalt|installations)[- ]?code))\b"
    r"(?P<gap>[^\n.!?]{0,50}?)(?<![\w@./:-])"
    r"(?P<value>(?=[^\s]*[A-Za-zÄÖÜäöü])(?=[^\s]*[\d!#$%&*?+=_])[^\s,;()\"'“”«»]{6,64})"
)
# "Benutzer hmeyer77", "Login meyer.h": a user name right after its cue, shaped like one;
# any "…kennung" is such a cue ("Benutzerkennung", "Kundenkennung", "Anschlusskennung")
USER_RE = re.compile(
    r"(?i:\b(?:login|benutzer(?:name)?|user(?:[ ]?name|[ ]id)?|nutzername|"
    r"anmeldename|[a-zäöüß-]*kennung))[ ]?:?[ ]+"
    r"(?P<value>[a-z][\w.@-]*(?:[\d._@][\w.@-]*)(?<![.-]))"
)
_SECRET_GAP_STOP = re.compile(
    r"(?i)\b(?:nicht|not|never|kein|keine|no|vergessen|forgot|forgotten|reset|zurück|"
    r"falsch|wrong|expired|abgelaufen|gesperrt|blocked|locked)\b"
)
_SECRET_CUE_NEAR = re.compile(
    r"(?i)passwor[dt]|kennwort|\bpin\b|wlan|wifi|schlüssel|\bkey\b|zugangscode|passcode|code\b|"
    r"\bpass\b|\bpw\b|\blogin\b"
)
# a token with letters, digits and a sign (#, !, $ ...): how a password looks, not a word
_STRONG = re.compile(r"[^\s,;()\"'“”«»<>\[\]]+")  # tokens; a sign is looked for with _SIGN
_SIGN = re.compile(r"[!#$%&*+=_]")
_NEAR_CUES = ("passw", "kennwort", "pin", "wlan", "wifi", "schlüssel", "key", "code", "pass", "pw",
              "login")  # fmt: skip
# a pronoun or article after "login to"/"user is" is prose ("New login to your portal")
_NOT_A_USER = words(
    "your my our their his her the a an this that it me you mein meine dein deine ihr ihre "
    "sein seine unser unsere das der die den dem ein eine es sie"
)


def _mixed(value: str) -> bool:
    """Lowercase, uppercase and digits switching often in one token ("kT7-vqR2-9mXe"): a
    generated password even without a sign; not a customer number ("KD-3902167": no
    lowercase letter) nor a product's camel case ("FritzBox7590", "iPhone15Pro")."""
    kinds = ["l" if c.islower() else "u" if c.isupper() else "d" for c in value if c.isalnum()]
    switches = sum(a != b for a, b in pairwise(kinds))
    return len(set(kinds)) == 3 and switches >= 6


def _shaped_strongly(value: str) -> bool:
    letters = sum(c.isalpha() for c in value)
    return letters >= 2 and any(c.isdigit() for c in value) and value[0] not in "#_"


# words after a password cue that say something about it ("Passwort falsch?", "password
# expired!"): no password
_SECRET_NOT = re.compile(
    r"(?i)^(?:ist|lautet|is|war|vergessen|forgotten|zurücksetzen|reset|falsch|wrong|"
    r"abgelaufen|expired|gesperrt|blocked|locked|ungültig|invalid|incorrect)$"
)


# a plain word in brackets before a question mark: a term the customer asks about
_ASIDE_QUESTION = re.compile(r"\([^\W\d_]+(?:-[^\W\d_]+)*\)\?+")


def _asked_about(text: str, start: int, end: int) -> bool:
    """The value is a plain word in brackets right before a question mark, or inside one
    ("brauche ich Zugangsdaten (DHCP)?", "ein Passwort (WPA-Schlüssel)?"): a term the
    customer asks about; the "?" is no password's sign."""
    opening = start if text[start : start + 1] == "(" else start - 1
    if opening < 0 or text[opening] != "(":
        return False
    m = _ASIDE_QUESTION.match(text, opening)
    return m is not None and m.end() >= end


_LOOSE_CUES = ("pass", "kennwort", "pw", "pin", "zugangsdaten", "login", "benutzer", "user",
               "nutzername", "anmeldename")  # fmt: skip
_WORD_CUES = ("passw", "kennwort", "pw", "passcode", "key", "schlüssel", "code")
_USER_CUES = ("login", "benutzer", "user", "nutzername", "anmeldename", "kennung")


def _on_lines(regex: re.Pattern[str], text: str, cues: tuple[str, ...]) -> Iterator[re.Match[str]]:
    quick = guarded(regex)
    for start, end in cue_lines(text, cues):
        yield from quick.finditer(text, start, end)


# password words that also end a compound ("Telefonpasswort", "Routerkennwort")
_COMPOUND_CUE = re.compile(r"(?i)passwor[dt]|kennwort")
# a WLAN key printed as groups of four digits ("4471 0928 3365 1102"), a sentence after its cue
_DIGIT_KEY = re.compile(r"\d{4}(?:[ ]\d{4}){3,4}")  # the ends are checked by _whole_key
_KEY_CUES = ("wlan", "wifi", "wi-fi", "passw", "kennwort", "schlüssel", "key")
_KEY_CUE = re.compile(r"(?i)wlan|wifi|wi-fi|passwor[dt]|kennwort|schlüssel|\bkey\b")
_LINE_END = re.compile(r"[.!]?[ \t]*(?:\n|$)")


def _whole_key(text: str, m: re.Match[str]) -> bool:
    """No digit (nor a digit group) right before the match, no digit right after it."""
    before = text[max(0, m.start() - 2) : m.start()]
    return not (before[-1:].isdigit() or (before[-1:] == " " and before[:1].isdigit())) and not (
        text[m.end() : m.end() + 1].isdigit()
    )


def _link(value: str) -> bool:
    """A web address (or its rest after "https:"), not a password."""
    return value.startswith(("/", "www.")) or "://" in value


def _told(m: re.Match[str], value: str, text: str) -> bool:
    """After the cue a colon, then only this one word up to the end of its line: "Telefon-
    passwort: Tulpenbeet" (a plain word is then the password itself)."""
    start = m.start("value")
    return (
        ":" in text[m.start() : start]
        and value.replace("-", "").isalpha()
        and _LINE_END.match(text, start + len(value)) is not None
    )


# the second half of "user / password" after one cue
_PAIR = re.compile(r"[ \t]?/[ \t]?(?P<value>(?=[^\s,;]*[\d!#$%&*?@_+=])[^\s,;]{4,64})")


# "Zugangsdaten: hmeyer / Kranich42": a user name and its password after one cue
PAIR_AFTER_CUE_RE = re.compile(
    r"(?i:zugangsdaten|anmeldedaten|logindaten|login[ ]data|login[ ]details|credentials)"
    r"[ \t]*(?:sind|are|lauten)?[ \t]*:?[ \t]*"
    r"(?P<user>[^\s,;/]{3,64})[ \t]?/[ \t]?(?P<value>[^\s,;]{3,64})"
)


_PAIR_CUES = ("zugangsdaten", "anmeldedaten", "logindaten", "login d", "credentials")


# the answer to a security question: after the question and a colon at the end of its line
# ('Sicherheitsfrage "Name Ihres ersten Haustiers": Krümel'), or after "the answer is"
_WORDS = r"[^\s.,;!?\"'“”«»]+(?:[ ][^\s.,;!?\"'“”«»]+){0,2}"  # one to three words
ANSWER_RE = re.compile(
    r"(?i:sicherheitsfrage|geheimfrage|security[ ]question|secret[ ]question)"
    r"(?:[ \t]*(?:\([^)\n]{0,80}\)|[\"'„“][^\"“”\n]{2,80}[\"'“”])?[ \t]*:[ \t]*"
    rf"(?P<line>{_WORDS})[ \t.!]*(?:\n|$)"
    r"|[^\n]{0,120}?\b(?i:answer[ ](?:is|was|would[ ]be)|antwort[ ](?:ist|lautet|war|wäre))"
    rf"[ \t:]*[\"'„“»]?(?P<said>{_WORDS}))"
)
_ANSWER_CUES = ("sicherheitsfrage", "geheimfrage", "security question", "secret question")


def find_secrets(text: str) -> Iterator[Span]:
    low = text.lower()
    for start, end in cue_lines(text, _ANSWER_CUES) if any(c in low for c in _ANSWER_CUES) else ():
        for m in ANSWER_RE.finditer(text, start, min(len(text), end + 1)):
            group = "line" if m.group("line") else "said"
            yield Span(m.start(group), m.end(group), "SECRET", "answer to a security question")
    if "/" in text:
        for m in _on_lines(PAIR_AFTER_CUE_RE, text, _PAIR_CUES):
            for group in ("user", "value"):
                value = m.group(group).rstrip(".,:)")
                start = m.start(group)
                yield Span(start, start + len(value), "SECRET", "user / password after a cue")
    for span in _find_secrets(text):
        yield span
        pair = _PAIR.match(text, span.end)  # "Zugangsdaten: hmeyer / Geheim123"
        if pair is not None:
            yield Span(pair.start("value"), pair.end("value"), "SECRET", "secret (user / password)")


def _find_secrets(text: str) -> Iterator[Span]:
    low = text.lower()  # substring tests first: the patterns would try every position
    if any(cue in low for cue in _KEY_CUES):
        for m in _DIGIT_KEY.finditer(text):
            if _whole_key(text, m) and _KEY_CUE.search(text, max(0, m.start() - 150), m.start()):
                yield Span(m.start(), m.end(), "SECRET", "key in groups of four digits (cue)")
    for m in scan(SECRET_RE, text):
        value = m.group("value").rstrip(".,;)\"'“”»«")  # "!" and "?" may belong to it
        # a cue may end a compound: "portal-pin", "Router-Passwort", "Telefonpasswort"
        glued = m.start() > 0 and text[m.start() - 1] == "-"
        compound = _COMPOUND_CUE.match(m.group()) is not None and not word_start(text, m.start())
        starts = glued or compound or word_start(text, m.start())
        if not starts or _SECRET_NOT.match(value.rstrip("!?")) or len(value) < 3:
            continue
        if _link(value):
            continue  # "the portal login page at https://…": a link, not a password
        if _asked_about(text, m.start("value"), m.start("value") + len(value)):
            continue  # "brauche ich Zugangsdaten (DHCP)?": a term asked about, no password
        if not re.search(r"[\d!#$%&*?@_+=]|[a-zäöü][A-ZÄÖÜ]", value) and not _told(m, value, text):
            continue  # "Passwort vergessen": a plain word is not a password
        start = m.start("value")
        yield Span(start, start + len(value), "SECRET", f"secret cue={m.group().split()[0]!r}")
    for m in _on_lines(SECRET_LOOSE_RE, text, _LOOSE_CUES):
        if not word_start(text, m.start()) or _SECRET_GAP_STOP.search(m.group("gap")):
            continue
        raw = m.group("value")
        quoted = raw[:1] in "\"'„“»"
        value = raw.lstrip("\"'„“»").rstrip(".,;:)!?")
        start = m.end("value") - len(raw) + (len(raw) - len(raw.lstrip("\"'„“»")))
        if len(value) < 3 or _SECRET_NOT.match(value) or _link(value):
            continue
        user = re.match(r"(?i)login|benutzer|user|nutzer|anmelde", m.group())
        shaped = re.search(r"[\d!#$%&*?@_+=.]|[a-zäöü][A-ZÄÖÜ]", value)
        plain_user = user and m.group("gap") == "" and value.casefold() not in _NOT_A_USER
        if shaped or quoted or plain_user:
            yield Span(start, start + len(value), "SECRET", f"secret cue={m.group().split()[0]!r}")
    for m in _on_lines(SECRET_WORD_RE, text, _WORD_CUES):
        value = m.group("value").rstrip(".,:")
        if len(m.group("gap").split()) > 6 or "@" in value or "://" in value or value[:1] == "[":
            continue
        if _SECRET_GAP_STOP.search(m.group("gap")) or not word_start(text, m.start()):
            continue
        if _SECRET_NOT.match(value.rstrip("!?")):  # "Passwort vergessen??"
            continue
        start = m.start("value")
        if _asked_about(text, start, start + len(value)):
            continue  # "ein Passwort (WPA-Schlüssel)?": a term asked about
        yield Span(start, start + len(value), "SECRET", "secret (shaped, near its cue)")
    for m in _on_lines(USER_RE, text, _USER_CUES):
        if word_start(text, m.start()) and len(m.group("value")) >= 4:
            yield Span(m.start("value"), m.end("value"), "SECRET", "user name (cue)")
    for m in scan(SECRET_AFTER_RE, text):
        yield Span(m.start("value"), m.end("value"), "SECRET", "secret (value before cue)")
    cue = any(c in low for c in _NEAR_CUES) and guarded(_SECRET_CUE_NEAR).search(text)
    strong = _STRONG.finditer(text) if cue else iter(())
    for m in strong:  # "asks for a password. I set it to Oslo#2019fjord"
        value = m.group().rstrip(".,:?")  # a last "!" may be the password's sign
        signed = _SIGN.search(value) or _mixed(value)
        if len(value) < 8 or not signed or "@" in value or "://" in value:
            continue
        if not _shaped_strongly(value) or not word_start(text, m.start()):
            continue
        if guarded(_SECRET_CUE_NEAR).search(text, max(0, m.start() - 150), m.start()):
            yield Span(m.start(), m.start() + len(value), "SECRET", "secret (strong shape, cue)")
    for m in scan(SECRET_LATER_RE, text):
        value = m.group("value").rstrip(".,;)\"'“”»«–")
        near = guarded(_SECRET_CUE_NEAR).search(text, max(0, m.start() - 120), m.start())
        if near and re.search(r"\d|[!#$%&*?@_+=]", value):
            start = m.start("value")
            yield Span(start, start + len(value), "SECRET", "secret (new/old value after cue)")
