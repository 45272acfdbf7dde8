"""Clients that never finish a request, for the hostile-client tests and the load bench."""

from __future__ import annotations

import socket
import threading


class Stallers:
    """``count`` connections that never finish a request, opened again whenever the server closes
    one: half trickle their headers a byte a second, half send headers (with a real token for
    some) and one byte of a body, then nothing."""

    def __init__(self, url: str, token: str, count: int) -> None:
        host, port = url.removeprefix("http://").split(":")
        self.address = (host, int(port))
        self.token, self.count = token, count
        self.closed_by_server = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run)

    def _open(self, n: int) -> socket.socket:
        sock = socket.create_connection(self.address, timeout=10)
        sock.setblocking(False)
        if n % 2 == 0:
            sock.send(b"POST /v1/submissions/batch HTTP/1.1\r\nHost: intake\r\nX-Slow: ")
        else:
            auth = f"Authorization: Bearer {self.token}\r\n" if n % 4 == 1 else ""
            head = (
                f"POST /v1/submissions/batch HTTP/1.1\r\nHost: intake\r\n{auth}"
                "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
            )
            sock.send(head.encode("ascii"))
        return sock

    def _run(self) -> None:
        socks = [self._open(n) for n in range(self.count)]
        try:
            while not self.done.wait(1.0):
                for n, sock in enumerate(socks):
                    try:
                        if sock.recv(65536) == b"":
                            raise ConnectionResetError
                        raise ConnectionResetError  # an answer (408): the server gave up on it
                    except BlockingIOError:
                        if n % 2 == 0:
                            sock.send(b"x")  # one more byte of a header that never ends
                    except OSError:
                        sock.close()
                        self.closed_by_server += 1
                        socks[n] = self._open(n)
        finally:
            for sock in socks:
                sock.close()

    def __enter__(self) -> Stallers:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join(timeout=30)
