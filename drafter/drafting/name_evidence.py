"""What the rest of a mail says about the sender's parsed name: the address and the sign-off.

Owns two completions of a parsed name (drafter.drafting.sender.Name), used where the persons
to greet are chosen (`customer_names`):

- `split_by_address`: the mail address often joins the given name and the family name as
  they belong together ("meiling.chow@…", "hanspeter.kuehn@…"). When the words of a name
  split into exactly the two parts of the address, that is where the given name ends:
  "Mei Ling Chow" writing from meiling.chow@… is Mei Ling, family name Chow, not the double
  family name "Ling Chow" that the name data alone suggest (a rare given name looks like a
  surname). The address may put the family name first (chow.meiling@…); it says where the
  given name ends, not which part comes first, so it never turns a name round. An address
  that leaves out a middle given name names the family name ("João Batista Ferreira" from
  joao.ferreira@… is Mr Ferreira; not a middle part with a particle: "João da Silva
  Pereira", nor, from a country of Portuguese or Spanish names, one the name data do not know
  as a given name: "Beatriz Nascimento Farias" from beatriz.farias@….br is Ms Nascimento
  Farias, a double family name).
  Addresses that do not spell the name ("mlchow@…") change nothing.
- `as_signed`: the same person's sign-off completes the display name. A display name in ALL
  CAPS or all lowercase has lost its capitals, so the signed spelling is used ("MACLEOD,
  IAIN" signing "Iain MacLeod" is Mr MacLeod); a display first name of no clear sex that the
  sign-off writes out in full gives way to it ("Chris Hallett" signing "Christine Hallett" is
  Ms Hallett, "Alex Meyer" signing "Alexandra Meyer" is Frau Meyer).
- `as_written`: how a name is written can say which word is the family name, where the
  name data cannot. A family name in capitals next to a given name in normal case
  ("MATSUMOTO Haruka", "KIM Soo-jin", French "MARTIN Sophie"; not "AJ Smith" nor "JOHN
  Whitby": a short word, or a common first name in capitals next to a word that is none, is
  a given name) is the family name, also when it comes first. A Vietnamese name with the
  middle name Thi/Thị (a woman) or Văn (a man) says the sex, and the family name is the word
  that is a common Vietnamese family name: first in
  "Nguyen Thi Lan", last in "Lan Thi Nguyen" (ASCII "Van" only next to such a family name:
  it is also the Dutch particle); a family name so read is written in normal capitals
  ("TRAN Thi Thu Ha" -> Tran; "LE Van Hung", "DO Thi Lan": family names, not the particles
  le, do). Without Thi/Van, one of the commonest Vietnamese family
  names at one end of three words is the family name ("Dang Thu Trang", "Mai Phuong
  Nguyen"). A romanized given name of two hyphenated syllables ("Park Min-jun", "Seo-yeon
  Choi") is the given name, whichever place it has. Two words in Chinese order, a common
  Chinese family name and then a given name of two pinyin syllables that is no family name
  and no European given name ("Liang Haoran", "Zhang Xiuying"; not "Zhang Wei"), are family
  name first; a display name written the other way ("Yifan Zhou" signing "Zhou Yifan")
  keeps its order. A name
  written family name first so is marked (`Name.family_first`): a greeting with the full
  name keeps the customer's order ("Dear Guo Xin,").
- `beside_given`: a word the data do not know, joined by "&"/"und" to a known given name,
  is a given name too ("Ejike & Nneka": two persons, not one "Ejike Nneka").
- `building_surname`: a given name and a family name that is a building word ("Rachel
  House", which the name alone reads as a house) from an address that spells both apart
  (rachel.house@) is a person.
- `firm_in_mail`: a display name with no given name that the mail writes with a legal form
  after it ("Northwind Yacht Charter – Accounts" signing "Accounts Department\nNorthwind
  Yacht Charter Ltd") is the firm's name, not a person's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafter.drafting import name_lists
from drafter.drafting.name_words import HOUSE_NAME_WORDS, PARTICLES, PLACE
from drafter.drafting.names import ROMANIZED_GIVEN, gender_of, known_given
from drafter.drafting.sender import (
    _COMPANY,
    _NAME_WORD,
    SALUTATION,
    Name,
    _case,
    _is_first_name,
    name_case,
)
from drafter.firstnames import fold, lookup

__all__ = [
    "as_signed",
    "as_written",
    "beside_given",
    "building_surname",
    "initial_by_address",
    "pinyin_order",
    "split_by_address",
]

_WORD = re.compile(r"^[^\W\d_][\w'’-]*$")
#: common Chinese and Korean family names of two letters (folded): one written in capitals
#: next to a given name in normal case is the family name ("LI Na", "WU Fang"), although
#: two capitals are otherwise initials ("AJ Smith")
_SHORT_FAMILY = frozenset({"li", "wu", "xu", "hu", "ma", "he", "lu", "yu", "ye", "ko", "oh", "im"})
#: Vietnamese middle names that name the sex
_VIET_MIDDLE = {"thi": "female", "thị": "female", "văn": "male"}  # keys lowercase
#: the most common Vietnamese family names (folded): together about nine in ten Vietnamese;
#: the twelve commonest first (when both ends of a name are family names, "Nguyen Thi Mai",
#: the commoner one is the family name: Mai, Lam, Ly are given names too)
_VIET_ORDER = ("nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui")
_VIET_TOP = frozenset({*_VIET_ORDER, "do"})
_VIET_FAMILY = _VIET_TOP | frozenset(
    {"ho", "ngo", "duong", "ly", "truong", "dinh", "lam", "mai", "trinh", "cao", "luong"}
    | {"doan", "quach", "vuong", "ta", "tang", "ha", "dao", "kieu", "thai", "chu", "luu", "mac"}
    | {"phung", "tong", "trieu", "khuc", "lai", "chau", "giang", "thach", "tieu", "diep"}
)
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
#: common Chinese family names in pinyin (folded), about two thirds of China's people; not
#: those that are common given names here too ("Jin", "Long", "Bai")
_PINYIN_FAMILY = frozenset(
    {"wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "zhou", "xu", "sun", "zhu"}
    | {"hu", "guo", "gao", "lin", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng"}
    | {"deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "yuan", "pan", "cai", "jiang"}
    | {"yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao", "cui"}
    | {"zhong", "tan", "fan", "shi", "liao", "jia", "xia", "fu", "fang", "zou", "xiong", "meng"}
    | {"qin", "qiu", "hou", "yin", "xue", "yan", "duan", "lei", "hao", "qian", "kong", "mao"}
    | {"wan", "gu", "lai", "wu"}
)
#: one pinyin syllable (initial and final; "v" for ü)
_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|ui|"
    r"un|uo|ue|a|e|i|o|u|v)"
)
#: a Chinese given name of two syllables written as one word ("Haoran", "Xiuying", "Zihan")
_PINYIN_GIVEN = re.compile(rf"^{_SYLLABLE}{_SYLLABLE}$")


def _keys(words: list[str]) -> set[str]:
    """The ways an address may spell `words` joined: 'Kühn' -> {'kuhn', 'kuehn'}."""
    joined = "".join(words)
    return {re.sub(r"[^a-z]", "", fold(text)) for text in (joined, joined.translate(_UMLAUTS))} - {
        ""
    }


def split_by_address(name: Name, address: str) -> Name:
    """`name` with the given name and family name split as the address spells them."""
    words = [*name.first.split(), *name.last.split()]
    local = re.sub(r"\d+$", "", address.partition("@")[0].lower())
    parts = [p for p in re.split(r"[._+-]", local) if p]
    if len(parts) != 2 or len(name.last.split()) < 2 or not name.first:
        return name
    if any("." in w for w in words):
        return name
    for cut in range(len(name.first.split()) + 1, len(words)):
        given, family = _keys(words[:cut]), _keys(words[cut:])
        # either order: chow.meiling@ splits the name where meiling.chow@ does
        if (parts[0] in given and parts[1] in family) or (parts[1] in given and parts[0] in family):
            return replace(name, first=" ".join(words[:cut]), last=" ".join(words[cut:]))
    # the address leaves out a middle name: "João Batista Ferreira" writing from
    # joao.ferreira@ is Mr Ferreira (a Spanish double name keeps its first part there:
    # alejandro.ruiz@ for "Alejandro Ruiz Castellanos" matches no end of the name)
    # alejandro.ruiz@ for "Alejandro Ruiz Castellanos" matches no end of the name; a middle
    # part with a particle is a double family name: "João da Silva Pereira"). From a country
    # of Portuguese or Spanish names the middle part must be a given name: such a name puts
    # the mother's family name before the father's, and the address often writes only the
    # last ("Beatriz Nascimento Farias" from beatriz.farias@….br is Ms Nascimento Farias;
    # "João Guilherme Assunção" from joao.assuncao@….br is Mr Assunção, and so is "João
    # Batista Ferreira": the Baptist's name). Elsewhere a middle word the name data do not
    # know is mostly a father's given name ("Venkatesh Subramaniam Iyer", Mr Iyer).
    given, family = _keys(name.first.split()), _keys(words[-1:])
    middle = words[len(name.first.split()) : -1]
    if not middle or any(w.lower() in PARTICLES for w in middle):
        return name
    start = len(words) - 1 - len(middle)
    iberian = address.rpartition(".")[2].lower() in _IBERIAN_COUNTRIES
    if iberian and not all(
        _given_middle(words[i - 1], words[i]) for i in range(start, len(words) - 1)
    ):
        return name
    if (parts[0] in given and parts[1] in family) or (parts[1] in given and parts[0] in family):
        return replace(name, last=words[-1])
    return name


#: mail domains of countries whose names carry two family names, the mother's and the
#: father's (Brazil, Portugal, Spain, Portuguese Africa, Spanish America)
_IBERIAN_COUNTRIES = frozenset(
    {"br", "pt", "es", "ao", "mz", "cv", "mx", "ar", "cl", "co", "pe", "ve", "uy", "py", "bo"}
    | {"ec", "cr", "pa", "do", "gt", "hn", "ni", "sv", "cu", "pr"}
)
#: the Baptist's name after John, a compound given name ("João Batista", "Juan Bautista",
#: "Giovanni Battista", "Jean-Baptiste"; the name data know all but the Portuguese spellings)
_BAPTIST = frozenset({"batista", "baptista"})
_JOHN = frozenset({"joao", "juan", "giovanni", "jean", "john"})


def _given_middle(before: str, word: str) -> bool:
    """`word`, after `before`, is a given name: one the name data know ("Guilherme"), or the
    Baptist's name after John ("João Batista")."""
    if fold(word) in _BAPTIST:
        return fold(before) in _JOHN
    return known_given(word)


