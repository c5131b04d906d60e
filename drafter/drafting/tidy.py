"""The last step of a template draft: sentences that do not belong are taken out.

Owns `tidy`, which the template writer (drafter.drafting.writers.ExtractiveWriter) runs on the
finished body: every sentence drafter.drafting.coherence finds (a dangling reference, an
answer without its conditional heading, a bare "E-Mail an ..." line, an example shown as a
fact, a section about another product, a repeat, a request for data the mail already has,
the acknowledgement below an emergency instruction) is removed; a list lead-in left without
items goes too. Citation markers stay with their article: a marker on a removed line moves to
the article's last kept line, an article with nothing left is no longer cited, and the
sources are renumbered by first citation ([1], [2], ...). When nothing of the articles would
remain, the body is returned unchanged (the agent gets a draft to edit rather than none).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from drafter.drafting.coherence import MARKER, find_incoherent, is_acknowledgement, letter_span
from drafter.drafting.sentences import split_sentences
from drafter.models import Citation

_ONE_MARKER = re.compile(r"\s*\[(\d+)\]\s*$")


@dataclass
class Tidied:
    body: str
    citations: list[Citation]
    order: list[int]  # passage indices: cited ones by first citation, then the others
    removed: list[str]  # "kind: sentence" per removal


def tidy(
    body: str,
    mail_text: str,
    language: str,
    articles: Sequence[str],
    citations: Sequence[Citation],
    order: Sequence[int],
) -> Tidied:
    """`body` without the sentences drafter.drafting.coherence finds (`articles`: the full
    texts of the passages in `order`'s order, i.e. the body's [n] is articles[n - 1])."""
    unchanged = Tidied(body, list(citations), list(order), [])
    findings = find_incoherent(body, mail_text, language, articles)
    if not findings:
        return unchanged
    lines = body.split("\n")
    first, end = letter_span(lines)
    drop: dict[int, set[str]] = {}
    removed: list[str] = []
    for finding in findings:
        if finding.kind == "duplicate" and finding.sentence.endswith(":"):
            continue  # a repeated lead-in introduces other items: kept with them
        drop.setdefault(finding.line, set()).add(finding.sentence)
        removed.append(f"{finding.kind}: {finding.sentence}")
    kept: list[str] = []
    for i, raw in enumerate(lines):
        if not first <= i < end:
            kept.append(raw)
            continue
        marker = _ONE_MARKER.search(raw)
        text = raw[: marker.start()] if marker else raw
        if i in drop:
            text = _without(text, drop[i])
        if marker:
            tag = f"[{marker.group(1)}]"
            if text.strip():
                kept.append(f"{text} {tag}")
            else:  # the marker moves to its article's last kept line
                _attach(kept, first, tag)
        elif text.strip() or not raw.strip():
            kept.append(text)
    kept = _drop_lone_lead_ins(kept, first)
    content = [k for k in kept[first : len(kept) - (len(lines) - end)] if k.strip()]
    if len(content) <= 1:  # only the acknowledgement (or nothing) would be left
        return unchanged
    text = "\n".join(kept)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    new_body, new_citations, new_order = _renumber(text, citations, order)
    return Tidied(new_body, new_citations, new_order, removed)


def _without(line: str, sentences: set[str]) -> str:
    """`line` without the given sentences (a whole-line finding removes the line)."""
    stripped = MARKER.sub("", line).strip()
    if stripped in sentences:
        return ""
    item = stripped.startswith("- ")
    body = stripped[2:] if item else stripped
    if body in sentences:
        return ""
    rest = [s for s in split_sentences(body) if s not in sentences]
    if not rest:
        return ""
    return ("- " if item else "") + " ".join(rest)


def _attach(kept: list[str], first: int, tag: str) -> None:
    """Give `tag` to the last kept text line of its article (after the previous marker)."""
    for j in range(len(kept) - 1, first - 1, -1):
        line = kept[j]
        if MARKER.search(line) or is_acknowledgement(line):
            return  # the article's own text is all gone: it is no longer cited
        if line.strip():
            kept[j] = f"{line} {tag}"
            return


def _drop_lone_lead_ins(lines: list[str], first: int) -> list[str]:
    """Lines ending with ":" (a list lead-in) that no longer have an item below them."""
    out: list[str] = []
    for i, line in enumerate(lines):
        text = MARKER.sub("", line).strip()
        if i >= first and text.endswith(":") and not text.startswith("- "):
            following = next((x.strip() for x in lines[i + 1 :] if x.strip()), "")
            if not following.startswith("- "):
                marker = MARKER.search(line)
                if marker:
                    _attach(out, first, marker.group(0).strip())
                continue
        out.append(line)
    return out


def _renumber(
    body: str, citations: Sequence[Citation], order: Sequence[int]
) -> tuple[str, list[Citation], list[int]]:
    """Markers renumbered by first appearance; citations and the passage order to match."""
    seen: list[int] = []
    for match in re.finditer(r"\[(\d+)\]", body):
        n = int(match.group(1))
        if n not in seen:
            seen.append(n)
    mapping = {old: new for new, old in enumerate(seen, 1)}
    body = re.sub(r"\[(\d+)\]", lambda m: f"[{mapping.get(int(m.group(1)), m.group(1))}]", body)
    by_n = {c.n: c for c in citations}
    new_citations = [
        by_n[old].model_copy(update={"n": mapping[old]}) for old in seen if old in by_n
    ]
    cited = [order[old - 1] for old in seen if 0 < old <= len(order)]
    new_order = cited + [i for i in order if i not in cited]
    return body, new_citations, new_order
