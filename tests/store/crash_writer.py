"""Child process of the crash test: captures submissions in a loop until it is killed.

The payload template comes as a JSON file (``CRASH_PAYLOAD``) made by the parent with
``make_payload()``, so the child needs neither hypothesis nor Alembic and starts quickly.

After each commit it prints ``<id> <sha256 of the stored payload>`` and flushes, so every line
the parent reads names a submission that was durable on disk before the line was written.
"""

from __future__ import annotations

import json
import os
import random
import sys
from datetime import datetime
from pathlib import Path

from kiosk.config import load_config
from kiosk.domain.payload import payload_sha256
from kiosk.store import open_store
from kiosk.store import submissions as subs
from kiosk.store.models import Operator

OPERATOR = "op-crash"


def main() -> int:
    """Write until killed."""
    rng = random.Random()
    template = json.loads(Path(os.environ["CRASH_PAYLOAD"]).read_text(encoding="utf-8"))
    # The parent migrated the database: no Alembic import here keeps each round's start short.
    with open_store(load_config(), run_migrations=False) as store:
        with store.write() as session:
            if session.get(Operator, OPERATOR) is None:
                session.add(
                    Operator(
                        id=OPERATOR,
                        name="Crash Writer",
                        role="volunteer",
                        pin_hash=b"-",
                        pin_salt=b"-" * 16,
                        pin_params="scrypt$2$1$1$32",
                        created_at=datetime.now().astimezone(),
                    )
                )
        print("ready", flush=True)
        while True:
            with store.write() as session:
                draft = subs.create_draft(session, at=datetime.now().astimezone(), actor=OPERATOR)
            serial = rng.randrange(1_000_000)
            payload = {**template, "resident": {**template["resident"]}}
            payload["resident"]["id_number"] = f"001090{serial:06d}"
            with store.write() as session:
                sub = subs.capture(
                    session, draft.id, payload, at=datetime.now().astimezone(), actor=OPERATOR
                )
                digest = payload_sha256(sub.payload or {})
            sys.stdout.write(f"{draft.id} {digest}\n")
            sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