def initial_by_address(name: Name, address: str) -> Name:
    """`name` with the given name the mail address writes out where the name has only its
    initial: "M. Schulz" from maria.schulz@ is Maria Schulz (a given name of clear sex in the
    name data, with that initial, next to the family name; not m.schulz@ nor info.schulz@)."""
    initials = name.first.split()
    if len(initials) != 1 or not re.fullmatch(r"[^\W\d_]\.?", initials[0]) or not name.last:
        return name
    local = re.sub(r"\d+$", "", address.partition("@")[0].lower())
    parts = [p for p in re.split(r"[._+-]", local) if p]
    if len(parts) != 2 or parts[1] not in _keys(name.last.split()):
        return name
    given = parts[0]
    if len(given) < 3 or given[0] != fold(initials[0])[0] or not _sexed(given):
        return name
    return replace(name, first=given.title())


def _sexed(first: str) -> bool:
    return bool(gender_of(first, "de") or gender_of(first, "en"))


def building_surname(display: str, address: str) -> Name:
    """A person whose family name is a building word ("Rachel House", "Tom Lodge"), which
    the name alone reads as a house that writes (name_words.PLACE): a given name of clear sex
    that names no house ("Ivy", "Rose": HOUSE_NAME_WORDS) and a mail address that spells given
    and family name apart (rachel.house@, t.house@; not rachelhouse@, info@); else Name()."""
    words = display.split()
    if len(words) != 2 or not all(_WORD.match(w) and w[:1].isupper() for w in words):
        return Name()
    given, family = words
    house_word = re.fullmatch(f"(?:{HOUSE_NAME_WORDS})", given.lower())
    if not PLACE.search(display) or house_word or not _is_first_name(given):
        return Name()
    local = re.sub(r"\d+$", "", address.partition("@")[0].lower())
    parts = [p for p in re.split(r"[._-]", local) if p]
    if len(parts) != 2 or parts[1] != fold(family):
        return Name()
    if parts[0] != fold(given) and parts[0] != fold(given)[0]:
        return Name()
    return Name(first=given, last=family)


