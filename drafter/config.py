"""Settings: the one configuration object, built once by the CLI and passed down.

Values come from (highest first) explicit arguments, environment variables with the
``DRAFTER_`` prefix, a ``.env`` file in the working directory, and the defaults below.
No other module reads the environment.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import Annotated, Literal

from platformdirs import user_data_dir
from pydantic import (
    AliasChoices,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from pydantic_settings.exceptions import SettingsError

from drafter.errors import ConfigError
from drafter.models import WARNING_CODES

PROJECT_ROOT = Path(__file__).resolve().parent.parent

DEFAULT_CONTACT_REASONS = [
    "abschlag",
    "zaehlerstand",
    "umzug",
    "tarifwechsel",
    "kuendigung",
    "rechnung",
    "zahlung",
    "stoerung",
    "termin",
    "kundenportal",
    "datenschutz",
    "beschwerde",
    "sonstiges",
]


def os_user() -> str:
    """The logged-in user's name (the default agent id); the uid when there is none."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return f"uid{os.getuid()}"


def locale_language() -> Literal["de", "en"]:
    """The interface's default language (desk and CLI) from the locale (LC_ALL, LC_MESSAGES,
    LANG): de_* is German."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"


DEFAULT_ACK_REQUIRED = [
    "injection",
    "link",
    "payment",
    "commitment",
    "credentials",
    "unsupported_claim",
    "placeholder",
    "kb_gap",
]


class Settings(BaseSettings):
    """Everything drafter can be configured with. Documented one by one in `.env.example`."""

    model_config = SettingsConfigDict(
        env_prefix="DRAFTER_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
    )

    # --- storage -------------------------------------------------------------------
    data_dir: Path = Field(default_factory=lambda: Path(user_data_dir("drafter")))
    database_url: str = ""  # empty: sqlite:///<data_dir>/drafter.db

    # --- LLM -----------------------------------------------------------------------
    llm_base_url: str = Field(
        default="", validation_alias=AliasChoices("DRAFTER_LLM_BASE_URL", "OPENAI_BASE_URL")
    )
    llm_api_key: SecretStr = Field(
        default=SecretStr(""),
        validation_alias=AliasChoices("DRAFTER_LLM_API_KEY", "OPENAI_API_KEY"),
    )
    llm_model: str = ""
    llm_connect_timeout: float = Field(default=5.0, gt=0)
    llm_stall_timeout: float = Field(default=30.0, gt=0)
    llm_max_retries: int = Field(default=2, ge=0)
    llm_total_timeout: float = Field(default=100.0, gt=0)
    llm_max_retry_after: float = Field(default=20.0, ge=0)
    llm_temperature: float = 0.2
    llm_max_tokens: int = Field(default=800, ge=1)

    # --- embeddings and retrieval ------------------------------------------------------
    embedding_backend: Literal["usem", "openai"] = "usem"
    embedding_model: str = ""
    embedding_base_url: str = ""
    embedding_api_key: SecretStr = SecretStr("")
    retrieval_k: int = Field(default=5, ge=1, le=100)
    # the gap model's probability (0..1); 0: use the calibrated default in drafter.knowledge
    kb_gap_threshold: float = Field(default=0.0, ge=0.0, le=1.0)
    kb_dir: Path = Field(default_factory=lambda: PROJECT_ROOT / "kb")  # `drafter kb ingest` default
    # a shared index on a Chroma server (`chroma run`); empty: the local folder <data_dir>/index
    chroma_url: str = ""
    chroma_prefix: str = Field(default="kb", pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,60}$")

    # --- drafting ----------------------------------------------------------------------
    prompts_dir: Path = Field(default_factory=lambda: PROJECT_ROOT / "prompts")
    prompt: str = "reply"
    language_default: Literal["de", "en"] = "de"
    formality: Literal["sie", "du"] = "sie"
    brand_name: str = "Stadtwerke Nordlicht"
    agent_name: str = "Ihr Kundenservice-Team"
    signature: str = ""
    contact_reasons: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(DEFAULT_CONTACT_REASONS)
    )
    link_allowlist: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["stadtwerke-nordlicht.de"]
    )
    customer_number_patterns: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # the company's own contact data (hotline, postal address, ...): never pseudonymized
    company_data: Annotated[list[str], NoDecode] = Field(default_factory=list)
    privacy_never_hide: Annotated[list[str], NoDecode] = Field(default_factory=list)
    privacy_always_hide: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # the company's own phone numbers and IBANs: a KB article naming any other is untrusted
    company_phones: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["0431 5577-100", "0431 5577-112", "0431 5577-300"]
    )
    company_ibans: Annotated[list[str], NoDecode] = Field(default_factory=list)

    # --- mail --------------------------------------------------------------------------
    mail_from: str = "Stadtwerke Nordlicht Kundenservice <service@stadtwerke-nordlicht.de>"
    reply_to: str = ""
    html_replies: bool = False
    reply_source_links: bool = True
    reply_quote: Literal["bottom", "none"] = "bottom"  # quote the customer's mail under the reply
    outbox_dir: Path | None = None  # default: <data_dir>/outbox
    smtp_host: str = ""
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_security: Literal["none", "starttls", "ssl"] = "starttls"
    smtp_user: str = ""
    smtp_password: SecretStr = SecretStr("")
    smtp_timeout: float = Field(default=30.0, gt=0)
    smtp_auth: Literal["password", "oauth2"] = "password"

    # --- live mailbox (IMAP; drafter.mail.imap) and OAuth2 (drafter.mail.oauth) --------------
    imap_host: str = ""
    imap_port: int = Field(default=0, ge=0, le=65535)  # 0: 993 for ssl, 143 otherwise
    imap_security: Literal["ssl", "starttls", "none"] = "ssl"
    imap_user: str = ""
    imap_password: SecretStr = SecretStr("")
    imap_auth: Literal["password", "oauth2"] = "password"
    imap_folders: Annotated[list[str], NoDecode] = Field(default_factory=lambda: ["INBOX"])
    imap_move_to: str = ""
    imap_ca_file: Path | None = None  # extra CA bundle for a server with a private CA
    imap_timeout: float = Field(default=60.0, gt=0)
    imap_idle_seconds: float = Field(default=600.0, gt=0, le=1740)
    imap_poll_seconds: float = Field(default=60.0, gt=0)
    imap_max_message_mb: float = Field(default=50.0, gt=0)
    oauth_provider: Literal["microsoft", "google"] = "microsoft"
    oauth_flow: Literal["device", "client_credentials", "refresh_token"] = "device"
    oauth_client_id: str = ""
    oauth_client_secret: SecretStr = SecretStr("")
    oauth_tenant: str = "organizations"
    oauth_refresh_token: SecretStr = SecretStr("")
    oauth_token_url: str = ""  # empty: the provider's own endpoint
    # --- hostile input (limits that keep the work per email bounded) ---------------------
    max_message_bytes: int = Field(default=25 * 1024 * 1024, ge=1024, le=50 * 1024 * 1024)
    parse_timeout: float = Field(default=10.0, ge=0)  # HTML conversion per email; 0: no limit
    max_body_chars: int = Field(default=8000, ge=500)  # newest text kept for retrieval/prompt
    max_query_chars: int = Field(default=2000, ge=100)  # retrieval query length

    # --- data protection (docs/privacy.md) --------------------------------------------------
    vault_key: SecretStr = SecretStr("")  # empty: <data_dir>/vault.key, created on first run
    retention_days: int = Field(default=0, ge=0)  # 0: keep; `drafter privacy purge` erases
    privacy_forget_imap: bool = False  # hook: `forget` may also delete the IMAP copies

    # --- review desk -------------------------------------------------------------------
    # who works the queue: every audit row, claim and approval names this agent
    agent_id: str = Field(default_factory=lambda: os_user(), min_length=1, max_length=128)
    claim_lease_seconds: float = Field(default=120.0, ge=5)  # renewed while a desk holds it
    response_time_goal_hours: float = 24.0
    predraft_concurrency: int = Field(default=2, ge=1)
    draft_lease_seconds: float = Field(default=30.0, ge=5)  # a drafter's claim on an email
    keybindings_file: Path | None = None
    ui_language: Literal["de", "en"] = Field(default_factory=locale_language)
    timezone: str = ""  # e.g. Europe/Berlin; empty: the system's local zone
    # warnings the agent must acknowledge one by one before a reply can be sent
    ack_required_warnings: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(DEFAULT_ACK_REQUIRED)
    )

    @model_validator(mode="before")
    @classmethod
    def _empty_path_is_default(cls, values: object) -> object:
        """`DRAFTER_DATA_DIR=` (as `.env.example` lists it) means the default, never the
        current folder that `Path("")` would be; so for every setting typed as a path."""
        if isinstance(values, dict):
            for name, field in cls.model_fields.items():
                if field.annotation not in (Path, Path | None):
                    continue
                value = values.get(name)
                if isinstance(value, str) and not value.strip():
                    del values[name]
        return values

    @field_validator("data_dir", "outbox_dir")
    @classmethod
    def _not_a_file(cls, value: Path | None) -> Path | None:
        if value is not None and value.exists() and not value.is_dir():
            raise ValueError(f"{value} is a file, not a folder")
        return value

    @field_validator("chroma_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if value and not value.startswith(("http://", "https://")):
            raise ValueError(f"{value!r} is not an http(s)://host:port address")
        return value

    @field_validator(
        "contact_reasons",
        "link_allowlist",
        "customer_number_patterns",
        "imap_folders",
        "company_data",
        "privacy_never_hide",
        "privacy_always_hide",
        "company_phones",
        "company_ibans",
        "ack_required_warnings",
        mode="before",
    )
    @classmethod
    def _split_csv(cls, value: object) -> object:
        if isinstance(value, str):
            stripped = value.strip()
            if stripped.startswith("["):
                import json

                return json.loads(stripped)
            return [item.strip() for item in stripped.split(",") if item.strip()]
        return value

    @field_validator("ack_required_warnings")
    @classmethod
    def _known_warnings(cls, value: list[str]) -> list[str]:
        """A misspelt kind would silently let its warnings through unticked."""
        unknown = [code for code in value if code not in WARNING_CODES]
        if unknown:
            names = ", ".join(repr(code) for code in unknown)
            raise ValueError(
                f"no warning is called {names}; known: {', '.join(sorted(WARNING_CODES))}"
            )
        return value

    # --- derived paths -----------------------------------------------------------------
    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def outbox_path(self) -> Path:
        return self.outbox_dir or self.data_dir / "outbox"

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'drafter.db'}"

    @property
    def imap_port_or_default(self) -> int:
        return self.imap_port or (993 if self.imap_security == "ssl" else 143)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if value:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise ValueError(f"unknown time zone {value!r} (e.g. Europe/Berlin)") from exc
        return value

    @property
    def llm_configured(self) -> bool:
        return bool(self.llm_base_url or self.llm_api_key.get_secret_value()) and bool(
            self.llm_model
        )


def load_settings(**overrides: object) -> Settings:
    """Build the settings, turning validation errors into a ConfigError that names the field."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except SettingsError as exc:
        raise ConfigError(str(exc), hint="fix the value in your environment or .env file") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first.get("loc", ())) or "settings"
        env = "DRAFTER_" + field.upper()
        reason = str(first.get("msg", "invalid value")).removeprefix("Value error, ")
        raise ConfigError(
            f"invalid setting {env}: {reason}",
            hint=f"fix {env} {_origin(env)} (see .env.example)",
        ) from exc


