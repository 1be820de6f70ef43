"""Restore: a primary generation or an off-site snapshot back into an empty folder, checked.

Both paths end the same way: ``DIR/timeSensor DataFiles/`` (and
``DIR/4D Backup/`` where the backup has one) plus the backup's
``tsbackup-manifest.json`` as the record of what was restored, then every
file is compared with that manifest. Only an empty (or new) DIR is accepted,
so a restore can never mix with or overwrite live data.

Work happens in a hidden staging folder inside DIR and is moved into place
only when the copy or restic's restore finished; a failure removes the
staging folder and leaves DIR as empty as it was. Restored files are
ordinary writable files (a generation's are read-only on purpose), with
their original mtimes.

Exit codes when restoring from restic: wrong password, no repository or no
such snapshot 2, target unreachable 4, locked by another restic process 6,
and anything else restic reports while reading the backup 5 (the backup
could not be read back, which is what verification failing means). restic
resolves ``latest`` and id prefixes itself: a separate listing would cost
another key derivation (half a second or more) for nothing.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from datetime import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.primary.manifest import Manifest
from tsbackup_gui.core.primary.treeops import remove_tree_quietly
from tsbackup_gui.core.restic.driver import Restic
from tsbackup_gui.core.restic.errors import ResticError, display_repo
from tsbackup_gui.core.restore.copy_tree import Cancelled, copy_tree
from tsbackup_gui.core.restore.names import give_back_names
from tsbackup_gui.core.restore.verify import (
    ARCHIVE_DIR, DATA_DIR, MANIFEST_NAME, Mismatch, normalise_permissions, verify_tree,
)

log = logging.getLogger(__name__)

STAGING_NAME = ".tsbackup-restore-partial"

TARGET_NOT_EMPTY = define(
    "restore.target_not_empty",
    QT_TRANSLATE_NOOP("core", "The folder {path} is not empty. Restore into a new or empty folder; nothing was changed."),
)
TARGET_NOT_FOLDER = define(
    "restore.target_not_folder",
    QT_TRANSLATE_NOOP("core", "{path} is a file, not a folder. Name a new or empty folder to restore into."),
)
TARGET_UNWRITABLE = define(
    "restore.target_unwritable",
    QT_TRANSLATE_NOOP("core", "The folder {path} cannot be written ({reason}). Choose a folder you may write to."),
)
NO_MANIFEST = define(
    "restore.no_manifest",
    QT_TRANSLATE_NOOP(
        "core",
        "The backup {backup} has no readable manifest, so the restored files cannot be checked ({reason}). Try another backup.",
    ),
)
MISMATCH_ONE = define(
    "restore.mismatch",
    QT_TRANSLATE_NOOP(
        "core",
        "The restored file {path} does not match the backup's manifest ({problem}). The files are in {to}; "
        "do not use them, try an older backup.",
    ),
)
MISMATCH_MANY = define(
    "restore.mismatches",
    QT_TRANSLATE_NOOP(
        "core",
        "{count} restored items do not match the backup's manifest; the first is {path} ({problem}). The files are in "
        "{to}; do not use them, try an older backup.",
    ),
)
COPY_FAILED = define(
    "restore.copy_failed",
    QT_TRANSLATE_NOOP("core", "The restore stopped while copying {path} ({reason}). The folder {to} was left empty."),
)
NO_SNAPSHOT = define(
    "restore.no_snapshot",
    QT_TRANSLATE_NOOP("core", "The off-site backup at {repo} holds no snapshot to restore."),
)
NO_SNAPSHOT_OF_HOST = define(
    "restore.no_snapshot_of_host",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site backup at {repo} holds no snapshot of the computer {host}. It holds snapshots of: {hosts}. "
        "Give one of these names with --host.",
    ),
)
SNAPSHOT_NOT_FOUND = define(
    "restore.snapshot_not_found",
    QT_TRANSLATE_NOOP("core", "The off-site backup at {repo} has no snapshot {snapshot}. Run 'restic snapshots' to list them."),
)
CANCELLED = define(
    "restore.cancelled",
    QT_TRANSLATE_NOOP("core", "The restore was cancelled. The unfinished copy was removed; your current data was not touched."),
)
RESTORED = define(
    "restore.done",
    QT_TRANSLATE_NOOP("core", "Files restored: {files} ({size}), from {backup} into {to}; every file matches the backup's manifest."),
)

RESTORED_SNAPSHOT = define(
    "restore.done_snapshot",
    QT_TRANSLATE_NOOP(
        "core",
        "Files restored: {files} ({size}), from the off-site copy of {when} (snapshot {backup}) into {to}; every "
        "file matches the backup's manifest.",
    ),
)

RESTORED_KEEPING_NAMES = define(
    "restore.kept_safe_names",
    QT_TRANSLATE_NOOP(
        "core",
        "{restored} {count} file(s) keep their safe names, because this folder cannot hold their original names "
        "(the first: {example}); the file HOW-TO-RESTORE.txt on the backup drive explains the safe names.",
    ),
)

_RESTORE_EXIT = {
    "offsite.wrong_password": Exit.USAGE,
    "offsite.no_repository": Exit.USAGE,
    "offsite.unreachable": Exit.TARGET_UNAVAILABLE,
    "offsite.locked": Exit.RUN_IN_PROGRESS,
}


@dataclass
class RestoreReport:
    source: str  # "primary" or "secondary"
    backup: str  # generation id or snapshot id
    to: Path
    files: int = 0
    bytes: int = 0
    dirs: int = 0
    symlinks: int = 0
    seconds: float = 0.0
    mismatches: list[Mismatch] = field(default_factory=list)
    backup_time: str | None = None  # when the backed-up copy was made (the manifest's end, UTC)
    kept_names: list[str] = field(default_factory=list)  # original paths left under their safe names here

    @property
    def verified(self) -> bool:
        return not self.mismatches

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source, "backup": self.backup, "to": str(self.to), "files": self.files,
            "bytes": self.bytes, "dirs": self.dirs, "symlinks": self.symlinks, "seconds": round(self.seconds, 3),
            "verified": self.verified, "mismatches": [m.to_json() for m in self.mismatches],
            "backup_time": self.backup_time, "kept_safe_names": list(self.kept_names),
        }


class RestoreVerifyError(UserError):
    """The restore finished but the files do not match the manifest (exit 5); the report is attached."""

    def __init__(self, message: Message, report: RestoreReport):
        super().__init__(message, Exit.VERIFY_FAILED)
        self.report = report


def check_target(to: Path) -> None:
    """Refuses anything but a new or empty folder, before anything is touched (exit 2)."""
    to = Path(to)
    if to.is_symlink() and not to.exists() or to.exists() and not to.is_dir():
        raise UserError(TARGET_NOT_FOLDER(path=str(to)), Exit.USAGE)
    if to.is_dir():
        try:
            with os.scandir(to) as listing:
                if next(listing, None) is not None:
                    raise UserError(TARGET_NOT_EMPTY(path=str(to)), Exit.USAGE)
        except OSError as exc:
            raise UserError(TARGET_UNWRITABLE(path=str(to), reason=exc.strerror or str(exc)), Exit.USAGE) from None


def _staging(to: Path) -> tuple[Path, Path | None]:
    """The staging folder inside ``to``, and the outermost folder this call created (to undo on failure)."""
    check_target(to)
    created = None
    probe = to
    while not probe.exists() and probe.parent != probe:
        created = probe
        probe = probe.parent
    try:
        to.mkdir(parents=True, exist_ok=True)
        staging = to / STAGING_NAME
        staging.mkdir()
    except OSError as exc:
        raise UserError(TARGET_UNWRITABLE(path=str(to), reason=exc.strerror or str(exc)), Exit.USAGE) from None
    return staging, created


def _abandon(staging: Path, to: Path, created: Path | None) -> None:
    """After a failure: the staging folder goes, and so do the (empty) folders this restore created."""
    remove_tree_quietly(staging)
    if created is None:
        return
    folder = to
    while True:
        try:
            folder.rmdir()
        except OSError:
            return
        if folder == created or folder.parent == folder:
            return
        folder = folder.parent


def _finish(staging: Path, to: Path, report: RestoreReport, manifest: Manifest) -> RestoreReport:
    """Permissions back to normal, staged items into place, then the check against the manifest."""
    normalise_permissions(staging)
    report.kept_names = give_back_names(staging, manifest)  # a name this folder cannot hold keeps its safe name
    for name in sorted(os.listdir(staging)):
        os.rename(staging / name, to / name)
    staging.rmdir()
    counts, report.mismatches = verify_tree(to, manifest, kept=set(report.kept_names))
    report.files, report.bytes, report.dirs, report.symlinks = counts.files, counts.bytes, counts.dirs, counts.symlinks
    if report.mismatches:
        first = report.mismatches[0]
        if len(report.mismatches) == 1:
            message = MISMATCH_ONE(path=first.path, problem=first.problem_message(), to=str(to))
        else:
            message = MISMATCH_MANY(count=len(report.mismatches), path=first.path, problem=first.problem_message(), to=str(to))
        log.warning("restore of %s: %d mismatches, first %s (%s)", report.backup, len(report.mismatches), first.path, first.problem)
        raise RestoreVerifyError(message, report)
    return report


def read_manifest(path: Path, backup: str) -> Manifest:
    try:
        return Manifest.read(path)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise UserError(NO_MANIFEST(backup=backup, reason=reason), Exit.VERIFY_FAILED) from None


def restore_from_primary(generation_path: Path, to: Path, cancel: threading.Event | None = None) -> RestoreReport:
    """Copies one generation (data, 4D archives, manifest) into the empty folder ``to`` and checks it.
    A set ``cancel`` stops it between two files (a large data file can take minutes on a USB drive)."""
    generation_path = Path(generation_path)
    to = Path(to).absolute()
    check_target(to)
    manifest = read_manifest(generation_path / MANIFEST_NAME, generation_path.name)
    started = time.monotonic()
    staging, created = _staging(to)
    report = RestoreReport("primary", generation_path.name, to, backup_time=manifest.ended)
    current = str(generation_path)
    try:
        for name in (DATA_DIR, ARCHIVE_DIR):
            if (generation_path / name).is_dir():
                current = str(generation_path / name)
                copy_tree(generation_path / name, staging / name, cancel)
        current = str(generation_path / MANIFEST_NAME)
        # as the files: bytes and times only (copy2 also reads extended attributes, which some
        # network drives' clients cannot list: smbnetfs answers EIO)
        shutil.copyfile(generation_path / MANIFEST_NAME, staging / MANIFEST_NAME)
        st = os.stat(generation_path / MANIFEST_NAME)
        os.utime(staging / MANIFEST_NAME, ns=(st.st_atime_ns, st.st_mtime_ns))
    except Cancelled:
        _abandon(staging, to, created)
        raise UserError(CANCELLED(), Exit.WARNING) from None
    except OSError as exc:
        _abandon(staging, to, created)
        where = exc.filename or current
        raise UserError(COPY_FAILED(path=str(where), reason=exc.strerror or str(exc), to=str(to)), Exit.USAGE) from None
    except BaseException:
        _abandon(staging, to, created)
        raise
    try:
        return _finish(staging, to, report, manifest)
    finally:
        report.seconds = time.monotonic() - started


def restore_from_snapshot(restic: Restic, snapshot_id: str, to: Path, host: str | None = None,
                          tags: Iterable[str] | None = None, cancel: threading.Event | None = None) -> RestoreReport:
    """restic's restore of one snapshot (``latest`` of ``host``/``tags``, or an id prefix) into the empty
    folder ``to``, then the check against the manifest inside it."""
    to = Path(to).absolute()
    check_target(to)
    started = time.monotonic()
    staging, created = _staging(to)
    try:
        restored = restic.restore(snapshot_id, staging, cancel=cancel, host=host,
                                  tags=tags if snapshot_id == "latest" else None)
    except ResticError as error:
        _abandon(staging, to, created)
        raise _for_restore(error, restic, snapshot_id, host) from None
    except BaseException:
        _abandon(staging, to, created)
        raise
    shown = (restored or snapshot_id)[:8]
    report = RestoreReport("secondary", shown, to)
    try:
        manifest = read_manifest(staging / MANIFEST_NAME, shown)
    except UserError:
        normalise_permissions(staging)
        for name in sorted(os.listdir(staging)):
            os.rename(staging / name, to / name)
        staging.rmdir()
        raise
    report.backup_time = manifest.ended
    try:
        return _finish(staging, to, report, manifest)
    finally:
        report.seconds = time.monotonic() - started


def _for_restore(error: ResticError, restic: Restic, snapshot_id: str, host: str | None = None) -> UserError:
    detail = error.detail.lower()
    repo = display_repo(restic.repo)
    if "no matching id found" in detail:
        return UserError(SNAPSHOT_NOT_FOUND(repo=repo, snapshot=snapshot_id), Exit.USAGE)
    if error.code == "offsite.failed" and ("no snapshot found" in detail or "no snapshot matched" in detail
                                           or "snapshot for criteria not found" in detail):
        hosts = _hosts(restic) if host else []
        if hosts:  # a typo in --host, or the old computer's name: say which names there are
            return UserError(NO_SNAPSHOT_OF_HOST(repo=repo, host=host, hosts=", ".join(hosts)), Exit.USAGE)
        return UserError(NO_SNAPSHOT(repo=repo), Exit.USAGE)
    code = _RESTORE_EXIT.get(error.code, Exit.VERIFY_FAILED)
    if error.code.startswith("restic."):
        code = Exit.USAGE  # restic missing or too old
    if error.code == "offsite.cancelled":
        code = Exit.WARNING
    return type(error)(error.message, code, returncode=error.returncode, detail=error.detail)


def _hosts(restic: Restic) -> list[str]:
    """The computers the repository holds snapshots of (one more listing, only after a miss)."""
    try:
        return sorted({snapshot.hostname for snapshot in restic.snapshots() if snapshot.hostname})
    except ResticError:
        return []


def restored_message(report: RestoreReport) -> Message:
    from tsbackup_gui.core.primary.space import human_size

    size = human_size(report.bytes)
    when = _local_minute(report.backup_time) if report.source == "secondary" else None
    if when is not None:  # a snapshot id says nothing to a person: the day it was made does
        said = RESTORED_SNAPSHOT(files=report.files, size=size, when=when, backup=report.backup, to=str(report.to))
    else:
        said = RESTORED(files=report.files, size=size, backup=report.backup, to=str(report.to))
    if report.kept_names:
        return RESTORED_KEEPING_NAMES(restored=said, count=len(report.kept_names), example=report.kept_names[0])
    return said


def _local_minute(value: str | None) -> str | None:
    from tsbackup_gui.core.clock import minute_text

    try:
        moment = datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
    return minute_text(moment.astimezone()) if moment is not None and moment.tzinfo is not None else None
