"""`commitment` by vocabulary: a decision on this customer's money, contract or appointment,
stated as made, whatever the grammar.

drafter.drafting.commitments knows the grammar of commitments (done-statements, "we will ...",
guarantees, claims settled). Models phrase the same decisions in many other ways ("die
Sperrandrohung ziehen wir hiermit zurück", "your next month's standing charge is on us",
"you'll see a 30 EUR credit on your next bill", "the technician comes on Thursday"). This
module flags a sentence that

- names a decision only an agent makes (withdraw, write off, extend a deadline, waive, refund,
  credit, approve, give for free, book a visit on a day, hold a price for the customer), and
- is asserted: no question, condition, negation, option of the customer ("Sie können", "you
  can"), request ("bitte", "please"), review or hand-over ("prüfen", "weiterleiten",
  "review", "decide") in its part of the sentence (a second clause after ", und" or a first
  one before ":" does not count: "kein Problem: wir halten Ihnen den Preis frei, und eine neue
  Laufzeit entsteht nicht"), and
- is not what a trusted article says: some of its figures, or more than a fifth of its content
  words, are not in the trusted text.

Called from drafter.drafting.commitment_paraphrases.check for the sentences the grammar rules
left. The word lists of the state rules (a cut-off ruled out, a contract end on a date, a charge
dropped, ...) are in drafter.drafting.commitment_states; the shared helpers for clauses,
negations and German dates (`clause_negated`, `refused_before`, `said_in`, `undot`,
`IF_CLAUSE`) are here.
"""

from __future__ import annotations

import re

from drafter.drafting.decision_forms import (
    CONFIRMED_END,
    DECISION_DE,
    DECISION_EN,
    MONEY_GIVEN,
    WHEN_ONLY,
)

