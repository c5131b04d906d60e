"""Person names in German and English customer mail, without a statistical model.

Names are discovered from cues: titles and salutations ("Herr Dr. Max Müller", "Mrs Smith"),
greetings ("Hallo Anna", "Liebe Frau Schulz", "Dear John"), introductions ("mein Name ist",
"my name is", "Kontoinhaber:"), the line after a closing ("Mit freundlichen Grüßen",
"Best regards" ...) and the first line of a signature block. Every later occurrence of a
discovered or known name is then found too, including the surname or first name alone.
Brand and company words, pronouns and generic nouns are stop words, never names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from drafter.privacy.memos import compile_customer
from drafter.privacy.prefilter import guarded, scan
from drafter.privacy.spans import Span, cased, cue_lines, word_start, words

UC = "A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠČŽŘĚĄĘŞİĞĽŤĎŇŔĹĖŪŲĮĀĒĪŌŐŰŮ"  # Polish, Czech, Turkish, Baltic
LC = "a-zß-öø-ÿłśżźćńšžčřěůőűąęşığľťďňŕĺėūųįāēīō"
TOKEN = (
    rf"(?!(?:Herrn?|Frau|Mrs?|Ms|Miss|Dr|Prof)\b)"
    rf"(?:[{UC}]'[{UC}][{LC}]+|[{UC}][{LC}]+(?:[{UC}][{LC}]+)?(?:-[{UC}][{LC}]+)*)"
)
PARTICLE = r"(?:von|van|de|der|den|zu|di|da|del|la|le|ten|ter|vom|dos|das|du)"
NAME_SEQ = rf"{TOKEN}(?:[ ](?:{PARTICLE}[ ]){{0,2}}(?:[{UC}]\.[ ])?{TOKEN}){{0,3}}"
TITLES = r"(?:Herrn?|Frau|Fr\.|Hr\.|Mr\.?|Mrs\.?|Ms\.?|Miss|Mx\.?)"
ACADEMIC = (
    r"(?:Dr\.?(?:[ ]med\.|[ ]rer\.[ ]nat\.|[ ]jur\.)?|Prof\.?|Dipl\.-Ing\.|Ing\.|Mag\."
    r"|Univ\.Prof\.)"
)
GREETINGS = cased(
    "Hallo",
    "Hi",
    "Hey",
    "Moin",
    "Servus",
    "Grüß[ ]Gott",
    "Liebe",
    "Lieber",
    "Liebes",
    "Dear",
    "Hello",
    "Guten[ ](?:Tag|Morgen|Abend)",
    "Sehr[ ]geehrte[rs]?",
)
INTRO = cased(
    "mein[ ]name[ ]ist",
    "Mein[ ]Name[ ]ist",
    "ich[ ]heiße",
    "my[ ]name[ ]is",
    "(?:Vor|Nach|Voll)?[Nn]ame[ ]?:",
    "Kontoinhaber(?:in)?[ ]?:",
    "Account[ ][Hh]older[ ]?:",
    "im[ ]Auftrag[ ]von",
    "on[ ]behalf[ ]of",
    "auf[ ]den[ ]Namen(?:[ ]von)?",
    "im[ ]Namen[ ]von",
    "in[ ]the[ ]name[ ]of",
    "läuft[ ](?:weiterhin[ ]|noch[ ])?auf",
)
TRIGGER_RE = re.compile(
    rf"(?P<cue>{TITLES[3:-1]}|{ACADEMIC[3:-1]}|{GREETINGS[3:-1]}|{INTRO[3:-1]})"
    rf"[ ]*(?:(?:{TITLES}|{ACADEMIC})[ ]+)*(?P<name>{NAME_SEQ})"
)
CLOSINGS = (
    r"(?:Mit[ ]freundlichen[ ]Grüßen|Mit[ ]freundlichem[ ]Gruß|Freundliche[ ]Grüße|"
    r"Viele[ ]Grüße|Beste[ ]Grüße|Liebe[ ]Grüße|Herzliche[ ]Grüße|Schöne[ ]Grüße|"
    r"Sonnige[ ]Grüße|Gruß|Grüße|MfG|LG|VG|Best[ ]regards|Kind[ ]regards|Warm[ ]regards|"
    r"Kindest[ ]regards|Regards|Best[ ]wishes|Many[ ]thanks|Thanks[ ](?:a[ ]lot|so[ ]much)|"
    r"Thank[ ]you[ ](?:very[ ]much|so[ ]much)|Thanks|Thank[ ]you|Cheers|Sincerely|"
    r"Yours[ ]sincerely|Yours[ ]faithfully|Yours[ ]truly|Best|"
    # the whole thanks formula first: "Danke schön" is no "Danke" + name "schön"
    r"Danke[ ](?:schön|sehr|vielmals)|Danke|Vielen[ ]Dank|--)"
)
CLOSING_RE = re.compile(
    rf"(?im)^[ \t>]*{CLOSINGS}[ \t]*[,.!]?[ \t]*(?:\n[ \t>]*){{0,2}}"
    rf"(?:(?:{TITLES}|{ACADEMIC})[ ]+)*(?P<name>{NAME_SEQ})[ \t]*,?[ \t]*$"
)
SIGNATURE_LINE_RE = re.compile(
    rf"^\s*(?:(?:{TITLES}|{ACADEMIC})[ ]+)*(?P<name>{NAME_SEQ})[ \t]*,?[ \t]*$", re.M
)
_TOKEN_RE = re.compile(TOKEN)
_PARTICLES = frozenset(PARTICLE[3:-1].split("|"))

STOP_WORDS = words(
    """
    Sie Ihr Ihre Ihres Ihrem Ihren Ihnen Ich Wir Du Dein Deine Euch Euer Mein Meine Man Es Er
    Der Die Das Den Dem Des Ein Eine Einen Einem Und Oder Aber Mit Für Von Vom Zum Zur Am Im
    In An Auf Bei Nach Vor Wie Was Wer Wo Wann Warum Bitte Danke Dank Vielen Herzlichen
    Guten Tag Morgen Abend Hallo Liebe Lieber Grüße Grüßen Gruß Sehr Geehrte Geehrter Damen
    Herren Kollegen Kolleginnen Team Teams Kundenservice Kundendienst Service Support Hotline
    Abteilung Kundenbetreuung Kundencenter Zentrale Verwaltung Stadtwerke Stadtwerk Werke
    Energie Gmbh GmbH AG KG Co Gruppe Versorgung Netz Netze Kunde Kundin Kunden Mieter
    Vermieter Hausverwaltung Zusammen Alle Leute Sir Sirs Madam Madame Team Customer Support Care
    Team Dear Hello Hi Thanks Thank Regards Best Kind Sincerely Yours The A An And Or Of To For
    Mr Mrs Ms Dr Prof Herr Frau Sales Billing Office Admin Info Department Company Inc Ltd LLC
    Jahr Januar Februar März April Mai Juni Juli August September Oktober November Dezember
    Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Rechnung Vertrag Zähler
    Abschlag Tarif Strom Gas Wasser Fernwärme Wärme Kundennummer Vertragsnummer Anhang
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March June July
    October December Invoice Contract Meter Account Please Sorry Ok Okay Gesendet Sent Von From
    Tel Telefon Fax Mobil Handy Mail Email Adresse Anschrift Straße Postfach Deutschland
    Durchwahl Nebenstelle
    Allerheiligen Allerseelen Silvester Neujahr Heiligabend Weihnachten Ostern Pfingsten
    Fronleichnam Karfreitag Himmelfahrt Reformationstag Fasching Fastnacht Karneval Advent
    Martinitag Martinstag Whitsun Hogmanay Easter Christmas Halloween Thanksgiving Ramadan
    Bayram Diwali Hanukkah Chanukka Nowruz
    Beaucoup Bonne Journée Cordialement Salutations Saludos Atentamente Cordiali Saluti
    Distinti Groet Groeten Vriendelijke Hartelijke Pozdrawiam Pozdrowienia Raibh Míle Maith
    Agat Diolch Fyrir Ystävällisin Terveisin Venlig Hilsen Hälsningar Vänliga
    Glædelig Glaedelig Jul Feliz Navidad Joyeux Vrolijk Kerstfeest Wesołych Świąt Hyvää
    Joulua Kellemes Karácsonyt Sretan Božić Boas Festas Prettige Feestdagen
    Renault Peugeot Citroën Citroen Opel Skoda Škoda Tesla Volvo Fiat Toyota Honda Mazda
    Nissan Hyundai Dacia Volkswagen Audi Lexus Subaru Suzuki Mitsubishi Cupra Polestar
    Samsung Huawei Xiaomi Lenovo Liebherr Vaillant Viessmann Miele Buderus Junkers Stiebel
    Eltron Daikin Fronius Kostal SolarEdge Enphase Remeha Nibe Techem Kamstrup Itron
    SCHUFA Schufa Creditreform Bürgel Boniversum Experian Equifax Infoscore Crif
    Germany Austria Österreich Schweiz Switzerland Nordlicht Ihrem Unser Unsere Euro Herrn
    Merci Gracias Grazie Dankeschön Teşekkürler Tesekkürler Teşekkür Dziękuję Dzięki Obrigado
    Obrigada Tack Takk Kiitos Bedankt Köszönöm Hvala Mulțumesc Děkuji Ďakujem Danku Salut
    Ciao Tschüss Tschüs Servus Grüezi Moin Ahoi Shukran Spasibo Cheers Thx Tks
    Nachbar Nachbarin Mutter Vater Sohn Tochter Frau Vermieterin Hausmeister Bank
    Familie Ehepaar Eheleute Kollege Kollegin Techniker Monteur Ableser Berater Beraterin
    Geschäftsführer Inhaber Inhaberin Ehemann Ehefrau Partner Partnerin Family Mister
    Grüsse Gruss Grüssen Freundliche Freundlichen Freundlichem Cheers MfG Moin Servus Beste
    Viele Herzliche Schöne Sonnige Lieben Grüessli Kundennr Vertragsnr Rechnungsnr Zählernr
    Auftragsnr Bestellnr Kundennummer Vertragskonto IBAN BIC Mfg Lg Vg Hochachtungsvoll
    Tschüss Ciao Bye Regards Greetings Kontaktformular Kundenportal Portal Objektbetreuung
    Aus Very Much Lots Again Everyone Everybody Herzlich Lieben Liebste Bussi
    Data Protection Officer Officers Manager Managers Director Directors Privacy Complaints
    Legal Accounts Accounting Finance Datenschutz Datenschutzbeauftragte Datenschutzbeauftragter
    Buchhaltung Geschäftsführung Leitung Vorstand Personalabteilung Helpdesk Colleague
    Colleagues Committee Board Reception Empfang Sekretariat Kundenbetreuer Kundenbetreuerin
    Login Logins Passwort Kennwort Password Benutzer Benutzername Username Zugangsdaten
    Callcenter Call-Center Inkasso Inkassobüro Firma Agentur Dienstleister Subunternehmer
    So Too Heaps Loads Pozdrawiam Pozdrowienia Pozdrawiamy Saludos Cordialement Groetjes
    Groeten Hälsningar
    Hilsen Üdvözlettel Srdačno Selamlar Saygılarımla Atenciosamente Cumprimentos Saluti
    Cordiali Distinti Wysłane Poczta Enviado Envoyé Inviato Verzonden Skickat Gönderildi
    Dia Dhuit Sat Sri Akal Iyi Çalışmalar Calismalar Kolay Gelsin Grüess Grüessech Freundlichi
    Liebi Namaste Salaam Shalom Merhaba Hola Ahoj Hej Hallå Buongiorno Bonjour Buenos Bom
    Prokurist Prokuristin Sachbearbeiter Sachbearbeiterin Teamleiter Teamleiterin Assistenz
    Assistent Assistentin Teamassistenz Bauleiter Bauleiterin Objektverwalter Objektverwalterin
    Hausverwalter Hausverwalterin Buchhalter Buchhalterin Vertrieb Einkauf Bürokauffrau
    Bürokaufmann Steuerberater Steuerberaterin Rechtsanwalt Rechtsanwältin Notar Notarin
    """
)


_POSSESSIVE = frozenset(
    ("Your", "Ihr", "Ihre", "Dein", "Deine", "Euer", "Eure", "The", "Das", "Our")
)  # fmt: skip
_GROUPS = frozenset(("Team", "Teams", "Service", "Support", "Kundenservice", "Crew", "Hotline"))
# an institution after a particle ends a name: "Dąbrowski vom Caritasverband Kiel"
_INSTITUTION_END = (
    "verband", "verein", "amt", "werk", "werke", "zentrum", "gericht", "kasse", "schule",
    "institut", "dienst", "büro", "bund", "stelle", "behörde", "kammer", "gesellschaft",
    "klinik", "klinikum", "center", "centre", "heim", "hilfe", "ministerium",
)  # fmt: skip
# ... also inflected: "Herr Maurer von den Stadtwerken", "vom Jugendamtes"
_INSTITUTION_WORD = re.compile(rf"(?:{'|'.join(_INSTITUTION_END)})(?:e?n|e?s)?[,.!:;]?\Z")


def _clean(name: str, stop: frozenset[str]) -> str:
    """Cut a candidate at its first stop word; drop trailing particles."""
    kept: list[str] = []
    for word in name.split():
        # under CLOSING_RE's (?i) a lowercase phrase matches too: "thank you very much",
        # "Liebe Grüße aus dem Norden", "danke und LG" end at their first stop word
        lower_stop = word.islower() and word not in _PARTICLES and word.title() in stop
        # "Hallo liebes Wärmepumpen-Team": a group of people ends the name too
        group = "-" in word and word.rsplit("-", 1)[1].rstrip(",.!:;") in _GROUPS
        group = group or bool(
            kept and kept[-1] in _PARTICLES and _INSTITUTION_WORD.search(word.casefold())
        )
        if word in stop or word.split("-")[0] in stop or lower_stop or group:
            # "Kind regards\nYour Glasfaser team", "Ihr Nordlicht Service": a team signs
            if kept and kept[0] in _POSSESSIVE and word.rstrip(",.!:;").title() in _GROUPS:
                return ""
            break
        kept.append(word)
    while kept and kept[-1] in _PARTICLES:
        kept.pop()
    return " ".join(kept)


def discover(text: str, stop: frozenset[str], *, signature: bool = False) -> list[str]:
    """Names that a cue in `text` points at (titles, greetings, closings, signature)."""
    found: list[str] = []
    for regex in (TRIGGER_RE, CLOSING_RE):
        # the greeting and title cues stand on few lines: those lines only
        for m in scan(regex, text) if regex is TRIGGER_RE else regex.finditer(text):
            if regex is TRIGGER_RE and not word_start(text, m.start()):
                continue
            name = _clean(m.group("name"), stop)
            if name:
                found.append(name)
    if signature:
        for line in text.splitlines():
            if line.strip():
                line_match = SIGNATURE_LINE_RE.match(line)
                if line_match:
                    name = _clean(line_match.group("name"), stop)
                    if name and (len(name.split()) >= 2 or name == line_match.group("name")):
                        found.append(name)
                break
    return found


def parse_display_name(display: str) -> str:
    """A person's name from a From display name ("Mustermann, Max" -> "Max Mustermann")."""
    display = display.strip().strip("\"'").strip()
    display = re.split(r"[ ]+(?:\||–|-|/|·)[ ]+|[ ]\(", display)[0]  # "Svenja Marquardt | Firma"
    if "@" in display:
        return ""
    if display.count(",") == 1:
        last, first = (part.strip() for part in display.split(","))
        display = f"{first} {last}"
    display = re.sub(rf"^(?:(?:{TITLES}|{ACADEMIC})[ ]+)+", "", display)
    return " ".join(display.split())


