"""The station's display preferences: language, text size, idle-lock delay, the on-screen keyboard,
the receipt printer and its paper.

They are needed before the first paint, before the database is open, so they live in a small
TOML file beside the kiosk's config (``ui.toml`` in the config dir), not in the database. Saving
writes a temporary file and renames it, so a power cut leaves the old or the new file, never half.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, NamedTuple

from kiosk.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES
from kiosk.ui.theme import DEFAULT_TEXT_SIZE, TEXT_SCALES

log = logging.getLogger(__name__)

PREFERENCES_FILE = "ui.toml"
IDLE_CHOICES = (60, 90, 120, 180, 300)
DEFAULT_IDLE_SECONDS = 90
KEYBOARD_CHOICES = ("auto", "on", "off")
"""``auto``: the on-screen keyboard is on in kiosk mode (a touch screen) and off in a window."""
INPUT_METHODS = ("telex", "vni", "long_press")
Paper = Literal["receipt80", "a4"]
PAPERS: tuple[Paper, ...] = ("receipt80", "a4")
"""An 80 mm thermal receipt roll, or an A4 sheet (the receipt on its top half)."""
PRINTER_NAME_MAX = 255


class Preferences(NamedTuple):
    """What the settings screen changes and the shell applies at start."""

    language: str = DEFAULT_LANGUAGE
    text_size: str = DEFAULT_TEXT_SIZE
    idle_lock_seconds: int = DEFAULT_IDLE_SECONDS
    keyboard: str = "auto"
    input_method: str = "telex"
    printer: str = ""
    """The printer's name as the system knows it; "" is the system's default printer."""
    paper: Paper = "receipt80"

    def keyboard_on(self, kiosk_mode: bool) -> bool:
        """Whether the on-screen keyboard shows for text fields."""
        return self.keyboard == "on" or (self.keyboard == "auto" and kiosk_mode)

    def with_changes(self, **changes: object) -> Preferences:
        """A checked copy with some fields changed."""
        return _checked(self._replace(**changes))  # type: ignore[arg-type]


def _checked(prefs: Preferences) -> Preferences:
    """Unknown values (a hand-edited or older file) fall back to the defaults, field by field."""
    language = prefs.language if prefs.language in LANGUAGES else DEFAULT_LANGUAGE
    text_size = prefs.text_size if prefs.text_size in TEXT_SCALES else DEFAULT_TEXT_SIZE
    idle = prefs.idle_lock_seconds
    if isinstance(idle, bool) or not isinstance(idle, int) or not 30 <= idle <= 3600:
        idle = DEFAULT_IDLE_SECONDS
    keyboard = prefs.keyboard if prefs.keyboard in KEYBOARD_CHOICES else "auto"
    method = prefs.input_method if prefs.input_method in INPUT_METHODS else "telex"
    printer = prefs.printer
    if not isinstance(printer, str) or len(printer) > PRINTER_NAME_MAX or not printer.isprintable():
        printer = ""
    return Preferences(language, text_size, idle, keyboard, method, printer, _paper(prefs.paper))


def printer_in_use(chosen: str, names: Sequence[str], default: str | None) -> str | None:
    """The printer that prints: ``chosen`` when it is there; with none chosen (""), the system's
    ``default``, else the only printer there is; None when there is none to use."""
    if chosen:
        return chosen if chosen in names else None
    if default in names:
        return default
    return names[0] if len(names) == 1 else None


def _paper(value: object) -> Paper:
    return "a4" if value == "a4" else "receipt80"


def _toml_string(text: str) -> str:
    """``text`` (printable: :func:`_checked`) as a TOML basic string: a printer's name may hold
    quotes or backslashes (``\\\\office\\receipt`` on Windows)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def load_preferences(config_dir: Path) -> Preferences:
    """The saved preferences, or the defaults when there is no readable file."""
    path = config_dir / PREFERENCES_FILE
    try:
        text = path.read_text(encoding="utf-8")
        import tomllib  # only with a file: its import compiles regexes in front of the first frame

        raw = tomllib.loads(text)
    except FileNotFoundError:
        return Preferences()
    except (OSError, ValueError) as exc:  # UnicodeDecodeError and TOMLDecodeError are ValueErrors
        log.warning("%s unreadable (%s); using the defaults", path.name, type(exc).__name__)
        return Preferences()
    defaults = Preferences()
    return _checked(
        Preferences(
            language=str(raw.get("language", defaults.language)),
            text_size=str(raw.get("text_size", defaults.text_size)),
            idle_lock_seconds=raw.get("idle_lock_seconds", defaults.idle_lock_seconds),
            keyboard=str(raw.get("keyboard", defaults.keyboard)),
            input_method=str(raw.get("input_method", defaults.input_method)),
            printer=str(raw.get("printer", defaults.printer)),
            paper=_paper(raw.get("paper", defaults.paper)),
        )
    )


def save_preferences(config_dir: Path, prefs: Preferences) -> None:
    """Write the preferences atomically (run it on the database worker: it touches the disk)."""
    config_dir.mkdir(parents=True, exist_ok=True)
    path = config_dir / PREFERENCES_FILE
    text = (
        "# Kiosk display preferences, written by the settings screen.\n"
        f'language = "{prefs.language}"\n'
        f'text_size = "{prefs.text_size}"\n'
        f"idle_lock_seconds = {prefs.idle_lock_seconds}\n"
        f'keyboard = "{prefs.keyboard}"\n'
        f'input_method = "{prefs.input_method}"\n'
        f"printer = {_toml_string(prefs.printer)}\n"
        f'paper = "{prefs.paper}"\n'
    )
    temporary = path.with_suffix(".toml.tmp")
    with temporary.open("w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    temporary.replace(path)
