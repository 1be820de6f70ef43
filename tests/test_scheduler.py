"""The minute tick with an injected clock and the real engine: the daily slot fires once, one
catch-up after two days of sleep, waiting for timeSensor LEGAL (a real process) and for the
backup drive, notifications said once, runs never on the GUI thread."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import uuid
from datetime import datetime
from pathlib import Path

import pytest
from zoneinfo import ZoneInfo

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store import locks
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.places import places
from tsbackup_gui.core.setup.configure import SetupOptions, configure
from tsbackup_gui.core.run.backup import run_backup as default_run
from tsbackup_gui.ui.scheduler import Scheduler

ZH = ZoneInfo("Europe/Zurich")
MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=ZH)
WAIT = 30_000


def at(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 11 if day <= 30 else 12, day if day <= 30 else day - 30, hour, minute, tzinfo=ZH)


@pytest.fixture
def drive_root(tmp_path):
    """The backup drive on another device than the data (tmpfs), so the status has nothing
    to say about the setup itself and shows exactly what the schedule did."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.stat(shm).st_dev != os.stat(tmp_path).st_dev:
        folder = Path(tempfile.mkdtemp(prefix="tsb-drive-", dir=shm))
        yield folder
        shutil.rmtree(folder, ignore_errors=True)
    else:  # pragma: no cover - machines without a separate tmpfs: the "same disk" warning shows
        yield tmp_path


@pytest.fixture
def office(tmp_path, drive_root):
    """A configured single-user setup (created Monday 09:00, slot 18:30 on working days)."""
    source = tmp_path / "timeSensor DataFiles"
    (source / "Akten").mkdir(parents=True)
    (source / "timeSensor.4DD").write_bytes(os.urandom(30_000))
    for index in range(12):
        (source / "Akten" / f"Akte {index}.pdf").write_bytes(os.urandom(300))
    drive = drive_root / "drive"
    drive.mkdir()
    result = configure(SetupOptions(str(source), str(drive), computer="PC", time="18:30"), clock=FixedClock(MONDAY))
    config = result.config
    # process_names stays None: the guard's list is this test's own name (conftest's guard_names)
    config.secondary = {"kind": "external", "text": "NAS to NAS"}  # off-site handled outside: nothing to warn
    config.recovery_sheet_confirmed = "2026-11-30"
    config_mod.save(config)
    return config


def good(status) -> bool:
    return status.state == "ok" and status.message.id == "status.ok" and status.reasons == []


class Office:
    """A scheduler on an injected clock, with what it did recorded."""

    def __init__(self, qtbot, start: datetime, *, sleeping: bool = False, **kwargs):
        self.qtbot = qtbot
        self.clock = FixedClock(start)
        self.mono = [0.0]
        self.follow = not sleeping
        self.threads: list[str] = []
        self.awake: list[tuple[str, str]] = []
        clock = self.clock

        def run(config, **kw):
            self.threads.append(threading.current_thread().name)
            return default_run(config, **kw)

        scheduler_kwargs = dict(clock=clock, monotonic=self.monotonic, run_fn=run, keep_awake=self.keep_awake)
        scheduler_kwargs.update(kwargs)
        self.scheduler = Scheduler(**scheduler_kwargs)
        self.started: list[bool] = []
        self.notices: list[tuple[str, str]] = []
        self.woke = 0
        self.scheduler.run_started.connect(self.started.append)
        self.scheduler.notify.connect(lambda ns: self.notices.extend((n.kind, n.lines[0].english()) for n in ns))
        self.scheduler.woke.connect(self._woke)

    def _woke(self):
        self.woke += 1

    def monotonic(self) -> float:
        """Follows the wall clock unless the machine 'sleeps' (then it stands still)."""
        return self.clock.now().timestamp() if self.follow else self.mono[0]

    def keep_awake(self):
        office = self

        class Awake:
            def __enter__(self):
                office.awake.append(("on", threading.current_thread().name))

            def __exit__(self, *exc):
                office.awake.append(("off", threading.current_thread().name))

        return Awake()

    def tick(self, moment: datetime | None = None):
        if moment is not None:
            self.clock.set(moment)
        with self.qtbot.waitSignal(self.scheduler.settled, timeout=WAIT) as blocker:
            self.scheduler.tick()
        return blocker.args[0]

    def attempts(self):
        return sorted(History().attempts(), key=lambda a: a.id)


def test_the_daily_slot_fires_once(qtbot, office):
    o = Office(qtbot, at(30, 18, 29))
    assert o.tick().plan.action == "idle"
    assert o.started == []
    check = o.tick(at(30, 18, 30))
    assert o.started == [False]
    assert [(a.outcome, a.started) for a in o.attempts()] == [("ok", at(30, 18, 30))]
    assert good(check.status) and check.status.last_success == at(30, 18, 30)
    for moment in (at(30, 18, 31), at(30, 19, 30), at(30, 23, 59), at(31, 18, 29)):
        assert o.tick(moment).plan.action == "idle"
    assert len(o.attempts()) == 1
    o.tick(at(31, 18, 30))  # Tuesday's slot
    assert len(o.attempts()) == 2 and o.started == [False, False]
    assert o.notices == []  # a scheduled success is quiet
    # The run happened on a worker thread, kept awake there, never on the GUI thread.
    gui = threading.current_thread().name
    assert o.threads and gui not in o.threads
    assert o.awake == [("on", o.threads[0]), ("off", o.threads[0]), ("on", o.threads[1]), ("off", o.threads[1])]
    assert o.woke == 0


