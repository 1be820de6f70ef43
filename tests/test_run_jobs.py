"""`run_backup` in-process: skips with reasons, retention over days with a moved clock,
the mass-change pause, failed runs that delete nothing, a full drive."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.guard.single_user import SingleUserGuard
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.run.backup import run_backup
from tsbackup_gui.core.setup.configure import SetupOptions, configure

ZURICH = timezone(timedelta(hours=1))
MONDAY = datetime(2026, 11, 2, 18, 30, tzinfo=ZURICH)


def make_source(root: Path, files: int = 24) -> Path:
    source = root / "timeSensor DataFiles"
    (source / "Akten").mkdir(parents=True)
    (source / "timeSensor.4DD").write_bytes(os.urandom(20_000))
    for index in range(files):
        (source / "Akten" / f"Akte {index}.pdf").write_bytes(os.urandom(200))
    return source


@pytest.fixture
def setup_done(tmp_path):
    source = make_source(tmp_path)
    drive = tmp_path / "drive"
    drive.mkdir()
    result = configure(SetupOptions(str(source), str(drive), computer="PC", keep_daily=1, keep_weekly=1, keep_monthly=1))
    return result.config, source, result.folder


def generations(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def test_busy_source_is_a_recorded_skip(setup_done):
    config, source, folder = setup_done
    events = []
    sleeper = subprocess.Popen(["sleep", "60"])
    try:
        result = run_backup(config, clock=FixedClock(MONDAY), events=events.append,
                            guard_factory=lambda cfg: SingleUserGuard(Path(cfg.source), names=["sleep"]))
    finally:
        sleeper.kill()
        sleeper.wait()
    assert (result.outcome, result.exit_code, result.generation) == ("skipped", 3, None)
    assert [reason.id for reason in result.reasons][0] == "guard.source_busy"
    assert result.reasons[0].english() == "Close timeSensor LEGAL to start today's backup."
    assert [event["event"] for event in events] == ["start", "summary"]
    assert events[-1]["reasons"][0] == {"code": "guard.source_busy", "message": "Close timeSensor LEGAL to start today's backup."}
    assert generations(folder) == []
    (attempt,) = History().attempts()
    assert (attempt.outcome, attempt.exit_code, attempt.reason_code) == ("skipped", 3, "guard.source_busy")
    assert attempt.started == MONDAY and attempt.ended == MONDAY

    # Once the program is closed, the same guard lets the copy through.
    result = run_backup(config, clock=FixedClock(MONDAY + timedelta(minutes=5)),
                        guard_factory=lambda cfg: SingleUserGuard(Path(cfg.source), names=["sleep-not-running"]))
    assert (result.outcome, result.exit_code) == ("ok", 0)
    assert [a.outcome for a in History().attempts()] == ["ok", "skipped"]


def test_retention_and_the_mass_change_pause(setup_done):
    config, source, folder = setup_done
    clock = FixedClock(MONDAY)
    first = run_backup(config, clock=clock)
    assert (first.outcome, first.generation) == ("ok", "2026-11-02_183000")

    clock.advance(days=2)
    second = run_backup(config, clock=clock)
    assert second.outcome == "ok"
    assert generations(folder) == ["2026-11-04_183000"]  # keep 1/1/1: the older one went

    clock.advance(days=2)
    (source / "Akten" / "Akte 0.pdf").write_bytes(b"neu")
    assert run_backup(config, clock=clock).outcome == "ok"
    assert generations(folder) == ["2026-11-06_183000"]

    clock.advance(days=2)
    for path in (source / "Akten").iterdir():
        path.write_bytes(os.urandom(64))
    events = []
    paused = run_backup(config, clock=clock, events=events.append)
    assert (paused.outcome, paused.exit_code) == ("warning", 1)
    assert [reason.id for reason in paused.reasons] == ["primary.mass_change"]
    assert paused.reasons[0].english().startswith("This backup differs from the previous one in 24 of 25 files.")
    assert events[-1]["outcome"] == "warning" and events[-1]["reasons"][0]["code"] == "primary.mass_change"
    assert generations(folder) == ["2026-11-06_183000", "2026-11-08_183000"]  # nothing deleted
    assert History().attempts()[0].reason_code == "primary.mass_change"


def test_failed_run_deletes_nothing(setup_done, tmp_path):
    config, source, folder = setup_done
    clock = FixedClock(MONDAY)
    assert run_backup(config, clock=clock).outcome == "ok"
    clock.advance(days=30)
    source.rename(tmp_path / "moved")
    result = run_backup(config, clock=clock)
    assert result.outcome == "failed" and result.exit_code == 2
    assert result.reasons[0].id == "primary.source_missing"
    assert generations(folder) == ["2026-11-02_183000"]


def test_event_listener_failure_does_not_stop_the_backup(setup_done):
    config, _, folder = setup_done

    def broken(event):
        raise BrokenPipeError("the window went away")

    result = run_backup(config, clock=FixedClock(MONDAY), events=broken)
    assert result.outcome == "ok" and generations(folder) == [result.generation]


@pytest.fixture
def small_drive(tmp_path):
    point = tmp_path / "small-drive"
    point.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(point)], check=True)
    yield point
    subprocess.run(["umount", str(point)], check=True)


def test_full_drive_is_a_recorded_failure(tmp_path, small_drive):
    source = make_source(tmp_path)
    (source / "timeSensor.4DD").write_bytes(os.urandom(3 << 20))
    configure(SetupOptions(str(source), str(small_drive), computer="PC"))
    config = config_mod.require()
    result = run_backup(config, clock=FixedClock(MONDAY))
    assert (result.outcome, result.exit_code, result.generation) == ("failed", 4, None)
    (attempt,) = History().attempts()
    assert attempt.outcome == "failed" and attempt.exit_code == 4
    assert "backup drive" in attempt.reason.english()
    assert sorted(os.listdir(small_drive / "timeSensor Backups" / "PC")) == [".tsbackup-lock", ".tsbackup-target"]


def test_unusable_journal_stops_the_run_before_copying(setup_done):
    from tsbackup_gui.core.places import places

    config, _, folder = setup_done
    places().history_db.mkdir(parents=True)  # something in the journal's place that SQLite cannot open
    events = []
    result = run_backup(config, clock=FixedClock(MONDAY), events=events.append)
    assert (result.outcome, result.exit_code, result.generation) == ("failed", 2, None)
    assert result.reasons[0].english().startswith(f"The backup journal {places().history_db} cannot be used (")
    assert events[-1]["event"] == "summary" and events[-1]["reasons"][0]["code"] == "history.failed"
    assert generations(folder) == []
