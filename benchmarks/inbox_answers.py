"""Dev tooling (not a benchmark of record): does a template draft carry the key details a good
reply gives, and does it lead with them?

DEV DATA ONLY. Runs on a mail folder with an `answers.jsonl` in the format of
benchmarks/data/inbox_test (one row per mail: "file", "kb_answers", "what_a_good_reply_says").
That set was written blind by another session and reviewed once (docs/draft-review-session6/);
it is now development data: rules were tuned looking at it, so its figures are not evidence.

Key details are taken mechanically from "what a good reply says": every figure with what
follows it (an amount, a period, a date, a percentage: "14 Tage", "100 EUR", "15.", "48
Stunden"), except figures the customer's own mail already contains. Per answerable mail:

- `found`: share of those figures that occur in the draft (as the same number);
- `leads`: a figure occurs in the first paragraph after the acknowledgement (the answer comes
  first, not after the process);
- `holding`: the draft is a knowledge-gap holding reply although the knowledge base answers.

`python -m benchmarks.inbox_answers [MAILDIR] [--show]` drafts every mail with this checkout's
template writer (no model; the knowledge base under kb/ ingested into a temporary folder) and
prints the totals (and per mail with --show).
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
_FIGURE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)(?!\d)")
# phone numbers and postcodes are contact data every draft carries, not an answer
_CONTACT = re.compile(r"\b\d{3,5}\s\d{3,5}-\d+\b|\b\d{5}\s(?=[A-ZÄÖÜ][a-zäöüß]+)")


def figures(text: str) -> list[str]:
    """The figures of `text`, normalised ("9,90" -> "9.90"), without phone numbers."""
    return [_number(m) for m in _FIGURE.findall(_CONTACT.sub(" ", text))]


def _number(text: str) -> str:
    return text.replace(",", ".").rstrip(".")


def key_figures(good: str, mail: str) -> list[str]:
    """The figures of `good` (normalised: "9,90" -> "9.90") the mail itself does not state."""
    own = set(figures(mail))
    out: list[str] = []
    for value in figures(good):
        if value not in own and value not in out and value not in {"0", "1"}:
            out.append(value)
    return out


def _paragraphs(body: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", body) if p.strip()]


_ACK = re.compile(
    r"vielen dank|danke|thank you|thanks|es tut uns leid|we are sorry|i'm sorry|"
    r"herzliches beileid|aufrichtiges beileid|our condolences|our sincere",
    re.I,
)
_HOLDING = re.compile(
    r"keine verlässliche Auskunft|cannot give you reliable information|prüfen wir (?:Ihr|dein) "
    r"Anliegen|checking your request",
    re.I,
)


def answer_paragraph(body: str) -> str:
    """The first paragraph after the greeting that is not the acknowledgement or an
    emergency line."""
    for paragraph in _paragraphs(body)[1:]:
        if not _ACK.match(paragraph.strip().lstrip('„"')):
            return paragraph
    return ""


def judge(body: str, good: str, mail: str) -> dict[str, Any]:
    wanted = key_figures(good, mail)
    numbers = set(figures(body))
    first = set(figures(answer_paragraph(body)))
    found = [f for f in wanted if f in numbers]
    return {
        "figures": wanted,
        "found": found,
        "share": len(found) / len(wanted) if wanted else None,
        "leads": bool(wanted) and any(f in first for f in wanted),
        "holding": bool(_HOLDING.search(body)),
    }


def measure(maildir: Path, show: bool = False) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from benchmarks.bench_replies import _draft_all
    from drafter.config import Settings
    from drafter.drafting.engine import DraftingEngine
    from drafter.knowledge.ingest import ingest
    from drafter.knowledge.retrieve import open_retriever
    from drafter.mail import parse_email

    rows = [json.loads(line) for line in (maildir / "answers.jsonl").read_text().splitlines()]
    rows = [r for r in rows if r.get("kb_answers")]
    mails = [parse_email((maildir / r["file"]).read_bytes()) for r in rows]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), llm_model="", llm_base_url="")
        ingest(settings, [ROOT / "kb"])
        engine = DraftingEngine(settings, open_retriever(settings))
        drafts = asyncio.run(_draft_all(engine, mails))
    judged = []
    for row, mail, draft in zip(rows, mails, drafts, strict=True):
        result = judge(draft.body, row["what_a_good_reply_says"], f"{mail.subject}\n{mail.body}")
        judged.append(result)
        if show:
            print(f"{row['file']}: {result['found']} of {result['figures']}", end="")
            print(f" leads={result['leads']} holding={result['holding']}")
    shares = [j["share"] for j in judged if j["share"] is not None]
    return {
        "mails": len(judged),
        "figures_found": sum(shares) / len(shares) if shares else 0.0,
        "leads": sum(j["leads"] for j in judged),
        "holding": sum(j["holding"] for j in judged),
    }


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    maildir = Path(args[0]) if args else ROOT / "benchmarks/data/inbox_test"
    print(json.dumps(measure(maildir, show="--show" in sys.argv), indent=1))


if __name__ == "__main__":
    main()
