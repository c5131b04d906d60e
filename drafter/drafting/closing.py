"""The closing of a reply drafter writes: the closing formula and the signature block.

Owns `closing` (formula by language and register, then the signature) and `signature`
(DRAFTER_SIGNATURE as is, else agent name and brand; the default agent name follows the
language and register). Used by the template draft (drafter.drafting.extractive), the model
writer (drafter.drafting.writers) and the checks' known text (drafter.drafting.assemble).
"""

from __future__ import annotations

from drafter.config import Settings


def closing(settings: Settings, language: str, formality: str) -> str:
    """Closing formula plus signature block (DRAFTER_SIGNATURE, else agent and brand)."""
    if language == "de":
        formula = "Viele Grüße" if formality == "du" else "Mit freundlichen Grüßen"
    else:
        formula = "Kind regards"
    return f"{formula}\n{signature(settings, language, formality)}"


DEFAULT_AGENT = str(Settings.model_fields["agent_name"].default)


def signature(settings: Settings, language: str, formality: str = "sie") -> str:
    """DRAFTER_SIGNATURE as is, else agent and brand; the default agent name follows the
    language and register ("Dein Kundenservice-Team" in a Du reply), a configured one not."""
    if settings.signature.strip():
        return settings.signature.replace("\\n", "\n").strip()
    agent = settings.agent_name.strip()
    if agent == DEFAULT_AGENT:
        if language == "en":
            agent = "Your customer service team"
        elif formality == "du":
            agent = "Dein Kundenservice-Team"
    return f"{agent}\n{settings.brand_name}".strip()
