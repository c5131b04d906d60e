"""The grammatical forms of a decision that drafter.drafting.decisions' word list misses, in
German (separable verbs split around their object, modals with the infinitive, leave granted,
a debt declared paid) and English (a claim stopped or cancelled in the passive, put on hold,
in effect today, nothing left to pay). drafter.drafting.decisions.decision applies the same
tests to their matches as to the word list's (asserted, not what a trusted article says)."""

from __future__ import annotations

import re

# German decisions in the forms the word list misses: a separable verb split around its
# object ("das Mahnverfahren stellen wir ein", "den Preis frieren wir ein", "die Gebühr
# buchen wir zurück", "die Mindestlaufzeit lassen wir fallen"), a modal with the infinitive
# ("wir können Ihnen die Nachzahlung erlassen"), leave granted to the customer ("Sie dürfen
# die Zahlung aufschieben") and a debt declared paid ("Ihre Schulden sind damit beglichen")
_WE_DE = r"(?:wir|ich)"
_SPLIT = {  # verb: its particle, at the end of the clause
    "(?:stellen|frieren)": "ein",
    "(?:buchen|zahlen|ziehen|nehmen)": "zurück",
    "(?:setzen|zahlen)": "aus",
    "heben": "auf",
    "lassen": "fallen",
    "sehen": "ab",  # "von einer Sperre sehen wir ab"
}
DECISION_DE = re.compile(
    "|".join(
        rf"\b(?:{verb} {_WE_DE}|{_WE_DE} {verb})\b[^.!?;:]{{0,60}}?\b{particle}\b(?!\s*[-–]?\w)"
        for verb, particle in _SPLIT.items()
    )
    + r"|"
    rf"\b(?:(?:können|könnten|werden|würden|möchten|wollen) {_WE_DE}|"
    rf"{_WE_DE} (?:können|könnten|werden|würden|möchten|wollen))\b[^.!?;:]{{0,60}}?\b"
    r"(?:erlassen|stunden|streichen|stornieren|gutschreiben|erstatten|zurückzahlen|"
    r"zurückerstatten|aussetzen|einfrieren|einstellen|zurückbuchen|zurücknehmen|"
    r"niederschlagen|ausbuchen|verrechnen|schenken)\b"
    # this customer's sum split into instalments: "wir teilen die 84,30 EUR in 4 Raten auf",
    # "diesen Betrag teilen wir in 6 Raten auf" (the rule, "ab 100 EUR teilen wir Beträge in
    # bis zu 6 Raten auf", names no sum of theirs)
    rf"|\b{_WE_DE} (?:teilen|verteilen)\s+(?:ihnen\s+)?(?:die|den|das|ihre\w*|diese\w*)\b"
    r"[^.!?;:]{0,60}?\b(?:\w*raten|teilbeträge)\b"
    rf"|\b(?:die|den|das|ihre\w*|diese\w*)\s+[^.!?;:]{{0,40}}?\b(?:teilen|verteilen) {_WE_DE}\b"
    r"[^.!?;:]{0,40}?\b(?:\w*raten|teilbeträge)\b"
    r"|\bsie dürfen\b[^.!?;:]{0,60}?\b(?:aufschieben|verschieben|aussetzen|pausieren|behalten|"
    r"später (?:be)?zahlen|einbehalten|zurückhalten)\b"
    r"|\b(?:ist|sind|gilt|gelten)\s+(?:\w+\s+){0,2}?(?:beglichen|ausgeglichen|abgegolten|"
    r"als bezahlt)\b"
    # a cancellation or contract end stated as taking effect: "Ihre Kündigung wird zum
    # Monatsende wirksam", "Ihr Vertrag läuft damit am Freitag aus"
    r"|\b(?:kündigung|vertrag|vertragsende|tarif)\w*\b[^.!?;:]{0,60}?\b(?:wird|ist)\b"
    r"[^.!?;:]{0,40}?\bwirksam\b"
    r"|\b(?:vertrag|tarif|laufzeit)\w*\b[^.!?;:]{0,10}?\bläuft\b[^.!?;:]{0,40}?\baus\b"
    # ... and a due date moved: "die erste Rate wird erst im März fällig", "neue Fälligkeit"
    r"|\b(?:ist|wird|werden|sind)\s+(?:jetzt|nun|erst)\b[^.!?;:]{0,40}\bfällig\b"
    r"|\bneue[nrs]? fälligkeit\w*|\bfällig\b[^.!?;:]{0,30}?\berst\b"
    # ... and a sum said to be split into instalments: "sind die 412,60 EUR jetzt auf 12
    # Monatsraten verteilt"
    r"|\b(?:ist|sind|wurde|wurden)\b[^.!?;:]{0,60}?\b(?:auf|in)\s+\d+\s+\w*raten\b"
    r"[^.!?;:]{0,30}?\b(?:verteilt|aufgeteilt)\b",
    re.I,
)
# the English forms the word list misses: a claim said stopped or cancelled in the passive
# ("the back payment is cancelled", "the dunning process has been stopped"), put on hold for
# the customer, a change in effect today, nothing left to pay, "we're dropping the amount"
_CLAIM_EN = (
    r"(?:payment|amount|fee|charge|dunning|collection|reminder|arrears|debt|balance|invoice|"
    r"bill|claim|back payment|surcharge|penalty|process|procedure)s?"
)
DECISION_EN = re.compile(
    rf"\b{_CLAIM_EN}\b[^.!?;:]{{0,30}}?\b(?:is|are|has been|have been|was|were)\s+(?:now\s+|"
    r"hereby\s+|already\s+)?(?:stopped|halted|paused|suspended|cancell?ed|dropped|removed|"
    r"deleted|reversed|withdrawn|closed)\b"
    r"|\b(?:we|we'll|we will|we've|we have|we're|we are)\s+(?:\w+\s+)?(?:put|putting|placed|"
    r"placing)\b[^.!?;:]{0,40}\bon hold\b"
    r"|\b(?:takes?|took|will take)\s+effect\s+(?:today|immediately|at once|right away|now)\b"
    r"|\bnothing (?:more|further|else)?\s*(?:for you )?to pay\b|\byou owe (?:us )?nothing\b"
    r"|\bwe(?:'re| are)\s+(?:dropping|cancell?ing|waiving|writing off|stopping|reversing)\b"
    # a due date moved for the customer: "the 410 EUR now falls due on 30 June"
    r"|\b(?:now|then)\s+(?:falls?|is|becomes?)\s+due\b|\bnew due date\b",
    re.I,
)
# a contract end or cancellation confirmed to this customer, the confirming verb first: "wir
# bestätigen Ihnen das Vertragsende zum 30.11.", "we confirm the end of your contract" (a
# receipt confirmed is no decision: "wir bestätigen den Eingang Ihrer Kündigung"; nor is the
# practice for every customer: "we confirm every cancellation in writing", "wir bestätigen
# jede Kündigung schriftlich")
CONFIRMED_END = re.compile(
    r"\b(?:bestätigen|bestätige|confirm|confirming|can confirm)\b(?![^.!?;:]{0,40}?\b(?:eingang|"
    r"erhalt|empfang|receipt|received)\b)(?!\s+(?:\w+\s+)?(?:every|each|any|all|jede[nrs]?|alle)\s)"
    r"[^.!?;:]{0,40}?\b(?:vertragsende|vertragsbeendigung|"
    r"kündigung|abmeldung|ende (?:ihres|deines|des) \w*vertrag\w*|cancell?ation|termination|"
    r"end of (?:your|the) (?:\w+ )?(?:contract|supply)|(?:contract|supply) end)\w*",
    re.I,
)
# money the company gives this customer, by any verb of paying back: "wir ersetzen Ihnen die
# 180 EUR", "die Kosten erstatten wir Ihnen", "we'll reimburse the 180 EUR", "you will be
# compensated"; decisions.decision does not take "sobald" / "once" for a condition here (a
# sum promised once the receipts arrive is promised)
_GIVE_DE = (
    r"(?:ersetzen|erstatten|vergüten|überweisen|bezahlen|zahlen|entschädigen|spendieren|"
    r"schenken|gutschreiben|ausgleichen)"
)
_SUM = (
    r"(?:\d+(?:[.,]\d+)?\s?(?:€|eur\b|euro\b)|(?:den|die|das) (?:vollen?|gesamten?|ganzen?) "
    r"(?:betrag|kosten|schaden)|schaden\w*|kosten|the (?:full|entire|whole) (?:amount|cost|sum)|"
    r"the (?:costs?|damage|loss)|your (?:costs?|damage|loss))"
)
MONEY_GIVEN = re.compile(
    rf"\b(?:wir|ich) {_GIVE_DE} (?:ihnen|dir)\b[^.!?;:]{{0,60}}?{_SUM}"
    rf"|\b{_GIVE_DE} (?:wir|ich) (?:ihnen|dir)\b[^.!?;:]{{0,60}}?{_SUM}"
    rf"|{_SUM}[^.!?;:]{{0,40}}?\b{_GIVE_DE} (?:wir|ich) (?:ihnen|dir)\b"
    r"|\b(?:we|i)(?:'ll| will| shall| are going to)?\s+(?:\w+\s+)?(?:reimburse|refund|compensate|"
    rf"repay|pay|cover|replace)\b(?: you)?[^.!?;:]{{0,40}}?{_SUM}"
    r"|\byou(?:'ll| will) be (?:fully )?(?:reimbursed|compensated|refunded|repaid)\b",
    re.I,
)
# a time, not a condition: what is promised "once" something happens is promised
WHEN_ONLY = re.compile(r"\b(?:sobald|nachdem|once|as soon as)\b", re.I)
