"""The off-site plan: one finished primary generation into restic, then retention.

The off-site copy reads a finished primary generation, not the live data
folder: the database is read once a day (by the primary copy) and timeSensor
can be reopened while the upload runs. restic runs from inside the
generation folder with relative targets, so every snapshot has the same
tree layout (``timeSensor DataFiles/…``, ``tsbackup-manifest.json``) whatever
the generation's folder is called; the absolute paths restic records still
differ per generation, which is why ``--parent`` is always given explicitly.

Tags: ``tsbackup:<setup id>`` marks this setup's snapshots, and
``generation:<id>`` says which primary generation a snapshot holds. restic's
``--group-by tags`` groups by the *whole* tag set, so the generation tag
would make every snapshot a group of its own and retention would never
delete anything; ``--group-by paths`` has the same problem (the paths carry
the generation folder). So retention selects this setup with ``--tag
tsbackup:<setup id>`` and groups by ``host`` only: one group per computer and
setup, which is what ``--group-by host,tags`` would mean with a single tag.

Each function takes plain parameters (no Config), so setup, the monthly
check, the drill and tests can use them alone; `run_offsite` is the thin
wrapper the run job calls.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable, Protocol, Sequence

from tsbackup_gui.core.offsite.records import readable_repo
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.restic.driver import Restic
from tsbackup_gui.core.restic.errors import INCOMPLETE, ResticCancelled, ResticError
from tsbackup_gui.core.restic.json_output import BackupSummary, ForgetResult

log = logging.getLogger(__name__)

DATA_DIR = "timeSensor DataFiles"
ARCHIVE_DIR = "4D Backup"
MANIFEST_NAME = "tsbackup-manifest.json"
SETUP_TAG_PREFIX = "tsbackup:"
GENERATION_TAG_PREFIX = "generation:"
GOOD_VERDICTS = ("consistent", "archive-ok")
PRUNE_EVERY = timedelta(days=7)
PASSWORD_SECRET = "repo-password"

NO_GENERATION = define(
    "offsite.no_generation",
    QT_TRANSLATE_NOOP("core", "There is no finished backup on the backup drive yet, so no off-site copy was made."),
)
NOT_CONSISTENT = define(
    "offsite.not_consistent",
    QT_TRANSLATE_NOOP(
        "core",
        "No backup with a consistent state was available; the off-site copy was made from the newest backup {generation}, "
        "whose 4D archive was not fresh.",
    ),
)
GENERATION_BROKEN = define(
    "offsite.generation_broken",
    QT_TRANSLATE_NOOP("core", "The backup {generation} on the backup drive is incomplete ({path} is missing), so no off-site copy was made."),
)
NO_PASSWORD = define(
    "offsite.no_password",
    QT_TRANSLATE_NOOP(
        "core",
        "The password of the off-site backup is not in this computer's password store. Run the setup again with the password from the recovery sheet.",
    ),
)
RETENTION_FAILED = define(
    "offsite.retention_failed",
    QT_TRANSLATE_NOOP("core", "Old off-site snapshots could not be cleaned up ({reason}). The new off-site copy is complete."),
)
PRUNE_FAILED = define(
    "offsite.prune_failed",
    QT_TRANSLATE_NOOP("core", "The weekly clean-up of the off-site backup failed ({reason}). It will be tried again with the next backup."),
)


class GenerationLike(Protocol):
    """What the plan needs of a primary generation (core.primary.Generation has it)."""

    id: str
    path: Path

    @property
    def verdict(self) -> str: ...

    @property
    def ended(self) -> datetime: ...


@dataclass(frozen=True)
class RetentionPolicy:
    """Default: 7 daily, 4 weekly, 12 monthly, 10 yearly (firms keep records 10 years), nothing of the last day removed."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    yearly: int = 10
    within: str = "1d"

    @classmethod
    def from_mapping(cls, data: dict[str, Any] | None) -> "RetentionPolicy":
        data = data or {}
        default = cls()
        return cls(
            daily=int(data.get("daily", default.daily)), weekly=int(data.get("weekly", default.weekly)),
            monthly=int(data.get("monthly", default.monthly)), yearly=int(data.get("yearly", default.yearly)),
            within=str(data.get("within", default.within)),
        )


