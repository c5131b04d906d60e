"""A real IMAP server for tests: Dovecot (Debian's dovecot-imapd) started unprivileged on a
free loopback port with a generated dovecot.conf, a passwd-file user and a Maildir.

It advertises IDLE, UIDPLUS, SPECIAL-USE and MOVE, has a `\\Sent` folder (special use) and an
`Archive` folder, and optionally TLS (`ssl` on a second port, STARTTLS on the plain one) with
a self-signed certificate made by `openssl`. Run as root (CI), the mail processes run as the
`dovecot` user because Dovecot refuses uid 0 for mail; otherwise everything runs as the
current user. `tests/integration/imap_proxy.py` sits in front of it to drop connections.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from imapclient import IMAPClient

from tests.integration.smtp_server import free_port

USER, PASSWORD = "service", "secret-pw"


def available() -> bool:
    return shutil.which("dovecot") is not None or Path("/usr/sbin/dovecot").exists()


def _binary() -> str:
    return shutil.which("dovecot") or "/usr/sbin/dovecot"


class Dovecot:
    """One running Dovecot; `settings()` gives the DRAFTER_IMAP_* values to reach it."""

    def __init__(self, base: Path, *, tls: bool = False, extra_conf: str = "") -> None:
        self.base = base
        self.tls = tls
        self.port = free_port()
        self.ssl_port = free_port() if tls else 0
        self.proc: subprocess.Popen[bytes] | None = None
        self.cert = base / "cert.pem"
        root = os.geteuid() == 0
        if root:
            mail_user = pwd.getpwnam("dovecot")
            self.uid, self.gid = mail_user.pw_uid, mail_user.pw_gid
            login_user, internal_user = "dovenull", "dovecot"
            internal_group = "dovecot"
        else:
            self.uid, self.gid = os.getuid(), os.getgid()
            login_user = internal_user = pwd.getpwuid(self.uid).pw_name
            import grp

            internal_group = grp.getgrgid(self.gid).gr_name
        self.home = base / "mail" / USER
        self.home.mkdir(parents=True)
        (base / "run").mkdir()
        (base / "passwd").write_text(
            f"{USER}:{{PLAIN}}{PASSWORD}:{self.uid}:{self.gid}::{self.home}::\n"
        )
        if root:
            for path in (base, base / "mail", self.home):
                os.chown(path, self.uid, self.gid)
            os.chmod(base, 0o755)
            os.chmod(base / "run", 0o755)
        ssl_block = "ssl = no\n"
        if tls:
            key = base / "key.pem"
            subprocess.run(
                ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                 "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                 "-keyout", str(key), "-out", str(self.cert)],
                check=True, capture_output=True,
            )  # fmt: skip
            ssl_block = f"ssl = yes\nssl_cert = <{self.cert}\nssl_key = <{key}\n"
        (base / "dovecot.conf").write_text(
            f"""protocols = imap
listen = 127.0.0.1
base_dir = {base}/run
state_dir = {base}/run/state
log_path = {base}/dovecot.log
{ssl_block}disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = {login_user}
default_internal_user = {internal_user}
default_internal_group = {internal_group}
first_valid_uid = 1
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = {base}/passwd
}}
userdb {{
  driver = passwd-file
  args = {base}/passwd
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.ssl_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
  mailbox Archive {{
    special_use = \\Archive
    auto = subscribe
  }}
}}
protocol imap {{
  mail_max_userip_connections = 200
  imap_idle_notify_interval = 1 secs
}}
{extra_conf}
"""
        )

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [_binary(), "-F", "-c", str(self.base / "dovecot.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                raise RuntimeError(f"dovecot exited: {err} {self.log()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    if sock.recv(100).startswith(b"* OK"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"dovecot did not start: {self.log()}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None

    def log(self) -> str:
        path = self.base / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def settings(self, **extra: Any) -> dict[str, Any]:
        values: dict[str, Any] = {
            "imap_host": "127.0.0.1",
            "imap_port": self.port,
            "imap_security": "none",
            "imap_user": USER,
            "imap_password": PASSWORD,
            "imap_poll_seconds": 1.0,
        }
        values.update(extra)
        return values

    @contextmanager
    def client(self) -> Iterator[Any]:
        client = IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=30)
        client.login(USER, PASSWORD)
        try:
            yield client
        finally:
            client.logout()

    def deliver(self, raw: bytes, folder: str = "INBOX") -> int:
        """Put a message into `folder` (APPEND); returns its UID."""
        with self.client() as client:
            answer = client.append(folder, raw)
        # b'[APPENDUID <validity> <uid>] Append completed.'
        return int(answer.split(b"]")[0].split()[-1])

    def messages(self, folder: str) -> dict[int, tuple[bytes, tuple[bytes, ...]]]:
        """UID -> (raw, flags) of every message in `folder`."""
        with self.client() as client:
            client.select_folder(folder, readonly=True)
            uids = client.search("ALL")
            if not uids:
                return {}
            found = client.fetch(uids, ["BODY.PEEK[]", "FLAGS"])
        return {int(u): (bytes(d[b"BODY[]"]), tuple(d[b"FLAGS"])) for u, d in found.items()}


@contextmanager
def dovecot_server(tmp_path: Path, *, tls: bool = False, extra_conf: str = "") -> Iterator[Dovecot]:
    # as root, the mail user must reach the Maildir: pytest's tmp dirs are 0700 for root
    base = Path(tempfile.mkdtemp(prefix="drafter-dovecot-")) if os.geteuid() == 0 else tmp_path
    if os.geteuid() == 0:
        os.chmod(base, 0o755)
    server = Dovecot(base / "dovecot", tls=tls, extra_conf=extra_conf)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        if os.geteuid() == 0:
            shutil.rmtree(base, ignore_errors=True)


def message(n: int, *, subject: str = "", extra: str = "", body: str = "") -> bytes:
    """A small customer email with a unique Message-ID."""
    return (
        f"From: Kunde {n} <kunde{n}@example.org>\r\n"
        "To: service@stadtwerke-nordlicht.de\r\n"
        f"Subject: {subject or f'Abschlag Frage {n}'}\r\n"
        f"Message-ID: <msg-{n}@example.org>\r\n"
        "Date: Mon, 02 Mar 2026 09:15:00 +0100\r\n"
        f"{extra}"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "\r\n"
        f"{body or f'Guten Tag, bitte erhöhen Sie meinen Abschlag auf {n} Euro.'}\r\n"
        f"Mit freundlichen Grüßen\r\nKunde {n}\r\n"
    ).encode()
