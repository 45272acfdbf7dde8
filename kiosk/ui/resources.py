"""Where the kiosk's assets (fonts, icons, theme, translations) are, from the source tree or a bundle.

The assets live in ``assets/`` at the top of the repository. A PyInstaller bundle puts them in
``sys._MEIPASS/assets`` (``build.spec`` adds ``("assets", "assets")``); an editable install and the
source tree find them two folders above this file. ``KIOSK_ASSETS`` overrides both.
"""

from __future__ import annotations

import math
import os
import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon, QPixmap

FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
FONT_FAMILY = "Noto Sans"


def assets_dir() -> Path:
    """The folder holding ``fonts/``, ``icons/``, ``theme/`` and ``i18n/``."""
    override = os.environ.get("KIOSK_ASSETS")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "assets"
    return Path(__file__).resolve().parents[2] / "assets"


def asset_path(*parts: str) -> Path:
    """Path of one asset; raises FileNotFoundError with the looked-up path when it is missing."""
    path = assets_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"kiosk asset missing: {path}")
    return path


def translations_dir() -> Path:
    """Where ``kiosk_<lang>.qm`` files are built by ``pyside6-lrelease`` (next to the ``.ts`` sources)."""
    return assets_dir() / "i18n"


def load_fonts() -> str:
    """Register the shipped Vietnamese-complete font with Qt and return its family name."""
    family = FONT_FAMILY
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(asset_path("fonts", name)))
        if font_id < 0:
            raise RuntimeError(f"Qt could not load the font file {name}")
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families:
            family = families[0]
    return family


@cache
def _svg_source(name: str) -> bytes:
    """The SVG text of an icon, read once per process (icons are tiny)."""
    return asset_path("icons", f"{name}.svg").read_bytes()


def _screen_scale() -> int:
    app = QGuiApplication.instance()
    return math.ceil(app.devicePixelRatio()) if isinstance(app, QGuiApplication) else 1


def icon_pixmap(
    name: str, color: str = "#111111", size: int = 48, scale: int | None = None
) -> QPixmap:
    """``assets/icons/<name>.svg`` drawn in ``color`` at ``size`` logical pixels.

    Drawn for ``scale`` (default: the screen's pixel ratio) by Qt's own SVG image plugin, the
    QtSvg renderer that Qt loads by itself: no Python binding of QtSvg or QPainter to build
    before the first frame. The SVGs use ``currentColor`` and have a ``viewBox`` but no size of
    their own, so the size asked for is written into the root element.
    """
    scale = scale or _screen_scale()
    pixels = size * scale
    svg = _svg_source(name).replace(b"currentColor", color.encode("ascii"))
    svg = svg.replace(b"<svg ", f'<svg width="{pixels}" height="{pixels}" '.encode("ascii"), 1)
    pixmap = QPixmap()
    if not pixmap.loadFromData(svg, "SVG"):
        raise RuntimeError(f"Qt could not draw the icon {name} (its SVG image plugin is missing?)")
    pixmap.setDevicePixelRatio(scale)
    return pixmap


def icon(name: str, color: str = "#111111", size: int = 48) -> QIcon:
    """The icon ``name`` in ``color`` for buttons and tiles: see :func:`icon_pixmap`.

    Drawn once per process and screen scale: a screen of ten operator tiles shares two icons.
    """
    return _icon(name, color, size, _screen_scale())


@cache
def _icon(name: str, color: str, size: int, screen_scale: int) -> QIcon:
    result = QIcon()
    for scale in sorted({1, screen_scale}):  # drawn for the screen there is, not for every one
        result.addPixmap(icon_pixmap(name, color, size, scale))
    return result
