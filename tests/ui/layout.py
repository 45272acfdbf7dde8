"""A reusable layout check for every screen: no text is cut, touch targets are big and apart.

Use it from any screen's test::

    from tests.ui.layout import assert_layout_ok
    assert_layout_ok(window)          # window already resized, shown and laid out

"Cut" means the size a text needs (font metrics, with word wrap at the width it was given) is
more than the size the layout gave its widget, or the widget reaches outside the window.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.ui.resources import load_fonts
from kiosk.ui.theme import apply_theme

MIN_TARGET_PX = 64
LAYOUT_PASSES = 5
SIZES = ((1366, 768), (1280, 800), (1920, 1080))


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QLineEdit):
        text = widget.placeholderText()
    short = re.sub(r"\s+", " ", text)[:40]
    return f"{type(widget).__name__}({widget.objectName() or '-'}, {short!r})"


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0 and widget.height() > 0


def _scroll_area(widget: QWidget, window: QWidget) -> QAbstractScrollArea | None:
    """The scroll area ``widget`` scrolls in, if any."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    inner = label.contentsRect()
    metrics = label.fontMetrics()
    if label.textFormat() == Qt.TextFormat.RichText:  # a table: its layout, not its source
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)  # as a label lays its text out
        document.setHtml(text)
        if document.idealWidth() > inner.width() + 1:
            return f"needs {document.idealWidth():.0f}px of width, has {inner.width()}px"
        document.setTextWidth(inner.width())
        if document.size().height() > inner.height() + 1:
            return f"needs {document.size().height():.0f}px of height, has {inner.height()}px"
        return None
    if label.wordWrap():
        widest_word = max((metrics.horizontalAdvance(word) for word in text.split()), default=0)
        if widest_word > inner.width():
            return f"a word is wider ({widest_word}px) than the label ({inner.width()}px)"
        needed = label.heightForWidth(label.width())
        if needed > label.height():
            return f"needs {needed}px of height at its width, has {label.height()}px"
        return None
    needed_width = max(metrics.horizontalAdvance(line) for line in text.splitlines() or [text])
    if needed_width > inner.width():
        return f"needs {needed_width}px of width, has {inner.width()}px"
    lines = max(1, len(text.splitlines()))
    if metrics.height() * lines > inner.height():
        return f"needs {metrics.height() * lines}px of height, has {inner.height()}px"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    hint = button.sizeHint()
    if button.text() and button.width() < hint.width():
        return f"text needs {hint.width()}px of width, has {button.width()}px"
    if button.text() and button.height() < button.fontMetrics().height():
        return f"text needs {button.fontMetrics().height()}px of height, has {button.height()}px"
    if button.width() < MIN_TARGET_PX or button.height() < MIN_TARGET_PX:
        return f"touch target {button.width()}×{button.height()} is under {MIN_TARGET_PX}px"
    return None


def layout_problems(window: QWidget) -> list[str]:
    """Every cut text, small or overlapping touch target, and widget outside the window."""
    for _ in range(LAYOUT_PASSES):  # a relayout can post another (scroll areas, wrapped text)
        QApplication.processEvents()
    problems: list[str] = []
    frame = _global_rect(window)
    targets: list[tuple[QWidget, QRect]] = []
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window):
            continue
        area = _scroll_area(widget, window)
        scrolled = area is not None
        rect = _global_rect(widget)
        if area is not None:  # only the part in the viewport can be touched (or overlap)
            rect = rect.intersected(_global_rect(area.viewport()))
        if not scrolled and not frame.contains(rect):
            problems.append(f"{_name(widget)} reaches outside the window: {rect} not in {frame}")
        problem = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton):
            problem = _button_problem(widget)
            if not rect.isEmpty():
                targets.append((widget, rect))
        elif isinstance(widget, QLineEdit):
            if widget.height() < MIN_TARGET_PX:
                problem = f"text field {widget.height()}px high, under {MIN_TARGET_PX}px"
            if not rect.isEmpty():
                targets.append((widget, rect))
        if problem:
            problems.append(f"{_name(widget)}: {problem}")
    for area in window.findChildren(QScrollArea):
        content = area.widget()
        if content is None or not _shown(area, window):
            continue
        if content.width() > area.viewport().width() + 1:  # it only scrolls up and down
            problems.append(
                f"{_name(content)} is {content.width()}px wide in a scroll area "
                f"{area.viewport().width()}px wide: its right part cannot be reached"
            )
    for index, (first, first_rect) in enumerate(targets):
        for second, second_rect in targets[index + 1 :]:
            if first_rect.intersects(second_rect):
                problems.append(f"{_name(first)} overlaps {_name(second)}")
    return problems


def assert_layout_ok(window: QWidget) -> None:
    """Fail with the list of layout problems, if any."""
    problems = layout_problems(window)
    assert problems == [], "layout problems:\n" + "\n".join(problems)


# --- one widget alone, in the kiosk's theme -----------------------------------------------------

WIDGET_SIZES = ((1366, 768), (1280, 800))
"""The touch screens of the community houses: a widget must fit each alone."""


@cache
def _font_family() -> str:
    return load_fonts()


@contextmanager
def themed(app: QApplication, text_size: str) -> Iterator[None]:
    """The kiosk's theme at ``text_size`` for the time of a test; the application's look after."""
    sheet, font = app.styleSheet(), app.font()
    apply_theme(app, _font_family(), text_size)
    try:
        yield
    finally:
        app.setStyleSheet(sheet)
        app.setFont(font)


def widget_problems(qtbot: QtBot, make: Callable[[], QWidget]) -> list[str]:
    """The layout problems of a widget made by ``make``, alone at the top of a window of each of
    :data:`WIDGET_SIZES` (a window that cannot be that small is a problem too)."""
    problems = []
    for width, height in WIDGET_SIZES:
        window = QWidget()
        qtbot.addWidget(window)
        column = QVBoxLayout(window)
        column.addWidget(make())
        column.addStretch(1)
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        where = f"{width}×{height}"
        if window.size().toTuple() != (width, height):
            problems.append(f"{where}: the window cannot be that small ({window.size()})")
        problems += [f"{where}: {problem}" for problem in layout_problems(window)]
        window.close()
    return problems
