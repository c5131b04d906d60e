"""Blind A/B review of template drafts between two checkouts (docs/draft-review-session6/).

`draft CHECKOUT MAILDIR OUT.json`: draft every .eml of MAILDIR with CHECKOUT's own drafter
(`--no-llm`, its `.demo` index from `make demo`) and save the drafts.
`pair BEFORE.json AFTER.json MAILDIR OUTDIR`: write `pairs.txt` (each mail with its two drafts
as A and B in a seeded random order, for a reviewer who never sees the code) and `key.json`
(which of A/B is which; kept from the reviewer).
`tally REVIEW.md KEY.json`: unblind a review written in the format of
docs/draft-review-session6/review.md and count verdicts, answers, defects and preferences per
version.
"""

from __future__ import annotations

import email
import json
import random
import re
import subprocess
import sys
from collections import Counter, defaultdict
from email import policy
from pathlib import Path
from typing import Any


def draft(checkout: Path, maildir: Path, out: Path) -> None:
    result: dict[str, Any] = {}
    for eml in sorted(maildir.glob("*.eml")):
        command = [str(checkout / ".venv/bin/drafter"), "--data-dir", str(checkout / ".demo")]
        command += ["draft", str(eml), "--no-llm", "--json"]
        proc = subprocess.run(command, capture_output=True, text=True, cwd=checkout, check=False)
        result[eml.name] = (
            json.loads(proc.stdout) if proc.returncode == 0 else {"error": proc.stderr}
        )
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


def _text(d: dict[str, Any]) -> str:
    cites = [
        f"  [{i}] {c.get('title', '')} ({c.get('kb_id', '')})"
        for i, c in enumerate(d.get("citations", []), 1)
    ]
    return str(d["body"]).rstrip() + ("\n\nSources:\n" + "\n".join(cites) if cites else "")


def _mail_text(msg: Any) -> str:
    """The text the reviewer reads: the plain part, else the HTML part as text (an HTML-only
    mail reached the session-10 reviewer with an empty body)."""
    part = msg.get_body(("plain", "html"))
    if part is None:
        return ""
    content = str(part.get_content())
    if part.get_content_subtype() == "html":
        from drafter.mail.html import html_to_text

        return html_to_text(content).text
    return content


def pair(before: Path, after: Path, maildir: Path, outdir: Path) -> None:
    drafts = {"before": json.loads(before.read_text()), "after": json.loads(after.read_text())}
    answers = {}
    for line in (maildir / "answers.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        answers[row["file"]] = row
    rng = random.Random(20261130)
    key: dict[str, dict[str, str]] = {}
    out = []
    for name in sorted(drafts["before"]):
        msg = email.message_from_bytes((maildir / name).read_bytes(), policy=policy.default)
        body = _mail_text(msg)
        order = ["before", "after"]
        rng.shuffle(order)
        key[name] = {"A": order[0], "B": order[1]}
        a = answers.get(name, {})
        out.append(
            f"######## MAIL {name}\nFrom: {msg['from']}\nSubject: {msg['subject']}\n\n"
            f"{body.strip()}\n\n-- what a good reply says (written with the mail): "
            f"{a.get('what_a_good_reply_says', '')}\n"
            f"-- KB answers it: {a.get('kb_answers')}; articles: {a.get('kb_ids')}\n\n"
            f"======== DRAFT A\n{_text(drafts[order[0]][name])}\n\n"
            f"======== DRAFT B\n{_text(drafts[order[1]][name])}\n"
        )
    (outdir / "pairs.txt").write_text("\n".join(out), encoding="utf-8")
    (outdir / "key.json").write_text(json.dumps(key, indent=1), encoding="utf-8")


def tally(review: Path, key_file: Path) -> dict[str, dict[str, Counter[str]]]:
    key = json.loads(key_file.read_text())
    counts: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for section in re.split(r"^## Mail ", review.read_text(encoding="utf-8"), flags=re.M)[1:]:
        mail = section[:2] + ".eml"
        better = re.search(r"\*\*better: (A|B|same)\*\*", section)
        choice = better.group(1) if better else "same"
        counts["preferred"]["mails"][key[mail][choice] if choice in "AB" else "same"] += 1
        for part in re.split(r"^\*\*Draft ", section, flags=re.M)[1:]:
            who = key[mail][part[0]]
            found = re.search(r"verdict \*\*(.+?)\*\*; answers the question: \*\*(.+?)\*\*", part)
            if found:
                counts[who]["verdict"][found.group(1)] += 1
                counts[who]["answers"][found.group(2)] += 1
            own = part.split("**better")[0]
            counts[who]["defects"].update(re.findall(r"^- \[([\w/ ]+)\]", own, flags=re.M))
    return counts


def main(argv: list[str]) -> None:
    command, *args = argv
    if command == "draft":
        draft(Path(args[0]), Path(args[1]), Path(args[2]))
    elif command == "pair":
        pair(Path(args[0]), Path(args[1]), Path(args[2]), Path(args[3]))
    else:
        for who, parts in tally(Path(args[0]), Path(args[1])).items():
            for what, counter in parts.items():
                print(who, what, sum(counter.values()), dict(counter.most_common()))


if __name__ == "__main__":
    main(sys.argv[1:])
