"""A backup drive that comes back under another drive letter or volume name is found by its marker."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from zoneinfo import ZoneInfo

from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.drives import listing, rotation
from tsbackup_gui.core.drives.listing import Partition
from tsbackup_gui.core.primary.target import BACKUPS_DIR, Target
from tsbackup_gui.core.run.backup import run_backup
from tsbackup_gui.core.setup.configure import SetupOptions, configure
from tsbackup_gui.core.status.facts import drive_connected
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.places import places

ZH = ZoneInfo("Europe/Zurich")


@pytest.fixture
def source():
    root = Path(tempfile.mkdtemp(prefix="tsbackup-moved-", dir="/dev/shm"))
    data = root / "timeSensor DataFiles"
    data.mkdir()
    (data / "timeSensor.4DD").write_bytes(os.urandom(3000))
    yield data
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def moved(tmp_path, source, monkeypatch):
    """Set up on E:\\Sicherung (here: mnt-e/Sicherung); the drive now shows up as F: (mnt-f)."""
    old_mount, new_mount, other_mount = tmp_path / "mnt-e", tmp_path / "mnt-f", tmp_path / "mnt-g"
    (old_mount / "Sicherung").mkdir(parents=True)
    config = configure(SetupOptions(str(source), str(old_mount / "Sicherung"), computer="PC")).config
    new_mount.mkdir()
    (old_mount / "Sicherung").rename(new_mount / "Sicherung")  # unplugged as E:, plugged in as F:
    (other_mount / "Sicherung").mkdir(parents=True)
    Target(other_mount / "Sicherung", "PC").write_marker("another-setup")  # another office's drive: never used
    partitions = [Partition("/dev/sdg1", str(other_mount), "exfat"), Partition("/dev/sdf1", str(new_mount), "ntfs"),
                  Partition("nas:/share", str(tmp_path), "nfs")]
    monkeypatch.setattr(listing, "system_partitions", lambda: partitions)
    return config, old_mount / "Sicherung", new_mount / "Sicherung", partitions


def test_the_drive_is_found_on_another_volume_by_its_marker(moved):
    config, old, new, partitions = moved
    drive = rotation.found_elsewhere(config, lambda: partitions)
    assert drive is not None and drive["path"] == str(new) and drive["moved_from"] == str(old)
    chosen, used = rotation.choose(config)
    assert chosen.primary == str(new) and used["moved_from"] == str(old)
    assert config.primary == str(old)  # the stored setup is unchanged: the run uses the drive where it is now
    assert drive_connected(config)


def test_nothing_is_found_when_only_another_setups_drive_is_there(moved):
    config, _old, new, partitions = moved
    shutil.rmtree(new / BACKUPS_DIR)
    assert rotation.found_elsewhere(config, lambda: partitions) is None
    assert not drive_connected(config)


def test_the_volume_root_itself_is_looked_at_too(tmp_path, moved):
    config, old, new, partitions = moved
    volume = tmp_path / "Volumes" / "Backup 2"
    volume.parent.mkdir()
    new.rename(volume)  # macOS: the folder was the volume itself, which now mounts under another name
    found = rotation.found_elsewhere(config, lambda: [*partitions, Partition("/dev/disk4s1", str(volume), "apfs")])
    assert found is not None and found["path"] == str(volume)


def test_a_backup_runs_onto_the_moved_drive_and_records_where_it_was(moved):
    config, old, new, _partitions = moved
    result = run_backup(config, clock=FixedClock(datetime(2026, 11, 27, 18, 30, tzinfo=ZH)))
    assert (result.outcome, result.exit_code) == ("ok", 0), [r.english() for r in result.reasons]
    assert (new / BACKUPS_DIR / "PC" / result.generation).is_dir()
    assert not (old).exists()  # nothing was written at the old, empty place
    here = places()
    (attempt,) = History(here.history_db, lock_path=here.lock_file).attempts(kind="backup")
    details = attempt.details
    assert details["drive_path"] == str(new) and details["drive_moved_from"] == str(old)


def test_the_status_says_where_the_moved_drive_was_found(moved):
    """No "Connect the backup drive" while it is plugged in; the IT partner reads in the details why the drive's path changed."""
    from tsbackup_gui.app.status import current_status

    config, old, new, _partitions = moved
    run_backup(config, clock=FixedClock(datetime(2026, 11, 27, 18, 30, tzinfo=ZH)))
    status = current_status(datetime(2026, 11, 27, 19, 0, tzinfo=ZH))
    said = [r.message.english() for r in status.reasons]
    assert status.state == "warning" and said[0].startswith("There is no off-site backup")  # this setup has none
    assert not any("Connect the backup drive" in sentence for sentence in said)
    notes = [r.message.english() for r in status.reasons if r.code == "status.drive_moved"]
    assert notes == [f"The backup drive was found at {new}, not at {old} where it was set up (another drive letter "
                     "or name). The backups go there while it is there; nothing needs to be done."]
