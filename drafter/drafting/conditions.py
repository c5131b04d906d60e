"""Sentences for a situation the customer's mail does not describe.

A knowledge-base article answers several situations side by side: "Zahlen Sie per Überweisung
und möchten nur das Konto für Guthaben ändern, wählen Sie …", "Ist der Zähler gesperrt oder
ausgebaut, melden Sie sich …", "Bei einem Zählerwechsel dürfen Sie …", "If your meter is
blocked, …", "For a move or cancellation, use …". Copied into a reply to a customer whose
mail says nothing of that situation, such a sentence is text from another case (the blind
reviews' most common complaint). `unmet_condition` finds a sentence that opens with a
condition on the customer's situation none of whose words the mail uses.

The condition is the clause before the first comma of a sentence opening with
Wenn/Falls/Sollte(n)/If/When/Should, or of a German sentence opening with its verb ("Ist der
Zähler gesperrt, melden Sie …": the clause after the comma opens with a verb too, unlike an
instruction "Senden Sie uns …, wir prüfen …" or "Ob Ihre Adresse …, prüfen Sie …"), or the
phrase of "Bei einem Zählerwechsel …" / "For a move or cancellation, …". Only a sentence
whose main clause then speaks to the customer ("wählen Sie …", "dürfen Sie …", "use …") is
judged: "…, beliefern wir Sie", "…, your bill shows a credit" explain a rule. Never judged: a
condition naming a time or a period ("Zahlen Sie eine Rate nicht rechtzeitig", "If we receive
it 5 days before …"), what we do ("Erreicht uns die Änderung …"), a negation ("Wenn Sie keinen
Vertrag abschließen": the default case), and a safety line ("If you smell gas, …", 112). Parts
joined by "und"/"and" must each be met; "oder"/"or" lists alternatives within a part. A part
is met when one of its content words (the opening verb of a verb-first condition and function
words left out; a light ending rule, not Snowball, which makes "Zähler" and "zahlen" one stem)
is a word of the mail or the end of one (the head of a German compound: "Zähler" in
"Stromzähler", not in "Zählerstand"); a bare noun ("Bei einem Auszug") also by a word with
its first four letters ("ausziehen"). The template writer (drafter.drafting.extractive) asks
this of paragraph sentences outside an article's opening paragraph, which states its general
case; list items (a step's "if two-factor login is active") are left alone.
"""

from __future__ import annotations

import re

from drafter.toolkit import wordset

# a condition clause up to the first comma: "Wenn …, ", "If …, "
_IF = re.compile(r"^(?:Wenn|Falls|Sofern|Sollte|Sollten|If|When|Should|In case)\s+([^,]{3,120}),")
# a German sentence opening with its verb: "Ist der Zähler …, melden Sie …"
_V1 = re.compile(
    # not a conjunction, question word or preposition: "Ob Ihre Adresse …, prüfen Sie …"
    r"^(?!(?:Ob|Wie|Was|Wann|Wo|Warum|Welche\w*|Damit|Dass|Weil|Da|Sobald|Nachdem|Bevor|"
    r"Solange|Während|Um|Auch|Nur|Bitte|Dann|So|Hier|Dort|Im|In|Am|An|Auf|Für|Mit|Zum|Zur|"
    r"Nach|Vor|Seit|Ab|Bis|Über|Unter|Ohne|Wer|Sonst|Danach|Außerdem)\b)"
    r"([A-ZÄÖÜ][a-zäöüß]+\s+(?:Sie|du|der|die|das|Ihr|Ihre|Ihren|Ihrem|Ihres|dein|deine|"
    r"deinen|deinem|es|ein|eine|einen|einem|kein|keine|keinen)\b[^,]{2,120}),\s+([a-zäöüß]+)\b"
)
# the clause after the comma of a verb-first condition opens with a verb: not with one of these
_NOT_VERB = wordset(
    "wir ich er es sie man du ihr der die das den dem des dass damit wenn weil und oder aber "
    "sofern bis sobald so um da denn sondern falls ob wie was wo wobei z zum zur als"
)
# "Bei einem Zählerwechsel dürfen …", "For a move or cancellation, …"
_PHRASE = re.compile(
    r"^(?:Bei\s+(?:einem|einer|einem|Ihrem|Ihrer|deinem|deiner)\s+([A-ZÄÖÜ]\w{5,})"
    r"|For\s+(?:a|an)\s+([^,]{3,60}),)"
)
# a time, a period or what we do: a rule for everyone, not a situation
_GENERAL = re.compile(
    r"\d|\b(?:rechtzeitig|später|spät|vorher|früh\w*|innerhalb|frist\w*|wir|uns|unser\w*|"
    r"in time|late|later|before|after|within|by the|we|us|our|"
    r"kein\w*|nicht|ohne|not|no|without)\b|n't\b",
    re.I,
)
# the main clause speaks to the customer: "wählen Sie …", "dürfen Sie …", "use …", "you can …"
# (not what we or others do: "beliefern wir Sie", "we suspend", "your bill shows")
_TO_CUSTOMER = {
    "de": re.compile(r"^\s*(?:dann\s+|bitte\s+)?[a-zäöüß]+\s+(?:Sie|du)\b"),
    "en": re.compile(
        r"^\s*(?:then\s+|please\s+|simply\s+|just\s+)?(?:you\b|(?!(?:we|our|your|the|it|this|"
        r"there|they|its|that|these|those|a|an)\b)[a-z]+\b)"
    ),
}
# a safety line is never left out, whoever it is for
_SAFETY = re.compile(
    r"\b(?:112|110|Notruf\w*|Notdienst\w*|Gefahr|Gasgeruch|riechen|emergency|danger|smell)\b",
    re.I,
)
_AND = re.compile(r"\s+(?:und|and)\s+")
_OR = re.compile(r"\s+(?:oder|or)\s+")


