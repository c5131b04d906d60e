"""Checks on text an agent typed or pasted: a desk edit, or `drafter inbox approve --body-file`.

A generated draft is checked when it is made (drafter.drafting.assemble). Text the agent
writes is checked here for what harms the customer whoever wrote it, so that pasting from
the customer's mail (an attacker's IBAN or link) or from anywhere else cannot skip the
acknowledgement that a generated draft would need:

- `link`: a link, e-mail address or phone number that is neither the company's nor in the
  draft's cited articles;
- `payment`: bank details that are not the company's, a payment channel no article offers,
  money handed to a person on site;
- `credentials`: a request for a password, PIN, TAN or card number.

The agent's own commitments and wording are not flagged: deciding them is the agent's job.
`with_agent_checks` gives the version's warnings: the generated draft's, minus those of these
kinds whose text the agent took out, plus what the agent's text adds.
"""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.models import Draft, DraftWarning, InboundEmail

AGENT_CHECKED = ("link", "payment", "credentials")


def check_agent_text(
    settings: Settings, email: InboundEmail, body: str, base: Draft | None
) -> list[DraftWarning]:
    """Warnings of the kinds in AGENT_CHECKED for `body`; `base`'s cited passages and the
    company settings are what is trusted (the customer's mail never is)."""
    from drafter.drafting.assemble import drafter_text
    from drafter.drafting.disclosure import check_credentials
    from drafter.drafting.harm_contacts import check_contacts
    from drafter.drafting.harm_payments import (
        check_handed_money,
        check_other_payee,
        check_payment_channels,
    )
    from drafter.drafting.harm_sources import known_sources

    language = base.language if base is not None else email.language
    data = CheckInput(
        body=body,
        passages=base.passages if base is not None else [],
        customer_text=f"{email.subject}\n{email.body}\n{email.from_.formatted()}",
        language=language,
        customer_address=email.from_.email,
        extra_known=drafter_text(settings, email, language),
    )
    known = known_sources(data, settings)
    found = [
        *check_contacts(data, settings, known),
        *check_payment_channels(data, known),
        *check_handed_money(data),
        *check_other_payee(data, known),
        *check_credentials(body),
    ]
    return [w for w in found if w.code in AGENT_CHECKED]


def with_agent_checks(
    settings: Settings, email: InboundEmail, body: str, base: Draft | None
) -> Draft:
    """The draft record of an agent's version of the reply: `base` (or an empty draft) with
    its warnings brought up to date for `body` (see the module docstring)."""
    draft = base if base is not None else Draft(body=body, language=email.language)
    kept = [
        w for w in draft.warnings if w.code not in AGENT_CHECKED or not w.span or w.span in body
    ]
    added = [
        w
        for w in check_agent_text(settings, email, body, base)
        if not any(_same_finding(w, k) for k in kept)
    ]
    return draft.model_copy(update={"warnings": [*kept, *added]})


def _same_finding(new: DraftWarning, old: DraftWarning) -> bool:
    """The draft already warns about this text (same kind, same or overlapping text)."""
    if new.code != old.code:
        return False
    if new.message == old.message:
        return True
    return bool(new.span and old.span) and (new.span in old.span or old.span in new.span)
