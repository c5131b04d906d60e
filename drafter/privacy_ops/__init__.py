"""Data-protection operations (DSGVO/GDPR): Art. 15 export, Art. 17 forget, retention purge.

`requests` carries out forget and purge, `erase` is the one erasure routine both use,
`physical` makes it physical (WAL truncation, VACUUM, file deletion), `export` builds the
access document. The queries that find a person are in
drafter.store.personal; vault encryption is in drafter.store.crypto. Settings:
DRAFTER_RETENTION_DAYS, DRAFTER_VAULT_KEY, DRAFTER_PRIVACY_FORGET_IMAP (docs/privacy.md).
"""
