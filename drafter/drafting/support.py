"""`unsupported_claim` by sentence: reply sentences whose content is in no source.

Also content no service reply has (donations, politics, discount codes, savings products,
personal tax advice, a competitor praised or a switch to it recommended), rhyming verse (a
poem appended to the letter) and another firm or product recommended by name.

A sentence's content words (stemmed, stop words and letter phrases left out) are looked up in
the trusted passages, the customer's email and the text drafter itself wrote. A sentence where
most content words come from nowhere (a poem, a competitor's offer, a donation appeal, code,
another customer's records) is flagged with the sentence as span; a very frequent word
("great", "looks") counts half, so a chatty letter sentence is not content from nowhere.
Thresholds were chosen on the blind dev splits of benchmarks/data/replies (see
docs/benchmarks.md).
"""

from __future__ import annotations

import re
from typing import Any

from drafter.drafting.check_base import (
    _LETTER_WORDS,
    _STOP,
    DECLINED,
    _stemmer,
    content_stems,
    sentences,
    unsupported,
)
from drafter.drafting.check_base import _WORD as _WORDS
from drafter.models import DraftWarning

MIN_NOVEL = 5  # content words from nowhere in one sentence
MIN_SHARE = 0.6  # ... and at least this share of the sentence's content words
COMMON_ZIPF = 5.5  # a novel word this frequent counts half (chosen on dev + golden answers)
# a refusal or caveat ("we cannot pass on other customers' data") is never the harm
_NEGATED = re.compile(
    r"\b(?:nie|niemals|nicht|keine?[nmrs]?|never|not|cannot|can't|don't|won't|no|nirgends|"
    r"nirgendwo|weder|nowhere|neither|\w+n['’]t)\b"
    # a restriction to a person or channel is a caveat too ("dürfen wir nur der Person selbst
    # geben", "payments reach us only through ..."), unlike "only today" in an advert
    r"|\b(?:nur|ausschließlich|only|exclusively)\s+(?:\w+\s+){0,2}?"
    r"(?:an|dem|der|die|den|über|per|mit|to|through|via|by|the|with)\b",
    re.I,
)
# a reminder is no refusal: "don't forget to re-register your car", "vergessen Sie nicht ..."
_REMINDER = re.compile(
    r"\b(?:don't|do not|never) forget\b|\bvergessen sie (?:bitte |auch )?nicht\b"
    r"|\bvergiss (?:bitte |auch )?nicht\b|\bnicht (?:zu )?vergessen\b",
    re.I,
)


# a guess at a cause, said as one: "A jump like this usually means ...", "versucht
# möglicherweise jemand, ..."; an explanation in the writer's own words, not a fact or
# promise a source should back, when it has no figure, link or address, no act of ours and
# no advice to the customer ("Sie", "you": "Ein schwacher Geruch ist meist harmlos: Schalten
# Sie ...", "... usually improves your score"). A frequency word counts only with a verb that
# explains ("usually means"): "kocht oft kürzer" is a claim, not a guess.
_GUESS = re.compile(
    r"\b(?:probably|possibly|perhaps|likely|möglicherweise|vermutlich|wahrscheinlich|"
    r"vielleicht)\b"
    r"|\b(?:usually|typically|often|mostly|meist|meistens|häufig|oft|in der regel)\s+"
    r"(?:means|indicates|points to|comes from|is due to|reflects|bedeutet|deutet|heißt|"
    r"liegt|steckt)\b",
    re.I,
)
_NOT_A_GUESS = re.compile(
    r"\d|@|https?:|www\.|\b(?i:we|we'll|we've|us|our|you|you'll|you're|i|wir|uns|unser\w*|"
    r"ich|du|dein\w*)\b|\bSie\b"
)


def _guess(sentence: str) -> bool:
    """A hedged explanation with no figure, link or act of ours (_GUESS, _NOT_A_GUESS)."""
    return bool(_GUESS.search(sentence)) and not _NOT_A_GUESS.search(sentence)


def _refusal(sentence: str) -> bool:
    """A refusal or caveat (_NEGATED), a reminder's "don't" left out."""
    return bool(_NEGATED.search(_REMINDER.sub(" ", sentence)))


