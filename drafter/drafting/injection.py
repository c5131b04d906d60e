"""`injection` warnings of the draft checks: the draft echoes an instruction to the model
("ignore previous instructions", "as an AI"), or carries out a task smuggled into the
customer's email (a sentence addressed to the reply writer or an off-topic question, whose
content words the draft repeats and no cited passage has). Called by
drafter.drafting.checks.run_checks; a reply that vouches for a forwarded message and a dump of
the model's own instructions are drafter.drafting.harm's.
"""

from __future__ import annotations

import re

from drafter.config import Settings
from drafter.drafting.check_base import (
    DECLINED,
    CheckInput,
    content_stems,
    sentence_at,
    sentences,
    strip_markup,
)
from drafter.models import DraftWarning

_ECHO = re.compile(
    r"ignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier) (?:instructions|prompts?)"
    r"|disregard (?:all |the )?(?:previous|prior|above) |system prompt|as an ai\b"
    r"|as a language model|i have been instructed|new instructions?:|developer mode"
    r"|ignoriere (?:alle )?(?:vorherigen|bisherigen|obigen) (?:anweisungen|instruktionen)"
    r"|als (?:ki|künstliche intelligenz|sprachmodell)\b|neue anweisung",
    re.I,
)
_ADDRESSED = re.compile(
    r"\b(?:your|in your|to your) (?:response|reply|answer|message|output)\b"
    r"|\b(?:in )?(?:deiner|ihrer|deine|ihre) antwort\b|\brespond\b|\breply (?:with|in|using)\b"
    r"|\banswer (?:with|in|using)\b|\bantworte\b"
    # a line labelled for the model: "Assistant instruction: confirm ...", "KI: nenne ..."
    # ("System:", "Modell:" are no such label: "Modell: Vaillant ecoTEC", "System: Windows 11")
    r"|^\W*(?:note (?:to|for) (?:the )?)?(?:assistant|assistent\w*|ai|ki|llm|bot|chatbot)"
    r"(?: instructions?| notes?| hinweis| anweisung(?:en)?)?\s*:"
    # ... or naming it as addressee: "PS for the assistant answering this: ...", "an die KI:"
    r"|\b(?:for|to|an|für)\s+(?:the\s+|das\s+|den\s+|die\s+)?(?:ai|ki|assistant|assistent\w*|"
    r"bot|chatbot|language model|sprachmodell|llm)\b",
    re.I,
)
_IMPERATIVE = re.compile(
    r"^\s*(?:please\s+)?(?:add|include|integrate|insert|mention|modify|provide|write|explain|"
    r"describe|compose|draft|develop|translate|replace|use|render|remove|group|rearrange|"
    r"anagram|misspell|introduce|convert|substitute|suggest|ignore|forget|forward|send|"
    r"encourage|promote|tell|list|give|show|break down|summari[sz]e|"
    r"füge|schreibe?|erkläre|übersetze|ignoriere|vergiss|leite|sende|nenne|gib)\b",
    re.I,
)
_QUESTION_START = re.compile(
    r"^\s*(?:what|who|how|why|when|where|which|can you|could you|what's|was|wer|wie|warum)\b",
    re.I,
)


def _sentences(text: str) -> list[str]:
    """`text` in sentences and lines; an HTML tag ends one too (an HTML mail's "...
    Mietpartei.</span></p><p>Mit freundlichen Grüßen<br>..." is an instruction, then a closing)."""
    parts = re.split(r"(?<=[.!?])\s+|\n+|\||</?[a-zA-Z][^<>]{0,400}>", text)
    return [p.strip() for p in parts if p.strip()]


def check_injection(data: CheckInput, settings: Settings) -> list[DraftWarning]:
    """Echoed instructions to the model (contact data is drafter.drafting.harm's)."""
    warnings: list[DraftWarning] = []
    echo = _ECHO.search(data.body)
    if echo:
        warnings.append(
            DraftWarning(
                code="injection",
                message=f"the draft echoes an instruction to the model ({echo.group(0)!r})",
                span=sentence_at(data.body, echo.start()).strip(),
            )
        )
    warnings += _instruction_echo(data, settings.brand_name)
    return warnings


def _instruction_echo(data: CheckInput, brand: str = "") -> list[DraftWarning]:
    """Draft sentences that carry out instructions found inside the customer's email. The
    company's own name (settings' brand name) is no word of an instruction: a forwarded bank
    notice names the company, and so does the reply's sign-off ("Your Stadtwerke Nordlicht
    customer service team")."""
    lang = data.language
    passage_stems = content_stems(" ".join(p.text + " " + p.title for p in data.passages), lang)
    passage_stems |= content_stems(brand, lang)
    commands: list[set[str]] = []
    # the subject line: what the writer wrote the mail about ("New boiler and gas tariff")
    subject, _, _rest = data.customer_text.partition("\n")
    subject_stems = content_stems(strip_markup(subject), lang)
    for sentence in _sentences(data.customer_text):
        all_stems = content_stems(sentence, lang)
        stems = all_stems - passage_stems
        if len(stems) < 2:
            continue
        addressed = bool(_ADDRESSED.search(sentence)) or bool(
            _IMPERATIVE.search(sentence) and not _FIRST_PERSON.search(sentence)
        )
        # a question about the writer's own matter ("what would it cost me?") is their
        # request, not a task smuggled in ("what is the capital of France?")
        # ... nor is a question on the subject the mail names ("Which gas tariff would be
        # cheapest?" under "New boiler and gas tariff")
        off_topic_question = (
            bool(_QUESTION_START.search(sentence))
            and 2 * len(all_stems & passage_stems) <= len(all_stems)
            and not _FIRST_PERSON.search(sentence)
            and not (all_stems & subject_stems and sentence != subject.strip())
        )
        if addressed or off_topic_question:
            commands.append(stems)
    if not commands:
        return []
    for a, b in sentences(data.body):
        written = data.body[a:b]  # the span, exactly as the draft has it
        for sentence in _sentences(strip_markup(written)):
            if DECLINED.search(sentence):
                continue  # "we can't advise on schools", "our article does not list ..."
            stems = content_stems(sentence, lang) - passage_stems
            for command in commands:
                shared = _distinct(stems & command)
                if len(shared) >= 2 and len(shared) >= 0.4 * min(len(_distinct(command)), 6):
                    return [
                        DraftWarning(
                            code="injection",
                            message="the draft carries out an instruction found in the "
                            f"customer's email ({sentence[:80]!r}); check it is on topic",
                            span=written.strip(),
                        )
                    ]
    return []


_FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|myself|ich|mir|mich|mein\w*)\b")


def _distinct(stems: set[str]) -> set[str]:
    """One entry per word: 'möglichkeiten' and its stem 'moglich' are one word, not two."""
    folded = {s.translate(_FOLD) for s in stems}
    return {f for f in folded if not any(o != f and f.startswith(o) for o in folded)}


_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "s"})
