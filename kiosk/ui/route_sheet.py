"""The route sheet for tonight's round (issue 21, point 5): the households not yet done, by street
and alley, with the members still to see and a box to tick for each; officers only (it holds names).

Built on the database worker from the roster's households (:func:`load_route_sheet`), as plain
frozen data in which ID numbers are already masked (``001•••••345``, the kiosk's one masking,
:func:`kiosk.domain.masking.mask_id_number`, DESIGN.md §6): the full number never reaches paper,
a file or a stick. Then, on a worker, it goes to paper or to a file:

- A4 portrait, painted with QPainter on a ``QPrinter`` as the receipt is (kiosk/ui/printing.py):
  a header on every page (the ward, the date, "Page 1/3"), a household never split over two pages,
  and a street's name again, "(continued)", at the top of a page that goes on with it.
- Saved as PDF: the same painting on a PDF ``QPrinter`` into a private temporary file, copied to
  the stick as ``<name>.part`` and renamed when it is complete and synced.
- Saved as XLSX (openpyxl, imported when first used): one row per person, the household's columns
  repeated on each so that the sheet can be filtered; title rows, a frozen header, A4 landscape.

A folder (a USB stick) never keeps half a file: a failed write removes its ``.part``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.domain.masking import mask_id_number
from kiosk.services.base import Actor, require_role
from kiosk.ui.i18n import arg
from kiosk.ui.printing import MM_PER_INCH, PrintError, find_printer

if TYPE_CHECKING:
    from kiosk.store.households import HouseholdRow, MemberRow
    from kiosk.ui.backend import Backend

translate = QCoreApplication.translate

__all__ = [
    "FILE_STEM",
    "Format",
    "IncompleteFile",
    "RouteSheet",
    "SheetAlley",
    "SheetHousehold",
    "SheetMember",
    "SheetStreet",
    "build_route_sheet",
    "load_route_sheet",
    "paint_route_sheet",
    "print_route_sheet",
    "record_route_sheet",
    "save_pdf",
    "save_xlsx",
    "status_text",
]

FILE_STEM = "phieu-di-ho"
"""Files are ``phieu-di-ho-<date>-<time>.pdf`` / ``.xlsx``: plain ASCII for any stick's file system."""
PART_SUFFIX = ".part"
MARGIN_MM = 12.0
Format = Literal["pdf", "xlsx"]


# --- the sheet as data ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetMember:
    """A person still to see: the name, the birth year and the masked ID (never the full one)."""

    full_name: str
    birth_year: int
    masked_id: str
    come_back_on: date | None = None
    """The day they asked the round to come back, if they did."""


@dataclass(frozen=True)
class SheetHousehold:
    """A household not yet done, with its members still to see."""

    address: str
    group: str
    status: str
    """``not_started``, ``partial`` or ``absent`` (:func:`status_text` words it)."""
    come_back_on: date | None
    members: tuple[SheetMember, ...]


@dataclass(frozen=True)
class SheetAlley:
    name: str
    """The alley (``ngõ 12``, ``ngách 3``…); "" for the houses on the street itself."""
    households: tuple[SheetHousehold, ...]


@dataclass(frozen=True)
class SheetStreet:
    name: str
    """"" for the addresses the roster gives without a street."""
    alleys: tuple[SheetAlley, ...]


@dataclass(frozen=True)
class RouteSheet:
    """Tonight's round: where, for which groups, made when and by whom, and what to visit."""

    ward: str
    groups: tuple[str, ...]
    generated_at: datetime
    operator: str
    streets: tuple[SheetStreet, ...]

    def households(self) -> Iterator[tuple[SheetStreet, SheetAlley, SheetHousehold]]:
        """Every household in the sheet's order, with its street and alley."""
        for street in self.streets:
            for alley in street.alleys:
                for household in alley.households:
                    yield street, alley, household

    @property
    def household_count(self) -> int:
        return sum(1 for _ in self.households())

    @property
    def member_count(self) -> int:
        return sum(len(household.members) for _, _, household in self.households())


def _come_back(outcome: object) -> date | None:
    """The day of a "come back" outcome (an ``OutcomeRecord`` or None)."""
    if getattr(outcome, "outcome", None) != "come_back":
        return None
    day = getattr(outcome, "come_back_on", None)
    return day if isinstance(day, date) else None


