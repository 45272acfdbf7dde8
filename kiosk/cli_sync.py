"""The sync commands of ``kiosk``: ``enrol``, ``export-queue``, and the queue export of ``backup``.

They open the database without the running kiosk's open marker (like ``kiosk check``), so they may
run beside it: the marker keeps meaning "the kiosk itself did not close cleanly".
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from kiosk.config import Config
from kiosk.store import Store, StoreError
from kiosk.store.backup import BACKUP_GLOB
from kiosk.store.database import existing_key, store_for
from kiosk.store.enrolment import station_identity
from kiosk.store.migrate import current_revision, head_revision
from kiosk.store.station import ensure_station
from kiosk.sync.client import IntakeClient
from kiosk.sync.enrol import default_station_name, enrol_station
from kiosk.sync.errors import NotEnrolled, Refused, SyncError
from kiosk.sync.offline import QUEUE_SUFFIX, export_queue

__all__ = ["backup_queue", "run_command"]


def _now() -> datetime:
    return datetime.now().astimezone()


@contextlib.contextmanager
def _store(config: Config, *, migrate: bool) -> Iterator[Store]:
    """The database, without the open marker; migrated first only when asked."""
    if not config.db_path.exists():
        raise StoreError(f"there is no database at {config.db_path}; start the kiosk once first")
    store = store_for(config, existing_key(config), now=_now)
    try:
        if migrate:
            store.migrate()
            with store.write() as session:
                ensure_station(session, at=_now())
        elif current_revision(store.engine) != head_revision():
            raise StoreError("the database schema is not current; start the kiosk once first")
        yield store
    finally:
        store.close()


def _enrol(config: Config, args: argparse.Namespace) -> int:
    with _store(config, migrate=True) as store:
        with store.read() as session:
            station = station_identity(session)
        if station.enrolled and not args.force:
            raise StoreError(
                f"this kiosk is already enrolled as {station.id}; use --force to enrol again "
                "(export the unsent queue first: it carries the old station id)"
            )
        ca_bundle = args.ca_bundle or config.ca_bundle
        name = args.name or default_station_name()
        try:
            client = IntakeClient(
                args.server, ca_bundle=ca_bundle, allow_insecure_http=config.allow_insecure_http
            )
        except ValueError as exc:
            raise SyncError(str(exc)) from None
        with client:
            try:
                enrolled = enrol_station(store, client, code=args.code, name=name, now=_now)
            except Refused as exc:
                raise SyncError(f"the server refused the enrolment: {exc.detail}") from None
    print(f"enrolled as {enrolled.station_id} ({enrolled.ward}, {enrolled.group})")
    return 0


def _export(config: Config, file: Path) -> int:
    with _store(config, migrate=False) as store:
        written = export_queue(store, file, now=_now)
    print(f"{written.count} unsent submission(s) written to {written.path}")
    return 0


def run_command(config: Config, args: argparse.Namespace) -> int:
    """Run ``enrol`` or ``export-queue``."""
    if args.command == "enrol":
        return _enrol(config, args)
    if args.command == "export-queue":
        return _export(config, args.file)
    raise ValueError(f"not a sync command: {args.command}")


def backup_queue(config: Config, backup: Path) -> int:
    """Beside a backup file, the export of the unsent queue (a dead kiosk's queue still travels)."""
    target = backup.with_suffix(QUEUE_SUFFIX)
    try:
        with _store(config, migrate=False) as store:
            written = export_queue(store, target, now=_now)
    except NotEnrolled:
        print("not enrolled: no queue export written")
        return 0
    except (StoreError, OSError) as exc:
        print(f"the backup is written, but the queue export failed: {exc}")
        return 1
    print(f"queue export written: {written.path} ({written.count} unsent submission(s))")
    kept = {p.stem for p in backup.parent.glob(BACKUP_GLOB)}
    for old in backup.parent.glob(BACKUP_GLOB.replace(".db", QUEUE_SUFFIX)):
        if old.stem not in kept:  # its backup was pruned: the export goes with it
            old.unlink(missing_ok=True)
    return 0
