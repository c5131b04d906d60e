"""Round 30 (gaps32): the answer type asked, a time, is the gap model's fourth input
(drafter.drafting.gap_verdict.asks_time). Made-up mails, no eval rows."""

from __future__ import annotations

import pytest

from drafter.drafting import gap_verdict as gv
from drafter.models import Passage

ABSCHLAG = (
    "Ihren Abschlag zahlen Sie monatlich per SEPA-Lastschrift oder Überweisung. Eine Änderung "
    "des Abschlags tragen Sie im Kundenportal ein; sie gilt ab dem nächsten Monat."
)


def _best(support: float) -> Passage:
    return Passage(
        kb_id="de-abschlag", title="Abschlag ändern", text=ABSCHLAG, language="de", support=support
    )


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Umzug", "Wie lange dauert es, bis der neue Zähler eingetragen ist?"),
        ("Gutschrift", "Hallo, bis wann bekomme ich mein Guthaben zurück?"),
        ("Rückruf", "Ab wann kann ich Sie morgens erreichen?"),
        ("refund", "How long does the refund take after the final bill?"),
        ("new tariff", "I signed up yesterday. When does the new tariff start?"),
        ("Wann kommt der Techniker?", "Ich warte schon seit Tagen."),
    ],
)
def test_a_request_for_a_duration_or_a_date_asks_for_a_time(subject: str, body: str) -> None:
    assert gv.asks_time(subject, body)


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        # "when" as the conjunction, not the question word
        ("old meter", "When you replace the meter next month, can I keep the old one?"),
        # "wenn" is the German conjunction; the question asks for an amount
        ("Befund", "Was zahle ich, wenn der Zähler richtig misst?"),
        ("Ratenzahlung", "Kann ich die Schlussrechnung in Raten zahlen?"),
        ("parking", "Is there somewhere to park at your customer centre?"),
    ],
)
def test_an_amount_a_condition_or_a_place_asks_for_no_time(subject: str, body: str) -> None:
    assert not gv.asks_time(subject, body)


def test_a_time_asked_scores_as_more_likely_answered() -> None:
    # the same retrieval inputs: a request for a time is more often answered by an article
    # naming its things than one asking for an amount or a yes/no on a condition
    for support, lacked in ((0.3, 0), (0.45, 1), (0.55, 1)):
        assert gv.score(support, lacked, gv.UNFOUND_NONE, True) > gv.score(
            support, lacked, gv.UNFOUND_NONE, False
        )


def test_the_time_asked_decides_between_a_doubt_and_a_gap() -> None:
    # the article on the instalment names "Abschlag" but not the customer centre and matches
    # only moderately: a yes/no on paying there is a gap; the same match for a request asking
    # by when to pay keeps the draft (the model weighs a time asked as more often answered)
    best = _best(0.5)
    subject = "Abschlag"
    condition = "Kann ich den Abschlag auch im Kundencenter bar zahlen?"
    when = "Bis wann muss ich den Abschlag im Kundencenter bar zahlen?"
    assert not gv.asks_time(subject, condition) and gv.asks_time(subject, when)
    assert gv.decide(subject, condition, [best], [ABSCHLAG], "de", False) == gv.MISSING
    assert gv.decide(subject, when, [best], [ABSCHLAG], "de", False) != gv.MISSING
