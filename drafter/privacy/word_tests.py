"""The vocabulary questions the pseudonymizer asks about one word: is it everyday German or
English (wordfreq), a compound of known words, the knowledge base's or the company's own, a
first name or surname of the lists, a rare word that may be a nickname or a firm owner's
surname. Mixed into `Pseudonymizer` (drafter.privacy.pseudonymize), which owns the lists.
"""

from __future__ import annotations

import re

from drafter.privacy.freenames import FreeNames
from drafter.privacy.freewords import _compound as compound
from drafter.privacy.freewords import compound_noun, two_words
from drafter.privacy.gazetteer import AMBIGUOUS_NAMES
from drafter.privacy.kin_names import kin_candidates
from drafter.privacy.wordlists import WordLists

_TITLE = r"(?:Frau|Herrn?|Hr\.|Fr\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Familie|Fam\.)"


def _titled(text: str, name: str) -> bool:
    """A title stands before `name` somewhere in `text` ("Frau Feuerstein")."""
    return name in text and re.search(rf"{_TITLE}[ ]+{re.escape(name)}(?!\w)", text) is not None


class WordTests:
    """Word-level tests over the free-name vocabulary (`_free`) and the word lists (`lists`)."""

    _free: FreeNames
    lists: WordLists
    _stop: frozenset[str]

    def _everyday_word(self, word: str) -> bool:
        """A frequent German or English word (wordfreq zipf >= 4)."""
        return self._free.vocab.zipf(word) >= 4.0

    def _noun(self, word: str) -> bool:
        """An everyday word or a German compound of known words ("Zählerstand")."""
        return self._everyday_word(word) or compound(word, self._free.vocab)

    def _street_noun(self, word: str) -> bool:
        """A word that names no street before a house number: any word wordfreq knows of
        (zipf >= 2: "Tarif", "Abschlag", "Zählerstand"; a street such as "Sophienblatt" is
        rarer), the knowledge base's or the company's own."""
        return self._free.vocab.zipf(word) >= 2.0 or self._place_blocked(word)

    def _not_a_name(self, word: str) -> bool:
        """A compound of known words ("Kundenportal"), or the knowledge base's, the company's
        or a stop word: no surname after a first name that is a word."""
        return compound(word, self._free.vocab) or self._free.blocked(word)

    def _kin_first_name(self, word: str) -> bool:
        """A listed first name that may follow a relation word (`kin_names`): no stop word (an
        article, a pronoun, a month) and not the company's own ("Kiel"); a word the knowledge
        base writes capitalised is no reason here."""
        return (
            self._free.vocab.is_first_name(word)
            and word not in self._stop
            and word.title() not in self._stop
            and not self.lists.is_never(word, "NAME")
        )

    def _kin_candidates(self) -> re.Pattern[str] | None:
        """`kin_candidates` of the free-name finder's stop list, built once."""
        if not hasattr(self, "_kin_pattern"):
            self._kin_pattern = kin_candidates(self._free.stop, self._kin_first_name)
        return self._kin_pattern

    def _everyday_first_name(self, word: str) -> bool:
        """A first name of the strong list that the free-name finder reads as a word without
        a cue: an ambiguous one ("Grace", "Mark", "Frank") or, not local, an everyday word
        (zipf >= 4: "Hope", "Faith"); not a make or a noun only some list holds ("Renault",
        "Bank")."""
        vocab = self._free.vocab
        if not vocab.is_first_name(word, strong=True):
            return False
        if word.title() in AMBIGUOUS_NAMES:
            return True
        return not vocab.is_first_name(word, local=True) and vocab.zipf(word) >= 4.0

    def _table_word(self, word: str) -> bool:
        """A word of a table's name column that names no person ("Treppenhaus", "Leerstand"):
        fairly common (zipf >= 3) or a compound, and in no first-name or surname list."""
        vocab = self._free.vocab
        common = vocab.zipf(word) >= 3.0 or compound(word, vocab)
        return common and not self._listed(word)

    def _place_blocked(self, word: str) -> bool:
        """The knowledge base's and the company's own words are no customer's town."""
        kb = self.lists.kb_words
        return word in kb or word.title() in kb or self.lists.is_never(word, "POSTCODE_CITY")

    def _owner_word(self, word: str) -> bool:
        """A word that may be a firm owner's surname: not everyday, no compound of everyday
        words ("Fördeblick"), not the KB's or the company's."""
        parts = word.split("-")
        if len(parts) > 1 and all(p[:1].isupper() for p in parts):
            # a double surname may hold an everyday word ("Elektro Lassen-Rieck": "lassen"),
            # not only everyday words ("Nord-Ost"), and none of the KB's or the company's
            everyday = [self._everyday_word(p) for p in parts]
            return not all(everyday) and not any(
                self._free.blocked(p) and not e for p, e in zip(parts, everyday, strict=True)
            )
        return not any(self._everyday_word(p) or self._free.blocked(p) for p in parts) and (
            self._free.vocab.zipf(word) < 3.5
        )

    def _ends_in_word(self, word: str) -> bool:
        """Does `word` end in an everyday word of four letters or more ("Fördeblick": "blick")?
        A compound of a name, not a surname."""
        return any(self._everyday_word(word[i:]) for i in range(1, len(word) - 3))

    def _surname(self, word: str) -> bool:
        """A surname by the list (not an everyday English word) or a rare word."""
        vocab = self._free.vocab
        return vocab.is_german_surname(word) or vocab.zipf(word) < 3.0

    def _partner(self, word: str) -> bool:
        """A surname by the list or a word that is not everyday (zipf < 4): a partner's name
        after "&" ("Ebbighausen & Voß"; not "Müller & Sohn", "Schmidt & Partner")."""
        return self._surname(word) or self._free.vocab.zipf(word) < 4.0

    def _first_or_rare(self, word: str) -> bool:
        """A first name (any list) or a word rare in German and English (a nickname), not a
        compound of two everyday words ("Kassenwart Uwe Stamer": a role before the name)."""
        vocab = self._free.vocab
        if vocab.is_first_name(word):
            return True
        return vocab.zipf(word) < 3.0 and not two_words(word, vocab)

    def _everyday(self, name: str, text: str = "") -> bool:
        """A lowercase "name" of everyday words after a closing ("Cheers mate", "danke dir")
        that no first-name or surname list knows."""
        vocab = self._free.vocab
        if (  # "Die Heizung läuft auf Frostschutz": a cue before a compound noun, which no
            # title stands before anywhere in the text ("Frau Feuerstein" is a person)
            name.isalpha()
            and name[:1].isupper()
            and compound_noun(name, vocab)
            and not (self._listed(name) or _titled(text, name))
        ):
            return True
        return name.islower() and all(
            vocab.zipf(w) >= 4.0 and not (vocab.is_first_name(w) or vocab.is_german_surname(w))
            for w in name.split()
        )

    def _listed(self, word: str) -> bool:
        """A first name or surname of the name lists."""
        return self._free.vocab.is_first_name(word) or self._free.vocab.is_surname(word)

    def _family(self, plural: str) -> bool:
        """A plural "Gundlachs" of a word that may be a surname (listed or not everyday) and
        is no everyday word itself, nor the KB's, the company's or a stop word."""
        vocab, base = self._free.vocab, plural[:-1]
        return (
            (vocab.is_surname(base) or vocab.zipf(base) < 3.5)
            and vocab.zipf(plural) < 3.5
            and not (self._free.blocked(base) or self._free.blocked(plural))
        )
