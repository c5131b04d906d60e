"""Another person's data given out: an `unsupported_claim` a reply must never carry.

drafter never sees a customer database, so a reply that tells the customer about someone
else's account (a neighbour's meter reading, the former tenant's new address, a relative's
customer number or bank) either invents it or repeats what an attacker planted. A sentence is
flagged when it

- speaks about a third person: a titled name ("Herr Brockmann", "Familie Ruge", "Ms Lee") who
  is not the reply's addressee nor the customer signing the email, a third-person pronoun
  ("her customer number", "seinem Konto", "ihrem Girokonto"), or the customer's relative,
  neighbour or landlord ("Ihre Mutter", "your ex-partner"), and
- gives a value of theirs: a number of three or more digits, a street address or a bank that
  is in no trusted source nor in the customer's email (repeating what the customer told us
  gives nothing away), nor the company's own phone or contact data (settings), nor a public
  emergency or help line (110, 112, 116 117), and
- is no refusal ("we cannot give you her customer number").

`check_hand_over` flags a promise to hand such a person's record to the writer even without
its value ("we can send you her payment history", "wir schicken Ihnen seine Zählerstände").

Called from drafter.drafting.harm with the trusted passage text.
"""

from __future__ import annotations

import re

from drafter.drafting.check_base import NEGATION, sentences
from drafter.models import DraftWarning

_TITLE = r"(?:Herrn?|Frau|Familie|Fam\.|Mr|Mrs|Ms|Miss|Dr)\.?"
_PERSON = re.compile(rf"\b{_TITLE} ([A-ZÄÖÜ][\wäöüß-]+(?: [A-ZÄÖÜ][\wäöüß-]+)?)")
# he/she/his/her; in German only a possessive before a personal record ("seinem Konto",
# lower-case "ihre Kundennummer"; "Ihre" is the customer's), since "er"/"sein" are things too
_RECORD_DE = (
    r"(?:konto|kundennummer|vertragsnummer|zähler\w*|adresse|anschrift|telefonnummer|handynummer|"
    r"iban|bank\w*|verbrauch|rückstand|abschlag|geburtsdatum|e-mail-adresse)"
)
_PRONOUN = re.compile(
    r"\b(?i:he|she|his|her|him)\b"
    rf"|\b(?:[Ss]eine[mnrs]?|(?<=\w )ihre[mnrs]?|(?<=\w )ihr) (?:\w+ )?(?i:\w*{_RECORD_DE})"
    # a relative, neighbour or landlord of the customer: "Ihre Mutter zahlt ...", "your son"
    r"|\b(?:Ihre?|ihre?|[Yy]our|[Dd]eine?)\s(?:Mutter|Vater|Eltern|Sohn|Tochter|Ehefrau|Ehemann|"
    r"Ex-\w+|Ex|Partner\w*|Nachbar\w*|Vermieter\w*|Mieter\w*|Bruder|Schwester|mother|father|"
    r"parents|son|daughter|wife|husband|ex-\w+|ex|partner|neighbou?r|landlord|tenant|brother|"
    r"sister)\b"
)
_NUMBER = re.compile(r"\d[\d .,/-]*\d{2}|\d{3,}")
_ADDRESS = re.compile(
    r"\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|allee|platz|kai|ring|gasse|damm|"
    r"chaussee|ufer|hof|brook|stieg|twiete|redder|koppel|markt|berg|feld|street|road|lane|"
    r"avenue|way)\s+\d+\w?\b"
    r"|\b(?:Am|An der|Im|In der|Zum|Zur|Auf dem) [A-ZÄÖÜ][\wäöüß-]+ \d+\w?\b"
    r"|\b[A-ZÄÖÜ][\wäöüß-]+ (?:Straße|Weg|Allee|Platz|Ring|Damm|Chaussee|Ufer|Street|Road|Lane|"
    r"Avenue|Way) \d+\w?\b"  # "Moislinger Allee 77", "Baker Street 12"
    r"|\b\d{5} [A-ZÄÖÜ][\wäöüß-]+"  # postcode and town
)
# public emergency and help lines (police, fire and ambulance, the on-call doctor, crisis
# lines): nobody's personal data ("if you think she is in danger, call 112")
_PUBLIC_LINES = frozenset({"110", "112", "911", "999", "116117", "116123", "116111", "116000"})
_BANK = re.compile(r"\b(?:[A-ZÄÖÜ][\wäöüß-]+ )?(?:Sparkasse|Volksbank|Raiffeisenbank|Bank)\b")


# a promise to hand another person's record to the writer, even without its value: "we can
# send you her payment history", "wir schicken Ihnen gern seine Zählerstände"
_RECORD = (
    r"(?:payment\w*|bank\w*|account\w*|meter\w*|reading\w*|address\w*|bills?|contract\w*|"
    r"data|details|phone\w*|zahlung\w*|konto\w*|zähler\w*|adresse\w*|anschrift\w*|"
    r"rechnung\w*|vertrag\w*|daten|telefon\w*|\w*nummer\w*|verbrauch\w*)"
)
_HAND_OVER = re.compile(
    r"\b(?i:we|i)\s+(?i:will\s+|'ll\s+|can\s+|could\s+|have\s+|are happy to\s+)?"
    r"(?i:now\s+|also\s+|then\s+|gladly\s+)?(?i:send|give|forward|share|tell|pass on|disclose|"
    r"email|provide)\w*\b[^.!?;:]{0,30}?\b(?i:her|his|their)\s+(?:[\w-]+\s+){0,2}?"
    rf"(?i:{_RECORD})\b"
    r"|\b(?:(?i:wir|ich)\s+(?:\w+\s+){0,2}?(?i:schicken|senden|geben|nennen|teilen|leiten|"
    r"übermitteln)|(?i:schicken|senden|geben|nennen|teilen|leiten|übermitteln)\s+(?i:wir|ich))"
    r"\b[^.!?;:]{0,40}?\b(?:ihre[mnrs]?|ihr|seine[mnrs]?|sein|dessen|deren)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?(?i:{_RECORD})\b"
)


