"""The knowledge-gap decision on the sample KB (real index of kb/, real USE embeddings).

The golden set's gap cases (no article in kb/ answers them) must be flagged; its answerable
cases asked as they are must mostly not be; asked with their gold article(s) excluded
(leave-one-article-out: the KB lacks the answer) they must be flagged more often than the
previous decision (best fused score < 0.30) did, which flagged none of the real gaps.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from drafter.config import Settings
from drafter.knowledge.embeddings import load_use
from drafter.knowledge.retrieve import Retriever, build_query, open_retriever
from tests.conftest import ROOT
from tests.integration.openai_server import full_index

CASES = [
    json.loads(line)
    for line in (ROOT / "eval" / "cases_sample.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.fixture(scope="module")
def retriever() -> Retriever:
    load_use()
    return open_retriever(Settings(data_dir=full_index().parent))  # shared, read-only


def _gap(retriever: Retriever, case: dict[str, object], exclude: list[str] | None = None) -> bool:
    query = build_query(str(case["subject"]), str(case["message"]))
    passages = retriever.search(query, k=5, language=str(case["lang"]), exclude=exclude or [])
    return retriever.is_gap(passages)


GAPS = [c for c in CASES if not c.get("gold_kb_ids")]
# Missed since llama-index's SentenceSplitter was replaced by drafter.knowledge.chunking
# (issue 16): the heat-pump question's best article (en-tariff-change) now gets support
# 0.35 against the threshold 0.30. Strict: the test says so when it is flagged again.
KNOWN_MISSES = {"sample-en-026": "heat pump tariff: support 0.35 >= 0.30 since the chunking change"}


def test_the_golden_set_has_its_four_real_gaps() -> None:
    assert len(GAPS) == 4  # solar subsidy, EV charging card, district heating, heat pump tariff


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c,
            id=str(c["case_id"]),
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[str(c["case_id"])])]
            if c["case_id"] in KNOWN_MISSES
            else [],
        )
        for c in GAPS
    ],
)
def test_real_gaps_of_the_golden_set_are_flagged(
    retriever: Retriever, case: dict[str, object]
) -> None:
    assert _gap(retriever, case)


def test_answerable_questions_pass_and_their_leave_one_out_versions_are_flagged(
    retriever: Retriever,
) -> None:
    answerable = [c for c in CASES if c.get("gold_kb_ids")]
    false_alarms = sum(_gap(retriever, c) for c in answerable)
    flagged = sum(_gap(retriever, c, list(c["gold_kb_ids"])) for c in answerable)  # type: ignore[call-overload]
    assert false_alarms / len(answerable) <= 0.10
    # held-out figures are in docs/benchmarks.md; this guards the product path against
    # losing the detection (the previous decision, best score < 0.30, flagged about 3%)
    assert flagged / len(answerable) >= 0.40


def test_support_is_on_the_first_passage_and_the_threshold_setting_overrides(
    retriever: Retriever, tmp_path: Path
) -> None:
    case = next(c for c in CASES if c.get("gold_kb_ids"))
    query = build_query(str(case["subject"]), str(case["message"]))
    passages = retriever.search(query, k=5, language="de")
    assert passages[0].support is not None and 0.0 <= passages[0].support <= 1.0
    assert all(p.support is None for p in passages[1:])
    strict = open_retriever(Settings(data_dir=retriever.layout.root.parent, kb_gap_threshold=0.999))
    assert strict.is_gap(strict.search(query, k=5, language="de"))


def _verdict(retriever: Retriever, case: dict[str, object]) -> str:
    """The product's decision (drafter.drafting.gap_verdict) on a golden case as written."""
    from drafter.drafting.gap_verdict import decide

    subject, body, lang = str(case["subject"]), str(case["message"]), str(case["lang"])
    passages = retriever.search(build_query(subject, body), k=5, language=lang)
    texts = [str(retriever.article(p.kb_id).get("text") or p.text) for p in passages]
    return decide(subject, body, passages, texts, lang, retriever.is_gap(passages))


