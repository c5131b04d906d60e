"""OAuth2 (XOAUTH2) against a real Dovecot whose oauth2 passdb checks tokens at a loopback
introspection endpoint, with tokens from a loopback token endpoint: an expired token is
refreshed, the cache is 0600, revoked consent is one clear error. msal is exercised through
its `http_client` hook, which sends Microsoft's URLs to the same loopback server (msal does
not accept a plain-http authority)."""

from __future__ import annotations

import base64
import json
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from drafter.cli import main
from drafter.config import Settings
from drafter.desk import Desk
from drafter.mail import oauth
from drafter.mail.imap_sync import import_once
from tests.integration import dovecot
from tests.integration.dovecot import Dovecot, dovecot_server, message
from tests.integration.smtp_server import Recorder, free_port
from tests.integration.token_server import (
    CLIENT_ID,
    CLIENT_SECRET,
    REFRESH,
    Rewrite,
    TokenState,
    token_server,
)

pytestmark = pytest.mark.skipif(not dovecot.available(), reason="dovecot-imapd not installed")


@pytest.fixture
def tokens() -> Iterator[tuple[TokenState, int]]:
    with token_server() as running:
        yield running


@pytest.fixture
def server(tmp_path: Path, tokens: tuple[TokenState, int]) -> Iterator[Dovecot]:
    conf = tmp_path / "oauth2.conf.ext"
    conf.write_text(
        f"introspection_mode = post\nintrospection_url = http://127.0.0.1:{tokens[1]}/introspect\n"
        "username_attribute = username\nactive_attribute = active\nactive_value = true\n"
    )
    conf.chmod(0o644)
    extra = (
        "auth_mechanisms = plain login xoauth2 oauthbearer\n"
        f"passdb {{\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = {conf}\n}}\n"
    )
    if conf.parent.stat().st_mode & 0o005 == 0:  # root: the auth process must read it
        readable = Path(dovecot.tempfile.mkdtemp(prefix="drafter-oauth-")) / "oauth2.conf.ext"
        readable.parent.chmod(0o755)
        readable.write_text(conf.read_text())
        readable.chmod(0o644)
        extra = extra.replace(str(conf), str(readable))
    with dovecot_server(tmp_path, extra_conf=extra) as running:
        yield running


def google(tmp_path: Path, server: Dovecot, port: int, **extra: Any) -> Settings:
    values = server.settings(imap_auth="oauth2", imap_password="")
    values.update(
        oauth_provider="google", oauth_flow="refresh_token", oauth_client_id=CLIENT_ID,
        oauth_client_secret=CLIENT_SECRET, oauth_refresh_token=REFRESH,
        oauth_token_url=f"http://127.0.0.1:{port}/token",
    )  # fmt: skip
    values.update(extra)
    return Settings(data_dir=tmp_path / "data", **values)


def test_expired_token_is_refreshed_and_the_login_works(
    tmp_path: Path, server: Dovecot, tokens: tuple[TokenState, int]
) -> None:
    state, port = tokens
    settings = google(tmp_path, server, port)
    stale = {"client_id": CLIENT_ID, "access_token": "access-expired", "expires_at": time.time()}
    oauth._write_cache(settings, {"refresh": stale})
    server.deliver(message(1))
    with Desk(settings) as desk:
        assert import_once(desk, settings).imported == 1
        assert state.grants == ["refresh_token"]  # the expired token was refreshed once
        server.deliver(message(2))
        assert import_once(desk, settings).imported == 1
    assert state.grants == ["refresh_token"]  # the fresh token came from the cache
    assert state.introspected == ["access-1", "access-1"]  # Dovecot checked the new token
    path = oauth.cache_path(settings)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text())["refresh"]["access_token"] == "access-1"


