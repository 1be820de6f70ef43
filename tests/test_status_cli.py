"""`tsbackup status [--json]` as a real process whose clock `faketime` moves: before setup,
after a good run, six days later, while a run holds the lock, on the source's own disk, and waiting
(for timeSensor LEGAL to close, for the first slot): exit 1."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from zoneinfo import ZoneInfo

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.store.locks import FileLock
from tsbackup_gui.core.places import places

ZH = ZoneInfo("Europe/Zurich")
FAKETIME = shutil.which("faketime")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZH)


@pytest.fixture
def status_cli(cli_env):
    """Runs `tsbackup status ARGS` at a wall-clock moment in Zurich (faketime moves the process's clock)."""
    assert FAKETIME, "faketime is missing: scripts/bootstrap.sh installs it"

    def run(moment: str, *args: str, env: dict[str, str] | None = None):
        full_env = {**cli_env, "TZ": "Europe/Zurich", **(env or {})}
        return subprocess.run(
            [FAKETIME, moment, sys.executable, "-m", "tsbackup_gui.cli", "status", *args],
            env=full_env, capture_output=True, text=True, timeout=60,
        )

    return run


@pytest.fixture
def other_disk():
    """A primary on another device than the source (tmpfs), as a real backup drive is."""
    folder = Path(tempfile.mkdtemp(prefix="tsbackup-primary-", dir="/dev/shm"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def set_up(source: Path, primary: Path) -> Config:
    source.mkdir(parents=True, exist_ok=True)
    config = Config(
        source=str(source), primary=str(primary), computer="KANZLEI-PC",
        secondary={"kind": "folder", "path": "/mnt/offsite"},
        created="2026-11-20T09:00:00+01:00", recovery_sheet_confirmed="2026-11-20",
    )
    config_mod.save(config)
    return config


def good_run(started: str, ended: str) -> None:
    here = places()
    History(here.history_db, lock_path=here.lock_file).record(
        "backup", at(started), at(ended), "ok", 0, files=1234, bytes=56789, generation="2026-11-30_183000",
    )


def test_before_setup_the_state_is_not_configured(status_cli):
    result = status_cli("2026-11-30 20:00:00", "--json")
    assert result.returncode == 3, result.stderr  # UNKNOWN in the monitoring-plugin convention
    data = json.loads(result.stdout)
    assert data == {
        "state": "not-configured", "message": "The backup is not set up yet. Run the setup first.",
        "last_success": None, "next_due": None, "reasons": [], "reminders": [],
    }


def test_after_a_good_run_then_six_days_later(status_cli, tmp_path, other_disk):
    set_up(tmp_path / "timeSensor DataFiles", other_disk)
    good_run("2026-11-30 18:30:00", "2026-11-30 18:42:00")

    evening = status_cli("2026-11-30 20:00:00", "--json")
    assert evening.returncode == 0, evening.stderr
    assert json.loads(evening.stdout) == {
        "state": "ok", "message": "Last backup today 18:42 — all good.",
        "last_success": "2026-11-30T18:42:00+01:00", "next_due": "2026-12-01T18:30:00+01:00",
        "reasons": [], "reminders": [],
    }

    later = status_cli("2026-12-06 20:00:00", "--json")  # Sunday: Tuesday to Friday were missed
    assert later.returncode == 2, later.stderr  # overdue is CRITICAL
    data = json.loads(later.stdout)
    assert (data["state"], data["message"]) == ("overdue", "No backup since Monday.")
    assert data["last_success"] == "2026-11-30T18:42:00+01:00"
    assert data["next_due"] == "2026-12-04T18:30:00+01:00"  # Friday's slot: the one catch-up
    assert data["reasons"] == [{
        "code": "status.missed_slot",
        "message": "The backup planned for Friday 18:30 did not run. Start a backup now, "
                   "and leave the computer switched on at the backup time.",
    }]
    assert data["reminders"] == []

    plain = status_cli("2026-12-06 20:00:00")
    assert plain.returncode == 2  # a monitoring check reads the exit code and the first line as its summary
    assert plain.stdout.splitlines() == [data["message"], data["reasons"][0]["message"]]

    month = status_cli("2026-12-21 10:00:00", "--json")  # 30 days after the setup: the check is due
    assert json.loads(month.stdout)["reminders"] == [{
        "code": "reminder.check", "message": "The monthly check is due. Run the monthly check.",
        "due": "2026-12-20T09:00:00+01:00",
    }]


def test_a_run_holding_the_lock_shows_as_running(status_cli, tmp_path, other_disk):
    set_up(tmp_path / "timeSensor DataFiles", other_disk)
    good_run("2026-11-27 18:30:00", "2026-11-27 18:42:00")
    here = places()
    with FileLock(here.lock_file):
        History(here.history_db, lock_path=here.lock_file).start("backup", at("2026-11-30 18:30:00"))
        result = status_cli("2026-11-30 18:35:00", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["state"] == "running"
    after = status_cli("2026-11-30 18:50:00", "--json")  # the lock is free: that attempt died
    data = json.loads(after.stdout)
    assert (after.returncode, data["state"], data["reasons"][0]["code"]) == (2, "failed", "history.interrupted")


def test_primary_on_the_source_disk_is_a_warning(status_cli, tmp_path):
    set_up(tmp_path / "timeSensor DataFiles", tmp_path / "backup")
    (tmp_path / "backup").mkdir()
    good_run("2026-11-30 18:30:00", "2026-11-30 18:42:00")
    result = status_cli("2026-11-30 20:00:00", "--json")
    data = json.loads(result.stdout)
    assert (result.returncode, data["state"]) == (1, "warning")
    assert [r["code"] for r in data["reasons"]] == ["status.same_disk"]
    assert data["message"].startswith("The backup is on the same disk as the timeSensor LEGAL data")


def test_waiting_for_timesensor_to_close_exits_1(status_cli, tmp_path, other_disk):
    """The evening's slot found timeSensor LEGAL open and waits: not all good (1), not a failure."""
    from tsbackup_gui.core.guard.blockers import PROGRAM_RUNNING, SOURCE_BUSY

    set_up(tmp_path / "timeSensor DataFiles", other_disk)
    good_run("2026-11-27 18:30:00", "2026-11-27 18:42:00")
    here = places()
    History(here.history_db, lock_path=here.lock_file).record(
        "backup", at("2026-11-30 18:30:00"), at("2026-11-30 18:30:01"), "skipped", 3,
        [SOURCE_BUSY(), PROGRAM_RUNNING(name="timeSensor LEGAL", pid=4242)])
    result = status_cli("2026-11-30 18:40:00", "--json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert (data["state"], data["message"]) == ("waiting", "Close timeSensor LEGAL to start today's backup.")
    plain = status_cli("2026-11-30 18:40:00")
    assert plain.returncode == 1
    assert plain.stdout.splitlines()[0] == "Close timeSensor LEGAL to start today's backup."


def test_waiting_for_the_first_backup_exits_1(status_cli, tmp_path, other_disk):
    """Set up this morning, the first slot tonight: waiting, exit 1 (not "all good" before any backup)."""
    config = set_up(tmp_path / "timeSensor DataFiles", other_disk)
    config.created = "2026-11-30T09:00:00+01:00"
    config_mod.save(config)
    result = status_cli("2026-11-30 10:00:00", "--json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["state"] == "waiting" and data["last_success"] is None
    assert data["next_due"] == "2026-11-30T18:30:00+01:00"
