"""Single values of `tsbackup setup` (and the wizard): a time, keep counts, working days,
a computer name, a mode. Each is checked on its own and refused with one sentence, so a
bad value never reaches the stored configuration."""

from __future__ import annotations

import re
import socket
import unicodedata

from tsbackup_gui.core.store.config import WEEKDAYS
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define

BAD_TIME = define(
    "setup.bad_time",
    QT_TRANSLATE_NOOP("core", "'{value}' is not a time of day. Give the time as HH:MM between 00:00 and 23:59, for example 18:30."),
)
BAD_KEEP = define(
    "setup.bad_keep",
    QT_TRANSLATE_NOOP("core", "--{option} needs a whole number of 1 or more, not '{value}'."),
)
BAD_DAYS = define(
    "setup.bad_days",
    QT_TRANSLATE_NOOP(
        "core",
        "'{value}' is not a list of working days. Use day names such as mon-fri or mon,tue,thu (mon tue wed thu fri sat sun).",
    ),
)
BAD_MODE = define(
    "setup.bad_mode",
    QT_TRANSLATE_NOOP("core", "'{value}' is not a mode. Use single (one computer; the backup waits until timeSensor is closed) or server."),
)
BAD_COMPUTER = define(
    "setup.bad_computer",
    QT_TRANSLATE_NOOP(
        "core",
        "'{value}' cannot be used as a computer name. Use letters, digits, spaces, dots and dashes, not starting with a dot.",
    ),
)

MODES = ("single", "server")
_DAY_NAMES = {
    **{day: day for day in WEEKDAYS},
    "monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu",
    "friday": "fri", "saturday": "sat", "sunday": "sun",
}
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


def parse_time(value: str) -> str:
    """'7:05' → '07:05'; anything outside 00:00–23:59 is a `UserError`."""
    match = _TIME.match(value or "")
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise UserError(BAD_TIME(value=value), Exit.USAGE)
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def parse_keep(option: str, value: int | str) -> int:
    text = str(value).strip()
    if not re.fullmatch(r"\d+", text) or int(text) < 1:
        raise UserError(BAD_KEEP(option=option, value=value), Exit.USAGE)
    return int(text)


def parse_working_days(value: str) -> list[str]:
    """'mon-fri', 'mon,tue,thu', 'sat-sun', 'fri-mon' (wraps) → days in week order."""
    chosen: set[str] = set()
    parts = [part.strip().lower() for part in (value or "").split(",")]
    if not parts or any(not part for part in parts):
        raise UserError(BAD_DAYS(value=value), Exit.USAGE)
    for part in parts:
        ends = [end.strip() for end in part.split("-")]
        if len(ends) > 2 or any(end not in _DAY_NAMES for end in ends):
            raise UserError(BAD_DAYS(value=value), Exit.USAGE)
        first = WEEKDAYS.index(_DAY_NAMES[ends[0]])
        last = WEEKDAYS.index(_DAY_NAMES[ends[-1]])
        index = first
        while True:
            chosen.add(WEEKDAYS[index])
            if index == last:
                break
            index = (index + 1) % 7
    return [day for day in WEEKDAYS if day in chosen]


def sanitise_computer_name(name: str) -> str:
    """A host name made safe as a folder name on every OS (the domain part is dropped)."""
    text = unicodedata.normalize("NFC", name or "").strip()
    if "." in text and not text.replace(".", "").isdigit():
        text = text.split(".")[0]
    text = _FORBIDDEN.sub("-", text).strip(" .")[:64].strip(" .")
    if not text or text.upper() in _RESERVED:
        return "computer"
    return text


def default_computer_name() -> str:
    return sanitise_computer_name(socket.gethostname())


def parse_computer(value: str) -> str:
    """A given computer name must be usable as it is: we do not silently rename folders."""
    text = unicodedata.normalize("NFC", (value or "").strip())
    if (
        not text
        or len(text) > 64
        or _FORBIDDEN.search(text)
        or text.startswith(".")
        or text.endswith((".", " "))
        or text.upper() in _RESERVED
    ):
        raise UserError(BAD_COMPUTER(value=value), Exit.USAGE)
    return text


def parse_mode(value: str) -> str:
    if value not in MODES:
        raise UserError(BAD_MODE(value=value), Exit.USAGE)
    return value
