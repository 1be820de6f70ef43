"""One run at a time: exclusive, non-blocking OS file locks.

The lock is held by the operating system for an open file, so it vanishes
with the process that holds it — also after kill -9 or a power cut — and a
stale lock file never blocks the next run. The file itself stays where it is:
deleting it on release would let a third process lock a different inode
while a second one still waits on the old one.

Two locks guard a run: one in the state dir (one run per user and computer:
tray, "Back up now" and the OS task share it) and one in `<computer>/` on the
target (a second setup or a second computer writing the same folder).
"""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define

log = logging.getLogger(__name__)

ANOTHER_RUN = define(
    "run.another_running",
    QT_TRANSLATE_NOOP("core", "Another backup is running. Wait until it has finished, then try again."),
)
ANOTHER_RUN_ON_TARGET = define(
    "run.another_running_on_target",
    QT_TRANSLATE_NOOP(
        "core",
        "Another backup is writing to {folder} right now (from this or another computer). Wait until it has finished, then try again.",
    ),
)
LOCK_FAILED = define(
    "run.lock_failed",
    QT_TRANSLATE_NOOP("core", "The lock file {path} cannot be created ({reason}). Check that the folder is writable."),
)

TARGET_LOCK_NAME = ".tsbackup-lock"

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLK):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        except OSError:
            pass


class LockBusy(Exception):
    """Somebody else holds the lock."""


class FileLock:
    """An exclusive lock on one file, taken without waiting.

    flock locks belong to the open file, so a second `FileLock` on the same
    path conflicts even inside the same process — which is what lets tests
    and `History` ask "is a run alive?" by simply trying.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Takes the lock or raises `LockBusy` at once; OSError when the file cannot be opened."""
        if self._fd is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            locked = _try_lock(fd)
        except BaseException:
            os.close(fd)
            raise
        if not locked:
            os.close(fd)
            raise LockBusy(str(self.path))
        self._fd = fd
        self._write_owner(fd)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        _unlock(fd)
        os.close(fd)

    def __enter__(self) -> "FileLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    @staticmethod
    def _write_owner(fd: int) -> None:
        """The pid, for a person looking at the file; nothing reads it back."""
        if os.name == "nt":  # the locked byte cannot be rewritten there
            return
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except OSError:
            pass


def is_free(path: Path) -> bool:
    """True when nobody holds the lock at `path` right now (a missing file is free)."""
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return True  # missing or unreadable: nobody can hold it through this file
    try:
        if not _try_lock(fd):
            return False
        _unlock(fd)
        return True
    except OSError:
        return True
    finally:
        os.close(fd)


def state_lock(path: Path) -> FileLock:
    """Takes the state-dir lock of this user or raises `UserError` (exit 6 when busy)."""
    lock = FileLock(path)
    try:
        lock.acquire()
    except LockBusy:
        raise UserError(ANOTHER_RUN(), Exit.RUN_IN_PROGRESS) from None
    except OSError as exc:
        raise UserError(LOCK_FAILED(path=str(path), reason=exc.strerror or str(exc)), Exit.USAGE) from None
    return lock


def target_lock(computer_dir: Path) -> FileLock | None:
    """Takes the lock in `<computer>/` on the target, or raises `UserError` (exit 6 when busy).

    Some network shares do not support locks at all (ENOLCK, EOPNOTSUPP); the
    state-dir lock still keeps this computer's runs single there, so the run
    goes on without the target lock (None) instead of failing every night.
    """
    path = Path(computer_dir) / TARGET_LOCK_NAME
    lock = FileLock(path)
    try:
        lock.acquire()
    except LockBusy:
        raise UserError(ANOTHER_RUN_ON_TARGET(folder=str(computer_dir)), Exit.RUN_IN_PROGRESS) from None
    except OSError as exc:
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)):
            log.warning("file system at %s has no locks (%s); going on without the target lock", path, exc)
            return None
        raise UserError(LOCK_FAILED(path=str(path), reason=exc.strerror or str(exc)), Exit.TARGET_UNAVAILABLE) from None
    return lock
