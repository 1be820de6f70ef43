"""Runs slow work (file system, subprocess, keyring) off the GUI thread.

A `Task` wraps a plain function from `core`; its result or its exception
comes back as a Qt signal on the GUI thread. Signals hang on a small
per-task QObject, never on the QApplication singleton.

Two pools: short jobs (gathering the overview, saving a pause) run on Qt's
global pool; long ones (restore, check, drill, put back, password change,
diagnostics) pass ``long=True`` and get a pool of their own, so an hour of
restoring plus a check never leaves the window waiting for its refresh
(the global pool has only one or two threads on a small VM).
"""

from __future__ import annotations

from typing import Any, Callable, MutableSequence, MutableSet

import shiboken6
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


LONG_THREADS = 4  # a restore, a check, a drill and a password change at once; more wait their turn

_long_pool: QThreadPool | None = None


def long_pool() -> QThreadPool:
    """The pool for long jobs, separate from `QThreadPool.globalInstance()` (short ones)."""
    global _long_pool
    if _long_pool is None:
        _long_pool = QThreadPool()
        _long_pool.setMaxThreadCount(LONG_THREADS)
    return _long_pool


def start(fn: Callable[[Callable[[Any], None]], Any], on_done=None, on_error=None, on_progress=None,
          pool: QThreadPool | None = None, *, long: bool = False) -> Task:
    task = Task(fn)
    task.setAutoDelete(False)  # the caller keeps the Python object; Qt must not free it under us
    if on_done:
        task.signals.finished.connect(on_done)
    if on_error:
        task.signals.failed.connect(on_error)
    if on_progress:
        task.signals.progress.connect(on_progress)
    (pool or (long_pool() if long else QThreadPool.globalInstance())).start(task)
    return task


def start_kept(tasks: MutableSequence[Task] | MutableSet[Task], fn, on_done=None, on_error=None, on_progress=None, *,
               long: bool = False, owner: QObject | None = None) -> Task:
    """`start`, with the task kept in ``tasks`` (alive) until it has finished, then dropped from it.

    With an ``owner`` (the window or dialog that asked), an answer that arrives after the owner was
    deleted is dropped: a slow job may outlive the window it was started from."""
    holder: list[Task] = []

    def gone() -> bool:
        return owner is not None and not shiboken6.isValid(owner)

    def finish(callback, value) -> None:
        if holder and holder[0] in tasks:
            tasks.remove(holder[0])
        if callback is not None and not gone():
            callback(value)

    def report(event) -> None:
        if on_progress is not None and not gone():
            on_progress(event)

    task = start(fn, on_done=lambda value: finish(on_done, value), on_error=lambda exc: finish(on_error, exc),
                 on_progress=report if on_progress else None, long=long)
    holder.append(task)
    if isinstance(tasks, list):
        tasks.append(task)
    else:
        tasks.add(task)
    return task