def _member(member: MemberRow) -> SheetMember:
    return SheetMember(
        member.full_name,
        member.birth_year,
        mask_id_number(member.id_number),
        _come_back(member.outcome),
    )


def build_route_sheet(
    rows: Iterable[HouseholdRow],
    *,
    not_done: Collection[str],
    ward: str,
    operator: str,
    generated_at: datetime,
    groups: Collection[str] | None = None,
    street: str | None = None,
    alley: str | None = None,
) -> RouteSheet:
    """The sheet of the households of ``rows`` whose status is in ``not_done`` (of ``groups``,
    ``street`` and ``alley`` when given), by street then alley in the rows' order. A household lists the members
    with records on file who are not done yet: the people the round has to see."""
    streets: dict[str, dict[str, list[SheetHousehold]]] = {}
    seen_groups: dict[str, None] = {}
    for row in rows:
        if row.status not in not_done or (groups is not None and row.group not in groups):
            continue
        if (street is not None and row.street != street) or (
            alley is not None and row.alley != alley
        ):
            continue
        members = tuple(_member(m) for m in row.members if m.on_file and not m.done)
        household = SheetHousehold(
            row.address, row.group, row.status, _come_back(row.outcome), members
        )
        streets.setdefault(row.street, {}).setdefault(row.alley, []).append(household)
        seen_groups[row.group] = None
    covered = tuple(groups) if groups is not None else tuple(seen_groups)
    return RouteSheet(
        ward=ward,
        groups=covered,
        generated_at=generated_at,
        operator=operator,
        streets=tuple(
            SheetStreet(name, tuple(SheetAlley(a, tuple(h)) for a, h in alleys.items()))
            for name, alleys in streets.items()
        ),
    )


def load_route_sheet(
    backend: Backend,
    actor: Actor,
    groups: Collection[str] | None = None,
    street: str | None = None,
    alley: str | None = None,
) -> RouteSheet:
    """(Database worker) tonight's sheet from the roster; officers only: it holds names."""
    from kiosk.store.households import NOT_YET_DONE, household_rows

    require_role(actor, "make the route sheet", "officer")
    with backend.store.reader() as conn:
        rows = household_rows(conn)
    return build_route_sheet(
        rows,
        not_done=NOT_YET_DONE,
        ward=backend.station.info().ward or "",
        operator=actor.name,
        generated_at=backend.clock(),
        groups=None if groups is None else tuple(groups),
        street=street,
        alley=alley,
    )


def record_route_sheet(
    backend: Backend, actor: Actor, sheet: RouteSheet, fmt: Format | None = None
) -> None:
    """(Database worker) the sheet was printed (``fmt`` None: ``route_sheet.print``) or saved
    (``route_sheet.export`` with its format): audited with counts only, never names."""
    require_role(actor, "make the route sheet", "officer")
    details: dict[str, object] = {
        "households": sheet.household_count,
        "people": sheet.member_count,
        "groups": len(sheet.groups),
    }
    if fmt is not None:
        details["format"] = fmt
    action = "route_sheet.print" if fmt is None else "route_sheet.export"
    backend.audit.record(actor, action, details=details)


# --- words ----------------------------------------------------------------------------------------


def _day(value: date) -> str:
    return f"{value:%d/%m}"


def status_text(household: SheetHousehold) -> str:
    """The household's status in words, with the day to come back when one was given."""
    if household.status == "not_started":
        text = translate("RouteSheet", "not started")
    elif household.status == "partial":
        text = translate("RouteSheet", "partly done")
    elif household.status == "absent":
        text = translate("RouteSheet", "not at home")
    else:
        text = household.status
    if household.come_back_on is not None:
        text = arg(
            translate("RouteSheet", "%1, come back on %2"), text, _day(household.come_back_on)
        )
    return text


def title_text(sheet: RouteSheet) -> str:
    """ "Route sheet — <ward> — <date>": the top of every page, and of the spreadsheet."""
    parts = [translate("RouteSheet", "Route sheet"), sheet.ward, f"{sheet.generated_at:%d/%m/%Y}"]
    return " — ".join(part for part in parts if part)


