"""Vocabulary for cue-free name recognition, loaded once per process from installed packages.

- First names: drafter's own first-name table (`drafter.firstnames`: about 79,000 names from
  US SSA births, Austrian, Swiss and British statistics and the Moby lists, all permissive;
  drafter/data/FIRST_NAMES_LICENSE.md). "Strong" names are in an Austrian, Swiss or British
  list ("local") or were given to at least 1,000 US children; names only in the US
  register given to fewer than 100 children ("Geomar": 30) are left out (misspellings and
  one-off names). Faker's first-name lists of the `SURNAME_LOCALES` add the names those
  registers lack ("Imke", "Kai-Uwe"), as ordinary (not strong, not local) names, but only
  those that are rare as words (zipf < 3.0: not "Lage", "Floor", "Salami"). Those of middling
  frequency as words (zipf 3.0 to 3.5: "Gernot", "Volkmar", "Thilo", but also "Salami",
  "Corona") are kept apart (`middling_names`): a name only beside a name or after a name cue.
- Surnames: the surname lists of the installed `Faker` package (MIT; about 10,900
  Latin-script surnames of the locales in `SURNAME_LOCALES`, read, not copied into drafter),
  only to tell a surname that is also an everyday word ("Koch", "Braun") from a common noun
  standing next to a name ("Kanzlei", "Objekt").
- Word frequencies: `wordfreq`'s German and English lists (zipf scale), to tell a common word
  from an unknown proper noun, and a German compound ("Kontaktformular" = "Kontakt" +
  "Formular") from a surname.

Nothing is downloaded: the table ships with drafter, wordfreq and Faker ship their data.
Loading takes one to three seconds and is done lazily on first use (`vocabulary()`), then
kept for the process; the desk keeps the built lists in `<data dir>/cache/` for its next start.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import importlib.util
import marshal
import re
import sys
import threading
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path

from drafter import firstnames
from drafter.privacy.shortnames import MAX_ZIPF, SHORT_NAMES, WORD_FORM_NAMES
from drafter.privacy.spans import words
from drafter.start_cache import write_quietly

# first names that are also everyday German or English words: a name only with a cue or
# next to another name ("Frank" in "frank und frei", "Will", "Mark", "Rose", "August" ...)
AMBIGUOUS_NAMES = (
    words(
        """
    Ab Ad Ago Ah Alter Am An Anders Ans Anti April Ard Are Armen August Ba Bach Ban Basel Bay
    Be Beat Bei Beste Bill Bin Bitten Can Carry Christen Co Constant Da Dat Deep Des Desire Di
    Din Ding Do Doc Drin Du Due Duo Ed Eine Else En Enkel Era Even Faith Fan Fang File Floor
    Foto France Frank Gab Gang Ge German Go Grace Grant Gun Ha Hang Hat Hau He Heide Hero Hey Hi
    Hope Ideal Il Im In Islam Israel Ja Je Job Joke Joy June Jung Kader Kai Kamen Key Lang Le
    Lee Leib Li Lie Lies Line Loan Long Love Mai Major Mal Man Marine Mark Mate Max May Me Mein
    Mi Mile Min Mine Mio Mir Mist Moon My Na Nato Novel Nur Oh Ok Olympia On One Paris Per Rain
    Rein Reine Roma Rosen Run Sa Sad Said San Santa Sau Se Sei Seid Seit Si Silver So Solange
    Son Song Soon Spass Stein Sub Summer Sun Tage Tal Tat Te Tea Than The Tie Tiny To Ton Tor
    Tore Trees Tu Tue Uk Un Urban Vice Will Wen Wies Wo Wolf Won Ya You Young Ernst Rosa Fritz
    Art Dean Pat Rich Sunny Ruby Amber Jade Iris Flora Viola Heather Holly Ivy Dawn Crystal
    Angel Brook Chance Clay Cliff Drew Earl Forest Glen Grey Hunter Lane Miles Neil Penny Ray
    Rob Rod Sterling Stone Storm Wade Ware Bank Bruder Engel Fischer Kaiser König Koch Meister
    Post Sommer Winter Vogel Wald Weber Berg Sonne Stern Heil Glück Gloria Carina Lotto Marken
    Dank Danke Ende Juni Juli Jan Nov Mo Di Fr Sa So Rom Wien Bern Linz Graz Essen Trier Kiel
    Ulm Hamm Gera Halle Hof Lahr Moers Celle Lima Sydney Florence Victoria Georgia Virginia
    Jordan Chelsea Austin Dallas Devon Kent Lincoln Milan Orlando Phoenix Savannah Denver
    """
    )
    | WORD_FORM_NAMES
)


@dataclass(frozen=True)
class Vocabulary:
    first_names: frozenset[str]  # casefolded
    strong_names: frozenset[str]  # casefolded; popular in at least one country
    local_names: frozenset[str]  # casefolded; in an Austrian, Swiss or British list
    zipf_de: dict[str, int]  # word -> zipf * 10 (>= 1.0)
    zipf_en: dict[str, int]
    surnames: frozenset[str] = frozenset()  # casefolded
    # Faker first names of middling frequency as words (zipf 3.0-3.5), casefolded: names only
    # beside a name or after a cue ("Hauke und Thilo", "Gruß Volkmar"), never alone
    middling_names: frozenset[str] = frozenset()

    def is_surname(self, word: str) -> bool:
        return word.casefold() in self.surnames

    def is_german_surname(self, word: str) -> bool:
        """A surname that is no everyday English word ("schmidt", "koch"; not "mate", which
        the Spanish and Croatian lists hold): worth hiding in lowercase after a closing."""
        key = word.casefold()
        return key in self.surnames and self.zipf_en.get(key, 0) < 40

    def zipf(self, word: str) -> float:
        """The higher of the German and English zipf frequency of `word` (0 if unknown)."""
        key = word.casefold()
        return max(self.zipf_de.get(key, 0), self.zipf_en.get(key, 0)) / 10

    def is_first_name(self, word: str, *, strong: bool = False, local: bool = False) -> bool:
        names = self.local_names if local else self.strong_names if strong else self.first_names
        key = word.casefold()
        # an ASCII word is its own fold (`firstnames.fold`: casefolded, no accents to drop)
        if key in names or (not key.isascii() and firstnames.fold(key) in names):
            return True
        return "-" in key and self._joined_first_name(key, names)

    def is_middling_name(self, word: str) -> bool:
        """A first name that is about as frequent as a word (zipf 3.0-3.5: "Gernot",
        "Thilo"): counted beside a name or a cue only (`FreeNames`)."""
        return word.casefold() in self.middling_names

    def _joined_first_name(self, key: str, names: frozenset[str]) -> bool:
        """Two first names joined by a hyphen ("klaus-dieter", "anna-lena"; not
        "de-nachzahlung", "max-planck-institut")."""
        parts = key.split("-")
        return len(parts) == 2 and all(
            len(p) >= 3 and (p in names or firstnames.fold(p) in names) for p in parts
        )


def _first_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    names: set[str] = set()
    strong: set[str] = set()
    local: set[str] = set()
    for key, entry in firstnames.table().items():
        if entry.rare:
            continue
        names.add(key)
        if entry.popular:
            strong.add(key)
        if entry.local:
            local.add(key)
    for name in SHORT_NAMES:  # "Korbi", "Vroni", "Hauke": local, when rare as a word
        if _zipf_max(name) < MAX_ZIPF:
            names.add(name.casefold())
            local.add(name.casefold())
    for name in WORD_FORM_NAMES:  # "Malte": a name, counted only beside a name or a cue
        names.add(name.casefold())
        local.add(name.casefold())
    return frozenset(names), frozenset(strong), frozenset(local)


def _zipf_max(word: str) -> float:
    from wordfreq import zipf_frequency

    return max(zipf_frequency(word, "de"), zipf_frequency(word, "en"))


def _zipf(lang: str) -> dict[str, int]:
    from wordfreq import get_frequency_list

    out: dict[str, int] = {}
    for index, bucket in enumerate(get_frequency_list(lang, "best")):
        value = 900 - index  # bucket i holds words of zipf (900 - i) / 100
        if value < 100:
            break
        for word in bucket:
            out.setdefault(word, value // 10)
    return out


# the countries drafter's customers write from most, and the languages of their neighbours
# and families
SURNAME_LOCALES = (
    "de_DE", "de_AT", "de_CH", "en_US", "en_GB", "en_IE", "nl_NL", "nl_BE", "da_DK", "sv_SE",
    "no_NO", "fi_FI", "fr_FR", "fr_CH", "it_IT", "es_ES", "pt_PT", "pl_PL", "cs_CZ", "hr_HR",
    "hu_HU", "ro_RO", "tr_TR",
)  # fmt: skip
_SURNAME_FIELDS = ("last_names", "last_names_male", "last_names_female", "male_last_names")
_FIRST_NAME_FIELDS = ("first_names", "first_names_male", "first_names_female")
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+(?:[ '-][A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+)*")


def _faker_names(fields: tuple[str, ...]) -> set[str]:
    """Casefolded whole first names (Latin script) of Faker's locale providers."""
    out: set[str] = set()
    for locale in SURNAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for field in fields:
            for value in getattr(provider, field, None) or ():
                name = str(value).strip()
                if _LATIN.fullmatch(name) and len(name) > 2:
                    out.add(name.casefold())
    return out


