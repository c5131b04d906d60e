"""Defects a reader would stumble over in a draft, counted automatically.

Counted per draft (`find_defects`), each with the offending text:

- `fragment`: a list lead-in without its items ("Legen Sie Ihrem Antrag bei:"), list items
  without their lead-in ("- Sie eine PV-Anlage betreiben oder" with no "..., wenn:" line
  before the list), a sentence line that stops without punctuation;
- `example_value`: an example value copied from an article ("z. B. KD-1234567", a
  "1234567"-style number the customer never wrote);
- `unrelated_citation`: a cited paragraph that shares no content word with the mail;
- `lowercase_start`: a sentence starting with a small letter (the first line after a German
  greeting and list items continuing their lead-in are allowed to);
- `missing_greeting` / `missing_sign_off`: no salutation at the top, no closing formula;
- `asks_given_data`: asks for a customer number, meter reading, IBAN ... the mail already has;
- `mixed_register`: a German draft that says both "du" and "Sie";
- `heading_out_of_place`: an article heading copied below text that belongs under it (the
  question line "Wann ist die Nachzahlung fällig?" after the sentence answering it, in the
  same cited block): a heading may only precede its section's sentences;
- the kinds of drafter.drafting.coherence (found in the team-lead review of the sample-inbox
  drafts): `dangling_reference`, `lost_heading`, `bare_contact`, `example_as_fact`,
  `off_product`, `duplicate`, `late_acknowledgement`; its `asks_given_data` also reads
  "Das brauchen wir:" items and knows addresses, dates of birth and moving dates. The
  KB-backed ones (`lost_heading`, `example_as_fact`, and `dangling_reference` beyond a
  paragraph's first sentence) need the cited articles' text (`articles`).

Deterministic, no model. `drafter eval drafts` reports the totals (`defects`) and
benchmarks/bench_replies.py runs it over the sample inbox and the shared tickets.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from drafter.closings import SIGN_OFF
from drafter.drafting.article_units import ABBREVIATION, terms
from drafter.drafting.coherence import KINDS as COHERENCE_KINDS
from drafter.drafting.coherence import find_incoherent
from drafter.drafting.letter_checks import greeting_line, has_sign_off, reply_register

KINDS = (
    "fragment",
    "example_value",
    "unrelated_citation",
    "lowercase_start",
    "missing_greeting",
    "missing_sign_off",
    "asks_given_data",
    "mixed_register",
    "heading_out_of_place",
    *(kind for kind in COHERENCE_KINDS if kind != "asks_given_data"),
)
_MARKER = re.compile(r"\s*\[\d+(?:\s*,\s*\d+)*\]")
_EXAMPLE = re.compile(
    r"(?:z\.\s?B\.|e\.\s?g\.|zum Beispiel|for example)\s*[A-Z0-9][\w-]*\d{3,}|"
    r"\b[A-Z]{0,4}-?\d*1234567?\d*\b|\b\d?[A-Z]{2,4}0*12345678\b"
)
_END = re.compile(r"[.!?:;)\]\"“”']$|https?://\S+$|\S+@\S+$")


@dataclass(frozen=True)
class Defect:
    kind: str
    text: str


def _letter_body(body: str) -> list[str]:
    """The lines between the greeting and the closing formula."""
    lines = body.strip().split("\n")
    if lines and greeting_line(body):
        lines = lines[1:]
    end = next((i for i, line in enumerate(lines) if SIGN_OFF.match(line.strip())), len(lines))
    return lines[:end]


def find_defects(
    body: str, customer_text: str, language: str, articles: Sequence[str] = ()
) -> list[Defect]:
    """Every defect in `body` (a draft answering `customer_text`; `articles`: the full text
    of the articles it cites, when known)."""
    found: list[Defect] = []
    if not greeting_line(body):
        found.append(Defect("missing_greeting", body.strip().split("\n")[0][:80]))
    if not has_sign_off(body):
        found.append(Defect("missing_sign_off", body.strip().split("\n")[-1][:80]))
    lines = [_MARKER.sub("", line).rstrip() for line in _letter_body(body)]
    found += _fragments(lines)
    text = "\n".join(lines)
    for match in _EXAMPLE.finditer(text):
        if match.group(0) not in customer_text:
            found.append(Defect("example_value", match.group(0)))
    found += _lowercase(lines, german=language == "de" and bool(greeting_line(body)))
    found += _unrelated(body, customer_text, language)
    for finding in find_incoherent(body, customer_text, language, articles):
        found.append(Defect(finding.kind, finding.sentence[:80]))
    if language == "de" and reply_register(body) == "mixed":
        found.append(Defect("mixed_register", ""))
    found += _misplaced_headings(body, language)
    return found


_HEADING = re.compile(r"^[A-ZÄÖÜ][^.!?\n]{3,90}\?$")  # "Wann ist die Nachzahlung fällig?"


def _misplaced_headings(body: str, language: str) -> list[Defect]:
    """Question headings on a line of their own right below a text line of the same cited
    block that already covers them (two thirds of the heading's content words, at least 2)."""
    found: list[Defect] = []
    previous = ""  # the last text line (not a list item) of the current cited block
    for line in _letter_body(body):
        stripped = line.strip()
        if _HEADING.match(stripped) and previous:
            wanted = set(terms(stripped, language))
            shared = wanted & set(terms(previous, language))
            if len(shared) >= 2 and 3 * len(shared) >= 2 * len(wanted):
                found.append(Defect("heading_out_of_place", stripped[:80]))
        if stripped and not stripped.startswith("- "):
            previous = _MARKER.sub("", stripped)
        if _MARKER.search(line):
            previous = ""  # a new cited block begins after a [n] marker
    return found


def _fragments(lines: list[str]) -> list[Defect]:
    found: list[Defect] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        following = next((x.strip() for x in lines[i + 1 :] if x.strip()), "")
        if stripped.startswith("- "):
            previous = lines[i - 1].strip() if i else ""
            if previous.startswith("- "):
                continue
            if not previous.endswith((":", "?")):  # a list without its lead-in
                found.append(Defect("fragment", stripped[:80]))
            continue
        if (stripped.endswith(":") and not following.startswith("- ")) or not _END.search(stripped):
            found.append(Defect("fragment", stripped[:80]))
    return found


_LOWER_AFTER_STOP = re.compile(r"[.!?]\s+([a-zäöüß]\w*)")


def _lowercase(lines: list[str], *, german: bool) -> list[Defect]:
    found: list[Defect] = []
    first = True
    for line in lines:
        item = line.strip().startswith("- ")  # "- eine Kopie Ihrer Daten" continues its lead
        stripped = line.strip().removeprefix("- ")
        if not stripped:
            continue
        head = stripped[:1]
        if head.isalpha() and head.islower() and not (first and german) and not item:
            found.append(Defect("lowercase_start", stripped[:80]))
        for match in _LOWER_AFTER_STOP.finditer(stripped):
            before = stripped[: match.start() + 1]
            if not ABBREVIATION.search(before):  # "z. B. ein", "am 15. des Monats"
                found.append(Defect("lowercase_start", stripped[match.start(1) :][:80]))
        first = False
    return found


def _unrelated(body: str, customer_text: str, language: str) -> list[Defect]:
    """Cited passages (the paragraphs up to a [n] marker) without a single content word in
    common with the mail; the greeting and the acknowledgement after it do not count."""
    wanted = set(terms(customer_text, language))
    paragraphs = [p for p in re.split(r"\n\s*\n", body.strip()) if p.strip()]
    found: list[Defect] = []
    block: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        if i < 2 and not re.search(r"\[\d+", paragraph):
            continue
        block.append(paragraph)
        if not re.search(r"\[\d+", paragraph):
            continue
        own = set(terms(_MARKER.sub("", "\n".join(block)), language))
        if own and not own & wanted:
            found.append(Defect("unrelated_citation", block[0].strip()[:80]))
        block = []
    return found


def count(defects: Iterable[Defect]) -> dict[str, int]:
    """Defects per kind (every kind present, 0 when none)."""
    counts = Counter(d.kind for d in defects)
    return {kind: counts.get(kind, 0) for kind in KINDS}