def variants(names: Iterable[str], stop: frozenset[str], trusted: Iterable[str] = ()) -> set[str]:
    """Full names plus their parts (surname or first name alone) worth searching for.

    A discovered name holding a stop word is dropped; `trusted` names (given by the caller,
    such as the From display name) are kept whole, only their stop-word parts are skipped.
    """
    out: set[str] = set()
    trusted_set = {" ".join(t.split()) for t in trusted}
    for name in [*trusted_set, *names]:
        name = " ".join(name.split())
        if not name:
            continue
        words = name.split()
        if name not in trusted_set and any(w in stop for w in words):
            continue
        out.add(name)
        for word in words:
            if word in stop or word in _PARTICLES or len(word) < 2:
                continue
            if _TOKEN_RE.fullmatch(word):
                out.add(word)
            if "-" in word:  # "Zimmermann-Gfeller" is called "Herr Zimmermann" too
                out.update(
                    p for p in word.split("-") if len(p) > 2 and p not in stop and p[0].isupper()
                )
    return out


# whitespace other than the plain space (`\s` is `str.isspace` in `re`)
_OTHER_SPACE = re.compile(r"[^\S ]")


class _Found(NamedTuple):
    """One occurrence found by `NameMatcher` (the two methods of a match the callers use)."""

    begin: int
    stop: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop

    def span(self) -> tuple[int, int]:
        return (self.begin, self.stop)


