"""Persistent state in SQLAlchemy 2 (SQLite in WAL mode by default).

db (engine, transactions), schema and migrations (tables, versioned upgrades), and one
repository module per concern: emails (queue), drafts (versions, approvals), vaults
(per-thread privacy vaults), outbox and sending (exactly-once replies), audit (append-only log).
"""
