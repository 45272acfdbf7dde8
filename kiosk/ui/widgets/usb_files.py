"""A file on a USB stick, chosen by touch: the kiosk has no file dialog to browse with a finger.

The files of one kind (a suffix, ``.roster``) at the top of each stick plugged in and one folder
down are listed as big buttons, newest first; "Look again" after plugging a stick in.  Looking
runs on a worker (``TaskRunner.net``): a slow or damaged stick never stalls the UI thread.
Sticks are the mounted volumes the system puts where removable media go (``/media``,
``/run/media``, ``/mnt``, ``/Volumes``; on Windows every drive but the system's).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QStorageInfo, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.i18n import arg
from kiosk.ui.screens.base import button, card, label
from kiosk.ui.tasks import TaskRunner, log_task_error
from kiosk.ui.widgets.question import Question

__all__ = [
    "FoundFile",
    "UsbFileChoice",
    "ask_folder",
    "choose_destination",
    "find_files",
    "removable_roots",
]

MEDIA_PREFIXES: Final = ("/media/", "/run/media/", "/mnt/", "/Volumes/")
MAX_ENTRIES: Final = 2000
"""Entries of a folder looked at, at most (a stick full of photos is not searched to the end)."""
MAX_FILES: Final = 8
"""Files shown, at most (the newest)."""
MAX_NAME: Final = 36
"""Characters of a file name shown on its button; a longer one is cut in the middle."""


@dataclass(frozen=True)
class FoundFile:
    """A file found on a stick: where, how big, when it was written."""

    path: Path
    size: int
    modified: datetime


def removable_roots() -> list[Path]:
    """The mounted volumes that are sticks or other removable media (module docstring)."""
    roots = []
    for volume in QStorageInfo.mountedVolumes():
        root = volume.rootPath()
        if not volume.isValid() or not volume.isReady() or volume.isRoot():
            continue  # read-only is fine: a write-protected stick is a good way to carry a file
        if os.name == "nt" or root.startswith(MEDIA_PREFIXES):
            roots.append(Path(root))
    return roots


def ask_folder(parent: QWidget, title: str) -> Path | None:
    """A folder the officer chooses when no stick is plugged in (None: cancelled)."""
    chosen = QFileDialog.getExistingDirectory(
        parent,
        title,
        str(Path.home()),
        QFileDialog.Option.ShowDirsOnly | QFileDialog.Option.DontUseNativeDialog,
    )
    return Path(chosen) if chosen else None


def choose_destination(
    parent: QWidget,
    runner: TaskRunner,
    find_volumes: Callable[[], list[Path]],
    ask: Callable[[], Path | None],
    *,
    several: str,
    chosen: Callable[[Path], None],
    given_up: Callable[[], None],
) -> None:
    """Where an officer's file goes: the one stick plugged in; among several, the one tapped
    (``several`` says what for); with none, a folder ``ask`` gets.  Looking runs on a worker;
    ``chosen`` or ``given_up`` is called on the UI thread."""

    def tap_one(volumes: list[Path]) -> None:
        question = Question(
            parent,
            QCoreApplication.translate("UsbFiles", "Which USB stick?"),
            several,
            [
                *(v.name or str(v) for v in volumes),
                QCoreApplication.translate("UsbFiles", "Cancel"),
            ],
        )

        def answered(index: int) -> None:
            if index < len(volumes):
                chosen(volumes[index])
            else:
                given_up()

        question.answered.connect(answered)
        question.rejected.connect(lambda: answered(len(volumes)))
        question.finished.connect(question.deleteLater)
        question.open()

    def found(volumes: list[Path]) -> None:
        if len(volumes) == 1:
            chosen(volumes[0])
        elif volumes:
            tap_one(volumes)
        else:
            folder = ask()
            if folder is None:
                given_up()
            else:
                chosen(folder)

    runner.net(find_volumes).success(found).failure(lambda _error: found([])).owned_by(parent).run()


def _entries(folder: Path) -> Iterator[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries):
                if count >= MAX_ENTRIES:
                    return
                yield entry
    except OSError:  # unreadable, or pulled out while looking
        return


def _files(folder: Path, suffix: str, depth: int) -> Iterator[FoundFile]:
    for entry in _entries(folder):
        try:
            if entry.is_dir(follow_symlinks=False):
                if depth and not entry.name.startswith("."):
                    yield from _files(Path(entry.path), suffix, depth - 1)
            elif entry.name.lower().endswith(suffix) and entry.is_file():
                stat = entry.stat()
                modified = datetime.fromtimestamp(stat.st_mtime).astimezone()
                yield FoundFile(Path(entry.path), stat.st_size, modified)
        except OSError:
            continue


def find_files(suffix: str) -> list[FoundFile]:
    """(Worker) the ``suffix`` files at the top of each stick and one folder down, newest first."""
    found = [f for root in removable_roots() for f in _files(root, suffix, depth=1)]
    found.sort(key=lambda f: f.modified, reverse=True)
    return found[:MAX_FILES]


def _short_name(name: str) -> str:
    """A long file name cut in the middle, so that its button fits beside the hint."""
    if len(name) <= MAX_NAME:
        return name
    half = (MAX_NAME - 1) // 2
    return f"{name[:half]}…{name[-half:]}"


def _size_text(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{max(size // 1000, 1)} KB"


class UsbFileChoice(QWidget):
    """The files of one kind on the sticks plugged in, as big buttons; ``chosen`` carries one."""

    chosen = Signal(object)
    """The :class:`pathlib.Path` tapped."""

    def __init__(self, runner: TaskRunner, suffix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._suffix = suffix
        self._found: list[FoundFile] | None = None
        self.file_buttons: list[QPushButton] = []
        frame, self._list = card()
        self._status: QLabel = label("hint")
        self._list.addWidget(self._status)
        self.look_again = button(None, "clock")
        self.look_again.clicked.connect(self.look)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(frame)
        column.addWidget(self.look_again)
        self.retranslateUi()

    def look(self) -> None:
        """Look at the sticks again (on a worker); the list follows."""
        self._found = None
        self._show([])
        self.look_again.setEnabled(False)
        self._runner.net(find_files, self._suffix).success(self._looked).failure(
            self._look_failed
        ).owned_by(self).run()

    def _looked(self, found: list[FoundFile]) -> None:
        self.look_again.setEnabled(True)
        self._found = found
        self._show(found)

    def _look_failed(self, error: BaseException) -> None:
        log_task_error(error)
        self._looked([])

    def _show(self, found: list[FoundFile]) -> None:
        for old in self.file_buttons:
            old.hide()
            old.deleteLater()
        self.file_buttons = []
        for item in found:
            choice = button(None, "check")
            details = f"{_size_text(item.size)} · {item.modified:%d/%m/%Y %H:%M}"
            choice.setText(f"{_short_name(item.path.name)}\n{details}")
            choice.clicked.connect(lambda _=False, path=item.path: self.chosen.emit(path))
            self._list.addWidget(choice)
            self.file_buttons.append(choice)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self.look_again.setText(self.tr("Look again"))
        if self._found is None:
            status = self.tr("Looking at the USB sticks…")
        elif not self._found:
            status = self.tr(
                "Nothing found on a USB stick. Put the stick in, wait a moment, then tap Look again."
            )
        else:
            status = arg(self.tr("Files found: %1. Tap the one to import."), len(self._found))
        self._status.setText(status)
