"""The damage register: files the monthly check found damaged, and every generation that shares them.

Unchanged files are hard links, so one flipped byte in the newest generation is
the same damage in every generation that links the same file. The check records
each damaged file by its path and its identity on the drive (device and inode);
a generation holds the damage while its file at that path is that same file.
The next run copies a damaged file afresh instead of linking it (`damaged_paths`),
and the status, `tsbackup generations` and the restore advice name the
generations that still hold the damaged copy until they age out.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime
from pathlib import Path
from typing import Sequence

from tsbackup_gui.core.places import Places, places
from tsbackup_gui.core.primary.generations import Generation
from tsbackup_gui.core.store.config import Config, write_atomic

log = logging.getLogger(__name__)

DAMAGED_FILE = "damaged.json"


def _damaged_file(where: Places | None) -> Path:
    return (where or places()).state_dir / DAMAGED_FILE


def read_records(config: Config, where: Places | None = None) -> list[dict]:
    try:
        data = json.loads(_damaged_file(where).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        log.warning("the list of damaged files cannot be read: %s", exc)
        return []
    if not isinstance(data, dict) or data.get("setup_id") != config.setup_id:
        return []
    records = data.get("records")
    return [r for r in records if isinstance(r, dict)] if isinstance(records, list) else []


def file_of(generation: Generation, path: str) -> Path:
    """A manifest path (``timeSensor DataFiles/…``, `/`-separated) inside the generation's folder
    (under its safe name where it has one)."""
    stored = next((e.on_disk for e in generation.manifest.entries if e.path == path), path)
    return generation.path.joinpath(*stored.split("/"))


def identity(generation: Generation, path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(file_of(generation, path))
    except OSError:
        return None
    return info.st_dev, info.st_ino


def remember_damaged(config: Config, generation: Generation, paths: Sequence[str], found: datetime,
                     where: Places | None = None) -> None:
    """Records the damaged paths of ``generation`` with their identity (replacing its earlier record)."""
    records = [r for r in read_records(config, where) if r.get("generation") != generation.id]
    if paths:
        files = []
        for path in sorted(set(paths)):
            same = identity(generation, path)
            if same is not None:
                files.append({"path": path, "dev": same[0], "ino": same[1]})
        records.append({"generation": generation.id, "found": found.isoformat(timespec="seconds"),
                        "paths": sorted(set(paths)), "files": files})
    data = {"setup_id": config.setup_id, "records": records[-20:]}
    write_atomic(_damaged_file(where), (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))


def damaged_paths(config: Config, generations: Sequence[Generation], where: Places | None = None) -> set[str]:
    """Manifest paths the next run must copy afresh, never hard-link.

    They count only while the generation they were found in is still the
    newest one of ``generations`` (oldest first: the drive's, as the run lists them).
    """
    records = read_records(config, where)
    if not records or not generations:
        return set()
    newest = generations[-1].id
    return {str(p) for r in records if r.get("generation") == newest for p in r.get("paths") or ()}


def damaged_generations(config: Config, generations: Sequence[Generation],
                        where: Places | None = None) -> dict[str, list[str]]:
    """Generation id → the damaged paths it holds: the very file (device and inode) the check found
    damaged, shared through a hard link or the one it was found in. Empty when nothing is recorded."""
    marks = [(str(f["path"]), f["dev"], f["ino"]) for r in read_records(config, where)
             for f in r.get("files") or () if isinstance(f, dict) and {"path", "dev", "ino"} <= f.keys()]
    if not marks:
        return {}
    found: dict[str, list[str]] = {}
    for generation in generations:
        for path, dev, ino in marks:
            if identity(generation, path) == (dev, ino) and path not in found.get(generation.id, []):
                found.setdefault(generation.id, []).append(path)
    return found
