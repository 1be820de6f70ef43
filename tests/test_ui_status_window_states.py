"""The status window in every state of a real setup: ok, warning, failed, overdue, waiting, running,
reminders."""

from __future__ import annotations

from tsbackup_gui.core.errors import Exit
from tsbackup_gui.core.guard.blockers import SOURCE_BUSY
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.store.locks import FileLock
from tsbackup_gui.core.places import places

from status_window_helpers import WORKDAYS, at, backups, configure, drive, open_window  # noqa: F401 - drive: fixture


def test_ok(qtbot, tmp_path, drive):
    configure(tmp_path, drive)
    history = History()
    backups(history, WORKDAYS)
    history.record("check", at(10, 9), at(10, 9, 3), "ok", 0)
    window = open_window(qtbot, at(27, 17, 5))
    assert window.snapshot.state == "ok"
    assert window.headline.text() == "Last backup yesterday 18:32 — all good."
    assert window.table.rowCount() == 10
    assert [window.table.item(0, c).text() for c in range(6)] == [
        "2026-11-26 18:30", "Backup", "OK", "", "2 min 8 s", "48.0 MB"]
    assert window.table.item(9, 1).text() == "Monthly check"
    assert window.chart.point_count == 9
    assert window.offsite_panel.where.text() == "handled outside this program: NAS copy to the partner's office"
    assert window.primary_panel.where.text() == str(drive) and window.primary_panel.count.text() == "0"
    assert window.restore_button.isEnabled() and window.check_button.isEnabled()
    assert not window.drill_button.isEnabled()  # nothing this program can restore off-site
    assert not window.reminders_label.isVisibleTo(window)


def test_warning(qtbot, tmp_path, drive):
    configure(tmp_path, drive)
    history = History()
    backups(history, WORKDAYS[:-1])
    backups(history, [26], outcome="warning")
    window = open_window(qtbot, at(27, 17, 5))
    assert window.snapshot.state == "warning"
    assert window.headline.text() == "Last backup yesterday 18:32 — with warnings."
    assert window.table.item(0, 2).text() == "Warning"
    assert window.table.rowCount() == 9 and window.chart.point_count == 9


def test_failed(qtbot, tmp_path, drive):
    from tsbackup_gui.core.messages import Message

    configure(tmp_path, drive)
    history = History()
    backups(history, WORKDAYS[:-1])
    reason = Message("primary.copy_failed", "The copy stopped: the disk is full.", {})
    history.record("backup", at(26, 18, 30), at(26, 18, 31), "failed", Exit.TARGET_UNAVAILABLE + 0, [reason])
    window = open_window(qtbot, at(27, 17, 5))
    assert window.snapshot.state == "failed"
    assert window.headline.text() == "The last backup failed."
    assert [window.table.item(0, c).text() for c in (2, 3)] == ["Failed", "The copy stopped: the disk is full."]
    assert window.chart.point_count == 8  # a failed run made no generation


def test_overdue(qtbot, tmp_path, drive):
    configure(tmp_path, drive)
    history = History()
    backups(history, [16, 17, 18, 19, 20, 23])
    window = open_window(qtbot, at(27, 17, 5))
    assert window.snapshot.state == "overdue"
    assert window.headline.text() == "No backup since Monday."
    assert window.table.rowCount() == 6 and window.chart.point_count == 6


def test_waiting_for_timesensor_to_close_shows_the_skip(qtbot, tmp_path, drive):
    configure(tmp_path, drive)
    history = History()
    backups(history, WORKDAYS)
    history.record("backup", at(27, 18, 30), at(27, 18, 45), "skipped", Exit.SOURCE_BUSY, [SOURCE_BUSY()])
    window = open_window(qtbot, at(27, 18, 50))
    assert window.snapshot.state == "waiting"
    assert window.headline.text() == "Close timeSensor LEGAL to start today's backup."
    assert [window.table.item(0, c).text() for c in (2, 3, 4)] == [
        "Skipped", "Close timeSensor LEGAL to start today's backup.", "15 min 0 s"]
    assert window.table.rowCount() == 10 and window.chart.point_count == 9


def test_running(qtbot, tmp_path, drive):
    configure(tmp_path, drive)
    history = History()
    backups(history, WORKDAYS)
    lock = FileLock(places().lock_file)
    lock.acquire()
    try:
        history.start("backup", at(27, 18, 30))
        window = open_window(qtbot, at(27, 18, 31))
    finally:
        lock.release()
    assert window.snapshot.state == "running"
    assert window.headline.text() == "A backup is running."
    assert window.table.item(0, 2).text() == "Running"
    assert not window.backup_button.isEnabled()
    assert window.table.rowCount() == 10 and window.chart.point_count == 9


def test_reminders_and_no_offsite(qtbot, tmp_path, drive):
    configure(tmp_path, drive, offsite=False, created="2026-10-01T09:00:00+02:00")
    backups(History(), WORKDAYS)
    window = open_window(qtbot, at(27, 17, 5))
    assert window.snapshot.state == "warning"
    assert window.reminders_label.isVisibleTo(window)
    assert window.reminders_label.text() == "• The monthly check is due. Run the monthly check."
    assert window.offsite_panel.where.text() == "not set up"
