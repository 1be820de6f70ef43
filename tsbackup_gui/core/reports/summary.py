"""The monthly summary mail: what an IT partner wants to see once a month without asking —
the generations on the backup drive and their sizes, the runs and checks of the last 30
days, the off-site copy, and when the restore drill is due.

Reading the generations touches the backup drive (manifest heads only); a
drive that is not connected simply shows as "no backups found".
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Sequence

from tsbackup_gui.core.offsite.records import readable_repo
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.store.history import RUNNING, Attempt
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.reports.mail import INTRO_SUMMARY, SUMMARY_SUBJECT, Mail, status_lines, when_text
from tsbackup_gui.core.schedule.zone import to_utc

PERIOD = timedelta(days=30)

SUM_GENERATIONS = define(
    "report.sum_generations",
    QT_TRANSLATE_NOOP("core", "Backups on the backup drive: {count}, the oldest from {oldest}, the newest from {newest}."),
)
SUM_NO_GENERATIONS = define(
    "report.sum_no_generations",
    QT_TRANSLATE_NOOP("core", "No backups of this computer were found on the backup drive (is it connected?)."),
)
SUM_SIZES = define(
    "report.sum_sizes",
    QT_TRANSLATE_NOOP("core", "The newest backup holds {files} files ({size}); free space on the backup drive: {free}."),
)
SUM_RUNS = define(
    "report.sum_runs",
    QT_TRANSLATE_NOOP("core", "Backups in the last 30 days: {ok} successful, {warned} with warnings, {failed} failed."),
)
SUM_CHECKS = define(
    "report.sum_checks",
    QT_TRANSLATE_NOOP("core", "Monthly checks done in the last 30 days: {count}; the last successful one: {when}."),
)
SUM_NO_CHECK = define(
    "report.sum_no_check",
    QT_TRANSLATE_NOOP("core", "Monthly checks done in the last 30 days: {count}; none has succeeded yet."),
)
SUM_OFFSITE = define("report.sum_offsite", QT_TRANSLATE_NOOP("core", "Newest off-site copy: {when}."))
SUM_NO_OFFSITE = define("report.sum_no_offsite", QT_TRANSLATE_NOOP("core", "No off-site copy is set up."))
SUM_DRILL_DUE = define("report.sum_drill_due", QT_TRANSLATE_NOOP("core", "The yearly restore drill is due on {when}."))
SUM_DRILL_OVERDUE = define(
    "report.sum_drill_overdue",
    QT_TRANSLATE_NOOP("core", "The yearly restore drill is overdue (it was due on {when})."),
)
SUM_UNKNOWN = define("report.sum_unknown", QT_TRANSLATE_NOOP("core", "unknown"))


def summary_mail(config: Config, status, attempts: Sequence[Attempt], now: datetime, *, version: str,
                 recipients: Sequence[str]) -> Mail:
    computer = config.computer
    lines: list[Message | str | None] = [INTRO_SUMMARY(computer=computer), None]
    lines += generation_lines(config)
    lines += history_lines(config, attempts, now)
    lines.append(None)
    lines += status_lines(status, computer=computer, version=version, recipients=recipients, now=now)
    return Mail("summary", SUMMARY_SUBJECT(computer=computer, status=status.message), tuple(lines))


def generation_lines(config: Config) -> list[Message]:
    from tsbackup_gui.core.primary.generations import list_generations
    from tsbackup_gui.core.primary.space import human_size
    from tsbackup_gui.core.primary.target import Target
    from tsbackup_gui.core.drives.rotation import connected_config

    config = connected_config(config)  # the summary speaks of the drive that is connected
    try:
        generations = list_generations(Target(Path(config.primary), config.computer))
    except (OSError, ValueError):
        generations = []
    if not generations:
        return [SUM_NO_GENERATIONS()]
    oldest, newest = generations[0], generations[-1]
    try:
        free = human_size(shutil.disk_usage(config.primary).free)
    except OSError:
        free = SUM_UNKNOWN()
    return [
        SUM_GENERATIONS(count=len(generations), oldest=when_text(oldest.ended.astimezone()),
                        newest=when_text(newest.ended.astimezone())),
        SUM_SIZES(files=f"{newest.files:,}", size=human_size(newest.bytes), free=free),
    ]


def history_lines(config: Config, attempts: Sequence[Attempt], now: datetime) -> list[Message]:
    from tsbackup_gui.core.offsite.records import last_offsite_time
    from tsbackup_gui.core.schedule.slots import newest_first
    from tsbackup_gui.core.status.model import DRILL_EVERY

    since = to_utc(now) - PERIOD
    recent = [a for a in attempts if a.outcome != RUNNING and to_utc(a.started) >= since]
    backups = [a for a in recent if a.kind == "backup"]
    lines = [SUM_RUNS(ok=sum(a.outcome == "ok" for a in backups), warned=sum(a.outcome == "warning" for a in backups),
                      failed=sum(a.outcome == "failed" for a in backups))]
    checks = sum(1 for a in recent if a.kind == "check")
    good_check = next((a for a in newest_first(attempts, "check") if a.succeeded), None)
    lines.append(SUM_CHECKS(count=checks, when=when_text(_end(good_check))) if good_check else SUM_NO_CHECK(count=checks))
    secondary = config.secondary or {}
    if not secondary:
        lines.append(SUM_NO_OFFSITE())
    elif readable_repo(secondary):
        newest = last_offsite_time(newest_first(attempts, "backup"), str(secondary["repo"]))
        lines.append(SUM_OFFSITE(when=when_text(newest) if newest else SUM_UNKNOWN()))
    good_drill = next((a for a in newest_first(attempts, "drill") if a.succeeded), None)
    anchor = _end(good_drill) if good_drill else _created(config)
    if anchor is not None:
        due = anchor + DRILL_EVERY
        kind = SUM_DRILL_OVERDUE if to_utc(due) <= to_utc(now) else SUM_DRILL_DUE
        lines.append(kind(when=due.astimezone(now.tzinfo).strftime("%Y-%m-%d")))
    return lines


def _end(attempt: Attempt) -> datetime:
    return attempt.ended or attempt.started


def _created(config: Config) -> datetime | None:
    try:
        moment = datetime.fromisoformat(config.created) if config.created else None
    except ValueError:
        return None
    return moment if moment is not None and moment.tzinfo is not None else None
