"""4D's backup archives in one folder: which sets exist, which is newest, is it whole.

The `.4BK` format is proprietary, so only the outside can be checked: the
name pattern `Name[NNNN].4BK` / split `Name[NNNN-SSSS].4BK`, every segment
present and not empty, and the log backup `.4BL` numbered N-1 that 4D
writes with archive N. The newest set is the one with the highest number:
copying or touching files changes mtimes, 4D's numbering does not.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define

ARCHIVE_NAME = re.compile(r"^(?P<name>.*)\[(?P<number>\d+)(?:-(?P<segment>\d+))?\]\.4bk$", re.IGNORECASE)
LOG_NAME = re.compile(r"^(?P<name>.*)\[(?P<number>\d+)(?:-(?P<segment>\d+))?\]\.4bl$", re.IGNORECASE)

SEGMENT_MISSING = define(
    "fourd.segment_missing",
    QT_TRANSLATE_NOOP("core", "Part {segment} of the 4D backup {name} is missing."),
)
SEGMENT_EMPTY = define(
    "fourd.segment_empty",
    QT_TRANSLATE_NOOP("core", "The 4D backup file {file} is empty."),
)
LOG_MISSING = define(
    "fourd.log_missing",
    QT_TRANSLATE_NOOP("core", "The log backup {file} that belongs to the 4D backup {name} is missing."),
)


@dataclass(frozen=True)
class ArchiveFile:
    """One `.4BK` file; ``segment`` is None for an archive that is not split."""

    path: Path
    segment: int | None
    size: int
    modified: datetime


@dataclass
class ArchiveSet:
    """All files of one 4D backup (one number)."""

    name: str
    number: int
    files: list[ArchiveFile] = field(default_factory=list)

    @property
    def split(self) -> bool:
        return any(item.segment is not None for item in self.files)

    @property
    def first(self) -> Path:
        """The file to name the set by: the only file, or the first segment present."""
        return min(self.files, key=lambda item: item.segment or 0).path

    @property
    def label(self) -> str:
        """How people see the set: the first file's name."""
        return self.first.name

    @property
    def size(self) -> int:
        return sum(item.size for item in self.files)

    @property
    def modified(self) -> datetime:
        """When the last byte of the set was written."""
        return max(item.modified for item in self.files)

    def problems(self, log_numbers: set[int]) -> list[Message]:
        """Why the set is not whole; empty when every check passes."""
        found: list[Message] = []
        segments = sorted({item.segment or 1 for item in self.files})
        for missing in sorted(set(range(1, max(segments) + 1)) - set(segments)):
            found.append(SEGMENT_MISSING(segment=missing, name=self.label))
        for item in self.files:
            if item.size <= 0:
                found.append(SEGMENT_EMPTY(file=item.path.name))
        if log_numbers and self.number > 1 and self.number - 1 not in log_numbers:
            width = max(4, len(str(self.number - 1)))
            found.append(LOG_MISSING(file=f"{self.name}[{self.number - 1:0{width}d}].4BL", name=self.label))
        return found

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "number": self.number,
            "first": str(self.first),
            "files": [str(item.path) for item in sorted(self.files, key=lambda item: item.segment or 0)],
            "split": self.split,
            "size": self.size,
            "modified": self.modified.isoformat(),
        }


@dataclass
class FolderScan:
    """Everything 4D left in one backup folder; ``error`` when it could not be listed."""

    folder: Path
    sets: list[ArchiveSet] = field(default_factory=list)
    log_numbers: set[int] = field(default_factory=set)
    error: OSError | None = None


def scan_folder(folder: Path) -> FolderScan:
    """Reads a backup folder once: archive sets (by number, ascending) and log backup numbers."""
    scan = FolderScan(folder)
    try:
        with os.scandir(folder) as iterator:
            entries = list(iterator)
    except OSError as exc:
        scan.error = exc
        return scan
    sets: dict[tuple[str, int], ArchiveSet] = {}
    for entry in entries:
        log = LOG_NAME.match(entry.name)
        if log:
            scan.log_numbers.add(int(log.group("number")))
            continue
        match = ARCHIVE_NAME.match(entry.name)
        if not match:
            continue
        try:
            if not entry.is_file():
                continue
            st = entry.stat()
        except OSError:
            continue
        number = int(match.group("number"))
        key = (match.group("name").casefold(), number)
        archive = sets.setdefault(key, ArchiveSet(match.group("name"), number))
        segment = int(match.group("segment")) if match.group("segment") else None
        modified = datetime.fromtimestamp(st.st_mtime, tz=timezone.utc)
        archive.files.append(ArchiveFile(Path(entry.path), segment, st.st_size, modified))
    scan.sets = sorted(sets.values(), key=lambda item: (item.number, item.modified))
    return scan


def scan_archives(folder: Path) -> list[ArchiveSet]:
    """The archive sets in a folder, oldest number first; none when it cannot be read."""
    return scan_folder(folder).sets


def newest_archive(sets: list[ArchiveSet], log_numbers: set[int] | None = None, *, complete: bool = False) -> ArchiveSet | None:
    """The set with the highest number (mtime only breaks ties); with ``complete`` the highest whole one."""
    ordered = sorted(sets, key=lambda item: (item.number, item.modified), reverse=True)
    for archive in ordered:
        if not complete or not archive.problems(log_numbers or set()):
            return archive
    return None


def has_archives(folder: Path) -> bool:
    """Quick check used when searching for a backup folder."""
    try:
        with os.scandir(folder) as entries:
            return any(ARCHIVE_NAME.match(entry.name) for entry in entries)
    except OSError:
        return False
