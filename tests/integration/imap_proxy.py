"""A TCP proxy on loopback in front of the test Dovecot that can break the connection.

`cut_after` (bytes from the server) cuts the next connection mid-stream once that many bytes
went through (a server dropping the connection mid-fetch); `connect_delay` holds each new
connection before it reaches the server (widens the window between SMTP and APPEND for the
crash test); `drop_all()` closes every open connection at once.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from tests.integration.smtp_server import free_port


class Proxy:
    def __init__(self, target_port: int) -> None:
        self.target = target_port
        self.port = free_port()
        self.cut_after = 0  # >0: cut the next connection after this many server bytes
        self.connect_delay = 0.0
        self.connections = 0
        self.cuts = 0
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", self.port))
        self._listener.listen(50)
        self._stopped = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stopped:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        if self.connect_delay:
            time.sleep(self.connect_delay)
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target))
        except OSError:
            client.close()
            return
        with self._lock:
            self.connections += 1
            budget, self.cut_after = self.cut_after, 0
            self._open += [client, upstream]
        threading.Thread(target=self._pipe, args=(client, upstream, 0), daemon=True).start()
        self._pipe(upstream, client, budget)

    def _pipe(self, source: socket.socket, sink: socket.socket, budget: int) -> None:
        passed = 0
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if budget and passed + len(data) >= budget:
                    sink.sendall(data[: max(0, budget - passed)])
                    with self._lock:
                        self.cuts += 1
                    break
                passed += len(data)
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def drop_all(self) -> None:
        with self._lock:
            for sock in self._open:
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            self._open.clear()

    def close(self) -> None:
        self._stopped = True
        self._listener.close()
        self.drop_all()


@contextmanager
def proxy(target_port: int) -> Iterator[Proxy]:
    running = Proxy(target_port)
    try:
        yield running
    finally:
        running.close()