def _surnames() -> frozenset[str]:
    """Casefolded surname parts (longer than 2 letters) of Faker's locale providers."""
    out: set[str] = set()
    for locale in SURNAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for field in _SURNAME_FIELDS:
            for value in getattr(provider, field, None) or ():
                name = str(value).strip()
                if _LATIN.fullmatch(name):
                    parts = name.replace("-", " ").split()
                    out.update(p.casefold() for p in parts if len(p) > 2 and p[0].isupper())
    return frozenset(out)


# zipf * 10 bounds of a Faker first name that is a name only beside a name or a cue
_MIDDLING = (30, 35)


def _build() -> Vocabulary:
    names, strong, local = _first_names()
    zipf_de, zipf_en = _zipf("de"), _zipf("en")
    faker = _faker_names(_FIRST_NAME_FIELDS)
    rare = {n for n in faker if max(zipf_de.get(n, 0), zipf_en.get(n, 0)) < _MIDDLING[0]}
    middling = {
        n
        for n in faker - names
        if _MIDDLING[0] <= max(zipf_de.get(n, 0), zipf_en.get(n, 0)) < _MIDDLING[1]
    }
    return Vocabulary(
        names | rare, strong, local, zipf_de, zipf_en, _surnames(), frozenset(middling)
    )


CACHE_FILE = "name_vocabulary.marshal"  # in <data dir>/cache/
_SOURCES = ("drafter.privacy.gazetteer", "drafter.privacy.shortnames", "drafter.privacy.spans",
            "drafter.firstnames")  # fmt: skip
