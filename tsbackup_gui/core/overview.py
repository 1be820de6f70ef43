"""Everything the status window shows, gathered in one call off the GUI thread.

Until the status model exists this is the window's only source; it keeps the
window free of any decision about what the facts mean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from . import config as config_mod
from . import install
from .messages import Message, QT_TRANSLATE_NOOP, define

NOT_SET_UP_FOUND = define(
    "overview.found_not_set_up",
    QT_TRANSLATE_NOOP("core", "timeSensor LEGAL was found. The backup is not set up yet."),
)
NOTHING_FOUND = define(
    "overview.nothing_found",
    QT_TRANSLATE_NOOP("core", "No timeSensor LEGAL data was found on this computer."),
)
NO_BACKUP_YET = define(
    "overview.no_backup_yet",
    QT_TRANSLATE_NOOP("core", "The backup is set up, but no backup has been made yet."),
)
LAST_BACKUP = define(
    "overview.last_backup",
    QT_TRANSLATE_NOOP("core", "Last backup {when}."),
)


@dataclass
class Overview:
    headline: Message
    detection: dict[str, Any]
    notes: list[Message] = field(default_factory=list)
    primary: str | None = None
    primary_folder: str | None = None
    generations: list[dict[str, Any]] = field(default_factory=list)


def gather(demo_root: Path | None = None, now: datetime | None = None) -> Overview:
    """Detects the installation (demo tree when given, created on first use) and reads the setup."""
    if demo_root is not None:
        from . import demo

        if not demo_root.exists():
            demo.create_demo(demo_root, "single-user", now=now)
        detection = install.detect(root=demo_root, os_name="macos", now=now)
    else:
        detection = install.detect(now=now)
    det_json = detection.to_json()
    notes = list(detection.messages())
    cfg = config_mod.load()
    if cfg is None:
        headline = NOTHING_FOUND() if det_json.get("mode") in (None, "not-found") else NOT_SET_UP_FOUND()
        return Overview(headline, det_json, notes)
    generations = _generations(cfg)
    folder = str(Path(cfg.primary) / "timeSensor Backups")
    if generations:
        headline = LAST_BACKUP(when=generations[-1]["ended_local"])
    else:
        headline = NO_BACKUP_YET()
    return Overview(headline, det_json, notes, cfg.primary, folder if Path(folder).is_dir() else None, generations)


def _generations(cfg: config_mod.Config) -> list[dict[str, Any]]:
    try:
        from .primary.generations import list_generations
        from .primary.target import Target
    except ImportError:  # the engine is not there yet in this build
        return []
    target = Target(Path(cfg.primary), cfg.computer)
    out = []
    for gen in list_generations(target):
        ended = gen.ended.astimezone()
        out.append({
            "id": gen.id, "verdict": gen.verdict, "files": gen.files, "bytes": gen.bytes,
            "ended_local": ended.strftime("%Y-%m-%d %H:%M"),
        })
    return out
