"""Regressions from new-user QA: mistakes end in `error:` + `hint:`, exit 2, no traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from drafter.config import load_settings
from drafter.errors import ConfigError
from drafter.tui.keys import KEYS, load_keymap
from tests.cli import Result, run_cli

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return run_cli(*args, env=env, cwd=ROOT)


def assert_user_error(result: Result, *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ") or "\nerror: " in result.stderr, result.stderr
    assert "\nhint: " in result.stderr, result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


# --- settings -----------------------------------------------------------------------


def test_data_dir_that_is_a_file_is_a_config_error(tmp_path: Path) -> None:
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x")
    with pytest.raises(ConfigError) as caught:
        load_settings(data_dir=a_file)
    assert "DRAFTER_DATA_DIR" in caught.value.message
    assert "is a file, not a folder" in caught.value.message
    assert not caught.value.message.startswith("invalid setting DRAFTER_DATA_DIR: Value error")


def test_kb_ingest_with_data_dir_a_file_exits_2_without_traceback(tmp_path: Path) -> None:
    # Before: NotADirectoryError traceback from mkdir inside the ingest.
    a_file = tmp_path / "data"
    a_file.write_text("x")
    result = run("kb", "ingest", "kb", env={"DRAFTER_DATA_DIR": str(a_file)})
    assert_user_error(result, "DRAFTER_DATA_DIR", "is a file")
    assert a_file.read_text() == "x"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("retrieval_k", 0),
        ("retrieval_k", -1),
        ("smtp_port", 0),
        ("smtp_port", 70000),
        ("predraft_concurrency", 0),
        ("llm_total_timeout", 0),
        ("llm_max_retries", -1),
        ("llm_max_tokens", 0),
    ],
)
def test_out_of_range_numbers_are_rejected(variable: str, value: int) -> None:
    # Before: DRAFTER_RETRIEVAL_K=0 silently retrieved nothing and every draft was a kb_gap.
    with pytest.raises(ConfigError) as caught:
        load_settings(**{variable: value})
    assert f"DRAFTER_{variable.upper()}" in caught.value.message


def test_defaults_still_load() -> None:
    settings = load_settings()
    assert settings.retrieval_k >= 1 and 1 <= settings.smtp_port <= 65535


# --- command line ---------------------------------------------------------------------


def test_draft_of_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    # Before: click's "Error: Invalid value for 'FILE'" without a hint.
    assert_user_error(run("draft", str(tmp_path)), "is a folder", "drafter inbox import")


def test_draft_and_parse_of_a_text_file_without_mail_headers_name_it(tmp_path: Path) -> None:
    """`drafter draft notes.txt` drafted any text file as an email (desk11/12 left it)."""
    notes = tmp_path / "notes.txt"
    notes.write_text("Kann ich meinen Abschlag auf 80 EUR erhöhen?\n", encoding="utf-8")
    for command in (["draft", str(notes), "--no-llm"], ["mail", "parse", str(notes)]):
        assert_user_error(run(*command), f"{notes} does not look like an email", "--text")
    told = run("mail", "parse", str(notes), "--text")
    assert told.returncode == 0, told.stderr
    assert "Abschlag auf 80 EUR" in told.stdout


def test_eval_cases_folder_is_not_reported_as_missing(tmp_path: Path) -> None:
    result = run("eval", "drafts", "--cases", str(tmp_path), "--no-llm")
    assert_user_error(result, "is a folder")
    assert "does not exist" not in result.stderr


def test_usage_errors_use_the_error_hint_format() -> None:
    result = run("kb", "search", "x", "--k", "0")
    assert_user_error(result, "--k", "drafter kb search --help")
    assert "Usage:" not in result.stderr


# --- keybindings file -----------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "keys.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_key_that_does_not_exist_is_rejected(tmp_path: Path) -> None:
    # Before: accepted silently, leaving the action without a working key.
    path = write(tmp_path, '[bindings]\nsave = "ctrl+s,ctrl+shift+banana"\n')
    with pytest.raises(ConfigError) as caught:
        load_keymap(path)
    assert str(path) in caught.value.message and "ctrl+shift+banana" in caught.value.message


def test_a_key_bound_twice_is_rejected(tmp_path: Path) -> None:
    # Before: save = "ctrl+q" was accepted and shadowed quit.
    path = write(tmp_path, '[bindings]\nsave = "ctrl+q"\n')
    with pytest.raises(ConfigError) as caught:
        load_keymap(path)
    assert "'ctrl+q'" in caught.value.message
    assert "quit" in caught.value.message and "save" in caught.value.message


def test_same_key_in_different_screens_is_allowed(tmp_path: Path) -> None:
    path = write(tmp_path, '[bindings]\nrefresh = "f5"\nregenerate = "f5"\n')
    assert load_keymap(path) == {"refresh": "f5", "regenerate": "f5"}


def test_key_names_people_write_are_accepted(tmp_path: Path) -> None:
    text = '[bindings]\nsave = "ctrl+s,f2"\nsearch = "slash,question_mark"\nhelp = "f1"\n'
    text += 'rewrite = "alt+r"\nback = "escape"\nfilter = "shift+f"\n'
    assert load_keymap(write(tmp_path, text))["search"] == "slash,question_mark"
    # the built-in defaults pass the same checks
    assert load_keymap(write(tmp_path, "[bindings]\n")) == {}
    assert {spec.action for spec in KEYS} >= {"save", "quit"}


def test_top_level_key_is_not_called_a_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_keymap(write(tmp_path, 'save = "ctrl+s"\n'))
    assert "key 'save' above [bindings]" in caught.value.message


def test_demo_without_terminal_points_at_the_demo_data() -> None:
    # Before: it suggested `.venv/bin/drafter tui`, which opens the user's real (empty) queue,
    # not the .demo data dir the demo just filled.
    source = (ROOT / "scripts" / "demo.py").read_text(encoding="utf-8")
    assert 'str(ROOT / ".demo")' in source
    hint = source.split("no terminal:", 1)[1].split("\n", 1)[0]
    assert "drafter --data-dir .demo tui" in hint


def test_a_bad_value_in_the_env_file_names_that_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hint said "in your environment or .env file" without saying which: the .env in the
    working directory (a team's shared one) is where a desk's value came from."""
    from drafter.config import Settings

    monkeypatch.setitem(Settings.model_config, "env_file", ".env")  # as outside the tests
    (tmp_path / ".env").write_text(
        "# team settings\nDRAFTER_AGENT_ID=anna\nDRAFTER_CLAIM_LEASE_SECONDS=2min\n",
        encoding="utf-8",
    )
    result = run_cli("inbox", "list", cwd=tmp_path)
    assert_user_error(result, "DRAFTER_CLAIM_LEASE_SECONDS", f"{tmp_path / '.env'} line 3")


