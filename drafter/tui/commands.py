"""Command palette provider: every action of the current screen and the app, with its key."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from drafter.tui.keys import KEYS, KeySpec, description


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
        return f"{description(spec)}  [{key}]"

    async def _run(self, spec: KeySpec) -> None:
        target = self.app if spec.scope == "app" else self.screen
        await target.run_action(spec.action)

    async def discover(self) -> Hits:
        for spec in self._specs():
            yield DiscoveryHit(self._label(spec), partial(self._run, spec), help=spec.action)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for spec in self._specs():
            label = self._label(spec)
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self._run, spec), text=label)
