"""The tray's minute tick as a use case: what is due, what to say, what to report.

Everything here reads the disk (settings, history, the guard's process scan,
the notifications' memory) and runs on the tray's worker thread; the Qt side
(`ui.scheduler`) only starts it every minute and after wake, and acts on the
`CheckResult`: start a run, show notices, withdraw the ones that are over.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from tsbackup_gui.app.status import look
from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.places import Places
from tsbackup_gui.core.reports import dispatch as reports
from tsbackup_gui.core.schedule import tick
from tsbackup_gui.core.status import notify_rules
from tsbackup_gui.core.status.state import SEVERITY, Status
from tsbackup_gui.core.store.config import Config, write_atomic

log = logging.getLogger(__name__)

MEMORY_FILE = "notifications.json"
#: The guard the tick asks before retrying a run that waited (timeSensor LEGAL open, the drive missing).
DEFAULT_GUARD_FACTORY = tick.default_guard_factory


@dataclass
class CheckResult:
    """What one due-check found."""

    now: datetime
    config: Config | None
    status: Status | None
    plan: tick.Plan
    blocked: list = field(default_factory=list)  # why a waiting run cannot start yet
    notices: list = field(default_factory=list)
    withdrawn: list = field(default_factory=list)
    memory: notify_rules.Memory = field(default_factory=notify_rules.Memory)
    snoozes: tuple = ()
    user_run_free: bool = False  # a "Back up now" that found timeSensor LEGAL open may start now

    @property
    def should_run(self) -> bool:
        return self.plan.action == tick.RUN or (self.plan.action == tick.RETRY and not self.blocked)


def due_check(where: Places, now: datetime, memory: notify_rules.Memory | None, snoozes: tuple = (),
              user_run: notify_rules.UserRun | None = None, *, look_ahead: bool = True, user_request: bool = False,
              guard_factory: Callable[[Config], Any] | None = DEFAULT_GUARD_FACTORY,
              user_waiting: bool = False) -> CheckResult:
    """One due-check at ``now``. ``look_ahead``: may this check start a run (False right after one);
    ``user_request``: the user asked for a run, which goes before any report; ``user_waiting``: the
    user's "Back up now" found timeSensor LEGAL open and waits (the result says when the way is clear)."""
    if memory is None:
        memory = load_memory(where)
    for code in snoozes:
        memory = notify_rules.snooze(memory, code, now)
    try:
        seen = look(now, where)
    except UserError as error:  # a damaged settings file: say so, never go quiet
        status = Status("failed", SEVERITY["failed"], error.message)
        return CheckResult(now, None, status, tick.Plan(tick.IDLE), memory=memory, snoozes=snoozes)
    config, attempts, status = seen.config, seen.attempts, seen.status
    plan = tick.plan(config, attempts, now, seen.facts.running)
    blocked = []
    if look_ahead and plan.action == tick.RETRY and config is not None:
        blocked = tick.preflight(config, guard_factory)
    user_run_free = bool(look_ahead and user_waiting and config is not None
                         and not tick.preflight(config, guard_factory))
    decision = notify_rules.decide(status, attempts, now, memory, user_run)
    starts_run = look_ahead and (plan.action == tick.RUN or (plan.action == tick.RETRY and not blocked)
                                 or user_request or user_run_free)
    if config is not None and config.reports and not starts_run:  # pings and mails; never raises
        # A backup about to start goes first: a dead mail server must not hold it up. The check
        # after that run (look_ahead=False) reports what is due then.
        reports.due_check(config, status, where=where, now=now, attempts=attempts)
    if decision.memory != memory or snoozes:
        save_memory(where, decision.memory)
    return CheckResult(now, config, status, plan, blocked, decision.notices, decision.withdrawn,
                       decision.memory, snoozes, user_run_free)


def load_memory(where: Places) -> notify_rules.Memory:
    try:
        return notify_rules.Memory.from_json(json.loads((where.state_dir / MEMORY_FILE).read_text("utf-8")))
    except (OSError, ValueError):
        return notify_rules.Memory()


def save_memory(where: Places, memory: notify_rules.Memory) -> None:
    try:
        write_atomic(where.state_dir / MEMORY_FILE, json.dumps(memory.to_json(), indent=1).encode("utf-8"))
    except OSError as exc:  # at worst a notification repeats after a restart
        log.warning("cannot save %s: %s", where.state_dir / MEMORY_FILE, exc)
