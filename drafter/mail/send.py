"""Sending approved replies: an outbox folder of .eml files (default) or SMTP.

The reply itself is built by drafter.mail.compose (threading headers, Re: subject, From /
Reply-To, text and optional HTML part). This module owns the transports and their
idempotency: an outbox file is named after the reply's Message-ID and created atomically
without overwriting, so the file is the proof that the reply was sent; SMTP failures are
split into "refused, nothing went out" (MailError) and "may have gone out" (SendUncertain).
"""

from __future__ import annotations

import contextlib
import os
import re
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path

from drafter.config import Settings
from drafter.errors import MailError
from drafter.models import Citation, InboundEmail


class SendUncertain(MailError):
    """The SMTP conversation broke after the message data was handed over: it may be sent."""


def sender_domain(settings: Settings) -> str:
    address = parseaddr(settings.mail_from)[1]
    return address.rpartition("@")[2] or "drafter.invalid"


def reply_message_id(settings: Settings, seed: str) -> str:
    """A Message-ID that is the same every time for the same seed (email + approval)."""
    from drafter.mail.compose import make_message_id

    return make_message_id(sender_domain(settings), seed)


def build_reply(
    original: InboundEmail,
    body: str,
    settings: Settings,
    *,
    message_id: str,
    citations: list[Citation] | None = None,
    language: str = "de",
) -> EmailMessage:
    """The email for an approved `body`: citation markers become a list of article links."""
    from drafter.mail.citations import customer_text
    from drafter.mail.compose import compose_reply

    text = customer_text(body, citations or [], language, settings.reply_source_links)
    return compose_reply(
        original, text, settings, message_id=message_id, html=settings.html_replies
    )


def transport_of(settings: Settings) -> str:
    return "smtp" if settings.smtp_host else "outbox"


_UNSAFE = re.compile(r"[^A-Za-z0-9._@+=-]")


def outbox_file(settings: Settings, message_id: str) -> Path:
    """The outbox file that proves the reply with this Message-ID was sent."""
    name = _UNSAFE.sub("_", message_id.strip().strip("<>"))[:200] or "reply"
    return settings.outbox_path / f"{name}.eml"


def write_outbox(settings: Settings, message: EmailMessage, message_id: str) -> tuple[Path, bool]:
    """Write the reply to the outbox atomically; (path, False) if it was already there."""
    target = outbox_file(settings, message_id)
    if target.exists():
        return target, False
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.parent / f".tmp-{os.getpid()}-{target.name}"
        data = message.as_bytes()
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temp, target)  # atomic, and refuses to replace an existing file
            created = True
        except FileExistsError:
            created = False
        finally:
            temp.unlink(missing_ok=True)
        _fsync_dir(target.parent)
    except OSError as exc:
        raise MailError(
            f"cannot write to the outbox {target.parent}: {exc.strerror or exc}",
            hint="set DRAFTER_OUTBOX_DIR to a writable folder",
        ) from exc
    return target, created


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def clean_outbox_temp(settings: Settings) -> int:
    """Remove half-written temp files a crash left behind; returns how many."""
    removed = 0
    if settings.outbox_path.is_dir():
        for leftover in settings.outbox_path.glob(".tmp-*"):
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed += 1
    return removed


def _smtp_hint(settings: Settings) -> str:
    return (
        f"check DRAFTER_SMTP_HOST={settings.smtp_host}, DRAFTER_SMTP_PORT={settings.smtp_port} "
        f"and DRAFTER_SMTP_SECURITY={settings.smtp_security}"
    )


def _connect(settings: Settings) -> smtplib.SMTP:
    host, port, timeout = settings.smtp_host, settings.smtp_port, settings.smtp_timeout
    try:
        client: smtplib.SMTP
        if settings.smtp_security == "ssl":
            context = ssl.create_default_context()
            client = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            client = smtplib.SMTP(host, port, timeout=timeout)
        client.ehlo_or_helo_if_needed()
        if settings.smtp_security == "starttls":
            if not client.has_extn("starttls"):
                client.close()
                raise MailError(
                    f"the SMTP server {host}:{port} does not offer STARTTLS",
                    hint="use DRAFTER_SMTP_SECURITY=ssl (usually port 465), or =none only "
                    "for a trusted local relay",
                )
            client.starttls(context=ssl.create_default_context())
            client.ehlo()
        if settings.smtp_auth == "oauth2":
            _login_xoauth2(client, settings)
        elif settings.smtp_user:
            client.login(settings.smtp_user, settings.smtp_password.get_secret_value())
    except smtplib.SMTPAuthenticationError as exc:
        oauth = settings.smtp_auth == "oauth2"
        raise MailError(
            f"the SMTP server {host}:{port} rejected the login for {settings.smtp_user!r}"
            + (" (OAuth2)" if oauth else ""),
            hint="the app needs the SMTP.Send permission and the mailbox must allow "
            "authenticated SMTP"
            if oauth
            else "check DRAFTER_SMTP_USER and DRAFTER_SMTP_PASSWORD",
        ) from exc
    except (smtplib.SMTPException, ssl.SSLError, OSError) as exc:
        raise MailError(
            f"cannot connect to the SMTP server {host}:{port}: {exc}", hint=_smtp_hint(settings)
        ) from exc
    return client


def check_smtp(settings: Settings) -> str:
    """Connect and log in as a send would (no message): what is fine, or a MailError."""
    client = _connect(settings)
    with contextlib.suppress(smtplib.SMTPException, OSError):
        client.quit()
    login = f", logged in as {settings.smtp_user}" if settings.smtp_user else ""
    return (
        f"SMTP {settings.smtp_host}:{settings.smtp_port} answers ({settings.smtp_security}{login})"
    )


def _login_xoauth2(client: smtplib.SMTP, settings: Settings) -> None:
    """SMTP AUTH XOAUTH2 with the token from drafter.mail.oauth (Microsoft 365, Gmail)."""
    from drafter.mail.oauth import access_token, xoauth2

    user = settings.smtp_user or settings.imap_user
    token = access_token(settings)

    def answer(challenge: bytes | None = None) -> str:
        return xoauth2(user, token) if challenge is None else ""  # "" acknowledges an error

    client.auth("XOAUTH2", answer, initial_response_ok=True)


def send_smtp(settings: Settings, message: EmailMessage) -> str:
    """Send over SMTP; returns the server ('host:port').

    Raises MailError when nothing was accepted (safe to retry) and SendUncertain when the
    connection broke after the data was handed over (the reply may have been delivered).
    """
    client = _connect(settings)
    where = f"{settings.smtp_host}:{settings.smtp_port}"
    try:
        refused = client.send_message(message)
    except smtplib.SMTPRecipientsRefused as exc:
        raise MailError(
            f"the SMTP server {where} refused every recipient: {sorted(exc.recipients)}",
            hint="check the customer's address; the reply was not sent",
        ) from exc
    except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
        raise MailError(
            f"the SMTP server {where} refused the reply: {exc}",
            hint="check DRAFTER_MAIL_FROM and the server's limits; the reply was not sent",
        ) from exc
    except (TimeoutError, smtplib.SMTPException, OSError) as exc:
        raise SendUncertain(
            f"the connection to {where} broke while sending; the reply may have been delivered",
            hint="check the sent folder or the server log before sending again",
        ) from exc
    finally:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            client.quit()
    if refused:
        raise SendUncertain(
            f"the SMTP server {where} refused some recipients: {sorted(refused)}",
            hint="the reply went to the others; check before sending again",
        )
    return where
