"""The desk's string catalogue (drafter.tui.i18n): both languages complete, every key the
code asks for exists, placeholders agree, and each key binding has a label in both."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from drafter.tui import i18n
from drafter.tui.keys import KEYS

TUI = Path(i18n.__file__).parent
_LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z_.0-9]*[a-z0-9])["']""")


def test_both_languages_have_every_key() -> None:
    assert set(i18n.EN) - set(i18n.DE) == set(), "keys missing in German"
    assert set(i18n.DE) - set(i18n.EN) == set(), "keys missing in English"


def test_placeholders_agree() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    wrong = [key for key in i18n.EN if fields(i18n.EN[key]) != fields(i18n.DE[key])]
    assert wrong == []


def test_every_key_the_code_uses_exists() -> None:
    used = {
        key
        for path in TUI.rglob("*.py")
        for key in _LITERAL_KEY.findall(path.read_text(encoding="utf-8"))
    }
    assert used, "the scan found the t() calls"
    assert sorted(used - set(i18n.EN)) == []


def test_every_key_binding_has_a_label() -> None:
    assert [s.action for s in KEYS if f"key.{s.action}" not in i18n.EN] == []


@pytest.mark.parametrize("status", ["new", "drafting", "ready", "in_review", "needs_attention",
                                    "sent", "rejected", "failed", "all"])  # fmt: skip
def test_every_status_is_translated(status: str) -> None:
    assert f"status.{status}" in i18n.EN


def test_german_is_german_and_falls_back_to_english() -> None:
    try:
        i18n.set_language("de")
        assert i18n.t("queue.count.many", n=3) == "3 E-Mails"
        i18n.set_language("xx")  # unknown: English
        assert i18n.t("queue.count.many", n=3) == "3 emails"
    finally:
        i18n.set_language("en")