class NameMatcher:
    """Every occurrence of a set of names, the same matches `pattern` finds, without compiling
    it: the pattern is spelled from the names of each mail, so `re` compiled a new one for
    every redaction (about 1 ms of Python-level parsing each, two or three times per mail);
    plain `str.find` for each form's first word, then the checks the pattern makes.

    `pattern`'s semantics: the forms are tried longest first at each position (an
    alternation), a space in a form is any run of whitespace, no letter or digit may stand
    right before a match, and after it none either, but for a genitive "s" ("Müllers"); the
    matches do not overlap (left to right, as `finditer`)."""

    def __init__(self, ordered: list[str]) -> None:
        self._ordered = ordered
        self._forms = [form.split(" ") for form in ordered]
        self._compiled: re.Pattern[str] | None = None
        # a form this plain search cannot take (a space at its start or end, two in a row,
        # another whitespace character): the compiled pattern does it all
        self._plain = all(all(parts) for parts in self._forms) and not _OTHER_SPACE.search(
            "".join(ordered)
        )

    @property
    def pattern(self) -> str:
        return _pattern(self._ordered)

    def finditer(self, text: str) -> Iterator[_Found] | Iterator[re.Match[str]]:
        if not self._plain:
            if self._compiled is None:
                self._compiled = compile_customer(self.pattern)
            return self._compiled.finditer(text)
        return iter(self._find(text))

    def _find(self, text: str) -> list[_Found]:
        best: dict[int, tuple[int, int]] = {}  # start -> (the form's rank, end)
        size = len(text)
        for rank, parts in enumerate(self._forms):
            first = parts[0]
            at = text.find(first)
            while at >= 0:
                if at not in best and (at == 0 or not text[at - 1].isalnum()):
                    end = _rest(text, at + len(first), parts)
                    if end >= 0 and (
                        end == size
                        or not text[end].isalnum()
                        or (text[end] == "s" and (end + 1 == size or not text[end + 1].isalnum()))
                    ):
                        best[at] = (rank, end)  # the first rank to match here wins
                at = text.find(first, at + 1)
        out: list[_Found] = []
        last = 0
        for start in sorted(best):
            if start >= last:
                last = best[start][1]
                out.append(_Found(start, last))
        return out


