"""The off-site step of a run: after a good primary generation, upload it with restic.

The primary backup counts whatever happens here: an unreachable target, a
wrong password or a restic failure only add a warning (exit 1) to the run,
and the reason ``offsite.unreachable`` makes the schedule retry hourly.

What the next run needs is kept in the history, in the attempt's details:
``offsite`` describes this run's upload (the summary event shows the same),
and ``offsite_last`` carries the newest good off-site snapshot forward
(repository, snapshot id, time, last prune, and ``snapshots``: how many of
this setup's snapshots the repository kept after retention) so every run finds it in the
newest attempt that had an off-site step, however old the snapshot is. The
run passes that snapshot id as ``--parent`` (no listing of the repository,
which would cost another key derivation) and prunes once a week by it; the
status model reads its time for the "off-site copy is N days old" warning.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.errors import Exit
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.offsite.records import LAST_KEY, RECENT, STEP_KEY, last_offsite, offsite_configured
from tsbackup_gui.core.primary.space import format_count, human_size

log = logging.getLogger(__name__)

OFFSITE_UNEXPECTED = define(
    "offsite.unexpected",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site copy stopped because of an unexpected error ({reason}). The backup on the backup drive is "
        "complete; the details are in the log.",
    ),
)
FINISHED_OFFSITE = define(
    "run.finished_offsite",
    QT_TRANSLATE_NOOP(
        "core",
        "Backup finished: {files} files, {size}, generation {generation}; off-site snapshot {snapshot} ({added} uploaded).",
    ),
)
FINISHED_OFFSITE_WARNINGS = define(
    "run.finished_offsite_warnings",
    QT_TRANSLATE_NOOP(
        "core",
        "Backup finished with warnings: {files} files, {size}, generation {generation}; "
        "off-site snapshot {snapshot} ({added} uploaded).",
    ),
)

def offsite_after_primary(config: Config, result, *, clock: Clock, emit: Callable[[dict[str, Any]], None],
                          history: History, generations=None, cancel=None) -> None:
    """Runs the off-site step when the primary run made a generation; updates ``result`` in place.

    Never raises: an off-site problem is a warning of a run whose primary copy counts.
    """
    if result.generation is None or result.outcome not in ("ok", "warning") or not offsite_configured(config):
        return
    try:
        _step(config, result, clock=clock, emit=emit, history=history, generations=generations, cancel=cancel)
    except Exception as exc:  # a bug or an OS error nobody foresaw: the primary still counts
        log.exception("off-site step failed unexpectedly")
        _warn(result, [OFFSITE_UNEXPECTED(reason=f"{type(exc).__name__}: {exc}")])
        result.offsite = {**_empty("warning"), **(result.offsite or {}), "outcome": "warning"}


def _step(config: Config, result, *, clock: Clock, emit, history: History, generations, cancel=None) -> None:
    from tsbackup_gui.core.offsite.upload import run_offsite
    from tsbackup_gui.core.store.secrets import SecretStore

    repo = (config.secondary or {}).get("repo")
    previous = last_offsite(history.attempts(limit=RECENT, kind="backup"), repo)
    # A repository set up by setup has nothing to prune yet: the first prune is a week after its setup.
    last_prune = _time((previous or {}).get("pruned")) or _time((config.secondary or {}).get("since"))
    present = [g for g in generations or () if Path(g.path).is_dir()]  # retention may have removed some
    offsite = run_offsite(
        config, SecretStore(config.setup_id), present or None, clock, emit,
        last_prune=last_prune, last_snapshot=(previous or {}).get("snapshot"), cancel=cancel,
    )
    summary = offsite.summary
    step = _empty(offsite.outcome)
    if summary is not None:
        step.update(snapshot=summary.snapshot_id, parent=offsite.parent, files_new=summary.files_new,
                    files_changed=summary.files_changed, files_unmodified=summary.files_unmodified,
                    bytes_added=summary.data_added)
    step["generation"] = offsite.generation
    result.offsite = step
    if offsite.outcome == "skipped":
        return
    emit(offsite.to_json())
    now = clock.now().isoformat(timespec="seconds")
    record = dict(previous or {}, repo=repo)
    if offsite.snapshot_id:
        record.update(snapshot=offsite.snapshot_id, time=now, generation=offsite.generation)
    if offsite.pruned:
        record["pruned"] = now
    if offsite.kept is not None:  # after retention: what the status window shows as the snapshot count
        record["snapshots"] = step["snapshots"] = offsite.kept
    elif offsite.snapshot_id:  # a new snapshot and no count (append-only, retention failed): the old one is wrong
        record.pop("snapshots", None)
    result.details[STEP_KEY] = {**step, "pruned": offsite.pruned, "forgotten": len(offsite.forgotten)}
    if record.get("snapshot") or record.get("pruned"):
        result.details[LAST_KEY] = record
    _warn(result, offsite.reasons)


def _empty(outcome: str) -> dict[str, Any]:
    return {"outcome": outcome, "snapshot": None, "files_new": None, "files_changed": None,
            "files_unmodified": None, "bytes_added": None}


def _warn(result, reasons: list[Message]) -> None:
    if not reasons:
        return
    result.reasons.extend(reasons)
    if result.outcome == "ok":
        result.outcome, result.exit_code = "warning", Exit.WARNING


def _time(value) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def headline(result) -> Message | None:
    """The run's first sentence when an off-site snapshot was made; None otherwise (the plain one)."""
    step = result.offsite or {}
    if result.generation is None or not step.get("snapshot") or result.outcome not in ("ok", "warning"):
        return None
    kind = FINISHED_OFFSITE if result.outcome == "ok" else FINISHED_OFFSITE_WARNINGS
    return kind(files=format_count(result.files or 0), size=human_size(result.bytes or 0),
                generation=result.generation, snapshot=str(step["snapshot"])[:8],
                added=human_size(step.get("bytes_added") or 0))
