"""What a mail already says and what a text is about, as drafter.drafting.coherence reads them.

Owns `known_data` (the kinds of data the mail already has: drafter.drafting.situation's, plus
address, date of birth and moving date), `asks_known` (whether a sentence asks for such data
again), `products` (whether a text talks about fibre and/or energy), `energies` (whether it
names electricity and/or gas) and `energy_of` (the one energy a labelled sentence is about).
"""

from __future__ import annotations

import re

from drafter.drafting.situation import asks_for_given, given_data

_FIBRE = re.compile(
    r"\b(?:glasfaser\w*|internet\w*|router\w*|ont|mietrouter|wlan|w-?lan|wi-?fi|fibre\w*|"
    r"fiber\w*|broadband|mbit\w*|telefonie\w*)\b",
    re.I,
)
_ENERGY = re.compile(
    r"\b(?:strom\w*|\w*stromvertrag|gas|gasvertrag|erdgas|\w*gaszähler|energie\w*|"
    r"electricity|energy|power|grundversorgung|basic supply|abschl[aä]g\w*|zähler\w*|kwh|"
    r"meter\w*|instalment\w*)\b",
    re.I,
)

_PHONE = re.compile(r"\d{3,}[\s/-]\d{3,}")

_ENERGY_NAMED = re.compile(
    r"\b(?:strom\w*|\w*stromvertrag|gas|gasvertrag|erdgas|energie\w*|electricity|energy|"
    r"grundversorgung|basic supply)\b",
    re.I,
)

# the kinds drafter.drafting.situation.given_data knows
_SITUATION_KINDS = {"customer_number", "contract_number", "meter_number", "meter_reading", "iban"}
_ASKING = re.compile(
    r"\b(?:nennen|geben|teilen|senden|schicken)\s+sie\s+(?:uns\s+)?(?:bitte\s+)?"
    r"(?:ihr|dein|name|adresse|anschrift|geburts)|\b(?:please (?:send|give|tell|include|provide)|"
    r"send us|tell us|give us)\b|\b(?:wir benötigen|we need)\b|"
    r"\b(?:hinterlegen|tragen)\s+sie\s+ihre\b|\b(?:add|enter)\s+your\b|^(?:give|send|tell)\s+(?:us\s+)?your\b",
    re.I,
)
# "Legen Sie Nachweise bei: ein Foto …", "Attach evidence: a photo of the meter …": asks for
# evidence only ("Legen Sie Ihrem Antrag bei: Ihre Beschwerde, … und Ihre Kundennummer" tells
# what a conciliation request needs, inbox_test3 mail 15)
_ATTACH = re.compile(r"\blegen\s+sie\b[^.!?]*\bbei\b|^\W*attach\b", re.I)
_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
)
_MORE_GIVEN = {
    "address": re.compile(
        r"\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|str\.|weg|allee|platz|ring|gasse|damm|ufer|chaussee|"
        r"berg|hof)\s+\d+|\b\d+\s+[A-Z]\w+ (?:street|road|avenue|lane|way|close|drive)\b|"
        r"\b\d{5}\s+[A-ZÄÖÜ]\w+",
        re.I,
    ),
    "birth_date": re.compile(r"\bgeboren\b|\bgeburtsdatum\b|\bdate of birth\b|\bborn on\b", re.I),
    # "Auszug 31.10.", "zum 1. Dezember", "moved into my flat on 1 November", "moving in
    # on December 15th" (a German date's dots inside the 60 characters are no sentence end)
    "moving_date": re.compile(
        r"\b(?:ziehen|zieh|umzug|eingezogen|ausgezogen|einzug|auszug|move[ds]?|moving)\b"
        rf"(?:[^.\n]|\.(?=\d)){{0,60}}(?:\d{{1,2}}\.\s?(?:\d{{1,2}}\.|[A-ZÄÖÜ]\w+)|"
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b)",
        re.I,
    ),
    # the new address written out ("neue Adresse: Zum Brook 5, 24161 Altenholz"); an address
    # alone may be the old one a customer moves out of
    "new_address": re.compile(
        r"\b(?:neue|new)\s+(?:post)?(?:adresse|anschrift|address)\b\s*(?:ist|is|lautet|:)?"
        r"[^\n.]{0,40}\d",
        re.I,
    ),
    # a photo or record the customer sends with the mail ("Übergabeprotokoll und Foto vom
    # Zähler hänge ich an", "I have attached a photo of the meter")
    "evidence": re.compile(
        r"\b(?:foto\w*|bild\w*|photo\w*|picture\w*|\w*protokoll\w*|record|scan\w*|"
        r"kontoauszug\w*|statements?)\b[^.!?\n]{0,80}\b(?:anbei|im anhang|angehängt|"
        r"h[äa]nge?\w*\s+(?:ich\s+)?(?:\w+\s+)?an|beigefügt|attached|enclosed)\b|"
        r"\b(?:anbei|im anhang|beigefügt|attached|enclosed|i attach|i've attached|"
        r"i have attached)\b[^.!?\n]{0,60}\b(?:foto\w*|bild\w*|photo\w*|picture\w*|"
        r"\w*protokoll\w*|record|scan\w*)",
        re.I,
    ),
}
_ASKED_MORE = {
    "customer_number": re.compile(r"kundennummer|customer number", re.I),
    "contract_number": re.compile(r"vertragsnummer|contract number", re.I),
    "meter_number": re.compile(r"zählernummer|meter number", re.I),
    "meter_reading": re.compile(r"zählerst(?:a|ä)nd|meter reading", re.I),
    "iban": re.compile(r"\biban\b|bankverbindung|bank details", re.I),
    "address": re.compile(
        r"(?:^|,\s*|\bund\s+|\band\s+|\bihre\s+|\byour\s+)(?:neue\s+|new\s+)?"
        r"(?:adresse|anschrift|address)\b",
        re.I,
    ),
    "birth_date": re.compile(r"geburtsdatum|date of birth", re.I),
    "moving_date": re.compile(
        r"(?:einzugs|auszugs|umzugs)(?:datum|termin)|moving(?:-in|-out)? dates?", re.I
    ),
    "new_address": re.compile(
        r"\b(?:neue|new)\s+(?:post|postal\s+|mailing\s+)?(?:adresse|anschrift|address)\b", re.I
    ),
    "evidence": re.compile(r"\bnachweis\w*|\bevidence\b|foto des zählers|photo of the meter", re.I),
}


