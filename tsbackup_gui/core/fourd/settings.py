"""4D's own backup settings: where it writes archives and how often.

`Settings/Backup.4DSettings` (4D v18+) or `Preferences/Backup/Backup.xml`
(older), XML under `Preferences4D/Backup`. The structure is only partly
documented and differs between versions, so everything is read defensively:
names are matched without regard to case, a value may sit in the element or
in an `Item1` child, and a file we cannot read or parse means "unknown" —
never a crash, and never a guess that makes a stale backup look fresh.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.rootmap import RootMap, is_file

SETTINGS_FILES = (("Settings", "Backup.4DSettings"), ("Preferences", "Backup", "Backup.xml"))
MAX_SETTINGS_BYTES = 5_000_000

#: Extra time 4D gets beyond its schedule before an archive counts as stale.
GRACE = timedelta(hours=2)
#: Limit when the schedule is daily, unknown or off: one day plus the grace.
DEFAULT_LIMIT = timedelta(hours=26)

SETTINGS_UNREADABLE = define(
    "fourd.settings_unreadable",
    QT_TRANSLATE_NOOP("core", "4D's backup settings in {path} could not be read ({reason}). A daily 4D backup is assumed."),
)
SCHEDULE_NEVER = define(
    "fourd.schedule_never",
    QT_TRANSLATE_NOOP("core", "4D's automatic backup is switched off (schedule 'Never'). Switch it on in the backup settings of timeSensor Server, for example daily at night."),
)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_TRUE = {"true", "1", "yes", "on"}


@dataclass
class Schedule:
    """4D's backup schedule as far as it could be read."""

    frequency: str = "unknown"  # never | hourly | daily | weekly | monthly | unknown
    every: int = 1
    hour: str | None = None  # "HH:MM" of a daily backup
    weekdays: tuple[str, ...] = ()
    source: str | None = None  # the settings file it came from

    @property
    def interval(self) -> timedelta | None:
        """The longest time 4D leaves between two backups, None when not known."""
        every = max(1, self.every)
        if self.frequency == "hourly":
            return timedelta(hours=every)
        if self.frequency == "daily":
            return timedelta(days=every)
        if self.frequency == "weekly":
            if self.weekdays:
                days = sorted(_WEEKDAYS.index(day) for day in self.weekdays)
                gaps = [(b - a) for a, b in zip(days, days[1:])] + [days[0] + 7 - days[-1]]
                return timedelta(days=max(gaps)) + timedelta(weeks=every - 1)
            return timedelta(weeks=every)
        if self.frequency == "monthly":
            return timedelta(days=31 * every)
        return None

    @property
    def fresh_limit(self) -> timedelta:
        """Schedule interval plus 2 h; 26 h when daily, unknown or switched off."""
        interval = self.interval
        return interval + GRACE if interval is not None else DEFAULT_LIMIT

    def to_json(self) -> dict[str, Any]:
        interval = self.interval
        return {
            "frequency": self.frequency,
            "every": self.every,
            "hour": self.hour,
            "weekdays": list(self.weekdays),
            "interval_hours": interval.total_seconds() / 3600 if interval is not None else None,
            "fresh_limit_hours": self.fresh_limit.total_seconds() / 3600,
            "source": self.source,
        }


@dataclass
class BackupSettings:
    """What 4D's backup settings file says; every field may be unknown."""

    path: Path | None = None  # the file that was read
    destination: str | None = None  # DestinationFolder exactly as written
    schedule: Schedule = field(default_factory=Schedule)
    keep_last: int | None = None
    last_backup_path: str | None = None
    last_backup_date: str | None = None
    last_backup_time: str | None = None
    problems: list[Message] = field(default_factory=list)

    def destination_path(self, data_dir: Path, mapper: RootMap) -> Path | None:
        """DestinationFolder as a real path: relative to the data folder, HFS and Windows forms mapped."""
        return mapper.from_text(self.destination, base=data_dir) if self.destination else None

    def warnings(self) -> list[Message]:
        found = list(self.problems)
        if self.schedule.frequency == "never":
            found.append(SCHEDULE_NEVER())
        return found


def settings_file(data_dir: Path) -> Path | None:
    """The newest-style settings file present in a data folder."""
    for parts in SETTINGS_FILES:
        path = RootMap.join(data_dir, list(parts))
        if is_file(path):
            return path
    return None


