"""What the customer's mail already does: a template draft never tells them how to do it.

Owns `acts_done` and `done_units`. An article section that explains how to make a request
("So kündigen Sie", "So widersprechen Sie", "So beantragen Sie die Löschung", "How to
complain", "Eine Kündigung in Textform genügt:") answers a customer who asks how; to a
customer whose mail is that request ("hiermit kündige ich …", "Ich untersage Ihnen hiermit
jede weitere Werbung", "I request a copy of all personal data", a complaint) it reads as an
instruction to do what they just did (blind reviews of sessions 9 and 10: inbox_test4 mails
03, 20, 30, 33, 36, 37 and inbox_test5 mails 06, 15, 26). Such a section's list (the channels
or steps; `_ONCE` says when its portal item stays) is left out when the mail does the act and
asks nothing about how to do it; the section's sentences stay ("Bitte nennen Sie Name,
Anschrift und …": what we need to match the request, which good replies say).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.drafting.article_units import parse_article
from drafter.drafting.portal import portal_step
from drafter.drafting.situation import situation

# a section telling how to do something: its heading or the lead-in of its list
HOW_TO = re.compile(
    r"^(?:So\s+(?!geht)\w+\s+Sie\b|How to\b|[^:]*\b(?:in Textform|in text form)\b[^:]*:?$)",
    re.I,
)
# what the section is about: its heading, lead-in, else the article's title
_ACT_WORDS = {
    "cancel": re.compile(r"kündig|\bcancel|\bnotice\b", re.I),
    "object": re.compile(r"widersp|\bobject|werbung|advertis|marketing", re.I),
    "delete": re.compile(r"lösch|delet|erasure", re.I),
    "access": re.compile(r"auskunft|\baccess\b|art\.? 15", re.I),
    "complain": re.compile(r"beschwer|complain", re.I),
    "correct": re.compile(r"korrektur|correction", re.I),
}
# the mail doing it, in a sentence that is no question (a complaint and a meter reading are
# told by drafter.drafting.situation)
_REQUEST_WORD = (
    r"(?:hiermit|fordere|verlange|beantrage|bitte|please|request|hereby|want|would like)"
)
_DOING = {
    "cancel": re.compile(
        r"\b(?:hiermit kündige|kündige ich|ich kündige)\b|\bhereby\b[^.!?]*\b(?:cancel|terminat|"
        r"notice)|\bplease (?:cancel|terminate) my\b|\bi (?:am|'m) (?:cancell?ing|terminating)\b",
        re.I,
    ),
    "object": re.compile(
        r"\b(?:untersage|widerspreche)\b|\bkeine (?:weitere |neue )?werbung mehr\b|"
        r"\bi object\b|\bopt(?:ing)? out\b|\bno (?:more|further) (?:advertising|marketing|"
        r"adverts?|promotional)\b|\bstop (?:sending|contacting)\b",
        re.I,
    ),
    "delete": re.compile(
        rf"\b{_REQUEST_WORD}\b[^.!?]*\b(?:lösch\w*|delet\w*|eras\w*)\b|"
        rf"\b(?:lösch\w*|delet\w*|eras\w*)\b[^.!?]*\b{_REQUEST_WORD}\b",
        re.I,
    ),
    "access": re.compile(
        rf"\b{_REQUEST_WORD}\b[^.!?]*\b(?:auskunft|kopie|copy)\b[^.!?]*\b(?:daten|data)\b",
        re.I,
    ),
    "correct": re.compile(r"\b(?:beanstand\w*|reklamier\w*|disputing|i dispute)\b", re.I),
}
# done once: every way to do it is redundant. A standing choice (advertising, data access,
# deletion) keeps its portal item, where the customer manages it from now on (the golden
# replies say "Künftig können Sie … im Kundenportal unter Persönliche Daten > …"); the other
# channels (mail, letter, phone) are the ones they just used. A meter reading given is not
# judged at all: the golden replies tell how to submit the next one.
_ONCE = frozenset({"cancel", "complain", "correct"})
# a question about how to do it: the section answers it
_HOW_QUESTION = re.compile(r"\b(?:wie|wo|was muss|how|where|what do i)\b", re.I)
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")


def _act(label: str) -> str:
    """The act a heading, lead-in or title names ('' for none)."""
    return next((act for act, words in _ACT_WORDS.items() if words.search(label)), "")


def acts_done(text: str) -> set[str]:
    """The requests the mail `text` itself makes (or says it made): 'cancel', 'object',
    'delete', 'access', 'complain', 'correct'; an act the mail asks how to do
    ("Wie kann ich kündigen?") is not done."""
    sentences = [s for s in _SENTENCES.split(text) if s.strip()]
    statements = [s for s in sentences if not s.rstrip().endswith("?")]
    questions = [s for s in sentences if s.rstrip().endswith("?") and _HOW_QUESTION.search(s)]
    done = {act for act, doing in _DOING.items() if any(doing.search(s) for s in statements)}
    if situation(text) == "complaint":
        done.add("complain")
    return {act for act in done if not any(_ACT_WORDS[act].search(q) for q in questions)}


def done_units(texts: Sequence[str], titles: Sequence[str], mail: str) -> set[tuple[int, int]]:
    """(passage number, position) of the list items of every how-to section (`HOW_TO`, by its
    heading or its list's lead-in) for an act the mail already does (`acts_done`)."""
    done = acts_done(mail)
    if not done:
        return set()
    out = set()
    for n, (text, title) in enumerate(zip(texts, titles, strict=True), 1):
        for unit in parse_article(text, n):
            if unit.kind != "item":  # "Include your name, address …" still says what we need
                continue
            label = next((x for x in (unit.lead, unit.heading) if HOW_TO.match(x)), "")
            act = (_act(label) or _act(title)) if label else ""
            if act in done and (act in _ONCE or not portal_step(unit.text)):
                out.add((unit.passage, unit.position))
    return out
