"""The yearly restore drill (`tsbackup drill`): restore the newest off-site copy and prove it.

A backup that was never restored is a hope. The drill does what a real
disaster would need: it opens the off-site repository with the password
from the keyring, restores the newest snapshot of this computer and setup
into a scratch folder, compares every file with the manifest that travelled
inside the snapshot (hashes taken while the primary copy read the source),
and measures how long that took — the number that tells a firm how long
it would be without its data. A dated report (PDF, written by the caller
through `write_report`, because core does not draw) is kept under the state
dir in ``reports/`` as evidence for an auditor or an insurer.

The drill is recorded in the history as kind ``drill`` (the status model
reminds 365 days after the last good one). A target that cannot be reached
is a failed drill with exit 1, as an unreachable off-site target is a
warning everywhere else; no report is written then, as nothing was restored.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

from tsbackup_gui.core.clock import Clock, minute_text
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.places import Places, places
from tsbackup_gui.core.primary.manifest import Manifest
from tsbackup_gui.core.primary.treeops import remove_tree_quietly
from tsbackup_gui.core.restic.errors import display_repo
from tsbackup_gui.core.restore.into_folder import RestoreReport, RestoreVerifyError, check_target, restore_from_snapshot
from tsbackup_gui.core.restore.verify import MANIFEST_NAME, stored_entries
from tsbackup_gui.core.offsite.upload import GENERATION_TAG_PREFIX, open_repository, setup_tag
from tsbackup_gui.core.offsite.records import external_text, is_configured, is_external

log = logging.getLogger(__name__)

REPORTS_DIR = "reports"
SCRATCH_DIR = "drill-scratch"

NO_OFFSITE = define(
    "drill.no_offsite",
    QT_TRANSLATE_NOOP(
        "core",
        "No off-site backup is set up, so there is nothing to restore in a drill. Add an off-site target in the setup first.",
    ),
)
EXTERNAL = define(
    "drill.external",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site copy is handled outside this program ({where}); do the restore drill with that service's own tools.",
    ),
)
NO_SNAPSHOT = define(
    "drill.no_snapshot",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site backup at {repo} holds no copy of this computer yet, so there is nothing to restore. "
        "Make a backup first, then run the drill.",
    ),
)
PASSED = define(
    "drill.passed",
    QT_TRANSLATE_NOOP(
        "core",
        "Restore drill passed: {files} files ({size}) of the off-site copy from {when} were restored in {seconds} "
        "seconds and all match the manifest.",
    ),
)
MISMATCH = define(
    "drill.mismatch",
    QT_TRANSLATE_NOOP(
        "core",
        "Restore drill failed: {count} restored items do not match the manifest of the off-site copy; the first is "
        "{path} ({problem}). Run the monthly check and a backup, then try the drill again.",
    ),
)
REPORT_AT = define(
    "drill.report_at",
    QT_TRANSLATE_NOOP("core", "The drill report is at {path}."),
)
REPORT_FAILED = define(
    "drill.report_failed",
    QT_TRANSLATE_NOOP("core", "The drill report could not be written to {path} ({reason})."),
)
KEPT_AT = define(
    "drill.kept_at",
    QT_TRANSLATE_NOOP("core", "The restored files are in {path}."),
)

ReportWriter = Callable[["DrillResult", Path], None]


@dataclass
class DrillResult:
    outcome: str  # ok / warning (no report) / failed
    exit_code: int
    started: datetime
    ended: datetime
    computer: str
    repo: str  # as people may see it (credentials masked)
    snapshot_id: str | None = None
    snapshot_time: datetime | None = None
    generation: str | None = None  # the primary generation the snapshot holds
    verdict: str | None = None  # that generation's verdict, from the restored manifest
    backup_time: datetime | None = None  # when that generation was finished
    to: Path | None = None
    kept: bool = False  # --to was given: the restored files stay
    restore: RestoreReport | None = None
    compared: list[tuple[str, int]] = field(default_factory=list)  # (path, size) of every file compared
    reasons: list[Message] = field(default_factory=list)
    report: Path | None = None

    @property
    def seconds(self) -> float:
        return self.restore.seconds if self.restore is not None else 0.0

    @property
    def files(self) -> int:
        return self.restore.files if self.restore is not None else 0

    @property
    def bytes(self) -> int:
        return self.restore.bytes if self.restore is not None else 0

    @property
    def mismatches(self) -> list:
        return self.restore.mismatches if self.restore is not None else []

    @property
    def throughput(self) -> float | None:
        """Bytes a second, restore and comparison together (what a real restore would take)."""
        if self.restore is None or self.seconds <= 0:
            return None
        return self.bytes / self.seconds

    def messages(self) -> list[Message]:
        """The headline first, then where the report and the files are."""
        out: list[Message] = []
        if self.outcome == "ok" or (self.outcome == "warning" and self.restore is not None and not self.mismatches):
            from tsbackup_gui.core.primary.space import human_size

            when = _minute(self.snapshot_time) if self.snapshot_time else "?"
            out.append(PASSED(files=self.files, size=human_size(self.bytes), when=when, seconds=f"{self.seconds:.1f}"))
        out += self.reasons
        if self.report is not None:
            out.append(REPORT_AT(path=str(self.report)))
        if self.kept and self.to is not None and self.restore is not None:
            out.append(KEPT_AT(path=str(self.to)))
        return out

    def to_json(self, translate: Callable[[Message], str] | None = None) -> dict[str, Any]:
        say = translate or (lambda message: message.english())
        return {
            "outcome": self.outcome, "exit_code": int(self.exit_code),
            "started": _iso(self.started), "ended": _iso(self.ended), "computer": self.computer, "repo": self.repo,
            "snapshot": self.snapshot_id, "snapshot_time": _iso(self.snapshot_time), "generation": self.generation,
            "backup_time": _iso(self.backup_time), "files": self.files, "bytes": self.bytes,
            "seconds": round(self.seconds, 3),
            "throughput": round(self.throughput, 1) if self.throughput is not None else None,
            "mismatches": [m.to_json() for m in self.mismatches],
            "to": str(self.to) if self.kept and self.to is not None else None,
            "report": str(self.report) if self.report is not None else None,
            "reasons": [{"code": m.id, "message": say(m)} for m in self.reasons],
        }


def reports_dir(where: Places | None = None) -> Path:
    return (where or places()).state_dir / REPORTS_DIR


def report_path(day: date, where: Places | None = None) -> Path:
    """``reports/drill-YYYY-MM-DD.pdf``; a second drill that day gets ``-2`` and so on, never overwriting."""
    folder = reports_dir(where)
    base = f"drill-{day.isoformat()}"
    path = folder / f"{base}.pdf"
    n = 2
    while path.exists():
        path = folder / f"{base}-{n}.pdf"
        n += 1
    return path


def why_no_drill(config: Config) -> Message | None:
    """Why the drill cannot run (it restores the off-site copy, which this program must be able to
    read), or None when it can: the one rule for the command, the window's button and its tooltip."""
    secondary = config.secondary or {}
    if not is_configured(secondary):
        return NO_OFFSITE()
    if is_external(secondary):
        return EXTERNAL(where=external_text(secondary))
    return None


