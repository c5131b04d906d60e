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


def holding_text(language: str, formality: str, given: set[str]) -> str:
    """The holding paragraph of a knowledge-gap draft (after the acknowledgement)."""
    number = "customer_number" not in given
    if language == "de" and formality == "du":
        ask = "Schick uns bitte deine Kundennummer und beschreibe" if number else "Beschreibe"
        return (
            "Damit wir dir richtig weiterhelfen können, prüfen wir dein Anliegen mit der "
            f"zuständigen Fachabteilung. {ask} kurz, worum es genau geht. Wir melden uns so "
            "bald wie möglich bei dir."
        )
    if language == "de":
        ask = (
            "Bitte nennen Sie uns Ihre Kundennummer und beschreiben Sie"
            if number
            else "Bitte beschreiben Sie"
        )
        return (
            "Damit wir Ihnen richtig weiterhelfen können, prüfen wir Ihr Anliegen mit der "
            f"zuständigen Fachabteilung. {ask} kurz, worum es genau geht. Wir melden uns so "
            "bald wie möglich bei Ihnen."
        )
    ask = "send us your customer number and" if number else "send us"
    return (
        "So that we can help you properly, we are checking your request with the team "
        f"responsible. Please {ask} a short description of what it is about. We will get back "
        "to you as soon as possible."
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
    """A request as a draft quotes it: one line, cut at a word before `limit` characters."""
    one = _QUOTE.sub(" ", text).strip()
    if len(one) <= limit:
        return one
    cut = one[:limit].rsplit(" ", 1)[0].rstrip(",;:-–")
    return f"{cut} …"


def open_question_text(language: str, formality: str, questions: list[str]) -> str:
    """One plain holding line for the requests of an answered mail that the knowledge base
    does not answer (drafter.drafting.question_verdict), naming each as the customer asked
    it: the draft answers the rest and says what it leaves open."""
    if language == "de":
        you = "dir" if formality == "du" else "Ihnen"
        named = " und ".join(f"„{q}“" for q in questions)
        what = "Ihren Fragen" if len(questions) > 1 else "Ihrer Frage"
        if formality == "du":
            what = what.replace("Ihr", "dein")
        return (
            f"Zu {what} {named} können wir {you} noch keine verlässliche Auskunft geben; wir "
            "klären das mit der zuständigen Fachabteilung und melden uns dazu so bald wie "
            f"möglich bei {you}."
        )
    named = " and ".join(f'"{q}"' for q in questions)
    what = "your questions" if len(questions) > 1 else "your question"
    return (
        f"As to {what} {named}: we cannot give you reliable information on that yet. We will "
        "check with the team responsible and get back to you about it as soon as possible."
    )


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
