"""Closing formulas ("Mit freundlichen Grüßen", "Kind regards", "lg", "Saludos"): one vocabulary.

Owns the words a letter may close with and the three patterns derived from them. The uses
differ only in which groups of words they take and how much of the line must match:

    SIGN_OFF          a line that starts with a closing a reply of ours may end with: the
                      German "[mit] [adjective] Grüße" forms (any adjective: "Sportliche
                      Grüße") and the English regards/wishes/sincerely/yours/cheers
                      forms. No thanks and no abbreviations: "Thank you
                      for waiting." opens many sentences of a draft.
                      Used by drafting.letter_checks (sign-off check, register), evaluation.
                      defects (where the letter body ends) and mail.citations (the link block
                      goes above the closing).
    CUSTOMER_CLOSING  the same plus thanks ("Danke", "Thanks in advance"), abbreviations
                      ("lg", "vg", "mfg"), partings ("Tschüss", "Ciao") and closings in other
                      languages; it matches the formula only, so the caller reads the name after
                      it (drafting.sender: "Gruß Ralf").
    CLOSING_LINE      a whole line that is a CUSTOMER_CLOSING formula, optionally followed by a
                      comma and a short name ("Thanks, Anna"): mail.quotes (where a signature
                      starts).

MOBILE_FOOTER is the line a phone adds under the closing ("Sent from my iPhone", "Von meinem
iPhone gesendet"): mail.quotes (part of the signature) and drafting.sender (not the name).

All match case-insensitively. Any formula may be preceded by "thanks and"/"danke und"
("Many thanks and regards", "Danke und Grüße"), also with the thanks given ahead ("Vielen
Dank vorab und freundliche Grüße", "Thanks in advance and best regards"); a customer's formula
(CUSTOMER_CLOSING, CLOSING_LINE) also by a casual parting and "&"/"and" ("Namaste & cheers",
"Love and hugs").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: German: "[mit] [adjective] noun", e.g. "Mit freundlichen Grüßen", "Viele Grüße", "Gruß".
GERMAN_ADJECTIVES = (
    "freundlichen",
    "freundlichem",
    "freundliche",
    "viele",
    "beste",
    "besten",
    "liebe",
    "lieben",
    "herzliche",
    "herzlichen",
    "schöne",
    "schönen",
    "sonnige",
)
#: any other adjective before the noun ("Sportliche Grüße", "Mit kollegialen Grüßen", "Mit
#: kleingärtnerischen Grüßen"): a word with an adjective's ending, not an article, a possessive
#: or another determiner ("Die Grüße von Oma …", "Deine Grüße", "Keine Grüße")
_ANY_ADJECTIVE = (
    r"(?!(?:die|der|den|dem|des|eine[nmrs]?|keine[nmrs]?|meine[nmrs]?|deine[nmrs]?|"
    r"seine[nmrs]?|ihre[nmrs]?|eure[nmrs]?|unsere[nmrs]?|diese[nmrs]?|jene[nmrs]?|alle[nmrs]?|"
    r"welche[nmrs]?|solche[nmrs]?|manche[nmrs]?|ohne|gebe|sende|schicke|habe)\b)"
    r"[^\W\d_]{3,}(?:e|en|em)"
)
#: the noun in every spelling a customer uses (ß or ss, ü or ue, Swiss "grüess").
GERMAN_NOUNS = (
    "grüßen",
    "grüssen",
    "gruessen",
    "grüße",
    "grüsse",
    "gruesse",
    "grüess",
    "gruß",
    "gruss",
    "gruess",
)
#: English closings a reply may end with.
ENGLISH = (
    "kind regards",
    "best regards",
    "warm regards",
    "warmest regards",
    "kindest regards",
    "regards",
    "best wishes",
    "all the best",
    "best",
    "yours sincerely",
    "yours faithfully",
    "yours truly",
    "sincerely yours",
    "sincerely",
    "yours",
    "cheers",
)
#: thanks that close a customer's mail ("Danke\nAnna"); not a sign-off for a reply.
THANKS = (
    "many thanks",
    "kind thanks",
    "best thanks",
    "warm thanks",
    "thanks again",
    "thanks in advance",
    "thanks a lot",
    "thanks",
    "thank you very much",
    "thank you in advance",
    "thank you",
    "thx",
    "ta",
    "danke dir",
    "danke euch",
    "danke ihnen",
    "danke schön",
    "danke sehr",
    "danke",
    "vielen dank im voraus",
    "vielen dank",
    "merci",
)
#: abbreviations and informal partings ("lg" = "liebe Grüße", "mfg", "Tschüss", "Love,",
#: "Hugs,", "Bussi").
SHORT = (
    *("lg", "vg", "mfg", "bg", "tschüss", "ciao", "love", "lots of love", "much love", "bye"),
    *("hugs", "big hugs"),
    # German and Austrian partings between friends ("Tschau, Jan", "Bussi Jan", "Tschö")
    *("tschau", "tschö", "tschüssi", "tschüs", "bussi", "bussis", "küsschen", "pfiat di"),
)
#: the old formal German closing ("Hochachtungsvoll\nDr. med. Ortwin Bäumler"): a customer's,
#: never one of our replies
OLD_FORMAL = ("hochachtungsvoll",)
#: closings in other languages customers write in.
OTHER_LANGUAGES = (
    "bien cordialement",
    "cordialement",
    "saludos",
    "un saluto",
    "cordiali saluti",
    "met vriendelijke groet",
    "groeten",
    "med venlig hilsen",
    "hilsen",
    "vänliga hälsningar",
    "pozdrawiam",
    "с уважением",
    # the affectionate closings of Portuguese, Spanish, French and Italian ("Beijos, Rafa",
    # "Un abrazo", "Bisous", "Baci"), which customers write under English mail too
    "beijos",
    "beijinhos",
    "abraços",
    "um abraço",
    "abraço",
    "besos",
    "besitos",
    "abrazos",
    "un abrazo",
    "bisous",
    "gros bisous",
    "grosses bises",
    "bises",
    "baci",
    "un abbraccio",
    "abbracci",
    # and the Dutch everyday ones ("Groetjes", "Liefs")
    "groetjes",
    "liefs",
)
#: the casual partings a customer joins to a closing with "&" or "and" ("Namaste & cheers",
#: "Love and hugs", "Aloha & thanks", "Ciao und danke"); greetings of other languages that
#: also take leave ("Namaste", "Aloha", "Shalom") count only so, as they open mails too
_PARTING_AND = ("namaste", "aloha", "shalom", "salaam", "love", "hugs", "peace", "ciao", "cheers")
#: "Many thanks and regards", "Danke und Grüße": thanks joined to a formula.
_THANKS_AND = ("merci", "danke", "vielen dank", "many thanks", "thanks")
#: thanks given ahead, between the thanks and the formula ("Vielen Dank vorab und freundliche
#: Grüße", "Danke im Voraus und viele Grüße", "Thanks in advance and kind regards")
_AHEAD = ("vorab", "im voraus", "schon mal", "schonmal", "schon einmal", "in advance")


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation, longest phrase first (so "best wishes" wins over "best")."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in ordered)


def closing_formula(*, thanks: bool = False, short: bool = False, foreign: bool = False) -> str:
    """The regex (unanchored, for re.I) of a closing formula; the flags add word groups."""
    words = list(ENGLISH)
    if thanks:
        words += THANKS
    if short:
        words += SHORT + OLD_FORMAL
    if foreign:
        words += OTHER_LANGUAGES
    adjective = f"{_alternation(GERMAN_ADJECTIVES)}|{_ANY_ADJECTIVE}"
    german = rf"(?:mit\s+)?(?:(?:{adjective})\s+)?(?:{_alternation(GERMAN_NOUNS)})"
    ahead = rf"(?:\s+(?:{_alternation(_AHEAD)}))?"
    joined = rf"(?:(?:{_alternation(_THANKS_AND)}){ahead}\s+(?:und|and)\s+)?"
    if short:
        # "Namaste & cheers", "Love and hugs": a casual parting joined to the formula
        joined = rf"(?:(?:{_alternation(_PARTING_AND)})(?:\s*[&+]\s*|\s+(?:and|und)\s+))?{joined}"
    return rf"{joined}(?:{german}|{_alternation(words)})"


_CUSTOMER = closing_formula(thanks=True, short=True, foreign=True)

SIGN_OFF = re.compile(rf"^{closing_formula()}\b", re.I)
CUSTOMER_CLOSING = re.compile(rf"^{_CUSTOMER}\b[,!.]?", re.I)
CLOSING_LINE = re.compile(
    rf"^\s*{_CUSTOMER}\s*(?:[,.!:;-]*\s*$|,\s*\w[\w.'-]*(?:\s+\w[\w.'-]*){{0,3}}\s*$)", re.I
)
MOBILE_FOOTER = re.compile(
    r"^\s*(?:sent from|sent with|sent via|sent using|get outlook for|"
    r"von meinem .{1,40} gesendet|gesendet von|gesendet mit|gesendet vom|"
    r"envoyé de|envoyé depuis|envoyé à partir de|von .{1,40} gesendet|enviado desde|"
    r"enviado do|inviato da|verzonden met|"
    r"verstuurd vanaf|verzonden vanaf|skickat från|sendt fra|wysłane z|отправлено с)\b",
    re.IGNORECASE,
)
