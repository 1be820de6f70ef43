"""Long jobs (restore, check, drill …) have a pool of their own: short ones (the window's refresh, saving a
pause) still run while the long ones fill every thread, even with a one-thread global pool (a one-vCPU VM)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThreadPool

from tsbackup_gui.ui import worker

WAIT = 20000


def test_short_jobs_run_while_long_ones_fill_their_pool(qtbot):
    pool = QThreadPool.globalInstance()
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(1)
    release = threading.Event()
    try:
        tasks: list[worker.Task] = []
        long_done, short_done = [], []
        for n in range(worker.LONG_THREADS + 1):  # one more than fits: it waits its turn in the long pool
            worker.start_kept(tasks, lambda _p, n=n: release.wait(WAIT / 1000) and n, long_done.append, long=True)
        for n in range(3):
            worker.start_kept(tasks, lambda _p, n=n: n, short_done.append)
        qtbot.waitUntil(lambda: sorted(short_done) == [0, 1, 2], timeout=WAIT)
        assert long_done == [] and len(tasks) == worker.LONG_THREADS + 1  # finished short tasks are dropped
        release.set()
        qtbot.waitUntil(lambda: len(long_done) == worker.LONG_THREADS + 1, timeout=WAIT)
        assert sorted(long_done) == list(range(worker.LONG_THREADS + 1)) and tasks == []
    finally:
        release.set()
        worker.long_pool().waitForDone(WAIT)
        pool.setMaxThreadCount(threads)


def test_a_failing_kept_task_reports_and_is_dropped(qtbot):
    tasks: set[worker.Task] = set()
    failed = []

    def job(_progress):
        raise OSError(5, "Input/output error")

    worker.start_kept(tasks, job, on_error=failed.append, long=True)
    qtbot.waitUntil(lambda: bool(failed), timeout=WAIT)
    assert isinstance(failed[0], OSError) and failed[0].strerror == "Input/output error" and not tasks
