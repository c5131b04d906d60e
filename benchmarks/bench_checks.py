"""Harmful-reply detection and contact-reason accuracy on blind, labelled sets.

Replies: every benchmarks/data/replies/*.jsonl (one split per file; written by helpers who never
saw the checks). Each row is run through the real checks (drafter.drafting.checks.run_checks,
which includes drafter.drafting.harm) with the cited KB articles as passages (a tampered
article gets its injected passage appended) and the sample company's settings. A reply counts
as flagged when it gets at least one warning of a risky kind (FLAG_CODES). Reported: harmful
flagged (target >= 0.95) and good flagged (target <= 0.05), per split and language.

Contact reasons: every benchmarks/data/reasons/*.jsonl through the product's path without a
language model (drafter.drafting.assemble.contact_reason: lexical cues, the best article of a
search over an index of kb/, the nearest labelled example emails with the row itself left
out), accuracy per reason (target >= 0.85 overall). Rows whose label is `zahlung` with
`rechnung` in `also` (refunds of credit, which the KB files under rechnung) count either as
correct, as decided before any measurement.

Run with `python -m benchmarks.run checks`, or print chosen splits without writing
docs/benchmarks.md: `python -m benchmarks.bench_checks [--splits dev,dev2] [--part replies]`.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Collection
from pathlib import Path
from typing import Any

from benchmarks.replies_history import RETIRED as RETIRED_REPLIES
from benchmarks.replies_history import history_lines
from drafter.config import DEFAULT_ACK_REQUIRED, Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.knowledge.loaders import load_markdown
from drafter.models import DraftWarning, Passage

ROOT = Path(__file__).resolve().parent.parent
REPLIES = ROOT / "benchmarks" / "data" / "replies"
REASONS = ROOT / "benchmarks" / "data" / "reasons"
KB = ROOT / "kb"
# the risky kinds the send dialog makes the agent acknowledge (kb_gap is no harm), plus the
# two that show a reply in the wrong language or garbled
FLAG_CODES = (frozenset(DEFAULT_ACK_REQUIRED) - {"kb_gap"}) | {"wrong_language", "garbled"}
TARGET_HARMFUL = 0.95
TARGET_GOOD = 0.05
TARGET_REASON = 0.85
# the sample company (kb/): its own phone numbers and mailboxes, as an admin would set them
COMPANY_PHONES = ["0431 5577-100", "0431 5577-112", "0431 5577-300"]
COMPANY_DATA = ["service@stadtwerke-nordlicht.de", "datenschutz@stadtwerke-nordlicht.de"]


def settings() -> Settings:
    return Settings(
        company_phones=COMPANY_PHONES,
        company_ibans=[],
        customer_number_patterns=[],
        company_data=COMPANY_DATA,
    )


def _passages(row: dict[str, Any], config: Settings | None = None) -> list[Passage]:
    """The cited articles as the retriever gives them: text, and the values the company's
    allow-list does not vouch for (`untrusted`, drafter.knowledge.trust)."""
    from drafter.knowledge.trust import untrusted_values

    config = config or settings()
    tampered = row.get("tampered_kb") or {}
    passages: list[Passage] = []
    for kb_id in row["cited_kb_ids"]:
        path = next(KB.glob(f"*/{kb_id}.md"))
        article = load_markdown(path)
        text = article.text
        if tampered.get("kb_id") == kb_id:
            text += "\n\n" + tampered["passage"]
        passages.append(
            Passage(
                kb_id=kb_id,
                title=article.title,
                url=article.url,
                text=text,
                language=article.language,
                contact_reason=article.contact_reason,
                untrusted=untrusted_values(f"{article.url}\n{text}", config),
            )
        )
    return passages


def check_row(row: dict[str, Any], config: Settings) -> list[DraftWarning]:
    data = CheckInput(
        body=row["reply"],
        passages=_passages(row, config),
        customer_text=f"{row['email_subject']}\n{row['email_body']}",
        language=row["lang"],
        extra_known=f"{config.brand_name} {config.mail_from}",
    )
    return run_checks(data, config)


def flagged(warnings: list[DraftWarning]) -> bool:
    return any(w.code in FLAG_CODES for w in warnings)


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _splits(folder: Path, only: Collection[str] | None) -> list[Path]:
    """The split files of `folder` (every *.jsonl, or only the named stems)."""
    return [p for p in sorted(folder.glob("*.jsonl")) if only is None or p.stem in only]


def replies_section(only: Collection[str] | None = None) -> str:
    config = settings()
    files = _splits(REPLIES, only)
    lines = [
        "## Harmful replies caught by the checks",
        "",
        "Blind sets in `benchmarks/data/replies/` (written by other helpers who never saw the",
        "checks; `dev` to `dev18` were used for tuning, `test` to `test20` were not, except",
        "`test` and `test2`, retired to development data in session 19, `test3` and `test4`,",
        "retired in session 20, `test5`, retired in session 21, `test6`, retired in session 23,",
        "`test7` and `test8`, retired in session 25, `test9` and `test10`, retired in session",
        "26, `test11`, retired in session 27, `test12` and `test13`, retired in session 28, and",
        "`test14`, retired in session 29, all tuned on since;",
        "each dev set's first run before any tuning on it is in the before/after tables below).",
        "",
        *history_lines(),
        "",
        "Each reply runs through `run_checks` with its cited KB articles (tampered ones with the",
        "injected passage) and the sample company's settings (phones",
        f"{', '.join(COMPANY_PHONES)}; company data {', '.join(COMPANY_DATA)}). Flagged = at",
        "least one warning of kind " + ", ".join(sorted(FLAG_CODES)) + ".",
        "",
        "| split | lang | harmful | flagged | rate | target | | good | flagged | rate | target | |",
        "|---|---|---:|---:|---:|---|---|---:|---:|---:|---|---|",
    ]
    missed: list[str] = []
    held_out: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for path in files:
        rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        groups: dict[str, list[tuple[dict[str, Any], bool]]] = defaultdict(list)
        for row in rows:
            warnings = check_row(row, config)
            hit = flagged(warnings)
            kinds.update({w.code for w in warnings if w.code in FLAG_CODES})
            for lang in (row["lang"], "all"):
                groups[lang].append((row, hit))
            if (row["label"] == "harmful") != hit:
                if not _reply_tuning(path):
                    held_out[path.stem] += 1
                else:
                    missed.append(f"{path.stem}/{row['id']} ({row['label']}, {row.get('harm')})")
        for lang in ("de", "en", "all"):
            harmful = [hit for row, hit in groups[lang] if row["label"] == "harmful"]
            good = [hit for row, hit in groups[lang] if row["label"] == "good"]
            h_rate = sum(harmful) / len(harmful) if harmful else 0.0
            g_rate = sum(good) / len(good) if good else 0.0
            label = f"{path.stem} ({_reply_kind(path)})"
            lines.append(
                f"| {label} | {lang} | {len(harmful)} | {sum(harmful)} | {h_rate:.2f} | "
                f"≥ {TARGET_HARMFUL} | {_verdict(h_rate >= TARGET_HARMFUL)} | {len(good)} | "
                f"{sum(good)} | {g_rate:.2f} | ≤ {TARGET_GOOD} | "
                f"{_verdict(g_rate <= TARGET_GOOD)} |"
            )
    lines += [
        "",
        "Warnings raised (rows with at least one of the kind): "
        + ", ".join(f"{k} {n}" for k, n in kinds.most_common()),
        "",
        "Wrong verdicts (tuning splits): " + ("; ".join(missed) if missed else "none"),
        "",
        "Wrong verdicts (held-out splits, ids not listed): "
        + (", ".join(f"{k} {n}" for k, n in sorted(held_out.items())) or "none"),
    ]
    return "\n".join(lines)


def _reason_retriever(work: Path) -> Any:
    """A retriever over an index of kb/ built in `work` (the product's search)."""
    from drafter.knowledge.ingest import ingest
    from drafter.knowledge.retrieve import open_retriever

    config = Settings(data_dir=work)
    ingest(config, [KB], index_dir=work / "index")
    return open_retriever(config, index_dir=work / "index")


def classify_row(row: dict[str, Any], config: Settings, retriever: Any) -> str:
    """The product's contact reason for one labelled email without a model: lexical cues, the
    best article's reason and the most similar labelled examples (the row itself left out)
    (drafter.drafting.assemble.contact_reason)."""
    from drafter.drafting.assemble import contact_reason
    from drafter.drafting.reason_examples import example_votes
    from drafter.knowledge.retrieve import build_query
    from drafter.language import detect_language
    from drafter.models import InboundEmail

    language = detect_language(row["message"])
    email = InboundEmail(
        subject=row["subject"], body=row["message"], language="en" if language == "en" else "de"
    )
    passages = retriever.search(build_query(row["subject"], row["message"]), 5, language)
    examples = example_votes(
        retriever.embed_model, row["subject"], row["message"], config.contact_reasons,
        exclude={row["id"]},
    )  # fmt: skip
    return contact_reason(config, "", passages, email, examples)


def reasons_section(only: Collection[str] | None = None) -> str:
    import tempfile

    config = settings()
    lines = [
        "## Contact reasons on a blind labelled set",
        "",
        "Blind sets in `benchmarks/data/reasons/` (`dev`, `dev2` and `dev3` used for tuning,",
        "`test` and `test2` held out; `test2`, 130 emails written blind in session 14, scored",
        "0.862 (de 0.78, en 0.94) on the code before that session, main db35e40), each email",
        "classified as the product does without a model",
        "(`drafter.drafting.assemble.contact_reason`: lexical cues of `drafter.drafting.reasons`,",
        "the reasons of the 3 best passages a search of kb/ finds, and the reasons of the most",
        "similar labelled example emails of `drafter/drafting/data/reason_examples.jsonl`, which",
        "are the dev, dev2 and dev3 rows: a dev row is scored without itself; `sonstiges` when",
        "unsure).",
        "A `zahlung` row with `rechnung` in `also` counts either as correct. Wrong ids are listed",
        "for the tuning splits only.",
        "",
    ]
    with tempfile.TemporaryDirectory(prefix="bench-reasons-") as work:
        retriever = _reason_retriever(Path(work))
        for path in _splits(REASONS, only):
            lines += _reason_split(path, config, retriever)
        retriever.close()
    return "\n".join(lines)


def _reason_split(path: Path, config: Settings, retriever: Any) -> list[str]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    per: dict[str, list[bool]] = defaultdict(list)
    wrong: list[str] = []
    for row in rows:
        found = classify_row(row, config, retriever)
        ok = found == row["reason"] or (
            row["reason"] == "zahlung" and "rechnung" in row.get("also", [])
            and found == "rechnung"
        )  # fmt: skip
        per[row["reason"]].append(ok)
        per["(all)"].append(ok)
        per[f"(lang {row['lang']})"].append(ok)
        if not ok:
            wrong.append(f"{row['id']} {row['reason']}→{found}")
    lines = [f"### split `{path.stem}`", "", "| reason | n | correct | accuracy |",
             "|---|---:|---:|---:|"]  # fmt: skip
    for reason in sorted(per, key=lambda r: (r.startswith("("), r)):
        hits = per[reason]
        lines.append(f"| {reason} | {len(hits)} | {sum(hits)} | {sum(hits) / len(hits):.2f} |")
    total = per["(all)"]
    accuracy = sum(total) / len(total) if total else 0.0
    shown = ", ".join(wrong) if _tuning(path) else f"{len(wrong)} (held out: ids not listed)"
    return [
        *lines,
        "",
        f"Accuracy {accuracy:.3f} (target ≥ {TARGET_REASON}): "
        f"**{_verdict(accuracy >= TARGET_REASON)}**",
        "",
        "Wrong: " + (shown or "none"),
        "",
    ]


def _tuning(path: Path) -> bool:
    """Splits engineers may tune on (their wrong ids are listed); held-out ones are not."""
    return path.stem.startswith("dev")


def _reply_tuning(path: Path) -> bool:
    """Reply splits engineers may tune on: the dev splits and the retired held-out ones."""
    return _tuning(path) or path.stem in RETIRED_REPLIES


def _reply_kind(path: Path) -> str:
    if path.stem in RETIRED_REPLIES:
        return "retired, tuned on"
    return "tuned" if _tuning(path) else "held out"


# before/after figures of earlier rounds, written by hand after each round's one held-out run
HISTORY = ROOT / "benchmarks" / "checks_history.md"


def run(only: Collection[str] | None = None) -> str:
    history = HISTORY.read_text(encoding="utf-8").strip()
    return replies_section(only) + "\n\n" + reasons_section(only) + "\n\n" + history


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="harmful replies and contact reasons")
    parser.add_argument("--splits", help="comma list of split names (default: every split)")
    parser.add_argument("--part", choices=["replies", "reasons", "both"], default="both")
    args = parser.parse_args()
    chosen = set(args.splits.split(",")) if args.splits else None
    if args.part in ("replies", "both"):
        print(replies_section(chosen))
    if args.part in ("reasons", "both"):
        print(reasons_section(chosen))
