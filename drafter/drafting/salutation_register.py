"""The register to answer in: German Sie or Du, English formal or informal.

Owns `detect_register` (re-exported by drafter.drafting.salutation, which writes the greeting
line) and `english_register`. The register comes from the customer: German
du/dich/dir/dein/ihr/euch (also a second-person verb without "du": "Magst mir sagen"; not a Du
someone else said to the customer: "mein Sohn sagt, du musst …") against Sie/Ihnen/Ihr and
"Sehr geehrte"; a Du that is only the plural "ihr/euch" said to the company is Sie for a
customer who opens formally or signs with a family name, or neither greets casually nor signs
(`_formal_writer`: "Ihr habt … Henrike Sollmann"); a mail with no pronoun at all that opens
plainly casually and is signed with a first name alone is Du (`_casual_first_name`: "Hey, …
Gruß Finn"); an account that shows the customer by first name alone ("Lasse & Frieda",
"Finn") keeps the Du of a casual opener under a full name signed too
(`_first_name_account`: "Hallo Team, könnt ihr … Frieda & Lasse Wolters", "Hey, … Finn
Lüders"), and in English the informal register of a Hi ("Hiya, … Ollie Penhaligon" from the
account "Ollie"); a message someone else wrote to the
customer and the customer forwarded counts for nothing (drafter.drafting.forwards); English
"Hi/Hey" with a first-name-only sign-off against "Dear/Hello" or a full name, except a Hi said
as to friends ("Hi guys,", "Hi!!": informal under a full name too) and a plainly casual mail
written without capitals and signed by nobody ("hey! can i …"). When the newest
message says nothing, the earlier messages of the thread (the quoted history, our replies
included) decide; else the setting.
"""

from __future__ import annotations

import re

from drafter.config import Settings
from drafter.drafting.du_signals import german_register, plural_only, unquote
from drafter.drafting.forwards import own_thread
from drafter.drafting.persons import customer_names, split_couple
from drafter.drafting.sender import parse_name
from drafter.drafting.signature_footer import without_notice
from drafter.drafting.signoff import signed_name, signoff_name
from drafter.models import InboundEmail

__all__ = ["detect_register", "english_register", "formality_for", "in_capitals", "no_last"]

#: casual openers ("Morning!" without "Good", "G'day", "Howdy", "Howya") count as a Hi, and so does
#: the everyday hello of another language opening an English mail ("Hei!", "Hej", "Ciao",
#: "Hola", "Olá", the Brazilian "Oi", "Salut", "Hoi", Welsh "Shwmae", Hungarian "Szia",
#: Czech "Ahoj", Polish "Cześć", Russian "Privet", Turkish "Selam", Māori "Kia ora" of New
#: Zealand English, the Finnish "Moi"/"Moikka", Czech and Slovak "Čau", Polish "Hejka", the
#: Bavarian and Austrian "Servus"; not
#: "Hallo" or "Moin", which open formal German mail too, nor a formal hello such as "Bonjour",
#: "Buongiorno", "Dzień dobry", "Merhaba"): as with "Hi", only a first name signed makes it
#: informal; not next to an English formal opener ("Hej / Hello,")
_HI = re.compile(
    r"^\s*(?:hi+|he+y+|hiya|heya|yo|howdy|howa?ya|wotcha|g['’]day|morning|"
    r"(?:hei|hej|hejsan|ciao|hola|olá|oi|salut|hoi|shwmae|szia|ahoj|cze[sś][cć]|privet|привет|"
    r"selam|kia\s+ora|moi|moikka|čau|cau|hejka|servus)\b(?!.*\b(?:hello|dear|good)\b))\b",
    re.I,
)
#: an English casual opener (not another language's hello: "Hej, …" alone is no Hi)
_HI_EN = re.compile(r"^\s*(?:hi+|he+y+|hiya|heya|yo|howdy|howa?ya|wotcha|g['’]day|morning)\b", re.I)
#: an opener no formal English writer uses ("Hey folks,", "Hiya", the Irish "Howya" and the
#: British "Wotcha"): a group writing so is answered "Hi," too ("Hi team, …" from a firm
#: stays formal)
_PLAINLY_CASUAL_EN = re.compile(r"^\s*(?:he+y+|hiya|heya|yo|howa?ya|wotcha)\b", re.I)
#: a Hi said to us as to friends ("Hi guys,", "Hey folks,", "Hi lads", "Hi y'all", "Hi!!",
#: "Hey!!!"): informal under a full name too ("Hi guys, … Best, Lucas Ferreira" -> "Hi
#: Lucas,"), where a plain "Hi, … Grace Holloway" or "Hey, … Lena Brandt" stays formal (the
#: dev writers' labels)
_HI_AS_TO_FRIENDS = re.compile(
    r"^\s*(?:hi+|he+y+|hiya|heya|howa?ya)(?:\s*!{2,}|\s+(?:guys|folks|lads|y['’]?all)\b)", re.I
)
_FORMAL_EN = re.compile(r"^\s*(?:dear|hello|good (?:morning|afternoon|evening)|to whom)\b", re.I)
_NOBODY = frozenset(
    {"there", "all", "team", "everyone", "folks", "guys", "lads", "both", "support"}
)
_ATTRIBUTION = re.compile(r"(?:wrote|schrieb|geschrieben)\s*:\s*$", re.I)


