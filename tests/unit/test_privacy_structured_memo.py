"""The recognizers' spans of a text are remembered for the email being redacted
(Pseudonymizer._structured_once): an email redacted again with its vault (the subject after
the body grew the vault, the engine's pass for a name the greeting writes) runs them on no
text twice, a new email starts afresh, and what is remembered never changes a result."""

from __future__ import annotations

from drafter.mail.parse import parse_email
from drafter.privacy.memos import redaction
from drafter.privacy.pseudonymize import Pseudonymizer
from drafter.privacy.vault import Vault
from tests.unit.privacy_cases import mail_from

BODY = (
    "Guten Tag,\nmeine neue IBAN ist DE89 3704 0044 0532 0130 00, ich wohne jetzt in der "
    "Holtenauer Str. 12, 24105 Kiel. Tel. 0431 123456.\nViele Grüße\nAnna Schulz\n"
)


def _counting(pz: Pseudonymizer) -> list[str]:
    seen: list[str] = []
    structured = pz._structured

    def counted(text: str) -> list:  # type: ignore[type-arg]
        seen.append(text)
        return structured(text)

    pz._structured = counted  # type: ignore[method-assign]
    return seen


def test_an_email_redacted_again_with_its_vault_runs_the_recognizers_on_no_text_twice() -> None:
    pz = Pseudonymizer()
    seen = _counting(pz)
    email = parse_email(mail_from("Anna Schulz <anna@example.org>", BODY))
    with redaction():  # one redaction, as the engine's _prepare runs its passes
        first, vault = pz.redact_email(email)
        assert len(seen) == len(set(seen))  # the subject redacted again reused its spans
        count = len(seen)
        again, vault_again = pz.redact_email(email, vault)
    assert len(seen) == count
    assert again == first and vault_again is vault
    assert "DE89" not in first.body and "Holtenauer" not in first.body


def test_a_new_email_runs_them_afresh() -> None:
    pz = Pseudonymizer()
    seen = _counting(pz)
    email = parse_email(mail_from("Anna Schulz <anna@example.org>", BODY))
    pz.redact_email(email)
    count = len(seen)
    pz.redact_email(email)  # no vault: a new email, nothing is taken from the last one
    assert len(seen) == 2 * count


def test_what_is_remembered_never_changes_a_result() -> None:
    remembering, fresh = Pseudonymizer(), Pseudonymizer()
    email = parse_email(mail_from("Anna Schulz <anna@example.org>", BODY))
    _, vault = remembering.redact_email(email)
    later = email.model_copy(update={"subject": "Kiel, Holtenauer Str. 12", "body": BODY * 2})
    mine, mine_vault = remembering.redact_email(later, vault.model_copy(deep=True))
    theirs, theirs_vault = fresh.redact_email(later, vault.model_copy(deep=True))
    assert mine == theirs
    assert mine_vault.entities == theirs_vault.entities


def test_at_most_64_texts_are_remembered() -> None:
    pz = Pseudonymizer()
    with redaction():
        for n in range(70):
            vault = Vault()
            pz.redact(f"Kundennummer {100000 + n}", vault)
            assert vault.entities
        assert 0 < len(pz._structured_memo) <= 64
    assert pz._structured_memo == {}  # the redaction ended (drafter.privacy.memos)