def read_backup_settings(data_dir: Path) -> BackupSettings:
    """Reads 4D's backup settings of a data folder; missing or broken files give unknowns."""
    path = settings_file(data_dir)
    if path is None:
        return BackupSettings()
    settings = BackupSettings(path=path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_SETTINGS_BYTES + 1)
        if len(raw) > MAX_SETTINGS_BYTES:
            raise ValueError("file too large")
        root = ET.fromstring(raw)
    except (OSError, ET.ParseError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        settings.problems.append(SETTINGS_UNREADABLE(path=str(path), reason=reason))
        return settings
    backup = _backup_element(root)
    if backup is None:
        return settings
    settings.destination = _value(backup, "Settings/General/DestinationFolder")
    settings.keep_last = _int(_value(backup, "Settings/Advanced/SetNumber/Value"))
    if (_value(backup, "Settings/Advanced/SetNumber/Enable") or "true").lower() not in _TRUE:
        settings.keep_last = None
    settings.last_backup_path = _value(backup, "DataBase/LastBackupPath")
    settings.last_backup_date = _value(backup, "DataBase/LastBackupDate")
    settings.last_backup_time = _value(backup, "DataBase/LastBackupTime")
    settings.schedule = _schedule(backup)
    settings.schedule.source = str(path)
    return settings


# -- XML helpers ----------------------------------------------------------------

def _name(element: ET.Element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1].casefold()


def _backup_element(root: ET.Element) -> ET.Element | None:
    if _name(root) == "backup":
        return root
    for element in root.iter():
        if _name(element) == "backup":
            return element
    return None


def _find(element: ET.Element | None, path: str) -> ET.Element | None:
    for part in path.split("/"):
        if element is None:
            return None
        wanted = part.casefold()
        element = next((child for child in element if _name(child) == wanted), None)
    return element


def _value(element: ET.Element | None, path: str) -> str | None:
    """Text of the element at path, or of its first child holding text (4D's `Item1`)."""
    found = _find(element, path)
    if found is None:
        return None
    for node in found.iter():
        text = (node.text or "").strip()
        if text:
            return text
    for key in ("value", "Value"):
        if found.get(key):
            return found.get(key).strip()
    return None


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    match = re.match(r"^\s*(\d+)", text)
    return int(match.group(1)) if match else None


_FREQUENCIES = {
    "never": "never", "none": "never", "no": "never",
    "hourly": "hourly", "hour": "hourly", "hours": "hourly", "everyhour": "hourly", "everyhours": "hourly",
    "daily": "daily", "day": "daily", "days": "daily", "everyday": "daily", "everydays": "daily",
    "weekly": "weekly", "week": "weekly", "weeks": "weekly", "everyweek": "weekly", "everyweeks": "weekly",
    "monthly": "monthly", "month": "monthly", "months": "monthly", "everymonth": "monthly", "everymonths": "monthly",
}


def _schedule(backup: ET.Element) -> Schedule:
    scheduler = _find(backup, "Settings/Scheduler")
    raw = _value(scheduler, "Frequency")
    schedule = Schedule()
    if raw is None:
        return schedule
    schedule.frequency = _FREQUENCIES.get(re.sub(r"[\s_\-]", "", raw.casefold()), "unknown")
    section = _find(scheduler, schedule.frequency.capitalize()) if schedule.frequency != "unknown" else None
    schedule.every = _int(_value(section, "Every")) or 1
    if schedule.frequency == "daily":
        schedule.hour = _hour(_value(section, "Hour"))
    elif schedule.frequency == "weekly" and section is not None:
        schedule.weekdays = tuple(day for day in _WEEKDAYS if _day_enabled(_find(section, day)))
    return schedule


def _day_enabled(day: ET.Element | None) -> bool:
    if day is None:
        return False
    for key in ("Save", "Enable", "Enabled", "Backup", "Active"):
        value = _value(day, key)
        if value is not None:
            return value.casefold() in _TRUE
    own = (day.text or "").strip().casefold()
    return own in _TRUE


def _hour(text: str | None) -> str | None:
    """4D writes times as `HH:MM[:SS]`, as an ISO date-time, or as seconds; all become `HH:MM`."""
    if not text:
        return None
    match = re.search(r"(\d{1,2}):(\d{2})", text)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2))
    elif text.strip().isdigit():
        number = int(text.strip())
        hours, minutes = (number, 0) if number < 24 else divmod(number // 60, 60)
    else:
        return None
    if 0 <= hours < 24 and 0 <= minutes < 60:
        return f"{hours:02d}:{minutes:02d}"
    return None
