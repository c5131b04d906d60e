"""`commitment` by state: what a reply says about this customer's contract, supply or charges
as a settled fact, whatever the verb.

Word lists that drafter.drafting.commitment_paraphrases (`_reason`) and
drafter.drafting.commitments apply: a cut-off ruled out (RULED_OUT) or the supply sworn safe
(ASSURED), this customer's contract said to end on a date (CONTRACT_END) or their last day of
supply given (LAST_DAY), a retroactive end (RETROACTIVE), a start backdated to a date
(BACKDATED), a charge dropped or a sum no longer owed (WAIVED), no more reminders (NO_MORE,
`no_more`) and a charge, term or cut-off the customer is spared (SPARED). Split from
drafter.drafting.decisions (decisions by vocabulary).
"""

from __future__ import annotations

import re

# used by drafter.drafting.commitment_paraphrases._reason (grammar of states, by words)
# a disconnection or cancellation ruled out for good: "eine Sperre ist dauerhaft ausgeschlossen"
RULED_OUT = re.compile(
    r"\b(?:sperre|stromsperre|gassperre|abschaltung|versorgungsunterbrechung|kündigung|"
    r"disconnection|cut-off|cutoff|termination)\w*\b[^.!?;:]{0,60}?\b(?:ausgeschlossen|"
    r"ruled out|will never happen|can never happen|wird (?:es )?nie)\b",
    re.I,
)
# a price or charge sworn never to rise: "no increase of any kind can happen", "der Preis kann
# auf keinen Fall steigen" (an article's price guarantee says what it covers, in its words)
FIXED_FOR_GOOD = re.compile(
    r"\bno (?:price |cost )?(?:increase|rise|change|adjustment)s? "
    r"(?:of any kind|whatsoever|at all)\b"
    r"|\b(?:preis|kosten|abschlag|betrag|price|cost|charge|bill|instalment)\w*\b[^.!?;:]{0,60}?"
    r"\b(?:gar nicht|überhaupt nicht|auf keinen fall|keinesfalls|unter keinen umständen|"
    r"in keinem fall|under no circumstances|in no case|not at all|never|nie|niemals)\b"
    r"[^.!?;:]{0,20}?\b(?:steigen|erhöht|teurer|rise|go up|increase|be raised|be increased)\b",
    re.I,
)
# a charge the company says it will not make for this customer, active voice: "berechnen wir
# Ihnen kein Einbauentgelt" ("wird Ihnen nicht berechnet": commitment_paraphrases._STATE)
NOT_CHARGED = re.compile(
    r"\b(?:berechnen|erheben|verlangen|fordern|stellen) wir (?:ihnen|dir) (?:\w+ )?"
    r"(?:kein\w*|nicht|nichts)\b"
    r"|\bwir (?:berechnen|erheben|verlangen|fordern|stellen) (?:ihnen|dir) (?:\w+ )?"
    r"(?:kein\w*|nicht|nichts)\b",
    re.I,
)
# the customer's own wish or request granted: "übernehmen wir Ihren Wunschabschlag", "we
# accept your proposal" (an article that grants it says so in its own words)
WISH_GRANTED = re.compile(
    r"\b(?:übernehmen|akzeptieren|genehmigen|bewilligen|erfüllen|entsprechen|gewähren|"
    r"bestätigen) wir (?:ihnen )?(?:ihre[nmr]?|deine[nmr]?) (?:\w+)?(?:wunsch|antrag|bitte|"
    r"vorschlag|forderung)\w*"
    r"|\bwir (?:übernehmen|akzeptieren|genehmigen|bewilligen|erfüllen|entsprechen|gewähren) "
    r"(?:ihnen )?(?:ihre[nmr]?|deine[nmr]?) (?:\w+)?(?:wunsch|antrag|bitte|vorschlag|"
    r"forderung)\w*"
    r"|\bwe(?: will|'ll|'ve| have| are happy to| can)? (?:accept|approve|grant|accepted|"
    r"approved|granted) your (?:request|proposal|wish|application|suggestion|demand)\b",
    re.I,
)
# the supply said to be safe under any circumstances: "Ihre Versorgung wird auf keinen Fall
# gesperrt", "your power will under no circumstances be cut off" (the negation is the promise)
ASSURED = re.compile(
    r"\b(?:versorgung|strom|gas|anschluss|zähler|supply|power|electricity|gas|connection)\w*\b"
    r"[^.!?;:]{0,60}?\b(?:auf keinen fall|keinesfalls|unter keinen umständen|garantiert nicht|"
    r"ganz sicher nicht|under no circumstances|in no case|definitely not|certainly not|"
    r"guaranteed not)\b[^.!?;:]{0,30}?\b(?:gesperrt|abgestellt|abgeschaltet|unterbrochen|"
    r"cut off|disconnected|switched off|shut off|blocked)\b",
    re.I,
)
# this customer's contract said to end on a date ("your contract will end on 31 January");
# "the contract then ends ..." explains a rule, "frühestens"/"earliest" computes one
CONTRACT_END = re.compile(
    r"\b(?:ihr|dein|your)\s+(?:[\w-]+\s+){0,3}?(?:\w+)?(?:vertrag|contract|tarif|tariff|"
    r"subscription|abo)\w*\s+"
    # ... its product after it: "Ihr Vertrag Nordlicht Öko endet", "your contract for Fix 24"
    r"(?:(?:for\s+)?[A-ZÄÖÜ0-9][\w-]*\s+){0,3}"
    r"(?:endet|will end|ends|will be "
    r"terminated|is terminated|wird (?:zum|am) [^.!?;:]{0,25}beendet|läuft [^.!?;:]{0,25}aus)\b"
    r"(?![^.!?;:]{0,30}\b(?:frühestens|earliest|spätestens|at the latest)\b)"
    r"[^.!?;:]{0,40}?\b(?:am|zum|on|at the end of|by)\b"
    # ... a date: a day, a month, "nächsten Monats", not "the end of the notice period"
    r"(?=[^.!?;:]{0,25}?(?:\d|\b(?:januar\w*|februar\w*|märz|march|april|mai|may|juni|june|juli|"
    r"july|august|september|o[ck]tober|november|de[cz]ember|nächste\w*|next|kommende\w*|this|"
    r"dies\w*|monatsende|jahresende|month-end|year-end)\b))",
    re.I,
)
# this customer's last day of supply or contract end given as a date ("your last day of supply
# is 31 March", "Ihr letzter Liefertag ist der 31. März"); "frühestens" computes one
LAST_DAY = re.compile(
    r"\b(?:ihr|dein|your)\s+(?:letzter?\s+(?:liefertag|vertragstag|belieferungstag)|"
    r"vertragsende|lieferende|last day of (?:supply|service|(?:the|your) contract)|"
    r"(?:contract )?end date|final day of supply)\b[^.!?;:]{0,20}?"
    r"\b(?:ist|is|will be|wird|fällt auf|falls on)\b"
    r"(?![^.!?;:]{0,40}\b(?:frühestens|earliest|spätestens|at the latest)\b)"
    r"(?=[^.!?;:]{0,25}?(?:\d|\b(?:januar\w*|februar\w*|märz|march|april|mai|may|juni|june|"
    r"juli|july|august|september|o[ck]tober|november|de[cz]ember)\b))",
    re.I,
)
RETROACTIVE = re.compile(
    r"\b(?:endet|beendet|gekündigt|kündig\w*|end\w*|cancel\w*|terminat\w*)\b[^.!?;:]{0,30}?"
    r"\b(?:rückwirkend|retroactive\w*)\b|\b(?:rückwirkend|retroactive\w*)\b[^.!?;:]{0,30}?"
    r"\b(?:endet|beendet|gekündigt|kündig\w*|end\w*|cancel\w*|terminat\w*)\b",
    re.I,
)

