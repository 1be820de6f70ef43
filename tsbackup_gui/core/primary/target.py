"""The primary target: `<primary>/timeSensor Backups/<computer>/`, known by its marker.

A drive is recognised by the marker this setup wrote, never by its path (as
Time Machine does): an unmounted drive leaves an empty mount point, and a
different disk may take the drive letter. Without the right marker nothing
is written — not even a folder — so the empty mount point stays empty and
the system disk does not silently fill up instead of the backup drive.
"""

from __future__ import annotations

import errno
import json
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

from tsbackup_gui.core.store.config import write_atomic
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.primary.howto import HOW_TO_RESTORE, HOW_TO_RESTORE_NAME

BACKUPS_DIR = "timeSensor Backups"
MARKER_NAME = ".tsbackup-target"

DRIVE_NOT_CONNECTED = define(
    "primary.drive_not_connected",
    QT_TRANSLATE_NOOP("core", "Connect the backup drive: {path} does not hold this computer's backups (the drive marker is missing)."),
)
DRIVE_OF_OTHER_SETUP = define(
    "primary.drive_of_other_setup",
    QT_TRANSLATE_NOOP("core", "Connect the backup drive: {path} holds the backups of another setup. If it is the right drive, run the setup again with --adopt."),
)
FOLDER_OF_OTHER_SETUP = define(
    "primary.folder_of_other_setup",
    QT_TRANSLATE_NOOP("core", "The folder {path} already holds the backups of another setup. Use --adopt to take it over; its backups are kept."),
)
MARKER_WRITE_FAILED = define(
    "primary.marker_write_failed",
    QT_TRANSLATE_NOOP("core", "The backup folder {path} cannot be written ({reason}). Check that the drive is connected and writable."),
)
BAD_COMPUTER_NAME = define(
    "primary.bad_computer_name",
    QT_TRANSLATE_NOOP("core", "The computer name {name} cannot be used as a folder name. Choose a name without slashes that does not start with a dot."),
)

DRIVE_PRIVACY = define(
    "primary.drive_privacy",
    QT_TRANSLATE_NOOP("core", "Allow tsbackup access to this drive in System Settings → Privacy & Security: macOS refused access to {path}. Then start the backup again."),
)
DRIVE_NO_ACCESS = define(
    "primary.drive_no_access",
    QT_TRANSLATE_NOOP("core", "The backup drive {path} cannot be read ({reason}). Check that this user may read and write the drive."),
)

#: The OS the drive is used on (tests set "darwin" or "win32").
PLATFORM = sys.platform
_DENIED = {errno.EPERM, errno.EACCES}

_FORBIDDEN = set('/\\:*?"<>|') | {chr(c) for c in range(32)}


