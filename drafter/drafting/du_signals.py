"""German Sie/Du signals in a customer's text: which register the customer writes in.

Owns `register_signals` (how many Du and Sie signals a German text has) and `german_register`
('du', 'sie' or ''): "du/dich/dir/dein", the plural "ihr/euch/eure" (also "Ihr habt ...",
"könnt's ihr", "Schickt mir bitte ...", a capitalised plural "Ihr" before a pronoun or
particle: "wenn Ihr mir ...", the plural imperative "Gebt mal Bescheid") and the singular
imperative ("Sag mal", "Bitte ruf mich an") against "Sie/Ihnen/Ihr" and "Sehr geehrte"; quote
marks, words in quotation marks and a singular Du in reported speech do not count.
`plural_only` tells a Du that is only the plural said to the company (the reply then follows
how the customer signs: drafter.drafting.salutation). `unquote` is shared with
drafter.drafting.salutation, which decides the register of a reply (English included) from
these signals and the thread.
"""

from __future__ import annotations

import re

__all__ = ["german_register", "plural_only", "register_signals", "unquote"]

#: third-person singular forms no Du plural has ("ihr fallt", "ihr gebt", "ihr seid"): "Ihr
#: fällt das Lesen schwer" and "Leider hilft ihr niemand" speak of a woman (dative "ihr")
_NOT_PLURAL = (
    r"(?:ge)?fällt|hält|fährt|läuft|trägt|schläft|lässt|wächst|gibt|nimmt|hilft|sieht|liest|"
    r"spricht|tritt|wirft|vergisst|ist|wird|weiß|kann|muss|darf|will|soll|mag"
)
#: the Du of one person: "du/dich/dir/dein", a verb of the second person singular opening a
#: clause without "du" and the singular imperative
_SINGULAR = (
    r"\b(?:du|dich|dir|dein|deine|deinen|deinem|deiner|deines)\b|"
    # a clause opening with a verb of the second person singular and no "du" (spoken and
    # southern German: "Magst mir sagen, …", "Kannst mal schauen?")
    r"(?:^|(?<=[.!?;:,]\s))(?:kannst|könntest|magst|hast|hättest|weißt|willst|brauchst|"
    r"musst|darfst|würdest|wärst|bist)\s+(?!du\b)(?-i:(?=[a-zäöüß]))|"
    # "bitte" and a singular imperative ("Bitte ruf mich zurück", "bitte schick mir …")
    r"\bbitte\s+(?-i:(?:sag|schau|guck|hör|schick|gib|ruf|schreib|erklär|hilf|nimm|sieh|zeig|"
    r"nenn|meld|melde|antworte|überweis))\b(?!\s+(?-i:Sie)\b)|"
    # the imperative singular opening a sentence ("Sag mal, …", "Schick mir bitte …", "Gib
    # mir Bescheid"): no Sie form looks so; a first person without "ich" ("Melde mich",
    # "Schicke Ihnen") has another ending or object
    r"(?:^|(?<=[.!?;:]\s))(?:sag|schau|guck|hör|schick|gib|ruf|schreib|erklär|hilf|nimm|"
    r"sieh|zeig|nenn|teil|check|prüf)\s+(?:mal|mir|uns|bitte|doch)\b"
)
_DU = re.compile(
    r"\b(?:euch|euer|eure|euren|eurem|eurer|eures)\b|"
    r"\b(?:hallo|hallöchen|hi|hey|huhu|liebe[s]?|moin|servus|na|tach)\s+ihr\b|"
    r"\b(?:könnt|habt|seid|wollt|müsst|dürft|sollt|wisst|macht|schickt|schaut|gebt|helft|"
    r"sagt|braucht|bekommt|findet|meldet|ruft|kommt|werdet|wärt|hättet|würdet|könntet)\s+ihr\b|"
    # a clause opening with a verb (also dialect "könnt's", Swiss "chönd") and then "ihr";
    # here and in subordinate clauses only a lowercase "ihr" ("wenn Ihr Verbrauch" is Sie)
    r"(?:^|(?<=[.!?;:]\s)|(?<=,\s))(?:(?:wann|wie|was|warum|wieso|weshalb|wo|ob)\s+)?"
    rf"(?!(?:mit|seit|nicht|jetzt|erst|selbst|samt|bist|und|{_NOT_PLURAL})\b)[^\W\d_]+[td](?:['’]?s)?"
    r"\s+(?-i:ihr)\b(?-i:(?!\s+[A-ZÄÖÜ]))|"
    # "Ihr habt ..." opening a sentence: the verb tells the Du plural from the Sie "Ihr ..."
    rf"(?:^|(?<=[.!?;:]\s))ihr\s+(?!(?:{_NOT_PLURAL})\b)(?-i:[a-zäöüß]+[td])\b|"
    # after a comma, a lowercase "ihr" and an unmistakable plural verb ("..., aber ihr habt
    # 98 Euro eingetragen"); not a dative "ihr" ("…, ihr hat es gefallen"), nor shouting in
    # capitals ("IHR HABT GESCHÄTZT" from a customer who signs with his surname)
    r"(?<=,\s)(?:(?:aber|doch|und|denn|da|weil|jetzt)\s+)?(?-i:ihr\s+(?:habt|seid|könnt|wollt|müsst|dürft|sollt|wisst|werdet|hattet|wart|"
    r"schickt|bucht|rechnet|berechnet|verlangt|schreibt))\b|"
    # the plural imperative with "bitte": "Schickt mir bitte ...", "Bitte ruft mich an"
    r"(?:^|(?<=[.!?;:]\s))(?!(?:ist|hat|wird|nicht|jetzt|erst|seit|mit)\b)[^\W\d_]+t\s+"
    r"(?:mir|mich|uns)\s+bitte\b|\bbitte\s+(?-i:[a-zäöüß]+t)\s+(?:mir|mich|uns)\b|"
    # a subordinate clause: "ob ihr mir ...", "wenn ihr das ..."
    r"\b(?:dass|ob|wenn|weil|falls|damit|bevor|sobald|nachdem|obwohl|wie|wann|warum)\s+"
    r"(?-i:ihr)\s+(?-i:(?=[a-zäöüß]))|"
    # a capitalised "Ihr" as the Du plural before a pronoun or particle ("wenn Ihr mir die
    # Rechnung schickt", "ob Ihr meine Stände habt", "Chönd Ihr mir …"): the Sie "Ihr" is a
    # possessive before a noun or an adjective ("wenn Ihr Techniker kommt", "Ihr mir
    # übersandtes Schreiben")
    rf"(?:\b(?:dass|ob|wenn|weil|falls|damit|bevor|sobald|nachdem|obwohl)|"
    rf"(?:^|(?<=[.!?;:]\s)|(?<=,\s))(?!(?:{_NOT_PLURAL}|hat)\b)[^\W\d_]+[td](?:['’]?s)?)"
    r"\s+(?-i:Ihr)\s+(?:mir|mich|uns|das|die|den|dem|der|es|bitte|schon|noch|auch|doch|mal|"
    r"nicht|vielleicht|jetzt|bereits|mein|meine[nmrs]?)\b(?!\s+(?-i:[a-zäöüß]{4,}e[snmr]?\s+[A-ZÄÖÜ]))|"
    # the plural imperative of a verb of telling or sending opening a sentence ("Gebt mal
    # Bescheid", "Schreibt mir kurz", "Ruft mich an"): no Sie form looks so
    r"(?:^|(?<=[.!?;:]\s))(?:gebt|schreibt|ruft|meldet|schickt|sagt|teilt|helft|schaut|guckt|"
    r"prüft|erklärt)\s+(?:mal|doch|mir|mich|uns|bitte|bescheid|kurz)\b|" + _SINGULAR,
    re.I | re.M,
)
#: only the Du of one person (not the plural "ihr/euch" a customer may say to the company)
_SINGULAR_SIGNAL = re.compile(_SINGULAR, re.I | re.M)
#: what someone else told the customer, without quotation marks ("Mein Sohn sagt, du musst
#: das online machen", "richten Sie ihr aus: Du hast mir geholfen"): a Du in it is not
#: addressed to us (a plural "ihr"/"euch" there still is: "Er meint, ihr könnt helfen")
_REPORTED = re.compile(
    r"(?:\b(?:sagt|sagte|meint|meinte|schreibt|schrieb|erklärt|erklärte|behauptet|behauptete)"
    r"\s*[,:]|\baus\s*:)[^.!?\n]*",
    re.I,
)
_SINGULAR_DU = re.compile(r"\b(?:du|dich|dir|dein(?:e[mnrs]?)?)\b", re.I)
# Sie/Ihr are formal only when capitalised inside a sentence; "Sie" opening a sentence too
# ("Sie haben mir zu viel berechnet"), and the formal opening "Sehr geehrte ...".
_SIE = re.compile(
    r"(?<=[a-zäöüß,;:] )(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)\b|"
    r"(?:^|(?<=[.!?] ))(?:Sie|Ihnen)\s+[a-zäöü]",
    re.M,
)
_GEEHRTE = re.compile(r"\bsehr geehrte[rn]?\b", re.I)
# words in quotation marks (someone else's words, a product name) address nobody
_SPEECH = re.compile(r"[„“”\"»«][^„“”\"»«\n]{1,200}[“”\"«»]")


