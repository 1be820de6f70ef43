"""Pausing the scheduled backups for a few days (holidays, a move, a drive at the repair shop).

A pause is one aware time in the config: scheduled runs before it skip
(one record per slot, so the history shows why nothing was made) and the
status says "paused" instead of raising the overdue alarm. It ends by
itself: nothing has to clear it, a time in the past simply means "not
paused", and a forgotten pause can never stop backups for good (30 days at
most). A manual "Back up now" always runs.

The pause ends at midnight local time: "3 days" on a Monday skips Monday's,
Tuesday's and Wednesday's slots, and Thursday's runs as usual.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, time, timedelta

from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.schedule.zone import to_utc, zone_of
from tsbackup_gui.core.schedule.moments import date_words

MIN_DAYS = 1
MAX_DAYS = 30
#: An end further ahead than this was set while the clock was wrong: it is not a pause.
MAX_AHEAD = timedelta(days=31)

BAD_DAYS = define(
    "pause.bad_days",
    QT_TRANSLATE_NOOP("core", "Backups can be paused for 1 to 30 days, not {days}. Give a number of days in that range."),
)
PAUSED = define(
    "pause.paused",
    QT_TRANSLATE_NOOP("core", "Backups are paused until {day}. They resume by themselves; 'Back up now' still works."),
)
RESUMED = define(
    "pause.resumed",
    QT_TRANSLATE_NOOP("core", "Backups are no longer paused. The next backup runs at the usual time."),
)
NOT_PAUSED = define(
    "pause.not_paused",
    QT_TRANSLATE_NOOP("core", "Backups were not paused. Nothing was changed."),
)
#: The status headline while paused (and its reason code).
PAUSE_ACTIVE = define(
    "pause.active",
    QT_TRANSLATE_NOOP("core", "Backups are paused until {day}. They resume by themselves."),
)
#: The subject of the note to the IT partner when a pause starts.
PAUSE_NOTE_SUBJECT = define(
    "pause.note_subject",
    QT_TRANSLATE_NOOP("core", "{computer}: backups are paused until {day}"),
)
#: The reason of a scheduled run that skipped its slot because of the pause.
PAUSE_SKIPPED = define(
    "pause.skipped",
    QT_TRANSLATE_NOOP("core", "No backup was made: backups are paused until {day}."),
)


def pause(config: Config, days: int, now: datetime) -> Config:
    """A copy of `config` paused until local midnight `days` days after today's start."""
    if isinstance(days, bool) or not isinstance(days, int) or not MIN_DAYS <= days <= MAX_DAYS:
        raise UserError(BAD_DAYS(days=str(days)), Exit.USAGE)
    if now.tzinfo is None:
        raise ValueError("pause needs an aware datetime")
    zone = zone_of(now)
    day = now.astimezone(zone).date() + timedelta(days=days)
    until = datetime.combine(day, time(0), tzinfo=zone)
    return dataclasses.replace(config, paused_until=until.isoformat(timespec="seconds"))


def resume(config: Config) -> Config:
    """A copy of `config` without a pause."""
    return dataclasses.replace(config, paused_until=None)


def paused_until(config: Config, now: datetime) -> datetime | None:
    """The end of the pause while it lasts; None when not paused, already over, unreadable or more
    than 31 days ahead (paused while the clock was wrong): a bad value must never stop backups."""
    end = pause_end(config)
    if end is None or to_utc(end) <= to_utc(now) or to_utc(end) - to_utc(now) > MAX_AHEAD:
        return None
    return end


def pause_end(config: Config) -> datetime | None:
    """The stored end of the pause, over or not (the overdue rule counts from it)."""
    value = getattr(config, "paused_until", None)
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def until_words(end: datetime, now: datetime) -> Message:
    """The day the backups resume, as a date ("2026-11-30"): clear in a tray tooltip weeks ahead."""
    zone = zone_of(now)
    return date_words(end.astimezone(zone).date())


def active_message(end: datetime, now: datetime) -> Message:
    return PAUSE_ACTIVE(day=until_words(end, now))


def skipped_message(end: datetime, now: datetime) -> Message:
    return PAUSE_SKIPPED(day=until_words(end, now))
