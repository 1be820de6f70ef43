"""Giving a restored tree back its original names.

A generation stores a name no drive can hold under a safe name (see
`primary.safenames`); the manifest keeps the original, byte for byte. After
a restore copied the generation (or restic restored its snapshot) into the
staging folder, each item is renamed from the name on disk to the manifest's
``path``: deepest first, so a folder is renamed after its contents. The name
on disk is found by `compare_key`, so a generation read from an HFS+ drive
(decomposed names) comes back with the source's own spelling too.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from tsbackup_gui.core.primary.fileops import long_path
from tsbackup_gui.core.primary.manifest import Manifest
from tsbackup_gui.core.restore.verify import DiskNames, stored_entries

log = logging.getLogger(__name__)


def give_back_names(root: Path, manifest: Manifest) -> list[str]:
    """Renames every item under `root` to its original name; returns the original paths that could not be.

    An item whose original name this folder cannot hold (a restore onto a
    Windows drive of a name with ':') keeps its stored name; verification
    then reports it, so nothing passes unnoticed.
    """
    entries = stored_entries(manifest)
    root = long_path(root, always=True)  # Windows: paths of 260 characters and more below it
    disk = DiskNames(root, {e.on_disk for e in entries})
    found = [(entry, disk.claim(entry.on_disk)) for entry in entries]
    left: list[str] = []
    for entry, rel in sorted(found, key=lambda pair: pair[0].path.count("/"), reverse=True):
        if rel is None:
            continue
        parent, _, name = rel.rpartition("/")
        want = entry.path.rpartition("/")[2]
        if name == want:
            continue
        src = os.path.join(root, *rel.split("/"))
        dst = os.path.join(root, *parent.split("/"), want) if parent else os.path.join(root, want)
        try:
            if os.path.lexists(dst):
                raise FileExistsError(17, "exists", dst)
            os.rename(src, dst)
        except OSError as exc:
            log.warning("restore: %s keeps its stored name %s (%s)", entry.path, rel, exc)
            left.append(entry.path)
    return left
