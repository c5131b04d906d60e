"""A knowledge-gap verdict per request (drafter.drafting.question_verdict): hand-written mails
and articles, a fake search; no dev-set text."""

from __future__ import annotations

from collections.abc import Sequence

from drafter.drafting.gap_verdict import ANSWERED, MISSING, PARTIAL
from drafter.drafting.question_verdict import (
    judge,
    mail_questions,
    split_requests,
    whole_mail,
)
from drafter.models import Passage

DEPOSIT = (
    "Abschlag anpassen",
    "Ihren monatlichen Abschlag können Sie im Kundenportal unter Verträge ändern. Der neue "
    "Abschlag gilt ab dem nächsten Monat.",
)
MAIL = (
    "Guten Tag,\n\nmein Abschlag ist mit 95 Euro zu hoch, wir sind nur noch zu zweit. "
    "Kann ich den Abschlag im Kundenportal selbst ändern? Ab wann gilt er dann?\n\n"
    "Außerdem planen wir eine Photovoltaikanlage auf dem Garagendach. Zahlen Sie einen "
    "Zuschuss für Photovoltaik oder Stromspeicher?\n\nViele Grüße\nAnna Beispiel"
)


def _passage(title: str, text: str, kb_id: str = "de-abschlag", language: str = "de") -> Passage:
    return Passage(kb_id=kb_id, title=title, text=text, score=1.0, support=0.7, language=language)


def _search(text: str) -> tuple[Sequence[Passage], Sequence[str], bool]:
    return [_passage(*DEPOSIT)], [DEPOSIT[1]], False


def test_a_mail_is_split_into_its_distinct_requests() -> None:
    requests = split_requests(MAIL, "de")
    # the follow-up naming nothing new ("Ab wann gilt er dann?") belongs to the first request
    assert [r.text for r in requests] == [
        "Kann ich den Abschlag im Kundenportal selbst ändern? Ab wann gilt er dann?",
        "Zahlen Sie einen Zuschuss für Photovoltaik oder Stromspeicher?",
    ]


def test_the_request_the_articles_do_not_answer_is_open_the_other_answered() -> None:
    requests = split_requests(MAIL, "de")
    mail = [(_passage(*DEPOSIT), DEPOSIT[1])]
    judged = judge(requests, _search, mail, "de")
    assert [j.verdict for j in judged] == [ANSWERED, MISSING]
    verdict, open_questions = mail_questions(MAIL, "de", ANSWERED, mail, _search)
    assert verdict == ANSWERED
    assert open_questions == ["Zahlen Sie einen Zuschuss für Photovoltaik oder Stromspeicher?"]


def test_an_instruction_is_never_an_open_question() -> None:
    """Telling the agent to do something asks the KB nothing, whatever it names."""
    mail = (
        "Kann ich den Abschlag im Kundenportal ändern? Die Schlussrechnung bitte an meine "
        "Tochter, Lindenallee 4, Kiel."
    )
    requests = split_requests(mail, "de")
    judged = judge(requests, _search, [(_passage(*DEPOSIT), DEPOSIT[1])], "de")
    assert len(judged) == 2 and MISSING not in [j.verdict for j in judged]


def test_a_gap_mail_keeps_its_holding_reply_and_no_request_is_judged() -> None:
    calls: list[str] = []

    def search(text: str) -> tuple[Sequence[Passage], Sequence[str], bool]:
        calls.append(text)
        return _search(text)

    assert mail_questions(MAIL, "de", MISSING, [], search) == (MISSING, [])
    assert calls == []


def test_a_mail_whose_every_request_is_open_is_a_gap() -> None:
    requests = split_requests(MAIL, "de")
    judged = judge(requests, _search, [], "de")
    both_open = [j.__class__(j.request, MISSING) for j in judged]
    assert whole_mail(PARTIAL, both_open) == MISSING
    assert whole_mail(PARTIAL, judged) == PARTIAL


def test_an_answered_draft_gets_one_holding_line_before_its_closing() -> None:
    from drafter.config import Settings
    from drafter.drafting.assemble import with_open_questions
    from drafter.drafting.closing import closing

    settings = Settings()
    end = closing(settings, "de", "sie")
    body = f"Guten Tag Frau Beispiel,\n\nSie können den Abschlag ändern. [1]\n\n{end}\n"
    held = ["Zahlen Sie einen Zuschuss für Photovoltaik oder Stromspeicher?"]
    out, line = with_open_questions(settings, body, "de", "sie", held)
    assert line.startswith(
        "Zu Ihrer Frage „Zahlen Sie einen Zuschuss für Photovoltaik oder Stromspeicher?“ "
        "können wir Ihnen noch keine verlässliche Auskunft geben"
    )
    assert out.index("Abschlag ändern") < out.index(line) < out.index(end)
    assert with_open_questions(settings, body, "de", "sie", []) == (body, "")
    du = body.replace(end, closing(settings, "de", "du"))
    assert "Zu deiner Frage" in with_open_questions(settings, du, "de", "sie", held)[1]


