"""A slow job that answers after its window is gone (closed and deleted while it gathered) is
dropped quietly: no call into a deleted widget, no error in the log or on screen."""

from __future__ import annotations

import shiboken6

from status_window_helpers import at, configure, drive, wait_loaded  # noqa: F401  (drive is a fixture)
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.ui.status_window import StatusWindow


def test_a_refresh_that_answers_after_the_window_was_deleted_is_dropped(qtbot, tmp_path, drive):
    configure(tmp_path, drive)
    window = StatusWindow(language="en", clock=FixedClock(at(27, 9)))  # not qtbot's: it is deleted here
    window.refresh()
    wait_loaded(qtbot, window)
    tasks, loads = window._tasks, window.loads
    window.refresh()
    window.refresh()
    shiboken6.delete(window)  # the C++ window is gone, as after close + deleteLater
    qtbot.waitUntil(lambda: not tasks, timeout=20000)  # both answered and were dropped
    assert not shiboken6.isValid(window)
    assert window.__dict__["loads"] == loads  # nothing was shown into the deleted window
