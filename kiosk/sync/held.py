"""Ask the server before a held or rejected submission is retried or sent back (DESIGN.md §5).

A ``500`` can come after the server committed a batch (a proxy, a crash after the commit): the kiosk
then splits the batch and may set a submission aside that the server holds already.  Sent back to
a volunteer and verified again it could end up superseded, a new id for a visit stored once: the
visit twice.  So before a submission is set aside, released or sent back, the kiosk asks
``POST /v1/submissions/lookup`` which of the ids the server holds from this station:

- held there with the same ``sha256``: it is ``sent`` here, exactly as a ``duplicate`` answer
  makes it (a held one goes ``held -> verified -> sent``, both steps audited);
- held there with another ``sha256``: ``conflict`` here (an officer re-creates it under a new id);
- not held there: unchanged; it may be retried or sent back.

The upload engine does this by itself (:class:`kiosk.sync.uploader.Uploader`); an officer's screen
calls :func:`check_held` on the network worker before "Retry" or "Send back".
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Literal

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from kiosk.exchange.protocol import MAX_LOOKUP_IDS, FoundSubmission
from kiosk.store import InvalidTransition, NotFound, Store
from kiosk.store.audit import append_event
from kiosk.store.lifecycle import load, move
from kiosk.store.uploads import mark_conflict, mark_sent
from kiosk.sync.client import IntakeClient

__all__ = ["ServerCheck", "check_held", "find_at_server", "settle"]

log = logging.getLogger(__name__)

ServerCheck = Literal["sent", "conflict", "not_at_server", "at_server", "not_checked"]
"""What asking the server did to one submission.

``sent``: the server holds this very content; the submission is now ``sent``.
``conflict``: the server holds other content under its id; the submission is now ``conflict``.
``not_at_server``: the server does not hold it; unchanged: it may be retried or sent back.
``at_server``: a ``rejected`` submission the server holds all the same (same or other content);
unchanged, as the lifecycle has no step from ``rejected`` to ``sent``: do not send it back.
``not_checked``: not held or rejected here (:func:`check_held`; the engine's :func:`settle` also
takes verified ones): changed meanwhile, training, unknown, or its frozen bytes gone; nothing
asked, nothing changed.
"""

_OFFICERS = frozenset({"held", "rejected"})
_CHECKED = _OFFICERS | {"verified"}


def find_at_server(client: IntakeClient, ids: Sequence[str]) -> dict[str, FoundSubmission]:
    """The server's copies among ``ids``, asked 100 at a time (raises :class:`SyncError`)."""
    unique = list(dict.fromkeys(ids))
    found: dict[str, FoundSubmission] = {}
    for start in range(0, len(unique), MAX_LOOKUP_IDS):
        found.update(client.find_submissions(unique[start : start + MAX_LOOKUP_IDS]))
    return found


def settle(
    session: Session | Connection,
    ids: Sequence[str],
    found: Mapping[str, FoundSubmission],
    *,
    at: datetime,
    actor: str | None = None,
) -> dict[str, ServerCheck]:
    """Apply the server's answer to ``ids`` in the caller's transaction (held, rejected or
    verified ones; the others are ``not_checked``)."""
    outcomes: dict[str, ServerCheck] = {}
    for submission_id in dict.fromkeys(ids):
        try:
            record = load(session, submission_id)
        except NotFound:
            outcomes[submission_id] = "not_checked"
            continue
        if record.status not in _CHECKED or record.training or record.sha256 is None:
            outcomes[submission_id] = "not_checked"
            continue
        copy = found.get(submission_id)
        if copy is None:
            outcomes[submission_id] = "not_at_server"
            continue
        if record.status == "rejected":
            outcomes[submission_id] = "at_server"
            log.warning("a rejected submission %s is at the server all the same", record.reference)
            continue
        same = copy.sha256 == record.sha256
        try:
            if record.status == "held":  # back to verified first: the lifecycle's only way on
                move(session, record, "verified", at=at, actor=actor,
                     details={"retry": "server_check"})  # fmt: skip
            if same:
                mark_sent(session, submission_id, at=at, duplicate=True)
            else:
                mark_conflict(session, submission_id, at=at)
        except InvalidTransition:  # changed at the same time: leave it
            outcomes[submission_id] = "not_checked"
            continue
        outcomes[submission_id] = "sent" if same else "conflict"
    return outcomes


def check_held(
    store: Store,
    client: IntakeClient,
    ids: Sequence[str],
    *,
    now: Callable[[], datetime],
    actor: str | None = None,
) -> dict[str, ServerCheck]:
    """Ask the server about held or rejected submissions before they are retried or sent back.

    For the officer's screens, on the network worker (it blocks on the network).  Returns an
    outcome for every id asked (:data:`ServerCheck`); only ``not_at_server`` ones may go back to a
    volunteer.  Raises :class:`kiosk.sync.errors.SyncError` when the server cannot be asked (no
    connection, busy, refused): nothing changed then, and nothing should be sent back yet.
    Every change is audited (``actor``: the officer), and so is the check (``sync.check_held``).
    """
    unique = list(dict.fromkeys(ids))
    with store.reader() as conn:
        asked = [i for i in unique if _askable(conn, i)]
    found = find_at_server(client, asked) if asked else {}
    outcomes: dict[str, ServerCheck] = dict.fromkeys(unique, "not_checked")
    with store.transaction() as conn:
        outcomes.update(settle(conn, asked, found, at=now(), actor=actor))
        counts = Counter(outcomes.values())
        append_event(conn, at=now(), actor=actor, action="sync.check_held",
                     details=dict(sorted(counts.items())))  # fmt: skip
    log.info("check held: %s", dict(sorted(counts.items())))
    return outcomes


def _askable(session: Session | Connection, submission_id: str) -> bool:
    """Held or rejected here, with frozen bytes to compare (verified ones are the engine's)."""
    try:
        record = load(session, submission_id)
    except NotFound:
        return False
    return record.status in _OFFICERS and not record.training and record.sha256 is not None
