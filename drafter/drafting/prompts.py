"""Prompt templates: loading, validating and rendering the files team leads edit in `prompts/`.

A template is a Markdown file with YAML front matter (name, version, description, temperature,
max_tokens, variables) and a Jinja2 body split into sections by marker lines:
`--- system ---`, `--- customer ---` and `--- user ---` (see prompts/README.md). Rendering is
strict: a sandboxed environment with StrictUndefined, and every problem (unknown front-matter
key, undeclared or unknown variable, Jinja syntax error, missing section) is a TemplateError
naming the file and the line. What `drafter prompts check` renders them with is
`drafter.drafting.prompt_check`.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import StrictUndefined, Template, TemplateSyntaxError, UndefinedError, nodes
from jinja2.sandbox import SandboxedEnvironment

from drafter.config import Settings
from drafter.errors import TemplateError

#: Variables the engine passes to every template, with what they hold.
KNOWN_VARIABLES: dict[str, str] = {
    "customer_message": "the customer's newest message, pseudonymized ([NAME_1], ...)",
    "subject": "the email subject, pseudonymized",
    "passages": "retrieved passages: list of {n, kb_id, title, url, text, contact_reason}",
    "language": "reply language: 'de' or 'en'",
    "formality": "register detected from the customer's mail and thread (default: the "
    "setting): 'sie', 'du' (German), 'you' or 'you_informal' (English)",
    "brand_name": "the company name (DRAFTER_BRAND_NAME)",
    "agent_name": "who signs (DRAFTER_AGENT_NAME)",
    "signature": "the signature block (DRAFTER_SIGNATURE, default: the brand name)",
    "instruction": "an optional agent instruction ('' when none)",
    "kb_gap": "true when retrieval found nothing relevant: ask for details, do not invent",
    "contact_reasons": "the contact reasons a reply may be classified into",
    "current_draft": "the draft being rewritten (rewrite templates; '' otherwise)",
    "customer_name": "the customer's name placeholder when known, e.g. [NAME_1] ('' otherwise)",
    "greeting": "the salutation, names as placeholders ('Sehr geehrte Frau [NAME_2],')",
    "urgent": "the emergency reason ('gas smell', ...) from drafter.triage; '' when none",
}
FRONT_MATTER_KEYS = {"name", "version", "description", "temperature", "max_tokens", "variables"}
REQUIRED_KEYS = ("name", "version")
SECTIONS = ("system", "customer", "user")
_MARKER = re.compile(r"^---\s*(\w+)\s*---\s*$")
_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


@dataclass(frozen=True)
class Section:
    name: str
    source: str
    first_line: int  # 1-based line in the file of the section's first body line


@dataclass
class PromptTemplate:
    """One parsed, validated template file."""

    path: Path
    name: str
    version: str
    description: str = ""
    temperature: float | None = None
    max_tokens: int | None = None
    variables: list[str] = field(default_factory=list)
    sections: dict[str, Section] = field(default_factory=dict)


@dataclass(frozen=True)
class RenderedPrompt:
    """Messages for the model: system, the untrusted customer message, then the task."""

    system: str
    customer: str
    user: str

    def messages(self) -> list[dict[str, str]]:
        return [
            {"role": "system", "content": self.system},
            {"role": "user", "content": self.customer},
            {"role": "user", "content": self.user},
        ]


@lru_cache(maxsize=1)
def _env() -> SandboxedEnvironment:
    return SandboxedEnvironment(
        undefined=StrictUndefined, keep_trailing_newline=False, autoescape=False
    )


@lru_cache(maxsize=64)
def _compiled(label: str, source: str) -> Template:
    """Compile a section once per distinct source (render_prompt runs once per draft)."""
    env = _env()
    code = env.compile(source, filename=label)
    return env.template_class.from_code(env, code, env.make_globals(None))


def _error(path: Path, line: int, message: str, hint: str = "") -> TemplateError:
    return TemplateError(
        f"{path}:{line}: {message}",
        hint=hint or "fix the template (see prompts/README.md), then run `drafter prompts check`",
    )


def _split_front_matter(path: Path, text: str) -> tuple[str, str, int]:
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise _error(path, 1, "missing YAML front matter (the file must start with '---')")
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2
    raise _error(path, 1, "front matter is not closed by a '---' line")


def _yaml_mark(exc: yaml.YAMLError) -> Any:
    """Where the broken construct starts (an unclosed "[" on its own line), else where PyYAML
    noticed (often the next line)."""
    return getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """PyYAML's complaint on one line, without its "<unicode string>" marks and excerpts
    (`prompts list` shows it in a table row): "expected ',' or ']', but got '<stream end>'
    (column 12, while parsing a flow sequence)"."""
    problem = getattr(exc, "problem", None)
    if not problem:
        return " ".join(str(exc).split())
    mark = _yaml_mark(exc)
    where = [f"column {mark.column + 1}"] if mark is not None else []
    context = getattr(exc, "context", None)
    return f"{problem} ({', '.join([*where, *([context] if context else [])])})"


