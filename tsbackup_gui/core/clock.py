"""An injectable clock: code asks `Clock.now()` instead of the wall, tests move time."""

from __future__ import annotations

from datetime import datetime, timedelta


class Clock:
    """The real clock: aware local time."""

    def now(self) -> datetime:
        return datetime.now().astimezone()


class FixedClock(Clock):
    """A clock for tests that only moves when told."""

    def __init__(self, start: datetime):
        if start.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, **delta: float) -> datetime:
        self._now = self._now + timedelta(**delta)
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = moment


#: How a moment is written for people and logs in every language: ISO date, 24-hour time.
MINUTE_FORMAT = "%Y-%m-%d %H:%M"


def minute_text(moment: datetime) -> str:
    """``2026-11-27 18:42``: the one way a moment is written into a sentence or a listing."""
    return moment.strftime(MINUTE_FORMAT)