def _rest(text: str, at: int, parts: list[str]) -> int:
    """End of the words after a form's first one, each after a run of whitespace, or -1."""
    for part in parts[1:]:
        gap = at
        while gap < len(text) and text[gap].isspace():
            gap += 1
        if gap == at or not text.startswith(part, gap):
            return -1
        at = gap + len(part)
    return at


def build_matcher(found: Iterable[str]) -> NameMatcher | None:
    """One matcher for every occurrence of the given names (also in capitals)."""
    forms: set[str] = set()
    for value in found:
        forms.add(value)
        forms.add(value.upper())
        forms.add(value.title())
    if not forms:
        return None
    return NameMatcher(sorted(forms, key=len, reverse=True))


def _pattern(ordered: list[str]) -> str:
    """The one regex of `NameMatcher` (its forms longest first)."""
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in ordered)
    # every match starts with the first letter of a form: a look-ahead for those letters
    # turns most positions away in one step (a form starting with a space has no such test)
    firsts = sorted({f[0] for f in ordered})
    quick = "" if any(c.isspace() for c in firsts) else f"(?=[{''.join(map(re.escape, firsts))}])"
    # "_" separates words here ("Zaehlerstand_Mustermann.jpg"); a genitive "s" may follow
    # a name glued to a noun by a hyphen is still the name ("vom Müller-Konto")
    return rf"{quick}(?<![^\W_])(?:{alternation})(?=(?:s|'s|’s)?(?![^\W_]))"


