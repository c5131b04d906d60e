"""Errors from the core (store, queue, sending, desk service; for the command line also the
mailbox, mail files, the index and prompt templates) as the agent reads them in the desk and
on the command line.

The core raises `DrafterError(message, hint)` in English. In the German interface (the desk
and the `drafter` command) (`DRAFTER_UI_LANGUAGE=de`) `message(error)` and `hint(error)` give the
German text: each message the store, the queue, the sending path and drafter.desk write today
has a pattern here, and the values it carries (an email number, an agent, a status, a time,
the warning kinds) are formatted into the German sentence. A message no pattern knows (a core
message added or reworded later) gets the general German text of its error class, and the
original English text follows as "Details: …" so that nothing the agent may need (a path, a
database error) is lost. In English everything is the core's own text. An error the command
line wrote itself through the catalogue (`localized=True`) is shown as it is.

tests/tui/test_error_text.py raises the real errors (real SQLite store, real Desk) and checks
that the German desk shows them in German.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from drafter.error_text_cli import CLI_HINTS, CLI_MESSAGES
from drafter.error_text_llm import LLM_HINTS, LLM_MESSAGES
from drafter.errors import (
    ConfigError,
    DrafterError,
    KnowledgeBaseError,
    LLMError,
    MailError,
    PrivacyError,
    StorageError,
    StoreError,
)
from drafter.i18n import language, short_time, t
from drafter.store.queue_state import ClaimedError
from drafter.warning_codes import label

Values = dict[str, str]

_STATUS = ("new", "drafting", "ready", "in_review", "needs_attention", "sent", "rejected")
_ACTION = {
    "approve": "freigeben",
    "send": "senden",
    "reject": "ablehnen",
    "draft": "entwerfen",
    "edit": "bearbeiten",
    "claim": "übernehmen",
    "reopen": "wieder öffnen",
    "reopened": "wieder öffnen",
    "released": "freigeben",
}


def _status(value: str) -> str:
    return t(f"status.{value}") if value in _STATUS else value


def _kinds(value: str) -> str:
    return ", ".join(label(code.strip()) for code in value.split(",") if code.strip())


def _fill(values: Values) -> Values:
    out = dict(values)
    for key in ("status", "previous", "to"):
        if key in out:
            out[key] = _status(out[key])
    if "action" in out:
        out["action"] = _ACTION.get(out["action"], out["action"])
    if "doing" in out:
        out["doing"] = "entworfen" if out["doing"] == "drafted" else "bearbeitet"
    if "kinds" in out:
        out["kinds"] = _kinds(out["kinds"])
    return out


# (English message pattern, German message); values by group name
_MESSAGES: list[tuple[str, str]] = [
    *LLM_MESSAGES,
    (r"no email with id (?P<id>\d+) in the queue", "E-Mail {id} ist nicht in der Warteschlange"),
    (
        r"email (?P<id>\d+) is already (?P<status>\w+); cannot (?P<action>[\w ]+?) it",
        "E-Mail {id} ist bereits {status}; sie lässt sich nicht mehr {action}",
    ),
    (
        r"email (?P<id>\d+) is already (?P<status>\w+); it cannot be claimed",
        "E-Mail {id} ist bereits {status}; sie kann nicht übernommen werden",
    ),
    (
        r"email (?P<id>\d+) cannot go from (?P<previous>\w+) to (?P<to>\w+) \((?P<reason>.*)\)",
        "E-Mail {id} kann nicht von „{previous}“ zu „{to}“ wechseln ({reason})",
    ),
    (
        r"email (?P<id>\d+) is being (?P<doing>drafted|handled) by (?P<agent>.+?) since "
        r"(?P<since>[\d: -]+)",
        "E-Mail {id} wird seit {since} von {agent} {doing}",
    ),
    (
        r"email (?P<id>\d+) was rejected; it cannot be answered",
        "E-Mail {id} wurde abgelehnt; sie kann nicht beantwortet werden",
    ),
    (
        r"the reply to email (?P<id>\d+) has not been approved",
        "Die Antwort auf E-Mail {id} ist noch nicht freigegeben",
    ),
    (
        r"the reply to email (?P<id>\d+) changed after it was approved",
        "Die Antwort auf E-Mail {id} wurde nach der Freigabe geändert",
    ),
    (
        r"the reply to email (?P<id>\d+) has (?P<count>\d+) risky warning\(s\) nobody "
        r"acknowledged \((?P<kinds>[^)]*)\)",
        "Die Antwort auf E-Mail {id} hat {count} riskante Warnung(en), die niemand bestätigt "
        "hat ({kinds})",
    ),
    (
        r"email (?P<id>\d+) was already answered with a different text",
        "E-Mail {id} wurde bereits mit einem anderen Text beantwortet",
    ),
    (
        r"email (?P<id>\d+) is being sent by (?P<agent>.+?) right now \(since (?P<since>[\d:]+)\)",
        "E-Mail {id} wird gerade von {agent} gesendet (seit {since})",
    ),
    (
        r"an earlier attempt to send the reply to email (?P<id>\d+) over SMTP did not finish",
        "Ein früherer Versuch, die Antwort auf E-Mail {id} per SMTP zu senden, wurde nicht "
        "abgeschlossen; sie ist vielleicht schon zugestellt",
    ),
    (
        r"the draft of email (?P<id>\d+) took longer than its drafting claim \((?P<secs>[\d.]+) "
        r"s\)",
        "Der Entwurf für E-Mail {id} dauerte länger als seine Reservierung ({secs} s); ein "
        "anderer Prozess hat die E-Mail übernommen oder geschlossen",
    ),
    (r"the reply to email (?P<id>\d+) is empty", "Die Antwort auf E-Mail {id} ist leer"),
    (
        r"email (?P<id>\d+) has no such warning to acknowledge \((?P<code>[\w-]+):",
        "E-Mail {id} hat diese Warnung nicht (mehr) zum Bestätigen ({code})",
    ),
    (
        r"reopening email (?P<id>\d+) needs a reason",
        "Zum Wiederöffnen von E-Mail {id} braucht es einen Grund",
    ),
    (
        r"email (?P<id>\d+) is (?P<status>\w+); only a rejected email can be reopened",
        "E-Mail {id} ist {status}; nur eine abgelehnte E-Mail kann wieder geöffnet werden",
    ),
    (
        r"cannot start (?P<what>.+?): the disk holding (?P<folder>.+) is nearly full "
        r"\((?P<free>[\d,]+) KB free, at least (?P<need>[\d,]+) KB needed\)",
        "Kann nicht beginnen ({what}): der Datenträger mit {folder} ist fast voll ({free} KB "
        "frei, mindestens {need} KB nötig)",
    ),
    (
        r"(?:cannot start (?P<what>.+?): )?the disk holding (?P<folder>.+?) is full",
        "Der Datenträger mit {folder} ist voll",
    ),
    (
        r"(?:cannot start (?P<what>.+?): )?the data folder (?P<folder>.+?) is (?:on a )?read-only",
        "Der Datenordner {folder} ist schreibgeschützt",
    ),
    (r"the database (?P<path>.*?) ?is read-only", "Die Datenbank {path} ist schreibgeschützt"),
    (r"the database refused a write", "Die Datenbank hat das Schreiben abgelehnt"),
    (
        r"live queue updates stopped",
        "Die Warteschlange wird gerade nicht live aktualisiert",
    ),
    *CLI_MESSAGES,
]
_MESSAGES_RE = [(re.compile(p, re.I), text) for p, text in _MESSAGES]

# (English hint pattern, German hint)
_HINTS: list[tuple[str, str]] = [
    *LLM_HINTS,
    (r"run `drafter inbox list` to see the ids", "`drafter inbox list` zeigt die Nummern"),
    (r"pick another email from the queue", "Bitte eine andere E-Mail aus der Warteschlange wählen"),
    (
        r"reload the queue: another desk may have changed it",
        "Warteschlange neu laden: ein anderer Arbeitsplatz hat sie vielleicht geändert",
    ),
    (
        r"pick another email, or wait until they release it",
        "Eine andere E-Mail wählen oder warten, bis sie freigegeben wird (eine Reservierung "
        "endet, wenn deren Arbeitsplatz oder drafter beendet wird)",
    ),
    (r"approve the reply before sending it", "Die Antwort vor dem Senden freigeben"),
    (
        r"approve the current text again before sending",
        "Den aktuellen Text vor dem Senden erneut freigeben",
    ),
    (
        r"acknowledge each warning in the send dialog",
        "Jede Warnung im Sendedialog bestätigen; die Kommandozeile kann das nicht, also die "
        "E-Mail im Arbeitsplatz (`drafter tui`) öffnen und dort senden "
        "(DRAFTER_ACK_REQUIRED_WARNINGS nennt die Arten, die eine Bestätigung brauchen)",
    ),
    (r"answer a follow-up as a new email", "Eine Rückfrage als neue E-Mail beantworten"),
    (
        r"wait a moment: the queue shows it as sent",
        "Einen Moment warten: die Warteschlange zeigt sie als gesendet, sobald der Server sie "
        "angenommen hat",
    ),
    (
        r"look for Message-ID (?P<mid>\S+) in the sent mail or the server log",
        "Im Gesendet-Ordner oder im Serverprotokoll nach der Message-ID {mid} suchen; ist sie "
        "angekommen, die E-Mail ablehnen",
    ),
    (
        r"the result was discarded; raise DRAFTER_DRAFT_LEASE_SECONDS",
        "Das Ergebnis wurde verworfen; DRAFTER_DRAFT_LEASE_SECONDS erhöhen, wenn das oft vorkommt",
    ),
    (r"write a reply before approving", "Vor dem Freigeben eine Antwort schreiben"),
    (
        r"reload the email; the draft may have changed",
        "Die E-Mail neu laden; der Entwurf hat sich vielleicht geändert",
    ),
    (r"say why it is reopened", "Bitte sagen, warum sie wieder geöffnet wird"),
    (
        r"it is still open: open it in the desk or `drafter inbox show`",
        "Sie ist noch offen: im Bearbeitungsplatz oder mit `drafter inbox show` öffnen",
    ),
    (
        r"a sent reply cannot be taken back",
        "Eine gesendete Antwort lässt sich nicht zurücknehmen; bitte aus einer neuen E-Mail "
        "erneut antworten",
    ),
    (
        r"free some space, then (?:run the command again|try again)",
        "Speicherplatz freigeben und dann erneut versuchen (nichts wurde halb gespeichert)",
    ),
    (
        r"make the data folder writable",
        "Den Datenordner beschreibbar machen oder DRAFTER_DATA_DIR auf einen beschreibbaren "
        "Ordner setzen",
    ),
    (
        r"another drafter process may hold a lock",
        "Ein anderer drafter-Prozess hält vielleicht eine Sperre; erneut versuchen oder prüfen, "
        "ob die Datenbankdatei beschreibbar ist",
    ),
    (
        r"the desk reconnects by itself",
        "Der Arbeitsplatz verbindet sich von selbst neu; bis dahin die Liste neu laden (ctrl+r)",
    ),
    *CLI_HINTS,
]
_HINTS_RE = [(re.compile(p, re.I), text) for p, text in _HINTS]

#: the general German text of an error class, for a message no pattern knows (most specific
#: class first)
_GENERAL: list[tuple[type[DrafterError], str]] = [
    (StorageError, "Der Datenträger hat den Vorgang abgelehnt (voll oder schreibgeschützt)"),
    (StoreError, "Die Datenbank hat den Vorgang abgelehnt"),
    (MailError, "Die E-Mail ließ sich nicht lesen, erstellen oder senden"),
    (LLMError, "Das Sprachmodell ist fehlgeschlagen oder hat unbrauchbar geantwortet"),
    (KnowledgeBaseError, "Die Wissensdatenbank ließ sich nicht lesen oder schreiben"),
    (PrivacyError, "Die Anfrage hätte personenbezogene Daten an das Modell geschickt"),
    (ConfigError, "Eine Einstellung fehlt oder ist ungültig"),
    (DrafterError, "Der Vorgang ist fehlgeschlagen"),
]


def _translate(
    text: str, table: list[tuple[re.Pattern[str], str]], fill: Callable[[Values], Values]
) -> str | None:
    for pattern, german in table:
        found = pattern.search(text)
        if found:
            values = {k: v or "" for k, v in found.groupdict().items()}
            return german.format(**fill(values)).replace("  ", " ")
    return None


def message(error: DrafterError) -> str:
    """The error's message in the interface language (who holds an email since when: the
    time alone when it is today)."""
    if isinstance(error, ClaimedError):
        claim = error.claim
        doing = "drafted" if claim.kind == "drafting" else "handled"
        return t(
            "error.claimed." + doing, id=error.email_id, agent=claim.agent,
            since=short_time(claim.since),
        )  # fmt: skip
    if language() != "de" or error.localized:
        return error.message
    known = _translate(error.message, _MESSAGES_RE, _fill)
    if known is not None:
        return known
    general = next(text for kind, text in _GENERAL if isinstance(error, kind))
    return f"{general}. Details: {error.message}"


def german_message(text: str) -> str:
    """A core error message in German when a pattern knows it, else as it is (the reason a
    `model_failed` warning carries)."""
    known = _translate(text, _MESSAGES_RE, _fill)
    return text if known is None else known


def german_hint(text: str) -> str:
    """A core hint in German when a pattern knows it, else as it is."""
    known = _translate(text, _HINTS_RE, lambda values: values)
    return text if known is None else known


def hint(error: DrafterError) -> str:
    """The error's hint in the interface language ("" when it has none)."""
    if language() != "de" or not error.hint or error.localized:
        return error.hint
    known = _translate(error.hint, _HINTS_RE, lambda values: values)
    return known if known is not None else f"Details: {error.hint}"


def text(error: DrafterError) -> str:
    """Message and hint as the desk's error notification shows them."""
    shown = message(error)
    advice = hint(error)
    return shown + (f"\n{t('hint')}: {advice}" if advice else "")
