"""Checks a restored tree against the manifest that travelled with it.

The manifest was written from hashes taken while the primary copy was made,
so it is independent of both restore paths (our copy, restic's restore): a
restored file counts only when its bytes hash to what was read from the
source. Anything the manifest does not know is reported too, because a tree
that has more in it than was backed up is not the backup either.
"""

from __future__ import annotations

import hashlib
import os
import stat
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Collection

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.primary.fileops import long_path
from tsbackup_gui.core.primary.manifest import Entry, Manifest
from tsbackup_gui.core.primary.safenames import compare_key

DATA_DIR = "timeSensor DataFiles"
ARCHIVE_DIR = "4D Backup"
MANIFEST_NAME = "tsbackup-manifest.json"
TOP_LEVEL = (DATA_DIR, ARCHIVE_DIR)
_HASH_WORKERS = max(1, min(4, os.cpu_count() or 1))

PROBLEMS = {
    "missing": define("restore.problem.missing", QT_TRANSLATE_NOOP("core", "missing")),
    "type": define("restore.problem.type", QT_TRANSLATE_NOOP("core", "wrong kind of item")),
    "size": define("restore.problem.size", QT_TRANSLATE_NOOP("core", "size differs")),
    "content": define("restore.problem.content", QT_TRANSLATE_NOOP("core", "content differs")),
    "link": define("restore.problem.link", QT_TRANSLATE_NOOP("core", "link points elsewhere")),
    "unexpected": define("restore.problem.unexpected", QT_TRANSLATE_NOOP("core", "not listed in the manifest")),
    "unreadable": define("restore.problem.unreadable", QT_TRANSLATE_NOOP("core", "unreadable")),
}


@dataclass(frozen=True)
class Mismatch:
    path: str  # '/'-separated, relative to the restore folder
    problem: str  # a key of PROBLEMS

    def problem_message(self) -> Message:
        return PROBLEMS[self.problem]()

    def to_json(self) -> dict:
        return {"path": self.path, "problem": self.problem}


@dataclass
class VerifyCounts:
    files: int = 0
    bytes: int = 0
    dirs: int = 0
    symlinks: int = 0


def stored_entries(manifest: Manifest) -> list[Entry]:
    """The entries that are really in the generation (a skipped source file never was)."""
    return [e for e in manifest.entries if e.skipped_reason is None]


def sha256_of(path: str) -> str:
    with open(path, "rb", buffering=0) as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def verify_tree(root: Path, manifest: Manifest, stored: bool = False,
                kept: Collection[str] = ()) -> tuple[VerifyCounts, list[Mismatch]]:
    """Every stored entry present with its kind, size, hash and link target; nothing else present.

    `stored` says that `root` is a generation itself, whose names are the
    manifest's ``stored`` names (safe names); otherwise it is a restored tree
    with the original names, but for the original paths in `kept`, which that
    restore left under their safe names (its folder cannot hold the original
    names). Names are matched by `compare_key` (NFC), so a
    drive that decomposes names (HFS+) reads clean; an exact name wins where
    two differ only in their encoding. Mismatches name the original path.
    """
    root = Path(root)
    counts = VerifyCounts()
    mismatches: list[Mismatch] = []
    to_hash: list[tuple[Entry, str]] = []
    wanted = {entry.path: (entry.on_disk if stored or entry.path in kept else entry.path)
              for entry in stored_entries(manifest)}
    root = long_path(root, always=True)  # Windows: paths of 260 characters and more below it
    disk = DiskNames(root, set(wanted.values()))
    for entry in stored_entries(manifest):
        rel = disk.claim(wanted[entry.path])
        if rel is None:
            mismatches.append(Mismatch(entry.path, "missing"))
            continue
        path = os.path.join(root, *rel.split("/"))
        try:
            st = os.lstat(path)
        except OSError:
            mismatches.append(Mismatch(entry.path, "missing"))
            continue
        if entry.type == "dir":
            if not stat.S_ISDIR(st.st_mode):
                mismatches.append(Mismatch(entry.path, "type"))
            else:
                counts.dirs += 1
        elif entry.type == "symlink":
            if not stat.S_ISLNK(st.st_mode):
                mismatches.append(Mismatch(entry.path, "type"))
            elif entry.target is not None and os.readlink(path) != entry.target:
                mismatches.append(Mismatch(entry.path, "link"))
            else:
                counts.symlinks += 1
        else:
            if not stat.S_ISREG(st.st_mode):
                mismatches.append(Mismatch(entry.path, "type"))
            elif st.st_size != entry.size:
                mismatches.append(Mismatch(entry.path, "size"))
            else:
                to_hash.append((entry, path))
    for (entry, _path), problem in zip(to_hash, _hash_all(to_hash)):
        if problem:
            mismatches.append(Mismatch(entry.path, problem))
        else:
            counts.files += 1
            counts.bytes += entry.size
    mismatches += [Mismatch(p, "unexpected") for p in disk.unclaimed()]
    mismatches.sort(key=lambda m: m.path)
    return counts, mismatches


