"""Translations: complete Vietnamese, current with the code, placeholders kept."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.ui.conftest import ROOT

I18N = ROOT / "assets" / "i18n"
SOURCES = sorted(str(p) for p in (ROOT / "kiosk" / "ui").rglob("*.py"))
PLACEHOLDER = re.compile(r"%(?:\d+|n)")


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def _texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = [form.text or "" for form in translation.findall("numerusform")]
    return forms or [translation.text or ""]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_message_is_translated(language: str) -> None:
    messages = _messages(I18N / f"kiosk_{language}.ts")
    assert len(messages) > 100
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")  # type: ignore[union-attr]
        or not all(_texts(m))
    ]
    assert unfinished == []


@pytest.mark.parametrize("language", ["vi", "en"])
def test_placeholders_survive_translation(language: str) -> None:
    for message in _messages(I18N / f"kiosk_{language}.ts"):
        source = message.findtext("source") or ""
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for text in _texts(message):
            assert sorted(set(PLACEHOLDER.findall(text))) == wanted, source


def test_vietnamese_is_really_vietnamese() -> None:
    translations = [t for m in _messages(I18N / "kiosk_vi.ts") for t in _texts(m)]
    assert any("đăng nhập" in t.lower() for t in translations)
    with_marks = [
        t
        for t in translations
        if re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", t.lower())
    ]
    assert len(with_marks) > 0.8 * len(translations)


def test_the_ts_files_are_current_with_the_code(tmp_path: Path) -> None:
    """Running pyside6-lupdate finds no string that the .ts files do not have already."""
    copy = tmp_path / "kiosk_vi.ts"
    shutil.copy(I18N / "kiosk_vi.ts", copy)
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    result = subprocess.run(
        [str(lupdate), *SOURCES, "-no-obsolete", "-locations", "none", "-ts", str(copy)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "(0 new and" in result.stdout, result.stdout
    assert [m.findtext("source") for m in _messages(copy)] == [
        m.findtext("source") for m in _messages(I18N / "kiosk_vi.ts")
    ]
