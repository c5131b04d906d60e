"""The command line in the interface language (issue 12): with DRAFTER_UI_LANGUAGE=de (or a
German locale and no setting) `drafter report`, `inbox`, the queue commands and the errors
they show speak German; `--json` keeps codes and English keys, and the figures are the same
in both languages. Made-up runs on the sample inbox's first email, no index, no model."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.cli import data_dir_with_one_email, run_cli

CLI = Path(__file__).resolve().parents[2] / "drafter" / "cli"
_LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z_.0-9]*[a-z0-9])["']""")
DE = {"DRAFTER_UI_LANGUAGE": "de"}
EN = {"DRAFTER_UI_LANGUAGE": "en"}


@pytest.fixture
def one_email(tmp_path: Path) -> dict[str, str]:
    return data_dir_with_one_email(tmp_path)


def _figures(text: str) -> list[str]:
    """The numbers of a text output, in order (dates and ids included)."""
    return re.findall(r"\d+", text)


def test_inbox_import_speaks_german_with_the_same_counts(tmp_path: Path) -> None:
    from tests.cli import SAMPLE_EMAIL

    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / SAMPLE_EMAIL.name).write_bytes(SAMPLE_EMAIL.read_bytes())
    (inbox / "notes.txt").write_text("no mail here\n", encoding="utf-8")
    german = run_cli(
        "inbox", "import", str(inbox), env={**DE, "DRAFTER_DATA_DIR": str(tmp_path / "d")}
    )
    english = run_cli(
        "inbox", "import", str(inbox), env={**EN, "DRAFTER_DATA_DIR": str(tmp_path / "e")}
    )
    assert german.returncode == english.returncode == 1  # one file skipped
    assert german.stdout.startswith("importiert 1, Duplikate 0, in Quarantäne 0"), german
    assert "übersprungen 1 (keine E-Mail)" in german.stdout
    assert german.stderr.startswith("übersprungen: "), german
    assert "notes.txt sieht nicht nach einer E-Mail aus (keine From-" in german.stderr
    assert english.stdout.startswith("imported 1, duplicates 0, quarantined 0"), english
    assert _figures(german.stdout) == _figures(english.stdout)


def test_inbox_list_names_columns_status_and_reason_in_german(one_email: dict[str, str]) -> None:
    german = run_cli("inbox", "list", env={**one_email, **DE, "COLUMNS": "100"})
    english = run_cli("inbox", "list", env={**one_email, **EN, "COLUMNS": "100"})
    assert german.returncode == english.returncode == 0
    head = german.stdout.splitlines()[0]
    assert "Betreff" in head and "eingegangen" in head and "Anliegen" in head, german.stdout
    assert "subject" not in german.stdout and " new " not in german.stdout
    assert " neu " in german.stdout
    assert german.stdout.rstrip().endswith("1 E-Mail")
    assert english.stdout.rstrip().endswith("1 email") and " new " in english.stdout
    assert _figures(german.stdout) == _figures(english.stdout)


def test_inbox_list_json_keeps_codes_and_english_keys(one_email: dict[str, str]) -> None:
    german = json.loads(run_cli("inbox", "list", "--json", env={**one_email, **DE}).stdout)
    english = json.loads(run_cli("inbox", "list", "--json", env={**one_email, **EN}).stdout)
    assert german == english
    assert german[0]["status"] == "new"


def test_report_speaks_german_and_its_json_does_not(one_email: dict[str, str]) -> None:
    german = run_cli("report", env={**one_email, **DE, "COLUMNS": "80"})
    english = run_cli("report", env={**one_email, **EN, "COLUMNS": "80"})
    assert german.returncode == english.returncode == 0, german
    assert "1 E-Mail nach Anliegen (im Ziel: binnen 24 h gesendet)" in german.stdout
    assert "Anliegen" in german.stdout and "gesamt" in german.stdout
    assert "contact reason" not in german.stdout and "knowledge gaps" not in german.stdout
    assert "Wissenslücken" in german.stdout
    assert "1 email by contact reason" in english.stdout  # not "1 emails"
    assert max(map(len, german.stdout.splitlines())) <= 80
    assert _figures(german.stdout) == _figures(english.stdout)
    as_json = [run_cli("report", "--json", env={**one_email, **lang}).stdout for lang in (DE, EN)]
    assert json.loads(as_json[0]) == json.loads(as_json[1])
    assert "by_reason" in json.loads(as_json[0])


