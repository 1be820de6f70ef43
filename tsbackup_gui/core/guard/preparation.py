"""What makes a generation's verdict true, decided before the copy starts.

single-user: the database is consistent only while timeSensor LEGAL stays
closed, so the copy runs under the `SingleUserGuard` (before, during, after);
anything it sees throws the generation away with exit 3. The verdict is
``consistent``. The guard only looks: it never closes or kills timeSensor.

server: 4D Server keeps running, so no process guard. The consistent part of
the backup is 4D's own newest archive; it must be complete, finished and
fresh (`fourd.judge`). An archive 4D is still writing is waited for (bounded)
and otherwise left out of the copy, never copied as if whole. The live
database files are copied where readable and marked ``live``; one that 4D
keeps locked is covered by a fresh archive (no warning then). Archives kept
outside the data folder come along as ``4D Backup/``. The copier only reads
the source: nothing of 4D's is ever deleted or moved.
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.guard.single_user import SingleUserGuard
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.rootmap import RootMap, is_dir, is_file

if TYPE_CHECKING:  # 4D's archives matter on a server only: a single-user run never loads them
    from tsbackup_gui.core.fourd.freshness import ArchiveStatus

log = logging.getLogger(__name__)

#: The folder of a generation that holds 4D's archives kept outside the data folder.
ARCHIVE_LABEL = "4D Backup"

ARCHIVE_NOT_OK = define(
    "consistency.archive_not_ok",
    QT_TRANSLATE_NOOP(
        "core",
        "4D's own backup of the database is missing, incomplete or out of date, so this backup holds only a copy of the "
        "running database, which may not be usable. Check the automatic backup in timeSensor Server.",
    ),
)
ARCHIVE_LEFT_OUT = define(
    "consistency.archive_left_out",
    QT_TRANSLATE_NOOP(
        "core",
        "4D was still writing its backup {name}, so it was left out of this backup; the next backup will include it.",
    ),
)


@dataclass
class ArchiveWait:
    """How long a run waits for a 4D archive that is still being written.

    The limit is longer than `fourd.SETTLE_TIME`, so an archive that 4D has
    just finished counts as finished before the run gives up on it. Tests
    inject a limit and a poll of a fraction of a second.
    """

    limit: float = 360.0  # seconds
    poll: float = 10.0
    sleep: Callable[[float], None] = time.sleep
    monotonic: Callable[[], float] = time.monotonic


@dataclass
class Preparation:
    """What the copy of one run needs to make its verdict true."""

    verdict: str
    guard: Any = None
    extra_sources: list[tuple[Path, str]] = field(default_factory=list)
    live_predicate: Callable[[Path], bool] | None = None
    exclude: Callable[[Path], bool] | None = None
    warnings: list[Message] = field(default_factory=list)
    archive: ArchiveStatus | None = None
    left_out: list[Path] = field(default_factory=list)

    def copy_warnings(self, warnings: Iterable[Message]) -> list[Message]:
        """The copier's warnings as the run reports them.

        A live file 4D keeps locked is covered by a fresh, complete archive:
        then it is recorded in the manifest only, not a nightly warning.
        """
        from tsbackup_gui.core.primary.treecopy import LIVE_FILE_LOCKED

        if self.verdict != "archive-ok":
            return list(warnings)
        return [warning for warning in warnings if warning.id != LIVE_FILE_LOCKED.id]

    def event(self) -> dict[str, Any]:
        """The ``consistency`` event of `run --json` (server mode)."""
        status = self.archive
        return {
            "event": "consistency",
            "verdict": self.verdict,
            "archive_dir": str(status.folder) if status is not None and status.folder else None,
            "newest_archive": status.newest.label if status is not None and status.newest else None,
            "archive_age_hours": round(status.age.total_seconds() / 3600, 2) if status is not None and status.age else None,
            "outside_data_dir": bool(self.extra_sources),
            "left_out": [str(path) for path in self.left_out],
        }


def default_guard(config: Config) -> SingleUserGuard | None:
    """single-user: the guard with the configured program names; server: none (4D Server keeps running)."""
    if config.mode == "server":
        return None
    return SingleUserGuard(Path(config.source), config.process_names)


def prepare(
    config: Config,
    *,
    clock,
    guard: Any = None,
    keep_out: Iterable[Path] = (),
    wait: ArchiveWait | None = None,
    emit: Callable[[dict[str, Any]], None] | None = None,
) -> Preparation:
    """The preparation for this setup's mode; ``keep_out`` are folders never copied (the backups themselves)."""
    if config.mode != "server":
        return Preparation("consistent", guard=guard)
    prepared = prepare_server(Path(config.source), clock=clock, wait=wait, keep_out=keep_out, emit=emit)
    prepared.guard = guard
    return prepared


