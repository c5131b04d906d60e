"""No customer value outlives the redaction of its email: the privacy code's memos (per word,
value, text or pattern) are emptied when a redaction ends (drafter.privacy.memos), so a
long-running worker keeps none of a customer's words after the email is redacted, nor after
`drafter privacy forget`."""

from __future__ import annotations

import pytest

from drafter import firstnames
from drafter.mail.parse import parse_email
from drafter.privacy import spoken, towns, wordlists
from drafter.privacy.pseudonymize import Pseudonymizer
from tests.unit.privacy_cases import mail_from

# made-up values: a name, a street and a customer number nobody else uses in the tests
BODY = (
    "Guten Tag,\nich bin umgezogen, neue Anschrift Wendelgardweg 17, 24105 Kiel.\n"
    "Kundennummer 4471-880-213, Tel. 0431 7781234.\nViele Grüße\nRotraut Quastenberg\n"
)
SENDER = "Rotraut Quastenberg <r.quastenberg@example.org>"


def _word_memos_sizes(pz: Pseudonymizer) -> dict[str, int]:
    return {
        "firstnames.fold": firstnames.fold.cache_info().currsize,
        "wordlists.key": wordlists.key.cache_info().currsize,
        "spoken._may_be_number": spoken._may_be_number.cache_info().currsize,
        "towns._may_start_town": towns._may_start_town.cache_info().currsize,
        "WordLists.is_never": len(pz.lists._memo),
        "Pseudonymizer._structured_memo": len(pz._structured_memo),
        "FreeNames._memo": len(pz._free._memo),
    }


def test_no_memo_keeps_a_word_of_the_email_after_its_redaction() -> None:
    pz = Pseudonymizer()
    email = parse_email(mail_from(SENDER, BODY))
    redacted, vault = pz.redact_email(email)
    assert "Quastenberg" not in redacted.body and vault.entities
    # on main the memos kept up to ~16,384 of the mail's words and values here
    assert _word_memos_sizes(pz) == dict.fromkeys(_word_memos_sizes(pz), 0)
    assert ("Quastenberg", "NAME") not in pz.lists._memo


def test_the_memos_serve_the_whole_redaction_and_end_with_it() -> None:
    from drafter.privacy.memos import redaction

    pz = Pseudonymizer()
    email = parse_email(mail_from(SENDER, BODY))
    with redaction():  # the engine's passes over one email (drafter.drafting.engine._prepare)
        first, vault = pz.redact_email(email)
        sizes = _word_memos_sizes(pz)
        assert sizes["WordLists.is_never"] > 0 and sizes["Pseudonymizer._structured_memo"] > 0
        again, _ = pz.redact_email(email, vault)  # served by the memos, same result
        assert again == first
    assert set(_word_memos_sizes(pz).values()) == {0}


def test_a_redaction_that_fails_still_empties_the_memos(monkeypatch: pytest.MonkeyPatch) -> None:
    pz = Pseudonymizer()

    def broken(text: str, *args: object, **kwargs: object) -> list[str]:
        pz.lists.is_never("Quastenberg", "NAME")  # remembered before the failure
        raise RuntimeError("recognizer failed")

    monkeypatch.setattr(pz, "_structured", broken)
    with pytest.raises(RuntimeError):
        pz.redact_email(parse_email(mail_from(SENDER, BODY)))
    assert pz.lists._memo == {}


def test_forget_empties_what_other_code_remembered() -> None:
    from drafter.privacy import memos

    firstnames.fold("Rotraut")  # e.g. the greeting reads the sender's first name
    wordlists.key("Rotraut Quastenberg")
    assert firstnames.fold.cache_info().currsize > 0 < wordlists.key.cache_info().currsize
    memos.forget()  # what `drafter privacy forget` calls once the person is erased
    assert firstnames.fold.cache_info().currsize == 0 == wordlists.key.cache_info().currsize
