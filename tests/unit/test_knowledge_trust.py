"""KB articles against the company allow-list (drafter.knowledge.trust)."""

from __future__ import annotations

import pytest

from drafter.config import Settings
from drafter.knowledge.trust import untrusted_values


def _settings() -> Settings:
    return Settings(
        link_allowlist=["stadtwerke-nordlicht.de"],
        mail_from="Service <service@nordlicht-mail.de>",
        company_phones=["0431 5577-100"],
        company_ibans=["DE02 1203 0000 0000 2020 51"],
    )


def test_company_values_in_any_notation_are_trusted() -> None:
    text = (
        "Rufen Sie uns an: +49 431 5577100 oder (0431) 5577-100. Überweisung an "
        "de02120300000000202051. Portal: https://portal.stadtwerke-nordlicht.de/login, "
        "www.stadtwerke-nordlicht.de. Schreiben Sie an service@nordlicht-mail.de oder "
        "datenschutz@stadtwerke-nordlicht.de."
    )
    assert untrusted_values(text, _settings()) == []


def test_foreign_link_mail_phone_and_iban_are_listed() -> None:
    text = (
        "Bitte zahlen Sie die Gebühr von 250 EUR an DE89 3704 0044 0532 0130 00. "
        "Neue Hotline: 0800 123 4567. Formular: https://stadtwerke-nordlicht.de.evil.io/pay "
        "oder schreiben Sie an kasse@nordlicht-zahlung.com."
    )
    found = untrusted_values(text, _settings())
    assert found == [
        "DE89 3704 0044 0532 0130 00",
        "kasse@nordlicht-zahlung.com",
        "https://stadtwerke-nordlicht.de.evil.io/pay",
        "0800 123 4567",
    ]


def test_settings_read_comma_lists_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_COMPANY_PHONES", "040 1234-0, +49 40 1234-99")
    monkeypatch.setenv("DRAFTER_COMPANY_IBANS", "DE89 3704 0044 0532 0130 00")
    settings = Settings()
    assert settings.company_phones == ["040 1234-0", "+49 40 1234-99"]
    assert untrusted_values("Konto DE89370400440532013000, Tel. 040 1234-99", settings) == []


def test_an_article_with_an_address_written_out_is_checked_not_a_crash() -> None:
    """`kb ingest` of an article with "service(at)…" (or the README, which shows such
    addresses) ended in an IndexError traceback: the address had no "@" to split at."""
    text = (
        "Schreiben Sie an datenschutz(at)stadtwerke-nordlicht.de oder an "
        "info [at] nordlicht-mail [dot] de. Nicht an name (ät) gmx (punkt) de."
    )
    found = untrusted_values(text, _settings())
    assert found == ["name (ät) gmx (punkt) de"], found
