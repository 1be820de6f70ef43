"""What the setup wizard proposes and how it says what detection found, in plain words.

The wizard's pages only show; the choices behind them live here, pure and
tested: which sentence sums up the installation, how 4D's own backup is
doing in words an office manager can act on, the default backup time
(single-user: the end of the working day; server: an hour after 4D's own
backup when its time is known, else 03:00), the generation presets and the
dates of the first reminders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Mapping

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define

SINGLE_USER_TIME = "18:30"
SERVER_FALLBACK_TIME = "03:00"

FOUND_SINGLE_MAC = define(
    "guide.found_single_mac", QT_TRANSLATE_NOOP("core", "This Mac runs timeSensor LEGAL for one user."),
)
FOUND_SINGLE = define(
    "guide.found_single", QT_TRANSLATE_NOOP("core", "This computer runs timeSensor LEGAL for one user."),
)
FOUND_SERVER = define(
    "guide.found_server", QT_TRANSLATE_NOOP("core", "This computer is the timeSensor server."),
)
FOUND_WORKSTATION = define(
    "guide.found_workstation", QT_TRANSLATE_NOOP("core", "This is a workstation: install the assistant on the server."),
)
FOUND_NOTHING = define(
    "guide.found_nothing", QT_TRANSLATE_NOOP("core", "timeSensor LEGAL was not found on this computer."),
)
CHOSEN_BY_HAND = define(
    "guide.chosen_by_hand", QT_TRANSLATE_NOOP("core", "You chose the data folder yourself."),
)
WORKSTATION_HOW = define(
    "guide.workstation_how",
    QT_TRANSLATE_NOOP(
        "core",
        "Only the timeSensor LEGAL client is installed here; the firm's data is kept on the server. Install this "
        "assistant on the server (the computer where timeSensor Server runs) and set up the backup there. "
        "Nothing was changed on this computer.",
    ),
)
NOT_FOUND_HOW = define(
    "guide.not_found_how",
    QT_TRANSLATE_NOOP(
        "core",
        "If timeSensor LEGAL is installed, choose its folder 'timeSensor DataFiles' with \"Choose another folder…\".",
    ),
)
CHOSEN_MISSING = define(
    "guide.chosen_missing",
    QT_TRANSLATE_NOOP("core", "The folder {path} does not exist. Choose the folder 'timeSensor DataFiles' of your installation."),
)
CHOSEN_NOT_FOLDER = define(
    "guide.chosen_not_folder",
    QT_TRANSLATE_NOOP("core", "{path} is a file, not a folder. Choose the folder 'timeSensor DataFiles' of your installation."),
)
FOURD_RAN_JUST_NOW = define(
    "guide.fourd_ran_just_now", QT_TRANSLATE_NOOP("core", "4D's own backup ran less than an hour ago."),
)
FOURD_RAN_HOUR = define(
    "guide.fourd_ran_hour", QT_TRANSLATE_NOOP("core", "4D's own backup ran an hour ago."),
)
FOURD_RAN_HOURS = define(
    "guide.fourd_ran_hours", QT_TRANSLATE_NOOP("core", "4D's own backup ran {hours} hours ago."),
)
FOURD_STALE_HOURS = define(
    "guide.fourd_stale_hours",
    QT_TRANSLATE_NOOP("core", "4D's own backup has not run for {hours} hours — ask your IT partner."),
)
FOURD_STALE_DAYS = define(
    "guide.fourd_stale_days",
    QT_TRANSLATE_NOOP("core", "4D's own backup has not run for {days} days — ask your IT partner."),
)
FOURD_INCOMPLETE = define(
    "guide.fourd_incomplete",
    QT_TRANSLATE_NOOP("core", "4D's newest backup is not complete — ask your IT partner."),
)
FOURD_NONE = define(
    "guide.fourd_none",
    QT_TRANSLATE_NOOP(
        "core", "No backup made by 4D itself was found — ask your IT partner to switch on the automatic backup of timeSensor Server.",
    ),
)
TIME_SINGLE = define(
    "guide.time_single",
    QT_TRANSLATE_NOOP("core", "The backup starts at this time as soon as timeSensor LEGAL is closed."),
)
TIME_AFTER_4D = define(
    "guide.time_after_4d",
    QT_TRANSLATE_NOOP("core", "4D's own backup runs at {fourd}; this backup starts an hour later, at {time}, and copies it."),
)
TIME_4D_UNKNOWN = define(
    "guide.time_4d_unknown",
    QT_TRANSLATE_NOOP("core", "The time of 4D's own backup is not known; {time} is a quiet time at night."),
)


@dataclass(frozen=True)
class KeepPreset:
    id: str
    daily: int
    weekly: int
    monthly: int

    @property
    def values(self) -> tuple[int, int, int]:
        return self.daily, self.weekly, self.monthly


KEEP_PRESETS = (
    KeepPreset("standard", 14, 8, 12),
    KeepPreset("compact", 7, 4, 6),
    KeepPreset("long", 30, 12, 24),
)


def preset_for(values: tuple[int, int, int]) -> KeepPreset | None:
    return next((preset for preset in KEEP_PRESETS if preset.values == tuple(values)), None)


def setup_mode(detected: str | None) -> str:
    """Detection's mode as setup takes it (``single`` or ``server``); anything else proposes single."""
    return "server" if detected == "server" else "single"