def about_text(sheet: RouteSheet) -> list[str]:
    """Which groups, made when and by whom, how many: under the title of the first page."""
    groups = ", ".join(sheet.groups) or "—"
    return [
        arg(translate("RouteSheet", "Residential groups: %1"), groups),
        arg(
            translate("RouteSheet", "Made on %1 by %2"),
            f"{sheet.generated_at:%d/%m/%Y %H:%M}",
            sheet.operator,
        ),
        arg(
            translate("RouteSheet", "Households not yet done: %1 · people to see: %2"),
            sheet.household_count,
            sheet.member_count,
        ),
    ]


def street_text(street: SheetStreet) -> str:
    return street.name or translate("RouteSheet", "Address without a street")


def alley_text(alley: SheetAlley) -> str:
    return alley.name or translate("RouteSheet", "On the street itself")


def _continued(text: str) -> str:
    return arg(translate("RouteSheet", "%1 (continued)"), text)


def _member_note(member: SheetMember) -> str:
    if member.come_back_on is None:
        return ""
    return arg(translate("RouteSheet", "come back on %1"), _day(member.come_back_on))


# --- on paper ------------------------------------------------------------------------------------


class _Page:
    """Fonts and lengths on one printer (in its dots)."""

    def __init__(self, printer: QPrinter) -> None:
        self.printer = printer
        self.rect = printer.pageLayout().paintRectPixels(printer.resolution())
        self.width = float(self.rect.width())
        base = QGuiApplication.font()  # the kiosk's font: full Vietnamese coverage
        self.title = self._font(base, 12, bold=True)
        self.street = self._font(base, 13, bold=True)
        self.alley = self._font(base, 11.5, bold=True)
        self.address = self._font(base, 11, bold=True)
        self.text = self._font(base, 10.5)
        self.small = self._font(base, 9)

    @staticmethod
    def _font(base: QFont, points: float, *, bold: bool = False) -> QFont:
        font = QFont(base)
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def dots(self, mm: float) -> float:
        return mm / MM_PER_INCH * self.printer.logicalDpiY()

    def line(self, font: QFont) -> float:
        return QFontMetricsF(font, self.printer).height()

    def wrapped(self, font: QFont, text: str, width: float) -> float:
        flags = int(Qt.TextFlag.TextWordWrap)
        box = QFontMetricsF(font, self.printer).boundingRect(QRectF(0, 0, width, 1e7), flags, text)
        return box.height()


@dataclass(frozen=True)
class _Heading:
    text: str
    level: int
    """1: a street; 2: an alley."""

    def before(self, page: _Page) -> float:
        return page.dots(5 if self.level == 1 else 2.5)

    def height(self, page: _Page) -> float:
        return page.line(page.street if self.level == 1 else page.alley) + page.dots(1)

    def paint(self, painter: QPainter, page: _Page, y: float) -> None:
        font = page.street if self.level == 1 else page.alley
        indent = 0 if self.level == 1 else page.dots(3)
        painter.setFont(font)
        painter.drawText(QRectF(indent, y, page.width - indent, page.line(font)), 0, self.text)
        if self.level == 1:
            rule = y + page.line(font) + page.dots(0.5)
            painter.fillRect(QRectF(0, rule, page.width, page.dots(0.3)), Qt.GlobalColor.black)


@dataclass(frozen=True)
class _About:
    lines: tuple[str, ...]

    def before(self, page: _Page) -> float:
        return 0.0

    def height(self, page: _Page) -> float:
        return sum(page.wrapped(page.text, line, page.width) for line in self.lines)

    def paint(self, painter: QPainter, page: _Page, y: float) -> None:
        painter.setFont(page.text)
        for line in self.lines:
            height = page.wrapped(page.text, line, page.width)
            painter.drawText(QRectF(0, y, page.width, height), int(Qt.TextFlag.TextWordWrap), line)
            y += height


