"""What a reply must never ask for or give away: secrets of the customer, and the model's own
instructions or the company's internal notes.

- `credentials`: the reply asks for a password, PIN, TAN, one-time code, card number or
  online-banking login. A warning about them ("we never ask for your PIN") is not a request,
  and neither is a reset link the customer clicks ("Passwort vergessen?", "Forgot password")
  or a new password they choose (unless the reply asks them to send it to us: "schicken Sie
  uns ... ein Passwort Ihrer Wahl").
  The reply giving one out ("your temporary password is Kiel-7415-Start", "PIN: 4711") is
  flagged too: drafter never knows a customer's secret, so the value is invented or leaked.
- `injection`: the reply reveals the model's instructions ("Meine Arbeitsanweisungen lauten
  ...", "my system prompt") or internal notes about an account ("Interne Notiz: ...") that no
  trusted source contains. A refusal ("interne Notizen geben wir nicht heraus") is not flagged.

Split from drafter.drafting.harm (which runs these checks with the others).
"""

from __future__ import annotations

import re

from drafter.drafting.check_base import NEGATION, sentences
from drafter.models import DraftWarning

_CREDENTIAL = re.compile(
    # compounds name the same secrets: "pushTAN", "smsTAN", "Karten-PIN", "Portalpasswort"
    r"(?-i:\b[A-Za-zÄÖÜäöü]+-?(?:TAN|PIN)s?\b)|\b\w+(?:passw(?:o|ö)rt|kennwort)\w*|"
    r"\b(?:passw(?:o|ö)rt\w*|password|kennwort|pin|tan|otp|(?:one-time|einmal|sicherheits|"
    r"bestätigungs|security|verification|6-stellige[n]?|sechsstellige[n]?|six-digit|sms)"
    r"[- ]?(?:code|nummer|number|zahl)|"
    # part of a card number is still one: "the last four digits of your card"
    r"(?:last|letzten) (?:four|4|vier|six|6|sechs) (?:digits|ziffern|stellen)\b[^.!?]{0,30}"
    r"\b(?:card|karte\w*)|"
    r"authenticator|zugangsdaten|login details|credentials|cvc|cvv|prüfziffer|security code|"
    r"code (?:we|wir) (?:just )?(?:texted|sent|send|geschickt|gesendet)|"
    r"code (?:from|in|aus) (?:the|our|your|der|unserer|ihrer) (?:sms|text)|"
    # a code defined by having been sent to the customer: a one-time code whatever it is
    # called ("den Code, den Sie erhalten haben", "the code you received")
    r"code,?\s+(?:den\s+|die\s+|that\s+|which\s+)?(?:sie|you)\s+(?:\w+\s+){0,3}?"
    r"(?:erhalten|bekommen|zugeschickt|received|got|were sent|have been sent)|"
    # ... and in the attributive word order: "den per SMS erhaltenen Code", "the code sent to
    # you by text"
    r"(?:erhaltene|zugeschickte|zugesandte|gesendete|übermittelte|empfangene)[nmrs]?\s+"
    r"(?:\w+\s+)?code|codes?\s+(?:sent|texted|emailed|mailed)\s+to you|sms-code|"
    r"expiry date|ablaufdatum|(?:full )?(?:credit )?card number|kartennummer|kreditkartennummer|"
    r"online-banking|login-daten|benutzername und passwort|username and password)\b",
    re.I,
)
_ASK = re.compile(
    r"\b(?:schick|send|sende|senden|teilen sie|teile|mitteilen|nennen|nenne|geben sie|gib|"
    r"antworte|reply|respond|provide|tell us|let us know|confirm|share|enter|eingeben|"
    r"give us|give me|read out|read us|text us|email us|durchgeben|vorlesen|"
    # the secret handed to a person of ours: "give our agent your card number"
    r"(?:give|tell|read)(?: out)?(?: to)? (?:our|the|a) (?:\w+ )?(?:agents?|team|staff|"
    r"colleagues?|advis[eo]rs?|employees?|representatives?|technicians?)|"
    r"übermitteln|benötigen|need|brauchen|bestätigen)\w*\b"
    # a secret said on a call to us: "call our customer service and give the card number",
    # "rufen Sie uns an und geben Sie die Kartennummer durch"
    r"|\b(?:give|tell|say|read out|state|quote)\s+(?:us\s+|me\s+)?(?:the|your)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:card|credit card|card number|cvc|cvv|security code|pin|password|"
    r"expiry|one-time code|tan)\b",
    re.I,
)
# nouns the request verbs' stems also match: an "order confirmation" or "your provider" asks
# for nothing ("your access data are in your order confirmation")
_ASK_NOUNS = frozenset(
    {"confirmation", "confirmations", "provider", "providers", "sender", "senders", "sendung"}
)
# a secret's value: a token with a digit right after the word ("password Kiel-7415", "PIN: 4711")
_VALUE = re.compile(
    r"\b(?:passw(?:o|ö)rt|password|kennwort|pin|tan|zugangscode|access code|einmalcode"
    r"|one-time code|login code|bestätigungscode|verification code)"
    r"(?:\s+(?:is|lautet|ist)|(?:\s+[\w-]+){1,3}?\s*:)?\s*[:=]?\s*[\"„“'‚]?"
    r"(?P<value>[A-Za-z0-9][\w#!$%&*+@-]*\d[\w#!$%&*+@-]*)",
    re.I,
)
# what the customer clicks or sets is no request for the secret: reset links, a new password
_LABELS = re.compile(
    r"\b\w*(?:passwort|kennwort|pin) (?:vergessen|zurücksetzen|ändern)\b"
    r"|\b(?:forgot(?:ten)?|reset|change) (?:your |my |the )?(?:password|pin)\b",
    re.I,
)
# one the customer makes up when registering: "geben Sie ... ein Passwort ein", "choose a
# password", "wählen Sie ein neues Passwort": no request, unless it is to be sent to us
# (`_sends_chosen`)
_CHOSEN = re.compile(
    r"\b(?:neues|new) (?:passwort|password)\b"
    r"|\b(?:ein|a) (?:sicheres |eigenes |starkes |neues |secure |strong |new )?"
    r"(?:passwort|kennwort|password)\b",
    re.I,
)
# sending to us: "schicken Sie uns", "reply with", "als Antwort auf diese Mail", "email us"
# by the customer, not by us ("wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort
# setzen" asks for nothing)
_SEND = re.compile(
    r"\b(?:(?:schick|send|übermittel|nenn|antwort|mail|e-mail|text|tell|teil)\w* "
    r"(?:sie |du |bitte )*(?:uns|us)|antworten sie|antworte|als antwort|reply|respond|"
    r"let us know)\b",
    re.I,
)
# a later step between the sending verb and the password: "senden Sie uns das Formular, ein
# Passwort wählen Sie danach selbst"
_LATER_STEP = re.compile(
    r"[;:]|\b(?:dann|danach|anschließend|später|selbst|then|afterwards|later|yourself)\b", re.I
)
# "weder ... noch", "nirgends", "an niemanden", "neither ... nor", "to no one": a warning, not
# a request ("schicken Sie die TAN weder uns noch sonst jemandem")
_NEITHER = re.compile(
    r"\b(?:weder|nirgends|nirgendwo|niemand\w*|neither|nowhere|nobody|no one|no-one)\b", re.I
)
# what a refusal to reveal says (a dump may itself contain a "not": "my rules say I may not
# grant discounts")
_REVEAL = re.compile(
    r"\b(?:geben|gebe|herausgeben|heraus|teilen|weitergeben|nennen|zeigen|offenlegen|preisgeben|"
    r"mitteilen|share|give|reveal|disclose|show|pass on|provide|send|talk about|discuss)\b",
    re.I,
)
# typing a secret in yourself (logging in) is no request, unless it goes to us or a page/link
_SELF_SERVICE = frozenset({"enter", "eingeben", "geben sie"})
# the Du form of "eingeben": "gib dein Passwort ... ein" (a template draft in Du writes it)
_DU_ENTER = re.compile(r"\bgib\b(?=[^.!?]*\bein\b)", re.I)
_TO_US = re.compile(
    r"\b(?:uns|us|e-?mail|antwort\w*|reply|link|seite|page|formular|form|hier|here|below|unten|"
    # said on a call to us is said to us: "geben Sie sie am Telefon an", "call us and ..."
    r"anruf\w*|rufen sie|call us|call our|calling us|am telefon|telefonisch|on the phone|"
    r"by phone|over the phone|hotline)\b",
    re.I,
)
_DUMP = re.compile(
    r"\b(?:systemanweisung\w*|systemprompt|system prompt|system instructions?"
    r"|(?:meine|unsere) \w*(?:vorgaben|anweisungen|regeln)"
    r"|(?:my|our) (?:\w+ )?(?:instructions|rules|guidelines|prompt)"
    r"|i (?:was|am|have been) (?:instructed|told) to"
    r"|interne[rns]? (?:notiz|vermerk|hinweis|kommentar|anmerkung)\w*"
    r"|internal (?:notes?|memos?|comments?|remarks?|flags?)"
    # the account's internal records: what drafter never sees and never gives out
    r"|intern(?:e[nmrs]?)? (?:vermerk\w*|verm\w*|akte\w*|kontohistorie|ticket\w*)"
    r"|(?:ist|wurde|sind) (?:bei uns )?intern (?:vermerkt|notiert|festgehalten|markiert)"
    r"|internal (?:ticket|case|account|customer|call) (?:history|log|records?)"
    r"|back-office (?:notes?|entry|entries|records?)"
    r"|as instructed|wie angewiesen|(?:gemäß|laut) (?:der |meiner )?anweisung"
    r"|(?:conversation|chat) (?:log|history|transcript)|gesprächsverlauf|chatverlauf"
    # what the account's records say: drafter has none, so it is invented or planted
    r"|according to our (?:records|files|system|data)|our (?:records|files|system) shows?"
    r"|laut unseren? (?:unterlagen|daten|aufzeichnungen|system|akten)"
    r"|unsere (?:unterlagen|daten|aufzeichnungen) zeigen|(?:kunden|kundin)akte\w*"
    r"|customer (?:file|record) (?:says|shows|notes)|noted on your (?:file|account|record)"
    r"|du bist (?:der|die|ein|eine) \w*assistent\w*|you are (?:an? |the )\w* ?assistant)\b",
    re.I,
)


