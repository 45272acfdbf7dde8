"""Operators and sign-in: PINs, lockout that survives a restart, officer-only management.

Lockout: after 5 wrong PINs in a row the operator is locked for 30 s, and each further wrong PIN
after the lock ends doubles it (60 s, 120 s, ... at most an hour).  The counters live in the
``operator`` row, so restarting the kiosk does not reset them.  The PIN is hashed outside any
transaction (scrypt takes ~0.1 s) and only the outcome is written.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import uuid4

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.services.base import (
    Actor,
    AuthError,
    Clock,
    OperatorDisabled,
    Role,
    SignInLocked,
    WrongPin,
    require_role,
)
from kiosk.services.pins import PIN_PARAMS, PinParams, check_pin_format, hash_pin, verify_pin
from kiosk.store import Store
from kiosk.store.audit import append_event
from kiosk.store.errors import NotFound
from kiosk.store.models import Operator

__all__ = [
    "LOCK_AFTER",
    "AuthError",
    "AuthService",
    "OperatorDisabled",
    "OperatorInfo",
    "SignInLocked",
    "WrongPin",
]

LOCK_AFTER = 5
FIRST_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(hours=1)
_NAME_MAX = 100


@dataclass(frozen=True)
class OperatorInfo:
    """An operator as the sign-in and management screens show it (no PIN material)."""

    id: str
    name: str
    role: Role
    active: bool
    must_change_pin: bool
    locked_until: datetime | None


def _info(op: Operator) -> OperatorInfo:
    role: Role = "officer" if op.role == "officer" else "volunteer"
    return OperatorInfo(op.id, op.name, role, op.active, op.must_change_pin, op.locked_until)


def _delay(failures: int) -> timedelta:
    """Lock length after ``failures`` wrong PINs in a row (0 below the threshold)."""
    if failures < LOCK_AFTER:
        return timedelta(0)
    return min(FIRST_DELAY * (1 << min(failures - LOCK_AFTER, 16)), MAX_DELAY)


class AuthService:
    """Sign-in, sign-out, PIN changes, and the officer's operator management."""

    def __init__(self, store: Store, clock: Clock, *, pin_params: PinParams = PIN_PARAMS) -> None:
        self._store = store
        self._clock = clock
        self._params = pin_params
        self._dummy_salt = secrets.token_bytes(16)  # same cost for unknown operators

    # --- first start and listing ---------------------------------------------------------------

    def needs_first_officer(self) -> bool:
        """True until the first officer exists (first start)."""
        with self._store.read() as session:
            return session.scalar(select(func.count()).select_from(Operator)) == 0

    def create_first_officer(self, name: str, pin: str) -> Actor:
        """First start: create the first officer; refused once any operator exists."""
        check_pin_format(pin)
        digest, salt = hash_pin(pin, self._params)
        now = self._clock()
        with self._store.write() as session:
            if session.scalar(select(func.count()).select_from(Operator)):
                raise AuthError("the first officer already exists")
            op = self._new(session, name, "officer", digest, salt, now, created_by=None)
            session.add(op)
            session.flush()
            append_event(
                session, at=now, actor=op.id, action="operator.create_first", subject=op.id
            )
            return Actor(op.id, op.name, "officer")

    def operators(self, *, include_disabled: bool = False) -> list[OperatorInfo]:
        """Operators for the sign-in picker (active ones) or the management screen (all)."""
        with self._store.read() as session:
            query = select(Operator).order_by(Operator.name)
            if not include_disabled:
                query = query.where(Operator.active.is_(True))
            return [_info(op) for op in session.scalars(query)]

    # --- sign-in --------------------------------------------------------------------------------

    def sign_in(self, operator_id: str, pin: str) -> Actor:
        """Check the PIN; count failures and lock as the module docstring says."""
        now = self._clock()
        with self._store.read() as session:
            op = session.get(Operator, operator_id)
            snapshot = None if op is None else (op.pin_hash, op.pin_salt, op.pin_params)
            locked_until = None if op is None else op.locked_until
            active = op is not None and op.active
        if op is None or snapshot is None:
            hash_pin(pin if pin.isascii() else "0", self._params, self._dummy_salt)
            raise WrongPin(LOCK_AFTER)
        if not active:
            raise OperatorDisabled("this operator has been disabled by an officer")
        if locked_until is not None and locked_until > now:
            raise SignInLocked(locked_until, now)
        ok = verify_pin(pin, *snapshot)
        with self._store.write() as session:
            op = session.get(Operator, operator_id)
            if op is None:
                raise WrongPin(LOCK_AFTER)
            if ok:
                op.failed_attempts = 0
                op.locked_until = None
                if op.pin_params != self._params.encode():  # stronger parameters: re-hash now
                    op.pin_hash, op.pin_salt = hash_pin(pin, self._params)
                    op.pin_params = self._params.encode()
                append_event(session, at=now, actor=op.id, action="auth.sign_in", subject=op.id)
                role: Role = "officer" if op.role == "officer" else "volunteer"
                return Actor(op.id, op.name, role)
            op.failed_attempts += 1
            delay = _delay(op.failed_attempts)
            op.locked_until = now + delay if delay else None
            details = {"failures": op.failed_attempts, "locked_s": int(delay.total_seconds())}
            append_event(
                session,
                at=now,
                actor=op.id,
                action="auth.sign_in_failed",
                subject=op.id,
                details=details,
            )
            failures, until = op.failed_attempts, op.locked_until
        if until is not None:
            raise SignInLocked(until, now)
        raise WrongPin(LOCK_AFTER - failures)

    def sign_out(self, actor: Actor) -> None:
        """Record the sign-out (idle lock or the button)."""
        with self._store.write() as session:
            append_event(session, at=self._clock(), actor=actor.operator_id, action="auth.sign_out")

    def change_pin(self, actor: Actor, old_pin: str, new_pin: str) -> None:
        """Change one's own PIN; the old one must be right (and counts as a sign-in attempt)."""
        check_pin_format(new_pin)
        self.sign_in(actor.operator_id, old_pin)
        digest, salt = hash_pin(new_pin, self._params)
        with self._store.write() as session:
            op = self._get(session, actor.operator_id)
            op.pin_hash, op.pin_salt, op.pin_params = digest, salt, self._params.encode()
            op.must_change_pin = False
            append_event(
                session,
                at=self._clock(),
                actor=actor.operator_id,
                action="auth.change_pin",
                subject=op.id,
            )

    # --- officer: operator management ---------------------------------------------------------

    def create_operator(self, actor: Actor, name: str, role: Role, pin: str) -> OperatorInfo:
        """An officer adds a volunteer or officer with a first PIN (to be changed at sign-in)."""
        require_role(actor, "create operators", "officer")
        check_pin_format(pin)
        digest, salt = hash_pin(pin, self._params)
        now = self._clock()
        with self._store.write() as session:
            op = self._new(session, name, role, digest, salt, now, created_by=actor.operator_id)
            op.must_change_pin = True
            session.add(op)
            session.flush()
            append_event(
                session,
                at=now,
                actor=actor.operator_id,
                action="operator.create",
                subject=op.id,
                details={"role": role},
            )
            return _info(op)

    def disable_operator(self, actor: Actor, operator_id: str) -> None:
        """An officer disables an operator (never themselves, never the last active officer)."""
        require_role(actor, "disable operators", "officer")
        if operator_id == actor.operator_id:
            raise AuthError("an officer cannot disable themselves")
        now = self._clock()
        with self._store.write() as session:
            op = self._get(session, operator_id)
            if op.role == "officer":
                officers = session.scalar(
                    select(func.count())
                    .select_from(Operator)
                    .where(Operator.role == "officer", Operator.active.is_(True))
                )
                if (officers or 0) <= 1:
                    raise AuthError("the last active officer cannot be disabled")
            op.active = False
            op.disabled_at = now
            append_event(
                session, at=now, actor=actor.operator_id, action="operator.disable", subject=op.id
            )

    def reset_pin(self, actor: Actor, operator_id: str, new_pin: str) -> None:
        """An officer sets a new PIN for a volunteer (lockout cleared; to be changed at sign-in)."""
        require_role(actor, "reset PINs", "officer")
        check_pin_format(new_pin)
        digest, salt = hash_pin(new_pin, self._params)
        now = self._clock()
        with self._store.write() as session:
            op = self._get(session, operator_id)
            if op.role != "volunteer":
                raise AuthError("only a volunteer's PIN can be reset by an officer")
            op.pin_hash, op.pin_salt, op.pin_params = digest, salt, self._params.encode()
            op.failed_attempts = 0
            op.locked_until = None
            op.must_change_pin = True
            append_event(
                session, at=now, actor=actor.operator_id, action="operator.reset_pin", subject=op.id
            )

    # --- helpers ----------------------------------------------------------------------------

    def _new(
        self,
        session: Session,
        name: str,
        role: str,
        digest: bytes,
        salt: bytes,
        now: datetime,
        created_by: str | None,
    ) -> Operator:
        """A new operator row (not yet added); the name must be free."""
        name = " ".join(name.split())
        if not name or len(name) > _NAME_MAX:
            raise AuthError(f"an operator name is 1 to {_NAME_MAX} characters")
        if session.scalar(select(Operator.id).where(Operator.name == name)) is not None:
            raise AuthError("another operator already has this name")
        if role not in ("officer", "volunteer"):
            raise AuthError("the role is officer or volunteer")
        return Operator(
            id=str(uuid4()),
            name=name,
            role=role,
            pin_hash=digest,
            pin_salt=salt,
            pin_params=self._params.encode(),
            active=True,
            must_change_pin=False,
            failed_attempts=0,
            created_at=now,
            created_by=created_by,
        )

    @staticmethod
    def _get(session: Session, operator_id: str) -> Operator:
        """The operator row or NotFound."""
        op = session.get(Operator, operator_id)
        if op is None:
            raise NotFound("no such operator")
        return op
