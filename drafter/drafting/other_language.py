"""A template draft whose answer exists only in an article of the other language.

The knowledge base's two languages are one knowledge base, but the English one is smaller:
many an English mail is answered only by a German article (and, more rarely, the other way
round). Retrieval ranks such an article first when it is closer in meaning than every article
in the mail's language (drafter.knowledge.fusion.prefer_language). The template draft copies
knowledge-base sentences verbatim and cannot translate; before session 17 it pasted the best
article in the mail's language instead, which answered something else (the heaviest defect
of the blind reviews, "a whole unrelated article").

Now, when the best passage is in the other language (`answer_elsewhere`) and no article in
the mail's language among the best COVER_TOP plainly answers the subject
(drafter.drafting.closeness.covers_topic), the draft says only what is true without the
article: that the answer is being prepared (`preparing_text`, in the reply language and
register), plus the acknowledgement and the service contact line the other drafts have. The
answering article is cited there (its [n] marks the place of the answer) and named in a
`kb_partial` warning (`notice`), so the agent translates its facts into the reply in the desk;
no German rule is pasted into an English reply and no unrelated English article either. A
knowledge-gap verdict keeps the gap text (the engine decided the article does not answer).
"""

from __future__ import annotations

from collections.abc import Sequence

from drafter.drafting.closeness import covers_topic
from drafter.models import DraftWarning, Passage

__all__ = ["answer_elsewhere", "notice", "preparing_text"]

#: articles in the mail's language (best first) whose plain answer to the subject keeps the
#: ordinary draft although an other-language article ranks first
COVER_TOP = 2
LANGUAGE_NAMES = {"de": ("German", "Deutsch"), "en": ("English", "Englisch")}


def answer_elsewhere(
    passages: Sequence[Passage], texts: Sequence[str], language: str, about: str, close: float
) -> list[int]:
    """Indices of the passages that answer in the other language only: the best passage when
    it is in another language than `language` and no article in `language` among the first
    COVER_TOP of that language plainly answers the subject `about`, with the further
    other-language passages scoring at least `close` x its score (the share a second article
    of an ordinary draft needs, drafter.drafting.extractive.CLOSE); [] otherwise."""
    if not passages or _same(passages[0], language):
        return []
    own = [i for i, p in enumerate(passages) if _same(p, language)][:COVER_TOP]
    if about and any(covers_topic(about, passages[i].title, texts[i], language) for i in own):
        return []
    top = passages[0].score
    return [
        i
        for i, p in enumerate(passages)
        if not _same(p, language) and (i == 0 or (top > 0 and p.score / top >= close))
    ]


def _same(passage: Passage, language: str) -> bool:
    return not passage.language or passage.language == language


def preparing_text(language: str, marker: str) -> str:
    """The paragraph in place of the answer: it is being prepared (Sie in German; the draft's
    Du conversion handles Du). `marker`: the answering article's citation ("[1]")."""
    if language == "de":
        return (
            f"Vielen Dank für Ihre Frage. Wir bereiten die Antwort darauf für Sie vor {marker} "
            "und melden uns so bald wie möglich bei Ihnen."
        )
    return (
        f"Thank you for your question. We are preparing the answer for you {marker} and will "
        "get back to you as soon as possible."
    )


def notice(
    passages: Sequence[Passage], elsewhere: Sequence[int], order: Sequence[int], language: str
) -> list[DraftWarning]:
    """The warning naming the other-language articles (`elsewhere`: their indices; `order`:
    the draft's passage indices by first citation, which number them [1], [2]); [] without."""
    if not elsewhere:
        return []
    other = passages[elsewhere[0]].language or ""
    name = LANGUAGE_NAMES.get(other, (other, other))[0] or "other-language"
    reply = LANGUAGE_NAMES.get(language, (language, language))[0]
    named = "; ".join(f"[{1 + order.index(i)}] '{passages[i].title}'" for i in elsewhere)
    plural = "articles" if len(elsewhere) > 1 else "article"
    message = (
        f"the answer is in the {name} {plural} {named}, which the knowledge base has in no "
        f"{reply} version: this template draft does not translate it and only says the answer "
        f"is being prepared; write the answer in {reply} from that {plural} before sending"
    )
    return [DraftWarning(code="kb_partial", message=message)]
