"""One backup run, end to end: locks, history, the drive marker, the copy, retention.

The caller (CLI, tray worker thread, OS task) gets a `RunResult` and, while
it runs, plain dict events: ``start``, ``progress`` events that name their
``stage`` (``copying`` to the backup drive, ``checking`` the new backup,
``offsite`` upload with restic's own counts, ``cleanup`` of old off-site
snapshots), and one ``summary`` at the end. Every attempt that got past the state-dir lock is
recorded in the history with its outcome and reasons — also when it fails,
is skipped because timeSensor is open, or is killed (then the next run or
reader sees it as interrupted).

What makes the verdict true per mode (the single-user guard, 4D's archives
on a server) is prepared in `jobs_consistency`; the off-site upload after a
good primary copy is `jobs_offsite`.

`run_backup(..., scheduled=True)` is the OS task's `run --scheduled`: it
acts only when the schedule says a slot (or the off-site retry) is due, and
records nothing otherwise. Before it records a start it looks quickly
whether timeSensor LEGAL is open or the backup drive is missing; such waits
are recorded once per slot (`schedule.record_skip`), so a task that asks
every few minutes leaves one history row, not hundreds.

Retention runs only after a good copy and pauses when the new generation
looks like mass change (ransomware, a wiped database): then nothing is
deleted and the run ends with a warning, so the older generations survive
until a person has looked.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any, Callable

from tsbackup_gui.core.store import locks
from tsbackup_gui.core.clock import Clock, minute_text
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.run.cancel import CANCELLED_EXIT, with_cancel
from tsbackup_gui.core.run.result import NOT_DUE, RunResult
from tsbackup_gui.core.guard.preparation import ArchiveWait, default_guard, prepare
from tsbackup_gui.core.faults import checkpoint
from tsbackup_gui.core.run.offsite_step import offsite_after_primary
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.places import Places, places

log = logging.getLogger(__name__)

Events = Callable[[dict[str, Any]], None]

RUN_UNEXPECTED = define(
    "run.unexpected",
    QT_TRANSLATE_NOOP("core", "The backup run stopped because of an unexpected error ({reason}). The details are in the log."),
)
RUN_INTERRUPTED = define(
    "run.interrupted",
    QT_TRANSLATE_NOOP("core", "The backup was stopped before it finished. No new backup was kept."),
)
RETENTION_FAILED = define(
    "run.retention_failed",
    QT_TRANSLATE_NOOP("core", "Old backups could not be cleaned up ({reason}). The new backup is complete; check the backup drive."),
)
STILL_DAMAGED = define(
    "run.still_damaged",
    QT_TRANSLATE_NOOP(
        "core",
        "{path} was copied afresh into {generation}; the older backups {generations} still hold the damaged copy.",
    ),
)
RUN_NOT_DUE = define(
    "run.not_due",
    QT_TRANSLATE_NOOP("core", "No backup is due now. The next one is due on {when}."),
)


#: Which outcome a run stopped by a `UserError` has, by its exit code.
_OUTCOME_BY_EXIT = {
    CANCELLED_EXIT: "skipped",
    Exit.SOURCE_BUSY: "skipped",
    Exit.RUN_IN_PROGRESS: "skipped",
}


def run_backup(
    config: Config,
    *,
    clock: Clock,
    events: Events | None = None,
    guard_factory: Callable[[Config], Any] | None = None,
    where: Places | None = None,
    scheduled: bool = False,
    archive_wait: ArchiveWait | None = None,
    cancel: threading.Event | None = None,
) -> RunResult:
    """Makes one primary generation now. Never raises `UserError`: every end is a `RunResult`.

    A second run while one is alive ends at once with exit 6 and is not
    recorded (the running attempt is); everything after the lock is recorded.
    ``scheduled``: only when a slot is due (else outcome ``not-due``, exit 0,
    nothing recorded), and waits for timeSensor or the drive are one record
    per slot. ``guard_factory`` replaces the mode's guard (tests);
    ``archive_wait`` bounds the wait for a 4D archive being written.
    ``cancel`` (set from another thread, the tray's "Cancel backup") stops
    the copy between files and the upload: skipped, exit 130, nothing kept.
    """
    emit = _safe(events)
    here = where or places()
    config, drive = _rotation_choose(config)  # rotation: the drive that carries this setup's marker
    if scheduled:
        history = History(here.history_db, lock_path=here.lock_file)
        not_due = _not_due(config, history, clock)  # before the lock: a running backup is not "another run" here
        if not_due is not None:
            emit(not_due.summary_event())
            return not_due
    try:
        state = locks.state_lock(here.lock_file)
    except UserError as error:
        result = RunResult("skipped", error.exit_code, reasons=[error.message])
        emit(result.summary_event())
        return result
    try:
        history = History(here.history_db, lock_path=here.lock_file)
        started = clock.now()
        try:
            history.close_interrupted(started)  # we hold the lock: any open attempt is from a dead process
            guard = guard_factory(config) if guard_factory is not None else default_guard(config)
            if scheduled:
                waited = _scheduled_gate(config, history, clock, started, guard)
                if waited is not None:
                    emit(waited.summary_event())
                    return waited
            attempt = history.start("backup", started)
            checkpoint("history.started")
        except UserError as error:  # no journal, no run: a backup nobody can see would be trusted blindly
            result = RunResult("failed", error.exit_code, reasons=[error.message])
            emit(result.summary_event())
            return result
        emit({"event": "start", "started": started.isoformat(timespec="seconds"), "source": config.source,
              "primary": config.primary, "computer": config.computer, "mode": config.mode})
        _reports_start(config, here, started)  # core/reports.py: the monitoring ping; never raises
        result = RunResult("failed", Exit.USAGE, reasons=[RUN_INTERRUPTED()])  # what a Ctrl-C leaves
        try:
            result = _run(config, clock=clock, emit=emit, guard=with_cancel(guard, cancel), archive_wait=archive_wait)
            result.details.update(_drive_details(config, drive))
            checkpoint("offsite.start")
            offsite_after_primary(config, result, clock=clock, emit=emit, history=history,
                                  generations=result.generations, cancel=cancel)
            if cancel is not None and cancel.is_set() and result.outcome in ("ok", "warning"):
                # Cancelled during the upload: the generation counts, the off-site part says it was
                # cancelled (recorded on its own), and the run ends as a cancel, never as ok.
                result.outcome, result.exit_code = "warning", CANCELLED_EXIT
        except UserError as error:
            result = RunResult(_OUTCOME_BY_EXIT.get(error.exit_code, "failed"), error.exit_code, reasons=_reasons_of(error))
        except Exception as exc:  # a bug or an OS error nobody foresaw: recorded, never a traceback
            log.exception("backup run failed unexpectedly")
            result = RunResult("failed", Exit.USAGE, reasons=[RUN_UNEXPECTED(reason=f"{type(exc).__name__}: {exc}")])
        finally:
            # Also on KeyboardInterrupt/SystemExit: the attempt gets an end.
            try:
                history.finish(
                    attempt, clock.now(), result.outcome, result.exit_code, result.reasons,
                    files=result.files, bytes=result.bytes, generation=result.generation, details=result.details,
                )
                checkpoint("history.recorded")
            except UserError as error:  # the generation exists; say that its record is missing
                log.error("history: %s", error.message.english())
                result.reasons.append(error.message)
                if result.exit_code == Exit.OK:
                    result.outcome, result.exit_code = "warning", Exit.WARNING
        _reports_end(config, result, here, clock, attempt)  # core/reports.py: ping and mail; never raises
        emit(result.summary_event())
        return result
    finally:
        state.release()


def _reports_start(config: Config, where: Places, now) -> None:
    from tsbackup_gui.core.reports.dispatch import on_run_start

    on_run_start(config, where=where, now=now)


def _reports_end(config: Config, result: "RunResult", where: Places, clock: Clock, attempt: int) -> None:
    from tsbackup_gui.core.reports.dispatch import after_run

    after_run(config, result, where=where, now=clock.now(), attempt_id=attempt)


def _not_due(config: Config, history: History, clock: Clock) -> RunResult | None:
    """`run --scheduled` when no slot is due: the result to report (nothing is recorded)."""
    from datetime import timedelta

    from tsbackup_gui.core.schedule.slots import is_due, next_slot
    from tsbackup_gui.core.status.facts import load_attempts

    now = clock.now()
    try:
        attempts = load_attempts(history)
    except UserError as error:  # no journal: the run itself reports it (and records nothing)
        log.warning("history: %s", error.message.english())
        return None
    if is_due(config, attempts, now):
        return None
    from tsbackup_gui.core.schedule.pause import paused_until

    end = paused_until(config, now)  # while paused: the first slot after the pause
    when = next_slot(config, now if end is None else (end - timedelta(microseconds=1)).astimezone(now.tzinfo))
    return RunResult(NOT_DUE, Exit.OK, reasons=[RUN_NOT_DUE(when=minute_text(when))])


def _scheduled_gate(config: Config, history: History, clock: Clock, started, guard) -> RunResult | None:
    """Under the lock: still due? Then the quick looks (drive marker, timeSensor closed).

    A wait is recorded once per slot: a repeat only moves that record's end.
    Returns the result when the run ends here, None when it goes on.
    """
    from tsbackup_gui.core.primary.target import Target
    from tsbackup_gui.core.schedule.slots import due_slot, record_skip
    from tsbackup_gui.core.status.facts import load_attempts

    not_due = _not_due(config, history, clock)
    if not_due is not None:  # another run handled the slot while we waited for the lock
        return not_due
    paused = _paused_skip(config, started)  # core/pause.py: a skipped slot (exit 0) counts as handled
    try:
        if paused is not None:
            raise UserError(paused, Exit.OK)
        Target(Path(config.primary), config.computer).require_marker(config.setup_id)
        if guard is not None:
            guard.before()
        return None
    except UserError as error:
        outcome = "skipped" if paused is not None else _OUTCOME_BY_EXIT.get(error.exit_code, "failed")
        result = RunResult(outcome, error.exit_code, reasons=_reasons_of(error))
    attempts = load_attempts(history)
    slot = due_slot(config, attempts, started)
    if paused is not None and slot is None:  # only the off-site retry was due: nothing to record
        return result
    record_skip(history, attempts, slot, started, clock.now(), result.exit_code, result.reasons, result.outcome)
    return result


def _paused_skip(config: Config, now) -> Message | None:
    """The reason a scheduled run skips while backups are paused (core/pause.py), else None."""
    from tsbackup_gui.core.schedule.pause import paused_until, skipped_message

    end = paused_until(config, now)
    return skipped_message(end, now) if end is not None else None


def _rotation_choose(config: Config) -> tuple[Config, dict[str, Any]]:
    """core/rotation.py: the config pointed at the connected drive, and that drive."""
    from tsbackup_gui.core.drives.rotation import choose

    return choose(config)


def _drive_details(config: Config, drive: dict[str, Any]) -> dict[str, Any]:
    from tsbackup_gui.core.drives.rotation import drive_details, with_drive_id  # under the lock: drive 1's marker may get its id

    return drive_details(with_drive_id(config, drive))


def _run(config: Config, *, clock: Clock, emit: Events, guard, archive_wait: ArchiveWait | None) -> RunResult:
    from tsbackup_gui.core.primary.copier import make_generation
    from tsbackup_gui.core.primary.damage import damaged_generations, damaged_paths
    from tsbackup_gui.core.primary.generations import list_generations
    from tsbackup_gui.core.primary.target import Target

    target = Target(Path(config.primary), config.computer)
    target.require_marker(config.setup_id)
    target_lock = locks.target_lock(target.computer_dir)
    try:
        prepared = prepare(config, clock=clock, guard=guard, keep_out=[target.backups_root],
                           wait=archive_wait, emit=emit)
        if config.mode == "server":
            emit(prepared.event())
        # Listed once: reading every generation's manifest is the expensive part of a no-change run.
        existing = list_generations(target)
        afresh = damaged_paths(config, existing)  # found by the monthly check: copy afresh, never link
        made = make_generation(
            Path(config.source), target,
            setup_id=config.setup_id, computer=config.computer, now=clock.now(),
            verdict=prepared.verdict, guard=prepared.guard, progress=_progress(emit),
            extra_sources=prepared.extra_sources, live_predicate=prepared.live_predicate,
            exclude=prepared.exclude, previous=existing[-1] if existing else None,
            damaged=afresh,
        )
        reasons: list[Message] = [*prepared.warnings, *prepared.copy_warnings(made.warnings)]
        if afresh:  # the new generation has good copies; the older ones still share the damaged file
            still = damaged_generations(config, existing)
            if still:
                reasons.append(STILL_DAMAGED(path=sorted(afresh)[0], generation=made.generation.id,
                                             generations=", ".join(sorted(still))))
        reasons += _retention(config, [*existing, made.generation], made, clock)
    finally:
        if target_lock is not None:
            target_lock.release()
    outcome, code = ("warning", Exit.WARNING) if reasons else ("ok", Exit.OK)
    # kept with the attempt: the status says once that this drive cannot protect its backups
    return RunResult(outcome, code, made.generation.id, made.files, made.bytes, reasons,
                     details={"read_only": made.read_only}, generations=[*existing, made.generation])


def _reasons_of(error: UserError) -> list[Message]:
    """The plain sentence first (what to do), then the specific one when there is one (why)."""
    reasons = [error.message]
    specific = getattr(error, "reason", None)
    if isinstance(specific, Message) and specific != error.message:
        reasons.append(specific)
    return reasons


def _retention(config: Config, generations, made, clock: Clock) -> list[Message]:
    """Deletes what the plan says, unless the new generation looks like mass change
    against the one it was made from (then nothing is deleted: a warning)."""
    from tsbackup_gui.core.primary.retention import apply_retention, looks_like_mass_change, plan_retention

    try:
        previous = made.previous
        if previous is not None:
            alarm = looks_like_mass_change(made.generation.manifest, previous.manifest)
            if alarm is not None:
                return [alarm]
        plan = plan_retention(generations, clock.now(), config.keep_daily, config.keep_weekly, config.keep_monthly)
        checkpoint("retention.start")
        return list(apply_retention(plan).warnings)
    except UserError as error:
        return [error.message]
    except OSError as exc:
        log.exception("retention failed")
        return [RETENTION_FAILED(reason=exc.strerror or str(exc))]


def _progress(emit: Events) -> Callable[[dict[str, Any]], None]:
    """The copy's events as the run's ``progress`` events; each names its stage (``copying`` unless the
    copier says ``checking``; the upload's say ``offsite``)."""
    def forward(event: dict[str, Any]) -> None:
        emit({"event": "progress", "stage": "copying", **event})

    return forward


def _safe(events: Events | None) -> Events:
    """A listener that fails (closed pipe, a dead window) must not stop the backup."""
    if events is None:
        return lambda event: None

    def emit(event: dict[str, Any]) -> None:
        try:
            events(event)
        except Exception:
            log.warning("event listener failed; going on without it", exc_info=True)

    return emit


# -- numbers for people -----------------------------------------------------------------
