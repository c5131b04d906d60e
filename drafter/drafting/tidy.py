"""The last step of a template draft: sentences that do not belong are taken out.

Owns `tidy`, which the template writer (drafter.drafting.writers.ExtractiveWriter) runs on the
finished body: every sentence drafter.drafting.coherence finds (a dangling reference, an
answer without its conditional heading, a bare "E-Mail an ..." line, an example shown as a
fact, a section about another product, a repeat, a request for data the mail already has,
the acknowledgement below an emergency instruction) is removed; a list lead-in left without
items goes too. Citation markers stay with their article: a marker on a removed line moves to
the article's last kept line, an article with nothing left is no longer cited, and the
sources are renumbered by first citation ([1], [2], ...). When nothing of the articles is
left (a printer question answered from the fibre-outage article), the draft says plainly that
the question is being checked (drafter.drafting.holding.gap_text) instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from drafter.drafting.article_units import split_sentences
from drafter.drafting.coherence import MARKER, find_incoherent, is_acknowledgement, letter_span
from drafter.drafting.holding import gap_text
from drafter.drafting.letter_checks import reply_register
from drafter.drafting.situation import given_data, topic
from drafter.models import Citation

_ONE_MARKER = re.compile(r"\s*\[(\d+)\]\s*$")


@dataclass
class Tidied:
    body: str
    citations: list[Citation]
    order: list[int]  # passage indices: cited ones by first citation, then the others
    removed: list[str]  # "kind: sentence" per removal


PASSES = 3  # a removal can leave the next sentence dangling ("Beispiel: ..." -> "Dann ...")


def tidy(
    body: str,
    mail_text: str,
    language: str,
    articles: Sequence[str],
    citations: Sequence[Citation],
    order: Sequence[int],
) -> Tidied:
    """`body` without the sentences drafter.drafting.coherence finds (`articles`: the full
    texts of the draft's passages), repeated while a pass still finds something (at most
    PASSES times)."""
    done = Tidied(body, list(citations), list(order), [])
    for _ in range(PASSES):
        step = _tidy_once(done.body, mail_text, language, articles, done.citations, done.order)
        if not step.removed:
            break
        done = Tidied(step.body, step.citations, step.order, done.removed + step.removed)
    return done


def _tidy_once(
    body: str,
    mail_text: str,
    language: str,
    articles: Sequence[str],
    citations: Sequence[Citation],
    order: Sequence[int],
) -> Tidied:
    """One pass of `tidy`."""
    findings = find_incoherent(body, mail_text, language, articles)
    if not findings:
        return Tidied(body, list(citations), list(order), [])
    lines = body.split("\n")  # (a repaired lead-in is written back into this copy)
    first, end = letter_span(lines)
    drop: dict[int, set[str]] = {}
    removed: list[str] = []
    for finding in findings:
        line = finding.line
        if _lead_in(lines, line):
            if finding.kind == "off_product" or (
                finding.kind == "duplicate" and finding.sentence.endswith("?")
            ):  # the whole list is about the other product, or its question was answered
                for j in _items_below(lines, line):
                    drop.setdefault(j, set()).add(MARKER.sub("", lines[j]).strip())
            elif finding.kind == "dangling_reference" and _BACK_WORD.search(lines[line]):
                lines[line] = _BACK_WORD.sub("", lines[line])  # "Sie haben dann zwei ...:"
                removed.append(f"repaired {finding.kind}: {finding.sentence}")
                continue
            else:
                continue  # a list's lead-in stays with its items (it goes when they all go)
        drop.setdefault(line, set()).add(finding.sentence)
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
    letter = kept[first : len(kept) - (len(lines) - end)]
    if MARKER.search(body) and not any(MARKER.search(k) for k in letter):
        # nothing of the articles is left: say plainly that the question is being checked
        at = next((j for j in range(first, len(kept)) if is_acknowledgement(kept[j])), first - 1)
        kept[at + 1 : at + 1] = ["", _gap(body, mail_text, language)]
        removed.append("no article text left: knowledge-gap text instead")
    text = "\n".join(kept)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    new_body, new_citations, new_order = _renumber(text, citations, order)
    return Tidied(new_body, new_citations, new_order, removed)


def _gap(body: str, mail_text: str, language: str) -> str:
    """The knowledge-gap paragraph (drafter.drafting.holding.gap_text) in the draft's
    register, on the mail's topic."""
    formality = "du" if language == "de" and reply_register(body) == "du" else "sie"
    subject = mail_text.split("\n", 1)[0]
    return gap_text(language, formality, given_data(mail_text), topic(subject))


_BACK_WORD = re.compile(r"\s+(?:dann|then)\b(?=[^:?]*[:?]\s*(?:\[\d+\])?\s*$)")


def _items_below(lines: list[str], i: int) -> list[int]:
    """The line numbers of the list items right below lead-in `i`."""
    out = []
    for j in range(i + 1, len(lines)):
        if not lines[j].strip().startswith("- "):
            break
        out.append(j)
    return out


def _lead_in(lines: list[str], i: int) -> bool:
    """True when line `i` introduces the list below it."""
    text = MARKER.sub("", lines[i]).strip()
    following = next((x.strip() for x in lines[i + 1 :] if x.strip()), "")
    return text.endswith((":", "?")) and not text.startswith("- ") and following.startswith("- ")


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
        if i >= first and text.endswith((":", "?")) and not text.startswith("- "):
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
