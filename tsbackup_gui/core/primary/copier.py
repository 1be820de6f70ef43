"""One new generation: scan, check space, copy or link, flush, rename.

The order is what makes a generation trustworthy:

1. the drive marker is checked (only read), then the guard's ``before()``;
   nothing is written before both said yes;
2. leftovers of an interrupted run (``.partial-*``) are removed, never resumed;
3. the source is scanned once; the free-space check counts only what cannot
   be hard-linked (or everything, where links do not work), and refuses
   before the first byte is written;
4. everything is copied into ``.partial-<id>/`` (see treecopy): each file
   hashed in the same read that copies it, or — when unchanged since the
   previous generation, not marked damaged and not a live database file —
   hard-linked from it, its hash taken from that manifest; copies are
   created read-only, folders get their mtimes after their contents and
   are made read-only last — on drives that can hold read-only bits at
   all (FAT32 and exFAT cannot: tried once per run, see
   ``treeops.read_only_support``; the result says so in ``read_only``);
5. the guard's ``after(entries)`` may still throw the copy away;
6. manifest, flush to disk, atomic rename to ``<id>``, fsync of the parent.

Any failure on the way deletes the partial folder (best effort; the next run
finishes the job) and is reported as one sentence with exit code 4 (target)
or the guard's own error. A source file that cannot be read does not stop
the run: it is recorded in the manifest with a ``skipped_reason`` and
reported as a warning (exit 1 for the run), because a backup of everything
else is worth more than none. A live database file that 4D keeps locked is
reported with its own message (it is covered by the 4D archive).
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable, Iterable

from tsbackup_gui.core.store.config import fsync_dir
from tsbackup_gui.core.faults import checkpoint
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import Message, QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.primary.filecopy import FULL_ERRNOS
from tsbackup_gui.core.primary.fileops import NATIVE
from tsbackup_gui.core.primary.generations import (
    PARTIAL_PREFIX, Generation, generation_folders, list_generations, new_generation_id, remove_partials, utc_text,
)
from tsbackup_gui.core.primary.manifest import MANIFEST_NAME, Entry, Manifest
from tsbackup_gui.core.primary.safenames import compare_key
from tsbackup_gui.core.primary.scan import Item, scan_tree
from tsbackup_gui.core.primary.space import (
    block_size, bytes_needed, check_file_size_limit, check_space, filesystem_type, links_work,
)
from tsbackup_gui.core.primary.target import Target, privacy_message, refresh_how_to_restore
from tsbackup_gui.core.primary.treecopy import Guard, TreeCopy, Warnings
from tsbackup_gui.core.primary.treeops import READ_ONLY_NONE, read_only_support, remove_tree_quietly

log = logging.getLogger(__name__)

DATA_DIR = "timeSensor DataFiles"

SOURCE_MISSING = define(
    "primary.source_missing",
    QT_TRANSLATE_NOOP("core", "The data folder {path} cannot be found. Check that the drive holding it is connected, or run the setup again with the right folder."),
)
SOURCE_UNREADABLE = define(
    "primary.source_unreadable",
    QT_TRANSLATE_NOOP("core", "The data folder {path} cannot be read ({reason}). Check that this user may read it."),
)
EXTRA_MISSING = define(
    "primary.extra_missing",
    QT_TRANSLATE_NOOP("core", "The folder {path} cannot be read ({reason}), so it is not part of this backup."),
)
TARGET_INSIDE_SOURCE = define(
    "primary.target_inside_source",
    QT_TRANSLATE_NOOP("core", "The backup folder {path} lies inside the data folder {source}. Choose a backup drive outside the data folder and run the setup again."),
)
TARGET_FULL = define(
    "primary.target_full",
    QT_TRANSLATE_NOOP("core", "The backup drive is full ({path}). The unfinished backup was removed and the older backups are untouched; free space on the drive or connect a bigger one."),
)
TARGET_GONE = define(
    "primary.target_gone",
    QT_TRANSLATE_NOOP("core", "Connect the backup drive: {path} disappeared during the backup. The older backups on it are untouched."),
)
TARGET_WRITE_FAILED = define(
    "primary.target_write_failed",
    QT_TRANSLATE_NOOP("core", "The backup drive {path} cannot be written to ({reason}). The unfinished backup was removed; check the drive and try again."),
)
SAFE_NAMES = define(
    "primary.safe_names",
    QT_TRANSLATE_NOOP("core", "{count} names cannot be stored as they are on every backup drive, so they were stored under a safe name: {names}. Nothing is lost: the backup's manifest keeps the original names and every restore gives them back."),
)
# The safe-name warning names this many files; the manifest lists them all (entries with "stored").
SAFE_NAMES_NAMED = 10

TARGET_WRITE_FAILED_LEFT = define(
    "primary.target_write_failed_left",
    QT_TRANSLATE_NOOP("core", "The backup drive {path} cannot be written to ({reason}). The unfinished backup could not be removed yet; it is never shown as a backup and the next backup removes it. Check the drive and try again."),
)

TARGET_LOST_FILES = define(
    "primary.target_lost_files",
    QT_TRANSLATE_NOOP("core", "The backup drive {path} lost the new backup's files when its folder was renamed, so no backup was kept. The drive or its driver is faulty: use another drive."),
)


@dataclass
class GenerationResult:
    generation: Generation
    files: int
    bytes: int
    linked: int
    copied: int
    warnings: list[Message]
    previous: Generation | None = None  # the generation files were linked from (for the mass-change check)
    removed_partials: list[Path] = field(default_factory=list)
    read_only: bool = True  # False: the drive cannot protect generations against overwriting


def make_generation(
    source: Path,
    target: Target,
    *,
    setup_id: str,
    computer: str,
    now: datetime,
    verdict: str = "consistent",
    guard: Guard | None = None,
    progress: Callable[[dict[str, Any]], None] | None = None,
    extra_sources: Iterable[tuple[Path, str]] = (),
    live_predicate: Callable[[Path], bool] | None = None,
    damaged: set[str] | frozenset[str] = frozenset(),
    previous: Generation | None | str = "auto",
    exclude: Callable[[Path], bool] | None = None,
) -> GenerationResult:
    """Makes one finished generation of `source` (plus `extra_sources`) on `target`.

    `now` is the run's start as the injectable clock gives it (local time; it
    names the generation). `live_predicate(path)` tells which source files are
    live database files. `damaged` holds manifest paths that must be copied
    afresh, never linked. `previous="auto"` links from the newest generation.
    `exclude(path)` leaves a source file or folder (absolute path) out of the
    generation entirely: a 4D archive still being written is not copied as if whole.
    """
    started_at = time.monotonic()
    start = now if now.tzinfo is not None else now.astimezone()
    if _inside(target.computer_dir, Path(source)):
        raise UserError(TARGET_INSIDE_SOURCE(path=str(target.primary), source=str(source)), Exit.USAGE)
    target.require_marker(setup_id)
    checkpoint("marker.checked")
    if guard is not None:
        guard.before()
    checkpoint("guard.before")
    try:
        removed = remove_partials(target)
        checkpoint("partials.removed")
        refresh_how_to_restore(target)  # a drive set up by an older version gets today's text
        if previous == "auto":
            listed = list_generations(target)
            previous = listed[-1] if listed else None
        read_only = read_only_support(target.computer_dir)
    except OSError as exc:
        raise _target_error(exc, target) from None

    warnings = Warnings()
    items = _scan_all(Path(source), list(extra_sources), warnings.add, live_predicate)
    if exclude is not None:
        items = _without(items, exclude)
    link_from = _plan_links(items, previous, damaged, target)
    checkpoint("scan.done")

    names = {p.name for p in _listdir(target.computer_dir)}
    existing = names | {n[len(PARTIAL_PREFIX):] for n in names if n.startswith(PARTIAL_PREFIX)}
    gen_id = new_generation_id(now, existing)
    partial = target.computer_dir / f"{PARTIAL_PREFIX}{gen_id}"
    final = target.computer_dir / gen_id
    run = TreeCopy(partial, items, link_from, previous, warnings, progress, guard, read_only)
    try:
        os.mkdir(partial)
        checkpoint("partial.created")
        entries = run.copy_all()
        _warn_safe_names(entries, previous, warnings)
        run.progress.checking()  # the copy is done; what follows (guard, manifest, renaming) checks and seals it
        if guard is not None:
            guard.after(entries)
        checkpoint("guard.after")
        ended = start + timedelta(seconds=time.monotonic() - started_at)
        manifest = _manifest(gen_id, setup_id, computer, source, verdict, start, ended, entries, run, warnings)
        run.finish(manifest)
        checkpoint("manifest.written")
        NATIVE.rename(partial, final)  # retried while a virus scanner holds a new file
        fsync_dir(target.computer_dir)
        checkpoint("renamed")
        if not os.path.exists(final / MANIFEST_NAME):  # one stat: a driver that loses a renamed folder's contents
            remove_tree_quietly(final)
            raise UserError(TARGET_LOST_FILES(path=str(target.primary)), Exit.TARGET_UNAVAILABLE)
    except UserError:
        remove_tree_quietly(partial, survivors_in=generation_folders(target))
        raise
    except OSError as exc:
        # a read-only drive keeps it: the sentence must not say otherwise
        removed = remove_tree_quietly(partial, survivors_in=generation_folders(target))
        raise _target_error(exc, target, removed) from None
    except BaseException:
        remove_tree_quietly(partial, survivors_in=generation_folders(target))
        raise
    log.info("generation %s: %d files, %d bytes, %d linked, %d copied, %d warnings, %.1f s",
             gen_id, manifest.files, manifest.bytes, manifest.linked, manifest.copied, len(warnings.all),
             time.monotonic() - started_at)
    generation = Generation(gen_id, final, manifest)
    return GenerationResult(generation, manifest.files, manifest.bytes, manifest.linked, manifest.copied,
                            warnings.for_result(), previous, removed, read_only != READ_ONLY_NONE)


def _scan_all(source: Path, extra_sources, warn, live_predicate) -> list[Item]:
    try:
        items = scan_tree(source, DATA_DIR, warn, live_predicate)
    except FileNotFoundError:
        raise UserError(SOURCE_MISSING(path=str(source)), Exit.USAGE) from None
    except NotADirectoryError:
        raise UserError(SOURCE_MISSING(path=str(source)), Exit.USAGE) from None
    except OSError as exc:
        raise UserError(SOURCE_UNREADABLE(path=str(source), reason=exc.strerror or str(exc)), Exit.USAGE) from None
    labels = {DATA_DIR}
    for folder, label in extra_sources:
        if not label or "/" in label or "\\" in label or label.startswith(".") or label in labels or label == MANIFEST_NAME:
            raise ValueError(f"bad or repeated label for an extra source: {label!r}")
        labels.add(label)
        try:
            items.extend(scan_tree(Path(folder), label, warn, live_predicate))
        except OSError as exc:
            warn(EXTRA_MISSING(path=str(folder), reason=exc.strerror or str(exc)))
    return items


def _without(items: list[Item], exclude: Callable[[Path], bool]) -> list[Item]:
    """The scanned items minus the excluded ones and everything below an excluded folder.

    The roots (the data folder, each extra source) are always kept.
    """
    kept: list[Item] = []
    cut: set[str] = set()  # rels of excluded folders (a folder is scanned before its contents)
    for item in items:
        parent = item.rel.rpartition("/")[0]
        if parent in cut:
            if item.kind == "dir":
                cut.add(item.rel)
            continue
        if parent and exclude(Path(item.src)):
            if item.kind == "dir":
                cut.add(item.rel)
            continue
        kept.append(item)
    return kept


def _plan_links(items: list[Item], previous: Generation | None, damaged, target: Target) -> dict[str, Entry]:
    """Which files can be linked, and whether everything else fits on the drive."""
    files = [i for i in items if i.kind == "file"]
    link_from: dict[str, Entry] = {}
    try:
        if previous is not None and links_work(target.computer_dir):
            known = {e.path: e for e in previous.manifest.entries if e.type == "file"}
            by_key = _unique_by_key(known.values())
            for item in files:
                entry = known.get(item.rel) or by_key.get(compare_key(item.rel))
                # live files are always copied: while the database holds them open,
                # their mtime can lag behind their writes (NTFS directory entries)
                if (entry is not None and entry.sha256 and entry.skipped_reason is None
                        and entry.size == item.size and entry.mtime_ns == item.mtime_ns
                        and item.rel not in damaged and not item.live):
                    link_from[item.rel] = entry
        to_copy = [i for i in files if i.rel not in link_from]
        check_file_size_limit(filesystem_type(target.computer_dir), ((i.src, i.size) for i in to_copy), target.primary)
        needed = bytes_needed([i.size for i in to_copy], len(items) - len(to_copy), block_size(target.computer_dir))
        check_space(target.computer_dir, needed, target.primary)
    except OSError as exc:
        raise _target_error(exc, target) from None
    return link_from


def _unique_by_key(entries: Iterable[Entry]) -> dict[str, Entry]:
    """Entries by `compare_key` of their path, where that key is unique (older manifests held NFC names)."""
    found: dict[str, Entry | None] = {}
    for entry in entries:
        key = compare_key(entry.path)
        found[key] = None if key in found else entry
    return {k: e for k, e in found.items() if e is not None}


def _warn_safe_names(entries: list[Entry], previous: Generation | None, warnings: Warnings) -> None:
    """One warning naming the files stored under a safe name — only those new since the previous generation."""
    before: set[tuple[str, str]] = set()
    if previous is not None:
        before = {(e.path, e.stored) for e in previous.manifest.entries if e.stored}
    fresh = sorted(e.path for e in entries if e.stored and (e.path, e.stored) not in before)
    if not fresh:
        return
    names = ", ".join(fresh[:SAFE_NAMES_NAMED]) + (", …" if len(fresh) > SAFE_NAMES_NAMED else "")
    log.info("%d names stored under a safe name: %s", len(fresh), fresh)
    warnings.add(SAFE_NAMES(count=len(fresh), names=names))


def _manifest(gen_id, setup_id, computer, source, verdict, start, ended, entries, run: TreeCopy, warnings) -> Manifest:
    entries.sort(key=lambda e: e.path)
    stored = [e for e in entries if e.type == "file" and e.skipped_reason is None]
    return Manifest(
        generation=gen_id, setup_id=setup_id, computer=computer, source=os.path.abspath(source), verdict=verdict,
        started=utc_text(start), ended=utc_text(ended), entries=entries,
        files=len(stored), bytes=sum(e.size for e in stored), linked=run.linked, copied=run.copied,
        warnings=[m.to_json() for m in warnings.all],
    )


def _target_error(exc: OSError, target: Target, removed: bool = True) -> UserError:
    if exc.errno in FULL_ERRNOS:
        return UserError(TARGET_FULL(path=str(target.primary)), Exit.TARGET_UNAVAILABLE)
    if not os.path.exists(target.marker_path):
        return UserError(TARGET_GONE(path=str(target.primary)), Exit.TARGET_UNAVAILABLE)
    privacy = privacy_message(target.primary, exc)
    if privacy is not None:
        return UserError(privacy, Exit.TARGET_UNAVAILABLE)
    kind = TARGET_WRITE_FAILED if removed else TARGET_WRITE_FAILED_LEFT
    return UserError(kind(path=str(target.primary), reason=exc.strerror or str(exc)), Exit.TARGET_UNAVAILABLE)


def _inside(path: Path, folder: Path) -> bool:
    real, base = os.path.realpath(path), os.path.realpath(folder)
    try:
        return os.path.commonpath([real, base]) == base
    except ValueError:
        return False


def _listdir(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []
