"""Errors of the store that an operator can act on, kept apart from bugs (STYLE.md, "known errors").

Messages are for people (officers, support) and never carry personal data.
"""

from __future__ import annotations

__all__ = [
    "DatabaseKeyError",
    "DiskFullError",
    "IntegrityCheckError",
    "InvalidTransition",
    "KeyMissingError",
    "NotFound",
    "PayloadInvalid",
    "StoreBusyError",
    "StoreError",
    "StoreIOError",
    "StoreReadOnlyError",
    "TrainingSubmissionError",
]

from kiosk.store.keys import KeyMissingError


class StoreError(Exception):
    """An environment fault of the local database with a message an officer can act on."""


class DatabaseKeyError(StoreError):
    """The file cannot be opened with this kiosk's key: wrong key, plain file, or not a database."""


class IntegrityCheckError(StoreError):
    """``PRAGMA quick_check`` found damage; the store stops all writes."""


class StoreReadOnlyError(StoreError):
    """A write was asked of a store that has stopped writes (failed integrity check)."""


class StoreBusyError(StoreError):
    """Another program held the database longer than the busy timeout."""


class DiskFullError(StoreError):
    """The disk is full: nothing could be saved."""


class StoreIOError(StoreError):
    """The disk reported an I/O error."""


class NotFound(LookupError):
    """No row with that id (a bug or a stale screen, not an environment fault)."""


class InvalidTransition(Exception):
    """A submission status change that the table of allowed transitions does not list."""

    def __init__(self, current: str, target: str, why: str | None = None) -> None:
        self.current = current
        self.target = target
        extra = f" ({why})" if why else ""
        super().__init__(f"a submission cannot go from {current!r} to {target!r}{extra}")


class TrainingSubmissionError(InvalidTransition):
    """A training-mode submission was asked to leave ``verified`` (it is never uploaded)."""


class PayloadInvalid(ValueError):
    """``validate_payload`` found errors; ``errors`` holds ``{"path", "code"}`` items (no values)."""

    def __init__(self, errors: list[dict[str, str]]) -> None:
        self.errors = errors
        codes = ", ".join(sorted({e["code"] for e in errors}))
        super().__init__(f"the payload has {len(errors)} error(s): {codes}")
