"""Word tests of the free-name finder (`drafter.privacy.freenames`): the relation and role
cues, and what makes a capitalised word a noun rather than a name: a German compound of
known words ("Kontaktformular", "Versicherungsbüro"), a misspelt everyday word ("Eruo"), a
noun after an article, a law after its paragraph, a car model or product after its make, a
product after "use"/"nutzen", a word written like a brand ("FiberBau", "PPPoE") and the
word after it ("macOS Sonoma"), a word
before an institution's head ("Trinity College"), the first word of a job title ("Port
Agent"), a word at the start of a sentence.
"""

from __future__ import annotations

import re

from drafter.privacy.gazetteer import Vocabulary
from drafter.privacy.prefilter import guarded
from drafter.privacy.spans import words

WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_FOREIGN = re.compile(r"[şŞıİğĞłŁøØæÆåÅńŃśŚźŹżŻčČřŘšŠžŽćĆđĐőŐűŰãÃõÕñÑ]")
_RELATIONS = (
    r"mann|frau|sohn|tochter|partner(?:in)?|freund(?:in)?|bruder|schwester|vater|mutter|"
    r"nachbar(?:in)?|vermieter(?:in)?|kollegen?|kollegin|ehemann|ehefrau|lebensgefährt(?:e|in)|"
    r"schwieger(?:mutter|vater|sohn|tochter)|oma|opa|enkel(?:in)?|onkel|tante|cousine?|"
    r"mitbewohner(?:in)?|chef(?:in)?|hausmeister(?:in)?|verwalter(?:in)?|betreuer(?:in)?|"
    r"husband|wife|partner|son|daughter|friend|brother|sister|father|mother|neighbou?r|"
    r"landlord|landlady|colleague|flatmate|roommate|housemate|boss|caretaker|grandmother|grandfather|"
    r"mum|mom|dad|uncle|aunt|tenant|mieter(?:in)?|"
    r"(?:brother|sister|mother|father|son|daughter)-in-law|schwager|schwägerin|"
    r"stief(?:vater|mutter|sohn|tochter)|step(?:father|mother|son|daughter)|neffe|nichte|"
    r"nephew|niece|cousin|grandson|granddaughter|enkel(?:sohn|tochter)|verlobter?|fianc[ée]e?|"
    r"boyfriend|girlfriend|untermieter(?:in)?|lodger|elektriker(?:in)?|electrician|"
    r"handwerker|installateur|plumber|anwalt|anwältin|solicitor|lawyer|steuerberater(?:in)?|"
    r"accountant|hausarzt|hausärztin|arzt|ärztin|doctor|pfleger(?:in)?|carer|betreuerin|"
    # the people who help in a home: "my cleaner dorota", "unsere Putzfrau Jadwiga"
    r"cleaner|cleaning[ ]lady|housekeeper|nanny|babysitter(?:in)?|au[ ]pair|childminder|"
    r"gardener|putzfrau|putzhilfe|reinigungskraft|haushaltshilfe|haushälterin|kindermädchen|"
    r"tagesmutter|gärtner(?:in)?|pflegekraft|betreuungskraft|"
    # partners by other words: "mein Lebenspartner Tarik", "my godson Ruairi"
    r"lebenspartner(?:in)?|ehepartner(?:in)?|pate|patin|patenkind|godson|goddaughter|"
    r"godmother|godfather|"
    # more kin, friends and helpers (session 29): "meine Großmutter Hiltrud", "my nan Edie",
    # "mein Halbbruder Piet", "my twin sister Aoife", "mein Kumpel Hannes", "my ex Dervla",
    # "meine Bekannte Wiebke", "mein Hausverwalter Okonkwo", "my foster son Kwame"
    r"großmutter|großvater|grossmutter|grossvater|urgroßmutter|urgroßvater|grandma|grandpa|"
    r"grandad|granddad|nan|nana|"  # not "granny": "granny annex", "granny flat"
    r"halb(?:bruder|schwester)|stief(?:bruder|schwester)|zwillings(?:bruder|schwester)|"
    r"half-?(?:brother|sister)|step(?:dad|mum|mom|brother|sister)|twin(?:[ ](?:brother|sister))?|"
    r"pflege(?:mutter|vater|sohn|tochter|kind)|foster[ ](?:mother|father|son|daughter|child)|"
    r"kumpel|bekannte[rn]?|mate|buddy|pal|ex|exmann|exfrau|gatte|gattin|vormund|guardian|"
    r"hausverwalter(?:in)?|property[ ]manager|mitarbeiter(?:in)?|azubi|apprentice|flatmates"
)
# "mein verstorbener Mann", "my late husband", "meine Ex-Frau"
_RELATION_ADJ = (
    r"(?:(?:late|ex|former|new|verstorbene[nr]?|ehemalige[nr]?|neue[nr]?|jetzige[nr]?|"
    r"geschiedene[nr]?|ex-)[ -]?)?"
)
CUE_RE = re.compile(
    rf"(?i)(?:\b(?:mein|meine|meinen|meinem|meiner|unser|unsere|unseren|unserem|unserer|"
    rf"dein|deine|ihr|ihre|ihren|euer|eure|euren|my|our|your|his|her|their|der|die|den|dem|"
    rf"the)[ ]{_RELATION_ADJ}"
    rf"(?:{_RELATIONS})"
    rf"(?:[ ](?:heißt|heisst|is|ist|named|called|namens))?"
    r"|\bc/o|\bFam\.|\bFamilie|\bi\.[ ]?A\.|\bi\.[ ]?V\.|\bppa\.|\bWG[ ]mit|\bheißt|\bheisst|"
    r"\bheiße|\bheisse|\bhieß|\bhiess|"  # "er sagte, er heiße Kai", "die Dame hieß Edith"
    # a firm writing for its customer: "für unseren Kunden Malte Stöver", "our client"
    r"\b(?:unser(?:e[nmr]?)?|mein(?:e[nmr]?)?|our|my)[ ](?:kund(?:e|en|in)|"
    r"mandant(?:en|in)?|client|customer)|"
    r"\bnamens|\bnamed|\bcalled|\bgenannt|\bsigned|\bgez\.|\bAnsprechpartner(?:in)?:?|"
    r"\bcontact[ ]person:?|\bzu[ ]Händen(?:[ ]von)?|\bz\.[ ]?Hd\.?(?:[ ]von)?|\battn\.?:?|"
    r"\bEmpfänger(?:in)?:?|\bAbsender(?:in)?:?|\bVertragspartner(?:in)?:?|"
    # a tenant before, after or beside: "Nachmieter ab 1.1.: Finja Rohlfs", "Vormieterin …"
    r"\b(?:vor|nach|unter|haupt|mit)?mieter(?:in)?(?:[ ](?:ab|seit)[ ][\d.]{2,10})?:?|"
    r"\bname[ ]of|\bNamen[ ]von|\bauf[ ](?:den|meinen)[ ]Namen(?:[ ]von)?|\bherrn?|\bfrau|"
    r"\bklingel(?:schild)?[ ](?:steht|sagt)(?:[ ](?:noch|immer[ ]noch|jetzt|nur))?|"
    r"\bmrs?\.?|\bms\.?|\bhr\.?|\bfr\.|\bsachbearbeiter(?:in)?|\bdoorbell|\bKlingel(?:schild)?|\bgrüße|"
    r"\b(?:hi|hey|hello|hallo|moin)[ ,]+(?:it'?s|it[ ]is|this[ ]is|hier[ ]ist)|"
    r"\b(?:Wohnung|Whg\.)(?:[ ]von)?(?=[ ][A-ZÄÖÜ])|"  # the flat by its tenant: "Whg. Petersen"
    r"\bgruß|\bgrüsse|\bregards|\bcheers|\bthanks|\blg|\bvg|\bmfg|\bgeb\.|\bgeborene[rn]?|"
    r"\bnée|\bname[ ]on[ ](?:the[ ])?card|"
    r"\bname[ ]on[ ](?:the[ ])?(?:door)?bell(?:[ ]is|[ ]says)?|"
    # a name quoted as misspelt: 'steht mein Name falsch: "Mutaz Darwisch"', 'my name as "…"'
    # or told when asked: 'I asked his name, he said "Schröder"', "mein Name ist 'Ilse'"
    r"\b(?:mein(?:en)?|my|sein(?:em|en)?|ihr(?:em|en)?|his|her|their)[ ]namen?"
    r"[^\n\"„“'‚»«]{0,30}?(?=[ ,:]+[\"„“'‚»«])|"
    # a name told: "der Ableser, Name Kühne oder so", "sein Name war Kühne", "his name was …"
    # (each alternative starts at a word: the prefilter's quick test keeps its "\b")
    r"\b(?:sein|ihr|his|her|their)[ ]name(?:[ ](?:war|ist|lautet|lautete|was|is))?"
    r"(?=[ ](?-i:[A-ZÄÖÜ]))|\bname(?<=,[ ]name)(?:[ ](?:war|ist|lautet|lautete|was|is))?"
    r"(?=[ ](?-i:[A-ZÄÖÜ]))|\bname[ ](?:war|lautete|was)(?=[ ](?-i:[A-ZÄÖÜ]))|"
    r"\bcard[ ]?holder|\bKarteninhaber(?:in)?|"
    r"\bKontoinhaber(?:in)?|\baccount[ ]holder|\bName[ ]auf[ ]der[ ]Karte)"
    r"[ ,:]+"
)
# a doorbell by the name on it: "bei Hinz klingeln", "bei hansen läuten" (its own pattern, run
# only where the verb stands: "bei" in CUE_RE would let the prefilter pass every "b…")
DOORBELL_VERBS = ("klingeln", "läuten", "schellen")
DOORBELL_CUE_RE = re.compile(r"(?i)\bbei[ ](?=[^\W\d_]+[ ](?:klingeln|läuten|schellen)\b)")
_RELATION_WORD = re.compile(rf"(?i)(?:{_RELATIONS})(?:e?s|e?n)?")
_TITLE = re.compile(r"(?i)herrn?|frau|mrs?\.?|ms\.?|hr\.?|fr\.")
_QUOTE_OPEN = frozenset((" „", ' "', " “", " »", " ‚", " '", " «"))
_QUOTE_CLOSE = frozenset(("“ ", '" ', "” ", "« ", "‘ ", "' ", "» "))
_EVERYDAY = 3.5  # wordfreq zipf from which a word is common in German or English
# from which zipf a capitalised word right before a name, known as neither first name nor
# surname, is a noun ("Kanzlei Brodersen") rather than a first name
_NOUN_BEFORE = 3.5
_NOUN_AFTER = 4.5  # the same after a name: only very common words (surnames reach ~4)
_EVERYDAY_AFTER_FULL = 4.0  # after a first name and a surname: "Kirsten Albertsen Erbe"
# a lowercase word right after a cue that is no first name is a name only below this zipf
# ("grüße kalle" is a name, "cheers mate" and "thanks heaps" are not)
_LOWER_AFTER_CUE = 4.0
_JOIN = re.compile(r"[ ]?(?:und|and|&|u\.|\+|,)[ ]|[ ]")
# a row of a list: a short label, a dash or colon, a capitalised word, a comma or dash
_ROW = re.compile(
    r"(?m)^[ \t>*•-]*[^\n–—:]{1,14}?[ ]?[–—:-][ ](?P<name>[A-ZÄÖÜ][^\W\d_]+)(?=,|[ ][–—-][ ])"
)
_INITIAL = re.compile(r"(?<![\w])[A-ZÄÖÜ]\.[ ]?$")
_LAST_LINE = re.compile(r"(?m)^[ \t]*[^\W\d_]{2,20}(?:[ ][^\W\d_]{2,20})?[ \t]*\s*\Z")
_SENTENCE_END = frozenset('.!?:;\n"„“(>*-•')