def test_the_open_question_is_a_kb_gap_warning_naming_it() -> None:
    from drafter.drafting.kb_verdict import gap_warnings

    (warning,) = gap_warnings(False, "", True, ["Zahlen Sie einen Zuschuss für Photovoltaik?"])
    assert warning.code == "kb_gap" and "Zuschuss für Photovoltaik" in warning.message
    assert [w.code for w in gap_warnings(False, "", True)] == ["kb_partial"]


def test_the_report_lists_the_open_question_not_the_whole_mail() -> None:
    import json

    from drafter.evaluation.analytics import EmailFacts, gap_topics, open_questions_of

    stored = json.dumps({"gap_questions": ["Zahlen Sie einen Zuschuss für Photovoltaik?"]})
    assert open_questions_of(stored) == ["Zahlen Sie einen Zuschuss für Photovoltaik?"]
    assert open_questions_of("{}") == [] and open_questions_of("not json") == []
    import datetime as dt

    item = EmailFacts(
        1, "abschlag", "reply@1", "de", "Abschlag", MAIL, "drafted", dt.datetime.now()
    )
    item.kb_gap = True
    item.gap_questions = open_questions_of(stored)
    (topic,) = gap_topics([item])
    assert topic.questions == ["Zahlen Sie einen Zuschuss für Photovoltaik?"]
    assert "abschlag" not in topic.terms


def test_a_statement_with_when_is_a_side_remark_not_a_question() -> None:
    """ "when"/"wie" in a statement opens no indirect question; after a verb of asking it does."""
    from drafter.drafting.question_verdict import asks_question

    assert not asks_question("I still have the letter you sent when we moved into the flat.")
    assert not asks_question("Ich habe alles so gemacht, wie es im Schreiben stand.")
    assert asks_question("I'd like to know when the new tariff starts.")
    assert asks_question("Bitte sagen Sie mir, wann der neue Abschlag gilt.")
    mail = (
        "Kann ich den Abschlag im Kundenportal ändern? Ich habe die Zeitung mit dem "
        "Gartenkalender mitgenommen, als ich Ihre Kundenbroschüre am Markt bekam, wie immer."
    )
    judged = judge(split_requests(mail, "de"), _search, [(_passage(*DEPOSIT), DEPOSIT[1])], "de")
    assert MISSING not in [j.verdict for j in judged]


def test_a_long_question_is_judged_from_its_indirect_question_not_its_side_remarks() -> None:
    """The situation told before "whether" names things no article has (a sister, a
    wedding, Portugal): they are no part of what is asked."""
    article = (
        "Change your monthly instalment",
        "You can change your monthly instalment in the customer portal under Contracts.",
    )

    def search(text: str) -> tuple[Sequence[Passage], Sequence[str], bool]:
        passage = Passage(kb_id="en-instalment", title=article[0], text=article[1], score=1.0)
        return [passage], [article[1]], False

    mail = (
        "Hello,\n\nIs the portal open on Sundays? My sister is getting married in Portugal "
        "in June and the wedding will cost us a fortune, so I'd like to know whether I can "
        "change my monthly instalment in the customer portal.\n\nBest regards\nSam"
    )
    requests = split_requests(mail, "en")
    assert (
        requests[-1].asked == "whether I can change my monthly instalment in the customer portal."
    )
    (passage,), (text,), _ = search("")
    judged = judge(requests, search, [(passage, text)], "en")
    assert judged[-1].verdict != MISSING


def test_a_question_whose_parts_two_articles_answer_is_not_open() -> None:
    """The notice period is in the cancellation article, the router in the router article:
    no single article has both, the two the draft answers from have them together."""
    cancel = _passage(
        "Cancelling your contract",
        "The notice period is one month. You can cancel in the portal.",
        "en-cancel",
        "en",
    )
    router = _passage(
        "Your rented router",
        "Send the rented router back within four weeks with the free label.",
        "en-router",
        "en",
    )
    articles = [(cancel, cancel.text), (router, router.text)]

    def search(text: str) -> tuple[Sequence[Passage], Sequence[str], bool]:
        return [cancel, router], [cancel.text, router.text], False

    mail = (
        "Hello,\n\nCan I cancel online? What is the notice period, and what happens to the "
        "rented router?\n\nRegards\nKim"
    )
    requests = split_requests(mail, "en")
    assert MISSING not in [j.verdict for j in judge(requests, search, articles, "en")]
    # a question neither article touches stays open
    other = "Hello,\n\nCan I cancel online? Do you sell solar panels and battery storage?\n"
    verdicts = [j.verdict for j in judge(split_requests(other, "en"), search, articles, "en")]
    assert verdicts[-1] == MISSING
