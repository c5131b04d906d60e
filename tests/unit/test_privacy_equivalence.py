"""The speed work's equivalence harness (benchmarks.privacy_equivalence): it reads only the
development sets, and a changed text, vault value, placeholder or reason is a difference."""

from __future__ import annotations

from pathlib import Path

from benchmarks.privacy_equivalence import dev_sets, differences, record
from drafter.privacy.pseudonymize import Pseudonymizer
from drafter.privacy.vault import Vault


def test_only_development_sets_are_read(tmp_path: Path) -> None:
    for name in ("dev", "dev2", "dev12", "test_a", "test_k", "test_l", "test_q", "devnotes"):
        (tmp_path / name).mkdir()
        if name != "devnotes":
            (tmp_path / name / "labels.jsonl").write_text("{}\n")
    # the retired sets (test_a .. test_k) are development data; a held-out set is never read
    names = [p.name for p in dev_sets(tmp_path)]
    assert names == ["dev", "dev12", "dev2", "test_a", "test_k"]


def _record(text: str, entities: list[tuple[str, str]], reason: str) -> str:
    vault = Vault()
    for placeholder in vault.placeholders_for(entities):
        vault.reasons[placeholder] = reason
    return record(text, vault)


def test_every_part_of_a_result_counts() -> None:
    base = _record("Hallo [NAME_1]", [("NAME", "Anna")], "cue")
    same = {"a": base, "b": _record("x", [], "")}
    assert differences(same, dict(same)) == []
    changed = {
        "text": _record("Hallo [NAME_1] ", [("NAME", "Anna")], "cue"),
        "value": _record("Hallo [NAME_1]", [("NAME", "Anna B")], "cue"),
        "type": _record("Hallo [NAME_1]", [("EMAIL", "Anna")], "cue"),
        "order": _record("Hallo [NAME_1]", [("NAME", "Anna"), ("NAME", "Bo")], "cue"),
        "reason": _record("Hallo [NAME_1]", [("NAME", "Anna")], "gazetteer"),
    }
    for what, other in changed.items():
        assert differences({"a": base}, {"a": other}) == ["a"], what
    assert differences({"a": base}, {"a": base, "c": base}) == ["c"]  # one side only


def test_a_real_redaction_records_the_same_twice() -> None:
    pz = Pseudonymizer()
    text = "Guten Tag, ich bin Anna Schulz, IBAN DE89 3704 0044 0532 0130 00, Tel. 0431 123456."
    first, second = Vault(), Vault()
    a = record(pz.redact(text, first), first)
    b = record(pz.redact(text, second), second)
    assert a == b
    assert "[IBAN_1]" in a and "DE89 3704 0044 0532 0130 00" in a
