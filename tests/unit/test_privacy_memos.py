"""No customer value outlives the redaction of its email: the privacy code's memos (per word,
value, text or pattern) are emptied when a redaction ends (drafter.privacy.memos), so a
long-running worker keeps none of a customer's words after the email is redacted, nor after
`drafter privacy forget`."""

from __future__ import annotations

import re

import pytest

from drafter import firstnames
from drafter.mail.parse import parse_email
from drafter.privacy import second_look, spellings, wordlists
from drafter.privacy.everyday import everyday
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
        # every word; everyday words stay underneath (`.kept`, test_only_everyday_words_...)
        "spellings.skeleton": spellings.skeleton.cache_info().currsize,
        "WordLists.is_never": len(pz.lists._memo),
        "Pseudonymizer._structured_memo": len(pz._structured_memo),
        "FreeNames._memo": len(pz._free._memo),
        "FreeNames._words": len(pz._free._words),  # kept on main (up to 50,000 words)
        "second_look._organisations": second_look._organisations.cache_info().currsize,
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


# a surname that is also an everyday word, a first name, a rare surname, a street and a town
WORDY = (
    "Hallo,\nbitte schicken Sie die Rechnung an meine neue Anschrift: Quellenhof 3, Wedel.\n"
    "Mein Mann Frank zahlt ab März, die Kundennummer bleibt 4471-880-213.\n"
    "Viele Grüße\nHeike Sommer-Quastenberg, Sportverein Kiel-Wik e.V.\n"
)


def test_only_everyday_words_outlive_a_redaction() -> None:
    pz = Pseudonymizer()
    email = parse_email(mail_from("Heike Sommer <h.sommer@example.org>", WORDY))
    redacted, vault = pz.redact_email(email)
    assert "Quastenberg" not in redacted.body and "Quellenhof" not in redacted.body
    kept = set(pz._free._everyday.answers)
    assert "Rechnung" in kept and "bitte" in kept  # the memo across redactions serves
    kept |= set(spellings.skeleton.kept)  # type: ignore[attr-defined]
    assert all(everyday(word) for word in kept)
    values = {e.value for e in vault.entities}
    parts = {p.casefold() for v in values for p in v.replace("-", " ").split()}
    assert parts >= {"sommer", "heike", "frank", "wedel", "quellenhof"}  # what was hidden
    assert not parts & {k.casefold() for k in kept}
    assert not {"Sommer", "Frank", "Heike", "Wedel", "Kiel", "Quastenberg"} & set(kept)


def test_everyday_words_are_no_names_places_or_values() -> None:
    assert everyday("Rechnung") and everyday("meter") and everyday("bitte")
    # names that are everyday words, towns that are everyday words, values with digits
    for word in (
        "Sommer",
        "Koch",
        "Frank",
        "Will",
        "Müller",
        "Essen",
        "Kiel",
        "Hauptstraße",
        "Zählernummer1",
    ):
        assert not everyday(word), word


def test_the_drafting_and_search_memos_of_customer_words_end_with_the_next_redaction() -> None:
    # drafting and search remember answers per word too: the greeting's first name
    # (names.gender_of), the gap verdict's word frequencies (thing_words.zipf) and the query's
    # character n-grams (lexical._token_grams). A worker drafting one mail after another keeps
    # them no longer than the next redaction (before, for good, up to 200,000 words).
    from drafter.drafting import names, thing_words
    from drafter.knowledge import lexical
    from drafter.privacy.memos import forget, redaction

    names.gender_of("Rotraut")
    thing_words.zipf("quastenberg", "de")
    lexical.char_grams(["quastenberg"])
    memos = (names.gender_of, thing_words.zipf, lexical._token_grams)
    assert all(memo.cache_info().currsize > 0 for memo in memos)
    with redaction():
        pass
    assert [memo.cache_info().currsize for memo in memos] == [0, 0, 0]
    lexical.char_grams(["quastenberg"])
    forget()  # `drafter privacy forget` empties them in its own process at any time
    assert lexical._token_grams.cache_info().currsize == 0


def _patterns_naming(*values: str) -> list[str]:
    """The patterns in the `re` module's own compile cache that spell one of the values
    (CPython 3.11 keeps them in `re._cache`, keyed by (type, pattern, flags))."""
    cache = re._cache  # type: ignore[attr-defined]
    return [
        str(key[1])
        for key in cache
        if any(value in str(key[1]) or value.upper() in str(key[1]) for value in values)
    ]


def test_no_pattern_built_from_the_email_stays_in_the_re_cache() -> None:
    # the name matcher, the repeat patterns and the guard's needles are built from the mail's
    # values: `re` caches every compiled pattern (up to 512), so they outlived the redaction
    pz = Pseudonymizer()
    email = parse_email(mail_from(SENDER, BODY))
    redacted, vault = pz.redact_email(email)
    assert "Quastenberg" not in redacted.body and vault.entities
    assert _patterns_naming("Quastenberg", "Rotraut", "Wendelgard") == []
