"""Use cases the UI and sync call: sign-in, capture, verify, lookup, sessions, visit outcomes, audit
(DESIGN.md §3).

Each service takes the store and a clock in its constructor and checks the caller's role itself:
roles are enforced here, not just by hiding buttons (DESIGN.md §6).
"""

from __future__ import annotations

from kiosk.services.base import Actor, Clock, PermissionDenied, system_clock

__all__ = ["Actor", "Clock", "PermissionDenied", "system_clock"]
