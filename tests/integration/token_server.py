"""A tiny OAuth2 server on 127.0.0.1 for tests: token endpoint, token introspection (which
Dovecot's oauth2 passdb calls to check an XOAUTH2 login) and Microsoft's OpenID discovery
document (for msal, reached through `Rewrite`).

Grants: refresh_token (issues a new access token, rotates nothing) and client_credentials
(checks the secret). `revoked = True` answers like a provider whose consent was withdrawn
(`invalid_grant`) and makes every issued token inactive.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

CLIENT_ID, CLIENT_SECRET, REFRESH = "app-123", "app-secret", "refresh-abc"
USER_SCOPES = [
    "https://outlook.office365.com/IMAP.AccessAsUser.All",
    "https://outlook.office365.com/SMTP.Send",
    "offline_access",
]


class TokenState:
    def __init__(self) -> None:
        self.revoked = False
        self.expires_in = 3600
        self.issued: list[str] = []
        self.grants: list[str] = []
        self.introspected: list[str] = []


def _handler(state: TokenState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_: Any) -> None:
            pass

        def _send(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            if path.endswith("/discovery/instance"):  # msal's instance metadata
                host = "login.microsoftonline.com"
                self._send(200, {
                    "tenant_discovery_endpoint": f"https://{host}/common/v2.0/.well-known/"
                    "openid-configuration",
                    "api-version": "1.1",
                    "metadata": [{"preferred_network": host, "preferred_cache": host,
                                  "aliases": [host]}],
                })  # fmt: skip
                return
            if path.endswith("/.well-known/openid-configuration"):
                tenant = path.strip("/").split("/")[0]
                base = f"https://login.microsoftonline.com/{tenant}"
                self._send(200, {
                    "issuer": f"https://login.microsoftonline.com/{tenant}/v2.0",
                    "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                    "token_endpoint": f"{base}/oauth2/v2.0/token",
                    "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
                })  # fmt: skip
                return
            self._send(404, {"error": "not_found"})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            path = urlsplit(self.path).path
            if path.endswith("/introspect"):
                token = form.get("token", "")
                state.introspected.append(token)
                active = token in state.issued and not state.revoked
                self._send(200, {"active": active, "username": "service"} if active else {
                    "active": False})  # fmt: skip
                return
            if path.endswith("/devicecode"):  # Microsoft's device authorization endpoint
                self._send(200, {
                    "user_code": "ABCD-EFGH", "device_code": "device-1", "interval": 1,
                    "verification_uri": "https://microsoft.com/devicelogin", "expires_in": 900,
                    "message": "To sign in, open https://microsoft.com/devicelogin and enter "
                    "the code ABCD-EFGH.",
                })  # fmt: skip
                return
            grant = form.get("grant_type", "")
            state.grants.append(grant)
            if form.get("client_id") != CLIENT_ID:
                self._send(400, {"error": "invalid_client", "error_description": "unknown"})
                return
            if state.revoked:
                self._send(400, {
                    "error": "invalid_grant",
                    "error_description": "AADSTS65001: The user or administrator has not "
                    "consented to use the application.",
                })  # fmt: skip
                return
            device = grant.endswith(":device_code") and form.get("device_code") == "device-1"
            ok = (
                device
                or (grant == "refresh_token" and form.get("refresh_token") == REFRESH)
                or (grant == "client_credentials" and form.get("client_secret") == CLIENT_SECRET)
            )
            if not ok:
                self._send(400, {"error": "invalid_grant", "error_description": "bad grant"})
                return
            token = f"access-{len(state.issued) + 1}"
            state.issued.append(token)
            body: dict[str, Any] = {
                "access_token": token, "token_type": "Bearer", "expires_in": state.expires_in,
            }  # fmt: skip
            if grant != "client_credentials":  # a person: msal builds its account from these
                scope = form.get("scope") or " ".join(USER_SCOPES)
                body.update(
                    refresh_token=REFRESH, id_token=_id_token(), scope=scope,
                    client_info=_b64({"uid": "user-1", "utid": "tenant-1"}),
                )  # fmt: skip
            self._send(200, body)

    return Handler


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def _id_token() -> str:
    """An unsigned ID token (msal reads it for the account; it does not verify signatures)."""
    now = int(time.time())
    claims = {
        "aud": CLIENT_ID, "iss": "https://login.microsoftonline.com/tenant-1/v2.0",
        "sub": "user-1", "oid": "user-1", "tid": "tenant-1", "iat": now, "nbf": now,
        "exp": now + 3600, "preferred_username": "service@contoso.example",
    }  # fmt: skip
    return f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}."


@contextmanager
def token_server() -> Iterator[tuple[TokenState, int]]:
    state = TokenState()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, int(httpd.server_address[1])
    finally:
        httpd.shutdown()
        httpd.server_close()


class Rewrite(requests.Session):
    """msal's `http_client`: sends Microsoft's URLs to the loopback server instead."""

    def __init__(self, port: int) -> None:
        super().__init__()
        self.port = port

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kw: Any) -> Any:
        target = str(url).replace(
            "https://login.microsoftonline.com", f"http://127.0.0.1:{self.port}"
        )
        return super().request(method, target, *args, **kw)
