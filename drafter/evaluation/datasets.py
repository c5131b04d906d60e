"""Golden sets for draft evaluation: reading `cases_*.jsonl` files and turning a case into email.

One case per line: `case_id`, `lang`, `subject`, `message`, `gold_kb_ids`, `reference_answer`,
`reference_facts`, `source`, and optionally `eml` (a path to the real `.eml` the message came
from; relative paths are resolved against the working directory, then against the case file's
folder and its parents), `du` and `tags`. A malformed line is an EvalError naming file:line.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drafter.errors import EvalError
from drafter.language import detect_language
from drafter.models import InboundEmail, Language


class EvalCase(BaseModel):
    """One golden case: a customer message and what a good reply contains."""

    model_config = ConfigDict(extra="ignore")

    case_id: str = Field(min_length=1)
    lang: Language
    subject: str = ""
    message: str = ""
    gold_kb_ids: list[str] = Field(default_factory=list)
    reference_answer: str = ""
    reference_facts: list[str] = Field(default_factory=list)
    source: str = ""
    eml: str = ""
    du: bool = False
    tags: list[str] = Field(default_factory=list)
    # personal values the case author says must never reach the model (counted by pii_leaks in
    # the draft and rewrite requests, whether or not drafter's recognizers find them)
    must_not_reach_model: list[str] = Field(default_factory=list)
    # resolved when loading: the .eml file on disk (None when the case has no eml)
    eml_path: Path | None = None

    def fingerprint(self) -> str:
        """A hash of everything that decides the draft (the message or the raw email bytes)."""
        digest = hashlib.sha256()
        digest.update(json.dumps([self.case_id, self.subject, self.message]).encode())
        if self.must_not_reach_model:  # decides the leak count (and a rewrite request)
            digest.update(json.dumps(self.must_not_reach_model).encode())
        if self.eml_path is not None:
            digest.update(self.eml_path.read_bytes())
        return digest.hexdigest()[:24]


def _resolve_eml(value: str, cases_file: Path) -> Path | None:
    path = Path(value)
    if path.is_absolute():
        return path if path.is_file() else None
    candidates = [Path.cwd() / path, *(folder / path for folder in cases_file.resolve().parents)]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None


def load_cases(path: Path) -> list[EvalCase]:
    """Read and validate a cases file; every problem names the file and line."""
    if not path.is_file():
        raise EvalError(
            f"cases file {path} is a folder"
            if path.is_dir()
            else f"cases file {path} does not exist",
            hint="pass a cases_*.jsonl file with --cases (e.g. eval/cases_sample.jsonl)",
        )
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(
            f"cannot read cases file {path}: {exc}", hint="the file must be UTF-8 JSON lines"
        ) from exc
    cases: list[EvalCase] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(
                f"{where}: not valid JSON ({exc.msg})", hint="each line must be one JSON object"
            ) from exc
        if not isinstance(data, dict):
            raise EvalError(f"{where}: expected a JSON object", hint="one case object per line")
        data.pop("eml_path", None)
        try:
            case = EvalCase.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first.get("loc", ())) or "case"
            raise EvalError(
                f"{where}: field {field!r}: {first.get('msg', 'invalid')}",
                hint="see eval/README.md for the case format",
            ) from exc
        if case.case_id in seen:
            raise EvalError(
                f"{where}: duplicate case_id {case.case_id!r}", hint="case ids must be unique"
            )
        seen.add(case.case_id)
        if case.eml:
            case.eml_path = _resolve_eml(case.eml, path)
            if case.eml_path is None:
                raise EvalError(
                    f"{where}: field 'eml': file {case.eml} not found",
                    hint="paths are relative to the repository root (the working directory)",
                )
        elif not case.message.strip():
            raise EvalError(
                f"{where}: case {case.case_id!r} has neither 'message' nor 'eml'",
                hint="give the customer's message text or the path of an .eml file",
            )
        cases.append(case)
    if not cases:
        raise EvalError(f"cases file {path} has no cases", hint="add one JSON object per line")
    return cases


def case_email(case: EvalCase, default_language: Language = "de") -> InboundEmail:
    """The InboundEmail the engine drafts for: the parsed .eml, or one built from the message."""
    if case.eml_path is not None:
        from drafter.mail.parse import parse_email

        return parse_email(case.eml_path.read_bytes(), default_language=default_language)
    text = f"{case.subject}\n{case.message}"
    return InboundEmail(
        message_id=f"<{case.case_id}@eval.drafter>",
        subject=case.subject,
        body=case.message,
        language=detect_language(text, default_language),
        content_hash=case.fingerprint(),
    )