@dataclass(frozen=True)
class _House:
    """A household: its box, address and status; a box, name, birth year and masked ID for each
    member; a line to write a note on."""

    household: SheetHousehold

    INDENT_MM = 8.0
    BOX_MM = 4.0
    YEAR_MM = 16.0
    ID_MM = 36.0
    NOTE_MM = 8.0

    def before(self, page: _Page) -> float:
        return page.dots(3)

    def _text_width(self, page: _Page) -> float:
        return page.width - page.dots(self.INDENT_MM)

    def height(self, page: _Page) -> float:
        width = self._text_width(page)
        height = page.wrapped(page.address, self.household.address, width)
        height += page.line(page.small)
        height += len(self.household.members) * (page.line(page.text) + page.dots(1))
        return height + page.dots(self.NOTE_MM)

    @staticmethod
    def _box(painter: QPainter, x: float, y: float, side: float, line: float) -> None:
        """A box to tick, ``side`` dots wide, in the middle of a line of text."""
        painter.drawRect(QRectF(x, y + (line - side) / 2, side, side))

    def paint(self, painter: QPainter, page: _Page, y: float) -> None:
        indent, width = page.dots(self.INDENT_MM), self._text_width(page)
        wrap = int(Qt.TextFlag.TextWordWrap)
        painter.setPen(QPen(Qt.GlobalColor.black, page.dots(0.3)))
        self._box(painter, 0, y, page.dots(self.BOX_MM), page.line(page.address))
        height = page.wrapped(page.address, self.household.address, width)
        painter.setFont(page.address)
        painter.drawText(QRectF(indent, y, width, height), wrap, self.household.address)
        y += height
        painter.setFont(page.small)
        painter.drawText(
            QRectF(indent, y, width, page.line(page.small)), 0, status_text(self.household)
        )
        y += page.line(page.small)
        line = page.line(page.text)
        id_x = page.width - page.dots(self.ID_MM)
        year_x = id_x - page.dots(self.YEAR_MM)
        name_x = indent + page.dots(self.BOX_MM + 1)
        metrics = QFontMetricsF(page.text, page.printer)
        painter.setFont(page.text)
        for member in self.household.members:
            y += page.dots(1)
            self._box(painter, indent, y, page.dots(self.BOX_MM - 0.8), line)
            name = member.full_name
            note = _member_note(member)
            if note:
                name = f"{name} ({note})"
            name = metrics.elidedText(
                name, Qt.TextElideMode.ElideRight, year_x - name_x - page.dots(2)
            )
            painter.drawText(QRectF(name_x, y, year_x - name_x, line), 0, name)
            painter.drawText(
                QRectF(year_x, y, page.dots(self.YEAR_MM), line), 0, str(member.birth_year)
            )
            painter.drawText(QRectF(id_x, y, page.dots(self.ID_MM), line), 0, member.masked_id)
            y += line
        note_label = translate("RouteSheet", "Note:")
        painter.setFont(page.small)
        label_height = page.line(page.small)
        bottom = y + page.dots(self.NOTE_MM) - page.dots(1.5)
        painter.drawText(QRectF(indent, bottom - label_height, width, label_height), 0, note_label)
        start = indent + QFontMetricsF(page.small, page.printer).horizontalAdvance(note_label)
        painter.setPen(QPen(QColor("#808080"), page.dots(0.2), Qt.PenStyle.DotLine))
        painter.drawLine(int(start + page.dots(2)), int(bottom), int(page.width), int(bottom))
        painter.setPen(QPen(Qt.GlobalColor.black, page.dots(0.3)))


_Block = _Heading | _About | _House


def _alley_shown(street: SheetStreet, alley: SheetAlley) -> bool:
    """An alley gets a heading, unless the street's houses are all on the street itself."""
    return bool(alley.name) or len(street.alleys) > 1


def _units(sheet: RouteSheet) -> Iterator[tuple[list[_Block], SheetStreet, SheetAlley | None]]:
    """The blocks in groups that stay on one page: the headings with the household after them."""
    yield [_About(tuple(about_text(sheet)))], SheetStreet("", ()), None
    for street in sheet.streets:
        first_of_street = True
        for alley in street.alleys:
            first_of_alley = True
            for household in alley.households:
                unit: list[_Block] = []
                if first_of_street:
                    unit.append(_Heading(street_text(street), 1))
                if first_of_alley and _alley_shown(street, alley):
                    unit.append(_Heading(alley_text(alley), 2))
                first_of_street = first_of_alley = False
                yield [*unit, _House(household)], street, alley


