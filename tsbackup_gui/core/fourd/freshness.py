"""Judging 4D's own backups of a data folder: where they are, the newest, whole and fresh?

On a server the live database cannot be copied consistently while 4D Server
runs; 4D's scheduled archives are the consistent part of every backup. So a
server generation's verdict rests on `judge(data_dir, now=...)`: the newest
complete archive must be younger than 4D's schedule interval plus 2 h
(26 h for a daily or unknown schedule). The pieces live in `fourd_settings`
(4D's backup settings), `fourd_location` (where the archives are),
`fourd_archives` (the `.4BK`/`.4BL` files) and `fourd_history`
(backupHistory.json, the backup journal).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path, PurePath
from typing import Any

from tsbackup_gui.core.clock import Clock, minute_text
from tsbackup_gui.core.fourd.archives import ArchiveSet, FolderScan, newest_archive, scan_archives, scan_folder
from tsbackup_gui.core.fourd.backup_history import (
    HistoryEntry, JournalLine, latest_entry, match_history, read_backup_history, read_backup_journal,
)
from tsbackup_gui.core.fourd.location import ArchiveDir, find_archive_dir
from tsbackup_gui.core.fourd.settings import BackupSettings, Schedule, read_backup_settings
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.folder_look import look
from tsbackup_gui.core.rootmap import RootMap, is_file, split_any

__all__ = [
    "ArchiveDir", "ArchiveSet", "ArchiveStatus", "BackupSettings", "Schedule", "find_archive_dir", "is_live_database_file",
    "judge", "newest_archive", "read_backup_history", "read_backup_journal", "read_backup_settings", "scan_archives",
]

#: An archive changed more recently than this may still be being written by 4D.
SETTLE_TIME = timedelta(minutes=5)
LIVE_SUFFIXES = (".4dd", ".4dindx", ".4dindy", ".journal", ".4dsyncdata", ".4dsyncheader", ".match")
LIVE_FOLDER = "external data"

# sentences about the state of 4D's backups
NO_ARCHIVE_DIR = define(
    "fourd.no_archive_dir",
    QT_TRANSLATE_NOOP("core", "No folder with 4D backups was found for {data_dir}. Check that the automatic backup of timeSensor Server is switched on."),
)
ARCHIVE_DIR_UNREADABLE = define(
    "fourd.archive_dir_unreadable",
    QT_TRANSLATE_NOOP("core", "The folder with 4D's backups, {path}, cannot be opened ({reason})."),
)
NO_ARCHIVES = define(
    "fourd.no_archives",
    QT_TRANSLATE_NOOP("core", "There are no 4D backups in {path} yet. Check that the automatic backup of timeSensor Server is switched on."),
)
ARCHIVE_FRESH = define(
    "fourd.archive_fresh",
    QT_TRANSLATE_NOOP("core", "The newest 4D backup, {name}, is from {when} ({age} hours ago) and complete."),
)
ARCHIVE_STALE = define(
    "fourd.archive_stale",
    QT_TRANSLATE_NOOP("core", "The newest 4D backup, {name}, is from {when}, {age} hours ago; a newer one was due after {limit} hours. Check the automatic backup of timeSensor Server."),
)
ARCHIVE_INCOMPLETE = define(
    "fourd.archive_incomplete",
    QT_TRANSLATE_NOOP("core", "The newest 4D backup, {name}, is not complete."),
)
OLDER_COMPLETE = define(
    "fourd.older_complete",
    QT_TRANSLATE_NOOP("core", "The newest complete 4D backup is {name} from {when} ({age} hours ago)."),
)
NONE_COMPLETE = define(
    "fourd.none_complete",
    QT_TRANSLATE_NOOP("core", "None of the 4D backups in {path} is complete."),
)
STILL_WRITING = define(
    "fourd.still_writing",
    QT_TRANSLATE_NOOP("core", "The 4D backup {name} was changed {minutes} minutes ago; 4D may still be writing it."),
)
HISTORY_FAILED = define(
    "fourd.history_failed",
    QT_TRANSLATE_NOOP("core", "4D recorded the backup {name} as failed (status {status})."),
)
LAST_ATTEMPT_FAILED = define(
    "fourd.last_attempt_failed",
    QT_TRANSLATE_NOOP("core", "4D's most recent backup attempt, on {when}, failed (status {status})."),
)
JOURNAL_ERROR = define(
    "fourd.journal_error",
    QT_TRANSLATE_NOOP("core", "4D's backup journal reports a problem: {line}"),
)


def is_live_database_file(relative_path: str | PurePath) -> bool:
    """Whether 4D keeps this file open and changing while the database runs.

    Such files are never a consistent copy on their own: data `.4DD`, indexes
    `.4DIndx`/`.4DIndy`, the log `.journal`, sync files, `.match`, and
    everything under `External Data/`.
    """
    parts = split_any(str(relative_path))
    if not parts:
        return False
    if any(part.casefold() == LIVE_FOLDER for part in parts[:-1]):
        return True
    return parts[-1].casefold().endswith(LIVE_SUFFIXES)


@dataclass
class ArchiveStatus:
    """The verdict on 4D's own backups of one data folder at one moment."""

    data_dir: Path
    now: datetime
    archive_dir: ArchiveDir
    schedule: Schedule
    sets: list[ArchiveSet] = field(default_factory=list)
    newest: ArchiveSet | None = None  # highest number
    newest_complete: ArchiveSet | None = None
    complete: bool = False  # the newest set is whole
    finished: bool = False  # the newest set has not changed for SETTLE_TIME
    fresh: bool = False  # the newest set is younger than the limit
    ok: bool = False  # a complete, finished archive younger than the limit exists
    age: timedelta | None = None  # of the newest set
    complete_age: timedelta | None = None  # of the newest complete set
    history: HistoryEntry | None = None  # backupHistory.json's entry for the newest set
    history_entries: list[HistoryEntry] = field(default_factory=list)
    journal: list[JournalLine] = field(default_factory=list)
    mapper: RootMap = field(default_factory=RootMap)
    problems: list[Message] = field(default_factory=list)  # why the newest set is not whole
    reasons: list[Message] = field(default_factory=list)  # sentences for people, in order

    @property
    def folder(self) -> Path | None:
        return self.archive_dir.path

    @property
    def limit(self) -> timedelta:
        return self.schedule.fresh_limit

    @property
    def verdict(self) -> str:
        """A server generation's verdict as far as 4D's archives decide it."""
        return "archive-ok" if self.ok else "archive-stale"

    @property
    def outside_data_dir(self) -> bool:
        """Archives kept outside the data folder must be copied separately (`4D Backup/`)."""
        if self.folder is None:
            return False
        try:
            self.folder.relative_to(self.data_dir)
        except ValueError:
            return True
        return False

    @property
    def warnings(self) -> list[Message]:
        """The reasons that need attention (everything except the all-good sentence)."""
        return [reason for reason in self.reasons if reason.id not in {ARCHIVE_FRESH.id, OLDER_COMPLETE.id}]

    def to_json(self) -> dict[str, Any]:
        return {
            "backup_dir": str(self.folder) if self.folder else None,
            "backup_dir_source": self.archive_dir.source,
            "backup_dir_outside": self.outside_data_dir,
            "newest_archive": str(self.newest.first) if self.newest else None,
            "newest_archive_number": self.newest.number if self.newest else None,
            "archive_age_hours": _hours(self.age),
            "archive_fresh": self.fresh if self.newest else None,
            "archive_complete": self.complete if self.newest else None,
            "archive_finished": self.finished if self.newest else None,
            "archive_ok": self.ok,
            "verdict": self.verdict,
            "archive_problems": [reason.english() for reason in self.problems],
            "newest_complete_archive": str(self.newest_complete.first) if self.newest_complete else None,
            "newest_complete_age_hours": _hours(self.complete_age),
            "fresh_limit_hours": self.limit.total_seconds() / 3600,
            "schedule": self.schedule.to_json(),
            "settings_file": str(self.archive_dir.settings.path) if self.archive_dir.settings.path else None,
            "destination_setting": self.archive_dir.settings.destination,
            "history": self._history_json(),
            "archives": [item.to_json() for item in self.sets],
        }


    def _history_json(self) -> dict[str, Any] | None:
        """The matched backupHistory.json entry; its recorded path as 4D wrote it and, where it exists, as mapped here."""
        if self.history is None:
            return None
        here = self.mapper.from_text(self.history.backup_path) if self.history.backup_path else None
        return {**self.history.to_json(), "backup_path": self.history.backup_path,
                "backup_path_here": str(here) if here is not None and is_file(here) else None}