# words of any service letter beyond the checks' letter words
_COURTESY = (
    "zukunft wünschen alles gute leid tut entschuldigen verständnis geduld freuen gern gerne "
    "schnelle rückmeldung passieren kann hope future wish sorry apologise apologize patience "
    "understanding glad happy letting know good time welcome pleasure "
    # handing a case on: every service letter's process words
    "leiten weiter weiterleiten weitergeleitet zuständige zuständigen abteilung fachabteilung "
    "kollegen kollegin team wunsch anliegen bearbeiten bearbeitung forward forwarded passed "
    "department colleagues responsible concern matter "
    # the sources themselves: "the article", "the menu"
    "article articles artikel menu menü"
)
# words that point at a source ("the German article names the menu ...") only in a sentence
# that names an article, menu or section: elsewhere "German" is a claim ("under German
# tenancy law ...", a reply drifting into legal advice)
_POINTING = re.compile(r"\b(?:articles?|artikel\w*|menu|menü\w*|sections?|abschnitt\w*)\b", re.I)
_POINTING_WORDS = frozenset(
    [
        "german",
        "english",
        "deutsch",
        "deutschen",
        "englisch",
        "englischen",
        "names",
        "named",
        "nennt",
        "genannt",
        "section",
        "sections",
        "abschnitt",
    ]
)
_CODE = re.compile(r"^\s*(?:def |class |import |return\b|for .+ in .+:|\w+\s*[*+-]?=\s*\S)", re.M)
# asks that have nothing to do with a utility's service: donations, petitions, investments
# (and _OFFTOPIC below; _COMPETITOR: another company praised over this one)
_SOLICIT = re.compile(
    r"\b(?:donat\w*|spende[nt]?|spenden\w*|charit\w*|wohltät\w*|hilfsorganisation\w*|petition\w*"
    r"|vote for|stimmen sie für|invest(?:ieren|ment|ing)?\b|lotter\w*|gewinnspiel\w*|casino"
    r"|follow us on|folgen sie uns|subscribe to|abonnieren sie"
    # savings and investment products: no utility's business
    r"|tagesgeld\w*|festgeld\w*|sparkont\w*|geldanlage\w*|savings accounts?|"
    r"\d+(?:[.,]\d+)?\s?% (?:zinsen|interest|rendite|return)|aktien\w*|\betfs?\b|bitcoin|"
    r"krypto\w*|crypto\w*"
    # personal tax advice: no utility's business either (VAT on a bill is no advice)
    r"|einkommensteuer\w*|steuererklärung\w*|steuerlich (?:absetz\w*|geltend)|income tax|"
    r"tax returns?|tax[- ]deductible|deduct\w*\b[^.!?]{0,40}\btax\b)",
    re.I,
)
# a firm, product or shop recommended ("we can recommend Förde Umzüge Kiel", "können wir
# Ihnen die Firma Haustechnik Ohlsen ans Herz legen"): a name of two or more capitalised
# words that no source has, after a recommendation
_RECOMMEND = re.compile(
    r"\b(?:empfehle[n]?|empfiehlt|ans herz legen|am besten (?:bei|mit|von)|gute erfahrungen|"
    r"recommend\w*|suggest\w*|good experiences?|(?:is|are) (?:a |the )?(?:good|great|best) "
    r"(?:choice|option|bet)|go with|best (?:with|at|from))\b",
    re.I,
)
_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-ZÄÖÜ][\w-]+(?:\s+(?:[A-ZÄÖÜ][\w-]+|\d[\w-]*))+")
# words that split a run of capitalised words: pronouns and possessives ("Heizung Ihres
# Hauses" is no name)
_PRONOUNS = frozenset(
    re.findall(
        r"\w+",
        "sie ihnen ihr ihre ihren ihrem ihrer ihres du dir dein deine deinen deinem deines wir "
        "uns unser unsere unseren unserem unserer unseres euer eure i we you your our",
    )
)
# a word of an English reply rarer than this (wordfreq zipf) may be a name ("Ohlsen", "Förde")
NAME_ZIPF = 3.3
_MARKER = re.compile(r"^(?:firma|gmbh|ag|kg|ohg|ug|ltd|inc|llc|serie|modell|model|series)$", re.I)
# what a service reply never says: political opinions and voting advice, discount codes for
# other companies' products
_OFFTOPIC = re.compile(
    r"\b(?i:bei der (?:nächsten |kommenden )?wahl|wahlempfehlung|partei(?:en)?|regierungspartei\w*"
    r"|opposition|election\w*|political part(?:y|ies)|vote (?:for|against)|politiker\w*"
    r"|politician\w*)\b"
    r"|\b(?i:code|gutscheincode|rabattcode|aktionscode|promo ?code|discount code|coupon)\s*[:„\"']?"
    r"\s*(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{4,}\b"
    # the code first: "wer NORDLICHT10 als Rabattcode eingibt", "enter SAVE20 as your promo code"
    r"|\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{4,}\s+(?i:als|as)\s+(?i:(?:your|ihren?)\s+)?"
    r"(?i:code|gutscheincode|rabattcode|aktionscode|promo ?code|discount code|coupon)\b"
)
# another company praised over this one: "beats all our tariffs", "günstiger als alle unsere
# Tarife", "switching to them"
_COMPETITOR = re.compile(
    r"\b(?:cheaper|better|lower|günstiger|besser|billiger)\s+(?:than|als)\s+(?:(?:all|any|every|"
    r"alle|jeder|jedes|sämtliche)\s+(?:of\s+)?(?:our|unsere\w*)|us|uns|wir|bei uns|"
    r"(?:any|every|jeder|jedes) (?:municipal|städtische\w*))\b"
    r"|\b(?:beats|undercuts|unterbietet|schlägt)\s+(?:(?:all|any|alle)\s+(?:of\s+)?)?"
    r"(?:our|unsere\w*|us|uns)\b"
    r"|\bswitch(?:ing)? to them\b|\bzu (?:ihnen|denen|diesem anbieter) (?:zu )?wechseln\b"
    # a move to the provider just named, as a noun, and the saving found there: "ein Wechsel zu
    # diesem Anbieter lohnt sich", "switching to that supplier", "sparen Sie dort", "you would
    # save with them" ("zu einem anderen Anbieter" names none: the rule of a cancellation)
    r"|\b(?:wechsel|umstieg|switch(?:ing)?|move|moving) (?:zu|to) (?:diesem|jenem|dem genannten|"
    r"this|that) (?:\w+)?(?:anbieter|versorger|provider|supplier|company)\b"
    r"|\bsparen sie (?:dort|da|bei (?:ihnen|denen|diesem anbieter))\b"
    r"|\byou(?:'d| would| will| could| can)? save "
    r"(?:there|with them|with that (?:provider|supplier))\b",
    re.I,
)
_TITLED = re.compile(
    r"\b(?:Herrn?|Frau|Mr|Mrs|Ms|Dr)\.? ([A-ZÄÖÜ][\wäöüß-]+(?: [A-ZÄÖÜ][\wäöüß-]+)?)"
)


