"""Enrolment: the station makes its Ed25519 key pair, trades the officer's code, keeps the answer.

Everything the server gives (station id, token, ward, home group, the server's X25519 key and its
Ed25519 signing key, pinned from then on) and the key pair go into the encrypted database in one
transaction (:func:`kiosk.store.enrolment.save_enrolment`).
``client_for`` builds the client every later call uses from what was kept.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.exchange.export import ExportError, b64decode_key, b64encode_key, new_signing_key
from kiosk.store import Store
from kiosk.store.enrolment import StationIdentity, save_enrolment, station_identity
from kiosk.sync.client import IntakeClient
from kiosk.sync.errors import BadResponse, NotEnrolled

__all__ = ["Enrolled", "client_for", "default_station_name", "enrol_station", "load_identity"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Enrolled:
    """The result an officer sees: which station this kiosk now is, in which ward and group."""

    station_id: str
    ward: str
    group: str


def default_station_name() -> str:
    """The name officers see for this kiosk when none is given: after the computer's host name."""
    return f"Kiosk {socket.gethostname()}"[:100]


def enrol_station(
    store: Store,
    client: IntakeClient,
    *,
    code: str,
    name: str,
    now: Callable[[], datetime],
    actor: str | None = None,
) -> Enrolled:
    """Enrol with ``client``'s server; raises :class:`~kiosk.sync.errors.Refused` for a bad code."""
    private, public = new_signing_key()
    answer = client.enrol(code.strip(), name.strip(), b64encode_key(public))
    try:
        b64decode_key(answer.server_public_key)
    except ExportError:
        raise BadResponse("the server's public key is not a raw 32-byte key") from None
    with store.write() as session:
        save_enrolment(
            session,
            station_id=answer.station_id,
            name=name.strip(),
            ward=answer.ward,
            group=answer.group,
            token=answer.token,
            server_url=client.base_url,
            server_public_key=answer.server_public_key,
            server_signing_key=answer.server_signing_key,
            signing_private_key=private,
            signing_public_key=public,
            at=now(),
            actor=actor,
        )
    client.token = answer.token
    log.info("enrolled as station %s", answer.station_id)
    return Enrolled(answer.station_id, answer.ward, answer.group)


def load_identity(store: Store) -> StationIdentity:
    """The station as the database holds it."""
    with store.read() as session:
        return station_identity(session)


def client_for(
    identity: StationIdentity, *, ca_bundle: str | Path | None = None, **options: Any
) -> IntakeClient:
    """A client for the server this station enrolled with; :class:`NotEnrolled` before enrolment,
    :class:`~kiosk.sync.errors.InsecureAddress` for a plain ``http://`` server elsewhere unless
    ``allow_insecure_http=True`` is among the ``options``."""
    if not identity.enrolled or identity.server_url is None:
        raise NotEnrolled("this kiosk is not enrolled with an intake server yet")
    return IntakeClient(identity.server_url, token=identity.token, ca_bundle=ca_bundle, **options)
