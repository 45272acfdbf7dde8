"""Store benchmark: lookups on a 1,000,000-resident encrypted database, and a durable save.

Run from the repository root: ``.venv/bin/python bench/bench_store.py`` (``make bench``).
``BENCH_RESIDENTS`` lowers the size for a quick run.  The database is built once through the raw
DB-API in one transaction and cached under ``.bench-cache/`` (keyed by size and the migration files).

Each figure is compared with a bare DB-API baseline doing the same SQL work on the same file,
key, pragmas and indexes through the same ``sqlcipher3`` module:
- lookup_by_id: resident by ID number with its vehicles and licences (three queries), through
  ``LookupService.cached_resident`` (what ``resident_by_id`` runs against the cache);
- lookup_by_name: first 20 residents by folded-name prefix, through ``kiosk.store.lookups``;
- save_captured: ``CaptureService.capture`` (Save) of a reviewed submission (``review`` ran the
  payload rules first, as the review screen does; its cost is printed as ``capture_review``):
  row, items and audit event written and committed with ``synchronous=FULL``, against the driver
  writing the same rows (submission, four items, audit row and head) in one transaction; the
  ``vs_one_insert`` line compares it with a single-row INSERT + COMMIT of the payload text, the
  cost of the whole design.  The WAL is checkpointed (untimed) before every 50 saves of either
  path, as the kiosk does when idle (``Store.checkpoint``), so neither pays an inline checkpoint.
The audited service lookup (``resident_by_id``, which adds a durable audit event) is printed for
information, against the same query + the same audit rows written by hand + COMMIT.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import interleaved, percentiles, read_through, report  # noqa: E402
from kiosk.config import Config, load_config  # noqa: E402
from kiosk.domain.identity import PROVINCES  # noqa: E402
from kiosk.domain.text import normalize, search_key  # noqa: E402
from kiosk.services import Actor  # noqa: E402
from kiosk.services.capture import CaptureService  # noqa: E402
from kiosk.services.lookup import LookupService  # noqa: E402
from kiosk.store import Store, lookups, open_store  # noqa: E402
from kiosk.store.engine import connect_raw  # noqa: E402
from kiosk.store.keys import load_or_create_key  # noqa: E402
from kiosk.store.migrate import MIGRATIONS_DIR, head_revision  # noqa: E402
from kiosk.store.models import Operator  # noqa: E402

RESIDENTS = int(os.environ.get("BENCH_RESIDENTS", "1000000"))
LOOKUPS = int(os.environ.get("BENCH_LOOKUPS", "5000"))
SAVES = int(os.environ.get("BENCH_SAVES", "1000"))
CACHE = ROOT / ".bench-cache"
ICT = timezone(timedelta(hours=7))

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Mai")  # fmt: skip
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thu", "Quốc", "Xuân", "Thanh", "Kim")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Đạt", "Hoà", "Thủy", "Hương", "Lan", "Nga", "Tuấn",
         "Hùng", "Khoa", "Phương", "Yến", "Ánh", "Quỳnh", "Nguyệt", "Trường", "Hiếu")  # fmt: skip
PROVINCE_CODES = sorted(PROVINCES)


# --- building the database ----------------------------------------------------------------------


def _config(name: str) -> Config:
    root = CACHE / name
    return load_config(
        {
            "KIOSK_CONFIG_DIR": str(root / "config"),
            "KIOSK_DATA_DIR": str(root / "data"),
            "KIOSK_KEY_STORE": "file",
        }
    )


def _id_number(i: int) -> tuple[str, int, str]:
    """A structurally valid, unique ID number for resident ``i`` with its birth year and sex."""
    year = 1940 + i % 66
    sex = "female" if i % 2 else "male"
    digit = (2 if year >= 2000 else 0) + (1 if sex == "female" else 0)
    code = PROVINCE_CODES[i % len(PROVINCE_CODES)]
    return f"{code}{digit}{year % 100:02d}{i % 1_000_000:06d}", year, sex


def _rows(count: int) -> Iterator[tuple[Any, ...]]:
    rng = random.Random(2026)
    keys: dict[str, str] = {}
    stamp = datetime(2025, 11, 1, tzinfo=UTC).replace(tzinfo=None).isoformat(sep=" ")
    for i in range(count):
        id_number, year, sex = _id_number(i)
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        key = keys.get(name) or keys.setdefault(name, search_key(name))
        born = date(year, 1 + i % 12, 1 + i % 28).isoformat()
        yield (i + 1, id_number, None, normalize(name), key, born, year, sex, None, stamp)


def build(config: Config, count: int) -> None:
    """Create the schema with the migrations, then bulk-load through the DB-API in one transaction.

    Indexes are dropped for the load and re-created from their own SQL afterwards: the same
    indexes the kiosk has, built in one pass instead of a million random inserts.
    """
    if config.data_dir.exists():
        shutil.rmtree(config.data_dir.parent)
    with open_store(config):
        pass
    key = load_or_create_key(config.config_dir, store="file", create=False)
    conn = connect_raw(config.db_path, key)
    try:
        conn.execute("PRAGMA cache_size = -400000")
        tables = ("resident", "registry_vehicle", "registry_licence")
        marks = ",".join("?" * len(tables))
        indexes = conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({marks})",
            tables,
        ).fetchall()
        conn.execute("BEGIN")
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {name}")
        conn.executemany(
            "INSERT INTO resident (id, id_number, household_id, full_name, search_key, birth_date,"
            " birth_year, sex, phone, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            _rows(count),
        )
        conn.executemany(
            "INSERT INTO registry_vehicle (id, resident_id, plate, plate_key, kind, brand, model)"
            " VALUES (?, ?, ?, ?, 'motorbike', 'Honda', 'Wave')",
            (
                (f"v-{i}", i, f"29-B{i % 9 + 1} {i % 1000:03d}.{i % 97:02d}",
                 f"29B{i % 9 + 1}{i % 1000:03d}{i % 97:02d}")
                for i in range(1, count + 1, 2)
            ),
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO registry_licence (id, resident_id, number, licence_class, scheme,"
            " issue_date, expiry_date) VALUES (?, ?, ?, 'A', '2024', '2025-03-01', NULL)",
            ((f"l-{i}", i, f"01{i:010d}") for i in range(1, count + 1, 2)),
        )
        for _, sql in indexes:
            conn.execute(sql)
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _schema_digest() -> str:
    """Changes whenever a migration file changes, so an edited schema rebuilds the cache."""
    digest = hashlib.sha256()
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def prepared(count: int) -> Config:
    """The cached database for ``count`` residents, built when missing or stale."""
    config = _config(f"store-{count}")
    stamp = config.data_dir.parent / "built"
    wanted = f"{count} {head_revision()} {_schema_digest()}"
    if not (stamp.exists() and stamp.read_text() == wanted and config.db_path.exists()):
        started = time.perf_counter()
        build(config, count)
        stamp.write_text(wanted)
        print(f"built {count:,} residents in {time.perf_counter() - started:.1f}s")
    return config


# --- measuring ------------------------------------------------------------------------------------


@contextmanager
def bare_connection(config: Config) -> Iterator[Any]:
    key = load_or_create_key(config.config_dir, store="file", create=False)
    conn = connect_raw(config.db_path, key)
    try:
        yield conn
    finally:
        conn.close()


def _operator(store: Store, role: str) -> Actor:
    with store.write() as session:
        op = session.get(Operator, f"bench-{role}")
        if op is None:
            session.add(
                Operator(
                    id=f"bench-{role}", name=f"Bench {role}", role=role, pin_hash=b"-",
                    pin_salt=b"-" * 16, pin_params="scrypt$2$1$1$32",
                    created_at=datetime.now(UTC),
                )
            )  # fmt: skip
    return Actor(f"bench-{role}", f"Bench {role}", "officer" if role == "officer" else "volunteer")


def bench_lookups(config: Config, count: int) -> bool:
    rng = random.Random(7)
    ids = [_id_number(rng.randrange(count))[0] for _ in range(LOOKUPS)]
    names = [
        search_key(f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)[:2]}")
        for _ in range(LOOKUPS)
    ]
    clock = lambda: datetime.now(ICT)  # noqa: E731
    read_through(config.db_path)
    with open_store(config, now=clock) as store, bare_connection(config) as raw:
        actor = _operator(store, "volunteer")
        lookup = LookupService(store, clock)
        # The bare baseline runs the very same SQL text (compiled once from the Core statements).
        resident_sql = lookups.BY_ID_NUMBER.text
        vehicles_sql = lookups.VEHICLES_OF.text
        licences_sql = lookups.LICENCES_OF.text
        name_sql = lookups.BY_NAME.text

        def bare_by_id(id_number: str) -> object:
            row = raw.execute(resident_sql, (id_number,)).fetchone()
            return (row, raw.execute(vehicles_sql, (row[0],)).fetchall(),
                    raw.execute(licences_sql, (row[0],)).fetchall())  # fmt: skip

        def bare_by_name(key: str) -> object:
            high = key[:-1] + chr(ord(key[-1]) + 1)
            return raw.execute(name_sql, lookups.BY_NAME.args(low=key, high=high, n=20)).fetchall()

        ours, bare = interleaved(
            [lambda i=i: lookup.cached_resident(i) for i in ids],
            [lambda i=i: bare_by_id(i) for i in ids],
        )
        met = report(
            "lookup_by_id", ours, bare, 5, 1.5, baseline="the same three queries, bare DB-API"
        )

        def ours_by_name(key: str) -> object:
            with store.lookup_connection() as conn:
                return lookups.residents_by_name(conn, key, None, 20)

        ours, bare = interleaved(
            [lambda k=k: ours_by_name(k) for k in names],
            [lambda k=k: bare_by_name(k) for k in names],
        )
        met &= report("lookup_by_name", ours, bare, 5, 1.5, baseline="the same query, bare DB-API")

        audited = ids[: max(200, LOOKUPS // 10)]

        def bare_audited(id_number: str) -> object:
            """The same query and the same audit rows (event and head), by hand."""
            found = bare_by_id(id_number)
            now = datetime.now(UTC).isoformat()
            raw.execute("BEGIN IMMEDIATE")
            count, prev = raw.execute("SELECT count, head_hash FROM audit_head").fetchone()
            digest = f"{count + 1:064x}"
            raw.execute(
                "INSERT INTO audit_event (seq, at, actor, action, subject, details, prev_hash, hash)"
                " VALUES (?, ?, ?, 'lookup.resident_by_id', NULL, ?, ?, ?)",
                (
                    count + 1,
                    now,
                    actor.operator_id,
                    json.dumps({"id": id_number[:3]}),
                    prev,
                    digest,
                ),
            )
            raw.execute("UPDATE audit_head SET count = ?, head_hash = ?", (count + 1, digest))
            raw.execute("COMMIT")
            return found

        ours, bare = interleaved(
            [lambda i=i: lookup.resident_by_id(actor, i) for i in audited],
            [lambda i=i: bare_audited(i) for i in audited],
            warm=20,
        )
        report(
            "lookup_by_id_audited",
            ours,
            bare,
            None,
            0,
            baseline="the same query and audit rows by hand",
        )
    return met


_BARE_CAPTURE = (
    "UPDATE submission SET status = 'captured', status_at = ?, payload = ?, resident_id_number = ?,"
    " vehicle_count = 3, licence_count = 1, captured_at = ?, captured_by = ?, return_reason = NULL"
    " WHERE id = ? AND status = 'draft'"
)
_BARE_ITEM = (
    "INSERT INTO submission_item (submission_id, kind, position, answer, registry_ref, label)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
_BARE_EVENT = (
    "INSERT INTO audit_event (seq, at, actor, action, subject, details, prev_hash, hash)"
    " VALUES (?, ?, ?, 'submission.captured', ?, '{}', ?, ?)"
)


def bench_save() -> bool:
    """A captured submission saved through the service vs the same rows written by the driver."""
    from tests.strategies.payloads import make_payload

    config = _config("save")
    if config.data_dir.parent.exists():
        shutil.rmtree(config.data_dir.parent)
    clock = lambda: datetime.now(ICT)  # noqa: E731
    payload = make_payload()
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    items = [("vehicle", 0, "confirmed", "v-0001", "30A-123.45"),
             ("vehicle", 1, "sold", "v-0002", "29-B1 123.45"),
             ("vehicle", 2, "added", None, "29-AA 123.45"),
             ("licence", 0, "confirmed", "l-0001", "010123456789")]  # fmt: skip
    with open_store(config, now=clock) as store, bare_connection(config) as raw:
        volunteer = _operator(store, "volunteer")
        capture = CaptureService(store, clock)
        raw.execute("CREATE TABLE bench_one (id TEXT PRIMARY KEY, payload TEXT)")

        def bare_same_rows(sub_id: str) -> None:
            """The rows a capture writes, by hand: submission, items, audit row and head."""
            now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
            raw.execute("BEGIN IMMEDIATE")
            raw.execute(
                _BARE_CAPTURE, (now, text, "001090012345", now, volunteer.operator_id, sub_id)
            )
            raw.execute("DELETE FROM submission_item WHERE submission_id = ?", (sub_id,))
            raw.executemany(_BARE_ITEM, [(sub_id, *item) for item in items])
            count, prev = raw.execute("SELECT count, head_hash FROM audit_head").fetchone()
            digest = f"{count + 1:064x}"
            raw.execute(_BARE_EVENT, (count + 1, now, volunteer.operator_id, sub_id, prev, digest))
            raw.execute("UPDATE audit_head SET count = ?, head_hash = ?", (count + 1, digest))
            raw.execute("COMMIT")

        def bare_one_row(key: str) -> None:
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO bench_one VALUES (?, ?)", (key, text))
            raw.execute("COMMIT")

        baselines: list[tuple[str, Callable[[int, str], object], float | None, str]] = [
            ("save_captured", lambda i, draft: bare_same_rows(draft), 2,
             "the same rows in one transaction, bare DB-API"),
            ("save_captured_vs_one_insert", lambda i, draft: bare_one_row(f"k-{i}"), None,
             "one INSERT of the payload text + COMMIT"),
        ]  # fmt: skip
        met = True
        for name, bare_call, goal, baseline in baselines:
            ours_drafts = [capture.new_draft(volunteer).id for _ in range(SAVES)]
            bare_drafts = [capture.new_draft(volunteer).id for _ in range(SAVES)]
            reviews: list[float] = []
            prepared = {}
            for d in ours_drafts:  # the review screen, before Save: rules, no write
                start = time.perf_counter()
                prepared[d] = capture.review(volunteer, d, payload)
                reviews.append(time.perf_counter() - start)
            ours, bare = interleaved(
                [lambda d=d, r=prepared[d]: capture.capture(volunteer, d, r) for d in ours_drafts],
                [lambda i=i, d=d, f=bare_call: f(i, d) for i, d in enumerate(bare_drafts)],
                warm=20,
                chunk=50,
                between=store.checkpoint,
            )
            met &= report(name, ours, bare, None, goal or 0, baseline=baseline)
        p50, p99 = percentiles(reviews)
        print(f"capture_review: p50={p50:.2f}ms p99={p99:.2f}ms (the payload rules, run on the "
              "review screen before Save; no database write)")  # fmt: skip
    return met


def main() -> int:
    print(f"store bench: {RESIDENTS:,} residents, {LOOKUPS} lookups, {SAVES} saves")
    config = prepared(RESIDENTS)
    met = bench_lookups(config, RESIDENTS)
    met &= bench_save()
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
