"""A tiny OAuth2 server on 127.0.0.1 for tests: token endpoint, token introspection (which
Dovecot's oauth2 passdb calls to check an XOAUTH2 login) and Microsoft's OpenID discovery
document (for msal, reached through `Rewrite`).

Grants: refresh_token (issues a new access token, rotates nothing) and client_credentials
(checks the secret). `revoked = True` answers like a provider whose consent was withdrawn
(`invalid_grant`) and makes every issued token inactive.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

CLIENT_ID, CLIENT_SECRET, REFRESH = "app-123", "app-secret", "refresh-abc"


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
            ok = (grant == "refresh_token" and form.get("refresh_token") == REFRESH) or (
                grant == "client_credentials" and form.get("client_secret") == CLIENT_SECRET
            )
            if not ok:
                self._send(400, {"error": "invalid_grant", "error_description": "bad grant"})
                return
            token = f"access-{len(state.issued) + 1}"
            state.issued.append(token)
            self._send(200, {
                "access_token": token, "token_type": "Bearer", "expires_in": state.expires_in,
            })  # fmt: skip

    return Handler


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
