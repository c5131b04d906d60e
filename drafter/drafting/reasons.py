"""Contact-reason classification: which of the configured reasons an email is about.

Lexical cues per reason (German and English, matched on the lower-cased subject and newest
message; the subject counts double), a few precedence rules between reasons that share
words (a complaint about handling beats the topic it mentions; a cancellation beats the move
that causes it), and `sonstiges` when no reason has enough evidence or two reasons tie.
Two kinds of votes join the cues (weights chosen on the dev splits, see
benchmarks/bench_checks.py): the best retrieved article's `contact_reason` and the reasons of
the most similar labelled example emails (drafter.drafting.reason_examples).
"""

# ruff: noqa: E501  (the cue table reads best one pattern group a line)
from __future__ import annotations

import re
from collections.abc import Sequence

FALLBACK = "sonstiges"
MIN_SCORE = 2.0
# votes (chosen on the dev splits of benchmarks/data/reasons, see docs/benchmarks.md)
ARTICLE_VOTE = 2.0  # per passage: its article's reason, unless the KB most likely has no answer
ARTICLE_PASSAGES = 3  # the best passages that vote
EXAMPLE_VOTE = 6.0  # spread over the most similar labelled examples (weights sum to 1)
PRECEDENCE_MARGIN = 2.0  # a cancellation/complaint this close to the best score wins

_CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "abschlag": (
        (
            r"abschl[aä]g\w*|\binstal+ments?\b|monthly (?:payment|amount)|monatlich\w* (?:betrag|zahl)",
            3,
        ),
        (r"(?:jeden|pro|im) monat \d+ ?(?:euro|eur|€)|\d+ ?(?:euro|eur|€) (?:im|pro) monat", 2),
        (
            r"payment schedule|abschlagsplan|rücklastschrift|(?:debit|lastschrift)\w* .{0,40}(?:bounced|returned|zurück\w*|geplatzt)"
            r"|bounced|(?:returned|zurückgegeben|zurückgebucht)\w* .{0,20}(?:debit|lastschrift)",
            2,
        ),
        # advance payments and "what do we pay each month"
        (
            r"vorauszahlung\w*|advance payments?|(?:pay|zahlen)\w* (?:each|every|per|a|jeden|pro|im) (?:month|monat)",
            2,
        ),
        (
            r"abbuchungstag|\bjeden monat\b|\bim monat\b|per month|each month|a month\b",
            1,
        ),
        (r"runter ?setzen|senken|erhöhen|anpassen|raise|lower|reduce|increase|went up", 1),
    ),
    "zaehlerstand": (
        (r"zählerst[aä]nd\w*|meter reading|\breading\b|abgelesen|ablese\w*|ableser", 3),
        (r"zähler\w*|\bmeters?\b|messsystem|smart meter|stromzähler|gaszähler", 2),
    ),
    "umzug": (
        (
            r"\bumzug\w*|\bumziehen|\bziehe\w*\b|\bzieh\w* (?:um|aus|ein|nach|zu)|ausgezogen|einzug\w*"
            r"|eingezogen|\bmov(?:e|ed|ing)\b|new (?:flat|address|apartment)|neue (?:wohnung|adresse)",
            3,
        ),
        (
            r"anmelden|sign up|mitnehmen|take .{0,20} with|keep our|\bkeys?\b|schlüssel|moving in|move in",
            1,
        ),
    ),
    "tarifwechsel": (
        (
            r"tarif\w*|tariff\w*|\bplan\b|ökostrom|preisgarantie|price guarantee|upgrade|downgrade",
            2,
        ),
        (r"wechsel\w*|switch\w*|günstig\w*|cheap\w*|preiserhöhung|price (?:increase|change)", 1),
    ),
    "kuendigung": (
        (
            r"(?<!an)(?<!ange)kündig\w*|\bcancel\w*|terminat\w*|vertrag (?:beenden|auflösen)|end (?:my|the|our) \w* ?contract"
            r"|\bleave\b|notice\b|verstorben|sterbe\w*|passed away|died|\bdeath\b"
            r"|(?:switch\w*|go\w*|signed up|sign up) (?:to|with) (?:a |an )?(?:another|new|different|other) (?:\w+ )?(?:supplier|provider)"
            r"|switching (?:supplier|provider)|(?:zu|bei) einem (?:anderen|neuen) (?:anbieter|versorger)\w* (?:wechseln|gewechselt|unterschrieben|abgeschlossen)"
            r"|anbieterwechsel|versorgerwechsel|widerruf\w*|withdraw\w*|bestellung (?:rückgängig|stornieren|zurückziehen)"
            r"|(?:cancel|undo) (?:my|the|our) order|(?:wie|how) (?:kommen|komme|do|can) (?:wir|ich|we|i) (?:da |aus dem vertrag )?(?:raus|get out)",
            3,
        ),
    ),
    "rechnung": (
        (r"rechnung\w*|abrechnung\w*|\bbill\w*|invoice|nachzahl\w*|schlussrechnung|final bill", 2),
        (
            r"korrig\w*|correct\w*|falsch|wrong|mistake|fehler|geschätzt|estimated|kwh|m³|"
            r"zustandszahl|erklär\w*|explain|wie kommen|how do you",
            1,
        ),
    ),
    "zahlung": (
        (
            r"mahnung\w*|mahngebühr|dunning|reminder fee|sperr\w*|abstellen|cut[- ]?off|disconnect"
            r"|ratenzahlung|raten\b|in instal+ments|split it|stundung|defer\w*|paypal|credit card"
            r"|kreditkarte|bankverbindung|bank account|\biban\b|sepa|lastschrift|direct debit"
            r"|überwiesen|überweisung|bank transfer|guthaben|refund|zurück(?:zahlen|bekommen)|"
            r"\bkonto\b|zuordnen|arrears|behind (?:on|with) (?:my |the |our )?(?:payments?|bills?)"
            r"|rückstand|payment plan|ratenplan",
            3,
        ),
        (r"zahl\w*|\bpay\w*|bezahl\w*|geld|money", 1),
    ),
    "stoerung": (
        (
            r"störung\w*|stoerung|kein (?:strom|internet|gas|telefon)|no (?:internet|power|gas)"
            r"|strom (?:ist )?weg|ausfall|outage|\bfault\b|\blos\b|rote lampe|\bwi-?fi\b|wlan|router"
            r"|mesh|geruch|riecht|smell|gas leak|dropping out|internet geht nicht|dunkel"
            r"|\bslow\b|langsam|speed ?test|mbit|verbindung (?:bricht|fällt)|keeps? (?:dropping|disconnecting)",
            3,
        ),
    ),
    "termin": (
        (
            r"termin\w*|appointment|verschieben|reschedul\w*|installation\w*|when (?:is|will)"
            r"|auftragsstatus|order status|survey|begehung",
            2,
        ),
        (
            r"samstag|saturday|abends|\blegen\b|verreist|nicht (?:zu hause|da)|not (?:be )?(?:at )?home",
            1,
        ),
        (
            r"(?:new|another|different) (?:date|time slot)|neue[nr]? (?:termin|datum)|(?:didn't|did not|never) (?:show|turn) up"
            r"|nobody (?:came|showed)|niemand (?:kam|ist gekommen|erschienen)|techniker\w* (?:kam|ist) nicht"
            r"|eigentümererklärung|owner'?s declaration|vermieter\w* .{0,40}unterschr\w*|landlord .{0,40}sign\w*",
            2,
        ),
        (  # asking to move a visit is the request, whatever the visit is about (a meter swap)
            r"reschedul\w*|termin\w* (?:zu )?(?:verschieben|verlegen)|(?:verschieben|verlegen) (?:sie )?(?:den|meinen|unseren) (?:termin|besuch)"
            r"|(?:can|could) (?:we|you|i) move (?:it|the (?:date|appointment|visit))"
            r"|(?:eine|one|a) woche später|a week later|(?:anderen|späteren|früheren) (?:tag|termin)",
            5,
        ),
    ),
    "kundenportal": (
        (
            r"kundenportal|\bportal\b|registrier\w*|regist(?:er|ration)|passwort|password|anmelden"
            r"|log ?in\b|locked|gesperrt|authenticator|zugang|komme nicht rein|papierlos|paperless"
            r"|online-?postfach|weiße seite|leere seite|white page|blank page|fehlermeldung|error message",
            3,
        ),
    ),
    "datenschutz": (
        (
            r"datenschutz|dsgvo|gdpr|gespeichert|personal data|meine daten|my data|löschen|delete"
            r"|auskunft|werbung|newsletter|verteiler|advertis\w*|marketing|weitergeben"
            r"|(?:rufen sie mich|mich) nicht mehr an(?:rufen)?|nicht mehr anrufen|werbeanruf\w*|stop calling|no more calls"
            r"|(?:do not|don't) call me",
            3,
        ),
        (
            r"(?:online-?konto|kundenkonto|portal-?konto|online[- ]account|portal account|user account)"
            r"\W+(?:\w+\W+){0,4}?(?:löschen|kündigen|schließen|entfernen|auflösen|delete|close|remove|cancel)",
            6,  # beats the cancellation word it contains
        ),
    ),
    "beschwerde": (
        (
            r"beschwer\w*|complain\w*|complaint|unverschämt|frechheit|abgewimmelt|unfreundlich|rude"
            r"|warteschleife|on hold|ombuds\w*|schlichtung\w*|arbitration|keine antwort|no answer"
            r"|zum dritten mal|apology|entschuldigung|on record|inakzeptabel|unacceptable|not acceptable"
            r"|nicht akzeptabel|unzumutbar",
            3,
        ),
    ),
    "sonstiges": (
        (
            r"bewerbung|ausbildung|praktikum|internship|job application|presse|press |reporter"
            r"|journalist|sponsor\w*|seo\b|ranking|dankeschön|bedanken|thank you so much|lob\b"
            r"|öffnungszeit\w*|opening hours|kundencenter|geöffnet|förderung|zuschuss|subsid\w*"
            r"|wallbox|ladekarte|charging card|\bev\b|photovoltaik|solar|balkonkraftwerk|einspeis\w*"
            r"|fernwärme|district heating|wärmepumpentarif|wasser\b|\bwater\b|mobilfunk|handyvertrag"
            r"|(?:wanted|want) to say thank|großes lob|compliment|pass (?:this|it) on",
            3,
        ),
        (
            r"phishing|scam|betrug\w*|gefälscht|fake|(?:really|actually) from you|wirklich von ihnen"
            r"|tatsächlich von ihnen",
            6,  # a suspicious message carries payment words (IBAN, refund) it is not about
        ),
    ),
}
# contracts the company does not sell: cancelling one is no cancellation reason of ours
_OTHER_CONTRACT = re.compile(
    r"(?:handy|mobilfunk|fitness|zeitungs|versicherungs|mobile phone|phone|gym|insurance|newspaper)"
    r"\w*[- ]?(?:vertrag|vertrages|contract|abo\w*|subscription)",
    re.I,
)
_COMPILED = {
    reason: tuple((re.compile(pattern, re.I), weight) for pattern, weight in cues)
    for reason, cues in _CUES.items()
}