def _paginate(sheet: RouteSheet, page: _Page, body: float) -> list[list[tuple[_Block, float]]]:
    """Each page's blocks with their top (from the top of the body). A household taller than a
    page (dozens of members) would run off its page: the roster's households are far smaller."""
    pages: list[list[tuple[_Block, float]]] = [[]]
    y = 0.0
    for unit, street, alley in _units(sheet):
        heights = [(b.before(page) if i or y else 0) + b.height(page) for i, b in enumerate(unit)]
        if pages[-1] and y + sum(heights) > body:
            pages.append([])
            y = 0.0
            if not isinstance(unit[0], _Heading) or unit[0].level == 2:  # the street goes on
                again: list[_Block] = [_Heading(_continued(street_text(street)), 1)]
                if alley is not None and _alley_shown(street, alley) and len(unit) == 1:
                    again.append(_Heading(_continued(alley_text(alley)), 2))
                unit = again + unit
        for block in unit:
            if y:
                y += block.before(page)
            pages[-1].append((block, y))
            y += block.height(page)
    return pages


def _header(painter: QPainter, page: _Page, sheet: RouteSheet, number: int, total: int) -> None:
    """The page's header: the title on the left, "Page n/N" on the right, a rule under them."""
    line = page.line(page.title)
    painter.setFont(page.title)
    painter.drawText(QRectF(0, 0, page.width * 0.8, line), 0, title_text(sheet))
    painter.setFont(page.small)
    numbering = arg(translate("RouteSheet", "Page %1/%2"), number, total)
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    painter.drawText(QRectF(page.width * 0.8, 0, page.width * 0.2, line), right, numbering)
    painter.fillRect(
        QRectF(0, line + page.dots(1), page.width, page.dots(0.4)), Qt.GlobalColor.black
    )


def _footer(painter: QPainter, page: _Page) -> None:
    """The privacy line at the bottom of each page."""
    text = translate(
        "RouteSheet", "Personal data: keep this sheet with you and hand it back after the round."
    )
    line = page.line(page.small)
    painter.setFont(page.small)
    painter.drawText(
        QRectF(0, page.rect.height() - line, page.width, line),
        int(Qt.AlignmentFlag.AlignHCenter),
        text,
    )


def _set_a4(printer: QPrinter) -> None:
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        margins,
        QPageLayout.Unit.Millimeter,
    )
    printer.setPageLayout(layout)


def paint_route_sheet(sheet: RouteSheet, printer: QPrinter) -> int:
    """Paint ``sheet`` on A4 pages of ``printer``; returns the number of pages.

    Raises :class:`~kiosk.ui.printing.PrintError` when the printer cannot be opened or the job
    breaks off (as the receipt does).
    """
    _set_a4(printer)
    page = _Page(printer)
    header = page.line(page.title) + page.dots(4)
    footer = page.line(page.small) + page.dots(2)
    body = page.rect.height() - header - footer
    pages = _paginate(sheet, page, body)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("not_opened", printer.printerName())
    try:
        for number, blocks in enumerate(pages, start=1):
            if number > 1:
                printer.newPage()
            painter.setPen(QPen(Qt.GlobalColor.black, page.dots(0.3)))
            _header(painter, page, sheet, number, len(pages))
            _footer(painter, page)
            for block, y in blocks:
                block.paint(painter, page, header + y)
    finally:
        ended = painter.end()
    if not ended or printer.printerState() in (
        QPrinter.PrinterState.Error,
        QPrinter.PrinterState.Aborted,
    ):
        raise PrintError("failed", printer.printerName())
    return len(pages)


def print_route_sheet(sheet: RouteSheet, printer_name: str) -> str:
    """(Worker) print ``sheet`` on ``printer_name`` ("": the kiosk's choice, as for receipts);
    returns the printer's name. Raises :class:`~kiosk.ui.printing.PrintError`."""
    name = find_printer(printer_name)
    if name is None:
        raise PrintError("not_found" if printer_name else "no_printer", printer_name)
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        raise PrintError("not_found", name)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    if not printer.isValid():
        raise PrintError("not_opened", name)
    printer.setDocName("Route sheet")  # the spooler's job list: no personal data
    paint_route_sheet(sheet, printer)
    return name


# --- to files --------------------------------------------------------------------------------------


class IncompleteFile(OSError):
    """The PDF writer stopped before the end of the file (the kiosk's own disk is full?)."""


def file_name(sheet: RouteSheet, fmt: Format) -> str:
    return f"{FILE_STEM}-{sheet.generated_at:%Y%m%d-%H%M%S}.{fmt}"


