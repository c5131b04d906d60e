"""Prompt templates: shipped ones are valid; every mistake names the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.drafting.prompt_check import check_all, sample_variables
from drafter.drafting.prompts import find_template, load_template, render_prompt
from drafter.errors import TemplateError
from tests.cli import run_cli

GOOD = """---
name: mini
version: "2"
description: test
temperature: 0.1
variables:
  - customer_message
  - language
---
--- system ---
System text.
--- customer ---
<<<{{ customer_message }}>>>
--- user ---
Reply in {{ language }}.
"""


def write(tmp_path: Path, text: str, name: str = "mini.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_templates_are_valid_and_render_in_both_languages() -> None:
    good, errors = check_all(Settings())
    assert not errors, [e.message for e in errors]
    assert {t.name for t in good} >= {"reply", "rewrite"}


def test_reply_template_keeps_the_customer_apart_and_asks_for_a_holding_reply_on_gap() -> None:
    template = find_template(Settings(), "reply")
    values = sample_variables("de")
    rendered = render_prompt(template, values)
    assert "untrusted" in rendered.system
    assert values["customer_message"] in rendered.customer
    assert values["customer_message"] not in rendered.user
    assert "[1] Umzug melden" in rendered.user
    gap = render_prompt(template, {**values, "kb_gap": True, "passages": []})
    assert "Do NOT guess" in gap.user


def test_a_good_template_loads_with_its_metadata(tmp_path: Path) -> None:
    template = load_template(write(tmp_path, GOOD))
    assert (template.name, template.version, template.temperature) == ("mini", "2", 0.1)
    out = render_prompt(template, {"customer_message": "Hallo", "language": "de"})
    assert out.customer == "<<<Hallo>>>" and out.user == "Reply in de."


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (GOOD.replace("temperature: 0.1", "temprature: 0.1"), 5, "unknown front-matter key"),
        (GOOD.replace("  - language\n", "  - language\n  - shoe_size\n"), 9, "shoe_size"),
        (GOOD.replace("Reply in {{ language }}", "Reply in {{ lang }}"), 15, "unknown variable"),
        (GOOD.replace("Reply in {{ language }}", "Dear {{ brand_name }}"), 15, "not listed"),
        (GOOD.replace("System text.", "{% if x %}a{% endif %}"), 11, "unknown variable 'x'"),
        (GOOD.replace("System text.", "{% for %}"), 11, "Jinja syntax error"),
        (GOOD.replace("--- customer ---", "--- kunde ---"), 12, "unknown section"),
        (GOOD.replace('version: "2"\n', ""), 2, "'version'"),
    ],
)
def test_mistakes_name_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(TemplateError) as info:
        load_template(path)
    assert f"{path}:{line}:" in info.value.message
    assert words in info.value.message
    assert info.value.hint


def test_missing_value_at_render_time_names_the_line(tmp_path: Path) -> None:
    template = load_template(write(tmp_path, GOOD))
    with pytest.raises(TemplateError) as info:
        render_prompt(template, {"customer_message": "x"})
    assert f"{tmp_path / 'mini.md'}:15:" in info.value.message


def test_sandbox_blocks_attribute_escapes(tmp_path: Path) -> None:
    evil = GOOD.replace("System text.", "{{ language.__class__.__mro__ }}")
    template = load_template(write(tmp_path, evil))
    with pytest.raises(TemplateError):
        render_prompt(template, {"customer_message": "x", "language": "de"})


def test_unknown_template_name_lists_the_available_ones() -> None:
    with pytest.raises(TemplateError) as info:
        find_template(Settings(), "missing")
    assert "reply" in info.value.hint and "rewrite" in info.value.hint


def test_prompts_check_command_exits_2_with_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    write(tmp_path, GOOD.replace("{{ language }}", "{{ nope }}"), "broken.md")
    env = {"DRAFTER_PROMPTS_DIR": str(tmp_path), "DRAFTER_DATA_DIR": str(tmp_path / "d")}
    result = run_cli("prompts", "check", env=env)
    assert result.returncode == 2
    assert f"{tmp_path / 'broken.md'}:15:" in result.stderr
    assert "ok    mini.md" in result.stdout
    assert "Traceback" not in result.stderr


def test_broken_yaml_is_one_line_naming_file_line_and_column(tmp_path: Path) -> None:
    """A bracket left open in the front matter printed PyYAML's 7-line message with
    '<unicode string>' marks and excerpts: `prompts list` broke its table over 7 lines."""
    path = write(tmp_path, GOOD.replace('version: "2"', "version: [2"))
    with pytest.raises(TemplateError) as info:
        load_template(path)
    message = info.value.message
    assert "\n" not in message and "unicode string" not in message, message
    assert message.startswith(f"{path}:3: invalid YAML front matter: expected ',' or ']'")
    assert "(column 10, while parsing a flow sequence)" in message


def test_two_templates_of_one_name_are_an_error_of_prompts_check(tmp_path: Path) -> None:
    """docs/evaluation.md's copy of a template kept its `name:` and `prompts list` showed two
    defaults called the same: the report counts drafts by name and version, so the copy's
    figures were mixed with the original's, and `--prompt NAME` took whichever sorts first."""
    write(tmp_path, GOOD)
    write(tmp_path, GOOD, "mini-short.md")
    env = {"DRAFTER_PROMPTS_DIR": str(tmp_path), "DRAFTER_DATA_DIR": str(tmp_path / "d")}
    result = run_cli("prompts", "check", env=env)
    assert result.returncode == 2
    assert "2 templates are named" in result.stderr
    assert "mini-short.md" in result.stderr and "mini.md" in result.stderr
    assert "Traceback" not in result.stderr
    write(tmp_path, GOOD.replace("name: mini", "name: mini-short"), "mini-short.md")
    assert run_cli("prompts", "check", env=env).returncode == 0
