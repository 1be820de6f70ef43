"""The stored setup: one JSON file with a schema version, written atomically.

A corrupt or unreadable file is reported in one sentence naming the file and
is left exactly as it is: silently falling back to defaults would turn a
working backup into no backup without anyone noticing.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Callable

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.places import Places, places

SCHEMA_VERSION = 1

CONFIG_UNREADABLE = define(
    "config.unreadable",
    QT_TRANSLATE_NOOP("core", "The settings file {path} cannot be read ({reason}). Fix or remove it, then run the setup again."),
)
CONFIG_CORRUPT = define(
    "config.corrupt",
    QT_TRANSLATE_NOOP("core", "The settings file {path} is damaged ({reason}). It was left as it is; restore it from a backup or run the setup again."),
)
CONFIG_TOO_NEW = define(
    "config.too_new",
    QT_TRANSLATE_NOOP("core", "The settings file {path} was written by a newer version of this program. Install the newer version."),
)
CONFIG_WRITE_FAILED = define(
    "config.write_failed",
    QT_TRANSLATE_NOOP("core", "The settings could not be saved to {path} ({reason}). Check that the folder is writable."),
)
NOT_CONFIGURED = define(
    "config.not_configured",
    QT_TRANSLATE_NOOP("core", "The backup is not set up yet. Run the setup first."),
)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass
class Config:
    """One backup setup. Paths are stored as absolute strings."""

    source: str
    primary: str
    setup_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    mode: str = "single"  # "single" or "server"
    computer: str = ""
    keep_daily: int = 14
    keep_weekly: int = 8
    keep_monthly: int = 12
    time: str = "18:30"  # daily slot, local time HH:MM
    working_days: list[str] = field(default_factory=lambda: list(WEEKDAYS[:5]))
    grace_hours: float = 12.0
    secondary: dict[str, Any] | None = None
    process_names: list[str] | None = None  # None: the guard's defaults
    language: str | None = None  # None: follow the system
    created: str | None = None  # ISO time of the first setup: overdue and reminders count from it
    recovery_sheet_confirmed: str | None = None  # ISO date the user confirmed the sheet is stored safely
    paused_until: str | None = None  # aware ISO time: scheduled backups skip until then (core/pause.py)
    extra_drives: list[dict[str, Any]] = field(default_factory=list)  # rotation drives 2…: {path, label, added, drive_id}
    reports: dict[str, Any] | None = None  # core/reports.py: {"ping_url", "smtp": {host, port, security, user, to, from}}
    extra: dict[str, Any] = field(default_factory=dict)  # keys written by newer versions, kept

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        extra = data.pop("extra")
        return {"schema": SCHEMA_VERSION, **extra, **data}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Config":
        known = {f.name for f in fields(cls)} - {"extra"}
        values = {k: v for k, v in data.items() if k in known}
        extra = {k: v for k, v in data.items() if k not in known and k != "schema"}
        if "source" not in values or "primary" not in values:
            raise ValueError("source or primary missing")
        return cls(**values, extra=extra)


def load(where: Places | None = None) -> Config | None:
    """The stored setup, or None when there is none yet. Raises `UserError` when it is damaged."""
    path = (where or places()).config_file
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UserError(CONFIG_UNREADABLE(path=str(path), reason=exc.strerror or str(exc)), Exit.USAGE) from None
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        schema = data.get("schema")
        if not isinstance(schema, int):
            raise ValueError("no schema version")
        if schema > SCHEMA_VERSION:
            raise UserError(CONFIG_TOO_NEW(path=str(path)), Exit.USAGE)
        config = Config.from_json(data)
        check_reports(config.reports)
        check_extra_drives(config.extra_drives)
        return config
    except UserError:
        raise
    except (ValueError, TypeError, UnicodeDecodeError) as exc:
        raise UserError(CONFIG_CORRUPT(path=str(path), reason=str(exc)), Exit.USAGE) from None


def require(where: Places | None = None) -> Config:
    config = load(where)
    if config is None:
        raise UserError(NOT_CONFIGURED(), Exit.USAGE)
    return config


def save(config: Config, where: Places | None = None) -> Path:
    """Writes the setup atomically: a crash leaves either the old or the new file."""
    path = (where or places()).config_file
    text = json.dumps(config.to_json(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        raise UserError(CONFIG_WRITE_FAILED(path=str(path), reason=exc.strerror or str(exc)), Exit.USAGE) from None
    return path


UPDATE_LOCK_WAIT_S = 10.0


def update(change: Callable[[Config], Config], where: Places | None = None) -> Config:
    """Loads the stored setup, applies ``change`` and saves the result, under a small file lock.

    A dialog that saves the whole Config it loaded when it opened would undo what was saved since
    (pausing after adding a drive would drop the drive); a change applied to what is stored now
    cannot. Raises `UserError` like `require` and `save`; returns the saved setup."""
    import time

    from tsbackup_gui.core.store.locks import FileLock, LockBusy

    here = where or places()
    lock = FileLock(here.config_file.with_name(here.config_file.name + ".lock"))
    deadline = time.monotonic() + UPDATE_LOCK_WAIT_S
    while True:
        try:
            lock.acquire()
            break
        except LockBusy:
            if time.monotonic() > deadline:
                break  # a writer that hangs must not block the settings for good: save anyway
            time.sleep(0.02)
        except OSError as exc:
            raise UserError(CONFIG_WRITE_FAILED(path=str(lock.path), reason=exc.strerror or str(exc)),
                            Exit.USAGE) from None
    try:
        new = change(require(here))
        save(new, here)
        return new
    finally:
        lock.release()


def check_reports(reports: Any) -> None:
    """The shape of ``reports`` (a hand-edited file): a bad one is a damaged file in one sentence,
    never an AttributeError inside a backup or the tray's check."""
    if reports is None:
        return
    if not isinstance(reports, dict):
        raise ValueError("'reports' must be an object")
    if reports.get("ping_url") is not None and not isinstance(reports["ping_url"], str):
        raise ValueError("'reports.ping_url' must be a text")
    smtp = reports.get("smtp")
    if smtp is None:
        return
    if not isinstance(smtp, dict):
        raise ValueError("'reports.smtp' must be an object with host, port and to")
    if not isinstance(smtp.get("host"), str) or not smtp["host"]:
        raise ValueError("'reports.smtp.host' must be a text")
    port = smtp.get("port")
    if port is not None and (isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536):
        raise ValueError("'reports.smtp.port' must be a number")
    to = smtp.get("to")
    if not isinstance(to, list) or not to or not all(isinstance(a, str) and a for a in to):
        raise ValueError("'reports.smtp.to' must be a list of addresses")
    for name in ("security", "user", "from"):
        if smtp.get(name) is not None and not isinstance(smtp[name], str):
            raise ValueError(f"'reports.smtp.{name}' must be a text")


def check_extra_drives(drives: Any) -> None:
    """The shape of ``extra_drives`` (rotation, core/rotation.py): a list of objects with a path."""
    if drives is None:
        return
    if not isinstance(drives, list):
        raise ValueError("'extra_drives' must be a list of drives")
    for drive in drives:
        if not isinstance(drive, dict) or not isinstance(drive.get("path"), str) or not drive["path"]:
            raise ValueError("each entry of 'extra_drives' must be an object with a 'path' text")


def write_atomic(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename, fsync the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Makes a rename durable; a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
