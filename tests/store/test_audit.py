"""The hash-chained audit log: intact chains pass; any one row tampered with through SQL shows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from kiosk.cli import main
from kiosk.domain.masking import mask_id_number
from kiosk.store import Store, verify_audit_chain
from kiosk.store.audit import AuditReport, append_event, event_hash, sanitize_details
from kiosk.store.engine import connect_raw
from kiosk.store.keys import load_or_create_key
from kiosk.store.models import AuditEvent
from tests.store.fixtures import START, FakeClock

ROWS = 8


@pytest.fixture
def chain(store: Store, clock: FakeClock) -> Store:
    """A store whose audit log has exactly ``ROWS`` events (the template's station event first)."""
    with store.read() as session:
        existing = session.query(AuditEvent).count()
    for i in range(ROWS - existing):
        with store.write() as session:
            append_event(
                session,
                at=clock.advance(seconds=1),
                actor="op-x",
                action="test.event",
                subject=f"s-{i}",
                details={"i": i, "name": "Trần Thị Bình"},
            )
    return store


@pytest.fixture
def raw(chain: Store) -> Iterator[Any]:
    """A raw DB-API connection with the append-only triggers dropped, as an attacker would."""
    key = load_or_create_key(chain.path.parent.parent / "config", store="file", create=False)
    conn = connect_raw(chain.path, key)
    for name in ("audit_event_no_update", "audit_event_no_delete", "audit_head_no_delete",
                 "audit_head_one_step"):  # fmt: skip
        conn.execute(f"DROP TRIGGER {name}")
    yield conn
    conn.close()


def _report(store: Store) -> AuditReport:
    with store.read() as session:
        return verify_audit_chain(session)


def _row(conn: Any, seq: int) -> tuple[Any, ...]:
    return tuple(
        conn.execute(
            "SELECT seq, at, actor, action, subject, details, prev_hash, hash "
            "FROM audit_event WHERE seq = ?",
            (seq,),
        ).fetchone()
    )


def test_an_intact_chain_passes(chain: Store) -> None:
    report = _report(chain)
    assert report.ok
    assert report.rows == ROWS


def test_triggers_refuse_update_and_delete(chain: Store) -> None:
    for sql in ("UPDATE audit_event SET actor = 'x' WHERE seq = 2", "DELETE FROM audit_event"):
        with pytest.raises(IntegrityError, match="append-only"), chain.write() as session:
            session.execute(text(sql))
    assert _report(chain).ok


def test_edited_details_are_found(chain: Store, raw: Any) -> None:
    raw.execute("UPDATE audit_event SET details = '{\"i\":99}' WHERE seq = 4")
    report = _report(chain)
    assert [(p.seq, p.kind) for p in report.problems] == [(4, "edited")]


def test_an_edit_with_a_recomputed_hash_is_found(chain: Store, raw: Any) -> None:
    seq, at, _actor, action, subject, _details, prev, _ = _row(raw, 5)
    forged = event_hash(prev, seq, at, "op-evil", action, subject, "{}")
    raw.execute(
        "UPDATE audit_event SET actor = 'op-evil', details = '{}', hash = ? WHERE seq = 5",
        (forged,),
    )
    report = _report(chain)
    assert [(p.seq, p.kind) for p in report.problems] == [(5, "edited")]


def test_an_edit_of_the_last_row_with_a_recomputed_hash_is_found(chain: Store, raw: Any) -> None:
    seq, at, actor, _action, subject, _details, prev, _ = _row(raw, ROWS)
    forged = event_hash(prev, seq, at, actor, "test.other", subject, "{}")
    raw.execute(
        "UPDATE audit_event SET action = 'test.other', details = '{}', hash = ? WHERE seq = ?",
        (forged, ROWS),
    )
    assert [(p.seq, p.kind) for p in _report(chain).problems] == [(ROWS, "edited")]


def test_a_deleted_middle_row_is_found(chain: Store, raw: Any) -> None:
    raw.execute("DELETE FROM audit_event WHERE seq = 3")
    assert [(p.seq, p.kind) for p in _report(chain).problems] == [(3, "deleted")]


def test_a_deleted_last_row_is_found(chain: Store, raw: Any) -> None:
    raw.execute("DELETE FROM audit_event WHERE seq = ?", (ROWS,))
    assert [(p.seq, p.kind) for p in _report(chain).problems] == [(ROWS, "deleted")]


def test_an_inserted_row_is_found_even_when_it_links_correctly(chain: Store, raw: Any) -> None:
    last = _row(raw, ROWS)
    seq, at = ROWS + 1, last[1]
    digest = event_hash(last[7], seq, at, "op-evil", "auth.sign_in", None, "{}")
    raw.execute(
        "INSERT INTO audit_event VALUES (?, ?, 'op-evil', 'auth.sign_in', NULL, '{}', ?, ?)",
        (seq, at, last[7], digest),
    )
    assert [(p.seq, p.kind) for p in _report(chain).problems] == [(ROWS + 1, "inserted")]


def test_a_row_inserted_by_renumbering_is_found(chain: Store, raw: Any) -> None:
    raw.execute("UPDATE audit_event SET seq = seq + 100 WHERE seq >= 4")
    raw.execute("UPDATE audit_event SET seq = seq - 99 WHERE seq >= 104")
    fake = _row(raw, 3)
    raw.execute(
        "INSERT INTO audit_event VALUES (4, ?, 'op-evil', 'x', NULL, '{}', ?, ?)",
        (fake[1], fake[7], "f" * 64),
    )
    report = _report(chain)
    assert not report.ok
    assert {"edited", "inserted"} <= report.kinds()


def test_details_never_hold_a_full_id_number(chain: Store, clock: FakeClock) -> None:
    with chain.write() as session:
        event = append_event(
            session, at=clock(), actor="op-x", action="lookup", details={"id": "001090012345"}
        )
        details = event.details
    assert "001090012345" not in details
    assert mask_id_number("001090012345") in details
    masked_phone = "phone " + mask_id_number("0912345678")
    assert sanitize_details({"a": ["phone 0912345678"]}) == {"a": [masked_phone]}


def test_naive_times_are_refused(chain: Store) -> None:
    with pytest.raises(ValueError, match="timezone"), chain.write() as session:
        append_event(session, at=START.replace(tzinfo=None), actor=None, action="x")


def test_kiosk_check_reports_a_broken_chain(
    chain: Store, raw: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    raw.execute("DELETE FROM audit_event WHERE seq = 2")
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "BROKEN" in out
    assert "audit row 2: deleted" in out


def test_masking_leaves_hashes_alone() -> None:
    digest = "1234567890abcdef" * 4
    assert sanitize_details({"sha256": digest, "note": "CCCD 001090012345."}) == {
        "sha256": digest,
        "note": "CCCD " + mask_id_number("001090012345") + ".",
    }
