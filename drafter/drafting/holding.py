"""The fixed text of a template draft that answers nothing yet: the knowledge-gap paragraph
(`gap_text`: what we cannot answer yet, that the team responsible checks it, and the customer
number when nothing in the mail identifies the contract) and the holding paragraph
(`holding_text`: the request is being checked), in German Sie and Du and in English.
`template_text` lists all of it for the checks, which must know drafter's own sentences.
`prospective` tells a mail from someone who is not a customer yet (a quote, a new building, an
order), whom a holding reply asks for no customer number. Used by
drafter.drafting.extractive; drafter.drafting.tidy recognises the gap paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.toolkit import wordset


def holding_text(language: str, formality: str, given: set[str]) -> str:
    """The holding paragraph of a draft that answers nothing yet (after the acknowledgement):
    the request is checked with the team responsible and we get back to the customer. It asks
    for the customer number only when nothing in the mail identifies the contract (`given`
    has none of `IDENTIFYING`: a contract or meter number identifies it too, and someone who
    is not a customer yet has none), and never asks the customer to describe again what their
    mail describes (replies25)."""
    number = not given & IDENTIFYING
    if language == "de" and formality == "du":
        ask = " Schick uns bitte dafür noch deine Kundennummer." if number else ""
        return (
            "Damit wir dir richtig weiterhelfen können, prüfen wir dein Anliegen mit der "
            f"zuständigen Fachabteilung.{ask} Wir melden uns so bald wie möglich bei dir."
        )
    if language == "de":
        ask = " Bitte nennen Sie uns dafür noch Ihre Kundennummer." if number else ""
        return (
            "Damit wir Ihnen richtig weiterhelfen können, prüfen wir Ihr Anliegen mit der "
            f"zuständigen Fachabteilung.{ask} Wir melden uns so bald wie möglich bei Ihnen."
        )
    ask = " To help them, please send us your customer number." if number else ""
    return (
        "So that we can help you properly, we are checking your request with the team "
        f"responsible.{ask} We will get back to you as soon as possible."
    )


# any of these identifies the contract: a gap draft then asks for nothing more
IDENTIFYING = frozenset({"customer_number", "contract_number", "meter_number"})


def gap_text(language: str, formality: str, given: set[str], about: str = "") -> str:
    """A knowledge gap said plainly (after the acknowledgement): on what (`about`, the mail's
    topic, else "this question") we cannot give reliable information yet, that the team
    responsible checks it, and, when nothing in the mail identifies the contract, the customer
    number (not a meter number: the team-lead review found it irrelevant to most questions
    a holding reply goes to, such as a portal, referral or fibre question)."""
    ask_data = not given & IDENTIFYING
    if language == "de":
        du = formality == "du"
        your, you = ("deine", "dir") if du else ("Ihre", "Ihnen")
        ask = "Schick uns bitte" if du else "Bitte senden Sie uns"
        on = (
            f"Zu {'deiner' if du else 'Ihrer'} Anfrage „{about}“ können"
            if about
            else ("Zu dieser Frage können")
        )
        text = (
            f"{on} wir {you} mit den Informationen, die uns gerade vorliegen, leider noch "
            "keine verlässliche Auskunft geben. Wir klären sie mit der zuständigen "
            f"Fachabteilung und melden uns so bald wie möglich bei {you}."
        )
        if ask_data:
            text += f" {ask} dafür noch {your} Kundennummer."
        return text
    on = f'on "{about}"' if about else "on this question"
    text = (
        f"I'm afraid we cannot give you reliable information {on} yet from the information we "
        "have at hand. We will check with the team responsible and get back to you as soon as "
        "possible."
    )
    if ask_data:
        text += " To help them, please send us your customer number."
    return text


_QUOTE = re.compile(r"\s+")


def short_question(text: str, limit: int = 110) -> str:
    """A request as a warning shows it to the agent: one line, cut at a word before `limit`
    characters (the customer never sees this form: see `name_question`)."""
    one = _QUOTE.sub(" ", text).strip()
    if len(one) <= limit:
        return one
    cut = one[:limit].rsplit(" ", 1)[0].rstrip(",;:-–")
    return f"{cut} …"


#: a question the holding line quotes whole has at most this many characters and 3+ words
QUOTE_LIMIT = 120
#: at most this many things a holding line names as the topic of a long request
TOPIC_THINGS = 3
# a list item's mark or a lead-in of up to three words with a colon before a question
# ("- Wer bezahlt ...?", "1) Do you ...?", "Außerdem: Was passiert ...?", "Jetzt meine Frage: ...")
_LIST_MARK = re.compile(
    r"^\s*(?:(?:[-*•–]|\d{1,2}[.)])\s+|(?:[^\W\d_][\w-]*\s+){0,2}[^\W\d_][\w-]*:\s+(?=[A-ZÄÖÜ]))"
)
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
_TOKEN = re.compile(r"[^\W_]\w*(?:[/-]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class Named:
    """How a holding line names an open request: a whole short question, quoted (`quoted`),
    or the request's things as a short noun phrase ("interim solution, DSL and mobile data
    stick"); empty when the request names nothing."""

    text: str
    quoted: bool