def known_data(mail_text: str) -> set[str]:
    """Kinds of data the mail already has (drafter.drafting.situation's, plus address, date
    of birth and moving date)."""
    given = given_data(mail_text)
    return given | {kind for kind, pattern in _MORE_GIVEN.items() if pattern.search(mail_text)}


def asks_known(sentence: str, given: set[str], *, need_item: bool = False) -> bool:
    """True when `sentence` (a request, or an item of a "what we need" list) names data the
    mail already has."""
    if _PHONE.search(sentence):
        return False  # what to say on the phone ("Rufen Sie ... an und nennen Sie Adresse")
    if asks_for_given(sentence, given & _SITUATION_KINDS):
        return True
    if (
        "evidence" in given
        and _ATTACH.search(sentence)
        and _ASKED_MORE["evidence"].search(sentence)
    ):
        return True
    if not need_item and not _ASKING.search(sentence):
        return False
    return any(_ASKED_MORE[kind].search(sentence) for kind in given if kind in _ASKED_MORE)


def products(text: str, *, strong: bool = False) -> set[str]:
    """'fibre' and/or 'energy': the products a text talks about (`strong`: energy only when
    named outright, "Strom", "Gas", not by a meter or an instalment)."""
    out = set()
    if _FIBRE.search(text):
        out.add("fibre")
    if (_ENERGY_NAMED if strong else _ENERGY).search(text):
        out.add("energy")
    return out


_ELECTRICITY = re.compile(r"\b(?:\w*strom\w*|electricity|electric|power)\b", re.I)
_GAS = re.compile(r"\b(?:gas\w*|erdgas\w*|\w+gas)\b|m³", re.I)


def energies(text: str) -> set[str]:
    """'electricity' and/or 'gas': the energies a text names outright."""
    out = {"electricity"} if _ELECTRICITY.search(text) else set()
    return out | ({"gas"} if _GAS.search(text) else set())


_HEAD = re.compile(r"\s[–-]\s|:")
_PARTS = re.compile(r",|/|\b(?:und|and|oder|or|sowie)\b")


def energy_of(sentence: str) -> set[str]:
    """The one energy a sentence is about, by its head (the label before ":" or " – "):
    "Nordlicht Gas Basis – Arbeitspreis: …" -> {'gas'}, "Electricity: note all digits" ->
    {'electricity'}; empty when the sentence has no head or a part of the head names no energy
    or another one ("Nordlicht Öko, Nordlicht Gas Klima – Frist: …" is about both tariffs)."""
    head = _HEAD.search(sentence)
    if not head:
        return set()
    kinds = [energies(part) for part in _PARTS.split(sentence[: head.start()])]
    first = kinds[0] if kinds else set()
    return first if len(first) == 1 and all(k == first for k in kinds) else set()
