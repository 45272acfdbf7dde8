"""``make run``: a synthetic demo ward on a local intake server, an enrolled demo kiosk, the kiosk.

Everything lives in one demo folder outside the source tree (``KIOSK_DEMO_DIR``, default the
platform's user state dir ``kiosk-demo``), made on the first run and reused afterwards; delete the
folder to start again. The server stops with the demo, however the demo stops: the kiosk
window closed, Ctrl+C, SIGTERM, SIGHUP, the kiosk crashing, and on Linux even SIGKILL
(``_die_with_parent``).

``QT_QPA_PLATFORM`` reaches the kiosk as given, except the Makefile's ``offscreen`` default for
the tests under ``make run``; run directly with ``QT_QPA_PLATFORM=offscreen``, the demo needs no
display (tests/test_run_demo.py runs it so).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import FrameType

import platformdirs
import requests

DEMO_DIR = Path(os.environ.get("KIOSK_DEMO_DIR") or platformdirs.user_state_dir("kiosk-demo"))
PORT = int(os.environ.get("KIOSK_DEMO_PORT", "8471"))
RESIDENTS = int(os.environ.get("KIOSK_DEMO_RESIDENTS", "3000"))
WARD, GROUP = "Phường Yên Nghĩa", "Tổ dân phố 1"
OFFICER = ("Trần Thị Hoà", "246810")
VOLUNTEER = ("Nguyễn Văn Minh", "135790")
XVFB = 'xvfb-run -a -s "-screen 0 1366x768x24" make run'
BIN = Path(sys.executable).parent

# What Qt's X11 (xcb) platform plugin loads beyond what QtGui itself needs (``ldd`` on PySide6's
# libqxcb.so and libQt6XcbQpa.so.6): Debian package -> soname. A desktop without one of them gets
# only Qt's bare "could not load the Qt platform plugin xcb"; libxcb-cursor0 is the usual one.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor0": "libxcb-cursor.so.0",
    "libxcb-icccm4": "libxcb-icccm.so.4",
    "libxcb-image0": "libxcb-image.so.0",
    "libxcb-keysyms1": "libxcb-keysyms.so.1",
    "libxcb-render-util0": "libxcb-render-util.so.0",
    "libxcb-render0": "libxcb-render.so.0",
    "libxcb-shape0": "libxcb-shape.so.0",
    "libxcb-util1": "libxcb-util.so.1",
    "libxcb-xkb1": "libxcb-xkb.so.1",
    "libxkbcommon-x11-0": "libxkbcommon-x11.so.0",
    "libxcb-randr0": "libxcb-randr.so.0",
    "libxcb-shm0": "libxcb-shm.so.0",
    "libxcb-sync1": "libxcb-sync.so.1",
    "libxcb-xfixes0": "libxcb-xfixes.so.0",
    "libx11-xcb1": "libX11-xcb.so.1",
}
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _say(text: str) -> None:
    print(f"make run: {text}", flush=True)


def missing_libraries(libraries: Mapping[str, str] = XCB_LIBRARIES) -> list[str]:
    """The packages (keys of ``libraries``) whose soname the dynamic loader cannot load.

    Loading the soname is what Qt's plugin loader will do, so this needs neither dpkg nor ldconfig
    and works on any distribution (only the package names are Debian's).
    """
    missing = []
    for package, soname in libraries.items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(package)
    return missing


def check_qt_libraries(libraries: Mapping[str, str] = XCB_LIBRARIES) -> bool:
    """True if every library loads; else prints which are missing and the line to install them."""
    missing = missing_libraries(libraries)
    if missing:
        sonames = ", ".join(libraries[p] for p in missing)
        _say(f"Qt's X11 (xcb) platform plugin needs {sonames}, missing here. Install with:")
        print(f"    sudo apt-get install {' '.join(missing)}", flush=True)
    return not missing


def _kiosk_platform() -> str | None:
    """The QT_QPA_PLATFORM the kiosk gets, None to let Qt choose.

    The Makefile exports ``QT_QPA_PLATFORM ?= offscreen`` for the tests, so under make (MAKELEVEL
    set) ``offscreen`` is that default, not a wish, and the kiosk gets a real window.
    """
    platform = os.environ.get("QT_QPA_PLATFORM") or None
    if platform == "offscreen" and "MAKELEVEL" in os.environ:
        return None
    return platform


def _headless(platform: str | None) -> bool:
    return (platform or "").split(":")[0] in ("offscreen", "minimal", "vnc")


def _uses_xcb(platform: str | None) -> bool:
    """Whether Qt will load its xcb plugin: asked for, or its choice on an X11 session."""
    if platform:
        return platform.split(";")[0].split(":")[0] == "xcb"
    # On a Wayland session (either variable), Qt 6 tries its wayland plugin first.
    wayland = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("XDG_SESSION_TYPE") == "wayland"
    return bool(os.environ.get("DISPLAY")) and not wayland


def _die_with_parent(sig: signal.Signals) -> Callable[[], None] | None:
    """A ``preexec_fn`` after which the child gets ``sig`` when this process dies, however it dies.

    The demo's own handlers (``_on_signal``) stop its children cleanly on SIGTERM, SIGHUP and
    Ctrl+C; this covers what no handler can: SIGKILL, a segfault, the OOM killer.
    prctl(PR_SET_PDEATHSIG) is set in the forked child before exec and survives the exec of the
    console script (it is cleared only for set-uid programs). Its two traps, handled: it fires when
    the forking *thread* exits, and the demo forks only from its main thread, which lives as long as
    the process; and a parent that dies between fork and prctl is never signalled for, so the child
    checks its parent afterwards.
    Why not only a process group or session of its own: a group is signalled by whoever signals it
    (the terminal's Ctrl+C reaches the server as well, which is fine), but nobody signals a group
    when its leader is SIGKILLed. preexec_fn is unsafe with threads in the parent (fork copies
    locks held by other threads); the demo has none when it forks, and prctl is looked up here, in
    the parent, so the child does nothing but two system calls. Linux only; elsewhere None.
    """
    if sys.platform != "linux":
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    parent = os.getpid()

    def arm() -> None:
        if prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG)")
        if os.getppid() != parent:  # orphaned already: the signal will never come
            os.kill(os.getpid(), signal.SIGKILL)

    return arm


def _stop(process: subprocess.Popen[bytes], timeout: float = 10) -> None:
    """SIGTERM, then SIGKILL if it has not exited after ``timeout`` seconds; always reaped."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
    process.wait()


class _Stopped(SystemExit):
    """SIGTERM or SIGHUP: unwinds main() through the ``finally`` blocks that stop the children."""


_stopping = False


def _on_signal(signum: int, _frame: FrameType | None) -> None:
    global _stopping
    if _stopping:  # the first one is already stopping everything: do not interrupt that
        return
    _stopping = True
    raise _Stopped(128 + signum)


def _tool(name: str, *args: str, env: dict[str, str] | None = None) -> str:
    """Run one of the project's console scripts and return what it printed."""
    done = subprocess.run(
        [str(BIN / name), *args], env=env, check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


@contextlib.contextmanager
def _intake_server(database_url: str) -> Iterator[str]:
    """The intake server on loopback for as long as the kiosk runs."""
    url = f"http://127.0.0.1:{PORT}"
    log = (DEMO_DIR / "intake.log").open("ab")
    server = subprocess.Popen(
        [str(BIN / "kiosk-intake"), "serve", "--port", str(PORT), "--database-url", database_url],
        stdout=log,
        stderr=subprocess.STDOUT,
        # SIGKILL: this runs only when the demo died without cleaning up, and then nothing must
        # keep the port; the database is SQLite, which a kill leaves consistent.
        preexec_fn=_die_with_parent(signal.SIGKILL),
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{url}/v1/health", timeout=1).ok:
                    break
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"make run: the intake server did not start; see {log.name}")
            time.sleep(0.2)
        yield url
    finally:
        _stop(server)
        log.close()


def _kiosk_env() -> dict[str, str]:
    env = {
        **os.environ,
        "KIOSK_CONFIG_DIR": str(DEMO_DIR / "kiosk-config"),
        "KIOSK_DATA_DIR": str(DEMO_DIR / "kiosk-data"),
        "KIOSK_KEY_STORE": "file",
    }
    env.pop("QT_QPA_PLATFORM", None)
    if platform := _kiosk_platform():
        env["QT_QPA_PLATFORM"] = platform
    return env


def _prepare_kiosk(env: dict[str, str], server: str) -> None:
    """Create the kiosk's database, enrol it on the demo server, add the demo operators."""
    os.environ.update(
        {k: env[k] for k in ("KIOSK_CONFIG_DIR", "KIOSK_DATA_DIR", "KIOSK_KEY_STORE")}
    )
    from kiosk.config import load_config
    from kiosk.services.auth import AuthService
    from kiosk.services.base import system_clock
    from kiosk.store import open_store

    store = open_store(load_config())
    try:
        auth = AuthService(store, system_clock)
        if not auth.needs_first_officer():
            return
        actor = auth.create_first_officer(*OFFICER)
        auth.create_operator(actor, VOLUNTEER[0], "volunteer", VOLUNTEER[1])
    finally:
        store.close()
    code = _tool("kiosk-intake", "enrol-code", "--ward", WARD, "--group", GROUP,
                 "--database-url", _database_url())  # fmt: skip
    _say(_tool("kiosk", "enrol", "--server", server, "--code", code,
               "--name", "Nhà văn hoá tổ dân phố 1 (demo)", env=env))  # fmt: skip


def _database_url() -> str:
    return f"sqlite:///{DEMO_DIR / 'intake.db'}"


def _port_in_use() -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", PORT), timeout=1):
        return True
    return False


def _run_kiosk(env: dict[str, str]) -> int:
    """The kiosk until its window closes; stopped (SIGTERM, then SIGKILL) if the demo is stopped."""
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "kiosk"], env=env, preexec_fn=_die_with_parent(signal.SIGTERM)
    )
    try:
        return kiosk.wait()
    finally:
        _stop(kiosk)


def main() -> int:
    # Their default action kills the demo at once and orphans the server (SIGHUP: terminal closed).
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _on_signal)
    try:
        return _demo()
    except KeyboardInterrupt:  # Ctrl+C: the finally blocks have stopped the kiosk and the server
        return 130


