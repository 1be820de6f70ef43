"""Words for moments ("today 18:42", "Tuesday", "2026-11-27") as message objects.

Weekday names and "today" are sentences of their own, nested as parameters
of the status sentence, so the translator turns "No backup since Tuesday"
into "Keine Sicherung seit Dienstag" without core knowing any German.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define

TODAY = define("when.today", QT_TRANSLATE_NOOP("core", "today"))
YESTERDAY = define("when.yesterday", QT_TRANSLATE_NOOP("core", "yesterday"))
TOMORROW = define("when.tomorrow", QT_TRANSLATE_NOOP("core", "tomorrow"))
DATE = define("when.date", QT_TRANSLATE_NOOP("core", "{year}-{month:02d}-{day:02d}"))
MOMENT = define("when.moment", QT_TRANSLATE_NOOP("core", "{day} {time}"))

WEEKDAY_NAMES = (
    define("when.monday", QT_TRANSLATE_NOOP("core", "Monday")),
    define("when.tuesday", QT_TRANSLATE_NOOP("core", "Tuesday")),
    define("when.wednesday", QT_TRANSLATE_NOOP("core", "Wednesday")),
    define("when.thursday", QT_TRANSLATE_NOOP("core", "Thursday")),
    define("when.friday", QT_TRANSLATE_NOOP("core", "Friday")),
    define("when.saturday", QT_TRANSLATE_NOOP("core", "Saturday")),
    define("when.sunday", QT_TRANSLATE_NOOP("core", "Sunday")),
)


def day_words(moment: datetime, now: datetime, zone: tzinfo) -> Message:
    """The day of `moment` as seen from `now`: today, yesterday, tomorrow, a weekday within a
    week either way, else the date."""
    day = moment.astimezone(zone).date()
    today = now.astimezone(zone).date()
    delta = (day - today).days
    if delta == 0:
        return TODAY()
    if delta == -1:
        return YESTERDAY()
    if delta == 1:
        return TOMORROW()
    if -7 < delta < 7:
        return WEEKDAY_NAMES[day.weekday()]()
    return date_words(day)


def date_words(day: date) -> Message:
    return DATE(year=day.year, month=day.month, day=day.day)


def moment_words(moment: datetime, now: datetime, zone: tzinfo) -> Message:
    """Day and time: "today 18:42", "Friday 18:30", "2026-11-27 18:30"."""
    local = moment.astimezone(zone)
    return MOMENT(day=day_words(moment, now, zone), time=f"{local.hour:02d}:{local.minute:02d}")
