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
  not a year (19xx/20xx: "GF-2025-031877" is not partly leaked by "17.07.2025"), and for a
  link only in its query's values, fragment and path segments with a digit (`url_personal`:
  "reset" of ".../reset?token=9f3K…" beside "I tried to reset" is the site's word),
- hidden otherwise.
Recall is hidden / labelled. Over-redaction: a keep string present in the parsed email that is
not present verbatim in the redacted fields. Timing: p95 of 200 redactions of one ~4 KB email
(the gazetteers already loaded); loading (imports, gazetteers, first email) is measured
separately in a fresh process.

The sets are written by people who did not write the recognizers; `dev` … `dev11` were used
for tuning (dev2 … dev11 each first measured before any change tuned
on it), the test sets (`test_a`, `test_b`, `test_c`, `test_d` written in session 5, `test_e` in
session 6, `test_f` in session 7, `test_g` in session 8, `test_h` in session 9, `test_i` in
session 10, `test_j` in session 11 and `test_k` in session 12) were not seen by the
recognizers' authors. Misses are listed only for the tuned sets.

`python -m benchmarks.run privacy_independent`, or run this file directly with
`--data DIR` (used to measure an older checkout: put its root first on PYTHONPATH).
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "privacy"
TARGET_ALL, TARGET_NAMES, TARGET_STRUCTURED, TARGET_KEEP = 0.98, 0.95, 0.99, 0.02
TARGET_P95_MS = 20.0
# sets the recognizers were tuned on: their misses are listed
TUNED = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11")

GENERIC = frozenset(
    (
        "straße",
        "strasse",
        "str",
        "weg",
        "allee",
        "platz",
        "gasse",
        "ring",
        "damm",
        "street",
        "road",
        "lane",
        "avenue",
        "drive",
        "close",
        "herr",
        "herrn",
        "frau",
        "mister",
        "miss",
        "familie",
        "fam",
        "dr",
        "prof",
        "dipl",
        "ing",
        "gmail",
        "googlemail",
        "gmx",
        "web",
        "yahoo",
        "hotmail",
        "outlook",
        "online",
        "icloud",
        "posteo",
        "mailbox",
        "live",
        "aol",
        "freenet",
        "arcor",
        "proton",
        "protonmail",
        "deutschland",
        "germany",
        "österreich",
        "austria",
        "schweiz",
        "switzerland",
        "suisse",
        "united",
        "kingdom",
        "nummer",
        "number",
        "haus",
        "hausnummer",
        "postfach",
    )
)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()


def compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def _word_in(needle: str, hay: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", hay) is not None


def _everyday(token: str) -> bool:
    from wordfreq import zipf_frequency

    return max(zipf_frequency(token, "de"), zipf_frequency(token, "en")) >= 4.0


def _company_tokens() -> frozenset[str]:
    from drafter.config import Settings

    settings = Settings()
    own = " ".join(
        [
            settings.brand_name,
            settings.mail_from,
            *settings.link_allowlist,
            *settings.company_phones,  # "0431" of the hotline is nobody's area code alone
            *settings.company_ibans,
            *settings.company_data,
        ]
    )
    return frozenset(t for t in re.findall(r"\w+", norm(own)) if len(t) >= 4)


def url_personal(url: str) -> str:
    """The parts of a link that can be somebody's: the query's values, the fragment and the
    path's segments with a digit ("token=9f3Kq2…", "email=bernd.ebeling%40gmx.de",
    "/reset/8f2a…"); not the host (an organisation's, like an address's domain), not the
    query's keys nor the path's words ("reset", "unsubscribe": the site's vocabulary)."""
    parts = urlsplit(url if "://" in url else "https://" + url)
    path = [seg for seg in re.split(r"[/._-]", parts.path) if re.search(r"\d", seg)]
    values = [v for _, v in parse_qsl(parts.query, keep_blank_values=True)]
    return " ".join([*path, *values, parts.fragment])


def judge(type_: str, value: str, seen: str, seen_compact: str, own: frozenset[str]) -> str:
    """'leaked', 'partial' or 'hidden' for one labelled value against the model's text."""
    value_n = norm(value)
    if not value_n:
        return "hidden"
    if _word_in(value_n, seen):
        return "leaked"
    value_c = compact(value_n)
    if type_ != "NAME" and len(value_c) >= 5 and value_c in seen_compact:
        return "leaked"
    personal = value_n.split("@")[0] if type_ == "EMAIL" else value_n
    if type_ == "URL_SECRET":
        personal = url_personal(value_n)
    tokens = [
        t
        for t in re.findall(r"\w+", personal)
        if len(t) >= 4
        and t not in GENERIC
        and t not in own
        and not re.fullmatch(r"(?:19|20)\d\d", t)  # a year alone is nobody's
        and (t.isdigit() or not _everyday(t))
    ]
    several = len(tokens) > 1 or (tokens and tokens[0] != value_c)
    if several and any(_word_in(t, seen) for t in tokens):
        return "partial"
    return "hidden"


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

    def add(self, type_: str, verdict: str) -> None:
        self.counts.setdefault(type_, Counter())[verdict] += 1

    def share(self, types: set[str] | None = None) -> tuple[int, int]:
        hidden = total = 0
        for type_, c in self.counts.items():
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
    """(all text the model could see, the redacted email fields alone, the vault)."""
    from drafter.drafting.prompts import find_template
    from drafter.drafting.writers import Job, ModelWriter
    from drafter.language import detect_language

    redacted, vault = engine.privacy.redact_email(email)
    language = email.language or detect_language(email.body, "de")
    formality = engine.settings.formality if language == "de" else "you"
    template = find_template(engine.settings, engine.settings.prompt)
    writer = ModelWriter(engine.settings, template, engine.privacy, engine.client)
    job = Job(email, redacted, vault, "", [], [], language, formality, False, "")
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
            continue
        seen_n, fields_n = norm(seen), norm(fields)
        seen_c = compact(seen_n)
        leaking = False
        for item in label.get("pii", []):
            verdict = judge(item["type"], item["value"], seen_n, seen_c, own)
            result.add(item["type"], verdict)
            if verdict != "hidden":
                leaking = True
                if show:
                    result.misses.append(
                        f"{label['file']} {item['type']} {verdict}: {item['value']!r}"
                    )
        result.emails_leaking += leaking
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
sys.path.insert(0, {bench!r})
import bench_privacy_independent as b
e = b._engine()
b.model_view(e, parse_email(open({eml!r}, 'rb').read()))
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def timing(folder: Path, engine: Any) -> tuple[float, float, float, float, float]:
    """(p50 ms, p95 ms, CPU p95 ms, cold load s, peak RSS MB of the cold process)."""
    email = _four_kb_email(folder)
    for _ in range(5):
        engine.privacy.redact_email(email)
    times, cpu = [], []
    for _ in range(200):
        started, cpu_started = time.perf_counter(), time.thread_time()
        engine.privacy.redact_email(email)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - cpu_started) * 1000)
    times.sort()
    cpu.sort()
    eml = str(sorted(folder.glob("*.eml"))[0])
    snippet = _LOAD_SNIPPET.format(bench=str(Path(__file__).parent), eml=eml)
    out = subprocess.run(
        [sys.executable, "-c", snippet], capture_output=True, text=True, check=False
    ).stdout.split()
    load, rss = (float(out[0]), float(out[1]) / 1024) if len(out) == 2 else (float("nan"),) * 2
    p95 = int(len(times) * 0.95) - 1
    return statistics.median(times), times[p95], cpu[p95], load, rss


# The same module run on the code before issue 9 (main at 1a251a7, old code first on
# PYTHONPATH), dev set; kept here because that code no longer exists in this tree.
BEFORE_DEV = (
    "Before issue 9 (main at 1a251a7, this module, dev set): all 441/590 = 0.747, names "
    "119/172 = 0.692, structured 322/418 = 0.770, 55 of 60 emails with a value not hidden, "
    "over-redaction 8/217 = 0.037; redaction p95 40.2 ms wall / 8.8 ms CPU on the same "
    "loaded machine."
)