def prepare_server(
    data_dir: Path,
    *,
    clock,
    wait: ArchiveWait | None = None,
    keep_out: Iterable[Path] = (),
    emit: Callable[[dict[str, Any]], None] | None = None,
    mapper: RootMap | None = None,
) -> Preparation:
    """Judges 4D's archives (waiting for one being written) and says what to copy and how to call it."""
    from tsbackup_gui.core.fourd.freshness import STILL_WRITING

    data_dir = Path(os.path.abspath(data_dir))
    mapper = mapper or installation_map(data_dir)
    status, left_out = settle(data_dir, clock=clock, wait=wait or ArchiveWait(), mapper=mapper, emit=emit)
    never = status.schedule.frequency == "never"
    # The newest archive must be whole; one still being written is left out, and then
    # the newest complete, finished one decides (status.ok).
    ok = status.ok and not never and (status.complete or bool(left_out))
    warnings = [reason for reason in status.warnings if not (left_out and reason.id == STILL_WRITING.id)]
    if left_out and status.newest is not None:
        warnings.append(ARCHIVE_LEFT_OUT(name=status.newest.label))
    if not ok:
        warnings.insert(0, ARCHIVE_NOT_OK())
    extra: list[tuple[Path, str]] = []
    if status.folder is not None and status.outside_data_dir and is_dir(status.folder):
        extra.append((status.folder, ARCHIVE_LABEL))
    return Preparation(
        "archive-ok" if ok else "archive-stale",
        extra_sources=extra,
        live_predicate=live_files_of(data_dir),
        exclude=excluder(left_out, keep_out),
        warnings=warnings,
        archive=status,
        left_out=left_out,
    )


def settle(
    data_dir: Path,
    *,
    clock,
    wait: ArchiveWait,
    mapper: RootMap,
    emit: Callable[[dict[str, Any]], None] | None = None,
) -> tuple[ArchiveStatus, list[Path]]:
    """Judges the archives; while the newest one is being written, waits (bounded) for it.

    Returns the last judgement and the files to leave out: the newest set and
    every archive or log file that changed while we waited, when 4D had not
    finished by the end of the wait.
    """
    from tsbackup_gui.core.fourd.freshness import judge

    status = judge(data_dir, clock.now(), mapper)
    if status.newest is None or status.finished or status.folder is None:
        return status, []
    folder = status.folder
    if emit is not None:
        emit({"event": "waiting", "reason": "archive-writing", "archive": status.newest.label,
              "limit_seconds": wait.limit})
    log.info("4D archive %s is still being written; waiting up to %.0f s", status.newest.label, wait.limit)
    before = archive_files(folder)
    changed: set[str] = set()
    deadline = wait.monotonic() + wait.limit
    while True:
        remaining = deadline - wait.monotonic()
        if remaining <= 0:
            break
        wait.sleep(min(wait.poll, remaining))
        after = archive_files(folder)
        moved = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
        changed |= moved
        before = after
        status = judge(data_dir, clock.now(), mapper)
        if status.newest is None:
            return status, []
        if not moved and status.finished:
            return status, []
    left = {str(item.path) for item in status.newest.files} | changed
    log.warning("4D archive %s still being written after %.0f s: left out", status.newest.label, wait.limit)
    return status, sorted(Path(path) for path in left)


def archive_files(folder: Path) -> dict[str, tuple[int, int]]:
    """Every archive and log backup in the folder → (size, mtime_ns): what a writing 4D changes."""
    from tsbackup_gui.core.fourd.archives import ARCHIVE_NAME, LOG_NAME

    found: dict[str, tuple[int, int]] = {}
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if ARCHIVE_NAME.match(entry.name) or LOG_NAME.match(entry.name):
                    try:
                        info = entry.stat()
                    except OSError:
                        continue
                    found[entry.path] = (info.st_size, info.st_mtime_ns)
    except OSError:
        pass
    return found


def live_files_of(data_dir: Path) -> Callable[[Path], bool]:
    """Whether a source file is one of 4D's live database files, judged by its path in the data folder."""
    from tsbackup_gui.core.fourd.freshness import is_live_database_file

    base = os.path.abspath(data_dir)

    def is_live(path: Path) -> bool:
        try:
            rel = os.path.relpath(os.path.abspath(path), base)
        except ValueError:  # another drive
            return False
        if rel == os.curdir or rel == os.pardir or rel.startswith(os.pardir + os.sep):
            return False
        return is_live_database_file(rel)

    return is_live


def excluder(files: Iterable[Path], folders: Iterable[Path] = ()) -> Callable[[Path], bool] | None:
    """A predicate for the copier: these files and folders (with their contents) are not copied."""
    keys = {_key(path) for path in [*files, *folders]}
    if not keys:
        return None
    return lambda path: _key(path) in keys


def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def installation_map(data_dir: Path) -> RootMap:
    """How paths in 4D's files map to this machine.

    A demo (`tsbackup demo DIR`) is a whole installation laid out under DIR,
    so the paths its 4D settings name (`/Applications/...`) live under DIR;
    everywhere else they mean this machine as it is.
    """
    from tsbackup_gui.core.install.demo import MARKER

    for folder in [data_dir, *data_dir.parents]:
        marker = folder / MARKER
        if not is_file(marker):
            continue
        try:
            known = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            break
        if isinstance(known, dict):
            return RootMap(folder, str(known.get("os") or "macos"))
        break
    return RootMap()