@dataclass
class OffsiteResult:
    """One off-site run. ``outcome``: ok, warning (exit 1), cancelled (exit 130, the user stopped it) or
    skipped (no off-site target configured)."""

    outcome: str
    generation: str | None = None
    snapshot_id: str | None = None
    parent: str | None = None
    summary: BackupSummary | None = None
    reasons: list[Message] = field(default_factory=list)
    forgotten: tuple[str, ...] = ()
    pruned: bool = False
    unreachable: bool = False  # the status model retries hourly instead of every minute
    kept: int | None = None  # this setup's snapshots after retention (None: no forget ran, e.g. append-only)

    @property
    def exit_code(self) -> int:
        if self.outcome == "cancelled":
            return Exit.CANCELLED
        return Exit.WARNING if self.outcome == "warning" else Exit.OK

    @property
    def code(self) -> str | None:
        return self.reasons[0].id if self.reasons else None

    def to_json(self) -> dict[str, Any]:
        return {
            "event": "offsite", "outcome": self.outcome, "exit_code": int(self.exit_code),
            "generation": self.generation, "snapshot": self.snapshot_id, "parent": self.parent,
            "files": self.summary.total_files_processed if self.summary else None,
            "bytes": self.summary.total_bytes_processed if self.summary else None,
            "forgotten": list(self.forgotten), "pruned": self.pruned,
            "reasons": [{"code": m.id, "message": m.english()} for m in self.reasons],
        }


def setup_tag(setup_id: str) -> str:
    if not setup_id or "," in setup_id:
        raise ValueError("setup id must be non-empty and free of commas")
    return SETUP_TAG_PREFIX + setup_id


def generation_tag(generation_id: str) -> str:
    return GENERATION_TAG_PREFIX + generation_id.replace(",", "_")


def pick_generation(generations: Sequence[GenerationLike]) -> tuple[GenerationLike, Message | None]:
    """The newest generation with a trustworthy verdict; else the newest, with a warning."""
    if not generations:
        raise UserError(NO_GENERATION(), Exit.WARNING)
    ordered = sorted(generations, key=lambda g: (g.ended, g.id))
    for generation in reversed(ordered):
        if generation.verdict in GOOD_VERDICTS:
            return generation, None
    newest = ordered[-1]
    return newest, NOT_CONSISTENT(generation=newest.id)


def backup_targets(generation_path: Path) -> list[str]:
    """The relative targets inside a generation folder; raises when the generation is not whole."""
    targets = [DATA_DIR]
    if (generation_path / ARCHIVE_DIR).is_dir():
        targets.append(ARCHIVE_DIR)
    targets.append(MANIFEST_NAME)
    for name in (DATA_DIR, MANIFEST_NAME):
        if not (generation_path / name).exists():
            raise UserError(GENERATION_BROKEN(generation=generation_path.name, path=name), Exit.WARNING)
    return targets


def previous_snapshot(restic: Restic, *, host: str, setup_tag: str):
    """The newest snapshot of this computer and setup, or None."""
    found = restic.snapshots(host=host, tags=[setup_tag])
    return max(found, key=lambda s: s.time) if found else None


def _newest_id(restic: Restic, host: str, setup_tag: str) -> str | None:
    newest = previous_snapshot(restic, host=host, setup_tag=setup_tag)
    return newest.id if newest else None


AUTO = "auto"


def backup_generation(restic: Restic, generation: GenerationLike, *, host: str, setup_tag: str,
                      progress: Callable | None = None, limit_upload_kib: int | None = None,
                      cancel: threading.Event | None = None, snapshot_time: datetime | None = None,
                      parent: str | None = AUTO) -> OffsiteResult:
    """One snapshot of ``generation``; raises `ResticError` when restic fails (the caller decides it is a warning).

    ``--ignore-ctime``: hard-linking a file into the next generation changes
    its ctime but not its content, so without it restic would re-read every
    unchanged file each day. Size, mtime and inode still have to match.

    ``parent``: ``AUTO`` lists this setup's snapshots to find the newest (one
    more repository open, about half a second of key derivation); a caller
    that remembers the last snapshot id (the run job, from its history) passes
    it and saves that. A remembered id that no longer exists (forgotten by
    hand) falls back to the listing; ``None`` means no parent.
    """
    path = Path(generation.path)
    targets = backup_targets(path)
    if parent == AUTO:
        parent = _newest_id(restic, host, setup_tag)

    def run(parent_id: str | None) -> BackupSummary:
        return restic.backup(
            path, targets, host=host, tags=[setup_tag, generation_tag(generation.id)], parent=parent_id,
            progress=progress, limit_upload_kib=limit_upload_kib, cancel=cancel, ignore_ctime=True,
            snapshot_time=snapshot_time,
        )

    try:
        summary = run(parent)
    except ResticError as error:
        if not parent or parent not in error.detail:
            raise
        log.info("remembered parent snapshot %s is gone; looking up the newest one", parent)
        parent = _newest_id(restic, host, setup_tag)
        summary = run(parent)
    result = OffsiteResult("ok", generation=generation.id, snapshot_id=summary.snapshot_id, parent=parent,
                           summary=summary)
    if summary.incomplete:
        item = summary.errors[0][0] if summary.errors else "?"
        result.outcome = "warning"
        result.reasons.append(INCOMPLETE(snapshot=summary.snapshot_id or "?", count=len(summary.errors) or 1, item=item))
    return result


