"""A mapped network drive letter (``Z:``) is stored as the share it stands for (``\\\\nas\\backup``).

A drive letter mapped in Explorer exists only in the session of the user who
mapped it: the OS task that runs the nightly backup (another account, or no
logged-in user at all) does not see ``Z:``. The share's UNC path reaches the
same folder from any account that may open the share, so setup stores that
and tells the IT partner that the task's account needs the share's
credentials. The letter's share is asked from Windows (``WNetGetConnectionW``);
tests inject `remote_name` and `windows`.
"""

from __future__ import annotations

import ntpath
import sys
from typing import Callable

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define

MAPPED_DRIVE = define(
    "setup.mapped_drive",
    QT_TRANSLATE_NOOP("core", "The backup folder {path} is on the network share {unc} (drive {letter}); it is stored under the share's name, because a drive letter exists only for the user who connected it. For the IT partner: the account the scheduled backup task runs under must be able to open {unc} itself (store the share's credentials for that account, for example with cmdkey), or the nightly backups cannot reach it."),
)

RemoteName = Callable[[str], "str | None"]


def unc_path(path: str, windows: bool | None = None, remote_name: RemoteName | None = None) -> str | None:
    """The UNC path for `path` when it lies on a mapped network drive letter, else None."""
    if windows is None:
        windows = sys.platform == "win32"
    if not windows:
        return None
    drive, rest = ntpath.splitdrive(path)
    if len(drive) != 2 or drive[1] != ":":
        return None  # already a UNC path, or no drive letter
    remote = (remote_name or windows_remote_name)(drive.upper())
    if not remote or not remote.startswith("\\\\"):
        return None
    rest = rest.replace("/", "\\")
    return remote.rstrip("\\") + (rest if rest.startswith("\\") else "\\" + rest if rest else "")


def windows_remote_name(letter: str) -> str | None:
    """The share a drive letter is mapped to (``\\\\server\\share``), from Windows; None when it is none."""
    try:
        import ctypes
        from ctypes import wintypes

        mpr = ctypes.WinDLL("mpr")  # type: ignore[attr-defined]
    except (ImportError, OSError, AttributeError):
        return None
    size = wintypes.DWORD(1024)
    buffer = ctypes.create_unicode_buffer(size.value)
    if mpr.WNetGetConnectionW(letter, buffer, ctypes.byref(size)) != 0:
        return None  # not a network drive (ERROR_NOT_CONNECTED), or not reachable
    return buffer.value or None
