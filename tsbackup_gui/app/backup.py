"""Back up now: the one way a backup is started, from the tray, the status window, the wizard or the command.

Every start keeps the computer awake for the length of the run and can be
cancelled (the copy stops between files, the upload is interrupted, nothing
half-made stays), so a run started from the window is the same run as one the
tray started.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from typing import Any, Callable

from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.places import Places
from tsbackup_gui.core.platform import task_note
from tsbackup_gui.core.platform.keepawake import KeepAwake
from tsbackup_gui.core.reports import dispatch as reports
from tsbackup_gui.core.run.backup import run_backup
from tsbackup_gui.core.run.result import RunResult
from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.store.secrets import forbid_prompts

log = logging.getLogger(__name__)

Events = Callable[[dict[str, Any]], None]


def back_up_now(config: Config | None = None, *, clock: Clock, events: Events | None = None,
                cancel: threading.Event | None = None, where: Places | None = None, scheduled: bool = False,
                keep_awake: Callable[[], Any] = KeepAwake, run: Callable[..., RunResult] = run_backup) -> RunResult:
    """One backup now (``scheduled``: only when a slot is due). The stored setup is read unless
    given; a missing or damaged one raises its `UserError`. ``run`` is the engine (tests replace it)."""
    if config is None:
        config = config_mod.require(where)
    with keep_awake():
        return run(config, clock=clock, events=events, where=where, cancel=cancel, scheduled=scheduled)


def source_busy(where: Places | None = None) -> bool:
    """True while timeSensor LEGAL is open (the guard a run would ask first says so); looks, writes
    nothing. A missing setup or another obstacle is False: the run itself will say what it is."""
    from tsbackup_gui.core.errors import UserError
    from tsbackup_gui.core.guard.blockers import SourceBusyError
    from tsbackup_gui.core.guard.preparation import default_guard

    try:
        guard = default_guard(config_mod.require(where))
        if guard is not None:
            guard.before()
    except SourceBusyError:
        return True
    except UserError:
        return False
    return False


def scheduled_run(*, clock: Clock, events: Events | None = None, cancel: threading.Event | None = None,
                  where: Places | None = None, by_task: bool = False) -> RunResult:
    """What the OS task runs (`tsbackup run --scheduled`): a note that the task could read what it
    needs, the backup when a slot is due, then the reports that are due (overdue, summary, retries).

    Nobody watches this run: a Keychain question would wait for a click for ever, so on macOS the
    password store is told to refuse instead of asking (the run then ends with a sentence)."""
    forbid_prompts()
    task_note.record(where, by_task=by_task)
    config = config_mod.require(where)
    result = back_up_now(config, clock=clock, events=events, cancel=cancel, where=where, scheduled=True)
    if config.reports:
        report_due(config, clock.now(), where)
    return result


def report_due(config: Config, now: datetime, where: Places | None = None) -> None:
    """The reports' due-check with the current status; a report never turns a backup's outcome."""
    from tsbackup_gui.app.status import current_status  # only the OS task's runs report here

    try:
        reports.due_check(config, current_status(now, where, config), where=where, now=now)
    except Exception:
        log.exception("report due-check failed")


def use_report_language(factory: Callable[[str | None], Callable[[Any], str]] | None) -> None:
    """How report mails are put into words (the front-end's translator: `core` has no Qt)."""
    reports.use_translator(factory)