def as_signed(merged: Name, signed: Name, display: str) -> Name:
    """The display name `merged` with the signed spelling and first name where they say more
    (`signed` is the same person; `display` the display name as written)."""
    letters = "".join(c for c in display if c.isalpha())
    lost_case = letters.isupper() or letters.islower()
    last = merged.last
    signed_case = not (signed.last.isupper() or signed.last.islower())
    if lost_case and signed_case and fold(signed.last) == fold(last):
        last = signed.last  # "AZAD AYDIN" signing "Azad Aydın": the signed letters ("ı")
    first = merged.first
    shown, full = first.rstrip(".").lower(), signed.first.lower()
    if shown and len(full) > len(shown) and full.startswith(shown) and " " not in full:
        if not _sexed(first) and _sexed(signed.first):
            first = signed.first
    elif full and len(shown) > len(full) and shown.startswith(full) and not _sexed(first):
        if _sexed(signed.first) and "." not in full:
            first = signed.first  # "Hansi Harms" signing "Hans Harms": the name the data know
    elif lost_case and fold(full) == fold(first) and not signed.first.isupper():
        first = signed.first
    return replace(merged, first=first, last=last)


def _given(word: str) -> bool:
    """A given name of clear sex or one of the unisex names ("Sophie", "Dominique", "Claude")."""
    return _is_first_name(word) or fold(word) in name_lists.UNISEX