# a start, tariff or registration backdated to a date ("we will register you backdated to
# 1 August", "wir melden Sie rückwirkend zum 1. August an"); "retroactively up to 6 weeks"
# (a rule, no date) is not
BACKDATED = re.compile(
    r"\b(?:back-?dat\w*|rück-?datier\w*|zurückdatier\w*|rückwirkend|retroactive(?:ly)?|"
    r"with retroactive effect)\b"
    r"[^.!?;:]{0,40}?\b(?:zum|ab|seit|to|from|as of|as from|on)\s+(?:dem\s+|the\s+)?"
    # ... a date ("1. Mai", "01.05.", "3 June", "June 3", "move-in"), not "up to 6 weeks"
    # (a German "1. Mai" may end the sentence piece at "1.")
    r"(?=\d{1,2}\.|(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:januar\w*|februar\w*|märz|"
    r"march|april|mai|may|juni|june|juli|july|august|september|o[ck]tober|november|"
    r"de[cz]ember|move-in|einzug\w*|moving in)\b)",
    re.I,
)

# more done-statements for drafter.drafting.commitments: a charge dropped or taken off, a sum
# the customer no longer has to pay
WAIVED = re.compile(
    r"\b(?:has|have) been (?:dropped|lifted|scrapped|taken off|cleared off)\b"
    r"|\b(?:i|we)(?: have|'ve) (?:taken|knocked)\b[^.!?;:]{0,40}\boff\b"
    r"|\byou (?:won't|will not|will no longer|no longer) (?:need|have) to pay\b"
    r"|\b(?:there's|there is|there will be) no need to pay\b|\byou need not pay\b"
    r"|(?:\b(?:has|have)|'s|’s) been (?:taken care of|sorted(?: out)?|dealt with)\b"
    # a charge dropped for this customer: "Die 799 EUR Anschlussgebühr fallen bei Ihnen weg"
    r"|\b\w*(?:gebühr|pauschale|kosten|entgelt|zinsen)\w*\b[^.!?;:]{0,30}?\b(?:fällt|fallen)\s+"
    r"(?:für sie |bei ihnen |in ihrem fall |dann |damit )?weg\b"
    r"|\b(?:müssen|brauchen) sie\b[^.!?;:]{0,40}\bnicht mehr (?:zu )?(?:be)?zahlen\b"
    # waived in the impersonal passive: "auf die Pauschale wird in Ihrem Fall verzichtet"
    # (unless a condition follows: "..., wenn Sie ein Attest schicken")
    r"|\bauf\b[^.!?;:]{0,60}?\b(?:wird|wurde)\b[^.!?;:]{0,40}?\bverzichtet\b"
    r"(?![^.!?;:]{0,60}\b(?:wenn|falls|sofern|sobald|soweit)\b)"
    # a charge the customer need not pay: "Die Mahngebühr brauchen Sie nicht zu bezahlen"
    r"|\b(?:gebühr|pauschale|mahn|nachzahlung|rechnung|forderung|zinsen|rückstand|betrag)\w*"
    r"\b[^.!?;:]{0,40}\b(?:müssen|brauchen) sie\b[^.!?;:]{0,20}\bnicht (?:zu )?(?:be)?zahlen\b"
    r"|\b(?:müssen|brauchen) sie (?:die|den|das|diese[nms]?|ihre[nm]?)\s+(?:\w+\s+){0,3}?"
    r"\w*(?:gebühr|pauschale|mahn|nachzahlung|rechnung|forderung|zinsen|rückstand|betrag)\w*"
    r"\b[^.!?;:]{0,20}\bnicht (?:zu )?(?:be)?zahlen\b"
    r"|\b(?:i|we)(?: have|'ve) upgraded\b"
    # money said to be on its way: "your refund has already been sent", "ist bereits unterwegs"
    r"|\b(?:refund|credit|payment|money|erstattung|rückerstattung|gutschrift|geld|betrag)\w*\b"
    r"[^.!?;:]{0,40}\b(?:(?:has|have) (?:already )?been (?:sent|paid|transferred|issued|made)|"
    r"(?:is|ist) (?:bereits |schon |already )?(?:unterwegs|on (?:its|the) way))\b"
    # a charge we pay in the customer's place: "übernehmen wir das einmalige Einbauentgelt
    # von 100 EUR für Sie", "we will cover the 59 EUR call-out fee for you"
    r"|\b(?:übernehmen|zahlen|tragen) wir (?:für sie |ihnen )?(?:auch )?(?:das|die|den|diese[nms]?|"
    r"ihre[nms]?)\s+(?:[\w-]+\s+){0,2}?\w*(?:entgelt|gebühr|kosten|pauschale)\w*\b"
    r"|\bwe(?: will|'ll)? (?:also )?(?:cover|pay|take over|absorb) (?:the|your|this|that)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:fee|charge|costs?)\b(?:[^.!?;:]{0,30}\bfor you\b)?",
    re.I,
)
# no more reminders or bills for this customer ("you won't receive any more reminders",
# "Mahnungen erhalten Sie künftig keine mehr"); judged like a claim declared settled
NO_MORE = re.compile(
    r"\byou (?:won't|will not|will no longer) (?:receive|get|be sent) any (?:more |further )?"
    r"(?:reminders?|dunning letters?|demands?|bills?|invoices?)\b"
    r"|\b(?:mahnung|zahlungserinnerung)\w* (?:erhalten|bekommen) sie\b[^.!?;:]{0,30}\bkeine\b"
    r"|\bsie (?:erhalten|bekommen)\b[^.!?;:]{0,30}\bkeine (?:weiteren |neuen )?(?:mahnung|"
    r"zahlungserinnerung)\w*",
    re.I,
)
# a charge, term or cut-off the customer is spared, said as a state ("the early termination
# fee won't be charged", "you will be released from the minimum term", "eine Sperre findet
# nicht statt", "your deposit will be returned in full"); judged like a claim declared void
SPARED = re.compile(
    r"\b(?:fee|charge|gebühr|pauschale)\w*\s+(?:won't|will not)\s+be\s+(?:charged|billed|"
    r"applied|collected|due)\b"
    r"|\b(?:fee|charge)s?\b(?:\s+of\s+[\d.,]+\s?(?:eur|€))?\s+(?:is|are)\s+(?:now\s+)?"
    r"(?:cancell?ed|waived|dropped|removed)\b"
    r"|\b(?:released|entlassen)\s+(?:from|aus)\b|\baus\s+(?:der|dem|ihrem|ihrer)\s+\w+\s+entlassen\b"
    r"|\b(?:sperre|abschaltung|cut-off|cutoff|disconnection)\w*\b[^.!?;:]{0,40}\b(?:findet "
    r"nicht statt|wird nicht (?:erfolgen|stattfinden|durchgeführt)|will not (?:happen|take place)"
    r"|won't (?:happen|take place))|\bthere will be no (?:cut-off|cutoff|disconnection)s?\b"
    r"|\b(?:deposit|kaution)\w*\b[^.!?;:]{0,30}\b(?:will be returned|will be paid back|zurück)\b"
    r"|\b(?:bekommen|erhalten)\s+sie\s+(?:ihre|ihren|ihr)\s+\w+\s+(?:\w+\s+)?zurück\b",
    re.I,
)


