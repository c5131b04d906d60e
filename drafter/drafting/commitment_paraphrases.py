"""`commitment` paraphrases: promises, grants and settled claims in the sentences that
drafter.drafting.commitments.check_reply left (no done-statement, no money promised).

Owns `check` and its word lists:

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
  ("we will register you backdated to 1 August"; "possible retroactively up to 6 weeks" is not);

then drafter.drafting.decisions (decisions by vocabulary). It also holds `_NEGATION` and the
`Amounts` type that commitments shares.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from drafter.drafting.check_base import content_stems
from drafter.drafting.commitment_states import SPARED, free_restated, no_more
from drafter.drafting.decisions import announced, proof_only_removed, said_in
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
    # promised outright, German's own words for it: "den Einbau sagen wir Ihnen fest zu",
    # "wir sichern Ihnen ... zu"
    r"|\b(?:wir (?:sagen|sichern)|(?:sagen|sichern) wir) (?:ihnen|dir)\s[^.!?;:]{0,80}?\bzu\b"
    r"(?=\s*(?:\[\d+\])?\s*(?:[.,;!]|$|und\b))"
    # the customer's own expenses paid: "übernehmen auch Ihre Ausgaben im Café", "we'll
    # cover your taxi costs", "we are refunding you the full monthly price"
    r"|\b(?:wir (?:\w+ )?(?:übernehmen|erstatten|bezahlen|zahlen)|(?:übernehmen|erstatten|"
    r"bezahlen|zahlen) wir|und (?:übernehmen|erstatten|bezahlen))\s+(?:ihnen\s+)?(?:auch\s+|"
    r"außerdem\s+|zusätzlich\s+)?(?:ihre|deine|die)\s+(?:\w+\s+)?\w*(?:kosten|ausgaben|auslagen|"
    r"belege|quittungen)\b"
    r"|\bwe(?:'ll| will| are going to|'re| are)?\s+(?:also\s+|happily\s+|gladly\s+)?"
    r"(?:cover|pay for|reimburse|refund)\s+(?:you\s+)?(?:for\s+)?(?:your|the)\s+(?:\w+\s+)?"
    r"(?:costs?|expenses?|outlays?|receipts?)\b"
    r"|\bwe(?:'re| are)\s+(?:now\s+|also\s+|hereby\s+)?(?:cancell?|terminat|refund|reimburs|"
    r"credit|waiv|revers|reduc|lower|suspend|defer|postpon|switch|clos|writ)ing\b"
    r"|\b(?:wir (?:erlassen|stornieren|streichen|kündigen|verzichten|reduzieren|senken|kürzen|"
    r"ermäßigen)|(?:erlassen|stornieren|streichen|kündigen|verzichten|reduzieren|senken|kürzen|"
    r"ermäßigen) wir)\b",
    re.I,
)
# "Die Entschädigung rechnen wir anhand Ihres Tickets aus": the separable verb ausrechnen
# (to work out), no act on the customer's money; "rechnen wir ab" (to bill) stays one
_WORKED_OUT = re.compile(r"(?:wir rechnen|rechnen wir)\b.*\baus", re.I | re.S)
_GRANT = re.compile(
    r"\b(?:ausnahmsweise|kulanzweise|aus kulanz|als kulanz\w*|als entgegenkommen|"
    r"als (?:kleine )?entschädigung|einmalig für sie|"
    r"as an exception|as a (?:one-off|one-time|goodwill) \w+|as a gesture of goodwill|"
    r"as a goodwill gesture|exceptionally|on this occasion only|als ausgleich|zum ausgleich|"
    r"free of charge for you|at no (?:extra )?cost to you|on the house|"
    r"by way of apology|as compensation|zur entschädigung|"
    r"make an exception|making an exception|(?:eine )?ausnahme (?:machen|für sie)|"
    r"machen wir (?:gern |gerne )?eine ausnahme)\b",
    re.I,
)
# a guarantee or promise about what will (not) happen to this customer
_GUARANTEE = re.compile(
    r"\b(?:garantier\w*|versprech\w*|sicher\w* (?:ihnen|dir) zu|guarantee\w*|promise\w*|"
    r"assure you)\b[^.!?;:]{0,40}?\b(?:dass|that)\b"
    # an adverb guaranteeing a time: "findet garantiert innerhalb der nächsten 14 Tage statt"
    r"|\b(?:garantiert|guaranteed|definitely|certainly|auf jeden fall|ganz sicher)\b"
    r"[^.!?;:]{0,20}?\b(?:innerhalb|bis|vor|spätestens|within|by|before|at the latest)\b"
    r"(?=[^.!?;:]{0,30}?\d)",
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
    r"\b(?:ob|falls|(?<!auch )(?<!selbst )(?<!sogar )wenn|sofern|sobald|nachdem|solange|"
    r"whether|(?<!even )if|once|when|as soon as|"
    r"after(?!\s+(?:that|this|the|which)\b)|unless|provided|as long as)\b"
    # a step first: "nach einer Identitätsprüfung setzen wir ... zurück" (the article's rule)
    r"|\bnach (?:einer|der|dem|ihrer|erfolgreicher|erfolgreichen|kurzer) (?:\w+ )?\w*(?:prüfung|"
    r"bestätigung|identifizierung|verifizierung|rücksprache|kontrolle|freigabe)\b"
    # a German verb-first condition: "Haben Sie Ihr Handy gewechselt, setzen wir ... zurück"
    r"|^\W*(?:haben|hat|hast|ist|sind|wurde|wurden|sollte|sollten|war|waren|wäre|wären|hatte"
    r"|hatten|gab|gibt|liegt|lag|kam|kommt)\s+(?:sie|du|ihr|es|er|das|der|die)\b[^,]{0,80},",
    re.I,
)
_NEGATION = re.compile(r"\b(?:nicht|kein\w*|nie|never|not|no longer|cannot|can't|won't)\b", re.I)

Amounts = Callable[[str], list[str]]  # sentence -> amounts in it no trusted source gives


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
        if reason.startswith(_PROMISED_ACTION) and status_quo(sentence, trusted_flat):
            continue
        if reason:
            found.append(
                DraftWarning(
                    code="commitment",
                    message=f"the reply {reason}; drafter made no such decision, check it",
                    span=span.strip(),
                )
            )
    return found


_PROMISED_ACTION = "promises an action on the customer's contract or money"

# things going on as they are: "weiterhin", "wie bisher", "as before", "continue to"
_GOES_ON = re.compile(
    r"\b(?:weiterhin|wie bisher|wie gewohnt|nach wie vor|as before|as usual|as now|"
    r"continue to|continues to|still)\b",
    re.I,
)
STATUS_QUO_OVERLAP = 0.6  # share of the sentence's content words the trusted text has


def status_quo(sentence: str, trusted_flat: str) -> bool:
    """True when `sentence` says something goes on as it is ("Wir buchen Ihren Abschlag
    weiterhin am 15. ab") in mostly the trusted text's words: the article's practice,
    carried on, is no action promised for this customer."""
    goes_on = _GOES_ON.search(sentence)
    if not goes_on:
        return False
    # the clause that says it (up to a colon or semicolon), without the "goes on" word itself
    start = max(sentence.rfind(":", 0, goes_on.start()), sentence.rfind(";", 0, goes_on.start()))
    ends = [
        i for i in (sentence.find(":", goes_on.end()), sentence.find(";", goes_on.end())) if i >= 0
    ]
    clause = sentence[start + 1 : min(ends) if ends else len(sentence)]
    clause = clause[: goes_on.start() - start - 1] + " " + clause[goes_on.end() - start - 1 :]
    stems = content_stems(clause, "de")
    if not stems:
        return False
    return len(stems & content_stems(trusted_flat, "de")) / len(stems) >= STATUS_QUO_OVERLAP


def _reason(sentence: str, trusted_flat: str, foreign_amounts: Amounts) -> str:
    conditional = bool(_CONDITION.search(proof_only_removed(sentence)))
    grant = _GRANT.search(sentence)
    if grant and not said_in(grant, trusted_flat) and not _NEGATION.search(grant.group(0)):
        return f"grants something as an exception ({grant.group(0)!r})"
    guarantee = _GUARANTEE.search(sentence)
    negated = guarantee and _NEGATION.search(sentence[: guarantee.end()])
    if guarantee and not negated and not said_in(guarantee, trusted_flat):
        return f"guarantees something for the customer ({guarantee.group(0)!r})"
    state = _STATE.search(sentence) or no_more(sentence) or SPARED.search(sentence)
    if state and free_restated(sentence, state, trusted_flat):
        state = None
    if state and not conditional and not said_in(state, trusted_flat):
        return f"declares a claim settled or void ({state.group(0).strip()!r})"
    from drafter.drafting.commitment_states import (
        ASSURED,
        BACKDATED,
        CHARGE_DROPPED,
        CONFIRMED,
        CONTRACT_END,
        FIXED_FOR_GOOD,
        LAST_DAY,
        NOT_CHARGED,
        PRICE_KEPT,
        RETROACTIVE,
        RULED_OUT,
        WISH_GRANTED,
        said_together,
    )

    retro = RETROACTIVE.search(sentence)
    if retro and not said_in(retro, trusted_flat):
        return f"ends or cancels something retroactively ({retro.group(0)!r})"
    if conditional:
        return ""
    from drafter.drafting.decisions import clause_negated

    ruled_out = RULED_OUT.search(sentence)
    assured = ASSURED.search(sentence)
    fixed = FIXED_FOR_GOOD.search(sentence)
    spared = NOT_CHARGED.search(sentence)
    dropped = CHARGE_DROPPED.search(sentence)
    # an article's own rule in its words clears it; its mere word "charge" does not
    if dropped and " ".join(dropped.group(0).split()).lower() in trusted_flat:
        dropped = None
    confirmed = CONFIRMED.search(sentence)
    # the article's own confirmation ("Wir bestätigen die Kündigung sofort per E-Mail"), its
    # words in one sentence, not scattered over it
    if confirmed and said_together(confirmed, trusted_flat):
        confirmed = None
    kept = PRICE_KEPT.search(sentence)
    wish = WISH_GRANTED.search(sentence)
    backdated = BACKDATED.search(sentence)
    # the phrase with its date, not only the word "rückwirkend" the article also uses
    if backdated and sentence[backdated.start() : backdated.end() + 12].lower() in trusted_flat:
        backdated = None
    end = CONTRACT_END.search(sentence) or LAST_DAY.search(sentence)
    if re.search(r"\b(?:dann|then|in that case|in diesem fall)\b", sentence, re.I):
        end = None
    future = _FUTURE.search(sentence)
    if future and announced(sentence, future):
        future = None  # "kündigen wir ... an": ankündigen, to announce
    if future and _WORKED_OUT.fullmatch(future.group(0)):
        future = None  # "rechnen wir ... aus": ausrechnen, to work a figure out
    now = _NOW.search(sentence)
    # a negation counts in the finding's own clause only: "we have backdated your notice, so
    # you will not be billed" still backdates
    # (finding, what it says, whether a trusted article saying it clears it, whether the
    # negation is the finding's own: "auf keinen Fall", "berechnen wir Ihnen kein ...")
    for found, what, own, negative in (
        (ruled_out, "rules something out for the customer", True, False),
        (assured, "rules something out for the customer", True, True),
        (fixed, "swears a price or charge will never rise", True, True),
        (spared, "says a charge will not be made for the customer", True, True),
        (dropped, "says a charge will not be made for the customer", False, True),
        (confirmed, "confirms an appointment or change for the customer", False, False),
        (kept, "promises the customer's price stays as it is", True, False),
        (wish, "grants the customer's own request", True, False),
        (backdated, "backdates something for the customer", False, False),
        (end, "says the customer's contract ends on a date", False, False),
        (future, _PROMISED_ACTION, True, False),
        (now, "says a change takes effect now", True, False),
    ):
        if (
            found
            and not clause_negated(sentence, found, own=not negative)
            and not (own and said_in(found, trusted_flat))
        ):
            return f"{what} ({found.group(0)!r})"
    amount = _NEW_AMOUNT.search(sentence)
    if amount and not clause_negated(sentence, amount):
        foreign = foreign_amounts(sentence[amount.start() :])
        if foreign:
            return f"sets a new amount ({foreign[0]}) no trusted source gives"
    return ""