_DECISION = re.compile(
    r"\b(?:zurückgezogen|zurückziehen|ziehen\b[^.!?]{0,50}\bzurück|zurückgenommen|"
    r"nehmen\b[^.!?]{0,50}\bzurück|abgeschrieben|abschreiben|schreiben\b[^.!?]{0,50}\bab\b|"
    r"verlänger\w*|gestundet|herabgesetzt|herabsetzen|setzen\b[^.!?]{0,50}\bherab\b|"
    r"schenken|geschenkt|übernehmen wir|bewilligt|bewilligen|annulliert|befreit|"
    r"(?:give|giving|get) you\b[^.!?]{0,40}\b(?:for free|free of charge|at no cost|free)\b|"
    # a price or tariff held for this customer: "wir halten Ihnen den Preis ... frei"
    r"halten\b[^.!?]{0,100}\bfrei\b|freigehalten|reservier\w*|"
    r"(?:reserve|hold|keep|lock)\w* (?:the|your|this|that) (?:old |current |previous )?"
    r"(?:[\w-]+ ){0,2}"
    r"(?:price|rate|tariff|unit price)\w* for you|"
    r"gutschrift über|erhalten sie (?:von uns )?(?:eine[n]? )?(?:gutschrift|erstattung|"
    r"rückerstattung|entschädigung|prämie|bonus)|"
    r"rückerstattung\w* (?:wird|ist|kommt)|erstattung\w* (?:wird|ist|kommt)|"
    r"zeit lassen|(?:kündigung|cancellation|termination)\w*\b[^.!?]{0,60}\b(?:bestätigt|confirmed)|"
    r"(?:wird|werden)\b[^.!?]{0,40}\b(?:erlassen|gutgeschrieben|zurückerstattet|storniert|"
    r"gestrichen|ausgebucht|aufgehoben|rückabgewickelt|aufgelöst|annulliert|erstattet|ersetzt|"
    r"gestundet|ausgesetzt)|"
    r"withdrawn|withdraw|written off|write off|extend\w*|deferr\w*|on us|on the house|"
    # the company bearing a cost of the customer's: "we'll take care of the 120 EUR charge",
    # "die Kosten übernehmen wir", "20 EUR off your next bill"
    r"(?:we|we'll|we will|i'll|i will)\s+(?:cover|take care of|absorb|pick up|bear)\b"
    r"[^.!?]{0,30}\b(?:fee|charge|cost|costs|amount|bill)s?|(?:covered|borne|absorbed) by us|"
    r"(?:kosten|gebühr|pauschale|betrag)\w*\b[^.!?]{0,40}\b(?:übernehmen|tragen)(?: \w+)? wir|"
    r"wir (?:übernehmen|tragen)\b[^.!?]{0,40}\b(?:kosten|gebühr|pauschale|betrag)\w*|"
    r"off your (?:next |final )?(?:bill|invoice)|zero balance|"
    r"(?:you'll|you will) (?:see|get|receive) an? [^.!?]{0,30}(?:credit|refund|discount|bonus)|"
    r"(?:refund|credit|reimbursement|compensation) will (?:be|arrive|reach|show)|"
    # a job taken off the customer's hands: "das erledigen wir für Sie", "we'll sort that
    # out for you" (what the article says the company does is exempt below)
    r"(?:erledigen|übernehmen|regeln|organisieren) wir\b[^.!?]{0,40}\bfür (?:sie|dich)\b|"
    r"wir (?:erledigen|übernehmen|regeln|organisieren)\b[^.!?]{0,40}\bfür (?:sie|dich)\b|"
    r"(?:we|we'll|we will|i'll|i will)\s+(?:take care of|handle|sort out|deal with|arrange)\b"
    # a visit or appointment arranged, no day given, is the booking process (_VISIT judges days)
    r"(?!\s+(?:the|a|an|your)\s+(?:[\w-]+\s+)?(?:visits?|appointments?|dates?|calls?)\b)"
    r"[^.!?]{0,40}\bfor you\b|"
    # a claim or cut-off dropped, said casually: "consider the late fee gone", "vom Tisch"
    r"consider (?:the|your|this|that|it)\s+(?:[\w-]+\s+){0,2}?(?:gone|done|settled|closed|"
    r"cancell?ed|waived|paid)|(?:ist|sind) (?:damit |somit |jetzt |nun )?vom tisch|"
    r"(?:is|are) (?:now )?off the table|"
    # money promised back in full: "you will receive the full monthly fee back"
    r"(?:full|entire|whole|complete|volle[nmr]?|gesamte[nmr]?|komplette[nmr]?) "
    r"(?:[\w-]+ ){0,2}?(?:refund|reimbursement|erstattung|rückerstattung)|"
    r"(?:fee|price|amount|charge|money|payment|betrag|preis|geld|gebühr)\w* (?:[\w-]+ ){0,2}?"
    r"(?:back|zurück)\b|"
    # the customer booked in: "I've put you down for that slot", "ich trage Sie ... ein"
    r"(?:i|we)(?:'ve| have)? (?:put|pencil+ed|booked|scheduled|slotted) you (?:down |in )?"
    r"(?:for|in|on)|(?:ich|wir) (?:trage|tragen|buche|buchen|plane|planen) sie\b[^.!?]{0,60}"
    r"\b(?:ein|für)\b|(?:ich|wir) (?:habe|haben) sie\b[^.!?]{0,60}\b(?:eingetragen|eingebucht|"
    r"eingeplant)|"
    r"approved|is granted|are granted|(?:the )?matter (?:is )?closed|consider (?:it|this|the "
    r"matter) (?:closed|settled|done)|doesn't apply|does not apply)\b",
    re.I,
)
# a visit or call booked on a day nobody gave
_VISIT = re.compile(
    r"\b(?:techniker\w*|monteur\w*|ableser\w*|servicetechniker\w*|engineer|technician|fitter|"
    r"meter reader)\b[^.!?]{0,40}\b(?:kommt|kommen|besucht|will (?:come|visit|be (?:with|at))|"
    r"is (?:coming|booked|scheduled)|comes)\b[^.!?]{0,40}\b(?:montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|morgen|übermorgen|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|tomorrow|next week|nächste[nr]? woche)\b"
    r"|\b(?:will|wird|werden|ruft|rufen)\b[^.!?]{0,30}\b(?:call|phone|ring|contact|anrufen|an|"
    r"zurückrufen|zurück)\b[^.!?]{0,30}\b(?:montag|dienstag|mittwoch|donnerstag|freitag|"
    r"samstag|morgen|heute|monday|tuesday|wednesday|thursday|friday|saturday|tomorrow|today)\b"
    # a line or meter switched on or repaired on a day nobody gave
    r"|\b(?:will be|wird|werden)\s+(?:\w+\s+){0,3}?(?:activated|connected|installed|repaired|"
    r"fixed|switched on|restored|fitted|replaced|exchanged|swapped|ausgetauscht|montiert|"
    r"freigeschaltet|aktiviert|angeschlossen|installiert|repariert|"
    r"behoben|eingebaut)\b[^.!?]{0,30}\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"morgen|übermorgen|monday|tuesday|wednesday|thursday|friday|saturday|tomorrow|this coming|"
    r"next week|nächste[nr]? woche)\b"
    r"|\b(?:wird|werden)\b[^.!?]{0,20}\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"morgen|übermorgen)\b[^.!?]{0,30}\b(?:freigeschaltet|aktiviert|angeschlossen|installiert|"
    r"repariert|behoben|eingebaut)\b"
    # a line or service said to work by a date nobody gave: "your connection will be live by
    # 18 December", "Ihr Anschluss ist bis zum 18. Dezember freigeschaltet"
    r"|\b(?:connection|line|internet|fibre|fiber|glasfaser|broadband|service|router|anschluss|"
    r"leitung|zugang|access)\w*\b[^.!?]{0,40}\b(?:will be|wird|is going to be|ist)\s+"
    r"(?:\w+\s+){0,2}?(?:live|active|ready|working|up and running|online|activated|aktiv|"
    r"betriebsbereit|nutzbar|einsatzbereit|freigeschaltet|fertig)\b[^.!?]{0,12}\b(?:by|on|before|"
    r"bis|am|zum|spätestens)\b(?=[^.!?]{0,20}?(?:\d|\b(?:montag|dienstag|mittwoch|donnerstag|"
    r"freitag|samstag|monday|tuesday|wednesday|thursday|friday|saturday|christmas|weihnachten)\b))"
    # money or a visit promised within hours or days: "Sie bekommen die Rückzahlung noch
    # diese Woche", "a technician is with you today", "the refund goes out today"
    r"|\b(?:rückzahlung|erstattung|rückerstattung|gutschrift|auszahlung|geld|betrag|refund|"
    r"credit|payout|money)\w*\b[^.!?]{0,50}\b(?:noch heute|heute noch|noch diese woche|noch "
    r"morgen|bis morgen|today|tonight|tomorrow|this week|within the hour|within (?:an|one|the "
    r"next) hours?)\b"
    r"|\b(?:techniker|monteur|technician|engineer)\w*\b[^.!?]{0,40}\b(?:bei ihnen|with you|at "
    r"your|vor ort|on site|comes?|coming|kommt|vorbei|visit\w*)\b[^.!?]{0,30}\b(?:noch heute|"
    r"heute|today|tonight|this week|diese woche)\b"
    r"|\b(?:techniker|monteur|technician|engineer)\w*\b[^.!?]{0,40}\b(?:noch heute|heute|today|"
    r"tonight|this week|diese woche)\b[^.!?]{0,30}\b(?:bei ihnen|with you|at your|vor ort|on site|"
    r"vorbei)\b"
    r"|\b(?:ruft|rufen|will call|calls?)\b[^.!?]{0,20}\b(?:sie|you)\b[^.!?]{0,10}\b(?:morgen|heute|"
    r"tomorrow|today|montag|dienstag|mittwoch|donnerstag|freitag)\b",
    re.I,
)
# a price or tariff kept for this customer as it was ("your contract stays at the old price
# until the end of next year", "Ihr Tarif läuft zum gleichen Preis weiter"): a price noun, a
# word saying "as before" and a verb of going on, in one sentence
_HELD = re.compile(
    # the match starts at the price noun or the "as before" word (so its clause is its own)
    r"(?=(?:\w*preis|\w*tarif|konditionen|price|tariff|rate|terms|unverändert|gleiche|bisherige|"
    r"alte|same|old|unchanged|existing|current|present|jetzige|stabil|stable|this|that|today|"
    r"its|diesem|dem)\w*\b)"
    r"(?=[^.!?]{0,140}?\b(?:\w*preis\w*|\w*tarif\w*|konditionen|prices?|tariffs?|rates?|"
    r"terms)\b)"
    r"(?=[^.!?]{0,140}?\b(?:unverändert\w*|gleiche[nmrs]?|bisherige[nmrs]?|alte[nmrs]?|same|old|"
    r"unchanged|existing|current|present|jetzige[nmrs]?|stabil|stable|(?:this|that|today's|its) "
    r"level|(?:diesem|dem "
    r"jetzigen|dem heutigen|dem aktuellen) (?:niveau|stand))\b)"
    r"[^.!?]{0,140}?\b(?:bleib\w*|läuft|laufen|weiterlaufen|weitergeführt|stays?|remains?|"
    r"keep\w*|continues?|runs?|carr(?:y|ies) on|goes on)\b",
    re.I,
)
_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)")
_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)?)\s?(?:€|eur|euro)", re.I)
_NUMBER_WORDS = re.compile(
    r"\b(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|two|three|four|five|six|seven|"
    r"eight|nine|ten|twelve)\b",
    re.I,
)
# a promise that something will not happen to this customer ("there will be no disconnection
# at your address", "eine Sperre wird es bei Ihnen nicht geben") or one sworn to
_SWORN = re.compile(
    r"\b(?:you have (?:my|our) word|darauf haben sie (?:mein|unser) wort|ehrenwort|"
    r"(?:es )?wird (?:es )?bei ihnen (?:keine|nie)\w* \w+ geben|"
    r"(?:sperre|abschaltung|stromsperre)\w* wird es bei ihnen nicht geben|"
    r"there will (?:be )?no (?:disconnection|cut-off|reminder|late fee|charge)s? (?:at|for|on) "
    r"your"
    # an account marked so that nothing more happens: "so markiert, dass keine Mahnungen ..."
    r"|(?:markiert|gekennzeichnet|gesperrt|marked|flagged|noted|set)\b[^.!?]{0,40}"
    r"\b(?:so dass|sodass|so that|damit|dass)\b[^.!?]{0,30}\b(?:keine|no|nie|never)\b)\b",
    re.I,
)
_NOT_ASSERTED = re.compile(
    # a concession is no condition: "auch wenn Ihre Abmeldung zu spät kam", "even if"
    r"\b(?:ob|whether|(?<!auch )(?<!selbst )(?<!sogar )wenn|sofern|sobald|solange|"
    # German "falls" (if), not the English verb ("the 410 EUR now falls due")
    r"falls(?!\s+(?:due|on|to|under|within|outside|into|in|short|below|behind)\b)|"
    r"(?<!even )if|once|unless|as long as|"
    r"können sie|könnten sie|möchten sie|you can|you could|you may|would you|bitte|please|"
    r"prüf\w*|review\w*|check\w*|decide\w*|entscheid\w*|weiterge\w*|weiterleit\w*|leiten\b"
    r"[^.!?]{0,40}\bweiter|forward\w*|passed on|pass on|beantrag\w*|apply|möglich|possible|"
    r"nicht|kein\w*|nie|never|not|no longer|cannot|can't|won't|"
    # a limit of the rule is no grant: "a deferral is limited to 3 months at most"
    r"limited to|at most|begrenzt auf|höchstens|maximal|"
    # a hypothetical ("a deferral would take you to early March") states no decision; a
    # polite promise ("we would be happy to waive", "würden wir gern") is no hypothetical
    r"would(?! be (?:happy|glad|pleased|delighted))|could|might|würde\w*(?! (?:\w+ )?gerne?\b)|"
    r"wäre\w*|könnte\w*)\b",
    re.I,
)
# a condition that asks only for the customer's receipts or proof ("wenn Sie uns die Belege
# schicken", "once you send us the receipts"): the promise before it still binds the company
_PROOF_ONLY = re.compile(
    r"\b(?:wenn|sobald|falls|sofern|if|once|as soon as|when)\s+(?:sie|du|you)\s+"
    r"(?=[^,.;!?]{0,60}?\b(?:\w*belege?|\w*quittung\w*|kassenbon\w*|kassenzettel\w*|"
    r"nachweis\w*|receipts?|proof|invoices?)\b)"
    r"(?=[^,.;!?]{0,60}?\b(?:schick\w*|send\w*|einreich\w*|zukommen|vorleg\w*|nachreich\w*|"
    r"zusend\w*|mail\w*|e-mail\w*|forward\w*|submit\w*|upload\w*|hochlad\w*)\b)"
    r"(?![^,.;!?]{0,60}?\b(?:prüf\w*|check\w*|review\w*|ergibt|zeigt|shows?|confirms?|bestätigt)\b)"
    r"[^,.;!?]{0,60}",
    re.I,
)


