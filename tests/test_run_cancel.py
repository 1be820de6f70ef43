"""Cancelling a run (the tray's "Cancel backup"): the copy stops, nothing half-made stays,
older generations are untouched, and the attempt is recorded as skipped with its reason."""

from __future__ import annotations

import hashlib
import os
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.guard.single_user import SingleUserGuard
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.run.backup import run_backup
from tsbackup_gui.core.setup.configure import SetupOptions, configure

ZURICH = timezone(timedelta(hours=1))
MONDAY = datetime(2026, 11, 2, 18, 30, tzinfo=ZURICH)


def _tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cancel_mid_copy_keeps_nothing_and_records_a_skip(tmp_path):
    source = tmp_path / "timeSensor DataFiles"
    (source / "Akten").mkdir(parents=True)
    (source / "timeSensor.4DD").write_bytes(os.urandom(50_000))
    for index in range(400):
        (source / "Akten" / f"Akte {index}.pdf").write_bytes(os.urandom(2_000))
    drive = tmp_path / "drive"
    drive.mkdir()
    config = configure(SetupOptions(str(source), str(drive), computer="PC")).config
    names = lambda cfg: SingleUserGuard(Path(cfg.source), names=["no-such-program-here"])  # noqa: E731
    clock = FixedClock(MONDAY)
    first = run_backup(config, clock=clock, guard_factory=names)
    assert first.exit_code == 0
    folder = drive / "timeSensor Backups" / "PC"
    before = _tree_digest(folder / first.generation)

    (source / "timeSensor.4DD").write_bytes(os.urandom(50_000))  # something to copy again
    clock.advance(days=1)
    cancel = threading.Event()

    def on_event(event):
        if event.get("event") == "progress":
            cancel.set()  # the user clicks "Cancel backup" once the copy has begun

    result = run_backup(config, clock=clock, guard_factory=names, events=on_event, cancel=cancel)
    assert (result.outcome, result.exit_code, result.generation) == ("skipped", 130, None)
    assert result.reasons[0].english() == (
        "The backup was cancelled. Nothing was changed; the previous backups are untouched.")
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".tsbackup")) == [first.generation]
    assert _tree_digest(folder / first.generation) == before
    newest = History().attempts(limit=1)[0]
    assert (newest.outcome, newest.exit_code, newest.reason_code) == ("skipped", 130, "run.cancelled")


def test_a_cancel_before_the_start_copies_nothing(tmp_path):
    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    (source / "timeSensor.4DD").write_bytes(b"x" * 100)
    drive = tmp_path / "drive"
    drive.mkdir()
    config = configure(SetupOptions(str(source), str(drive), computer="PC")).config
    cancel = threading.Event()
    cancel.set()
    result = run_backup(config, clock=FixedClock(MONDAY), cancel=cancel,
                        guard_factory=lambda cfg: SingleUserGuard(Path(cfg.source), names=["no-such-program-here"]))
    assert result.exit_code == 130
    assert [p.name for p in (drive / "timeSensor Backups" / "PC").iterdir() if not p.name.startswith(".tsbackup")] == []
