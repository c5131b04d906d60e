"""Draft assembly: a finished reply body becomes a checked, labelled `Draft`.

Owns what happens after the text is final (model reply restored, or extractive draft built):
the deterministic checks with the text drafter itself wrote (greeting, signature, brand),
the contact reason (the model's own, else the best passage's, else `sonstiges`), the prompt
reference and the `checks` timing. The engine calls `assemble_draft` for both modes.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from drafter.config import Settings
from drafter.drafting.checks import CheckInput, run_checks
from drafter.drafting.extractive import greeting, signature
from drafter.drafting.parts import formality_for
from drafter.drafting.prompts import PromptTemplate
from drafter.drafting.salutation import detect_register
from drafter.models import Citation, Draft, DraftWarning, InboundEmail, Passage, PromptRef


def contact_reason(settings: Settings, stated: str, passages: Sequence[Passage]) -> str:
    """The stated reason if configured, else the top passage's, else `sonstiges` (or '')."""
    reasons = settings.contact_reasons
    if stated in reasons:
        return stated
    top = passages[0].contact_reason if passages else ""
    return top if top in reasons else ("sonstiges" if "sonstiges" in reasons else "")


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
) -> Draft:
    """Run the checks on `body` and build the Draft (timings hold only `checks`)."""
    started = time.perf_counter()
    formality = detect_register(email, language, formality_for(settings, language))
    known = " ".join(
        [
            greeting(email, language, formality).first_line,
            signature(settings, language),
            signature(settings, language, "du"),  # the closing follows the customer's register
            settings.brand_name,
            settings.mail_from,
            known_text,
        ]
    )
    found = run_checks(
        CheckInput(
            body=body,
            passages=passages,
            customer_text=f"{email.subject}\n{email.body}\n{email.from_.formatted()}",
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
        contact_reason=contact_reason(settings, reason, passages),
        mode="llm" if mode == "llm" else "extractive",
        prompt=PromptRef(name=template.name, version=template.version)
        if template
        else PromptRef(name="extractive", version="1"),
        model=model,
        warnings=[*warnings, *found],
        passages=passages,
    )
    draft.timings["checks"] = time.perf_counter() - started
    return draft
