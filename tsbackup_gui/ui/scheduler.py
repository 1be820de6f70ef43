"""The minute tick: due-check at start, every 60 s and after wake; runs in a worker.

Only the Qt plumbing lives here: the due-check is `app.due_check.due_check`
(what is due, what to say, what to report), the run is `app.backup.back_up_now`
(keep-awake and cancel, as for the window and the command). Both run on a
worker thread; the GUI thread only starts jobs and receives results, so the
tray never freezes.

Wake is a jump of the wall clock against the monotonic clock (which stops
while the machine sleeps): the tick after it says so (`woke`) and checks at
once; the schedule itself gives the one catch-up run. No timer but the
minute tick: idle costs nothing between ticks.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal

from tsbackup_gui.app.backup import back_up_now, use_report_language
from tsbackup_gui.app.due_check import DEFAULT_GUARD_FACTORY, CheckResult, due_check
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.places import Places, places
from tsbackup_gui.core.platform.keepawake import KeepAwake
from tsbackup_gui.core.run.result import RunResult
from tsbackup_gui.core.status import notify_rules
from tsbackup_gui.core.status.state import Status
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.ui import worker
from tsbackup_gui.ui.tray_presenter import percent_of

log = logging.getLogger(__name__)

MINUTE_MS = 60_000
WAKE_JUMP_S = 120.0

RunFn = Callable[..., RunResult]


def _report_translator(language: str | None):
    from tsbackup_gui.render.translate import Translator, system_language

    return Translator(language or system_language())


class Scheduler(QObject):
    checked = Signal(object)  # CheckResult, after every due-check
    status_changed = Signal(object)  # Status
    notify = Signal(object)  # list[Notice]
    withdraw = Signal(object)  # list of keys that are over
    run_started = Signal(bool)  # True: the user started it
    run_finished = Signal(object)  # RunResult
    progress = Signal(object)  # percent (float) or None
    woke = Signal()
    settled = Signal(object)  # CheckResult: nothing is going any more

    def __init__(
        self,
        *,
        clock: Clock | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        run_fn: RunFn | None = None,
        can_cancel: bool | None = None,
        guard_factory: Callable[[Config], Any] | None = DEFAULT_GUARD_FACTORY,
        keep_awake: Callable[[], Any] = KeepAwake,
        where: Places | None = None,
        interval_ms: int = MINUTE_MS,
        wake_jump_s: float = WAKE_JUMP_S,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.clock = clock or Clock()
        self.monotonic = monotonic
        use_report_language(_report_translator)  # report mails in the configured (else the system's) language
        self.where = where or places()
        self.run_fn = run_fn
        self.can_cancel = True if run_fn is None else bool(can_cancel)
        self.guard_factory = guard_factory
        self.keep_awake = keep_awake
        self.wake_jump_s = wake_jump_s
        self.status: Status | None = None
        self.memory: notify_rules.Memory | None = None
        self.percent: float | None = None
        self.job: str | None = None  # "check" / "run" while one is going
        self.own_run_user: bool | None = None  # while our run goes: did the user start it
        self.last_check: CheckResult | None = None
        self._cancel = threading.Event()
        self._user_request = False
        self.waiting_user = False  # the user's "Back up now" found timeSensor LEGAL open: it starts once closed
        self._recheck = False
        self._pending_snoozes: list[str] = []
        self._last_clocks: tuple[datetime, float] | None = None
        self._tasks: set[worker.Task] = set()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one job at a time, and a run's keep-awake stays on its thread
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.VeryCoarseTimer)  # second accuracy: fewer wake-ups
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.tick)

    # -- control (GUI thread) ------------------------------------------------------------------

    def start(self) -> None:
        """Starts the minute tick and checks at once ("at start")."""
        self._timer.start()
        self.tick()

    def stop(self) -> None:
        self._timer.stop()

    def wait(self, msecs: int) -> bool:
        """Blocks until the job going has ended (the app's end); True when it has."""
        return self._pool.waitForDone(msecs)

    @property
    def running(self) -> bool:
        return self.job == "run"

    def tick(self) -> None:
        """One due-check, unless a job is going (the next tick comes in a minute)."""
        if self._clock_jumped():
            log.info("clock jumped (sleep or time change): checking now")
            self.woke.emit()
        if self.job is not None:
            return
        self._start_check()

    def back_up_now(self) -> bool:
        """The user's "Back up now": starts at once, or right after the current check.
        False while a run is going already."""
        if self.job == "run":
            return False
        if self.job == "check":
            self._user_request = True
            return True
        self._start_run(user=True)
        return True

    def cancel(self) -> bool:
        """Asks our run to stop (only when the engine takes a cancel event); a "Back up now" that waits
        for timeSensor LEGAL to close stops waiting."""
        if self.waiting_user and self.job != "run":
            self.waiting_user = False
            return True
        if self.job != "run" or not self.can_cancel:
            return False
        self._cancel.set()
        return True

    def snooze(self, code: str) -> None:
        """"Remind me tomorrow" for one reminder; saved by the next check, which starts now."""
        now = self.clock.now()
        self._pending_snoozes.append(code)
        self.memory = notify_rules.snooze(self.memory or notify_rules.Memory(), code, now)
        if self.job is None:
            self._start_check()
        else:
            self._recheck = True

    def reminders(self) -> list:
        """The due reminders that are not snoozed (what the menu shows)."""
        if self.status is None:
            return []
        return notify_rules.active_reminders(self.status, self.memory or notify_rules.Memory(), self.clock.now())

    # -- wake ---------------------------------------------------------------------------------

    def _clock_jumped(self) -> bool:
        wall, mono = self.clock.now(), self.monotonic()
        last, self._last_clocks = self._last_clocks, (wall, mono)
        if last is None:
            return False
        drift = (wall - last[0]).total_seconds() - (mono - last[1])
        return abs(drift) > self.wake_jump_s

    # -- jobs ---------------------------------------------------------------------------------

    def _start_check(self) -> None:
        self.job = "check"
        now = self.clock.now()
        memory, snoozes = self.memory, tuple(self._pending_snoozes)
        self._launch(lambda progress: self._check(now, memory, snoozes, None), self._check_done)

    def _check_done(self, result: CheckResult) -> None:
        self.job = None
        self._take(result)
        if self._user_request:
            self._user_request = False
            self._start_run(user=True)
        elif self.waiting_user and result.user_run_free:  # timeSensor LEGAL was closed: the user's run now
            self._start_run(user=True)
        elif result.should_run:
            self._start_run(user=False)
        elif self._recheck:
            self._recheck = False
            self._start_check()
        else:
            self.settled.emit(result)

    def _start_run(self, user: bool) -> None:
        self.job = "run"
        self.own_run_user = user
        self.percent = None
        self._cancel.clear()
        memory, snoozes = self.memory, tuple(self._pending_snoozes)
        self.run_started.emit(user)

        def job(progress: Callable[[Any], None]):
            result = self._run(progress, user)
            user_run = notify_rules.UserRun(result.outcome, result.exit_code, tuple(result.reasons)) if user else None
            return result, self._check(self.clock.now(), memory, snoozes, user_run, look_ahead=False)

        self._launch(job, self._run_done, self._run_progress)

    def _run_progress(self, event: Any) -> None:
        if isinstance(event, dict) and event.get("event") == "progress":
            self.percent = percent_of(event)
            self.progress.emit(self.percent)

    def _run_done(self, outcome: tuple[RunResult, CheckResult]) -> None:
        result, check = outcome
        if self.own_run_user:  # the user's run waits for timeSensor LEGAL, unless it ran or was stopped
            self.waiting_user = result.exit_code == Exit.SOURCE_BUSY and not self._cancel.is_set()
        self.job = None
        self.own_run_user = None
        self.percent = None
        self.run_finished.emit(result)
        self._take(check)
        if self._recheck or self._user_request:
            self._recheck = False
            if self._user_request:
                self._user_request = False
                self._start_run(user=True)
                return
            self._start_check()
            return
        self.settled.emit(check)

    def _launch(self, fn, on_done, on_progress=None) -> None:
        task: worker.Task | None = None

        def done(value):
            self._tasks.discard(task)
            on_done(value)

        def failed(exc):
            self._tasks.discard(task)
            self._failed(exc)

        task = worker.start(fn, on_done=done, on_error=failed, on_progress=on_progress, pool=self._pool)
        self._tasks.add(task)

    def _failed(self, exc: BaseException) -> None:
        """A bug in a job: logged; the tick goes on (the next minute tries again)."""
        log.error("scheduler job failed: %s: %s", type(exc).__name__, exc, exc_info=exc)
        job, self.job = self.job, None
        if job == "run":
            self.own_run_user = None
            self.run_finished.emit(RunResult("failed", Exit.USAGE))
        if self.last_check is not None:
            self.settled.emit(self.last_check)

    def _take(self, result: CheckResult) -> None:
        self._pending_snoozes = [c for c in self._pending_snoozes if c not in result.snoozes]
        memory = result.memory
        for code in self._pending_snoozes:
            memory = notify_rules.snooze(memory, code, result.now)
        self.memory = memory
        self.last_check = result
        if result.status is not None:
            self.status = result.status
            self.status_changed.emit(result.status)
        self.checked.emit(result)
        if result.withdrawn:
            self.withdraw.emit(list(result.withdrawn))
        if result.notices:
            self.notify.emit(list(result.notices))

    # -- on the worker thread -----------------------------------------------------------------

    def _run(self, progress: Callable[[Any], None], user: bool) -> RunResult:
        try:
            extra = {} if self.run_fn is None else {"run": self.run_fn}
            return back_up_now(clock=self.clock, events=progress, cancel=self._cancel, where=self.where,
                               scheduled=not user, keep_awake=self.keep_awake, **extra)
        except UserError as error:
            return RunResult("failed", error.exit_code, reasons=[error.message])

    def _check(self, now: datetime, memory: notify_rules.Memory | None, snoozes: tuple,
               user_run: notify_rules.UserRun | None, look_ahead: bool = True) -> CheckResult:
        return due_check(self.where, now, memory, snoozes, user_run, look_ahead=look_ahead,
                         user_request=self._user_request, guard_factory=self.guard_factory,
                         user_waiting=self.waiting_user)
