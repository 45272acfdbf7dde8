"""Alembic run from code: no alembic.ini, the script location inside the package.

A path next to this module (not a ``package:resource`` spec) keeps working from an installed
package and from a PyInstaller bundle, as long as ``kiosk/store/migrations`` ships as data.
Foreign keys are switched off while a migration runs (batch mode copies tables, which SQLite
cannot do with them on) and ``PRAGMA foreign_key_check`` must come back empty before they return.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

__all__ = [
    "MIGRATIONS_DIR",
    "alembic_config",
    "current_revision",
    "downgrade",
    "head_revision",
    "known_revision",
    "new_revision",
    "upgrade",
]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
FILE_TEMPLATE = "%%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s"


def alembic_config() -> Config:
    """An in-memory Alembic config pointing at the package's migrations."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("file_template", FILE_TEMPLATE)
    cfg.set_main_option("path_separator", "os")
    return cfg


def head_revision() -> str:
    """The newest revision this code knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships its migrations
        raise RuntimeError("no migrations found")
    return head


def known_revision(revision: str | None) -> bool:
    """Tell whether this code can migrate from ``revision`` (None = empty database)."""
    if revision is None:
        return True
    script = ScriptDirectory.from_config(alembic_config())
    return any(rev.revision == revision for rev in script.walk_revisions())


def current_revision(engine: Engine) -> str | None:
    """The database's revision, or None for an empty one."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _run(engine: Engine, action: str, revision: str) -> None:
    """Run an Alembic command on one connection with foreign keys off, then check them.

    The pragmas go straight to the driver: inside a transaction ``foreign_keys`` is a no-op.
    """
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
    cfg = alembic_config()
    if autogenerate_from is None:
        command.revision(cfg, message=message, rev_id=rev_id)
        return
    with autogenerate_from.connect() as conn:
        cfg.attributes["connection"] = conn
        command.revision(cfg, message=message, rev_id=rev_id, autogenerate=True)
