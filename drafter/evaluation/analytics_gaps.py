"""Knowledge-gap topics for the desk analytics (drafter.evaluation.analytics): the emails
whose first draft carried a `kb_gap` warning, grouped by word overlap (Jaccard of content
words) so KB authors see what to write next, with their questions and subjects masked as the
model sees them (no personal data in a report that is passed on)."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field

from drafter.config import Settings
from drafter.evaluation.email_facts import EmailFacts
from drafter.privacy.patterns import PLACEHOLDER_RE

GAP_SIMILARITY = 0.2  # Jaccard of content words above which two gap emails are one topic
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


@dataclass
class GapTopic:
    label: str  # the subject of the first email in the group
    count: int
    email_ids: list[int]
    terms: list[str]
    languages: dict[str, int]
    questions: list[str] = field(default_factory=list)  # what the customers asked, one each
    # how many of its emails each signal flagged: "retrieval" (drafter.knowledge.gap), "model"
    # (the model's own `#kb: missing` verdict); an email both flagged counts in both
    signals: dict[str, int] = field(default_factory=dict)


def question_of(subject: str, body: str, limit: int = 160) -> str:
    """The customer's question: the first sentence ending in '?', else the subject. A line
    break inside a paragraph (mail is wrapped at ~72 characters) does not end a sentence:
    "Gibt es eine Förderung" + line break + "oder einen Zuschuss dafür?" is one question,
    not "oder einen Zuschuss dafür?"."""
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", body))
    for sentence in (s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+", p)):
        sentence = sentence.strip()
        if sentence.endswith("?") and len(sentence) > 8:
            return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"
    return subject or "(no subject)"


def content_words(subject: str, body: str, language: str) -> list[str]:
    """Lower-cased words of 3+ letters of the request (no greeting, closing or stop words),
    each once, in the order the customer wrote them. An ordered list, not a set: a topic's
    words are its most frequent ones, ties in this order; taken from a set, the report and
    the figures screen named other words on every run (Python salts string hashes per
    process: "tag, balkonkraftwerk, förderung" then "photovoltaikanlage, förderung, dach")."""
    from drafter.knowledge.retrieve import build_query
    from drafter.toolkit import stop_words

    text = PLACEHOLDER_RE.sub(" ", build_query(subject, body))  # no "name" from [NAME_1]
    stops = stop_words("en" if language == "en" else "de")
    words = (m.group(0).casefold() for m in _WORD.finditer(text))
    return list(dict.fromkeys(w for w in words if w not in stops))


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def gap_of(draft_json: str) -> tuple[bool, list[str]]:
    """Whether a stored draft had a kb_gap warning, and which signals raised it (drafts made
    before the model's verdict was stored only had the retrieval signal)."""
    try:
        data = json.loads(draft_json)
    except ValueError:
        return False, []
    if not isinstance(data, dict):
        return False, []
    warnings = data.get("warnings") or []
    gap = any(isinstance(w, dict) and w.get("code") == "kb_gap" for w in warnings)
    signals = [s for s in data.get("gap_signals") or [] if s in ("retrieval", "model")]
    if gap and not signals:
        signals = ["retrieval"]
    return gap, signals if gap else []


def open_questions_of(draft_json: str) -> list[str]:
    """The requests a stored draft's mail left open (`gap_questions`), [] for drafts without."""
    try:
        data = json.loads(draft_json)
    except ValueError:
        return []
    found = data.get("gap_questions") if isinstance(data, dict) else None
    return [q for q in found if isinstance(q, str) and q.strip()] if isinstance(found, list) else []


def _gap_words(item: EmailFacts) -> list[str]:
    """What a gap email asks about: its open questions when the draft answered the rest
    (drafter.drafting.question_verdict), else its subject and message."""
    if item.gap_questions:
        return content_words(" ".join(item.gap_questions), "", item.language)
    return content_words(item.subject, item.body, item.language)


def _gap_question(item: EmailFacts) -> str:
    return item.gap_questions[0] if item.gap_questions else question_of(item.subject, item.body)


def mask_gap_texts(items: list[EmailFacts], settings: Settings) -> None:
    """Replace the personal data in the subject and message of every knowledge-gap email by
    placeholders (drafter.privacy, as the model sees the mail): the gap topics show them to
    whoever reads the report or the figures screen, and a team lead needs the question, not
    the customer number or the name."""
    from drafter.models import InboundEmail
    from drafter.privacy.pseudonymize import Pseudonymizer

    gaps = [i for i in items if i.kb_gap]
    if not gaps:
        return
    pseudonymizer = Pseudonymizer(settings)
    for item in gaps:
        try:
            email = InboundEmail.model_validate_json(item.email_json)
        except ValueError:
            email = InboundEmail(subject=item.subject, body=item.body)
        email = email.model_copy(update={"subject": item.subject})  # the row's when JSON has none
        masked, _ = pseudonymizer.redact_email(email)
        item.subject, item.body = masked.subject, masked.body


def gap_topics(items: list[EmailFacts], threshold: float = GAP_SIMILARITY) -> list[GapTopic]:
    """Emails whose first draft had a kb_gap warning, grouped by content-word overlap."""
    clusters: list[tuple[set[str], list[EmailFacts]]] = []
    for item in (i for i in items if i.kb_gap):
        words = set(_gap_words(item))
        best, best_score = None, threshold
        for index, (seed, _members) in enumerate(clusters):
            score = jaccard(words, seed)
            if score >= best_score:
                best, best_score = index, score
        if best is None:
            clusters.append((words, [item]))
        else:
            clusters[best][1].append(item)
    topics = []
    for _seed, members in clusters:
        counts: Counter[str] = Counter()
        for member in members:
            counts.update(_gap_words(member))
        shared = [w for w, n in counts.most_common() if n > 1 or len(members) == 1][:6]
        topics.append(
            GapTopic(
                label=members[0].subject or "(no subject)",
                count=len(members),
                email_ids=[m.email_id for m in members],
                terms=shared,
                languages=dict(Counter(m.language for m in members)),
                questions=[_gap_question(m) for m in members[:5]],
                signals=dict(Counter(s for m in members for s in m.gap_signals)),
            )
        )
    return sorted(topics, key=lambda t: (-t.count, t.email_ids[0]))