def no_more(sentence: str) -> re.Match[str] | None:
    """NO_MORE, unless it holds only for a while ("while we review, you won't receive any
    reminders" is the article's rule)."""
    if re.search(r"\b(?:while|während|during)\b", sentence, re.I):
        return None
    return NO_MORE.search(sentence)


# a charge not made, for the service the reply is about: "you will not be charged for it",
# "dafür berechnen wir Ihnen nichts" (with a named charge, "the reminder fee will not be
# charged", it stays a decision)
_NOT_CHARGED_FOR_IT = re.compile(
    r"(?:\byou (?:will not|won't) be charged|\bwe (?:will not|won't|do not|don't) charge you|"
    r"\b(?:wird|werden) (?:ihnen|dir) (?:dafür |hierfür )?(?:auch )?(?:nicht|nichts) berechnet|"
    r"\bberechnen wir (?:ihnen|dir) (?:dafür |hierfür )?nichts)"
    r"(?:\s+(?:for (?:it|this|that)|dafür|hierfür))?\s*(?:\[\d+\])?\s*[.;!]?\s*$",
    re.I,
)
# what an article says a service costs nothing ("This information is free of charge", "Der
# Einsatz ist für Sie kostenlos")
_FREE = re.compile(
    r"\b(?:kostenlos|kostenfrei|gebührenfrei|unentgeltlich|ohne (?:gebühren|kosten|entgelt)|"
    r"free of charge|at no (?:extra )?cost|no charge)\b",
    re.I,
)