def test_the_draft_decision_flags_every_real_gap_and_few_answerable_mails(
    retriever: Retriever,
) -> None:
    """Unlike retrieval support alone, the draft's decision also flags the heat-pump tariff
    question (its best article lacks "heat pump"), and it flags at most 4 of the 71
    answerable mails as written as gaps (its false-alarm budget is 0.06; the golden gate,
    which drafts from the redacted mails, counts 2)."""
    assert {str(c["case_id"]): _verdict(retriever, c) for c in GAPS} == {
        str(c["case_id"]): "missing" for c in GAPS
    }
    answerable = [c for c in CASES if c.get("gold_kb_ids")]
    assert sum(_verdict(retriever, c) == "missing" for c in answerable) <= 4


def _template_draft(tmp_path: Path, sender: str, subject: str, text: str) -> dict[str, Any]:
    """`drafter draft --no-llm --json` of a hand-written mail on the shared sample index."""
    from tests.cli import run_cli

    mail = tmp_path / "mail.eml"
    mail.write_text(
        f"From: {sender}\r\nTo: service@example.org\r\nSubject: {subject}\r\n"
        "Message-ID: <gap-1@example.org>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nMIME-Version: 1.0\r\n\r\n" + text,
        encoding="utf-8",
    )
    env = {"DRAFTER_DATA_DIR": str(full_index().parent)}
    done = run_cli("draft", str(mail), "--no-llm", "--json", env=env)
    assert done.returncode == 0, done.stderr
    draft: dict[str, Any] = json.loads(done.stdout)
    return draft


def test_an_emergency_the_kb_covers_is_answered_not_held(tmp_path: Path) -> None:
    """A gas smell with a request for a visit: the gap decision doubts the match (nothing in
    the KB books a visit), but the KB has the safety rules, so the draft gives them and no
    kb_gap is raised (drafter.drafting.contact.covers_emergency)."""
    draft = _template_draft(
        tmp_path,
        "Jonas Wiebe <j.wiebe@example.org>",
        "Gasgeruch im Hausflur",
        "seit gestern Abend riecht es bei uns im Flur so eigenartig. Heute morgen ist es im "
        "Keller bei den Zählern noch stärker. Mein Vermieter sagt, das ist sicher nur die "
        "Kanalisation. Kann jemand am Donnerstag vorbeikommen? Ich bin ab 16 Uhr zu Hause."
        "\r\n\r\nGruss\r\nJonas Wiebe\r\n",
    )
    codes = [w["code"] for w in draft["warnings"]]
    assert "emergency" in codes and "kb_gap" not in codes
    body = str(draft["body"])
    assert "Fenster und Türen öffnen" in body and "Kundennummer" not in body


def test_a_mail_with_an_answered_and_an_open_question_gets_both(tmp_path: Path) -> None:
    """Two questions, one the KB answers (changing the monthly instalment) and one it does
    not (a subsidy for a solar system): the template draft answers the first and says in one
    holding line that the second is still being checked, and the kb_gap warning names the
    second (drafter.drafting.question_verdict). Before, the whole mail got one verdict: an
    answer with no word on the subsidy and no warning."""
    draft = _template_draft(
        tmp_path,
        "Anna Beispiel <anna@example.org>",
        "Abschlag im Kundenportal ändern",
        "Guten Tag,\r\n\r\nunser Abschlag ist mit 95 Euro im Monat zu hoch, wir sind nur noch "
        "zu zweit im Haus. Kann ich den Abschlag im Kundenportal selbst ändern, und ab wann gilt "
        "der neue Betrag?\r\n\r\n"
        "Außerdem planen wir eine Photovoltaikanlage mit Stromspeicher auf dem Garagendach. "
        "Zahlen Sie dafür einen Zuschuss oder eine Förderprämie?\r\n\r\n"
        "Viele Grüße\r\nAnna Beispiel\r\n",
    )
    gaps = [w["message"] for w in draft["warnings"] if w["code"] == "kb_gap"]
    assert len(gaps) == 1 and "Förderprämie" in gaps[0]
    body = str(draft["body"])
    assert "Zu Ihrer Frage „Zahlen Sie dafür einen Zuschuss oder eine Förderprämie?“" in body
    assert "Kundenportal" in body.split("Zu Ihrer Frage")[0]  # the first question answered