def require_offsite(config: Config) -> None:
    """Exit 2 with one sentence when there is no off-site copy this program can restore."""
    reason = why_no_drill(config)
    if reason is not None:
        raise UserError(reason, Exit.USAGE)


def run_drill(config: Config, *, clock: Clock, to: Path | None = None, write_report: ReportWriter | None = None,
              where: Places | None = None, secrets=None) -> DrillResult:
    """Restores, compares, reports, records. Raises `UserError` (exit 2, nothing recorded) only when
    there is nothing to drill or `to` is not an empty folder; every other end is a recorded result."""
    here = where or places()
    require_offsite(config)
    if to is not None:
        to = Path(to).expanduser().absolute()
        check_target(to)
    if secrets is None:
        from tsbackup_gui.core.store.secrets import SecretStore

        secrets = SecretStore(config.setup_id)
    started = clock.now()
    result = DrillResult("failed", Exit.USAGE, started, started, config.computer,
                         display_repo(str((config.secondary or {}).get("repo", ""))), to=to, kept=to is not None)
    scratch = to if to is not None else _scratch(here, started)
    result.to = scratch
    try:
        _restore(config, secrets, scratch, result)
    except UserError as error:
        result.exit_code = Exit.WARNING if error.message.id == "offsite.unreachable" else error.exit_code
        result.reasons.append(error.message)
    finally:
        if to is None:
            remove_tree_quietly(scratch)
    if result.restore is not None and write_report is not None:
        _write_report(result, write_report, here)
    result.ended = clock.now()
    _record(result, here)
    return result


