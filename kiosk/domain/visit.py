"""One resident's visit while it is being taken: the answers, the phone, consent (DESIGN.md §2 4–5).

A :class:`Visit` is plain data the visit screens edit and the draft keeps. It turns into two
shapes:

- :meth:`Visit.to_draft` — what a draft stores (payload v1's shape, with records not yet answered
  carrying ``"answer": null``, plus the records as they are on file, so that a visit resumed after
  a crash shows the same cards and the same changed fields); :meth:`Visit.from_draft` reads it back.
- :meth:`Visit.to_payload` — payload v1 without the keys the store fills in (reference, station,
  capture and verification stamps): what Save hands to the capture service.

Each answer keeps only what DESIGN.md §5 allows for it: a counterparty only for a sale or a
transfer, an event date only when something happened, the changed fields only for ``updated``.
Nothing here checks values; the payload rules do that (``kiosk.exchange``), and their JSON Pointer
paths lead back here through :func:`entry_path`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "ADDED_PATHS",
    "GONE_REASONS",
    "LICENCE_ANSWERS",
    "LICENCE_FIELDS",
    "RELATIONS",
    "VEHICLE_ANSWERS",
    "VEHICLE_FIELDS",
    "Answer",
    "Visit",
]

RecordKind = Literal["vehicle", "licence"]

VEHICLE_FIELDS = ("plate", "kind", "brand", "model", "colour", "chassis_number", "engine_number")
"""The fields of a vehicle that an ``updated`` answer may change (payload v1 names)."""
LICENCE_FIELDS = ("number", "class", "scheme", "issue_date", "expiry_date")
"""The fields of a licence that an ``updated`` answer may change."""
VEHICLE_ANSWERS = ("confirmed", "updated", "sold", "transferred", "scrapped", "lost", "not_mine")
"""Answers to a vehicle on file (``added`` is for vehicles not on file)."""
GONE_REASONS = ("sold", "transferred", "scrapped", "lost")
"""Why a vehicle is no longer the resident's: the reasons of "Không còn là của tôi"."""
LICENCE_ANSWERS = ("confirmed", "updated", "lost", "not_mine")
"""Answers to a licence on file."""

ADDED_PATHS = ("second_hand", "other")
"""How a vehicle not on file came: bought second-hand and never transferred (its own path: the
registered owner on its papers), or any other way."""
RELATIONS = ("child", "spouse", "parent", "sibling", "grandchild", "other")
"""A representative's relation to the resident (the payload's ``relation``: these codes)."""

_WITH_COUNTERPARTY = frozenset({"sold", "transferred"})
_WITH_DATE = frozenset({"sold", "transferred", "scrapped", "lost"})
_WITH_PAPERS = frozenset({"updated", "sold", "transferred"})


