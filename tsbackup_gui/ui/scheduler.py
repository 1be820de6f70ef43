"""The minute tick: due-check at start, every 60 s and after wake; runs in a worker.

Only the decisions' plumbing lives here: what is due comes from
`core.tick.plan` (the pure schedule), what to say from
`core.notify_rules.decide`, the run itself is `core.jobs.run_backup`. All
of it — config, history, the lock, the guard's process scan, the copy —
runs on a worker thread; the GUI thread only starts jobs and receives
results, so the tray never freezes.

Wake is a jump of the wall clock against the monotonic clock (which stops
while the machine sleeps): the tick after it says so (`woke`) and checks at
once; the schedule itself gives the one catch-up run. No timer but the
minute tick: idle costs nothing between ticks.
"""

from __future__ import annotations

import inspect
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal

from ..core import config as config_mod
from ..core import notify_rules, reports, tick
from ..core.clock import Clock
from ..core.config import Config, write_atomic
from ..core.errors import Exit, UserError
from ..core.history import History
from ..core.jobs import RunResult, run_backup
from ..core.places import Places, places
from ..core.platform.keepawake import KeepAwake
from ..core.status import NO_FACTS, SEVERITY, Status, compute_status
from ..core.status_facts import gather, load_attempts
from . import worker
from .tray_presenter import percent_of

log = logging.getLogger(__name__)

MINUTE_MS = 60_000
WAKE_JUMP_S = 120.0
MEMORY_FILE = "notifications.json"

RunFn = Callable[..., RunResult]


def _report_translator(language: str | None):
    from ..render.translate import Translator, system_language

    return Translator(language or system_language())


def takes(fn: Callable[..., Any], name: str) -> bool:
    try:
        return name in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def supports_cancel(fn: Callable[..., Any]) -> bool:
    return takes(fn, "cancel")


def default_run(config: Config, *, clock: Clock, events, cancel: threading.Event, where: Places | None = None,
                scheduled: bool = False) -> RunResult:
    """The real backup with the mode's own guard. A run the tick started is `scheduled`: under the
    run lock the engine checks once more that the slot is still due (the OS task may have taken it)."""
    extra: dict[str, Any] = {}
    if supports_cancel(run_backup):
        extra["cancel"] = cancel
    if takes(run_backup, "scheduled"):
        extra["scheduled"] = scheduled
    return run_backup(config, clock=clock, events=events, where=where, **extra)


@dataclass
class CheckResult:
    """What one due-check found (computed on the worker)."""

    now: datetime
    config: Config | None
    status: Status | None
    plan: tick.Plan
    blocked: list = field(default_factory=list)  # why a waiting run cannot start yet
    notices: list = field(default_factory=list)
    withdrawn: list = field(default_factory=list)
    memory: notify_rules.Memory = field(default_factory=notify_rules.Memory)
    snoozes: tuple = ()

    @property
    def should_run(self) -> bool:
        return self.plan.action == tick.RUN or (self.plan.action == tick.RETRY and not self.blocked)


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
        guard_factory: Callable[[Config], Any] | None = tick.default_guard_factory,
        keep_awake: Callable[[], Any] = KeepAwake,
        where: Places | None = None,
        interval_ms: int = MINUTE_MS,
        wake_jump_s: float = WAKE_JUMP_S,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.clock = clock or Clock()
        self.monotonic = monotonic
        reports.use_translator(_report_translator)  # report mails in the configured (else the system's) language
        self.where = where or places()
        self.run_fn = run_fn or default_run
        self.can_cancel = supports_cancel(run_backup) if run_fn is None else bool(can_cancel)
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
        """Asks our run to stop (only when the engine takes a cancel event)."""
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
            config = config_mod.require(self.where)
        except UserError as error:
            return RunResult("failed", error.exit_code, reasons=[error.message])
        with self.keep_awake():
            return self.run_fn(config, clock=self.clock, events=progress, cancel=self._cancel, where=self.where,
                               scheduled=not user)

    def _check(self, now: datetime, memory: notify_rules.Memory | None, snoozes: tuple,
               user_run: notify_rules.UserRun | None, look_ahead: bool = True) -> CheckResult:
        if memory is None:
            memory = self._load_memory()
        for code in snoozes:
            memory = notify_rules.snooze(memory, code, now)
        try:
            config = config_mod.load(self.where)
        except UserError as error:  # a damaged settings file: say so, never go quiet
            status = Status("failed", SEVERITY["failed"], error.message)
            return CheckResult(now, None, status, tick.Plan(tick.IDLE), memory=memory, snoozes=snoozes)
        history = History(self.where.history_db, lock_path=self.where.lock_file)
        attempts = load_attempts(history)
        facts = gather(config, self.where) if config is not None else NO_FACTS
        status = compute_status(config, attempts, now, facts)
        plan = tick.plan(config, attempts, now, facts.running)
        blocked = []
        if look_ahead and plan.action == tick.RETRY and config is not None:
            blocked = tick.preflight(config, self.guard_factory)
        decision = notify_rules.decide(status, attempts, now, memory, user_run)
        starts_run = look_ahead and (plan.action == tick.RUN or (plan.action == tick.RETRY and not blocked)
                                     or self._user_request)
        if config is not None and config.reports and not starts_run:  # pings and mails; never raises
            # A backup about to start goes first: a dead mail server must not hold it up. The check
            # after that run (look_ahead=False) reports what is due then.
            reports.due_check(config, status, where=self.where, now=now, attempts=attempts)
        if decision.memory != memory or snoozes:
            self._save_memory(decision.memory)
        return CheckResult(now, config, status, plan, blocked, decision.notices, decision.withdrawn,
                           decision.memory, snoozes)

    def _memory_path(self):
        return self.where.state_dir / MEMORY_FILE

    def _load_memory(self) -> notify_rules.Memory:
        try:
            return notify_rules.Memory.from_json(json.loads(self._memory_path().read_text("utf-8")))
        except (OSError, ValueError):
            return notify_rules.Memory()

    def _save_memory(self, memory: notify_rules.Memory) -> None:
        try:
            write_atomic(self._memory_path(), json.dumps(memory.to_json(), indent=1).encode("utf-8"))
        except OSError as exc:  # at worst a notification repeats after a restart
            log.warning("cannot save %s: %s", self._memory_path(), exc)

