"""Error types. Every user-facing failure is a DrafterError with a message and a hint.

The CLI prints both to stderr and exits with code 2; the TUI shows them as a notification.
Messages of the core are English; drafter.error_text gives them in German for the German
interface (DRAFTER_UI_LANGUAGE=de).
"""

from __future__ import annotations


class DrafterError(Exception):
    """A failure the user can act on: `message` says what happened, `hint` what to do."""

    exit_code = 2

    def __init__(self, message: str, hint: str = "", *, localized: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        #: message and hint are already in the interface language (the command line's own
        #: errors, written through drafter.i18n); drafter.error_text shows them as they are
        self.localized = localized

    def __str__(self) -> str:
        return self.message


class ConfigError(DrafterError):
    """A setting is missing or invalid."""


class KnowledgeBaseError(DrafterError):
    """The knowledge base or its index cannot be read or written."""


class LLMError(DrafterError):
    """The language model endpoint failed or answered unusably."""


class MailError(DrafterError):
    """An email could not be read, composed or sent."""


class TemplateError(DrafterError):
    """A prompt template is invalid."""


class PrivacyError(DrafterError):
    """A request to the model would have carried personal data; it was not sent."""


class StoreError(DrafterError):
    """The database refused an operation (for example sending without approval)."""


class StorageError(StoreError):
    """The file system refused: the disk is full or the data folder is read-only."""


class EvalError(DrafterError):
    """An evaluation input is invalid."""
