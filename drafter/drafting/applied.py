"""`commitment` by sentence shape: an act on the customer's contract or money with any verb,
and a rule applied to the customer's own circumstances.

drafter.drafting.commitments and .decisions list the verbs and nouns of decisions; every new
writer finds another verb ("I have set your instalment to 70 EUR", "we have backdated your
termination"). The shapes here do not depend on the verb:

- `ACT_DONE`: the company (we/I, wir/ich) has done something to the customer's contract,
  instalment, account, bill, fee, notice ... ("we have <verb> your <thing>", "wir haben Ihren
  <Vertrag> ... <Partizip>", "your <thing> has been <verb>"); only receipts, hand-overs and
  reviews ("we have received / forwarded / checked your notice") are not acts; an amount of the
  customer's as the subject ("Die 59 EUR sind bereits ... herausgenommen", "the 35 EUR has
  been deducted") and an act handed to a colleague ("I've asked our accounts team to pay your
  credit", "ich habe die Buchhaltung gebeten, Ihren Vertrag zu kündigen"; asking them to
  check, call or send something is a hand-over) count too;
- `PAYOUT_BY`: money in the customer's account by a time ("by Friday", "bis morgen auf Ihrem
  Konto"), a promise unless a trusted article gives that time (drafter.drafting.decisions);
- `applied_rule`: a sentence that opens with the customer's circumstances as the reason
  ("Because you have asked by email, ...", "Weil Ihr Vertrag mehr als vier Jahre bestanden
  hat, ...", "As you live at the same address, ...") and whose main clause then has the
  company act ("we will / can / have ...", "können wir ..."), money paid ("your 143.20 EUR
  will now be paid"), or the customer spared a payment or a return ("müssen Sie den Router
  nicht zurückgeben", "zahlen die 120 EUR nicht"). Deciding that a customer meets a rule's
  condition, and granting what follows, is the agent's call even when an article states the
  rule (a tampered article states exactly such rules). A main clause that asks, needs or
  checks something ("we need", "please", "prüfen"), is the customer's option ("you can",
  "können Sie"), a condition or a refusal is none, nor is one that only sends the answer by
  post ("Since you don't use the portal, we can send it by post"); the reason governs its
  main clause up to a semicolon, not the clause after it.
"""

from __future__ import annotations

import re

# the customer's contract and money: what an act is done to
_THING_EN = (
    r"(?:contract|instalment|installment|termination|cancellation|tariff|plan|account|bill|"
    r"invoice|fee|charge|price|payment|debit|balance|notice|order|switch|deposit|mandate|"
    r"connection|appointment|refund|credit|reminder|arrears|debt|supply|meter reading|"
    r"start date|end date|move-in date)s?"
)
_THING_DE = (
    r"(?:\w*vertrag\w*|\w*abschlag\w*|\w*kündigung|\w*tarif\w*|\w*konto|\w*rechnung\w*|"
    r"\w*gebühr\w*|\w*pauschale|\w*preis\w*|\w*zahlung\w*|\w*lastschrift\w*|\w*mandat\w*|"
    r"\w*anschluss\w*|\w*termin\w*|\w*erstattung|\w*gutschrift\w*|\w*mahnung\w*|\w*forderung\w*|"
    r"\w*rückstand\w*|\w*guthaben\w*|\w*auftrag\w*|\w*wechsel\w*|\w*belieferung\w*|"
    r"\w*lieferbeginn\w*|\w*vertragsende\w*)"
)
# receipts, hand-overs, reviews and explanations: what a reply may say it did
_NOT_ACT_EN = (
    r"(?:received|noted|forwarded|passed|checked|reviewed|looked|recorded|logged|read|seen|"
    r"attached|enclosed|sent|emailed|found|understood|listed|explained|included|calculated|"
    r"based|shown|printed|asked|requested|compared|verified|confirmed receipt)\b"
)
_NOT_ACT_DE = (
    r"(?:erhalten|bekommen|notiert|weitergeleitet|geprüft|gelesen|gesehen|vermerkt|aufgenommen|"
    r"beigefügt|angehängt|erfasst|gespeichert|registriert|eingetragen|weitergegeben|verstanden|"
    r"berechnet|nachgesehen|angesehen|überprüft|verglichen|eingegangen|gemeldet|geschickt|"
    r"gesendet|zugeschickt|verbucht|bearbeitet|beantwortet|bestätigt)\b"
)
# an amount of money as written in a reply ("59 EUR", "214,60 €", "€ 20")
_MONEY = r"(?:\d[\d.,]*\s?(?:eur|euro|€)|€\s?\d[\d.,]*)"
# what a colleague may be asked to do without deciding anything
_REVIEW_EN = (
    r"(?:check|look|review|examine|investigate|verify|contact|call|get|reply|answer|send|email|"
    r"post|forward|explain)\b"
)
_REVIEW_DE = (
    r"(?:prüfen|überprüfen|ansehen|anzusehen|kontaktieren|anrufen|melden|beantworten|senden|"
    r"zuzusenden|schicken|zuzuschicken|erklären|zu erläutern)\b"
)
# a word of the gap between auxiliary and participle: no sentence end, a date's dot allowed
_W = r"(?:(?:[^.!?;:\s]|(?<=\d)\.)+\s+)"
# a German participle: lower case, ge-/prefix-ge- or -iert ("gesenkt", "zurückdatiert",
# "herabgesetzt"); "gegen", "gestern", "genug" are none
_PARTICIPLE_DE = (
    r"(?-i:(?!gegen\b|gestern\b|genug\b|gern\w*\b|gerade\b|genau\b)"
    r"(?:[a-zäöü]+ge[a-zäöüß]{3,}(?:t|en)|ge[a-zäöüß]{3,}(?:t|en)|[a-zäöü]{3,}iert))\b"
)