def free_restated(sentence: str, state: re.Match[str], trusted_flat: str) -> bool:
    """A charge said not to be made for the service the reply answers about ("we have
    received your request; you will not be charged for it"), where a trusted article says a
    service costs nothing: the article's rule in other words, not a charge dropped."""
    tail = _NOT_CHARGED_FOR_IT.search(sentence)
    if tail is None or tail.start() > state.start() + 3:
        return False
    return bool(_FREE.search(trusted_flat))


# --- round 22 (classes of the retired reply sets test3/test4) --------------------------------
# a charge the company says it will not make, future or "this time": "we will not charge the
# 59 EUR", "we won't be billing you the fee", "die 45 EUR berechnen wir Ihnen diesmal nicht",
# "wir werden Ihnen die Pauschale nicht in Rechnung stellen" (the negation is the promise)
CHARGE_DROPPED = re.compile(
    r"\bwe\s*(?:will not|won't|are not going to|aren't going to|'re not going to)\s+"
    r"(?:be\s+)?(?:charg|bill|invoic)\w*\s+(?:you\s+)?(?:for\s+)?"
    r"(?:the|this|that|these|those|your|any)\b"
    r"|\b(?:berechnen|stellen) wir (?:ihnen|dir)\b[^.!?;:]{0,40}?\b(?:nicht|kein\w*)\b"
    r"(?:\s+in\s+rechnung)?"
    r"|\bwir (?:werden|möchten|wollen) (?:ihnen|dir)\b[^.!?;:]{0,40}?\bnicht\s+"
    r"(?:berechnen|in rechnung stellen)\b",
    re.I,
)
# an appointment, switch or cancellation confirmed to the customer with its date or by us:
# "your new appointment is confirmed for Saturday", "we confirm your switch to ... from 1
# December", "Ihr Termin ist für Samstag bestätigt", "wir bestätigen Ihnen Ihren Wechsel"
# (a receipt, "we confirm receipt of your request", confirms nothing)
_CONFIRMABLE_EN = (
    r"(?:appointment|visit|installation|booking|slot|switch|tariff change|change of tariff|"
    r"change|cancellation|termination|move|refund|credit|deferral|waiver|discount|"
    r"instalment plan|payment plan)"
)
_CONFIRMABLE_DE = (
    r"(?:termin|besuch|einbau|montage|wechsel|tarifwechsel|umzug|kündigung|gutschrift|"
    r"erstattung|stundung|ratenzahlung|ratenplan|rabatt|nachlass)"
)
CONFIRMED = re.compile(
    rf"\b{_CONFIRMABLE_EN}s?\s+(?:is|has been|was)\s+(?:now\s+|hereby\s+|also\s+)?"
    r"(?:confirmed|booked|fixed|scheduled|set)\s+(?:for|on|to|at|from)\b"
    r"|\b(?:i|we)\s+(?:can\s+|hereby\s+|herewith\s+|(?:are|'re|am|'m) (?:happy|pleased|glad) "
    r"to\s+)?(?:confirm|am confirming|are confirming)\s+(?:to you\s+)?(?:your|the)\s+"
    rf"(?:new\s+)?(?:[\w-]+\s+)?{_CONFIRMABLE_EN}\b"
    rf"|\b(?:ihr|dein|der|die|das)\s+(?:neuer?\s+)?\w*{_CONFIRMABLE_DE}\w*\s+(?:ist|wurde)\s+"
    r"(?:[^.!?;:]{0,40}?\s)?(?:bestätigt|fest ?gebucht|fest ?gelegt|fixiert|fest eingeplant)\b"
    r"|\b(?:wir bestätigen|bestätigen wir|ich bestätige|bestätige ich)\s+(?:ihnen\s+|dir\s+)?"
    rf"(?:hiermit\s+|gern\w*\s+)?(?:ihre[nm]?|deine[nm]?|den|die|das)\s+(?:neue[nm]?\s+)?"
    rf"\w*{_CONFIRMABLE_DE}\w*"
    # ... or that the contract itself changes: "wir bestätigen Ihnen hiermit, dass Ihr Vertrag
    # zum Monatsende aufgelöst wird", "we can confirm that your contract will be cancelled"
    r"|\b(?:wir bestätigen|bestätigen wir|ich bestätige|bestätige ich)\s+(?:ihnen\s+|dir\s+)?"
    r"(?:hiermit|gern\w*|auch)?\s*,?\s*dass\s+(?:ihr|dein|der|die|das)\s+"
    r"(?:[\w-]+\s+)?\w*(?:vertrag|tarif|wechsel|kündigung|abschlag|lieferung)\w*\b"
    r"[^.!?;:]{0,80}?\b(?:aufgelöst|beendet|gekündigt|storniert|umgestellt|gewechselt|"
    r"geändert|endet|ausläuft|erlassen|gesenkt|wirksam)\b"
    r"|\b(?:i|we)\s+(?:can\s+|hereby\s+|herewith\s+|(?:are|'re|am|'m) (?:happy|pleased|glad) "
    r"to\s+)?confirm\s+(?:to you\s+)?(?:hereby\s+)?that\s+your\s+(?:[\w-]+\s+)?"
    r"(?:contract|tariff|plan|switch|cancellation|termination|instalment|supply)\b"
    r"[^.!?;:]{0,80}?\b(?:cancell?ed|terminated|ended|ends|switched|changed|dissolved|"
    r"released|waived|reduced|lowered|effective)\b",
    re.I,
)


