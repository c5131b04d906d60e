"""The answer first: which article sentences answer the customer's concrete questions.

A template draft copies sentences of an article in the article's order, so the sentence that
answers "Kann ich mit PayPal zahlen?" ("Kreditkarte und PayPal bieten wir derzeit nicht an.")
can stand at the end of a page of payment methods, or not be chosen at all when its words
score lower than the article's introduction. `answers` picks, for each question or request
of the mail (drafter.drafting.situation.asking_sentences; the subject too when it is a
question), the unit of the usable articles that answers it best: by words (BM25 against that
one question, drafter.drafting.sentences.score_units) and, with a local embedding model, by
meaning (drafter.drafting.closeness). A unit is an answer only when it shares a content word
with the question and can open a paragraph on its own (no back-reference, no example, not
the answer to a heading's condition: drafter.drafting.coherence.needs_context; no lone list
fragment, no question). At most `MAX_ANSWERS` units, each once, in the order the questions
were asked. drafter.drafting.extractive puts them first, after the acknowledgement; the
article text chosen as before follows (the steps), without them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from drafter.drafting.closeness import Embed, closeness
from drafter.drafting.coherence import needs_context
from drafter.drafting.layout import as_line
from drafter.drafting.sentences import Unit, fragment_item, parse_article, score_units, terms
from drafter.drafting.situation import asking_sentences, topic

MAX_ANSWERS = 2  # answer sentences put first (one per question, the first questions first)
MIN_WORDS = 4  # shorter units ("Ja.", "Mo–Fr 9–17 Uhr.") say too little without context
CASE_FACTOR = 0.5  # a sentence that opens with a case ("Haben Sie keine Bestätigung erhalten,
# ...", "If the bill is wrong, ...") answers only that case: it counts this much
# "In allen anderen Fällen ...", "In other cases ...": the cases are named elsewhere
_OTHER_CASES = re.compile(
    r"\b(?:in (?:allen )?(?:anderen|übrigen|sonstigen) Fällen|in (?:all )?other cases)\b", re.I
)
_WAY = re.compile(r"https?://|\S@\S|\d{3,}[\s/-]\d{3,}")
_CASE_OPENING = re.compile(
    r"^(?:(?i:wenn|falls|sollten?|sobald|solange|if|should|when|once|unless|while)\b|"
    r"[A-ZÄÖÜ][a-zäöüß]+(?:en|n|t) (?:Sie|du|Ihr\w*|dein\w*)\b[^.!?]*?,)"
)


def questions(subject: str, body: str) -> list[str]:
    """The mail's questions and requests: the subject when it asks ("Bezahlen mit PayPal?"),
    then the asking sentences of the body, each with the subject when that names a topic
    ("Locked out of portal What does this mean?": "it", "this" often point at the subject)."""
    asked = asking_sentences(body)
    about = topic(subject)
    if subject.strip().endswith("?"):
        return [subject.strip(), *asked]
    return [f"{about} {question}".strip() for question in asked]


def _stands_alone(unit: Unit) -> bool:
    text = unit.text
    if len(text.split()) < MIN_WORDS or text.endswith("?"):
        return False
    step = unit.numbered and not re.search(r"\d", text)  # "Bestätigen Sie die Änderung."
    if unit.kind == "item" and (fragment_item(text) or step or _WAY.search(text)):
        return False  # a step or a channel ("Kundenportal https://… unter …") stays in its list
    return not needs_context(text, unit.context) and not _OTHER_CASES.search(text)


def answers(
    asked: Sequence[str],
    texts: Sequence[str],
    weights: Sequence[float],
    language: str,
    *,
    lead: int,
    embed: Embed | None = None,
    keep: Callable[[Unit], bool] | None = None,
) -> list[Unit]:
    """Up to MAX_ANSWERS units of the lead article (1-based `lead` among `texts`: the article
    chosen to answer the request, which the draft cites first) answering the questions
    `asked`, one per question, in order."""
    units = parse_article(texts[lead - 1], lead) if weights[lead - 1] > 0 else []
    units = [u for u in units if _stands_alone(u) and (keep is None or keep(u))]
    chosen: list[Unit] = []
    for question in asked:
        wanted = set(terms(question, language))
        if not wanted or not units:
            continue
        scores = score_units(question, units, language, "", lead)
        scores = [
            s * weights[u.passage - 1] * (CASE_FACTOR if _CASE_OPENING.match(u.text) else 1.0)
            if wanted & set(terms(u.text, language))
            else 0.0
            for s, u in zip(scores, units, strict=True)
        ]
        top = max(scores)
        if top <= 0:
            continue
        near = closeness(embed, question, units)
        combined = [
            s / top + near.get((u.passage, u.position), 0.0) if s > 0 else 0.0
            for s, u in zip(scores, units, strict=True)
        ]
        best = max(range(len(units)), key=lambda i: (combined[i], -i))
        if units[best] not in chosen:
            chosen.append(units[best])
        if len(chosen) == MAX_ANSWERS:
            break
    return chosen


def answer_first(
    chosen: Sequence[Unit], first: Sequence[Unit], lead: int
) -> tuple[list[Unit], list[tuple[int, str]]]:
    """(the chosen units without the answers, the answer paragraph's pieces as (passage,
    text)). Nothing moves when the first answer already opens the draft (the first chosen
    unit of the `lead` article). A chosen sentence right after an answer that refers back to
    it ("Dann ...") moves with it; a list item is shown as a line of its own."""
    ordered = sorted(chosen, key=lambda u: (u.passage != lead, u.passage, u.position))
    if not first or (ordered and _same(ordered[0], first[0])):
        return list(chosen), []
    rest = sorted(chosen, key=lambda u: (u.passage, u.position))
    pieces: list[tuple[int, str]] = []
    for unit in first:
        rest = [u for u in rest if not _same(u, unit)]
        texts = [as_line(unit.text) if unit.kind == "item" else unit.text]
        position = unit.position
        for follower in [u for u in rest if u.passage == unit.passage and u.block == unit.block]:
            if follower.position != position + 1 or not needs_context(follower.text):
                break
            texts.append(follower.text)
            rest.remove(follower)
            position = follower.position
        text = " ".join(texts)
        if pieces and pieces[-1][0] == unit.passage:
            pieces[-1] = (unit.passage, f"{pieces[-1][1]} {text}")
        else:
            pieces.append((unit.passage, text))
    return rest, pieces


def _same(a: Unit, b: Unit) -> bool:
    return (a.passage, a.position) == (b.passage, b.position)


_AMOUNT = r"(\d{1,5}(?:[.,]\d{1,2})?)"
_CURRENCY = r"\s?(?:EUR|Euro|€)"
# the customer's new amount: "auf 60", "auf 60 Euro", "to 110 EUR"
_TARGET = re.compile(rf"\b(?:auf|to)\s+{_AMOUNT}(?:{_CURRENCY})?(?![\d.,]*\s?(?:%|kwh|m³))", re.I)
_CURRENT = re.compile(rf"(?<![\d.,]){_AMOUNT}{_CURRENCY}\b", re.I)
# the article's rule on lowering by a share: "um mehr als 20 % unter den von uns berechneten
# Betrag senken", "lower it by more than 20 % below our calculated amount"
_LOWER_RULE = re.compile(
    r"\b(?:mehr als|more than)\s+\d{1,2}\s?%[^.!?]*\b(?:senken|lower|reduce)|"
    r"\b(?:senken|lower|reduce)\w*\b[^.!?]*(?:mehr als|more than)\s+\d{1,2}\s?%",
    re.I,
)


def _value(text: str) -> float:
    return float(text.replace(",", "."))


def relation(mail_text: str, shown: str, language: str) -> str:
    """A line relating the customer's wished amount to the article's rule on lowering it by a
    share, when the draft (`shown`) states that rule and the mail names the current amount
    and the new one ("der Abschlag ist 96 Euro ... auf 60 runtersetzen" -> "Von 96 EUR auf
    60 EUR sind es 38 % weniger."); '' otherwise. A fact computed from the mail: whether the
    request is granted stays the agent's call."""
    rule = _LOWER_RULE.search(shown)
    target = _TARGET.search(mail_text)
    if not rule or not target:
        return ""
    before = [m for m in _CURRENT.finditer(mail_text) if m.end() <= target.start()]
    if not before:
        return ""
    old, new = _value(before[-1].group(1)), _value(target.group(1))
    if not 0 < new < old:
        return ""
    share = round(100 * (old - new) / old)
    old_text, new_text = before[-1].group(1), target.group(1)
    if language == "de":
        return f"Von {old_text} EUR auf {new_text} EUR sind es {share} % weniger."
    return f"From {old_text} EUR to {new_text} EUR is {share} % less."
