"""Qt settings the first frame needs, given to Qt by name instead of through ``Qt``'s enums.

``from PySide6.QtCore import Qt`` makes PySide build every enum of the ``Qt`` namespace as a
Python enum, all at once: 93 enums with 1,195 members, about 20 ms and 118 M instructions, a third
of what the kiosk spends above a bare window before its first frame (docs/startup.md). The first
frame needs four of those values. Qt's meta-object system sets an enum property from the name of
its value, as style sheets and Designer files do, so these helpers set them without ``Qt``.

Code that runs after the first frame uses ``Qt`` as usual; the modules on the way to it import it
only inside the functions that run later (``python -m kiosk`` never builds it before the frame is
drawn; ``tests/ui/test_startup.py`` checks that).
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QWidget

FocusPolicy = Literal["NoFocus", "StrongFocus"]
Alignment = Literal["AlignCenter"]


def plain_text(label: QLabel) -> QLabel:
    """Show ``label``'s text as it is, never as rich text (names and messages come from people)."""
    _set(label, "textFormat", "PlainText")
    return label


def align(label: QLabel, alignment: Alignment) -> None:
    """Where ``label`` puts its text inside its box."""
    _set(label, "alignment", alignment)


def focus_policy(widget: QWidget, policy: FocusPolicy) -> None:
    """Whether ``widget`` takes the keyboard focus (``StrongFocus``) or never does (``NoFocus``)."""
    _set(widget, "focusPolicy", policy)


def no_horizontal_scroll_bar(area: QAbstractScrollArea) -> None:
    """``area`` scrolls up and down only: its content is laid out to its width."""
    _set(area, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")


def precise(timer: QTimer) -> QTimer:
    """``timer`` fires on the millisecond, not within Qt's default 5 % (a second in 20)."""
    _set(timer, "timerType", "PreciseTimer")
    return timer


def _set(target: QObject, name: str, value: str) -> None:
    if not target.setProperty(name, value):  # Qt answers False for a name it does not know
        raise ValueError(f"{type(target).__name__}.{name} has no value named {value!r}")