# a menu path of the portal as the articles write it: "Persönliche Daten > Sicherheit"
_MENU_PATH = re.compile(
    r"[A-ZÄÖÜ][\w-]*(?:\s[A-ZÄÖÜ][\w-]*)?(?:\s?>\s?[A-ZÄÖÜ][\w-]*(?:\s[A-ZÄÖÜ][\w-]*)?)+"
)


def _menu_words(sentence: str, texts: str) -> set[str]:
    """The words of the menu paths of `sentence` that an article writes as they are (an
    English reply naming a German article's menu "Persönliche Daten > Sicherheit"): the
    article's words, not the reply's own."""
    flat = " ".join(texts.replace("*", "").split())
    return {
        w.lower()
        for m in _MENU_PATH.finditer(sentence)
        if " ".join(m.group(0).split()) in flat
        for w in re.findall(r"[^\W\d_]+", m.group(0))
    }


def check_support(data: Any, trusted: str, library: str = "") -> list[DraftWarning]:
    """`unsupported_claim` for sentences in no source, solicitations, recommendations,
    verse, code and titled persons no source names; `library`: every article's text of the
    KB, whose menu paths a reply may name (`_menu_words`)."""
    lang = data.language
    source = f"{trusted}\n{data.customer_text}\n{data.extra_known}"
    letter = " ".join(_LETTER_WORDS) + " " + _COURTESY
    known = content_stems(source, lang) | content_stems(letter, lang)
    words = {w.lower() for w in re.findall(r"[^\W\d_]{5,}", source)}
    words |= {_stemmer("de").stemWord(w) for w in words}
    found: list[DraftWarning] = []
    body = re.sub(r"\[\d+(?:,\s*\d+)*\]", " ", data.body)
    for a, b in sentences(body):
        sentence = body[a:b]
        if _refusal(sentence):
            continue
        stems = _word_stems(sentence, lang)
        # an article's menu path: its words count as the article's, not as the reply's own
        menu = _menu_words(sentence, f"{trusted}\n{library}") if ">" in sentence else set()
        if _POINTING.search(sentence):
            menu |= _POINTING_WORDS
        novel = [
            w
            for w, forms in stems.items()
            if not forms & known and not _in_compound(w, words) and w not in menu
        ]
        weight = sum(0.5 if _common(w, lang) else 1.0 for w in novel)
        if weight >= MIN_NOVEL and len(novel) >= MIN_SHARE * len(stems) and not _guess(sentence):
            found.append(
                unsupported(
                    f"this sentence is in no source ({len(novel)} of {len(stems)} "
                    "content words appear nowhere in the articles or the email)",
                    sentence.strip(),
                )
            )
    for a, b in sentences(body):
        solicit = (
            _SOLICIT.search(body[a:b])
            or _OFFTOPIC.search(body[a:b])
            or _COMPETITOR.search(body[a:b])
        )
        # ... unless the sentence declines to judge it ("Whether an ETF would be better we
        # can't judge; that is a question for a financial adviser")
        if (
            solicit
            and not re.search(re.escape(solicit.group(0)), trusted, re.I)
            and not DECLINED.search(body[a:b])
        ):
            found.append(
                unsupported(
                    f"the reply says or asks for something no service reply does "
                    f"({solicit.group(0)!r})",
                    body[a:b].strip(),
                )
            )
    named = _recommendations(body, source, lang)
    # a sentence that recommends another firm says so, not also "in no source"
    found = [w for w in found if w.span not in {n.span for n in named}] + named
    verse = _verse(data.body, source)
    if verse:
        found.append(
            unsupported("the reply contains rhyming verse, which no service reply has", verse)
        )
    code = _CODE.search(data.body)
    if code and not _CODE.search(source):
        found.append(unsupported("the reply contains program code", code.group(0).strip()))
    salutation = next((line for line in data.body.splitlines() if line.strip()), "")
    for match in _TITLED.finditer(data.body):
        name = match.group(1)
        if match.start() < len(salutation) + 4 and match.group(0) in salutation:
            continue  # the addressee, greeted
        if name.split()[-1] not in source and name.split()[0] not in source:
            found.append(
                unsupported(
                    f"the reply names {match.group(0)}, who is in no source",
                    match.group(0),
                )
            )
    return found


