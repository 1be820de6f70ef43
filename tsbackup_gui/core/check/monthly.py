"""The monthly check (`tsbackup check`): is the backup still what it claims to be?

The parts, each in its own module:

* the newest primary generation read again against its manifest, and its
  unchanged files compared with the source (`verify_primary`); damaged
  files are named one by one (exit 5) and remembered, so the next run
  copies them afresh instead of linking them (`primary.damage`);
* 4D's own archives still fresh (server mode, `fourd.judge`);
* free space on the backup drive and how long it lasts (`verify_space`);
* restic's check of one twelfth of the off-site data, the newest off-site
  copy's age, the password in the keyring, and what only a person can
  confirm (`verify_offsite`).

The result is recorded in the history as kind ``check`` (outcome ok,
warning or failed; "needs confirmation" is recorded as a warning), which is
what the status model's 30-day reminder reads. The check is recorded in one
write at its end: an unfinished check leaves no trace and so counts as not
done, and it never holds the run lock, so a backup may run meanwhile (a
finished generation is never changed by a run; one that a run's retention
removed during the check is replaced by the new newest one).

The run copies what the check found damaged afresh (`primary.damage.damaged_paths`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable

from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.places import Places, places
from tsbackup_gui.core.schedule.moments import date_words
from tsbackup_gui.core.check.findings import Finding, ordered, outcome_of
from tsbackup_gui.core.check.offsite import data_subset, data_subsets, offsite_findings
from tsbackup_gui.core.primary.damage import remember_damaged

__all__ = ["CHECK_EVERY", "CheckResult", "Finding", "confirm_items", "data_subset", "data_subsets", "needs_person",
           "run_check"]

log = logging.getLogger(__name__)

CHECK_EVERY = timedelta(days=30)

DONE_OK = define(
    "check.done_ok",
    QT_TRANSLATE_NOOP("core", "The monthly check found everything in order. The next check is due on {when}."),
)
DONE_CONFIRM = define(
    "check.done_confirm",
    QT_TRANSLATE_NOOP("core", "The monthly check is done; some items need you to confirm them."),
)
DONE_WARNINGS = define(
    "check.done_warnings",
    QT_TRANSLATE_NOOP("core", "The monthly check finished with warnings."),
)
DONE_FAILED = define(
    "check.done_failed",
    QT_TRANSLATE_NOOP("core", "The monthly check found problems that need attention."),
)
DONE_DAMAGED = define(
    "check.done_damaged",
    QT_TRANSLATE_NOOP(
        "core",
        "The monthly check found {count} damaged files in the newest backup. The next backup copies them afresh; "
        "run it soon.",
    ),
)
DONE_DAMAGED_ONE = define(
    "check.done_damaged_one",
    QT_TRANSLATE_NOOP(
        "core",
        "The monthly check found a damaged file in the newest backup. The next backup copies it afresh; run it soon.",
    ),
)
NOT_RECORDED = define(
    "check.not_recorded",
    QT_TRANSLATE_NOOP("core", "The result of the check could not be recorded: {reason}"),
)

_HISTORY_OUTCOME = {"ok": "ok", "needs-confirmation": "warning", "warning": "warning", "failed": "failed"}


@dataclass
class CheckResult:
    outcome: str  # ok / needs-confirmation / warning / failed
    exit_code: int
    findings: list[Finding]
    started: datetime
    ended: datetime
    damaged: list[str] = field(default_factory=list)
    generation: str | None = None
    subset: str | None = None  # the k/12 part(s) of the off-site data restic read completely
    files: int = 0
    bytes: int = 0
    next_due: datetime | None = None

    def headline(self) -> Message:
        if self.outcome == "failed":
            if len(self.damaged) == 1:
                return DONE_DAMAGED_ONE()
            return DONE_DAMAGED(count=len(self.damaged)) if self.damaged else DONE_FAILED()
        if self.outcome == "warning":
            return DONE_WARNINGS()
        if self.outcome == "needs-confirmation":
            return DONE_CONFIRM()
        due = self.next_due or self.ended + CHECK_EVERY
        return DONE_OK(when=date_words(due.date()))

    def to_json(self, translate: Callable[[Message], str] | None = None) -> dict[str, Any]:
        say = translate or (lambda message: message.english())
        return {
            "outcome": self.outcome,
            "exit_code": int(self.exit_code),
            "message": say(self.headline()),
            "findings": [f.to_json(say) for f in self.findings],
            "damaged": list(self.damaged),
            "generation": self.generation,
            "files": self.files,
            "bytes": self.bytes,
            "offsite_subset": self.subset,
            "started": self.started.isoformat(timespec="seconds"),
            "ended": self.ended.isoformat(timespec="seconds"),
            "next_due": self.next_due.isoformat(timespec="seconds") if self.next_due else None,
        }


def run_check(config: Config, *, clock: Clock, confirm_external: bool = False, where: Places | None = None,
              secrets=None) -> CheckResult:
    """Runs every part of the monthly check and records it. Problems are findings, never raised.

    `secrets` is this setup's `SecretStore` (anything with ``get(name)``).
    """
    here = where or places()
    started = clock.now()
    findings: list[Finding] = []
    result = CheckResult("ok", Exit.OK, findings, started, started)

    archive_roots, fourd = _fourd(config, started)
    findings += fourd
    findings += _primary(config, started, archive_roots, result, here)
    if secrets is None:
        from tsbackup_gui.core.store.secrets import SecretStore

        secrets = SecretStore(config.setup_id)
    offsite, result.subset = offsite_findings(config, secrets, started, confirmed=confirm_external,
                                              previous=_last_offsite_read(here))
    findings += offsite

    result.findings = ordered(findings)
    result.outcome, result.exit_code = outcome_of(result.findings)
    result.ended = clock.now()
    _record(config, result, confirm_external, here)
    return result


def confirm_items(config: Config, result: CheckResult, *, clock: Clock, where: Places | None = None) -> CheckResult:
    """The person confirmed what only a person can check (``result``'s ``needs-confirmation`` items):
    the same check with those items confirmed, recorded as a check of its own. Nothing is read again,
    so confirming takes a moment, not another hour of hashing."""
    from tsbackup_gui.core.check.offsite import as_confirmed

    here = where or places()
    findings = ordered([as_confirmed(f) for f in result.findings])
    confirmed = CheckResult("ok", Exit.OK, findings, result.started, clock.now(), damaged=list(result.damaged),
                            generation=result.generation, subset=result.subset, files=result.files,
                            bytes=result.bytes)
    confirmed.outcome, confirmed.exit_code = outcome_of(findings)
    _record(config, confirmed, True, here)
    return confirmed


def needs_person(result: CheckResult) -> list[Message]:
    """What only a person can confirm in ``result`` (empty: nothing to ask)."""
    return [f.message for f in result.findings if f.severity == "needs-confirmation"]


def _fourd(config: Config, now: datetime) -> tuple[dict[str, Path], list[Finding]]:
    """Server mode: 4D's newest archive still fresh and whole; and where archives kept outside live."""
    if config.mode != "server":
        return {}, []
    from tsbackup_gui.core.fourd.freshness import judge
    from tsbackup_gui.core.guard.preparation import ARCHIVE_LABEL, ARCHIVE_NOT_OK, installation_map

    source = Path(config.source)
    try:
        status = judge(source, now, installation_map(source))
    except OSError as exc:  # the judge copes with most; an odd mount may still refuse
        log.warning("4D archives could not be judged: %s", exc)
        return {}, [Finding("warning", ARCHIVE_NOT_OK())]
    roots = {ARCHIVE_LABEL: status.folder} if status.folder is not None and status.outside_data_dir else {}
    if status.ok and not status.warnings:
        return roots, [Finding("ok", reason) for reason in status.reasons]
    return roots, [Finding("warning", ARCHIVE_NOT_OK()), *(Finding("warning", r) for r in status.warnings)]


def _primary(config: Config, now: datetime, archive_roots: dict[str, Path], result: CheckResult,
             here: Places) -> list[Finding]:
    from tsbackup_gui.core.primary.rows import NO_GENERATIONS
    from tsbackup_gui.core.primary.target import Target
    from tsbackup_gui.core.primary.generations import list_generations
    from tsbackup_gui.core.primary.copier import SOURCE_MISSING
    from tsbackup_gui.core.drives.rotation import connected_config
    from tsbackup_gui.core.check.primary import check_generation, findings_of, mark_verified
    from tsbackup_gui.core.check.space import space_findings

    try:
        config = connected_config(config)  # the drive in rotation that is connected, not only drive 1
        target = Target(Path(config.primary), config.computer)
        target.require_marker(config.setup_id)
    except UserError as error:  # the drive is not connected: nothing on it can be checked
        return [Finding("failed", error.message, error.exit_code)]
    generations = list_generations(target)
    if not generations:
        return [Finding("warning", NO_GENERATIONS())]
    found: list[Finding] = []
    if not Path(config.source).is_dir():
        found.append(Finding("warning", SOURCE_MISSING(path=config.source)))
    newest = generations[-1]
    checked = check_generation(newest, Path(config.source), archive_roots)
    if not newest.path.exists():  # a run finished meanwhile and its retention removed it: check the new newest
        generations = list_generations(target) or generations
        newest = generations[-1]
        checked = check_generation(newest, Path(config.source), archive_roots)
    result.generation, result.files, result.bytes = newest.id, checked.files, checked.bytes
    result.damaged = checked.damaged
    found += [Finding(severity, message) for severity, message in findings_of(checked)]
    try:
        remember_damaged(config, newest, checked.damaged, now, here)
    except OSError as exc:  # then the next run cannot know: say so, it matters
        found.append(Finding("failed", NOT_RECORDED(reason=exc.strerror or str(exc))))
    if checked.clean:
        mark_verified(newest, now)
    found += [Finding(severity, message) for severity, message in space_findings(target.computer_dir, generations, now)]
    return found


def _last_offsite_read(here: Places) -> datetime | None:
    """When the newest check that read off-site data ran (its parts are then not read again)."""
    try:
        checks = History(here.history_db, lock_path=here.lock_file).attempts(limit=60, kind="check")
    except UserError:
        return None
    return next((a.started for a in checks if a.details.get("offsite_subset")), None)


def _record(config: Config, result: CheckResult, confirmed: bool, here: Places) -> None:
    """One history row of kind ``check``; then the next due date, as the status model counts it."""
    from tsbackup_gui.core.schedule.slots import created_at

    history = History(here.history_db, lock_path=here.lock_file)
    reasons = [f.message for f in result.findings if f.severity != "ok"]
    details = {
        "findings": [{"severity": f.severity, "message": f.message.to_json()} for f in result.findings],
        "damaged": result.damaged, "offsite_subset": result.subset, "confirmed": confirmed,
        "outcome": result.outcome,
    }
    zone = result.ended.tzinfo
    try:
        history.record("check", result.started, result.ended, _HISTORY_OUTCOME[result.outcome], result.exit_code,
                       reasons, files=result.files, bytes=result.bytes, generation=result.generation, details=details)
        last = history.last_success("check")
    except UserError as error:
        log.error("history: %s", error.message.english())
        result.findings.append(Finding("warning", error.message))
        if result.exit_code == Exit.OK:
            result.outcome, result.exit_code = "warning", Exit.WARNING
        last = None
    if last is not None:
        anchor = (last.ended or last.started).astimezone(zone)
    else:
        anchor = created_at(config, zone) or result.ended
    result.next_due = anchor + CHECK_EVERY
