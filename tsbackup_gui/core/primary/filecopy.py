"""Copying one file with its hash in the same read, linking, and flushing to disk.

Each source byte is read once: it is hashed and written from the same
buffer, so the manifest's hash describes exactly the bytes that were
written. Copies are created read-only (mode 0o444 on a writable descriptor),
which spares a chmod per file.

Durability: on Linux one ``syncfs`` at the end flushes the whole target file
system — the same guarantee as an fsync per file, at a fraction of the cost
for thousands of small files. Elsewhere every file is fsynced while its
descriptor is still open (Windows cannot flush a read-only file later), and
macOS additionally gets one F_FULLFSYNC, because its plain fsync stops at
the drive's cache.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import io
import os
import sys
from concurrent.futures import ThreadPoolExecutor, wait

from tsbackup_gui.core.primary.fileops import long_path

BUFFER = 1 << 20
PIPELINE_MIN = 4 * BUFFER  # below this, a thread hand-off costs more than it saves
WRITEBACK_STEP = 32 * BUFFER
_FADVISE = getattr(os, "POSIX_FADV_DONTNEED", None) if sys.platform.startswith("linux") else None
_O_BINARY = getattr(os, "O_BINARY", 0)
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_UTIME_FD = os.utime in os.supports_fd
_UTIME_LINK = os.utime in os.supports_follow_symlinks
FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


class SourceError(Exception):
    """Reading the source failed (not the target): the entry is skipped, the run goes on."""

    def __init__(self, error: OSError):
        super().__init__(str(error))
        self.error = error

    @property
    def reason(self) -> str:
        return self.error.strerror or str(self.error)


class FileCopier:
    """Copies files for one run, reusing two buffers and, for large files, a hashing thread.

    For a large file the hash of one chunk is computed in a helper thread
    while the same chunk is written and the next one read (hashlib, read and
    write all release the GIL), so hashing costs little extra time. The
    written range is handed to the kernel's writeback early, so the drive
    is busy while we still read and hash.
    """

    def __init__(self, fsync_now: bool):
        self.fsync_now = fsync_now
        self.buffers = (bytearray(BUFFER), bytearray(BUFFER))
        self._pool: ThreadPoolExecutor | None = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def __enter__(self) -> "FileCopier":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def copy(self, src: str, dst: str, atime_ns: int, mtime_ns: int, size_hint: int = 0) -> tuple[str, int]:
        """Copies `src` to the new file `dst` (must not exist); returns (sha256 hex, bytes copied).

        Raises SourceError for source problems and OSError for target problems;
        on either, no `dst` is left behind.
        """
        try:
            sfd = os.open(long_path(src), os.O_RDONLY | _O_BINARY | _O_NOFOLLOW)
        except OSError as exc:
            raise SourceError(exc) from None
        try:
            reader = io.FileIO(sfd, "rb", closefd=True)  # refuses a folder that took the file's place
        except OSError as exc:
            os.close(sfd)
            raise SourceError(exc) from None
        try:
            dfd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o444)
        except BaseException:
            reader.close()
            raise
        digest = hashlib.sha256()
        done = False
        try:
            if size_hint >= PIPELINE_MIN:
                total = self._pump_pipelined(reader, dfd, digest)
            else:
                total = self._pump(reader, dfd, digest)
            if _UTIME_FD:
                os.utime(dfd, ns=(atime_ns, mtime_ns))
            if self.fsync_now:
                os.fsync(dfd)
            done = True
        finally:
            reader.close()
            os.close(dfd)
            if not done:
                try:
                    os.unlink(dst)
                except OSError:
                    pass
        if not _UTIME_FD:
            os.utime(dst, ns=(atime_ns, mtime_ns))
        return digest.hexdigest(), total

    def _pump(self, reader, dfd: int, digest) -> int:
        view = memoryview(self.buffers[0])
        total = 0
        while True:
            n = _read(reader, view)
            if not n:
                return total
            chunk = view[:n]
            digest.update(chunk)
            _write_all(dfd, chunk)
            total += n

    def _pump_pipelined(self, reader, dfd: int, digest) -> int:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tsbackup-hash")
        views = [memoryview(b) for b in self.buffers]
        current = 0
        n = _read(reader, views[current])
        total = flushed = 0
        pending = None
        try:
            while n:
                chunk = views[current][:n]
                pending = self._pool.submit(digest.update, chunk)
                _write_all(dfd, chunk)
                total += n
                if total - flushed >= WRITEBACK_STEP:
                    _start_writeback(dfd, flushed, total - flushed)
                    flushed = total
                following = 1 - current
                n = _read(reader, views[following])
                pending.result()
                pending = None
                current = following
        finally:
            if pending is not None:
                wait([pending])  # the buffer may be reused only once it is hashed
        return total


def _read(reader, view) -> int:
    try:
        return reader.readinto(view) or 0
    except OSError as exc:
        raise SourceError(exc) from None


def _write_all(dfd: int, chunk) -> None:
    written = 0
    size = len(chunk)
    while written < size:
        written += os.write(dfd, chunk[written:])


def _start_writeback(dfd: int, offset: int, length: int) -> None:
    """Asks the kernel to start writing this range now (does not wait; a hint only)."""
    if _FADVISE is not None:
        try:
            os.posix_fadvise(dfd, offset, length, _FADVISE)
        except OSError:
            pass


def write_new_file(path: str, data: bytes, fsync_now: bool) -> None:
    """Writes a file that must not exist yet (the manifest inside the partial folder). No temp file
    and rename: the whole partial folder is renamed later. Without `fsync_now` the caller's
    `flush_tree` makes it durable with the rest (on Linux one syncfs instead of two more fsyncs,
    each of which exfat-fuse turns into a flush of the whole drive)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o644)
    try:
        _write_all(fd, memoryview(data))
        if fsync_now:
            os.fsync(fd)
    finally:
        os.close(fd)