def _parse_front_matter(path: Path, source: str) -> dict[str, Any]:
    try:
        root = yaml.compose(source, Loader=yaml.SafeLoader)
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = _yaml_mark(exc)
        line = mark.line + 2 if mark is not None else 1
        raise _error(path, line, f"invalid YAML front matter: {_yaml_problem(exc)}") from exc
    if not isinstance(root, yaml.MappingNode) or not isinstance(data, dict):
        raise _error(path, 2, "front matter must be a mapping of keys to values")
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 2
        key = key_node.value
        if key not in FRONT_MATTER_KEYS:
            raise _error(
                path,
                line,
                f"unknown front-matter key {key!r}",
                hint=f"allowed keys: {', '.join(sorted(FRONT_MATTER_KEYS))}",
            )
        if key == "variables":
            names = data.get("variables") or []
            if not isinstance(names, list):
                raise _error(path, line, "'variables' must be a list of names")
            for item in value_node.value if isinstance(value_node, yaml.SequenceNode) else []:
                if item.value not in KNOWN_VARIABLES:
                    raise _error(
                        path,
                        item.start_mark.line + 2,
                        f"unknown variable {item.value!r} in 'variables'",
                        hint=f"known variables: {', '.join(sorted(KNOWN_VARIABLES))}",
                    )
    for key in REQUIRED_KEYS:
        if not str(data.get(key) or "").strip():
            raise _error(path, 2, f"front matter needs a {key!r}")
    for key, kind in (("temperature", (int, float)), ("max_tokens", int)):
        value = data.get(key)
        if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
            raise _error(path, 2, f"{key!r} must be a number, not {value!r}")
    return data


def _split_sections(path: Path, body: str, body_line: int) -> dict[str, Section]:
    sections: dict[str, Section] = {}
    current: str | None = None
    start = body_line
    buf: list[str] = []
    for offset, line in enumerate(body.splitlines()):
        lineno = body_line + offset
        match = _MARKER.match(line)
        if match:
            if current is not None:
                sections[current] = _section(current, buf, start)
            name = match.group(1).lower()
            if name not in SECTIONS:
                raise _error(
                    path,
                    lineno,
                    f"unknown section {name!r}",
                    hint=f"sections are: {', '.join(SECTIONS)}",
                )
            if name in sections:
                raise _error(path, lineno, f"section {name!r} appears twice")
            current, start, buf = name, lineno + 1, []
        elif current is None:
            if line.strip():
                raise _error(path, lineno, "text before the first '--- system ---' marker")
        else:
            buf.append(line)
    if current is not None:
        sections[current] = _section(current, buf, start)
    for name in SECTIONS:
        if name not in sections:
            raise _error(path, body_line, f"missing section '--- {name} ---'")
    return sections


def _section(name: str, buf: list[str], start: int) -> Section:
    skipped = 0
    while skipped < len(buf) and not buf[skipped].strip():
        skipped += 1
    return Section(name, "\n".join(buf[skipped:]).rstrip(), start + skipped)


