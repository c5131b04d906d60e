"""Checking every prompt template: the sample values `drafter prompts check` renders with.

`check_all` loads each template in the prompts folder and renders it in German and English
with `sample_variables`, once as a normal draft and once with the variables it uses set to a
knowledge gap, an emergency, no passages, an instruction and a draft to rewrite; each failure
is a TemplateError naming the file and line. Two files with one front-matter `name:` are an
error too (drafts and the report know a template by its name). Loading and rendering
themselves are `drafter.drafting.prompts`.
"""

from __future__ import annotations

from typing import Any

from drafter.config import Settings
from drafter.drafting.prompts import PromptTemplate, load_template, render_prompt, template_paths
from drafter.errors import TemplateError


def sample_variables(language: str = "de") -> dict[str, Any]:
    """A realistic set of values for `drafter prompts check` and tests."""
    german = language == "de"
    return {
        "customer_message": (
            "Guten Tag, ich ziehe am 1. März um. Wie melde ich meinen Zähler ab? Gruß [NAME_1]"
            if german
            else "Hello, I am moving on 1 March. How do I close my meter? Regards, [NAME_1]"
        ),
        "subject": "Umzug" if german else "Moving house",
        "passages": [
            {
                "n": 1,
                "kb_id": "umzug-abmelden",
                "title": "Umzug melden" if german else "Reporting a move",
                "url": "https://stadtwerke-nordlicht.de/umzug",
                "text": "Melden Sie Ihren Umzug bis zu 4 Wochen vorher im Kundenportal."
                if german
                else "Report your move up to 4 weeks ahead in the customer portal.",
                "contact_reason": "umzug",
            }
        ],
        "language": language,
        "formality": "sie" if german else "you",
        "brand_name": "Stadtwerke Nordlicht",
        "agent_name": "Ihr Kundenservice-Team",
        "signature": "Stadtwerke Nordlicht",
        "instruction": "",
        "kb_gap": False,
        "contact_reasons": ["umzug", "rechnung", "sonstiges"],
        "current_draft": "",
        "customer_name": "[NAME_1]",
        "greeting": "Sehr geehrte Frau [NAME_2]," if german else "Dear Ms [NAME_2],",
        "urgent": "",
    }


def check_all(settings: Settings) -> tuple[list[PromptTemplate], list[TemplateError]]:
    """Load every template and render it against the sample in both languages."""
    good: list[PromptTemplate] = []
    errors: list[TemplateError] = []
    for path in template_paths(settings):
        try:
            template = load_template(path)
            for language in ("de", "en"):
                values = sample_variables(language)
                values = {k: v for k, v in values.items() if k in template.variables}
                render_prompt(template, values)
                render_prompt(template, {**values, **_gap_sample(template)})
            good.append(template)
        except TemplateError as exc:
            errors.append(exc)
    return good, errors + _same_names(good)


def _same_names(templates: list[PromptTemplate]) -> list[TemplateError]:
    """Two files with one front-matter name: drafts, `drafter report` and `eval drafts
    --prompt` know a template by that name (and its version), so their figures would be
    counted together and `--prompt NAME` would take whichever file sorts first."""
    files: dict[str, list[str]] = {}
    for template in templates:
        files.setdefault(template.name, []).append(template.path.name)
    return [
        TemplateError(
            f"{len(names)} templates are named {name!r} ({', '.join(names)})",
            hint="give each its own `name:` in the front matter; the report counts drafts by it",
        )
        for name, names in files.items()
        if len(names) > 1
    ]


def _gap_sample(template: PromptTemplate) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    if "kb_gap" in template.variables:
        extra["kb_gap"] = True
    if "urgent" in template.variables:
        extra["urgent"] = "gas smell"
    if "passages" in template.variables:
        extra["passages"] = []
    if "instruction" in template.variables:
        extra["instruction"] = "kürzer"
    if "current_draft" in template.variables:
        extra["current_draft"] = "Sehr geehrte Frau [NAME_1], ..."
    return extra
