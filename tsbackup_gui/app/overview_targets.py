"""The backup drive, the off-site copy and 4D's own backup, side by side, for the status window.

Everything here reads the disk (free space, markers, generations, 4D's
archives), so it runs on the window's worker thread. The off-site side never
asks restic: listing snapshots costs a key derivation and a round trip per
refresh, so what is shown comes from the history's record of the last upload
(`jobs_offsite`); the restore dialog lists snapshots when someone asks.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Sequence

from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.store.history import Attempt
from tsbackup_gui.core.messages import Message

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrimaryFacts:
    where: str
    folder: str | None  # `timeSensor Backups` when it exists (the "Open backup folder" button)
    connected: bool  # this setup's marker is there
    last_success: datetime | None
    size: int | None  # of the newest generation
    generations: int
    free: int | None
    total: int | None


@dataclass(frozen=True)
class OffsiteFacts:
    kind: str | None  # folder / sftp / s3 / rest / external; None: none set up
    where: str | None  # the repository as people may see it (credentials masked), or the outside text
    last_success: datetime | None = None
    snapshot: str | None = None
    snapshots: int | None = None  # only when the last upload recorded it
    size: int | None = None  # of the generation the last snapshot holds
    free: int | None = None  # a folder target only

    @property
    def configured(self) -> bool:
        return self.kind is not None


@dataclass(frozen=True)
class FourdFacts:
    newest: str | None  # the newest archive's name
    age_hours: float | None
    ok: bool
    fresh: bool
    reasons: list[Message] = field(default_factory=list)


def free_space(path: Path) -> tuple[int | None, int | None]:
    """(free, total) bytes of the file system holding the folder ``path``; (None, None) when the folder
    is not there. No walking up to a parent: for a share that is not mounted, that would be the boot
    disk's space, shown as if it were the NAS's."""
    probe = Path(path)
    if not probe.is_dir():
        return None, None
    try:
        usage = shutil.disk_usage(probe)
    except OSError:
        return None, None
    return usage.free, usage.total


def primary_facts(config: Config, generations: Sequence[Any], attempts: Sequence[Attempt]) -> PrimaryFacts:
    from tsbackup_gui.core.primary.target import Target
    from tsbackup_gui.core.drives.rotation import connected_config

    config = connected_config(config)  # the drive that is connected now, the second one included
    target = Target(Path(config.primary), config.computer)
    try:
        marker = target.read_marker()
    except (OSError, ValueError):
        marker = None
    connected = bool(marker) and marker.get("setup_id") in (None, config.setup_id)
    folder = target.backups_root
    free, total = free_space(Path(config.primary))
    newest = generations[-1] if generations else None
    last = newest.ended.astimezone() if newest is not None else _last_success(attempts)
    return PrimaryFacts(
        where=str(config.primary), folder=str(folder) if folder.is_dir() else None, connected=connected,
        last_success=last, size=newest.bytes if newest is not None else None, generations=len(generations),
        free=free, total=total,
    )


def offsite_facts(config: Config, generations: Sequence[Any], attempts: Sequence[Attempt]) -> OffsiteFacts:
    from tsbackup_gui.core.offsite.records import LAST_KEY, STEP_KEY, last_offsite
    from tsbackup_gui.core.restic.errors import display_repo

    secondary = config.secondary or {}
    kind = secondary.get("kind") or ("folder" if secondary.get("repo") else None)
    if kind is None:
        return OffsiteFacts(None, None)
    if kind == "external":
        return OffsiteFacts("external", str(secondary.get("text") or ""))
    repo = str(secondary.get("repo") or "")
    backups = sorted((a for a in attempts if a.kind == "backup"), key=lambda a: (a.started, a.id), reverse=True)
    record = last_offsite(backups, repo) or {}
    when = _parse(record.get("time"))
    snapshots = record.get("snapshots")
    if snapshots is None:  # a later version may record the count with the upload step
        step = next(((a.details or {}).get(STEP_KEY) for a in backups if (a.details or {}).get(LAST_KEY)), None) or {}
        snapshots = step.get("snapshots")
    uploaded = record.get("generation")
    size = next((g.bytes for g in generations if g.id == uploaded), None)
    free = free_space(Path(repo))[0] if kind == "folder" and repo else None
    return OffsiteFacts(kind, display_repo(repo), when.astimezone() if when else None, record.get("snapshot"),
                        int(snapshots) if isinstance(snapshots, int) else None, size, free)


def fourd_facts(config: Config, now: datetime) -> FourdFacts | None:
    """Server mode only: 4D's newest archive, its age and the verdict (`fourd.judge`)."""
    if config.mode != "server":
        return None
    from tsbackup_gui.core.fourd.freshness import judge
    from tsbackup_gui.core.guard.preparation import installation_map

    source = Path(config.source)
    try:
        status = judge(source, now, installation_map(source))
    except OSError as exc:
        log.warning("4D archives could not be judged: %s", exc)
        return FourdFacts(None, None, False, False, [])
    age = status.age.total_seconds() / 3600 if status.age is not None else None
    return FourdFacts(status.newest.label if status.newest else None, age, status.ok, status.fresh, list(status.reasons))


def _last_success(attempts: Sequence[Attempt]) -> datetime | None:
    done = [a for a in attempts if a.kind == "backup" and a.succeeded]
    if not done:
        return None
    newest = max(done, key=lambda a: (a.started, a.id))
    return (newest.ended or newest.started).astimezone()


def _parse(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
