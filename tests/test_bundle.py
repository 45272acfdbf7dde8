"""The kiosk's self-test (``kiosk --smoke``) from the source tree, and the PyInstaller bundle when
``make build`` has made one (CI builds it before the tests; elsewhere those tests are skipped)."""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kiosk

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "kiosk"
EXECUTABLE = BUNDLE / ("kiosk.exe" if sys.platform == "win32" else "kiosk")
SMOKE_TIMEOUT_S = 120

needs_bundle = pytest.mark.skipif(
    not EXECUTABLE.is_file(), reason="no bundle in dist/: `make build` makes one (CI does)"
)


def _run(command: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run with the display variables removed: the smoke must choose offscreen by itself."""
    base = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "DISPLAY"}}
    return subprocess.run(
        command,
        env=base | (env or {}),
        capture_output=True,
        text=True,
        timeout=SMOKE_TIMEOUT_S,
        check=False,
    )


def test_the_version_is_the_package_metadata_version() -> None:
    """pyproject.toml reads it from kiosk.__version__: the two cannot drift apart."""
    assert importlib.metadata.version("kiosk") == kiosk.__version__


def test_smoke_from_source_prints_ok() -> None:
    run = _run([sys.executable, "-m", "kiosk", "--smoke"])
    assert (run.returncode, run.stdout) == (0, "OK\n"), run.stderr


def test_smoke_names_what_is_missing(tmp_path: Path) -> None:
    """Assets without the built translations: the smoke fails, and says which file."""
    assets = tmp_path / "assets"
    shutil.copytree(ROOT / "assets", assets, ignore=shutil.ignore_patterns("*.qm"))
    run = _run([sys.executable, "-m", "kiosk", "--smoke"], {"KIOSK_ASSETS": str(assets)})
    assert run.returncode == 1
    assert run.stdout == ""
    assert "kiosk: smoke: FAIL: translation" in run.stderr
    assert "kiosk_en.qm is missing" in run.stderr


@needs_bundle
def test_the_bundle_passes_its_smoke() -> None:
    run = _run([str(EXECUTABLE), "--smoke"])
    assert (run.returncode, run.stdout) == (0, "OK\n"), run.stderr


@needs_bundle
def test_the_bundle_version_is_the_package_version() -> None:
    run = _run([str(EXECUTABLE), "--version"])
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"kiosk {importlib.metadata.version('kiosk')}"


@needs_bundle
def test_the_bundle_carries_only_the_qt_it_uses() -> None:
    """The plugins build.spec lists, and none of the QML, web, PDF or multimedia libraries
    (printing writes PDFs with QtPrintSupport alone; QtPdf, which reads them, stays out)."""
    qt = next(BUNDLE.rglob("PySide6/Qt"))
    plugins = {
        f"{p.parent.name}/{p.name.split('.')[0].removeprefix('lib')}"
        for p in (qt / "plugins").rglob("*")
        if p.is_file()
    }
    if sys.platform.startswith("linux"):
        assert plugins == {
            "platforms/qxcb",
            "platforms/qoffscreen",
            "xcbglintegrations/qxcb-glx-integration",
            "xcbglintegrations/qxcb-egl-integration",
            "imageformats/qsvg",
            "platforminputcontexts/composeplatforminputcontextplugin",
            "platforminputcontexts/ibusplatforminputcontextplugin",
            "printsupport/cupsprintersupport",
        }
    unwanted = ("Qml", "Quick", "WebEngine", "Pdf", "Multimedia", "VirtualKeyboard", "Network")
    libraries = [p.name for p in BUNDLE.rglob("*Qt6*") if p.is_file()]
    assert [name for name in libraries if any(f"Qt6{u}" in name for u in unwanted)] == []
    assert any("Qt6PrintSupport" in name for name in libraries), "receipts print through it"
    assert any("Qt6Charts" in name for name in libraries), "the progress chart draws with it"
    assert not list(BUNDLE.rglob("pytest")), "test packages do not belong in the bundle"
