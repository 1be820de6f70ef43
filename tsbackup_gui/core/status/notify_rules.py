"""When the tray speaks up: the rules of notifications, as a pure function with a memory.

Calm, but never silent about a problem (the issue's rules):

- a failed backup: always, once per failed run — also a run the OS task made;
- a wait (timeSensor LEGAL open, the backup drive missing): once per slot;
- overdue: at most once a day, until resolved;
- success: only for a run the user started ("Back up now"); a run the user
  started that could not start says why;
- reminders (monthly check, restore drill, recovery sheet): at most once a
  day while due, not while snoozed ("Remind me tomorrow"), withdrawn when
  resolved.

The memory is a small JSON object kept in the state dir, so a restart does
not repeat what was already said today.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Sequence

from tsbackup_gui.core.store.history import RUNNING, Attempt
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.errors import Exit
from tsbackup_gui.core.schedule.slots import DRIVE_MISSING_CODES, is_drive_missing, newest_first, only_waited
from tsbackup_gui.core.schedule.zone import to_utc

TITLE_FAILED = define("notify.failed", QT_TRANSLATE_NOOP("core", "The backup failed"))
TITLE_WAITING = define("notify.waiting", QT_TRANSLATE_NOOP("core", "The backup is waiting"))
TITLE_OVERDUE = define("notify.overdue", QT_TRANSLATE_NOOP("core", "The backup is overdue"))
TITLE_DONE = define("notify.done", QT_TRANSLATE_NOOP("core", "Backup finished"))
TITLE_DONE_WARNINGS = define("notify.done_warnings", QT_TRANSLATE_NOOP("core", "Backup finished with warnings"))
TITLE_NOT_STARTED = define("notify.not_started", QT_TRANSLATE_NOOP("core", "The backup did not start"))
TITLE_REMINDER = define("notify.reminder", QT_TRANSLATE_NOOP("core", "Reminder"))

SNOOZE_FOR = timedelta(days=1)

CRITICAL = "critical"
WARNING = "warning"
INFORMATION = "information"


@dataclass(frozen=True)
class Notice:
    """One notification: a title and the lines of its text (the status sentence first)."""

    kind: str  # failed / waiting / overdue / done / not-started / reminder
    key: str  # what it is about; a withdrawn key ends a reminder or a wait
    title: Message
    lines: tuple[Message, ...]
    level: str = INFORMATION


@dataclass(frozen=True)
class UserRun:
    """The result of a run the user started, as far as notifications care."""

    outcome: str  # ok / warning / failed / skipped
    exit_code: int
    reasons: tuple[Message, ...] = ()


@dataclass(frozen=True)
class Memory:
    """What was said already. Dates and times are ISO strings (JSON-friendly)."""

    failure_id: int | None = None  # the newest failed attempt notified
    waits: dict[str, str] = field(default_factory=dict)  # wait key → the slot it was about
    overdue_day: str | None = None
    reminders: dict[str, str] = field(default_factory=dict)  # reminder code → the day last said
    snoozed: dict[str, str] = field(default_factory=dict)  # reminder code → until (ISO time)

    def to_json(self) -> dict[str, Any]:
        return {"failure_id": self.failure_id, "waits": dict(self.waits), "overdue_day": self.overdue_day,
                "reminders": dict(self.reminders), "snoozed": dict(self.snoozed)}

    @classmethod
    def from_json(cls, data: Any) -> "Memory":
        """Anything unreadable is forgotten: the worst case is one repeated notification."""
        if not isinstance(data, dict):
            return cls()

        def strings(value: Any) -> dict[str, str]:
            return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}

        failure = data.get("failure_id")
        overdue = data.get("overdue_day")
        return cls(
            failure_id=failure if isinstance(failure, int) else None,
            waits=strings(data.get("waits")),
            overdue_day=overdue if isinstance(overdue, str) else None,
            reminders=strings(data.get("reminders")),
            snoozed=strings(data.get("snoozed")),
        )


@dataclass(frozen=True)
class Decision:
    notices: list[Notice]
    memory: Memory
    withdrawn: list[str]  # keys of reminders and waits that are over


def snooze(memory: Memory, code: str, now: datetime) -> Memory:
    """"Remind me tomorrow": quiet, and out of the menu, for a day."""
    return replace(memory, snoozed={**memory.snoozed, code: (now + SNOOZE_FOR).isoformat(timespec="seconds")})


def is_snoozed(memory: Memory, code: str, now: datetime) -> bool:
    until = memory.snoozed.get(code)
    if until is None:
        return False
    try:
        return to_utc(datetime.fromisoformat(until)) > to_utc(now)
    except (ValueError, TypeError):
        return False


def active_reminders(status, memory: Memory, now: datetime) -> list:
    """The status's reminders that are not snoozed: the ones the menu shows."""
    return [r for r in getattr(status, "reminders", []) if not is_snoozed(memory, r.code, now)]


