"""The local time zone as rules, not as today's offset.

`Clock.now()` answers with a fixed UTC offset (``datetime.now().astimezone()``),
which is right for that one moment and wrong for every slot on the other side
of a DST change. Slots are wall-clock times ("18:30 on working days"), so the
schedule needs the zone's rules: a `ZoneInfo` when the system names its zone
(TZ, /etc/localtime), else a zone that asks the C library, which knows the
rules on every OS (Windows has no IANA name to hand).
"""

from __future__ import annotations

import os
import time as _time
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

UTC = timezone.utc


class SystemZone(tzinfo):
    """The operating system's local zone, DST rules included, through the C library."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        if dt is None:
            return None
        return dt.replace(tzinfo=None).astimezone().utcoffset()

    def dst(self, dt: datetime | None) -> timedelta | None:
        if dt is None:
            return None
        stamp = dt.replace(tzinfo=None).astimezone().timestamp()
        return timedelta(hours=1) if _time.localtime(stamp).tm_isdst > 0 else timedelta(0)

    def tzname(self, dt: datetime | None) -> str | None:
        if dt is None:
            return _time.tzname[0]
        return dt.replace(tzinfo=None).astimezone().tzname()

    def fromutc(self, dt: datetime) -> datetime:
        local = dt.replace(tzinfo=UTC).astimezone()
        wall = local.replace(tzinfo=None)
        # A wall time that exists twice (autumn): fold=1 is the second, later one.
        fold = 0 if wall.replace(fold=0).astimezone().utcoffset() == local.utcoffset() else 1
        return wall.replace(tzinfo=self, fold=fold)

    def __repr__(self) -> str:
        return "SystemZone()"


@lru_cache(maxsize=1)
def system_zone() -> tzinfo:
    """The named zone of this machine when it has one, else `SystemZone`."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    try:
        target = os.path.realpath("/etc/localtime")
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        try:
            return ZoneInfo(target.split("zoneinfo/", 1)[1])
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    return SystemZone()


def zone_of(now: datetime) -> tzinfo:
    """The zone whose rules the schedule follows: `now`'s own when it has rules,
    the system's when `now` only carries the system's current offset."""
    if now.tzinfo is None:
        raise ValueError("the schedule needs an aware datetime")
    if isinstance(now.tzinfo, (ZoneInfo, SystemZone)):
        return now.tzinfo
    local = system_zone()
    if now.utcoffset() == now.astimezone(local).utcoffset():
        return local
    return now.tzinfo


def to_utc(moment: datetime) -> datetime:
    """Comparisons and sums in UTC: within one ZoneInfo Python compares wall times and
    ignores `fold`, which is wrong in the autumn's repeated hour."""
    return moment.astimezone(UTC)


def exists(aware: datetime) -> bool:
    """False for a wall time that the clock skips (spring forward)."""
    back = aware.astimezone(UTC).astimezone(aware.tzinfo)
    return back.replace(tzinfo=None, fold=0) == aware.replace(tzinfo=None, fold=0)
