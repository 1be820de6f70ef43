"""The monthly check of the backup drive: the newest generation read again, and compared with the source.

A manifest is written by the very copy it describes, so reading the
generation again against it catches what happened on the drive afterwards
(a flipped bit, a deleted or replaced file) but not a copy that went wrong
on the way. The second look catches that: every source file that has not
changed since the backup (same size and mtime_ns as the manifest recorded)
must still hash to the manifest's value. Live database files are left out
of that comparison: their copy was never meant to be consistent, and 4D
writes them without always moving their time.

A file found damaged is remembered under the state dir (`damaged.json`,
together with the generation it was found in), so the next run copies it
afresh instead of hard-linking the bad copy into the new generation
(`damaged_paths`). A record stops counting once a newer generation exists:
only the newest generation is ever a hard-link source, and that run made
its own copies. A damaged copy is thus never a link source again.
"""

from __future__ import annotations

import logging
import os
import stat
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.primary.generations import Generation
from tsbackup_gui.core.primary.manifest import MANIFEST_NAME, Entry, Manifest
from tsbackup_gui.core.primary.fileops import NATIVE, FileOps
from tsbackup_gui.core.primary.treeops import DIR_MODE, WORK_DIR_MODE, rewrite_read_only
from tsbackup_gui.core.restore.verify import DATA_DIR, PROBLEMS, Mismatch, sha256_of, stored_entries, verify_tree

log = logging.getLogger(__name__)

_HASH_WORKERS = max(1, min(4, os.cpu_count() or 1))

GENERATION_OK = define(
    "check.generation_ok",
    QT_TRANSLATE_NOOP("core", "The newest backup {generation} was read again: all {files} files ({size}) match its manifest."),
)
FILE_DAMAGED = define(
    "check.file_damaged",
    QT_TRANSLATE_NOOP(
        "core",
        "{path} in the backup {generation} does not match its manifest ({problem}). The next backup copies it afresh.",
    ),
)
SOURCE_DIFFERS = define(
    "check.source_differs",
    QT_TRANSLATE_NOOP(
        "core",
        "{path} in the backup {generation} differs from the file in the data folder, although that file has not "
        "changed since the backup. The next backup copies it afresh.",
    ),
)
ONE_MORE_DAMAGED = define(
    "check.one_more_damaged",
    QT_TRANSLATE_NOOP("core", "One more file of the backup {generation} is damaged; the next backup copies it afresh too."),
)
MORE_DAMAGED = define(
    "check.more_damaged",
    QT_TRANSLATE_NOOP("core", "{count} more files of the backup {generation} are damaged; the next backup copies them afresh too."),
)
UNEXPECTED_ITEM = define(
    "check.unexpected_item",
    QT_TRANSLATE_NOOP(
        "core",
        "{path} in the backup {generation} is not listed in its manifest: it was added to the backup drive afterwards.",
    ),
)
SOURCE_OK = define(
    "check.source_ok",
    QT_TRANSLATE_NOOP(
        "core",
        "{count} files that have not changed in the data folder since the backup were compared with it: all match.",
    ),
)
SOURCE_NONE = define(
    "check.source_none",
    QT_TRANSLATE_NOOP(
        "core",
        "Every file in the data folder has changed since the newest backup, so none could be compared with it.",
    ),
)
MANIFEST_UNREADABLE = define(
    "check.manifest_unreadable",
    QT_TRANSLATE_NOOP(
        "core",
        "The manifest of the newest backup {generation} cannot be read ({reason}), so its files cannot be checked. "
        "Make a new backup and run the check again.",
    ),
)

#: Damaged files named one by one; beyond this the rest are counted (all are in `damaged`).
MAX_NAMED = 50


@dataclass
class PrimaryCheck:
    """What reading the newest generation again (and comparing it with the source) found."""

    generation: Generation
    files: int = 0
    bytes: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)  # generation vs. manifest
    source_checked: int = 0
    source_differs: list[str] = field(default_factory=list)  # manifest paths
    error: Message | None = None  # the manifest could not be read

    @property
    def damaged(self) -> list[str]:
        """Paths the next run must copy afresh (items merely added to the generation are not damage)."""
        found = {m.path for m in self.mismatches if m.problem != "unexpected"} | set(self.source_differs)
        return sorted(found)

    @property
    def clean(self) -> bool:
        return self.error is None and not self.mismatches and not self.source_differs