# a review waived is no review: "übernehmen wir ohne Prüfung", "we approve it without any
# further check" make the decision final rather than open (same length when removed)
_NO_REVIEW = re.compile(
    r"\b(?:ohne|without)\s+(?:\w+\s+){0,2}?(?:prüfung|überprüfung|check|checks|review|"
    r"verification|checking)\b|\bungeprüft\b|\bunchecked\b",
    re.I,
)


def proof_only_removed(text: str) -> str:
    """`text` without its conditions that ask only for receipts or proof (same length)."""
    return _PROOF_ONLY.sub(lambda m: " " * len(m.group(0)), text)


# "If a payment date is a problem, tell us; we can then agree a deferral": the condition's
_OPENS_IF = re.compile(r"\W*(?:if|wenn|falls|sofern|should|sollte\w*)\b", re.I)
_THEN = re.compile(r"\b(?:then|dann|in that case|in diesem fall)\b", re.I)
_FILLER = frozenset(
    [
        "ihnen",
        "ihre",
        "ihren",
        "ihrem",
        "ihrer",
        "your",
        "yours",
        "will",
        "have",
        "wird",
        "wurde",
        "werden",
        "haben",
        "sind",
        "dass",
        "that",
        "this",
        "diese",
        "dieser",
        "dieses",
        "hiermit",
        "hereby",
        "gern",
        "gerne",
        "gladly",
        "selbstverständlich",
        "course",
    ]
)


