"""Removing generation trees that were made read-only on purpose.

Finished generations have read-only folders, so a plain `rmtree` fails. Only
*folders* are made writable before deleting: unlinking a file needs write
permission on its folder, not on the file, and a file is usually a hard link
shared with newer generations — chmod-ing it would make their copies
writable too (the very thing read-only generations protect against). On
Windows a read-only file cannot be deleted at all: see
`remove_generation_file` and `fileops`.
"""

from __future__ import annotations

import os
import stat
import tempfile
import uuid
from pathlib import Path
from typing import Iterable, Iterator

from tsbackup_gui.core.primary.fileops import NATIVE, FileOps

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
    root = Path(NATIVE.under(root))
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


def remove_tree(root: Path, ops: FileOps | None = None, survivors_in: Iterable[Path] = ()) -> None:
    """Deletes a generation or partial folder; raises OSError when something stays.

    `survivors_in` are the other generations: where a file's other hard
    links live (at the same relative path, or found by `LinkIndex`), for
    Windows' shared read-only flag (see `remove_generation_file`).
    """
    ops = ops or NATIVE
    root = Path(root)
    if not os.path.lexists(ops.p(root)):
        return
    if os.path.islink(ops.p(root)) or not os.path.isdir(ops.p(root)):
        ops.unlink(root)
        return
    make_dirs_writable(root)
    others = [ops.under(p) for p in survivors_in]
    links = LinkIndex(others, ops)
    base = ops.under(root)
    for folder, dirnames, filenames in os.walk(base, topdown=False):
        for name in filenames:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, base)
            try:
                remove_generation_file(path, links.candidates(path, [os.path.join(o, rel) for o in others]), ops)
            except FileNotFoundError:
                pass
        for name in dirnames:
            path = os.path.join(folder, name)
            try:
                if os.path.islink(path):
                    _remove_link(path, ops)
                else:
                    ops.rmdir(path)
            except FileNotFoundError:
                pass
    ops.rmdir(base)


class LinkIndex:
    """Where else a file of a generation is linked, for Windows' shared read-only flag.

    Usually at the same relative path in a newer generation. Not always: a
    file stored under a safe name (the case twin ``akte.txt`` next to
    ``Akte.txt`` is stored as ``akte~2.txt``) keeps its original name in the
    next generation once its twin is gone, linked to the older copy under
    the other name. Only when no link is found at the same path are the
    other generations walked, one at a time and each at most once, for the
    file's inode (the NTFS file id on Windows). POSIX never asks.
    """

    def __init__(self, roots: Iterable[str], ops: FileOps):
        self.pending = list(roots)
        self.ops = ops
        self.by_inode: dict[tuple[int, int], list[str]] = {}

    def candidates(self, path: str, same_path: list[str]) -> Iterator[str]:
        """`same_path` first; then, if still asked (none of them was the file), its links elsewhere."""
        yield from same_path
        yield from self.links_of(path)

    def links_of(self, path: str) -> list[str]:
        try:
            info = self.ops.lstat(path)
        except OSError:
            return []
        key = (info.st_dev, info.st_ino)
        if info.st_nlink < 2 or not info.st_ino:
            return []
        while key not in self.by_inode and self.pending:
            self._index(self.pending.pop(0))
        return self.by_inode.get(key, [])

    def _index(self, root: str) -> None:
        for folder, _dirnames, filenames in os.walk(root):
            for name in filenames:
                path = os.path.join(folder, name)
                try:
                    info = os.lstat(path)
                except OSError:
                    continue
                if info.st_nlink > 1 and stat.S_ISREG(info.st_mode):
                    self.by_inode.setdefault((info.st_dev, info.st_ino), []).append(path)


def remove_generation_file(path: str | os.PathLike, survivors: Iterable[str | os.PathLike] = (),
                           ops: FileOps | None = None) -> None:
    """Deletes one file of a generation; every other hard link to it stays read-only.

    POSIX: a plain unlink (the file's own mode is never touched). Windows:
    the read-only attribute belongs to the file, shared by all its links, and
    a read-only file cannot be deleted: it is cleared, the link removed, and
    set again through the first of `survivors` that is the same file
    (`FileOps.remove_file`). Sharing violations are retried.
    """
    (ops or NATIVE).remove_file(path, survivors)


def _remove_link(path: str, ops: FileOps) -> None:
    """A symlink to a folder: unlink (Windows removes directory links with rmdir)."""
    try:
        ops.unlink(path)
    except (IsADirectoryError, PermissionError):
        ops.rmdir(path)


def remove_tree_quietly(root: Path, ops: FileOps | None = None, survivors_in: Iterable[Path] = ()) -> bool:
    """Best effort for clean-up after a failure; True when nothing is left."""
    try:
        remove_tree(root, ops, survivors_in)
    except OSError:
        return False
    return not os.path.lexists(root)


def rewrite_read_only(path: Path, data: bytes, ops: FileOps | None = None) -> None:
    """Replaces the read-only file `path` with `data` (atomically) and leaves it read-only.

    Windows cannot replace a read-only file: read-only is cleared first and
    set again afterwards. The file is never a hard link (a manifest), so
    clearing it changes no other file.
    """
    ops = ops or NATIVE
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=ops.p(path.parent))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if os.path.lexists(ops.p(path)) and ops.is_read_only(str(path)):
            ops.set_read_only(str(path), False)
        ops.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:
        os.chmod(ops.p(path), FILE_MODE)
    except OSError:  # a drive without read-only files (FAT32): the new content is what counts
        pass