def _compound(word: str, vocab: Vocabulary) -> bool:
    """A German compound of known words ("Kontaktformular", "Sauerland")?"""
    lower = word.casefold()
    if len(lower) < 7:
        return False
    for i in range(3, len(lower) - 3):
        tail = lower[i:]
        if len(tail) >= 5 and vocab.zipf_de.get(tail, 0) >= 30:
            return True
        if (
            len(tail) == 4
            and i >= 8
            and vocab.zipf_de.get(tail, 0) >= 30
            and two_words(lower[:i], vocab)
        ):
            return True  # "Nachtspeicheröfen": a short last word after a compound of two
        if len(tail) >= 8 and vocab.zipf_en.get(tail, 0) >= 35:
            return True  # "Lymphdrainage", "Kundenmanagement": a long English loan word last
        if (  # "Forschungshof": a known word of 6+ letters, the linking "s", a known word
            i >= 7
            and lower[i - 1] == "s"
            and vocab.zipf_de.get(tail, 0) >= 30
            and vocab.zipf_de.get(lower[: i - 1], 0) >= 30
        ):
            return True
        if len(tail) >= 7 and tail.endswith("in") and vocab.zipf_de.get(tail[:-2], 0) >= 30:
            return True  # "Berufsbetreuerin": the feminine form of a known word ("Betreuer")
    return False


