"""Bundle benchmark: the size and build time of the kiosk's PyInstaller folder (``build.spec``).

Run from the repository root: ``.venv/bin/python bench/bench_bundle.py`` (``make bench``).

The baseline is the smallest PySide6 program there is, a QtWidgets window, bundled by the same
PyInstaller in one folder with its defaults (every plugin its Qt hooks collect, stripped as the
kiosk's is on Linux). Both are built in the same run, in ``.bench-cache/bundle/``, from a clean
work folder; the translations must be built first (``make bench`` does it).

Prints ``bundle_size: … MB; bare PySide6 window … MB; ratio … (goal <= 1)`` and the build times
for information.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from common import record

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".bench-cache" / "bundle"
GOAL = 1.0  # all the kiosk needs beyond Qt is paid for by the Qt it leaves out
BARE_PROGRAM = """\
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("bare")
label.show()
sys.exit(app.exec())
"""


def _build(name: str, target: list[str]) -> float:
    """Build ``target`` with PyInstaller into WORK/name/dist; the seconds it took."""
    out = WORK / name
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level",
               "ERROR", "--distpath", str(out / "dist"), "--workpath", str(out / "work"), *target]  # fmt: skip
    started = time.perf_counter()
    with (out / "build.log").open(
        "wb"
    ) as log:  # PyInstaller's own lines: not on the bench's output
        done = subprocess.run(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, check=False)
    if done.returncode:
        raise SystemExit(f"bench_bundle: building {name} failed; see {out / 'build.log'}")
    return time.perf_counter() - started


def _size(folder: Path) -> tuple[float, int]:
    """Megabytes and file count of a bundle folder."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6, len(files)


def main() -> int:
    bare_script = WORK / "bare.py"
    WORK.mkdir(parents=True, exist_ok=True)
    bare_script.write_text(BARE_PROGRAM, encoding="utf-8")
    strip = ["--strip"] if sys.platform.startswith("linux") else []
    kiosk_s = _build("kiosk", ["build.spec"])
    bare_s = _build("bare", [*strip, "--specpath", str(WORK / "bare"), str(bare_script)])
    (kiosk_mb, kiosk_files), (bare_mb, bare_files) = (
        _size(WORK / "kiosk" / "dist" / "kiosk"),
        _size(WORK / "bare" / "dist" / "bare"),
    )
    ratio = kiosk_mb / bare_mb
    print(
        f"bundle_size: {kiosk_mb:.0f} MB in {kiosk_files} files; bare PySide6 window "
        f"{bare_mb:.0f} MB in {bare_files} files; ratio {ratio:.2f} (goal <= {GOAL})"
    )
    print(
        f"bundle_build: {kiosk_s:.0f} s; bare PySide6 window {bare_s:.0f} s; "
        f"ratio {kiosk_s / bare_s:.2f} (for information)"
    )
    record(
        "bundle_size",
        f"{kiosk_mb:.0f} MB in {kiosk_files} files",
        f"ratio <= {GOAL}",
        f"a bare PySide6 window, PyInstaller's defaults: {bare_mb:.0f} MB",
        f"{ratio:.2f}",
        ratio <= GOAL,
    )
    record(
        "bundle_build",
        f"{kiosk_s:.0f} s",
        "none: for information",
        f"a bare PySide6 window: {bare_s:.0f} s",
        f"{kiosk_s / bare_s:.2f}",
        None,
    )
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
