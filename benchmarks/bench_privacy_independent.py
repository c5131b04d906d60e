"""Privacy on independent, hand-labelled email: what of each labelled value reaches the model.

For every set folder under benchmarks/data/privacy/ (`dev`, `test_a`, `test_b`, ...; each a
folder of NNN.eml files plus labels.jsonl with one {"file", "lang", "pii": [{"type", "value"}],
"keep": [...]} line per email) this module parses each .eml with drafter's real parser, runs
the real redaction of the drafting engine and renders the real reply prompt. The text checked
is everything the model could see: the rendered prompt messages plus the redacted subject,
body, quoted history, signature, From/To/Cc headers and attachment names.

A labelled value is
- leaked when the whole value survives (compared after NFKC + casefold + collapsed spaces, as a
  whole word; for types other than NAME also with all separators removed, so "DE89 3704 ..."
  is found as "DE893704..." too),
- partial when the whole value is gone but one of its personal tokens survives as a whole word:
  a token is a run of letters/digits of length >= 4 that is not a generic word (street types
  such as "Straße"/"Street", titles, free-mail domains, country names; the GENERIC set below),
  not an everyday word or a large city (wordfreq zipf >= 4.0 in German or English: "links",
  "Wohnung", "floor", "Kiel"), not a word of the company's own data (brand, From address,
  link allowlist: the company's own URLs are not personal; its phones, IBANs and
  DRAFTER_COMPANY_DATA: the "0431" of the company's hotline "0431 5577-100" is no partial
  leak of a customer's "0431 / 64 33 91" whose number is hidden) and, for an e-mail
  address, not in its domain (an organisation's name; the whole address is still checked as
  a value), and
  not a year (19xx/20xx: "GF-2025-031877" is not partly leaked by "17.07.2025"), not a role
  word ("buchhaltung" of
  "buchhaltung@hagedorn-dachbau.de" beside "unsere Buchhaltung"; round 14's change, every set
  is also reported under the old judge: benchmarks/privacy_judge.py), and for a
  link only in its query's values, fragment and path segments with a digit (`url_personal`:
  "reset" of ".../reset?token=9f3K…" beside "I tried to reset" is the site's word),
- hidden otherwise.
Recall is hidden / labelled. Over-redaction: a keep string present in the parsed email that is
not present verbatim in the redacted fields. Timing: p95 of 200 redactions of one ~4 KB email
(the gazetteers already loaded); loading (imports, gazetteers, first email) is measured
separately in a fresh process.

The sets are written by people who did not write the recognizers; `dev` … `dev16` were used
for tuning (dev2 … dev16 each first measured before any change tuned
on it; `dev17`, written in session 20, first tuned on in session 21), the test sets
(`test_a`, `test_b`, `test_c`, `test_d` written in session 5, `test_e` in
session 6, `test_f` in session 7, `test_g` in session 8, `test_h` in session 9, `test_i` in
session 10, `test_j` in session 11, `test_k` in session 12, `test_l` in session 13, `test_m`
in session 14, `test_n` in session 15, `test_o` and `test_p` in session 16, `test_q` in
session 18, `test_r` in session 20, `test_s` at the end of session 20, first run in session 21,
`test_t` in session 21, first run in session 22, `test_u` in session 22) were not seen by the
recognizers' authors. `test_a` and `test_b` were retired to development data in session 15
(after ten held-out measurements), `test_c` and `test_d` in session 20 (after fourteen),
`test_e` in session 21 (held out since session 6), `test_f` in session 23 (held out since
session 7), `test_g` in session 25 (held out since session 8), `test_h` in session 26 (held
out since session 9), `test_i` in session 27 (held out since session 10), `test_j` in session 28
(held out since session 11), `test_k` in session 29 (held out since session 12): from then on
they are tuned sets. Misses are listed only for the tuned sets.

`python -m benchmarks.run privacy_independent`, or run this file directly with
`--data DIR` (used to measure an older checkout: put its root first on PYTHONPATH).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.privacy_before import BEFORE, HISTORY_NOTE, history_lines
from benchmarks.privacy_equivalence import RETIRED
from benchmarks.privacy_judge import (  # noqa: F401 (the judge's names, re-exported)
    GENERIC,
    _company_tokens,
    compact,
    judge,
    norm,
    url_personal,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "privacy"
TARGET_ALL, TARGET_NAMES, TARGET_STRUCTURED, TARGET_KEEP = 0.98, 0.95, 0.99, 0.02
TARGET_P95_MS = 20.0
# sets the recognizers were tuned on: their misses are listed. test_a and test_b were held out
# through session 14 (their last held-out figures: a 791/825 hidden, 17 leaking mails; b 926/949,
# 18) and became development data in session 15, so that their misses could be studied; test_c
# and test_d likewise in session 20 (their last held-out figures, main 3fe0ff2, session 19's final
# code: c 861/867 hidden, 5 leaking mails, keep lost 11/343; d 682/686, 4, 5/623), test_e in
# session 21 (main ad9a46c, session 20's final code: 624/630, 6 leaking mails, keep lost 12/519),
# test_f in session 23 (main 5160956, the same privacy code as session 21's final 92b73ae: 669/672,
# 3 leaking mails, keep lost 13/528), test_g in session 25 (main 2099f99c, session 23's merged
# privacy code: 653/658, 5 leaking mails, keep lost 5/487), test_h in session 26 (main 65c2707,
# session 25's merged privacy code: 651/655, 4 leaking mails, keep lost 10/528), test_i in session
# 27 (main 78b62c67, the privacy code of 0ee5dbe, session 26's merged code: 716/717, 1 leaking
# mail, keep lost 8/503), test_j in session 28 (main d3402320, the privacy code of 66f009b,
# session 27's merged code with privspeed's speed-only merge: 634/638, 4 leaking mails, keep lost
# 10/499), test_k in session 29 (main a16fd3cd, the privacy code of 553d8b8, session 28's merged
# code with privspeed2's speed-only merge: 599/603, 4 leaking mails, keep lost 15/516).
# RETIRED lives in privacy_equivalence (its corpus is the development sets).
TUNED = (*(f"dev{n}" for n in ("", *range(2, 18))), *RETIRED)  # dev, dev2 ... dev17


@dataclass
class SetResult:
    name: str
    emails: int = 0
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    keep_present: int = 0
    keep_lost: int = 0
    emails_leaking: int = 0
    misses: list[str] = field(default_factory=list)
    lost_keeps: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # the same values under the old judge (role words count as personal tokens)
    counts_old: dict[str, Counter[str]] = field(default_factory=dict)
    emails_leaking_old: int = 0

    def add(self, type_: str, verdict: str, old: str | None = None) -> None:
        self.counts.setdefault(type_, Counter())[verdict] += 1
        self.counts_old.setdefault(type_, Counter())[old or verdict] += 1

    def share(self, types: set[str] | None = None, old: bool = False) -> tuple[int, int]:
        hidden = total = 0
        for type_, c in (self.counts_old if old else self.counts).items():
            if types is None or type_ in types:
                hidden += c["hidden"]
                total += sum(c.values())
        return hidden, total


def _engine() -> Any:
    from drafter.config import Settings
    from drafter.drafting.engine import DraftingEngine

    class _NoRetriever:
        def search(self, query: str, k: int, language: str | None = None) -> list[Any]:
            return []

        def is_gap(self, passages: list[Any]) -> bool:
            return True

    settings = Settings(llm_model="bench", llm_base_url="http://127.0.0.1:9/v1")
    return DraftingEngine(settings, _NoRetriever())


def model_view(engine: Any, email: Any) -> tuple[str, str, Any]:
    """(all text the model could see, the redacted email fields alone, the vault).

    The job is prepared by the engine's own `_prepare` (no passages: nothing is retrieved),
    so the bench sees what a draft request holds, including the engine's second pass that
    hides a name the greeting writes and the recognizers left in clear ("Th. L.-W."; before
    round 14 the bench redacted without that pass and counted such a name as leaked)."""
    import asyncio

    from drafter.drafting.prompts import find_template
    from drafter.drafting.writers import ModelWriter
    from drafter.language import detect_language

    language = email.language or detect_language(email.body, "de")
    formality = engine.settings.formality if language == "de" else "you"
    job = asyncio.run(engine._prepare(email, language, formality, {}, passages=[]))
    redacted, vault = job.redacted, job.vault
    template = find_template(engine.settings, engine.settings.prompt)
    writer = ModelWriter(engine.settings, template, engine.privacy, engine.client)
    prompt = "\n".join(m["content"] for m in writer.messages(job))
    parts = [redacted.subject, redacted.body, redacted.quoted, redacted.signature]
    for address in [redacted.from_, *redacted.to, *redacted.cc]:
        parts += [address.name, address.email]
    parts += [a.filename for a in redacted.attachments]
    fields = "\n".join(parts)
    return prompt + "\n" + fields, fields, vault


def hidden_by(keep: str, vault: Any) -> str:
    """Which values of the vault were cut out of a lost keep string, and by which recognizer
    (the per-keep-string over-redaction analysis: "'Pflegegrad' NAME by free name")."""
    keep_n = norm(keep)
    found = [
        f"{e.value!r} {e.type} by {vault.reasons.get(e.placeholder, '?')}"
        for e in vault.entities
        if norm(e.value) and norm(e.value) in keep_n
    ]
    return "; ".join(found) or "no vault value inside (a neighbour's span overlaps it)"


def email_fields(email: Any) -> str:
    parts = [email.subject, email.body, email.quoted, email.signature]
    for address in [email.from_, *email.to, *email.cc]:
        parts += [address.name, address.email]
    return "\n".join(parts)


def run_set(folder: Path, engine: Any) -> SetResult:
    from drafter.mail.parse import parse_email

    result = SetResult(folder.name)
    labels = [
        json.loads(line)
        for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    show = folder.name in TUNED
    own = _company_tokens()
    for label in labels:
        raw = (folder / label["file"]).read_bytes()
        email = parse_email(raw)
        result.emails += 1
        try:
            seen, fields, vault = model_view(engine, email)
        except Exception as exc:  # a crash is a leak of everything: never silently skipped
            result.errors.append(f"{label['file']}: {type(exc).__name__}")
            for item in label.get("pii", []):
                result.add(item["type"], "leaked")
            result.emails_leaking += 1
            result.emails_leaking_old += 1
            continue
        seen_n, fields_n = norm(seen), norm(fields)
        seen_c = compact(seen_n)
        leaking = leaking_old = False
        for item in label.get("pii", []):
            verdict = judge(item["type"], item["value"], seen_n, seen_c, own)
            old = judge(item["type"], item["value"], seen_n, seen_c, own, roles=False)
            result.add(item["type"], verdict, old)
            leaking_old = leaking_old or old != "hidden"
            if verdict != "hidden":
                leaking = True
                if show:
                    result.misses.append(
                        f"{label['file']} {item['type']} {verdict}: {item['value']!r}"
                    )
        result.emails_leaking += leaking
        result.emails_leaking_old += leaking_old
        original = norm(email_fields(email))
        for keep in label.get("keep", []):
            keep_n = norm(keep)
            if not keep_n or keep_n not in original:
                continue
            result.keep_present += 1
            if keep_n not in fields_n:
                result.keep_lost += 1
                if show:
                    result.lost_keeps.append(
                        f"{label['file']}: {keep!r} ({hidden_by(keep, vault)})"
                    )
    return result


def _four_kb_email(folder: Path) -> Any:
    from drafter.mail.parse import parse_email

    emails = [parse_email(p.read_bytes()) for p in sorted(folder.glob("*.eml"))]
    body = ""
    for email in emails:
        if len(body.encode()) >= 4096:
            break
        body += email.body + "\n\n"
    body = body.encode()[:4096].decode(errors="ignore")
    return emails[0].model_copy(update={"body": body, "quoted": "", "signature": ""})


_LOAD_SNIPPET = """
import resource, sys, time
t = time.perf_counter()
from drafter.mail.parse import parse_email
sys.path.insert(0, {root!r})
from benchmarks import bench_privacy_independent as b
from drafter.drafting.prompts import find_template
from drafter.drafting.writers import Job, ModelWriter
e = b._engine()
m = parse_email(open({eml!r}, 'rb').read())
r, v = e.privacy.redact_email(m)  # redaction + the prompt, not the knowledge stack's imports
w = ModelWriter(e.settings, find_template(e.settings, e.settings.prompt), e.privacy, e.client)
w.messages(Job(m, r, v, "", [], [], "de", "Sie", False, ""))
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def timing(folder: Path, engine: Any) -> tuple[float, float, float, float, float]:
    """(p50 ms, p95 ms, CPU p95 ms, cold load s, peak RSS MB of the cold process)."""
    from benchmarks.privacy_speed_ab import warm_runs

    email = _four_kb_email(folder)
    times, cpu = warm_runs(lambda: engine.privacy.redact_email(email))
    eml = str(sorted(folder.glob("*.eml"))[0])
    snippet = _LOAD_SNIPPET.format(root=str(ROOT), eml=eml)
    out = subprocess.run(
        [sys.executable, "-c", snippet], capture_output=True, text=True, check=False
    ).stdout.split()
    load, rss = (float(out[0]), float(out[1]) / 1024) if len(out) == 2 else (float("nan"),) * 2
    p95 = int(len(times) * 0.95) - 1
    return statistics.median(times), times[p95], cpu[p95], load, rss


