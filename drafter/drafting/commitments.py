"""`commitment` warnings: what a reply says was done, granted or promised for this customer.

An agent who sends such a reply binds the company to something nobody decided. `check_reply`
(called by drafter.drafting.harm) looks at each sentence:

- done or granted, perfect/passive ("Ihr Vertrag wurde gekündigt", "we have refunded", "the
  fee is waived", "Kündigung ist bestätigt"); a receipt ("we have received your cancellation")
  is not a commitment;
- money promised (bonus, credit, refund) with an amount no trusted source gives, and any sum
  the company says it pays ("die Pauschale von 150 EUR überweisen wir Ihnen", "we will add
  25 EUR") with such an amount (the customer's own credit, their figure, paid back is not);
- a fee or contract term said to lapse ("die Mindestlaufzeit entfällt", "the notice period
  no longer applies"); a negated done-statement ("kann nicht geändert werden") is none;

and then, in the sentences left, the paraphrases (`check`):

- a future promise to act on this customer's contract or money ("wir werden Ihren Vertrag
  zum 31.12. kündigen", "we'll credit 50 EUR", "I will cancel the reminder fee");
- a guarantee ("wir garantieren Ihnen, dass Ihr Anschluss nie gesperrt wird", "we promise
  that ...");
- an exceptional grant ("ausnahmsweise", "kulanzweise", "as a goodwill gesture", "as a one-off",
  "free of charge for you");
- a change that takes effect now ("ab sofort", "mit sofortiger Wirkung", "effective immediately");
- a stated account state that ends a claim ("Ihre Rechnung ist beglichen", "your balance is
  cleared", "the reminder is void", "you can ignore the reminder", "no further payment is due",
  "die Pauschale wird Ihnen nicht berechnet");
- a new amount for this customer's instalment or price that no trusted source gives
  ("Ihr neuer Abschlag beträgt 20 EUR", "your monthly payment will be 35 EUR from March");
- a claim dropped ("wird nicht mehr eingefordert", "nothing more will be charged"), a cut-off
  ruled out ("eine Sperre ist dauerhaft ausgeschlossen"), this customer's contract said to
  end on a date ("your contract will end on 31 January"; "der Vertrag endet dann ..."
  explains a rule), a retroactive end ("endet rückwirkend"), a start backdated to a date
  ("we will register you backdated to 1 August"; "possible retroactively up to 6 weeks" is not).

A sentence that is a question, a condition ("if", "wenn", "sobald", "solange", a verb-first
clause), what follows from the customer's own step ("wenn Sie ..., ist die Sperre
aufgehoben"), an announcement ("kündigen wir ... an") or what a trusted article itself says
is not flagged. Each finding is a `commitment` warning with the sentence as span.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from drafter.drafting.applied import ACT_DONE
from drafter.drafting.check_base import sentences
from drafter.drafting.decisions import (
    IF_CLAUSE,
    SPARED,
    WAIVED,
    announced,
    no_more,
    refused_before,
    said_in,
    undot,
)
from drafter.models import DraftWarning

# actions on the customer's contract or money that only an agent may decide
_ACTION_DE = (
    r"kündigen|stornieren|gutschreiben|erstatten|zurückerstatten|erlassen|streichen|aufheben|"
    r"zurückzahlen|auszahlen|überweisen|beenden|umstellen|senken|reduzieren|aussetzen|stunden|"
    r"verschieben|freischalten|löschen|ausbuchen|niederschlagen|verzichten"
)
_ACTION_EN = (
    r"cancel|terminate|close|end|switch|refund|reimburse|credit|waive|reverse|write off|remove|"
    r"reduce|lower|suspend|defer|postpone|pay out|transfer|release|drop|stop charging|"
    # a service set up for this customer: "we'll set up your connection at the new address"
    r"set up|connect|"
    r"stop the (?:reminder|dunning|cut-off)"
)
_FUTURE = re.compile(
    r"\b(?:wir|ich)\s+(?:werden|werde)\b(?:[^.!?;:]|(?<=\d)\.){0,80}?\b(?:" + _ACTION_DE + r")\b"
    r"|\b(?:we|i)\s*(?:will|'ll|shall|are going to|am going to)\s+(?:now\s+|also\s+|then\s+|"
    r"immediately\s+|gladly\s+|personally\s+)?(?:" + _ACTION_EN + r")\w*\b"
    r"|\b(?:wir|ich)\s+(?:kündigen|stornieren|erstatten|erlassen|streichen|schreiben|überweisen|"
    r"zahlen|buchen)\s+(?:Ihnen|dir|Ihren|Ihre|deinen|deine|den|die|das)\b"
    r"[^.!?;:]{0,60}?\b(?:gut|zurück|aus|ab|sofort|heute|morgen|umgehend)\b"
    # German separable verbs, present tense: "wir heben den Vertrag auf", "setzen wir Ihre
    # Abschläge aus", "schreiben wir Ihnen 50 Euro gut"
    r"|\b(?:wir (?:heben|setzen|schreiben|zahlen|rechnen)|(?:heben|setzen|schreiben|"
    r"zahlen|rechnen) wir)\s[^.!?;:]{0,80}?\b(?:auf|aus|gut|zurück|ab)\b"
    r"(?=\s*(?:\[\d+\])?\s*(?:[.,;!]|$|und\b))"
    r"|\b(?:wir (?:erlassen|stornieren|streichen|kündigen|verzichten|reduzieren|senken|kürzen|"
    r"ermäßigen)|(?:erlassen|stornieren|streichen|kündigen|verzichten|reduzieren|senken|kürzen|"
    r"ermäßigen) wir)\b",
    re.I,
)
_GRANT = re.compile(
    r"\b(?:ausnahmsweise|kulanzweise|aus kulanz|als kulanz\w*|als entgegenkommen|"
    r"als (?:kleine )?entschädigung|einmalig für sie|"
    r"as an exception|as a (?:one-off|one-time|goodwill) \w+|as a gesture of goodwill|"
    r"as a goodwill gesture|exceptionally|on this occasion only|als ausgleich|zum ausgleich|"
    r"free of charge for you|at no (?:extra )?cost to you|on the house|"
    r"by way of apology|as compensation|zur entschädigung)\b",
    re.I,
)
# a guarantee or promise about what will (not) happen to this customer
_GUARANTEE = re.compile(
    r"\b(?:garantier\w*|versprech\w*|sicher\w* (?:ihnen|dir) zu|guarantee\w*|promise\w*|"
    r"assure you)\b[^.!?;:]{0,40}?\b(?:dass|that)\b",
    re.I,
)
_NOW = re.compile(
    r"\b(?:ab sofort|mit sofortiger wirkung|ab heute|ab dem heutigen tag|zum heutigen tag|"
    r"with immediate effect|effective immediately|effective today|as of today|from today)\b",
    re.I,
)
_STATE = re.compile(
    r"\b(?:rechnung|forderung|mahnung|mahngebühr|nachzahlung|betrag|konto|saldo|rückstand|"
    r"bill|invoice|balance|account|debt|reminder|arrears|fee|charge|back payment|claim)\w*\b"
    r"[^.!?;:]{0,50}?\b(?:ist|sind|gilt|gelten|is|are|has been|have been|was|were|counts as)\s+"
    r"(?:somit |damit |nun |jetzt |hiermit |now |therefore |fully |hereby |für uns |for us )?"
    r"(?:beglichen|ausgeglichen|erledigt|bezahlt|gegenstandslos|hinfällig|ungültig|storniert|"
    r"auf null|settled|cleared|paid in full|paid off|void|null and void|closed|"
    r"written off|zeroed|wiped)\b"
    r"|\b(?:können|dürfen|könnt|kannst) (?:sie|du|ihr) (?:die|diese|unsere|das)? ?"
    r"(?:mahnung|zahlungserinnerung|rechnung|forderung|schreiben)\w* (?:einfach )?ignorieren\b"
    r"|\b(?:mahnung|zahlungserinnerung|forderung|rechnung)\w*\b[^.!?;:]{0,40}?"
    r"\b(?:können|dürfen|kannst|könnt)\b[^.!?;:]{0,30}?\b(?:ignorieren|vergessen|wegwerfen)\b"
    r"|\byou (?:can|may) (?:safely |simply |just )?(?:ignore|disregard) (?:the|this|our|that) "
    r"(?:reminder|bill|invoice|dunning|demand|letter|notice)\b"
    r"|\bno (?:further |more )?(?:payment|amount|money) (?:is |will be )?(?:due|owed|required|"
    r"needed|necessary)\b"
    r"|\b(?:sie|du) (?:schulden|schuldest) uns (?:nichts|keinen cent)\b"
    r"|\byou (?:owe|owed) us nothing\b|\byou do not owe us\b|\byou don't owe us\b"
    # a charge that will not be made
    r"|\b(?:wird|werden)\s+(?:ihnen|dir)\s+(?:auch\s+)?(?:nicht|nichts)\s+(?:berechnet|in rechnung "
    r"gestellt)|\byou (?:will not|won't) be charged\b|\bwe (?:will not|won't) charge you\b"
    # a claim that will not be pursued: "wird nicht mehr eingefordert", "nothing more will be
    # charged"
    r"|\b(?:wird|werden)\s+(?:ihnen\s+|dir\s+)?(?:nicht mehr|nicht länger|nie)\s+(?:eingefordert|"
    r"gefordert|verlangt|berechnet|erhoben|eingezogen|geltend gemacht|abgebucht)"
    r"|\bwill no longer be (?:charged|collected|claimed|demanded|billed|debited)\b"
    r"|\bnothing (?:more |further |else )?will be (?:charged|billed|collected|debited)\b"
    r"|\bno (?:further|more) (?:charges?|costs?|payments?) will be (?:made|charged|applied|due)\b",
    re.I,
)
_NEW_AMOUNT = re.compile(
    r"\b(?:ihr|dein|der|your|the)\s+(?:neuer?|künftiger?|monatliche[rn]?|new|future|"
    r"monthly|reduced|lower|adjusted)?\s*(?:abschlag|gasabschlag|stromabschlag|monatsbeitrag|"
    r"monatsbetrag|grundpreis|arbeitspreis|preis|instalment|installment|monthly payment|"
    r"payment|price|unit price|standing charge|rate)\w*\b[^.!?;:\d]{0,40}?"
    r"\b(?:beträgt|liegt bei|ist|wird|sinkt auf|is|will be|comes to|drops to|goes down to|"
    r"is now|amounts to)\b",
    re.I,
)
_CONDITION = re.compile(
    r"\b(?:ob|falls|wenn|sofern|sobald|nachdem|solange|whether|if|once|when|as soon as|"
    r"after(?!\s+(?:that|this|the|which)\b)|unless|provided|as long as)\b"
    # a German verb-first condition: "Haben Sie Ihr Handy gewechselt, setzen wir ... zurück"
    r"|^\W*(?:haben|hat|hast|ist|sind|wurde|wurden|sollte|sollten|war|waren|wäre|wären|hatte"
    r"|hatten|gab|gibt|liegt|lag|kam|kommt)\s+(?:sie|du|ihr|es|er|das|der|die)\b[^,]{0,80},",
    re.I,
)
_NEGATION = re.compile(r"\b(?:nicht|kein\w*|nie|never|not|no longer|cannot|can't|won't)\b", re.I)

Amounts = Callable[[str], list[str]]  # sentence -> amounts in it no trusted source gives

# --- done or granted: "Ihr Vertrag wurde gekündigt", "we have refunded"; money promised ------
_DONE = re.compile(
    r"\b(?:haben|habe|hat|ist|sind|wurde|wurden)\b(?:[^.;:!?]|(?<=\d)\.){0,80}?\b(?:ge|zurück|ab|um|aus|ein|"
    r"auf|an|gut|vor|ver|er|be|storn|aufge)?\w*(?:kündigt|beendet|storniert|gutgeschrieben|"
    r"erstattet|erlassen|verschoben|umgestellt|gesenkt|geändert|angepasst|reduziert|erhöht|"
    r"gestundet|verlängert|genehmigt|freigegeben|gewechselt|aufgehoben|zurückerstattet|"
    r"überwiesen|ausgezahlt|gestrichen|verzichtet|entfernt|gelöscht|zurückgesetzt|freigeschaltet|"
    r"entsperrt|ausgebucht|zurückgenommen|deaktiviert|eingerichtet|vereinbart|(?<!ab)gebucht|"
    r"korrigiert|berichtigt|markiert|"
    # lowered, suspended or granted: "auf 50 EUR herabgesetzt", "einen Aufschub eingeräumt"
    r"herabgesetzt|heruntergesetzt|festgesetzt|ausgesetzt|eingeräumt|gewährt|bewilligt|"
    r"zugesagt|zugestanden)\b"
    r"|\b(?:i|we)(?: have|'ve)\b(?:[^.;:!?]|(?<=\d)\.){0,60}?"
    r"\b(?:cancel+ed|terminated|ended|switched|changed|"
    r"moved|credited|refunded|waived|reduced|lowered|increased|postponed|deferred|extended|"
    r"approved|granted|removed|reversed|paid|reset|unlocked|unblocked|deleted|written off|"
    r"set up|arranged|booked|corrected|adjusted|applied|amended|marked|flagged|cut|halved|"
    r"paused|suspended|put on hold|lifted|"
    r"(?:processed|actioned|executed) (?:your|the) (?:notice|cancellation|termination|refund|"
    r"switch|change|request to cancel))\b"
    r"|\b(?:has|have) been (?:cancel+ed|terminated|ended|switched|changed|moved|credited|refunded|"
    r"waived|reduced|lowered|postponed|deferred|extended|approved|granted|removed|reversed)\b"
    r"|\bbestätige[n]? (?:ich|wir)? ?(?:ihnen|dir)?,? dass\b|\b(?:i|we) (?:can )?confirm that\b"
    r"|\bno longer (?:applies|apply|have to pay|need to pay)\b|\bwaive[ds]?\b"
    r"|\b(?:müssen|brauchen) sie (?:weder|nichts|keine)\b.{0,40}\b(?:zahlen|leisten)\b"
    r"|\byou (?:do not|don't|no longer) (?:need|have) to pay\b"
    r"|\b\w*?(?:gebühr|pauschale|mindestlaufzeit|kündigungsfrist|vertragslaufzeit|"
    r"vertragsstrafe|fee|charge|minimum term|notice period)\w* (?:entfällt|entfallen|is waived|"
    r"are waived|no longer applies|does not apply|doesn't apply|will not apply|won't apply|"
    r"will not be (?:charged|due|payable)|fällt (?:für sie |in ihrem fall )?(?:nicht an|weg))\b"
    r"|\b(?:entfällt|entfallen) (?:für sie |in ihrem fall |dann |damit )?(?:die|der|das|ihre?) "
    r"(?:\w+)?(?:gebühr|pauschale|mindestlaufzeit|kündigungsfrist|vertragslaufzeit|vertragsstrafe)"
    r"|\b(?:kündigung|cancellation|termination|wechsel|switch|änderung|change|erstattung|refund"
    r"|gutschrift|credit|stundung|deferral)\w* (?:ist|wurde|is|has been) (?:hiermit )?"
    r"(?:bestätigt|confirmed|approved|genehmigt)\b",
    re.I,
)
_BENEFIT = re.compile(
    r"\b(?:prämie|bonus|gutschrift|kulanz\w*|rabatt|nachlass|erstattung|entschädigung|gutschein|"
    r"treuebonus|wechselprämie|credit|refund|compensation|voucher|discount|goodwill|"
    r"loyalty offer|reduced (?:unit )?price|erstatten|gutschreiben|zurückzahlen|refunds?|"
    r"reimburse\w*|pay (?:you )?back)\b",
    re.I,
)
_PROMISE = re.compile(
    r"\b(?:erhalten sie (?:von uns)?|bekommen sie|(?:kunden|customers) (?:erhalten|receive|get)"
    r"|wir (?:zahlen|schreiben|erstatten|gewähren|überweisen)"
    r"|(?:zahlen|schreiben|erstatten|gewähren|überweisen|buchen) wir"
    r"|(?:you|you'll) (?:will )?(?:receive|get|pay)"
    r"|we (?:will|'ll) (?:pay|credit|refund|give|grant|add|transfer|send|issue|book)"
    r"|we are giving)\b",
    re.I,
)


# the company paying the customer: with an amount no trusted source gives, a promise whatever
# the money is called ("die Pauschale von 150 EUR überweisen wir Ihnen")
_WE_PAY = re.compile(
    r"\b(?:wir (?:zahlen|schreiben|erstatten|überweisen)|(?:zahlen|schreiben|erstatten|überweisen)"
    r" wir|we(?: will|'ll)? (?:pay|credit|refund|transfer|add) (?:you|it|the|this|a|an|\d))",
    re.I,
)


_OWN_BALANCE = re.compile(r"\b(?:ihr|dein) guthaben\b|\byour (?:credit|balance)\b", re.I)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _digits_of(text: str) -> set[str]:
    return {_digits(m) for m in re.findall(r"\d[\d.,]*\d|\d", text)}


def _warning(message: str, sentence: str) -> DraftWarning:
    return DraftWarning(code="commitment", message=message, span=sentence.strip())


def check_reply(
    body: str, trusted_flat: str, foreign_amounts: Amounts, customer: str = ""
) -> list[DraftWarning]:
    """`commitment` warnings for a reply: things said to be done or granted for the customer,
    money promised with an amount no trusted source gives, then the paraphrases (`check`)."""
    found: list[DraftWarning] = []
    rest: list[str] = []  # sentences left for the paraphrase rules (`check`)
    spans: list[str] = []  # ... as written (the rules read them with dates undotted)
    flat, trusted_flat = undot(body), undot(trusted_flat)
    for a, b in sentences(body):
        sentence = flat[a:b]
        flagged = len(found)
        done = _DONE.search(sentence) or WAIVED.search(sentence) or ACT_DONE.search(sentence)
        if (
            done
            and not IF_CLAUSE.search(sentence)
            and not _negated_done(done.group(0))
            and not refused_before(sentence, done.start())
            and not _WHEN.search(sentence[: done.start()])
        ):
            said = " ".join(done.group(0).split()).lower()
            if sentence.rstrip().endswith("?") or said in trusted_flat:
                continue  # a question, or what the article itself says
            if not _receipt_only(sentence, done):
                found.append(
                    _warning(
                        "the reply says something was already done or granted "
                        f"for the customer ({done.group(0).strip()!r}); drafter made no such "
                        "change, check it",
                        body[a:b],
                    )
                )
                continue
        benefit = bool(_BENEFIT.search(sentence) and _PROMISE.search(sentence))
        if benefit or _WE_PAY.search(sentence):
            foreign = foreign_amounts(sentence)
            if not benefit and _OWN_BALANCE.search(sentence):
                # the customer's own credit (their figure), paid back as the article says
                foreign = [x for x in foreign if _digits(x) not in _digits_of(customer)]
            if foreign:
                message = f"the reply promises {foreign[0]} that no trusted source backs"
                found.append(_warning(message, body[a:b]))
        if len(found) == flagged:
            rest.append(sentence)
            spans.append(body[a:b])

    return found + check(rest, trusted_flat, foreign_amounts, spans)


# "wenn Sie das Passwort zurücksetzen, ist die Sperre sofort aufgehoben": what follows from a
# step the customer takes, not something done ("as if ..." is no condition)
_WHEN = re.compile(r"\b(?:wenn|falls|sobald|(?<!\bas )if|once|as soon as)\b[^;]*,[^;]*$", re.I)


def _negated_done(said: str) -> bool:
    """'ist ... nicht geändert', 'has not been cancelled': nothing was done (the phrases that
    are negative by nature, "you don't need to pay", are no auxiliary + participle)."""
    aux = re.match(r"(?:haben|habe|hat|ist|sind|wurde|wurden|i|we|has|have)\b", said, re.I)
    return bool(aux) and bool(_NEGATION.search(said))


_RECEIPT = re.compile(
    r"\b(?:erhalten|bekommen|received|got|weitergegeben|weitergeleitet|passed on|forwarded|"
    r"notiert|noted|vorgemerkt|registriert|gemeldet|geprüft)\b",
    re.I,
)


def _receipt_only(sentence: str, done: re.Match[str]) -> bool:
    """'We have received your cancellation' is a receipt, not a commitment."""
    word = done.group(0).lower()
    if word in ("bereits", "schon", "already"):
        rest = sentence[done.end() :]
        return bool(_RECEIPT.search(rest[:60])) and not _BENEFIT.search(sentence)
    return bool(_RECEIPT.search(word))


# --- paraphrases --------------------------------------------------------------------------


def check(
    sentences: list[str],
    trusted_flat: str,
    foreign_amounts: Amounts,
    spans: list[str] | None = None,
) -> list[DraftWarning]:
    """`commitment` warnings for the reply's sentences (see the module docstring); `spans`:
    the sentences as written, when `sentences` are read with their dates undotted."""
    found: list[DraftWarning] = []
    for sentence, span in zip(sentences, spans or sentences, strict=True):
        if sentence.rstrip().endswith("?"):
            continue
        from drafter.drafting.decisions import decision

        reason = _reason(sentence, trusted_flat, foreign_amounts)
        reason = reason or decision(sentence, trusted_flat)
        if reason:
            found.append(
                DraftWarning(
                    code="commitment",
                    message=f"the reply {reason}; drafter made no such decision, check it",
                    span=span.strip(),
                )
            )
    return found


def _reason(sentence: str, trusted_flat: str, foreign_amounts: Amounts) -> str:
    conditional = bool(_CONDITION.search(sentence))
    grant = _GRANT.search(sentence)
    if grant and not said_in(grant, trusted_flat) and not _NEGATION.search(grant.group(0)):
        return f"grants something as an exception ({grant.group(0)!r})"
    guarantee = _GUARANTEE.search(sentence)
    negated = guarantee and _NEGATION.search(sentence[: guarantee.end()])
    if guarantee and not negated and not said_in(guarantee, trusted_flat):
        return f"guarantees something for the customer ({guarantee.group(0)!r})"
    state = _STATE.search(sentence) or no_more(sentence) or SPARED.search(sentence)
    if state and not conditional and not said_in(state, trusted_flat):
        return f"declares a claim settled or void ({state.group(0).strip()!r})"
    from drafter.drafting.decisions import (
        ASSURED,
        BACKDATED,
        CONTRACT_END,
        RETROACTIVE,
        RULED_OUT,
    )

    retro = RETROACTIVE.search(sentence)
    if retro and not said_in(retro, trusted_flat):
        return f"ends or cancels something retroactively ({retro.group(0)!r})"
    if conditional:
        return ""
    from drafter.drafting.decisions import clause_negated

    ruled_out = RULED_OUT.search(sentence)
    assured = ASSURED.search(sentence)
    backdated = BACKDATED.search(sentence)
    # the phrase with its date, not only the word "rückwirkend" the article also uses
    if backdated and sentence[backdated.start() : backdated.end() + 12].lower() in trusted_flat:
        backdated = None
    end = CONTRACT_END.search(sentence)
    if re.search(r"\b(?:dann|then|in that case|in diesem fall)\b", sentence, re.I):
        end = None
    future = _FUTURE.search(sentence)
    if future and announced(sentence, future):
        future = None  # "kündigen wir ... an": ankündigen, to announce
    now = _NOW.search(sentence)
    # a negation counts in the finding's own clause only: "we have backdated your notice, so
    # you will not be billed" still backdates
    for found, what, own in (
        (ruled_out, "rules something out for the customer", True),
        (assured, "rules something out for the customer", True),
        (backdated, "backdates something for the customer", False),
        (end, "says the customer's contract ends on a date", False),
        (future, "promises an action on the customer's contract or money", True),
        (now, "says a change takes effect now", True),
    ):
        if (
            found
            and not clause_negated(sentence, found, own=found is not assured)
            and not (own and said_in(found, trusted_flat))
        ):
            return f"{what} ({found.group(0)!r})"
    amount = _NEW_AMOUNT.search(sentence)
    if amount and not clause_negated(sentence, amount):
        foreign = foreign_amounts(sentence[amount.start() :])
        if foreign:
            return f"sets a new amount ({foreign[0]}) no trusted source gives"
    return ""
