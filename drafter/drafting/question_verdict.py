"""A knowledge-gap verdict per request: which of the things a mail asks the knowledge base answers.

A whole-mail verdict (drafter.drafting.gap_verdict.decide) is one answer for a mail that may
ask two things: a long mail whose side question the KB answers lost its holding reply, and a
mail with one answered and one unanswered question got either a holding reply for both or an
answer that silently skipped the second (session-15 blind review, inbox_test9 mails 10, 14).

`split_requests` cuts the mail into its distinct requests: the asking sentences and imperative
requests (drafter.drafting.situation.asking_sentences, of the body without greeting, signature
and quoted lines), a sentence joined to the request before it when it names no key term that
request lacks ("Ab wann gilt er dann?"); a request naming no key term at all ("Is it too late
now?") is read with the sentence before it, which says what "it" is. `judge` then decides each
request on its own: it is retrieved alone, and it is open (`missing`) when it is a question
(`asks_question`: an instruction such as "Die Rechnung bitte an meine neue Adresse" asks the
KB nothing) and every article found for it or for the whole mail lacks OPEN_TERMS or more of
its key terms (drafter.drafting.gap_verdict.missing_terms, with the everyday threshold
EVERYDAY_ZIPF in both languages: the rule was set on it, and the whole mail's English
threshold gave answerable dev mails an open question 14 times instead of 10), and the first
JOINT_TOP articles found for it and for the whole mail (those the draft answers from) lack
them together too: a question whose parts two articles answer between them is answered.
`answered` when one article has them all, else `partial`. One lacking term is no gap: a
request often names one side word ("Do I get a penalty?"), and the dev sets' answerable
mails got an open question two to four times as often with it (benchmarks/gap_questions.py,
docs/benchmarks.md). A side remark is no request: a statement without a question mark
whose "when" or "wie" opens no indirect question (`asks_question`), and the story told
before the indirect question of a long question (`asked_clause`).

The whole mail stays one verdict for the gap figures and the gap draft (`whole_mail`): it is
a gap when the whole-mail decision says `missing`, or when it has two or more requests and
every one of them is `missing` (no request the KB answers, whatever the side remarks match).
A mail the whole-mail decision holds is held whole: answering a "side" request of a gap mail
from the article its words happen to match ("Who should I contact?" after a wallbox question)
pasted unrelated text in the dev sets. A mail it answers keeps its answer, and its open
requests are its open questions (`open_questions`): the draft says in one holding line that we
cannot answer them yet (drafter.drafting.holding.open_question_text, joined by
drafter.drafting.assemble), they carry a `kb_gap` warning naming them
(drafter.drafting.kb_verdict) and stand in `drafter report`'s knowledge-gap list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from drafter.drafting.article_units import terms
from drafter.drafting.closeness import Embed
from drafter.drafting.gap_verdict import (
    ANSWERED,
    EVERYDAY_ZIPF,
    MISSING,
    PARTIAL,
    key_terms,
    missing_terms,
)
from drafter.drafting.situation import asking_sentences
from drafter.drafting.term_translation import untranslated
from drafter.knowledge.query import clean_body
from drafter.models import Passage

#: a request retrieved alone: (passages best first, full article text per passage, the
#: retrieval's own gap decision)
Search = Callable[[str], tuple[Sequence[Passage], Sequence[str], bool]]

#: at most this many requests are judged per mail (each is one retrieval)
MAX_REQUESTS = 4
#: a request is open (`missing`) when every article found lacks at least this many of its key terms
OPEN_TERMS = 2
#: the first this many articles found for a request and for the whole mail (those the draft
#: answers from) are also judged together: a term one of them has is no term they lack
JOINT_TOP = 2
#: a question of at least this many words is judged from its indirect question on (`asked_clause`)
LONG_QUESTION = 20


@dataclass(frozen=True)
class Request:
    """One thing the mail asks: its asking sentences (joined, as the customer wrote them), the
    stems of their key terms, and what is judged (`asked`: the text, or for a request that
    names no key term, "Kann ich den einfach auf 60 € runtersetzen?", the sentence before it
    and the text: it says what "den" is)."""

    text: str
    stems: frozenset[str]
    asked: str


@dataclass(frozen=True)
class Judged:
    """A request and its verdict (answered / partial / missing) with the passages found for it."""

    request: Request
    verdict: str
    passages: tuple[Passage, ...] = ()


def _stems(sentence: str, language: str) -> frozenset[str]:
    return frozenset(
        s
        for word in key_terms(asked_clause(sentence), language, EVERYDAY_ZIPF)
        for s in terms(word, language)
    )


def split_requests(body: str, language: str) -> list[Request]:
    """The distinct requests of a mail body, in order (see the module docstring)."""
    text = clean_body(body)
    asks = asking_sentences(text)
    groups: list[tuple[list[str], set[str], str]] = []  # sentences, stems, context
    for sentence in asks:
        stems = _stems(sentence, language)
        if groups and stems <= groups[-1][1] and (stems or _follows(text, groups[-1][0], sentence)):
            groups[-1][0].append(sentence)  # nothing new: the same request goes on
            groups[-1][1].update(stems)
            continue
        groups.append(([sentence], set(stems), "" if stems else _before(text, sentence)))
    return [
        Request(
            " ".join(texts),
            frozenset(stems),
            " ".join([context, *(asked_clause(t) for t in texts)]).strip(),
        )
        for texts, stems, context in groups
    ]


def _before(text: str, sentence: str) -> str:
    """The sentence of `text` right before `sentence` (its context), '' when none."""
    start = text.find(sentence)
    if start <= 0:
        return ""
    head = re.split(r"(?<=[.!?])\s+|\n+", text[:start].strip())
    return head[-1].strip() if head else ""


def _follows(text: str, group: list[str], sentence: str) -> bool:
    """Whether `sentence` follows the group's last sentence with nothing in between."""
    end = text.find(group[-1])
    return end >= 0 and not text[end + len(group[-1]) : text.find(sentence, end)].strip()