def name_question(text: str, language: str) -> Named:
    """How the holding line names an open request (the blind review of session 16: a quote
    cut off with "…" reads like a machine). A whole question of at most QUOTE_LIMIT
    characters is quoted as written (of a request of several sentences, the question naming
    the most key terms); a longer one is named by its things (`things`). Never a fragment
    of a sentence, never an ellipsis."""
    from drafter.drafting.gap_verdict import key_terms

    one = _QUOTE.sub(" ", text).strip()
    questions = [_LIST_MARK.sub("", s) for s in _SENTENCES.split(one) if s.strip().endswith("?")]
    short = [q.strip() for q in questions if len(q) <= QUOTE_LIMIT and len(q.split()) >= 3]
    if short:
        best = max(short, key=lambda q: len(key_terms(q, language)))
        return Named(best, quoted=True)
    return Named(_joined(things(one, language), language), quoted=False)


def things(text: str, language: str) -> list[str]:
    """The things a request names, in the customer's own words, at most TOPIC_THINGS: each
    run of its key terms (drafter.drafting.gap_verdict.key_terms; in English only those
    that read as nouns, `_verb`) with at most one other word between two of them ("mobile
    data stick", "LTE/5G router") and, in English, the content word right before it ("wall
    boxes") and the head noun right after it ("partner companies"); one per stem. A long
    question with side remarks before it is named from its indirect question on
    (drafter.drafting.question_verdict.asked_clause)."""
    from drafter.drafting.article_units import terms
    from drafter.drafting.gap_verdict import key_terms
    from drafter.drafting.question_verdict import asked_clause

    clause = asked_clause(text)
    if key_terms(clause, language):
        text = clause
    tokens = _TOKEN.findall(text)
    wanted = {k.lower() for k in key_terms(text, language)} - _SELF
    english = language == "en"

    def key(at: int) -> bool:
        token = tokens[at]
        named = any(part.lower() in wanted for part in re.split(r"[/-]", token))
        return named and not (english and _verb(tokens, at))

    def word(at: int) -> bool:  # a content word: no stop word, no punctuation, no number
        token = tokens[at].lower() if at < len(tokens) else ""
        return token[:1].isalpha() and token not in _FUNCTION and bool(terms(token, language))

    found: list[str] = []
    seen: set[str] = set()
    i = 0
    while i < len(tokens) and len(found) < TOPIC_THINGS:
        if not key(i):
            i += 1
            continue
        end = i
        while True:
            if end + 1 < len(tokens) and key(end + 1):
                end += 1
            elif end + 2 < len(tokens) and word(end + 1) and key(end + 2):
                end += 2  # one word between two things ("mobile data stick")
            else:
                break
        start = i
        if english and i > 0 and word(i - 1) and not _verb(tokens, i - 1):
            start = i - 1  # its modifier ("wall boxes", "new provider")
        if english and word(end + 1) and not word(end + 2) and tokens[end + 1].lower() not in _SELF:
            end += 1  # the head noun of the thing ("partner companies")
        stems = frozenset(t for token in tokens[start : end + 1] for t in terms(token, language))
        if not stems & seen:
            found.append(" ".join(tokens[start : end + 1]))
            seen |= stems
        i = end + 1
    return found