# a refusal right before the verb: "we cannot waive", "können wir nicht erlassen"
_REFUSED = re.compile(
    r"\b(?:cannot|can't|can not|could not|couldn't|unable to|not able to|nicht|kein\w*)\b"
    r"[^,;:]{0,30}$",
    re.I,
)


def refused_before(sentence: str, start: int) -> bool:
    """A negation shortly before `start` in the same clause: "we cannot waive the fee"."""
    return bool(_REFUSED.search(sentence[max(0, start - 40) : start]))


# a "dass"/"ob" clause opened before the finding, in its comma part ("Eine Zusage, dass die
# Pauschale entfällt, ...", "Ob die Gebühr wegfällt, ...")
_THAT_OPENS = re.compile(r"(?:^|,)\s*(?:dass|daß|ob|that|whether)\b[^,;:]*$", re.I)
# ... and the main clause after it refusing to promise, confirm or say it: "..., können wir
# Ihnen vorab nicht geben / nicht zusagen", "..., is something we cannot promise"
_REFUSED_AFTER = re.compile(
    r"^[^,;:]*,\s*(?:[^.;:!?]{0,40}?\b)?(?:können|kann|dürfen|darf|werden|cannot|can't|can not|"
    r"are unable to|is not something|isn't something|we cannot)\b[^.;:!?]{0,40}?"
    r"\b(?:nicht|kein\w*|not|cannot|can't)\b[^.;:!?]{0,30}?"
    r"\b(?:geben|machen|zusagen|versprechen|garantieren|bestätigen|sagen|abgeben|aussprechen|"
    r"promise|guarantee|confirm|say|give|make)\b",
    re.I,
)


