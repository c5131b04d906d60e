"""How the holding line of an answered draft names the questions the KB leaves open
(drafter.drafting.holding.name_question / open_question_text): a whole short question
quoted, a long one named by its things, never a fragment cut off with "…". Hand-written
questions only, no dev-set text."""

from __future__ import annotations

from drafter.drafting.holding import open_question_text

LONG_EN = (
    "Since we are renovating the loft next spring anyway, could you tell me whether you install "
    "a heat pump with a buffer tank yourselves or only work with partner companies for that?"
)
LONG_DE = (
    "Da wir im Frühjahr ohnehin das Dachgeschoss ausbauen, wollte ich fragen, ob Sie eine "
    "Wärmepumpe mit Pufferspeicher selbst einbauen oder dafür nur mit Partnerfirmen arbeiten?"
)


def test_a_long_question_is_named_by_its_things_never_cut_off() -> None:
    line = open_question_text("en", "sie", [LONG_EN])
    assert "…" not in line and LONG_EN[:60] not in line
    assert line.startswith(
        "As to your question about heat pump, buffer tank and partner companies:"
    )
    de = open_question_text("de", "sie", [LONG_DE])
    assert "…" not in de
    assert de.startswith(
        "Zu Ihrer Frage zu Wärmepumpe, Pufferspeicher und Partnerfirmen können wir Ihnen"
    )
    du = open_question_text("de", "du", [LONG_DE])
    assert du.startswith("Zu deiner Frage zu Wärmepumpe") and "bei dir." in du


def test_a_whole_short_question_is_quoted_as_written() -> None:
    from drafter.drafting.holding import name_question

    question = "Do you also install wall boxes for electric cars?"
    assert name_question(question, "en").quoted
    line = open_question_text("en", "sie", [question])
    assert line.startswith(f'As to your question "{question}": we cannot give you')


def test_of_a_request_of_several_sentences_its_short_question_is_quoted_whole() -> None:
    request = (
        "Our neighbour told us about a bonus for insulating the attic, and he said it was paid "
        "out last year by several utilities in the region to their customers. Do you pay an "
        "insulation bonus too? And when?"
    )
    from drafter.drafting.holding import name_question

    named = name_question(request, "en")
    assert named.quoted and named.text == "Do you pay an insulation bonus too?"


def test_two_open_questions_one_of_them_long_are_named_by_their_things() -> None:
    line = open_question_text("en", "sie", ["Do you sell wall boxes?", LONG_EN])
    assert line.startswith("As to your questions about wall boxes, heat pump and buffer tank:")
    assert '"' not in line and "…" not in line


def test_a_quoted_question_loses_its_list_mark() -> None:
    line = open_question_text("de", "sie", ["- Liefern Sie auch Heizöl?"])
    assert line.startswith("Zu Ihrer Frage „Liefern Sie auch Heizöl?“ können wir")
    assert open_question_text("en", "sie", ["2) Do you sell heating oil?"]).startswith(
        'As to your question "Do you sell heating oil?":'
    )


def test_a_quoted_question_loses_its_lead_in() -> None:
    line = open_question_text("de", "sie", ["Und noch etwas: Liefern Sie auch Heizöl?"])
    assert line.startswith("Zu Ihrer Frage „Liefern Sie auch Heizöl?“ können wir")