def test_revoked_consent_is_one_clear_error(
    tmp_path: Path,
    server: Dovecot,
    tokens: tuple[TokenState, int],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    state, port = tokens
    state.revoked = True
    settings = google(tmp_path, server, port)
    for name in ("data_dir", "imap_host", "imap_port", "imap_security", "imap_user",
                 "imap_auth", "oauth_provider", "oauth_flow", "oauth_client_id",
                 "oauth_token_url"):  # fmt: skip
        monkeypatch.setenv(f"DRAFTER_{name.upper()}", str(getattr(settings, name)))
    monkeypatch.setenv("DRAFTER_OAUTH_REFRESH_TOKEN", REFRESH)
    with pytest.raises(SystemExit) as exit_:
        main(["inbox", "check"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and "Traceback" not in err
    assert "consent was revoked" in err and "DRAFTER_OAUTH_REFRESH_TOKEN" in err


def test_a_token_the_server_no_longer_accepts_is_one_clear_error(
    tmp_path: Path, server: Dovecot, tokens: tuple[TokenState, int]
) -> None:
    state, port = tokens
    settings = google(tmp_path, server, port)
    assert oauth.access_token(settings) == "access-1"
    state.revoked = True  # consent withdrawn after the token was issued
    with Desk(settings) as desk, pytest.raises(oauth.MailError) as error:
        import_once(desk, settings)
    assert "refused the OAuth2 token" in error.value.message and "consent" in error.value.hint


def microsoft(tmp_path: Path, flow: str) -> Settings:
    return Settings(
        data_dir=tmp_path / "ms", imap_host="outlook.office365.com",
        imap_user="service@contoso.example",
        imap_auth="oauth2", oauth_provider="microsoft", oauth_flow=flow, oauth_client_id=CLIENT_ID,
        oauth_client_secret=CLIENT_SECRET, oauth_tenant="contoso.example",
    )  # fmt: skip


def test_msal_client_credentials_are_cached_and_revocation_is_clear(
    tmp_path: Path, tokens: tuple[TokenState, int]
) -> None:
    state, port = tokens
    settings = microsoft(tmp_path, "client_credentials")
    http = Rewrite(port)
    assert oauth._msal_token(settings, http) == "access-1"
    assert oauth._msal_token(settings, http) == "access-1"  # msal's cache, from our file
    assert state.grants == ["client_credentials"]
    assert stat.S_IMODE(oauth.cache_path(settings).stat().st_mode) == 0o600
    assert "msal" in json.loads(oauth.cache_path(settings).read_text())
    oauth.cache_path(settings).unlink()
    state.revoked = True
    with pytest.raises(oauth.OAuthError) as error:
        oauth._msal_token(settings, http)
    assert "consent" in error.value.message and "administrator" in error.value.hint


def test_msal_device_flow_without_sign_in_says_to_log_in(
    tmp_path: Path, tokens: tuple[TokenState, int]
) -> None:
    settings = microsoft(tmp_path, "device")
    with pytest.raises(oauth.OAuthError) as error:
        oauth._msal_token(settings, Rewrite(tokens[1]))
    assert "not signed in" in error.value.message and "drafter inbox login" in error.value.hint


def test_msal_device_flow_signs_in_once_then_refreshes_silently(
    tmp_path: Path, tokens: tuple[TokenState, int]
) -> None:
    state, port = tokens
    state.expires_in = 60  # msal refreshes tokens that expire within 5 minutes
    settings = microsoft(tmp_path, "device")
    shown: list[str] = []
    assert oauth.device_login(settings, shown.append, Rewrite(port)) == "access-1"
    assert "ABCD-EFGH" in shown[0]
    assert stat.S_IMODE(oauth.cache_path(settings).stat().st_mode) == 0o600
    assert oauth._msal_token(settings, Rewrite(port)) == "access-2"  # silent refresh
    assert state.grants[-1] == "refresh_token"
    state.revoked = True
    with pytest.raises(oauth.OAuthError) as error:
        oauth._msal_token(settings, Rewrite(port))
    assert "expired or was revoked" in error.value.message
    assert "drafter inbox login" in error.value.hint


def test_unreachable_sign_in_service_is_one_clear_error(tmp_path: Path) -> None:
    settings = microsoft(tmp_path, "client_credentials")
    with pytest.raises(oauth.OAuthError) as error:  # the test guard blocks the real host
        oauth.access_token(settings)
    assert "cannot reach Microsoft's sign-in service" in error.value.message


class XOAuth2Recorder(Recorder):
    """The SMTP test server, plus AUTH XOAUTH2 checked against the loopback token server."""

    def __init__(self, state: TokenState) -> None:
        super().__init__()
        self.state = state
        self.logins: list[str] = []

    async def auth_XOAUTH2(self, server: Any, args: list[str]) -> AuthResult:
        decoded = base64.b64decode(args[-1]).decode()
        self.logins.append(decoded)
        token = decoded.split("auth=Bearer ", 1)[1].split("\x01", 1)[0]
        return AuthResult(success=token in self.state.issued and not self.state.revoked)


def test_smtp_sends_with_xoauth2(tmp_path: Path, tokens: tuple[TokenState, int]) -> None:
    state, port = tokens
    recorder = XOAuth2Recorder(state)
    smtp_port = free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=smtp_port, auth_require_tls=False)
    controller.start()
    try:
        settings = Settings(
            data_dir=tmp_path / "data", smtp_host="127.0.0.1", smtp_port=smtp_port,
            smtp_security="none", smtp_auth="oauth2", smtp_user="service@example.org",
            oauth_provider="google", oauth_flow="refresh_token", oauth_client_id=CLIENT_ID,
            oauth_refresh_token=REFRESH, oauth_token_url=f"http://127.0.0.1:{port}/token",
        )  # fmt: skip
        with Desk(settings) as desk:
            (email_id,) = desk.import_messages([("m", message(1))]).email_ids
            desk.approve(email_id, "Guten Tag,\n\nerledigt.\n")
            result = desk.send(email_id)
            assert recorder.count(result.message_id) == 1
            assert recorder.logins == ["user=service@example.org\x01auth=Bearer access-1\x01\x01"]
            state.revoked = True
            (other,) = desk.import_messages([("m", message(2))]).email_ids
            desk.approve(other, "Guten Tag,\n\nerledigt.\n")
            oauth.cache_path(settings).unlink()
            with pytest.raises(oauth.OAuthError) as error:
                desk.send(other)
            assert "consent was revoked" in error.value.message
            assert desk.sends(other)[0].state == "failed"  # nothing went out; retry is safe
    finally:
        controller.stop()
