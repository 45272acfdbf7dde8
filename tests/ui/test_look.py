"""The look: the shipped font covers Vietnamese, the theme keeps touch sizes at every text size."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from kiosk.ui.preferences import Preferences, load_preferences, save_preferences
from kiosk.ui.resources import assets_dir, icon, icon_pixmap, load_fonts
from kiosk.ui.theme import TEXT_SCALES, build_stylesheet, theme_sizes

VOWELS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")


def test_the_font_ships_with_its_licence() -> None:
    fonts = assets_dir() / "fonts"
    assert (fonts / "NotoSans-Regular.ttf").is_file()
    assert (fonts / "NotoSans-Bold.ttf").is_file()
    assert "SIL OPEN FONT LICENSE" in (fonts / "OFL.txt").read_text(encoding="utf-8")


def test_the_font_covers_every_vietnamese_letter(qapp: QApplication) -> None:
    family = load_fonts()
    metrics = QFontMetrics(QFont(family, 18))
    letters = {unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES} | set("đĐ")
    letters |= set("Nguyễn Thị Hoà, Đặng")
    assert len(letters) > 140
    assert [c for c in letters if not metrics.inFontUcs4(ord(c))] == []


@pytest.mark.parametrize("text_size", sorted(TEXT_SCALES))
def test_the_theme_keeps_text_and_targets_big(text_size: str) -> None:
    sizes = theme_sizes(TEXT_SCALES[text_size])
    qss = build_stylesheet("Noto Sans", TEXT_SCALES[text_size])
    assert "$" not in qss
    points = [int(p) for p in re.findall(r"font-size: (\d+)pt", qss)]
    assert min(points) >= 18
    assert sizes["base_pt"] == round(18 * TEXT_SCALES[text_size])
    # outer size = content + 2 borders + 2 paddings, never under 64 px
    outer = sizes["target_px"] + 2 * sizes["border_px"] + 2 * sizes["pad_v_px"]
    assert outer >= 64
    assert sizes["nav_px"] + 2 * sizes["border_px"] + 2 * sizes["pad_v_px"] >= 64


def test_every_icon_renders(qapp: QApplication) -> None:
    names = sorted(p.stem for p in (assets_dir() / "icons").glob("*.svg"))
    assert len(names) >= 20
    for name in names:
        assert not icon(name).pixmap(48, 48).isNull(), name
        source = (assets_dir() / "icons" / f"{name}.svg").read_text("utf-8")
        root = source[source.index("<svg") : source.index(">")]
        # drawn at the size asked for: the root has a viewBox and no size of its own
        assert "viewBox" in root and " width=" not in root and " height=" not in root, name
        assert icon_pixmap(name, size=32, scale=2).size().toTuple() == (64, 64), name


def test_preferences_round_trip_and_bad_files_fall_back(tmp_path: Path) -> None:
    assert load_preferences(tmp_path) == Preferences()
    chosen = Preferences().with_changes(language="en", text_size="large", idle_lock_seconds=120)
    save_preferences(tmp_path, chosen)
    assert load_preferences(tmp_path) == chosen
    (tmp_path / "ui.toml").write_text(
        'language = "fr"\nidle_lock_seconds = "soon"\n[broken', "utf-8"
    )
    assert load_preferences(tmp_path) == Preferences()
    (tmp_path / "ui.toml").write_text('language = "fr"\nidle_lock_seconds = 5\n', "utf-8")
    assert load_preferences(tmp_path) == Preferences()


def test_a_preferences_file_that_is_not_text_falls_back(tmp_path: Path) -> None:
    (tmp_path / "ui.toml").write_bytes(b"\xff\xfe\x00language")
    assert load_preferences(tmp_path) == Preferences()


def test_an_unknown_theme_placeholder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "kiosk.qss").write_text("QLabel { color: ${glow}; }", "utf-8")
    monkeypatch.setenv("KIOSK_ASSETS", str(tmp_path))
    with pytest.raises(ValueError, match=r"\$\{glow\}"):
        build_stylesheet("Noto Sans", 1.0)
