"""Key bindings of the review desk: the defaults, their descriptions, and the TOML override file.

Every binding has an id (the action name users write in the keybindings file). Screens build
their `BINDINGS` from `bindings_for(scope)`; the app applies the user's file as a Textual
keymap, so help, footer and command palette always show the effective keys.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from textual.binding import Binding

from drafter.errors import ConfigError


@dataclass(frozen=True)
class KeySpec:
    """One configurable binding: `action` is both the binding id and the action name."""

    action: str
    key: str
    description: str
    scope: str  # "app", "queue" or "email"
    short: str = ""  # footer label; empty: the description
    priority: bool = False  # True: works even while the editor or search box has focus
    show: bool = True


KEYS: tuple[KeySpec, ...] = (
    KeySpec("help", "f1,question_mark", "Help: list every key", "app", "Help"),
    KeySpec("command_palette", "ctrl+p", "Command palette", "app", show=False),
    KeySpec("quit", "ctrl+q", "Quit (saves the open draft)", "app", "Quit", priority=True),
    KeySpec("stats", "s", "Desk statistics (the figures of drafter report)", "app", show=False),
    KeySpec("open", "enter", "Open the selected email", "queue", "Open"),
    KeySpec("search", "slash", "Search sender and subject", "queue", "Search"),
    KeySpec("filter", "f", "Cycle the status filter", "queue", "Filter"),
    KeySpec("refresh", "r", "Reload the queue", "queue", "Reload"),
    KeySpec("claim_selected", "c", "Claim or release the selected email", "queue", "Claim"),
    KeySpec("clear_search", "escape", "Clear the search", "queue", show=False),
    KeySpec("back", "escape", "Back to the queue (saves)", "email", "Back"),
    KeySpec("save", "ctrl+s", "Save the draft", "email", "Save", priority=True),
    KeySpec("regenerate", "ctrl+g", "Regenerate the draft", "email", "Regen", priority=True),
    KeySpec("rewrite", "ctrl+r", "Rewrite with an instruction", "email", "Rewrite", priority=True),
    KeySpec(
        "versions", "ctrl+b", "Go back to an earlier version", "email", "Versions", priority=True
    ),
    KeySpec(
        "open_source",
        "ctrl+o",
        "Open the selected cited article",
        "email",
        "Source",
        priority=True,
    ),
    KeySpec(
        "toggle_redacted",
        "ctrl+t",
        "Show what the model saw",
        "email",
        "Model view",
        priority=True,
    ),
    KeySpec("claim", "ctrl+l", "Claim or release this email", "email", "Claim", priority=True),
    KeySpec("reject", "f8", "Reject with a reason", "email", "Reject", priority=True),
    KeySpec("approve_send", "f9", "Approve and send", "email", "Send", priority=True),
)

ACTIONS = {spec.action for spec in KEYS}


def bindings_for(scope: str) -> list[Binding]:
    """Textual bindings (with ids, so a keymap can override them) for one scope."""
    return [
        Binding(
            spec.key,
            spec.action,
            spec.short or spec.description,
            show=spec.show,
            tooltip=spec.description,
            priority=spec.priority,
            id=spec.action,
        )
        for spec in KEYS
        if spec.scope == scope
    ]


def load_keymap(path: Path | None) -> dict[str, str]:
    """Read `[bindings] action = "key"` from a TOML file; errors name the file and the action."""
    if path is None:
        return {}
    hint_file = "fix it or unset DRAFTER_KEYBINDINGS_FILE (see docs/tui.md)"
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"keybindings file {path} does not exist", hint=hint_file) from exc
    except OSError as exc:
        raise ConfigError(f"cannot read keybindings file {path}: {exc}", hint=hint_file) from exc
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}", hint=hint_file) from exc
    unknown_tables = sorted(set(data) - {"bindings"})
    if unknown_tables:
        raise ConfigError(
            f"{path}: unknown table [{unknown_tables[0]}]",
            hint="the file has one table, [bindings], mapping action names to keys",
        )
    table = data.get("bindings", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: 'bindings' must be a table", hint="write [bindings]")
    keymap: dict[str, str] = {}
    for action, key in table.items():
        if action not in ACTIONS:
            raise ConfigError(
                f"{path}: unknown action {action!r} in [bindings]",
                hint="valid actions: " + ", ".join(sorted(ACTIONS)),
            )
        if not isinstance(key, str) or not key.strip():
            raise ConfigError(
                f'{path}: [bindings] {action} must be a key string such as "ctrl+s"',
                hint='write e.g. save = "ctrl+s" (several keys: "ctrl+s,f2")',
            )
        keymap[action] = ",".join(part.strip() for part in key.split(","))
    return keymap


_KEY_NAMES = {"question_mark": "?", "slash": "/", "escape": "esc", "comma": ","}


def display_key(keys: str) -> str:
    """A binding's keys as people write them: "f1,question_mark" -> "f1, ?"."""
    return ", ".join(_KEY_NAMES.get(key.strip(), key.strip()) for key in keys.split(","))


def effective_keys(keymap: dict[str, str]) -> list[tuple[KeySpec, str]]:
    """Every binding with the key(s) in force after the user's overrides."""
    return [(spec, keymap.get(spec.action, spec.key)) for spec in KEYS]
