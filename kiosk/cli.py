"""The ``kiosk`` command: with no command it starts the kiosk (``--kiosk``: fullscreen); ``backup``,
``restore``, ``check``, ``enrol`` and ``export-queue`` are the officer's and technician's tools
(``backup`` also exports the unsent queue beside the copy).

Errors an officer can act on (wrong key, damaged file, missing database, a folder that cannot be
written) print one clear line and exit 1; usage errors exit 2.  Nothing here prints personal data.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk import __version__
from kiosk.config import ConfigError, load_config

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Community-house kiosk. Without a command it starts the kiosk.",
    )
    parser.add_argument(
        "--kiosk", action="store_true", help="fullscreen kiosk mode; leaving needs an officer PIN"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="self-test of an installed kiosk: the window offscreen on a temporary store; prints OK",
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
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
    enrol = commands.add_parser("enrol", help="enrol this kiosk with the ward's intake server")
    enrol.add_argument("--server", required=True, help="the intake server, https://…")
    enrol.add_argument("--code", required=True, help="the one-time code an officer issued")
    enrol.add_argument("--name", help="this kiosk's name as officers see it (default: host name)")
    enrol.add_argument("--ca-bundle", type=Path, help="CA bundle for the server's certificate")
    enrol.add_argument("--force", action="store_true", help="enrol again although already enrolled")
    export = commands.add_parser(
        "export-queue", help="write the unsent submissions to an encrypted, signed file"
    )
    export.add_argument("file", type=Path, help="the file to write (e.g. on a USB stick)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kiosk`` script."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.smoke:
        from kiosk.app import smoke

        return smoke()
    if args.command is None:
        # Imported here so that backup, restore and check never load Qt.
        from kiosk.app import run

        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        return run(kiosk_mode=args.kiosk)
    # The tools load SQLAlchemy and requests: imported only when one of them runs.
    from kiosk import cli_store, cli_sync
    from kiosk.store.errors import StoreError
    from kiosk.store.keys import KeyMissingError
    from kiosk.sync.errors import SyncError

    try:
        config = load_config()
        if args.command == "backup":
            return cli_store.backup(config, args.dir)
        if args.command == "restore":
            return cli_store.restore(config, args.file, args.force)
        if args.command == "check":
            return cli_store.check(config)
        return cli_sync.run_command(config, args)
    except (StoreError, KeyMissingError, ConfigError, SyncError, OSError) as exc:
        # OSError: a folder that cannot be written, e.g. a backup stick that is not plugged in
        print(f"kiosk: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
