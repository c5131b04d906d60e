"""The CLI's contract: help works, user mistakes exit 2 with a hint and no traceback."""

from __future__ import annotations

from drafter.config import Settings, load_settings
from drafter.errors import ConfigError
from tests.cli import run_cli as run


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("kb", "mail", "draft", "prompts", "inbox", "eval", "report", "tui"):
        assert command in result.stdout


def test_invalid_setting_is_a_clear_error_without_traceback() -> None:
    result = run("kb", "--help", env={"DRAFTER_RETRIEVAL_K": "many"})
    assert result.returncode == 2
    assert "DRAFTER_RETRIEVAL_K" in result.stderr
    assert "hint:" in result.stderr
    assert "Traceback" not in result.stderr


def test_openai_variables_are_the_fallback(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    settings = Settings()
    assert settings.llm_base_url == "http://127.0.0.1:9/v1"
    assert settings.llm_api_key.get_secret_value() == "sk-test"
    monkeypatch.setenv("DRAFTER_LLM_BASE_URL", "http://127.0.0.1:8/v1")
    assert Settings().llm_base_url == "http://127.0.0.1:8/v1"


def test_csv_lists_in_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DRAFTER_CONTACT_REASONS", "billing, outage")
    assert Settings().contact_reasons == ["billing", "outage"]


def test_load_settings_names_the_field(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DRAFTER_SMTP_PORT", "x")
    try:
        load_settings()
    except ConfigError as error:
        assert "DRAFTER_SMTP_PORT" in error.message
    else:
        raise AssertionError("expected ConfigError")


def test_an_empty_kb_search_says_what_to_give() -> None:
    """`drafter kb search ""` (a forgotten or unquoted query) printed an empty table and
    "knowledge gap: support of the best article 0.00 below 0.30", exit 0, as if the index
    had nothing; it is a user mistake, named before any index is opened."""
    result = run("kb", "search", "  ")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "QUERY" in result.stderr and "Abschlag" in result.stderr