def _demo() -> int:
    platform = _kiosk_platform()
    if not _headless(platform):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            _say("there is no display to open the kiosk's window on. Without a screen, run:")
            print(f"    {XVFB}")
            return 2
        if _uses_xcb(platform) and not check_qt_libraries():
            return 2
    if _port_in_use():
        _say(f"something already listens on port {PORT} (an earlier demo's server?). Stop it, or")
        _say("choose another port with KIOSK_DEMO_PORT=…")
        return 2
    DEMO_DIR.mkdir(parents=True, exist_ok=True)
    if not (DEMO_DIR / "intake.db").exists():
        _say(f"creating a demo ward of {RESIDENTS} synthetic residents in {DEMO_DIR}")
        _tool("kiosk-intake", "demo-data", "--residents", str(RESIDENTS), "--ward", WARD,
              "--database-url", _database_url())  # fmt: skip
    env = _kiosk_env()
    with _intake_server(_database_url()) as server:
        _prepare_kiosk(env, server)
        _say(f"intake server at {server} (log: {DEMO_DIR / 'intake.log'})")
        _say(f"officer   {OFFICER[0]}: PIN {OFFICER[1]}")
        _say(f"volunteer {VOLUNTEER[0]}: PIN {VOLUNTEER[1]} (asked for a new PIN at first sign-in)")
        return _run_kiosk(env)


if __name__ == "__main__":
    sys.exit(main())
