"""Does one sentence of the best article state what one sentence of the request asks?

drafter.drafting.gap_verdict counts the key terms (the things: nouns, abbreviations) of the
request that the best article lacks. A "near" gap names only things the article has, and asks
for an action or a condition the article never states: "Darf ich den Hausübergabepunkt selbst
versetzen?" next to an article on the fibre installation that names the Hausübergabepunkt,
"Can you send the credit to my son's account?" next to the refund article. The words that
carry that action are verbs and qualifiers ("versetzen", "send", "son's", "early"), which a
count of missing things cannot see.

`unstated_words` reads each asking sentence of the mail (drafter.drafting.situation) and
finds the single sentence of the article (with the article's title; the items of a list count
as one sentence) that states the most of its words; what that best sentence leaves
out is unstated. The words counted are the
sentence's words of four letters or more that are less common than everyday words (wordfreq
zipf below gap_verdict's EVERYDAY_ZIPF), that name something (drafter.drafting.thing_words:
no times, tone or adverbs) and that do not only say what type of answer is wanted ("kostet",
"fee", "allowed": the type of answer, not the asked action). The result is the largest count
over the asking sentences: one unanswered question is enough.

Only an article in the mail's language is read (the words are compared as stems); for an
article in the other language the count is 0, so the decision stays as before.
"""

from __future__ import annotations

import re

from drafter.drafting.article_units import terms
from drafter.drafting.situation import asking_sentences
from drafter.drafting.thing_words import names_no_thing, zipf
from drafter.toolkit import wordset

_WORD = re.compile(r"[^\W\d_][\w-]*[^\W\d_]")
#: article units: sentences (after a stop, a question or exclamation mark) and blocks (after a
#: blank line); a single line break does not end one, so the items of a list are read together
#: ("- Email to ...", "- Letter to ...": how to cancel)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
#: words that ask for a type of answer (an amount, a time, a permission), not for an action
_ANSWER_TYPE = wordset(
    "kostet kosten gebühr preis hoch viel lange wann darf dürfen kann können könnt muss "
    "müssen möglich geht "
    "much cost costs fee charge price long soon early often when allowed possible must "
    "could have"
)


def asked_words(sentence: str, language: str, everyday: float) -> set[str]:
    """Stems of the words of `sentence` that carry what it asks (see the module docstring)."""
    stems: set[str] = set()
    for match in _WORD.finditer(sentence):
        word = match.group()
        low = word.lower()
        if len(word) < 4 or low in _ANSWER_TYPE:
            continue
        if names_no_thing(word, sentence, match.start(), language):
            continue
        if zipf(low, language) >= everyday:
            continue
        stems.update(terms(word, language))
    return stems


def unstated_words(
    body: str, title: str, article: str, language: str, article_language: str, everyday: float
) -> int:
    """The most asked words (`asked_words`) of one asking sentence of `body` that the best
    single sentence of the article (`title` counts with every sentence) leaves out; 0 for an
    article in another language than the mail's."""
    if article_language and article_language != language:
        return 0
    heading = set(terms(title, language))
    sentences = [set(terms(s, language)) | heading for s in _SENTENCE.split(article) if s.strip()]
    worst = 0
    for asked in asking_sentences(body) or [body]:
        words = asked_words(asked, language, everyday)
        if words:
            stated = max((len(words & s) for s in sentences), default=0)
            worst = max(worst, len(words) - stated)
    return worst