_JOINT = ("", "s", "n", "en", "es")  # the linking letters of a German compound
_PART = 35  # wordfreq zipf * 10 of each everyday word of a two-word compound


def two_words(word: str, vocab: Vocabulary) -> bool:
    """A German compound of two everyday words of 4+ letters each, with or without linking
    letters or the feminine "-in" ("Ratenplan", "Alleinerbe", "Kassenwartin"): `_compound`
    wants a last part of 5+ letters and misses these. The caller makes sure no surname list
    knows the word ("Bergmann", "Steinbach" are compounds too)."""
    lower = word.casefold()
    if lower.endswith("in") and len(lower) >= 10:
        lower = lower[:-2] if two_words(lower[:-2], vocab) else lower
    if len(lower) < 8:
        return False
    de = vocab.zipf_de
    for i in range(4, len(lower) - 3):
        if de.get(lower[i:], 0) < _PART:
            continue
        head = lower[:i]
        if any(head.endswith(j) and de.get(head[: len(head) - len(j)], 0) >= _PART
               for j in _JOINT if len(head) - len(j) >= 4):  # fmt: skip
            return True
    return False


_UMLAUT_PLAIN = {"ä": "ae", "ö": "o", "ü": "u"}
_TYPO_OF = 45  # zipf * 10 of the everyday word a misspelling is taken for