_LOCK = threading.Lock()
_LOADED: list[Vocabulary] = []  # the process's vocabulary, once loaded


def vocabulary(cache_dir: Path | None = None) -> Vocabulary:
    """The gazetteer and frequency lists (loaded on first call, then kept for the process).

    Built, they take 1.5-3 s (the first-name table, wordfreq's lists, Faker's providers) of
    every desk start before drafting is ready. With `cache_dir` (the desk passes
    `<data dir>/cache/`) the built lists are read from `name_vocabulary.marshal` there (about
    a third of the time) when the file was made from the same sources: a hash of the Python
    version, the wordfreq and Faker versions, the source of the modules that build the lists
    and drafter's first-name table; another, damaged or unreadable file is rebuilt and
    rewritten. The file holds public word lists only, no mail."""
    with _LOCK:
        if not _LOADED:
            key = _fingerprint() if cache_dir is not None else ""
            vocab = _read_cache(cache_dir, key)
            if vocab is None:
                vocab = _build()
                _write_cache(cache_dir, key, vocab)
            _LOADED.append(vocab)
        return _LOADED[0]


def _fingerprint() -> str:
    digest = hashlib.sha256(f"{sys.version}|marshal {marshal.version}".encode())
    for package in ("wordfreq", "faker"):
        try:
            digest.update(f"|{package} {importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"|{package} -".encode())
    for name in _SOURCES:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec else None
        digest.update(b"\0" + (Path(origin).read_bytes() if origin else name.encode()))
    digest.update(b"\0" + resources.files("drafter").joinpath("data/first_names.tsv").read_bytes())
    return digest.hexdigest()


def _read_cache(cache_dir: Path | None, key: str) -> Vocabulary | None:
    """The cached lists when the file is whole (its payload's hash checked before it is
    unmarshalled) and made from these sources; None otherwise, never an error."""
    if cache_dir is None:
        return None
    try:
        raw = (cache_dir / CACHE_FILE).read_bytes()
        head, _, payload = raw.partition(b"\n")
        stored_key, _, payload_hash = head.decode("ascii").partition(" ")
        if stored_key != key or hashlib.sha256(payload).hexdigest() != payload_hash:
            return None
        fields = marshal.loads(payload)
        vocab = Vocabulary(*fields)
    except Exception:  # missing, unreadable, damaged or foreign: rebuilt, never a crash
        return None
    sets = (vocab.first_names, vocab.strong_names, vocab.local_names, vocab.surnames)
    if not all(isinstance(f, frozenset) for f in (*sets, vocab.middling_names)):
        return None
    if not (isinstance(vocab.zipf_de, dict) and isinstance(vocab.zipf_en, dict)):
        return None
    return vocab


def _write_cache(cache_dir: Path | None, key: str, vocab: Vocabulary) -> None:
    """Written whole or not at all; a data dir that cannot be written is no error."""
    if cache_dir is None:
        return
    payload = marshal.dumps(tuple(getattr(vocab, f.name) for f in fields(Vocabulary)))
    head = f"{key} {hashlib.sha256(payload).hexdigest()}\n".encode("ascii")
    write_quietly(cache_dir / CACHE_FILE, head + payload)