def test_catch_up_after_two_days_of_sleep_runs_once(qtbot, office):
    o = Office(qtbot, at(30, 18, 30), sleeping=True)
    o.tick()
    assert len(o.attempts()) == 1
    # The lid closes on Monday evening and opens on Thursday morning: the monotonic clock stood still.
    check = o.tick(at(33, 8, 0))
    assert o.woke == 1
    assert [a.started for a in o.attempts()] == [at(30, 18, 30), at(33, 8, 0)]
    assert good(check.status)
    o.mono[0] += 60
    o.tick(at(33, 8, 1))
    assert o.woke == 1 and len(o.attempts()) == 2


def test_waits_for_timesensor_to_close_then_starts_by_itself(qtbot, office, tmp_path):
    # a timeSensor of this test's own: another one on the machine (a developer's, a second test run)
    # must neither start nor end the wait
    # (not "timeSensor LEGAL …": a name that begins with a running program's 15+ characters counts as it)
    name = f"tsb timeSensor {uuid.uuid4().hex[:8]}"
    config = config_mod.require()
    config.process_names = [name]
    config_mod.save(config)
    app = tmp_path / name
    shutil.copy("/bin/sleep", app)
    timesensor = subprocess.Popen([str(app), "120"])
    try:
        o = Office(qtbot, at(30, 18, 30), interval_ms=150)
        check = o.tick()
        assert check.status.state == "waiting"
        assert check.status.message.english() == "Close timeSensor LEGAL to start today's backup."
        (attempt,) = o.attempts()
        assert (attempt.outcome, attempt.exit_code) == ("skipped", 3)
        assert attempt.reasons[1].english() == (
            f"Close timeSensor LEGAL to start today's backup. The program {name} (process {timesensor.pid}) is running.")
        assert o.notices == [("waiting", "Close timeSensor LEGAL to start today's backup.")]
        # Minute after minute: it looks, finds the app still open, records and says nothing new.
        o.clock.set(at(30, 18, 31))
        for _ in range(3):
            check = o.tick()
            assert check.plan.action == "retry" and check.blocked[0].english() == "Close timeSensor LEGAL to start today's backup."
        assert len(o.attempts()) == 1 and len(o.notices) == 1
        # The office closes the app; the running minute tick (here every 150 ms) starts the backup.
        o.scheduler.start()
        timesensor.terminate()
        timesensor.wait(10)
        qtbot.waitUntil(lambda: len(o.attempts()) == 2 and o.attempts()[-1].outcome == "ok", timeout=WAIT)
    finally:
        timesensor.kill()
        timesensor.wait()
        o.scheduler.stop()
    qtbot.waitUntil(lambda: o.scheduler.job is None, timeout=WAIT)
    assert o.started == [False, False]
    assert o.notices == [("waiting", "Close timeSensor LEGAL to start today's backup.")]
    assert good(o.scheduler.status)


def test_drive_missing_waits_then_runs_when_it_appears(qtbot, office, drive_root):
    drive, away = drive_root / "drive", drive_root / "drive-unplugged"
    drive.rename(away)
    o = Office(qtbot, at(30, 18, 30))
    withdrawn = []
    o.scheduler.withdraw.connect(withdrawn.extend)
    check = o.tick()
    assert check.status.message.english() == "Connect the backup drive."
    (attempt,) = o.attempts()
    assert attempt.exit_code == 4 and attempt.reason_code == "primary.drive_not_connected"
    assert o.notices == [("waiting", "Connect the backup drive.")]
    for minute in (31, 32, 33):
        check = o.tick(at(30, 18, minute))
        assert check.plan.action == "retry" and check.blocked[0].id == "primary.drive_not_connected"
    assert len(o.attempts()) == 1 and len(o.notices) == 1 and o.started == [False]
    away.rename(drive)  # plugged in again
    check = o.tick(at(30, 18, 40))
    assert [a.outcome for a in o.attempts()] == ["failed", "ok"]
    assert good(check.status) and o.started == [False, False]
    assert withdrawn == ["wait:drive"]
    assert len([p for p in (drive / "timeSensor Backups" / "PC").iterdir() if not p.name.startswith(".")]) == 1


def test_a_failure_is_notified_once_and_not_retried_every_minute(qtbot, office, tmp_path):
    Path(office.source).rename(tmp_path / "moved")
    o = Office(qtbot, at(30, 18, 30))
    check = o.tick()
    assert check.status.state == "failed"
    assert o.notices == [("failed", "The last backup failed.")]
    for minute in range(31, 36):
        o.tick(at(30, 18, minute))
    assert len(o.attempts()) == 1 and len(o.notices) == 1


