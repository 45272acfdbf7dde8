"""Reconciliation at session close: what the server lacks goes again; nothing silently lost."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import delete, select, update

from intake.models import SessionClose
from intake.models import Submission as ServerSubmission
from kiosk.store import Store, sessions
from kiosk.store.models import AuditEvent, Submission
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import IntakeClient
from kiosk.sync.errors import Unreachable
from kiosk.sync.reconcile import reconcile, reconcile_due
from kiosk.sync.uploader import Uploader
from tests.support.intake import Server
from tests.support.queue import OFFICER, add_verified, open_session
from tests.sync.helpers import FakeTime, enrol, local_statuses, server_ids


def test_the_server_gets_again_what_it_lost(store: Store, server: Server) -> None:
    client = enrol(store, server)
    session_id = open_session(store)
    ids = add_verified(store, 12, session_id=session_id)
    others = add_verified(store, 5, start=100)  # no session: not in the manifest
    fake = FakeTime()
    Uploader(store, client, now=fake.now, backoff=Backoff(rng=random.Random(1))).run_until_idle()
    lost, purged = ids[:3], ids[3]
    waiting = add_verified(store, 1, start=200, session_id=session_id)
    with server.engine.begin() as conn:  # the server lost some (restored from an old backup)
        conn.execute(delete(ServerSubmission).where(ServerSubmission.id.in_([*lost, purged])))
    with store.write() as session:  # one of them is past retention here: no bytes to send
        session.execute(update(Submission).where(Submission.id == purged).values(
            payload=None, canonical=None))  # fmt: skip
    result = reconcile(store, client, session_id, now=fake.now)
    client.close()
    assert (result.asked, result.missing) == (13, 5)
    assert (result.resent, result.queued, result.unrecoverable, result.still_missing) == (
        3, 1, 1, 0
    )  # fmt: skip
    assert set(server_ids(server)) == set(ids + others) - {purged}  # the waiting one goes later
    assert waiting[0] not in server_ids(server)
    assert local_statuses(store)["verified"] == 1
    with server.engine.connect() as conn:
        closed = conn.execute(select(SessionClose.ids, SessionClose.missing)).one()
    assert tuple(closed) == (13, 5)
    with store.read() as session:
        actions = session.scalars(select(AuditEvent.action)).all()
    assert actions.count("sync.reconcile") == 1


def test_offline_reconciliation_raises_and_can_be_run_again(store: Store, server: Server) -> None:
    client = enrol(store, server)
    session_id = open_session(store)
    add_verified(store, 2, session_id=session_id)
    client.close()
    with IntakeClient("http://127.0.0.1:9", token="x") as offline, pytest.raises(Unreachable):
        reconcile(store, offline, session_id, now=FakeTime().now)


def test_closed_sessions_wait_until_the_server_answers_then_the_sweep_takes_late_ones(
    store: Store, server: Server
) -> None:
    client = enrol(store, server)
    session_id = open_session(store)
    first = add_verified(store, 2, session_id=session_id)
    fake = FakeTime()
    Uploader(store, client, now=fake.now, backoff=Backoff(rng=random.Random(1))).run_until_idle()
    with store.transaction() as conn:
        sessions.close_session(conn, session_id, at=fake.now(), actor=OFFICER)
    with IntakeClient("http://127.0.0.1:9", token="x") as offline, pytest.raises(Unreachable):
        reconcile_due(store, offline, now=fake.now)  # closed while the server is away
    with store.reader() as conn:
        assert sessions.get_session(conn, session_id).state == "closed"

    (done,) = reconcile_due(store, client, now=fake.now)  # the sync thread, once it answers
    assert (done.session_id, done.asked, done.missing) == (session_id, 2, 0)
    with store.reader() as conn:
        assert sessions.get_session(conn, session_id).state == "reconciled"
    assert reconcile_due(store, client, now=fake.now) == []

    fake.sleep(60)  # a capture of the session, checked and sent after it was reconciled
    late = add_verified(store, 1, start=50, session_id=session_id)
    Uploader(store, client, now=fake.now, backoff=Backoff(rng=random.Random(2))).run_until_idle()
    assert reconcile_due(store, client, now=fake.now) == []  # not every round: the sweep's
    (swept,) = reconcile_due(store, client, now=fake.now, late=True)
    assert swept.asked == len(first) + len(late)
    with store.reader() as conn:
        assert sessions.to_reconcile(conn, late=True) == []
    client.close()
