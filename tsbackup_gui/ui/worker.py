"""Runs slow work (file system, subprocess, keyring) off the GUI thread.

A `Task` wraps a plain function from `core`; its result or its exception
comes back as a Qt signal on the GUI thread. Signals hang on a small
per-task QObject, never on the QApplication singleton.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(object)


class Task(QRunnable):
    """`fn(progress)` runs in the pool; `progress(event)` may be called from it."""

    def __init__(self, fn: Callable[[Callable[[Any], None]], Any]):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self.fn(self.signals.progress.emit)
        except BaseException as exc:  # handed to the GUI thread, which shows one sentence
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


def start(fn: Callable[[Callable[[Any], None]], Any], on_done=None, on_error=None, on_progress=None,
          pool: QThreadPool | None = None) -> Task:
    task = Task(fn)
    task.setAutoDelete(False)  # the caller keeps the Python object; Qt must not free it under us
    if on_done:
        task.signals.finished.connect(on_done)
    if on_error:
        task.signals.failed.connect(on_error)
    if on_progress:
        task.signals.progress.connect(on_progress)
    (pool or QThreadPool.globalInstance()).start(task)
    return task
