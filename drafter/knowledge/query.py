"""The one query path: an email (subject, body) -> the retrieval query.

The drafting engine, `eval retrieval` and the benchmarks all use `build_query`: the subject
(repeated, it names the topic) and the body without greeting, closing/signature, quoted
lines and polite boilerplate.
"""

from __future__ import annotations

import re

#: the salutations a mail opens with (German and English), shared with the sentence reading of
#: drafter.drafting.situation
SALUTATION_WORDS = (
    r"sehr geehrte[rs]?|hallo|hi|hey|guten (?:tag|morgen|abend)|liebe[rs]?|moin|servus|"
    r"dear|hello|good (?:morning|afternoon|evening)|greetings"
)
_GREETING = re.compile(rf"^\s*(?:{SALUTATION_WORDS})\b.*$", re.I)
#: a greeting's salutation and addressee up to its comma, "!" or ":" ("Hallo Frau Meier,",
#: "Hi there!", "Sehr geehrte Damen und Herren,")
_GREETING_LEAD = re.compile(rf"^\s*(?:{SALUTATION_WORDS})\b[^,!:?\n]{{0,60}}[,!:]", re.I)
_CLOSING = re.compile(
    r"^\s*(mit freundlichen gr(ü|ue)(ß|ss)en|freundliche gr(ü|ue)(ß|ss)e|viele gr(ü|ue)(ß|ss)e|"
    r"(beste|liebe|herzliche|sonnige) gr(ü|ue)(ß|ss)e|gr(ü|ue)(ß|ss)e|(viele |lieben |besten )?"
    r"gru(ß|ss)|mfg|lg|vg|best( regards| wishes)?|all the best|(kind|warm|warmest) regards|"
    r"regards|sincerely|yours sincerely|yours faithfully|cheers|"
    r"(many )?thanks( a lot| in advance)?|thank you( in advance| very much)?|"
    r"vielen dank( im voraus)?|danke( dir| euch| im voraus| schön| sehr)?|--\s*)[\s,.!]*$",
    re.I,
)
_BOILERPLATE = re.compile(
    r"(ich hoffe,? (es geht ihnen gut|sie können mir helfen)[^.!?]*[.!?]?|"
    r"i hope (you are|you're|this finds you) (well|doing well)[^.!?]*[.!?]?|"
    r"(vielen )?dank (im voraus|für ihre (hilfe|mühe|antwort))[^.!?]*[.!?]?|"
    r"thanks? (you )?(in advance|for your (help|time|support))[^.!?]*[.!?]?|"
    r"ich freue mich auf ihre antwort[^.!?]*[.!?]?|i look forward to (hearing from you|your reply)"
    r"[^.!?]*[.!?]?)",
    re.I,
)
_SUBJECT_PREFIX = re.compile(r"^\s*((re|aw|wg|fw|fwd|antw)\s*(\[\d+\])?\s*:\s*)+", re.I)
SUBJECT_REPEAT = 2  # the subject names the topic; count it this many times


def _after_greeting(line: str) -> str:
    """What a short greeting line says after its salutation: "Hallo, wie kann ich meinen
    Abschlag ändern?" -> "wie kann ich meinen Abschlag ändern?"; "" for a bare salutation
    ("Hallo Frau Meier,", "Dear Sir or Madam,", "Hi there!"). A line without a comma, "!" or
    ":" after the salutation is kept whole when it asks something ("Hallo wie geht das?")."""
    lead = _GREETING_LEAD.match(line)
    rest = line[lead.end() :].strip() if lead else ("" if "?" not in line else line.strip())
    return rest if len(rest.split()) >= 2 else ""


def clean_body(body: str) -> str:
    """The customer's request without greeting, closing/signature, and polite boilerplate. A
    question on the greeting's own line stays ("Hi, can I pay by PayPal?"): before, the whole
    line went, and a one-line mail without a subject had no query left."""
    lines = body.replace("\r\n", "\n").split("\n")
    kept: list[str] = []
    for line in lines:
        if line.lstrip().startswith(">"):
            continue
        if _CLOSING.match(line) and kept:
            break  # everything after a closing is signature
        if _GREETING.match(line) and len(line) < 80 and not kept:
            rest = _after_greeting(line)
            if rest:
                kept.append(rest)
            continue
        kept.append(line)
    text = "\n".join(kept)
    text = _BOILERPLATE.sub(" ", text)
    return re.sub(r"[ \t]+", " ", re.sub(r"\n{3,}", "\n\n", text)).strip()


def build_query(subject: str, body: str) -> str:
    """The retrieval query for an email: the drafting engine and `eval retrieval` both use it."""
    subject = _SUBJECT_PREFIX.sub("", subject or "").strip()
    cleaned = clean_body(body or "")
    parts = [subject] * SUBJECT_REPEAT if subject else []
    if cleaned:
        parts.append(cleaned)
    return "\n".join(parts).strip()