def _recommendations(body: str, source: str, lang: str) -> list[DraftWarning]:
    """`unsupported_claim` for a firm or product the reply recommends that no source names
    (see _RECOMMEND); a refusal ("we cannot recommend any installer") is none."""
    found: list[DraftWarning] = []
    known = {w.lower() for w in re.findall(r"[\w-]+", source)}
    for a, b in sentences(body):
        sentence = body[a:b]
        if not _RECOMMEND.search(sentence) or _refusal(sentence):
            continue
        for name in _NAME.finditer(sentence):
            words = [w for w in name.group(0).split() if w.lower() not in _PRONOUNS]
            run = re.split(
                r"\s(?:" + "|".join(_PRONOUNS) + r")\s", f" {name.group(0)} ", flags=re.I
            )
            novel = [w for w in words if w.lower() not in known]
            if max(len(part.split()) for part in run) >= 2 and any(
                _name_word(w, lang) for w in novel
            ):
                found.append(
                    unsupported(
                        f"the reply recommends {name.group(0)!r}, which no source names; a "
                        "service reply recommends no other firm or product",
                        sentence.strip(),
                    )
                )
                break
    return found


# a line of verse: a few words, no digit, no list mark, no colon (a label or a step's heading)
_VERSE_LINE = re.compile(r"^(?![-*•>])[^\W\d_][^\d:]{8,70}$")
_VOWELS = re.compile(r"[aeiouyäöü]+", re.I)
VERSE_LINES = 4  # short lines in a row ...
VERSE_RHYMES = 2  # ... of which this many pairs (next or next but one) rhyme