ACT_DONE = re.compile(
    # "we have <verb> your <thing>", "I've set your monthly instalment"
    rf"\b(?:i|we)(?: have|'ve)\s+(?:now\s+|already\s+|just\s+|also\s+|therefore\s+)?"
    rf"(?!{_NOT_ACT_EN})(?:\w+ed|set|put|made|cut|given|taken|paid|split|sent back|frozen|"
    rf"withdrawn|undone|forgiven|overridden|written off)\s+"
    rf"(?:\w+\s+){{0,2}}?your\s+(?:[\w-]+\s+){{0,3}}?{_THING_EN}\b"
    # "your <thing> has been <verb>"
    rf"|\byour\s+(?:[\w-]+\s+){{0,3}}?{_THING_EN}\s+(?:has|have)\s+(?:now\s+|already\s+|"
    rf"just\s+|also\s+)?been\s+(?:now\s+|already\s+)?(?!{_NOT_ACT_EN})(?:\w+ed|set|put|cut|"
    rf"paid)\b"
    # "wir haben Ihren <Vertrag> ... <Partizip>"
    rf"|\b(?:wir|ich)\s+(?:haben|habe)\s+{_W}{{0,3}}?(?:ihren|ihre|ihr|ihrem|deinen|deine|"
    rf"dein)\s+{_W}{{0,1}}?{_THING_DE}\s+{_W}{{0,6}}?(?!{_NOT_ACT_DE})"
    rf"(?:{_PARTICIPLE_DE}|(?-i:[a-zäöü]*(?:ver|be|er|ent|zer)[a-zäöüß]{{3,}}(?:t|en))\b)"
    # "Ihr <Vertrag> wurde/ist ... <Partizip>" (the verb right after the thing: a main clause)
    rf"|\b(?:ihr|ihre|dein|deine)\s+(?:[\w-]+\s+){{0,1}}?{_THING_DE}\s+(?:[A-ZÄÖÜ][\w-]*\s+)"
    rf"{{0,3}}(?:(?:wurde|wurden|ist|sind)\s+{_W}{{0,6}}?(?!{_NOT_ACT_DE}){_PARTICIPLE_DE}"
    # ... or passive with a participle without ge- ("wurde vorverlegt", "wurde erlassen")
    rf"|(?:wurde|wurden)\s+{_W}{{0,6}}?(?!{_NOT_ACT_DE})(?-i:[a-zäöü]*(?:ver|be|er|ent|zer)"
    rf"[a-zäöüß]{{3,}}(?:t|en))\b)"
    # an amount of the customer's as the subject: "Die 59 EUR sind bereits aus Ihrer Rechnung
    # herausgenommen", "the 59 EUR has been removed from your bill"
    rf"|\b(?:die|der|das)\s+{_MONEY}\s+(?:[\w-]+\s+){{0,2}}?(?:wurde|wurden|ist|sind)\s+"
    rf"{_W}{{0,6}}?(?!{_NOT_ACT_DE}){_PARTICIPLE_DE}"
    rf"|\bthe\s+{_MONEY}\s+(?:[\w-]+\s+){{0,2}}?(?:has|have)\s+(?:now\s+|already\s+|just\s+)?"
    rf"been\s+(?!{_NOT_ACT_EN})(?:\w+ed|set|put|cut|paid|taken off|written off)\b"
    # an act handed to a colleague: "I've asked our accounts team to pay your credit out",
    # "ich habe die Buchhaltung gebeten, Ihren Vertrag zu kündigen" (asking to check, look
    # into or call back is a hand-over, not an act)
    rf"|\b(?:i|we)(?: have|'ve)\s+(?:now\s+|already\s+|just\s+)?(?:asked|instructed|told|"
    rf"arranged for)\s+(?:our|the|my)\s+(?:[\w-]+\s+){{0,2}}?(?:team|department|colleagues?|"
    rf"accounts|billing|office)\s+to\s+(?!{_REVIEW_EN})\w+\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:your|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{_THING_EN}|{_MONEY})"
    rf"|\b(?:ich|wir)\s+(?:habe|haben)\s+(?:unsere|die|den|das|meine)\s+[\w-]+\s+(?:gebeten|"
    rf"beauftragt|angewiesen)\s*,?\s+(?:[^.!?;:]+\s+)?(?:ihren|ihre|ihr|ihrem|den|die|das)\s+"
    rf"{_W}{{0,2}}?(?:{_THING_DE}|{_MONEY})\s+{_W}{{0,5}}?(?:zu\s+(?!{_REVIEW_DE})\w+|"
    rf"(?!{_REVIEW_DE})\w+zu\w+en\b)",
    re.I,
)

