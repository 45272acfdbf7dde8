"""Crash: a writer killed with SIGKILL at random moments loses nothing it reported committed."""

from __future__ import annotations

import json
import os
import random
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
from tests.support.killable import Killable

ROUNDS = int(os.environ.get("KIOSK_KILL_ROUNDS", "30"))

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and select on pipes are POSIX"),
]


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
        child = Killable("tests.store.crash_writer", env)
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
