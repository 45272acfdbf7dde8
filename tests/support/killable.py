"""A child Python process that a crash test reads from and kills with SIGKILL at a random moment.

Its stdout is read straight from the pipe's file descriptor (no buffering in between), so what
the child printed before the kill is exactly what the test sees. POSIX only (SIGKILL, select on
pipes): the crash tests skip on Windows.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINE_TIMEOUT = 30.0


class Killable:
    """``python -m module`` from the repository root, its output, and a kill."""

    def __init__(self, module: str, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", module],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert self.proc.stdout is not None
        self.fd = self.proc.stdout.fileno()
        self.output = b""

    @property
    def lines(self) -> list[str]:
        """The complete lines printed so far (a line cut by the kill is not one)."""
        return [line.decode() for line in self.output.split(b"\n")[:-1]]

    def wait_for(self, text: bytes) -> None:
        """Read until ``text`` was printed."""
        self._read_until(lambda: text in self.output)

    def wait_for_lines(self, count: int) -> None:
        """Read until ``count`` complete lines were printed."""
        self._read_until(lambda: len(self.lines) >= count)

    def _read_until(self, done: Callable[[], bool]) -> None:
        """Read until ``done()`` holds (or fail with the child's stderr if it stops first)."""
        deadline = time.monotonic() + LINE_TIMEOUT
        while not done():
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.fd], [], [], max(left, 0))
            chunk = os.read(self.fd, 65536) if ready else b""
            if not chunk:
                self.kill()
                pytest.fail(f"the child stopped early: {self.stderr()}")
            self.output += chunk

    def kill(self) -> None:
        """SIGKILL, then collect what it had printed."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=LINE_TIMEOUT)
        while chunk := os.read(self.fd, 65536):
            self.output += chunk

    def stderr(self) -> str:
        """The end of what the child wrote to stderr."""
        assert self.proc.stderr is not None
        return self.proc.stderr.read().decode(errors="replace")[-2000:]

    def close(self) -> None:
        """Close the pipes."""
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()