BEFORE_DEV2 = (
    "Before the second privacy round (code at f3a436d, this module, dev2 measured before any "
    "change was tuned on it: the first out-of-sample figure of that code): all 671/721 = "
    "0.931, names 225/230 = 0.978, structured 446/491 = 0.908, 31 of 60 emails with a value "
    "not hidden, over-redaction 16/286 = 0.056."
)
BEFORE_DEV3 = (
    "Before the fourth privacy round (code at main a9f4291, this module, dev3 measured before "
    "any change was tuned on it: the first out-of-sample figure of that code): all 800/848 = "
    "0.943, names 258/274 = 0.942, structured 542/574 = 0.944, 28 of 80 emails with a value "
    "not hidden, over-redaction 12/288 = 0.042."
)
BEFORE_DEV4 = (
    "Before the fifth privacy round (code at main 729e8cf, this module, dev4 measured before "
    "any change was tuned on it: the first out-of-sample figure of that code): all 815/860 = "
    "0.948, names 257/276 = 0.931, structured 558/584 = 0.955, 29 of 80 emails with a value "
    "not hidden, over-redaction 38/571 = 0.067."
)
BEFORE_DEV5 = (
    "Before the sixth privacy round (code at main 809e460, this module, dev5 measured before "
    "any change was tuned on it: the first out-of-sample figure of that code): all 816/874 = "
    "0.934, names 241/256 = 0.941, structured 575/618 = 0.930, 33 of 80 emails with a value "
    "not hidden, over-redaction 11/600 = 0.018."
)
BEFORE_DEV6 = (
    "Before the eighth privacy round (code at main e072376, this module, dev6 measured before "
    "any change was tuned on it: the first out-of-sample figure of that code): all 992/1027 = "
    "0.966, names 303/314 = 0.965, structured 689/713 = 0.966, 24 of 80 emails with a value "
    "not hidden, over-redaction 20/515 = 0.039."
)
BEFORE_DEV7 = (
    "Before the ninth privacy round (code at main fafb7c4, this module, dev7 measured before "
    "any change was tuned on it: the first out-of-sample figure of that code): all 795/817 = "
    "0.973, names 236/238 = 0.992, structured 559/579 = 0.965, 18 of 80 emails with a value "
    "not hidden, over-redaction 23/525 = 0.044."
)
BEFORE_DEV8 = (
    "Before the tenth privacy round (code at main 5935645, this module, dev8 measured before "
    "any change was tuned on it: the first out-of-sample figure of that code): all 694/720 = "
    "0.964, names 207/214 = 0.967, structured 487/506 = 0.962, 18 of 80 emails with a value "
    "not hidden, over-redaction 6/496 = 0.012."
)
BEFORE_DEV9 = (
    "Before the eleventh privacy round (code at privacy11 d7f9599 = main ede7f03 and three "
    "commits tuned on hand-written probes; main ede7f03 alone gave the same figures; this "
    "module, dev9 measured before any change was tuned on it: the first out-of-sample figure "
    "of that code): all 795/816 = 0.974, names 248/252 = 0.984, structured 547/564 = 0.970, "
    "19 of 80 emails with a value not hidden, over-redaction 11/484 = 0.023."
)
BEFORE_DEV10 = (
    "Before the twelfth privacy round (code at main 28c30be, this module, dev10 measured "
    "before any change was tuned on it: the first out-of-sample figure of that code): all "
    "592/602 = 0.983, names 157/161 = 0.975, structured 435/441 = 0.986, 9 of 80 emails with "
    "a value not hidden, over-redaction 11/483 = 0.023."
)
BEFORE_DEV11 = (
    "Before the thirteenth privacy round (code at main d12000a, this module, dev11 measured "
    "before any change was tuned on it: the first out-of-sample figure of that code): all "
    "662/672 = 0.985, names 171/176 = 0.972, structured 491/496 = 0.990, 9 of 80 emails with "
    "a value not hidden, over-redaction 2/496 = 0.004. The round's branch, tuned on hand-written "
    "probes only, on its first run: all 663/672 = 0.987 (one Ukrainian town more), 8 emails."
)
BEFORE_HELD_OUT = "Before the fourth privacy round (code at main a9f4291, the third round's run): "
BEFORE = {
    "dev": BEFORE_DEV,
    "dev2": BEFORE_DEV2,
    "dev3": BEFORE_DEV3,
    "dev4": BEFORE_DEV4,
    "dev5": BEFORE_DEV5,
    "dev6": BEFORE_DEV6,
    "dev7": BEFORE_DEV7,
    "dev8": BEFORE_DEV8,
    "dev9": BEFORE_DEV9,
    "dev10": BEFORE_DEV10,
    "dev11": BEFORE_DEV11,
    "test_a": BEFORE_HELD_OUT + "all 757/825 = 0.918, names 222/232 = 0.957, structured "
    "535/593 = 0.902, 36 of 80 emails with a value not hidden, over-redaction 11/397 = 0.028.",
    "test_b": BEFORE_HELD_OUT + "all 903/949 = 0.952, names 274/285 = 0.961, structured "
    "629/664 = 0.947, 31 of 80 emails with a value not hidden, over-redaction 17/313 = 0.054.",
    "test_c": BEFORE_HELD_OUT + "all 834/867 = 0.962, names 248/261 = 0.950, structured "
    "586/606 = 0.967, 23 of 80 emails with a value not hidden, over-redaction 20/343 = 0.058.",
    "test_d": "Written blind in session 5. Before that session's privacy rounds (code at main "
    "809e460, run once for totals): all 676/686 = 0.985, names 198/202 = 0.980, structured "
    "478/484 = 0.988, 9 of 80 emails with a value not hidden, over-redaction 10/623 = 0.016. "
    "The rounds of session 5 did not move it (one name more hidden, one postcode + town less).",
    "test_e": "Written blind in session 6. Before that session's privacy rounds (code at main "
    "e072376, run once for totals): all 616/630 = 0.978, names 174/180 = 0.967, structured "
    "442/450 = 0.982, 12 of 80 emails with a value not hidden, over-redaction 13/519 = 0.025.",
    "test_f": "Written blind in session 7. Before that session's privacy rounds (code at main "
    "4ae6594, run once for totals): all 653/672 = 0.972, names 201/211 = 0.953, structured "
    "452/461 = 0.980, 12 of 80 emails with a value not hidden, over-redaction 18/528 = 0.034. "
    "After the privacy9 merge (main e5f4253): all 654/672 = 0.973, names 201/211 = 0.953, "
    "structured 453/461 = 0.983, 11 of 80 emails with a value not hidden, over-redaction "
    "17/528 = 0.032.",
    "test_g": "Written blind in session 8. Before that session's privacy rounds (code at main "
    "5935645, run once for totals): all 641/658 = 0.974, names 194/200 = 0.970, structured "
    "447/458 = 0.976, 12 of 80 emails with a value not hidden, over-redaction 8/487 = 0.016. "
    "After the privacy10 merge (main 2642868): all 647/658 = 0.983, names 198/200 = 0.990, "
    "structured 449/458 = 0.980, 10 of 80 emails with a value not hidden, over-redaction "
    "9/487 = 0.018.",
    "test_h": "Written blind in session 9. Before that session's privacy round (code at main "
    "0fc723f, run once for totals): all 645/655 = 0.985, names 193/196 = 0.985, structured "
    "452/459 = 0.985, 9 of 80 emails with a value not hidden, over-redaction 9/528 = 0.017. "
    "After the privacy11 merge (main 919bdd3): all 646/655 = 0.986, names 194/196 = 0.990, "
    "structured 452/459 = 0.985, 8 of 80 emails with a value not hidden, over-redaction "
    "9/528 = 0.017. After the privacy12 merge (main 334988e), judged as before: names "
    "195/196 = 0.995, structured 452/459 = 0.985, 7 emails with a value not hidden; with "
    "round 12's judge (the company's own phone prefix and a link's host no longer count as "
    "partial; the table above): structured 453/459 = 0.987, 6 emails.",
    "test_i": "Written blind in session 10. Before that session's privacy round (code at main "
    "28c30be, run once for totals): all 711/717 = 0.992, names 197/198 = 0.995, structured "
    "514/519 = 0.990, 5 of 80 emails with a value not hidden, over-redaction 7/503 = 0.014. "
    "After the privacy12 merge (main 334988e), judged as before: the same figures (no value "
    "changed); with round 12's judge (the table above): all 712/717 = 0.993, structured "
    "515/519 = 0.992, 4 emails.",
    "test_j": "Written blind in session 11. Before that session's privacy round (code at main "
    "52b8fcf, run once for totals): all 632/638 = 0.991, names 158/162 = 0.975, structured "
    "474/476 = 0.996, 6 of 80 emails with a value not hidden, over-redaction 10/499 = 0.020. "
    "After the privacy13 merge (main 9812a3c's privacy code): the same figures (no value "
    "changed).",
    "test_k": "Written blind in session 12. Before that session's privacy round (code at main "
    "529bcd0, run once for totals): all 596/603 = 0.988, names 181/183 = 0.989, structured "
    "415/420 = 0.988, 7 of 80 emails with a value not hidden, over-redaction 14/516 = 0.027.",
}


def _mark(ok: bool) -> str:
    return "met" if ok else "MISSED"


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
    if result.errors:
        lines.append(f"Crashes (counted as leaks): {', '.join(result.errors)}.")
    if result.name in BEFORE:
        lines += ["", BEFORE[result.name]]
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