def test_a_bad_value_in_the_environment_says_so(tmp_path: Path) -> None:
    result = run_cli("inbox", "list", env={"DRAFTER_CLAIM_LEASE_SECONDS": "2min"}, cwd=tmp_path)
    assert_user_error(result, "DRAFTER_CLAIM_LEASE_SECONDS", "environment")
    assert ".env file" not in result.stderr and "in your environment (" in result.stderr


def test_doctor_names_a_misspelt_setting_and_the_one_meant(tmp_path: Path) -> None:
    """A typo such as DRAFTER_LLM_MODLE was ignored without a word: the desk quietly wrote
    template drafts, and `drafter doctor` said "ok settings: no LLM"."""
    (tmp_path / ".env").write_text("# team settings\nDRAFTER_TIMEZON=Europe/Berlin\n")
    result = run_cli(
        "--data-dir", str(tmp_path / "data"), "doctor",
        env={"DRAFTER_LLM_MODLE": "gpt-4o-mini"}, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1, result.stdout
    out = result.stdout
    assert "unknown setting DRAFTER_LLM_MODLE (your environment) is ignored" in out, out
    assert "did you mean DRAFTER_LLM_MODEL?" in out, out
    assert f"DRAFTER_TIMEZON ({tmp_path.resolve() / '.env'} line 2)" in out, out
    assert "did you mean DRAFTER_TIMEZONE?" in out, out
    assert "Traceback" not in result.stderr


def test_every_setting_in_env_example_is_a_known_one() -> None:
    import re

    from drafter.config import known_names

    names = re.findall(r"^#?\s*(DRAFTER_[A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M)
    assert names and set(names) <= known_names(), set(names) - known_names()


def test_inbox_import_of_a_folder_skips_and_counts_a_text_file_that_is_no_email(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "a.eml").write_text("From: k@example.org\nSubject: Abschlag\n\nBitte senken.\n")
    (folder / "notes.txt").write_text("Shift notes: call back Mrs Behrens.\n")
    result = run("--data-dir", str(tmp_path / "data"), "inbox", "import", str(folder))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"skipped: {folder / 'notes.txt'} does not look like an email" in result.stderr
    assert "imported 1, duplicates 0, quarantined 0, skipped 1 (not an email)" in result.stdout


def test_inbox_list_at_80_columns_is_one_line_per_email_in_the_agents_zone(
    tmp_path: Path,
) -> None:
    """`inbox list` (the README's first command after `make demo`) took 3-4 lines per email
    at 80 columns ("Elke / Martens / <elke.mart…") and printed UTC times."""
    folder = tmp_path / "mail"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.eml").write_text(
            f"From: Dr. Cornelia Haack-Vollmer <cornelia.haack-vollmer{n}@example.org>\n"
            f"Subject: Auskunftsersuchen nach Art. 15 DSGVO zu meinem Vertrag {n}\n"
            "Date: Mon, 05 Oct 2026 06:47:00 +0000\n\nBitte um Auskunft.\n"
        )
    data = str(tmp_path / "data")
    assert run("--data-dir", data, "inbox", "import", str(folder)).returncode == 0
    env = {"COLUMNS": "80", "DRAFTER_TIMEZONE": "Europe/Berlin"}
    result = run("--data-dir", data, "inbox", "list", env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    rows = [line for line in lines if "Dr. Cor" in line]
    assert len(rows) == 3, result.stdout  # one line each
    assert all("2026-10-05 08:47" in row and "@" not in row for row in rows), rows


def test_env_example_copied_to_env_keeps_every_default_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`.env.example` says "Copy to .env"; its empty DRAFTER_DATA_DIR=, DRAFTER_KB_DIR=,
    DRAFTER_PROMPTS_DIR=, DRAFTER_OUTBOX_DIR=, DRAFTER_IMAP_CA_FILE= and
    DRAFTER_KEYBINDINGS_FILE= became Path("."): the data dir, outbox, knowledge base and
    prompts were the current folder (`prompts list` listed nothing) and `inbox check` failed
    with "cannot read the CA file .: Is a directory"."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DRAFTER_DATA_DIR")
    defaults = load_settings(_env_file=None)
    from_example = load_settings(_env_file=ROOT / ".env.example")
    for name in ("data_dir", "kb_dir", "prompts_dir", "outbox_dir", "keybindings_file"):
        assert getattr(from_example, name) == getattr(defaults, name), name
    assert from_example.imap_ca_file is None
    assert from_example.outbox_path == defaults.data_dir / "outbox"
    # an empty variable in the environment (`export DRAFTER_DATA_DIR=`) is the default too
    monkeypatch.setenv("DRAFTER_DATA_DIR", "")
    monkeypatch.setenv("DRAFTER_IMAP_CA_FILE", " ")
    from_env = load_settings(_env_file=None)
    assert from_env.data_dir == defaults.data_dir and from_env.imap_ca_file is None


def test_every_path_setting_treats_an_empty_value_as_its_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from drafter import config

    paths = [
        name
        for name, field in config.Settings.model_fields.items()
        if "Path" in str(field.annotation)
    ]
    assert len(paths) >= 6  # data, KB, prompts, outbox, CA file, key bindings
    for name in paths:
        default = config.Settings.model_fields[name].get_default(call_default_factory=True)
        monkeypatch.setenv(f"DRAFTER_{name.upper()}", "")
        assert getattr(config.load_settings(_env_file=None), name) == default, name


def test_a_wrong_postgresql_password_is_named_as_wrong_not_as_missing() -> None:
    """With a password in the URL that the server refused, the hint said to "put the role's
    password into DRAFTER_DATABASE_URL", which the user had just done."""
    from sqlalchemy.exc import OperationalError

    from drafter.store.db import unreachable

    url = "postgresql+psycopg://anna:typo@localhost:5433/drafter"
    refused = 'FATAL:  password authentication failed for user "anna"'
    error = unreachable(url, OperationalError("connect", {}, Exception(refused)))
    assert "typo" not in error.message + (error.hint or "")
    assert "is not the role anna's" in (error.hint or ""), error.hint
    assert "ALTER ROLE anna PASSWORD" in (error.hint or "")
    missing = "fe_sendauth: no password supplied"
    error = unreachable(url, OperationalError("connect", {}, Exception(missing)))
    assert "put the role's password into DRAFTER_DATABASE_URL" in (error.hint or "")


def test_make_demo_keeps_to_its_own_data_whatever_the_shell_exports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README says `make demo` keeps its data in `.demo/`, offline and without a model.
    It only set DRAFTER_DATA_DIR when unset, so with the team's settings exported (or the
    README's own `export DRAFTER_DATA_DIR=...`) it ingested the sample KB into that index and
    imported the 45 sample mails into that queue, PostgreSQL or shared Chroma included."""
    import importlib
    import runpy

    cli_main = importlib.import_module("drafter.cli.main")
    team = {
        "DRAFTER_DATA_DIR": str(tmp_path / "real"),
        "DRAFTER_DATABASE_URL": "postgresql+psycopg://drafter:pw@dbhost/drafter",
        "DRAFTER_CHROMA_URL": "http://10.0.0.5:8000",
        "DRAFTER_LLM_MODEL": "gpt-4o-mini",
        "DRAFTER_LLM_API_KEY": "sk-test",
        "DRAFTER_EMBEDDING_BACKEND": "openai",
    }
    for name, value in team.items():
        monkeypatch.setenv(name, value)  # restored after the test, also what main() changes
    monkeypatch.chdir(tmp_path)
    seen = []  # the settings each `drafter ...` step of the demo would run with
    monkeypatch.setattr(cli_main, "main", lambda argv: seen.append(load_settings()))
    runpy.run_path(str(ROOT / "scripts" / "demo.py"), run_name="__main__")
    assert seen
    for settings in seen:
        assert settings.data_dir == ROOT / ".demo"
        assert settings.db_url == f"sqlite:///{ROOT / '.demo' / 'drafter.db'}"
        assert settings.chroma_url == "" and not settings.llm_configured
        assert settings.embedding_backend == "usem"


def test_ctrl_c_asks_inbox_watch_to_stop_instead_of_raising_inside_the_imap_work(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: `drafter inbox watch ... Ctrl+C stops`. A KeyboardInterrupt raised inside an
    IMAP read left the connection out of step and ended in a traceback (ProtocolError from
    imapclient). Now Ctrl+C sets the watcher's stop flag; a second one stops at once."""
    import os
    import signal
    import time

    from drafter.cli.main import main
    from drafter.mail import imap_sync

    seen: list[str] = []

    def fake_watch(desk: object, settings: object, *, stop: Any, on_report: object) -> None:
        try:
            os.kill(os.getpid(), signal.SIGINT)  # the user presses Ctrl+C mid-watch
            deadline = time.monotonic() + 5
            while not stop.is_set() and time.monotonic() < deadline:
                time.sleep(0.01)
            seen.append("stop set" if stop.is_set() else "nothing")
        except KeyboardInterrupt:
            seen.append("KeyboardInterrupt inside the IMAP work")
            raise

    monkeypatch.setattr(imap_sync, "watch", fake_watch)
    monkeypatch.setenv("DRAFTER_IMAP_HOST", "127.0.0.1")
    monkeypatch.setenv("DRAFTER_IMAP_USER", "service")
    before = signal.getsignal(signal.SIGINT)
    with pytest.raises(SystemExit) as done:
        main(["inbox", "watch"])
    assert seen == ["stop set"]
    assert done.value.code == 0
    assert "stopping (Ctrl+C again to stop at once)" in capsys.readouterr().err
    assert signal.getsignal(signal.SIGINT) is before