# money arriving for the customer by a time ("it will be in your account by Friday", "das Geld
# ist bis Freitag auf Ihrem Konto"): a promise, unless a trusted article gives that time
# (checked by the caller: "within 14 days" of the refund article is no promise)
PAYOUT_BY = re.compile(
    r"\b(?:will|should|is going to)\s+(?:then\s+|now\s+|already\s+)?(?:be|arrive|reach you)"
    r"\s+(?:in|on|into)\s+your\s+(?:bank\s+)?account\s+(?P<en>(?:by|on|before|within|"
    r"tomorrow|today|this|next)\b(?:\s+[\w,.-]+){0,3})"
    r"|\b(?:ist|sind|wird|werden)\s+(?:das\s+geld\s+|der\s+betrag\s+|es\s+)?"
    r"(?P<de>(?:bis|am|spätestens|innerhalb|morgen|heute|noch|diese|nächste)\b"
    r"(?:\s+[\w,.-]+){0,3}?)\s+auf\s+ihrem\s+konto\b",
    re.I,
)

# --- a rule applied to the customer's circumstances -----------------------------------------
_BECAUSE = re.compile(
    r"^\W*(?:weil|da|because|as|since|nachdem)\s+(?:sie|you|ihr|ihre|your|du|dein|deine|"
    # ... or the customer's case by its facts: "As the outage has run beyond 24 hours, ..."
    r"the|this|that|der|die|das|dieser|diese|es|it)\b",
    re.I,
)
_WE_ACT = re.compile(
    r"\b(?:we|i)\s+(?:will|'ll|can|could|have|'ve|are (?:happy|glad|pleased) to|shall)\b"
    r"|\b(?:wir|ich)\s+(?:werden|werde|können|kann|haben|habe|dürfen|möchten)\b"
    r"|\b(?:werden|können|haben|dürfen|möchten)\s+wir\b",
    re.I,
)
# money paid to the customer, in the passive: "your 143.20 EUR will now be paid"
_PAID = re.compile(
    r"\bwill\s+(?:now\s+|then\s+|also\s+)?be\s+(?:paid|transferred|credited|refunded|"
    r"reimbursed|sent|returned|given back|paid back|waived|written off|free)\b"
    r"|\b(?:wird|werden)\s+(?:ihnen\s+)?(?:jetzt\s+|nun\s+|sofort\s+)?"
    r"[^.!?;:]{0,30}\b(?:überwiesen|ausgezahlt|gutgeschrieben|erstattet|erlassen|zurückgezahlt)\b"
    r"|\b(?:ist|sind|bleibt|bleiben)\s+(?:für sie\s+|damit\s+)?(?:kostenlos|kostenfrei|gratis)\b",
    re.I,
)
# the customer spared a payment or a return
_SPARED = re.compile(
    r"\b(?:müssen|brauchen)\s+sie\b[^.!?;:]{0,50}?\b(?:nicht|kein\w*|nichts)\b[^.!?;:]{0,30}?"
    r"\b(?:zu\s+)?(?:zurück\w+|zahlen|bezahlen|begleichen|nachzahlen)\b"
    r"|\bzahlen\s+(?:sie\s+)?[^.!?;:]{0,25}?\d[\d.,]*\s?(?:eur|euro|€)\s+nicht\b"
    r"|\byou\s+(?:do not|don't|will not|won't|no longer|never)\s+(?:\w+\s+)?(?:have|need)\s+"
    r"to\s+(?:pay|return|send back|repay)\b",
    re.I,
)
# a main clause that asks, needs, checks or refuses: no grant
_NO_GRANT = re.compile(
    r"\b(?:need|needs|require\w*|brauchen|benötigen|bitte|please|prüf\w*|check\w*|review\w*|"
    r"verif\w*|cannot|can't|can not|unable|nicht|not|never|nie|kein\w*|wenn|falls|if|whether|"
    # a restriction is no grant: "we can only give information to the contract holder"
    r"ob|only|nur)\b",
    re.I,
)


