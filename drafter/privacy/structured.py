"""Which recognizers run over one text, before names: the structured identifiers (e-mail,
IBAN, card, tax and customer numbers, dates of birth, phones, social-security, health,
document, vehicle and network ids, URL secrets, credentials, order and long numbers, spoken
numbers), streets, postcodes and towns at home and abroad, address blocks, display names and
the always-hide list. Mixed into `Pseudonymizer` (drafter.privacy.pseudonymize), which
resolves the overlaps.
"""

from __future__ import annotations

import re

from drafter.privacy import identifiers as ids
from drafter.privacy import names as nm
from drafter.privacy.abroad import (
    find_abroad_postcodes,
    find_far_addresses,
    find_labelled_postcodes,
    find_lowercase_postcodes,
    find_lowercase_uk_ie,
)
from drafter.privacy.address_blocks import block_lines, streets_before
from drafter.privacy.credentials import find_secrets
from drafter.privacy.id_numbers import (
    find_customer_numbers,
    find_dobs,
    find_tax_ids,
)
from drafter.privacy.japanese import find_japanese_addresses
from drafter.privacy.kin_names import find_kin_names
from drafter.privacy.later_values import find_later_documents, find_quoted_secrets
from drafter.privacy.phone_shapes import find_phone_shapes
from drafter.privacy.pinyin import find_pinyin_names
from drafter.privacy.places import find_streets
from drafter.privacy.postcodes import find_postcode_cities
from drafter.privacy.recognizers import find_cards, find_emails, find_ibans, find_phones
from drafter.privacy.script_names import find_script_names
from drafter.privacy.second_look import title_capitals, without_organisations
from drafter.privacy.shaped_ids import find_shaped_ids
from drafter.privacy.spans import Span
from drafter.privacy.spoken import find_spoken_numbers
from drafter.privacy.told_addresses import find_told_addresses
from drafter.privacy.towns import find_towns
from drafter.privacy.towns import towns as town_list
from drafter.privacy.turkish import find_turkish_streets
from drafter.privacy.units import find_units
from drafter.privacy.word_first_names import find_word_first_names
from drafter.privacy.word_tests import WordTests

# a law's paragraph or article before a number: "§ 1814 BGB", "Art. 6 DSGVO" (its law in
# capitals is no town: no postcode and town)
_PROVISION_BEFORE = re.compile(r"(?:§§?|\bArt\.|\bArtikel|\bParagraph|\bSection)[ ]?\Z")


def _shift(span: Span, offset: int) -> Span:
    return span._replace(start=span.start + offset, end=span.end + offset)


class StructuredFinder(WordTests):
    """The recognizers that need no name cue, with the settings they read."""

    _own_domains: tuple[str, ...]
    _customer_patterns: list[re.Pattern[str]]
    _stop: frozenset[str]
    _always: re.Pattern[str] | None

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
            *find_shaped_ids(text),
        ]
        streets = list(find_streets(text))
        spans += streets
        spans += find_units(text)
        spans += find_postcode_cities(text, streets)
        spans += find_abroad_postcodes(text, self._everyday_word)
        spans += find_far_addresses(text, self._everyday_word, self._noun)
        spans += find_told_addresses(text, self._street_noun)
        spans += find_script_names(text)
        spans += find_labelled_postcodes(text)
        spans += find_lowercase_uk_ie(text)
        spans += find_turkish_streets(text)
        spans += find_japanese_addresses(text)
        spans += find_lowercase_postcodes(text, lambda w: w.casefold() in town_list())
        upper_streets: list[Span] = []
        for offset, line in title_capitals(text):  # "KNORRSTR.5 KIEL": lines in capitals
            upper = [_shift(s, offset) for s in find_streets(line)]
            upper += [_shift(s, offset) for s in find_postcode_cities(line, [])]
            upper = [
                s._replace(why=s.why + " (capitals)")
                for s in upper
                if not _PROVISION_BEFORE.search(text, max(0, s.start - 12), s.start)
            ]
            spans += upper
            upper_streets += [s for s in upper if s.type == "ADDRESS"]
        vocab = self._free.vocab
        spans += find_pinyin_names(text, vocab.zipf)
        spans += find_word_first_names(
            text,
            vocab.zipf,
            vocab.is_first_name,
            self._everyday_first_name,
            self._not_a_name,
        )
        spans += find_kin_names(text, self._kin_candidates(), self._kin_first_name)
        # the company's own street does not make the town after it a customer's; a street in
        # capitals does ("KNORRSTR.5 KIEL", "GARTENWEG 4, PLÖN")
        is_never = self.lists.is_never
        ends = frozenset(
            s.end for s in [*streets, *upper_streets] if not is_never(text[s.start : s.end], s.type)
        )
        first_name = lambda w: vocab.is_first_name(w, local=True)  # noqa: E731
        starts = frozenset(s.start for s in streets)
        towns = list(find_towns(text, self._place_blocked, vocab.zipf, first_name, ends, starts))
        spans += without_organisations(text, towns)  # "Sportverein Kiel-Wik e.V.": the club's
        spans += block_lines(text, spans)
        spans += streets_before(text, spans, self._street_noun)
        spans += nm.find_display_names(text, own, self._stop)
        if self._always is not None:
            spans += [Span(m.start(), m.end(), "NAME", "always-hide list") for m in
                      self._always.finditer(text)]  # fmt: skip
        return spans
