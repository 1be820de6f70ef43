"""How much room the backups will take, and how fast the first one is going.

The wizard answers "is this drive big enough?" before anything is written.
A generation costs a full copy of the data folder the first time; later ones
cost only what changed where the drive can hard-link (the database files
change every working day, documents rarely), and a full copy each where it
cannot (exFAT, FAT, most network shares). The answer errs on the side of
"needs more": the number of backups kept is counted as daily + weekly +
monthly, although some are the same generation, and a tenth is added.

`ProgressRate` turns the engine's progress events into speed and time left
for the first backup's progress bar; it is fed the time, so it stays pure.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from tsbackup_gui.core.fourd.freshness import is_live_database_file
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.primary.space import human_size

MARGIN = 0.10
RECENT = timedelta(hours=24)

FOLDER_SIZE = define(
    "estimate.folder_size",
    QT_TRANSLATE_NOOP("core", "The data folder holds {files} files, {size} in all."),
)
FITS = define(
    "estimate.fits",
    QT_TRANSLATE_NOOP("core", "Keeping up to {generations} backups needs about {needed}; {free} are free there. That is enough."),
)
FITS_FULL = define(
    "estimate.fits_full",
    QT_TRANSLATE_NOOP(
        "core",
        "Every backup is a full copy there, so keeping up to {generations} backups needs about {needed}; {free} are free. That is enough.",
    ),
)
TOO_BIG = define(
    "estimate.too_big",
    QT_TRANSLATE_NOOP(
        "core",
        "Keeping up to {generations} backups needs about {needed}, but only {free} are free there. Choose a bigger drive or keep fewer backups.",
    ),
)
FREE_UNKNOWN = define(
    "estimate.free_unknown",
    QT_TRANSLATE_NOOP("core", "Keeping up to {generations} backups needs about {needed}; the free space there could not be read."),
)


@dataclass(frozen=True)
class FolderSize:
    """What a data folder holds: all of it, what changed within a day, and 4D's live database files."""

    bytes: int = 0
    files: int = 0
    recent_bytes: int = 0
    database_bytes: int = 0
    unreadable: int = 0  # folders or files that could not be looked at

    @property
    def daily_change(self) -> int:
        """What a new generation costs where unchanged files are linked: at least the database files."""
        return min(self.bytes, max(self.recent_bytes, self.database_bytes))

    def message(self) -> Message:
        from tsbackup_gui.core.primary.space import format_count

        return FOLDER_SIZE(files=format_count(self.files), size=human_size(self.bytes))


def measure_folder(path: Path, now: datetime) -> FolderSize:
    """Walks the data folder once (sizes and mtimes only; no file is opened)."""
    total = files = recent = database = unreadable = 0
    cutoff = (now - RECENT).timestamp()
    root = str(path)

    def failed(_error: OSError) -> None:
        nonlocal unreadable
        unreadable += 1

    for folder, _dirs, names in os.walk(root, onerror=failed):
        for name in names:
            try:
                st = os.lstat(os.path.join(folder, name))
            except OSError:
                unreadable += 1
                continue
            if not stat.S_ISREG(st.st_mode):
                continue
            files += 1
            total += st.st_size
            if st.st_mtime >= cutoff:
                recent += st.st_size
            if is_live_database_file(os.path.relpath(os.path.join(folder, name), root)):
                database += st.st_size
    return FolderSize(total, files, recent, database, unreadable)


def generations_kept(keep_daily: int, keep_weekly: int, keep_monthly: int) -> int:
    return max(1, int(keep_daily) + int(keep_weekly) + int(keep_monthly))


def space_needed(size: FolderSize, generations: int, *, full_copies: bool) -> int:
    """Bytes the kept backups need on the drive (with the margin)."""
    generations = max(1, generations)
    if full_copies:
        raw = size.bytes * generations
    else:
        raw = size.bytes + size.daily_change * (generations - 1)
    return int(raw * (1 + MARGIN))


@dataclass(frozen=True)
class SpaceEstimate:
    needed: int
    free: int | None
    generations: int
    full_copies: bool

    @property
    def fits(self) -> bool | None:
        return None if self.free is None else self.needed <= self.free

    def message(self) -> Message:
        needed = human_size(self.needed)
        if self.free is None:
            return FREE_UNKNOWN(generations=self.generations, needed=needed)
        free = human_size(self.free)
        if not self.fits:
            return TOO_BIG(generations=self.generations, needed=needed, free=free)
        kind = FITS_FULL if self.full_copies else FITS
        return kind(generations=self.generations, needed=needed, free=free)


def estimate(size: FolderSize, keep: tuple[int, int, int], free: int | None, *, full_copies: bool) -> SpaceEstimate:
    generations = generations_kept(*keep)
    return SpaceEstimate(space_needed(size, generations, full_copies=full_copies), free, generations, full_copies)


# -- progress of a running backup ---------------------------------------------------------


@dataclass
class ProgressRate:
    """Speed and time left from progress events; ``seconds`` is any monotonic clock reading.

    The speed is measured over the last `window` seconds, so a slow start
    (hashing the first big file) does not spoil the estimate for long.
    """

    window: float = 20.0
    _samples: list[tuple[float, int]] = field(default_factory=list)
    bytes_done: int = 0
    bytes_total: int = 0
    files_done: int = 0
    files_total: int = 0

    def update(self, seconds: float, event: dict) -> None:
        self.bytes_done = int(event.get("bytes_done") or 0)
        self.bytes_total = int(event.get("bytes_total") or 0)
        self.files_done = int(event.get("files_done") or 0)
        self.files_total = int(event.get("files_total") or 0)
        self._samples.append((seconds, self.bytes_done))
        while len(self._samples) > 2 and self._samples[-1][0] - self._samples[1][0] >= self.window:
            self._samples.pop(0)

    @property
    def speed(self) -> float | None:
        """Bytes per second, None until two readings at least a moment apart exist."""
        if len(self._samples) < 2:
            return None
        (t0, b0), (t1, b1) = self._samples[0], self._samples[-1]
        if t1 - t0 < 0.2:
            return None
        return max(0.0, (b1 - b0) / (t1 - t0))

    @property
    def seconds_left(self) -> float | None:
        speed = self.speed
        if speed is None or speed <= 0 or self.bytes_total <= 0:
            return None
        return max(0.0, (self.bytes_total - self.bytes_done) / speed)

    @property
    def percent(self) -> float | None:
        if self.bytes_total > 0:
            return min(100.0, 100.0 * self.bytes_done / self.bytes_total)
        if self.files_total > 0:
            return min(100.0, 100.0 * self.files_done / self.files_total)
        return None
