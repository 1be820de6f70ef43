"""Which generations to keep: by day, ISO week and month, plus what is never deleted.

`plan_retention` is a pure function of (generations, now, limits) so that it
can be shown before it is applied and tested as a table. The rules:

- nothing that ended in the last 24 hours is removed;
- counting from the newest, the newest generation of each of the last
  `keep_daily` days *that have a generation* is kept (as restic's
  ``--keep-daily``: a holiday does not eat the history), likewise per ISO
  week (`keep_weekly`) and per month (`keep_monthly`); so beyond 24 hours a
  day keeps at most its newest generation;
- never removed: the newest generation of all, the newest ``consistent``,
  the newest ``archive-ok`` and the newest verified one.

Days, weeks and months are those of `now`'s time zone (the office's).
The caller decides *whether* to apply: never after a failed run, and not
when `looks_like_mass_change` finds the new generation suspicious.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tsbackup_gui.core.faults import checkpoint
from tsbackup_gui.core.messages import Message, QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.primary.generations import PARTIAL_PREFIX, Generation
from tsbackup_gui.core.primary.manifest import Manifest
from tsbackup_gui.core.primary.safenames import compare_key
from tsbackup_gui.core.primary.space import human_size

from tsbackup_gui.core.primary.fileops import NATIVE, FileOps
from tsbackup_gui.core.primary.treeops import remove_tree

log = logging.getLogger(__name__)

MASS_CHANGE = define(
    "primary.mass_change",
    QT_TRANSLATE_NOOP("core", "This backup differs from the previous one in {changed} of {total} files. Old backups were not cleaned up, so older copies stay available; check that timeSensor LEGAL's data is in order."),
)
DATA_FILE_SHRANK = define(
    "primary.data_file_shrank",
    QT_TRANSLATE_NOOP("core", "The database file {name} shrank from {before} to {after}. Old backups were not cleaned up, so older copies stay available; check that timeSensor LEGAL's data is complete."),
)
DATA_FILE_GONE = define(
    "primary.data_file_gone",
    QT_TRANSLATE_NOOP("core", "The database file {name} is missing from this backup. Old backups were not cleaned up, so older copies stay available; check that timeSensor LEGAL's data is complete."),
)
REMOVE_FAILED = define(
    "primary.remove_failed",
    QT_TRANSLATE_NOOP("core", "The old backup {generation} could not be removed ({reason}); this is tried again after the next backup."),
)

YOUNG = timedelta(hours=24)
#: Below this many files the ratio says nothing (a few database files change every day).
MASS_CHANGE_MIN_FILES = 20
DATA_SUFFIX = ".4dd"


@dataclass
class RetentionPlan:
    keep: list[Generation]  # oldest first
    delete: list[Generation]  # oldest first
    reasons: dict[str, list[str]] = field(default_factory=dict)  # generation id → why it is kept


@dataclass
class RetentionOutcome:
    deleted: list[Generation]
    warnings: list[Message]


def plan_retention(generations: list[Generation], now: datetime, keep_daily: int = 14,
                   keep_weekly: int = 8, keep_monthly: int = 12) -> RetentionPlan:
    if now.tzinfo is None:
        now = now.astimezone()
    zone = now.tzinfo
    newest_first = sorted(generations, key=lambda g: (g.ended, g.id), reverse=True)
    reasons: dict[str, list[str]] = {g.id: [] for g in newest_first}
    if newest_first:
        reasons[newest_first[0].id].append("newest")
    for g in newest_first:
        if now - g.ended < YOUNG:
            reasons[g.id].append("last 24 hours")

    def local(g: Generation) -> datetime:
        return g.ended.astimezone(zone)

    buckets = (
        ("daily", keep_daily, lambda t: t.date()),
        ("weekly", keep_weekly, lambda t: t.isocalendar()[:2]),
        ("monthly", keep_monthly, lambda t: (t.year, t.month)),
    )
    for label, limit, key in buckets:
        seen: set = set()
        for g in newest_first:
            if len(seen) >= limit:
                break
            bucket = key(local(g))
            if bucket not in seen:
                seen.add(bucket)
                reasons[g.id].append(label)

    for verdict in ("consistent", "archive-ok"):
        found = next((g for g in newest_first if g.verdict == verdict), None)
        if found is not None:
            reasons[found.id].append(f"newest {verdict}")
    verified = next((g for g in newest_first if g.verified), None)
    if verified is not None:
        reasons[verified.id].append("newest verified")

    oldest_first = list(reversed(newest_first))
    return RetentionPlan(
        keep=[g for g in oldest_first if reasons[g.id]],
        delete=[g for g in oldest_first if not reasons[g.id]],
        reasons={k: v for k, v in reasons.items() if v},
    )


def looks_like_mass_change(new_manifest: Manifest, previous_manifest: Manifest | None) -> Message | None:
    """A reason to pause retention when the new generation looks like ransomware or a wipe.

    A file counts as changed when it is gone or differs in size or hash;
    files the new run could not read (locked by 4D) count as unchanged.
    """
    if previous_manifest is None:
        return None
    # by `compare_key`: an older manifest holds NFC names where the newer keeps the source's NFD
    before = {compare_key(e.path): e for e in previous_manifest.entries if e.type == "file" and e.skipped_reason is None}
    after = {compare_key(e.path): e for e in new_manifest.entries if e.type == "file"}

    data_files = [e for e in before.values() if e.path.lower().endswith(DATA_SUFFIX)]
    if data_files:
        largest = max(data_files, key=lambda e: e.size)
        name = largest.path.rsplit("/", 1)[-1]
        now_entry = after.get(compare_key(largest.path))
        if now_entry is None:
            return DATA_FILE_GONE(name=name)
        if now_entry.skipped_reason is None and now_entry.size * 2 < largest.size:
            return DATA_FILE_SHRANK(name=name, before=human_size(largest.size), after=human_size(now_entry.size))

    changed = 0
    for path, old in before.items():
        new = after.get(path)
        if new is None:
            changed += 1
        elif new.skipped_reason is not None:
            continue
        elif new.size != old.size or (old.sha256 and new.sha256 and new.sha256 != old.sha256):
            changed += 1
    if len(before) >= MASS_CHANGE_MIN_FILES and changed * 2 > len(before):
        return MASS_CHANGE(changed=changed, total=len(before))
    return None


def apply_retention(plan: RetentionPlan, ops: FileOps = NATIVE) -> RetentionOutcome:
    """Deletes `plan.delete`; each generation is first renamed to a partial, so a half-removed one is never listed.

    The kept generations are where the deleted files' other hard links live:
    on Windows they are made read-only again through them (`treeops.remove_generation_file`).
    """
    deleted, warnings = [], []
    kept = [g.path for g in plan.keep]
    for generation in plan.delete:
        doomed = generation.path.with_name(f"{PARTIAL_PREFIX}{generation.id}.removing")
        try:
            ops.rename(generation.path, doomed)
        except OSError as exc:
            warnings.append(REMOVE_FAILED(generation=generation.id, reason=exc.strerror or str(exc)))
            continue
        checkpoint("retention.renamed")
        deleted.append(generation)
        log.info("retention: removing the generation %s (%s), kept by no rule any more", generation.id,
                 generation.path.parent)
        try:
            remove_tree(doomed, ops, survivors_in=kept)
        except OSError as exc:
            warnings.append(REMOVE_FAILED(generation=generation.id, reason=exc.strerror or str(exc)))
    return RetentionOutcome(deleted, warnings)
