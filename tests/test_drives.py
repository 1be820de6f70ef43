"""The wizard's core helpers, without Qt: the drive list and its recommendation, the space
estimate and the progress rate, what the wizard proposes (setup_guide), and finding the backup
to restore in a folder a person points at."""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import psutil
import pytest

from tsbackup_gui.core.drives import listing as drives
from tsbackup_gui.core.setup import estimate, guide as setup_guide
from tsbackup_gui.core.drives.listing import Partition
from tsbackup_gui.core.errors import UserError

from fourd_trees import NOW
from wizard_helpers import GiB, example_partitions, example_usage

WINDOWS = [
    Partition("C:\\", "C:\\", "NTFS", "rw,fixed"),
    Partition("D:\\", "D:\\", "NTFS", "rw,fixed"),
    Partition("E:\\", "E:\\", "exFAT", "rw,removable"),
    Partition("F:\\", "F:\\", "", "cdrom"),
    Partition("\\\\nas\\backup", "Z:\\", "NTFS", "rw,remote"),
]


def test_mac_partitions_sorted_best_first_and_the_data_disk_refused():
    found = drives.list_drives(Path("/Users/Shared/timeSensor DataFiles"), example_partitions(), usage=example_usage,
                               disk_of=lambda device: None)
    assert [(d.name, d.recommendation) for d in found] == [
        ("backup", "recommended"), ("Backup SSD", "recommended"), ("USB STICK", "recommended"), ("/", "source-disk"),
    ]
    share, ssd, stick, system = found
    assert share.network and share.hard_links is None and share.full_copies
    assert ssd.removable and ssd.hard_links is True and not ssd.full_copies
    assert stick.hard_links is False and [n.id for n in stick.notes] == [
        "drives.recommended_external", "drives.full_copies", "drives.fat"]
    assert system.system and system.holds_source and system.notes[0].id == "drives.source_disk"
    assert system.free == 212 * GiB and system.total == 494 * GiB


def test_windows_letters_removable_network_and_the_same_physical_disk():
    disks = {"C:\\": "disk0", "D:\\": "disk0"}
    found = drives.list_drives(Path("C:\\Users\\Administrator\\Documents\\timeSensor DataFiles"), WINDOWS,
                               usage=lambda mount: (100 * GiB, 50 * GiB), disk_of=disks.get)
    by_name = {d.name: d for d in found}
    assert set(by_name) == {"C:", "D:", "E:", "Z:"}  # no CD drive
    assert by_name["C:"].holds_source and by_name["C:"].system
    assert by_name["D:"].recommendation == "possible"  # another partition, but by device name not the same disk
    assert by_name["E:"].removable and by_name["E:"].hard_links is False
    assert by_name["Z:"].network and by_name["Z:"].recommendation == "recommended"


def test_same_physical_disk_by_device_and_too_small():
    parts = [Partition("/dev/sda1", "/", "ext4", "rw"), Partition("/dev/sda2", "/data", "ext4", "rw"),
             Partition("/dev/sdb1", "/media/anna/BACKUP", "ext4", "rw"), Partition("/dev/sdc1", "/mnt/small", "xfs", "rw")]
    found = drives.list_drives(Path("/home/anna/timeSensor DataFiles"), parts,
                               usage=lambda mount: (10 * GiB, 1 * GiB) if mount == "/mnt/small" else (100 * GiB, 90 * GiB),
                               disk_of=lambda device: device[:8], needed=2 * GiB, needed_full=20 * GiB)
    by_mount = {str(d.mount_point): d for d in found}
    assert by_mount["/data"].holds_source  # sda2 is on sda, like the data
    assert by_mount["/media/anna/BACKUP"].recommendation == "recommended" and by_mount["/media/anna/BACKUP"].removable
    assert by_mount["/mnt/small"].recommendation == "too-small"
    assert by_mount["/mnt/small"].notes[0].english() == "Too small: only 1.1 GB are free, and the backups need about 2.1 GB."
    assert [str(d.mount_point) for d in found][0] == "/media/anna/BACKUP"