def _misspelt(word: str, vocab: Vocabulary) -> bool:
    """A very common word with two neighbouring letters swapped or an umlaut put for its vowel
    ("Eruo" for "Euro", "Bröt" for "Brot"): a typo, not a name. The caller makes sure no name
    list knows the word."""
    lower = word.casefold()
    if len(lower) < 4:
        return False
    candidates = [
        lower[:i] + lower[i + 1] + lower[i] + lower[i + 2 :] for i in range(len(lower) - 1)
    ]
    candidates += [
        lower[:i] + plain + lower[i + 1 :]
        for i, char in enumerate(lower)
        if char in _UMLAUT_PLAIN
        for plain in _UMLAUT_PLAIN[char]
    ]
    return any(
        max(vocab.zipf_de.get(c, 0), vocab.zipf_en.get(c, 0)) >= _TYPO_OF
        for c in candidates
        if c != lower
    )


# a German article or determiner right before: what follows is a noun ("des Anschlussnehmers")
_ARTICLE_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?:der|die|das|des|dem|den|ein|eine[nmrs]?|kein|keine[nmrs]?|"
    r"(?:mein|dein|sein|ihr|unser|euer)(?:e[nmrs]?)?|diese[nmrs]?|jede[nmrs]?)[ ]+\Z"
)


# a paragraph reference: the word after it is a law ("§ 41 Abs. 5 EnWG", "§ 35a EStG")
_PARAGRAPH_BEFORE = re.compile(
    r"§§?[ ]?\d+[a-z]?(?:[ ]?(?:Abs\.|Absatz|S\.|Satz|Nr\.|Ziff\.|lit\.)[ ]?\d+[a-z]?)*[ ]\Z"
)
# a car or device make before: the word is its model or product ("Renault Clio", "Google
# Authenticator", "Microsoft Authenticator"); after "Bank" it is the bank's name ("PKO Bank
# Polski")
_MAKE_BEFORE = re.compile(
    r"(?<![\w-])(?:Renault|Peugeot|Citroën|Citroen|Opel|Skoda|Škoda|Tesla|Volvo|Fiat|Toyota|"
    r"Honda|Mazda|Nissan|Hyundai|Kia|Dacia|Volkswagen|VW|Audi|BMW|Seat|Cupra|Ford|Mercedes|"
    r"Google|Microsoft|Apple|Samsung|Amazon|Adobe|Huawei|Xiaomi|Sony|Bosch|Siemens|Miele|"
    # heating, heat-pump and solar makers ("Buderus Logamax", "Vaillant ecoTEC")
    r"Viessmann|Vaillant|Buderus|Junkers|Stiebel[ ]Eltron|Daikin|Mitsubishi|Panasonic|Fronius|"
    r"Kostal|SolarEdge|Enphase|Weishaupt|Brötje|Remeha|Nibe|"
    r"Bank)"
    r"[ ](?:Model[ ])?\Z"
)
# an institution's head word after: the word is part of its name ("Trinity College Dublin")
# an English article (and at most one word) before a lowercase first name that is also a word:
# a noun ("the meter guy", "a frank answer"), not a name
_ARTICLE_BEFORE_LOWER = re.compile(r"(?<![\w'])(?:the|a|an|this|that)[ ](?:[a-z]+[ ])?$")
INSTITUTION_AFTER = re.compile(
    r"[ ](?:College|University|Universität|Hochschule|Hospital|Klinikum|Klinik|School|"
    r"Schule|Gymnasium|Institute|Institut|Academy|Akademie|Stiftung|Foundation)(?![\w-])"
)
# a verb of using before: the word is a product ("our accountants use Xero", "wir nutzen
# Lexware")
_USE_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?:use|uses|using|used|nutze|nutzen|nutzt|verwende|verwenden|verwendet)"
    r"[ ]\Z"
)
# a capital after a small letter inside the word ("FiberBau", "UniFi", "KaVo", "PPPoE"):
# how brands and products are written, not people; a surname prefix before the capital
# ("McDonald", "MacLeod", "DeLuca", "LeBlanc", "VanDyke", "DiMaggio") keeps it a name
_INNER_CAPITAL = re.compile(r"[a-zäöüß][A-ZÄÖÜ]")
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|Fitz|O|D|De|Di|Da|Du|Del|La|Le|Van|Von|St)[A-ZÄÖÜ]")
# an organisation's or a place's ending: "Rabobank", "Volksbank", "Schrevenpark"
_THING_END = ("bank", "park")


