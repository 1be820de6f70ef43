"""Looking at a folder without tripping over it, and remembering why it was (not) taken.

Detection looks at many folders that may be missing, files, or closed to the
current user. None of that may end in a traceback: each outcome becomes the
reason recorded on a `Candidate`, which `tsbackup detect --json` lists so an
IT partner can see every place that was considered.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define

MISSING = define("probe.missing", QT_TRANSLATE_NOOP("core", "Not there."))
NOT_A_FOLDER = define("probe.not_a_folder", QT_TRANSLATE_NOOP("core", "This is a file, not a folder."))
UNREADABLE = define("probe.unreadable", QT_TRANSLATE_NOOP("core", "It cannot be opened ({reason})."))
PERMISSION_DENIED = define("probe.permission_denied", QT_TRANSLATE_NOOP("core", "permission denied"))


@dataclass
class FolderState:
    """What a quick look at one path found."""

    path: Path
    exists: bool
    is_dir: bool = False
    readable: bool = False
    error: Message | str | None = None  # why it exists but cannot be listed

    @property
    def problem(self) -> Message | None:
        """Why the folder cannot be used, or None when it can."""
        if self.error is not None:
            return UNREADABLE(reason=self.error)
        if not self.exists:
            return MISSING()
        if not self.is_dir:
            return NOT_A_FOLDER()
        if not self.readable:
            return UNREADABLE(reason="?")
        return None


def look(path: Path) -> FolderState:
    """Exists? A folder? Can it be listed? Never raises."""
    try:
        st = path.stat()
    except PermissionError as exc:
        # a parent we may not enter: the folder may well be there, we cannot tell
        return FolderState(path, exists=False, error=_reason(exc))
    except (OSError, ValueError):
        return FolderState(path, exists=False)
    if not stat.S_ISDIR(st.st_mode):
        return FolderState(path, exists=True, is_dir=False)
    try:
        with os.scandir(path) as entries:
            next(entries, None)
    except OSError as exc:
        return FolderState(path, exists=True, is_dir=True, readable=False, error=_reason(exc))
    return FolderState(path, exists=True, is_dir=True, readable=True)


def list_dir(path: Path) -> list[os.DirEntry]:
    """The entries of a folder, or none when it cannot be listed."""
    try:
        with os.scandir(path) as entries:
            return list(entries)
    except OSError:
        return []


def _reason(exc: OSError) -> Message | str:
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return PERMISSION_DENIED()
    return exc.strerror or type(exc).__name__


@dataclass
class Candidate:
    """One place considered: a data folder or a 4D backup folder."""

    path: Path
    kind: str  # "data" or "archive"
    source: str  # where the idea came from: "standard", "lastDataPath.xml", "settings", ...
    exists: bool = False
    readable: bool = False
    taken: bool = False
    reason: Message | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "kind": self.kind,
            "source": self.source,
            "exists": self.exists,
            "readable": self.readable,
            "taken": self.taken,
            "reason": self.reason.english() if self.reason else None,
            "reason_id": self.reason.id if self.reason else None,
            **self.details,
        }
