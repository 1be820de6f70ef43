"""With two backup drives in rotation and only drive 2 connected, the tray's look whether a wait
is over, the monthly check, the damaged-file records and the off-site step all use drive 2.

The data folder lives on /dev/shm (another file system than the drives under tmp_path),
because a second drive on the data's own disk is refused."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from zoneinfo import ZoneInfo

from test_restic_support import PASSWORD, new_repo

from tsbackup_gui.core.schedule import tick
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.run.backup import run_backup
from tsbackup_gui.core.primary.target import BACKUPS_DIR
from tsbackup_gui.core.drives.rotation import add_drive
from tsbackup_gui.core.offsite.upload import run_offsite
from tsbackup_gui.core.store.secrets import SecretStore
from tsbackup_gui.core.setup.configure import SetupOptions, configure
from tsbackup_gui.core.status.facts import load_attempts
from tsbackup_gui.core.check.monthly import run_check
from tsbackup_gui.core.drives.rotation import connected_generations
from tsbackup_gui.core.primary.damage import damaged_paths, remember_damaged

ZH = ZoneInfo("Europe/Zurich")
MONDAY = datetime(2026, 11, 2, 18, 30, tzinfo=ZH)  # the setup's slot


@pytest.fixture
def shm_source():
    root = Path(tempfile.mkdtemp(prefix="tsbackup-followups-", dir="/dev/shm"))
    source = root / "timeSensor DataFiles"
    (source / "Akten").mkdir(parents=True)
    (source / "timeSensor.4DD").write_bytes(os.urandom(4000))
    (source / "Akten" / "Akte 1.pdf").write_bytes(b"%PDF-1.4 Akte")
    yield source
    shutil.rmtree(root, ignore_errors=True)


def two_drives(tmp_path, source, **options):
    first, second = tmp_path / "Backup A", tmp_path / "Backup B"
    first.mkdir()
    second.mkdir()
    config = configure(SetupOptions(str(source), str(first), computer="PC", time="18:30", **options),
                       clock=FixedClock(MONDAY - timedelta(days=1))).config
    config = add_drive(config, second, "Backup B", now=MONDAY - timedelta(days=1))
    return config, first, second


def unplug(drive: Path) -> Path:
    away = drive.with_name(drive.name + " (unplugged)")
    drive.rename(away)
    drive.mkdir()  # the empty mount point an unmounted drive leaves
    return away


def plug(drive: Path, away: Path) -> None:
    drive.rmdir()
    away.rename(drive)


def generations(drive: Path) -> list[str]:
    folder = drive / BACKUPS_DIR / "PC"
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) if folder.exists() else []


def test_a_wait_for_the_drive_ends_when_drive_2_is_plugged_in(tmp_path, shm_source):
    config, first, second = two_drives(tmp_path, shm_source)
    away_first, away_second = unplug(first), unplug(second)
    clock = FixedClock(MONDAY + timedelta(minutes=1))
    waited = run_backup(config, clock=clock, scheduled=True)
    assert (waited.outcome, waited.exit_code) == ("failed", 4)
    plan = tick.plan(config, load_attempts(History()), clock.now(), running=False)
    assert plan.action == tick.RETRY
    blocked = tick.preflight(config, guard_factory=None)
    assert [m.id for m in blocked] == ["primary.drive_not_connected"]

    plug(second, away_second)  # drive 2 comes back; drive 1 stays at home
    assert tick.preflight(config, guard_factory=None) == []  # the tray starts the run now
    clock.advance(minutes=1)
    run = run_backup(config, clock=clock, scheduled=True)
    assert (run.outcome, run.exit_code) == ("ok", 0), run.reasons
    assert generations(second) == [run.generation] and generations(away_first) == []


def test_monthly_check_and_damaged_records_use_the_connected_drive(tmp_path, shm_source):
    config, first, second = two_drives(tmp_path, shm_source)
    unplug(first)
    clock = FixedClock(MONDAY)
    made = run_backup(config, clock=clock)
    assert made.outcome == "ok" and generations(second) == [made.generation]

    (newest,) = [g for g in connected_generations(config) if g.id == made.generation]
    remember_damaged(config, newest, ["Akten/Akte 1.pdf"], clock.now())
    assert damaged_paths(config, connected_generations(config)) == {"Akten/Akte 1.pdf"}  # the next run copies it afresh on drive 2

    clock.advance(hours=1)
    checked = run_check(config, clock=clock)
    assert checked.generation == made.generation  # drive 2's newest generation was read
    assert "primary.drive_not_connected" not in [f.message.id for f in checked.findings]
    assert checked.outcome in ("ok", "warning") and checked.files >= 2
    assert damaged_paths(config, connected_generations(config)) == set()  # the check found it intact on drive 2


def test_the_off_site_step_without_generations_reads_the_connected_drive(tmp_path, shm_source):
    repo = new_repo(tmp_path / "nas" / "tsbackup")
    config, first, second = two_drives(tmp_path, shm_source, secondary=str(repo), password=PASSWORD)
    unplug(first)
    clock = FixedClock(MONDAY)
    made = run_backup(config, clock=clock)
    assert made.outcome == "ok" and made.offsite["generation"] == made.generation, made.reasons

    clock.advance(hours=1)
    again = run_offsite(config, SecretStore(config.setup_id), None, clock)
    assert (again.outcome, again.generation, again.reasons) == ("ok", made.generation, [])


def test_the_window_the_restore_list_and_the_summary_read_drive_2_when_only_it_is_connected(tmp_path, shm_source):
    from tsbackup_gui.app import overview_targets
    from tsbackup_gui.app.overview import _list_generations
    from tsbackup_gui.core.reports.summary import generation_lines
    from tsbackup_gui.core.restore.choices import primary_choices

    config, first, second = two_drives(tmp_path, shm_source)
    away_first = unplug(first)
    made = run_backup(config, clock=FixedClock(MONDAY + timedelta(minutes=1)))
    assert made.exit_code == 0 and generations(second) == [made.generation]

    assert [g.id for g in _list_generations(config)] == [made.generation]
    assert [c.id for c in primary_choices(config)] == [made.generation]
    facts = overview_targets.primary_facts(config, _list_generations(config), [])
    assert facts.where == str(second)
    assert "no backup" not in " ".join(m.english() for m in generation_lines(config)).lower()
    plug(first, away_first)
