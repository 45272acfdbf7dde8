"""Crash: a writer killed with SIGKILL at random moments loses nothing it reported committed."""

from __future__ import annotations

import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.domain.payload import payload_sha256
from kiosk.store import open_store, verify_audit_chain
from kiosk.store.models import Submission, SubmissionItem
from tests.store.fixtures import env_for
from tests.strategies.payloads import make_payload

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = int(os.environ.get("KIOSK_KILL_ROUNDS", "30"))
LINE_TIMEOUT = 30.0

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and select on pipes are POSIX"),
]


class Child:
    """The writer process and the lines it printed (read straight from the pipe's fd)."""

    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.store.crash_writer"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert self.proc.stdout is not None
        self.fd = self.proc.stdout.fileno()
        self.buffer = b""
        self.lines: list[str] = []

    def _take_lines(self) -> None:
        *done, self.buffer = self.buffer.split(b"\n")
        self.lines += [line.decode() for line in done]

    def wait_for_lines(self, count: int) -> None:
        """Read until ``count`` lines arrived (or fail with the child's stderr)."""
        deadline = time.monotonic() + LINE_TIMEOUT
        while len(self.lines) < count:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.fd], [], [], max(left, 0))
            chunk = os.read(self.fd, 65536) if ready else b""
            if not chunk:
                self.kill()
                pytest.fail(f"writer stopped early: {self.stderr()}")
            self.buffer += chunk
            self._take_lines()

    def kill(self) -> None:
        """SIGKILL, then collect whatever complete lines it had written."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=LINE_TIMEOUT)
        while chunk := os.read(self.fd, 65536):
            self.buffer += chunk
        self._take_lines()

    def stderr(self) -> str:
        assert self.proc.stderr is not None
        return self.proc.stderr.read().decode(errors="replace")[-2000:]

    def close(self) -> None:
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


def test_killed_writer_loses_nothing_it_reported(tmp_path: Path) -> None:
    template = tmp_path / "payload.json"
    template.write_text(json.dumps(make_payload()), encoding="utf-8")
    env = {
        **os.environ,
        **env_for(tmp_path),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "CRASH_PAYLOAD": str(template),
    }
    config = load_config(env)
    with open_store(config):
        pass
    rng = random.Random()
    reported: dict[str, str] = {}
    for _ in range(ROUNDS):
        child = Child(env)
        try:
            child.wait_for_lines(1 + rng.randrange(4))  # "ready" and a few commits
            time.sleep(rng.uniform(0, 0.02))  # not a wait: it moves the kill to a random moment
            child.kill()
        finally:
            child.close()
        assert child.lines[0] == "ready"
        reported.update(line.split() for line in child.lines[1:])  # type: ignore[misc]

        with open_store(config) as store:
            assert store.unclean_start  # the killed writer left its marker: quick_check ran
            assert not store.read_only, store.read_only_reason
            store.quick_check()
            with store.read() as session:
                for sub_id, digest in reported.items():
                    sub = session.get(Submission, sub_id)
                    assert sub is not None, "a reported submission is missing"
                    assert sub.status == "captured"
                    assert payload_sha256(sub.payload or {}) == digest
                    items = session.query(SubmissionItem).filter_by(submission_id=sub_id).count()
                    assert items == 4
                assert verify_audit_chain(session).ok
    assert len(reported) >= ROUNDS
