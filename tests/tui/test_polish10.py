"""polish10: what a new user noticed in the desk, on the real Textual app (FakeDesk service).

- The English desk named warning kinds by their raw codes ("kb_gap:", "template_draft:")
  where the German desk shows words; both now show labels, and the help (f1) lists each
  label with its code, the name DRAFTER_ACK_REQUIRED_WARNINGS takes.
- The email screen's footer scrolled "f1 Help" off its right edge at 80 columns (German even
  at 160); it is now the first key.
"""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from textual.widgets import Footer, Static

from drafter.tui import i18n, warning_codes, warning_text
from drafter.tui.screens.email import EmailScreen
from drafter.tui.screens.modals import HelpScreen
from tests.tui.helpers import wait_for
from tests.tui.test_desk_items import screen_text
from tests.tui.test_polish9 import region_text
from tests.tui.test_snapshots import desk_app, email_ready


@pytest.mark.parametrize(("ui", "shown"), [("en", "Knowledge gap"), ("de", "Wissenslücke")])
async def test_the_desk_names_warning_kinds_in_words_and_the_help_gives_their_codes(
    ui: str, shown: str
) -> None:
    app = desk_app(ui_language=ui)
    try:
        async with app.run_test(size=(160, 50)) as pilot:
            await email_ready(pilot)
            screen = app.screen
            assert isinstance(screen, EmailScreen) and screen.draft is not None
            assert [w.code for w in screen.draft.warnings] == ["kb_gap"]
            text = screen_text(app)
            assert f"⚠ {shown}: " in text, text
            assert "kb_gap:" not in text  # no raw code as a label
            await pilot.press("f1")
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
            table = app.screen.query_one("#help-table", Static).content
            console = Console(width=150, record=True, file=io.StringIO())
            console.print(table)
            joined = [" ".join(line.split()) for line in console.export_text().splitlines()]
            assert any(shown in line and line.endswith("kb_gap") for line in joined), joined
            for code in ("template_draft", "link", "payment", "injection"):
                label = warning_text.label(code)
                assert label != code
                assert any(line.endswith(f"{label} {code}") for line in joined), (code, joined)
    finally:
        i18n.set_language("en")


def test_every_warning_code_has_an_english_label() -> None:
    assert set(warning_codes.EN_LABELS) == set(warning_codes.DE_CODES)
    i18n.set_language("en")
    assert warning_text.label("template_draft") == "Template draft"
    assert warning_text.label("brand_new") == "brand_new"  # a code added later shows as itself


@pytest.mark.parametrize(("ui", "width"), [("en", 80), ("de", 80), ("de", 160)])
async def test_the_email_footer_always_shows_the_help_key(ui: str, width: int) -> None:
    app = desk_app(ui_language=ui)
    try:
        async with app.run_test(size=(width, 24)) as pilot:
            await email_ready(pilot)
            bar = app.screen.query_one(Footer)
            # the footer spells keys in the desk's language (desk17)
            save_key, help_key, send_key = (
                ("Strg+S", "F1", "F9") if ui == "de" else ("^s", "f1", "f9")
            )
            save = f"{save_key} {i18n.t('key.save.short')}"
            await wait_for(pilot, lambda: save in region_text(app, bar), timeout=10)
            await pilot.pause(0.2)
            footer = region_text(app, bar)
            assert f"{help_key} {i18n.t('key.help.short')}" in footer, footer
            assert f"{send_key} {i18n.t('key.approve_send.short')}" in footer, footer
    finally:
        i18n.set_language("en")