# after one of these an English word is a verb ("you install", "are renovating")
_VERB_BEFORE = wordset(
    "i you we they he she it to can could would will shall should may might must do does did "
    "not please am are is was were be been being have has had"
)
# English words that join or quantify, never part of a thing's name
_FUNCTION = wordset(
    "some any many much more most like until till unless than then also just only even still "
    "which what there here before after while during because since instead such very really "
    "yourself yourselves myself ourselves themselves himself herself itself"
)
_SELF = wordset("myself yourself yourselves ourselves themselves himself herself itself")


def _verb(tokens: list[str], at: int) -> bool:
    """Whether the English token at `at` reads as a verb (it follows a pronoun, a modal, an
    auxiliary or "to")."""
    return at > 0 and tokens[at - 1].lower() in _VERB_BEFORE


def _joined(parts: list[str], language: str) -> str:
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + (" und " if language == "de" else " and ") + parts[-1]


def open_question_text(language: str, formality: str, questions: list[str]) -> str:
    """One plain holding line for the requests of an answered mail that the knowledge base
    does not answer (drafter.drafting.question_verdict), naming each (`name_question`): a
    whole short question quoted, else what it asks about; the draft answers the rest and
    says what it leaves open."""
    named = [name_question(q, language) for q in questions]
    if len(named) > 1 and not all(n.quoted for n in named):  # one topic for all of them
        parts = [t for q in questions for t in things(_QUOTE.sub(" ", q), language)]
        named = [Named(_joined(parts[:TOPIC_THINGS], language), quoted=False)]
    named = [n for n in named if n.text]
    many = len(questions) > 1
    if language == "de":
        du = formality == "du"
        you = "dir" if du else "Ihnen"
        what = (
            ("deinen Fragen" if many else "deiner Frage")
            if du
            else ("Ihren Fragen" if many else "Ihrer Frage")
        )
        on = _naming(f"Zu {what}", named, language)
        return (
            f"{on} können wir {you} noch keine verlässliche Auskunft geben; wir klären das mit "
            f"der zuständigen Fachabteilung und melden uns dazu so bald wie möglich bei {you}."
        )
    what = "your questions" if many else "your question"
    on = _naming(f"As to {what}", named, language)
    return (
        f"{on}: we cannot give you reliable information on that yet. We will check with the "
        "team responsible and get back to you about it as soon as possible."
    )


def _naming(lead: str, named: list[Named], language: str) -> str:
    """The opening of the holding line: `lead` ("Zu Ihrer Frage", "As to your question") and
    the questions quoted whole, or the things asked about; "this question" when unnamed."""
    de = language == "de"
    if not named:
        return "Zu dieser Frage" if de else "As to this question"
    if named[0].quoted:
        quote = "„{}“" if de else '"{}"'
        return f"{lead} " + (" und " if de else " and ").join(quote.format(n.text) for n in named)
    return f"{lead} {'zu' if de else 'about'} {named[0].text}"


def template_text(language: str) -> str:
    """Every fixed sentence drafter itself may write into a draft (the checks' own text)."""
    registers = ("sie", "du") if language == "de" else ("you",)
    return " ".join(
        f"{gap_text(language, r, set())} {holding_text(language, r, set())}" for r in registers
    )


# someone who is not (yet) our customer: asks for a quote or an offer, builds a house, wants to
# order or sign up, says so ("Ich bin nicht Ihr Kunde"). Blind reviews of sessions 9 and 10:
# "Bitte senden Sie uns dafür noch Ihre Kundennummer" to a family building a house (twice), to a
# bakery asking for a quote, to a tenant ordering fibre.
_PROSPECTIVE = re.compile(
    r"\b(?:wir bauen|bauen wir|bauen (?:ein|unser)|baustrom\w*|bauherr\w*|"
    r"noch kein(?:e|en)? (?:kunde|kundin|vertrag)|nicht (?:ihr(?:e)? )?(?:kunde|kundin)\b|"
    r"quote|quotation|new (?:premises|build|customer)|prospective|"
    r"not (?:yet )?(?:a |your )?customer|become (?:a )?customer|"
    r"(?:like|want|wish) to (?:order|sign up|switch to you)|building a (?:new )?house)",
    re.I,
)


def prospective(text: str) -> bool:
    """True when the mail `text` comes from someone who is not a customer yet (see above)."""
    return bool(_PROSPECTIVE.search(text))