def english_register(text: str, signed: str = "") -> str:
    """'you_informal', 'you' or '' (no signal) for an English text."""
    lines = [ln for ln in unquote(text).splitlines() if ln.strip()]
    opening = lines[0] if lines else ""
    if _HI.match(opening):
        persons = split_couple(signed) or ([parse_name(signed)] if signed else [])
        if persons and all(len(p.first.split()) == 1 and no_last(p.last) for p in persons):
            return "you_informal"  # "Kat", "Eilidh & Ross", "Jane P.": first names only
        if signed and len(signed.split()) == 1:
            return "you_informal"
        if _HI_AS_TO_FRIENDS.match(opening) and len(persons) == 1 and persons[0].first:
            return "you_informal"  # "Hi guys, … Best, Lucas Ferreira": greeted "Hi Lucas,"
        named = re.match(r"(?i)^\s*(?:hi|hey)\s+([^\W\d_][\w'’-]+)\s*[,!]", opening)
        if signed or not named or named.group(1).lower() in _NOBODY:
            return "you"  # "Hi Tom, … Lisa Brandt": a full name signed
        if named.group(1)[:1].isupper():
            return "you_informal"  # our own earlier "Hi Ben," in the history
        return "you"
    if _FORMAL_EN.match(opening):
        return "you"
    return ""


def no_last(last: str) -> bool:
    """No last name, or only its initial ("Jane P.", "Tom R")."""
    return not last or bool(re.fullmatch(r"[^\W\d_]\.?", last))


def formality_for(settings: Settings, language: str) -> str:
    """The configured register for `language` (DRAFTER_FORMALITY is German; English: "you")."""
    return settings.formality if language == "de" else "you"


def _thread_english(quoted: str) -> str:
    """The register of the newest earlier message that opens with a salutation; a "Hi" read
    with that message's sign-off ("Hey, can you …\\nBen" is informal)."""
    lines = unquote(quoted).splitlines()
    for i, line in enumerate(lines):
        if line.strip() and not _ATTRIBUTION.search(line):
            found = english_register(line)
            if found == "you" and _HI.match(line):
                end = next(
                    (j for j in range(i + 1, len(lines)) if _ATTRIBUTION.search(lines[j])),
                    len(lines),
                )
                message = "\n".join(lines[i:end])
                found = english_register(message, signoff_name(message))
            if found:
                return found
    return ""


def in_capitals(email: InboundEmail) -> InboundEmail:
    """A mail written all in capitals ("BITTE RUFEN SIE MICH AN … GRUSS RALF") read like one
    written all in lowercase: the capitals say nothing of names, "Sie" or sentence starts, and
    the readers of a writer without capitals are careful with exactly that."""
    letters = [c for c in email.body if c.isalpha()]
    if len(letters) < 20 or any(c.islower() for c in letters):
        return email
    return email.model_copy(update={"body": email.body.lower()})


