"""The background helper: work off the UI thread, outcomes back on it, errors never lost."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.ui.tasks import TaskRunner

TIMEOUT_MS = 5_000


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.shutdown()


def test_db_work_runs_off_the_ui_thread_and_returns_on_it(qtbot: QtBot, runner: TaskRunner) -> None:
    ui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work(a: int, b: int) -> int:
        seen["worker"] = threading.get_ident()
        return a + b

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback_in_ui"] = QThread.currentThread() is runner.thread()

    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS):
        runner.db(work, 2, b=3).success(done).run()
    assert seen["result"] == 5
    assert seen["worker"] != ui_thread
    assert seen["callback_in_ui"] is True


def test_db_work_runs_in_order_on_one_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    order: list[int] = []
    threads: set[int] = set()
    results: list[int] = []

    def work(n: int) -> int:
        threads.add(threading.get_ident())
        order.append(n)
        return n

    ids = [runner.db(work, n).success(results.append).run() for n in range(20)]
    with qtbot.waitSignal(
        runner.finished, timeout=TIMEOUT_MS, check_params_cb=lambda i: i == ids[-1]
    ):
        pass
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=TIMEOUT_MS)
    assert order == list(range(20))
    assert results == list(range(20))
    assert len(threads) == 1


def test_a_slow_network_call_does_not_hold_up_database_work(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    release = threading.Event()
    saved: list[str] = []
    runner.net(release.wait, 10).run()
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS):
        runner.db(lambda: "saved").success(saved.append).run()
    assert saved == ["saved"]
    assert runner.pending() == 1
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS):
        release.set()


def test_an_error_goes_to_the_failure_callback(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []

    def broken() -> None:
        raise OSError(28, "No space left on device")

    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS):
        runner.db(broken).failure(errors.append).run()
    assert isinstance(errors[0], OSError)


def test_an_error_without_a_failure_callback_is_shown(
    qtbot: QtBot, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> None:
        raise ValueError("Nguyễn Văn An 001090012345")

    with qtbot.waitSignal(runner.unhandled_error, timeout=TIMEOUT_MS) as blocker:
        runner.net(broken).success(lambda _: None).run()
    assert isinstance(blocker.args[0], ValueError)
    assert "ValueError" in caplog.text
    assert "001090012345" not in caplog.text  # the log never carries the message


def test_the_outcome_is_dropped_when_its_owner_is_gone(qtbot: QtBot, runner: TaskRunner) -> None:
    owner = QObject()
    calls: list[object] = []
    release = threading.Event()
    runner.db(release.wait, 10).success(calls.append).owned_by(owner).run()
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=TIMEOUT_MS)
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS):
        release.set()
    assert calls == []


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_workers_never_get_widgets(qtbot: QtBot, runner: TaskRunner) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    with pytest.raises(TypeError):
        runner.db(str, label)
    with pytest.raises(TypeError):
        runner.net(label.setText, "y")
    assert runner.pending() == 0
