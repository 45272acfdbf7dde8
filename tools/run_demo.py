"""``make run``: a synthetic demo ward on a local intake server, an enrolled demo kiosk, the kiosk.

Everything lives in one demo folder outside the source tree (``KIOSK_DEMO_DIR``, default the
platform's user state dir ``kiosk-demo``), made on the first run and reused afterwards; delete the
folder to start again. The server stops when the kiosk window closes.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

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


def _say(text: str) -> None:
    print(f"make run: {text}", flush=True)


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
        server.terminate()
        server.wait(timeout=10)
        log.close()


def _kiosk_env() -> dict[str, str]:
    env = {
        **os.environ,
        "KIOSK_CONFIG_DIR": str(DEMO_DIR / "kiosk-config"),
        "KIOSK_DATA_DIR": str(DEMO_DIR / "kiosk-data"),
        "KIOSK_KEY_STORE": "file",
    }
    env.pop("QT_QPA_PLATFORM", None)  # the Makefile's offscreen default is for tests, not this
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


def main() -> int:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        _say("there is no display to open the kiosk's window on. Without a screen, run:")
        print(f"    {XVFB}")
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
        return subprocess.run([sys.executable, "-m", "kiosk"], env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
