"""Alembic run from code: no alembic.ini, the script location inside the package.

A path next to this module (not a ``package:resource`` spec) keeps working from an installed
package and from a PyInstaller bundle, as long as ``kiosk/store/migrations`` ships as data.
Foreign keys are switched off while a migration runs (batch mode copies tables, which SQLite
cannot do with them on) and ``PRAGMA foreign_key_check`` must come back empty before they return.

Alembic costs a quarter of a second to import, and most starts have nothing to migrate: the
"anything to do?" question is answered without it (:func:`pending`: :func:`script_head` reads the
``revision`` lines of the migration files, :func:`current_revision` is one plain ``SELECT``).
Alembic is imported only to migrate, and answers everything else as before.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

__all__ = [
    "MIGRATIONS_DIR",
    "alembic_config",
    "current_revision",
    "downgrade",
    "head_revision",
    "known_revision",
    "new_revision",
    "pending",
    "script_head",
    "stored_revisions",
    "upgrade",
]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
FILE_TEMPLATE = "%%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s"

_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


@cache
def script_head() -> str | None:
    """The head revision, read from the migration files' ``revision``/``down_revision`` lines.

    None when the files do not say it plainly (a line that is not a literal, a merge, several
    heads): then only Alembic can answer, and :func:`pending` asks it.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict(_REVISION_LINE.findall(path.read_text("utf-8")))
        if not found:
            continue  # __init__.py and the like
        try:
            revision = ast.literal_eval(found["revision"])
            down = ast.literal_eval(found.get("down_revision", "None"))
        except (KeyError, ValueError, SyntaxError):
            return None
        if not isinstance(revision, str) or not (down is None or isinstance(down, str)):
            return None
        revisions.add(revision)
        if down is not None:
            parents.add(down)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else None


def stored_revisions(conn: Any) -> tuple[str, ...]:
    """The rows of ``alembic_version``, with one plain query on a DB-API connection.

    Empty for a new database; more than one only on a branched history, which Alembic reads.
    """
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except Exception as exc:  # the driver's own error type; no such table: a new database
        if "no such table" in str(exc):
            return ()
        raise
    return tuple(str(row[0]) for row in rows)


def pending(engine: Engine) -> tuple[str | None, str] | None:
    """``(current, head)`` when a migration is pending, None when the database is at head.

    The common answer, "at head", costs one query and no Alembic import.
    """
    current = current_revision(engine)
    if current is not None and current == script_head():
        return None
    head = head_revision()
    return None if current == head else (current, head)


def alembic_config() -> Config:
    """An in-memory Alembic config pointing at the package's migrations."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("file_template", FILE_TEMPLATE)
    cfg.set_main_option("path_separator", "os")
    return cfg


def head_revision() -> str:
    """The newest revision this code knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships its migrations
        raise RuntimeError("no migrations found")
    return head


def known_revision(revision: str | None) -> bool:
    """Tell whether this code can migrate from ``revision`` (None = empty database)."""
    if revision is None:
        return True
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return any(rev.revision == revision for rev in script.walk_revisions())


def current_revision(engine: Engine) -> str | None:
    """The database's revision, or None for an empty one (plain SQL; Alembic for a branch)."""
    raw = engine.raw_connection()
    try:
        found = stored_revisions(raw.driver_connection)
    finally:
        raw.close()
    if len(found) <= 1:
        return found[0] if found else None
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:  # it explains what is wrong with several heads
        return MigrationContext.configure(conn).get_current_revision()


def _run(engine: Engine, action: str, revision: str) -> None:
    """Run an Alembic command on one connection with foreign keys off, then check them.

    The pragmas go straight to the driver: inside a transaction ``foreign_keys`` is a no-op.
    """
    from alembic import command

    cfg = alembic_config()
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            cfg.attributes["connection"] = conn.execution_options(kiosk_write=True)
            getattr(command, action)(cfg, revision)
            broken = raw.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration left {len(broken)} broken foreign key(s)")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to ``revision``."""
    _run(engine, "upgrade", revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to ``revision`` (``"base"`` drops everything)."""
    _run(engine, "downgrade", revision)


def new_revision(message: str, rev_id: str, *, autogenerate_from: Engine | None = None) -> None:
    """Write a new migration file ``YYYY_MM_DD_<rev_id>_<slug>.py`` (developer helper)."""
    from alembic import command

    cfg = alembic_config()
    if autogenerate_from is None:
        command.revision(cfg, message=message, rev_id=rev_id)
        return
    with autogenerate_from.connect() as conn:
        cfg.attributes["connection"] = conn
        command.revision(cfg, message=message, rev_id=rev_id, autogenerate=True)
