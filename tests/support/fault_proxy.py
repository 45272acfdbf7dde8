"""A fault-injecting HTTP/1.1 proxy on 127.0.0.1 between the kiosk and a real intake server.

Real sockets: the kiosk's ``requests`` session connects to the proxy, the proxy to the server.  Each
request is relayed, or met with one fault, decided in request order by a seeded ``random.Random``
(same seed, same faults) from a :class:`FaultPlan` of rates, after any scripted faults queued with
:meth:`FaultProxy.script`, and after the rules of :meth:`FaultProxy.fail_when_body_contains` and
:meth:`FaultProxy.fail_path` (body marker or path: these come first):

``drop_before``  close the connection, the request never reaches the server
``drop_after``   the server acts, the connection closes before its answer
``delay``        the answer comes ``delay_seconds`` late (scripted ``slow``: ``slow_seconds``)
``cut``          half of the answer's bytes, then the connection closes
``truncate``     a 200 whose JSON body is cut in half, with a matching Content-Length
``error_after``  the server acts, the kiosk gets 500
``500``/``503``/``429``  that status without the server (``Retry-After`` on 503 and 429)
``403``/``404``  that status without the server, as a proxy or web server refusing a path says it
``stall_body``   (scripted) half the body reaches the server, then nothing: its answer is relayed
``html_502``     a proxy's HTML 502 page
"""

from __future__ import annotations

import contextlib
import email.utils
import random
import socket
import socketserver
import threading
from collections import Counter
from dataclasses import dataclass, fields
from typing import Any

__all__ = ["KINDS", "REFUSALS", "FaultPlan", "FaultProxy"]

KINDS = (
    "drop_before",
    "drop_after",
    "delay",
    "cut",
    "truncate",
    "error_after",
    "status_500",
    "status_503",
    "status_429",
    "html_502",
)
_REASONS = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}
_REASONS |= {429: "Too Many Requests", 403: "Forbidden", 404: "Not Found"}
REFUSALS = ("status_403", "status_404")
"""Kinds for rules and scripts only (a misconfigured proxy), never drawn by a plan; so is
``stall_body`` (a link that stops in the middle of a request)."""


@dataclass
class FaultPlan:
    """The rate of each fault (0..1); the rest are relayed untouched."""

    drop_before: float = 0.0
    drop_after: float = 0.0
    delay: float = 0.0
    cut: float = 0.0
    truncate: float = 0.0
    error_after: float = 0.0
    status_500: float = 0.0
    status_503: float = 0.0
    status_429: float = 0.0
    html_502: float = 0.0
    delay_seconds: float = 0.05
    slow_seconds: float = 2.0
    """How late a scripted ``slow`` answer comes (make it more than the client's read timeout)."""
    retry_after: str = "1"

    @classmethod
    def mixed(cls, rate: float, **extra: Any) -> FaultPlan:
        """``rate`` of all requests faulted, spread evenly over every kind of fault."""
        share = rate / len(KINDS)
        return cls(**dict.fromkeys(KINDS, share), **extra)

    def rates(self) -> list[tuple[str, float]]:
        """``(kind, rate)`` for every fault kind."""
        names = {f.name for f in fields(self)}
        return [(kind, float(getattr(self, kind))) for kind in KINDS if kind in names]


