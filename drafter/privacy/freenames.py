"""Names without a title or greeting in front: gazetteer, word frequency and relation cues.

A word is taken as (part of) a person's name when
- it is a first name from the gazetteer (`drafter.privacy.gazetteer`), capitalised, in capitals
  or lowercase ("klaus und birgit"), and not also an everyday word ("Frank", "Will", "Mark":
  those count only next to another name or after a cue);
- it is capitalised inside a sentence, is rare in German and English (wordfreq zipf < 2.4),
  is not a German compound of common words ("Kontaktformular") and is not in the knowledge
  base's or the company's own vocabulary: an unknown proper noun, hidden when in doubt;
- it carries letters German and English do not use (ş, ı, ğ, ł, ø, ...) and is capitalised;
- it follows a relation or role cue ("meinen Mann", "unser Vermieter", "my partner", "c/o",
  "Fam.", "i.A.", "WG mit", "heißt", "named"), or joins a name with "und"/"and"/"&";
- it stands right next to a name found by any rule (a surname after a first name, a first
  name before an already placed [NAME_n]);
- it is the entry of a table row, in two or more neighbouring rows of the same shape
  ("EG li – Schulz, 1NLT...", "EG re – Öztürk, Zähler ...").

The cue patterns and the word tests (compound, typo, noun, job title) live in
`drafter.privacy.freewords`; this module owns the token loop that applies them.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Iterator
from typing import Any

from drafter.privacy.everyday import EverydayMemo
from drafter.privacy.freewords import (
    _ARTICLE_BEFORE,
    _EVERYDAY,
    _EVERYDAY_AFTER_FULL,
    _FOREIGN,
    _INITIAL,
    _JOIN,
    _LAST_LINE,
    _LOWER_AFTER_CUE,
    _NOUN_AFTER,
    _NOUN_BEFORE,
    _QUOTE_CLOSE,
    _QUOTE_OPEN,
    _RELATION_WORD,
    _ROW,
    _TITLE,
    CUE_RE,
    DOORBELL_CUE_RE,
    DOORBELL_VERBS,
    WORD_RE,
    _capitals_by,
    _common_noun,
    _compound,
    _misspelt,
    _role_follows,
    _sentence_start,
    compound_noun,
    model_ends,
    noun_after_cue,
    two_words,
    used_otherwise,
)
from drafter.privacy.gazetteer import AMBIGUOUS_NAMES, Vocabulary
from drafter.privacy.prefilter import guarded
from drafter.privacy.spans import Span

_parser: Any = importlib.import_module("re._parser")  # the parser `re` itself compiles with
_c: Any = importlib.import_module("re._constants")

# a family named by its surname in the plural: "the Lindemanns", "die Brodersens", "bei meiers"
_FAMILY_BEFORE = re.compile(r"(?i)(?<![\w-])(?:the|die|den|bei|von|mit)[ ]\Z")
# a thing's name, not a person's: "der Tarif hieß …", "a tariff called …", "the plan named …"
_NAMING = re.compile(r"(?i)heißt|heisst|hieß|hiess|named|called|namens|genannt")
_THING_BEFORE = re.compile(
    r"(?i)\b(?:tarif|tariff|produkt|product|paket|package|plan|modell|model|gerät|device|router|"
    r"app|programm|program|option|angebot|offer|software|bundle|datei|file)[ ]\Z"
)
# initials before a name: "k.-u. ", "H. ", "j. p. "
_INITIALS = re.compile(r"[^\W\d_]\.(?:[ ]?-?[ ]?[^\W\d_]\.)*[ ]?")
# abbreviations of two lowercase letters, which are no initials
_ABBREVIATIONS = frozenset(("zb", "ua", "dh", "ie", "eg", "oä", "uu", "so", "su", "va", "ia", "iv"))
# a name's placeholder and an opening bracket: "[NAME_2] (Obi)"
_PLACEHOLDER_BEFORE = re.compile(r"\[NAME_\d+\][ ]\(\Z")
# a line of its own: one or two capitalised words and a nickname in brackets ("Obiageli (Obi)")
_SIGNED_NICKNAME = re.compile(
    r"[ \t]*(?P<first>[A-ZÄÖÜ][^\W\d_]+)(?:[ -][A-ZÄÖÜ][^\W\d_]+)?[ ]\([^\W\d_]+\)[ \t]*$", re.M
)


def _reach_before_spaces(regex: re.Pattern[str]) -> int:
    """The longest text a pattern ending in `[ ]+\\Z` matches before those spaces, read from
    its syntax tree (a pattern that does not end so is refused at import)."""
    tree = _parser.parse(regex.pattern, regex.flags)
    *head, spaces, end = tree.data
    op, av = spaces
    repeat = op is _c.MAX_REPEAT and av[:2] == (1, _c.MAXREPEAT)
    if not (repeat and list(av[2].data) == [(_c.LITERAL, 32)] and end == (_c.AT, _c.AT_END_STRING)):
        raise ValueError(f"{regex.pattern!r} does not end in spaces and the end")
    return int(_parser.SubPattern(tree.state, head).getwidth()[1])


# the longest article `_ARTICLE_BEFORE` knows ("unseren"): a search for it needs to look
# back no further than that before the spaces in front of a word
_ARTICLE_WIDTH = _reach_before_spaces(_ARTICLE_BEFORE)


def _article_before(text: str, start: int) -> bool:
    """`_ARTICLE_BEFORE.search(text, 0, start)`, reading only the article's reach: the pattern
    ends in an article, spaces and the end, so the article ends where the spaces before
    `start` begin and is at most `_ARTICLE_WIDTH` long (its look-behind still sees the text
    in front)."""
    spaces = start
    while spaces > 0 and text[spaces - 1] == " ":
        spaces -= 1
    if spaces == start:
        return False  # no space before the word: "[ ]+" cannot match
    window = max(0, spaces - _ARTICLE_WIDTH)
    return guarded(_ARTICLE_BEFORE).search(text, window, start) is not None


# the word joining two names in a list of people ("Anna und Frank", "Grace and Will", "u.")
_AND_WORDS = frozenset({"und", "and", "u"})


def _across_and(text: str, tokens: list[tuple[int, int, str]], j: int) -> tuple[int, ...]:
    """The tokens two away from a name `j` across a joining word ("Anna und Frank": from
    "Anna" to "Frank" and back); the neighbour loop sees only the next token ("und"),
    which is no name, so a second first name that counts only beside a name ("Frank",
    "Mark", "Thilo") was missed."""
    out: list[int] = []
    for mid, far in ((j - 1, j - 2), (j + 1, j + 2)):
        if not (0 <= far < len(tokens) and tokens[mid][2] in _AND_WORDS):
            continue
        lo, hi = min(j, far), max(j, far)
        before = text[tokens[lo][1] : tokens[mid][0]]
        after = text[tokens[mid][1] : tokens[hi][0]]
        if before == " " and (after == " " or (after == ". " and tokens[mid][2] == "u")):
            out.append(far)
    return tuple(out)


class FreeNames:
    """Cue-free name finder for one configuration (stop words and never-hide words)."""

    def __init__(
        self, vocab: Vocabulary, stop: frozenset[str], keep: frozenset[str] = frozenset()
    ) -> None:
        self.vocab = vocab
        self.stop = stop
        self.keep = frozenset(k.casefold() for k in keep)
        # `_classify`'s answers: the customer's words for this redaction only (emptied with
        # `forget_memos`), everyday words of the public lists for good (drafter.privacy.everyday)
        self._words: dict[str, tuple[str, bool, bool]] = {}
        self._everyday: EverydayMemo[tuple[str, bool, bool]] = EverydayMemo()
        self._memo: dict[str, list[Span]] = {}

    def blocked(self, word: str) -> bool:
        """A stop word, relation word, KB/company word or never-hide word: never a name."""
        return self._classify(word)[2]

    def _blocked(self, word: str) -> bool:
        return (
            _RELATION_WORD.fullmatch(word) is not None  # "mein Mann Murat": "Mann" is no name
            or word in self.stop
            or word.split("-")[0] in self.stop
            or word.title() in self.stop
            or word.casefold() in self.keep
            or (len(word) >= 6 and word.endswith("nr"))  # "Schadennr.": a number's cue
        )

    def _first_name(self, word: str, *, loose: bool = False) -> bool:
        if "-" in word[1:-1] and word[0].isupper():  # "Kai-Uwe", "Anna-Lena": two first names
            parts = word.split("-")
            if len(parts) != 2 or not self._first_name(parts[0], loose=True):
                return False  # "Jean-Baptiste": a known first name and a rare word
            rare = self.vocab.zipf(parts[1]) < 3.5 and self.vocab.is_first_name(
                parts[0], strong=True
            )
            return self._first_name(parts[1], loose=True) or rare
        if len(word) < 3:
            return False
        if not self.vocab.is_first_name(word):
            # "Hauke und Thilo", "Gruß Volkmar": a first name about as frequent as a word
            # (zipf 3.0-3.5) is read as a name only in the loose reading (beside a name or
            # after a cue), and only capitalised
            return loose and word[:1].isupper() and self.vocab.is_middling_name(word)
        if loose:
            return True
        if word.title() in AMBIGUOUS_NAMES:
            return False
        local = self.vocab.is_first_name(word, local=True)
        strong = self.vocab.is_first_name(word, strong=True)
        if not local and self.vocab.zipf(word) >= (4.0 if strong else _EVERYDAY):
            return False  # "Any", "Mann", "England", "Tod": known as a name abroad only
        if word.islower():  # "klaus und birgit", "niamh"; not "in spring"
            return self.vocab.is_first_name(word, strong=True) and (
                local or self.vocab.zipf(word) < 3.5
            )
        return word[0].isupper()

    def _classify(self, word: str) -> tuple[str, bool, bool]:
        """(why it is a name regardless of position, rare-proper candidate, blocked)."""
        found = self._words.get(word) or self._everyday.answers.get(word)
        if found is None:
            blocked = self._blocked(word)
            why = "" if blocked else ("first-name gazetteer" if self._first_name(word) else "")
            rare = not blocked and not why and self._rare(word)
            found = (why, rare, blocked)
            if not self._everyday.keep(word, found) and len(self._words) < 50_000:
                self._words[word] = found
        return found

    def _noun_before_a_name(self, word: str) -> bool:
        """An everyday capitalised word in front of a name, neither a first name nor in the
        surname list: a noun naming a place or role ("Kanzlei Brodersen", "Mandant Hansen",
        "Salon Tiedemann"), not a first name. (After a name the same test would drop real
        surnames that are frequent words too, "Voigt", "Kähler": it is not made there.)"""
        if not word[:1].isupper() or self.vocab.is_surname(word):
            return False
        return self.vocab.zipf(word) >= _NOUN_BEFORE

    def _name_like(self, word: str) -> bool:
        """A first name, a surname or a rare word that is no compound of known words: what a
        sign-off line needs at least once ("Witwe", "Volunteer Coordinator", "Kitaleitung",
        a subject "Datenlöschung" alone on the last line are roles or topics, not names)."""
        return (
            (len(word) <= 4 and word[:1].isupper())  # "Jo", "Bea": short nicknames
            or self._first_name(word, loose=True)
            or self.vocab.is_surname(word)
            or (
                self.vocab.zipf(word) < 3.0
                and not (_compound(word, self.vocab) or two_words(word, self.vocab))
            )
        )

    def _nickname(self, word: str) -> bool:
        """A word that may be a nickname: no everyday word, no compound noun, no relation
        ("Lucke (Ludwig Huber)"; not "Ex-Frau (…)", "Erbengemeinschaft (…)")."""
        return all(self.vocab.zipf(p) < 4.0 for p in word.split("-")) and not (
            _compound(word, self.vocab) or _RELATION_WORD.search(word)
        )

    def _noun_after_a_name(self, word: str, *, full: bool = False) -> bool:
        """A very common capitalised word after a name that no surname list knows ("Agent",
        "Service"); frequent surnames ("Weiss", "Wolf") are in the list. After a full name
        (two words) a common word already: "Kirsten Albertsen Erbe" is an heir."""
        if not word[:1].isupper() or self.vocab.is_surname(word):
            return False
        return self.vocab.zipf(word) >= (_EVERYDAY_AFTER_FULL if full else _NOUN_AFTER)

    def _rare(self, word: str) -> bool:
        if not word[0].isupper() or len(word) < 3 or (word.isupper() and len(word) <= 4):
            return False
        if _FOREIGN.search(word) or word.isupper():
            return True
        surname = self.vocab.is_surname(word)
        return not any(
            self.vocab.zipf(p) >= 2.4
            or _compound(p, self.vocab)
            or (not surname and two_words(p, self.vocab))
            for p in word.split("-")
        ) and (surname or not _misspelt(word, self.vocab))

    def _signed_nickname(self, text: str, start: int) -> bool:
        """Is the bracket at `start` on a line of its own after a rare word that is no
        compound noun ("Obiageli (Obi)"; not "Immobilienkauffrau (…)")?"""
        m = _SIGNED_NICKNAME.match(text, text.rfind("\n", 0, start) + 1)
        if m is None:
            return False
        first = m.group("first")
        return self.vocab.zipf(first) < 2.4 and not _compound(first, self.vocab)

    def _listed_name(self, word: str) -> bool:
        """A capitalised first name of the lists that is no frequent word ("Johanna (Hanni)";
        not a town that is a name too: "in Kiel (Erasmus)")."""
        return (
            word[:1].isupper()
            and self._first_name(word, loose=True)
            and self.vocab.zipf(word) < 4.0
        )

    def _listed_between(
        self, text: str, tokens: list[tuple[int, int, str]], flags: list[str], j: int, i: int
    ) -> bool:
        """Is token `i`, a capitalised surname or rare word, one of a list of names: the name
        `j` on one side across a comma, on the other another name across a comma or
        "und"/"and", or the list's bracket ("die Mieter (Yıldız, Pohlmann, Nguyen)")?"""
        word = tokens[i][2]
        if not word[:1].isupper() or not (
            self.vocab.is_surname(word)
            or (self.vocab.zipf(word) < 3.0 and not _compound(word, self.vocab))
        ):
            return False
        k = 2 * i - j  # the token on the other side of `i`, past an "und"/"and"
        if 0 <= k < len(tokens) and tokens[k][2] in ("und", "and"):
            k += i - j
        if 0 <= k < len(tokens) and flags[k]:
            a, b = sorted((i, k))
            return text[tokens[a][1] : tokens[b][0]] in (", ", " und ", " and ", " & ")
        if i < j:  # the list's first name: "(Okafor, [Lindqvist], …"
            return text[max(0, tokens[i][0] - 2) : tokens[i][0]].endswith(("(", ": "))
        return text[tokens[i][1] : tokens[i][1] + 1] == ")"  # its last: "…, [Pohlmann], Brennan)"

    def forget(self) -> None:
        """Drop memoized results (called once per email: the memo only spares repeat work)."""
        self._memo.clear()

    def forget_memos(self) -> None:
        """Drop every memo keyed by a customer's text or words (when a redaction ends); the
        answers about everyday words stay."""
        self._memo.clear()
        self._words.clear()

    def find(self, text: str) -> list[Span]:
        """Name spans of `text` (memoized: discovery and redaction ask for the same text)."""
        cached = self._memo.get(text)
        if cached is None:
            cached = list(self._find(text))
            if len(self._memo) > 256:
                self._memo.clear()
            self._memo[text] = cached
        return cached

    def _find(self, text: str) -> Iterator[Span]:
        tokens = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]
        starts = [t[0] for t in tokens]
        flags: list[str] = [""] * len(tokens)
        blocked: list[bool] = [False] * len(tokens)
        models, model_end = model_ends(text), 0  # "Kia EV6": a make and its model, no names
        for i, (start, _end, word) in enumerate(tokens):
            why, rare, blocked[i] = self._classify(word)
            if models and start < (model_end := max(model_end, models.get(_end, 0))):
                blocked[i] = True
            elif why and used_otherwise(text, start, _end):
                blocked[i] = True  # "Renault Clio", "Trinity College", "the meter guy"
            elif why:
                flags[i] = why
            elif rare:
                if _FOREIGN.search(word):
                    flags[i] = "capitalised word with non-German letters"
                elif not (
                    word.isupper()
                    or _sentence_start(text, start)
                    or _common_noun(text, start, _end)
                ):
                    flags[i] = "rare capitalised word (wordfreq zipf < 2.4)"
        for i, (_start, _end, word) in enumerate(tokens):  # "VIN", "SIM": an acronym
            if flags[i] and word.isupper() and len(word) <= 4 and not _capitals_by(text, tokens, i):
                flags[i] = ""
        # relation and role cues: the next one to three words are a name
        cues = list(guarded(CUE_RE).finditer(text))
        if any(verb in text for verb in DOORBELL_VERBS):
            cues += DOORBELL_CUE_RE.finditer(text)
        for cue in cues:
            i = bisect.bisect_left(starts, cue.end())
            if i >= len(tokens) or tokens[i][0] > cue.end() + 1:
                continue
            if _NAMING.fullmatch(cue.group().strip(" ,:")) and _THING_BEFORE.search(
                text, max(0, cue.start() - 12), cue.start()
            ):
                continue  # "der Tarif hieß Flex Strom", "a tariff called Flex Saver": a product
            initials = i  # lowercase initials: "gruß k.-u. hammerschmidt" (capital ones are
            while (  # names themselves after a cue, "Mrs G. A. Whitfield", as before)
                i + 1 < len(tokens)
                and tokens[i][2].islower()
                and _INITIALS.match(text, tokens[i][0], tokens[i + 1][0])
            ):
                i += 1
            letters = "".join(t[2] for t in tokens[initials:i])
            if i > initials and (letters in _ABBREVIATIONS or not tokens[i][2].islower()):
                i = initials  # "Empfänger (z. B. SCHUFA …)": an abbreviation, no initials
            for j in range(i, min(i + 3, len(tokens))):
                w = tokens[j][2]
                lower_ok = (
                    w.islower()
                    and len(w) >= 3
                    and (self.vocab.zipf(w) < 4.0 or self.vocab.is_german_surname(w))
                )
                first = j == i and (
                    self._first_name(w, loose=True) or self.vocab.is_german_surname(w)
                )
                limit = _EVERYDAY if j > i else 5.0 if first else _LOWER_AFTER_CUE
                if j == i and _TITLE.fullmatch(cue.group().strip(" ,:")) and first:
                    limit = 9.0  # "mr weiss", "herr koch": after a title, a surname
                if w.islower() and self.vocab.zipf(w) >= limit:
                    break  # "Mr. Harald Böttcher said", "cheers mate": an everyday word
                if j > i and w == "I":
                    break  # "his name was Pettersson I think": the pronoun, no initial
                if blocked[j] or not (
                    w[0].isupper() or lower_ok or self._first_name(w, loose=True)
                ):
                    break
                if noun_after_cue(cue.group(), w, self.vocab):
                    break  # "ihre Betreuerin, Aktenzeichen …", "mein Mann ist verstorben"
                if j == i + 2 and self._noun_after_a_name(w, full=True):
                    break  # "meiner Schwester Kirsten Albertsen Erbe": after the full name
                gap = text[tokens[j - 1][1] : tokens[j][0]]
                if j > i and not _JOIN.fullmatch(gap):
                    break
                if j > i and "," in gap and _role_follows(text, tokens, j):
                    break  # "Ansprechpartner: Gero Stülpnagel, Technischer Leiter"
                if j > i and "," in gap and not self._first_name(w, loose=True):
                    break  # "Dear Mr Hoppe, I got": after a comma only "Müller, Hans"
                flags[j] = flags[j] or f"after cue {cue.group().strip()!r}"
            if flags[i]:  # the initials go with the name they stand before
                for k in range(initials, i):
                    flags[k] = flags[k] or flags[i]
        for i in range(1, len(tokens) - 1):  # Josef „Sepp“ Gruber; Lucke (Ludwig Huber)
            if not (flags[i - 1] or flags[i + 1]) or blocked[i]:
                continue
            if not tokens[i][2][:1].isupper():
                continue
            before = text[tokens[i - 1][1] : tokens[i][0]]
            after = text[tokens[i][1] : tokens[i + 1][0]]
            quoted = before in _QUOTE_OPEN and after in _QUOTE_CLOSE
            if quoted and (flags[i] or self._nickname(tokens[i][2])):  # Rüdiger „Rudi“ Pahl
                flags[i] = flags[i] or "nickname in quotes"
                nxt = tokens[i + 1][2]
                if not (flags[i + 1] or blocked[i + 1]) and nxt[:1].isupper():
                    flags[i + 1] = "name after a nickname"
            elif not flags[i] and after == " (" and flags[i + 1] and self._nickname(tokens[i][2]):
                flags[i] = "nickname before a name in brackets"
        # neighbours of names: surnames after first names, "X und Y", "Irmgard [NAME_2]"
        todo = [i for i, f in enumerate(flags) if f]
        while todo:
            j = todo.pop()
            for i in (j - 1, j + 1, *_across_and(text, tokens, j)):
                if not 0 <= i < len(tokens) or flags[i] or blocked[i]:
                    continue
                word = tokens[i][2]
                a, b = (tokens[j], tokens[i]) if j < i else (tokens[i], tokens[j])
                gap = text[a[1] : b[0]]
                loose = self._first_name(word, loose=True)
                if abs(i - j) == 2 and not (loose and word[:1].isupper()):
                    continue  # across "und": only a capitalised first name ("Anna und Frank")
                slash = gap in ("/", " & ") and word[0].isupper() and self.vocab.zipf(word) < 3.0
                listed = gap == ", " and self._listed_between(text, tokens, flags, j, i)
                if not (gap == " " or (_JOIN.fullmatch(gap) and loose) or slash or listed):
                    continue  # "Haberkorn/Petersen" on a door bell, "Ross & Gillespie": two names
                lower = (
                    word.islower()
                    and tokens[j][2].islower()
                    and (
                        self.vocab.zipf(word) < 4.0
                        or (i > j and self.vocab.is_german_surname(word))
                    )
                )  # "tim becker": a surname of the list after a lowercase first name
                if word.islower() and not lower and self.vocab.zipf(word) >= _EVERYDAY:
                    continue  # "Harald Böttcher said": an everyday lowercase word is no surname
                if i < j and not loose and _article_before(text, tokens[i][0]):
                    continue  # "in unserem Objekt Hasseldieksdammer Weg": a noun, not a name
                if not loose and compound_noun(word, self.vocab):
                    continue  # "Ferienwohnung Schilksee": a compound noun is nobody's name
                if i < j and not loose and self._noun_before_a_name(word):
                    continue  # "Kanzlei Brodersen", "Objekt Hansen": a noun, not a name
                if i > j and "," in gap and _role_follows(text, tokens, i):
                    continue  # "Jakob Brandt, Port Agent": the first word of a job title
                full = j > 0 and flags[j - 1] != "" and text[tokens[j - 1][1] : a[0]] == " "
                if i > j and not loose and self._noun_after_a_name(word, full=full):
                    continue  # "Ole Brandt, Port Agent", "Kirsten Albertsen Erbe": a noun
                if (word[0].isupper() or lower or loose) and (self.vocab.zipf(word) < 5.0 or loose):
                    flags[i] = "next to a name"
                    todo.append(i)
        # "Obiageli Nwachukwu (Obi)": only a text with a bracket after a space can hold one
        brackets = " (" in text and ")" in text
        for i, (start, end, word) in enumerate(tokens if brackets else ()):
            if (
                not (flags[i] or blocked[i])
                and text.startswith(")", end)  # the cheap test first
                and word[:1].isupper()
                and not word.isupper()  # "Immobilienkauffrau (IHK)": an acronym, no nickname
                and text[max(0, start - 2) : start] == " ("
                and (
                    (
                        i > 0
                        and tokens[i - 1][1] == start - 2  # right before: not "SAM4471086 ("
                        and (flags[i - 1] or self._listed_name(tokens[i - 1][2]))
                    )
                    or _PLACEHOLDER_BEFORE.search(text, max(0, start - 14), start)
                    or self._signed_nickname(text, start)
                )
                and self._nickname(word)
            ):
                flags[i] = "nickname in brackets after a name"
        for i, (start, _end, word) in enumerate(tokens):  # "B. Nguyen": an initial and a name
            candidate = not flags[i] and not blocked[i] and word[:1].isupper() and len(word) >= 3
            if (
                candidate
                and "." in text[max(0, start - 2) : start]  # the initial's dot: quick test first
                and _INITIAL.search(text, max(0, start - 4), start)
                and self.vocab.zipf(word) < 4.6
            ):
                flags[i] = "capitalised word after an initial"
        rows = [m for m in _ROW.finditer(text)]  # a table of people: "EG li – Schulz, 1NLT..."
        for m in rows:
            line = text.count("\n", 0, m.start())
            siblings = sum(abs(text.count("\n", 0, o.start()) - line) == 1 for o in rows)
            i = bisect.bisect_left(starts, m.start("name"))
            if siblings and i < len(tokens) and tokens[i][0] == m.start("name"):
                word = tokens[i][2]
                if not (flags[i] or blocked[i] or _compound(word, self.vocab)):
                    flags[i] = "name in a table row"
        last = _LAST_LINE.search(text)  # a sign-off line of its own: "Jo", "klaus"
        if last:
            inside = [i for i, t in enumerate(tokens) if last.start() <= t[0] < last.end()]
            if (
                inside
                and all(
                    not blocked[i]
                    and (
                        self.vocab.zipf(tokens[i][2]) < 4.6
                        or self._first_name(tokens[i][2], loose=True)
                    )
                    for i in inside
                )
                and any(self._name_like(tokens[i][2]) for i in inside)
            ):
                for i in inside:
                    flags[i] = flags[i] or "sign-off line"
        for i, (start, _end, word) in enumerate(tokens):  # "the Lindemanns", "bei meiers"
            if (
                not (flags[i] or blocked[i])
                and len(word) >= 5
                and word[-1] == "s"  # the cheap test first
                and self.vocab.is_surname(word[:-1])
                and self.vocab.zipf(word) < 3.0
                and _FAMILY_BEFORE.search(text, max(0, start - 5), start)
            ):
                flags[i] = "a family by its surname"
        placeholders = " [NAME_" in text  # the next loop's cheap test, once for the text
        for i, (_start, end, word) in enumerate(tokens if placeholders else ()):
            if (
                not flags[i]
                and text.startswith(" [NAME_", end)  # the cheap test first
                and word[:1].isupper()
                and self._first_name(word, loose=True)
                and re.match(r"[ ]\[NAME_\d+\]", text[end : end + 12])
            ):
                flags[i] = "first name before a name placeholder"
        for (start, end, _word), why in zip(tokens, flags, strict=True):
            if why:
                yield Span(start, end, "NAME", why)
