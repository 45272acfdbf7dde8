"""The store commands of ``kiosk``: ``backup`` (with the queue export beside it), ``restore``, ``check``.

Imported by :mod:`kiosk.cli` only when one of them runs: they load SQLAlchemy, which the kiosk's
own start (no command) must not wait for.
"""

from __future__ import annotations

from pathlib import Path

from kiosk import cli_sync
from kiosk.config import Config
from kiosk.exchange.signing import signing_time
from kiosk.store import Store, StoreError, verify_audit_chain
from kiosk.store.anchor import AnchorCheck, check_anchor
from kiosk.store.backup import backup_database, check_backup, prune_backups, restore_database
from kiosk.store.database import existing_key
from kiosk.store.first_look import open_marker
from kiosk.store.migrate import known_revision

__all__ = ["backup", "check", "restore"]


def backup(config: Config, dest: Path | None) -> int:
    if not config.db_path.exists():
        raise StoreError(f"there is no database at {config.db_path} to back up")
    target = dest or config.backups_dir
    path = backup_database(config.db_path, existing_key(config), target, label="manual")
    if dest is None:
        prune_backups(target, config.backups_keep)
    print(f"backup written and checked: {path}")
    return cli_sync.backup_queue(config, path)


def restore(config: Config, file: Path, force: bool) -> int:
    marker = open_marker(config.db_path)
    if marker.exists() and not force:
        raise StoreError(
            "the kiosk is running or did not close cleanly; close it first "
            "(or use --force after a crash)"
        )
    key = existing_key(
        config
    )  # restoring onto a new machine needs the old key in place: never a new one
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


def check(config: Config) -> int:
    if not config.db_path.exists():
        raise StoreError(f"there is no database at {config.db_path}")
    # Not Store.open(): a check must not touch the running kiosk's open marker or migrate.
    with Store(
        config.db_path, existing_key(config), busy_timeout_ms=config.busy_timeout_ms
    ) as store:
        store.quick_check()
        with store.read() as session:
            report = verify_audit_chain(session)
            anchor = check_anchor(session)
    print(f"database: ok; audit chain: {report.rows} rows, {'ok' if report.ok else 'BROKEN'}")
    for problem in report.problems:
        print(f"  audit row {problem.seq}: {problem.kind}: {problem.message}")
    print(_anchor_line(anchor))
    return 0 if report.ok and anchor.state in ("none", "holds") else 1


def _anchor_line(anchor: AnchorCheck) -> str:
    """The audit chain against the last head the intake server signed (DESIGN.md §6)."""
    signed = "" if anchor.signed_at is None else signing_time(anchor.signed_at)
    if anchor.state == "none":
        return "audit chain: no head signed by the server yet (it is signed at each sync)"
    if anchor.state == "holds":
        return f"audit chain: anchored at row {anchor.seq}, signed {signed}"
    if anchor.state == "rewritten":
        return (
            f"audit chain: REWRITTEN after the head the server signed at {signed} "
            f"(row {anchor.seq})"
        )
    return (
        f"audit chain: the head signed at {signed} (row {anchor.seq}) does NOT verify with the "
        "server's pinned key"
    )
