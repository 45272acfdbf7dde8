"""The layers of DESIGN.md §3, checked on the source: each package imports only from the layers below."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STDLIB = sys.stdlib_module_names


def _imports(package: str) -> list[tuple[Path, str]]:
    """Every absolute module name imported anywhere in ``package`` (relative imports resolved)."""
    found: list[tuple[Path, str]] = []
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_parts = list(path.relative_to(ROOT).with_suffix("").parts)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [(path, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = module_parts[: len(module_parts) - node.level]
                    name = ".".join([*base, node.module] if node.module else base)
                else:
                    name = node.module or ""
                found.append((path, name))
    return found


def _offending(package: str, allowed: tuple[str, ...], *, stdlib: bool = True) -> list[str]:
    bad = []
    for path, name in _imports(package):
        top = name.split(".")[0]
        if stdlib and top in STDLIB:
            continue
        if name == "__future__" or any(name == a or name.startswith(a + ".") for a in allowed):
            continue
        bad.append(f"{path.relative_to(ROOT)}: {name}")
    return bad


def test_domain_imports_only_the_standard_library() -> None:
    assert _offending("kiosk/domain", ("kiosk.domain",)) == []


def test_exchange_imports_only_domain_from_the_kiosk() -> None:
    allowed = (
        "kiosk.domain", "kiosk.exchange", "pydantic", "pydantic_core", "cryptography",
        "openpyxl",  # the day's report template both sides write (kiosk/exchange/report.py)
    )  # fmt: skip
    assert _offending("kiosk/exchange", allowed) == []


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        (
            "intake",
            ("kiosk.ui", "kiosk.services", "kiosk.store", "kiosk.sync", "kiosk.app", "kiosk.cli"),
        ),
        ("kiosk/store", ("kiosk.ui", "kiosk.services", "kiosk.sync", "kiosk.app", "kiosk.cli")),
        ("kiosk/services", ("kiosk.ui", "kiosk.sync", "kiosk.app", "kiosk.cli")),
        ("kiosk/sync", ("kiosk.ui", "kiosk.services", "kiosk.app", "kiosk.cli")),
    ],
)
def test_no_import_reaches_upwards(package: str, forbidden: tuple[str, ...]) -> None:
    if not (ROOT / package).is_dir():
        pytest.skip(f"{package} does not exist yet")
    bad = [
        f"{path.relative_to(ROOT)}: {name}"
        for path, name in _imports(package)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]
    assert bad == []


def test_qt_only_in_the_ui() -> None:
    """Qt lives in kiosk/ui; the composition root (kiosk/app.py) builds the QApplication."""
    bad = []
    for package in ("kiosk", "intake"):
        for path, name in _imports(package):
            allowed = (
                path.is_relative_to(ROOT / "kiosk" / "ui") or path == ROOT / "kiosk" / "app.py"
            )
            if name.split(".")[0] == "PySide6" and not allowed:
                bad.append(f"{path.relative_to(ROOT)}: {name}")
    assert bad == []


def test_the_kiosk_command_loads_no_tool_before_the_ui() -> None:
    """``kiosk`` with no command starts the UI: the tools' SQLAlchemy and requests wait."""
    code = (
        "import sys, kiosk.cli; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'requests', 'alembic'}))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert run.stdout.strip() == "[]"
