"""The review desk TUI (Textual). The only package of drafter that imports textual.

Build the app with `drafter.tui.app.make_app(settings, service=...)`.
"""