def decide(status, attempts: Sequence[Attempt], now: datetime, memory: Memory,
           user_run: UserRun | None = None) -> Decision:
    """The notifications to show now, the new memory, and what is over (`status` is a `status.Status`)."""
    notices: list[Notice] = []
    withdrawn: list[str] = []
    today = now.date().isoformat()
    finished = [a for a in newest_first(attempts) if a.outcome != RUNNING]
    newest = finished[0] if finished else None

    # failures: every failed run once; a missing drive is a wait, said below, unless the status
    # gave up on it (the drive was lost mid-copy once too often in this slot: a failure)
    failure_id = memory.failure_id
    gave_up = getattr(status, "state", None) == "failed"
    if newest is not None and newest.outcome == "failed" and (gave_up or not is_drive_missing(newest)):
        if failure_id is None or newest.id > failure_id:
            lines = _lines(status.message, newest.reasons[:1])
            notices.append(Notice("failed", f"failed:{newest.id}", TITLE_FAILED(), lines, CRITICAL))
        failure_id = max(newest.id, failure_id or 0)

    # waits: once per slot, withdrawn when over
    waits = dict(memory.waits)
    current_wait = _wait_key(newest, status)
    for key in list(waits):
        if key != current_wait:
            del waits[key]
            withdrawn.append(key)
    if current_wait is not None and status.next_due is not None:
        slot = status.next_due.isoformat(timespec="seconds")
        if waits.get(current_wait) != slot:
            waits[current_wait] = slot
            notices.append(Notice("waiting", current_wait, TITLE_WAITING(), _lines(status.message, []), WARNING))

    # overdue: at most once a day
    overdue_day = memory.overdue_day
    if status.state == "overdue" and overdue_day != today:
        overdue_day = today
        lines = _lines(status.message, [r.message for r in status.reasons[:1]])
        notices.append(Notice("overdue", "overdue", TITLE_OVERDUE(), lines, WARNING))

    # a run the user started: success, or why it did not start
    if user_run is not None:
        notices += _user_run_notices(status, user_run)

    # reminders: once a day while due and not snoozed; withdrawn when resolved
    reminders = dict(memory.reminders)
    snoozed = dict(memory.snoozed)
    due_codes = {r.code for r in status.reminders}
    for code in list(reminders):
        if code not in due_codes:
            del reminders[code]
            withdrawn.append(f"reminder:{code}")
    for code in list(snoozed):
        if code not in due_codes or not is_snoozed(memory, code, now):
            del snoozed[code]
    for reminder in status.reminders:
        if reminder.code in snoozed or reminders.get(reminder.code) == today:
            continue
        reminders[reminder.code] = today
        notices.append(Notice("reminder", f"reminder:{reminder.code}", TITLE_REMINDER(), (reminder.message,), INFORMATION))

    new = Memory(failure_id, waits, overdue_day, reminders, snoozed)
    return Decision(notices, new, withdrawn)


def _wait_key(newest: Attempt | None, status) -> str | None:
    """"wait:drive" or "wait:busy" while the newest run only waited for the slot that is due.

    `status.next_due` is the due slot while one is due, else the next slot, which no past
    attempt can have started after: so a wait for an earlier slot, or a "Back up now" that
    waited outside any slot, is not a current wait.
    """
    if newest is None or not only_waited(newest) or status.next_due is None:
        return None
    if to_utc(newest.started) < to_utc(status.next_due):
        return None
    return "wait:drive" if is_drive_missing(newest) else "wait:busy"


def _user_run_notices(status, run: UserRun) -> list[Notice]:
    if run.outcome == "ok":
        return [Notice("done", "done", TITLE_DONE(), _lines(status.message, []), INFORMATION)]
    if run.outcome == "warning":
        return [Notice("done", "done", TITLE_DONE_WARNINGS(), _lines(status.message, list(run.reasons[:1])), WARNING)]
    drive_missing = run.exit_code == Exit.TARGET_UNAVAILABLE and bool(run.reasons) and run.reasons[0].id in DRIVE_MISSING_CODES
    if run.outcome == "skipped" or drive_missing:
        return [Notice("not-started", "not-started", TITLE_NOT_STARTED(), tuple(run.reasons[:2]) or (status.message,), WARNING)]
    return []  # a failure is said by the failure rule, once


def _lines(first: Message, more: Sequence[Message]) -> tuple[Message, ...]:
    out = [first]
    for message in more:
        if message.english() != first.english():
            out.append(message)
    return tuple(out)