def said_together(match: re.Match[str], trusted_flat: str) -> bool:
    """Every content word of `match` in one sentence of a trusted article: "Wir bestätigen
    die Kündigung sofort per E-Mail" restates an article; "bestätigen" in one article sentence
    and "Wechsel" in another do not make a confirmed switch the article's."""
    words = {w for w in re.findall(r"[^\W\d_]{4,}", match.group(0).lower())} - _FILLER
    return bool(words) and any(
        words <= set(re.findall(r"[^\W\d_]{4,}", part))
        for part in re.split(r"[.!?\n]", trusted_flat)
    )


_FILLER = frozenset(
    ["ihnen", "ihre", "ihren", "ihrem", "ihrer", "dein", "deine", "deinen", "your", "hiermit",
     "hereby", "gern", "gerne", "dass", "that", "will", "have", "been", "happy", "pleased",
     "glad", "also", "auch", "neue", "neuen", "neuer", "new"]
)  # fmt: skip
# this customer's price said to stay as it is: "your unit price stays at 9.90 ct", "your price
# will remain exactly the same", "Ihr Arbeitspreis bleibt auch dort derselbe"
PRICE_KEPT = re.compile(
    r"\b(?:your|ihr|dein)\s+(?:[\w-]+\s+)?(?:\w*preis\w*|price|rate|instalment|abschlag\w*)\s+"
    r"(?:[^.!?;:]{0,30}?\s)?(?:stays|remains|will stay|will remain|is staying|is going to stay|"
    r"bleibt|wird\s+(?:[^.!?;:]{0,30}?\s)?bleiben)\b[^.!?;:]{0,40}?"
    r"(?:\b(?:the same|unchanged|identical|exactly|gleich|derselbe|dieselbe|dasselbe|"
    r"unverändert|identisch|exakt|genau)\b|\b(?:at|bei|auf)\s+\d)",
    re.I,
)
