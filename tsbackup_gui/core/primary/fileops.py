"""The file operations on a backup drive where Windows differs: one seam, OS facts injectable.

- **Extended-length paths.** Windows refuses paths of 260 characters and
  more unless they carry the ``\\\\?\\`` prefix (``\\\\?\\UNC\\server\\share\\…``
  for a share); a generation adds about 75 characters to each source path.
  `long_path` adds the prefix where it is needed; the copy engine prefixes
  the generation folder once, so every path below it has it.
- **Sharing violations.** Antivirus scanners and the search indexer open
  new files for a moment; a rename or delete then fails with winerror 32/33
  (or 5). Renames and deletes are retried a few times with a growing pause
  (0.1, 0.2, 0.4, 0.8, 1.6 s) before the error counts.
- **Read-only is per file, shared by all hard links.** POSIX needs no write
  permission on a file to delete it; Windows refuses to delete a read-only
  file, and clearing the flag clears it for every link of the file, i.e.
  in every newer generation too. `FileOps.remove_file` clears it, unlinks,
  and sets it again through a surviving link when the file had more than one.

`FileOps()` describes the machine it runs on; tests build one with
``windows=True``, their own ``sleep`` and their own primitives.
"""

from __future__ import annotations

import logging
import ntpath
import os
import stat
import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

log = logging.getLogger(__name__)

#: Windows' MAX_PATH counts the terminating NUL: 259 characters are the most a plain path may have.
MAX_PATH = 260
EXTENDED = "\\\\?\\"
EXTENDED_UNC = "\\\\?\\UNC\\"
#: ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
RETRY_WINERRORS = frozenset({5, 32, 33})
RETRY_DELAYS = (0.1, 0.2, 0.4, 0.8, 1.6)


def long_path(path: str | os.PathLike, windows: bool | None = None, always: bool = False) -> str:
    """`path` with the extended-length prefix where Windows needs it (never elsewhere).

    Only absolute paths are prefixed (the prefix turns off Windows' own
    normalisation, so the path is normalised first); `always` prefixes a
    short one too (a folder whose contents may be long).
    """
    text = os.fspath(path)
    if windows is None:
        windows = sys.platform == "win32"
    if not windows or text.startswith(EXTENDED):
        return text
    if not always and len(text) < MAX_PATH:
        return text
    drive = ntpath.splitdrive(text)[0]
    if not drive or not ntpath.isabs(text):
        return text  # relative, or a POSIX path (tests model Windows on Linux with their own folders)
    normal = ntpath.normpath(text)
    if normal.startswith("\\\\"):  # \\server\share\…
        return EXTENDED_UNC + normal[2:]
    return EXTENDED + normal


def is_sharing_violation(exc: OSError, windows: bool) -> bool:
    return windows and getattr(exc, "winerror", None) in RETRY_WINERRORS


@dataclass
class FileOps:
    """Renames, deletes and the read-only flag on the drive, the Windows way where `windows` says so."""

    windows: bool = field(default_factory=lambda: sys.platform == "win32")
    sleep: Callable[[float], None] = time.sleep
    delays: tuple[float, ...] = RETRY_DELAYS

    # -- primitives (tests replace them to model another OS) --

    def os_unlink(self, path: str) -> None:
        os.unlink(path)

    def os_rmdir(self, path: str) -> None:
        os.rmdir(path)

    def os_rename(self, src: str, dst: str) -> None:
        os.rename(src, dst)

    def os_replace(self, src: str, dst: str) -> None:
        os.replace(src, dst)

    def lstat(self, path: str) -> os.stat_result:
        return os.lstat(self.p(path))

    def is_read_only(self, path: str) -> bool:
        """Windows' read-only attribute (Python shows it as the missing write bits)."""
        return not (self.lstat(path).st_mode & stat.S_IWRITE)

    def set_read_only(self, path: str, read_only: bool) -> None:
        """On Windows the attribute; elsewhere the owner's write bit only (other bits stay)."""
        mode = stat.S_IMODE(self.lstat(path).st_mode)
        if self.windows:
            os.chmod(self.p(path), stat.S_IREAD if read_only else stat.S_IWRITE | stat.S_IREAD)
        else:
            os.chmod(self.p(path), (mode & ~0o222) if read_only else (mode | stat.S_IWUSR))

    # -- what the program calls --

    def p(self, path: str | os.PathLike) -> str:
        return long_path(path, self.windows)

    def under(self, folder: str | os.PathLike) -> str:
        """`folder` prefixed on Windows even when short, so that every path joined below it is."""
        return long_path(folder, self.windows, always=True)

    def retry(self, func: Callable, *args):
        """`func(*args)`, tried again after each of `delays` while Windows reports a sharing violation."""
        for pause in (*self.delays, None):
            try:
                return func(*args)
            except OSError as exc:
                if pause is None or not is_sharing_violation(exc, self.windows):
                    raise
                log.info("%s %s: in use (winerror %s), trying again in %.1f s", getattr(func, "__name__", func),
                         args[0] if args else "", getattr(exc, "winerror", None), pause)
                self.sleep(pause)

    def rename(self, src: str | os.PathLike, dst: str | os.PathLike) -> None:
        self.retry(self.os_rename, self.p(src), self.p(dst))

    def replace(self, src: str | os.PathLike, dst: str | os.PathLike) -> None:
        self.retry(self.os_replace, self.p(src), self.p(dst))

    def rmdir(self, path: str | os.PathLike) -> None:
        self.retry(self.os_rmdir, self.p(path))

    def unlink(self, path: str | os.PathLike) -> None:
        self.retry(self.os_unlink, self.p(path))

    def remove_file(self, path: str | os.PathLike, survivors: Iterable[str | os.PathLike] = ()) -> None:
        """Deletes one file of a generation without making any other link to it writable.

        POSIX: a plain unlink (the file's mode is never touched). Windows: a
        read-only file must be made writable first, which makes every link
        writable; when it had other links, read-only is set again through
        the first of `survivors` that is still the same file (same inode).
        """
        path = os.fspath(path)
        if not self.windows:
            self.unlink(path)
            return
        try:
            info = self.lstat(path)
        except FileNotFoundError:
            return
        if stat.S_ISLNK(info.st_mode) or not self.is_read_only(path):
            self.unlink(path)
            return
        survivor = self._same_file(info, survivors) if info.st_nlink > 1 else None
        self.set_read_only(path, False)
        try:
            self.unlink(path)
        finally:
            if info.st_nlink > 1:
                self._protect_again(path, survivor)

    def _same_file(self, info: os.stat_result, candidates: Iterable[str | os.PathLike]) -> str | None:
        for candidate in candidates:
            try:
                other = self.lstat(os.fspath(candidate))
            except OSError:
                continue
            if (other.st_ino, other.st_dev) == (info.st_ino, info.st_dev) and other.st_ino:
                return os.fspath(candidate)
        return None

    def _protect_again(self, path: str, survivor: str | None) -> None:
        target = survivor if survivor is not None and os.path.lexists(self.p(survivor)) else None
        if target is None and os.path.lexists(self.p(path)):
            target = path  # the unlink failed: the file is still here, and so are its links
        if target is None:
            log.warning("%s had other links; none was found to make read-only again", path)
            return
        try:
            self.set_read_only(target, True)
        except OSError as exc:
            log.warning("could not make %s read-only again: %s", target, exc)


#: The machine's own file operations.
NATIVE = FileOps()