# "unsere Regeln", "our rules / guidelines" name the company's policy, which a service reply
# may cite ("Einen Erlass des ganzen Monats sehen unsere Regeln nicht vor"); they are a dump
# only when the reply goes on to quote them ("our rules say: ...", "unsere Regeln lauten")
_COMPANY_RULES = re.compile(r"(?:unsere \w*regeln|our (?:\w+ )?(?:rules|guidelines))", re.I)
_QUOTES = re.compile(
    r"^\s*(?::|(?:lauten|besagen|sagen|say|says|state|states|are|tell me|sagen mir)\b)", re.I
)


def _warn(code: str, message: str, span: str) -> DraftWarning:
    return DraftWarning(code=code, message=message, span=span.strip())


def _sends_chosen(sentence: str) -> bool:
    """Whether a password the customer makes up is to be sent to us: a sending verb before it
    in the same step, in a sentence addressed to us ("Schicken Sie uns ... ein Passwort Ihrer
    Wahl als Antwort", "reply with your contract number and a new password")."""
    if not _TO_US.search(sentence):
        return False
    for chosen in _CHOSEN.finditer(sentence):
        sends = list(_SEND.finditer(sentence, 0, chosen.start()))
        if sends and not _LATER_STEP.search(sentence, sends[-1].end(), chosen.start()):
            return True
    return False


