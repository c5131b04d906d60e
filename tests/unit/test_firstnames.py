"""drafter's own first-name table: permissive data shipped in the package, clear genders only."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest

from drafter import firstnames
from drafter.drafting.names import gender_of


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
    assert g("Jordan", "en") == g("Leigh", "en") == g("Toni", "de") == ""  # used for both
    assert gender_of("Alex", "en") == ""  # 96.9 % boys in the US: unisex by the hand list


def test_a_british_list_name_is_as_clear_as_the_us_births_alone_would_make_it() -> None:
    # 90-96 % one sex in the US and in that sex's British list: clear, as the US births
    # alone would make it (they were unclear for English under the former 97 % rule)
    g = firstnames.gender
    assert [g(n, "en") for n in ("Adrian", "Clare", "Rhys", "Shaun", "Tracey")] == [
        "male",
        "female",
        "male",
        "male",
        "female",
    ]
    assert g("Ashley", "en") == g("Kerry", "en") == ""  # in the British list, mixed in the US
    assert g("Søren", "de") == "male"  # looked up without its accent
    assert g("Zorya", "de") == ""  # unknown
