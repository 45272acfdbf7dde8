"""Migrations: empty -> head, down to nothing and up again, models equal to migrations, backup first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import insert, inspect, text
from sqlalchemy.exc import IntegrityError

from kiosk.config import Config, load_config
from kiosk.exchange.protocol import SUBMISSION_ID_PATTERN
from kiosk.store import Store, StoreError, migrate, open_store, sessions, targets
from kiosk.store import submissions as subs
from kiosk.store.models import Base, DailyTarget, table_of
from tests.store.fixtures import FakeClock, add_operator, env_for

TABLES = {
    "station", "operator", "evening_session", "daily_target", "household", "resident",
    "registry_vehicle", "registry_licence", "submission", "submission_item", "audit_event",
    "audit_head", "audit_anchor", "daily_count", "visit_outcome",
}  # fmt: skip
TRIGGERS = {"audit_event_no_update", "audit_event_no_delete", "audit_head_no_delete"}


def _tables(store: Store) -> set[str]:
    return set(inspect(store.engine).get_table_names()) - {"alembic_version"}


def _triggers(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {row[0] for row in rows}


def _schema(store: Store) -> list[tuple[str, str]]:
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        )
        return [(row[0], row[1]) for row in rows]


def test_empty_file_is_migrated_to_head(tmp_path: Path) -> None:
    config = load_config(env_for(tmp_path))
    with open_store(config) as store:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        assert _tables(store) == TABLES
        assert _triggers(store) >= TRIGGERS


def test_downgrade_to_nothing_and_upgrade_again(store: Store) -> None:
    before = _schema(store)
    migrate.downgrade(store.engine, "base")
    assert _tables(store) == set()
    assert _triggers(store) == set()
    assert migrate.current_revision(store.engine) is None
    migrate.upgrade(store.engine)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    assert _schema(store) == before


def _columns(store: Store, table: str) -> list[str]:
    return [column["name"] for column in inspect(store.engine).get_columns(table)]


def test_the_discard_reason_migration_runs_down_and_up(store: Store, clock: FakeClock) -> None:
    before = _schema(store)
    volunteer = add_operator(store, "Vol", "volunteer")
    with store.write() as session:
        sub_id = subs.create_draft(session, at=clock(), actor=volunteer).id
        subs.discard(session, sub_id, at=clock(), actor=volunteer, reason="refused")
    assert "discard_reason" in _columns(store, "submission")
    migrate.downgrade(store.engine, "0002")
    assert migrate.current_revision(store.engine) == "0002"
    assert "discard_reason" not in _columns(store, "submission")
    migrate.upgrade(store.engine)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    assert _schema(store) == before
    with store.read() as session:
        record = subs.get(session, sub_id)
    assert (record.status, record.discard_reason) == ("discarded", None)  # it went with the column
    with pytest.raises(IntegrityError), store.write() as session:
        session.execute(text("UPDATE submission SET discard_reason = 'bored'"))
    with store.write() as session:
        session.execute(text("UPDATE submission SET discard_reason = 'expired'"))


def test_the_audit_anchor_migration_runs_down_and_up(store: Store) -> None:
    before = _schema(store)
    migrate.downgrade(store.engine, "0003")
    assert "audit_anchor" not in _tables(store)
    assert "server_signing_key" not in _columns(store, "station")
    migrate.upgrade(store.engine)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    assert _schema(store) == before


def test_the_evening_sessions_migration_runs_down_and_up(store: Store, clock: FakeClock) -> None:
    before = _schema(store)
    officer = add_operator(store, "Off", "officer")
    with store.transaction() as conn:
        opened = sessions.open_session(
            conn, at=clock(), actor=officer, groups=["Tổ dân phố 1"], on_duty=[officer]
        )
    migrate.downgrade(store.engine, "0004")
    assert "daily_count" not in _tables(store)
    assert "reconciled_at" not in _columns(store, "evening_session")
    migrate.upgrade(store.engine)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    assert _schema(store) == before
    with store.reader() as conn:  # an older session: its one group, no one on duty, by hand
        again = sessions.get_session(conn, opened.id)
    assert (again.groups, again.on_duty, again.automatic, again.state) == (
        ("Tổ dân phố 1",), (), False, "open",
    )  # fmt: skip


def test_the_visit_outcomes_migration_runs_down_and_up(store: Store) -> None:
    before = _schema(store)
    migrate.downgrade(store.engine, "0005")
    assert "visit_outcome" not in _tables(store)
    migrate.upgrade(store.engine)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    assert _schema(store) == before


def test_the_target_sync_migration_runs_down_and_up(store: Store, clock: FakeClock) -> None:
    before = _schema(store)
    officer = add_operator(store, "Off", "officer")
    with store.transaction() as conn:
        targets.set_target(
            conn, day=clock().date(), group="Tổ dân phố 2", target=40, actor=officer,
            station_id="st-1", at=clock(),
        )  # fmt: skip
        conn.execute(  # one set on the server: no officer here, it cannot go down
            insert(table_of(DailyTarget)).values(
                day=clock().date(), residential_group="Tổ dân phố 3", target=25, set_by=None,
                set_by_name="Cán bộ phường", set_at=clock(), sent_at=clock(), arrival=7,
            )
        )  # fmt: skip
    migrate.downgrade(store.engine, "0006")
    assert "change_id" not in _columns(store, "daily_target")
    with store.reader() as conn:
        rows = conn.execute(text("SELECT residential_group, target, set_by FROM daily_target"))
        assert [tuple(row) for row in rows] == [("Tổ dân phố 2", 40, officer)]
    migrate.upgrade(store.engine)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    assert _schema(store) == before
    with store.reader() as conn:  # the target kept is a change of this kiosk's, to send again
        (kept,) = targets.pending_targets(conn)
        assert kept.set_by_name == "Off"
        assert (kept.group, kept.target, kept.arrival) == ("Tổ dân phố 2", 40, None)
        assert re.fullmatch(SUBMISSION_ID_PATTERN, kept.change_id)


def test_models_and_migrations_agree(store: Store) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_migration_files_have_date_prefixes() -> None:
    names = [p.name for p in (migrate.MIGRATIONS_DIR / "versions").glob("[!_]*.py")]
    assert names
    assert all(name[:4].isdigit() and name[4] == "_" for name in names)


def test_the_quick_head_agrees_with_alembic() -> None:
    assert migrate.script_head() == migrate.head_revision()


def _versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *files: str) -> str | None:
    """script_head() over migration files with these revision lines (one string per file)."""
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "__init__.py").write_text("")
    for number, lines in enumerate(files):
        (versions / f"2026_01_0{number}_{number:04d}_step.py").write_text(
            f'"""A step."""\n\n{lines}\n\n\ndef upgrade() -> None:\n    pass\n'
        )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", tmp_path)
    migrate.script_head.cache_clear()
    try:
        return migrate.script_head()
    finally:
        migrate.script_head.cache_clear()


def test_the_quick_head_follows_a_plain_chain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = _versions(
        tmp_path,
        monkeypatch,
        'revision: str = "a1"\ndown_revision: str | None = None',
        "revision = 'b2'\ndown_revision = 'a1'",
    )
    assert head == "b2"


@pytest.mark.parametrize(
    "second",
    [
        'revision = "b2"\ndown_revision = ("a1", "c3")',  # a merge
        'revision = B2\ndown_revision = "a1"',  # a name, not a literal
        'revision = "b2" + ""\ndown_revision = "a1"',  # an expression
        'revision = None\ndown_revision = "a1"',
        'down_revision = "a1"',  # no revision line
        'revision = "b2"\ndown_revision = "zz"',  # a parent no file has
        'revision = "b2"\ndown_revision = None',  # two heads
    ],
)
def test_the_quick_head_leaves_anything_unusual_to_alembic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second: str
) -> None:
    assert _versions(tmp_path, monkeypatch, 'revision = "a1"\ndown_revision = None', second) is None


def test_a_pending_migration_is_preceded_by_a_backup(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[Path]] = []
    monkeypatch.setattr(migrate, "current_revision", lambda engine: "0000")
    monkeypatch.setattr(migrate, "known_revision", lambda revision: True)
    monkeypatch.setattr(
        migrate, "upgrade", lambda engine: seen.append(sorted(config.backups_dir.glob("*.db")))
    )
    with open_store(config) as store:
        assert store.path == config.db_path
    assert len(seen) == 1
    assert len(seen[0]) == 1
    assert "pre-migrate" in seen[0][0].name


def test_a_newer_database_is_refused(config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrate, "current_revision", lambda engine: "9999")
    with pytest.raises(StoreError, match="newer than this kiosk"):
        open_store(config)