def _check_names(template: PromptTemplate) -> None:
    env = _env()
    declared = set(template.variables)
    for section in template.sections.values():
        try:
            ast = env.parse(section.source)
        except TemplateSyntaxError as exc:
            line = section.first_line + (exc.lineno or 1) - 1
            raise _error(template.path, line, f"Jinja syntax error: {exc.message}") from exc
        local = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
        for node in ast.find_all(nodes.Name):
            if node.ctx != "load" or node.name in local:
                continue
            if node.name in ("loop", "range", "true", "false", "none"):
                continue
            line = section.first_line + node.lineno - 1
            if node.name not in KNOWN_VARIABLES:
                raise _error(
                    template.path,
                    line,
                    f"unknown variable {node.name!r}",
                    hint=f"known variables: {', '.join(sorted(KNOWN_VARIABLES))}",
                )
            if node.name not in declared:
                raise _error(
                    template.path,
                    line,
                    f"variable {node.name!r} is used but not listed in front-matter 'variables'",
                    hint="add it to 'variables' in the front matter",
                )


_CACHE: dict[tuple[str, int, int], PromptTemplate] = {}


def load_template(path: Path) -> PromptTemplate:
    """Parse and validate one template file (cached until the file changes)."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise TemplateError(
            f"cannot read prompt template {path}: {exc.strerror or exc}",
            hint="check that the file exists",
        ) from exc
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        _CACHE[key] = _load_template(path)
    return _CACHE[key]


def _load_template(path: Path) -> PromptTemplate:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(
            f"cannot read prompt template {path}: {exc}",
            hint="check that the file exists and is UTF-8 text",
        ) from exc
    front, body, body_line = _split_front_matter(path, text)
    data = _parse_front_matter(path, front)
    sections = _split_sections(path, body, body_line)
    template = PromptTemplate(
        path=path,
        name=str(data["name"]),
        version=str(data["version"]),
        description=str(data.get("description") or ""),
        temperature=data.get("temperature"),
        max_tokens=data.get("max_tokens"),
        variables=[str(v) for v in data.get("variables") or []],
        sections=sections,
    )
    _check_names(template)
    return template


def template_paths(settings: Settings) -> list[Path]:
    directory = settings.prompts_dir
    if not directory.is_dir():
        raise TemplateError(
            f"prompts folder {directory} does not exist",
            hint="set DRAFTER_PROMPTS_DIR to the folder holding your *.md templates",
        )
    return sorted(p for p in directory.glob("*.md") if p.name.lower() != "readme.md")


def find_template(settings: Settings, name: str) -> PromptTemplate:
    """Load the template called `name` (file stem or front-matter name) from the prompts dir."""
    paths = template_paths(settings)
    for path in paths:
        if path.stem == name:
            return load_template(path)
    for path in paths:
        try:
            template = load_template(path)
        except TemplateError:
            continue
        if template.name == name:
            return template
    available = ", ".join(p.stem for p in paths) or "none"
    raise TemplateError(
        f"no prompt template named {name!r} in {settings.prompts_dir}",
        hint=f"available templates: {available}; pick one with --prompt or DRAFTER_PROMPT",
    )


def _undefined_line(template: PromptTemplate, section: Section, exc: BaseException) -> int:
    label = f"{template.path.name}:{section.name}"
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == label and frame.lineno:
            return section.first_line + frame.lineno - 1
    return section.first_line


def render_prompt(template: PromptTemplate, variables: Mapping[str, Any]) -> RenderedPrompt:
    """Render every section with `variables`; missing values are TemplateErrors with a line."""
    unknown = sorted(set(variables) - set(KNOWN_VARIABLES))
    if unknown:
        raise TemplateError(
            f"render_prompt called with unknown variables {unknown} for {template.path}",
            hint="this is a bug in drafter; please report it",
        )
    out: dict[str, str] = {}
    for name, section in template.sections.items():
        try:
            jinja_template = _compiled(f"{template.path.name}:{name}", section.source)
            out[name] = _BLANKS.sub("\n\n", jinja_template.render(dict(variables))).strip()
        except UndefinedError as exc:
            line = _undefined_line(template, section, exc)
            raise _error(template.path, line, f"undefined value: {exc.message}") from exc
        except TemplateSyntaxError as exc:
            line = section.first_line + (exc.lineno or 1) - 1
            raise _error(template.path, line, f"Jinja syntax error: {exc.message}") from exc
        except Exception as exc:  # sandbox violations, type errors in filters
            line = _undefined_line(template, section, exc)
            raise _error(template.path, line, f"rendering failed: {exc}") from exc
    return RenderedPrompt(system=out["system"], customer=out["customer"], user=out["user"])