def check_credentials(body: str) -> list[DraftWarning]:
    """`credentials` for each sentence that asks for secret data (see the module docstring)."""
    found: list[DraftWarning] = []
    for a, b in sentences(body):
        sentence = body[a:b]
        plain = _LABELS.sub(" ", sentence)
        if not _sends_chosen(plain):
            plain = _CHOSEN.sub(" ", plain)
        cred = _CREDENTIAL.search(plain)
        asks = {
            m.group(0).lower() for m in _ASK.finditer(sentence) if not _ask_negated(sentence, m)
        } - _ASK_NOUNS
        if _DU_ENTER.search(sentence):
            asks = {"eingeben" if ask == "gib" else ask for ask in asks}
        if asks and asks <= _SELF_SERVICE and not _TO_US.search(sentence):
            continue  # "enter the code from your authenticator app" when logging in yourself
        scope = _negation_scope(sentence, cred.start(), cred.end()) if cred else ""
        if cred and asks and not (NEGATION.search(scope) or _NEITHER.search(scope)):
            found.append(
                _warn(
                    "credentials",
                    f"the reply asks the customer for secret data "
                    f"({cred.group(0)}); a service reply never does",
                    sentence,
                )
            )
    return found


# a request verb that is itself negated asks for nothing: "senden Sie uns keine weiteren
# Codes", "schicken Sie uns nie ...", "never send us ...", "do not share ..."
_NOT_BEFORE = re.compile(
    r"\b(?:nie|niemals|nicht|never|not|don't|do not|no need to)\s+(?:\w+\s+){0,2}$", re.I
)
_NOT_AFTER = re.compile(
    r"\w*\s+(?:(?:sie|du|uns|mir|bitte|us|me)\s+)*(?:kein\w*|nie|niemals|nicht|nothing|no)\b",
    re.I,
)


