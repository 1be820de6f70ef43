"""`tsbackup run --scheduled`: only a due slot runs; waits for timeSensor LEGAL or the backup
drive are one history record per slot; a plain `run` records every attempt."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from processes import wait_until
from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.store.config import WEEKDAYS
from tsbackup_gui.core.guard.single_user import find_running
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.run.backup import run_backup
from tsbackup_gui.core.setup.configure import SetupOptions, configure

ZURICH = ZoneInfo("Europe/Zurich")
MONDAY_SLOT = datetime(2026, 11, 2, 18, 30, tzinfo=ZURICH)
#: A timeSensor of this module's own. Not "timeSensor LEGAL …": the guard counts a program whose name
#: (15 characters or more) begins a wanted name as that name, so a real timeSensor LEGAL would match it.
APP = f"tsb timeSensor {uuid.uuid4().hex[:8]}"
PLAIN = "Close timeSensor LEGAL to start today's backup."


def make_source(root: Path) -> Path:
    source = root / "Shared" / "timeSensor DataFiles"
    (source / "Dokumente").mkdir(parents=True)
    (source / "timeSensor.4DD").write_bytes(os.urandom(50_000))
    for index in range(10):
        (source / "Dokumente" / f"Brief {index}.docx").write_bytes(os.urandom(300))
    return source


def generations_of(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


@pytest.fixture
def configured(tmp_path):
    """Set up the Friday before, after that day's slot; slots Monday to Friday at 18:30."""
    source = make_source(tmp_path)
    drive = tmp_path / "drive"
    drive.mkdir()
    result = configure(SetupOptions(str(source), str(drive), computer="PC", time="18:30"),
                       clock=FixedClock(MONDAY_SLOT - timedelta(days=3) + timedelta(minutes=30)))
    result.config.process_names = [APP]
    return result.config, drive, result.folder


@pytest.fixture
def app(tmp_path):
    """A real process with the configured program name while the test runs."""
    binary = tmp_path / "Applications" / APP
    binary.parent.mkdir(parents=True)
    shutil.copy2(shutil.which("sleep") or "/bin/sleep", binary)
    proc = subprocess.Popen([str(binary), "60"], stdin=subprocess.DEVNULL)
    wait_until(lambda: any(b.pid == proc.pid for b in find_running([APP])), what="the app did not start")
    yield proc
    proc.kill()
    proc.wait(timeout=10)


def test_not_due_is_exit_0_and_records_nothing(configured):
    config, drive, folder = configured
    events = []
    result = run_backup(config, clock=FixedClock(MONDAY_SLOT - timedelta(minutes=1)), events=events.append, scheduled=True)
    assert (result.outcome, result.exit_code, result.generation) == ("not-due", 0, None)
    assert [r.english() for r in result.messages()] == ["No backup is due now. The next one is due on 2026-11-02 18:30."]
    assert events == [{"event": "summary", "outcome": "not-due", "exit_code": 0, "generation": None, "files": None,
                       "bytes": None, "reasons": [{"code": "run.not_due", "message": result.reasons[0].english()}]}]
    assert History().attempts() == [] and generations_of(folder) == []


def test_due_runs_once_per_slot(configured):
    config, drive, folder = configured
    clock = FixedClock(MONDAY_SLOT + timedelta(minutes=1))
    result = run_backup(config, clock=clock, scheduled=True)
    assert (result.outcome, result.exit_code) == ("ok", 0)
    assert generations_of(folder) == [result.generation]
    clock.advance(minutes=10)
    again = run_backup(config, clock=clock, scheduled=True)
    assert (again.outcome, again.exit_code) == ("not-due", 0)
    assert len(History().attempts()) == 1
    clock.advance(days=1)  # Tuesday's slot
    assert run_backup(config, clock=clock, scheduled=True).outcome == "ok"
    assert len(History().attempts()) == 2 and len(generations_of(folder)) == 2