def _european(given: str) -> bool:
    """A given name of the Austrian, Swiss or UK lists: "DUPONT Camille" is the French
    administrative style, greeted "Camille Dupont"; "GUO Xin" is Chinese order, kept."""
    entry = lookup(given)
    return entry is not None and entry.local


def as_written(name: Name, written: str) -> Name:
    """`name` (parsed from `written`) with the family name its writing marks: capitals
    ("MATSUMOTO Haruka"), or a Vietnamese middle name ("Nguyen Thi Lan"); else unchanged."""
    words = re.sub(r"\([^()]*\)", " ", written).split()
    if written.islower():
        words = [name_case(w) for w in words]  # "dang thi huong" from a writer without capitals
    # "LE Van Hung", "DO Thi Lan": a short family name in capitals that is also a particle
    # (French "le", Portuguese "do") leaves the parsed name without a given name
    viet = len(words) in (3, 4) and words[1].lower() in {*_VIET_MIDDLE, "van"}
    viet = viet and fold(words[0]) in _VIET_FAMILY and words[0].isupper()
    if (
        not (name.last and (name.first or viet))
        or not 1 < len(words) <= 4
        or not all(_WORD.match(w) for w in words)
    ):
        return name
    # three letters at least ("AJ", "TJ" are given names; a short Chinese or Korean family
    # name is known: "LI Na"), and no common first name next to a word that is none ("JOHN
    # Whitby"); next to a given name it is the family name ("MARTIN Sophie", French style)
    given_beside = len(words) == 2 and any(_given(w) for w in words if not w.isupper())
    capitals = [
        w
        for w in words
        if w.isupper()
        and (len(w) > 2 or fold(w) in _SHORT_FAMILY)
        and (given_beside or not _is_first_name(w))
    ]
    romanized = [w for w in words if ROMANIZED_GIVEN.match(w)]
    if len(words) == 2 and len(romanized) == 1 and name.last == romanized[0]:
        return replace(
            name, first=romanized[0], last=name.first, family_first=True
        )  # "Park Min-jun"
    if len(words) == 2 and _pinyin_family_first(words) and fold(name.last) == fold(words[1]):
        return replace(name, first=name.last, last=name.first, family_first=True)  # "Liang Haoran"
    if len(words) == 2 and len(capitals) == 1 and name.first.lower() == capitals[0].lower():
        given = next(w for w in words if w is not capitals[0])
        if given[:1].isupper() and not given.isupper() and name.last.lower() == given.lower():
            return replace(
                name, first=given, last=name.first, family_first=not _european(given)
            )  # "MATSUMOTO Haruka"
    # the Vietnamese readings below take the words as written: a family name in capitals
    # ("TRAN Thi Thu Ha", "NGUYEN Van Minh") gets normal capitals, as parse_name gives a name
    # (also "LE", "DO": family names here, not the particles "le", "do")
    cased = ["-".join(p.capitalize() for p in w.split("-")) if w.isupper() else w for w in words]
    if len(words) == 4 and fold(words[0]) in _VIET_FAMILY and words[1].lower() in _VIET_MIDDLE:
        sex = _VIET_MIDDLE[words[1].lower()]  # "Tran Thi Bich Ngoc": given name Bich Ngoc
        return replace(name, first=" ".join(cased[2:]), last=cased[0], gender=name.gender or sex)
    if len(words) != 3:
        return name
    head, tail = fold(words[0]) in _VIET_FAMILY, fold(words[-1]) in _VIET_FAMILY
    if head and tail:  # "Nguyen Thi Mai": Mai is a given name too; the far commoner is the family
        top = fold(words[0]) in _VIET_TOP, fold(words[-1]) in _VIET_TOP
        # neither among the commonest ("Luong Thi Mai", "Mai Thi Luong"): the one that is no
        # given name is the family name (Mai, Lam, Ha are given names, Luong, Truong are not)
        head, tail = top if any(top) else (not _given(words[0]), not _given(words[-1]))
    if head and tail:  # "Nguyen Van Hoang": Hoang is a given name too; Nguyen the commoner
        rank = [_VIET_ORDER.index(k) if k in _VIET_ORDER else 99 for k in map(fold, words[::2])]
        head, tail = rank[0] <= rank[1], rank[1] <= rank[0]
    sex = _VIET_MIDDLE.get(words[1].lower(), "")
    if words[1] == "Van" and head != tail:
        sex = "male"  # "Nguyen Van Minh": next to a Vietnamese family name, not Dutch "van"
    if not sex:
        # no Thi/Van: one of the commonest family names at one end only ("Dang Thu Trang",
        # "Mai Phuong Nguyen") is the family name, the two other words the given name (not
        # "Mai Britt Jensen": Mai is no such name); family first keeps the written order
        end = fold(words[0] if head else words[-1])
        # the name's ends are the written ends (no "Herr", no title before them)
        whole = name.first.split()[:1] == words[:1] and name.last.split()[-1:] == words[-1:]
        if head == tail or end not in _VIET_TOP or words[1].lower() in PARTICLES or not whole:
            return name
        if head:
            return replace(name, first=" ".join(cased[1:]), last=cased[0], family_first=True)
        return replace(name, first=" ".join(cased[:2]), last=cased[-1])
    if head and not tail:
        return replace(name, first=cased[-1], last=cased[0], gender=name.gender or sex)
    if tail and not head:
        return replace(name, first=cased[0], last=cased[-1], gender=name.gender or sex)
    return replace(name, gender=name.gender or sex)


