"""One-tap pickers for the visit screens: vehicle kind, brand, colour, licence class, papers seen.

Each is a grid of big buttons (:class:`ChoiceRow`) whose values are the payload's codes and whose
labels are in the current language. Brand and colour end with "Other", which shows a text field for
what the list lacks. The buttons never take the keyboard focus, so a text field keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import get_args

from PySide6.QtCore import QEvent, QRect, QSize, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.licences import CLASSES, SCHEMES, scheme_for
from kiosk.domain.plates import VEHICLE_KINDS
from kiosk.exchange.payload_fields import Paper
from kiosk.ui.resources import icon
from kiosk.ui.widgets.choice import ChoiceRow

OTHER = "other"
"""The value of the "Other" button of the brand and colour pickers."""

CAR_BRANDS = ("Toyota", "Hyundai", "Kia", "Mazda", "Ford", "Mitsubishi", "Honda", "VinFast")
MOTORBIKE_BRANDS = ("Honda", "Yamaha", "Suzuki", "SYM", "Piaggio", "VinFast")
ELECTRIC_BRANDS = ("VinFast", "Yadea", "Pega", "Honda", "Yamaha")
BRANDS: dict[str | None, tuple[str, ...]] = {
    "car": CAR_BRANDS,
    "motorbike": MOTORBIKE_BRANDS,
    "electric_motorbike": ELECTRIC_BRANDS,
    None: tuple(dict.fromkeys(CAR_BRANDS + MOTORBIKE_BRANDS + ELECTRIC_BRANDS)),
}
"""The brands offered for each vehicle kind, most common first; any kind ("other", None): all."""

COLOURS: dict[str, tuple[str, ...]] = {
    "Trắng": ("#FFFFFF",),
    "Đen": ("#111111",),
    "Bạc": ("#C0C0C0",),
    "Xám": ("#7A7A7A",),
    "Đỏ": ("#C62828",),
    "Xanh": ("#1565C0", "#2E7D32"),  # the papers' "Xanh" is blue or green
    "Vàng": ("#F9C80E",),
    "Nâu": ("#6D4C41",),
}
"""Colour as the registration papers write it (the payload's value) -> the swatch's stripes."""
SWATCH_PX = 36
CHECK_PX = 32

PAPERS: tuple[str, ...] = get_args(Paper)
"""The papers a resident can show, in the payload's order; ``none`` goes with no other."""
NO_PAPERS = "none"


def swatch(stripes: Sequence[str], size: int = SWATCH_PX) -> QIcon:
    """A square of the colour (side by side stripes for several), framed dark so white shows."""
    frame, inner = 3, size - 6
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("#111111"))
    painter = QPainter(pixmap)
    edges = [frame + inner * index // len(stripes) for index in range(len(stripes) + 1)]
    for colour, left, right in zip(stripes, edges, edges[1:], strict=False):
        painter.fillRect(QRect(left, frame, right - left, inner), QColor(colour))
    painter.end()
    return QIcon(pixmap)


def class_order(cls: str) -> tuple[bool, bool, str, bool, str]:
    """Licence classes in the order of the law: A1 A B1 B C1 C D1 D2 D, then the trailer classes
    (BE, C1E … DE), then the 2008 F classes (FB2 … FE)."""
    f_class = cls.startswith("F")
    base = cls[1:] if f_class else cls
    trailer = len(base) > 1 and base.endswith("E")
    base = base[:-1] if trailer else base
    return f_class, trailer, base[0], base[1:] == "", base[1:]


class _Picker(ChoiceRow):
    """A row of choices whose labels follow the language (the subclass writes them)."""

    def __init__(
        self,
        values: Sequence[str],
        parent: QWidget | None = None,
        *,
        columns: int,
        exclusive: bool = True,
    ) -> None:
        super().__init__(values, parent, columns=columns, exclusive=exclusive, take_focus=False)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        """The labels in the current language."""
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch without a restart."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


class KindPicker(_Picker):
    """Car, motorbike, electric motorbike, other: ``chosen`` carries the kind's code."""

    def __init__(self, parent: QWidget | None = None, *, columns: int = 2) -> None:
        super().__init__(VEHICLE_KINDS, parent, columns=columns)

    def retranslateUi(self) -> None:
        """The labels in the current language."""
        labels = {
            "car": self.tr("Car"),
            "motorbike": self.tr("Motorbike"),
            "electric_motorbike": self.tr("Electric motorbike"),
            "other": self.tr("Other"),
        }
        self.set_labels([labels[kind] for kind in VEHICLE_KINDS])


class PaperChips(_Picker):
    """The papers seen, any number of them; "none" clears the others and any other clears "none".

    ``changed`` carries the chosen codes, in the payload's order, after every tap.
    """

    changed = Signal(list)

    def __init__(self, parent: QWidget | None = None, *, columns: int = 2) -> None:
        super().__init__(PAPERS, parent, columns=columns, exclusive=False)
        self.chosen.connect(self._tapped)
        self._mark()

    def value(self) -> list[str]:
        """The codes of the papers seen, in the payload's order ([] when nothing is chosen yet)."""
        return list(self.checked_values())

    def set_value(self, value: Sequence[str]) -> None:
        """Show ``value`` as chosen (without emitting); "none" wins over the others."""
        self.set_checked([NO_PAPERS] if NO_PAPERS in value else value)
        self._mark()

    def _tapped(self, code: str) -> None:
        if self.button_for(code).isChecked():
            if code == NO_PAPERS:
                self.set_checked([NO_PAPERS])
            else:
                self.button_for(NO_PAPERS).setChecked(False)
        self._mark()
        self.changed.emit(self.value())

    def _mark(self) -> None:
        """A check mark on each chosen chip: the choice is not told by colour alone."""
        for button in self.buttons:
            button.setIcon(icon("check", "#FFFFFF") if button.isChecked() else QIcon())
            button.setIconSize(QSize(CHECK_PX, CHECK_PX))

    def retranslateUi(self) -> None:
        """The labels in the current language."""
        labels = {
            "registration_certificate": self.tr("Registration certificate"),
            "sale_contract": self.tr("Sale contract"),
            "handwritten_sale_paper": self.tr("Handwritten sale paper"),
            "none": self.tr("No papers"),
        }
        self.set_labels([labels[code] for code in PAPERS])


class _WithOther(QWidget):
    """A row of choices ending with "Other", which shows a text field for anything else.

    ``chosen`` carries :meth:`value` after every tap and every edit of the field.
    """

    chosen = Signal(object)

    def __init__(self, values: Sequence[str], parent: QWidget | None, *, columns: int) -> None:
        super().__init__(parent)
        self._listed = tuple(values)
        self.row = ChoiceRow([*values, OTHER], columns=columns, take_focus=False)
        self.other_field = QLineEdit()
        self.other_field.setMaxLength(100)  # the payload's short text
        self.other_field.hide()
        self.row.chosen.connect(self._tapped)
        self.other_field.textEdited.connect(lambda _text: self.chosen.emit(self.value()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.row)
        layout.addWidget(self.other_field)

    def value(self) -> str | None:
        """The listed value tapped, the text typed after "Other", or None (nothing, or no text)."""
        chosen = self.row.value()
        if chosen == OTHER:
            return self.other_field.text().strip() or None
        return None if chosen is None else str(chosen)

    def set_value(self, value: str | None) -> None:
        """Show ``value`` (from the papers on file): its button when listed, else in the field."""
        listed = {shown.casefold(): shown for shown in self._shown()}
        if not value:
            self.row.clear()
            self.other_field.clear()
        elif value.casefold() in listed:
            self.row.set_value(listed[value.casefold()])
        else:
            self.row.set_value(OTHER)
            self.other_field.setText(value)
        self.other_field.setVisible(self.row.value() == OTHER)

    def _shown(self) -> Sequence[str]:
        """The listed values on show (all of them unless a subclass narrows them)."""
        return self._listed

    def _tapped(self, value: str) -> None:
        other = value == OTHER
        self.other_field.setVisible(other)
        if other:
            self.other_field.setFocus()  # typing (on-screen keyboard or keys) goes there at once
        self.chosen.emit(self.value())

    def retranslateUi(self) -> None:
        """The labels in the current language."""
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch without a restart."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


class BrandPicker(_WithOther):
    """The common brands of the vehicle kind, and "Other" with a field for the rest."""

    def __init__(
        self, parent: QWidget | None = None, *, kind: str | None = None, columns: int = 3
    ) -> None:
        super().__init__(BRANDS[None], parent, columns=columns)
        self._kind: str | None = None
        self.set_kind(kind)
        self.retranslateUi()

    def set_kind(self, kind: str | None) -> None:
        """Offer the brands of ``kind`` (all of them for "other" or None); a brand tapped that the
        kind does not list is dropped, a brand typed after "Other" stays."""
        if kind is not None and kind not in VEHICLE_KINDS:
            raise ValueError(f"unknown vehicle kind {kind!r}")
        self._kind = kind
        self.row.show_only([*BRANDS.get(kind, BRANDS[None]), OTHER])

    def _shown(self) -> Sequence[str]:
        return BRANDS.get(self._kind, BRANDS[None])

    def retranslateUi(self) -> None:
        """The labels in the current language (brand names stay as they are)."""
        self.row.set_labels([*BRANDS[None], self.tr("Other brand")])
        self.other_field.setPlaceholderText(self.tr("Type the brand"))


class ColourPicker(_WithOther):
    """Common colours, each with a swatch and its name (never the colour alone), and "Other"."""

    def __init__(self, parent: QWidget | None = None, *, columns: int = 3) -> None:
        super().__init__(tuple(COLOURS), parent, columns=columns)
        for stripes, button in zip(COLOURS.values(), self.row.buttons, strict=False):
            button.setIcon(swatch(stripes))
            button.setIconSize(QSize(SWATCH_PX, SWATCH_PX))
        self.retranslateUi()

    def retranslateUi(self) -> None:
        """The labels in the current language."""
        labels = {
            "Trắng": self.tr("White"),
            "Đen": self.tr("Black"),
            "Bạc": self.tr("Silver"),
            "Xám": self.tr("Grey"),
            "Đỏ": self.tr("Red"),
            "Xanh": self.tr("Blue or green"),
            "Vàng": self.tr("Yellow"),
            "Nâu": self.tr("Brown"),
        }
        self.row.set_labels([*(labels[name] for name in COLOURS), self.tr("Other colour")])
        self.other_field.setPlaceholderText(self.tr("Type the colour"))


class LicenceClassPicker(QWidget):
    """The licence's scheme (issued before 2025 or from 2025), then its class in that scheme.

    The scheme is tapped, or follows the issue date (:meth:`set_issue_date`); switching it drops
    the class, since A1 and B1 mean other things in the two schemes. ``chosen`` carries
    ``(scheme, class)`` when a class is tapped.
    """

    chosen = Signal(str, str)
    scheme_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, columns: int = 5) -> None:
        super().__init__(parent)
        self._scheme = ""
        self.scheme_choice = ChoiceRow(SCHEMES, take_focus=False)
        self.scheme_choice.chosen.connect(self._show_scheme)
        self.class_rows: dict[str, ChoiceRow] = {}
        self._pages = QStackedWidget()
        for scheme in SCHEMES:
            classes = sorted(CLASSES[scheme], key=class_order)
            row = ChoiceRow(classes, columns=columns, take_focus=False)
            row.set_labels(classes)  # the law's names, the same in every language
            row.chosen.connect(lambda cls, s=scheme: self.chosen.emit(s, cls))
            self.class_rows[scheme] = row
            self._pages.addWidget(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.scheme_choice)
        layout.addWidget(self._pages)
        self.set_scheme(SCHEMES[-1])
        self.retranslateUi()

    def scheme(self) -> str:
        """The scheme whose classes are shown: ``2008`` or ``2024``."""
        return self._scheme

    def set_scheme(self, scheme: str) -> None:
        """Show the classes of ``scheme``; the class chosen is dropped when the scheme changes."""
        if scheme not in SCHEMES:
            raise ValueError(f"unknown licence scheme {scheme!r}")
        self.scheme_choice.set_value(scheme)
        self._show_scheme(scheme)

    def set_issue_date(self, issue_date: date) -> None:
        """The scheme of a licence issued on ``issue_date`` (before 2025: 2008)."""
        self.set_scheme(scheme_for(issue_date))

    def value(self) -> str | None:
        """The class chosen in the scheme shown, or None."""
        chosen = self.class_rows[self.scheme()].value()
        return None if chosen is None else str(chosen)

    def set_value(self, scheme: str, cls: str) -> None:
        """Show ``cls`` of ``scheme`` as chosen (a licence on file), without emitting ``chosen``."""
        self.set_scheme(scheme)
        self.class_rows[scheme].set_value(cls)

    def _show_scheme(self, scheme: str) -> None:
        if scheme == self._scheme:
            return
        self._scheme = scheme
        for row in self.class_rows.values():
            row.clear()
        self._pages.setCurrentWidget(self.class_rows[scheme])
        self.scheme_changed.emit(scheme)

    def retranslateUi(self) -> None:
        """The labels in the current language."""
        self.scheme_choice.set_labels([self.tr("Issued before 2025"), self.tr("Issued from 2025")])

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch without a restart."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
