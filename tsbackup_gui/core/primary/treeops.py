"""Removing generation trees that were made read-only on purpose.

Finished generations have read-only folders, so a plain `rmtree` fails. Only
*folders* are made writable before deleting: unlinking a file needs write
permission on its folder, not on the file, and a file is usually a hard link
shared with newer generations — chmod-ing it would make their copies
writable too (the very thing read-only generations protect against).
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
import uuid
from pathlib import Path

DIR_MODE = 0o555
FILE_MODE = 0o444
WORK_DIR_MODE = 0o755


#: How a drive keeps a file read-only: at creation (a mode without write bits), only through a
#: later chmod (SMB through smbnetfs), or not at all (FAT32, exFAT, NTFS through ntfs-3g by default).
READ_ONLY_AT_CREATION = "created"
READ_ONLY_BY_CHMOD = "chmod"
READ_ONLY_NONE = "none"


def read_only_support(folder: Path) -> str:
    """How this drive holds read-only files: tried once on a probe file in `folder` (which must exist).

    FAT32 and exFAT have no Unix permissions: their drivers refuse chmod
    (fusefat: ENOSYS, the kernel's vfat: EPERM) or accept it and change
    nothing (exfat-fuse, ntfs-3g without ``permissions``). Some network
    clients ignore the mode a file is created with but honour chmod. Where
    the probe file cannot be created at all the answer is "created" (what is
    assumed elsewhere): the copy itself then fails with the drive's own reason.
    """
    probe = Path(folder) / f".tsbackup-modeprobe-{uuid.uuid4().hex[:12]}"
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE))
    except OSError:
        return READ_ONLY_AT_CREATION
    try:
        if not stat.S_IMODE(os.stat(probe).st_mode) & 0o222:
            return READ_ONLY_AT_CREATION
        os.chmod(probe, FILE_MODE)
        return READ_ONLY_BY_CHMOD if not stat.S_IMODE(os.stat(probe).st_mode) & 0o222 else READ_ONLY_NONE
    except OSError:
        return READ_ONLY_NONE
    finally:
        try:
            os.chmod(probe, 0o644)  # Windows refuses to delete a read-only file
        except OSError:
            pass
        try:
            probe.unlink()
        except OSError:
            pass


def read_only_works(folder: Path) -> bool:
    """Can this drive hold read-only files at all?"""
    return read_only_support(folder) != READ_ONLY_NONE


def make_dirs_writable(root: Path) -> None:
    """Gives the owner write access to every folder under `root` (files keep their mode)."""
    root = Path(root)
    try:
        if root.is_symlink() or not root.is_dir():
            return
        os.chmod(root, WORK_DIR_MODE)
    except OSError:
        return
    for folder, dirnames, _files in os.walk(root):
        for name in dirnames:
            path = os.path.join(folder, name)
            try:
                if not os.path.islink(path):
                    os.chmod(path, WORK_DIR_MODE)
            except OSError:
                pass


def remove_tree(root: Path) -> None:
    """Deletes a generation or partial folder; raises OSError when something stays."""
    root = Path(root)
    if not root.exists() and not root.is_symlink():
        return
    make_dirs_writable(root)
    shutil.rmtree(root, onerror=_on_rm_error)


def remove_tree_quietly(root: Path) -> bool:
    """Best effort for clean-up after a failure; True when nothing is left."""
    try:
        remove_tree(root)
    except OSError:
        return False
    return not os.path.lexists(root)


def _on_rm_error(func, path, exc_info):
    """Windows refuses to unlink read-only files: only there a file's flag is cleared."""
    exc = exc_info[1]
    if sys.platform == "win32" and isinstance(exc, PermissionError) and func in (os.unlink, os.remove):
        os.chmod(path, stat.S_IWRITE)
        func(path)
        return
    if isinstance(exc, FileNotFoundError):
        return
    raise exc