def check_generation(generation: Generation, source: Path, extra_roots: dict[str, Path] | None = None) -> PrimaryCheck:
    """Re-hashes `generation` against its manifest, then compares the unchanged source files.

    `extra_roots` maps a top-level label of the generation (``4D Backup``)
    to the folder it was copied from, so those files are compared too.
    """
    result = PrimaryCheck(generation)
    try:
        manifest = Manifest.read(generation.path / MANIFEST_NAME)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        result.error = MANIFEST_UNREADABLE(generation=generation.id, reason=reason)
        return result
    counts, result.mismatches = verify_tree(generation.path, manifest, stored=True)
    result.files, result.bytes = counts.files, counts.bytes
    roots = {DATA_DIR: Path(source), **(extra_roots or {})}
    already = {m.path for m in result.mismatches}
    candidates = [(e, p) for e, p in _unchanged_sources(manifest, roots) if e.path not in already]
    result.source_checked = len(candidates)
    for (entry, _path), same in zip(candidates, _hash_matches(candidates)):
        if not same:
            result.source_differs.append(entry.path)
    result.source_differs.sort()
    return result


def _unchanged_sources(manifest: Manifest, roots: dict[str, Path]) -> list[tuple[Entry, str]]:
    """(entry, source path) of every stored, non-live file whose source still has its recorded size and mtime."""
    found = []
    for entry in stored_entries(manifest):
        if entry.type != "file" or entry.live or not entry.sha256:
            continue
        label, _, rest = entry.path.partition("/")
        root = roots.get(label)
        if root is None or not rest:
            continue
        path = os.path.join(root, *rest.split("/"))
        try:
            st = os.lstat(path)
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode) and st.st_size == entry.size and st.st_mtime_ns == entry.mtime_ns:
            found.append((entry, path))
    return found


def _hash_matches(candidates: list[tuple[Entry, str]]) -> list[bool]:
    """True where the source file hashes to the manifest's value; an unreadable source proves nothing (True)."""

    def same(item: tuple[Entry, str]) -> bool:
        entry, path = item
        try:
            return sha256_of(path) == entry.sha256
        except OSError:
            return True

    if len(candidates) < 2:
        return [same(c) for c in candidates]
    with ThreadPoolExecutor(max_workers=_HASH_WORKERS) as pool:
        return list(pool.map(same, candidates))


def findings_of(result: PrimaryCheck) -> list[tuple[str, Message]]:
    """(severity, sentence) pairs: each damaged file by name (up to MAX_NAMED), then the all-good lines."""
    from tsbackup_gui.core.primary.space import human_size

    gen = result.generation.id
    if result.error is not None:
        return [("failed", result.error)]
    out: list[tuple[str, Message]] = []
    named = 0
    hidden = 0
    for mismatch in result.mismatches:
        if mismatch.problem == "unexpected":
            out.append(("warning", UNEXPECTED_ITEM(path=mismatch.path, generation=gen)))
            continue
        if named < MAX_NAMED:
            out.append(("failed", FILE_DAMAGED(path=mismatch.path, generation=gen, problem=PROBLEMS[mismatch.problem]())))
            named += 1
        else:
            hidden += 1
    for path in result.source_differs:
        if named < MAX_NAMED:
            out.append(("failed", SOURCE_DIFFERS(path=path, generation=gen)))
            named += 1
        else:
            hidden += 1
    if hidden:
        out.append(("failed", ONE_MORE_DAMAGED(generation=gen) if hidden == 1
                    else MORE_DAMAGED(count=hidden, generation=gen)))
    if not result.mismatches:
        out.append(("ok", GENERATION_OK(generation=gen, files=result.files, size=human_size(result.bytes))))
    if not result.source_differs:
        out.append(("ok", SOURCE_OK(count=result.source_checked) if result.source_checked else SOURCE_NONE()))
    return out


# -- the verified mark ----------------------------------------------------------------------


def mark_verified(generation: Generation, when: datetime, ops: FileOps = NATIVE) -> bool:
    """Writes the time of this clean check into the generation's manifest (retention keeps the
    newest verified generation). Best effort: False when the drive refuses."""
    path = generation.path / MANIFEST_NAME
    try:
        manifest = Manifest.read(path)
        manifest.verified = when.astimezone(timezone.utc).isoformat(timespec="seconds")
        _chmod_if_possible(generation.path, WORK_DIR_MODE)
        try:
            rewrite_read_only(path, manifest.to_bytes(), ops)  # Windows cannot replace a read-only file
        finally:
            _chmod_if_possible(generation.path, DIR_MODE)
    except (OSError, ValueError) as exc:
        log.warning("could not mark %s as verified: %s", generation.id, exc)
        return False
    return True


def _chmod_if_possible(path: Path, mode: int) -> None:
    """A drive without permissions (FAT32, exFAT) refuses chmod: then writing decides."""
    try:
        os.chmod(path, mode)
    except OSError as exc:
        log.info("mode of %s not changed: %s", path, exc)
