"""Round-15 false alarms on good replies (drafter.drafting.dates, drafter.drafting.library
through run_checks): a due date worked out from the mail's own date and the article's
monthly due day ("am 15. des Monats"), and a reply that cites nothing (a knowledge-gap reply)
giving the opening hours of a KB article it did not cite. The dates and figures nobody gave
are still flagged. Sentences and articles written for this test."""

from __future__ import annotations

from pathlib import Path

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.drafting.dates import unsupported_spans
from drafter.models import DraftWarning

DUE = "Der Abschlag ist am **15. des Monats** fällig. Änderungen gelten ab der nächsten Fälligkeit."
DUE_EN = "Instalments are collected on the 15th of each month."
CONTACT = """---
id: de-kontakt
title: Kontakt
language: de
contact_reason: sonstiges
url: https://www.stadtwerke-nordlicht.de/kontakt
---
# Kontakt

| Bereich | Telefon | Zeiten |
|---|---|---|
| Kundenservice | 0431 5577-100 | Mo–Fr 8–18 Uhr, Sa 9–13 Uhr |
"""
HOURS = (
    "Wenn Sie vorab sprechen möchten, erreichen Sie uns telefonisch unter 0431 5577-100 "
    "(Mo–Fr 8–18 Uhr, Sa 9–13 Uhr)."
)


def test_a_monthly_due_day_in_the_mails_month_or_the_next_follows() -> None:
    mail = "Abschlag erhöhen\nBitte erhöhen Sie meinen Abschlag.\n05.10.2026"
    sources = f"{DUE}\n{mail}"
    assert not unsupported_spans("Der neue Betrag gilt ab dem 15. Oktober 2026.", sources)
    assert not unsupported_spans("Der neue Betrag gilt ab dem 15. November 2026.", sources)
    assert not unsupported_spans(
        "Your new amount is collected on 15 November.", f"{DUE_EN}\nMy mail of 5 October"
    )
    # another day, a month far off, or no monthly day in the sources: still a date nobody gave
    assert unsupported_spans("Der neue Betrag gilt ab dem 16. Oktober 2026.", sources)
    assert unsupported_spans("Der neue Betrag gilt ab dem 15. März 2027.", sources)
    assert unsupported_spans("Der neue Betrag gilt ab dem 15. Oktober 2026.", mail)


def _gap_reply(sentence: str, kb_dir: Path) -> list[DraftWarning]:
    body = (
        "Guten Tag Frau Beispiel,\n\nzu Ihrer Frage haben wir leider keine Informationen. "
        f"{sentence}\n\nMit freundlichen Grüßen"
    )
    data = CheckInput(
        body=body,
        passages=[],
        customer_text="Förderung\nGibt es eine Förderung für mein Balkonkraftwerk?",
        language="de",
    )
    config = Settings(kb_dir=kb_dir, company_phones=["0431 5577-100"], company_data=[])
    return [w for w in run_checks(data, config) if w.code == "unsupported_claim"]


def test_a_reply_citing_nothing_may_give_the_opening_hours_of_the_kb(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "de-kontakt.md").write_text(CONTACT, encoding="utf-8")
    assert _gap_reply(HOURS, kb) == []
    # hours no article gives are still a figure in no source
    assert _gap_reply(HOURS.replace("8–18", "7–22"), kb)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _gap_reply(HOURS, empty)
