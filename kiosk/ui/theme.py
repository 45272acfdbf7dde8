"""The look: the QSS template filled from one text-size factor and the colour roles, and the
shipped font as the default."""

from __future__ import annotations

from typing import Literal

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.resources import asset_path

# The text-size setting: names stored in the settings, factors applied to every size in the theme.
TEXT_SCALES: dict[str, float] = {"normal": 1.0, "large": 1.15, "largest": 1.3}
DEFAULT_TEXT_SIZE = "normal"

BASE_PT = 18  # DESIGN §7: base text at least 18 pt
MIN_TARGET_PX = 64  # DESIGN §7: touch targets at least 64 × 64 px


# The theme's colours by role: kiosk.qss names only these (a test checks it).
COLOURS: dict[str, str] = {
    "ink": "#111111",  # body text
    "paper": "#F4F1EA",  # the page
    "white": "#FFFFFF",  # cards, fields, plain buttons; text on dark buttons and bars
    "hint_ink": "#333333",
    "muted_ink": "#4A4A4A",  # an empty keypad's placeholder
    "accent": "#0B4F9C",  # primary buttons, headlines, focus
    "accent_ink": "#0B3A75",  # text of plain buttons
    "accent_pressed": "#073A73",
    "accent_soft": "#D6E4F5",  # a plain button or key being pressed
    "danger": "#A3001B",
    "danger_pressed": "#73000F",
    "error_ink": "#7A0014",
    "error_paper": "#FDE7EA",
    "notice_ink": "#0B3A1F",
    "notice_paper": "#E3F4E8",
    "notice_line": "#1B6E3A",
    "warning_ink": "#3D2E00",
    "warning_paper": "#FFF3C4",
    "warning_line": "#9A7300",
    "line": "#6B6B6B",
    "line_strong": "#4A4A4A",
    "grey_paper": "#E2E2E2",  # disabled buttons, the scroll bar's track
    "disabled_ink": "#333333",
    "disabled_line": "#8A8A8A",
    "bar": "#1F2933",  # the status bar, the keyboard's frame
    "training": "#FFC400",
    "scrim": "rgba(17, 17, 17, 190)",  # over a screen behind a notice; no text is drawn on it
}

TextSize = Literal["body", "large"]
# Every text colour on every background it is drawn on, and how big that text is: body text (the
# base 18 pt and buttons) needs 7:1, titles and headlines (22 pt and up) 4.5:1 (WCAG 1.4.6).
TEXT_PAIRS: tuple[tuple[str, str, TextSize], ...] = (
    ("ink", "paper", "body"),
    ("ink", "white", "body"),  # cards, fields, tiles, keys
    ("hint_ink", "paper", "body"),
    ("hint_ink", "white", "body"),
    ("muted_ink", "white", "body"),
    ("accent", "paper", "large"),  # headline
    ("accent_ink", "white", "body"),
    ("accent_ink", "accent_soft", "body"),
    ("ink", "accent_soft", "body"),  # a key being pressed
    ("white", "accent", "body"),
    ("white", "accent_pressed", "body"),
    ("white", "danger", "body"),
    ("white", "danger_pressed", "body"),
    ("error_ink", "error_paper", "body"),
    ("notice_ink", "notice_paper", "body"),
    ("warning_ink", "warning_paper", "body"),
    ("disabled_ink", "grey_paper", "body"),
    ("white", "bar", "body"),
    ("bar", "white", "body"),  # a pressed navigation button
    ("ink", "training", "body"),
)
MIN_CONTRAST: dict[TextSize, float] = {"body": 7.0, "large": 4.5}

BUTTON_BORDER_PX = 3
BUTTON_PAD_V_PX = 4
FIELD_BORDER_PX = 3


def theme_sizes(scale: float) -> dict[str, int]:
    """Every size in the theme for one text-size factor; targets never fall below 64 px.

    QSS ``min-height`` is the content height: borders and padding come on top, so the outer
    sizes below (what a finger meets) are turned into content sizes here.
    """

    def pt(size: float) -> int:
        return max(BASE_PT, round(size * scale))

    def content(outer: int, border: int, pad: int = 0) -> int:
        # Targets keep their size at every text size: the text grows inside them (a button's
        # size hint follows its font), and fixed keys keep the keypad on a 768-pixel screen.
        return max(MIN_TARGET_PX, outer) - 2 * border - 2 * pad

    button = content(72, BUTTON_BORDER_PX, BUTTON_PAD_V_PX)
    return {
        "base_pt": pt(18),
        "bar_pt": BASE_PT,  # the status bar and the training banner: the same at every text size
        "button_pt": pt(19),
        "subtitle_pt": pt(22),
        "title_pt": pt(28),
        "headline_pt": pt(44),
        "code_pt": pt(48 * min(scale, 1.1) / scale),  # the receipt's code: 48 pt, 53 at most
        "key_pt": pt(28 * min(scale, 1.1) / scale),  # digits are big already: 28 pt, 31 at most
        "target_px": button,
        "nav_px": content(64, BUTTON_BORDER_PX, BUTTON_PAD_V_PX),
        "tile_px": content(80, BUTTON_BORDER_PX, BUTTON_PAD_V_PX),
        # Keypad keys give 8 px back at the larger text sizes, so a keypad with its prompt, a message
        # and the training banner still fits a 768-pixel screen; never under 64 px.
        "key_px": content(72 if scale <= 1.0 else 64, BUTTON_BORDER_PX, BUTTON_PAD_V_PX),
        "field_px": content(72, FIELD_BORDER_PX),
        "display_px": content(64, FIELD_BORDER_PX),
        "border_px": BUTTON_BORDER_PX,
        "pad_v_px": BUTTON_PAD_V_PX,
        "pad_px": 16,
        "scroll_px": 40,
    }


def scale_for(text_size: str) -> float:
    """The factor for a text-size setting; an unknown name (an old config) falls back to normal."""
    return TEXT_SCALES.get(text_size, TEXT_SCALES[DEFAULT_TEXT_SIZE])


def build_stylesheet(family: str, scale: float) -> str:
    """The theme's QSS with its sizes and font family filled in."""
    qss = asset_path("theme", "kiosk.qss").read_text(encoding="utf-8")
    # Plain ${name} placeholders: string.Template would compile its pattern before the first frame.
    for name, value in {"family": family, **theme_sizes(scale), **COLOURS}.items():
        qss = qss.replace("${" + name + "}", str(value))
    if "${" in qss:
        raise ValueError(
            f"kiosk.qss has an unknown placeholder near {qss[qss.index('${') :][:30]!r}"
        )
    return qss


def apply_theme(app: QApplication, family: str, text_size: str) -> None:
    """Make the shipped font the default and apply the stylesheet at the chosen text size."""
    scale = scale_for(text_size)
    font = QFont(family)
    font.setPointSize(theme_sizes(scale)["base_pt"])
    app.setFont(font)
    app.setStyleSheet(build_stylesheet(family, scale))


def repolish(widget: QWidget) -> None:
    """Restyle ``widget`` after a change of the dynamic property its QSS rules select on.

    A widget not yet polished needs nothing: its first polish reads the property. Skipping it
    keeps ``style()`` out of the first frame, since wrapping the style sheet style in Python makes
    PySide build the Python types of ``QStyle`` and its relatives (about 30 ms here). Code on the
    way to the first frame does not call it (``Qt`` is imported here, see :mod:`kiosk.ui.qt_names`).
    """
    from PySide6.QtCore import Qt

    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
