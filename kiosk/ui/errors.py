"""Words for errors an operator sees: environment faults get what to do, bugs get "tell an officer".

Follows STYLE.md (qutebrowser's ``KnownError`` vs ``BugError``): the store's errors are faults of
the machine or the disk that an officer can act on; anything unexpected is a bug, logged without
its message (it may hold personal data) and shown as a short apology.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

from kiosk.domain.errors import DomainError
from kiosk.services.base import (
    AuthError,
    OperatorDisabled,
    OwnCapture,
    PermissionDenied,
    SignInLocked,
    WrongPin,
)
from kiosk.services.pins import WeakPin
from kiosk.store.errors import (
    DatabaseKeyError,
    DiskFullError,
    IntegrityCheckError,
    KeyMissingError,
    StoreBusyError,
    StoreError,
    StoreIOError,
    StoreReadOnlyError,
)
from kiosk.ui.i18n import arg, duration_text

translate = QCoreApplication.translate


def domain_error_text(code: str) -> str:
    """Words for the rule codes the shell's screens can meet (capture screens bring their own)."""
    if code == "name.format":
        return translate(
            "Errors", "Please type a name with letters only (Vietnamese letters are fine)."
        )
    if code == "text.too_long":
        return translate("Errors", "That text is too long.")
    if code == "reference.format":
        return translate("Errors", "A code has 8 letters and digits, like K7QM-4M2X.")
    return translate("Errors", "That value is not accepted. Please check it and try again.")


def paused_text(seconds: int) -> str:
    """The lockout message with the time left (the sign-in screen counts it down)."""
    text = translate("Errors", "Too many wrong PINs. Please wait %1, then try again.")
    return arg(text, duration_text(seconds))


def insecure_address_text() -> str:
    """Why a plain ``http://`` address of another computer was refused (DESIGN.md §6)."""
    return translate(
        "Errors",
        "The server's address must start with https://. Plain http:// to another computer "
        "sends the records and the station's token unencrypted, so it is refused unless the "
        "kiosk's configuration allows it (allow_insecure_http).",
    )


def _is_insecure_address(error: BaseException) -> bool:
    """Whether ``error`` is :class:`kiosk.sync.errors.InsecureAddress`, without importing the sync
    package (it brings ``requests``, which waits until after the first paint): when the module
    is not loaded yet, nothing can have raised it."""
    errors = sys.modules.get("kiosk.sync.errors")
    return errors is not None and isinstance(error, errors.InsecureAddress)


def is_known_fault(error: BaseException) -> bool:
    """Whether ``error`` is an environment fault or a refused input, not a bug in the kiosk."""
    known = (
        StoreError,
        KeyMissingError,
        OSError,
        DomainError,
        PermissionDenied,
        AuthError,
        WeakPin,
    )
    return isinstance(error, known) or _is_insecure_address(error)


def error_text(error: BaseException) -> str:
    """What to tell the person at the kiosk about ``error``, in the current language."""
    if isinstance(error, DomainError):
        return domain_error_text(error.code)
    if isinstance(error, OwnCapture):
        return translate(
            "Errors", "You took this record yourself: another officer must check it (four eyes)."
        )
    if isinstance(error, PermissionDenied):
        return translate("Errors", "Only an officer can do this.")
    if isinstance(error, WeakPin):
        return translate(
            "Errors",
            "A PIN has 6 to 12 digits and cannot be one digit repeated or a run like 123456.",
        )
    if isinstance(error, AuthError):
        return _auth_error_text(error)
    if _is_insecure_address(error):
        return insecure_address_text()
    if isinstance(error, DiskFullError):
        return translate(
            "Errors", "The disk is full, so nothing was saved. Ask an officer to free some space."
        )
    if isinstance(error, StoreBusyError):
        return translate(
            "Errors", "The records are busy in another program. Please try again in a moment."
        )
    if isinstance(error, StoreIOError):
        return translate(
            "Errors",
            "The disk reported an error while saving. Ask an officer to check the computer.",
        )
    if isinstance(error, IntegrityCheckError | StoreReadOnlyError):
        return translate(
            "Errors",
            "The records are damaged, so saving has been stopped to protect them. "
            "An officer must restore the last backup.",
        )
    if isinstance(error, DatabaseKeyError | KeyMissingError):
        return translate(
            "Errors",
            "The kiosk cannot unlock its records: the key is missing or wrong. "
            "Call the technician; do not reinstall.",
        )
    if isinstance(error, StoreError | OSError):
        return translate(
            "Errors", "The computer reported a problem with its disk. Ask an officer to check it."
        )
    return translate("Errors", "Something went wrong and has been noted. Please tell an officer.")


def _auth_error_text(error: AuthError) -> str:
    """Words for a refused sign-in or PIN change."""
    if isinstance(error, WrongPin):
        return translate("Errors", "That PIN is not right.")
    if isinstance(error, SignInLocked):
        return paused_text(error.seconds)
    if isinstance(error, OperatorDisabled):
        return translate("Errors", "This person can no longer sign in. Please ask an officer.")
    return translate("Errors", "This cannot be done for this person.")
