"""Which words of a customer's request name no thing, so that a knowledge article need not
contain them (drafter.drafting.gap_verdict counts the key terms an article lacks).

A key term is what the customer asks about: "PayPal", "Studentenrabatt", "VPN". These words are
no key terms, whatever their frequency or capital letter:

- times and dates: weekdays, months, seasons, holidays, parts of the day ("Donnerstag",
  "Weihnachten", "Saturday", "Nachmittag"): they say when, not what;
- tone: complaint, outrage and urgency ("Frechheit", "Unverschämte", "Complaint",
  "Beschwerde", "DRINGEND") and any word shouted in capitals longer than an abbreviation;
- English adverbs ("apparently", "immediately", "anyway", "twice") and the verb of a
  contraction ("doesn't" is read as "doesn");
- English function words rare enough to pass the frequency cut: prepositions and
  conjunctions ("till", "unless", "whilst", "towards") and possessive pronouns ("mine",
  "hers"): they link or point, they name nothing;
- a German verb that opens a question, capitalised like a noun ("Kostet das", "Bekomme ich",
  "Korrigieren Sie"), and German question words ("Woher", "Wieso");
- currencies ("Euro", "euros", "Cent", "pounds"): they count an amount the customer names,
  and an article that states the amount writes "EUR" or "€";
- street names, in a German or an English mail: a compound ending in a street word
  ("Hafenstraße", "Blücherplatz"; a common "-platz" or "-gasse" such as "Parkplatz" or
  "Sackgasse" stays a thing) and a place adjective before a street word ("Holtenauer
  Straße", "Eckernförder Str."), with the street word itself: they say where the customer
  lives, not what is asked.

A German mail written without capitals ("gibt es bei euch einen sozialtarif für leute mit
wohngeld?", `written_in_lowercase`) shows no noun by its capital letter: its lowercase words of a
noun's shape (`lowercase_noun`: not ending like a verb form, an adjective or an adverb,
"kostet", "erhöhen", "günstigeren", "kostenlos", "rückwärts", "runter", unless a noun suffix
ends them, "rechnungen", "mahnung") are candidates (drafter.drafting.gap_verdict.key_terms takes
the rarer ones).

The lists are closed word classes of each language, not words of any test mail.
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.privacy.memos import customer_memo
from drafter.toolkit import wordset


@customer_memo  # keyed by the customer's words: emptied with the redaction's memos
@lru_cache(maxsize=65536)
def zipf(word: str, language: str) -> float:
    """How common `word` is in `language` (wordfreq's zipf scale: 0 unknown .. 7 "the")."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, language))


_TIME = wordset(
    # German: weekdays, months, seasons, holidays, parts of the day, spans
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag wochenende "
    "werktag werktags feiertag feiertage feiertagen januar jänner februar märz april mai "
    "juni juli august september oktober november dezember frühling sommer herbst winter "
    "weihnachten heiligabend silvester neujahr ostern pfingsten feiertags morgen vormittag "
    "mittag nachmittag abend nacht vormittags nachmittags abends nachts mittags morgens "
    "zwischenzeit monat monats monate monaten woche wochen jahr jahres jahre jahren "
    "stunde stunden minute minuten uhrzeit datum "
    # English
    "monday tuesday wednesday thursday friday saturday sunday weekend weekday weekdays "
    "january february march april may june july august september october november december "
    "spring summer autumn fall winter christmas easter eve morning afternoon evening "
    "night tonight tomorrow yesterday meantime meanwhile month months week weeks year "
    "years hour hours minute minutes date"
)
_TONE = wordset(
    "frechheit unverschämt unverschämte unverschämter unverschämtheit skandal skandalös "
    "zumutung unmöglich unmögliche absurd lächerlich katastrophe ärgerlich enttäuscht "
    "enttäuschung empörend ärger wut beschwerde beschwerden reklamation dringend eilig "
    "sofort notfall bitte "
    "complaint complaints complain outrageous ridiculous unacceptable disgrace disgraceful "
    "scandal absurd annoyed disappointed disappointing frustrated furious angry urgent "
    "urgently asap immediately"
)
_ADVERBS_EN = wordset(
    "anyway anyways anymore twice thrice somewhere somehow sometime sometimes apart "
    "altogether meanwhile otherwise instead either neither perhaps maybe already"
)
_FUNCTION_EN = wordset(
    # prepositions and conjunctions
    "till until unless whether upon onto towards toward beside besides despite amongst "
    "whilst whereas although though throughout underneath beneath versus nor "
    # possessive and other pronouns
    "mine yours hers ours theirs whom whose whoever whatever whichever wherever whenever"
)
_CURRENCY = wordset("euro euros eur cent cents dollar dollars pound pounds franken quid bucks")
_QUESTION_DE = wordset("woher wohin wieso weshalb weswegen wofür wozu inwiefern wieviel wieviele")
#: words after which a capitalised German word opens a question as a verb ("Kostet das")
_PRONOUN_DE = wordset("ich wir du sie es er ihr man das dies mir mich uns dann denn")
#: a word before a capitalised German word that makes it a noun ("das Kostet" is no question)
_ARTICLE_DE = wordset(
    "der die das den dem des ein eine einen einem einer eines mein meine meinen meinem "
    "meiner ihr ihre ihren ihrem ihrer unser unsere unseren im am zum zur vom beim ins"
)
#: the last part of a street name ("Blücherplatz", "Holtenauer Straße")
_STREET_END = re.compile(r"(?:straße|strasse|allee|chaussee)$")  # "Lindenstraße", any
_SQUARE_END = re.compile(r"(?:platz|gasse|damm)$")  # "Blücherplatz", if rare (not "Parkplatz")
_STREET_WORDS = wordset("straße strasse str weg allee platz damm ring chaussee ufer gasse")
#: a compound ending in "-platz", "-gasse" or "-damm" this common (German zipf) is a thing
#: ("Parkplatz" 4.3, "Stellplatz" 3.1, "Sackgasse" 3.4), a rarer one a street's name
#: ("Blücherplatz" 1.7); one ending in "-straße", "-allee" or "-chaussee" is always a street
STREET_NAME_ZIPF = 3.0
_NEXT = re.compile(r"\s+([^\W\d_]+)")
_PREVIOUS = re.compile(r"([^\W\d_]+)\s+$")


def _english_adverb(low: str) -> bool:
    """ "apparently", "immediately": an -ly word whose base is a word of five or more letters
    (not "family", "supply", "reply")."""
    if low in _ADVERBS_EN:
        return True
    if not low.endswith("ly") or len(low) < 7:
        return False
    base = low[:-2]
    candidates = [base, base[:-1] + "y" if base.endswith("i") else base, base + "e"]
    return any(len(c) >= 5 and zipf(c, "en") >= 3.0 for c in candidates)


def _opening_verb(text: str, start: int, end: int) -> bool:
    """A capitalised German word followed directly by a pronoun and not after an article
    ("Kostet das was?", "Bekomme ich ...", "Korrigieren Sie das"): a verb that opens a
    question, not a noun."""
    following = _NEXT.match(text, end)
    if not following or following.group(1).lower() not in _PRONOUN_DE:
        return False
    before = _PREVIOUS.search(text[max(0, start - 40) : start])
    return not (before and before.group(1).lower() in _ARTICLE_DE)


def _street_name(word: str, text: str, start: int) -> bool:
    """A street's name or part of one (see the module docstring)."""
    low = word.lower()
    if len(low) >= 8 and (
        _STREET_END.search(low) or (_SQUARE_END.search(low) and zipf(low, "de") < STREET_NAME_ZIPF)
    ):
        return True  # "Hafenstraße", "Blücherplatz"
    following = _NEXT.match(text, start + len(word))
    if low.endswith("er") and following and following.group(1).lower() in _STREET_WORDS:
        return True  # "Holtenauer Straße"
    if low not in _STREET_WORDS:
        return False
    before = _PREVIOUS.search(text[max(0, start - 40) : start])
    return bool(before and before.group(1)[:1].isupper() and before.group(1).endswith("er"))


def names_no_thing(word: str, text: str, start: int, language: str) -> bool:
    """Whether `word` (found at `start` in `text`) names no thing: see the module docstring."""
    low = word.lower()
    if low in _TIME or low in _TONE or low in _CURRENCY:
        return True
    if _street_name(word, text, start):
        return True
    if word.isupper() and len(word) > 5:
        return True  # shouted ("ABSURD", "DRINGEND"), longer than an abbreviation
    if language == "en":
        if low in _FUNCTION_EN:
            return True
        return text[start + len(word) : start + len(word) + 2] in ("'t", "’t") or _english_adverb(
            low
        )
    if language == "de":
        return low in _QUESTION_DE or _opening_verb(text, start, start + len(word))
    return False


_LOWER_WORD = re.compile(r"(?:^|(?<=[^.!?:\s]))\s+([^\W\d_]{4,})")
#: the endings of German verb forms, adjectives and adverbs ("kostet", "bezahlen", "günstigeren",
#: "zuständig", "rückwärts", "runter"): a lowercase word with one is no noun, unless a noun
#: suffix ends it ("rechnungen", "mahnung"); a plural such as "gebühren" is left out with the
#: verbs
_NOT_NOUN_END = re.compile(r"(?:en|em|e|t|st|ig|lich|isch|bar|sam|los|haft|s|runter|rauf|rüber)$")
_NOUN_END = re.compile(
    r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tät|täten|ion|ionen|nis|ment|ismus)$"
)


def written_in_lowercase(text: str) -> bool:
    """Whether a German `text` is written without capitals: of its words of four or more
    letters inside a sentence (not the first), at least four, and fewer than one in ten
    capitalised (an abbreviation in capitals, "IPTV", aside)."""
    words = _LOWER_WORD.findall(text)
    capitals = sum(w[:1].isupper() and not w.isupper() for w in words)  # not "IPTV"
    return len(words) >= 4 and capitals * 10 < len(words)


def lowercase_noun(word: str) -> bool:
    """Whether a lowercase word of a German mail written without capitals has a noun's shape
    ("kindersicherung", "sozialtarif", "jobcenter"), not a verb's, adjective's or adverb's."""
    low = word.lower()
    return bool(_NOUN_END.search(low)) or not _NOT_NOUN_END.search(low)
