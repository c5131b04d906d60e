"""Candidate third inputs for the draft's knowledge-gap decision (drafter.drafting.gap_verdict),
measured leave-one-set-out on the sample KB's gap sets and not adopted (issue 10, round 9).

Each idea is one number per email, computed on the product path (`Retriever.search`, the
full article texts, the key terms of drafter.drafting.gap_verdict). It is added to the two
inputs of the shipped model (retrieval support, key terms the best article lacks) in the same
logistic model; for each held-out set the model is fitted on all the other sets and the
threshold keeps their false alarms within 0.10 (the issue's target). Cells: recall / false
alarms on the held-out set. The KB-wide rule is also compared, in-sample, with moving the
shipped model's threshold to the same pooled false-alarm rate.

Ideas (the brief of round 9): the asked thing and whether an article talks about it
(single-sentence coverage of the request's key terms); coverage spread over the top 3
articles; the best article's title and headings against the subject's key terms; things the
request or the subject names that no article of the KB mentions (KB-wide vocabulary);
answer-type match (an amount or a time asked, no sentence of the best article with one of the
request's words and such a value; a yes/no question on an offer whose thing the best article
lacks); rarity of the missing key terms.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from benchmarks.retrieval_gap import budget
from drafter.drafting import gap_verdict as gv
from drafter.drafting.article_units import terms
from drafter.drafting.situation import asking_sentences
from drafter.knowledge import gap
from drafter.models import Passage

BUDGET = 0.10  # the false-alarm target, used to place each held-out threshold
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_ASKS = {
    "amount": re.compile(
        r"\b(was kostet|kostet|kosten|wie viel|wie hoch|gebühr|preis|how much|cost|costs|fee|"
        r"charge|price)\b",
        re.I,
    ),
    "time": re.compile(
        r"\b(wann|wie lange|bis wann|ab wann|how long|when|how soon|how often|what day)\b", re.I
    ),
}
#: a yes/no question on an offer or a possibility ("Bieten Sie ... an?", "Do you offer ...?")
_OFFER = re.compile(
    r"\b(bieten sie|gibt es|haben sie|kann ich|können sie|liefern sie|geht das|ist es möglich|"
    r"do you (offer|have|provide|supply|sell)|is there|are there|can you|can i|is it possible)\b",
    re.I,
)
_HAS = {
    "amount": re.compile(
        r"\d[\d.,]*\s*(eur\b|euro|€|cent|ct\b|%|prozent|percent)|kostenlos|kostenfrei|"
        r"\bfree\b|no charge|keine gebühr",
        re.I,
    ),
    "time": re.compile(
        r"\d+\s*(werktag\w*|tag\w*|woche\w*|monat\w*|stunde\w*|jahr\w*|minute\w*|working days?|"
        r"days?|weeks?|months?|hours?|years?)\b|\b(sofort|immediately|innerhalb|within|"
        r"spätestens|at the latest)\b",
        re.I,
    ),
}


@dataclass
class Mail:
    """One question of a set, retrieved on the product path."""

    name: str  # the set
    subject: str
    body: str
    lang: str
    answerable: bool
    passages: list[Passage]
    texts: list[str]  # full article text per passage
    flagged: bool  # the product's decision: missing
    x: dict[str, float] = field(default_factory=dict)


def _asked(mail: Mail) -> str:
    return "\n".join(s for s in (mail.subject.strip(), *asking_sentences(mail.body)) if s)


def _missing(keys: list[str], lang: str, stems: set[str]) -> list[str]:
    return [w for w in keys if not gv._covered(w, lang, stems)]


def features(mail: Mail, kb_stems: dict[str, set[str]]) -> dict[str, float]:
    """The shipped inputs and one number per idea (see the module docstring)."""
    lang = mail.lang
    best, text = mail.passages[0], mail.texts[0]
    blang = best.language or lang
    asked = _asked(mail) or mail.body
    keys = gv.key_terms(asked, lang)
    subject_keys = gv.key_terms(mail.subject, lang)
    article = set(terms(f"{best.title}\n{text}", blang))
    same = [(p, t) for p, t in zip(mail.passages, mail.texts, strict=True) if p.language == lang]
    top3: set[str] = set()
    for p, t in same[:3]:
        top3 |= set(terms(f"{p.title}\n{t}", lang))
    heads = "\n".join([best.title, *(ln for ln in text.splitlines() if ln.startswith("#"))])
    sentences = [s for s in _SENTENCE.split(text) if s.strip()]
    title = set(terms(best.title, blang))
    together = max(
        (len(keys) - len(_missing(keys, lang, set(terms(s, blang)) | title)) for s in sentences),
        default=0,
    )
    missing = _missing(keys, lang, article)
    words = set(terms(asked, lang))
    mismatch = 0.0
    for kind, pattern in _ASKS.items():
        if pattern.search(asked) and not any(
            _HAS[kind].search(s) and words & set(terms(s, blang)) for s in sentences
        ):
            mismatch = 1.0
    offers = [s for s in asked.splitlines() if _OFFER.search(s)]
    offer_missing = sum(len(_missing(gv.key_terms(s, lang), lang, article)) for s in offers)
    support = min(max(float(best.support or 0.0), 1e-4), 1 - 1e-4)
    return {
        "support": math.log(support / (1 - support)),
        "missing": float(len(missing)),
        "not in one sentence": float(len(keys) - together),
        "missing from all top 3": float(len(_missing(keys, lang, top3))),
        "subject not in title/headings": float(
            len(_missing(subject_keys, lang, set(terms(heads, blang))))
        ),
        "request names what no article has": float(len(_missing(keys, lang, kb_stems[lang]))),
        "subject names what no article has": float(
            len(_missing(subject_keys, lang, kb_stems[lang]))
        ),
        "answer type asked, none in the article": mismatch,
        "offer asked about a thing the article lacks": float(offer_missing),
        "rarity of the missing terms": sum(
            max(0.0, gv.EVERYDAY_ZIPF - gv._zipf(w.lower(), lang)) for w in missing
        ),
    }


def _loso(mails: list[Mail], names: list[str], cols: list[str]) -> list[tuple[float, float]]:
    x = np.array([[m.x[c] for c in cols] for m in mails])
    y = np.array([m.answerable for m in mails], float)
    sets = np.array([m.name for m in mails])
    out = []
    for held in names:
        train, test = sets != held, sets == held
        model = gap.fit_logistic(x[train], y[train])
        threshold = budget(gap.predict(x[train], model), y[train], BUDGET)
        flag = gap.predict(x[test], model) < threshold
        out.append((float(flag[y[test] == 0].mean()), float(flag[y[test] == 1].mean())))
    return out


def _pooled(mails: list[Mail], flag: Callable[[Mail], bool]) -> tuple[float, float]:
    dev = [m for m in mails if m.name != "golden"]
    gaps_ = [flag(m) for m in dev if not m.answerable]
    answerable = [flag(m) for m in dev if m.answerable]
    return sum(gaps_) / len(gaps_), sum(answerable) / len(answerable)


def section(mails: list[Mail], kb_stems: dict[str, set[str]], names: list[str]) -> list[str]:
    """The Markdown subsection (ideas table and the KB-wide rule against a threshold move)."""
    for m in mails:
        m.x = features(m, kb_stems)
    base = ["support", "missing"]
    ideas = [c for c in mails[0].x if c not in base]
    header = "| inputs | " + " | ".join(names) + " |"
    rows = [header, "|---" * (len(names) + 1) + "|"]
    for label, cols in [("support + missing (the shipped inputs, refitted)", base)] + [
        (f"+ {idea}", [*base, idea]) for idea in ideas
    ]:
        cells = _loso(mails, names, cols)
        rows.append(f"| {label} | " + " | ".join(f"{r:.2f} / {f:.2f}" for r, f in cells) + " |")

    def rule(m: Mail) -> bool:
        return m.flagged or (
            m.x["subject names what no article has"] > 0
            and m.x["support"] < math.log(gv.SURE_SUPPORT / (1 - gv.SURE_SUPPORT))
        )

    with_rule = _pooled(mails, rule)
    product = _pooled(mails, lambda m: m.flagged)
    return [
        "### Knowledge gap: third inputs measured, not adopted (benchmarks/gap_verdict_ideas.py)",
        "",
        "Each idea is added to the two shipped inputs of drafter.drafting.gap_verdict in the "
        "same logistic model; per held-out set, fitted on all the other sets with the "
        f"threshold keeping their false alarms within {BUDGET:.2f}. Cells: gap recall / false "
        "alarms on the held-out set (no `partial` here: the model alone). Run alone: "
        "`python -m benchmarks.gap_verdict_bench --ideas`.",
        "",
        *rows,
        "",
        "In the round-9 run (2026-11-30) no idea raised recall on every held-out set at the "
        "same false alarms: a gain on one set came with a loss or more false alarms on "
        "another, and no cell came near the target (recall 0.85 at false alarms 0.10). Also "
        "measured in scratch runs, not kept here: English key terms restricted to words that "
        "can be nouns (lemminflect), USE cosine of each missing key term to the article's "
        "sentences, USE cosine of the asking sentences to the KB's FAQ questions and "
        "headings, IDF-weighted coverage, and the support of a query made of the asking "
        "sentences alone: none moved AUC or the held-out cells consistently. Not counting the "
        "verb that opens a German question ('Bieten Sie', 'Bekomme ich') as a key term "
        "(the verdict's own leave-one-set-out above, refitted): gaps_dev3 0.22 -> 0.27, "
        "gaps_dev5 0.48 -> 0.56, gaps_dev6 0.26 -> 0.30, but false alarms up on gaps_dev, "
        "gaps_dev4 and gaps_dev5 (+0.02 each) and the golden Fernwärme gap lost ('Bieten' "
        "was its second missing term): another operating point, not adopted.",
        "",
        "Round 10 (2026-11-30, scratch runs, not kept here; each set held out of a logistic "
        "fit on golden, gaps and the other dev sets, threshold at pooled false alarms <= 0.10 "
        "on those, SURE_SUPPORT and the subject cover applied; means over the nine gap sets): "
        "the shipped inputs 0.564 recall / 0.107 false alarms (worst gaps_dev4, 0.20); "
        "abbreviations and three-letter German nouns as key terms (adopted) 0.571 / 0.107, no "
        "set lower at budgets 0.07-0.10; seventeen inputs in one model (key terms with other "
        "word-frequency cuts or all content words, coverage by the top 3 or the best "
        "same-language article, KB-wide absent terms, subject terms, USE cosine of the "
        "asking sentences and the subject to the best and top-3 articles' sentences) "
        "0.629 / 0.127, the same trade; a German word covered as the head of an article's "
        "compound ('Laufzeit' in 'Mindestlaufzeit') 0.574 / 0.110; the key terms of an "
        "English mail against a German best article left out (cross-language) 0.560 / 0.114; "
        "no SURE_SUPPORT override 0.552 vs 0.530 at budget 0.08, but gaps_dev4's false alarms "
        "0.14 -> 0.22. Pooled AUC: support 0.73, missing key terms 0.82, the USE sentence "
        "cosines 0.58-0.68. The two-input model moves along one curve with its threshold "
        "(budget 0.06: 0.494 / 0.057, 0.08: 0.530 / 0.082, 0.10: 0.571 / 0.107); the "
        "product takes 0.08.",
        "",
        "Round 12 (2026-11-30, scratch runs on cached product-path retrievals; the verdict's "
        "own leave-one-set-out above over its twelve sets, budget 0.08, SURE_SUPPORT applied; "
        "means over the sets): round 11's decision 0.640 / 0.085. Adopted, then taken out in "
        "the same session: the asked action "
        "(drafter.drafting.asked_action) lifts the support shield when the article lacks a "
        "key term and leaves 3+ words of one asking sentence unstated: 0.668 / 0.084 (the "
        "same budgets 0.06 / 0.07 / 0.09 / 0.10: 0.598 / 0.063 -> 0.636 / 0.060, 0.621 / "
        "0.074 -> 0.646 / 0.073, 0.644 / 0.094 -> 0.684 / 0.092, 0.656 / 0.102 -> 0.692 / "
        "0.102: a higher curve, not a threshold move; with every article line read as its "
        "own sentence 0.670 / 0.084, but 4 instead of 3 golden false alarms in-sample, "
        "kb_gap_accuracy 0.947 under the gate of 0.95). Its two cut-offs chosen again inside "
        "each fit (nested, without the word-frequency cut): 1 missing term and 3 words on "
        "eleven of twelve folds. Not adopted: the same count without the word-frequency cut "
        "(0.688 / 0.081, but false alarms on the five inbox sets 21 -> 30 of 158), the count "
        "as a third input next to the shield (0.681 / 0.082, inbox 25 -> 28), the count of "
        "all asked words not in the article or not in one sentence, the share of them, the "
        "number of asking sentences, and an answer type per asking sentence (an amount, a "
        "time or a permission asked, no article sentence with such a value and half of the "
        "sentence's words): 0.624-0.639 as third inputs without the shield change; German "
        "'Welche/Welchen' as question words: no decision changed. Held out it raised the "
        "recall on the blind gap sets gaps_test2..8 (188 -> 195 of 280 gaps, false alarms "
        "15 -> 18 of 280) but turned two answerable cases of the golden set's held-out half "
        "into holding replies (fact coverage 0.775 -> 0.725, similarity 0.782 -> 0.769) and "
        "one mail of the session-12 blind review (docs/draft-review-session12, mail 15), so "
        "the product keeps round 11's decision; the module lives in git history (gaps12). "
        "That choice was made knowing those held-out results, so the golden test half and "
        "gaps_test2..8 are no longer independent evidence for this rule: judge its next "
        "version on fresh sets.",
        "",
        "Round 13 (2026-11-30, not adopted; scratch runs on cached product-path retrievals; "
        "this leave-one-set-out over thirteen sets with gaps_dev13, budget 0.08; the inbox sets "
        "inbox_test..inbox_test6 and the golden dev half as the false-alarm check of realistic "
        "mail): round 11's decision 0.643 / 0.084, inbox answerable flagged 29 of 188. The "
        "asked action of round 12 alone 0.672 / 0.081, inbox 27; its answerable flips on dev "
        "data were 4 long mails (52-89 words) and 1 short one, against 27 short gaps and 1 "
        "long one. Best variant: the asked action only in a mail of at most 50 words "
        "(SHORT_MAIL_WORDS) 0.676 / 0.081, inbox 26 (budgets 0.06 / 0.07 / 0.09 "
        "/ 0.10: 0.606 / 0.059 -> 0.640 / 0.061, 0.624 / 0.071 -> 0.655 / 0.070, 0.652 / "
        "0.093 -> 0.689 / 0.091, 0.669 / 0.100 -> 0.700 / 0.100). Not adopted: the asked "
        "action gated by another asking sentence of the mail that the article states (idea "
        "kb_partial: one point covered, another not) 0.674 / 0.080 but inbox 28; gated by "
        "2+ missing key terms, or by every top-3 article lacking a key term: no decision "
        "changed (with support >= 0.6 and one missing term the score is never low enough); "
        "a single asking sentence 0.669 / 0.084, inbox 30; the fewest missing terms over the "
        "top 3 articles as the input 0.635 / 0.082; an answer-type mismatch (an amount, a "
        "time or a contact asked, none in the best article) fired on 50 answerable and 24 "
        "gap mails (inverse). The short-mail variant was committed (gaps13, 735f42b, constants "
        "refitted on the thirteen sets) and measured once at the end through the engine "
        "(benchmarks.bench_replies' golden scores): the golden dev half unchanged (fact "
        "coverage 0.835, similarity 0.815), the held-out half 0.775 -> 0.747 (target 0.75 "
        "MISSED; similarity 0.782 -> 0.773: the fact loss of one answerable case, a holding "
        "reply). By the rule that a gap signal must not cost answerable mails it was taken "
        "out before the merge; the product keeps round 11's decision. The golden test half "
        "has now been used twice to reject this rule family: fresh realistic answerable mail "
        "is needed to judge its next version.",
        "",
        "Round 14 (2026-11-30, not adopted; scratch runs on cached product-path retrievals "
        "with the twin rule of drafter.knowledge.twins; leave-one-set-out over the thirteen "
        "sets and, as the brief asked, also with the seven inbox sets inbox_test..inbox_test7 "
        "in the fit and each held out in turn): with the inbox in the fit the same two "
        "inputs give 0.602 / 0.061 at budget 0.08 and 0.637 / 0.075 at 0.10 (without them "
        "0.643 / 0.084 at 0.08): the same curve, only the threshold moves, so the product "
        "keeps round 11's constants. Third inputs, budget 0.08 without / 0.10 with the inbox "
        "in the fit (gap-set means; inbox answerable flagged of 218): none 0.643 / 0.084, 35 "
        "and 0.637 / 0.075, 35; the best article in the other language 0.646 / 0.081, 36 and "
        "0.643 / 0.074, 36 (recall up on 3 of 20 sets, down on 2); fused margin to the "
        "runner-up 0.645 / 0.080, 36 and 0.641 / 0.075, 37; the best fused score 0.640 / "
        "0.087, 44 and 0.650 / 0.102, 23; key terms asked 0.658 / 0.083, 41 and 0.637 / "
        "0.078, 35; share of them missing 0.643 / 0.083, 35 and 0.631 / 0.084, 29; log words "
        "of the body 0.633 / 0.081, 80 and 0.645 / 0.101, 22; fewest missing terms over the "
        "top 2 0.647 / 0.081, 36 and 0.646 / 0.076, 35 (recall up on 5 of 20 sets, down on "
        "1; false alarms up on 3, down on 3: not most sets). The best article's "
        "other-language twins left out of the retrieval support's runner-up margins: lower "
        "(0.634 / 0.082 with kb/en/en-payment-methods, an English twin of de-zahlungsarten "
        "that was written, measured and taken out: golden dev fact coverage 0.835 -> 0.827). "
        "Error class left: a best article in the other language (one without a twin) is "
        "flagged on about half of its answerable mails (11 of 24; same language 81 of 855): "
        "its lexical support is 0 by construction and term_translation leaves most key terms "
        "missing.",
        "",
        "Round 15 (2026-12-01; scratch runs on cached product-path retrievals; this "
        "leave-one-set-out over fourteen sets with gaps_dev14, a set of long realistic mails, "
        "budget 0.08; the inbox sets inbox_test..inbox_test8 under the all-set fit as the "
        "false-alarm check of realistic mail): round 11's decision 0.637 / 0.081, inbox gaps "
        "52 of 72, answerable flagged 35 of 248. Why long answerable mails were flagged: not "
        "retrieval (the gold article was first for 7 of gaps_dev14's 9 flagged answerable "
        "mails) but the key-term count: a long mail's asking sentences carry their side "
        "remarks ('My landlord said ... I'm planning a trip home to Brazil in March and I'd "
        "like to know if ...'), so long mails ask about 4-7 key terms where short ones ask "
        "about 2-4, and both classes lack about twice as many. Adopted: in a long mail "
        "(LONG_MAIL_WORDS) with two or more asking sentences the count of its best-answered "
        "asking sentence (with the subject's) 0.648 / 0.083, inbox 51 and 24 (budgets "
        "0.06 / 0.07 / 0.09 / 0.10: 0.603 / 0.059 -> 0.616 / 0.060, 0.614 / 0.072 -> 0.634 / "
        "0.071, 0.651 / 0.092 -> 0.655 / 0.092, 0.657 / 0.102 -> 0.674 / 0.098; inbox "
        "answerable flagged 29 / 33 / 43 / 50 -> 16 / 18 / 28 / 30: a higher curve); and a "
        "short mail lacking UNSHIELD_TERMS key terms loses the support shield: 0.685 / 0.083, "
        "inbox 53 and 24 (the cut chosen inside each fold: 3 on all 13). Not adopted: the "
        "support of the asked part (subject and asking sentences) 0.618 / 0.077, the larger "
        "of it and the mail's 0.609 / 0.084, the best per-sentence support 0.606-0.642; "
        "retrieval on the asked part alone (the short sets' answerable top-1 476 -> 445 of "
        "590) 0.618 / 0.081; the mean over asking sentences 0.645 / 0.083, inbox 32; the "
        "minimum in every mail, short ones too, 0.635 / 0.081 (short two-question gaps lost); "
        "key terms common in the KB (in 15-40 % of a language's articles) not counted "
        "0.625-0.636; English words ending in -ed / -ly (/ -ing) not counted 0.636 / 0.081, "
        "inbox 36 (43); key terms asked as a third input 0.637 / 0.085, inbox 41; the share "
        "missing 0.535 / 0.081; the count scaled by the terms asked 0.621-0.637; the asked "
        "part read from the body without quoted lines and signature 0.639 / 0.081; the shield "
        "lifted at 3+ missing terms in long mails too 0.668 / 0.083, at 2+ 0.698 / 0.083 but "
        "inbox answerable flagged 24 -> 31 (realistic mails with a high support: a gas smell, "
        "FritzBox access data, 600 Mbit paid and 200 delivered); no shield 0.688 / 0.079 but "
        "recall down on 7 of 14 sets and inbox gaps 47.",
        "",
        "Round 16 (2026-12-01; the same harness over fifteen sets with gaps_dev15; the "
        "whole-mail decision unchanged: 0.687 / 0.086, inbox_test..inbox_test9 gaps 58 of 82, "
        "answerable flagged 25 of 278). Its change is a verdict per request "
        "(drafter.drafting.question_verdict, benchmarks/gap_questions.py), not an input. Not "
        "adopted: German mails written in lower case ('wer zahlt mir eigentlich die "
        "einspeisevergütung') lose every key term (capitalised words are the German nouns); "
        "their lowercase words rarer than zipf 3.5 counted as nouns changed 26 mails' inputs: "
        "0.685 / 0.081, recall up on 2 sets and down on 2, false alarms down on 5 and up on 2 "
        "(not most sets). Not adopted either: a gap mail whose request sharing the subject's "
        "words is answered by one article counted as answered (22 gaps lost, 3 mixed and 12 "
        "answerable mails gained).",
        "",
        "Round 17 (2026-12-01; the same harness, fifteen sets, per language). Before: 0.687 / "
        "0.086 (German 0.709 / 0.065, English 0.660 / 0.099). Adopted: English key terms up to "
        "zipf 5.3 instead of 5.0 (EVERYDAY_ZIPF_EN; English names things with plain words where "
        "German compounds them), such a word checked against English articles only, the "
        "constants refitted: 0.707 / 0.075 (German 0.685 / 0.044, English 0.732 / 0.108); "
        "chosen inside every fold among 5.0-5.5 (5.3 on all fifteen); English recall up on 13 "
        "of 14 gap sets, down on none; all sets: recall up on 9, down on 2, false alarms down "
        "on 7, up on 3; inbox_test..inbox_test10 (all-set fit) gaps 67 -> 67 of 92, answerable "
        "flagged 30 -> 27 of 308. Without the English-articles-only check 0.704 / 0.075 and "
        "more false alarms on English mails answered by a German article (PayPal, credit card, "
        "cash). Not adopted: a threshold per language (each language's false alarms within "
        "the budget) 0.698 / 0.077; the key terms lacked by all of the top 2 or 3 articles "
        "(an answer spread over two articles) 0.690 / 0.083 and 0.674 / 0.081.",
        "",
        "Round 18 (2026-12-02; nested leave-one-set-out over the fifteen dev sets only, "
        "golden left out of every fit: each held-out set's cut chosen by an inner leave-one-"
        "set-out on the other fourteen, budget 0.08, pooled counts of 704 gaps and 704 "
        "answerable). Before: 475 / 58. Adopted: a long mail whose best-answered asking "
        "sentence lacks UNSHIELD_TERMS key terms loses the support shield too (the cut chosen"
        " among 2, 3, 4, 5 and never: 3 on twelve folds, 2 on three; with "
        "the function words below 3 on fourteen, 2 on one; benchmarks/gap_nested.py): "
        "486 / 58 (gaps_dev14 34"
        " -> 42 gaps, false alarms 0 -> 2; gaps_dev +2, gaps_dev4 and gaps_dev15 +1, "
        "gaps_dev13 -1). English prepositions, conjunctions and possessive pronouns ('till', "
        "'unless', 'mine') name no thing (drafter.drafting.thing_words): 491 / 56 (recall "
        "down by one gap on gaps_dev and gaps_dev12, false alarms up by one on gaps_dev4, "
        "gaps_dev7 and gaps_dev10, against +1 gap on gaps_dev3, dev6, dev13, +2 on dev8, "
        "dev11 and one false alarm fewer on gaps, dev13, dev14, dev15, dev17). Product path "
        "with the shipped constants (the all-set refit gives GAP_BELOW 0.489, unchanged at "
        "0.49): gaps flagged 478 -> 487 of 704, answerable flagged 57 -> 55 of 704; one "
        "answerable long mail of gaps_dev14 ('Mesh for the rental router?') is now a gap "
        "draft. Left: gaps_dev17's four missed gaps lack one or two key terms (IPTV, Schufa, "
        "a second fibre socket, the price of a dynamic tariff the customer quotes from the "
        "smart-meter article): the model's curve, not a class."
        "",
        "",
        "Round 20 (2026-12-02, gaps22; nested leave-one-set-out as round 18 over the eighteen"
        " dev sets, gaps_dev18 added: 808 gaps and 808 answerable; scratch runs with "
        "retrieval done once, the final one on the product path, the same counts). Before "
        "(main f7a410e's decision): 559 / 65 (gaps_dev18 17 / 4, as its first run). Measured "
        "on gaps_dev18's 7 missed gaps and 4 false alarms: English words ending in -ed "
        "('unanswered', 'allowed') as no thing: 552 / 64, not adopted; skipping a long mail's"
        " asking sentences that name nothing ('Und bis wann muss das gemacht sein?') when "
        "choosing the best-answered one: 556 / 65, not adopted. Adopted "
        "(drafter.drafting.thing_words, drafter.drafting.gap_verdict.deciding_questions): "
        "street names name no thing ('Blücherplatz', 'Hafenstraße', 'Holtenauer Straße'; a "
        "rare '-platz', '-gasse', '-damm' below German zipf 3.0, any '-straße', '-allee', "
        "'-chaussee'; in German and English mails): 560 / 64; plus, in a long mail, the "
        "asking sentences with a question mark compete alone when others only wish or "
        "request: 563 / 64; plus currencies ('euros', 'Cent') as no thing: 566 / 63 (per set:"
        " gaps_dev6, dev8, dev11, dev14, dev15, dev18, test3 +1 gap; false alarms gaps_dev4 "
        "+1, gaps_dev5 -1, gaps_dev18 -2; the cut 3 on every fold). Product path with the "
        "shipped constants: gaps flagged 560 -> 561 of 808, answerable flagged 64 -> 62; "
        "gaps_dev18 17 -> 18 of 24 (the Schlichtungsstelle's address), false alarms 4 -> 2 (a"
        " bereavement mail naming the street, '90 euros' now partial). The all-set refit (dev"
        " sets, no golden) gives GAP_BELOW 0.467 (0.460 before); the shipped 0.49 is kept. "
        "`drafter eval drafts --no-llm` on cases_sample: kb_gap_accuracy 97.3 % before and "
        "after. Left on gaps_dev18: a German mail in lower case (no capitalised nouns: no key"
        " terms; round 19's lower-case measurement was not adopted), a customer quoting the "
        "article's own words (CO detector: asks whether it is provided, a verb), a cellar "
        "meter reading for a wheelchair user and self-digging a fibre trench (one lacked term"
        " each), a meter cabinet (the article says 'Zähler'; the follow-up question names "
        "nothing), a CO alarm without gas smell (2 lacked terms under the support shield); "
        "false alarms left: an Article 15 request ('Article', 'unanswered', 'allowed') and a "
        "cancellation mail retrieved to the moving-in article.",
        "",
        "Round 21 (2026-12-02, gaps23; nested leave-one-set-out as round 18 over the nineteen"
        " dev sets, gaps_test4 retired to development data: 848 gaps and 848 answerable; "
        "scratch runs with retrieval done once, reproducing benchmarks/gap_nested.py's counts"
        " on main). Before (main ad9a46c's decision): 592 / 67. Adopted "
        "(drafter.drafting.thing_words.written_in_lowercase and lowercase_noun, "
        "drafter.drafting.gap_verdict.LOWERCASE_ZIPF): in a German mail whose body is written"
        " without capitals (fewer than one in ten of its words inside a sentence capitalised)"
        " a lowercase word of a noun's shape (not ending like a verb form, an adjective or an"
        " adverb, unless a noun suffix such as '-ung' ends it) rarer than zipf 4.0 is a key "
        "term: 596 / 67 (gaps_dev17, gaps_dev18, gaps_test3, gaps_test4 +1 gap each, no false"
        " alarm more; LOWERCASE_ZIPF chosen inside each fold among 3.5, 4.0, 4.5 and 5.0: 4.0"
        " on 17 folds, 4.5 on 2; alone 3.5 gives 594 / 67, 4.5 596 / 67, 5.0 592 / 70). "
        "Product path with the shipped constants: gaps flagged 588 -> 592 of 848, answerable "
        "flagged 65 -> 65; the golden cases unchanged (4 of 4 gaps, 1 of 71 answerable). Not "
        "adopted: a greeting line ending with a comma ('Hallo,', 'Hi,') read apart from the "
        "line below it (drafter.drafting.situation.asking_sentences joins the two as one "
        "soft-wrapped line and then drops it as a greeting, so the mail's first question is "
        "never read; 147 dev mails start so, most of gaps_dev3): 596 / 68 (gaps_dev3 21 -> 26"
        " gaps but 4 -> 6 false alarms; the refits cost gaps_dev6, gaps_dev11 and gaps_test4 "
        "one gap each and gaps_dev8 two): a reading fix the drafting side should measure on "
        "reply quality; an English word after a subject pronoun, a modal or 'to' ('can you "
        "send', 'what does it cost') as a verb that names no thing: 585 / 69; English "
        "adverbial phrases ('in advance', 'straight away') as no thing: two mails' inputs "
        "changed, no verdict. Left: one lacked key term next to a well-matching article (the "
        "missing term is in the subject about as often in answerable mails as in gaps, 49 % "
        "against 57 %, and lies outside the whole KB in 42 % against 61 %: no class), and an "
        "asked action named by a verb ('pausieren', 'zusammenlegen'), which German key terms "
        "never count.",
        "",
        "Round 23 (2026-12-02, reading23; nested leave-one-set-out as round 21 over the "
        "nineteen dev sets, benchmarks/gap_nested.py on main 2bad808 and on the branch; the "
        "budget curve and the all-set refit from scratch runs on round 21's cached retrieval, "
        "which reproduce its counts). Adopted (drafter.drafting.situation.asking_sentences): "
        "the mail's first question is read under or after its greeting. A line that is only a "
        "salutation ('Hallo,', 'Guten Morgen Frau X,', 'Moin zusammen,', 'Hi there,', 'Dear Sir"
        " or Madam,', or up to three addressee words without a comma: 'Hallo', 'Sehr geehrte "
        "Damen und Herren') is never joined with the line below as a soft-wrapped line, and a "
        "salutation opening a sentence ('Hi, can I ...?', 'Hallo Frau X, können Sie ...?') is "
        "cut off instead of dropping the sentence with it; before, such a mail's asking "
        "sentences were empty and the gap decision read the subject alone. Before: 596 / 67; "
        "after: 599 / 69 (gaps_dev +1 gap +1 false alarm, gaps_dev3 21 -> 25 gaps and 4 -> 6 "
        "false alarms, gaps_dev4 +1 gap -1 false alarm (cut 4 chosen there), gaps_dev5 +1 false"
        " alarm, gaps_dev15 and gaps_test3 +1 gap, gaps_test4 +1 gap -1 false alarm; the refits"
        " cost gaps_dev6, gaps_dev11, gaps_dev17 and gaps_dev18 one gap each and gaps_dev8 "
        "two). At other budgets the same nested run gives 566 / 52 -> 568 / 53 (0.06), 580 / 61"
        " -> 589 / 59 (0.07), 607 / 78 -> 610 / 77 (0.09), 618 / 85 -> 623 / 84 (0.10): a curve"
        " as high or higher, not a move along it. Only the greeting line (round 21's candidate,"
        " without the inline salutation): 595 / 68, not adopted alone. Product path with the "
        "shipped constants (cached retrieval): gaps flagged 592 -> 601 of 848, answerable "
        "flagged 65 -> 68; the golden cases unchanged (4 of 4 gaps, 1 of 71 answerable). The "
        "all-set refit with the new reading (golden and dev sets: WEIGHTS [0.6773, -2.0215], "
        "BIAS -0.1741, GAP_BELOW 0.49, PARTIAL_BELOW 0.62; on main's reading 0.6957, -1.9856, "
        "-0.1771, 0.48, 0.61) flags 607 / 71 on the dev sets in-sample against the shipped "
        "constants' 609 / 73 (model and shield, no subject cover): a threshold move on the same"
        " curve, so the shipped constants are kept (nested leave-one-set-out refits in every "
        "fold anyway). Template drafts unchanged: golden dev half fact coverage 0.835 -> 0.835,"
        " similarity 0.8151 -> 0.8154 (all 75: 0.810 -> 0.810, 0.8024 -> 0.8026); "
        "benchmarks.inbox_answers on inbox_dev1 0.424 / 4 leads / 11 holding before and after, "
        "on inbox_test (dev data) 0.777 / 8 / 1 before and after; defects on the sample inbox 0"
        " -> 0; `drafter eval drafts --no-llm` (pseudonymised mail): dev half fact coverage "
        "0.793 -> 0.793, similarity 0.8090 -> 0.8093, kb_partial 2 and kb_gap 4 of 40 before "
        "and after; all 75: 0.785 -> 0.785, 0.7996 -> 0.7993, MRR 0.929 -> 0.922, "
        "kb_gap_accuracy 0.973 -> 0.973, kb_partial 3 -> 4 (the changes outside the dev half "
        "were not looked at). Left: the answerable mails the new reading flags name a thing "
        "the best article says in other words (a weekday next to opening hours, a plain English"
        " noun next to its German-compound topic): the key-term coverage, not the reading; and "
        "drafter.knowledge.query.clean_body drops a first line under 80 characters that opens "
        "with a greeting even when the question is on it ('Hi, can I pay by PayPal?'), so the "
        "retrieval query and the per-question verdict still miss such a one-line question (a "
        "retrieval change, not measured here).",
        "",
        "Round 25 (2026-12-02, gaps25; nested leave-one-set-out as round 18 over the twenty "
        "dev sets, gaps_test5 retired to development data: 888 gaps and 888 answerable; "
        "scratch runs on cached retrieval of golden and the dev sets, reproducing "
        "benchmarks/gap_nested.py's 628 / 72 on main 5160956). Adopted "
        "(drafter.drafting.gap_verdict.rarest_unfound, a third input of the logistic model): "
        "the zipf of the rarest key term of the request that no retrieved passage (title and "
        "passage text, all five found) contains, UNFOUND_NONE 5.0 when every key term is in "
        "some passage; a German compound counts as found when a passage names both its pieces "
        "of four letters or more ('Abbuchungstermin': 'Abbuchung', 'Termin'; wordfreq knows "
        "neither the compound nor its head, so without this the golden case about the debit "
        "date became a false alarm); in a long mail the best-answered deciding question "
        "decides, as for the lacked key terms. Model and thresholds refitted on golden and "
        "the dev sets (GAP_BELOW 0.49 -> 0.45, PARTIAL_BELOW 0.60 -> 0.63). Nested, budget "
        "0.08: 628 / 72 -> 654 / 73 (the long-mail cut 2 chosen on every fold; with the "
        "shipped cut 3 fixed 629 / 71 -> 653 / 73; UNFOUND_NONE chosen inside each fold too "
        "among 4.5, 5.0, 5.5 and 6.0: 653 / 74, 5.0 on 12 folds, 4.5 on 7, 5.5 on 1); per set "
        "(gaps / false alarms) gaps_dev +4 / -1, gaps_dev8 +4 / -1, gaps_dev14 +4 / +2, "
        "gaps_dev13 +3 / 0, gaps_dev4 and gaps_dev6 +2 / +1, gaps_dev11 +2 / 0, gaps_test5 +2 "
        "/ -1, gaps_dev3 +1 / +1, gaps_dev10 and gaps_test4 +1 / -1, gaps_dev12 +1 / 0, "
        "gaps_test3 -1 / 0, gaps_dev7 0 / +2, gaps_test2 0 / +1, gaps_dev5 and gaps_dev18 0 / "
        "-1. At other budgets: 600 / 53 -> 605 / 54 (0.06), 617 / 62 -> 633 / 63 (0.07), 643 "
        "/ 82 -> 658 / 82 (0.09), 655 / 89 -> 674 / 90 (0.10): a higher curve, not a move "
        "along it. Other definitions measured in the same nested run (before the compound "
        "pieces and the long-mail rule; default 5.0): the request's terms against the full "
        "articles of all five 635 / 71, of the best one 642 / 72, of the best three 641 / 71; "
        "the whole query's terms against the full articles 648 / 72, against the passages 651 "
        "/ 75; the request's terms against the passages 651 / 72 (the adopted one); the count "
        "of such terms instead of their rarity 627 / 75. Product path with the new constants "
        "(cached retrieval, in-sample): gaps flagged 628 -> 644 of 888, answerable flagged 70 "
        "-> 69; the golden cases unchanged (4 of 4 gaps, 1 of 71 answerable); `partial` "
        "(kb_partial) on answerable mails 114 -> 112 of 888 dev (partial or missing 184 -> "
        "181, the 0.20 budget), on the golden answerable 6 -> 9 of 71. `drafter eval drafts "
        "--no-llm` on cases_sample (75): kb_gap_accuracy 0.973 -> 0.973, kb_gap 6 -> 6, "
        "kb_partial 4 -> 7, fact coverage 0.789 and similarity 0.7997 unchanged. Held-out "
        "sets not run (the integrator's).",
        "",
        "Round 26 (2026-12-02, gaps26; nested leave-one-set-out as round 25 over the twenty dev"
        " sets: 888 gaps and 888 answerable; scratch runs on round 25's cached retrieval of "
        "golden and the dev sets, reproducing benchmarks/gap_nested.py's 654 / 73 on int "
        "7a6c63a). Fourth inputs of the logistic model measured first, none adopted (nested, "
        "budget 0.08, the long-mail cut chosen): the count of unfound key terms beside their "
        "rarity 653 / 75; unfound terms no article of the whole KB names, counted 654 / 74 or "
        "as the rarest one's zipf 651 / 73; the best passage's retrieval score 650 / 76; the "
        "margin between the first two passages' scores 652 / 71; a best passage in the other "
        "language 653 / 72; a yes/no question on an offer 645 / 72; an amount asked 653 / 73; "
        "the number of key terms 650 / 73; the share of them unfound 653 / 74; the mean zipf of"
        " the unfound ones 654 / 74; the second-rarest 651 / 73; the rarest unfound term of the"
        " subject 646 / 74. Adopted, a rule (drafter.drafting.gap_verdict.UNSHIELD_ZIPF, "
        "shielded): a key term no retrieved passage contains rarer than zipf 3.0 ('Klarna' "
        "2.15, 'Giropay' 1.95) lifts the support shield, however few key terms the best article"
        " lacks; GAP_BELOW refitted with the new shield on golden and the dev sets 0.45 -> 0.42"
        " (fit 0.419; PARTIAL_BELOW's fit 0.634 unchanged). Nested, budget 0.08: 654 / 73 -> "
        "658 / 72 with the rarity fixed at 3.0 (the shipped rule; benchmarks/gap_nested.py run"
        " on this branch, product path: 658 / 72 too); chosen inside each fold among never, "
        "1.0, 2.0, 2.5 and 3.0: 659 / 73 "
        "(3.0 on 13 folds, 2.5 on 6, 1.0 on 1); fixed 1.0 659 / 71, 2.0 659 / 72, 2.5 661 / 72."
        " Per set (fixed 3.0, gaps / false alarms): gaps_dev6 +3 / 0, gaps_dev +2 / 0, "
        "gaps_dev4 +2 / -1, gaps, gaps_dev5, gaps_dev13 and gaps_test3 +1 / 0, gaps_dev7 0 / "
        "-2, gaps_dev8 -1 / +1, gaps_dev11 and gaps_test4 -1 / 0, gaps_dev14 -4 / +1 (the long-"
        "mail cut 4 chosen there). At other budgets: 605 / 54 -> 610 / 56 (0.06), 633 / 63 -> "
        "638 / 64 (0.07), 658 / 82 -> 669 / 82 (0.09), 674 / 90 -> 686 / 89 (0.10). Product "
        "path with the new constants (cached retrieval, in-sample): gaps flagged 644 -> 654 of "
        "888, answerable flagged 69 -> 68; `partial` on gaps 114 -> 104, on answerable mails "
        "112 -> 113; the golden cases unchanged (4 of 4 gaps, 1 of 71 answerable flagged, 9 of "
        "71 answerable `partial`: not brought down). Held-out sets not run (the integrator's).",
        "",
        "Round 27 (2026-12-03, gaps29; gaps_test6 retired to development data first, its last "
        "held-out figures 35 of 40 gaps, 1 of 40 false alarms; nested leave-one-set-out as "
        "round 25 over the twenty-one dev sets: 928 gaps and 928 answerable; scratch runs on "
        "cached product-path retrieval of golden and the dev sets, reproducing "
        "benchmarks/gap_nested.py's 697 / 76 on this branch before the round). Adopted "
        "(drafter.drafting.gap_verdict.UNSHIELD_TERMS_LONG): a long mail loses the support "
        "shield when its best-answered asking sentence names two things the best article "
        "lacks (short mails keep three): the cut the nested run chooses inside its folds (2 on "
        "20 folds, 4 on gaps_dev14; on every fold in round 25 too), which the product had not "
        "taken (the short-mail cut, chosen again inside each fold among 2, 3 and 4: 3 on 19 "
        "folds, 2 on 2, 695 / 80; fixed 2 695 / 76, 3 697 / 76, 4 680 / 75: it stays 3); "
        "with it the model and thresholds refitted on golden and the twenty-one dev "
        "sets (GAP_BELOW 0.42 -> 0.44, PARTIAL_BELOW 0.63 -> 0.64). Nested: 697 / 76 before "
        "and after (the nested run chose the cut per fold already: the product now ships what "
        "it measures, no nested gain). Product path, in-sample: dev gaps flagged 689 -> 693 of "
        "928, answerable flagged 69 -> 70 (the cut alone with round 26's constants 690 / 69); "
        "`partial` on gaps 108 -> 105, on answerable 120 -> 121; the golden cases unchanged "
        "(4 of 4 gaps, 1 of 71 answerable flagged, 9 of 71 answerable `partial`). Measured, "
        "not adopted (nested, budget 0.08): one key term per stem ('Renting ... rent', "
        "'Wiedereinschaltung ... Wiedereinschalten' counted once) 694 / 76; fourth inputs: the "
        "logit of the support times (5 minus the rarest unfound zipf) 702 / 73 at 0.08 but "
        "not a higher curve (0.06: 653 / 58 -> 656 / 57, 0.07: 680 / 66 -> 673 / 67, 0.09: "
        "704 / 85 -> 705 / 84, 0.10: 724 / 93 -> 717 / 93; its gain mostly gaps_dev14 +4), "
        "the same with the support's probability 698 / 73, the lacked count times the logit "
        "696 / 77, times (5 minus the rarity) 695 / 76, no lacked term as a flag 697 / 75, the "
        "lacked count's log 696 / 76 or capped at 3 694 / 76, the contact reasons among the "
        "top 3 passages 688 / 75 or top 5 700 / 77, the first two passages of one reason "
        "696 / 75. Left: gaps whose every key term a retrieved article names (131 dev gaps "
        "answered, most asking an action or a property by a verb or an adjective: 'abkaufen', "
        "'saisonal buchen', 'zweite Rufnummer', 'dynamischer Tarif'), and answerable mails "
        "whose gold article is German-only for an English mail.",
        "",
        "Round 28 (2026-12-03, gaps30; gaps_test7 retired to development data first, its last "
        "held-out figures 28 of 40 gaps, 3 of 40 false alarms; nested leave-one-set-out as "
        "round 25 over the twenty-two dev sets: 968 gaps and 968 answerable; scratch runs on "
        "cached product-path retrieval of golden and the dev sets, reproducing "
        "benchmarks/gap_nested.py's 726 / 79 on this branch before the round). Nothing "
        "adopted: nested 726 / 79 before and after, the product unchanged. Measured (nested, "
        "budget 0.08; in brackets the long-mail cut fixed at 2): whether the best article "
        "answers the ask, an amount or a time asked and no sentence of the best article that "
        "names a key term of the request carrying such a value, 723 / 79 (726 / 78; on "
        "0.18 of the gaps and 0.17 of the answerable mails); asked words that name no thing "
        "(verbs and adjectives rarer than zipf 4.0: 'abkaufen', 'dynamisch') the best article "
        "lacks, as an input 720 / 77 (3.5: 722 / 80, 4.5: 712 / 78), added to the lacked "
        "count 715 / 79 (3.0: 719 / 79, 3.5: 714 / 79); an asking sentence that refers back "
        "('Geht das beim Glasfasertarif?', 'how much is it?') read with the sentence before "
        "it, 703-711 / 77-80 (the count changes on answerable mails as often as on gaps: "
        "102-181 gaps, 112-165 answerable); a German compound covered by its pieces only "
        "within one sentence of the article 724 / 78; the share of the request's content "
        "stems in the best article 724 / 80, in one sentence 716 / 76, in two adjacent "
        "sentences 718 / 79; the USE cosine of each asking sentence (with the subject) to "
        "the best article's sentences (AUC 0.73, the support's 0.79): the best-matched ask "
        "726 / 80, the worst-matched 726 / 76 but not a higher curve (0.05: 640 / 50 -> 657 "
        "/ 50, 0.06: 682 / 59 -> 688 / 58, 0.07: 707 / 68 -> 711 / 70, 0.09: 735 / 88 -> 732 "
        "/ 89, 0.10: 744 / 95 -> 749 / 96), the mean 731 / 81; English mails whose best "
        "article is German (25 gaps, all flagged; 22 answerable, 10 flagged: their lacked "
        "terms are domain words the encoder puts below TRANSLATED_MIN, 'fibre' / "
        "'Glasfaser' 0.59, 'cancel' / 'Kündigung' 0.59, next to gap words above it, "
        "'discount' / 'Preissenkung' 0.61): TRANSLATED_MIN 0.6 728 / 79 (0.05: 665 / 52, "
        "0.06: 690 / 59, 0.07: 712 / 70, 0.09: 734 / 90, 0.10: 750 / 95; not higher at "
        "0.09, and it would also loosen drafter.drafting.question_verdict, unmeasured), 0.65 "
        "727 / 79, 0.75 721 / 78; their lacked count capped at 0, 1, 2 or 3: 718 / 78, 727 "
        "/ 77, 722 / 78, 727 / 79; flags as a fourth input: an English mail 726 / 78 (730 / "
        "78), a long mail 729 / 80, a short one 730 / 79, no lacked term 727 / 79; "
        "retrieval shape: the first two passages of one article 726 / 79, distinct articles "
        "in the top 5 726 / 79, the fused-score margin 723 / 78, the number of asking "
        "sentences 724 / 80; the subject's key terms the best article lacks 727 / 78, its "
        "title lacks 720 / 78; the request's words as common as everyday ones (zipf 5.0 to "
        "6.0: 'interest', 'Preis') the best article lacks 722 / 77 (to 5.5: 720 / 78, to "
        "6.5: 723 / 78); a `missing` threshold per language (each within the budget on "
        "its language's fitted mails; long-mail cut 2) 733 / 79 but not a higher curve "
        "(0.06: 683 / 59 -> 656 / 58, 0.10: 749 / 96 -> 759 / 101). The model refitted on "
        "golden and the twenty-two dev sets "
        "(MEAN (0.3191, 1.6275, 3.9417), SCALE (2.1626, 1.7299, 1.4426), WEIGHTS (0.601, "
        "-1.8425, 0.6873), BIAS -0.2406; GAP_BELOW 0.44 and PARTIAL_BELOW 0.64 unchanged): "
        "in-sample one false alarm more (gaps_test6 1 -> 2 of 40), no gap more: round 27's "
        "constants kept. Left, as in round 27: gaps whose every key term the best article "
        "names, the missing piece being the answer (dev gaps answered with no lacked term "
        "and support at least 0.6: 43, against 398 answerable), and English mails whose "
        "gold article is German-only.",
        "",
        "Round 29 (2026-12-03, gaps31; gaps_test8 retired to development data first, its last "
        "held-out figures 32 of 40 gaps, 2 of 40 false alarms; nested leave-one-set-out as "
        "round 25 over the twenty-three dev sets: 1008 gaps and 1008 answerable; scratch runs "
        "on cached product-path retrieval of golden and the dev sets, reproducing "
        "benchmarks/gap_nested.py's 762 / 81 on this branch before the round). Adopted: the "
        "operating point, GAP_BUDGET 0.08 -> 0.085 and GAP_BELOW refitted with it on golden "
        "and the twenty-three dev sets 0.44 -> 0.46 (fit 0.462; PARTIAL_BELOW fit 0.643, "
        "kept 0.64; the model's weights kept: refitted on the twenty-three sets they flag no "
        "more gaps in-sample at any GAP_BELOW 0.44-0.48 and more answerable mails, at 0.45 "
        "757 / 83 against 756 / 78). The nested curve (gaps / false alarms of 1008 each, "
        "the long-mail cut chosen inside each fold): budget 0.06 714 / 63, 0.07 742 / 72, "
        "0.075 751 / 77, 0.08 762 / 81, 0.085 766 / 87, 0.089 768 / 90, 0.09 769 / 91 "
        "(0.0903, above the 0.09 the round allowed), 0.10 784 / 99; folds above 0.10 false "
        "alarms: 0 at 0.06 (worst 0.10), 1 at 0.07 (0.12), 7 at 0.08 (0.125), 8 at 0.085 "
        "and 0.09 (0.14: 7 of 50 on gaps_dev4 and gaps_dev7), 9 at 0.10 (0.15). 0.085 is the "
        "highest recall that keeps a margin below 0.09 (0.086-0.089 add one or two gaps for "
        "two or three false alarms). benchmarks.gap_nested: 762 / 81 -> 766 / 87 (gaps_dev, "
        "gaps_dev14, gaps_test3 and gaps_test8 one gap more; gaps_dev4, gaps_dev7, "
        "gaps_dev10, gaps_dev17, gaps_test5 and gaps_test6 one false alarm more). Product "
        "path, in-sample: dev gaps flagged 753 -> 759 of 1008, answerable flagged 75 -> 82; "
        "`partial` on gaps 116 -> 110, on answerable 128 -> 121; the golden cases unchanged "
        "(4 of 4 gaps, 1 of 71 answerable flagged, 9 of 71 answerable `partial`; the "
        "threshold only rises, so no golden case changes); through the engine "
        "(benchmarks.bench_replies --dev, --no-llm drafts; GAP_BELOW 0.44 against 0.46): the "
        "golden dev half's fact coverage 0.854 and similarity 0.8232 before and after, the "
        "answers bench 3 holding of 31 before and after, the sample inbox and the tickets "
        "0 defects. Measured, not adopted (nested; "
        "cells at budgets 0.07 / 0.08 / 0.085 / 0.09 against 742 / 72, 762 / 81, 766 / 87, "
        "769 / 91): fourth inputs: the share of the request's key terms the best article "
        "lacks (the lacked count over the key terms of the subject and the asking "
        "sentences) 745 / 72, 766 / 84, 774 / 86, 776 / 93 (0.06: 723 / 63, 0.075: 757 / "
        "75) but lower at 0.10 (780 / 101) and its fitted weight positive (0.20; the count's "
        "-1.83 -> -2.04): at the same count a larger share scores as answerable, against the "
        "gap rates per count (one lacked of one key term: 17 gaps, 25 answerable; of six or "
        "more: 9, 25), so a bend of the count, not a signal (round 27 did not take the "
        "support times the rarity on such a curve either; round 14 measured the share on "
        "the two-input model: no gain); the number of the request's key "
        "terms 738 / 72, 761 / 83, 766 / 88, 771 / 93; those the best article names 737 / "
        "72, 762 / 84, 766 / 88, 771 / 93; key terms no article of the KB names (KB-wide "
        "stems, the count capped at 5) 741 / 73, 758 / 82, 765 / 86, 771 / 93, the zipf of "
        "the rarest of them 742 / 72, 760 / 81, 766 / 87, 768 / 91. Where the misses are "
        "(product path at the new point, in-sample): 249 dev gaps not flagged, 152 of them "
        "under the support shield (support at least 0.6, fewer lacked terms than the cut), "
        "68 with no lacked key term (44 of those with support at least 0.6), 116 with one; "
        "82 false alarms, 47 of them lacking two or more key terms under support below "
        "0.6, 10 English mails whose best article is German (of 22 such answerable mails; "
        "all 25 such gaps flagged: a cap on their lacked count trades one for one, 7 false "
        "alarms and 6 gaps at two, in-sample). gaps_test8, now in-sample (33 of 40, 2 of 40): of 7 "
        "gaps missed, 3 shielded by a well-matching article (a router's model, a meter "
        "cabinet's renewal, interest on a credit), 1 kept by the subject's cover (a tariff's "
        "energy mix, four lacked terms), 3 weakly matched lacking one key term or none "
        "(signing a contract at 17, a second phone number, TV over fibre in a lowercase "
        "mail); its 2 false alarms are short English mails lacking 3 and 5 key terms. The "
        "subject's cover (drafter.drafting.closeness.covers_topic) keeps 10 dev gaps and 6 "
        "dev answerable mails (2 golden) from `missing` at the new point; 8 of the 10 gaps "
        "and 4 of the 6 answerable lack three or more key terms (none of the golden): not "
        "measured nested, not changed.",
        "",
        "Round 30 (2026-12-03, gaps32; gaps_test9 retired to development data first, its last "
        "held-out figures 35 of 40 gaps, 2 of 40 false alarms; nested leave-one-set-out as round "
        "25 over the twenty-three dev sets up to gaps_test8, gaps_test9 kept out of every fit and"
        " run once at the end: 1008 gaps and 1008 answerable; scratch runs on cached product-path"
        " retrieval of golden and the dev sets, reproducing benchmarks/gap_nested.py's 766 / 87 "
        "before the round). The brief's family: 164 dev gaps not flagged under support at least "
        "0.6, 44 of them lacking no key term (against 422 answerable mails alike). Answer type "
        "against the passages, counted (asked by regular expressions on the subject and the "
        "asking sentences: an amount, a duration, a date): whether a value of the asked type (a "
        "number with a currency or 'kostenlos', a number with a time unit or 'sofort', a date) is"
        " in the best article: an amount missing from it on 40 of 272 gaps asking one and 45 of "
        "206 answerable, a duration on 0 of 46 and 0 of 146 (every article holds one); in the "
        "best passage (chunk) 141 / 272 against 98 / 206, 16 / 46 against 27 / 146; in any of the"
        " top 5 chunks 21 / 272 against 11 / 206; in the article sentence (or section) sharing "
        "most stems with the asking sentence, on the shielded unflagged mails 42 of 164 gaps "
        "against 172 of 684 answerable (section: 28 against 90): no separation, as rounds 13 and "
        "28 found; as fourth inputs (cut 2 fixed, budgets 0.07 / 0.08 / 0.085 / 0.09 / 0.10 "
        "against 743 / 72, 762 / 81, 766 / 87, 769 / 91, 787 / 100): sentence 744 / 72, 762 / 81,"
        " 766 / 88, 768 / 91, 786 / 100; section 743 / 73, 761 / 80, 767 / 87, 768 / 91, 786 / "
        "100; an amount asked and none in the best chunk 742 / 72, 766 / 83, 770 / 88, 773 / 93, "
        "782 / 101; dropped. What separates is the answer type asked itself: a time (a duration "
        "or a date) is asked by 262 of 1008 answerable mails and 54 of 1008 gaps ('how long' 68 "
        "answerable, 11 gaps; 'bis wann' 29, 4), an amount by 206 answerable and 272 gaps ('wie "
        "hoch' 0, 14): the sample KB states the durations and deadlines of its processes. Adopted"
        " (drafter.drafting.gap_verdict.asks_time, the model's fourth input; English 'when' only "
        "before an auxiliary, not the conjunction): the model refitted on golden and the "
        "twenty-three dev sets (MEAN (0.3334, 1.6375, 3.9373, 0.1583), SCALE (2.1812, 1.7483, "
        "1.4435, 0.365), WEIGHTS (0.6329, -1.7863, 0.7194, 0.5857), BIAS -0.2015; GAP_BELOW 0.46 "
        "-> 0.49, fit 0.494; PARTIAL_BELOW fit 0.643, kept 0.64). Nested (the long-mail cut "
        "chosen inside each fold), gaps / false alarms: budget 0.06 714 / 63 -> 729 / 62, 0.07 "
        "742 / 72 -> 747 / 72, 0.08 762 / 81 -> 768 / 82, 0.085 766 / 87 -> 783 / 88 (0.78 / "
        "0.087), 0.09 769 / 91 -> 782 / 93, 0.10 784 / 99 -> 793 / 100: a higher curve. Worst "
        "fold at 0.085: folds above 0.10 false alarms 8 -> 5, but the worst one worse, 7 of 50 "
        "(gaps_dev4, 0.14) -> 7 of 40 (gaps_dev10, 0.175; at 0.10 0.15 -> 0.22 on gaps_dev7). An "
        "amount asked as well 754 / 72, 771 / 85, 775 / 88, 781 / 91, 795 / 104 (cut 2 fixed); "
        "the time asked only with support at least 0.2 / 0.3 / 0.4 / 0.5, or times the support's "
        "logit: no higher (779-766 / 86-89 at 0.085); a time asked and a time value in the top 3 "
        "chunks 775 / 85 at 0.085 (full nested), lower than the plain flag. Product path, "
        "in-sample: dev gaps flagged 759 -> 773 of 1008, answerable flagged 82 -> 84; `partial` "
        "on gaps 110 -> 113, on answerable 121 -> 119; the golden cases: 4 of 4 gaps and 1 of 71 "
        "answerable `missing` unchanged, `partial` 9 -> 8 of 71 (one answered -> partial, two "
        "partial -> answered; no holding reply on an answerable case). gaps_test9, out of the "
        "fit, run once on this code before its rows were read (the honest estimate): 34 of 40 "
        "gaps (before 35), 2 of 40 false alarms (before 2); de 18 / 1 of 20, en 16 / 1 of 20; "
        "`partial` on answerable 4 -> 8. Read afterwards: the gap lost is a time asked under a "
        "weak match ('Gibt es einen Zeitplan, wann ihr hier ausbaut?', support 0.14, one lacked "
        "term: 0.43 -> 0.74, answered): the time input outweighs a poor match, the risk of the "
        "flag (the support-gated variants above did not show it on the dev sets); 'How far ahead "
        "do you tell me ...' asks a time the expression misses. Left: yes/no on a condition and "
        "procedures against articles naming every key term (no lexical signal found), time "
        "questions about a thing the KB lacks under a weak match. With gaps_test9 among the sets "
        "afterwards (twenty-four, 1048 gaps and 1048 answerable; the scratch reproduction), "
        "nested at 0.085: 798 / 89 -> 817 / 92, gaps_test9's fold 35 / 2 -> 34 / 2, folds above "
        "0.10 false alarms 8 -> 6. Through the engine (benchmarks.bench_replies --dev, --no-llm "
        "drafts, this branch against main a16fd3c, run at the end): the golden dev half's fact "
        "coverage 0.854 and similarity 0.8232 unchanged, the sample inbox 0 defects, but the "
        "answers bench 3 -> 4 holding replies of 31 (found 0.734 -> 0.701): one answerable mail "
        "more gets a holding reply, not yet analysed (left for the next round or the "
        "integrator's judgement).",
        "",
        "A rule instead of an input: a mail whose subject names a thing no article of the KB "
        "mentions, with the best passage's support below "
        f"{gv.SURE_SUPPORT}, is a gap. Pooled over the dev sets (golden left out), in-sample: "
        f"the product {product[0]:.2f} / {product[1]:.2f}, the product plus the rule "
        f"{with_rule[0]:.2f} / {with_rule[1]:.2f}. " + _threshold_match(mails, with_rule[1]),
    ]


def _threshold_match(mails: list[Mail], false_alarms: float) -> str:
    """The product's recall when only its `missing` threshold is moved to reach the same
    pooled false alarms (the rule is no better than that when this recall is as high)."""
    original = gv.GAP_BELOW
    best = None
    try:
        for step in range(0, 41):
            gv.GAP_BELOW = original + step * 0.01
            recall, fa = _pooled(
                mails,
                lambda m: (
                    gv.decide(m.subject, m.body, m.passages, m.texts, m.lang, False) == gv.MISSING
                ),
            )
            if fa <= false_alarms + 1e-9:
                best = (gv.GAP_BELOW, recall, fa)
    finally:
        gv.GAP_BELOW = original
    if best is None:
        return "No threshold of the product reaches that false-alarm rate."
    return (
        f"Moving the product's threshold alone (GAP_BELOW {best[0]:.2f}) gives "
        f"{best[1]:.2f} / {best[2]:.2f} on the same mails: the rule is a different operating "
        "point, not a better signal."
    )
