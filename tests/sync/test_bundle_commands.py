"""The bundle's own commands, as docs/deploy.md has people run them: enrol with the ward's server,
check, back up to a stick, and the server importing the queue file that lies beside the backup.

Real parts: the PyInstaller bundle from ``make build`` (skipped without one; CI builds it), the
kiosk's encrypted database, and the intake server on loopback.
"""

from __future__ import annotations

import os
import subprocess
from datetime import timedelta
from pathlib import Path

from intake.auth import issue_enrol_code
from intake.importer import import_queue
from kiosk.store import Store
from kiosk.sync.enrol import load_identity
from tests.support.intake import Server
from tests.support.queue import add_verified
from tests.sync.helpers import GROUP, WARD, server_ids
from tests.test_bundle import EXECUTABLE, SMOKE_TIMEOUT_S, needs_bundle


def _bundle(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(EXECUTABLE), *args],
        env=os.environ | env | {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
        capture_output=True,
        text=True,
        timeout=SMOKE_TIMEOUT_S,
        check=False,
    )


@needs_bundle
def test_enrol_back_up_and_import_with_the_bundle(
    store: Store, server: Server, kiosk_env: dict[str, str], tmp_path: Path
) -> None:
    code = issue_enrol_code(server.engine, WARD, GROUP, timedelta(hours=1))
    enrolled = _bundle(kiosk_env, "enrol", "--server", server.url, "--code", code)
    assert enrolled.returncode == 0, enrolled.stderr
    assert load_identity(store).id.startswith("st-")
    ids = add_verified(store, 7)

    checked = _bundle(kiosk_env, "check")
    assert checked.returncode == 0, checked.stderr

    stick = tmp_path / "stick" / "kiosk-backups"
    backed_up = _bundle(kiosk_env, "backup", str(stick))
    assert backed_up.returncode == 0, backed_up.stderr
    assert "7 unsent submission(s)" in backed_up.stdout
    (backup,) = stick.glob("kiosk-*.db")
    (queue,) = stick.glob("kiosk-*.queue")
    assert queue.stem == backup.stem

    assert import_queue(server.engine, queue.read_bytes()).counts == {"accepted": 7}
    assert sorted(server_ids(server)) == sorted(ids)


@needs_bundle
def test_a_backup_where_no_stick_is_says_so(
    store: Store, kiosk_env: dict[str, str], tmp_path: Path
) -> None:
    """The stick's folder cannot be made (here: a file stands where its drive would be): one
    line that names the path, exit 1, no traceback; the database is untouched."""
    not_a_drive = tmp_path / "K:"
    not_a_drive.write_text("not a drive", encoding="utf-8")
    run = _bundle(kiosk_env, "backup", str(not_a_drive / "kiosk-backups"))
    assert run.returncode == 1
    assert run.stderr.startswith("kiosk: error: ")
    assert str(not_a_drive) in run.stderr
    assert "Traceback" not in run.stderr
    assert _bundle(kiosk_env, "check").returncode == 0
