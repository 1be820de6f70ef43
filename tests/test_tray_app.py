"""The tray glue offscreen (CI has no system tray): the view reaches the QSystemTrayIcon and its
menu, menu entries reach core, one app per user."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime

import pytest
from PySide6.QtWidgets import QSystemTrayIcon
from zoneinfo import ZoneInfo

from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.places import places
from tsbackup_gui.ui.app import AppShell
from tsbackup_gui.ui.scheduler import Scheduler
from tsbackup_gui.ui.single_instance import SingleInstance

from test_scheduler import at, drive_root, office  # noqa: F401 - shared fixtures: a configured office

ZH = ZoneInfo("Europe/Zurich")
WAIT = 30_000


@pytest.fixture
def shell(qtbot, office):
    called: list[str] = []
    quits: list[bool] = []
    clock = FixedClock(at(30, 10, 15))
    scheduler = Scheduler(clock=clock, monotonic=lambda: clock.now().timestamp())
    with qtbot.waitSignal(scheduler.settled, timeout=WAIT):
        app_shell = AppShell(language="en", use_tray=True, scheduler=scheduler,
                             actions={"check": lambda: called.append("check")}, quit_app=lambda: quits.append(True))
    yield app_shell, called, quits
    app_shell.shutdown()
    if app_shell.window is not None:
        app_shell.window.close()


def test_the_tray_shows_the_view(shell):
    app_shell, _, _ = shell
    tray = app_shell.tray
    assert isinstance(tray.icon, QSystemTrayIcon)
    view = tray.view
    assert view == app_shell.view()
    assert tray.icon.toolTip() == view.tooltip == "No backup yet. The first backup runs today 18:30."
    assert not tray.icon.icon().isNull()
    assert [a.text() for a in tray.menu.actions() if not a.isSeparator()] == [e.text for e in view.entries]
    assert not tray.actions["status"].isEnabled()
    assert tray.actions["check"].isEnabled() and not tray.actions["drill"].isEnabled()
    assert tray.actions["drill"].toolTip() == "Comes in a later version."


def test_menu_entries_reach_core(qtbot, shell):
    app_shell, called, quits = shell
    tray, scheduler = app_shell.tray, app_shell.scheduler
    finished = []
    scheduler.run_finished.connect(finished.append)
    with qtbot.waitSignal(scheduler.settled, timeout=WAIT):
        tray.actions["backup_now"].trigger()
    assert [(a.outcome, a.started) for a in History().attempts()] == [("ok", at(30, 10, 15))]
    assert finished[0].generation == "2026-11-30_101500"
    assert tray.icon.toolTip() == "Last backup today 10:15 — all good."
    assert app_shell.notifier.shown[-1][1:3] == ("Backup finished", "Last backup today 10:15 — all good.")
    tray.actions["check"].trigger()
    assert called == ["check"]
    tray.actions["open_window"].trigger()
    assert app_shell.window is not None and app_shell.window.isVisible()
    tray.actions["quit"].trigger()
    assert quits == [True] and not scheduler._timer.isActive()


def test_remind_me_tomorrow_takes_the_entry_out_of_the_menu(qtbot, shell):
    app_shell, _, _ = shell
    scheduler = app_shell.scheduler
    said = []
    scheduler.notify.connect(lambda notices: said.extend((n.kind, n.lines[0].english()) for n in notices))
    scheduler.clock.set(datetime(2027, 1, 4, 10, 0, tzinfo=ZH))  # 35 days after the setup: the check is due
    with qtbot.waitSignal(scheduler.settled, timeout=WAIT):
        scheduler.tick()  # also catches up the missed slot
    assert "reminder:reminder.check" in app_shell.tray.actions
    assert ("reminder", "The monthly check is due. Run the monthly check.") in said
    # One balloon per batch: the overdue backup is more serious than the reminder.
    assert app_shell.notifier.shown[0][1] == "The backup is overdue"
    with qtbot.waitSignal(scheduler.settled, timeout=WAIT):
        app_shell.tray.actions["snooze:reminder.check"].trigger()
    assert "reminder:reminder.check" not in app_shell.tray.actions
    assert "reminder.check" in scheduler.memory.snoozed
    assert "reminder.check" in (places().state_dir / "notifications.json").read_text()


def test_a_second_instance_asks_the_first_to_show(qtbot, tmp_path):
    first = SingleInstance(tmp_path / "state")
    assert first.claim()
    try:
        with qtbot.waitSignal(first.activated, timeout=WAIT):
            assert not SingleInstance(tmp_path / "state").claim()
        # A real second app: it hands over and exits at once.
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TSBACKUP_HOME": str(tmp_path)}
        with qtbot.waitSignal(first.activated, timeout=WAIT):
            second = subprocess.Popen([sys.executable, "-m", "tsbackup_gui"], env=env)
        assert second.wait(60) == 0
    finally:
        first.release()
    assert SingleInstance(tmp_path / "state").claim()  # released: the next start is first again


def test_a_lock_left_by_a_dead_app_does_not_block(tmp_path):
    state = tmp_path / "state"
    code = ("import sys; from PySide6.QtCore import QLockFile; l = QLockFile(sys.argv[1]); "
            "assert l.tryLock(0); import os; os._exit(0)")
    state.mkdir()
    subprocess.run([sys.executable, "-c", code, str(state / "app.lock")], check=True, timeout=60)
    assert (state / "app.lock").exists()
    instance = SingleInstance(state)
    try:
        assert instance.claim()
    finally:
        instance.release()


def test_without_a_system_tray_the_status_window_opens(qtbot, tmp_path):
    app_shell = AppShell(language="en", use_tray=False, demo_root=tmp_path / "demo-root")
    try:
        assert app_shell.tray is None and app_shell.scheduler is None
        assert app_shell.window is not None and app_shell.window.isVisible()
        qtbot.waitUntil(lambda: app_shell.window.snapshot is not None, timeout=WAIT)
    finally:
        app_shell.window.close()