def refused_after(sentence: str, start: int, end: int) -> bool:
    """A finding inside a "dass"/"ob" clause whose main clause, after it, refuses to promise
    it: "Eine Zusage, dass die Pauschale entfällt, können wir Ihnen vorab nicht geben"."""
    return bool(_THAT_OPENS.search(sentence[:start]) and _REFUSED_AFTER.search(sentence[end:]))


def _clause(sentence: str, start: int, end: int) -> str:
    """The part of the sentence holding start..end: from the last ":", ";", ", und", ", and"
    or spaced dash before it to the next ";", ", und", ", and" or spaced dash. Another part
    does not make it a condition or a negation ("Das ist kein Problem: wir halten Ihnen den
    Preis frei, und eine neue Laufzeit entsteht nicht"); "kein Problem" / "no problem" is no
    negation."""
    begin = max(
        (m.end() for m in re.finditer(r"[;:]|,\s*(?:und|and)\b|\s[–—-]\s", sentence[:start], re.I)),
        default=0,
    )
    # a dash between spaces starts a clause of its own: "verzichten wir auf die Pauschale –
    # einen Nachweis brauchen wir nicht" (its "nicht" is the proof's, not the waiver's)
    cut = re.search(r";|,\s*(?:und|and|so|sodass|so that)\b|\s[–—-]\s", sentence[end:], re.I)
    part = sentence[begin:] if cut is None else sentence[begin : end + cut.start()]
    return re.sub(r"\b(?:kein problem|no problem)\b", " ", part, flags=re.I)