def detect_register(email: InboundEmail, language: str, default: str = "sie") -> str:
    """The register to answer in: the newest message, else the thread, else `default`."""
    email = in_capitals(email)
    if language == "de":
        body = without_notice(email.body)  # not the notice's "informieren Sie den Absender"
        text = body if german_register(body) else own_thread(email.quoted, email.from_)
        found = german_register(text)
        if found == "du" and plural_only(text) and _formal_writer(email, text):
            return "sie"  # "Ihr habt 49870 angesetzt … Henrike Sollmann": the firm, not her
        if not found and _casual_first_name(email):
            return "du"  # "Hey, … Gruß Finn": no pronoun, but a Du writer all the same
        return found or (default if default in ("sie", "du") else "sie")
    signed = signed_name(email)
    thread = own_thread(email.quoted, email.from_)
    found = english_register(email.body, signed) or _thread_english(thread)
    if found == "you" and not signed and _casual_to_nobody(email):
        return "you_informal"  # "hiya, is the app down? ta!": no name anywhere to be formal to
    if found == "you" and not signed and _casual_without_capitals(email):
        return "you_informal"  # "hey! can i change my payment date?" from "Zoe Kingsley"
    if found == "you" and _HI_EN.match(unquote(email.body).lstrip()) and _first_name_account(email):
        return "you_informal"  # "Hiya, … Ollie Penhaligon" from the account "Ollie"
    return found or "you"


def _casual_to_nobody(email: InboundEmail) -> bool:
    """An English casual opener and no person to greet: no display name ("hey, is the app
    down?"), or a group's ("Hey folks, … the Meetup team") under a plainly casual one."""
    opening = unquote(email.body).lstrip()
    if not email.from_.name.strip():
        return bool(_HI_EN.match(opening))
    return bool(_PLAINLY_CASUAL_EN.match(opening)) and not customer_names(email)


def _casual_without_capitals(email: InboundEmail) -> bool:
    """A plainly casual opener in a mail written without any capital and signed by nobody
    ("hey! can i change my payment date? my salary comes mid month" from "Zoe Kingsley"):
    a chat message, answered "Hi Zoe,"; a capitalised "Hey, is there an outage in the SE15
    area?" under a display name alone stays formal, as the dev writer labels it (gd068)."""
    body = unquote(email.body)
    return bool(_PLAINLY_CASUAL_EN.match(body.lstrip())) and not any(c.isupper() for c in body)


#: the line that introduces a quoted message ("Am 8.11. schrieb Lotte <lotte@…>:")
_WROTE = re.compile(r"\b(?:wrote|schrieb|geschrieben)\b.*:\s*$", re.I)
#: a casual opening line ("Hallo,", "hey leute", "Moin!", "Hoi zäme", "Hallo Stadtwerke-Team")
_CASUAL_DE = re.compile(
    r"^\s*(?:hallo|hallöchen|hi+|he+y+|huhu|moin|servus|hoi|grüezi|tach|na|liebe[rs]?)\b",
    re.I,
)
#: an opening no formal writer uses ("Hey!", "Huhu", "Hallöchen"): the Du even under a full
#: name ("Hey! … kann ich bei euch … Grüße, Finn Lüders"); "Hallo (zusammen)", "Hi" or the
#: northern "Moin" open Sie mail too and do not count
_PLAINLY_CASUAL_DE = re.compile(r"^\s*(?:hallöchen|he+y+|huhu)\b", re.I)
#: a formal opening line ("Guten Morgen,", "Guten Tag", "Sehr geehrte Damen und Herren")
_FORMAL_DE = re.compile(r"^\s*(?:guten\s+(?:morgen|tag|abend)|sehr\s+geehrte)\b", re.I)
#: formal words anywhere in an opening line ("Hey, guten Tag,")
_FORMAL_WORDS = re.compile(r"\b(?:guten\s+(?:morgen|tag|abend)|sehr\s+geehrte)\b", re.I)