def test_a_folder_is_judged_by_the_file_system_that_holds_it():
    parts = example_partitions()
    folder = drives.folder_drive(Path("/Volumes/Backup SSD/Kanzlei"), parts, source=Path("/Users/Shared/x"),
                                 usage=lambda path: (1, 1), name="Chosen")
    assert folder.name == "Chosen" and folder.fs_type == "apfs" and folder.removable and not folder.holds_source
    on_system = drives.folder_drive(Path("/Users/anna/Backups"), parts, source=Path("/Users/Shared/x"),
                                    usage=lambda path: None)
    assert on_system.holds_source and on_system.recommendation == "source-disk" and on_system.free is None
    assert drives.mount_of("/Volumes/backup/x", [Partition.of(p) for p in parts]).fstype == "smbfs"


def test_real_partitions_of_this_machine_name_the_disk_that_holds_the_data():
    """This machine's own mount table: the file system holding a data folder (here: this checkout,
    which lies on a real disk, where /tmp may be a tmpfs) is listed, refused as the data's own disk,
    with its real size."""
    data = Path(__file__).resolve().parent
    mounts = [Path(p.mountpoint) for p in psutil.disk_partitions(all=True)]
    holding = max((m for m in mounts if data == m or m in data.parents), key=lambda m: len(m.parts))
    found = drives.list_drives(data)
    assert found, "no drive listed on this machine"
    by_mount = {d.mount_point: d for d in found}
    assert holding in by_mount, (holding, sorted(by_mount))
    own = by_mount[holding]
    assert own.holds_source and own.recommendation == "source-disk"
    assert own.total == shutil.disk_usage(holding).total
    assert all(d.mount_point.is_absolute() for d in found)


def _tree(folder: Path, now: datetime) -> None:
    (folder / "Dokumente").mkdir(parents=True)
    (folder / "timeSensor.4DD").write_bytes(b"d" * 300_000)
    (folder / "Dokumente" / "alt.pdf").write_bytes(b"p" * 100_000)
    (folder / "Dokumente" / "neu.pdf").write_bytes(b"n" * 50_000)
    old = (now - timedelta(days=10)).timestamp()
    for path in (folder / "timeSensor.4DD", folder / "Dokumente" / "alt.pdf"):
        os.utime(path, (old, old))
    os.symlink("alt.pdf", folder / "Dokumente" / "link.pdf")


def test_measure_and_estimate(tmp_path):
    now = datetime.now().astimezone()
    _tree(tmp_path / "data", now)
    size = estimate.measure_folder(tmp_path / "data", now)
    assert (size.bytes, size.files, size.recent_bytes, size.database_bytes) == (450_000, 3, 50_000, 300_000)
    assert size.daily_change == 300_000  # the database changes on every working day, even if not today
    linked = estimate.estimate(size, (14, 8, 12), 10**9, full_copies=False)
    assert linked.generations == 34 and linked.needed == int((450_000 + 33 * 300_000) * 1.1) and linked.fits
    full = estimate.estimate(size, (14, 8, 12), 10**6, full_copies=True)
    assert full.needed == int(450_000 * 34 * 1.1) and full.fits is False
    assert full.message().english() == ("Keeping up to 34 backups needs about 16.8 MB, but only 1.0 MB are free there. "
                                        "Choose a bigger drive or keep fewer backups.")
    assert estimate.estimate(size, (7, 4, 6), None, full_copies=False).message().id == "estimate.free_unknown"
    assert size.message().english() == "The data folder holds 3 files, 450.0 KB in all."


def test_progress_rate_speed_and_time_left():
    rate = estimate.ProgressRate(window=10)
    rate.update(0.0, {"bytes_done": 0, "bytes_total": 1000, "files_done": 0, "files_total": 4})
    assert rate.speed is None and rate.seconds_left is None and rate.percent == 0
    rate.update(2.0, {"bytes_done": 200, "bytes_total": 1000, "files_done": 1, "files_total": 4})
    assert rate.speed == 100 and rate.seconds_left == 8 and rate.percent == 20
    for second in range(3, 30):
        rate.update(float(second), {"bytes_done": 200 + (second - 2) * 10, "bytes_total": 1000})
    assert rate.speed == pytest.approx(10)  # the slow end counts, the quick start is forgotten