def clause_negated(sentence: str, match: re.Match[str], *, own: bool = True) -> bool:
    """A negation or refusal in the part of the sentence holding `match` (see _clause);
    with `own=False` the words of the match itself do not count ("auf keinen Fall")."""
    part = _clause(sentence, match.start(), match.end())
    if not own:
        part = part.replace(match.group(0), " ")
    return bool(
        re.search(r"\b(?:nicht|kein\w*|nie|never|not|no longer|cannot|can't|won't)\b", part, re.I)
    )


def decision(sentence: str, trusted_flat: str) -> str:
    """Why `sentence` states a decision for this customer (see the module docstring), or ""."""
    if sentence.rstrip().endswith("?"):
        return ""
    sworn = _SWORN.search(sentence)
    if sworn:
        return f"promises the customer something ({sworn.group(0)!r})"
    from drafter.drafting.applied import applied_rule

    rule = applied_rule(sentence)
    if rule:
        return (
            f"grants something because of the customer's circumstances ({rule.strip()!r}); "
            "whether a rule applies to this customer is the agent's call"
        )
    from drafter.drafting.applied import PAYOUT_BY

    payout = PAYOUT_BY.search(sentence)
    when = (payout.group("en") or payout.group("de")) if payout else ""
    untold = bool(when) and when.strip(" ,.").lower() not in trusted_flat
    if payout and untold and not clause_negated(sentence, payout):
        return f"promises money in the customer's account by a time no source gives ({when!r})"
    # an amount's decimal point is no sentence end for the rules' gaps ("price of 33.90
    # ct/kWh stays the same"); same length, so positions hold
    written, sentence = sentence, _DECIMAL.sub(",", sentence)
    found = (
        _DECISION.search(sentence)
        or DECISION_DE.search(sentence)
        or DECISION_EN.search(sentence)
        or CONFIRMED_END.search(sentence)
        or _VISIT.search(sentence)
        or _HELD.search(sentence)
    )
    money = MONEY_GIVEN.search(sentence) if found is None else None
    found = found or money
    if found is None:
        return ""
    clause = proof_only_removed(_clause(sentence, found.start(), found.end()))
    clause = _NO_REVIEW.sub(lambda m: " " * len(m.group(0)), clause)
    if money:
        clause = WHEN_ONLY.sub(" ", clause)
    if _NOT_ASSERTED.search(clause) or (_THEN.search(clause) and _OPENS_IF.match(sentence)):
        return ""  # ... or the consequence of the sentence's opening condition
    words = [w for w in re.findall(r"[^\W\d_]{4,}", sentence.lower()) if w not in _FILLER]
    known = set(re.findall(r"[^\W\d_]{4,}", trusted_flat))
    figures = set(
        re.findall(r"\d+(?:[.,]\d+)?", trusted_flat) + _NUMBER_WORDS.findall(trusted_flat)
    )
    # a citation marker ("[1]") is no figure of the sentence
    from drafter.drafting.check_base import CITATION

    bare = CITATION.sub(" ", written)
    numbers = re.findall(r"\d+(?:[.,]\d+)?", bare) + _NUMBER_WORDS.findall(bare)
    amounts = {m.group(1) for m in _AMOUNT.finditer(trusted_flat)}
    own_numbers = all(n.lower() in figures for n in numbers) and all(
        m.group(1) in amounts for m in _AMOUNT.finditer(written)
    )
    if own_numbers and words and sum(_known(w, known) for w in words) >= 0.8 * len(words):
        return ""  # the article's own words and figures: a policy restated
    return f"states a decision for the customer ({written[found.start() : found.end()]!r})"


