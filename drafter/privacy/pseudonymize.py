"""The pseudonymizer: runs every recognizer, resolves overlaps and replaces personal data
with typed, numbered placeholders recorded in a `Vault`.

Text is folded first (drafter.privacy.normalize: NFKC, confusable letters and digits,
invisible characters) and spans are mapped back to the original. Every value already in the
thread's vault is found again wherever it appears, with or without its cue and in any
spacing (the vault is the source of truth; drafter.privacy.repeats). Overlaps are resolved
by priority (vault values, then structured identifiers, addresses, names; the fail-closed
long-number catch-all last), then by length (drafter.privacy.overlaps). The company's own
data and the never-hide list are never hidden; the always-hide list always is.
Which recognizers run is drafter.privacy.structured, the word tests drafter.privacy.word_tests
and the redaction of a whole `InboundEmail` (subject, body, quoted text, signature, From/To/Cc
and attachment names: exactly what a model sees) drafter.privacy.mail_redaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from drafter.config import Settings
from drafter.models import Entity
from drafter.privacy import names as nm
from drafter.privacy.freenames import FreeNames
from drafter.privacy.freewords import two_words
from drafter.privacy.gazetteer import vocabulary
from drafter.privacy.id_numbers import compile_customer_patterns
from drafter.privacy.keeps import without_registers
from drafter.privacy.later_values import dob_corrections
from drafter.privacy.mail_redaction import EmailRedaction
from drafter.privacy.memos import customer_memo, in_redaction, register_owner
from drafter.privacy.neighbours import postcode_siblings, streets_after_names, two_letter_names
from drafter.privacy.normalize import fold
from drafter.privacy.overlaps import resolve
from drafter.privacy.repeats import (
    institution_town,
    name_repeats,
    repeats,
    town_repeats,
    vault_spans,
    vault_streets,
    vault_towns,
)
from drafter.privacy.second_look import (
    family_plurals,
    firm_owners,
    first_names_before,
    inside_longer,
    only_in,
    organisations,
    particle_surnames,
    postcodes_after_streets,
    surnames_after,
    timestamp,
    without_organisations,
)
from drafter.privacy.sender_names import (
    lowercase_forms,
    lowercase_spans,
    without_own_postcodes,
)
from drafter.privacy.spans import Span
from drafter.privacy.spellings import short_form_spans, variant_spans
from drafter.privacy.structured import StructuredFinder
from drafter.privacy.tables import table_names
from drafter.privacy.vault import Vault
from drafter.privacy.word_uses import bearers, kept_use
from drafter.privacy.wordlists import WordLists

_DOMAIN = re.compile(r"@([\w.-]+)")
# the reasons of an owner's name that needs a surname (before a trade word or a legal form)
_OWNER_BEFORE = "owner's name before"
# ... of which only the one before a listed trade word may also be a rare word, not a surname
_TRADE_WORD = "before a trade word"
# ... or, since session 29, the very rare word between a trade word and a legal form
# ("Hausverwaltung Grotefendt GmbH"; a compound of known words stays: "Hausverwaltung
# Fördeblick GmbH")
_LEGAL_FORM = "before a legal form"


@customer_memo
@lru_cache(maxsize=256)
def _matcher(found: frozenset[str]) -> nm.NameMatcher | None:
    return nm.build_matcher(found)


@customer_memo
@lru_cache(maxsize=64)
def _discover(text: str, stop: frozenset[str], signature: bool) -> tuple[str, ...]:
    return tuple(nm.discover(text, stop, signature=signature))


def _always_matcher(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"(?i)(?<!\w)(?:{alternation})(?!\w)")


class Pseudonymizer(EmailRedaction, StructuredFinder):
    """Finds personal data in German and English text and swaps it for placeholders."""

    def __init__(self, settings: Settings | None = None) -> None:
        settings = settings if settings is not None else Settings()
        self._customer_patterns = compile_customer_patterns(settings.customer_number_patterns)
        domains = list(settings.link_allowlist)
        domains += _DOMAIN.findall(settings.mail_from)
        self._own_domains = tuple(d.lower() for d in domains)
        self.lists = WordLists.from_settings(settings)
        company = f"{settings.brand_name} {settings.agent_name}"
        extra = {w.strip(",.-") for w in company.split() if w[:1].isupper()}
        self._stop = nm.STOP_WORDS | frozenset(extra)
        self._free = FreeNames(vocabulary(), self._stop | self.lists.kb_words, self.lists.never)
        self._always = _always_matcher(self.lists.always)
        self._lower_memo: dict[str, frozenset[str]] = {}  # see `_lowercase_forms`
        self._structured_memo: dict[str, list[Span]] = {}  # see `_structured_once`
        self._org_words: frozenset[str] = frozenset()  # of the email being redacted
        register_owner(self)  # its memos are emptied when a redaction ends

    def forget_memos(self) -> None:
        """Drop the per-text memos (their keys are a customer's text and names)."""
        self._structured_memo.clear()
        self._lower_memo.clear()
        self._free.forget_memos()

    # --- finding ---------------------------------------------------------------------

    @in_redaction
    def discover_names(self, text: str, *, signature: bool = False) -> list[str]:
        """Names a cue or the gazetteer in `text` points at (no search for repetitions)."""
        folded = fold(text).text
        found = list(_discover(folded, self._stop, signature))
        orgs = organisations(folded)
        if orgs:  # a "name" seen only inside an organisation's name is the organisation's
            found = [n for n in found if not only_in(n, folded, orgs)]
        found += [
            folded[s.start : s.end] for s in self._rare_words(folded, self._free.find(folded))
        ]
        return [
            n for n in found if not (self.lists.is_never(n, "NAME") or self._everyday(n, folded))
        ]

    def _rare_words(self, text: str, spans: list[Span]) -> list[Span]:
        """The free-name spans of `text` less those outside an organisation's name here and
        rare words the same email uses inside one ("Kontakt: SV Holtenau" in the subject,
        "des SV Holtenau von 1912 e.V." in the body): the organisation's, not a person's."""
        spans = without_organisations(text, spans)
        if not self._org_words:
            return spans
        return [
            s
            for s in spans
            if not (
                s.why.startswith("rare capitalised") and text[s.start : s.end] in self._org_words
            )
        ]

    @in_redaction
    def find(
        self,
        text: str,
        known_names: Iterable[str] = (),
        *,
        signature: bool = False,
        vault: Vault | None = None,
    ) -> list[Span]:
        """All personal-data spans of `text` (offsets into `text`), overlaps resolved."""
        folded = fold(text)
        work = folded.text
        found = [n for n in _discover(work, self._stop, signature) if not self._everyday(n, work)]
        known = [*known_names, *(vault.values("NAME") if vault is not None else ())]
        matcher = _matcher(frozenset(nm.variants(found, self._stop, trusted=known)))
        spans = [
            *self._structured_once(work),
            # a known name stays hidden inside a firm's name too ("Jansen" in "Malerbetrieb
            # Jansen GmbH" when Peter Jansen signs): a sole trader's firm names a person
            *(
                s._replace(why="name (cue or known name)")
                for s in nm.find_names(work, matcher)
                if not institution_town(work, s)
            ),
            *self._rare_words(work, self._free.find(work)),
            *lowercase_spans(work, self._lowercase_forms(known)),
            *self._firm_owners(work),
            *table_names(work, self._table_word),  # "Whg    Mieter    Zähler" from a sheet
            *family_plurals(work, self._family),
        ]
        if vault is not None:
            spans += vault_spans(work, vault)
            spans += vault_towns(work, vault, self._place_blocked)
            spans += vault_streets(work, vault, self._place_blocked, self._free.vocab.zipf)
        kept = [
            s
            for s in spans
            if s.why.startswith(("vault", "always"))
            or not (self.lists.is_never(work[s.start : s.end], s.type) or timestamp(work, s))
        ]
        kept = without_own_postcodes(work, spans, kept, self.lists.is_never)
        resolved = resolve(inside_longer(without_registers(work, kept)))
        partner = self._partner  # "Kanzlei [Ebbighausen] & Voß": a firm named by its partners
        after = surnames_after(work, resolved, self._surname, self._free.blocked, partner)
        after += particle_surnames(work, resolved, self._free.vocab.is_surname, self._free.blocked)
        after += first_names_before(work, resolved, self._first_or_rare, self._free.blocked)
        after += postcodes_after_streets(work, resolved)
        codes = vault.values("POSTCODE_CITY") if vault is not None else ()
        after += postcode_siblings(work, resolved, codes)  # "24103 Kiel ... or 24105?"
        after += dob_corrections(work, resolved)
        if after:
            resolved = resolve([*resolved, *after])
        again = [*repeats(work, resolved), *name_repeats(work, resolved)]
        again += town_repeats(work, resolved, self._place_blocked)
        # a known name spelt another way: "Yildiz" for "Yıldız", "Mueller" for "Müller"
        names = [*known, *found, *(work[s.start : s.end] for s in resolved if s.type == "NAME")]
        again += [
            s
            for s in [
                *variant_spans(work, names),
                *short_form_spans(work, names, self._strong_first_name),
            ]
            if not self._free.blocked(work[s.start : s.end])
        ]
        again += two_letter_names(work, names, self._strong_first_name)  # "Mo" of Moritz
        if again:  # a value found once (by its cue) is hidden at every place in the text
            resolved = resolve([*resolved, *again])
        # "lg lena voigt Sophienblatt 44": after every name, the surnames after names too
        streets = streets_after_names(work, resolved, self._rare_street_word)
        if streets:
            resolved = resolve([*resolved, *streets])
        zipf = self._free.vocab.zipf  # "Im Sommer" in a mail from Karin Sommer: the season
        sexes = bearers(known)  # "Seit dem Sommer" from Britta Sommer (word_uses)
        resolved = [
            s
            for s in resolved
            if s.type != "NAME" or not kept_use(work, s.start, s.end, zipf, sexes)
        ]
        out = []
        for span in resolved:
            start, end = folded.span(span.start, span.end)
            out.append(Span(start, end, span.type, span.why))
        return out

    def _firm_owners(self, text: str) -> list[Span]:
        """The owners' names in firms' names; the name before a trade word only when it is a
        surname or very rare and no compound (not "Förde", "Fördeland", an adjective such as
        "Ambulanter"), between a trade word and a legal form likewise ("Hausverwaltung
        Grotefendt GmbH", since session 29), before a trade's compound only
        when it is a listed surname ("Heizungsbau Jessen GmbH", "Rasmussen Kaffeetechnik"; not
        "Hausverwaltung Fördeblick GmbH", "Bautrupp Netzausbau"), and then also
        inside an organisation's name ("Vosteen Immobilien GmbH": a sole trader's surname)."""
        spans = list(firm_owners(text, self._owner_word))
        vocab = self._free.vocab
        spans = [
            s
            for s in spans
            if not s.why.startswith(_OWNER_BEFORE)
            or (
                (
                    vocab.is_surname(w := text[s.start : s.end])
                    or (vocab.zipf(w) < 2.5 and _TRADE_WORD in s.why)
                    or (vocab.zipf(w) < 2.5 and _LEGAL_FORM in s.why and not self._ends_in_word(w))
                )
                and not two_words(w, vocab)
            )
        ]
        kept = without_organisations(text, spans)
        return kept + [s for s in spans if s not in kept and s.why.startswith(_OWNER_BEFORE)]

    def _rare_street_word(self, word: str) -> bool:
        """A word that may name a street without a street word ("Sophienblatt"): rare, and
        no first name."""
        vocab = self._free.vocab
        return vocab.zipf(word) < 3.0 and not vocab.is_first_name(word)

    def _structured_once(self, text: str) -> list[Span]:
        """`_structured(text)`, a function of the text alone, remembered until the next new
        email (`redact_email` without a vault drops it; 64 texts at most): the subject is
        redacted again when the body adds to the vault, and the engine redacts an email once
        more, with its vault, to hide a name its greeting writes."""
        spans = self._structured_memo.get(text)
        if spans is None:
            if len(self._structured_memo) >= 64:
                self._structured_memo.clear()
            spans = self._structured_memo[text] = self._structured(text)
        return spans

    def _lowercase_forms(self, known: list[str]) -> frozenset[str]:
        """`lowercase_forms` of `known`, name by name: the forms of a list are the union of
        each name's own (its words, their hyphen parts, its initial with the surname), and
        every field of a mail asks again with the same names and a few more from the vault,
        so each name's forms are memoized (until the redaction ends)."""
        vocab = self._free.vocab
        forms: set[str] = set()
        for name in known:
            own = self._lower_memo.get(name)
            if own is None:
                own = frozenset(lowercase_forms([name], vocab.zipf, self._stop, self._listed))
                if len(self._lower_memo) > 4096:
                    self._lower_memo.clear()
                self._lower_memo[name] = own
            forms |= own
        return frozenset(forms)

    # --- replacing -------------------------------------------------------------------

    @in_redaction
    def redact(
        self,
        text: str,
        vault: Vault,
        known_names: Iterable[str] = (),
        *,
        signature: bool = False,
    ) -> str:
        """`text` with personal data replaced by placeholders; new values join `vault`."""
        if not text:
            return text
        spans = self.find(text, known_names, signature=signature, vault=vault)
        placeholders = vault.placeholders_for((s.type, text[s.start : s.end]) for s in spans)
        reasons = vault.reasons  # a pydantic private attribute: looked up once, not per span
        for span, placeholder in zip(spans, placeholders, strict=True):
            reasons.setdefault(placeholder, span.why)
        pieces: list[str] = []
        last = 0
        for span, placeholder in zip(spans, placeholders, strict=True):
            pieces.append(text[last : span.start])
            pieces.append(placeholder)
            last = span.end
        pieces.append(text[last:])
        return "".join(pieces)

    @in_redaction
    def entities(self, text: str, known_names: Iterable[str] = ()) -> list[Entity]:
        """The spans of `text` as Entities with offsets (no placeholders)."""
        return [
            Entity(type=s.type, value=text[s.start : s.end], start=s.start, end=s.end)
            for s in self.find(text, known_names)
        ]