# ... or the records of other customers, residents or tenants, handed over by any verb of
# giving: "we will also include the account summaries of the other customers at your
# address", "wir legen die Zählerstände der übrigen Mieter bei"
_OTHERS = (
    r"(?i:(?:of|for)\s+(?:the\s+|all\s+)?(?:other|remaining|previous|former)\s+"
    r"(?:customers|residents|tenants|households|occupants|people|account holders)"
    r"|(?:der|aller|von\s+den)\s+(?:anderen|übrigen|weiteren|früheren|vorherigen)\s+"
    r"(?:kund\w*|bewohner\w*|mieter\w*|haushalt\w*|personen|nachbar\w*|vertragspartner\w*)"
    r"|anderer\s+(?:kund\w*|bewohner\w*|mieter\w*|haushalte))"
)
_GIVE = (
    r"(?i:send|include|attach|add|forward|share|give|provide|email|enclose|"
    r"schick\w*|send\w*|füg\w*|beifüg\w*|anhäng\w*|häng\w*|beileg\w*|leg\w*|übermittel\w*|"
    r"geb\w*|erhalten sie|bekommen sie)"
)
_OTHERS_RECORD = re.compile(
    rf"\b(?i:{_RECORD}|\w*(?:übersicht\w*|summar\w*|stände|historie|history|records?))\b"
    rf"[^.!?;:]{{0,20}}?\b{_OTHERS}\b"
)
_GIVING = re.compile(rf"\b{_GIVE}\b")


def _others_handed(sentence: str) -> re.Match[str] | None:
    """Other customers' records in a sentence with a verb of giving, in either order ("we
    include the accounts of the other customers", "die Zählerstände der übrigen Mieter legen
    wir bei")."""
    record = _OTHERS_RECORD.search(sentence)
    return record if record and _GIVING.search(sentence) else None


def check_hand_over(body: str) -> list[DraftWarning]:
    """`unsupported_claim` for a sentence that promises to hand another person's records to
    the writer ("we can send you her payment history", "we will include the accounts of the
    other customers at your address"); a refusal is none."""
    found: list[DraftWarning] = []
    for a, b in sentences(body):
        sentence = body[a:b]
        match = _HAND_OVER.search(sentence) or _others_handed(sentence)
        if (
            match
            and not NEGATION.search(sentence)
            and not re.search(r"\b(?:cannot|can't|unable)\b", sentence, re.I)
        ):
            found.append(
                DraftWarning(
                    code="unsupported_claim",
                    message=f"the reply gives out data of someone else ({match.group(0)}); "
                    "drafter has no customer records, and another person's data is never "
                    "passed on",
                    span=sentence.strip(),
                )
            )
    return found


def _names_greeted_or_signing(body: str, customer_text: str) -> set[str]:
    """Surnames of the reply's addressee (its first line) and of the customer (the email's
    last lines): not third persons."""
    first = next((line for line in body.splitlines() if line.strip()), "")
    tail = " ".join([line for line in customer_text.splitlines() if line.strip()][-3:])
    names = set(re.findall(r"[A-ZÄÖÜ][\wäöüß-]+", tail))
    names |= {m.group(1).split()[-1] for m in _PERSON.finditer(first)}
    return names


def check_third_party(body: str, customer_text: str, trusted: str) -> list[DraftWarning]:
    """`unsupported_claim` for each sentence that gives out a third person's data."""
    own = _names_greeted_or_signing(body, customer_text)
    known = f"{trusted}\n{customer_text}"
    known_numbers = {_digits(m.group(0)) for m in _NUMBER.finditer(known)}
    first_line = next((line for line in body.splitlines() if line.strip()), "")
    found: list[DraftWarning] = []
    for a, b in _joined(sentences(body), body):
        sentence = body[a:b]
        if sentence.strip() == first_line.strip() or NEGATION.search(sentence):
            continue
        people = [
            m.group(0) for m in _PERSON.finditer(sentence) if m.group(1).split()[-1] not in own
        ]
        pronoun = _PRONOUN.search(sentence)
        if not people and pronoun is None:
            continue
        values = [m.group(0).strip() for m in _NUMBER.finditer(sentence)]
        values += [m.group(0) for m in _ADDRESS.finditer(sentence)]
        values += [m.group(0) for m in _BANK.finditer(sentence)]
        values = [
            v
            for v in values
            if v not in known
            and _digits(v) not in known_numbers
            and _digits(v) not in _PUBLIC_LINES
        ]
        if not values:
            continue
        who = people[0] if people else (pronoun.group(0) if pronoun else "")
        found.append(
            DraftWarning(
                code="unsupported_claim",
                message=f"the reply gives out data of someone else ({who}: {values[0]}); "
                "drafter has no customer records, and another person's data is never "
                "passed on",
                span=sentence.strip(),
            )
        )
    return found


def _joined(spans: list[tuple[int, int]], body: str) -> list[tuple[int, int]]:
    """Sentence spans with ordinals put back together ("Herr Sommer im 1. OG hat ...")."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and re.search(r"\b\d{1,2}\.$", body[out[-1][0] : out[-1][1]]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value) or "\x00"