def _known(word: str, known: set[str]) -> bool:
    """`word` is in the trusted text as written, inflected or as a compound's part: the same
    Snowball stem ("versäumten" / "versäumt"), a longer known form ("glasfasertermin" /
    "glasfaserterminen") or a known word of 6+ letters it ends with ("gutschreiben" /
    "schreiben")."""
    if word in known:
        return True
    from drafter.drafting.check_base import _stemmer

    stems = {_stemmer("de").stemWord(word), _stemmer("en").stemWord(word)}
    return any(
        k.startswith(word)
        or (len(k) >= 6 and word.endswith(k))
        or _stemmer("de").stemWord(k) in stems
        or _stemmer("en").stemWord(k) in stems
        for k in known
    )


# --- used by drafter.drafting.commitments and .commitment_paraphrases ----------------------


def announced(sentence: str, match: re.Match[str]) -> bool:
    """'den Termin kündigen wir 2 Wochen vorher an': the separable verb ankündigen."""
    if "kündig" not in match.group(0).lower():
        return False
    clause = re.split(r"[,;:.!?]", sentence[match.end() :], maxsplit=1)[0]
    return bool(re.search(r"\ban\s*(?:\[\d+\]\s*)*$", clause.strip()))


def said_in(match: re.Match[str], trusted_flat: str) -> bool:
    """The phrase, or every content word of it, is in a trusted article (the article itself
    describes this action: "verzichten wir auf die Sperre" vs "wir verzichten auf die Sperre")."""
    phrase = " ".join(match.group(0).split()).lower()
    if phrase in trusted_flat:
        return True
    words = {w for w in re.findall(r"[^\W\d_]{4,}", phrase) if w not in _SAID_FILLER}
    known = set(re.findall(r"[^\W\d_]{4,}", trusted_flat))
    return bool(words) and words <= known


_SAID_FILLER = frozenset(
    re.findall(
        r"\w+",
        "ihnen ihre ihren ihrem ihrer dein deine deinen eure unsere unser wird werden werde "
        "your yours will shall going also then now gladly personally immediately",
    )
)


_DATE_DOTS = re.compile(
    r"\b\d{1,2}\.\s?(?:\d{1,2}\.(?:\d{2,4}\b)?|(?:Januar|Februar|März|April|Mai|Juni|Juli|"
    r"August|September|Oktober|November|Dezember)\b)"
    # a day of the month before a lowercase word ("auf den 20. umgestellt", "am 15. eines
    # Monats"): no German sentence starts lowercase
    r"|\b\d{1,2}\.(?=\s[a-zäöüß])"
)


def undot(text: str) -> str:
    """`text` with the dots of German dates turned into spaces, same length ("zum 31.12.",
    "am 1. März"): the rules' "no sentence end" gaps then read over a date; amounts
    ("12.50 EUR") keep theirs."""
    return _DATE_DOTS.sub(lambda m: m.group(0).replace(".", " "), text)


# "ob"/"whether", or a German verb-first condition: "Haben Sie Ihr Handy gewechselt, ..."
IF_CLAUSE = re.compile(
    r"\b(?:ob|whether)\b|(?:^|:)\W*(?:haben|hat|hast|ist|sind|wurde|wurden|sollte|sollten|war|waren"
    r"|wäre|wären|hatte|hatten|gab|gibt|liegt|lag|kam|kommt)\s+"
    r"(?:sie|du|ihr|es|er|das|der|die)\b[^,]{0,80},",
    re.I,
)