def _casual_first_name(email: InboundEmail) -> bool:
    """A German mail with no Sie and no Du at all (nor in the thread) that opens plainly
    casually ("Hey,", "Huhu", "Hallöchen": `_PLAINLY_CASUAL_DE`, an opening no formal writer
    uses) and is signed with a first name alone ("Finn", "Mia & Ben", "Jule K."): answered
    in Du. "Hallo", "Hi" and the northern "Moin" open Sie mail too and decide nothing by
    themselves (house rule of session 17; the dev writers label "Moin … Gruß Okke" and "Hi …
    Cheers Tom" Sie), nor does a casual opening under a full name or no name."""
    lines = [ln for ln in unquote(email.body).splitlines() if ln.strip()]
    if not lines or not _PLAINLY_CASUAL_DE.match(lines[0]) or _FORMAL_WORDS.search(lines[0]):
        return False
    signed = signed_name(email)
    if not signed:
        return False
    if _first_name_account(email):
        return True  # "Hey, … Gruß Finn Lüders" from the account "Finn"
    persons = split_couple(signed) or [parse_name(signed)]
    if len(signed.split()) == 1 and not persons[0].title and not persons[0].family:
        return True  # "Okke", "Fiete": a single word signed, known as a first name or not
    return all(p.first and no_last(p.last) and not p.title for p in persons)


def _first_name_account(email: InboundEmail) -> bool:
    """The account shows the customer by first name alone ("Ollie", "Lasse & Frieda"), and the
    name signed, if any, is that person's: how the customer presents himself to us, so a casual
    opener keeps the informal register under a full name signed too ("Hiya, … Ollie
    Penhaligon"; "Hi, … Tom Becker" from "Tom Becker" stays formal)."""
    display = email.from_.name.strip()
    persons = split_couple(display) or ([parse_name(display)] if display else [])
    if not persons or not all(p.first and not p.last and not p.title for p in persons):
        return False
    signed = signed_name(email)
    if not signed:
        return True
    own = split_couple(signed) or [parse_name(signed)]
    firsts = {p.first.split()[0].casefold() for p in persons}
    return {p.first.split()[0].casefold() for p in own if p.first} == firsts


def _formal_writer(email: InboundEmail, text: str) -> bool:
    """A customer who writes the plural "ihr/euch" to the company but no Du to a person, and
    who opens formally or signs with a family name ("Henrike Sollmann", "K.-U. Harbeck", "Dr.
    Lena Marx", "Familie Ipsen"), is answered in Sie: "ihr" to a firm is no offer of the Du, Sie
    is never offensive, a Du to a formal writer can be (team-lead review, session 10). A first
    name alone ("Jule", "Mia & Ben", "Thalea K.") keeps the Du, and so does no name under a
    casual opening ("hey, habt ihr …"), and a plainly casual opening ("Hey!", "Huhu") keeps
    it under a full name too; no name and no casual opening gets Sie. `text` is the
    message that has the "ihr": the newest, or the quoted thread when the newest says nothing
    (then its sign-off counts when the newest has none)."""
    lines = [ln for ln in unquote(text).splitlines() if ln.strip()]
    lines = [ln for ln in lines if not _WROTE.search(ln)]  # "Am 8.11. schrieb Lotte <…>:"
    if lines and _FORMAL_DE.match(lines[0]):
        return True
    if lines and _PLAINLY_CASUAL_DE.match(lines[0]):
        return False
    if lines and _CASUAL_DE.match(lines[0]) and _first_name_account(email):
        # "Hallo Stadtwerke-Team, … könnt ihr … Frieda & Lasse Wolters" from "Lasse & Frieda"
        return False
    signed = signed_name(email) or signoff_name(unquote(text))
    if not signed:
        # nobody signs: the Du needs a casual opening ("hey, habt ihr …"); "Bei euch blickt
        # doch keiner mehr durch" with no greeting and no name gets Sie
        return not (lines and _CASUAL_DE.match(lines[0]))
    if split_couple(signed):
        return any(n.last and not no_last(n.last) for n in split_couple(signed))
    name = parse_name(signed)
    if name.family or name.title:
        return True
    return bool(name.first) and bool(name.last) and not no_last(name.last)