def _mark(ok: bool) -> str:
    return "met" if ok else "MISSED"


def old_judge_line(result: SetResult) -> str:
    """The set under the judge of rounds 1-13 (the role words of a value count as its
    personal tokens: "buchhaltung" of "buchhaltung@firma.de" beside "unsere Buchhaltung")."""
    shares = [
        result.share(types, old=True) for types in (None, {"NAME"}, set(result.counts) - {"NAME"})
    ]
    (h, t), (nh, nt), (sh, st) = shares
    return (
        f"Old judge (rounds 1-13, role words count as leaked tokens): all {h}/{t}, names "
        f"{nh}/{nt}, structured {sh}/{st}, {result.emails_leaking_old} emails with a value not "
        f"hidden (new judge: {result.emails_leaking})."
    )


def render_set(result: SetResult) -> list[str]:
    lines = [
        f"### Set `{result.name}`" + (" (tuned on)" if result.name in TUNED else " (held out)"),
        "",
        "| type | labelled | hidden | partial | leaked | hidden share | target |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for type_ in sorted(result.counts):
        c = result.counts[type_]
        total = sum(c.values())
        share = c["hidden"] / total
        target = TARGET_NAMES if type_ == "NAME" else TARGET_STRUCTURED
        lines.append(
            f"| {type_} | {total} | {c['hidden']} | {c['partial']} | {c['leaked']} | "
            f"{share:.3f} | ≥ {target} {_mark(share >= target)} |"
        )
    hidden, total = result.share()
    names_h, names_t = result.share({"NAME"})
    struct_h, struct_t = result.share(set(result.counts) - {"NAME"})
    over = result.keep_lost / result.keep_present if result.keep_present else 0.0

    def frac(h: int, t: int) -> float:
        return h / t if t else 1.0

    lines += [
        f"| **all** | {total} | {hidden} | | | **{frac(hidden, total):.3f}** | "
        f"≥ {TARGET_ALL} {_mark(frac(hidden, total) >= TARGET_ALL)} |",
        f"| names | {names_t} | {names_h} | | | {frac(names_h, names_t):.3f} | "
        f"≥ {TARGET_NAMES} {_mark(frac(names_h, names_t) >= TARGET_NAMES)} |",
        f"| structured (all other types) | {struct_t} | {struct_h} | | | "
        f"{frac(struct_h, struct_t):.3f} | ≥ {TARGET_STRUCTURED} "
        f"{_mark(frac(struct_h, struct_t) >= TARGET_STRUCTURED)} |",
        "",
        f"{result.emails} emails; {result.emails_leaking} with at least one value not hidden "
        f"(target 0: {_mark(result.emails_leaking == 0)}). Over-redaction: "
        f"{result.keep_lost} of {result.keep_present} keep strings lost = {over:.3f} "
        f"(target ≤ {TARGET_KEEP}: {_mark(over <= TARGET_KEEP)}).",
    ]
    lines.append(old_judge_line(result))
    if result.errors:
        lines.append(f"Crashes (counted as leaks): {', '.join(result.errors)}.")
    if result.name in BEFORE:
        lines += ["", BEFORE[result.name]]
    if history := history_lines(result.name):
        lines += ["", *history]
    if result.misses:
        lines += ["", "Not hidden (tuned sets only): " + "; ".join(result.misses[:60])]
    if result.lost_keeps:
        lines += ["", "Keep strings lost (tuned sets only): " + "; ".join(result.lost_keeps[:40])]
    return lines


# before/after figures of earlier rounds and first runs of dev sets, written by hand
HISTORY = Path(__file__).resolve().parent / "privacy_history.md"


def run(data: Path = DATA) -> str:
    sets = (
        sorted(p for p in data.glob("*") if (p / "labels.jsonl").is_file()) if data.is_dir() else []
    )
    lines = [
        "## Privacy on independent hand-labelled email",
        "",
        "Labelled by people who did not write the recognizers (benchmarks/data/privacy/<set>/). "
        "Each .eml goes through the real parser, the engine's redaction and the real reply "
        "prompt; a value is *leaked* when it survives whole in anything the model could see "
        "(prompt, subject, body, quoted history, signature, headers, attachment names), "
        "*partial* when one of its personal tokens (≥ 4 letters/digits, not a generic word) "
        "survives, else *hidden* (definition in the module docstring).",
        "",
        '**The judge changed in round 14**: a role word of a labelled value ("buchhaltung" '
        'of buchhaltung@firma.de, "kanzlei", "kassenwart") no longer counts as a leaked '
        'personal token where the writer also uses the word in the prose ("unsere '
        'Buchhaltung"): a role identifies nobody. The tables use the new judge; the line '
        "*Old judge* under each set gives the same run judged as in rounds 1-13. Also since "
        "round 14 the bench renders the job the engine itself prepares (`_prepare`), with its "
        "pass that hides a name the greeting writes: a few values count as hidden now (a "
        'sign-off "Th. L.-W.") and a few keep strings as lost (a signature\'s last line taken '
        'for the signed name, "Amtsgericht Kiel"), as in a real request.',
        "",
        HISTORY_NOTE,
        "",
    ]
    if not sets:
        return "\n".join([*lines, "No sets found under benchmarks/data/privacy/."])
    engine = _engine()
    for folder in sets:
        lines += [*render_set(run_set(folder, engine)), ""]
    p50, p95, cpu95, load, rss = timing(sets[0], engine)
    lines += [
        "| timing | value | target |",
        "|---|---:|---|",
        f"| redact one ~4 KB email, p50 | {p50:.1f} ms | |",
        f"| redact one ~4 KB email, p95 (200 runs, warm) | {p95:.1f} ms | ≤ {TARGET_P95_MS} ms "
        f"{_mark(p95 <= TARGET_P95_MS)} |",
        f"| the same, CPU time of the thread, p95 (less noise from other processes) | "
        f"{cpu95:.1f} ms | ≤ {TARGET_P95_MS} ms {_mark(cpu95 <= TARGET_P95_MS)} |",
        f"| cold start: imports + gazetteers + first email (fresh process) | {load:.2f} s | "
        "(reported) |",
        f"| peak RSS of that fresh process | {rss:.0f} MB | (reported) |",
    ]
    history = HISTORY.read_text(encoding="utf-8").strip() if HISTORY.is_file() else ""
    return "\n".join(lines) + ("\n\n" + history if history else "")


if __name__ == "__main__":
    args = sys.argv[1:]
    print(run(Path(args[args.index("--data") + 1]) if "--data" in args else DATA))