def _free_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name-2``, ``name-3``… when a file already has it: nothing is replaced."""
    path = folder / name
    stem, suffix = path.stem, path.suffix
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{suffix}"
        number += 1
    return path


def _write_atomically(folder: Path, name: str, write: Callable[[Path], object]) -> Path:
    """Write a file through ``write(part)``, sync it, then rename it to its name; on any failure
    the part is removed, so the folder holds the whole file or none."""
    target = _free_path(folder, name)
    part = target.with_name(f".{target.name}{PART_SUFFIX}")
    try:
        write(part)
        with part.open("rb+") as written:  # on the stick before it says "saved"
            os.fsync(written.fileno())
        part.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):  # the stick may be gone
            part.unlink(missing_ok=True)
        raise
    return target


def save_pdf(sheet: RouteSheet, folder: Path) -> Path:
    """(Worker) the sheet as a PDF in ``folder``; returns its path. The PDF is painted into a
    private temporary file first (QPrinter does not report a failed write), checked whole, then
    copied: a full stick then raises ``OSError`` (ENOSPC) like any other write."""
    with tempfile.TemporaryDirectory(prefix="kiosk-sheet-") as private:
        painted = Path(private, "sheet.pdf")
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(painted))
        printer.setCreator("kiosk")
        printer.setDocName("Route sheet")
        paint_route_sheet(sheet, printer)
        _check_pdf(painted)
        return _write_atomically(
            folder, file_name(sheet, "pdf"), lambda part: shutil.copyfile(painted, part)
        )


def _check_pdf(path: Path) -> None:
    try:
        with path.open("rb") as pdf:
            head = pdf.read(5)
            pdf.seek(max(0, path.stat().st_size - 32))
            tail = pdf.read()
    except FileNotFoundError as error:
        raise IncompleteFile(str(error)) from error
    if head != b"%PDF-" or b"%%EOF" not in tail:
        raise IncompleteFile("the PDF was not written to its end")


def save_xlsx(sheet: RouteSheet, folder: Path) -> Path:
    """(Worker) the sheet as an XLSX workbook in ``folder``; returns its path."""
    workbook = _workbook(sheet)
    return _write_atomically(folder, file_name(sheet, "xlsx"), lambda part: workbook.save(part))


def xlsx_headers() -> tuple[str, ...]:
    """The spreadsheet's columns (each a literal here, for lupdate)."""
    return (
        translate("RouteSheet", "Street"),
        translate("RouteSheet", "Alley"),
        translate("RouteSheet", "Address"),
        translate("RouteSheet", "Status"),
        translate("RouteSheet", "Full name"),
        translate("RouteSheet", "Birth year"),
        translate("RouteSheet", "ID number"),
        translate("RouteSheet", "Met"),
        translate("RouteSheet", "Note"),
    )


XLSX_WIDTHS = (22, 16, 42, 24, 28, 10, 17, 8, 36)
XLSX_HEADER_ROW = 4
"""Rows 1–3: the title, what the sheet covers, a blank; then the column headers, frozen."""


def _xlsx_rows(sheet: RouteSheet) -> Iterator[list[object]]:
    """One row per person (a household with nobody listed: one row); None leaves a cell empty."""
    for street, alley, household in sheet.households():
        place = [street.name or None, alley.name or None, household.address, status_text(household)]
        if not household.members:
            yield [*place, None, None, None, None, None]
        for member in household.members:
            note = _member_note(member) or None
            yield [*place, member.full_name, member.birth_year, member.masked_id, None, note]


def _workbook(sheet: RouteSheet) -> Any:
    """The workbook (``openpyxl.Workbook``; openpyxl is imported here, when a sheet is saved)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = translate("RouteSheet", "Route sheet")[:31]
    last = get_column_letter(len(XLSX_WIDTHS))
    ws["A1"] = title_text(sheet)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = " · ".join(about_text(sheet))
    for row in (1, 2):
        ws.merge_cells(f"A{row}:{last}{row}")
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, (title, width) in enumerate(zip(xlsx_headers(), XLSX_WIDTHS, strict=True), 1):
        cell = ws.cell(XLSX_HEADER_ROW, column, title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE5F0")
        cell.border = box
        ws.column_dimensions[get_column_letter(column)].width = width
    for values in _xlsx_rows(sheet):
        ws.append(values)
        for cell in ws[ws.max_row]:
            cell.border = box
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.freeze_panes = f"A{XLSX_HEADER_ROW + 1}"
    ws.print_title_rows = f"{XLSX_HEADER_ROW}:{XLSX_HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return workbook
