"""A captured visit's receipt made again from its stored record (found by its reference code).

The visit's flow makes the receipt from the visit on screen; a visit found later has only its
record, whose captured payload reads back as a :class:`~kiosk.domain.visit.Visit` the same way a
draft does. Lives in the UI layer: the lines are words in the current language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.domain.visit import Visit
from kiosk.ui.screens.receipt import Receipt
from kiosk.ui.screens.review import visit_lines

if TYPE_CHECKING:
    from kiosk.store.lifecycle import SubmissionRecord

__all__ = ["receipt_for"]


def receipt_for(record: SubmissionRecord, community_house: str, ihanoi_url: str) -> Receipt | None:
    """The receipt of ``record`` as it was shown at Save, or None when there is none to show:
    a visit never captured, or one whose personal data was purged after the retention period
    (the caller says so; the ward's server keeps what was sent)."""
    payload = record.payload
    if payload is None or record.captured_at is None or record.status in ("draft", "discarded"):
        return None
    visit = Visit.from_draft(payload)
    return Receipt(
        reference=record.reference,
        captured_at=record.captured_at,
        community_house=community_house,
        resident_name=str(visit.resident.get("full_name") or ""),
        lines=tuple(visit_lines(visit)),
        training=record.training,
        ihanoi_url=ihanoi_url,
    )