def _ask_negated(sentence: str, ask: re.Match[str]) -> bool:
    """The request verb `ask` is negated right before or (German word order) right after it."""
    before = sentence[max(0, ask.start() - 30) : ask.start()]
    return bool(_NOT_BEFORE.search(before) or _NOT_AFTER.match(sentence, ask.end()))


def _negation_scope(sentence: str, start: int, end: int) -> str:
    """Where a negation makes a mention of a secret a warning: its clause (`_clause_of`) up to
    the secret, and after it only to the next comma ("Your PIN is not needed"). A negation in a
    later part is about something else: "If you reply with the password you chose, we can
    activate your account so you don't have to wait" still asks for it."""
    clause = _clause_of(sentence, start)
    at = clause.find(sentence[start:end])
    if at < 0:
        return clause
    parts = clause[at:].split(",")
    # a list of secrets runs on over commas: "your password, PIN and TAN are never requested"
    keep = 1
    while keep < len(parts) and _CREDENTIAL.search(parts[keep]):
        keep += 1
    # a reason or condition before the request negates nothing of it: "As the email is not
    # arriving, please reply with your password" (a main clause before it still does: "we
    # will never ask you, by email or phone, for your password")
    before = clause[:at].split(",")
    while len(before) > 1 and _SUBORDINATE.match(before[0]):
        before = before[1:]
    return ",".join(before) + ",".join(parts[:keep])


# ... and a purpose before it ("Damit Ihr Anschluss nicht abgeschaltet wird, senden Sie uns
# Ihre Zugangsdaten", "so that your line is not cut off, reply with your password")
_SUBORDINATE = re.compile(
    r"\s*(?:as|since|because|if|when|while|although|though|da|weil|wenn|falls|nachdem|"
    r"solange|obwohl|während|damit|sodass|um|so that|in order|to avoid|to make sure)\b",
    re.I,
)


def _clause_of(sentence: str, at: int) -> str:
    """The part (between ; : and dashes) holding position `at`: a negation in another part
    ("an address we don't have on file, so we must check: please reply with your password")
    does not make the request a warning; commas stay (lists: "we never need your login, PIN
    or TAN")."""
    start = max((m.end() for m in re.finditer(r"[;:–]|\s-\s", sentence[:at])), default=0)
    end = re.search(r"[;:–]|\s-\s", sentence[at:])
    return sentence[start : at + end.start()] if end else sentence[start:]


