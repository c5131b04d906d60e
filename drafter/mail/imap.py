"""IMAP connections: connect and log in with the settings, and say exactly what went wrong.

`connect(settings)` returns a logged-in `imapclient.IMAPClient` (TLS, STARTTLS or plain for
loopback tests; password or XOAUTH2 via drafter.mail.oauth) or raises `ImapError` with one
clear cause and a hint: DNS, refused connection, timeout, TLS, login, OAuth consent.
`check(settings)` (`drafter inbox check`) also verifies the folders, the `\\Sent` folder and
IDLE. `source_of`/`parse_source` name one message by folder, UIDVALIDITY and UID (written
by the import, read by the post-send work). Syncing lives in drafter.mail.imap_sync, the
post-send work in drafter.mail.imap_sent.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from drafter.config import Settings
from drafter.errors import ConfigError, MailError
from drafter.i18n import t

# errors that mean "the connection is gone": reconnect with backoff
try:  # imapclient is a hard dependency; the guard keeps `drafter --help` importable without it
    from imapclient.exceptions import (
        IMAPClientAbortError,
        IMAPClientError,
        LoginError,
        ProtocolError,
    )
except ImportError:  # pragma: no cover
    IMAPClientAbortError = IMAPClientError = LoginError = ProtocolError = Exception  # type: ignore[misc]

CONNECTION_LOST: tuple[type[BaseException], ...] = (
    OSError,
    EOFError,
    IMAPClientAbortError,
    ssl.SSLError,
    # a reply that is no IMAP line, e.g. the rest of a line idle_check read in part over TLS:
    # the stream is out of step, so the connection is as good as lost
    ProtocolError,
)
__all__ = ["CONNECTION_LOST", "IMAPClientError", "ImapError", "ImapUnavailable", "connect"]


class ImapError(MailError):
    """The mailbox cannot be used; the message names the cause, the hint the setting to fix."""


class ImapUnavailable(ImapError):
    """The server cannot be reached right now (retry with backoff)."""


def mailbox_key(settings: Settings, folder: str) -> str:
    """The account folder a sync position belongs to."""
    return f"{settings.imap_user}@{settings.imap_host}:{settings.imap_port_or_default}/{folder}"


def _where(settings: Settings) -> str:
    return f"{settings.imap_host}:{settings.imap_port_or_default}"


def ssl_context(settings: Settings) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if settings.imap_ca_file is not None:
        try:
            context.load_verify_locations(cafile=str(settings.imap_ca_file))
        except (OSError, ssl.SSLError) as exc:
            raise ConfigError(
                f"cannot read the CA file {settings.imap_ca_file}: {exc}",
                hint="fix DRAFTER_IMAP_CA_FILE (a PEM bundle) or remove it",
            ) from exc
    return context


def require_settings(settings: Settings) -> None:
    if not settings.imap_host:
        raise ConfigError(
            "no IMAP server configured",
            hint="set DRAFTER_IMAP_HOST, DRAFTER_IMAP_USER and DRAFTER_IMAP_PASSWORD (or "
            "DRAFTER_IMAP_AUTH=oauth2); see 'Connecting your mailbox' in the README",
        )
    if not settings.imap_user:
        raise ConfigError("DRAFTER_IMAP_USER is empty", hint="set the mailbox's login name")


def _open(settings: Settings) -> Any:
    from imapclient import IMAPClient

    host, port, where = settings.imap_host, settings.imap_port_or_default, _where(settings)
    security = settings.imap_security
    try:
        client = IMAPClient(
            host,
            port=port,
            ssl=security == "ssl",
            ssl_context=ssl_context(settings) if security == "ssl" else None,
            timeout=settings.imap_timeout,
        )
        if security == "starttls":
            if not client.has_capability("STARTTLS"):
                raise ImapError(
                    f"the IMAP server {where} does not offer STARTTLS",
                    hint="use DRAFTER_IMAP_SECURITY=ssl (usually port 993)",
                )
            client.starttls(ssl_context(settings))
    except socket.gaierror as exc:
        raise ImapError(
            f"cannot resolve the IMAP server name {host!r} (DNS): {exc.strerror or exc}",
            hint="check DRAFTER_IMAP_HOST for typos and that this machine has DNS",
        ) from exc
    except ssl.SSLCertVerificationError as exc:
        raise ImapError(
            f"the TLS certificate of {where} is not trusted: {exc.verify_message}",
            hint="check DRAFTER_IMAP_HOST is the name on the certificate; for a private CA "
            "set DRAFTER_IMAP_CA_FILE",
        ) from exc
    except ssl.SSLError as exc:
        raise ImapError(
            f"TLS with {where} failed: {exc.reason or exc}",
            hint="DRAFTER_IMAP_SECURITY=ssl needs a TLS port (993); starttls needs 143",
        ) from exc
    except ConnectionRefusedError as exc:
        raise ImapUnavailable(
            f"the IMAP server {where} refused the connection",
            hint="check DRAFTER_IMAP_HOST and DRAFTER_IMAP_PORT, and that the server runs",
        ) from exc
    except TimeoutError as exc:
        raise ImapUnavailable(
            f"no answer from the IMAP server {where} within {settings.imap_timeout:g} s",
            hint="check DRAFTER_IMAP_HOST/DRAFTER_IMAP_PORT and any firewall",
        ) from exc
    except (OSError, IMAPClientError) as exc:
        raise ImapUnavailable(
            f"cannot talk to the IMAP server {where}: {server_text(exc)}",
            hint="check DRAFTER_IMAP_HOST, DRAFTER_IMAP_PORT and DRAFTER_IMAP_SECURITY",
        ) from exc
    return client


def server_text(exc: BaseException) -> str:
    """An imapclient error as the server said it: imapclient puts the server's bytes into the
    message as a Python repr (`b'[AUTHENTICATIONFAILED] ...'`), which a user should not see."""
    text = str(exc)
    if len(text) > 2 and text[0] == "b" and text[1] in "'\"" and text[-1] == text[1]:
        return text[2:-1].replace("\\'", "'")
    return text


def _login(client: Any, settings: Settings) -> None:
    where, user = _where(settings), settings.imap_user
    if settings.imap_auth == "oauth2":
        from drafter.mail.oauth import access_token

        token = access_token(settings)
        try:
            client.oauth2_login(user, token)
        except LoginError as exc:
            raise ImapError(
                f"the IMAP server {where} refused the OAuth2 token for {user!r}: "
                f"{server_text(exc)}",
                hint="the account must allow IMAP and the app needs the IMAP permission "
                "(consent); run `drafter inbox check` and see 'Connecting your mailbox'",
            ) from exc
        return
    if settings.imap_security == "none" and settings.imap_host not in (
        "127.0.0.1",
        "localhost",
        "::1",
    ):
        raise ConfigError(
            "DRAFTER_IMAP_SECURITY=none would send the password unencrypted",
            hint="use ssl or starttls; none is for loopback test servers only",
        )
    try:
        client.login(user, settings.imap_password.get_secret_value())
    except LoginError as exc:
        raise ImapError(
            f"the IMAP server {where} rejected the login for {user!r}: {server_text(exc)}",
            hint="check DRAFTER_IMAP_USER and DRAFTER_IMAP_PASSWORD (Microsoft 365 and Gmail "
            "need DRAFTER_IMAP_AUTH=oauth2 or an app password)",
        ) from exc


def connect(settings: Settings) -> Any:
    """A logged-in IMAPClient, or ImapError / ImapUnavailable / ConfigError."""
    require_settings(settings)
    client = _open(settings)
    try:
        _login(client, settings)
    except BaseException:
        close(client)
        raise
    return client


def close(client: Any) -> None:
    try:
        client.logout()
    except Exception:
        with suppress(Exception):
            client.shutdown()


@contextmanager
def session(settings: Settings) -> Iterator[Any]:
    client = connect(settings)
    try:
        yield client
    finally:
        close(client)


def sent_folder(client: Any) -> str | None:
    """The special-use `\\Sent` folder (RFC 6154), or a folder named like one."""
    from imapclient.imapclient import SENT

    found = client.find_special_folder(SENT)
    return str(found) if found else None


def check(settings: Settings) -> list[str]:
    """Connect, log in and inspect; returns what is fine (in the interface language), raises
    ImapError on the first fault."""
    report = [t("imap.connected", where=_where(settings), security=settings.imap_security)]
    with session(settings) as client:
        report.append(t("imap.logged_in", user=settings.imap_user, auth=settings.imap_auth))
        for folder in settings.imap_folders:
            if not client.folder_exists(folder):
                names = ", ".join(str(f[2]) for f in client.list_folders()[:20])
                raise ImapError(
                    f"the folder {folder!r} does not exist on {_where(settings)}",
                    hint=f"fix DRAFTER_IMAP_FOLDERS; the server has: {names}",
                )
            info = client.select_folder(folder, readonly=True)
            report.append(t("imap.folder", folder=folder, n=int(info.get(b"EXISTS", 0))))
        sent = sent_folder(client)
        if sent is None:
            raise ImapError(
                "the mailbox has no \\Sent folder, so replies cannot be filed",
                hint="create a Sent folder (or mark one with the \\Sent special use)",
            )
        if sent in settings.imap_folders:
            raise ImapError(
                f"DRAFTER_IMAP_FOLDERS includes the Sent folder {sent!r}",
                hint="remove it: drafter never imports its own sent replies as customer mail",
            )
        report.append(t("imap.sent_folder", folder=sent))
        if settings.imap_move_to and not client.folder_exists(settings.imap_move_to):
            raise ImapError(
                f"DRAFTER_IMAP_MOVE_TO names a folder that does not exist: "
                f"{settings.imap_move_to!r}",
                hint="create the folder or fix DRAFTER_IMAP_MOVE_TO",
            )
        if not client.has_capability("IDLE"):
            raise ImapError(
                f"the IMAP server {_where(settings)} does not support IDLE",
                hint=f"`drafter inbox watch` will poll every {settings.imap_poll_seconds:g} s "
                "instead (DRAFTER_IMAP_POLL_SECONDS); new mail arrives that much later",
            )
        report.append(t("imap.idle"))
    return report


def source_of(settings: Settings, folder: str, uidvalidity: int, uid: int) -> str:
    """An IMAP URL (RFC 5092 style) naming the message; drafter.mail.imap_sent reads it
    with `parse_source`."""
    user, host = settings.imap_user, settings.imap_host
    return f"imap://{user}@{host}/{folder};UIDVALIDITY={uidvalidity}/;UID={uid}"


def parse_source(source: str) -> tuple[str, int, int] | None:
    """(folder, uidvalidity, uid) from `source_of`, or None for other sources."""
    if not source.startswith("imap://") or ";UIDVALIDITY=" not in source:
        return None
    rest = source.split("/", 3)[3]
    folder, _, tail = rest.partition(";UIDVALIDITY=")
    validity, _, uid = tail.partition("/;UID=")
    try:
        return folder, int(validity), int(uid)
    except ValueError:
        return None