def lacked(
    request: Request,
    articles: Sequence[tuple[Passage, str]],
    language: str,
    encode: Embed | None = None,
    joint: int = 0,
) -> int:
    """How many key terms of the request the best of `articles` (passage, full text) lacks:
    the fewest over all of them (an article in the other language lacks only the terms none
    of its words translates, with `encode`), or, when fewer, those that none of the first
    `joint` articles has (a question whose parts two articles answer between them)."""
    fewest = len(key_terms(request.asked, language, EVERYDAY_ZIPF))
    left: set[str] | None = None
    for at, (passage, text) in enumerate(articles):
        article = f"{passage.title}\n{text}"
        missing = missing_terms(request.asked, article, language, passage.language, EVERYDAY_ZIPF)
        if encode is not None and passage.language and passage.language != language:
            missing = untranslated(missing, article, encode)
        fewest = min(fewest, len(missing))
        if at < joint:
            left = set(missing) if left is None else left & set(missing)
    return fewest if left is None else min(fewest, len(left))


# an indirect question: a question word after a verb of asking or knowing ("I'd like to know
# when ...", "Können Sie mir sagen, ob ...", "bitte teilen Sie mir mit, wie ..."), in the same
# sentence; "ob" and "whether" always open one
_INDIRECT = re.compile(
    r"\b(?:ob|whether)\b|\b(?:know|ask|asking|tell|wonder|wondering|explain|clarify|confirm|"
    r"wissen|fragen|erfahren|sagen|mitteilen|erklären|erläutern|bestätigen)\b[^.?!]{0,40}?"
    r"\b(?:if|how|when|why|which|what|wie|wann|warum|weshalb|welche[rsnm]?|was|wo)\b",
    re.I,
)


def asks_question(text: str) -> bool:
    """Whether a request asks something rather than telling the agent to do something ("Die
    Rechnung bitte an meine neue Adresse", "I said no") or remarking on the situation: a
    question mark or an indirect question (`_INDIRECT`). A "when" or "wie" in a statement is
    a side remark, no request ("I need to see what was noted when I called you in March"):
    only a question can be one the knowledge base leaves open."""
    return "?" in text or bool(_INDIRECT.search(text))


