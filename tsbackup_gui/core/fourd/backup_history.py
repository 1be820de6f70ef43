"""What 4D itself recorded about its backups: backupHistory.json and the backup journal.

Both are secondary evidence. backupHistory.json (4D v18+, in the backup
destination) is an object keyed by structure file holding a list of entries,
but its exact shape is not published, so any list of objects with backup
keys is accepted. Its paths may name another mount or even another machine
(the data was moved), so entries are matched to archives by file name only,
and its dates carry no offset: they are the machine's local time. The
journal's wording is localised and unpublished: it is only scanned loosely.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

from tsbackup_gui.core.fourd.archives import ArchiveSet
from tsbackup_gui.core.rootmap import is_file

HISTORY_FILE = "backupHistory.json"
MAX_HISTORY_BYTES = 20_000_000
MAX_JOURNAL_TAIL = 200_000

_OK_WORDS = ("ok", "success", "succeeded", "successful", "done", "completed", "complete", "finished", "erfolgreich")
_FAIL_WORDS = ("fail", "error", "abort", "cancel", "interrupt", "fehler", "abgebrochen", "erreur", "échec", "echec")


@dataclass(frozen=True)
class HistoryEntry:
    """One backup recorded in backupHistory.json."""

    file_name: str | None  # the archive's file name, taken from backupPath
    number: int | None
    started: datetime | None  # aware, local time
    ended: datetime | None
    status: Any
    succeeded: bool | None  # None when the status cannot be understood
    duration_ms: int | None
    backup_path: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file_name,
            "number": self.number,
            "started": self.started.isoformat() if self.started else None,
            "ended": self.ended.isoformat() if self.ended else None,
            "status": self.status if isinstance(self.status, (str, int, float, bool)) or self.status is None else str(self.status),
            "succeeded": self.succeeded,
        }


def read_backup_history(folder: Path) -> list[HistoryEntry]:
    """The entries of `backupHistory.json` in a backup folder; none when missing or unreadable."""
    path = folder / HISTORY_FILE
    try:
        if not is_file(path):
            matches = [p for p in folder.iterdir() if p.name.casefold() == HISTORY_FILE.casefold()]
            if not matches:
                return []
            path = matches[0]
        with open(path, "rb") as handle:
            raw = handle.read(MAX_HISTORY_BYTES + 1)
        if len(raw) > MAX_HISTORY_BYTES:
            return []
        data = json.loads(raw.decode("utf-8-sig", errors="replace"))
    except (OSError, ValueError):
        return []
    return [_entry(item) for item in _backup_objects(data)]


def match_history(entries: list[HistoryEntry], archive: ArchiveSet) -> HistoryEntry | None:
    """The newest entry that names one of the set's files (by file name, never by full path)."""
    names = {item.path.name.casefold() for item in archive.files}
    matched = [entry for entry in entries if entry.file_name and entry.file_name.casefold() in names]
    if not matched:
        # entries without a path: fall back to the backup number
        matched = [entry for entry in entries if entry.file_name is None and entry.number == archive.number]
    if not matched:
        return None
    return max(matched, key=_when_key)


def _when_key(entry: HistoryEntry) -> float:
    moment = entry.ended or entry.started
    return moment.timestamp() if moment is not None else float("-inf")


def latest_entry(entries: list[HistoryEntry]) -> HistoryEntry | None:
    """The most recent attempt 4D recorded (by date, else by number)."""
    dated = [entry for entry in entries if entry.ended or entry.started]
    if dated:
        return max(dated, key=_when_key)
    numbered = [entry for entry in entries if entry.number is not None]
    return max(numbered, key=lambda entry: entry.number) if numbered else None


def _backup_objects(data: Any, depth: int = 0) -> Iterator[dict]:
    if depth > 6:
        return
    if isinstance(data, dict):
        keys = {key.casefold() for key in data if isinstance(key, str)}
        if keys & {"backuppath", "backupnumber"}:
            yield data
            return
        for value in data.values():
            yield from _backup_objects(value, depth + 1)
    elif isinstance(data, list):
        for value in data:
            yield from _backup_objects(value, depth + 1)


