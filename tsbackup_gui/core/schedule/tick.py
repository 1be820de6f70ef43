"""What the tray's minute tick does: run now, look whether a wait is over, or nothing.

The schedule (`schedule.due_slot`) says which slot is due; this adds what
the tray needs on top. A slot whose run only waited (timeSensor LEGAL open,
the backup drive not connected) stays due; the tick then looks whether the
obstacle is gone (`preflight`: the marker on any of the setup's backup drives,
the guard's process scan)
and starts the run only then. So a wait is recorded once per slot, not once
a minute, and the run starts by itself within a minute of the app closing or
the drive appearing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Sequence

from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.store.history import RUNNING, Attempt
from tsbackup_gui.core.messages import Message
from tsbackup_gui.core.schedule.pause import paused_until
from tsbackup_gui.core.schedule.slots import due_slot, newest_first, offsite_retry_due, only_waited
from tsbackup_gui.core.schedule.zone import to_utc

IDLE = "idle"  # nothing is due
RUN = "run"  # a slot (or the off-site retry) is due: start the run
RETRY = "retry"  # the slot's run waited: start again once `preflight` finds the way clear
BUSY = "busy"  # a run is going (ours, or the OS task's)


@dataclass(frozen=True)
class Plan:
    action: str
    slot: datetime | None = None
    waited: Attempt | None = None  # the attempt that waited for this slot (RETRY)


def plan(config: Config | None, attempts: Sequence[Attempt], now: datetime, running: bool) -> Plan:
    """The tick's decision from the history alone (pure)."""
    if config is None:
        return Plan(IDLE)
    if running or any(a.outcome == RUNNING for a in attempts):
        return Plan(BUSY)
    slot = due_slot(config, attempts, now)
    paused = paused_until(config, now) is not None
    if slot is None:  # while paused a retry would only be skipped, unrecorded, every minute
        return Plan(RUN) if offsite_retry_due(attempts, now) and not paused else Plan(IDLE)
    if paused:  # the run records the slot's one "paused" skip; no need to wait for the drive first
        return Plan(RUN, slot)
    for attempt in newest_first(attempts):
        if to_utc(attempt.started) < to_utc(slot):
            break
        if only_waited(attempt):
            return Plan(RETRY, slot, attempt)
    return Plan(RUN, slot)


def default_guard_factory(config: Config) -> Any:
    """The guard the run itself uses: single-user, timeSensor must be closed; none for a server."""
    from tsbackup_gui.core.guard.preparation import default_guard

    return default_guard(config)


def preflight(config: Config, guard_factory: Callable[[Config], Any] | None = default_guard_factory) -> list[Message]:
    """Why a run would only wait again right now (empty: the way is clear). Looks, writes nothing."""
    from tsbackup_gui.core.primary.target import Target
    from tsbackup_gui.core.drives.rotation import connected_config

    try:
        config = connected_config(config)  # a second backup drive in rotation counts as much as drive 1
        Target(Path(config.primary), config.computer).require_marker(config.setup_id)
    except UserError as error:
        return [error.message]
    except OSError:
        return []  # let the run itself say what is wrong
    guard = guard_factory(config) if guard_factory is not None else None
    if guard is not None:
        try:
            guard.before()
        except UserError as error:
            specific = getattr(error, "reason", None)
            return [error.message] + ([specific] if isinstance(specific, Message) and specific != error.message else [])
    return []
