"""A TCP server on loopback that answers HTTP badly on purpose: silent, trickling, or garbage.

For the tests of what the kiosk does when the ward's server accepts a connection and then fails it
(tests/sync/test_online_lookup.py, tests/ui/test_scan.py).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class RawServer:
    """A TCP server on 127.0.0.1 that reads a request and then ``answer(sock, stop)`` does."""

    def __init__(self, answer: Callable[[socket.socket, threading.Event], None]) -> None:
        self._answer = answer
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)  # so that the accepting thread sees the stop
        self._threads: list[threading.Thread] = []
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._accepting = threading.Thread(target=self._accept)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            sock.settimeout(None)
            thread = threading.Thread(target=self._serve, args=(sock,))
            self._threads.append(thread)
            thread.start()

    def _serve(self, sock: socket.socket) -> None:
        with sock:
            try:
                sock.recv(65536)
                self._answer(sock, self._stop)
            except OSError:
                return

    def __enter__(self) -> RawServer:
        self._accepting.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._accepting.join(10)
        self._listener.close()
        for thread in self._threads:
            thread.join(10)


def silent(sock: socket.socket, stop: threading.Event) -> None:
    stop.wait(30)  # accepted, read, never answers


def trickle(sock: socket.socket, stop: threading.Event) -> None:
    """A 200 whose body comes a byte every 0.2 s (each well within a socket read timeout) for 8 s,
    then stops short."""
    sock.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9999\r\n\r\n"
    )
    for _ in range(40):
        if stop.wait(0.2):
            return
        sock.sendall(b" ")


def static(status: bytes, content_type: bytes, body: bytes) -> Callable[..., None]:
    def answer(sock: socket.socket, stop: threading.Event) -> None:
        head = b"HTTP/1.1 " + status + b"\r\nContent-Type: " + content_type
        sock.sendall(
            head + b"\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body
        )

    return answer


@contextmanager
def raw(answer: Callable[[socket.socket, threading.Event], None]) -> Iterator[str]:
    with RawServer(answer) as raw:
        yield raw.url
