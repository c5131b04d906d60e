"""The last line of defence: no request leaves for the model with personal data in it.

`check_request(texts, vault, pseudonymizer, public)` scans the text of an outgoing model
request for every value of the thread's vault (compared after folding and with any spacing,
like the redaction itself) and for high-risk shapes (IBAN, payment card, e-mail address,
phone number). Values that also occur in `public` text (retrieved knowledge-base passages)
or that are the company's own data are not the customer's and pass. Any other hit raises
`PrivacyError`: the request is not sent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from drafter.errors import PrivacyError
from drafter.privacy.gazetteer import vocabulary
from drafter.privacy.memos import compile_customer, in_redaction
from drafter.privacy.normalize import fold
from drafter.privacy.pseudonymize import Pseudonymizer
from drafter.privacy.recognizers import find_cards, find_emails, find_ibans, find_phones
from drafter.privacy.repeats import value_pattern
from drafter.privacy.vault import Vault
from drafter.privacy.word_uses import bearers, kept_use

_MIN_NAME = 3  # a one- or two-letter name part ("Al") would match everywhere


def _masked(value: str) -> str:
    value = " ".join(value.split())
    return value[:2] + "…" + value[-2:] if len(value) > 6 else "…"


def _public(value: str, public: Sequence[str]) -> bool:
    pattern = compile_customer(rf"(?i)(?<!\w){re.escape(fold(value).text)}(?!\w)")
    return any(pattern.search(text) for text in public)


@in_redaction  # its memos (vault values) are emptied when the check ends
def check_request(
    texts: Iterable[str],
    vault: Vault | None,
    pseudonymizer: Pseudonymizer,
    public: Iterable[str] = (),
) -> None:
    """Raise PrivacyError when the request text holds a vault value or a high-risk shape."""
    body = fold("\n".join(texts)).text
    public_texts = [fold(p).text for p in public if p]
    hits: list[str] = []
    zipf = vocabulary().zipf
    sexes = bearers(vault.values("NAME")) if vault is not None else {}
    for entity in vault.entities if vault is not None else ():
        if entity.type == "NAME" and len(entity.value.strip()) < _MIN_NAME:
            continue
        pattern = value_pattern(entity.type, entity.value)
        if pattern is None or not pattern.search(body):
            continue
        if entity.type == "NAME" and all(
            kept_use(body, m.start(), m.end(), zipf, sexes) for m in pattern.finditer(body)
        ):
            continue  # "Im Sommer" in a mail from Karin Sommer (drafter.privacy.word_uses)
        if _public(entity.value, public_texts):
            continue
        hits.append(f"{entity.type} {_masked(entity.value)} ({entity.placeholder})")
    own = pseudonymizer.own_domains
    shapes = [
        *find_ibans(body),
        *find_cards(body),
        *find_emails(body, own),
        *find_phones(body, pseudonymizer.lists.never_digits),
    ]
    for span in shapes:
        value = body[span.start : span.end]
        if pseudonymizer.lists.is_never(value, span.type) or _public(value, public_texts):
            continue
        hits.append(f"{span.type} {_masked(value)}")
    if hits:
        raise PrivacyError(
            "the request to the model still contained personal data and was NOT sent: "
            + ", ".join(dict.fromkeys(hits)),
            hint="run `drafter mail parse --redact FILE` to see what was hidden and why; "
            "add the missing format to DRAFTER_CUSTOMER_NUMBER_PATTERNS or the word to "
            "DRAFTER_PRIVACY_ALWAYS_HIDE (README, Privacy), or answer this email by hand",
        )
