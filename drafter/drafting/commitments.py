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

and then, in the sentences left, the paraphrases (drafter.drafting.commitment_paraphrases
`check`: future promises, guarantees, exceptional grants, changes effective now, claims
settled or dropped, new amounts, contract ends, retroactive or backdated changes).

A sentence that is a question, a condition ("if", "wenn", "sobald", "solange", a verb-first
clause), what follows from the customer's own step ("wenn Sie ..., ist die Sperre
aufgehoben"), an announcement ("kündigen wir ... an") or what a trusted article itself says
is not flagged. Each finding is a `commitment` warning with the sentence as span.
"""

from __future__ import annotations

import re

from drafter.drafting.applied import ACT_DONE
from drafter.drafting.check_base import sentences
from drafter.drafting.commitment_paraphrases import _NEGATION, Amounts, check
from drafter.drafting.commitment_states import WAIVED
from drafter.drafting.decisions import (
    IF_CLAUSE,
    clause_negated,
    refused_after,
    refused_before,
    undot,
)
from drafter.models import DraftWarning

# --- done or granted: "Ihr Vertrag wurde gekündigt", "we have refunded"; money promised ------
_DONE_DE = (
    r"(?:ge|zurück|ab|um|aus|ein|"
    r"auf|an|gut|vor|ver|er|be|storn|aufge)?\w*(?:kündigt|beendet|storniert|gutgeschrieben|"
    r"erstattet|erlassen|verschoben|umgestellt|gesenkt|geändert|angepasst|reduziert|erhöht|"
    # "gut/schlecht aufgehoben" is well or badly placed (a router in the cellar), no act
    r"gestundet|verlängert|genehmigt|freigegeben|gewechselt|"
    r"(?<!gut )(?<!schlecht )(?<!besser )(?<!bestens )(?<!sicher )aufgehoben|zurückerstattet|"
    r"überwiesen|ausgezahlt|gestrichen|verzichtet|entfernt|gelöscht|zurückgesetzt|freigeschaltet|"
    r"entsperrt|ausgebucht|zurückgenommen|deaktiviert|eingerichtet|vereinbart|(?<!ab)gebucht|"
    r"korrigiert|berichtigt|markiert|"
    # lowered, suspended or granted: "auf 50 EUR herabgesetzt", "einen Aufschub eingeräumt"
    r"herabgesetzt|heruntergesetzt|festgesetzt|ausgesetzt|eingeräumt|gewährt|bewilligt|"
    r"zugesagt|zugestanden|priorisiert|vorgezogen)"
)
# what only we do to the customer: "wir haben Sie zum 1. August angemeldet" (a meter or a
# wallbox "ist angemeldet" is a state, not our act)
# ... and a request carried out: "wir haben Ihren Wunsch gern umgesetzt", "wir haben Ihrer
# Bitte entsprochen" (a perfect with "wir/ich" only: "Sie sind Ihrer Pflicht nachgekommen" is none)
_WE_DID_DE = (
    r"(?:angemeldet|eingestuft|hochgestuft|herabgestuft|heruntergestuft|umgesetzt|entsprochen|"
    r"nachgekommen|stattgegeben)"
)
_DONE = re.compile(
    r"\b(?:haben|habe|hat|ist|sind|wurde|wurden)\b(?:[^.;:!?]|(?<=\d)\.){0,80}?\b"
    + _DONE_DE
    + r"\b"
    # a German main clause ends in its participle however long the middle field is: "Wir haben
    # Ihren Anschluss zum 1. Januar auf ... für 39,99 EUR im Monat umgestellt [1]."
    r"|\b(?:wir|ich)\s+(?:haben|habe)\b(?:[^.;:!?,]|(?<=\d)[.,](?=\d)){0,160}?\b(?:"
    + _DONE_DE
    + "|"
    + _WE_DID_DE
    + r")(?=\s*(?:\[\d+(?:,\s*\d+)*\]\s*)?(?:[.;:!?,]|$))"
    # the customer put on a tariff or plan: "we have registered you on Fix 24"
    r"|\b(?:i|we)(?: have|'ve)\s+(?:now\s+|already\s+|just\s+|successfully\s+)?(?:registered|"
    r"signed|enrolled|put|moved|placed|switched|transferred|added|upgraded|downgraded)\s+you\s+"
    r"(?:up\s+|over\s+|back\s+)?(?:on|onto|to|for|in|into)\b"
    r"|\b(?:i|we)(?: have|'ve)\b(?:[^.;:!?]|(?<=\d)\.){0,60}?"
    r"\b(?:cancel+ed|terminated|ended|switched|changed|"
    r"moved|credited|refunded|waived|reduced|lowered|increased|postponed|deferred|extended|"
    r"approved|granted|removed|reversed|paid|reset|unlocked|unblocked|deleted|written off|"
    r"implemented|fulfilled|"
    r"set up|arranged|booked|corrected|adjusted|applied|amended|marked|flagged|cut|halved|"
    r"paused|suspended|put on hold|lifted|prioriti[sz]ed|expedited|fast-tracked|brought forward|"
    r"(?:processed|actioned|executed) (?:your|the) (?:notice|cancellation|termination|refund|"
    r"switch|change|request to cancel))\b"
    r"|\b(?:has|have) been (?:cancel+ed|terminated|ended|switched|changed|moved|credited|refunded|"
    r"waived|reduced|lowered|postponed|deferred|extended|approved|granted|removed|reversed)\b"
    r"|\bbestätige[n]? (?:ich|wir)? ?(?:ihnen|dir)?,? dass\b|\b(?:i|we) (?:can )?confirm that\b"
    r"|\bno longer (?:applies|apply|have to pay|need to pay)\b|\bwaive[ds]?\b"
    r"|\b(?:we|i)(?:'re| are|'m| am) (?:\w+ )?waiving\b"
    r"|\b(?:müssen|brauchen) sie (?:weder|nichts|keine)\b.{0,40}\b(?:zahlen|leisten)\b"
    r"|\bsie (?:müssen|brauchen) (?:also |dann |damit |somit |daher |jetzt |nun )?"
    r"(?:weder|nichts|keine)\b.{0,40}\b(?:zahlen|bezahlen|leisten)\b"
    # a decision said to be taken, or its result: "hat unsere Kollegin bereits entschieden, dass
    # ...", "Ihr Vertrag gilt damit als aufgehoben", "your contract is hereby deemed cancelled"
    r"|\b(?:haben|habe|hat)\b(?:\s+\w+){0,3}?\s+(?:bereits\s+|schon\s+)?entschieden,? dass\b"
    r"|\b(?:has|have)\s+(?:already\s+)?decided\s+(?:that|to)\b"
    r"|\bgilt (?:damit |somit |hiermit |nun |jetzt |ab sofort )?als (?:aufgehoben|gekündigt|"
    r"storniert|widerrufen|beendet|erledigt|bezahlt|beglichen|ausgeglichen)\b"
    r"|\b(?:is|are) (?:hereby |now |therefore )?(?:deemed|considered|treated as) (?:\w+ )?"
    r"(?:cancel+ed|terminated|withdrawn|settled|paid)\b"
    r"|\byou (?:do not|don't|no longer) (?:need|have) to pay\b"
    r"|\b\w*?(?:gebühr|pauschale|mindestlaufzeit|kündigungsfrist|vertragslaufzeit|"
    r"vertragsstrafe|fee|charge|minimum term|notice period)\w* (?:entfällt|entfallen|is waived|"
    r"are waived|no longer applies|does not apply|doesn't apply|will not apply|won't apply|"
    r"will not be (?:charged|due|payable)|fällt (?:für sie |in ihrem fall )?(?:nicht an|weg))\b"
    # a charge that does not arise for this customer: "fällt für Sie kein Einbauentgelt an"
    # ("für die Auszahlung fallen keine Gebühren an" states the rule for everyone)
    r"|\b(?:fällt|fallen) (?:für sie|ihnen|in ihrem fall|bei ihnen|für dich|dir) kein\w* (?:\w+ )?"
    r"\w*(?:gebühr|pauschale|entgelt|kosten|zuschlag|vertragsstrafe)\w* an\b"
    r"|\b(?:entfällt|entfallen) (?:für sie |in ihrem fall |dann |damit )?(?:die|der|das|ihre?) "
    r"(?:\w+)?(?:gebühr|pauschale|mindestlaufzeit|kündigungsfrist|vertragslaufzeit|vertragsstrafe)"
    r"|\b(?:kündigung|cancellation|termination|wechsel|switch|änderung|change|erstattung|refund"
    r"|gutschrift|credit|stundung|deferral|notice)\w* (?:ist|wurde|is|has been|geht) "
    r"(?:hiermit |hereby |damit |somit |so |now |nun |jetzt |also )?(?:bestätigt|confirmed|"
    r"approved|genehmigt|accepted|angenommen|akzeptiert|in ordnung|durchgeführt|erledigt|"
    r"complete|completed|abgeschlossen|through|durch)\b",
    re.I,
)
# any act we did to the customer's contract, money or appointment, by definition rather than
# by verb: "wir haben Ihren Termin auf Samstag umgelegt", "den Abbuchungstag für Ihren Vertrag
# ... umgestellt" (a perfect with "wir/ich", an object "Ihr-/dein-", a noun of `_AFFAIRS` in
# between and a participle ending the clause); not reading, checking, noting, answering or
# passing something on (`_NOTED`), nor an act on a message, a photo or a request
_YOURS_DONE = re.compile(
    r"\b(?:wir|ich)\s+(?:haben|habe)\b(?=[^.;:!?]{0,60}\b(?:ihr|ihre|ihren|ihrem|ihres|dein|"
    r"deine|deinen|deinem|deines)\b)(?:[^.;:!?]|(?<=\d)[.,](?=\d)){0,160}?"
    r"\b(?P<done>\w*ge\w+(?:t|en)|\w+iert|(?:ver|be|er|ent|zer|über)\w+t)(?=\s*(?:\[\d+(?:,\s*\d+)*\]\s*)?(?:[.;:!?,]|$))",
    re.I,
)
_NOTED = re.compile(
    r"(?:erhalten|bekommen|gelesen|geprüft|notiert|vermerkt|weitergeleitet|weitergegeben|"
    r"gesehen|verstanden|erfasst|gespeichert|registriert|aufgenommen|geschickt|gesendet|"
    r"versandt|verschickt|beantwortet|informiert|nachgesehen|festgestellt|gemeldet|gebeten|"
    r"gefragt|geschrieben|erklärt|beschrieben|angesehen|angeschaut|bearbeitet|gefunden|"
    r"zugeordnet|eingegangen|vorliegen|gelegen|gegangen)$",
    re.I,
)


_AFFAIRS = re.compile(
    r"(?:termin|vertrag|abschlag|tarif|abbuchung|lastschrift|fälligkeit|zahlung|rate|rechnung|"
    r"gebühr|mahn|frist|laufzeit|preis|kündigung|guthaben|stundung|sperre|anschluss|lieferung|"
    r"versorgung|bonus|gutschrift|entgelt|kosten)",
    re.I,
)


# ... the same in English: "we have rescheduled your appointment", "I've moved your direct
# debit to the 20th" (we/I + have + a past participle + your + a noun of contract, money or
# appointment)
_YOURS_DONE_EN = re.compile(
    r"\b(?:i|we)(?: have|'ve)\s+(?:(?:already|now|just|also|successfully)\s+)?"
    r"(?P<done>[a-z]+ed|set|put|made|taken|given|brought|split)\s+(?:[\w-]+\s+){0,3}?your\s+"
    r"(?:[\w-]+\s+){0,2}?(?:appointment|visit|contract|instal+ments?|direct debit|debit|payments?|"
    r"bill|fees?|charges?|deadline|due date|notice|cancellation|credit|balance|tariff|price|"
    r"rate|term|supply|connection|meter (?:change|exchange)|booking)\b",
    re.I,
)
_NOTED_EN = re.compile(
    r"^(?:received|read|noted|forwarded|passed|checked|reviewed|recorded|logged|saved|answered|"
    r"sent|emailed|looked|seen|explained|attached|included|found|asked|informed|contacted|"
    r"requested|escalated|registered|listed|calculated|compared)$",
    re.I,
)


def _yours_done(sentence: str) -> re.Match[str] | None:
    """`_YOURS_DONE` on a contract, money or appointment (`_AFFAIRS`), or `_YOURS_DONE_EN`,
    unless its act is only noting or passing on (`_NOTED`, `_NOTED_EN`)."""
    english = _YOURS_DONE_EN.search(sentence)
    if english and not _NOTED_EN.match(english.group("done")):
        return english
    found = _YOURS_DONE.search(sentence)
    if found is None or _NOTED.search(found.group("done")):
        return None
    return found if _AFFAIRS.search(found.group(0)[: -len(found.group("done"))]) else None


_BENEFIT = re.compile(
    r"\b(?:prämie|bonus|gutschrift|kulanz\w*|rabatt|nachlass|erstattung|entschädigung|gutschein|"
    r"treuebonus|wechselprämie|credit|refund|compensation|voucher|discount|goodwill|"
    r"loyalty offer|reduced (?:unit )?price|erstatten|gutschreiben|zurückzahlen|refunds?|"
    r"reimburse\w*|pay (?:you )?back)\b",
    re.I,
)
_PROMISE = re.compile(
    r"\b(?:erhalten sie (?:von uns )?(?:auch |zusätzlich |außerdem |dann |noch |sofort |"
    r"automatisch )?|bekommen sie|(?:kunden|customers) (?:erhalten|receive|get)"
    r"|wir (?:zahlen|schreiben|erstatten|gewähren|überweisen)"
    r"|(?:zahlen|schreiben|erstatten|gewähren|überweisen|buchen) wir"
    r"|(?:you|you'll) (?:will )?(?:also |then |still |now |additionally |automatically |"
    r"even |immediately |directly )?(?:receive|get|pay)"
    r"|we (?:will|'ll) (?:pay|credit|refund|give|grant|add|transfer|send|issue|book)"
    r"|we are giving"
    # the grant itself declared confirmed: "your 100 EUR loyalty bonus is confirmed"
    r"|(?:is|are|has been|have been|ist|wird|wurde) (?:hereby |hiermit )?"
    r"(?:confirmed|bestätigt))\b",
    re.I,
)


# the company paying the customer: with an amount no trusted source gives, a promise whatever
# the money is called ("die Pauschale von 150 EUR überweisen wir Ihnen")
_WE_PAY = re.compile(
    r"\b(?:wir (?:zahlen|schreiben|erstatten|überweisen)|(?:zahlen|schreiben|erstatten|überweisen)"
    r" wir|we(?: will|'ll)? (?:pay|credit|refund|transfer|add) (?:you|it|the|this|a|an|\d))"
    # the verb at the end of a German relative or subordinate clause: "den Treuebonus, den wir
    # Ihnen mit der nächsten Rechnung gutschreiben", "..., die wir Ihnen dann überweisen"
    r"|\bwir (?:ihnen|dir|euch) (?:[\w-]+ ){0,6}?(?:gutschreiben|erstatten|überweisen|auszahlen|"
    r"zurückzahlen|zahlen)\b"
    # ... with no "Ihnen", the verb closing the clause: "die wir zusätzlich zur Entschädigung
    # auf Ihrer nächsten Rechnung gutschreiben."
    r"|\bwir (?:[\w-]+ ){1,8}?(?:gutschreiben|erstatten|überweisen|auszahlen|zurückzahlen)"
    r"(?=\s*(?:[.,;!]|$))"
    # English, the bill or account named: "which we credit to your next bill"
    r"|\bwe(?: will|'ll)? (?:credit|refund|add|pay)(?: back)? (?:to|on|onto) (?:your|the)\b",
    re.I,
)
# what a payout covers: a whole period's price or bill ("den vollen Monatspreis", "den
# ganzen Monat", "the full monthly fee", "the whole month"); no article pays that back unless it
# says so in these words
_WHOLE = re.compile(
    r"\b(?:(?:den|die|das|einen|eine)\s+)?(?:vollen|volle|ganzen|ganze|kompletten|komplette|"
    r"gesamten|gesamte)\s+(?:monat\w*|monatspreis\w*|grundpreis\w*|abschlag\w*|"
    r"monatsbeitrag\w*|monatsgebühr\w*|rechnungsbetrag\w*|jahresbeitrag\w*|preis\w*)"
    r"|\b(?:the\s+)?(?:full|whole|entire|complete)\s+(?:(?:monthly |month's )?(?:fee|price|"
    r"charge|payment|subscription)|month(?:'s|ly)?|bill)\b",
    re.I,
)


_OWN_BALANCE = re.compile(r"\b(?:ihr|dein) guthaben\b|\byour (?:credit|balance)\b", re.I)
# the customer's mail naming an amount as the credit their bill shows: "my final bill shows a
# credit of 143.80 EUR", "ein Guthaben von 73,15 EUR", "73,15 € Guthaben"
_AMOUNT_TEXT = r"(\d[\d.,]*\d|\d)\s*(?:eur(?:o|os)?\b|€)"
_CREDIT_OF = re.compile(
    r"\b(?:credit|balance in my favou?r|guthaben)\s+(?:of|von|über|in h(?:ö|oe)he von)\s+"
    r"(?:eur\s*|€\s*)?(\d[\d.,]*\d|\d)"
    rf"|{_AMOUNT_TEXT}\s+(?:guthaben|credit)\b",
    re.I,
)
# an article that pays credits back ("Guthaben erstatten wir", "credits are refunded")
_CREDITS_PAID = re.compile(
    r"\bguthaben\b[^.]{0,80}\b(?:erstatt|überw|zurück|ausgezahlt|auszahl)"
    r"|\b(?:erstatt|überw|zahlen)\w*[^.]{0,40}\bguthaben\b"
    r"|\bcredits?\b[^.]{0,80}\b(?:refund|paid (?:out|back)|transferred)"
    r"|\brefund\w*[^.]{0,40}\bcredits?\b",
    re.I,
)


_CREDIT_WORD = {"de": "Guthaben", "en": "credit"}


def language_of(sentence: str) -> str:
    """'de' when the sentence reads German (a German function word), else 'en'."""
    german = re.search(r"\b(?:wir|ihr\w*|der|die|das|und|den|dem|auf|zu)\b", sentence, re.I)
    return "de" if german else "en"


def _mail_credits(customer: str) -> set[str]:
    """The digits of the amounts the customer's mail calls the credit on their bill."""
    return {_digits(a or b) for a, b in _CREDIT_OF.findall(customer)}