def test_two_busy_skips_of_one_slot_are_one_record_and_the_slot_stays_due(configured, app):
    config, drive, folder = configured
    clock = FixedClock(MONDAY_SLOT + timedelta(minutes=1))
    first = run_backup(config, clock=clock, scheduled=True)
    clock.advance(minutes=1)
    second = run_backup(config, clock=clock, scheduled=True)
    for result in (first, second):
        assert (result.outcome, result.exit_code, result.generation) == ("skipped", 3, None)
        assert result.reasons[0].english() == PLAIN
    (attempt,) = History().attempts()
    assert (attempt.outcome, attempt.exit_code, attempt.reason_code) == ("skipped", 3, "guard.source_busy")
    assert attempt.started == MONDAY_SLOT + timedelta(minutes=1) and attempt.ended == MONDAY_SLOT + timedelta(minutes=2)
    assert generations_of(folder) == []

    app.kill()
    app.wait(timeout=10)
    clock.advance(minutes=30)
    done = run_backup(config, clock=clock, scheduled=True)  # the slot is still due: it runs by itself now
    assert (done.outcome, done.exit_code) == ("ok", 0)
    assert [a.outcome for a in History().attempts()] == ["ok", "skipped"]


def test_a_plain_run_records_every_busy_attempt(configured, app):
    config, drive, folder = configured
    clock = FixedClock(MONDAY_SLOT + timedelta(minutes=1))
    assert run_backup(config, clock=clock).exit_code == 3
    clock.advance(minutes=1)
    assert run_backup(config, clock=clock).exit_code == 3
    assert [(a.outcome, a.exit_code) for a in History().attempts()] == [("skipped", 3)] * 2


def test_a_missing_drive_is_one_record_per_slot(configured, tmp_path):
    config, drive, folder = configured
    drive.rename(tmp_path / "drive-away")
    drive.mkdir()  # the empty mount point
    clock = FixedClock(MONDAY_SLOT + timedelta(minutes=1))
    for _ in range(3):
        result = run_backup(config, clock=clock, scheduled=True)
        assert (result.outcome, result.exit_code) == ("failed", 4)
        assert result.reasons[0].id == "primary.drive_not_connected"
        clock.advance(minutes=1)
    (attempt,) = History().attempts()
    assert (attempt.outcome, attempt.exit_code, attempt.reason_code) == ("failed", 4, "primary.drive_not_connected")
    assert os.listdir(drive) == []

    clock.set(MONDAY_SLOT + timedelta(days=1, minutes=1))  # the next slot gets its own record
    assert run_backup(config, clock=clock, scheduled=True).exit_code == 4
    assert len(History().attempts()) == 2


def test_cli_scheduled_not_due_then_due(tmp_path, run_cli):
    """Every command runs at a moment of ours (Friday 27 November, 10:00 in Zurich, and a minute later
    each), so "due" never depends on the real clock (a midnight slot passed between two commands)."""
    friday = datetime(2026, 11, 27, 10, 0, tzinfo=ZURICH)
    source = make_source(tmp_path)
    drive = tmp_path / "drive"
    drive.mkdir()
    assert run_cli("setup", "--source", source, "--primary", drive, "--computer", "PC", at=friday).returncode == 0

    quiet = run_cli("run", "--scheduled", at=friday + timedelta(minutes=1))  # set up just now: the slot is ahead
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stdout.splitlines()[0] == "No backup is due now. The next one is due on 2026-11-27 18:30."
    as_json = run_cli("run", "--scheduled", "--json", at=friday + timedelta(minutes=2))
    assert as_json.returncode == 0
    (summary,) = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert (summary["event"], summary["outcome"], summary["exit_code"]) == ("summary", "not-due", 0)
    assert History().attempts() == []
    assert generations_of(drive / "timeSensor Backups" / "PC") == []

    config = config_mod.require()  # as if set up three days before, with a slot every day at midnight
    config.created = (friday - timedelta(days=3)).isoformat(timespec="seconds")
    config.working_days = list(WEEKDAYS)
    config.time = "00:00"
    config.process_names = [APP]
    config_mod.save(config)
    due = run_cli("run", "--scheduled", at=friday + timedelta(minutes=3))  # that night's slot was missed
    assert due.returncode == 0, due.stdout + due.stderr
    assert due.stdout.startswith("Backup finished: 11 files, ")
    again = run_cli("run", "--scheduled", at=friday + timedelta(minutes=4))
    assert again.stdout.splitlines()[0] == "No backup is due now. The next one is due on 2026-11-28 00:00."
    (attempt,) = History().attempts()
    assert attempt.outcome == "ok" and attempt.started.astimezone(ZURICH).date().isoformat() == "2026-11-27"