_WORD = re.compile(r"[^\W\d_]{3,}")
_FUNCTION = wordset(
    "sie ihr ihre ihren ihrem ihres ihrer dein deine deinen deinem deiner der die das den dem "
    "des ein eine einen einem einer kein keine keinen keinem ist sind war hat haben wird "
    "werden möchten möchte wollen will können kann müssen muss nur noch schon auch per mit "
    "für über von vom zum zur bei nicht sich bitte mehr als aus auf und oder etwa selbst "
    "bereits gerade your you the and are have has not any want would like does only still "
    "already from with for this that there their yours"
)
_ENDINGS = ("ungen", "ung", "en", "em", "es", "e", "n", "s", "ing", "ed")


def _form(word: str) -> str:
    """A word lower-cased with one inflection ending cut ("Überweisungen" -> "überweis")."""
    word = word.lower()
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def words(text: str) -> set[str]:
    """The content words of `text` in a light normal form (`_form`), function words left out."""
    return {_form(w) for w in _WORD.findall(text) if w.lower() not in _FUNCTION}


def _split(sentence: str) -> tuple[str, str, bool]:
    """(condition, main clause, whether the condition is a bare noun phrase) of a sentence
    opening with a condition; ("", "", False) when it does not."""
    text = sentence.strip()
    found = _IF.match(text)
    if found:
        return found.group(1), text[found.end() :], False
    found = _V1.match(text)
    if found and found.group(2).lower() not in _NOT_VERB:
        return found.group(1).split(" ", 1)[1], text[found.end(1) + 1 :], False
    found = _PHRASE.match(text)
    if found:
        return found.group(1) or found.group(2) or "", text[found.end() :], True
    return "", "", False


def condition(sentence: str) -> str:
    """The condition on the customer's situation a sentence opens with, '' when none (the
    opening verb of a verb-first condition left out: "Zahlen Sie per Überweisung" -> "Sie per
    Überweisung")."""
    return _split(sentence)[0]


def _met(part: str, mail_words: set[str], phrase: bool) -> bool:
    own = words(part)
    if not own:
        return True  # nothing to judge by
    return any(
        w in mail_words
        or (len(w) >= 5 and any(m.endswith(w) for m in mail_words))
        # a bare noun ("Bei einem Auszug") is met by its verb ("ziehe aus" / "ausziehen")
        or (phrase and any(m[:4] == w[:4] for m in mail_words))
        for w in own
    )


def unmet_condition(sentence: str, mail_text: str, language: str = "de") -> bool:
    """True when `sentence` opens with a condition on the customer's situation that the mail
    (`mail_text`: subject and body) does not describe, and then tells the customer what to do
    or what they may do (see the module docstring)."""
    cond, main, phrase = _split(sentence)
    if not cond or _GENERAL.search(cond) or _SAFETY.search(sentence):
        return False
    if not _TO_CUSTOMER[language].match(main):
        return False
    mail_words = words(mail_text)
    # each part joined by "und" must be met; "oder" alternatives are judged together
    return not all(_met(" ".join(_OR.split(p)), mail_words, phrase) for p in _AND.split(cond))
