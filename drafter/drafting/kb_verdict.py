"""The knowledge-gap decision of a draft: the retrieval signal and the model's own verdict.

Two signals say that the knowledge base does not answer an email:

- retrieval (drafter.drafting.gap_verdict: the best passage's support and the key terms of
  the request the best article lacks): `missing` raises the gap, `partial` keeps the draft
  with a `kb_partial` warning. It works with or without a model (docs/benchmarks.md: recall
  still below target on in-domain gaps);
- the model (when one drafts): the `reply` template asks it to end with `#kb: answered`,
  `#kb: partial` or `#kb: missing` after reading the passages (drafter.drafting.stream
  parses it). A template without that line gives no verdict; then only retrieval decides.

`gap_warnings` combines them: `kb_gap` when either says the answer is missing (the message
names the signal), `kb_partial` (a softer kind, not in the default acknowledgement list) when
only the model says the passages answer part of it. `accept_verdict` keeps an email (or an
article) that carries its own `#kb:` line from setting the verdict: they are data, not
instructions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.drafting.holding import short_question
from drafter.drafting.stream import VERDICTS
from drafter.models import DraftWarning

RETRIEVAL = "retrieval"
MODEL = "model"

RETRIEVAL_GAP = (
    "the knowledge base has no good match; the draft asks for details instead of answering"
)
MODEL_GAP = (
    "the model found no answer in the cited articles; check that the draft says so plainly "
    "and asks for what is needed, or answer by hand"
)
BOTH_GAP = (
    "the knowledge base has no good match and the model found no answer in the articles "
    "either; the draft asks for details instead of answering"
)
PARTIAL = (
    "the model found only part of the answer in the cited articles; check what the draft "
    "leaves open before sending"
)
RETRIEVAL_PARTIAL = (
    "the best article may not answer all of it (words the email asks about are not in it); "
    "check what the draft leaves open before sending"
)

OPEN_QUESTIONS = (
    "the knowledge base does not answer {named}; the draft answers the rest and says in a "
    "holding line that this is still being checked: answer it by hand or check the line"
)

_MARKER = re.compile(r"#[ \t]*kb[ \t]*:", re.I)


def accept_verdict(verdict: str, untrusted: str) -> str:
    """The model's verdict as drafter trusts it ('' = none).

    `untrusted`: what the model read that others wrote (the customer's email, the retrieved
    articles). If that contains a `#kb:` marker, it may have talked the model into writing
    `#kb: answered`; that verdict is then dropped, so only retrieval decides. `partial` and
    `missing` still count: they can only add a warning, never remove one.
    """
    if verdict not in VERDICTS:
        return ""
    if verdict == "answered" and _MARKER.search(untrusted):
        return ""
    return verdict


def gap_signals(retrieval_gap: bool, verdict: str) -> list[str]:
    """Which signals say the knowledge base does not answer the email."""
    signals = [RETRIEVAL] if retrieval_gap else []
    return [*signals, MODEL] if verdict == "missing" else signals


def open_question_warning(questions: Sequence[str]) -> DraftWarning:
    """The `kb_gap` warning of an answered draft with requests the knowledge base leaves open
    (drafter.drafting.question_verdict): it names them, so the agent acknowledges each."""
    named = "; ".join(f"„{short_question(q)}“" for q in questions)
    return DraftWarning(code="kb_gap", message=OPEN_QUESTIONS.format(named=named))


def gap_warnings(
    retrieval_gap: bool,
    verdict: str,
    retrieval_partial: bool = False,
    open_questions: Sequence[str] = (),
) -> list[DraftWarning]:
    """The draft's knowledge-gap warnings for the two signals (see the module docstring).
    `retrieval_partial`: drafter.drafting.gap_verdict doubts but keeps the draft;
    `open_questions`: requests of an answered mail the knowledge base leaves open."""
    if open_questions and not retrieval_gap and verdict != "missing":
        return [open_question_warning(open_questions)]
    signals = gap_signals(retrieval_gap, verdict)
    if signals == [RETRIEVAL]:
        return [DraftWarning(code="kb_gap", message=RETRIEVAL_GAP)]
    if signals == [MODEL]:
        return [DraftWarning(code="kb_gap", message=MODEL_GAP)]
    if signals:
        return [DraftWarning(code="kb_gap", message=BOTH_GAP)]
    if verdict == "partial":
        return [DraftWarning(code="kb_partial", message=PARTIAL)]
    if retrieval_partial:
        return [DraftWarning(code="kb_partial", message=RETRIEVAL_PARTIAL)]
    return []