def pinyin_order(marked: Name, parsed: Name) -> bool:
    """`as_written` turned `parsed` round for a pinyin name written family name first."""
    turned = (marked.first, marked.last) == (parsed.last, parsed.first)
    return turned and marked.family_first and not parsed.family_first


def _pinyin_family_first(words: list[str]) -> bool:
    """Two words in Chinese order, family name first: a common Chinese family name, then a
    given name of two pinyin syllables that is no family name and no given name of the
    Austrian, Swiss or British lists ("Liang Haoran", "Zhang Xiuying"; not "Haoran Liang",
    nor "Zhang Wei", where both are family names, nor "Wang Hanna")."""
    family, given = (fold(w) for w in words)
    if family not in _PINYIN_FAMILY or given in _PINYIN_FAMILY or not _PINYIN_GIVEN.match(given):
        return False
    entry = lookup(words[1])
    return not (entry is not None and entry.local) and not _european(words[0])


#: a firm's legal form after its name ("… GmbH", "… Ltd", "… & Co. KG", "… AS", "… Oy")
_LEGAL_FORM = re.compile(
    r"\s*(?:,\s*)?(?:&\s*Co\.?\s*)?(?:GmbH|gGmbH|AG|KG|OHG|UG|GbR|e\.\s?V\.|eG|SE|Ltd\.?|"
    r"Limited|Inc\.?|LLC|LLP|PLC|plc|Corp\.?|Pty|B\.V\.|BV|N\.V\.|S\.A\.|SARL|S\.r\.l\.|"
    r"S\.p\.A\.|AB|Oy|AS|A/S|ApS)(?![\w/])"
)


def firm_in_mail(name: Name, text: str) -> bool:
    """`name` (read from the display name) has no given name the data know and the mail writes
    it with a legal form after it: the firm's name ("Northwind Yacht Charter" and "Northwind
    Yacht Charter Ltd" under the closing), not a person's. A person's name with a firm named
    after it ("Anna Berg" and "Anna Berg GmbH") stays a person."""
    words = f"{name.first} {name.last}".split()
    if len(words) < 2 or name.title or name.gender or name.honour or known_given(words[0]):
        return False
    written = r"\s+".join(re.escape(w) for w in words)
    return any(
        _LEGAL_FORM.match(text, found.end())
        for found in re.finditer(rf"(?<![\w-]){written}", text, re.I)
    )


def beside_given(text: str, one: Name, other: Name, lowercase: bool = False) -> Name:
    """A bare capitalised word the data do not know, joined to a known given name ("Ejike &
    Nneka", "Nneka und Ejike", "Ejike & Nneka Ibekwe"; `lowercase`: the whole line is, "ejike &
    nneka"), is a given name too."""
    words = text.split()
    if one.first or one.last or not other.first or len(words) != 1:
        return one
    word = words[0]
    # capitalised, or lowercase from a writer without capitals ("ejike & nneka")
    if not (_NAME_WORD.match(word) and (word[:1].isupper() or lowercase) and len(word) > 2):
        return one
    if word.lower() in SALUTATION or _COMPANY.search(word):
        return one
    return Name(first=_case(word))
