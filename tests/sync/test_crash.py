"""Crash: an uploading kiosk killed with SIGKILL at random moments sends every submission once.

``SYNC_KILL_ROUNDS`` and ``SYNC_CRASH_SUBMISSIONS`` lower the rounds and the queue for a quick
local run (defaults 25 and 2,000, as issue 6 asks).
"""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.store import open_store, verify_audit_chain
from kiosk.sync.enrol import client_for, load_identity
from kiosk.sync.uploader import Uploader
from tests.store.fixtures import env_for
from tests.support.intake import Server
from tests.support.killable import Killable
from tests.support.queue import add_verified
from tests.sync.helpers import enrol, local_statuses, server_ids

ROUNDS = int(os.environ.get("SYNC_KILL_ROUNDS", "25"))
SUBMISSIONS = int(os.environ.get("SYNC_CRASH_SUBMISSIONS", "2000"))


def _now() -> datetime:
    return datetime.now().astimezone()


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and select on pipes are POSIX"),
]


def test_killed_uploader_sends_everything_exactly_once(server: Server, tmp_path: Path) -> None:
    env = {
        **os.environ,
        **env_for(tmp_path / "kiosk"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    config = load_config(env)
    with open_store(config) as store:
        enrol(store, server).close()
        ids = add_verified(store, SUBMISSIONS)
    rng = random.Random(25)
    progressed = 0
    finished_last = False
    for _ in range(ROUNDS):
        child = Killable("tests.sync.crash_uploader", env)
        try:
            child.wait_for(b"ready\n")
            time.sleep(rng.uniform(0.0, 0.35))  # not a wait: it puts the kill at a random moment
            child.kill()
        finally:
            child.close()
        progressed += b"sending" in child.output
        finished_last = b"done" in child.output
    assert progressed > ROUNDS // 2  # most kills landed while uploading
    with open_store(config) as store:
        # the last child was killed, unless the queue was empty by then and it closed cleanly
        assert store.unclean_start or finished_last
        left = local_statuses(store)["verified"]
        print(f"\n{ROUNDS} kills, {progressed} while uploading; {left} left to send")
        with client_for(load_identity(store)) as client:
            final = Uploader(store, client, now=_now).run_until_idle()
        assert final.state == "idle"
        assert local_statuses(store) == {"sent": SUBMISSIONS}
        with store.read() as session:
            assert verify_audit_chain(session).ok
    on_server = server_ids(server)
    assert len(on_server) == len(set(on_server)) == SUBMISSIONS
    assert set(on_server) == set(ids)
