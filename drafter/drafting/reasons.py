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
ARTICLE_VOTE = 1.0  # the best article's reason, unless the KB most likely has no answer
EXAMPLE_VOTE = 6.0  # spread over the most similar labelled examples (weights sum to 1)

_CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "abschlag": (
        (
            r"abschl[aä]g\w*|\binstal+ments?\b|monthly (?:payment|amount)|monatlich\w* (?:betrag|zahl)",
            3,
        ),
        (r"(?:jeden|pro|im) monat \d+ ?(?:euro|eur|€)|\d+ ?(?:euro|eur|€) (?:im|pro) monat", 2),
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
        (r"anmelden|sign up|mitnehmen|take .{0,20} with|keep our", 1),
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
            r"(?<!ange)kündig\w*|\bcancel\w*|terminat\w*|vertrag (?:beenden|auflösen)|end (?:my|the) \w* ?contract"
            r"|\bleave\b|notice\b|verstorben|sterbe\w*|passed away|died|\bdeath\b",
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
            r"\bkonto\b|zuordnen",
            3,
        ),
        (r"zahl\w*|\bpay\w*|bezahl\w*|geld|money", 1),
    ),
    "stoerung": (
        (
            r"störung\w*|stoerung|kein (?:strom|internet|gas|telefon)|no (?:internet|power|gas)"
            r"|strom (?:ist )?weg|ausfall|outage|\bfault\b|\blos\b|rote lampe|\bwi-?fi\b|wlan|router"
            r"|mesh|geruch|riecht|smell|gas leak|dropping out|internet geht nicht|dunkel",
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
    ),
    "kundenportal": (
        (
            r"kundenportal|\bportal\b|registrier\w*|regist(?:er|ration)|passwort|password|anmelden"
            r"|log ?in\b|locked|gesperrt|authenticator|zugang|komme nicht rein|papierlos|paperless"
            r"|online-?postfach",
            3,
        ),
    ),
    "datenschutz": (
        (
            r"datenschutz|dsgvo|gdpr|gespeichert|personal data|meine daten|my data|löschen|delete"
            r"|auskunft|werbung|newsletter|verteiler|advertis\w*|marketing|weitergeben",
            3,
        ),
    ),
    "beschwerde": (
        (
            r"beschwer\w*|complain\w*|complaint|unverschämt|frechheit|abgewimmelt|unfreundlich|rude"
            r"|warteschleife|on hold|ombuds\w*|schlichtung\w*|arbitration|keine antwort|no answer"
            r"|zum dritten mal|apology|entschuldigung|on record|inakzeptabel|unacceptable",
            3,
        ),
    ),
    "sonstiges": (
        (
            r"bewerbung|ausbildung|praktikum|internship|job application|presse|press |reporter"
            r"|journalist|sponsor\w*|seo\b|ranking|dankeschön|bedanken|thank you so much|lob\b"
            r"|öffnungszeit\w*|opening hours|kundencenter|geöffnet|förderung|zuschuss|subsid\w*"
            r"|wallbox|ladekarte|charging card|\bev\b|photovoltaik|solar|balkonkraftwerk|einspeis\w*"
            r"|fernwärme|district heating|wärmepumpentarif|wasser\b|mobilfunk|handyvertrag",
            3,
        ),
    ),
}
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
    found = {r: s for r, s in scores(subject, message).items() if r in reasons}
    for reason, weight in votes:
        if reason in reasons:
            found[reason] = found.get(reason, 0.0) + weight
    if passages_reason in found:
        found[passages_reason] += 0.5
    # precedence: cancellations and handling complaints win over the topic they mention
    for strong in ("kuendigung", "beschwerde"):
        if found.get(strong, 0) >= 3 and found.get(strong, 0) >= max(found.values()) - 2:
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
