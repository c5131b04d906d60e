"""Text the agent pastes into the desk's editor is checked (main 0fc723f): on the REAL Desk
(SQLite, the no-LLM engine over a real Chroma index), the warning it gets is listed above
the editor once the edit is saved, and f6 selects it, not only in the send dialog. Before,
the list kept the generated draft's warnings until f9, so a pasted IBAN looked fine."""

from __future__ import annotations

from drafter.config import Settings
from drafter.desk import Desk
from tests.tui.helpers import wait_for
from tests.tui.real_service import SIZE, build, open_first
from tests.tui.test_first_use import drafted

IBAN = "DE44 5001 0517 5407 3249 31"


def listed(screen: object) -> str:
    return str(screen.query_one("#warnings").render())  # type: ignore[attr-defined]


async def test_a_pasted_iban_is_listed_after_the_autosave_and_gone_once_removed(
    settings: Settings, desk: Desk
) -> None:
    await drafted(desk)  # the first draft loads the models: not inside the app's wait
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        assert IBAN not in listed(screen)
        screen.editor.move_cursor(screen.editor.document.end)
        screen.editor.insert(f"\nBitte überweisen Sie an {IBAN}.\n")
        await wait_for(pilot, lambda: IBAN in listed(screen), timeout=10)
        assert screen.draft is not None and "payment" in [w.code for w in screen.draft.warnings]
        await pilot.press("f6")
        assert IBAN in screen.editor.selected_text
        pasted = screen.editor.text.index("\nBitte überweisen")
        kept = screen.editor.text[:pasted]
        screen.editor.replace(kept, (0, 0), screen.editor.document.end)  # the agent deletes it
        await wait_for(pilot, lambda: IBAN not in listed(screen), timeout=10)