def find_names(text: str, matcher: NameMatcher | None) -> Iterator[Span]:
    if matcher is None:
        return
    for m in matcher.finditer(text):
        yield Span(m.start(), m.end(), "NAME")


# "An: Maike Thomsen <m.t@example.org>", "schrieb "Thomsen, Maike" <...>": the words in front
# of an address in angle brackets are its owner's name (quoted headers, forwarded mail)
_DISPLAY_NAME = re.compile(
    r"(?P<name>(?:[A-ZÄÖÜ][\w'’.-]*,?[ ]){0,3}[A-ZÄÖÜ][\w'’.-]*)\"?[ ]?"
    r"(?:<|\[mailto:|\()(?P<email>[^<>()\s\[\]]+@(?P<domain>[\w.-]+))"
)


def find_display_names(
    text: str, own_domains: tuple[str, ...], stop: frozenset[str]
) -> Iterator[Span]:
    """NAME spans for the display name in front of somebody else's e-mail address."""
    if "@" not in text:
        return
    quick = guarded(_DISPLAY_NAME)
    for m in (m for s, e in cue_lines(text, ("@",)) for m in quick.finditer(text, s, e)):
        domain = m.group("domain").lower()
        if any(domain == d or domain.endswith("." + d) for d in own_domains):
            continue
        for word in re.finditer(r"[^\s,\"]+", m.group("name")):
            value = word.group().strip(".")
            if len(value) < 2 or value in stop or value.title() in stop or "@" in value:
                continue
            start = m.start("name") + word.start()
            yield Span(start, start + len(value), "NAME", "display name of an e-mail address")
