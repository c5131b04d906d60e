"""The pseudonymizer: runs every recognizer, resolves overlaps and replaces personal data
with typed, numbered placeholders recorded in a `Vault`.

Text is folded first (drafter.privacy.normalize: NFKC, confusable letters and digits,
invisible characters) and spans are mapped back to the original. Every value already in the
thread's vault is found again wherever it appears, with or without its cue and in any
spacing (the vault is the source of truth; drafter.privacy.repeats). Overlaps are resolved
by priority (vault values, then structured identifiers, addresses, names; the fail-closed
long-number catch-all last), then by length (drafter.privacy.overlaps). The company's own
data and the never-hide list are never hidden; the always-hide list always is.
`redact_email` pseudonymizes subject, body, quoted text, signature, the From/To/Cc addresses
and attachment names of an `InboundEmail`: exactly what a model sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from drafter.config import Settings
from drafter.models import Address, Entity, InboundEmail
from drafter.privacy import identifiers as ids
from drafter.privacy import names as nm
from drafter.privacy.abroad import (
    find_abroad_postcodes,
    find_far_addresses,
    find_labelled_postcodes,
    find_lowercase_uk_ie,
)
from drafter.privacy.address_blocks import block_lines
from drafter.privacy.credentials import find_secrets
from drafter.privacy.freenames import FreeNames
from drafter.privacy.freewords import _compound as compound
from drafter.privacy.gazetteer import vocabulary
from drafter.privacy.id_numbers import (
    compile_customer_patterns,
    find_customer_numbers,
    find_dobs,
    find_tax_ids,
)
from drafter.privacy.keeps import authority, without_registers
from drafter.privacy.later_values import (
    dob_corrections,
    find_later_documents,
    find_quoted_secrets,
)
from drafter.privacy.normalize import fold
from drafter.privacy.overlaps import resolve
from drafter.privacy.phone_shapes import find_phone_shapes
from drafter.privacy.places import find_streets
from drafter.privacy.postcodes import find_postcode_cities
from drafter.privacy.recognizers import find_cards, find_emails, find_ibans, find_phones
from drafter.privacy.repeats import (
    institution_town,
    name_repeats,
    repeats,
    town_repeats,
    vault_spans,
    vault_towns,
)
from drafter.privacy.script_names import find_script_names
from drafter.privacy.second_look import (
    firm_owners,
    first_names_before,
    inside_longer,
    only_in,
    organisation_words,
    organisations,
    postcodes_after_streets,
    surnames_after,
    timestamp,
    title_capitals,
    without_organisations,
)
from drafter.privacy.sender_names import (
    local_part_names,
    lowercase_forms,
    lowercase_spans,
    without_own_postcodes,
)
from drafter.privacy.spans import Span
from drafter.privacy.spoken import find_spoken_numbers
from drafter.privacy.told_addresses import find_told_addresses
from drafter.privacy.towns import find_towns
from drafter.privacy.vault import Vault
from drafter.privacy.wordlists import WordLists

_DOMAIN = re.compile(r"@([\w.-]+)")


@lru_cache(maxsize=256)
def _matcher(found: frozenset[str]) -> re.Pattern[str] | None:
    return nm.build_matcher(found)


@lru_cache(maxsize=64)
def _discover(text: str, stop: frozenset[str], signature: bool) -> tuple[str, ...]:
    return tuple(nm.discover(text, stop, signature=signature))


def _always_matcher(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"(?i)(?<!\w)(?:{alternation})(?!\w)")


def _shift(span: Span, offset: int) -> Span:
    return span._replace(start=span.start + offset, end=span.end + offset)


class Pseudonymizer:
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
        self._lower_memo: dict[tuple[str, ...], frozenset[str]] = {}
        self._org_words: frozenset[str] = frozenset()  # of the email being redacted

    # --- finding ---------------------------------------------------------------------

    def _structured(self, text: str) -> list[Span]:
        own = self._own_domains
        spans: list[Span] = [
            *find_emails(text, own),
            *find_ibans(text),
            *find_cards(text),
            *find_tax_ids(text),
            *find_customer_numbers(text, self._customer_patterns),
            *find_dobs(text),
            *find_phones(text, self.lists.never_digits),
            *find_phone_shapes(text, self.lists.never_digits),
            *ids.find_social_security(text),
            *ids.find_uk_national_insurance(text),
            *ids.find_health_insurance(text),
            *ids.find_documents(text),
            *ids.find_vehicles(text),
            *ids.find_network(text),
            *ids.find_url_secrets(text, own),
            *find_secrets(text),
            *find_quoted_secrets(text),
            *find_later_documents(text),
            *ids.find_order_numbers(text),
            *ids.find_long_numbers(text),
            *find_spoken_numbers(text),
        ]
        streets = list(find_streets(text))
        spans += streets
        spans += find_postcode_cities(text, streets)
        spans += find_abroad_postcodes(text, self._everyday_word)
        spans += find_far_addresses(text, self._everyday_word, self._noun)
        spans += find_told_addresses(text)
        spans += find_script_names(text)
        spans += find_labelled_postcodes(text)
        spans += find_lowercase_uk_ie(text)
        for offset, line in title_capitals(text):  # "KNORRSTR.5 KIEL": lines in capitals
            upper = [_shift(s, offset) for s in find_streets(line)]
            upper += [_shift(s, offset) for s in find_postcode_cities(line, [])]
            spans += [s._replace(why=s.why + " (capitals)") for s in upper]
        vocab = self._free.vocab
        # the company's own street does not make the town after it a customer's
        is_never = self.lists.is_never
        ends = frozenset(s.end for s in streets if not is_never(text[s.start : s.end], s.type))
        first_name = lambda w: vocab.is_first_name(w, local=True)  # noqa: E731
        towns = list(find_towns(text, self._place_blocked, vocab.zipf, first_name, ends))
        spans += without_organisations(text, towns)  # "Sportverein Kiel-Wik e.V.": the club's
        spans += block_lines(text, spans)
        spans += nm.find_display_names(text, own, self._stop)
        if self._always is not None:
            spans += [Span(m.start(), m.end(), "NAME", "always-hide list") for m in
                      self._always.finditer(text)]  # fmt: skip
        return spans

    def _everyday_word(self, word: str) -> bool:
        """A frequent German or English word (wordfreq zipf >= 4)."""
        return self._free.vocab.zipf(word) >= 4.0

    def _noun(self, word: str) -> bool:
        """An everyday word or a German compound of known words ("Zählerstand")."""
        return self._everyday_word(word) or compound(word, self._free.vocab)

    def _place_blocked(self, word: str) -> bool:
        """The knowledge base's and the company's own words are no customer's town."""
        kb = self.lists.kb_words
        return word in kb or word.title() in kb or self.lists.is_never(word, "POSTCODE_CITY")

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
        return [n for n in found if not (self.lists.is_never(n, "NAME") or self._everyday(n))]

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

    def _owner_word(self, word: str) -> bool:
        """A word that may be a firm owner's surname: not everyday, no compound of everyday
        words ("Fördeblick"), not the KB's or the company's."""
        parts = word.split("-")
        return not any(self._everyday_word(p) or self._free.blocked(p) for p in parts) and (
            self._free.vocab.zipf(word) < 3.5
        )

    def _surname(self, word: str) -> bool:
        """A surname by the list (not an everyday English word) or a rare word."""
        vocab = self._free.vocab
        return vocab.is_german_surname(word) or vocab.zipf(word) < 3.0

    def _first_or_rare(self, word: str) -> bool:
        """A first name (any list) or a word rare in German and English (a nickname)."""
        vocab = self._free.vocab
        return vocab.is_first_name(word) or vocab.zipf(word) < 3.0

    def _everyday(self, name: str) -> bool:
        """A lowercase "name" of everyday words after a closing ("Cheers mate", "danke dir")
        that no first-name or surname list knows."""
        vocab = self._free.vocab
        return name.islower() and all(
            vocab.zipf(w) >= 4.0 and not (vocab.is_first_name(w) or vocab.is_german_surname(w))
            for w in name.split()
        )

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
        found = [n for n in _discover(work, self._stop, signature) if not self._everyday(n)]
        known = [*known_names, *(vault.values("NAME") if vault is not None else ())]
        matcher = _matcher(frozenset(nm.variants(found, self._stop, trusted=known)))
        spans = [
            *self._structured(work),
            # a known name stays hidden inside a firm's name too ("Jansen" in "Malerbetrieb
            # Jansen GmbH" when Peter Jansen signs): a sole trader's firm names a person
            *(
                s._replace(why="name (cue or known name)")
                for s in nm.find_names(work, matcher)
                if not institution_town(work, s)
            ),
            *self._rare_words(work, self._free.find(work)),
            *lowercase_spans(work, self._lowercase_forms(known)),
            *without_organisations(work, list(firm_owners(work, self._owner_word))),
        ]
        if vault is not None:
            spans += vault_spans(work, vault)
            spans += vault_towns(work, vault, self._place_blocked)
        kept = [
            s
            for s in spans
            if s.why.startswith(("vault", "always"))
            or not (self.lists.is_never(work[s.start : s.end], s.type) or timestamp(work, s))
        ]
        kept = without_own_postcodes(work, spans, kept, self.lists.is_never)
        resolved = resolve(inside_longer(without_registers(work, kept)))
        after = surnames_after(work, resolved, self._surname, self._free.blocked)
        after += first_names_before(work, resolved, self._first_or_rare, self._free.blocked)
        after += postcodes_after_streets(work, resolved)
        after += dob_corrections(work, resolved)
        if after:
            resolved = resolve([*resolved, *after])
        again = [*repeats(work, resolved), *name_repeats(work, resolved)]
        again += town_repeats(work, resolved, self._place_blocked)
        if again:  # a value found once (by its cue) is hidden at every place in the text
            resolved = resolve([*resolved, *again])
        out = []
        for span in resolved:
            start, end = folded.span(span.start, span.end)
            out.append(Span(start, end, span.type, span.why))
        return out

    def _listed(self, word: str) -> bool:
        """A first name or surname of the name lists."""
        return self._free.vocab.is_first_name(word) or self._free.vocab.is_surname(word)

    def _lowercase_forms(self, known: list[str]) -> frozenset[str]:
        """`lowercase_forms` of `known`, memoized (every field of a mail asks again)."""
        key = tuple(known)
        forms = self._lower_memo.get(key)
        if forms is None:
            vocab = self._free.vocab
            forms = frozenset(lowercase_forms(known, vocab.zipf, self._stop, self._listed))
            if len(self._lower_memo) > 64:
                self._lower_memo.clear()
            self._lower_memo[key] = forms
        return forms

    # --- replacing -------------------------------------------------------------------

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

    def entities(self, text: str, known_names: Iterable[str] = ()) -> list[Entity]:
        """The spans of `text` as Entities with offsets (no placeholders)."""
        return [
            Entity(type=s.type, value=text[s.start : s.end], start=s.start, end=s.end)
            for s in self.find(text, known_names)
        ]

    @property
    def own_domains(self) -> tuple[str, ...]:
        """The company's own mail domains (its addresses are not customer data)."""
        return self._own_domains

    def _own(self, address: str) -> bool:
        domain = address.rsplit("@", 1)[-1].lower()
        return any(domain == d or domain.endswith("." + d) for d in self._own_domains)

    def _address(self, address: Address, vault: Vault, known: list[str]) -> Address:
        if address.email and self._own(address.email):
            return address
        name = nm.parse_display_name(address.name)
        return Address(
            name=self.redact(name, vault, [*known, name]) if name else "",
            email=vault.placeholder_for("EMAIL", address.email) if address.email else "",
        )

    def redact_email(
        self, email: InboundEmail, vault: Vault | None = None
    ) -> tuple[InboundEmail, Vault]:
        """A copy of `email` as a model may see it, and the vault (new or grown)."""
        vault = vault if vault is not None else Vault()
        self._free.forget()
        display = nm.parse_display_name(email.from_.name)
        if display.islower():
            display = display.title()
        known: list[str] = []
        if display and nm.variants([display], self._stop) and not authority(display):
            known.append(display)
            placeholder = vault.placeholder_for("NAME", display)
            vault.reasons.setdefault(placeholder, "From header (display name)")
        if email.from_.email and not self._own(email.from_.email):
            placeholder = vault.placeholder_for("EMAIL", email.from_.email)
            vault.reasons.setdefault(placeholder, "From header (address)")
            zipf = self._free.vocab.zipf  # not "family" of "desai.family@…"
            known += [n for n in local_part_names(email.from_.email, display) if zipf(n) < 3.5]
        texts = {
            "subject": email.subject,
            "body": email.body,
            "quoted": email.quoted,
            "signature": email.signature,
        }
        self._org_words = organisation_words(texts.values())
        try:
            for field, text in texts.items():
                known += self.discover_names(text, signature=field == "signature")
            redacted: dict[str, str] = {}
            grown = len(vault.entities)
            for field, text in texts.items():
                redacted[field] = self.redact(text, vault, known, signature=field == "signature")
                if field == "subject":
                    grown = len(vault.entities)
            if email.subject and len(vault.entities) > grown:  # a value first found in the body
                redacted["subject"] = self.redact(email.subject, vault, known)
            attachments = [
                a.model_copy(update={"filename": self.redact(a.filename, vault, known)})
                for a in email.attachments
            ]
            update: dict[str, object] = {
                **redacted,
                "from_": self._address(email.from_, vault, known),
                "to": [self._address(a, vault, known) for a in email.to],
                "cc": [self._address(a, vault, known) for a in email.cc],
                "attachments": attachments,
            }
        finally:  # a later `redact` of other text must not see this email's organisations
            self._org_words = frozenset()
        return email.model_copy(update=update), vault
