"""Command palette provider: every action of the current screen and the app, with its key.

The palette parses a plain string as markup: the key in square brackets ("[s]", "[f9]") was
taken for a style tag and vanished. Prompts are plain `Content`, highlighted here.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from drafter.tui.keys import KEYS, KeySpec, description, display_key


class KeysProvider(Provider):
    """Lists each key binding as a command, so the palette doubles as a key reference."""

    def _specs(self) -> list[KeySpec]:
        scope = getattr(self.screen, "SCOPE", "")
        return [
            spec
            for spec in KEYS
            if spec.scope in ("app", scope) and spec.action != "command_palette"
        ]

    def _label(self, spec: KeySpec) -> str:
        keymap: dict[str, str] = getattr(self.app, "user_keymap", {})
        key = keymap.get(spec.action, spec.key)
        return f"{description(spec)}  [{display_key(key)}]"

    async def _run(self, spec: KeySpec) -> None:
        target = self.app if spec.scope == "app" else self.screen
        await target.run_action(spec.action)

    async def discover(self) -> Hits:
        for spec in self._specs():
            label = Content(self._label(spec))  # plain text: no markup
            yield DiscoveryHit(label, partial(self._run, spec), text=label.plain, help=spec.action)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for spec in self._specs():
            label = self._label(spec)
            score = matcher.match(label)
            if score > 0:
                shown = _highlight(matcher, label)
                yield Hit(score, shown, partial(self._run, spec), text=label)


def _highlight(matcher: Matcher, label: str) -> Content:
    """`label` as plain text with the letters the query matched highlighted (Matcher.highlight
    parses the label as markup)."""
    content = Content(label)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, label)
    for offset in offsets:
        if not label[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