def scores(subject: str, message: str) -> dict[str, float]:
    """Evidence per reason: each cue counts once in the message and twice in the subject."""
    subject, message = subject.lower(), message.lower()
    found: dict[str, float] = {}
    for reason, cues in _COMPILED.items():
        total = 0.0
        for pattern, weight in cues:
            if pattern.search(message):
                total += weight
            if pattern.search(subject):
                total += weight
        if total:
            found[reason] = total
    return found


def classify(
    subject: str,
    message: str,
    reasons: Sequence[str],
    passages_reason: str = "",
    votes: Sequence[tuple[str, float]] = (),
) -> str:
    """The contact reason of an email, or `sonstiges` (if configured, else "") when unsure.

    `votes`: extra evidence as (reason, weight), added to the cue scores: the reason of the
    best retrieved article (ARTICLE_VOTE) and of the most similar labelled example emails
    (EXAMPLE_VOTE spread over them; drafter.drafting.reason_examples).
    """
    fallback = FALLBACK if FALLBACK in reasons else ""
    cues = {r: s for r, s in scores(subject, message).items() if r in reasons}
    found = dict(cues)
    for reason, weight in votes:
        if reason in reasons:
            found[reason] = found.get(reason, 0.0) + weight
    if passages_reason in found:
        found[passages_reason] += 0.5
    # precedence: cancellations and handling complaints win over the topic they mention
    for strong in ("kuendigung", "beschwerde"):
        score = found.get(strong, 0)
        if strong == "kuendigung" and score and _OTHER_CONTRACT.search(f"{subject}\n{message}"):
            return fallback  # a cancellation of something the company does not sell
        if score >= 3 and score >= max(found.values()) - PRECEDENCE_MARGIN:
            return strong
    if not found:
        return fallback
    ranked = sorted(found.items(), key=lambda item: -item[1])
    best, score = ranked[0]
    if score < MIN_SCORE:
        return fallback
    if len(ranked) > 1 and ranked[1][1] == score and best != FALLBACK:
        return fallback if ranked[1][0] != passages_reason else ranked[1][0]
    return best