@dataclass
class Answer:
    """One record on file and the resident's answer to it (``answer`` None: not answered yet)."""

    kind: RecordKind
    ref: str | None
    on_file: dict[str, Any]
    """The record as the registry holds it, in payload names (read-only; ``values`` is edited)."""
    answer: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    """The record's fields as they will be sent: the record on file, or the corrected values."""
    counterparty: dict[str, Any] | None = None
    """``{"full_name", "id_number", "phone"}``: to whom it was sold or transferred."""
    event_date: str | None = None
    papers: list[str] = field(default_factory=list)
    registered_owner: dict[str, Any] | None = None
    path: str | None = None
    """For a record added (not on file): one of :data:`ADDED_PATHS` for a vehicle, ``other`` for
    a licence; None for a record on file."""

    @property
    def added(self) -> bool:
        """Whether the resident added this record (it is not on file)."""
        return self.answer == "added"

    @property
    def fields(self) -> tuple[str, ...]:
        """The editable fields of this kind of record."""
        return VEHICLE_FIELDS if self.kind == "vehicle" else LICENCE_FIELDS

    def needs_counterparty(self) -> bool:
        """Whether this answer asks who the vehicle went to (or, added, came from)."""
        return self.answer in _WITH_COUNTERPARTY or (self.kind == "vehicle" and self.added)

    def needs_date(self) -> bool:
        """Whether this answer asks when it happened (a licence's loss has no date in v1)."""
        return self.kind == "vehicle" and (self.answer in _WITH_DATE or self.added)

    def asks_papers(self) -> bool:
        """Whether this answer asks which papers were seen."""
        return self.kind == "vehicle" and (self.answer in _WITH_PAPERS or self.added)

    def choose(self, answer: str) -> None:
        """Set the answer; what the new answer does not take is dropped, what it takes is kept."""
        self.answer = answer
        if answer != "updated":
            self.values = dict(self.on_file)
        if not self.needs_counterparty():
            self.counterparty = None
        elif self.counterparty is None:
            self.counterparty = {"full_name": "", "id_number": None, "phone": None}
        if not self.needs_date():
            self.event_date = None
        if not self.asks_papers():
            self.papers = []

    def changed(self) -> tuple[str, ...]:
        """The fields an ``updated`` answer changed from the record on file."""
        if self.answer != "updated":
            return ()
        return tuple(f for f in self.fields if self.values.get(f) != self.on_file.get(f))

    def entry(self) -> dict[str, Any]:
        """The payload's vehicle or licence entry (``answer`` may still be None in a draft)."""
        item: dict[str, Any] = {"answer": self.answer, "registry_ref": self.ref}
        item.update({f: self.values.get(f) for f in self.fields})
        if self.kind == "vehicle":
            item.update(
                registered_owner=_owner(self.registered_owner),
                counterparty=_person(self.counterparty),
                event_date=self.event_date,
                papers=list(self.papers),
            )
        item["note"] = None
        return item

    @classmethod
    def from_entry(
        cls, kind: RecordKind, entry: Mapping[str, Any], on_file: Mapping[str, Any]
    ) -> Answer:
        """An answer read back from a draft's entry and the record on file it answers."""
        names = VEHICLE_FIELDS if kind == "vehicle" else LICENCE_FIELDS
        answer = cls(
            kind,
            entry.get("registry_ref"),
            dict(on_file),
            entry.get("answer"),
            {f: entry.get(f, on_file.get(f)) for f in names},
        )
        if kind == "vehicle":
            counterparty = entry.get("counterparty")
            answer.counterparty = dict(counterparty) if isinstance(counterparty, Mapping) else None
            answer.event_date = entry.get("event_date")
            answer.papers = [p for p in entry.get("papers") or () if isinstance(p, str)]
            owner = entry.get("registered_owner")
            answer.registered_owner = dict(owner) if isinstance(owner, Mapping) else None
        return answer