class _Conn:
    """A socket with a read buffer: HTTP heads and bodies."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = bytearray()

    def _fill(self) -> bool:
        chunk = self.sock.recv(65536)
        if not chunk:
            return False
        self.buffer += chunk
        return True

    def head(self) -> bytes | None:
        """Up to and including the blank line; None at a clean end of stream."""
        while b"\r\n\r\n" not in self.buffer:
            if not self._fill():
                return None
        end = self.buffer.index(b"\r\n\r\n") + 4
        head = bytes(self.buffer[:end])
        del self.buffer[:end]
        return head

    def exact(self, size: int) -> bytes | None:
        while len(self.buffer) < size:
            if not self._fill():
                return None
        data = bytes(self.buffer[:size])
        del self.buffer[:size]
        return data

    def line(self) -> bytes | None:
        while b"\r\n" not in self.buffer:
            if not self._fill():
                return None
        end = self.buffer.index(b"\r\n") + 2
        data = bytes(self.buffer[:end])
        del self.buffer[:end]
        return data

    def body(self, head: bytes) -> bytes | None:
        """The body after ``head``: by Content-Length, or the raw chunked encoding."""
        headers = _headers(head)
        if headers.get("transfer-encoding", "").lower() == "chunked":
            raw = bytearray()
            while True:
                size_line = self.line()
                if size_line is None:
                    return None
                raw += size_line
                size = int(size_line.split(b";")[0].strip() or b"0", 16)
                chunk = self.exact(size + 2)
                if chunk is None:
                    return None
                raw += chunk
                if size == 0:
                    return bytes(raw)
        return self.exact(int(headers.get("content-length", "0")))


def _path(head: bytes) -> str:
    """The request's path, without its query string."""
    target = head.split(b"\r\n", 1)[0].split(b" ")
    return target[1].decode("latin-1").split("?", 1)[0] if len(target) > 1 else ""


def _headers(head: bytes) -> dict[str, str]:
    lines = head.decode("latin-1").split("\r\n")[1:]
    pairs = (line.split(":", 1) for line in lines if ":" in line)
    return {name.strip().lower(): value.strip() for name, value in pairs}


def _response(status: int, body: bytes, content_type: str, extra: str = "") -> bytes:
    head = (
        f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}\r\n"
        f"Date: {email.utils.formatdate(usegmt=True)}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n{extra}\r\n"
    )
    return head.encode("latin-1") + body


def _with_body(head: bytes, body: bytes) -> bytes:
    """``head`` with its Content-Length set to ``len(body)``."""
    lines = [
        line
        for line in head.decode("latin-1").split("\r\n")
        if not line.lower().startswith("content-length:")
    ]
    lines.insert(1, f"content-length: {len(body)}")
    return "\r\n".join(lines).encode("latin-1") + body


