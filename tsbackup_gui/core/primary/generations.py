"""Finished generations on the target: listing, naming, and clearing leftovers.

A generation exists only once its folder has been renamed from
``.partial-<id>`` to ``<id>`` with a readable manifest inside: a crash or a
pulled cable leaves a partial folder that is never listed, never resumed and
removed at the next run. Order is by the manifest's UTC end time, not by the
folder name, so a clock change or a DST hour cannot reorder history.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from tsbackup_gui.core.primary.manifest import MANIFEST_NAME, Manifest
from tsbackup_gui.core.primary.target import Target
from tsbackup_gui.core.primary.fileops import NATIVE, FileOps
from tsbackup_gui.core.primary.treeops import remove_tree

log = logging.getLogger(__name__)

PARTIAL_PREFIX = ".partial-"
ID_FORMAT = "%Y-%m-%d_%H%M%S"


@dataclass
class Generation:
    id: str
    path: Path
    manifest: Manifest

    @property
    def verdict(self) -> str:
        return self.manifest.verdict

    @property
    def ended(self) -> datetime:
        return parse_utc(self.manifest.ended)

    @property
    def started(self) -> datetime:
        return parse_utc(self.manifest.started)

    @property
    def files(self) -> int:
        return self.manifest.files

    @property
    def bytes(self) -> int:
        return self.manifest.bytes

    @property
    def verified(self) -> str | None:
        return self.manifest.verified

    @property
    def data_dir(self) -> Path:
        return self.path / "timeSensor DataFiles"


def parse_utc(text: str) -> datetime:
    """An aware datetime from the manifest's ISO-8601 text (naive text is read as UTC)."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment


def utc_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(timezone.utc).isoformat()


def read_generation(path: Path) -> Generation | None:
    """The generation in `path`, or None when it has no readable manifest."""
    try:
        manifest = Manifest.read_head(path / MANIFEST_NAME)
        parse_utc(manifest.ended)
    except (OSError, ValueError, TypeError, KeyError):
        return None
    return Generation(path.name, path, manifest)


def list_generations(target: Target) -> list[Generation]:
    """Finished generations, oldest first by their manifest's end time."""
    found: list[Generation] = []
    try:
        with os.scandir(target.computer_dir) as listing:
            candidates = [Path(e.path) for e in listing if not e.name.startswith(".") and e.is_dir(follow_symlinks=False)]
    except OSError:
        return []
    for path in candidates:
        generation = read_generation(path)
        if generation is not None:
            found.append(generation)
    found.sort(key=lambda g: (g.ended, g.id))
    return found


def new_generation_id(now: datetime, existing: set[str]) -> str:
    """Local wall time of `now` (as the clock gives it); ``-2``, ``-3`` … when taken."""
    base = now.strftime(ID_FORMAT)
    if base not in existing:
        return base
    n = 2
    while f"{base}-{n}" in existing:
        n += 1
    return f"{base}-{n}"


def partial_folders(target: Target) -> list[Path]:
    try:
        with os.scandir(target.computer_dir) as listing:
            return sorted(Path(e.path) for e in listing if e.name.startswith(PARTIAL_PREFIX))
    except OSError:
        return []


def generation_folders(target: Target) -> list[Path]:
    """The finished-looking generation folders by name only (no manifest read): where hard links live."""
    try:
        with os.scandir(target.computer_dir) as listing:
            return sorted(Path(e.path) for e in listing if not e.name.startswith(".") and e.is_dir(follow_symlinks=False))
    except OSError:
        return []


def remove_partials(target: Target, ops: FileOps = NATIVE) -> list[Path]:
    """Deletes every leftover ``.partial-*`` folder; returns those removed.

    Best effort: one that cannot be removed now (a file held open on a
    share) is logged and tried again next time; it is never listed anyway.
    """
    removed = []
    partials = partial_folders(target)
    others = generation_folders(target) if partials else []
    for path in partials:
        try:
            if path.is_symlink() or not path.is_dir():
                path.unlink(missing_ok=True)
            else:
                remove_tree(path, ops, survivors_in=others)  # its files are links into the generations
        except OSError as exc:
            log.warning("could not remove the unfinished generation %s: %s", path, exc)
            continue
        removed.append(path)
    return removed