class Target:
    """One computer's backup folder on the primary drive."""

    def __init__(self, primary: Path, computer: str):
        if not computer or computer.strip() != computer or computer.startswith(".") \
                or any(ch in _FORBIDDEN for ch in computer):
            raise UserError(BAD_COMPUTER_NAME(name=computer), Exit.USAGE)
        self.primary = Path(primary)
        self.computer = computer

    def __repr__(self) -> str:
        return f"Target({str(self.primary)!r}, {self.computer!r})"

    @property
    def backups_root(self) -> Path:
        return self.primary / BACKUPS_DIR

    @property
    def computer_dir(self) -> Path:
        return self.backups_root / self.computer

    @property
    def marker_path(self) -> Path:
        return self.computer_dir / MARKER_NAME

    def read_marker(self) -> dict | None:
        """The marker's content, or None when it is missing or not a readable marker."""
        state, data = self._marker()
        return data if state == "ok" else None

    def _marker(self) -> tuple[str, dict | None]:
        try:
            raw = self.marker_path.read_bytes()
        except FileNotFoundError:
            return "missing", None
        except NotADirectoryError:
            return "missing", None
        except PermissionError as exc:
            self._denied = exc
            return "denied", None
        except OSError:
            return "unreadable", None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return "unreadable", None
        if not isinstance(data, dict) or not isinstance(data.get("setup_id"), str):
            return "unreadable", None
        return "ok", data

    def write_marker(self, setup_id: str, adopt: bool = False) -> None:
        """Claims the folder for this setup. A folder claimed by another setup needs `adopt`."""
        state, data = self._marker()
        if state == "denied":
            raise UserError(self._access_message(), Exit.USAGE)
        previous_id = data.get("setup_id") if data else None
        if state == "unreadable" or (state == "ok" and previous_id != setup_id):
            if not adopt:
                raise UserError(FOLDER_OF_OTHER_SETUP(path=str(self.computer_dir)), Exit.USAGE)
        marker = {
            "setup_id": setup_id,
            "computer": self.computer,
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        if state == "ok" and previous_id == setup_id:
            marker["created"] = data.get("created", marker["created"])
        elif previous_id:
            marker["adopted_from"] = previous_id
        try:
            self.computer_dir.mkdir(parents=True, exist_ok=True)
            write_atomic(self.marker_path, (json.dumps(marker, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))
            _readable(self.marker_path)
        except OSError as exc:
            message = privacy_message(self.primary, exc)
            if message is None:
                message = MARKER_WRITE_FAILED(path=str(self.computer_dir), reason=exc.strerror or str(exc))
            raise UserError(message, Exit.USAGE) from None

    def access_problem(self):
        """The sentence for a marker the OS does not let us read (macOS privacy settings), else None."""
        state, _data = self._marker()
        return self._access_message() if state == "denied" else None

    def _access_message(self):
        exc = getattr(self, "_denied", None) or PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return privacy_message(self.primary, exc) or DRIVE_NO_ACCESS(
            path=str(self.primary), reason=exc.strerror or str(exc))

    def require_marker(self, setup_id: str) -> dict:
        """Stops (exit 4) unless this setup's marker is there; only reads, never creates."""
        state, data = self._marker()
        if state == "missing":
            raise UserError(DRIVE_NOT_CONNECTED(path=str(self.primary)), Exit.TARGET_UNAVAILABLE)
        if state == "denied":  # not another setup's drive: the OS keeps us out (macOS privacy settings)
            raise UserError(self._access_message(), Exit.TARGET_UNAVAILABLE)
        if state != "ok" or data.get("setup_id") != setup_id:
            raise UserError(DRIVE_OF_OTHER_SETUP(path=str(self.primary)), Exit.TARGET_UNAVAILABLE)
        return data

    def write_how_to_restore(self) -> Path:
        """Writes the bilingual restore instructions next to the computers' folders."""
        path = self.backups_root / HOW_TO_RESTORE_NAME
        try:
            write_atomic(path, _how_to_restore_bytes())
            _readable(path)
        except OSError as exc:
            raise UserError(MARKER_WRITE_FAILED(path=str(self.backups_root), reason=exc.strerror or str(exc)), Exit.USAGE) from None
        return path


def privacy_message(path: Path, exc: OSError):
    """On macOS, a refused access to the drive is the privacy setting, and the sentence says where to allow it."""
    if PLATFORM == "darwin" and exc.errno in _DENIED:
        return DRIVE_PRIVACY(path=str(path))
    return None


def refresh_how_to_restore(target: Target) -> bool:
    """Rewrites HOW-TO-RESTORE.txt when this version's text differs (a drive set up by an older
    version learns about safe names); best effort, True when it was rewritten."""
    path = target.backups_root / HOW_TO_RESTORE_NAME
    try:
        if path.read_bytes() == _how_to_restore_bytes():
            return False
    except OSError:
        pass
    try:
        target.write_how_to_restore()
    except UserError:
        return False
    return True


def _how_to_restore_bytes() -> bytes:
    text = HOW_TO_RESTORE.replace("\n", os.linesep) if os.name == "nt" else HOW_TO_RESTORE
    return ("\ufeff" + text).encode("utf-8")  # the BOM makes TextEdit and old Notepad read UTF-8


def _readable(path: Path) -> None:
    """write_atomic's temp files are private (0o600); these two are for anyone who finds the drive."""
    try:
        os.chmod(path, 0o644)
    except OSError:
        pass
