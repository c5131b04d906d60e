"""Greetings and register against the labelled sender table (tests/data/greetings_table.jsonl).

The table (80 senders, German and English: titles, double names, unknown first names, Du
mails, mixed threads) was written from the house-style rules before the greeting code; rows
1-30 were used for tuning, rows 31-80 are the report split. It was NOT written blind (see
tests/data/README.md); the figures asserted here are the measured ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafter.drafting.names import gender_of
from drafter.drafting.salutation import (
    detect_register,
    german_register,
    greeting,
    parse_name,
    signoff_name,
)
from drafter.models import Address, InboundEmail

TABLE = Path(__file__).parents[1] / "data" / "greetings_table.jsonl"
ROWS = [json.loads(line) for line in TABLE.read_text(encoding="utf-8").splitlines() if line]
REGISTER = {"formal": "you", "informal": "you_informal", "sie": "sie", "du": "du"}


def _email(row: dict[str, str]) -> InboundEmail:
    return InboundEmail(
        from_=Address(name=row["display_name"], email=row["email"]),
        body=row["body"],
        quoted=row["quoted"],
        language=row["lang"],
    )


def _correct(row: dict[str, str]) -> bool:
    email = _email(row)
    register = detect_register(email, row["lang"], "sie")
    line = greeting(email, row["lang"], register).first_line
    return line == row["greeting"] and register == REGISTER[row["register"]]


def test_table_covers_what_the_issue_asks_for() -> None:
    assert len(ROWS) >= 60
    assert {r["lang"] for r in ROWS} == {"de", "en"}
    assert sum(r["register"] == "du" for r in ROWS) >= 10
    assert sum(bool(r["quoted"]) for r in ROWS) >= 8
    assert sum("Dr." in r["greeting"] or "Prof" in r["greeting"] for r in ROWS) >= 10


def test_tuning_split_is_all_correct() -> None:
    wrong = [r["id"] for r in ROWS if r["split"] == "tune" and not _correct(r)]
    assert wrong == []


def test_report_split_measured_figure() -> None:
    report = [r for r in ROWS if r["split"] == "report"]
    wrong = [r["id"] for r in report if not _correct(r)]
    # measured 48/50 at first run; after fixing sign-off parsing ("Thanks for your reply. ..."
    # is no closing line) 49/50. The one left: g073 "Kai Sundberg" in an English mail, which
    # the data set calls male and the table calls unclear.
    assert len(report) - len(wrong) >= 49, wrong


@pytest.mark.parametrize(
    ("display", "first", "last", "title"),
    [
        ("Prof. Dr. Sabine Kühn", "Sabine", "Kühn", "Prof. Dr."),
        ("Dr. med. Claudia Weber", "Claudia", "Weber", "Dr."),
        ("Dr.-Ing. Stefan Roth", "Stefan", "Roth", "Dr."),
        ("Dipl.-Ing. Thomas Reuter", "Thomas", "Reuter", "Dipl.-Ing."),
        ("Herr Peter van der Berg", "Peter", "van der Berg", ""),
        ("Schulz, Erika", "Erika", "Schulz", ""),
        ("ANNA BERG", "Anna", "Berg", ""),
        ("Hausverwaltung Nord GmbH", "", "", ""),
        ("kunde@example.de", "", "", ""),
    ],
)
def test_parse_name(display: str, first: str, last: str, title: str) -> None:
    name = parse_name(display)
    assert (name.first, name.last, name.title) == (first, last, title)


def test_first_names_come_from_the_data_set() -> None:
    # names the old built-in list did not know (issue 12): Elke, Gerd, Oliver
    assert [gender_of(n) for n in ("Elke", "Gerd", "Oliver")] == ["female", "male", "male"]
    assert gender_of("Anna-Lena") == "female"
    assert gender_of("Hans Peter") == "male"
    assert gender_of("Kim") == ""  # used for both
    assert gender_of("Zorya") == ""  # unknown


def test_register_from_thread_when_the_newest_message_says_nothing() -> None:
    assert german_register("Hallo, anbei der Zählerstand. Gruß Jörg") == ""
    email = InboundEmail(
        from_=Address(name="Maik Sommer", email="m@example.de"),
        body="Hallo,\n\nanbei das Foto.\n\nMaik",
        quoted="> Hallo Maik,\n> danke dir! Schick uns bitte ein Foto.",
    )
    assert detect_register(email, "de", "sie") == "du"
    assert detect_register(email.model_copy(update={"quoted": ""}), "de", "sie") == "sie"
    assert detect_register(email.model_copy(update={"quoted": ""}), "de", "du") == "du"


def test_signoff_name() -> None:
    assert signoff_name("Hallo,\n\nwie hoch ist das?\n\nViele Grüße\nMarkus Lange") == (
        "Markus Lange"
    )
    assert signoff_name("Hi,\n\nthanks for your reply. When is it due?\n\nBen") == "Ben"
    assert signoff_name("Guten Tag,\n\nwann kommt er?\n\nMit freundlichen Grüßen") == ""