def _get(item: dict, key: str) -> Any:
    for name, value in item.items():
        if isinstance(name, str) and name.casefold() == key.casefold():
            return value
    return None


def _entry(item: dict) -> HistoryEntry:
    backup_path = _get(item, "backupPath")
    file_name = file_name_of(backup_path) if isinstance(backup_path, str) else None
    number = _get(item, "backupNumber")
    try:
        number = int(number) if number is not None else None
    except (TypeError, ValueError):
        number = None
    duration = _get(item, "duration")
    try:
        duration = int(duration) if duration is not None else None
    except (TypeError, ValueError):
        duration = None
    status = _get(item, "status")
    return HistoryEntry(
        file_name=file_name or None,
        number=number,
        started=parse_local_time(_get(item, "startingDate")),
        ended=parse_local_time(_get(item, "endingDate")),
        status=status,
        succeeded=_succeeded(status),
        duration_ms=duration,
        backup_path=backup_path if isinstance(backup_path, str) else None,
    )


def file_name_of(text: str) -> str:
    """The last part of a path in any dialect (POSIX, Windows, HFS)."""
    return re.split(r"[\\/:]", text.rstrip("\\/:"))[-1]


def _succeeded(status: Any) -> bool | None:
    if isinstance(status, bool):
        return status
    if isinstance(status, (int, float)):
        return status == 0
    if isinstance(status, dict):
        for key in ("success", "ok", "code", "status", "errorCode"):
            value = _get(status, key)
            if value is not None:
                return _succeeded(value)
        return None
    if isinstance(status, str):
        text = status.strip().casefold()
        if re.fullmatch(r"-?\d+", text):
            return int(text) == 0
        if any(word in text for word in _FAIL_WORDS):
            return False
        if any(word == text or text.startswith(word) for word in _OK_WORDS):
            return True
    return None


_DATE_FORMATS = (
    "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M",
    "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d",
)


def parse_local_time(value: Any) -> datetime | None:
    """A date from 4D: with an offset as given, without one as this machine's local time."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    iso = text[:-1] + "+00:00" if text.endswith("Z") else text
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        parsed = None
        for fmt in _DATE_FORMATS:
            try:
                parsed = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        return parsed.astimezone()  # naive: the machine's local time
    return parsed


# -- backup journal -------------------------------------------------------------

_JOURNAL = re.compile(r"^backup journal(?:\[(\d+)\])?\.txt$", re.IGNORECASE)
_JOURNAL_DATE = re.compile(r"(\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})[ T\t]+(\d{1,2}:\d{2}(?::\d{2})?)")


@dataclass(frozen=True)
class JournalLine:
    when: datetime | None
    text: str
    looks_like_error: bool


def journal_files(folders: list[Path]) -> list[Path]:
    """`Backup Journal[NNN].txt` / `Backup Journal.txt` files in the folders and their `Logs/`."""
    found: list[Path] = []
    for folder in folders:
        for place in (folder / "Logs", folder):
            try:
                for entry in place.iterdir():
                    if _JOURNAL.match(entry.name) and is_file(entry) and entry not in found:
                        found.append(entry)
            except OSError:
                continue
    return found


def read_backup_journal(folders: list[Path]) -> list[JournalLine]:
    """The dated lines of the most recent backup journal (its tail), oldest first."""
    files = journal_files(folders)
    if not files:
        return []
    try:
        newest = max(files, key=lambda path: path.stat().st_mtime)
        with open(newest, "rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - MAX_JOURNAL_TAIL))
            raw = handle.read()
    except OSError:
        return []
    text = _decode(raw)
    lines: list[JournalLine] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        when = None
        match = _JOURNAL_DATE.search(line)
        if match:
            when = parse_local_time(f"{_iso_date(match.group(1))} {match.group(2)}")
        lowered = line.casefold()
        lines.append(JournalLine(when, line, any(word in lowered for word in _FAIL_WORDS)))
    return lines


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("mac_roman" if b"\r" in raw and b"\n" not in raw else "cp1252", errors="replace")


def _iso_date(text: str) -> str:
    if "-" in text:
        return text
    day, month, year = re.split(r"[./]", text)
    if len(year) == 2:
        year = "20" + year
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
