"""The automatic defect counter (drafter.evaluation.defects)."""

from __future__ import annotations

from drafter.evaluation.defects import count, find_defects

MAIL = "Wie erhöhe ich meinen Abschlag? Kundennummer KD-4821735"
GOOD = (
    "Sehr geehrte Frau Berg,\n\nvielen Dank für Ihre Nachricht.\n\n"
    "So erhöhen Sie Ihren Abschlag:\n- Melden Sie sich an.\n- Ändern Sie den Betrag. [1]\n\n"
    "Mit freundlichen Grüßen\nIhr Team"
)


def kinds(body: str, mail: str = MAIL, language: str = "de") -> list[str]:
    return sorted(d.kind for d in find_defects(body, mail, language))


def test_a_clean_draft_has_none() -> None:
    assert kinds(GOOD) == []
    assert sum(count(find_defects(GOOD, MAIL, "de")).values()) == 0


def test_each_kind_is_found() -> None:
    assert kinds(GOOD.replace("So erhöhen", "Legen Sie bei:\n\nSo erhöhen")) == ["fragment"]
    dangling = "Der Abschlag gilt für Sie.\n- Sie Strom beziehen oder\n- Sie Gas beziehen. [1]"
    assert kinds(GOOD.replace(GOOD.split("\n\n")[2], dangling)) == ["fragment"]
    assert kinds(GOOD.replace("Ändern Sie", "Nennen Sie z. B. KD-1234567 und ändern Sie")) == [
        "example_value"
    ]
    assert kinds(GOOD.replace("[1]", "[1]\n\nWir liefern Fernwärme nach Lübeck. [2]")) == [
        "unrelated_citation"
    ]
    assert kinds(GOOD.replace("- Melden Sie sich an.", "- Melden Sie sich an. danach warten.")) == [
        "lowercase_start"
    ]
    assert kinds(GOOD.split("\n\n", 1)[1]) == ["lowercase_start", "missing_greeting"]
    assert kinds(GOOD.rsplit("\n\n", 1)[0]) == ["missing_sign_off"]
    assert kinds(
        GOOD.replace("Ändern Sie", "Bitte nennen Sie uns Ihre Kundennummer und ändern Sie")
    ) == ["asks_given_data"]
    assert kinds(GOOD.replace("Ändern Sie den", "Ändere deinen")) == ["mixed_register"]
