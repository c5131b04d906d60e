"""Key bindings of the review desk: the defaults, their descriptions, and the TOML override file.

Every binding has an id (the action name users write in the keybindings file). Screens build
their `BINDINGS` from `bindings_for(scope)`; the app applies the user's file as a Textual
keymap, so help, footer and command palette always show the effective keys.
"""

from __future__ import annotations

import re
import string
import tomllib
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from textual.binding import Binding
from textual.keys import KEY_ALIASES, KEY_NAME_REPLACEMENTS, Keys

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
    # the queue is live (drafter.store.notify), so `r` is seldom needed: in help and the
    # palette, not in the footer, which holds the German queue's keys at 80 columns without it
    KeySpec("refresh", "r", "Reload the queue", "queue", "Reload", show=False),
    KeySpec("claim_selected", "c", "Claim or release the selected email", "queue", "Claim"),
    KeySpec("clear_search", "escape", "Clear the search", "queue", show=False),
    # the decisions first: the footer shows the keys in this order and clips at narrow widths
    KeySpec("approve_send", "f9", "Approve and send", "email", "Send", priority=True),
    KeySpec("reject", "f8", "Reject with a reason", "email", "Reject", priority=True),
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
    KeySpec(
        "next_warning",
        "f6",
        "Select the next warning's text",
        "email",
        "Warning",
        priority=True,
        show=False,
    ),
    KeySpec(
        "reopen", "f4", "Reopen a rejected email (with a reason)", "email", "Reopen", priority=True
    ),
    KeySpec(
        "conversation",
        "ctrl+e",
        "Show the earlier emails of the thread",
        "email",
        "Thread",
        priority=True,
    ),
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


# bindings of modal and stats screens: their id -> the catalogue key of their label
_OTHER_LABELS = {
    "modal_close": "close",
    "modal_confirm": "key.approve_send.short",
    "stats_back": "key.back.short",
    "stats_reload": "key.reload_stats",
}


def translate_bindings(node: Any) -> None:
    """Give `node`'s bindings their labels in the interface language (drafter.tui.i18n).

    Bindings are class attributes built at import; each screen (and the app) calls this in
    its `__init__`, which relabels its own copy of them.
    """
    from drafter.tui.i18n import EN, t

    def label(binding: Binding) -> Binding:
        key = _OTHER_LABELS.get(binding.id or "", f"key.{binding.id}")
        if key not in EN:
            return binding
        short = f"{key}.short" if f"{key}.short" in EN else key
        return replace(binding, description=t(short), tooltip=t(key))

    table = node._bindings.key_to_bindings
    for key, bindings in list(table.items()):
        table[key] = [label(b) for b in bindings]  # a new list: the class's copy is shared


def description(spec: KeySpec) -> str:
    """A binding's description in the interface language (help screen, command palette)."""
    from drafter.tui.i18n import t

    return t(f"key.{spec.action}")


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
        name = unknown_tables[0]
        what = (
            f"table [{name}]" if isinstance(data[name], dict) else f"key {name!r} above [bindings]"
        )
        raise ConfigError(
            f"{path}: unknown {what}",
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
        parts = [part.strip() for part in key.split(",")]
        for part in parts:
            if not _is_key(part):
                raise ConfigError(
                    f"{path}: [bindings] {action} = {key!r}: {part!r} is not a key",
                    hint='write keys like "ctrl+s", "f2", "alt+r", "escape" or "slash"',
                )
        keymap[action] = ",".join(parts)
    _check_conflicts(path, keymap)
    return keymap


_MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}
_PUNCTUATION = {  # Textual names punctuation by its Unicode name: "slash", "question_mark"
    unicodedata.name(char).lower().replace("-", "_").replace(" ", "_")
    for char in string.punctuation
}
_KEY_NAMES_OK = (
    {key.value for key in Keys}
    | set(KEY_ALIASES)
    | {KEY_NAME_REPLACEMENTS.get(name, name) for name in _PUNCTUATION}
)


def _is_key(key: str) -> bool:
    """True for a key Textual can deliver: modifiers plus one character or key name."""
    *modifiers, base = key.split("+")
    if not base or any(m not in _MODIFIERS for m in modifiers):
        return False
    return len(base) == 1 or base in _KEY_NAMES_OK


def _check_conflicts(path: Path, keymap: dict[str, str]) -> None:
    """Two actions that can be active together must not share a key."""
    effective = effective_keys(keymap)
    for index, (first, first_keys) in enumerate(effective):
        for second, second_keys in effective[index + 1 :]:
            if first.scope != second.scope and "app" not in (first.scope, second.scope):
                continue
            shared = set(first_keys.split(",")) & set(second_keys.split(","))
            if shared:
                raise ConfigError(
                    f"{path}: key {sorted(shared)[0]!r} is bound to both "
                    f"{first.action} and {second.action}",
                    hint="give each action its own key in [bindings]",
                )


_FKEY = re.compile(r"^f\d{1,2}$")
_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "escape": "esc",
    "comma": ",",
    "up": "↑",
    "down": "↓",
    "pageup": "pgup",
    "pagedown": "pgdn",
}
# German keyboards label the keys so (the German desk's own texts say "Strg+O", "F4")
_GERMAN_NAMES = {
    "ctrl": "Strg",
    "shift": "Umschalt",
    "alt": "Alt",
    "escape": "Esc",
    "enter": "Enter",
    "space": "Leertaste",
    "tab": "Tab",
    "pageup": "Bild↑",
    "pagedown": "Bild↓",
    "home": "Pos1",
    "end": "Ende",
    "delete": "Entf",
    "backspace": "Rücktaste",
    "insert": "Einfg",
}


def display_key(keys: str, sep: str = ", ") -> str:
    """A binding's keys as people write them in the interface language: "f1,question_mark"
    -> "f1, ?"; in German "ctrl+p" -> "Strg+P", "enter" -> "Enter", "f4" -> "F4" (a letter
    alone stays lower case, as the footer shows it: "s")."""
    from drafter.tui.i18n import language

    german = language() == "de"

    def part(name: str, modified: bool) -> str:
        if german and name in _GERMAN_NAMES:
            return _GERMAN_NAMES[name]
        shown = _KEY_NAMES.get(name, name)
        upper = german and ((modified and len(shown) == 1) or _FKEY.match(shown))
        return shown.upper() if upper else shown

    def one(key: str) -> str:
        names = key.strip().split("+")
        return "+".join(part(name, n > 0) for n, name in enumerate(names))

    return sep.join(one(key) for key in keys.split(","))


def effective_keys(keymap: dict[str, str]) -> list[tuple[KeySpec, str]]:
    """Every binding with the key(s) in force after the user's overrides."""
    return [(spec, keymap.get(spec.action, spec.key)) for spec in KEYS]