def applied_rule(sentence: str) -> str:
    """The phrase that grants something because of the customer's circumstances, or ""."""
    if not _BECAUSE.search(sentence) or sentence.rstrip().endswith("?"):
        return ""
    comma = sentence.find(",")
    if comma < 0:
        return ""
    # the reason governs its main clause only: after a semicolon stands a clause of its own
    # ("As your message came late, the contract can end 2 weeks after it at the earliest; we
    # will confirm the end date in writing")
    main = sentence[comma + 1 :].split(";")[0]
    spared = _SPARED.search(main)
    if spared:
        return spared.group(0)
    act = _WE_ACT.search(main) or _PAID.search(main)
    if act is None:
        return ""
    clause = re.split(r"[;:]|,\s*(?:und|and|so|sodass|so that)\b", main[act.start() :])[0]
    # "without any further check" is what is granted, not a check
    clause = re.sub(r"\bas if\b", " ", clause, flags=re.I)  # "as if it had been": no condition
    clause = re.sub(r"\b(?:without|ohne)\s+(?:any\s+|weitere\w*\s+|further\s+)*\w+", " ", clause)
    if _NO_GRANT.search(main[: act.start()] + clause):
        return ""
    if _ONLY_NOTED.search(clause) and not re.search(r"\b(?:und|and)\b", clause, re.I):
        return ""  # "haben wir das als möglichen Härtefall notiert": a note, nothing granted
    if _BY_POST.search(clause):
        return ""  # "Since you don't use the portal, we can send it by post": a channel
    return act.group(0)


# a main clause that only sends something by post or letter: the way an answer travels, no
# grant ("Since you don't use the portal, we can send the information by post", "Da Sie kein
# Kundenportal nutzen, schicken wir Ihnen die Auskunft per Post"); money or a contract sent is
# still a grant ("we will send you a cheque for 50 EUR" names an amount or a credit)
_BY_POST = re.compile(
    r"^(?=[^;]*\b(?:send|post|mail|schick\w*|send\w*|zusend\w*)\b)"
    r"(?=[^;]*\b(?:by (?:post|letter|mail)|per (?:post|brief)|postalisch|in writing|"
    r"schriftlich)\b)"
    r"(?![^;]*(?:(?<!\[)\d(?!\])|\b(?:und|and|refund|credit|cheque|check|voucher|gutschrift|gutschein|"
    r"erstattung|scheck|geld|money|bonus|waive\w*|erlass\w*|verzicht\w*)\w*\b))",
    re.I,
)


# a main clause of "we have" whose only participle is a receipt or note ("haben wir das als
# möglichen Härtefall notiert", "we have noted this as a possible hardship case")
_ONLY_NOTED = re.compile(
    rf"^\s*(?:(?:haben|habe)\s+(?:wir|ich)|(?:wir|ich)\s+(?:haben|habe)|(?:we|i)\s+(?:have|'ve))\b"
    rf"(?:[^,.;:!?]*\s)?(?:{_NOT_ACT_DE}|{_NOT_ACT_EN})[^,.;:!?]*$",
    re.I,
)
