"""drafter's own first-name table: permissive data shipped in the package, clear genders only."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest

from drafter import firstnames


def test_the_table_and_its_licence_note_ship_in_the_package() -> None:
    data = resources.files("drafter").joinpath("data")
    assert data.joinpath("first_names.tsv").is_file()
    note = data.joinpath("FIRST_NAMES_LICENSE.md").read_text(encoding="utf-8")
    assert "public domain" in note and "gender-guesser" in note  # says what is NOT used


@pytest.mark.slow  # a fresh interpreter is the point (what it imports)
def test_no_gpl_name_data_is_loaded() -> None:
    """Greeting gender and the privacy gazetteer run without the GPLv3 gender-guesser."""
    code = (
        "import sys\n"
        "from drafter.drafting.names import gender_of\n"
        "from drafter.privacy.gazetteer import vocabulary\n"
        "assert gender_of('Elke') == 'female' and vocabulary().is_first_name('Jürgen')\n"
        "print('gender_guesser' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_gender_only_when_the_data_are_clear() -> None:
    g = firstnames.gender
    assert [g("Andrea", "de"), g("Jan", "de"), g("Jürgen", "de")] == ["female", "male", "male"]
    assert g("Jan", "en") == ""  # US births are mixed
    assert g("Alex", "en") == g("Jordan", "en") == g("Toni", "de") == ""  # used for both
    assert g("Søren", "de") == "male"  # looked up without its accent
    assert g("Zorya", "de") == ""  # unknown