def headline(mode: str, os_name: str | None, *, by_hand: bool = False) -> Message:
    if by_hand:
        return CHOSEN_BY_HAND()
    if mode == "single-user":
        return FOUND_SINGLE_MAC() if os_name == "macos" else FOUND_SINGLE()
    if mode == "server":
        return FOUND_SERVER()
    if mode == "workstation":
        return FOUND_WORKSTATION()
    return FOUND_NOTHING()


def fourd_backup_words(detection: Mapping[str, Any]) -> Message:
    """4D's own backup in one sentence, from `Detection.to_json()` (server installations)."""
    if not detection.get("newest_archive"):
        return FOURD_NONE()
    if detection.get("archive_ok"):
        age = detection.get("newest_complete_age_hours")
        return _ran(age if isinstance(age, (int, float)) else detection.get("archive_age_hours"))
    if detection.get("archive_fresh") and not detection.get("archive_complete"):
        return FOURD_INCOMPLETE()
    age = detection.get("newest_complete_age_hours")
    if not isinstance(age, (int, float)):
        age = detection.get("archive_age_hours")
    if not isinstance(age, (int, float)):
        return FOURD_INCOMPLETE()
    hours = int(age)
    if hours >= 48:
        return FOURD_STALE_DAYS(days=hours // 24)
    return FOURD_STALE_HOURS(hours=hours)


def _ran(age: Any) -> Message:
    if not isinstance(age, (int, float)) or age < 1:
        return FOURD_RAN_JUST_NOW()
    hours = round(age)
    return FOURD_RAN_HOUR() if hours == 1 else FOURD_RAN_HOURS(hours=hours)


def fourd_time(detection: Mapping[str, Any] | None) -> str | None:
    """The time of day of 4D's daily backup ("HH:MM"), when its settings say."""
    schedule = (detection or {}).get("schedule") or {}
    hour = schedule.get("hour") if isinstance(schedule, Mapping) else None
    if not isinstance(hour, str):
        return None
    parts = hour.split(":")
    try:
        h, m = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    except ValueError:
        return None
    if not (0 <= h <= 23 and 0 <= m <= 59):
        return None
    return f"{h:02d}:{m:02d}"


def default_time(mode: str, detection: Mapping[str, Any] | None = None) -> str:
    """``mode`` is setup's (``single``/``server``)."""
    if mode != "server":
        return SINGLE_USER_TIME
    fourd = fourd_time(detection)
    if fourd is None:
        return SERVER_FALLBACK_TIME
    h, m = (int(x) for x in fourd.split(":"))
    return f"{(h + 1) % 24:02d}:{m:02d}"


def time_words(mode: str, time: str, detection: Mapping[str, Any] | None = None) -> Message:
    """What the chosen time means, under the time field."""
    if mode != "server":
        return TIME_SINGLE()
    fourd = fourd_time(detection)
    if fourd is None:
        return TIME_4D_UNKNOWN(time=time)
    return TIME_AFTER_4D(fourd=fourd, time=time)


def reminder_dates(start: datetime) -> tuple[date, date]:
    """The first monthly check and the first yearly restore drill, counted as the status counts them."""
    from tsbackup_gui.core.status.model import CHECK_EVERY, DRILL_EVERY

    return (start + CHECK_EVERY).date(), (start + DRILL_EVERY).date()