def _core(phrase: str) -> str:
    """A phrase without its article, spaces and case flattened ("den vollen Monatspreis" ->
    "vollen monatspreis")."""
    words = phrase.lower().split()
    return " ".join(
        words[1:] if words[0] in {"den", "die", "das", "einen", "eine", "the"} else words
    )


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
        done = (
            _DONE.search(sentence)
            or WAIVED.search(sentence)
            or ACT_DONE.search(sentence)
            or _yours_done(sentence)
        )
        if (
            done
            and not IF_CLAUSE.search(sentence)
            and not _negated_done(done.group(0))
            and not refused_before(sentence, done.start())
            and not refused_after(sentence, done.start(), done.end())
            and not _step_result(sentence, done)
            and not _CHECKED.search(sentence[: done.start()])
        ):
            said = " ".join(done.group(0).split()).lower()
            if sentence.rstrip().endswith("?") or said in trusted_flat:
                continue  # a question, or what the article itself says
            if _lapse_restated(sentence, said, trusted_flat):
                continue
            if not _receipt_only(sentence, done):
                as_written = body[a + done.start() : a + done.end()].strip()  # dates dotted
                found.append(
                    _warning(
                        "the reply says something was already done or granted "
                        f"for the customer ({as_written!r}); drafter made no such "
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
            elif not benefit and _CREDITS_PAID.search(trusted_flat):
                # the amount the mail itself calls the credit on its bill ("my bill shows a
                # credit of 73.15 EUR" -> "we refund the 73.15 EUR"), where a cited article
                # says credits are paid back: the customer's own money, not a grant
                credits = _mail_credits(customer)
                own = [x for x in foreign if _digits(x) in credits]
                foreign = [x for x in foreign if _digits(x) not in credits]
                for amount in own:  # read on as "the credit" by the paraphrase rules
                    sentence = sentence.replace(amount, _CREDIT_WORD[language_of(sentence)])
            if foreign:
                message = f"the reply promises {foreign[0]} that no trusted source backs"
                found.append(_warning(message, body[a:b]))
        if len(found) == flagged:
            rest.append(sentence)
            spans.append(body[a:b])

    paraphrased = check(rest, trusted_flat, foreign_amounts, spans)
    flagged_spans = {w.span for w in paraphrased}
    whole = [
        warning
        for sentence, span in zip(rest, spans, strict=True)
        if span.strip() not in flagged_spans
        and (warning := _whole_paid(sentence, span, trusted_flat))
    ]
    return found + paraphrased + whole


def _whole_paid(sentence: str, span: str, trusted_flat: str) -> DraftWarning | None:
    """A payout of ours whose object is a whole period's price or bill (`_WHOLE`: "Wir
    erstatten Ihnen den vollen Monatspreis", "we will refund the full monthly fee") that no
    trusted source grants in these words; not when refused or asked."""
    pays = _WE_PAY.search(sentence)
    whole = _WHOLE.search(sentence) if pays else None
    if (
        not pays
        or not whole
        or _core(whole.group(0)) in trusted_flat
        or refused_before(sentence, pays.start())
        or clause_negated(sentence, pays)
        or clause_negated(sentence, whole)
        or sentence.rstrip().endswith("?")
    ):
        return None
    as_written = " ".join(whole.group(0).split())
    return _warning(
        f"the reply pays back {as_written!r}, which no trusted source grants; drafter made no "
        "such decision, check it",
        span,
    )


# "wenn Sie das Passwort zurücksetzen, ist die Sperre sofort aufgehoben": what follows from a
# step the customer takes, not something done ("as if ..." is no condition)
_WHEN = re.compile(r"\b(?:wenn|falls|sobald|(?<!\bas )if|once|as soon as)\b[^;]*,[^;]*$", re.I)


# a sentence that opens with the customer's own step: "Sobald Sie ein neues Passwort vergeben
# haben, ist die Sperre aufgehoben", "Once you have set a new password, the block is lifted"
_STEP = re.compile(
    r"^\W*(?:wenn|sobald|nachdem|once|as soon as|after|when)\s+(?:sie|du|you)\b[^,;]*,", re.I
)


# an act of ours in the perfect: never the mere result of a condition
_OUR_ACT = re.compile(
    r"\b(?:wir|ich)\s+(?:haben|habe)\b|\b(?:haben|habe)\s+(?:wir|ich)\b|\b(?:we|i)(?:\s+have|'ve)\b",
    re.I,
)


def _step_result(sentence: str, done: re.Match[str]) -> bool:
    """What follows from a condition, the customer's own step above all: "wenn Sie das
    Passwort zurücksetzen, ist die Sperre sofort aufgehoben" (`_WHEN` before the finding), or
    the finding begins inside an opening clause of the customer's step and ends in its result
    ("Sobald Sie ein neues Passwort vergeben haben, ist auch die Sperre aufgehoben": the match
    starts at that clause's "haben"). A main clause where we have done something is no result
    of a condition, least of all of an unrelated one: "Wenn Sie noch Fragen haben, melden Sie
    sich; wir haben Ihren Vertrag bereits gekündigt", "If you have questions, call us, we have
    already cancelled your contract"."""
    step = _STEP.match(sentence)
    if step and done.start() < step.end() <= done.end():
        return not _OUR_ACT.search(sentence, step.end(), done.end())
    condition = _WHEN.search(sentence[: done.start()])
    if condition is None:
        return False
    comma = sentence.rfind(",", condition.start(), done.start())
    return not _OUR_ACT.search(sentence, comma + 1, done.end())


# "we will check that your payment has been credited", "wir prüfen, ob die Zahlung
# gutgeschrieben wurde": what is to be checked, not something done
_CHECKED = re.compile(
    r"\b(?:check|verify|find out|look into)(?:ing)?\s+(?:that|whether|if)\b"
    r"|\b(?:prüfen|überprüfen|nachsehen|klären|schauen|kontrollieren)\s*,?\s*ob\b",
    re.I,
)


_LAPSED_NOUN = re.compile(
    r"\b(?:entfällt|entfallen) (?:die|der|das) (\w+)|\b(\w+) (?:entfällt|entfallen)\b"
    r"|\b(\w+(?: period| term)?) (?:does not|doesn't|will not|won't|no longer) apply\b",
    re.I,
)
_ADDRESSED = re.compile(
    r"\b(?:sie|ihnen|ihr\w*|du|dich|dir|dein\w*|for you|to you|your case|your contract)\b", re.I
)
# a condition that names the case of a rule, not this customer: "when you move out", "wenn
# Sie umziehen" (a reason, "da Sie umziehen", "as you are moving", is no condition)
_CASE = re.compile(r"\b(?:wenn|falls|sobald|when|if|once)\b[^,;.]*", re.I)


def _lapse_restated(sentence: str, said: str, trusted_flat: str) -> bool:
    """'Bei einem Auszug entfällt die Kündigungsfrist' where the article says 'keine
    Kündigungsfrist', 'the notice period does not apply when you move out' where it says
    'without a notice period': a rule for everyone, in other words, also for the case the
    rule names ('when you move out'); said to this customer ('entfällt für Sie', 'da Sie
    umziehen', 'in your case') it stays a decision."""
    lapsed = _LAPSED_NOUN.search(said)
    if lapsed is None or _ADDRESSED.search(_CASE.sub(" ", sentence)):
        return False
    noun = (lapsed.group(1) or lapsed.group(2) or lapsed.group(3)).lower()
    return bool(
        re.search(
            rf"\b(?:kein\w*|ohne|no|without(?: a| any)?) (?:\w+ )?{re.escape(noun)}\b", trusted_flat
        )
    )


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