def _scratch(here: Places, started: datetime) -> Path:
    base = here.state_dir / SCRATCH_DIR / started.strftime("%Y-%m-%d_%H%M%S")
    path, n = base, 2
    while path.exists():
        path = base.with_name(f"{base.name}-{n}")
        n += 1
    return path


def _restore(config: Config, secrets, scratch: Path, result: DrillResult) -> None:
    restic = open_repository(config.secondary or {}, secrets)
    result.repo = display_repo(restic.repo)
    snapshots = restic.snapshots(host=config.computer, tags=[setup_tag(config.setup_id)])
    if not snapshots:
        raise UserError(NO_SNAPSHOT(repo=result.repo), Exit.WARNING)
    newest = max(snapshots, key=lambda s: s.time)
    result.snapshot_id, result.snapshot_time = newest.id, newest.time
    result.generation = newest.tag_value(GENERATION_TAG_PREFIX)
    try:
        report = restore_from_snapshot(restic, newest.id, scratch)
    except RestoreVerifyError as error:
        report = error.report
        first = report.mismatches[0]
        result.reasons.append(MISMATCH(count=len(report.mismatches), path=first.path, problem=first.problem_message()))
        result.exit_code = Exit.VERIFY_FAILED
    else:
        result.outcome, result.exit_code = "ok", Exit.OK
    result.restore = report
    _read_manifest(scratch, result)


def _read_manifest(scratch: Path, result: DrillResult) -> None:
    """What the restored manifest says about the generation, and the list of files compared."""
    try:
        manifest = Manifest.read(scratch / MANIFEST_NAME)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        log.warning("drill: restored manifest unreadable: %s", exc)
        return
    result.verdict = manifest.verdict
    result.generation = result.generation or manifest.generation
    try:
        result.backup_time = datetime.fromisoformat(manifest.ended)
    except (TypeError, ValueError):
        pass
    bad = {m.path for m in result.mismatches}
    result.compared = [(e.path, e.size) for e in stored_entries(manifest) if e.type == "file" and e.path not in bad]


def _write_report(result: DrillResult, write_report: ReportWriter, here: Places) -> None:
    path = report_path(result.started.date(), here)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        result.report = path  # the report names itself
        write_report(result, path)
    except Exception as exc:  # the drill happened; a missing report is a warning, not a lost drill
        log.exception("drill report failed")
        result.report = None
        result.reasons.append(REPORT_FAILED(path=str(path), reason=getattr(exc, "strerror", None) or str(exc)))
        if result.exit_code == Exit.OK:
            result.outcome, result.exit_code = "warning", Exit.WARNING


def _record(result: DrillResult, here: Places) -> None:
    history = History(here.history_db, lock_path=here.lock_file)
    details = {
        "repo": result.repo, "snapshot": result.snapshot_id, "snapshot_time": _iso(result.snapshot_time),
        "seconds": round(result.seconds, 3), "throughput": result.throughput,
        "mismatches": len(result.mismatches), "report": str(result.report) if result.report else None,
        "to": str(result.to) if result.kept and result.to else None,
    }
    try:
        history.record("drill", result.started, result.ended, result.outcome, result.exit_code, result.reasons,
                       files=result.files, bytes=result.bytes, generation=result.generation, details=details)
    except UserError as error:
        log.error("history: %s", error.message.english())
        result.reasons.append(error.message)
        if result.exit_code == Exit.OK:
            result.outcome, result.exit_code = "warning", Exit.WARNING


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment is not None else None


def _minute(moment: datetime) -> str:
    return minute_text(moment.astimezone())