def test_report_html_is_german(one_email: dict[str, str], tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    result = run_cli("report", "--html", str(page), env={**one_email, **DE})
    assert result.returncode == 0 and result.stdout == ""
    assert result.stderr.startswith("HTML-Bericht geschrieben:"), result.stderr
    html = page.read_text(encoding="utf-8")
    assert "<html lang='de'>" in html and "Nach Anliegen" in html and "Wissenslücken" in html
    assert "By contact reason" not in html


def test_a_wrong_date_is_refused_in_german(one_email: dict[str, str]) -> None:
    result = run_cli("report", "--since", "gestern", env={**one_email, **DE})
    assert result.returncode == 2
    assert result.stderr.startswith(
        "Fehler: Ungültiger Wert für --since: 'gestern' ist kein Datum"
    ), result.stderr
    assert "Tipp: siehe `drafter report --help`" in result.stderr
    assert "Invalid value" not in result.stderr and "Traceback" not in result.stderr


def test_core_errors_are_shown_in_german(one_email: dict[str, str]) -> None:
    missing = run_cli("inbox", "show", "999", env={**one_email, **DE})
    assert missing.returncode == 2
    assert missing.stderr.splitlines() == [
        "Fehler: E-Mail 999 ist nicht in der Warteschlange",
        "Tipp: `drafter inbox list` zeigt die Nummern",
    ]
    english = run_cli("inbox", "show", "999", env={**one_email, **EN})
    assert english.stderr.startswith("error: no email with id 999 in the queue")
    reopen = run_cli("inbox", "reopen", "1", "--reason", "Kunde rief an", env={**one_email, **DE})
    assert reopen.returncode == 2
    assert "nur eine abgelehnte E-Mail kann wieder geöffnet werden" in reopen.stderr, reopen
    assert "ist neu;" in reopen.stderr


def test_the_command_lines_own_errors_are_german(tmp_path: Path) -> None:
    result = run_cli("inbox", "import", str(tmp_path / "nirgends"), env=DE)
    assert result.returncode == 2
    assert result.stderr.startswith("Fehler: Datei oder Ordner nicht gefunden:"), result.stderr
    assert "Details" not in result.stderr  # not run through the English patterns again
    assert "Tipp: einen Ordner mit .eml-Dateien" in result.stderr
    approve = run_cli("inbox", "approve", "1", env=DE)
    assert "Fehler:" in approve.stderr and "error:" not in approve.stderr


def test_claim_show_and_release_in_german(one_email: dict[str, str]) -> None:
    env = {**one_email, **DE}
    claimed = run_cli("inbox", "claim", "1", env=env)
    assert claimed.returncode == 0 and claimed.stdout.strip() == "1"  # the id, for scripts
    assert claimed.stderr.startswith("übernommen: #1 für agent bis "), claimed.stderr
    shown = run_cli("inbox", "show", "1", env=env)
    assert shown.stdout.startswith("#1 [neu] ")
    assert "wird seit " in shown.stdout and " von agent bearbeitet" in shown.stdout
    other = run_cli("inbox", "release", "1", "--agent", "bea", env=env)
    assert other.stdout.startswith("nichts freizugeben: #1 wird seit "), other.stdout
    assert other.stdout.rstrip().endswith("von agent bearbeitet, nicht von bea")
    released = run_cli("inbox", "release", "1", env=env)
    assert released.stdout.strip() == "Reservierung aufgehoben: #1"
    again = run_cli("inbox", "release", "1", env=env)
    assert again.stdout.strip() == "nichts freizugeben: agent hat #1 nicht übernommen"
    usage = run_cli("inbox", "claim", env=env)
    assert usage.stderr.startswith("Fehler: entweder eine EMAIL_ID oder --next angeben")


def test_the_language_defaults_to_the_locale(
    one_email: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DRAFTER_UI_LANGUAGE")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert run_cli("inbox", "list", env=one_email).stdout.rstrip().endswith("1 E-Mail")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert run_cli("inbox", "list", env=one_email).stdout.rstrip().endswith("1 email")


def test_every_key_the_command_line_uses_exists_in_both_languages() -> None:
    from drafter import i18n  # the catalogue moved to the core for the command line

    sources = [*CLI.glob("*.py"), CLI.parent / "evaluation" / "analytics_view.py"]
    used = {key for path in sources for key in _LITERAL_KEY.findall(path.read_text("utf-8"))}
    assert len(used) > 40, "the scan found the t() calls"
    assert sorted(used - set(i18n.EN)) == []
    assert sorted(used - set(i18n.DE)) == []
    assert set(i18n.EN) == set(i18n.DE)


def test_doctor_speaks_german_with_the_same_findings(tmp_path: Path) -> None:
    env = {"DRAFTER_DATA_DIR": str(tmp_path / "data"), "DRAFTER_KB_DIR": str(tmp_path / "kb")}
    german = run_cli("doctor", env={**env, **DE})
    english = run_cli("doctor", env={**env, **EN})
    assert german.returncode == english.returncode == 1  # no kb folder, no index
    assert "ok      Datenordner: " in german.stdout, german.stdout
    assert "PROBLEM Index: kein Index in " in german.stdout
    assert "        Abhilfe: `drafter kb ingest` ausführen" in german.stdout
    assert "kein Sprachmodell (Vorlagenentwürfe)" in german.stdout
    assert german.stderr.strip() == "2 Probleme gefunden", german.stderr
    assert english.stderr.strip() == "2 problems found"
    assert len(german.stdout.splitlines()) == len(english.stdout.splitlines())


def test_kb_and_mail_speak_german(tmp_path: Path) -> None:
    from tests.cli import SAMPLE_EMAIL

    env = {**DE, "DRAFTER_DATA_DIR": str(tmp_path / "data")}
    missing = run_cli("kb", "ingest", str(tmp_path / "nirgends"), env=env)
    assert missing.returncode == 2
    assert missing.stderr.startswith("Fehler: Datei oder Ordner nicht gefunden: "), missing
    search = run_cli("kb", "search", "Abschlag", env=env)  # no index yet
    assert search.returncode == 2
    assert search.stderr.startswith("Fehler: Kein Index der Wissensdatenbank in "), search
    assert "Tipp: `drafter kb ingest` ausführen" in search.stderr
    parsed = run_cli("mail", "parse", str(SAMPLE_EMAIL), env={**env, "COLUMNS": "100"})
    assert parsed.returncode == 0
    assert "Betreff" in parsed.stdout and "Sprache" in parsed.stdout and "─ Text " in parsed.stdout
    as_json = json.loads(run_cli("mail", "parse", "--json", str(SAMPLE_EMAIL), env=env).stdout)
    assert {"status", "subject", "body"} <= set(as_json) and as_json["status"] == "ok"
    note = tmp_path / "notiz.txt"
    note.write_text("nur ein Zettel\n", encoding="utf-8")
    refused = run_cli("mail", "parse", str(note), env=env)
    assert "sieht nicht nach einer E-Mail aus" in refused.stderr, refused.stderr
    assert "oder mit --text die ganze Datei" in refused.stderr


def test_the_mailbox_commands_speak_german(tmp_path: Path) -> None:
    env = {**DE, "DRAFTER_DATA_DIR": str(tmp_path / "data")}
    result = run_cli("inbox", "check", env=env)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == "Fehler: Kein IMAP-Server eingerichtet", result.stderr
    assert "Details" not in result.stderr


def test_report_tables_name_reasons_and_agents_in_german_with_the_same_figures() -> None:
    """The report's tables of a made-up desk: contact reasons by their German names, agent
    columns and the decimal comma in German; the codes and the same figures in English."""
    import io

    from rich.console import Console

    from drafter.evaluation.analytics import Analytics, Group
    from drafter.evaluation.analytics_view import tables
    from drafter.i18n import set_language

    meter = Group("zaehlerstand", 3, 3, 2, 1, 0.5, 0.12, 90.0, 600.0, {"Dublette": 1}, 1.0)
    move = Group("umzug", 2, 1, 0, 0)
    analytics = Analytics(
        5, Group("all", 5, 4, 2, 1, 0.5, 0.12, 90.0, 600.0), [meter, move], [], [],
        {"anna": {"claimed": 3, "drafted": 0, "edited": 1, "approved": 2, "sent": 2,
                  "rejected": 1}},
    )  # fmt: skip

    def shown(language: str) -> str:
        set_language(language)
        console = Console(width=80, record=True, file=io.StringIO())
        for table in tables(analytics, 24):
            console.print(table)
        return console.export_text()

    german, english = shown("de"), shown("en")
    assert "Zählerstand" in german and "Umzug" in german and "zaehlerstand" not in german
    assert "1,5 min" in german and "E-Mails nach Bearbeiter" in german and "übern." in german
    assert "Dublette (1)" in german and "gesamt" in german
    assert "zaehlerstand" in english and "1.5 min" in english and "claimed" in english
    assert _figures(german) == _figures(english)
    assert max(len(line) for line in german.splitlines()) <= 80


def test_the_privacy_commands_speak_german(one_email: dict[str, str]) -> None:
    env = {**one_email, **DE}
    purge = run_cli("privacy", "purge", "--dry-run", env=env)
    assert purge.returncode == 0
    assert "DRAFTER_RETENTION_DAYS ist 0 (alles behalten): nichts zu löschen" in purge.stderr
    assert "würde löschen: 0 abgeschlossene E-Mails" in purge.stderr, purge.stderr
    nobody = run_cli("privacy", "export", "--email", "niemand@example.org", env=env)
    assert "über niemand@example.org ist nichts gespeichert" in nobody.stderr, nobody.stderr
    as_json = run_cli("privacy", "purge", "--dry-run", "--json", env=env)
    assert json.loads(as_json.stdout)["dry_run"] is True


def test_inbox_draft_names_the_warnings_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    """`inbox draft` listed "(warnings: kb_gap, template_draft)" in the German interface too;
    the desk names them ("Wissenslücke"). In English the codes stay, as scripts read them."""
    import asyncio

    from drafter.cli.inbox import _draft_all
    from drafter.i18n import set_language
    from drafter.models import Done, Draft, DraftWarning, Failed

    class FakeDesk:
        async def draft(self, email_id: int):  # type: ignore[no-untyped-def]
            if email_id == 2:
                yield Failed(message="no email with id 2 in the queue")
                return
            warnings = [DraftWarning(code="kb_gap", message="no article"),
                        DraftWarning(code="template_draft", message="no model")]  # fmt: skip
            yield Done(draft=Draft(body="Guten Tag", warnings=warnings))

    set_language("de")
    asyncio.run(_draft_all(FakeDesk(), [1, 2], 1))
    german = capsys.readouterr()
    assert german.out.strip() == "#1 bereit (Warnungen: Wissenslücke, Vorlagenentwurf)"
    assert german.err.strip() == "#2 fehlgeschlagen: E-Mail 2 ist nicht in der Warteschlange"
    set_language("en")
    asyncio.run(_draft_all(FakeDesk(), [1, 2], 1))
    english = capsys.readouterr()
    assert english.out.strip() == "#1 ready (warnings: kb_gap, template_draft)"
    assert english.err.strip() == "#2 failed: no email with id 2 in the queue"


def test_a_mistyped_command_and_a_bad_setting_are_refused_in_german(tmp_path: Path) -> None:
    env = {**DE, "DRAFTER_DATA_DIR": str(tmp_path / "data")}
    unknown = run_cli("inbox", "lsit", env=env)
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("Fehler: Unbekannter Befehl 'lsit'."), unknown.stderr
    setting = run_cli("inbox", "list", env={**env, "DRAFTER_CLAIM_LEASE_SECONDS": "lang"})
    assert setting.returncode == 2
    lines = setting.stderr.splitlines()
    assert lines[0].startswith("Fehler: Ungültige Einstellung DRAFTER_CLAIM_LEASE_SECONDS: ")
    assert lines[1].startswith("Tipp: DRAFTER_CLAIM_LEASE_SECONDS in der Umgebung korrigieren")


def test_a_busy_index_is_explained_in_german() -> None:
    """Both ways an index is busy (an ingest, another drafter's load) read as German sentences
    with their path, holder and wait, not as the general text with English details."""
    from drafter import error_text
    from drafter.i18n import language, set_language
    from drafter.knowledge.index_lock import IndexBusy

    ingest = IndexBusy(
        "the index in /d/index is being updated by `drafter kb ingest` (pid 7) "
        "(still busy after 15 s)",
        hint="try again when `drafter kb ingest` has finished",
    )
    reader = IndexBusy(
        "the index in /d/index is in use by another drafter process (still busy after 300 s)",
        hint="try again when the other drafter command has finished",
    )
    before = language()
    set_language("de")
    try:
        assert error_text.message(ingest) == (
            "Der Index in /d/index wird gerade von `drafter kb ingest` (pid 7) aktualisiert "
            "(nach 15 s noch belegt)"
        )
        assert error_text.hint(ingest) == "Erneut versuchen, wenn `drafter kb ingest` fertig ist"
        assert "anderen drafter-Prozess" in error_text.message(reader)
        assert "Details" not in error_text.message(reader)
        assert error_text.hint(reader).startswith("Erneut versuchen")
    finally:
        set_language(before)
