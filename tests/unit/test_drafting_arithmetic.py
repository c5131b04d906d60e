"""Figures a reply works out from the given ones (drafter.drafting.arithmetic, and through
check_numbers); examples written for this test."""

from __future__ import annotations

from drafter.drafting.arithmetic import Derivations, values
from drafter.drafting.checks import CheckInput, check_numbers
from drafter.models import Passage


def test_written_figures_and_what_they_may_mean() -> None:
    assert values("1,250") == {1250.0, 1.25}
    assert values("2.400") == {2400.0, 2.4}
    assert values("41,20") == {41.2, 4120.0}
    assert values("DE1234567890") == set() and values("123456789") == set()


def test_yearly_cost_and_percentages() -> None:
    given = "We use 2,400 kWh a year. Nordlicht Fix 24 costs 30.00 ct/kWh and 10.00 EUR a month."
    derived = Derivations(given)
    assert derived.derivable("720")  # 2,400 kWh x 30 ct
    assert derived.derivable("840")  # ... + 12 x 10 EUR
    assert not derived.derivable("905")
    percent = Derivations("Bitte senken Sie den Abschlag von 80 auf 60 Euro.")
    assert percent.derivable("25", percent=True)  # (80 - 60) / 80
    assert not percent.derivable("40", percent=True)


def test_check_numbers_accepts_a_worked_out_total_not_an_invented_one() -> None:
    article = Passage(
        kb_id="en-prices", title="Prices", text="Nordlicht Öko: 33.90 ct/kWh, 12.50 EUR a month."
    )

    def flagged(reply: str) -> list[str]:
        data = CheckInput(
            body=reply,
            passages=[article],
            customer_text="Prices\nWe use about 3,000 kWh a year. What would Öko cost?",
            language="en",
        )
        return [w.message for w in check_numbers(data)]

    worked = "Öko costs 33.90 ct/kWh and 12.50 EUR a month, so about 1,167 EUR a year."
    assert flagged(worked) == []
    invented = "Öko costs 33.90 ct/kWh and 12.50 EUR a month, so about 1,290 EUR a year."
    assert flagged(invented) and "1,290" in flagged(invented)[0]


def test_totals_from_the_articles_tariff_rows_and_a_saving_from_two_totals() -> None:
    # the reply does not restate the unit prices; it works from the article's table rows,
    # then subtracts its own two totals ("rund"/"about": within 2 %)
    table = (
        "| Tarif | Arbeitspreis | Grundpreis |\n"
        "| Strom Basis | 40,00 ct/kWh | 15,00 EUR/Monat |\n"
        "| Strom Grün | 30,00 ct/kWh | 10,00 EUR/Monat |"
    )
    article = Passage(kb_id="de-preise", title="Preise", text=table)

    def flagged(reply: str) -> list[str]:
        data = CheckInput(
            body=reply,
            passages=[article],
            customer_text="Preise\nIch verbrauche 2.000 kWh im Jahr. Was kostet Grün?",
            language="de",
        )
        return [w.message for w in check_numbers(data)]

    worked = (
        "Bei 2.000 kWh kostet Basis 800,00 + 180,00 = 980,00 EUR im Jahr, Grün 600,00 + "
        "120,00 = 720,00 EUR. Sie sparen also rund 260 EUR."
    )
    assert flagged(worked) == []
    invented = "Bei 2.000 kWh kostet Grün 690,00 EUR im Jahr; Sie sparen also rund 310 EUR."
    assert len(flagged(invented)) == 2


def test_a_total_split_into_instalments() -> None:
    article = Passage(kb_id="de-raten", title="Ratenzahlung", text="Raten sind ab 100 EUR möglich.")

    def flagged(reply: str) -> list[str]:
        data = CheckInput(
            body=reply,
            passages=[article],
            customer_text="Raten\nIch habe 300 EUR Rückstand.",
            language="de",
        )
        return [w.message for w in check_numbers(data)]

    assert flagged("Die 300 EUR können Sie in 6 Raten zu je 50 EUR zahlen.") == []
    assert flagged("Die 300 EUR können Sie in 6 Raten zu je 55 EUR zahlen.")


def test_a_total_split_into_a_number_of_parts_written_as_a_word() -> None:
    article = Passage(kb_id="de-raten", title="Ratenzahlung", text="Raten sind ab 100 EUR möglich.")

    def flagged(reply: str, email: str) -> list[str]:
        data = CheckInput(body=reply, passages=[article], customer_text=email, language="de")
        return [w.message for w in check_numbers(data)]

    email = "Raten\nMeine Nachzahlung beträgt 450,00 EUR. Geht das in drei Teilen?"
    assert flagged("Drei Raten zu je 150,00 EUR sind möglich.", email) == []
    assert flagged("That is three equal instalments of 150.00 EUR.", email) == []
    assert flagged("Drei Raten zu je 160,00 EUR sind möglich.", email)


GAS_EMAIL = (
    "Gas bill\nMy bill says 980 m³, Zustandszahl 0.9612 and Brennwert 11.05. How is kWh worked out?"
)


def test_a_gas_conversion_by_the_bills_factors() -> None:
    derivations = Derivations(GAS_EMAIL)
    assert derivations.derivable("10,409", rounded=True)  # 980 x 0.9612 x 11.05
    assert not derivations.derivable("11,409", rounded=True)


def test_the_conversion_and_a_year_are_no_figures_from_nowhere() -> None:
    article = Passage(
        kb_id="en-gas",
        title="Gas bill",
        text="m³ x Zustandszahl x Brennwert = kWh. The initial term is 24 months.",
    )
    body = (
        "Dear Ms Lane,\n\nfor you: 980 m³ × 0.9612 × 11.05 = about 10,409 kWh [1]. Your contract "
        "started on 1 March 2025, so its initial term ends in 2027 [1].\n\nKind regards\nTeam"
    )
    data = CheckInput(
        body=body,
        passages=[article],
        customer_text=GAS_EMAIL + " My contract started on 1 March 2025.",
        language="en",
    )
    found = [w.message for w in check_numbers(data)]
    assert found == []