def _person(person: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A counterparty as the payload holds it: blank optional parts are null; an added vehicle's
    seller not named at all is no counterparty."""
    if person is None or not any(person.get(k) for k in ("full_name", "id_number", "phone")):
        return None
    return {
        "full_name": person.get("full_name") or "",
        "id_number": person.get("id_number") or None,
        "phone": person.get("phone") or None,
    }


@dataclass
class Visit:
    """A resident's visit under way: who, the answers, the phone and consent, and the step."""

    resident: dict[str, Any]
    """Payload v1's ``resident`` (the phone is kept apart in :attr:`phone` until the end)."""
    vehicles: list[Answer] = field(default_factory=list)
    licences: list[Answer] = field(default_factory=list)
    phone: str | None = None
    representative: dict[str, Any] | None = None
    """``{"full_name", "id_number", "relation"}``: a relative acting for the resident, or None."""
    consent: bool = False
    step: str = "answers"
    """Where the visit is: ``answers``, ``consent``, ``review`` (a resumed draft returns there)."""

    @classmethod
    def start(
        cls,
        resident: Mapping[str, Any],
        vehicles: Sequence[Mapping[str, Any]],
        licences: Sequence[Mapping[str, Any]],
    ) -> Visit:
        """A new visit: every record on file waiting for its answer, the phone on file prefilled.

        ``vehicles`` and ``licences`` are the records on file in payload names, each with its
        ``id`` (the registry reference).
        """
        person = dict(resident)
        answers_v = [_on_file("vehicle", record) for record in vehicles]
        answers_l = [_on_file("licence", record) for record in licences]
        return cls(person, answers_v, answers_l, phone=person.get("phone") or None)

    @property
    def id_number(self) -> str:
        """The resident's ID number."""
        return str(self.resident.get("id_number") or "")

    @property
    def records(self) -> list[Answer]:
        """Vehicles, then licences."""
        return [*self.vehicles, *self.licences]

    def add(self, kind: RecordKind, path: str = "other") -> Answer:
        """A record the registry does not list under the resident, answered ``added``."""
        names = VEHICLE_FIELDS if kind == "vehicle" else LICENCE_FIELDS
        answer = Answer(kind, None, {}, "added", dict.fromkeys(names), path=path)
        if kind == "vehicle":
            answer.counterparty = {"full_name": "", "id_number": None, "phone": None}
            if path == "second_hand":
                answer.registered_owner = {"full_name": "", "id_number": None}
                answer.papers = ["handwritten_sale_paper"]  # the common case; a tap undoes it
        (self.vehicles if kind == "vehicle" else self.licences).append(answer)
        return answer

    def remove(self, answer: Answer) -> None:
        """Take back a record added by mistake (records on file are answered, never removed)."""
        if answer.added:
            (self.vehicles if answer.kind == "vehicle" else self.licences).remove(answer)

    def started(self) -> bool:
        """Whether anything was answered yet (a visit only looked at needs no draft)."""
        return any(a.answer is not None for a in self.records) or self.step != "answers"

    def unanswered(self) -> list[Answer]:
        """Records on file still without an answer, in the order shown."""
        return [a for a in self.records if a.answer is None]

    def _body(self) -> dict[str, Any]:
        resident = dict(self.resident)
        resident["phone"] = self.phone or None
        return {
            "resident": resident,
            "representative": _representative(self.representative),
            "consent": self.consent,
            "vehicles": [a.entry() for a in self.vehicles],
            "licences": [a.entry() for a in self.licences],
            "warnings_acknowledged": [],
        }

    def to_payload(self) -> dict[str, Any]:
        """Payload v1 without the store's keys (reference, station, capture and verify stamps)."""
        return self._body()

    def to_draft(self) -> dict[str, Any]:
        """What the draft keeps: the payload so far, the records on file, and the step."""
        body = self._body()
        body["on_file"] = {
            "vehicles": [a.on_file for a in self.vehicles],
            "licences": [a.on_file for a in self.licences],
        }
        body["step"] = self.step
        body["paths"] = {
            "vehicles": [a.path for a in self.vehicles],
            "licences": [a.path for a in self.licences],
        }
        return body

    @classmethod
    def from_draft(cls, draft: Mapping[str, Any]) -> Visit:
        """A visit read back from :meth:`to_draft` (after a crash, the idle lock, a scan)."""
        resident = dict(draft.get("resident") or {})
        phone = resident.get("phone")
        on_file = draft.get("on_file") or {}
        visit = cls(resident, phone=phone if isinstance(phone, str) else None)
        visit.consent = draft.get("consent") is True
        person = draft.get("representative")
        visit.representative = dict(person) if isinstance(person, Mapping) else None
        paths = draft.get("paths") or {}
        step = draft.get("step")
        visit.step = step if step in ("answers", "consent", "review") else "answers"
        for kind, key in (("vehicle", "vehicles"), ("licence", "licences")):
            entries = [e for e in draft.get(key) or () if isinstance(e, Mapping)]
            files = list(on_file.get(key) or ())
            target = visit.vehicles if kind == "vehicle" else visit.licences
            kept = list(paths.get(key) or ())
            for index, entry in enumerate(entries):
                record = files[index] if index < len(files) else None
                if record is None:  # a captured payload keeps no copy of the record on file:
                    record = {} if entry.get("answer") == "added" else dict(entry)  # as sent
                answer = Answer.from_entry(kind, entry, record)  # type: ignore[arg-type]
                answer.path = kept[index] if index < len(kept) else _path_of(answer)
                target.append(answer)
        return visit


def _path_of(answer: Answer) -> str | None:
    """The path of an added record read from a payload that does not keep it (a captured one):
    a vehicle with the owner on its papers came second-hand and was never transferred."""
    if not answer.added:
        return None
    return "second_hand" if answer.registered_owner is not None else "other"


def _owner(owner: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The registered owner as the payload holds it (blank ID: null)."""
    if owner is None:
        return None
    return {"full_name": owner.get("full_name") or "", "id_number": owner.get("id_number") or None}


def _representative(person: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The representative as the payload holds it (blank ID: null), or None."""
    if person is None:
        return None
    return {
        "full_name": person.get("full_name") or "",
        "id_number": person.get("id_number") or None,
        "relation": person.get("relation") or "",
    }


def _on_file(kind: RecordKind, record: Mapping[str, Any]) -> Answer:
    names = VEHICLE_FIELDS if kind == "vehicle" else LICENCE_FIELDS
    on_file = {f: record.get(f) for f in names}
    answer = Answer(kind, record.get("id"), on_file, values=dict(on_file))
    if kind == "vehicle":
        owner = record.get("registered_owner")
        answer.registered_owner = dict(owner) if isinstance(owner, Mapping) else None
    return answer
