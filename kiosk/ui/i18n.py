"""The kiosk's languages: Vietnamese first, English second, switched without a restart.

Source strings in the code are English; ``assets/i18n/kiosk_vi.ts`` and ``kiosk_en.ts`` are
maintained with ``pyside6-lupdate`` and built to ``.qm`` by ``pyside6-lrelease``. Installing a
translator makes Qt send ``QEvent.LanguageChange`` to every widget; each screen answers it with
``retranslateUi()``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTranslator, Signal

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

# Each language is offered under its own name (an autonym), whatever the current language is:
# someone who cannot read the current language must still find theirs. Not translated on purpose.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class Translations(QObject):
    """Installs the translation of one language at a time into the application."""

    language_changed = Signal(str)

    def __init__(self, app: QCoreApplication, directory: Path) -> None:
        super().__init__(app)
        self._app = app
        self._directory = directory
        self._translator: QTranslator | None = None
        self._language = ""

    def language(self) -> str:
        """The language in use (``vi`` or ``en``)."""
        return self._language

    def uninstall(self) -> None:
        """Remove the installed translation (shutdown; tests that share one QApplication)."""
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        self._language = ""

    def qm_path(self, language: str) -> Path:
        """Where the built translation of ``language`` is expected."""
        return self._directory / f"kiosk_{language}.qm"

    def switch(self, language: str) -> bool:
        """Use ``language`` from now on; False (and source texts) when its ``.qm`` is not built."""
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        if language == self._language:
            return True
        translator = QTranslator(self)
        loaded = translator.load(str(self.qm_path(language)))
        if not loaded:
            log.warning(
                "translation %s not built; run pyside6-lrelease (make translations)",
                self.qm_path(language).name,
            )
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator.deleteLater()
            self._translator = None
        if loaded:
            self._app.installTranslator(translator)
            self._translator = translator
        # The locale first, so that widgets writing dates and numbers on LanguageChange use it.
        QLocale.setDefault(
            QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
        )
        # Deliver the LanguageChange now rather than on the next loop turn: every screen shows the
        # new language by the time the tap that asked for it returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self._language = language
        self.language_changed.emit(language)
        return loaded


def arg(text: str, *values: object) -> str:
    """Fill Qt-style ``%1``, ``%2`` … placeholders (translators may reorder them)."""
    for number in range(len(values), 0, -1):  # %10 before %1
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


class Durations(QObject):
    """The translation context of :func:`duration_text` (``Durations.tr`` is what lupdate reads as
    a plural form; it does not for ``QCoreApplication.translate`` with a count)."""


def duration_text(seconds: int) -> str:
    """A span of time in words, "1 minute 30 seconds", in the current language."""
    minutes, seconds = divmod(seconds, 60)
    parts = []
    if minutes:
        parts.append(Durations.tr("%n minute(s)", "", minutes))  # type: ignore[arg-type]  # on the class: its context
    if seconds or not minutes:
        parts.append(Durations.tr("%n second(s)", "", seconds))  # type: ignore[arg-type]
    return " ".join(parts)