def unquote(text: str) -> str:
    """`text` without quote marks ("> ") and words in quotation marks."""
    return _SPEECH.sub(" ", re.sub(r"(?m)^[ \t]*>+[ \t]?", "", text))


def _addressed(text: str) -> str:
    """`text` without quote marks, speech and a singular Du in reported speech."""
    return _REPORTED.sub(lambda m: _SINGULAR_DU.sub(" ", m.group()), unquote(text))


def register_signals(text: str) -> tuple[int, int]:
    """(Du signals, Sie signals) in a German text; quote marks ("> "), speech and a singular
    Du in reported speech are ignored."""
    text = _addressed(text)
    return len(_DU.findall(text)), len(_SIE.findall(text)) + len(_GEEHRTE.findall(text))


def german_register(text: str) -> str:
    """'du', 'sie' or '' (no signal) for a German text; any Du addressed to us wins."""
    du, sie = register_signals(text)
    if du:
        return "du"
    if sie:
        return "sie"
    return ""


def plural_only(text: str) -> bool:
    """A Du that is only the plural "ihr/euch/eure" said to the company ("Ihr habt mir zu viel
    abgebucht", "Bei euch blickt keiner durch"): no "du", no verb of one person."""
    text = _addressed(text)
    return bool(_DU.search(text)) and not _SINGULAR_SIGNAL.search(text)