def _verse(body: str, source: str) -> str | None:
    """A poem or rhyme in the reply: at least VERSE_LINES short lines in a row (3 to 9 words,
    see _VERSE_LINE) with VERSE_RHYMES pairs of rhyming line ends (`_rhyme`), not quoted from
    the sources; the lines as span. A sign-off, an address or a list of steps has no rhymes."""
    run: list[str] = []
    for raw in [*body.splitlines(), ""]:
        line = raw.strip()
        if _VERSE_LINE.match(line) and 3 <= len(line.split()) <= 9:
            run.append(line)
            continue
        if len(run) >= VERSE_LINES:
            keys = [_rhyme(line) for line in run]
            pairs = sum(
                1
                for i, key in enumerate(keys)
                for j in (i + 1, i + 2)
                if j < len(keys) and key[0] and key[0] == keys[j][0] and key[1] != keys[j][1]
            )
            text = "\n".join(run)
            if pairs >= VERSE_RHYMES and text.lower() not in source.lower():
                return text
        run = []
    return None


def _rhyme(line: str) -> tuple[str, str]:
    """(rhyme key, word) of a line's last word: from its last stressed vowel to the end, a
    final d/g/b heard as t/k/p ("bunt" rhymes with "gesund"), an unstressed ending ("-er",
    "-en", "-e") taken with the vowel before it ("Kinder" ~ "Rinder", not ~ "Wasser")."""
    words = re.findall(r"[^\W\d_]+", line.lower())
    if not words:
        return ("", "")
    word = words[-1]
    spans = [m.start() for m in _VOWELS.finditer(word)]
    if not spans:
        return ("", word)
    start = spans[-1]
    if re.fullmatch(r"e[rnlms]?", word[start:]) and len(spans) > 1:
        start = spans[-2]
    key = word[start:]
    key = key[:-1] + {"d": "t", "g": "k", "b": "p"}.get(key[-1], key[-1])
    return (key, word)


def _name_word(word: str, lang: str) -> bool:
    """A word of a firm's or product's name: a legal form or product-line marker, a word with
    a digit or an inner capital ("AW-9", "NordTherm"), or in an English reply a word rare in
    English (see NAME_ZIPF: "Ohlsen", "Förde"). German capitalises every noun, and its
    compounds are rare words too ("Zählerstand"), so a German reply needs the first three."""
    from wordfreq import zipf_frequency

    if _MARKER.match(word) or re.search(r"\d|.[A-ZÄÖÜ]", word):
        return True
    return lang == "en" and zipf_frequency(word.lower(), "en") < NAME_ZIPF


def _common(word: str, lang: str) -> bool:
    """A very frequent word of the reply's language ("great", "looks", "gibt"): half a novel
    word, so chatty letter sentences need more of them (wordfreq, shipped with the package)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "de" if lang == "de" else "en") >= COMMON_ZIPF


def _in_compound(word: str, words: set[str]) -> bool:
    """A German compound part: 'schlüssel' is known from 'kellerschlüssel'."""
    stem = _stemmer("de").stemWord(word)
    return len(stem) >= 5 and any(stem in known or word in known for known in words)


_FUNCTION_WORDS = (
    "deshalb daher darum wegen trotz damit dafür dazu davon dabei ihrer ihres unser unsere "
    "unserer unseren unserem andere anderer anderen anderem anderes genau genauso bereits schon "
    "immer wieder etwa jeweils ausschließlich einfach direkt gleich selbst eigene eigenen "
    "therefore because however always again just also still even own other others another "
    "every such same "
    # hedges, and the names of months and days: a date is judged by drafter.drafting.dates,
    # not as content ("a request now would probably apply from 1 January")
    "probably likely rather wahrscheinlich vermutlich voraussichtlich eher "
    "januar februar märz april juni juli august september oktober november dezember january "
    "february march june july october december montag dienstag mittwoch donnerstag freitag "
    "samstag sonntag monday tuesday wednesday thursday friday saturday sunday"
)
_FUNCTION = frozenset(_FUNCTION_WORDS.split())


def _word_stems(sentence: str, lang: str) -> dict[str, set[str]]:
    """Content words of a sentence (>= 4 letters, no stop or function words) and their forms."""
    out: dict[str, set[str]] = {}
    for raw in _WORDS.findall(sentence):
        word = raw.lower()
        if len(word) < 4 or word in _STOP or word in _FUNCTION:
            continue
        out[word] = {word, _stemmer(lang).stemWord(word), _stemmer("en").stemWord(word)}
    return out
