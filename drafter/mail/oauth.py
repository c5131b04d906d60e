"""OAuth2 access tokens for IMAP and SMTP (XOAUTH2): Microsoft 365 via msal, Gmail via
Google's token endpoint, and any provider with a refresh token.

Flows (`DRAFTER_OAUTH_FLOW`):
- `device` (Microsoft, a person's mailbox): `drafter inbox login` runs msal's device-code
  flow once; later tokens come silently from msal's cache.
- `client_credentials` (Microsoft, a service account / shared mailbox): msal
  `acquire_token_for_client` with the app's secret; no person involved.
- `refresh_token` (Gmail, or any OAuth2 server): POST to the token endpoint
  (`DRAFTER_OAUTH_TOKEN_URL`, default Google's) with DRAFTER_OAUTH_REFRESH_TOKEN; a rotated
  refresh token is kept.

Tokens are cached in `<data dir>/oauth-token.json`, created with mode 0600 and replaced
atomically. Every failure is one `OAuthError` saying what happened and what to do.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from drafter.config import Settings
from drafter.errors import MailError

GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token"
MS_SCOPES_USER = [
    "https://outlook.office365.com/IMAP.AccessAsUser.All",
    "https://outlook.office365.com/SMTP.Send",
]
MS_SCOPES_APP = ["https://outlook.office365.com/.default"]
MARGIN_S = 60  # refresh a token this long before it expires


class OAuthError(MailError):
    """No usable OAuth2 access token."""


def cache_path(settings: Settings) -> Path:
    return settings.data_dir / "oauth-token.json"


def _read_cache(settings: Settings) -> dict[str, Any]:
    path = cache_path(settings)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return {}  # a damaged cache is rebuilt from the settings
    return data if isinstance(data, dict) else {}


def _write_cache(settings: Settings, data: dict[str, Any]) -> None:
    """Write the cache with mode 0600 (never readable by others, not even for a moment)."""
    path = cache_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, json.dumps(data).encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)


def _require(settings: Settings, *names: str) -> None:
    for name in names:
        value = getattr(settings, name)
        secret = value.get_secret_value() if hasattr(value, "get_secret_value") else value
        if not secret:
            raise OAuthError(
                f"DRAFTER_{name.upper()} is empty but DRAFTER_OAUTH_FLOW="
                f"{settings.oauth_flow} needs it",
                hint="see 'Connecting your mailbox' in the README",
            )


def access_token(settings: Settings) -> str:
    """A valid access token for the mailbox (from the cache, refreshed when needed)."""
    if settings.oauth_flow == "refresh_token":
        return _refresh_token_flow(settings)
    if settings.oauth_provider != "microsoft":
        raise OAuthError(
            f"DRAFTER_OAUTH_FLOW={settings.oauth_flow} is for Microsoft 365",
            hint="for Gmail use DRAFTER_OAUTH_FLOW=refresh_token with DRAFTER_OAUTH_REFRESH_TOKEN",
        )
    return _msal_token(settings)


# --- refresh token (Google, or any RFC 6749 token endpoint) ------------------------------


def token_url(settings: Settings) -> str:
    if settings.oauth_token_url:
        return settings.oauth_token_url
    if settings.oauth_provider == "google":
        return GOOGLE_TOKEN_URL
    tenant = settings.oauth_tenant or "organizations"
    return f"https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"


def _refresh_token_flow(settings: Settings) -> str:
    _require(settings, "oauth_client_id", "oauth_refresh_token")
    cache = _read_cache(settings).get("refresh", {})
    fresh = float(cache.get("expires_at", 0)) - MARGIN_S > time.time()
    if cache.get("client_id") == settings.oauth_client_id and cache.get("access_token") and fresh:
        return str(cache["access_token"])
    refresh = str(cache.get("refresh_token") or settings.oauth_refresh_token.get_secret_value())
    form = {
        "grant_type": "refresh_token",
        "client_id": settings.oauth_client_id,
        "refresh_token": refresh,
    }
    if settings.oauth_client_secret.get_secret_value():
        form["client_secret"] = settings.oauth_client_secret.get_secret_value()
    if settings.oauth_provider == "microsoft":
        form["scope"] = " ".join([*MS_SCOPES_USER, "offline_access"])
    body = _post_form(token_url(settings), form)
    token = str(body.get("access_token", ""))
    if not token:
        raise OAuthError(
            f"the token endpoint {token_url(settings)} answered without an access token",
            hint="check DRAFTER_OAUTH_TOKEN_URL and DRAFTER_OAUTH_PROVIDER",
        )
    _store(settings, "refresh", {
        "client_id": settings.oauth_client_id,
        "access_token": token,
        "expires_at": time.time() + float(body.get("expires_in", 3600)),
        "refresh_token": str(body.get("refresh_token") or refresh),
    })  # fmt: skip
    return token


def _store(settings: Settings, key: str, value: dict[str, Any]) -> None:
    data = _read_cache(settings)
    data[key] = value
    _write_cache(settings, data)


def _post_form(url: str, form: dict[str, str]) -> dict[str, Any]:
    import httpx

    try:
        response = httpx.post(url, data=form, timeout=30.0)
    except httpx.HTTPError as exc:
        raise OAuthError(
            f"cannot reach the OAuth2 token endpoint {url}: {exc}",
            hint="check the network and DRAFTER_OAUTH_TOKEN_URL",
        ) from exc
    try:
        body = response.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    if response.status_code >= 400 or "error" in body:
        error = str(body.get("error", response.status_code))
        detail = str(body.get("error_description", "")).strip()
        if error in ("invalid_grant", "consent_required", "interaction_required"):
            raise OAuthError(
                f"the OAuth2 refresh token was refused ({error}): the consent was revoked "
                f"or the token expired{': ' + detail if detail else ''}",
                hint="sign in again and put the new refresh token in "
                "DRAFTER_OAUTH_REFRESH_TOKEN (see 'Connecting your mailbox' in the README)",
            )
        if error in ("invalid_client", "unauthorized_client"):
            raise OAuthError(
                f"the OAuth2 client was refused ({error}){': ' + detail if detail else ''}",
                hint="check DRAFTER_OAUTH_CLIENT_ID and DRAFTER_OAUTH_CLIENT_SECRET",
            )
        raise OAuthError(
            f"the OAuth2 token endpoint {url} failed ({error}){': ' + detail if detail else ''}",
            hint="try again later; if it persists check the OAuth settings",
        )
    return body


# --- Microsoft 365 via msal ----------------------------------------------------------------


def _msal_app(settings: Settings, http_client: Any = None) -> tuple[Any, Any]:
    import msal

    _require(settings, "oauth_client_id")
    cache = msal.SerializableTokenCache()
    stored = _read_cache(settings).get("msal")
    if isinstance(stored, str):
        cache.deserialize(stored)
    authority = f"https://login.microsoftonline.com/{settings.oauth_tenant or 'organizations'}"
    extra: dict[str, Any] = {"token_cache": cache, "authority": authority}
    if http_client is not None:
        extra["http_client"] = http_client
    app: Any
    if settings.oauth_flow == "client_credentials":
        _require(settings, "oauth_client_secret")
    try:
        if settings.oauth_flow == "client_credentials":
            app = msal.ConfidentialClientApplication(
                settings.oauth_client_id,
                client_credential=settings.oauth_client_secret.get_secret_value(),
                **extra,
            )
        else:
            app = msal.PublicClientApplication(settings.oauth_client_id, **extra)
    except (ValueError, OSError) as exc:  # requests' errors are OSErrors
        raise OAuthError(
            f"cannot reach Microsoft's sign-in service for tenant {settings.oauth_tenant!r}: "
            f"{str(exc).splitlines()[0][:200]}",
            hint="check the network and DRAFTER_OAUTH_TENANT (your tenant id or domain)",
        ) from exc
    return app, cache


def _save_msal(settings: Settings, cache: Any) -> None:
    if cache.has_state_changed:
        data = _read_cache(settings)
        data["msal"] = cache.serialize()
        _write_cache(settings, data)


def _msal_result(result: dict[str, Any] | None, settings: Settings) -> str:
    if result and result.get("access_token"):
        return str(result["access_token"])
    error = str((result or {}).get("error", "no token"))
    detail = str((result or {}).get("error_description", "")).split("\n")[0]
    if error in ("invalid_grant", "consent_required", "interaction_required"):
        raise OAuthError(
            f"Microsoft refused the sign-in ({error}): consent is missing or was revoked; {detail}",
            hint="an administrator must grant the app IMAP/SMTP permissions; then run "
            "`drafter inbox login` again",
        )
    raise OAuthError(
        f"Microsoft did not issue a token ({error}): {detail}",
        hint="check DRAFTER_OAUTH_CLIENT_ID, DRAFTER_OAUTH_CLIENT_SECRET and DRAFTER_OAUTH_TENANT",
    )


def _msal_token(settings: Settings, http_client: Any = None) -> str:
    app, cache = _msal_app(settings, http_client)
    try:
        if settings.oauth_flow == "client_credentials":
            result = app.acquire_token_for_client(scopes=MS_SCOPES_APP)
        else:
            accounts = app.get_accounts(username=settings.imap_user or None)
            if not accounts:
                raise OAuthError(
                    f"drafter is not signed in to the mailbox {settings.imap_user!r}",
                    hint="run `drafter inbox login` once (device-code sign-in)",
                )
            result = app.acquire_token_silent(MS_SCOPES_USER, account=accounts[0])
            if result is None:
                raise OAuthError(
                    "the Microsoft sign-in expired or was revoked",
                    hint="run `drafter inbox login` again",
                )
    except OAuthError:
        raise
    except Exception as exc:  # msal raises its own, requests' and ValueError
        raise OAuthError(
            f"Microsoft's sign-in service failed: {str(exc).splitlines()[0][:200]}",
            hint="try again later; check the network and DRAFTER_OAUTH_TENANT",
        ) from exc
    finally:
        _save_msal(settings, cache)
    return _msal_result(result, settings)


def device_login(settings: Settings, show: Any, http_client: Any = None) -> str:
    """Microsoft device-code sign-in: `show(text)` tells the person where to enter the code."""
    if settings.oauth_provider != "microsoft" or settings.oauth_flow != "device":
        raise OAuthError(
            "`drafter inbox login` is the device-code sign-in for Microsoft 365",
            hint="set DRAFTER_OAUTH_PROVIDER=microsoft and DRAFTER_OAUTH_FLOW=device",
        )
    app, cache = _msal_app(settings, http_client)
    try:
        flow = app.initiate_device_flow(scopes=MS_SCOPES_USER)
        if "user_code" not in flow:
            _msal_result(flow, settings)
        show(str(flow.get("message", "")))
        result = app.acquire_token_by_device_flow(flow)
    finally:
        _save_msal(settings, cache)
    return _msal_result(result, settings)


def xoauth2(user: str, token: str) -> str:
    """The SASL XOAUTH2 initial response (before base64) for IMAP AUTHENTICATE / SMTP AUTH."""
    return f"user={user}\x01auth=Bearer {token}\x01\x01"
