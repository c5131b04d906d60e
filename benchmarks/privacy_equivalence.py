"""Byte-for-byte equivalence of the redaction between two checkouts (speed work must not
change a single redaction result).

`collect()` redacts a fixed corpus and returns one record per item: the text, the vault's
entities (type, value, placeholder, in order) and the reason of every placeholder. The
corpus is the privacy DEVELOPMENT sets (benchmarks/data/privacy/dev* and the retired test_a
.. test_k, never a held-out `test_*` set), each mail as the engine prepares it for the model
(the bench's `model_view`) and once more with the vault of the set's earlier mails (a long
thread: the vault-value pass sees hundreds of values); the timing bench's ~4 KB mail; the test
fixtures (tests/data/emails, examples/inbox); the KB articles and the synthetic privacy set as
plain text.

    python -m benchmarks.privacy_equivalence dump main.json   # with main first on PYTHONPATH
    python -m benchmarks.privacy_equivalence dump branch.json
    python -m benchmarks.privacy_equivalence compare main.json branch.json   # exit 1 on a diff
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PRIVACY = ROOT / "benchmarks" / "data" / "privacy"


#: held-out sets retired to development data (session 15: test_a, test_b; session 20: test_c,
#: test_d; session 21: test_e; session 23: test_f; session 25: test_g;
#: session 26: test_h; session 27: test_i; session 28: test_j;
#: session 29: test_k); the same names as
#: bench_privacy_independent.RETIRED
RETIRED = (
    "test_a",
    "test_b",
    "test_c",
    "test_d",
    "test_e",
    "test_f",
    "test_g",
    "test_h",
    "test_i",
    "test_j",
    "test_k",
)


def dev_sets(data: Path = PRIVACY) -> list[Path]:
    """The development sets only (`dev`, `dev2`, ... and the retired `test_a` .. `test_k`): a
    held-out `test_*` set is never read."""
    return sorted(
        p
        for p in data.iterdir()
        if p.is_dir()
        and (p.name.startswith("dev") or p.name in RETIRED)
        and (p / "labels.jsonl").is_file()
    )


def record(text: str, vault: Any) -> str:
    """One item's result as a canonical string: text, then entities and reasons in order."""
    entities = [[e.type, e.value, e.placeholder] for e in vault.entities]
    reasons = sorted(vault.reasons.items())
    return json.dumps([text, entities, reasons], ensure_ascii=False)


def _emails(folder: Path, pattern: str = "*.eml") -> Iterator[tuple[str, Any]]:
    from drafter.mail.parse import parse_email

    for path in sorted(folder.glob(pattern)):
        yield str(path.relative_to(ROOT)), parse_email(path.read_bytes())


def collect() -> dict[str, str]:
    from benchmarks.bench_privacy_independent import _engine, _four_kb_email, model_view
    from benchmarks.privacy_synth import generate
    from drafter.privacy.vault import Vault

    engine = _engine()
    privacy = engine.privacy
    out: dict[str, str] = {}
    folders = [*dev_sets(), ROOT / "tests" / "data" / "emails", ROOT / "examples" / "inbox"]
    for folder in folders:
        thread = Vault()
        for key, email in _emails(folder):
            seen, _fields, vault = model_view(engine, email)
            out[key] = record(seen, vault)
            redacted, thread = privacy.redact_email(email, thread)
            out[key + " (thread)"] = record(redacted.model_dump_json(), thread)
    email = _four_kb_email(dev_sets()[0])
    redacted, vault = privacy.redact_email(email)
    out["timing mail"] = record(redacted.model_dump_json(), vault)
    for path in sorted((ROOT / "kb").rglob("*.md")):
        vault = Vault()
        text = privacy.redact(path.read_text(encoding="utf-8"), vault)
        out[str(path.relative_to(ROOT))] = record(text, vault)
    for n, doc in enumerate(generate()):
        vault = Vault()
        text = privacy.pseudonymizer.redact(doc.text, vault, doc.known_names)
        out[f"synthetic {n}"] = record(text, vault)
    return out


def differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    """The keys whose records differ, or that only one side has (sorted)."""
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def main(args: list[str]) -> int:
    if len(args) == 2 and args[0] == "dump":
        records = collect()
        Path(args[1]).write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        print(f"{len(records)} records written to {args[1]}")
        return 0
    if len(args) == 3 and args[0] == "compare":
        a, b = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args[1:])
        diff = differences(a, b)
        for key in diff[:20]:
            print(f"differs: {key}")
        print(f"{len(a)} vs {len(b)} records, {len(diff)} differences")
        return 1 if diff else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