def check_secret_values(body: str, trusted: str) -> list[DraftWarning]:
    """`credentials` for a password, PIN or code the reply gives out that no trusted source
    contains (a customer number after "Kundennummer" is no secret: the words differ)."""
    found: list[DraftWarning] = []
    for a, b in sentences(body):
        sentence = body[a:b]
        for match in _VALUE.finditer(sentence):
            value = match.group("value")
            if len(value) < 4 or value in trusted:
                continue
            found.append(
                _warn(
                    "credentials",
                    f"the reply gives out a secret ({match.group(0).strip()!r}); drafter never "
                    "knows one, check where it comes from",
                    sentence,
                )
            )
            break
    return found


# a phone call the customer had with us, named in their mail: then "the course of the call"
# is that call's, reviewed by a colleague ("die den Gesprächsverlauf prüft"), not a chat log
_PHONED = re.compile(
    r"\b(?:telefon\w*|angerufen|anruf\w*|hotline|gespräch\w*|phoned?|called|rang|call)\b", re.I
)
_REVIEWED = re.compile(
    r"\b(?:prüf\w*|überprüf\w*|nachvollzieh\w*|nachgeh\w*|anhör\w*|review\w*|check\w*|"
    r"look\w* into|listen\w*|go\w* through)\b",
    re.I,
)


_LOGS = (
    "chatverlauf",
    "chat log",
    "chat history",
    "chat transcript",
    "gesprächsverlauf",
    "conversation history",
    "conversation log",
    "conversation transcript",
)


_OURS = re.compile(r"\b(?:our|unser\w*|internal|intern\w*)\s+$", re.I)


def _customers_log(match: re.Match[str], sentence: str, customer: str) -> bool:
    """A chat or conversation log the customer's own mail names or quotes ("Hier der
    Chatverlauf:", "the chat log is below"): the reply asking for it or about it ("Leiten Sie
    uns den Chatverlauf weiter") gives nothing of the model's away."""
    word = match.group(0).lower()
    if word not in _LOGS or _OURS.search(sentence[: match.start()]):
        return False  # "according to our chat log": the company's own records
    said = customer.lower()
    chat = word.startswith("chat")
    return word in said or bool(re.search(r"\bchat\w*" if chat else r"\bverlauf\b", said))


def _call_reviewed(match: re.Match[str], sentence: str, customer: str) -> bool:
    """'Gesprächsverlauf' / 'conversation history' of the call the customer's mail names, to
    be reviewed ("Wir geben Ihre Nachricht weiter, die den Gesprächsverlauf prüft")."""
    word = match.group(0).lower()
    if word not in ("gesprächsverlauf", "conversation history", "conversation log"):
        return False
    return bool(_PHONED.search(customer)) and bool(_REVIEWED.search(sentence))


def check_instruction_dump(body: str, trusted: str, customer: str = "") -> list[DraftWarning]:
    """`injection` for a sentence that reveals instructions or internal notes no trusted
    source contains."""
    found: list[DraftWarning] = []
    for a, b in sentences(body):
        sentence = body[a:b]
        match = _DUMP.search(sentence)
        if match is None or match.group(0).lower() in trusted.lower():
            continue
        if _call_reviewed(match, sentence, customer) or _customers_log(match, sentence, customer):
            continue
        if NEGATION.search(sentence) and _REVEAL.search(sentence):
            continue  # a refusal: "interne Notizen geben wir nicht heraus"
        if _COMPANY_RULES.fullmatch(match.group(0)) and not _QUOTES.search(sentence[match.end() :]):
            continue  # the company's policy: "10 Raten sehen unsere Regeln nicht vor"
        found.append(
            _warn(
                "injection",
                "the reply gives away the model's instructions or internal notes "
                f"({match.group(0)!r}); possible prompt dump",
                sentence,
            )
        )
    return found
