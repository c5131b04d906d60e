"""Redaction of a whole `InboundEmail`: subject, body, quoted text, signature, the From/To/Cc
addresses and attachment names, exactly what a model sees. The sender's display name and
the names in their address's local part are known names for every field; a value first
found in the body is hidden in the subject too. The company's own addresses stay. Mixed
into `Pseudonymizer` (drafter.privacy.pseudonymize), which redacts one text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from drafter.models import Address, InboundEmail
from drafter.privacy import names as nm
from drafter.privacy.freenames import FreeNames
from drafter.privacy.freewords import two_words
from drafter.privacy.keeps import authority
from drafter.privacy.memos import in_redaction
from drafter.privacy.patterns import EMAIL_RE
from drafter.privacy.second_look import organisation_words
from drafter.privacy.sender_names import (
    address_names,
    local_part_names,
    participant_names,
    sender_words,
    short_names,
)
from drafter.privacy.signed_lines import signoff_words
from drafter.privacy.spans import Span, cue_lines
from drafter.privacy.spellings import mentions
from drafter.privacy.vault import Vault

# a shop named by where it stands: "Kiosk am Dreiecksplatz", "Apotheke an der Förde"
_BUSINESS_AT = re.compile(
    r"(?P<noun>[A-ZÄÖÜ][a-zäöüß]+)[ ](?:am|im|zum|zur|beim|vom|an[ ]der|an[ ]den|in[ ]der|"
    r"auf[ ]der)[ ][A-ZÄÖÜ]"
)


class EmailRedaction:
    """`redact_email` over the text-level `redact` and `discover_names` of the subclass."""

    _free: FreeNames
    _stop: frozenset[str]
    _own_domains: tuple[str, ...]
    _org_words: frozenset[str]
    _structured_memo: dict[str, list[Span]]  # the recognizers' spans per text (pseudonymize)

    # the text-level steps, defined by the subclass (drafter.privacy.pseudonymize)
    redact: Callable[..., str]
    discover_names: Callable[..., list[str]]

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
        own = [] if self._business(name) else [name]  # a shop's name is nobody's
        return Address(
            name=self.redact(name, vault, [*known, *own]) if name else "",
            email=vault.placeholder_for("EMAIL", address.email) if address.email else "",
        )

    def _may_be_name(self, word: str) -> bool:
        """A listed first name or German surname, or a rare word that is no compound of two
        everyday words (a role noun: "Kassenwartin")."""
        vocab = self._free.vocab
        if vocab.is_first_name(word) or vocab.is_german_surname(word):
            return True
        return vocab.zipf(word) < 3.0 and not two_words(word, vocab)

    def _business(self, display: str) -> bool:
        """A From display name that names a shop by its place, not a person ("Kiosk am
        Dreiecksplatz", "Bäckerei an der Kirche", "Café zur Post"): an everyday noun that
        is no first name, then a place's preposition and a capitalised word."""
        m = _BUSINESS_AT.match(display.strip())
        if m is None:
            return False
        vocab = self._free.vocab
        noun = m.group("noun")
        return vocab.zipf(noun) >= 3.0 and not vocab.is_first_name(noun)

    def _strong_first_name(self, word: str) -> bool:
        return self._free.vocab.is_first_name(word, strong=True)

    @in_redaction
    def redact_email(
        self, email: InboundEmail, vault: Vault | None = None
    ) -> tuple[InboundEmail, Vault]:
        """A copy of `email` as a model may see it, and the vault (new or grown)."""
        if vault is None:  # a new email, not one redacted again in its thread
            self._structured_memo.clear()
        vault = vault if vault is not None else Vault()
        self._free.forget()
        display = nm.parse_display_name(email.from_.name)
        if display.islower():
            display = display.title()
        known: list[str] = []
        if (
            display
            and nm.variants([display], self._stop)
            and not authority(display)
            and not self._business(display)
        ):
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
        # the names other people's addresses spell ("malte.soerensen@…" in the body, in Cc)
        others = [
            m.group()
            for t in texts.values()
            for a, b in cue_lines(t, ("@",))
            for m in EMAIL_RE.finditer(t, a, b)
        ]
        others += [a.email for a in [*email.to, *email.cc] if a.email]
        known += participant_names(texts.values(), self._own, self._free.vocab.zipf)
        others = [a for a in others if a != email.from_.email and not self._own(a)]
        if others:
            known += address_names(others, self._free.vocab.zipf, self._free.vocab.is_first_name)
        vocab = self._free.vocab
        person = display if known and known[0] == display else ""  # not "Jobcenter Kiel"
        sender = sender_words(email.from_.email if not self._own(email.from_.email) else "", person)
        known += short_names((email.body, email.signature), sender, vocab.zipf, vocab.is_first_name)
        # the words under every closing, whatever the greeting's sign-off reader makes of them
        known += signoff_words(
            (email.body, email.signature),
            self._may_be_name,
            vocab.is_first_name,
            self._free.blocked,
        )
        try:
            for field, text in texts.items():
                known += self.discover_names(text, signature=field == "signature")
            redacted: dict[str, str] = {}
            sizes: dict[str, int] = {}
            for field, text in texts.items():
                redacted[field] = self.redact(text, vault, known, signature=field == "signature")
                sizes[field] = len(vault.entities)
            for field, text in texts.items():
                # a value first found in a later field (the body, a signature, the quoted
                # history): hidden in the earlier ones too, with or without its cue
                later = vault.entities[sizes[field] :]
                if not (text and later):
                    continue
                if field == "subject" or mentions(text, [e.value for e in later]):
                    signature = field == "signature"
                    redacted[field] = self.redact(text, vault, known, signature=signature)
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
