"""The ``kiosk`` command: with no command it starts the kiosk (``--kiosk``: fullscreen); ``backup``,
``restore``, ``check``, ``enrol`` and ``export-queue`` are the officer's and technician's tools
(``backup`` also exports the unsent queue beside the copy).

Errors an officer can act on (wrong key, damaged file, missing database) print one clear line
and exit 1; usage errors exit 2.  Nothing here prints personal data.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk import cli_sync
from kiosk.config import Config, ConfigError, load_config
from kiosk.store import Store, StoreError, verify_audit_chain
from kiosk.store.backup import backup_database, check_backup, prune_backups, restore_database
from kiosk.store.keys import KeyMissingError, load_or_create_key
from kiosk.store.migrate import known_revision
from kiosk.sync.errors import SyncError

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Community-house kiosk. Without a command it starts the kiosk.",
    )
    parser.add_argument(
        "--kiosk", action="store_true", help="fullscreen kiosk mode; leaving needs an officer PIN"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    backup = commands.add_parser("backup", help="write a checked, encrypted copy of the database")
    backup.add_argument(
        "dir", nargs="?", type=Path, help="where to write it (default: backups dir)"
    )
    restore = commands.add_parser("restore", help="replace the database with a backup")
    restore.add_argument("file", type=Path, help="the backup file")
    restore.add_argument(
        "--force", action="store_true", help="restore although the kiosk did not close cleanly"
    )
    commands.add_parser("check", help="integrity check of the database and the audit chain")
    cli_sync.add_commands(commands)
    return parser


def _key(config: Config) -> bytes | None:
    """The database key of an existing database (never a new one here)."""
    if not config.encrypt:
        return None
    return load_or_create_key(config.config_dir, store=config.key_store, create=False)


def _backup(config: Config, dest: Path | None) -> int:
    if not config.db_path.exists():
        raise StoreError(f"there is no database at {config.db_path} to back up")
    target = dest or config.backups_dir
    path = backup_database(config.db_path, _key(config), target, label="manual")
    if dest is None:
        prune_backups(target, config.backups_keep)
    print(f"backup written and checked: {path}")
    return cli_sync.backup_queue(config, path)


def _restore(config: Config, file: Path, force: bool) -> int:
    marker = config.db_path.with_name(config.db_path.name + ".open")
    if marker.exists() and not force:
        raise StoreError(
            "the kiosk is running or did not close cleanly; close it first "
            "(or use --force after a crash)"
        )
    key = _key(config)  # restoring onto a new machine needs the old key in place: never a new one
    revision = check_backup(file, key)
    if not known_revision(revision):
        raise StoreError(f"{file} comes from a newer kiosk version (schema {revision})")
    if config.db_path.exists():
        try:
            saved = backup_database(config.db_path, key, config.backups_dir, label="pre-restore")
            print(f"the current database was saved first: {saved}")
        except StoreError as exc:
            print(f"the current database could not be saved ({exc}); it is moved aside")
    restore_database(file, config.db_path, key)
    marker.unlink(missing_ok=True)
    print(f"restored {file} into {config.db_path}")
    return 0


def _check(config: Config) -> int:
    if not config.db_path.exists():
        raise StoreError(f"there is no database at {config.db_path}")
    # Not Store.open(): a check must not touch the running kiosk's open marker or migrate.
    with Store(config.db_path, _key(config), busy_timeout_ms=config.busy_timeout_ms) as store:
        store.quick_check()
        with store.read() as session:
            report = verify_audit_chain(session)
    print(f"database: ok; audit chain: {report.rows} rows, {'ok' if report.ok else 'BROKEN'}")
    for problem in report.problems:
        print(f"  audit row {problem.seq}: {problem.kind}: {problem.message}")
    return 0 if report.ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kiosk`` script."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        # Imported here so that backup, restore and check never load Qt.
        from kiosk.app import run

        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        return run(kiosk_mode=args.kiosk)
    try:
        config = load_config()
        if args.command == "backup":
            return _backup(config, args.dir)
        if args.command == "restore":
            return _restore(config, args.file, args.force)
        done = cli_sync.run_command(config, args)
        return _check(config) if done is None else done
    except (StoreError, KeyMissingError, ConfigError, SyncError) as exc:
        print(f"kiosk: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
