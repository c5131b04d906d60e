"""Template drafts keep to the customer's own case (issue 12, session-8 blind review): no
sentence written for a situation the mail does not describe ("Zahlen Sie per Überweisung …,
wählen Sie …" to a direct-debit customer), and a period rule of the article applied to the
date the customer names ("bis zu 6 Wochen nach dem Einzug" + "am 20. Oktober eingezogen" ->
01.12.). Own example articles and mails."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from drafter.config import Settings
from drafter.drafting.conditions import condition, unmet_condition
from drafter.drafting.deadlines import applied_deadline
from drafter.drafting.extractive import extractive_reply
from drafter.models import Address, InboundEmail, Passage

BANK = """# Bankverbindung ändern

So ändern Sie Ihre Bankverbindung: im Kundenportal unter Zahlungsdaten > Bankverbindung ändern
ein neues SEPA-Lastschriftmandat bestätigen.

Erreicht uns das neue Mandat mindestens 5 Werktage vor der nächsten Fälligkeit, buchen wir
bereits vom neuen Konto ab.

Zahlen Sie per Überweisung und möchten nur das Konto für Guthaben ändern, wählen Sie im Portal
Zahlungsdaten > Erstattungskonto.
"""
MOVE_IN = """# Einzug: Strom anmelden

Melden Sie Ihren Strom online unter Verträge > Einzug melden an.

Eine Anmeldung ist auch rückwirkend bis zu 6 Wochen nach dem Einzug möglich.