def _hash_all(items: list[tuple[Entry, str]]) -> list[str | None]:
    """Hashes in a few threads (hashlib releases the GIL); None = matches, else the problem key."""

    def check(item: tuple[Entry, str]) -> str | None:
        entry, path = item
        try:
            digest = sha256_of(path)
        except OSError:
            return "unreadable"
        return None if entry.sha256 is None or digest == entry.sha256 else "content"

    if len(items) < 2:
        return [check(i) for i in items]
    with ThreadPoolExecutor(max_workers=_HASH_WORKERS) as pool:
        return list(pool.map(check, items))


class DiskNames:
    """The '/'-paths under a root as the drive spells them, matched to expected names by `compare_key`.

    Folders whose key is not expected are not descended into: they are
    reported once, as one unexpected item.
    """

    def __init__(self, root: Path | str, expected: set[str]):
        self.exact = expected  # a path present exactly belongs to its own entry, never to a look-alike
        expected_keys = {compare_key(rel) for rel in expected}
        self.present: set[str] = set()
        self.by_key: dict[str, list[str]] = {}
        self.claimed: set[str] = set()
        self.outside: list[str] = []
        stack = [("", str(root))]
        while stack:
            rel_folder, folder = stack.pop()
            try:
                names = os.listdir(folder)
            except OSError:
                continue
            for name in names:
                if not rel_folder and name == MANIFEST_NAME:
                    continue
                rel = f"{rel_folder}/{name}" if rel_folder else name
                key = compare_key(rel)
                if key not in expected_keys:
                    self.outside.append(rel)
                    continue
                self.present.add(rel)
                self.by_key.setdefault(key, []).append(rel)
                path = os.path.join(folder, name)
                if os.path.isdir(path) and not os.path.islink(path):
                    stack.append((rel, path))

    def claim(self, want: str) -> str | None:
        """The path on disk for the expected `want`: itself when present, else one of the same key."""
        if want in self.present and want not in self.claimed:
            self.claimed.add(want)
            return want
        for rel in self.by_key.get(compare_key(want), ()):
            if rel not in self.claimed and rel not in self.exact:
                self.claimed.add(rel)
                return rel
        return None

    def unclaimed(self) -> list[str]:
        return sorted(self.outside + [rel for rel in self.present if rel not in self.claimed])


def _read_umask() -> int:
    """The process umask, read once at import: flipping it later (the only portable way to read
    it) would briefly give files other threads create at that moment mode 0666."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def normalise_permissions(root: Path) -> None:
    """Restored files are ordinary, writable files again: the generation's read-only bits are dropped.

    Owner, group and others get what the umask allows, on top of the bits
    the file already has; symlinks are left alone (their mode means nothing).
    """
    umask = _UMASK
    file_bits = 0o666 & ~umask
    dir_bits = 0o777 & ~umask

    def fix(path: str, bits: int) -> None:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            return
        wanted = stat.S_IMODE(st.st_mode) | bits
        if wanted != stat.S_IMODE(st.st_mode):
            os.chmod(path, wanted)

    root = str(root)
    fix(root, dir_bits)
    for folder, dirnames, filenames in os.walk(root):
        for name in dirnames:
            fix(os.path.join(folder, name), dir_bits)
        for name in filenames:
            fix(os.path.join(folder, name), file_bits)
