"""Free space on the backup drive, and how long it lasts at the recent rate.

The rate is what the recent backups really wrote: in each generation, the
files that were copied rather than hard-linked (new or changed since the
generation before it, and live database files, which are always copied),
summed over the generations of the last `WINDOW` and divided by the days
they span. Retention frees space as well, so the drive really fills more
slowly than this says: the estimate errs on the side of "full sooner",
which is the right side for a warning, and it needs nothing but the
manifests already on the drive (no measurements kept from earlier checks).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Sequence

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.primary.generations import Generation
from tsbackup_gui.core.primary.space import human_size

WINDOW = timedelta(days=30)
MIN_SPAN = timedelta(days=1)  # backups of a single day say nothing about a trend
WARN_DAYS = 90

SPACE_LASTS = define(
    "check.space_lasts",
    QT_TRANSLATE_NOOP(
        "core",
        "The backup drive has {free} free; at the recent rate of about {rate} a day it lasts about {days} more days.",
    ),
)
SPACE_RUNNING_OUT = define(
    "check.space_running_out",
    QT_TRANSLATE_NOOP(
        "core",
        "The backup drive will be full in about {days} days: {free} are free and the recent backups added about "
        "{rate} a day. Free space on the drive or connect a bigger one.",
    ),
)
SPACE_FREE = define(
    "check.space_free",
    QT_TRANSLATE_NOOP("core", "The backup drive has {free} free."),
)
SPACE_UNREADABLE = define(
    "check.space_unreadable",
    QT_TRANSLATE_NOOP("core", "The free space on the backup drive {path} cannot be read ({reason})."),
)

SPACE_UNKNOWN = define(
    "check.space_unknown",
    QT_TRANSLATE_NOOP("core", "The backup drive {path} does not report its size (some network shares and drivers do not), so its free space cannot be told. Check it on the drive or the NAS itself."),
)


@dataclass(frozen=True)
class SpaceTrend:
    free: int
    per_day: float | None = None  # bytes a day; None when there is no trend to tell
    days_left: int | None = None

    @property
    def running_out(self) -> bool:
        return self.days_left is not None and self.days_left < WARN_DAYS


def written_bytes(generation: Generation, previous: Generation | None) -> int:
    """Bytes `generation` had to copy: files not unchanged since `previous` (the copier's link rule)."""
    known = {}
    if previous is not None:
        known = {e.path: (e.size, e.mtime_ns) for e in previous.manifest.entries
                 if e.type == "file" and e.skipped_reason is None and e.sha256}
    total = 0
    for entry in generation.manifest.entries:
        if entry.type != "file" or entry.skipped_reason is not None:
            continue
        if entry.live or known.get(entry.path) != (entry.size, entry.mtime_ns):
            total += entry.size
    return total


def estimate(generations: Sequence[Generation], free: int, now: datetime) -> SpaceTrend:
    """The trend from the generations (oldest first) that ended within `WINDOW` before `now`."""
    recent = [g for g in generations if now - WINDOW <= g.ended <= now]
    if len(recent) < 2:
        return SpaceTrend(free)
    span = recent[-1].ended - recent[0].ended
    if span < MIN_SPAN:
        return SpaceTrend(free)
    written = sum(written_bytes(cur, prev) for prev, cur in zip(recent, recent[1:]))
    per_day = written / (span.total_seconds() / 86400)
    if per_day <= 0:
        return SpaceTrend(free, 0.0)
    return SpaceTrend(free, per_day, int(free // per_day))


def space_findings(folder: Path, generations: Sequence[Generation], now: datetime) -> list[tuple[str, Message]]:
    """(severity, sentence): how much is free, and a warning when it lasts fewer than WARN_DAYS days."""
    try:
        usage = shutil.disk_usage(folder)
    except OSError as exc:
        return [("warning", SPACE_UNREADABLE(path=str(folder), reason=exc.strerror or str(exc)))]
    if usage.total == 0:  # no size at all (fusefat, smbnetfs): "0 bytes free" would be a false alarm
        return [("ok", SPACE_UNKNOWN(path=str(folder)))]
    free = usage.free
    trend = estimate(generations, free, now)
    return [space_finding(trend)]


def space_finding(trend: SpaceTrend) -> tuple[str, Message]:
    free = human_size(trend.free)
    if trend.days_left is None or trend.per_day is None:
        return "ok", SPACE_FREE(free=free)
    rate = human_size(int(trend.per_day))
    if trend.running_out:
        return "warning", SPACE_RUNNING_OUT(days=trend.days_left, free=free, rate=rate)
    return "ok", SPACE_LASTS(free=free, rate=rate, days=trend.days_left)
