"""The copy loop of one generation and its finishing steps.

Walks the scanned items in order (a folder before its contents), creates
folders, stores links as links, hard-links unchanged files from the previous
generation or copies them with their hash, and tells the guard and the
progress callback how far it got. `finish` then sets folder times after
their contents, makes folders read-only, writes the manifest and flushes
everything to disk. Target errors propagate as OSError: the caller
(copier.make_generation) turns them into one sentence and removes the
partial folder.
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path
from typing import Protocol

from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.faults import checkpoint
from tsbackup_gui.core.messages import Message, QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.primary.fileops import NATIVE
from tsbackup_gui.core.primary.filecopy import (
    FULL_ERRNOS, FileCopier, SourceError, flush_tree, make_symlink, per_file_fsync, try_link, write_new_file,
)
from tsbackup_gui.core.primary.manifest import MANIFEST_NAME, Entry, Manifest
from tsbackup_gui.core.primary.scan import Item
from tsbackup_gui.core.primary.treeops import (
    DIR_MODE, FILE_MODE, READ_ONLY_AT_CREATION, READ_ONLY_BY_CHMOD, READ_ONLY_NONE,
)

FILE_UNREADABLE = define(
    "primary.file_unreadable",
    QT_TRANSLATE_NOOP("core", "{path} could not be read ({reason}) and is missing from this backup."),
)
LIVE_FILE_LOCKED = define(
    "primary.live_file_locked",
    QT_TRANSLATE_NOOP("core", "{path} is in use by the database and was not copied; it is covered by the 4D backup archive."),
)
LINK_NOT_STORED = define(
    "primary.link_not_stored",
    QT_TRANSLATE_NOOP("core", "The link {path} could not be stored on the backup drive ({reason})."),
)
MORE_WARNINGS = define(
    "primary.more_warnings",
    QT_TRANSLATE_NOOP("core", "{count} more problems of this backup are listed in its tsbackup-manifest.json."),
)

#: Result messages beyond this many are summarised; the manifest keeps them all.
MAX_WARNINGS = 50
PROGRESS_INTERVAL = 0.2
GUARD_INTERVAL = 0.25
#: A symlink the drive cannot hold (FAT32, exFAT, SMB through smbnetfs: ENOSYS) is a warning, not a failed run.
_LINK_UNSUPPORTED = {errno.EPERM, errno.EINVAL, errno.ENOSYS, getattr(errno, "ENOTSUP", -1), getattr(errno, "EOPNOTSUPP", -1)}


class Guard(Protocol):
    """What the consistency guard offers the copier (see core.guard)."""

    def before(self) -> None: ...  # may raise UserError (exit 3)
    def still_ok(self) -> bool: ...  # cheap; called at most every GUARD_INTERVAL seconds
    def after(self, entries: list[Entry]) -> None: ...  # may raise UserError (exit 3)
    def busy_error(self) -> UserError: ...


class TreeCopy:
    """The copy loop and its finishing steps, with the counters the manifest needs."""

    def __init__(self, partial: Path, items, link_from, previous, warnings, progress, guard,
                 read_only: str = READ_ONLY_AT_CREATION):
        self.partial = partial
        # treeops.read_only_support: "none" (FAT32, exFAT) skips every chmod; "chmod" (a network
        # client that ignores the mode a file is created with) costs one chmod per copied file
        self.read_only = read_only != READ_ONLY_NONE
        self.chmod_files = read_only == READ_ONLY_BY_CHMOD
        self.items = items
        self.link_from = link_from
        # prefixed on Windows (\\?\), so that paths of 260 characters and more below them work
        self.previous_root = NATIVE.under(previous.path) if previous is not None else None
        self.warnings = warnings
        self.guard = guard
        self.folders: list[tuple[str, Item]] = []
        self.linked = 0
        self.copied = 0
        files = [i for i in items if i.kind == "file"]
        self.progress = Progress(progress, len(files), sum(i.size for i in files))

    def _dst(self, base: str, rel: str) -> str:
        return base + os.sep + rel.replace("/", os.sep)

    def copy_all(self) -> list[Entry]:
        with FileCopier(per_file_fsync()) as copier:
            return self._copy_all(copier)

    def _copy_all(self, copier: FileCopier) -> list[Entry]:
        base = NATIVE.under(self.partial)
        entries: list[Entry] = []
        files_done = bytes_done = 0
        next_guard = 0.0
        self.progress.emit(0, 0, "", force=True)
        for item in self.items:
            if self.guard is not None and time.monotonic() >= next_guard:
                if not self.guard.still_ok():
                    raise self.guard.busy_error()
                next_guard = time.monotonic() + GUARD_INTERVAL
            dst = self._dst(base, item.stored or item.rel)
            if item.kind == "dir":
                os.mkdir(dst, 0o755)
                self.folders.append((dst, item))
                entries.append(Entry(item.rel, "dir", 0, item.mtime_ns, None, skipped_reason=item.skipped_reason,
                                     stored=_stored(item)))
            elif item.kind == "symlink":
                entries.append(self._symlink(item, dst))
            else:
                entries.append(self._file(item, dst, copier))
                checkpoint("copy.file")
                files_done += 1
                bytes_done += item.size
                self.progress.emit(files_done, bytes_done, item.rel)
        self.progress.emit(files_done, bytes_done, "", force=True)
        return entries

    def _symlink(self, item: Item, dst: str) -> Entry:
        try:
            make_symlink(item.link_target, dst, item.atime_ns, item.mtime_ns)
        except OSError as exc:
            if exc.errno in FULL_ERRNOS or (exc.errno not in _LINK_UNSUPPORTED and getattr(exc, "winerror", None) is None):
                raise
            self.warnings.add(LINK_NOT_STORED(path=item.src, reason=exc.strerror or str(exc)))
            return Entry(item.rel, "symlink", item.size, item.mtime_ns, None, target=item.link_target,
                         skipped_reason="link not supported by the backup drive", stored=_stored(item))
        return Entry(item.rel, "symlink", item.size, item.mtime_ns, None, target=item.link_target,
                     stored=_stored(item))

    def _file(self, item: Item, dst: str, copier: FileCopier) -> Entry:
        known = self.link_from.get(item.rel)
        if known is not None and try_link(self._dst(self.previous_root, known.on_disk), dst):
            self.linked += 1
            return Entry(item.rel, "file", item.size, item.mtime_ns, known.sha256, live=item.live,
                         stored=_stored(item))
        try:
            digest, size = copier.copy(item.src, dst, item.atime_ns, item.mtime_ns, item.size)
        except SourceError as err:
            if isinstance(err.error, FileNotFoundError):
                reason = "vanished"  # deleted during the run: it no longer exists to be backed up
            elif item.live:
                reason = "locked"
                self.warnings.add(LIVE_FILE_LOCKED(path=item.src))
            else:
                reason = "unreadable"
                self.warnings.add(FILE_UNREADABLE(path=item.src, reason=err.reason))
            return Entry(item.rel, "file", item.size, item.mtime_ns, None, live=item.live, skipped_reason=reason,
                         stored=_stored(item))
        if self.chmod_files:
            os.chmod(dst, FILE_MODE)
        self.copied += 1
        return Entry(item.rel, "file", size, item.mtime_ns, digest, live=item.live, stored=_stored(item))

    def finish(self, manifest: Manifest) -> None:
        """Folder times after their contents, read-only folders (where the drive can), manifest, flush to disk."""
        for dst, item in reversed(self.folders):
            os.utime(dst, ns=(item.atime_ns, item.mtime_ns))
            if self.read_only:
                os.chmod(dst, DIR_MODE)
        manifest_path = self.partial / MANIFEST_NAME
        write_new_file(str(manifest_path), manifest.to_bytes(), per_file_fsync())
        if self.read_only:
            os.chmod(manifest_path, FILE_MODE)
        flush_tree(str(self.partial), [dst for dst, _ in self.folders] + [str(self.partial)])
        if self.read_only:
            os.chmod(self.partial, DIR_MODE)


def _stored(item: Item) -> str | None:
    return item.stored if item.stored and item.stored != item.rel else None


class Warnings:
    def __init__(self):
        self.all: list[Message] = []

    def add(self, message: Message) -> None:
        self.all.append(message)

    def for_result(self) -> list[Message]:
        if len(self.all) <= MAX_WARNINGS:
            return list(self.all)
        return self.all[:MAX_WARNINGS] + [MORE_WARNINGS(count=len(self.all) - MAX_WARNINGS)]


class Progress:
    """Rate-limited progress events; the first and the last are always sent."""

    def __init__(self, callback, files_total: int, bytes_total: int):
        self.callback = callback
        self.files_total = files_total
        self.bytes_total = bytes_total
        self.last = 0.0

    def emit(self, files_done: int, bytes_done: int, current: str, force: bool = False) -> None:
        if self.callback is None:
            return
        moment = time.monotonic()
        if not force and moment - self.last < PROGRESS_INTERVAL:
            return
        self.last = moment
        self.callback({
            "event": "progress", "files_done": files_done, "files_total": self.files_total,
            "bytes_done": bytes_done, "bytes_total": self.bytes_total, "current": current,
        })

    def checking(self) -> None:
        """One event when every file is copied and the new backup is being checked and sealed."""
        if self.callback is not None:
            self.callback({"event": "progress", "stage": "checking", "files_done": self.files_total,
                           "files_total": self.files_total, "bytes_done": self.bytes_total,
                           "bytes_total": self.bytes_total, "current": ""})
