"""The knowledge-gap verdict per request (drafter.drafting.question_verdict) on the dev sets.

- partial.jsonl (gaps_dev15): mails asking two or three things, at least one answered by the
  KB and one not, each question labelled. A labelled question counts as held when the whole
  mail is a gap (the draft holds everything) or when a request overlapping it (half of its
  words) is one of the mail's open questions; else as answered. Answered questions should be
  answered, unanswered ones held.
- every dev gap/answerable set: how many answerable mails get an open question (a kb_gap
  warning and a holding line the whole-mail decision did not give), how many gap mails that
  the whole-mail decision answers get one (a gap now named in the draft).

Run: `.venv/bin/python -m benchmarks.gap_questions` (indexes kb/; development sets only).
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from drafter.drafting.gap_verdict import MISSING, decide
from drafter.drafting.question_verdict import mail_questions
from drafter.knowledge.embeddings import word_encoder
from drafter.knowledge.retrieve import Retriever, build_query
from drafter.models import Passage

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
PARTIAL_SETS = ["gaps_dev15"]
_WORD = re.compile(r"\w+")


def _rows(path: Path) -> list[dict[str, object]]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def judged(retriever: Retriever, row: dict[str, object]) -> tuple[str, str, list[str]]:
    """(whole-mail verdict before, after, open questions) of one row, as the engine decides
    them (drafter.drafting.engine: search, decide, then the requests one by one)."""
    subject, body = str(row.get("subject") or ""), str(row.get("message") or "")
    lang = str(row.get("lang") or "de")
    encode = word_encoder(retriever)

    def search(text: str) -> tuple[Sequence[Passage], Sequence[str], bool]:
        found = retriever.search(text, k=5, language=lang)
        texts = [str(retriever.article(p.kb_id).get("text") or p.text) for p in found]
        return found, texts, bool(retriever.is_gap(found))

    passages, texts, gap = search(build_query(subject, body))
    before = decide(subject, body, passages, texts, lang, gap, encode)
    after, asked = mail_questions(
        body, lang, before, list(zip(passages, texts, strict=True)), search, encode
    )
    return before, after, asked


def held(question: str, verdict: str, asked: list[str]) -> bool:
    """Whether the draft holds a labelled question (see the module docstring)."""
    if verdict == MISSING:
        return True
    words = {w.lower() for w in _WORD.findall(question)}
    return any(
        len(words & {w.lower() for w in _WORD.findall(a)}) >= 0.5 * len(words) for a in asked
    )


def partial_lines(retriever: Retriever, name: str) -> list[str]:
    count: Counter[tuple[str, str, bool, bool]] = Counter()  # (when, lang, answerable, held)
    mails: Counter[tuple[str, str]] = Counter()  # whole-mail gap verdicts
    for row in _rows(DATA / name / "partial.jsonl"):
        before, after, asked = judged(retriever, row)
        lang = str(row.get("lang") or "")
        mails["before", lang] += before == MISSING
        mails["after", lang] += after == MISSING
        for q in row.get("questions") or []:  # type: ignore[union-attr]
            text, answerable = str(q["text"]), bool(q["answerable"])
            count["before", lang, answerable, before == MISSING] += 1
            count["after", lang, answerable, held(text, after, asked)] += 1
    if not mails:
        return [f"Not reported: benchmarks/data/{name}/partial.jsonl is not in this checkout."]
    out = [
        f"| {name} | answered questions answered | unanswered questions held | "
        "whole-mail gap verdicts |",
        "|---|---|---|---|",
    ]
    for when in ("before", "after"):
        for lang in ("all", "de", "en"):

            def n(ans: bool, hold: bool, when: str = when, lang: str = lang) -> int:
                return sum(
                    v
                    for (w, g, a, h), v in count.items()
                    if w == when and (lang == "all" or g == lang) and a == ans and h == hold
                )

            gaps = sum(v for (w, g), v in mails.items() if w == when and lang in ("all", g))
            ok, total = n(True, False), n(True, False) + n(True, True)
            hit, missed = n(False, True), n(False, True) + n(False, False)
            out.append(f"| {when}, {lang} | {ok}/{total} | {hit}/{missed} | {gaps} |")
    return out


def open_lines(retriever: Retriever, names: list[str]) -> list[str]:
    out = [
        "| set | answerable mails with an open question | gap mails answered whole, an open "
        "question named |",
        "|---|---|---|",
    ]
    for name in names:
        answerable = gaps = n_ans = n_gap = 0
        for kind in ("answerable", "gaps"):
            for row in _rows(DATA / name / f"{kind}.jsonl"):
                _before, after, asked = judged(retriever, row)
                named = bool(asked) and after != MISSING
                if kind == "answerable":
                    answerable, n_ans = answerable + named, n_ans + 1
                else:
                    gaps, n_gap = gaps + named, n_gap + 1
        out.append(f"| {name} | {answerable}/{n_ans} | {gaps}/{n_gap} |")
    return out


def section(retriever: Retriever, names: list[str] | None = None) -> list[str]:
    from benchmarks.gap_verdict_bench import DEV_SETS

    lines = ["### Knowledge gaps per request (development data), sample KB", ""]
    for name in PARTIAL_SETS:
        lines += [*partial_lines(retriever, name), ""]
    return [*lines, *open_lines(retriever, names or DEV_SETS)]


def main() -> None:
    from drafter.config import Settings
    from drafter.knowledge.embeddings import load_use
    from drafter.knowledge.ingest import ingest
    from drafter.knowledge.retrieve import open_retriever

    load_use()
    work = Path(tempfile.mkdtemp(prefix="gap-questions-"))
    settings = Settings(data_dir=work)
    ingest(settings, [ROOT / "kb"], index_dir=work / "ix")
    print("\n".join(section(open_retriever(settings, index_dir=work / "ix"))))


if __name__ == "__main__":
    main()
