"""`ReplyEditor`: the email screen's editor, which keeps what the agent types before the
reply is there.

An email opens with an empty, read-only editor while its record and versions are read (a
second or two on a busy machine or a remote database). Keys typed meanwhile were lost, or
half of them were: "Gerne" became "e" in front of the greeting, and the agent who started
typing at once could send that. Now the editor holds those keys (text, Enter, Backspace,
Delete and its own cursor keys) and plays them, in order, once the text is loaded; keys of
the screen and the app (Escape, F1, F9 ...) work as before. The email screen hands it the
keys that reach the screen before the editor has the focus (the first key after Enter in the
queue, on a loaded machine: "end" moved nothing and the typing landed before the greeting).
"""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea


class ReplyEditor(TextArea):
    """A TextArea that holds the keys typed while `waiting` (the reply is loading)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.waiting = True  # until the screen has loaded the reply (`ready`)
        self._held: list[events.Key] = []

    def _holds(self, event: events.Key) -> bool:
        return (
            event.is_printable
            or event.key in ("enter", "backspace", "delete")
            or event.key in self._bindings.key_to_bindings
        )

    def hold(self, event: events.Key) -> bool:
        """Keep `event` for `ready` while the reply loads; False when it is no key to hold."""
        if not (self.waiting and self._holds(event)):
            return False
        event.stop()
        event.prevent_default()
        self._held.append(event)
        return True

    async def _on_key(self, event: events.Key) -> None:
        if not self.hold(event):
            await super()._on_key(event)

    async def ready(self) -> None:
        """The reply is loaded: play the held keys (a read-only reply drops them, as it
        drops any typing)."""
        self.waiting = False
        held, self._held = self._held, []
        for event in held:
            if self.read_only:
                return
            if event.is_printable or event.key == "enter":
                self.insert("\n" if event.key == "enter" else event.character or "")
            elif event.key == "backspace":
                self.action_delete_left()
            elif event.key == "delete":
                self.action_delete_right()
            else:
                for binding in self._bindings.key_to_bindings.get(event.key, []):
                    await self.run_action(binding.action)
                    break
