"""Draft assembly: a finished reply body becomes a checked, labelled `Draft`.

Owns what happens after the text is final (model reply restored, or extractive draft built):
the deterministic checks with the text drafter itself wrote (greeting, signature, brand),
the contact reason (the model's own, else drafter.drafting.reasons', else `sonstiges`), the prompt
reference and the `checks` timing. The engine calls `assemble_draft` for both modes.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.drafting.closing import closing, signature
from drafter.drafting.holding import open_question_text, short_question, template_text
from drafter.drafting.prompts import PromptTemplate
from drafter.drafting.reasons import classify
from drafter.drafting.salutation import detect_register, formality_for, greeting
from drafter.models import Citation, Draft, DraftWarning, InboundEmail, Passage, PromptRef


def contact_reason(
    settings: Settings,
    stated: str,
    passages: Sequence[Passage],
    email: InboundEmail | None = None,
    examples: Sequence[tuple[str, float]] = (),
) -> str:
    """The model's stated reason if configured, else the email's by lexical cues, the best
    article's reason and `examples` (votes of similar labelled emails,
    drafter.drafting.reason_examples) (drafter.drafting.reasons), else `sonstiges` (or '')
    when unsure."""
    reasons = settings.contact_reasons
    if stated in reasons:
        return stated
    top = passages[0].contact_reason if passages else ""
    if email is None:
        return top if top in reasons else ("sonstiges" if "sonstiges" in reasons else "")
    from drafter.drafting.reasons import EXAMPLE_VOTE

    votes = reason_votes(settings, passages) + [(r, EXAMPLE_VOTE * w) for r, w in examples]
    return classify(email.subject, email.body, reasons, top, votes)


def reason_votes(settings: Settings, passages: Sequence[Passage]) -> list[tuple[str, float]]:
    """The contact reasons of the ARTICLE_PASSAGES best passages, ARTICLE_VOTE each; none when
    the knowledge base most likely has no answer (the best passage's support is below the
    kb_gap threshold)."""
    from drafter.drafting.reasons import ARTICLE_PASSAGES, ARTICLE_VOTE
    from drafter.knowledge.gap import THRESHOLD

    if not passages:
        return []
    support = passages[0].support
    threshold = settings.kb_gap_threshold if settings.kb_gap_threshold > 0 else THRESHOLD
    if support is not None and support < threshold:
        return []
    top = passages[:ARTICLE_PASSAGES]
    return [(p.contact_reason, ARTICLE_VOTE) for p in top if p.contact_reason]


def drafter_text(
    settings: Settings, email: InboundEmail, language: str, known_text: str = ""
) -> str:
    """The text drafter itself writes around a reply (greeting, both closings, brand, sender,
    the template's fixed sentences): the checks never flag what is in it."""
    formality = detect_register(email, language, formality_for(settings, language))
    return " ".join(
        [
            greeting(email, language, formality).first_line,
            signature(settings, language),
            signature(settings, language, "du"),  # the closing follows the customer's register
            settings.brand_name,
            settings.mail_from,
            template_text(language),
            known_text,
        ]
    )


def _sent(email: InboundEmail) -> str:
    """The mail's own date, a fact of the mail a reply may state ("your message of 20
    November 2026": drafter.drafting.switch_dates)."""
    return f"\n{email.date:%d.%m.%Y}" if email.date else ""


def assemble_draft(
    settings: Settings,
    email: InboundEmail,
    body: str,
    passages: list[Passage],
    *,
    language: str,
    mode: str,
    template: PromptTemplate | None,
    model: str,
    warnings: list[DraftWarning],
    finish_reason: str | None,
    problems: list[str],
    reason: str,
    citations: list[Citation],
    known_text: str = "",
    articles: list[str] | None = None,
    examples: Sequence[tuple[str, float]] = (),
    order: Sequence[int] = (),
) -> Draft:
    """Run the checks on `body` and build the Draft (timings hold only `checks`).

    `articles`: the full text of each passage's article when known; the checks then accept
    what the cited articles say, not only the retrieved chunk. `examples`: contact-reason
    votes of similar labelled emails (drafter.drafting.reason_examples). `order`: the order
    the draft lists the passages in (the body's [n] is the n-th; default as retrieved); the
    contact reason still weighs them as retrieved."""
    started = time.perf_counter()
    listed = (
        [passages[i] for i in order] if sorted(order) == list(range(len(passages))) else passages
    )
    if articles and len(articles) == len(passages) and listed is not passages:
        articles = [articles[i] for i in order]
    known = drafter_text(settings, email, language, known_text)
    found = run_checks(
        CheckInput(
            body=body,
            passages=_with_articles(listed, articles),
            customer_text=f"{email.subject}\n{email.body}\n{email.from_.formatted()}"
            + _sent(email),
            language=language,
            customer_address=email.from_.email,
            finish_reason=finish_reason,
            extra_known=known,
            restore_problems=problems,
        ),
        settings,
    )
    draft = Draft(
        body=body.strip() + "\n",
        citations=citations,
        language="en" if language == "en" else "de",
        contact_reason=contact_reason(settings, reason, passages, email, examples),
        mode="llm" if mode == "llm" else "extractive",
        prompt=PromptRef(name=template.name, version=template.version)
        if template
        else PromptRef(name="extractive", version="1"),
        model=model,
        warnings=[*warnings, *found],
        passages=listed,
    )
    draft.timings["checks"] = time.perf_counter() - started
    return draft


def with_open_questions(
    settings: Settings, body: str, language: str, formality: str, held: Sequence[str]
) -> tuple[str, str]:
    """`body` (an answered draft) with one holding line naming the `held` requests
    (drafter.drafting.holding.open_question_text) before its closing, and that line ('' and
    the body unchanged when nothing is held). The closing tells the draft's register."""
    if not held:
        return body, ""
    named = [short_question(q) for q in held]
    other = "sie" if formality == "du" else "du"
    for register in (formality, other) if language == "de" else (formality,):
        end = closing(settings, language, register)
        at = body.rfind(end)
        if at >= 0:
            line = open_question_text(language, register, named)
            return f"{body[:at].rstrip()}\n\n{line}\n\n{body[at:]}", line
    line = open_question_text(language, formality, named)
    return f"{body.rstrip()}\n\n{line}\n", line


def _with_articles(passages: list[Passage], articles: list[str] | None) -> list[Passage]:
    if not articles or len(articles) != len(passages):
        return passages
    return [
        p.model_copy(update={"text": text}) if len(text) > len(p.text) else p
        for p, text in zip(passages, articles, strict=True)
    ]