def copy_file(src: str, dst: str, atime_ns: int, mtime_ns: int, fsync_now: bool) -> tuple[str, int]:
    """One file, without a run around it (see FileCopier.copy)."""
    with FileCopier(fsync_now) as copier:
        return copier.copy(src, dst, atime_ns, mtime_ns, os.path.getsize(src) if os.path.isfile(src) else 0)


def try_link(existing: str, new: str) -> bool:
    """Hard-links `new` to `existing`; False when the file system or the old file says no.

    A full disk is not a reason to fall back to copying: that error is raised.
    """
    try:
        os.link(existing, new)
        return True
    except NotImplementedError:
        return False
    except OSError as exc:
        if exc.errno in FULL_ERRNOS:
            raise
        return False


def make_symlink(target: str, dst: str, atime_ns: int, mtime_ns: int) -> None:
    os.symlink(target, dst)
    if _UTIME_LINK:
        try:
            os.utime(dst, ns=(atime_ns, mtime_ns), follow_symlinks=False)
        except OSError:
            pass  # some file systems keep no times on links; the link itself is what counts


def _load_syncfs():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        func = libc.syncfs
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_int]
    func.restype = ctypes.c_int
    return func


_SYNCFS = _load_syncfs()


def per_file_fsync() -> bool:
    """Whether files must be fsynced one by one (no syncfs on this system)."""
    return _SYNCFS is None


def flush_tree(root: str, folders: list[str]) -> None:
    """Makes everything written under `root` durable (see the module text)."""
    if _SYNCFS is not None:
        fd = os.open(root, os.O_RDONLY)
        try:
            if _SYNCFS(fd) != 0:
                err = ctypes.get_errno()
                raise OSError(err, os.strerror(err), root)
        finally:
            os.close(fd)
        return
    for folder in folders:
        fsync_path(folder)
    if sys.platform == "darwin":
        _full_fsync(root)


def fsync_path(path: str) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open folders; NTFS journals their entries
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF, errno.EACCES):
            raise
    finally:
        os.close(fd)


def _full_fsync(path: str) -> None:
    import fcntl

    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.fcntl(fd, getattr(fcntl, "F_FULLFSYNC", 51))
    except OSError:
        pass
    finally:
        os.close(fd)
