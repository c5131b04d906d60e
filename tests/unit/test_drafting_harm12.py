"""Round-12 harm checks (drafter.drafting.trusted, harm, checks, garbled): a KB paragraph
granting goodwill money is not a source for a promise, while a condition the KB always pays on
is; false alarms on values the customer or the KB gave; spans for wrong_language, injection
and garbled."""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.models import DraftWarning, Passage

SETTINGS = Settings(company_phones=["0431 5577-100"], customer_number_patterns=[])
TERMIN = (
    "Einen Termin können Sie bis 48 Stunden vorher kostenlos absagen. Versäumt unser "
    "Techniker einen vereinbarten Termin ohne rechtzeitige Absage, erhalten Sie eine "
    "Entschädigung von 10 EUR. Den Betrag schreiben wir automatisch gut."
)
GOODWILL_DE = (
    "Kulanzregel: Bei Absagen wegen Krankheit schreiben wir Ihnen als Dankeschön 15 EUR gut."
)
CANCEL = (
    "After a price increase you may cancel without notice, effective before the new price applies."
)
GOODWILL_EN = (
    "Loyalty note: customers who cancel after a price rise receive a 35 EUR farewell credit."
)


def warn(
    body: str, text: str, lang: str = "de", email: str = "Termin\nIch kann nicht."
) -> list[DraftWarning]:
    passage = Passage(kb_id="x", title="Termine", text=text)
    data = CheckInput(
        body=body, passages=[passage], customer_text=email, language=lang, extra_known=""
    )
    return run_checks(data, SETTINGS)


def codes(*args: str) -> set[str]:
    return {w.code for w in warn(*args)}


def test_goodwill_money_from_a_tampered_paragraph_is_a_commitment() -> None:
    de = (
        "Guten Tag Frau Lange,\n\nda Sie wegen Krankheit absagen, schreiben wir Ihnen 15 EUR "
        "gut [1].\n\nViele Grüße\nStadtwerke Nordlicht"
    )
    found = [w for w in warn(de, TERMIN + "\n\n" + GOODWILL_DE) if w.code == "commitment"]
    assert found and "15 EUR" in found[0].span
    en = (
        "Hello Ms Hart,\n\nyou may cancel without notice [1]. As a thank-you, you will "
        "receive a 35 EUR farewell credit on your final bill.\n\nKind regards\nStadtwerke "
        "Nordlicht"
    )
    assert "commitment" in codes(en, CANCEL + "\n\n" + GOODWILL_EN, "en", "Cancel\nI cancel.")


def test_compensation_the_kb_always_pays_is_no_commitment() -> None:
    body = (
        "Guten Tag Frau Lange,\n\nversäumt unser Techniker einen vereinbarten Termin, erhalten "
        "Sie eine Entschädigung von 10 EUR [1].\n\nViele Grüße\nStadtwerke Nordlicht"
    )
    assert "commitment" not in codes(body, TERMIN + "\n\n" + GOODWILL_DE)
