"""Recognizers for postal addresses: street + house number and postcode + town.

German streets ("Musterstraße 12a", "Albert-Schweitzer-Str. 5", "Kieler Straße 3",
"Am Hang 3"), English streets ("221B Baker Street", "8906 April Points Apt. 607"; street
types after USPS Publication 28), German/Austrian/Swiss postcode + town ("24103 Kiel",
"A-1010 Wien") and US "City, ST 12345" are in postcodes.py; the further lines of an address
block in address_blocks.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.privacy.prefilter import guarded, scan
from drafter.privacy.spans import Span, cue_lines, digit_lines, words

UC = "A-ZÄÖÜÇŞİ"
LC = "a-zäöüßéèáàâêôûçışğ"
WORD = rf"[{UC}][{LC}]+"
_DE_SUFFIX = (
    r"(?:[Ss]tra(?:ß|ss)e|[Ss]tr\.|[Ww]eg|[Aa]llee|[Pp]latz|[Gg]asse|[Rr]ing|[Dd]amm|[Uu]fer|"
    r"[Cc]haussee|[Ss]teig|[Ss]tieg|[Pp]fad|[Mm]arkt|[Kk]amp|[Ww]all|[Gg]raben|[Tt]wiete|"
    r"[Rr]edder|[Zz]eile|[Pp]romenade|[Kk]ai|[Aa]nger|[Hh]of|[Bb]erg|[Ff]eld|[Gg]arten|"
    r"[Ww]inkel|[Bb]ogen|[Pp]ark|[Hh]öhe|[Ss]tiege|[Ll]ände|[Bb]rücke|[Dd]eich)"
)
_DE_SUFFIX_WORD = (  # "Lübecker Ch. 8": Chaussee shortened
    r"(?:Stra(?:ß|ss)e|Str\.|Ch\.|Weg|Allee|Platz|Gasse|Ring|Damm|Chaussee|Ufer|Markt|Steig|Pfad|"
    r"Wall|Graben|Twiete|Redder|Zeile|Promenade|Kai|Anger)"
)
_DE_PREFIX = (
    r"(?:Am|An[ ]der|An[ ]den|An[ ]dem|Auf[ ]der|Auf[ ]dem|Auf[ ]den|Im|In[ ]der|In[ ]den|"
    r"Zum|Zur|Unter[ ]den|Hinter[ ]der|Hinter[ ]dem|Vor[ ]dem|Vor[ ]der|Bei[ ]der|Alte|"
    r"Alter|Neue|Neuer|Lange|Große|Kleine|Hohe|Obere|Untere|Hohler|Breite|Grüner)"
)
_HOUSE = (  # never with a leading zero: "Hotline 0431 5577-300" is an area code
    # "219 bis", "12 ter" (a French, Belgian, Dutch or Italian extra house); "12 bis 14" is
    # a range of numbers
    r"(?!0)\d{1,4}(?:bis(?![\w])|[ ](?:bis|ter|quater)(?![\w]|[ ]?\d)|[a-zA-Z](?![\w])|"
    r"[ ][a-zA-Z](?![\w/]))?"
    r"(?:[ ]?[-/–][ ]?\d{1,4}[a-zA-Z]?){0,3}"
    r"(?:-(?:III|II|I|IV|hs|huis|bis)(?![\w]))?(?![\d,.]\d)"
)
# what may follow a house number: floor, flat, door ("2. OG links", "App. 1107", "flat 3")
_UNIT = (
    r"(?:(?:,?[ ]?|/)(?:\d{1,2}\.[ ]?(?:OG|Og|og|Stock|stock|Etage|etage|Obergeschoss)|OG|EG|DG|"
    r"\d{1,2}[ ]?(?:OG|og)(?![\w])|"  # "3 OG" without the ordinal's dot
    r"UG|Erdgeschoss|Dachgeschoss|Hochparterre|Souterrain|App\.?|Apartment|Appartement|Wohnung|"
    r"Whg\.?|Zimmer|Zi\.?|[Ff]lat|[Aa]pt[oº]?\.?|[Ll]gh\.?(?=[ ]?\d)|"  # Swedish "lgh 1203"
    r"app\.?(?=[ ]?\d)|"  # lowercase "app. 17": before its number only
    r"(?:Studenten|Senioren|Schwestern|Lehrlings)?[Ww]ohnheim|"
    r"\d{1,2}(?:st|nd|rd|th)[ ]floor|floor[ ]\d+|"
    r"ground[ ]floor|first[ ]floor|[Ss]tiege[ ]\d+|[Tt]ür[ ]\d+|[Tt]op[ ]\d+|[Ss]tg\.?[ ]\d+|"
    r"(?i:hinterhaus|vorderhaus|hinterhof|seitenflügel|gartenhaus|quergebäude|rückgebäude)|"
    r"\d{1,2}\.[ ]?(?:th|tv|mf)\.?|"
    # Spanish, Portuguese, Italian, French and Greek floors and doors: "2º izq", "3º esquerdo",
    # "apto 41", "scala C", "int. 12", "piso 3", "3e étage", "2ος όροφος"
    r"\d{1,2}\.?[º°ªoa](?=[ ,]|$)(?:[ ]?(?:(?i:izq(?:uierda)?\.?|dcha\.?|derecha|"
    r"esq(?:uerdo|uerda)?\.?|dt[oa]\.?|direit[oa]|andar|piso)|[A-Z](?![\w])))?|"
    r"piso|planta|puerta|pta\.|scala[ ][A-Z](?![\w])|int\.|interno|piano|"
    r"\d{1,2}(?:e|er|ème)[ ]étage|étage|appt\.?|bât\.?[ ][A-Z](?![\w])|"
    r"\d{1,2}(?:[oο]ς|[oο]|ης)[ ]όρ[oο]φ[oο]ς|όρ[oο]φ[oο]ς)"
    r"(?:[ ]?\d{1,4}[a-z]?(?!\d|\.[ ]?(?:OG|Stock|Etage)))?"  # not "3" of "Hinterhaus 3. Etage"
    r"(?:,?[ ](?:links|rechts|mitte|left|right|li\.|re\.))?){0,2}"
)
_LOWER_SUFFIX = (
    r"(?:straße|strasse|str\.|str(?=[ ]?\d)|weg|allee|platz|gasse|ring|damm|chaussee|ufer|berg|"
    r"redder|twiete|kamp|stieg|"
    r"vej|vejen|gade|gaden|steig|stieg|pfad|markt|kamp)"
)
# a street written in lowercase or glued to its number ("bahnhofstr.12", "kuhberg 7")
LOWER_STREET_RE = re.compile(
    rf"(?<![\w-])(?:[a-zäöüA-ZÄÖÜ][a-zäöüß]{{2,}}(?:er|sche[nr]?)[ ]"
    rf"(?:[a-zäöüß-]*{_LOWER_SUFFIX}|weg)[ ]?{_HOUSE}{_UNIT}"
    rf"|[a-zäöü][a-zäöüß-]{{2,}}{_LOWER_SUFFIX}[ ]?{_HOUSE}{_UNIT})"
    rf"|(?<![\w-])(?:[A-ZÄÖÜ][a-zäöüß]+(?:er|sche[nr]?)[ ])?[A-ZÄÖÜ][a-zäöüß-]{{2,}}"
    rf"(?:str\.|str(?=[ ]?\d)|vej|vejen|gade|gaden)[ ]?{_HOUSE}{_UNIT}"
)
# a post-office box: "PO Box 2281", "P.O. Box 77", "Postfach 12 04", "BP 4071", "Postbus 118"
PO_BOX_RE = re.compile(
    r"(?<![\w-])(?:P\.?[ ]?O\.?[ ]?Box|GPO[ ]Box|Post[ ]Office[ ]Box|Postfach|Postbus|Postboks|"
    r"Postbox|Apartado(?:[ ]de[ ]correos)?|Casella[ ]postale|Boîte[ ]postale|"
    r"Locked[ ]Bag)[ ]?(?:Nr\.?[ ]?)?\d{1,6}(?:[ ]\d{2,4})?(?![\w])"
    r"|(?<![\w-])B\.?P\.?[ ]\d{3,5}(?![\w])"  # French "BP 4071" (not "BP 2")
)
# number first, street type, name: "14, rue des Tanneurs", "3 bis, avenue Jean-Jaurès, Bât. C"
ROMANCE_STREET_RE = re.compile(
    r"(?<![\w.,/-])\d{1,4}(?:[ ]?(?:bis|ter|quater|[A-Da-d])(?![\w]))?,?[ ]"
    r"(?i:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours|passage|"
    r"via|viale|piazza|corso|calle|avenida|carrer|rua)[ ]"
    r"(?:(?:de|des|du|de[ ]la|d'|l'|della|del|di|da|do|dos)[ ]?)?"
    r"(?:[A-ZÀ-Ý][\w'’-]+(?:[ ](?:de[ ]|la[ ]|du[ ])?[A-ZÀ-Ý][\w'’-]+){0,3}"
    # in lowercase ("14 rue pasteur, 69007 lyon") only before a postcode or at the line's end
    r"|[a-zà-ý][\w'’-]+(?:[ ][a-zà-ý][\w'’-]+){0,2}"
    r"(?=,?[ ](?:[A-Z]{1,2}-)?\d{4,5}[ ]|[ \t]*(?:\n|$)))"
    r"(?:,[ ](?:Bât\.?|Bâtiment|Esc\.?|Escalier|Appt\.?|Porte|Étage)[ ]?\w{1,4})?"
)
# Central and Eastern European street types after the name: "Klatovská třída 118", "ul. Długa
# 5"; and before it in Romanian: "Str. Polonă 41, ap. 12", "Bd. Unirii 15, bl. A2, ap. 7"
SLAVIC_STREET_RE = re.compile(
    r"(?<![\w-])(?:[A-ZÀ-Ž][\w-]+[ ](?:třída|ulice|náměstí|nábřeží|ulica|aleja|utca|út)"
    r"|(?:[Uu]l\.|ulica|[Aa]l\.|Str\.|Strada|Bd\.|Bulevardul|Calea|Aleea|Șos\.|Șoseaua)"
    r"[ ][A-ZÀ-Ža-zà-ž][\w-]+(?:[ ][A-ZÀ-Ž][\w-]+)?)[ ](?:nr\.[ ]?)?\d{1,4}[a-zA-Z]?"
    r"(?:/\d{1,4})?(?:[ ]m\.[ ]\d{1,4})?"  # "ul. Długa 17 m. 4": m. = the flat
    r"(?:,[ ](?:bl|sc|et|ap)\.[ ]?\w{1,4}){0,4}(?![\w])"  # Romanian block, stair, floor, flat
)
# the words these patterns need on a line (a substring test before the regex)
_PO_BOX_CUES = ("box", "postfach", "postbus", "postboks", "apartado", "casella", "boîte",
                "bag", "bp ", "b.p.")  # fmt: skip
_ROMANCE_CUES = ("rue ", "avenue", "av. ", "boulevard", "bd ", "place ", "chemin", "allée",
                 "impasse", "quai ", "route ", "cours ", "passage ", "via ", "viale", "piazza",
                 "corso ", "calle ", "avenida", "carrer", "rua ")  # fmt: skip
_SLAVIC_CUES = ("třída", "ulice", "náměstí", "nábřeží", "ulica", "aleja", "utca", " út ", "ul. ",
                "al. ", "str. ", "strada ", "bd. ", "bulevardul", "calea ", "aleea ",
                "șos")  # fmt: skip
_CUED_STREETS = (
    (PO_BOX_RE, _PO_BOX_CUES, "post-office box"),
    (ROMANCE_STREET_RE, _ROMANCE_CUES, "number + street type + name"),
    (SLAVIC_STREET_RE, _SLAVIC_CUES, "street + type + number"),
)
# a street without its number: "Tannenbergallee", "Holtenauer Str."
BARE_STREET_RE = re.compile(
    r"(?<![\w-])(?:[A-ZÄÖÜa-zäöü][a-zäöüß-]{2,}(?:straße|strasse|str\.|allee|gasse|chaussee)"
    r"|[A-ZÄÖÜ][a-zäöüß]+(?:er|sche[nr]?)[ ](?:Straße|Strasse|Str\.|Allee|Weg|Chaussee|Damm|Ring|"
    r"Landstraße|Gasse|Stieg|Steig|Kamp|Ufer))"
    r"(?![\w])"
)
# any word(s) + house number right before a postcode: "Sophienblatt 64, 24114 Kiel"
BEFORE_POSTCODE_RE = re.compile(
    rf"(?<![\w-])(?:[A-ZÄÖÜa-zäöü][\wäöüß.'-]+[ ]){{0,2}}[A-ZÄÖÜa-zäöü][\wäöüß.'-]+[ ]{_HOUSE}"
    rf"{_UNIT}[ ]*$"
)
_LEADING = words(
    "in im in der die den dem das an am auf zur zum nach bei von vom aus at to from nach ist "
    "wohne wohnen lebe adresse anschrift address is"
)
_POSTCODE_AFTER = re.compile(
    r"(?:,|\n|·|\||[ ]in)[ ]*(?:[A-Z]{1,3}-)?(?:\d{4,5}|\d{2}-\d{3})[ ]"  # "I-39012", "90-926"
    r"|[ ](?=\d{5}[ ][A-ZÄÖÜ][a-zäöüß])\d{5}[ ]"  # no comma: "Sandweg 12 24148 Kiel"
)
_ADJECTIVES = (
    "Alt|Neu|Klein|Groß|Gross|Lang|Hoh|Breit|Ober|Unter|Hinter|Vorder|Mittler|Kurz|Krumm|Still|"
    "Schwarz|Rot|Weiß|Weiss|Grün|Blau|Hell|Dunkel|Schmal|Tief|Nieder|Äußer|Inner|Heilig|Westlich|"
    "Östlich|Nördlich|Südlich|Kalt|Warm|Trocken|Schön|Hoch|Ost|West|Nord|Süd"
)
# an address introduced by a cue: "Hausnummer 44", "wohne seit Juli in Kiel-Gaarden, Karlstal 28"
CUE_STREET_RE = re.compile(
    rf"(?i:hausnummer|hausnr\.?|house[ ]number)[ :]*(?:\n[ \t]*)?{_HOUSE}"  # a form: below
    rf"|(?:(?<=[,:][ ])|(?<=\())[A-ZÄÖÜ][a-zäöüß]{{3,}}[ ]{_HOUSE}{_UNIT}"
    rf"(?=[ ]*(?:[.,;)\n]|:[ ]*(?:\n|$)|$))"  # "…, Schusterkrug 2:" at a line's end too
    rf"|(?<=\()(?:Hof|Gut|Haus|Villa|Mühle|Schloss|Am|Im|(?:{_ADJECTIVES})(?:e|er|es|en)?|"
    rf"[A-ZÄÖÜ][a-zäöüß]{{2,}}er)[ ][A-ZÄÖÜ][a-zäöüß]{{2,}}[ ]{_HOUSE}(?=\))"  # "(Hof Hammer 9)"
)
# an address word + number after words that announce one: "The address is Sophienblatt 78 c/o"
ANNOUNCED_STREET_RE = re.compile(
    rf"(?i:\baddress[ ]is|\badresse[ ]ist|\banschrift[ ]ist|\bI[ ]live[ ]at|\bI'?m[ ]at|"
    rf"\bwe[ ]live[ ]at|\bwohne[ ]jetzt|\bwohnen[ ]jetzt|\bneue[ ]adresse:?|\bnew[ ]address:?|"
    # a home's name before its street: "Neue Anschrift: Seniorenwohnanlage Am Markt 3"
    rf"\bneue[ ]anschrift:?|\bnew[ ]home:?|"
    # the cue word alone, in any case, before a capitalised word and a number: "adresse
    # Sophienblatt 81a", "Anschrift: Moorblöcken 3", "Address: Holstenhof 4"
    rf"\badresse:?|\banschrift:?|\baddress:?)[ ]"
    rf"(?P<street>(?:[A-ZÄÖÜ][\wäöüß'-]+[ ]){{0,2}}[A-ZÄÖÜ][\wäöüß'-]{{2,}}[ ]{_HOUSE}{_UNIT})"
)
# the letters, hyphens and dots of a compound street run up to its house number ("[ ]5" or,
# after "Str.", "5"): a look-ahead over that run turns away a capitalised word with no number
# after it before `re` tries every suffix at every letter of it (same matches, ~3x faster)
_TO_NUMBER = rf"(?=[{UC}{LC}ß.-]*+[ ]?\d)"
DE_STREET_RE = re.compile(
    rf"(?<![\w-])(?:"
    rf"(?P<compound>{_TO_NUMBER}{WORD}(?:-{WORD})*-?{_DE_SUFFIX})"
    rf"|(?:{WORD}[ ]{_DE_SUFFIX_WORD})"
    rf"|(?P<prep>{_DE_PREFIX}[ ](?:{WORD}[ ]){{0,1}}{WORD}(?:-{WORD})*)"
    rf")(?:[ ]|(?<=\.)){_HOUSE}"  # "Holtenauer Str.63": glued after the abbreviation's dot
)
# "Straße 5" alone or "Im Jahr 2023": these are not addresses.
_PREP_STOP = words(
    "Jahr Jahre Monat Moment Rahmen Vorfeld Anhang Auftrag Namen Zeitraum Durchschnitt Schnitt "
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember "
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Wochenende Ende Anfang "
    "Abschlag Tarif Vertrag Zähler Haus Stand Betrag Preis Jahresverbrauch Minuten Stunden "
    "Tag Tage Wochen Euro Prozent Punkt Punkte Kapitel Absatz Paragraph Seite Schreiben "
    "Nummer Rechnung Teil Schritt Folge Position Stufe Zimmer Raum Gebäude Version Artikel "
    "Anlage Beilage Foto Fotos Bild Bilder Ziffer Abs Nr Beispiel Frage Fragen Fall Tarif Stand "
    "Gruppe Klasse Level Schicht Linie Bus Gleis Tor Halle Block Runde Platz Woche Quartal "
    # software and devices with a version number ("Android 14", "Firefox 131")
    "Android Firefox Chrome Safari Windows Ubuntu Debian Fedora Galaxy iPhone iPad Pixel Edge "
    "Opera Office Excel Outlook Thunderbird Python Java Kernel Build Update Release Modell Model "
    "Error Fehler Fehlercode Status Code HTTP"  # "(Error 500)": a status code
)

_EN_TYPES = (
    "Alley|Avenue|Bend|Boulevard|Branch|Bridge|Brook|Burg|Bypass|Camp|Canyon|Cape|"
    "Causeway|Center|Circle|Cliff|Club|Common|Corner|Course|Court|Cove|Creek|Crescent|"
    "Crest|Crossing|Crossroad|Curve|Dale|Dam|Divide|Drive|Estate|Expressway|Extension|Fall|"
    "Ferry|Field|Flat|Ford|Forest|Forge|Fork|Fort|Freeway|Garden|Gateway|Glen|Green|Grove|"
    "Harbor|Haven|Heights|Highway|Hill|Hollow|Inlet|Island|Isle|Junction|Key|Knoll|Lake|"
    "Land|Landing|Lane|Light|Loaf|Lock|Lodge|Loop|Mall|Manor|Meadow|Mews|Mill|Mission|"
    "Motorway|Mount|Mountain|Neck|Orchard|Oval|Overpass|Park|Parkway|Pass|Passage|Path|"
    "Pike|Pine|Place|Plain|Plaza|Point|Port|Prairie|Radial|Ramp|Ranch|Rapid|Rest|Ridge|"
    "River|Road|Route|Row|Rue|Run|Shoal|Shore|Skyway|Spring|Spur|Square|Station|"
    "Stravenue|Stream|Street|Summit|Terrace|Throughway|Trace|Track|Trafficway|Trail|"
    "Tunnel|Turnpike|Underpass|Union|Valley|Via|Viaduct|View|Village|Ville|Vista|Walk|Wall|"
    "Way|Well|Close|Gardens|Gate|Grange|Hall|Parade|Rise|Wharf|Wynd|Yard|Lawn|Lawns|Downs|"
    "Drove|Quay|Embankment|Circus|Chase|Croft|Fold|Garth|Mead|Paddock|Vale|Wood|Woods|Brae|"
    "Cottages|Villas|Mansions|Avenue|Park|Crescent|Heath"
)
_EN_ABBREVIATIONS = "Ave|Blvd|Cir|Ct|Dr|Hwy|Ln|Pkwy|Pl|Rd|Sq|St|Ter|Trl"
EN_STREET_RE = re.compile(
    rf"(?<![\w-])\d{{1,5}}[A-Za-z]?[ ](?:(?:N|S|E|W|NE|NW|SE|SW)\.?[ ])?"
    # a name of one to three words, or a numbered street ("1st St", "W 23rd Street")
    rf"(?:(?:[A-Z][a-z']+|\d{{1,3}}(?:st|nd|rd|th))[ ]){{1,3}}"
    rf"(?:(?:{_EN_TYPES})(?:e?s)?\b|(?:{_EN_ABBREVIATIONS})\b\.?)"
    rf"(?:,?[ ](?:Apt\.?|Apartment|Suite|Ste\.|Unit|Flat|\#)[ ]?[A-Z]?\d[\w-]{{0,5}}\b)?"
)


# what belongs to a street in front of the word the recognizers start at: an adjective
# ("Kleiner Kuhberg 12", "Hohes Feld 3"), a farm, estate or business estate ("Gut Wulfshagen
# 2", "Gewerbegebiet Nord 5"), a French or
# Italian article ("Rue de Lausanne 45", "Via del Corso 12"), an English flat ("Flat 3, 27 ...")
_STREET_LEFT = re.compile(
    rf"(?:(?<![\w-])(?:(?:{_ADJECTIVES})(?:e|er|es|en)?|[A-ZÄÖÜ][a-zäöüß]{{2,}}er|Gut|Hof|Schloss|"
    rf"Gehöft|Kloster|"
    # a business estate: "Gewerbegebiet Nord 5", "Industriepark Süd 12"
    rf"(?:Gewerbe|Industrie|Technologie|Business)(?:gebiet|park|hof)|"
    rf"Rue|Route|Chemin|Avenue|Place|Quai|Boulevard|Via|Viale|Piazza|Calle|Rua|Avenida|"
    rf"Travessa|Paseo|Carrer|Corso)"
    rf"(?:[ ](?:de|des|du|de[ ]la|de[ ]l'|d'|della|del|dei|di|da|do|dos|das|la|le|les))?[ ]"
    rf"(?:[A-ZÀ-Ý][a-zà-ÿ]+[ ])?"  # "Rua Oscar Freire 379": a name of two words
    rf"|(?<![\w-])(?:Flat|Apartment|Apt\.?|Unit|Suite|Room)[ ]\d\w{{0,3}},?[ ]"
    rf"(?:[A-Z][a-z']+(?:[ ][A-Z][a-z']+){{0,2}},[ ])?)$"  # "Apartment 6, Harbour View, 12 …"
)
_FLAT_WORDS = ("Flat", "Apartment", "Apt", "Unit", "Suite", "Room")
_ANNOUNCED_CUES = ("address", "adresse", "anschrift", " at ", "wohne")
# "Straße: Sandkamp" in a form: the street after its label, without the number
LABELLED_STREET_RE = re.compile(
    r"(?im)^[ \t]*(?:straße|strasse|street|str\.|anschrift|adresse|address)[ \t]*:[ \t]*"
    r"(?P<value>[A-ZÄÖÜa-zäöü][^\n,;]{2,40}?)[ \t]*$"
)


def _left(text: str, start: int) -> int:
    """`start` moved left over an adjective, estate word, article or flat before the street."""
    before = text[max(0, start - 44) : start]
    flat = any(w in before for w in _FLAT_WORDS)  # "Apartment 6, Harbour View, 12 …": wider
    m = guarded(_STREET_LEFT).search(text, max(0, start - (44 if flat else 24)), start)
    if m is None or text[m.start() : start].strip() in _PREP_STOP:
        return start
    return m.start()


def find_streets(text: str) -> Iterator[Span]:
    for span in _find_streets(text):
        yield span._replace(start=_left(text, span.start))
    for m in LABELLED_STREET_RE.finditer(text):
        yield Span(m.start("value"), m.end("value"), "ADDRESS", "street after its label")


# a month or weekday and a number is a date ("November 17, 2026"), not a street before a postcode
_CALENDAR = re.compile(
    r"(?i:januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|"
    r"dezember|january|february|march|may|june|july|october|december|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)\b[ .,]*\d{1,2}(?:st|nd|rd|th)?\b"
)


def _over(
    regex: re.Pattern[str], text: str, lines: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    finditer = guarded(regex).finditer  # looked up once, not once per line
    for start, end in lines:
        yield from finditer(text, start, end)


def _find_streets(text: str) -> Iterator[Span]:
    lines = digit_lines(text)
    for m in _over(DE_STREET_RE, text, lines):
        prep = m.group("prep")
        if prep:
            words = prep.split()
            number = m.group()[len(prep) :].strip()
            if words[-1] in _PREP_STOP or re.fullmatch(r"(19|20)\d\d", number):
                continue
        end = _unit_end(text, m.end())
        yield Span(m.start(), end, "ADDRESS", "street + number")
    for m in _over(_WORD_NUMBER, text, lines):  # "Sophienblatt 44 (4th floor)": a unit says so
        if m.group(1) in _PREP_STOP:
            continue
        end = _unit_end(text, m.end())
        if end > m.end():
            yield Span(m.start(), end, "ADDRESS", "word + number + flat or floor")
    for m in scan(LOWER_STREET_RE, text, lines):  # its unit may stand in brackets too
        why = "street + number (lowercase or glued)"
        yield Span(m.start(), _unit_end(text, m.end()), "ADDRESS", why)
    for m in _over(EN_STREET_RE, text, lines):
        yield Span(m.start(), _unit_end(text, m.end()), "ADDRESS", "street + number (en)")
    for start, end in cue_lines(text, _ANNOUNCED_CUES):
        for m in ANNOUNCED_STREET_RE.finditer(text, start, end):
            if m.group("street").split()[0] in _PREP_STOP:
                continue
            yield Span(m.start("street"), m.end("street"), "ADDRESS", "street (announced)")
    for m in scan(BARE_STREET_RE, text):
        yield Span(m.start(), m.end(), "ADDRESS", "street name without number")
    low = text.lower()  # one substring test per cue list before its lines are searched
    for regex, cues, why in _CUED_STREETS:
        if any(c in low for c in cues):
            for m in _over(regex, text, list(cue_lines(text, cues))):
                yield Span(m.start(), m.end(), "ADDRESS", why)
    for m in _over(CUE_STREET_RE, text, lines):
        if m.group().split()[0] not in _PREP_STOP:  # not "Seite 2 von 3, Absatz 4."
            yield Span(m.start(), m.end(), "ADDRESS", "house number (cue)")
    for start, end in cue_lines(text, ("hausnummer", "hausnr", "house number")):
        below = text.find("\n", end + 1)  # a form's field with its value on the next line
        for m in CUE_STREET_RE.finditer(text, start, len(text) if below < 0 else below):
            if "\n" in m.group():  # the number alone: the field's label stays
                at = m.start() + len(m.group()) - len(m.group().split("\n")[-1].lstrip())
                yield Span(at, m.end(), "ADDRESS", "house number (cue, line below)")
    for post in _POSTCODE_AFTER.finditer(text):  # "Sophienblatt 64, 24114 Kiel"
        line_start = max(text.rfind("\n", 0, post.start()) + 1, post.start() - 80)
        before = BEFORE_POSTCODE_RE.search(text, line_start, post.start())
        calendar = before and guarded(_CALENDAR).search(text, before.start(), before.end())
        if before and not calendar:  # "May 3, 2027": a date, not a street
            start = _street_start(text, before.start(), before.end())
            if _UNIT_FIRST.match(text, start):  # "Kiellinie 70, app. 2, 24105 Kiel"
                left = max(line_start, start - 40)
                street = _STREET_BEFORE_UNIT.search(text, left, start)
                street = street or _PLACE_BEFORE_UNIT.search(text, left, start)
                start = street.start() if street else start
            yield Span(start, before.end(), "ADDRESS", "words + number before a postcode")


_NUMBER_START = re.compile(rf"[ ]{_HOUSE}")
# a flat or room written before a postcode: the street stands in front of it
_UNIT_FIRST = re.compile(
    r"(?i)(?:app\.?|apt\.?|apartment|whg\.?|wohnung|flat|zi\.?|zimmer|parzelle|lgh\.?)[ ]?\d"
)
# a plot's place without a number before it: "am Schwentinetal, Parzelle 37, 24148 Kiel"
_PLACE_BEFORE_UNIT = re.compile(r"(?i)(?<![\w-])(?:am|im|an[ ]der|zum|zur)[ ][^\W\d_]{4,},[ ]$")
_STREET_BEFORE_UNIT = re.compile(rf"(?<![\w-])[A-ZÄÖÜ][\wäöüß.'-]+[ ]{_HOUSE},?[ ]$")
_TYPE_WORD = re.compile(rf"(?i){_DE_SUFFIX_WORD}|{_LOWER_SUFFIX}|{_EN_TYPES}")
_PREFIX_WORDS = re.compile(rf"{_DE_PREFIX}")
_TYPE_FIRST = re.compile(
    r"(?i:via|viale|corso|piazza|piazzale|largo|vicolo|calle|avenida|rua|rue|avenue|boulevard|"
    r"chemin|quai|allée|ul\.|al\.|ulica|aleja|plac)"
)
_COMPOUND_STREET = re.compile(r"[A-ZÄÖÜ][a-zäöüß-]{2,}(?:straße|strasse|weg|ring|allee|damm|gasse)")


def _street_start(text: str, start: int, end: int) -> int:
    """Where the street of "words + number" begins: its last word, plus the word before it
    when that is a street type ("Knooper Weg"), plus a German prefix ("An der", "Alte").
    Words in front ("flat is", "schicken an", "Wohnung", "Anschluss") are not the street."""
    number = _NUMBER_START.search(text, start, end)
    if number is None:
        return start
    names = list(re.finditer(r"\S+", text[start : number.start()]))
    if not names:
        return start
    glued = [i for i, n in enumerate(names) if re.search(r"\d", n.group())]
    if glued:  # "Max-Eyth-Str.9 room 0412": the street carries its number, a unit follows
        return start + names[glued[0]].start()
    first = len(names) - 1
    before = names[first - 1].group() if first > 0 else ""
    if _TYPE_WORD.fullmatch(names[first].group()) and before and before.lower() not in _LEADING:
        first -= 1
    if first > 0 and _COMPOUND_STREET.fullmatch(names[first - 1].group()):
        first -= 1  # "Gewerbering Nord 22", "Industriestraße Süd 4"
    typed = [i for i in range(first) if _TYPE_FIRST.fullmatch(names[i].group())]
    if typed:  # "Corso Buenos Aires 33", "Via Paolo Sarpi 14": the type opens the street
        return start + names[typed[0]].start()
    for size in (2, 1):  # "An der Schanze 3", "Alte Lübecker Chaussee 12"
        if first >= size:
            prefix = " ".join(n.group() for n in names[first - size : first])
            if _PREFIX_WORDS.fullmatch(prefix):
                first -= size
                break
    return start + names[first].start()


_UNIT_RE = re.compile(_UNIT)
_WORD_NUMBER = re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]{3,})[ ]\d{1,4}[a-zA-Z]?(?![\w.,/-]?\d)")
# a unit in brackets: "(4th floor)", "(Hinterhof)", "(2. OG links)"
_PAREN_UNIT_RE = re.compile(
    r"[ ]?\((?:[^()\n]{0,14}(?:floor|OG|Stock|Etage|links|rechts|left|right)|Hinterhaus|"
    r"Vorderhaus|Hinterhof|Seitenflügel|Gartenhaus|Quergebäude|Souterrain|basement|rear|"
    r"Dachgeschoss|Erdgeschoss|Obergeschoss|Dachwohnung|Einliegerwohnung|DG|EG|"
    r"Whg\.?[ ]?\d+|[Ff]lat[ ]\d+\w?|[Aa]pt\.?[ ]\d+\w?)\)"
)


def _unit_end(text: str, end: int) -> int:
    m = _UNIT_RE.match(text, end)
    end = m.end() if m else end
    m = _PAREN_UNIT_RE.match(text, end)
    return m.end() if m else end
