"""The asked action (drafter.drafting.asked_action) and what it does to the gap decision.

Hand-written mails and articles (not from any dev set): the article names the thing asked
about (the Hausübergabepunkt) but no sentence of it states the asked action (moving it
oneself, to the garage); a best passage with high retrieval support then no longer shields
the mail from being a gap.
"""

from __future__ import annotations

from drafter.drafting import gap_verdict as gv
from drafter.drafting.asked_action import asked_words, unstated_words
from drafter.models import Passage

INSTALLATION = (
    "Der Hausübergabepunkt (HÜP) wird bei der Installation im Keller gesetzt. Die "
    "Installation ist kostenlos. Der Techniker kommt nach Terminvereinbarung."
)
MOVING = " Den Hausübergabepunkt versetzen wir auf Wunsch auch in die Garage; das kostet 150 EUR."
ASKED = (
    "Darf ich den Hausübergabepunkt selbst in die Garage versetzen, oder muss ein Elektriker "
    "von Ihnen kommen?"
)


def _best(text: str, support: float = 0.7, language: str = "de") -> Passage:
    title = "Glasfaser-Installation"
    return Passage(kb_id="i", title=title, text=text, language=language, support=support)


def test_the_asked_words_are_the_action_and_its_objects_not_the_answer_type() -> None:
    words = asked_words(ASKED, "de", gv.EVERYDAY_ZIPF)
    assert {"versetz", "garag", "elektr"} <= words
    assert not words & {"darf", "muss", "kommen", "selbst"}  # answer type, everyday words
    english = "How much does it cost and how early can I cancel the subscription?"
    assert asked_words(english, "en", gv.EVERYDAY_ZIPF) == {"cancel", "subscript"}


def test_the_words_must_be_stated_in_one_sentence_of_the_article() -> None:
    title = "Glasfaser-Installation"
    assert unstated_words(ASKED, title, INSTALLATION, "de", "de", gv.EVERYDAY_ZIPF) == 3
    assert unstated_words(ASKED, title, INSTALLATION + MOVING, "de", "de", gv.EVERYDAY_ZIPF) == 1
    spread = INSTALLATION + " Wir versetzen Zähler. Eine Garage ist kein Technikraum."
    assert unstated_words(ASKED, title, spread, "de", "de", gv.EVERYDAY_ZIPF) == 3  # one each
    # an article in the other language is not compared word by word
    assert unstated_words(ASKED, title, INSTALLATION, "de", "en", gv.EVERYDAY_ZIPF) == 0


def test_high_support_does_not_shield_an_article_that_leaves_the_asked_action_unstated() -> None:
    best = _best(INSTALLATION)
    verdict = gv.decide("Hausübergabepunkt", ASKED, [best], [INSTALLATION], "de", False)
    assert verdict == gv.MISSING  # before: partial (support 0.7 >= SURE_SUPPORT)
    stated = INSTALLATION + MOVING
    verdict = gv.decide("Hausübergabepunkt", ASKED, [_best(stated)], [stated], "de", False)
    assert verdict != gv.MISSING


def test_the_shield_stays_without_a_missing_key_term_or_for_an_article_in_other_language() -> None:
    body = "Darf ich den Hausübergabepunkt selbst versetzen, wenn die Installation fertig ist?"
    found = gv.inputs("HÜP", body, [_best(INSTALLATION)], [INSTALLATION], "de")
    assert found is not None and found[1] == 0
    assert gv.sure(found, body, [_best(INSTALLATION)], [INSTALLATION], "de")
    english = _best(INSTALLATION, language="en")
    assert gv.sure((0.7, 2), ASKED, [english], [INSTALLATION], "de")
    assert not gv.sure((0.5, 0), ASKED, [english], [INSTALLATION], "de")


def test_the_items_of_a_list_count_as_one_sentence() -> None:
    article = (
        "## How to cancel\n\nNotice in text form is enough:\n\n- by email to the service "
        "address\n- by letter to our office\n\nWe confirm your cancellation within 7 days."
    )
    asked = "Do I need to send a signed letter, or is an email enough?"
    assert asked_words(asked, "en", gv.EVERYDAY_ZIPF) == {"email", "letter", "sign"}
    # the list states "email" and "letter" together, only "signed" is not
    assert unstated_words(asked, "Cancelling", article, "en", "en", gv.EVERYDAY_ZIPF) == 1


def test_a_long_mail_keeps_the_shield_its_circumstances_are_no_asked_action() -> None:
    # the same question inside a long mail: its sentences carry the customer's situation
    # (dates, places, people), words no article states, so the shield stays (partial)
    story = (
        "Guten Tag, wir sind im März von Flensburg nach Kiel gezogen, meine Schwiegermutter "
        "wohnt jetzt bei uns im Erdgeschoss und der Vermieter hat letzte Woche die Einfahrt "
        "neu gepflastert, deshalb stehen im Keller noch Kisten und Werkzeug herum. "
    )
    body = story + ASKED
    assert len(body.split()) > gv.SHORT_MAIL_WORDS >= len(ASKED.split())
    found = gv.inputs("Hausübergabepunkt", body, [_best(INSTALLATION)], [INSTALLATION], "de")
    assert found is not None and found[1] >= 1
    assert gv.sure(found, body, [_best(INSTALLATION)], [INSTALLATION], "de")
    best = [_best(INSTALLATION)]
    verdict = gv.decide("Hausübergabepunkt", body, best, [INSTALLATION], "de", False)
    assert verdict == gv.PARTIAL