Am besten melden Sie sich 2 bis 4 Wochen vor dem Einzug an.
"""


def _mail(body: str, subject: str = "", sent: datetime | None = None) -> InboundEmail:
    return InboundEmail(
        from_=Address(name="Erika Schulz", email="erika@example.org"),
        subject=subject,
        body=body,
        language="de",
        date=sent,
    )


def _reply(email: InboundEmail, kb_id: str, title: str, text: str) -> str:
    passage = Passage(kb_id=kb_id, title=title, text=text, score=0.9, language="de")
    reply = extractive_reply(
        email, email.body, [passage], settings=Settings(), language="de", formality="sie",
        kb_gap=False,
    )  # fmt: skip
    return reply.body


def test_a_sentence_for_customers_paying_by_transfer_stays_out_of_a_direct_debit_reply() -> None:
    """The customer changes the account we debit; the transfer customers' refund-account
    sentence is another case. The rule for everyone (the 5 working days) stays."""
    email = _mail(
        "Ich habe ein neues Konto. Bitte buchen Sie den Abschlag ab Dezember von dort ab. "
        "Reicht das so per Mail?",
        "Neue Bankverbindung",
    )
    body = _reply(email, "bank", "Bankverbindung ändern", BANK)
    assert "Erstattungskonto" not in body
    assert "5 Werktage" in body


def test_a_sentence_for_the_customers_own_situation_stays() -> None:
    email = _mail(
        "Ich zahle per Überweisung und möchte, dass Guthaben auf mein neues Konto gehen. "
        "Wie ändere ich das?",
        "Konto für Guthaben",
    )
    body = _reply(email, "bank", "Bankverbindung ändern", BANK)
    assert "Erstattungskonto" in body


def test_a_condition_is_met_by_the_head_of_a_compound_not_by_its_first_part() -> None:
    sentence = "Ist der Zähler gesperrt oder ausgebaut, melden Sie sich bei der Hotline."
    assert condition(sentence) == "der Zähler gesperrt oder ausgebaut"
    # "Zählerstand" is a reading, not a meter that is blocked
    assert unmet_condition(sentence, "Mein Zählerstand beim Einzug war 12.604.")
    assert not unmet_condition(sentence, "Unser Stromzähler ist seit gestern gesperrt.")


def test_rules_for_everyone_and_instructions_are_no_conditions() -> None:
    mail = "Ich möchte meinen Abschlag ändern."
    # a time, what we do, a negation: a rule for everyone
    assert not unmet_condition("Zahlen Sie eine Rate nicht rechtzeitig, wird alles fällig.", mail)
    assert not unmet_condition("Erreicht uns die Änderung später, gilt sie ab Folgemonat.", mail)
    assert not unmet_condition("Wenn Sie keinen Vertrag haben, wählen Sie einen Tarif.", mail)
    # a main clause on what we or others do is an explanation, not a step for another case
    assert not unmet_condition("Beziehen Sie Bürgergeld, kann das Jobcenter helfen.", mail)
    assert not unmet_condition(
        "If your instalments were higher than your use, your bill shows a credit.", "refund?", "en"
    )
    # an instruction followed by what we do is no condition
    assert condition("Senden Sie uns die Unterlagen, wir prüfen sie.") == ""
    assert condition("Geben Sie Ihre Kundennummer an, damit wir Sie finden.") == ""
    assert condition("Ob Ihre Adresse versorgt wird, prüfen Sie unter https://example.org.") == ""
    # a bare noun phrase is met by the customer's verb ("ausziehen" for "Auszug")
    assert not unmet_condition(
        "Bei einem Auszug melden Sie sich 2 Wochen vorher.", "Ich werde Ende März ausziehen."
    )
    assert unmet_condition("Bei einem Zählerwechsel dürfen Sie einmal verschieben.", "Glasfaser")
    # a safety line stays for everyone
    assert not unmet_condition("If you smell gas, call from outside the building.", "bill?", "en")
    # English: "If …," and "For a …,"
    assert unmet_condition("For a move or cancellation, use the reading on your last day.",
                           "How do I read my gas meter?", "en")  # fmt: skip
    assert not unmet_condition("If you are moving, tell us 2 weeks before.", "I am moving", "en")


def test_a_period_rule_is_applied_to_the_date_the_customer_names() -> None:
    sent = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    mail = (
        "Meine Mitbewohnerin meint, man muss sich innerhalb von 6 Wochen anmelden. Ich bin am "
        "20. Oktober eingezogen. Bin ich zu spät?"
    )
    line = applied_deadline(
        mail, sent, "Eine Anmeldung ist auch rückwirkend bis zu 6 Wochen nach dem Einzug möglich.",
        "de",
    )  # fmt: skip
    assert line == (
        "Auf Ihren Fall angewendet: 6 Wochen nach dem 20.10.2026 (Dienstag) ist der "
        "01.12.2026 (Dienstag)."
    )


def test_an_appointment_rule_in_hours_uses_the_time_the_customer_gives() -> None:
    line = applied_deadline(
        "Unser Termin ist am Mittwoch, 2.12., zwischen 8 und 12 Uhr. Kostet eine Absage etwas?",
        datetime(2026, 11, 30, 9, 0, tzinfo=UTC),
        "Sie können jeden Termin bis 48 Stunden vor Beginn kostenlos verschieben.",
        "de",
    )
    # written at 9:00 on the last day, after 8:00: the conclusion is said
    assert line == (
        "Auf Ihren Fall angewendet: 48 Stunden vor dem 02.12.2026 (Mittwoch), 8 Uhr, ist der "
        "30.11.2026 (Montag), 8 Uhr. Diese Frist war bei Eingang Ihrer Nachricht am 30.11.2026 "
        "bereits abgelaufen."
    )
    english = applied_deadline(
        "My appointment is on 2 December at 8 am. Can I still move it?",
        None,
        "You can reschedule free of charge up to 48 hours before in the portal.",
        "en",
    )
    assert (
        english == "Applied to your case: 48 hours before 2 December, 8 am, is 30 November, 8 am."
    )
    # a window without am/pm ending by noon is a morning: it starts at 8 am
    window = applied_deadline(
        "The meter will be replaced on Thursday 10 December, 8-12. Can I move it?",
        None,
        "You can reschedule free of charge up to 48 hours before in the portal.",
        "en",
    )
    assert window == "Applied to your case: 48 hours before 10 December, 8 am, is 8 December, 8 am."
    # "2-6" may be either: no hour is guessed
    unknown = applied_deadline(
        "The meter will be replaced on Thursday 10 December, 2-6. Can I move it?",
        None,
        "You can reschedule free of charge up to 48 hours before in the portal.",
        "en",
    )
    assert unknown == "Applied to your case: 48 hours before 10 December is 8 December."


RESCHEDULE = "You can reschedule free of charge up to 48 hours before in the portal."


@pytest.mark.parametrize(
    ("mail", "sent", "said"),
    [
        # the window's start is over: Wednesday 8 am - 48 h = Monday 8 am, written Monday 9:14
        ("The meter replacement is on Wednesday 2 December, 8-12 am. I am away.",
         datetime(2026, 11, 30, 9, 14), True),
        # the same day before 8 am, and a day earlier: still open, nothing is concluded
        ("The meter replacement is on Wednesday 2 December, 8-12 am. I am away.",
         datetime(2026, 11, 30, 7, 50), False),
        ("The meter replacement is on Wednesday 2 December, 8-12 am. I am away.",
         datetime(2026, 11, 29, 22, 0), False),
        # an evening mail on the deadline day of a morning window ("8-12", no am/pm)
        ("Nordlicht Netz will exchange our meter on Tuesday 24 November, 8-12. Can you move it?",
         datetime(2026, 11, 22, 21, 3), True),
    ],
)  # fmt: skip
def test_a_deadline_over_when_the_mail_was_written_is_said_to_be_over(
    mail: str, sent: datetime, said: bool
) -> None:
    line = applied_deadline(mail, sent, RESCHEDULE, "en")
    assert line.startswith("Applied to your case: 48 hours before")
    assert ("That deadline had already passed when your message reached us" in line) is said


def test_a_day_deadline_counts_to_its_end_and_speaks_du() -> None:
    rule = "Eine Anmeldung ist auch rückwirkend bis zu 6 Wochen nach dem Einzug möglich."
    mail = "Ich bin am 1. Oktober eingezogen und habe mich noch nicht angemeldet."
    last_day = applied_deadline(mail, datetime(2026, 11, 12, 22, 13), rule, "de")
    assert last_day == (
        "Auf Ihren Fall angewendet: 6 Wochen nach dem 01.10.2026 (Donnerstag) ist der "
        "12.11.2026 (Donnerstag)."
    )
    late = applied_deadline(mail, datetime(2026, 11, 24, 9, 9), rule, "de", "du")
    assert late.endswith(
        "ist der 12.11.2026 (Donnerstag). Diese Frist war bei Eingang deiner Nachricht am "
        "24.11.2026 bereits abgelaufen."
    )


def test_no_deadline_from_our_own_notice_a_range_or_an_unrelated_date() -> None:
    sent = datetime(2026, 11, 23, tzinfo=UTC)
    mail = "Ich bin am 20. Oktober eingezogen und habe mich noch nicht angemeldet."
    # what we do, a range, a date far from any word of the rule
    assert applied_deadline(mail, sent, "Wir nennen Ihnen jeden Termin 7 Tage vorher.", "de") == ""
    assert applied_deadline(mail, sent, "Am besten 2 bis 4 Wochen vor dem Einzug.", "de") == ""
    # a deadline before an event that is over when the customer writes
    out = "Die Schlussrechnung für meinen Auszug am 15.09.2026 ist falsch."
    rule = "Bitte melden Sie sich mindestens 2 Wochen vor dem Auszug ab."
    assert applied_deadline(out, datetime(2026, 10, 20, tzinfo=UTC), rule, "de") == ""
    assert (
        applied_deadline(
            mail, sent, "Eine Nachzahlung ist 14 Tage nach Rechnungsdatum fällig.", "de"
        )
        == ""
    )


def test_a_draft_gives_the_deadline_below_the_rule_and_in_du() -> None:
    sent = datetime(2026, 11, 23, tzinfo=UTC)
    email = _mail(
        "Ich bin am 20. Oktober eingezogen und habe mich noch nicht angemeldet. Ist eine "
        "Anmeldung noch möglich?",
        "Anmeldung nach Einzug",
        sent,
    )
    body = _reply(email, "einzug", "Einzug: Strom anmelden", MOVE_IN)
    rule = body.index("6 Wochen nach dem Einzug")
    assert body.index("ist der 01.12.2026 (Dienstag).") > rule
    email_du = _mail(
        "Hallo, ich bin am 20. Oktober eingezogen. Kann ich mich noch anmelden? Danke dir!",
        "Anmeldung",
        sent,
    )
    reply = extractive_reply(
        email_du, email_du.body,
        [Passage(kb_id="einzug", title="Einzug", text=MOVE_IN, score=0.9, language="de")],
        settings=Settings(), language="de", formality="du", kb_gap=False,
    )  # fmt: skip
    assert reply.formality == "du"
    assert "Auf deinen Fall angewendet: 6 Wochen nach dem 20.10.2026" in reply.body


def test_a_due_date_or_another_documents_date_is_not_the_event() -> None:
    rule = "Eine Nachzahlung ist 14 Tage nach Rechnungsdatum fällig."
    # a date someone set as a deadline ("fällig bis") is not the bill's date
    assert (
        applied_deadline("Die Rechnung hat eine Nachzahlung, fällig bis 15.11.", None, rule, "de")
        == ""
    )
    # the final bill's date is not the day of the move-out the rule counts from
    moved_out = "Die Schlussrechnung kommt innerhalb von 6 Wochen nach dem Auszug."
    mail = "Laut Ihrer Schlussrechnung vom 3. November (Auszug Hafenstraße) fehlt mein Guthaben."
    assert applied_deadline(mail, None, moved_out, "de") == ""
    # the bill's own date is
    line = applied_deadline("Meine Rechnung vom 20.11. hat eine Nachzahlung.", None, rule, "de")
    assert line == "Auf Ihren Fall angewendet: 14 Tage nach dem 20.11. ist der 04.12."


def test_the_articles_worked_example_gives_way_to_the_customers_own_date() -> None:
    from drafter.drafting.deadlines import place_deadline

    block = (
        "Sie können jeden Termin bis 48 Stunden vor Beginn kostenlos verschieben.\n\n"
        "Beispiel: Ihr Termin ist am Donnerstag, 8–12 Uhr. Dann ist eine Absage bis Dienstag, "
        "8 Uhr kostenlos.\n\nSo verschieben Sie Ihren Termin: im Kundenportal unter Termine."
    )
    mail = "Unser Termin ist am Mittwoch, 2.12., zwischen 8 und 12 Uhr. Kostet eine Absage etwas?"
    shown, below = place_deadline(block, mail, None, "de")
    assert below == ""
    assert "Beispiel" not in shown
    assert shown.split("\n\n")[1] == (
        "Auf Ihren Fall angewendet: 48 Stunden vor dem 02.12., 8 Uhr, ist der 30.11., 8 Uhr."
    )


def test_a_euro_limit_is_compared_with_the_amount_the_customer_names() -> None:
    from drafter.drafting.thresholds import compared

    rule = "Ratenzahlung:\n- Möglich für Nachzahlungen und offene Beträge ab 100 EUR."
    mail = "Ich habe eine Nachzahlung von 612,80 € bekommen. Kann ich das in Raten zahlen?"
    assert compared(mail, rule, "de") == (
        "Zum Vergleich: Ihr Betrag von 612,80 EUR liegt über 100 EUR."
    )
    english = compared(
        "My additional payment is 80 EUR. Can I pay in parts?",
        "Additional payments of 100 EUR or more can be split into 6 monthly instalments.",
        "en",
    )
    assert english == "For comparison: your amount of 80 EUR is below 100 EUR."
    # the monthly instalment is not the amount the limit is for; two linked amounts: no guess
    assert compared("Mein Abschlag ist 95 EUR.", rule, "de") == ""
    assert compared("Abschlag 95 EUR, Nachzahlung 80 EUR.", rule, "de") == ""
    # a floor every amount passes is not compared
    assert (
        compared("Mein Abschlag ist 95 EUR.", "Der Abschlag beträgt mindestens 10 EUR.", "de") == ""
    )
    # a price is no limit
    assert (
        compared(
            "Die Nachzahlung ist 80 EUR.", "Eine Nachzahlung kostet eine Gebühr of 5 EUR.", "de"
        )
        == ""
    )


def test_a_draft_compares_the_customers_amount_below_the_limit() -> None:
    article = (
        "# Ratenzahlung\n\nBei einer hohen Nachzahlung helfen wir mit Raten.\n\n"
        "Ratenzahlung ist möglich für Nachzahlungen ab 100 EUR. Die Raten sind am 15. fällig.\n\n"
        "Die Ratenzahlung beantragen Sie im Kundenportal unter Rechnungen > Ratenzahlung.\n"
    )
    email = _mail(
        "Ich habe eine Nachzahlung von 612,80 € bekommen. Kann ich die Nachzahlung in Raten "
        "zahlen?",
        "Ratenzahlung Nachzahlung",
    )
    body = _reply(email, "raten", "Ratenzahlung", article)
    line = body.index("Zum Vergleich: Ihr Betrag von 612,80 EUR liegt über 100 EUR.")
    # right below the paragraph with the limit, before the article's next paragraph
    assert body.index("ab 100 EUR") < line < body.index("Die Ratenzahlung beantragen Sie")


def test_a_rule_followed_by_our_own_clause_after_a_semicolon_is_applied() -> None:
    rule = (
        "Registration is possible retroactively up to 6 weeks after moving in; we then bill "
        "your consumption from the moving-in date at your chosen tariff."
    )
    mail = "I moved into my flat on 5 October and forgot to register. Can it be backdated?"
    line = applied_deadline(mail, datetime(2026, 11, 30, 12, 5), rule, "en")
    assert line == (
        "Applied to your case: 6 weeks after 5 October 2026 (Monday) is 16 November 2026 "
        "(Monday). That deadline had already passed when your message reached us on "
        "30 November 2026."
    )
    # the same window for a move-in still ahead is not due: no line
    ahead = "We are moving in on 15 December. What do you need from us?"
    assert applied_deadline(ahead, datetime(2026, 11, 20, 9, 0), rule, "en") == ""
    # "we" in the rule's own clause stays our obligation
    ours = "We send the final bill 6 weeks after moving out; please keep your readings."
    assert applied_deadline("I moved out on 5 October.", None, ours, "en") == ""