def asked_clause(sentence: str) -> str:
    """What a long question asks: from its indirect question on ("My landlord said ..., and
    I'd like to know if I need to pay anything before I go" -> "if I need to pay ..."), when
    the sentence has LONG_QUESTION words or more and the clause names a key term; else the
    sentence. The side remarks before it are the customer's situation, not what is asked:
    counted as asked, their words (landlord, spring, trip) lacked by every article made an
    answered question open."""
    if len(sentence.split()) < LONG_QUESTION:
        return sentence
    found = _CLAUSE.search(sentence)
    return sentence[found.start(found.lastgroup or 0) :] if found else sentence


# where the indirect question of a long sentence starts
_CLAUSE = re.compile(
    r"\b(?P<w>ob|whether)\b|\b(?:know|ask|wonder|tell me|wissen|fragen|erfahren),?\s+"
    r"(?P<v>if|how|when|why|which|what|wie|wann|warum|welche[rsnm]?|was|wo)\b",
    re.I,
)


def is_open(request: Request, count: int, named: int) -> bool:
    """Whether a request is open: a question (`asks_question`) naming key terms of its own of
    which every article found lacks at least OPEN_TERMS (`count` of `named`)."""
    return bool(request.stems) and asks_question(request.text) and count >= OPEN_TERMS


def judge(
    requests: Sequence[Request],
    search: Search,
    mail_articles: Sequence[tuple[Passage, str]],
    language: str,
    encode: Embed | None = None,
) -> list[Judged]:
    """Each request's verdict (see the docstring): `missing` when every article retrieved for
    it alone or for the whole mail (`mail_articles`) lacks OPEN_TERMS of its key terms, and
    so do the first JOINT_TOP of each together ("What is the notice period, and what do I do
    with the router?": the cancellation article answers one part, the router article the
    other; the blind review of session 16, mail 06: a holding line for a question the KB
    answers)."""
    judged = []
    for request in requests[:MAX_REQUESTS]:
        passages, texts, _gap = search(request.asked)
        own = list(zip(passages, texts, strict=False))
        draft = [*own[:JOINT_TOP], *mail_articles[:JOINT_TOP]]  # what the draft answers from
        rest = own[JOINT_TOP:] + list(mail_articles[JOINT_TOP:])
        count = lacked(request, [*draft, *rest], language, encode, joint=len(draft))
        named = len(key_terms(request.asked, language, EVERYDAY_ZIPF))
        if is_open(request, count, named):
            verdict = MISSING
        else:
            verdict = ANSWERED if count == 0 and named else PARTIAL
        judged.append(Judged(request, verdict, tuple(passages)))
    return judged


def whole_mail(mail_verdict: str, judged: Sequence[Judged]) -> str:
    """The mail's verdict for the gap draft and the gap figures: `missing` when the whole-mail
    decision says so or when two or more requests are all `missing` (see the docstring)."""
    if len(judged) >= 2 and all(j.verdict == MISSING for j in judged):
        return MISSING
    return mail_verdict


def open_questions(mail_verdict: str, judged: Sequence[Judged]) -> list[str]:
    """The requests a draft that answers the mail must still hold (`missing`), in order; none
    when the whole mail is a gap (its draft holds everything) or only one request was asked."""
    if whole_mail(mail_verdict, judged) == MISSING or len(judged) < 2:
        return []
    return [j.request.text for j in judged if j.verdict == MISSING]


def mail_questions(
    body: str,
    language: str,
    mail_verdict: str,
    mail_articles: Sequence[tuple[Passage, str]],
    search: Search,
    encode: Embed | None = None,
) -> tuple[str, list[str]]:
    """The mail's verdict (`whole_mail`) and its open questions, for the drafting engine: the
    requests are judged only in a mail that asks two or more things and that the whole-mail
    decision does not already hold (one retrieval per request)."""
    if mail_verdict == MISSING:
        return mail_verdict, []
    requests = split_requests(body, language)
    if len(requests) < 2:
        return mail_verdict, []
    judged = judge(requests, search, mail_articles, language, encode)
    return whole_mail(mail_verdict, judged), open_questions(mail_verdict, judged)