def test_back_up_now_says_when_it_is_done(qtbot, office):
    o = Office(qtbot, at(30, 10, 15))
    o.tick()
    with qtbot.waitSignal(o.scheduler.settled, timeout=WAIT):
        assert o.scheduler.back_up_now()
    assert o.started == [True]
    (done,) = o.notices
    assert done[0] == "done" and done[1] == o.scheduler.status.message.english()
    assert History().attempts()[0].outcome == "ok"


def test_a_run_of_the_os_task_shows_as_running_and_is_not_doubled(qtbot, office):
    o = Office(qtbot, at(30, 18, 30))
    lock = locks.state_lock(places().lock_file)  # the OS task's run holds the run lock
    try:
        check = o.tick()
        assert check.plan.action == "busy" and check.status.state == "running"
        assert o.started == [] and o.attempts() == []
    finally:
        lock.release()
    o.tick(at(30, 18, 31))
    assert o.started == [False] and [a.outcome for a in o.attempts()] == ["ok"]


def test_the_notification_memory_survives_a_restart(qtbot, office, tmp_path):
    Path(office.source).rename(tmp_path / "moved")
    first = Office(qtbot, at(30, 18, 30))
    first.tick()
    assert len(first.notices) == 1
    again = Office(qtbot, at(30, 18, 35))
    again.tick()
    assert again.notices == []


def test_cancel_backup_reaches_the_engine_and_keeps_nothing(qtbot, office):
    """"Cancel backup" from the tray: the scheduler's cancel event stops the real run_backup."""
    o = Office(qtbot, at(30, 10, 15), can_cancel=True)
    assert o.scheduler.can_cancel
    o.tick()
    o.scheduler.run_started.connect(lambda user: o.scheduler.cancel())
    cancel_seen = []
    original = o.scheduler.run_fn

    def run_after_cancel(config, **kw):
        kw["cancel"].wait(10)  # the click arrives while the run is starting
        cancel_seen.append(kw["cancel"].is_set())
        return original(config, **kw)

    o.scheduler.run_fn = run_after_cancel
    with qtbot.waitSignal(o.scheduler.run_finished, timeout=WAIT) as finished:
        assert o.scheduler.back_up_now()
    assert cancel_seen == [True]
    assert finished.args[0].exit_code == 130
    assert History().attempts()[0].reason_code == "run.cancelled"
    drive = Path(office.primary) / "timeSensor Backups" / office.computer
    assert [p.name for p in drive.iterdir() if not p.name.startswith(".")] == []


def test_back_up_now_while_timesensor_is_open_starts_when_it_is_closed(qtbot, office, tmp_path, guard_names):
    """No slot is due (Monday 10:15, the slot is at 18:30): the user's own "Back up now" waits, says so in
    the tray, and the minute tick starts it once timeSensor LEGAL is closed (issue #22)."""
    from tsbackup_gui.render.translate import Translator
    from tsbackup_gui.ui import tray_presenter as tp

    app = tmp_path / guard_names[0]
    shutil.copy("/bin/sleep", app)
    timesensor = subprocess.Popen([str(app), "120"])
    try:
        o = Office(qtbot, at(30, 10, 15))
        o.tick()
        with qtbot.waitSignal(o.scheduler.settled, timeout=WAIT):
            assert o.scheduler.back_up_now()
        (skipped,) = o.attempts()
        assert (skipped.outcome, skipped.exit_code) == ("skipped", 3)
        assert o.scheduler.waiting_user
        view = tp.present(o.scheduler.status, Translator("en"), waiting_user=o.scheduler.waiting_user)
        assert view.entries[0].text == "timeSensor LEGAL is open. The backup starts by itself as soon as it is closed."
        assert view.state == "waiting" and view.entry(tp.CANCEL).enabled
        o.clock.set(at(30, 10, 16))
        o.tick()  # still open: it looks, records nothing, keeps waiting
        assert len(o.attempts()) == 1 and o.scheduler.waiting_user
        timesensor.terminate()
        timesensor.wait(10)
        o.clock.set(at(30, 10, 17))
        o.tick()
        qtbot.waitUntil(lambda: o.scheduler.job is None, timeout=WAIT)
    finally:
        timesensor.kill()
        timesensor.wait()
    assert [a.outcome for a in o.attempts()] == ["skipped", "ok"]
    assert o.started == [True, True] and not o.scheduler.waiting_user


def test_cancel_ends_the_wait_of_back_up_now(qtbot, office, tmp_path, guard_names):
    app = tmp_path / guard_names[0]
    shutil.copy("/bin/sleep", app)
    timesensor = subprocess.Popen([str(app), "120"])
    try:
        o = Office(qtbot, at(30, 10, 15))
        o.tick()
        with qtbot.waitSignal(o.scheduler.settled, timeout=WAIT):
            o.scheduler.back_up_now()
        assert o.scheduler.waiting_user and o.scheduler.cancel() and not o.scheduler.waiting_user
    finally:
        timesensor.kill()
        timesensor.wait()
    o.clock.set(at(30, 10, 16))
    o.tick()
    assert [a.outcome for a in o.attempts()] == ["skipped"]
