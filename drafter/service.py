"""Review-desk service: what the TUI and CLI call to work the queue (store + engine + send)."""
