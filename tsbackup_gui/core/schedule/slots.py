"""What is due when: pure functions of (config, attempts, now).

A slot is the daily time on a working day, in the machine's local zone. The
tray asks every minute and `tsbackup run --scheduled` asks once; both get
the same answer from the history alone, so a laptop that slept, a server
task and the tray can never run one slot twice:

- an attempt started at or after a slot handles it, whatever its outcome,
  except one that only waited (timeSensor LEGAL open, the backup drive not
  connected): then the slot stays due and the run starts by itself once the
  obstacle is gone;
- only the most recent slot is ever due, so two days of sleep give one
  catch-up run, not two;
- a wall time skipped by the spring DST change runs at the next minute that
  exists (02:30 → 03:00); one repeated in autumn is one instant (the first).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from typing import Iterable, Sequence

from tsbackup_gui.core.store.config import WEEKDAYS, Config
from tsbackup_gui.core.errors import Exit
from tsbackup_gui.core.store.history import RUNNING, Attempt, History
from tsbackup_gui.core.messages import Message
from tsbackup_gui.core.schedule.zone import exists, to_utc, zone_of

#: Reason id of a run whose off-site target could not be reached (agreed with the off-site work).
OFFSITE_UNREACHABLE = "offsite.unreachable"
OFFSITE_RETRY_EVERY = timedelta(hours=1)

#: Reasons of an exit-4 run that mean "the drive is not there" (core/primary/target.py): the
#: run waits for the drive instead of counting the slot as done. A full drive is not waiting.
#: A drive pulled during the copy (target_gone) is the same wait: the slot stays due, the run starts again
#: when the drive is back, and the status says "Connect the backup drive", not "failed".
DRIVE_MISSING_CODES = frozenset({"primary.drive_not_connected", "primary.drive_of_other_setup", "primary.target_gone"})
#: ...but a loose cable would start a full run (a record, a report) every minute: a slot whose run
#: lost its drive this many times is done, and the last of them counts as a failure.
TARGET_GONE = "primary.target_gone"
TARGET_GONE_TRIES = 3  # the first run and two retries

DEFAULT_TIME = time(18, 30)
_SEARCH_DAYS = 8  # a week always holds a working day (none configured means every day)


# -- slots -------------------------------------------------------------------------------


def slot_time(config: Config) -> time:
    """The configured daily time; a damaged value falls back to the default instead of never running."""
    try:
        hours, minutes = str(config.time).strip().split(":")
        return time(int(hours), int(minutes))
    except (ValueError, TypeError):
        return DEFAULT_TIME


def working_weekdays(config: Config) -> frozenset[int]:
    """Weekday numbers (Monday = 0); an empty or unreadable list means every day."""
    days = frozenset(WEEKDAYS.index(day) for day in (config.working_days or []) if day in WEEKDAYS)
    return days or frozenset(range(7))


def slot_on(config: Config, day: date, zone: tzinfo) -> datetime | None:
    """The slot on `day`, or None on a day off. A skipped wall time moves to the next minute that exists."""
    if day.weekday() not in working_weekdays(config):
        return None
    wall = datetime.combine(day, slot_time(config))
    for _ in range(24 * 60):
        candidate = wall.replace(tzinfo=zone, fold=0)
        if exists(candidate):
            return candidate
        wall += timedelta(minutes=1)
    return None  # pragma: no cover - no zone skips a whole day at one slot


def next_slot(config: Config, after: datetime) -> datetime:
    """The first slot strictly after `after`."""
    zone = zone_of(after)
    start = after.astimezone(zone).date()
    for offset in range(_SEARCH_DAYS + 1):
        slot = slot_on(config, start + timedelta(days=offset), zone)
        if slot is not None and to_utc(slot) > to_utc(after):
            return slot
    raise AssertionError("no slot within a week")  # pragma: no cover


def previous_slot(config: Config, now: datetime) -> datetime:
    """The most recent slot at or before `now`."""
    zone = zone_of(now)
    start = now.astimezone(zone).date()
    for offset in range(_SEARCH_DAYS + 1):
        slot = slot_on(config, start - timedelta(days=offset), zone)
        if slot is not None and to_utc(slot) <= to_utc(now):
            return slot
    raise AssertionError("no slot within a week")  # pragma: no cover


def slots_between(config: Config, after: datetime, until: datetime) -> list[datetime]:
    """Every slot in (after, until], oldest first."""
    found = []
    slot = next_slot(config, after)
    while to_utc(slot) <= to_utc(until):
        found.append(slot)
        slot = next_slot(config, slot)
    return found


def created_at(config: Config, zone: tzinfo) -> datetime | None:
    """When the setup was made (naive values are local time), or None when it is not known."""
    if not config.created:
        return None
    try:
        moment = datetime.fromisoformat(str(config.created))
    except ValueError:
        return None
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment


# -- attempts ----------------------------------------------------------------------------


def newest_first(attempts: Iterable[Attempt], kind: str | None = "backup") -> list[Attempt]:
    """Attempts of one kind, newest first (by start, then id), whatever order they came in."""
    chosen = [a for a in attempts if kind is None or a.kind == kind]
    return sorted(chosen, key=lambda a: (to_utc(a.started), a.id), reverse=True)


def is_busy_skip(attempt: Attempt) -> bool:
    """Skipped because timeSensor LEGAL was open (exit 3)."""
    return attempt.outcome == "skipped" and attempt.exit_code == Exit.SOURCE_BUSY


def is_drive_missing(attempt: Attempt) -> bool:
    """Stopped because the backup drive (its marker) was not there (exit 4)."""
    if attempt.exit_code != Exit.TARGET_UNAVAILABLE:
        return False
    return not attempt.reasons or attempt.reason_code in DRIVE_MISSING_CODES


def only_waited(attempt: Attempt) -> bool:
    """An attempt that waited for something the user fixes; it leaves its slot due."""
    return is_busy_skip(attempt) or is_drive_missing(attempt)


def handles(attempt: Attempt, slot: datetime) -> bool:
    """Whether `attempt` counts as the run of `slot`."""
    return attempt.kind == "backup" and to_utc(attempt.started) >= to_utc(slot) and not only_waited(attempt)


def _target_gone_since(attempts: Iterable[Attempt], since: datetime, until: datetime | None = None) -> int:
    """How many backup runs lost their drive mid-copy from `since` (to `until`, inclusive)."""
    return sum(
        1 for a in attempts
        if a.kind == "backup" and a.exit_code == Exit.TARGET_UNAVAILABLE and a.reason_code == TARGET_GONE
        and to_utc(a.started) >= to_utc(since) and (until is None or to_utc(a.started) <= to_utc(until))
    )


def gave_up_on_drive(config: Config, attempts: Sequence[Attempt], attempt: Attempt) -> bool:
    """Whether `attempt` is the run that lost its drive once too often in its slot: a failure,
    not a wait for the drive."""
    if attempt.reason_code != TARGET_GONE or attempt.exit_code != Exit.TARGET_UNAVAILABLE:
        return False
    slot = previous_slot(config, attempt.started)
    return _target_gone_since(attempts, slot, attempt.started) >= TARGET_GONE_TRIES


def due_slot(config: Config, attempts: Sequence[Attempt], now: datetime) -> datetime | None:
    """The slot to run now, or None. Only the most recent slot can be due (one catch-up after
    sleep or shutdown); a slot from before the setup never is."""
    slot = previous_slot(config, now)
    created = created_at(config, zone_of(now))
    if created is not None and to_utc(slot) < to_utc(created):
        return None
    if any(handles(attempt, slot) for attempt in attempts):
        return None
    if _target_gone_since(attempts, slot) >= TARGET_GONE_TRIES:
        return None
    return slot


def offsite_retry_due(attempts: Sequence[Attempt], now: datetime) -> bool:
    """True an hour after a run that could not reach the off-site target, until one that could.

    The newest finished run that was not merely skipped decides; its start sets the hour, so
    a retry that fails again sets the next one.
    """
    for attempt in newest_first(attempts):
        if attempt.outcome in (RUNNING, "skipped"):
            continue
        if not any(reason.id == OFFSITE_UNREACHABLE for reason in attempt.reasons):
            return False
        return to_utc(now) >= to_utc(attempt.started) + OFFSITE_RETRY_EVERY
    return False


def is_due(config: Config, attempts: Sequence[Attempt], now: datetime) -> bool:
    """For `tsbackup run --scheduled`: a slot is due or the off-site retry is."""
    return due_slot(config, attempts, now) is not None or offsite_retry_due(attempts, now)


# -- one record per slot for repeated waits ------------------------------------------------


def repeated_record(
    attempts: Sequence[Attempt], slot: datetime | None, reason_code: str | None, outcome: str = "skipped"
) -> Attempt | None:
    """The record a new identical result would repeat: the newest backup attempt, for the same
    slot, with the same outcome and headline reason. None when a new record is due."""
    if slot is None:
        return None
    for attempt in newest_first(attempts):
        if attempt.outcome == RUNNING:
            continue
        same = attempt.outcome == outcome and attempt.reason_code == reason_code
        return attempt if same and to_utc(attempt.started) >= to_utc(slot) else None
    return None


def should_record_skip(
    attempts: Sequence[Attempt], slot: datetime | None, reason_code: str | None, outcome: str = "skipped"
) -> bool:
    """False when this skip only repeats the previous record of the same slot."""
    return repeated_record(attempts, slot, reason_code, outcome) is None


def record_skip(
    history: History,
    attempts: Sequence[Attempt],
    slot: datetime | None,
    started: datetime,
    ended: datetime,
    exit_code: int,
    reasons: Sequence[Message],
    outcome: str = "skipped",
) -> int:
    """Records a wait (skip, or a missing drive) once per slot: a repeat only moves the
    previous record's end and refreshes its reasons. Returns the record's id."""
    reasons = list(reasons)
    code = reasons[0].id if reasons else None
    previous = repeated_record(attempts, slot, code, outcome)
    if previous is None:
        return history.record("backup", started, ended, outcome, exit_code, reasons)
    history.finish(previous.id, ended, outcome, exit_code, reasons, details=previous.details)
    return previous.id
