"""``make run`` (tools/run_demo.py): the Qt X11 library check; its server never outlives it."""

from __future__ import annotations

import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
import requests

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tools" / "run_demo.py"
FAKE = {"libkiosk-test-fake0": "libkiosk-test-fake.so.0"}
LIBC = {"libc6": "libc.so.6"}  # present wherever the test runs


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("run_demo", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def run_demo() -> ModuleType:
    return _load()


def test_the_library_check_names_the_missing_package_and_the_install_line(
    run_demo: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_demo.missing_libraries({**LIBC, **FAKE}) == ["libkiosk-test-fake0"]
    assert run_demo.check_qt_libraries({**LIBC, **FAKE}) is False
    out = capsys.readouterr().out
    assert "libkiosk-test-fake.so.0" in out
    assert "libc.so.6" not in out
    lines = [line.strip() for line in out.splitlines() if "apt-get" in line]
    assert lines == ["sudo apt-get install libkiosk-test-fake0"]


def test_the_library_check_is_silent_when_everything_loads(
    run_demo: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_demo.check_qt_libraries(LIBC) is True
    assert capsys.readouterr().out == ""


def test_a_missing_library_stops_the_demo_before_its_server_starts(
    run_demo: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "MAKELEVEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setitem(run_demo.XCB_LIBRARIES, *next(iter(FAKE.items())))
    monkeypatch.setattr(run_demo, "DEMO_DIR", tmp_path / "demo")

    def no_process(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"started {args}")

    monkeypatch.setattr(run_demo.subprocess, "Popen", no_process)
    monkeypatch.setattr(run_demo.subprocess, "run", no_process)
    assert run_demo._demo() == 2  # _demo, not main: main sets this process's signal handlers
    assert "sudo apt-get install libkiosk-test-fake0" in capsys.readouterr().out
    assert not (tmp_path / "demo").exists()


@pytest.mark.parametrize(
    ("platform", "makelevel", "expected"),
    [
        ("offscreen", None, "offscreen"),  # run directly: as asked (the test below)
        ("offscreen", "1", None),  # the Makefile's default for the tests: a real window
        ("xcb", "1", "xcb"),
        (None, None, None),
    ],
)
def test_the_kiosk_platform(
    run_demo: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    platform: str | None,
    makelevel: str | None,
    expected: str | None,
) -> None:
    for name, value in (("QT_QPA_PLATFORM", platform), ("MAKELEVEL", makelevel)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert run_demo._kiosk_platform() == expected


# The real demo, offscreen: a server, an enrolled kiosk, then a signal to the demo alone.


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _answers(port: int) -> bool:
    try:
        return requests.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).ok
    except requests.RequestException:
        return False


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def _cmdline(pid: int) -> str | None:
    """The command line of a live process; None once it has exited (a zombie counts as exited)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    if stat.rpartition(")")[2].split()[0] == "Z":
        return None
    return cmdline.replace(b"\0", b" ").decode(errors="replace").strip()


def _children(pid: int) -> dict[int, str]:
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rpartition(")")[2].split()[1]) == pid and (line := _cmdline(int(entry.name))):
            found[int(entry.name)] = line
    return found


def _until(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} within {seconds} s")
        time.sleep(0.1)


def _output(path: Path) -> str:
    return path.read_text(errors="replace")[-3000:]


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads /proc; PDEATHSIG is Linux's"
)
@pytest.mark.parametrize(
    ("signum", "exit_code"),
    [
        (signal.SIGTERM, 128 + signal.SIGTERM),
        (signal.SIGHUP, 128 + signal.SIGHUP),
        (signal.SIGINT, 130),
        (signal.SIGKILL, -signal.SIGKILL),  # no handler runs: PR_SET_PDEATHSIG stops the children
    ],
    ids=["SIGTERM", "SIGHUP", "SIGINT", "SIGKILL"],
)
def test_stopping_the_demo_stops_its_server_and_kiosk(
    tmp_path: Path, signum: signal.Signals, exit_code: int
) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_DEMO_DIR": str(tmp_path / "demo"),
        "KIOSK_DEMO_PORT": str(port),
        "KIOSK_DEMO_RESIDENTS": "50",
    }
    for name in ("MAKELEVEL", "MAKEFLAGS", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    log = tmp_path / "demo.out"
    with log.open("wb") as out:
        demo = subprocess.Popen(
            [sys.executable, str(SCRIPT)], env=env, cwd=tmp_path, stdout=out, stderr=out
        )
    children: dict[int, str] = {}
    try:

        def kiosk_started() -> bool:
            assert demo.poll() is None, f"the demo exited early:\n{_output(log)}"
            children.clear()  # the demo's children now (the setup tools it ran have exited)
            children.update(_children(demo.pid))
            return _answers(port) and any("-m kiosk" in c for c in children.values())

        _until(kiosk_started, 90, "the server answers and the kiosk starts")
        assert len(children) == 2, children  # the server and the kiosk
        demo.send_signal(signum)
        try:
            assert demo.wait(timeout=20) == exit_code, _output(log)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the demo did not exit after {signum.name}:\n{_output(log)}")

        def all_gone() -> bool:
            return not _listening(port) and all(_cmdline(p) != c for p, c in children.items())

        _until(all_gone, 10, "the port closes and no process is left")
    finally:  # whatever failed, leave nothing behind
        if demo.poll() is None:
            demo.kill()
        demo.wait(timeout=10)
        for pid, line in children.items():
            if _cmdline(pid) == line:
                os.kill(pid, signal.SIGKILL)