def judge(
    data_dir: Path,
    now: datetime | None = None,
    mapper: RootMap | None = None,
    *,
    archive_dir: ArchiveDir | None = None,
) -> ArchiveStatus:
    """Finds and judges 4D's archives of a data folder; ``now`` must be aware (defaults to the clock)."""
    now = now or Clock().now()
    if now.tzinfo is None:
        raise ValueError("judge needs an aware datetime")
    mapper = mapper or RootMap()
    archive_dir = archive_dir or find_archive_dir(data_dir, mapper)
    settings = archive_dir.settings
    status = ArchiveStatus(data_dir, now, archive_dir, settings.schedule, mapper=mapper)
    status.reasons.extend(archive_dir.warnings)
    status.reasons.extend(settings.warnings())
    folder = archive_dir.path
    if folder is None:
        if not archive_dir.warnings:
            status.reasons.append(NO_ARCHIVE_DIR(data_dir=str(data_dir)))
        return status
    scan: FolderScan = scan_folder(folder)
    if scan.error is not None:
        status.reasons.append(ARCHIVE_DIR_UNREADABLE(path=str(folder), reason=look(folder).error or scan.error.strerror or "?"))
        return status
    status.sets = scan.sets
    status.history_entries = read_backup_history(folder)
    status.journal = read_backup_journal([data_dir, folder])
    newest = newest_archive(scan.sets)
    if newest is None:
        status.reasons.append(NO_ARCHIVES(path=str(folder)))
        _note_failed_attempt(status)
        return status
    status.newest = newest
    status.age = now - newest.modified
    status.fresh = status.age < status.limit
    status.finished = status.age >= SETTLE_TIME
    status.problems = newest.problems(scan.log_numbers)
    status.history = match_history(status.history_entries, newest)
    if status.history is not None and status.history.succeeded is False:
        status.problems.append(HISTORY_FAILED(name=newest.label, status=_status_text(status.history.status)))
    status.complete = not status.problems
    status.newest_complete = _newest_whole(status, scan)
    if status.newest_complete is not None:
        status.complete_age = now - status.newest_complete.modified
        status.ok = status.complete_age < status.limit

    when = _local(newest.modified)
    age = _whole_hours(status.age)
    if not status.complete:
        status.reasons.append(ARCHIVE_INCOMPLETE(name=newest.label))
        status.reasons.extend(status.problems)
    elif not status.finished:
        status.reasons.append(STILL_WRITING(name=newest.label, minutes=max(0, int(status.age.total_seconds() // 60))))
    elif status.fresh:
        status.reasons.append(ARCHIVE_FRESH(name=newest.label, when=when, age=age))
    if not status.fresh:
        status.reasons.append(ARCHIVE_STALE(name=newest.label, when=when, age=age, limit=_whole_hours(status.limit)))
    whole = status.newest_complete
    if whole is None:
        status.reasons.append(NONE_COMPLETE(path=str(folder)))
    elif whole is not newest:
        status.reasons.append(OLDER_COMPLETE(name=whole.label, when=_local(whole.modified), age=_whole_hours(status.complete_age)))
    _note_failed_attempt(status)
    _note_journal(status)
    return status


def _newest_whole(status: ArchiveStatus, scan: FolderScan) -> ArchiveSet | None:
    """The highest-numbered set that is whole, finished and not recorded as failed."""
    for archive in sorted(scan.sets, key=lambda item: (item.number, item.modified), reverse=True):
        if archive.problems(scan.log_numbers) or status.now - archive.modified < SETTLE_TIME:
            continue
        entry = match_history(status.history_entries, archive)
        if entry is not None and entry.succeeded is False:
            continue
        return archive
    return None


def _note_failed_attempt(status: ArchiveStatus) -> None:
    """A failed attempt after the newest archive is why there is no newer one: say so."""
    latest = latest_entry(status.history_entries)
    if latest is None or latest.succeeded is not False or latest is status.history:
        return
    when = latest.ended or latest.started
    if status.newest is not None and when is not None and when <= status.newest.modified:
        return
    status.reasons.append(LAST_ATTEMPT_FAILED(when=_local(when) if when else "?", status=_status_text(latest.status)))


def _note_journal(status: ArchiveStatus) -> None:
    if status.newest is None or not status.journal:
        return
    last = status.journal[-1]
    if last.looks_like_error and (last.when is None or last.when >= status.newest.modified - timedelta(minutes=1)):
        status.reasons.append(JOURNAL_ERROR(line=last.text[:200]))


def _status_text(value: Any) -> str:
    return str(value) if value is not None else "?"


def _local(moment: datetime) -> str:
    return minute_text(moment.astimezone())


def _whole_hours(delta: timedelta | None) -> int:
    return int(delta.total_seconds() // 3600) if delta is not None else 0


def _hours(delta: timedelta | None) -> float | None:
    return round(delta.total_seconds() / 3600, 2) if delta is not None else None