class FaultProxy:
    """Listens on a free loopback port; ``upstream`` is ``(host, port)`` or None (server down)."""

    def __init__(
        self,
        upstream: tuple[str, int] | None,
        plan: FaultPlan | None = None,
        *,
        seed: int = 0,
    ) -> None:
        self.upstream = upstream
        self.plan = plan or FaultPlan()
        self.stats: Counter[str] = Counter()
        self.heads: list[bytes] = []
        """The head (request line and headers, no body) of every request seen, in order."""
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._scripted: list[str] = []
        self._rules: list[tuple[bytes, str, str | None]] = []
        self._sockets: set[socket.socket] = set()
        self._closing = threading.Event()
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                proxy._serve(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = False
            block_on_close = True
            allow_reuse_address = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="fault-proxy")

    @property
    def url(self) -> str:
        """The base URL the kiosk uses."""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def offline(self) -> None:
        """The network goes: every open connection breaks and new ones find no server."""
        self.upstream = None
        self._break_all()

    def _break_all(self) -> None:
        with self._lock:
            open_sockets = list(self._sockets)
        for sock in open_sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def script(self, *kinds: str) -> None:
        """Faults for the next requests, in order, before the plan's random ones."""
        with self._lock:
            self._scripted.extend(kinds)

    def fail_when_body_contains(
        self, marker: bytes, kind: str = "status_500", *, path: str | None = None
    ) -> None:
        """Every request whose body contains ``marker`` (to ``path`` only, when given) gets the
        fault ``kind``."""
        with self._lock:
            self._rules.append((marker, kind, path))

    def fail_path(self, path: str, kind: str) -> None:
        """Every request to ``path`` (query string aside) gets the fault ``kind``."""
        self.fail_when_body_contains(b"", kind, path=path)

    def clear_rules(self) -> None:
        """Forget the body rules."""
        with self._lock:
            self._rules.clear()

    def _decide(self, head: bytes, body: bytes) -> str:
        with self._lock:
            for marker, kind, path in self._rules:
                if marker in body and (path is None or _path(head) == path):
                    self.stats[kind] += 1
                    return kind
            if self._scripted:
                kind = self._scripted.pop(0)
                self.stats[kind] += 1
                return kind
            draw = self._rng.random()
            for kind, rate in self.plan.rates():
                if draw < rate:
                    self.stats[kind] += 1
                    return kind
                draw -= rate
            self.stats["relayed"] += 1
            return "relay"

    def _static(self, kind: str) -> bytes | None:
        retry = f"Retry-After: {self.plan.retry_after}\r\n"
        json_error = b'{"detail":"internal server error"}'
        if kind == "status_500":
            return _response(500, json_error, "application/json")
        if kind == "status_503":
            return _response(503, b'{"detail":"busy"}', "application/json", retry)
        if kind == "status_429":
            return _response(429, b'{"detail":"slow down"}', "application/json", retry)
        if kind in REFUSALS:
            status = int(kind.removeprefix("status_"))
            detail = b'{"detail":"' + _REASONS[status].encode("ascii") + b'"}'
            return _response(status, detail, "application/json")
        if kind == "html_502":
            page = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
            return _response(502, page, "text/html")
        return None

    def _track(self, sock: socket.socket, add: bool) -> None:
        with self._lock:
            if add:
                self._sockets.add(sock)
            else:
                self._sockets.discard(sock)

    def _connect(self) -> _Conn | None:
        if self.upstream is None:
            return None
        try:
            sock = socket.create_connection(self.upstream, timeout=30)
        except OSError:
            return None
        self._track(sock, True)
        return _Conn(sock)

    def _close(self, conn: _Conn | None) -> None:
        if conn is not None:
            self._track(conn.sock, False)
            conn.sock.close()

    def _exchange(self, server: _Conn | None, request: bytes) -> tuple[_Conn | None, bytes | None]:
        """Relay one request; ``(connection kept, head + body)``; reconnects once if idle-closed."""
        for _attempt in range(2):
            if server is None:
                server = self._connect()
                if server is None:
                    return None, None
            try:
                server.sock.sendall(request)
                head = server.head()
                body = server.body(head) if head is not None else None
            except OSError:
                head = body = None
            if head is not None and body is not None:
                return server, head + body
            self._close(server)
            server = None
        return None, None

    def _stalled(self, partial: bytes) -> bytes | None:
        """Send ``partial`` (a request cut short) on a new connection; the server's answer."""
        server = self._connect()
        if server is None:
            return None
        try:
            server.sock.sendall(partial)
            head = server.head()
            body = server.body(head) if head is not None else None
        except OSError:
            head = body = None
        finally:
            self._close(server)
        return None if head is None or body is None else head + body

    def _serve(self, sock: socket.socket) -> None:
        self._track(sock, True)
        client = _Conn(sock)
        server: _Conn | None = None
        try:
            while not self._closing.is_set():
                head = client.head()
                if head is None:
                    return
                body = client.body(head) or b""
                with self._lock:
                    self.heads.append(head)
                kind = self._decide(head, body)
                static = self._static(kind)
                if kind == "drop_before":
                    return
                if kind == "stall_body":
                    stalled = self._stalled(head + body[: len(body) // 2])
                    if stalled is None:
                        return
                    sock.sendall(stalled)
                    continue
                if static is not None:
                    sock.sendall(static)
                    continue
                server, answer = self._exchange(server, head + body)
                if answer is None or kind == "drop_after":
                    return
                if kind in ("delay", "slow"):
                    late = self.plan.delay_seconds if kind == "delay" else self.plan.slow_seconds
                    if self._closing.wait(late):
                        return
                if kind == "cut":
                    sock.sendall(answer[: len(answer) // 2])
                    return
                if kind == "truncate":
                    split = answer.index(b"\r\n\r\n") + 4
                    reply = answer[split:]
                    answer = _with_body(answer[:split], reply[: len(reply) // 2])
                if kind == "error_after":
                    answer = _response(500, b'{"detail":"internal server error"}', "text/plain")
                sock.sendall(answer)
        except OSError:
            return
        finally:
            self._close(server)
            self._track(sock, False)
            sock.close()

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop accepting, break every open connection, join every thread."""
        self._closing.set()
        if self._thread.is_alive():
            self._server.shutdown()
        self._break_all()
        self._server.server_close()
        self._thread.join(timeout=30)