def _dotenv_names() -> list[tuple[str, str]]:
    """(NAME, "<path> line N") for each assignment in ./.env (names upper-cased)."""
    dotenv = Path(".env")
    try:
        lines = dotenv.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    return [
        (line.split("=", 1)[0].strip().removeprefix("export ").strip().upper(),
         f"{dotenv.resolve()} line {number}")
        for number, line in enumerate(lines, 1)
        if "=" in line
    ]  # fmt: skip


def _origin(env: str) -> str:
    """Where a setting's value came from: the environment, or a line of ./.env."""
    if any(key.upper() == env for key in os.environ):
        return "in your environment (export a valid value or unset it)"
    for name, where in _dotenv_names():
        if name == env:
            return f"in {where}"
    return "in your environment or .env file"


def known_names() -> set[str]:
    """Every environment variable a setting is read from (DRAFTER_*, and aliases)."""
    names = set()
    for name, field in Settings.model_fields.items():
        names.add("DRAFTER_" + name.upper())
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            names.update(str(choice).upper() for choice in alias.choices)
    return names


def unknown_settings() -> list[tuple[str, str, str]]:
    """DRAFTER_* variables in the environment or ./.env that no setting reads (a typo such
    as DRAFTER_LLM_MODLE is silently ignored otherwise): (name, where, closest known name)."""
    import difflib

    known = known_names()
    found = {k.upper(): "your environment" for k in os.environ if k.upper().startswith("DRAFTER_")}
    for name, where in _dotenv_names():
        if name.startswith("DRAFTER_"):
            found.setdefault(name, where)
    return [
        (name, where, next(iter(difflib.get_close_matches(name, known, 1, 0.8)), ""))
        for name, where in sorted(found.items())
        if name not in known
    ]