def apply_retention(restic: Restic, setup_tag: str, policy: RetentionPolicy | None = None, *,
                    host: str | None = None) -> ForgetResult:
    """``forget`` this setup's snapshots by the policy, grouped by host (see the module docstring)."""
    policy = policy or RetentionPolicy()
    return restic.forget(
        keep_daily=policy.daily, keep_weekly=policy.weekly, keep_monthly=policy.monthly, keep_yearly=policy.yearly,
        keep_within=policy.within or None, group_by="host", tags=[setup_tag], host=host,
    )


def prune_due(last_prune: datetime | None, now: datetime) -> bool:
    """Pruning rewrites pack files and takes an exclusive lock: weekly is enough."""
    return last_prune is None or now - last_prune >= PRUNE_EVERY


def restic_env(secondary: dict[str, Any], secrets) -> dict[str, str]:
    """Backend credentials from the keyring for the child's environment (S3 keys, a REST server's login)."""
    from tsbackup_gui.core.offsite.targets import backend_env

    return backend_env(secondary, secrets)


def open_repository(secondary: dict[str, Any], secrets) -> Restic:
    """The configured repository of any kind (`targets.open_target`) with its password from the keyring.

    Plain errors when the password (or an SFTP key file) is missing.
    """
    from tsbackup_gui.core.offsite.targets import open_target

    password = secrets.get(PASSWORD_SECRET)
    if not password:
        raise UserError(NO_PASSWORD(), Exit.USAGE)
    return open_target(secondary, password, secrets)


def run_offsite(config, secrets, generations: Sequence[GenerationLike] | None, clock, events=None, *,
                last_prune: datetime | None = None, last_snapshot: str | None = None,
                cancel: threading.Event | None = None) -> OffsiteResult:
    """The off-site part of a run. Never raises for off-site trouble: it is a warning, the primary still counts.

    ``secrets`` is a `SecretStore` of this setup (anything with ``get(name)``);
    ``events`` receives plain dict events (``event: progress``, ``stage: offsite``; restic's ``--json`` status).
    ``last_prune`` and ``last_snapshot`` (the previous result's ``snapshot_id``)
    come from the history; without them pruning is due and the parent is looked up.
    """
    secondary = config.secondary or {}
    if readable_repo(secondary) is None:
        return OffsiteResult("skipped")
    emit = events or (lambda _event: None)
    result = OffsiteResult("warning")
    try:
        if generations is None:  # whichever backup drive is connected (core/rotation.py), not only drive 1
            from tsbackup_gui.core.primary.target import Target
            from tsbackup_gui.core.primary.generations import list_generations
            from tsbackup_gui.core.drives.rotation import connected_config

            drive = connected_config(config)
            generations = list_generations(Target(Path(drive.primary), drive.computer))
        generation, warning = pick_generation(generations)
        result.generation = generation.id
        restic = open_repository(secondary, secrets)
        host = config.computer
        tag = setup_tag(config.setup_id)
        result = backup_generation(
            restic, generation, host=host, setup_tag=tag,
            progress=lambda p: emit(p.to_json()), limit_upload_kib=secondary.get("limit_upload_kib"), cancel=cancel,
            parent=last_snapshot or AUTO, snapshot_time=clock.now(),  # the run's clock, as its generation's
        )
        if warning is not None:
            result.outcome = "warning"
            result.reasons.insert(0, warning)
    except ResticError as error:
        log.warning("off-site backup failed: %s", error.detail or error.code)
        result.reasons.append(error.message)
        result.unreachable = error.code == "offsite.unreachable"
        if isinstance(error, ResticCancelled):  # the user's cancel: recorded as such, never as a failure
            result.outcome = "cancelled"
        return result
    except UserError as error:
        result.reasons.append(error.message)
        return result
    if secondary.get("append_only"):
        return result
    emit({"event": "progress", "stage": "cleanup"})  # forget (and weekly prune): no counts, but not frozen
    try:
        forgot = apply_retention(restic, tag, RetentionPolicy.from_mapping(secondary.get("keep")), host=host)
        result.forgotten, result.kept = forgot.removed, len(forgot.kept)
    except ResticError as error:
        result.outcome = "warning"
        result.reasons.append(RETENTION_FAILED(reason=error.message))
        return result
    if prune_due(last_prune, clock.now()):
        try:
            restic.prune()
            result.pruned = True
        except ResticError as error:
            result.outcome = "warning"
            result.reasons.append(PRUNE_FAILED(reason=error.message))
    return result
