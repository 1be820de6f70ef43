"""The copy of a primary generation's folders into a restore's staging folder: files, folders and
symlinks as they are, mtimes kept, stoppable between two files.

May import: `core.primary` (long paths).
"""

from __future__ import annotations

import os
import shutil
import stat
import threading
from pathlib import Path

from tsbackup_gui.core.primary.fileops import long_path


class Cancelled(Exception):
    """The person asked the restore to stop (between two files)."""


def copy_tree(src_root: Path, dst_root: Path, cancel: threading.Event | None = None) -> None:
    """Files, folders and symlinks as they are, mtimes kept, modes ordinary (normalised afterwards)."""
    stamps: list[tuple[str, str]] = []
    src_root, dst_root = long_path(src_root, always=True), long_path(dst_root, always=True)  # Windows: long paths
    for folder, dirnames, filenames in os.walk(src_root):
        rel = os.path.relpath(folder, src_root)
        dst_folder = str(dst_root) if rel == "." else os.path.join(dst_root, rel)
        os.makedirs(dst_folder, exist_ok=True)
        stamps.append((folder, dst_folder))
        for name in list(dirnames):
            src = os.path.join(folder, name)
            if os.path.islink(src):
                copy_symlink(src, os.path.join(dst_folder, name))
                dirnames.remove(name)
        for name in filenames:
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            src = os.path.join(folder, name)
            dst = os.path.join(dst_folder, name)
            st = os.lstat(src)
            if stat.S_ISLNK(st.st_mode):
                copy_symlink(src, dst)
            elif stat.S_ISREG(st.st_mode):
                shutil.copyfile(src, dst, follow_symlinks=False)
                os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns))
    for src, dst in reversed(stamps):
        st = os.stat(src)
        os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns))


def copy_symlink(src: str, dst: str) -> None:
    os.symlink(os.readlink(src), dst)
    if os.utime in os.supports_follow_symlinks:
        st = os.lstat(src)
        try:
            os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns), follow_symlinks=False)
        except OSError:
            pass