def test_guide_defaults_and_sentences():
    assert setup_guide.default_time("single") == "18:30"
    assert setup_guide.default_time("server", {"schedule": {"hour": "02:00"}}) == "03:00"
    assert setup_guide.default_time("server", {"schedule": {"hour": "23:30"}}) == "00:30"
    assert setup_guide.default_time("server", {"schedule": {"hour": None}}) == "03:00"
    assert setup_guide.default_time("server", None) == "03:00"
    assert setup_guide.time_words("server", "03:00", {}).english() == (
        "The time of 4D's own backup is not known; 03:00 is a quiet time at night.")
    words = setup_guide.fourd_backup_words
    assert words({"newest_archive": "x", "archive_ok": True, "newest_complete_age_hours": 5.2}).english() == (
        "4D's own backup ran 5 hours ago.")
    assert words({"newest_archive": "x", "archive_ok": True, "newest_complete_age_hours": 0.4}).id == "guide.fourd_ran_just_now"
    assert words({"newest_archive": "x", "archive_ok": True, "newest_complete_age_hours": 1.2}).id == "guide.fourd_ran_hour"
    assert words({"newest_archive": "x", "archive_ok": False, "archive_fresh": False, "archive_complete": True,
                  "newest_complete_age_hours": 80.0}).english() == (
        "4D's own backup has not run for 3 days — ask your IT partner.")
    assert words({"newest_archive": "x", "archive_ok": False, "archive_fresh": False, "archive_complete": True,
                  "newest_complete_age_hours": 30.0}).id == "guide.fourd_stale_hours"
    assert words({"newest_archive": None}).id == "guide.fourd_none"
    assert setup_guide.headline("single-user", "windows").english() == "This computer runs timeSensor LEGAL for one user."
    assert setup_guide.setup_mode("workstation") == "single" and setup_guide.setup_mode("server") == "server"
    check, drill = setup_guide.reminder_dates(NOW)
    assert (check.isoformat(), drill.isoformat()) == ("2026-12-27", "2027-11-27")
    assert setup_guide.preset_for((14, 8, 12)).id == "standard" and setup_guide.preset_for((1, 2, 3)) is None


def test_find_the_backup_to_restore(tmp_path):
    from tsbackup_gui.core.clock import FixedClock
    from tsbackup_gui.core.install.demo import create_demo
    from tsbackup_gui.core.run.backup import run_backup
    from tsbackup_gui.core.restore.find import find_backup
    from tsbackup_gui.core.setup.configure import SetupOptions, configure

    now = datetime.now().astimezone()
    layout = create_demo(tmp_path / "demo", "single-user", now=now)
    config = configure(SetupOptions(source=str(layout.data_dir), primary=str(layout.primary_target), computer="Mac")).config
    generation = run_backup(config, clock=FixedClock(now)).generation
    backups = layout.primary_target / "timeSensor Backups"
    for folder in (layout.primary_target, backups, backups / "Mac", backups / "Mac" / generation,
                   backups / "Mac" / generation / "timeSensor DataFiles"):
        found = find_backup(folder)
        assert found.generation.id == generation and found.computer == "Mac" and found.warning is None
    (backups / "Other").mkdir()
    (backups / "Other" / ".tsbackup-target").write_text("{}")
    with pytest.raises(UserError) as several:
        find_backup(layout.primary_target)
    assert several.value.message.english() == (
        f"{layout.primary_target} holds the backups of several computers (Mac, Other). "
        "Choose the folder of the computer to restore.")
    with pytest.raises(UserError) as nothing:
        find_backup(tmp_path)
    assert nothing.value.message.id == "restore_find.nothing"
