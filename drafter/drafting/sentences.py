"""Sentence selection for the no-LLM draft: article units -> the best few.

Owns `score_units` and `select_units`. The units come from drafter.drafting.article_units
(paragraph sentences, list items and table rows with their lead-ins and context). Units are
scored by BM25 (drafter.toolkit, the retrieval index's formula) over Snowball stems against
the customer's query (context counts half), boosted when the section heading matches and
when they carry concrete facts (amounts, deadlines, portal paths, links, phone numbers), then
chosen greedily within a word budget; a list of steps or of what we need is kept whole, and a
sentence starting "Dann ..." brings the one before it. Everything is deterministic and cheap
(no model call).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from drafter.drafting.article_units import Unit, fragment_item, parse_article, terms
from drafter.toolkit import bm25_scores

FOCUS = 0.6  # weight of the customer's own questions on top of the whole query
FACT_FACTOR = 0.15  # per concrete fact (amount, deadline, path, link, phone), up to 3
FACT_BONUS = 0.6
LEAD_BOOST = 0.25  # the first sentences of an article weigh this much more (fading)
MIN_SHARE = 0.1  # a unit scoring below this share of the best one is not used
WHOLE_LIST = 6  # a list of what we need (this many items at most) is shown whole: "Das
# brauchen wir:" without "Kopie der Sterbeurkunde" misleads
_NEED_LIST = re.compile(
    r"\b(?:brauchen (?:wir|sie|du)|benötigen (?:wir|sie|du)|unterlagen|what (?:we|you) need|"
    r"(?:we|you) need|you will need|documents)\b",
    re.I,
)
CONTEXT_SHARE = 0.25  # below this share, only units sharing a word with the mail or a fact
_ANAPHOR = re.compile(
    r"(?:dann|sonst|das|dies|diese|dieser|dieses|dabei|dafür|damit|dazu|deshalb|daher|"
    r"außerdem|auch|er|es|then|otherwise|this|these|that|it|they|also|so|"
    r"oder|or|danach|anschließend|afterwards)\b",  # "Oder …", "Danach …" continue the one before
    re.I,
)
_FACT = re.compile(
    r"\d|\s>\s|https?://|@|\b(?:innerhalb|spätestens|mindestens|höchstens|bis zu|bis zum|"
    r"kostenlos|kostenfrei|gebührenfrei|jederzeit|nicht|kein|keine|niemals|automatisch|"
    r"within|at least|at the latest|up to|free of charge|no |not |never|automatically|"
    r"any time)\b",
    re.I,
)


def score_units(
    query: str, units: Sequence[Unit], language: str, focus: str = "", lead: int = 1
) -> list[float]:
    """Relevance of each unit to the query, with fact and context boosts (>= 0).

    `focus` (the customer's questions and requests) counts again on top of the query, so a
    sentence answering what was asked beats one that only shares the article's topic. Units
    of an article other than `lead` (1-based: the one answering the request) count only when
    they share a word with `focus` (with the query when there is no focus): background the
    customer only mentioned ("musste ich nachzahlen") brings in no further article.
    """
    if not units:
        return []
    query_terms = set(terms(query, language))
    focus_terms = set(terms(focus, language))
    own = [terms(u.text, language) for u in units]
    ctx = [terms(u.context, language) for u in units]
    df: Counter[str] = Counter()
    for t in own:
        df.update(set(t))
    total = len(units)
    avg = sum(len(t) for t in own) / total or 1.0
    avg_ctx = sum(len(t) for t in ctx) / total or 1.0
    text_scores = bm25_scores(query_terms, own, df, total, avg)
    ctx_scores = bm25_scores(query_terms, ctx, df, total, avg_ctx)
    focus_scores = bm25_scores(focus_terms, own, df, total, avg) if focus_terms else [0.0] * total
    focus_ctx = bm25_scores(focus_terms, ctx, df, total, avg_ctx) if focus_terms else [0.0] * total
    scores: list[float] = []
    for unit, terms_, text_score, ctx_score, f_text, f_ctx in zip(
        units, own, text_scores, ctx_scores, focus_scores, focus_ctx, strict=False
    ):
        score = text_score + 0.5 * ctx_score + FOCUS * (f_text + 0.5 * f_ctx)
        if unit.passage != lead and (f_text if focus_terms else text_score) == 0:
            scores.append(0.0)  # a further article contributes only what answers the question
            continue
        facts = len(_FACT.findall(unit.text))
        score *= 1.0 + FACT_FACTOR * min(facts, 3)
        score += FACT_BONUS * min(facts, 3)  # a fact is worth something even without a match
        score *= 1.0 + LEAD_BOOST / (1 + unit.position)  # the lead sums an article up
        if unit.text.endswith("?"):
            score *= 0.5  # a question in a reply reads as if we were asking
        if len(terms_) < 3 and unit.kind == "sentence":
            score *= 0.5  # fragments ("Auszugsdatum.") say little on their own
        scores.append(score)
    return scores


def select_units(
    query: str,
    texts: Sequence[str],
    weights: Sequence[float],
    language: str,
    *,
    budget: int = 150,
    rewrite: Callable[[str], str | None] | None = None,
    focus: str = "",
    keep: Callable[[Unit], bool] | None = None,
    lead: int = 1,
) -> list[Unit]:
    """The best units of the texts (weighted per article) within `budget` words, in order.

    `rewrite` (e.g. into the Du register) is applied to each unit and its lead-in after
    scoring; a unit it returns None for is left out. `keep` drops units before choosing
    (e.g. a request for data the customer already gave); `focus` and `lead` see `score_units`.
    """
    units: list[Unit] = []
    for n, text in enumerate(texts, start=1):
        if weights[n - 1] > 0:
            units += parse_article(text, n)
    scores = score_units(query, units, language, focus, lead)
    pairs = [(s * weights[u.passage - 1], u) for s, u in zip(scores, units, strict=True)]
    if keep is not None:
        pairs = [(s, u) for s, u in pairs if keep(u)]
    if rewrite is not None:
        pairs = [(s, u) for s, u in ((s, _rewritten(u, rewrite)) for s, u in pairs) if u]
    ranked = sorted(pairs, key=lambda su: (-su[0], su[1].passage, su[1].position))
    if not ranked:
        return []
    best = ranked[0][0]
    asked = set(terms(f"{query} {focus}", language))
    chosen: list[Unit] = []
    leads: set[tuple[int, int]] = set()
    used = 0
    by_place = {(u.passage, u.position): u for _, u in ranked}
    kept = [u for _, u in ranked]
    for score, unit in ranked:
        if score < MIN_SHARE * best or score <= 0:
            break
        if score < CONTEXT_SHARE * best and not (
            asked & set(terms(unit.text, language)) or _FACT.search(unit.text)
        ):
            continue  # a weak unit counts only with a word of the mail or a concrete fact
        if unit in chosen:
            continue
        group = [unit]
        previous = by_place.get((unit.passage, unit.position - 1))
        while _ANAPHOR.match(group[0].text) and previous and previous.block == unit.block:
            group.insert(0, previous)  # "Dann ...", "This ..." need the sentence before
            previous = by_place.get((unit.passage, previous.position - 1))
        if _ANAPHOR.match(group[0].text):
            continue
        if unit.kind == "item" and fragment_item(unit.text):
            if not unit.lead:
                continue  # a condition list without its "..., wenn" says nothing
            group = [u for u in kept if (u.passage, u.block) == (unit.passage, unit.block)]
        elif unit.numbered:  # steps make sense only together and in order
            group = [u for u in kept if (u.passage, u.block) == (unit.passage, unit.block)]
        elif unit.kind == "item" and _NEED_LIST.search(unit.lead):  # shown whole if it fits
            whole = [u for u in kept if (u.passage, u.block) == (unit.passage, unit.block)]
            extra = sum(len(u.text.split()) for u in whole if u not in chosen)
            group = whole if len(whole) <= WHOLE_LIST and used + extra <= budget else group
        elif unit.kind == "item" and label_item(unit.text, language):
            # "- Instalments paid" under "Page 1: the result:" says nothing alone: with its
            # whole list if that fits, else not at all
            whole = [u for u in kept if (u.passage, u.block) == (unit.passage, unit.block)]
            extra = sum(len(u.text.split()) for u in whole if u not in chosen)
            if len(whole) > WHOLE_LIST or used + extra > budget:
                continue
            group = whole
        group.sort(key=lambda u: u.position)
        group = [u for u in group if u not in chosen]
        cost = sum(len(u.text.split()) for u in group)
        key = (unit.passage, unit.block)
        if unit.lead and key not in leads:
            cost += len(unit.lead.split())
        if used + cost > budget:
            continue
        chosen += group
        leads.add(key)
        used += cost
    return sorted(chosen, key=lambda u: (u.passage, u.position))


def label_item(text: str, language: str) -> bool:
    """A list item that only names something (fewer than three content words, no figure):
    "Instalments paid", "Gesamtbetrag". Shown alone, without the rest of its list, it
    answers nothing (`select_units` shows it with its whole list or not at all)."""
    return len(terms(text, language)) < 3 and not re.search(r"\d", text)


def _rewritten(unit: Unit, rewrite: Callable[[str], str | None]) -> Unit | None:
    text = rewrite(unit.text)
    lead = rewrite(unit.lead) if unit.lead else ""
    if text is None:
        return None
    return replace(unit, text=text, lead=lead or "")
