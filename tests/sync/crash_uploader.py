"""Child process of the sync crash test: uploads the queue until it is killed (or done).

It opens the parent's store (already migrated and enrolled: ``KIOSK_*`` dirs in the environment),
uploads in small batches (``CRASH_BATCH`` items) so a kill lands at every step of a batch, and
prints each progress as ``<state> <sent>`` so the parent can tell it is under way.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime

from kiosk.config import load_config
from kiosk.store import open_store
from kiosk.sync.enrol import client_for, load_identity
from kiosk.sync.uploader import Uploader, UploadProgress


def _print(progress: UploadProgress) -> None:
    sys.stdout.write(f"{progress.state} {progress.sent}\n")
    sys.stdout.flush()


def main() -> int:
    """Upload until idle (or killed)."""
    with (
        open_store(load_config(), run_migrations=False) as store,
        client_for(load_identity(store), read_timeout=10) as client,
    ):
        print("ready", flush=True)
        uploader = Uploader(
            store,
            client,
            now=lambda: datetime.now().astimezone(),
            on_progress=_print,
            max_items=int(os.environ.get("CRASH_BATCH", "25")),
        )
        final = uploader.run_until_idle()
    print(f"done {final.state}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
