"""What every service shares: the signed-in actor, the clock protocol, the role check."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, NamedTuple, Protocol

__all__ = [
    "Actor",
    "Clock",
    "OwnCapture",
    "PermissionDenied",
    "Role",
    "require_role",
    "system_clock",
]

Role = Literal["officer", "volunteer"]


class PermissionDenied(Exception):
    """The signed-in operator's role does not allow this action."""

    def __init__(self, action: str, role: str) -> None:
        self.action = action
        self.role = role
        super().__init__(f"a {role} may not {action}")


class OwnCapture(PermissionDenied):
    """Four eyes (DESIGN.md §6): an officer never verifies a record they captured themselves;
    another officer does (a co-sign)."""

    def __init__(self) -> None:
        super().__init__("verify a record they captured themselves", "officer")


class AuthError(Exception):
    """Sign-in or PIN change refused; the subclasses say why."""


class WrongPin(AuthError):
    """Wrong PIN (or unknown operator: the same answer, so names cannot be probed)."""

    def __init__(self, attempts_left: int) -> None:
        self.attempts_left = attempts_left
        super().__init__(f"wrong PIN ({attempts_left} attempt(s) before a lockout)")


class SignInLocked(AuthError):
    """Too many wrong PINs: wait until ``until``."""

    def __init__(self, until: datetime, now: datetime) -> None:
        self.until = until
        self.seconds = max(1, int((until - now).total_seconds() + 0.999))
        super().__init__(f"locked after repeated wrong PINs; try again in {self.seconds} s")


class OperatorDisabled(AuthError):
    """The operator was disabled by an officer."""


class Actor(NamedTuple):
    """Who is signed in: handed out by :class:`kiosk.services.auth.AuthService` at sign-in."""

    operator_id: str
    name: str
    role: Role

    @property
    def is_officer(self) -> bool:
        """True for officers."""
        return self.role == "officer"


class Clock(Protocol):
    """Gives the current time, timezone-aware; tests pass a fixed or stepping one."""

    def __call__(self) -> datetime:
        """Now."""
        ...


def system_clock() -> datetime:
    """The machine's local time with its offset (payload times carry +07:00 in Hanoi)."""
    return datetime.now().astimezone()


def require_role(actor: Actor, action: str, *roles: Role) -> None:
    """Raise :class:`PermissionDenied` unless ``actor`` has one of ``roles``."""
    if actor.role not in roles:
        raise PermissionDenied(action, actor.role)
