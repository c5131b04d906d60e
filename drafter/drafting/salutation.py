"""Who we write to and how: the customer's name, title, gender, register and the greeting.

Owns the house style for salutations (README "Greetings and register"):

- German, Sie: "Sehr geehrte Frau Dr. Weber," / "Sehr geehrter Herr Prof. Dr. Baumann," when
  the gender is clear (Frau/Herr/Mr/Ms in the name, else the first-name data set in
  drafter.drafting.names); "Guten Tag Kim Schulte," when it is not; "Sehr geehrte Damen und
  Herren," without a personal name (company, bare address). Titles are kept as written
  ("Dr. med." and "Dr.-Ing." become "Dr."), particles (von, van der) stay with the last name.
- German, Du: "Hallo Finn," ("Hallo," without a first name).
- English: "Dear Ms Berg," / "Dear Mr O'Connor," / "Dear Dr Carter," / "Dear Professor Stone,"
  / "Dear Jordan Lee," / "Dear Sir or Madam,"; informal "Hi Finn,".

The register comes from the customer (`detect_register`): German du/dich/dir/dein/ihr/euch
against Sie/Ihnen/Ihr and "Sehr geehrte"; English "Hi/Hey" with a first-name-only sign-off
against "Dear/Hello" or a full name. When the newest message says nothing, the earlier
messages of the thread (the quoted history, our replies included) decide; else the setting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.config import Settings
from drafter.drafting.names import gender_of
from drafter.models import InboundEmail

#: formality values: German "sie"/"du", English "you" (formal) or "you_informal" ("Hi Finn,").
FORMALITIES = ("sie", "du", "you", "you_informal")

_SALUTATION = {
    "frau": "female",
    "mrs": "female",
    "ms": "female",
    "miss": "female",
    "herr": "male",
    "herrn": "male",
    "mr": "male",
}
_ACADEMIC = re.compile(
    r"^(?:prof(?:essor)?\.?|dr\.?-ing\.?|dr\.?(?:\s*(?:med|rer|nat|phil|jur|dent|vet|oec|"
    r"h\.\s*c|med\.\s*dent)\.?)*|dipl\.?-[a-zäöü]+\.?)$",
    re.I,
)
_PARTICLES = frozenset(
    {"von", "van", "de", "der", "den", "zu", "zum", "zur", "vom", "ter", "te", "da", "di"}
    | {"del", "della", "du", "le", "la", "af"}
)
_COMPANY = re.compile(
    r"\b(?:gmbh|ag|kg|ohg|e\.\s?v|ev|ug|gbr|ltd|inc|llc|plc|co|corp|team|service|support|"
    r"kundenservice|verwaltung|hausverwaltung|praxis|kanzlei|bäckerei|büro|abteilung|"
    r"accounts|billing|info|office|noreply|no-reply|admin|buchhaltung|stadtwerke)\b",
    re.I,
)
_CLOSING = re.compile(
    r"^(?:mit\s+)?(?:freundlichen|freundliche|viele|beste|liebe|herzliche|schöne)?\s*"
    r"(?:grüßen|grüße|gruß|gruss)\b[,!.]?|^(?:lg|vg|mfg|danke(?: dir| euch| ihnen)?|"
    r"(?:kind |best |warm )?regards|best(?: wishes)?|cheers|thanks|thank you|"
    r"yours (?:sincerely|faithfully|truly)|sincerely|tschüss|ciao)\b[,!.]?",
    re.I,
)
_NAME_WORD = re.compile(r"^(?:[A-ZÄÖÜ][\w'’.-]*|[a-zäöü][\w'’-]*)$")


@dataclass(frozen=True)
class Name:
    """A parsed sender name; empty fields when unknown."""

    first: str = ""
    last: str = ""
    title: str = ""  # academic title as shown in German ("Dr.", "Prof. Dr.", "Dipl.-Ing.")
    gender: str = ""  # from Frau/Herr/Mr/Ms ("female"/"male"), else ""
    mrs: bool = False  # the customer calls herself Mrs


@dataclass(frozen=True)
class Greeting:
    first_line: str
    lowercase_next: bool  # German letters continue in lowercase after "…,"


def _case(word: str) -> str:
    """'BERG' / 'berg' -> 'Berg' (each hyphen part); mixed case is left as written."""
    if word.isupper() or word.islower():
        if word.lower() in _PARTICLES:
            return word.lower()
        return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))
    return word


def _title(token: str) -> str:
    low = token.lower().rstrip(".")
    if low.startswith("prof"):
        return "Prof."
    if low.startswith("dipl"):
        return token if token.endswith(".") else token + "."
    return "Dr."


def parse_name(display: str) -> Name:
    """Name parts of a display name ('Frau Dr. Erika Schulz', 'Schulz, Erika', 'ANNA BERG')."""
    text = " ".join(display.replace('"', " ").replace("'", "'").split())
    if not text or "@" in text or _COMPANY.search(text) or re.search(r"\d", text):
        return Name()
    if text.count(",") == 1:
        last, _, first = text.partition(",")
        if first.strip() and last.strip():
            text = f"{first.strip()} {last.strip()}"
    text = re.sub(r"(?i)\bdr\.\s+(med|rer|nat|phil|jur|dent|vet|oec)\b\.?", "Dr.", text)
    text = re.sub(r"(?i)\bdr\.\s*h\.\s*c\.", "Dr.", text)
    tokens = text.replace(",", " ").split()
    gender, titles, mrs = "", [], False
    while tokens:
        low = tokens[0].lower().rstrip(".")
        if low in _SALUTATION:
            gender, mrs = _SALUTATION[low], low == "mrs"
        elif _ACADEMIC.match(tokens[0]):
            title = _title(tokens[0])
            if title not in titles:
                titles.append(title)
        else:
            break
        tokens.pop(0)
    words = [_case(t) for t in tokens if _NAME_WORD.match(t)]
    if not words:
        return Name(title=" ".join(titles), gender=gender, mrs=mrs)
    if len(words) == 1:
        known = gender or titles
        single = words[0]
        if known or not (gender_of(single, "de") or gender_of(single, "en")):
            return Name(last=single, title=" ".join(titles), gender=gender, mrs=mrs)
        return Name(first=single, title=" ".join(titles), gender=gender, mrs=mrs)
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    first = words[0]
    return Name(first, " ".join(words[start:]), " ".join(titles), gender, mrs)


def signoff_name(body: str, signature: str = "") -> str:
    """The name the customer signed with ("Viele Grüße\\nMarkus Lange" -> "Markus Lange")."""
    lines = [ln.strip() for ln in f"{body}\n{signature}".splitlines() if ln.strip()]
    for i in range(len(lines) - 1, max(-1, len(lines) - 6), -1):
        line = lines[i]
        closing = _CLOSING.match(line)
        if closing and len(line.split()) <= 6:  # "Thanks for your reply. ..." is no closing
            rest = line[closing.end() :].strip(" ,")
            if rest:
                return rest if _plausible(rest) else ""
            following = lines[i + 1] if i + 1 < len(lines) else ""
            return following if _plausible(following) else ""
    last = lines[-1] if lines else ""
    return last if len(lines) > 1 and _plausible(last) and len(last.split()) <= 3 else ""


def _plausible(line: str) -> bool:
    words = line.replace(",", " ").split()
    return (
        0 < len(words) <= 4
        and not _COMPANY.search(line)
        and not re.search(r"[\d@:/]", line)
        and all(_NAME_WORD.match(w) or _ACADEMIC.match(w) for w in words)
        and any(w[:1].isupper() for w in words)
    )


def customer_name(email: InboundEmail) -> Name:
    """The display name, else the name the customer signed with."""
    name = parse_name(email.from_.name)
    if name.first or name.last:
        return name
    signed = parse_name(signoff_name(email.body, email.signature))
    return signed if signed.first or signed.last else name


# --- register ---------------------------------------------------------------------------

_DU = re.compile(
    r"\b(?:du|dich|dir|dein|deine|deinen|deinem|deiner|deines|euch|euer|eure|euren|eurem|"
    r"eurer|eures)\b|\b(?:hallo|hi|hey|liebe[s]?|moin|servus)\s+ihr\b|"
    r"\b(?:könnt|habt|seid|wollt|müsst|dürft|sollt|wisst|macht|schickt|schaut|gebt|helft|"
    r"sagt|braucht|bekommt|findet|meldet|ruft|kommt|werdet|wärt|hättet|würdet|könntet)\s+ihr\b",
    re.I,
)
# Sie/Ihr are formal only when capitalised inside a sentence; "Sie" opening a sentence too
# ("Sie haben mir zu viel berechnet"), and the formal opening "Sehr geehrte ...".
_SIE = re.compile(
    r"(?<=[a-zäöüß,;:] )(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)\b|"
    r"(?:^|(?<=[.!?] ))(?:Sie|Ihnen)\s+[a-zäöü]",
    re.M,
)
_GEEHRTE = re.compile(r"\bsehr geehrte[rn]?\b", re.I)
_HI = re.compile(r"^\s*(?:hi|hey|hiya|heya|yo)\b", re.I)
_FORMAL_EN = re.compile(r"^\s*(?:dear|hello|good (?:morning|afternoon|evening)|to whom)\b", re.I)


def register_signals(text: str) -> tuple[int, int]:
    """(Du signals, Sie signals) in a German text; quote marks ("> ") are ignored."""
    text = re.sub(r"(?m)^[ \t]*>+[ \t]?", "", text)
    return len(_DU.findall(text)), len(_SIE.findall(text)) + len(_GEEHRTE.findall(text))


def german_register(text: str) -> str:
    """'du', 'sie' or '' (no signal) for a German text."""
    du, sie = register_signals(text)
    if du and not sie:
        return "du"
    if sie:
        return "sie"
    return ""


def english_register(text: str, signed: str = "") -> str:
    """'you_informal', 'you' or '' (no signal) for an English text."""
    lines = [ln for ln in re.sub(r"(?m)^[ \t]*>+[ \t]?", "", text).splitlines() if ln.strip()]
    opening = lines[0] if lines else ""
    if _HI.match(opening):
        if signed and len(signed.split()) == 1:
            return "you_informal"
        if re.match(r"^\s*(?:hi|hey)\s+[A-Z][a-z]+\s*[,!]", opening):
            return "you_informal"  # our own earlier "Hi Ben," in the history
        return "you"
    if _FORMAL_EN.match(opening):
        return "you"
    return ""


def formality_for(settings: Settings, language: str) -> str:
    """The configured register for `language` (DRAFTER_FORMALITY is German; English: "you")."""
    return settings.formality if language == "de" else "you"


def detect_register(email: InboundEmail, language: str, default: str = "sie") -> str:
    """The register to answer in: the newest message, else the thread, else `default`."""
    if language == "de":
        found = german_register(email.body) or german_register(email.quoted)
        return found or (default if default in ("sie", "du") else "sie")
    signed = signoff_name(email.body, email.signature)
    found = english_register(email.body, signed) or english_register(email.quoted)
    return found or "you"


# --- greeting ---------------------------------------------------------------------------


def greeting(email: InboundEmail, language: str, formality: str) -> Greeting:
    """The salutation line for `email` in `language` and `formality` (house style above)."""
    name = customer_name(email)
    first = name.first
    if formality in ("du", "you_informal"):
        signed = signoff_name(email.body, email.signature).split()
        if len(signed) == 1 and signed[0][:1].isupper():
            first = signed[0]  # the name they sign with ("Dan", not the display "Daniel")
    gender = name.gender or (gender_of(first, language) if first else "")
    if language == "de":
        if formality == "du":
            return Greeting(f"Hallo {first}," if first else "Hallo,", True)
        title = f"{name.title} " if name.title else ""
        if name.last and gender == "female":
            return Greeting(f"Sehr geehrte Frau {title}{name.last},", True)
        if name.last and gender == "male":
            return Greeting(f"Sehr geehrter Herr {title}{name.last},", True)
        if first:
            full = " ".join(p for p in (name.title, first, name.last) if p)
            return Greeting(f"Guten Tag {full},", True)
        return Greeting("Sehr geehrte Damen und Herren,", True)
    if formality == "you_informal":
        return Greeting(f"Hi {first}," if first else "Hi,", False)
    if name.last:
        if "Prof." in name.title:
            return Greeting(f"Dear Professor {name.last},", False)
        if "Dr." in name.title:
            return Greeting(f"Dear Dr {name.last},", False)
        if gender == "female":
            return Greeting(f"Dear {'Mrs' if name.mrs else 'Ms'} {name.last},", False)
        if gender == "male":
            return Greeting(f"Dear Mr {name.last},", False)
    if first:
        return Greeting(f"Dear {first} {name.last}".rstrip() + ",", False)
    return Greeting("Dear Sir or Madam,", False)