def brand_shaped(word: str) -> bool:
    """A word written like a brand or product ("FiberBau", "UniFi", "PPPoE"), or named like an
    institution or a place ("Rabobank", "Schrevenpark"): no person's name."""
    if word.casefold().endswith(_THING_END) and len(word) > 6:
        return True
    inner = _INNER_CAPITAL.search(word, 1)
    return inner is not None and _NAME_PREFIX.match(word[: inner.end()]) is None


# the last word of a job title ("Port Agent", "Key Account Manager", "Technische Leiterin")
_ROLE_HEADS = words(
    "Agent Manager Managerin Officer Director Assistant Assistent Assistentin Coordinator "
    "Koordinator Koordinatorin Engineer Consultant Advisor Adviser Specialist Supervisor "
    "Administrator Executive Controller Leiter Leiterin Berater Beraterin Referent Referentin "
    "Representative Technician Secretary Sekretärin Inspector Surveyor"
)


def _role_follows(text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
    """The word after token `i`, separated by one space, is the head of a job title."""
    if i + 1 >= len(tokens) or tokens[i + 1][2] not in _ROLE_HEADS:
        return False
    return text[tokens[i][1] : tokens[i + 1][0]] == " "


# a model code right after a word makes the word a make: "Mercedes eVito", "Kia EV6", "Liebherr
# MKv 3913", "Apple iPhone" (a code in mixed case or with a short number; not "B2-Kurs")
_MODEL_AFTER = re.compile(
    r"[ ](?:[a-z]{1,2}[A-Z][a-z]+|[A-Z]{1,3}-?\d{1,4}[A-Za-z]{0,3}|[A-Z]{2,3}[a-z]{1,2}[ ]\d{3,5})"
    r"(?![\w-])"
)


def model_ends(text: str) -> dict[int, int]:
    """{where a word ends: where the model code after it ends} for every model code in `text`
    (one scan; two codes cannot overlap: a code starts with a letter after a space and its
    only inner space comes before digits)."""
    return {m.start(): m.end() for m in _MODEL_AFTER.finditer(text)}


def after_brand(text: str, start: int) -> bool:
    """The word before `start` (one space between) is written like a brand ("macOS Sonoma")."""
    if start < 3 or text[start - 1] != " ":
        return False
    first = start - 1
    while first > 0 and text[first - 1].isalpha():
        first -= 1
    before = text[first - 1 : first] if first else ""
    return (
        start - 1 - first >= 2
        and not (before.isalnum() or before in "-_")
        and brand_shaped(text[first : start - 1])
    )


def _common_noun(text: str, start: int, end: int) -> bool:
    """A rare capitalised word that is a noun or a token, not a name: after a German article
    ("Die Ummeldung", "des Betreuerausweises"), glued to a digit ("IPv6"), a law after its
    paragraph ("§ 41 EnWG") or a car model after its make ("Renault Clio")."""
    if text[end : end + 1].isdigit() or brand_shaped(text[start:end]):
        return True
    if INSTITUTION_AFTER.match(text, end) or _USE_BEFORE.search(text, max(0, start - 10), start):
        return True
    if after_brand(text, start):
        return True  # "macOS Sonoma", "KaVo Estetica": a product after its brand
    before = text[max(0, start - 30) : start]
    if "§" in before and _PARAGRAPH_BEFORE.search(before):
        return True
    if guarded(_MAKE_BEFORE).search(before):
        return True
    return guarded(_ARTICLE_BEFORE).search(text, max(0, start - 12), start) is not None


def _capitals_by(text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Is a word of three or more capitals next to token `i`, only a space between them (a
    line such as "ANNA MEIER"; not "UK SIM", not the letters inside "5YJ3E1EA2")?"""
    for k in (i - 1, i + 1):
        if 0 <= k < len(tokens) and len(tokens[k][2]) > 2 and tokens[k][2].isupper():
            a, b = sorted((i, k))
            if text[tokens[a][1] : tokens[b][0]] in (" ", "  "):
                return True
    return False


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


_AFTER_IS = re.compile(r"(?i)[ ](?:ist|is)[ ,:]*\Z")


def noun_after_cue(cue: str, word: str, vocab: Vocabulary) -> bool:
    """A word after a relation cue that no name list knows and that is a noun or an
    adjective: a German compound by both compound tests ("Ich bin ihre Betreuerin,
    Aktenzeichen …"), or after "ist"/"is" a lowercase word or a capitalised everyday one ("Mein
    Mann ist verstorben", "my husband is bedridden"); a rare one stays a name ("… ist Hasselbrink").
    After an address cue ("c/o Pflegedienst Harms") the firm's noun is part of the address."""
    if vocab.is_first_name(word) or vocab.is_surname(word) or vocab.is_german_surname(word):
        return False
    relation = _RELATION_WORD.search(cue) is not None
    if relation and word[:1].isupper() and _compound(word, vocab) and two_words(word, vocab):
        return True
    return _AFTER_IS.search(cue) is not None and (word.islower() or vocab.zipf(word) >= 3.0)


_DAYS = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Mo|Di|Mi|Do|Fr|Sa|So)\.?"
_DAY_ABBREVIATIONS = words("Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun")
_DAY_RUN = re.compile(
    rf"(?<![\w-]){_DAYS}(?:(?:[ ]?[/,&–-][ ]?|[ ](?:and|or|to|und|oder|bis)[ ]){_DAYS})+(?![\w-])"
)


# a weekday's abbreviation before its date: "Date: Thu, 26 Nov 2026", "Fri 27. November"
_DAY_DATE = re.compile(r"\.?,?[ ]\d{1,2}(?:\.|[ ](?:[A-Z][a-z]{2}|[a-z]{3}))")


def weekday(text: str, start: int, end: int) -> bool:
    """A weekday's abbreviation beside another ("Tue/Thu afternoons", "Mon-Fri") or before
    its date ("Thu, 26 Nov 2026"), not the first name "Thu"."""
    if text[start:end] not in _DAY_ABBREVIATIONS:
        return False
    if _DAY_DATE.match(text, end):
        return True
    return any(
        m.start() <= start and end <= m.end()
        for m in _DAY_RUN.finditer(text, max(0, start - 16), min(len(text), end + 16))
    )


def double_surname(word: str, vocab: Vocabulary) -> bool:
    """A double surname ("Adeyemi-Schmidt", "Öztürk-Lange"): capitalised parts, each a listed
    surname or a rare word, not a compound noun with a hyphen ("Wärmepumpen-Team")."""
    parts = word.split("-")
    return len(parts) == 2 and all(
        p[:1].isupper() and (vocab.is_surname(p) or vocab.zipf(p) < 2.4) for p in parts
    )


def compound_noun(word: str, vocab: Vocabulary) -> bool:
    """`_compound`, less a double surname ("Ngozi Adeyemi-Schmidt": "schmidt" is a word too)."""
    return _compound(word, vocab) and not double_surname(word, vocab)


def used_otherwise(text: str, start: int, end: int) -> bool:
    """Is the first name `text[start:end]` used as something else here: a make's product
    ("Renault Clio"), an institution ("Trinity College"), a brand's word ("macOS Sonoma"), a
    weekday, or a lowercase word after an English article ("the meter guy")?"""
    return bool(
        _MAKE_BEFORE.search(text, max(0, start - 30), start)
        or INSTITUTION_AFTER.match(text, end)
        or after_brand(text, start)
        or weekday(text, start, end)
        or (
            text[start:end].islower()
            and _ARTICLE_BEFORE_LOWER.search(text, max(0, start - 24), start)
        )
    )
