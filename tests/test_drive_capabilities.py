"""What real backup-drive file systems can do, and what the primary backup makes of it (FUSE, see fs_mounts).

- Read-only bits: tried once per run on the drive (`treeops.read_only_works`).
  exFAT (exfat-fuse), FAT32 (tests/fatfuse.py, as Linux' vfat with ``quiet``) and
  NTFS through ntfs-3g ignore chmod, fusefat refuses it with ENOSYS; the run then
  skips the read-only step instead of failing every night.
- No hard links (exFAT, FAT32): every generation is a full copy, so the free-space
  check counts every file, and deleting a generation frees all of its space.
- NTFS keeps Windows' READONLY attribute per file, shared by all its hard links
  (ntfs-3g shows it as the extended attribute ``system.ntfs_attrib_be``):
  deleting an old generation must leave the newer ones read-only.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from fs_mounts import NTFS_READONLY, mounted, ntfs_attributes, set_ntfs_read_only

from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.primary.copier import make_generation
from tsbackup_gui.core.primary.fileops import FileOps
from tsbackup_gui.core.primary.generations import list_generations
from tsbackup_gui.core.primary.retention import RetentionPlan, apply_retention
from tsbackup_gui.core.primary.target import Target
from tsbackup_gui.core.primary.treeops import read_only_works
from tsbackup_gui.core.run.backup import run_backup
from tsbackup_gui.core.setup.configure import SetupOptions, configure
from tsbackup_gui.core.store import config as config_mod

ZURICH = ZoneInfo("Europe/Zurich")
MONDAY = datetime(2026, 3, 2, 18, 30, tzinfo=ZURICH)
SETUP_ID = "setup-fs-test"
DATA = "timeSensor DataFiles"


def write_source(root: Path, sizes: dict[str, int]) -> Path:
    source = root / DATA
    for rel, size in sizes.items():
        path = source / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(size))
    return source


def generation(source: Path, drive: Path, now: datetime):
    target = Target(drive, "PC")
    if target.read_marker() is None:
        target.write_marker(SETUP_ID)
    return make_generation(source, target, setup_id=SETUP_ID, computer="PC", now=now)


@pytest.mark.parametrize("kind, options, holds", [
    ("exfat", "", False),  # exfat-fuse: chmod says yes and changes nothing
    ("fat32", "", False),  # fatfuse: chmod says yes and changes nothing
    ("fusefat", "", False),  # fusefat: chmod fails with ENOSYS
    ("ntfs", "", False),  # ntfs-3g by default: every file 0777, chmod ignored
    ("ntfs", "permissions", True),  # ntfs-3g maps a chmod without write bits to the READONLY attribute
    ("smb", "", True),  # Samba keeps it as the DOS read-only attribute
])
def test_the_read_only_probe_asks_the_drive_itself(kind, options, holds, tmp_path):
    with mounted(kind, tmp_path / "disk", size_mb=40, options=options) as drive:
        assert read_only_works(drive) is holds
        assert not [name for name in os.listdir(drive) if name.startswith(".tsbackup")]
    assert read_only_works(tmp_path) is True  # the test's own disk


def test_fusefat_gets_past_the_read_only_step_and_a_driver_that_loses_a_renamed_folder_is_reported(
        tmp_path, tsbackup_home, guard_names):
    """fusefat refuses chmod (ENOSYS) — before, every run failed there with "cannot be written to".
    It also loses the contents of a folder renamed while it holds files (a defect of this driver, not
    of FAT32: Windows and macOS rename folders on FAT32 sticks correctly). The generation is finished
    in `.partial-…` and then renamed, so a run on fusefat fails; the run must say so, never report a
    backup that holds nothing. (FAT32 itself is proven by the whole cycle on tests/fatfuse.py.)"""
    with mounted("fusefat", tmp_path / "disk", size_mb=40) as drive:
        source = write_source(tmp_path / "Shared", {"timeSensor.4DD": 50_000, "Dokumente/Brief 01.docx": 3_000})
        config = configure(SetupOptions(str(source), str(drive), computer="PC")).config
        config.process_names = guard_names
        config_mod.save(config)
        result = run_backup(config, clock=FixedClock(MONDAY))
        assert (result.outcome, result.exit_code) == ("failed", 4)
        assert [m.id for m in result.reasons] == ["primary.target_lost_files"], [m.english() for m in result.reasons]
        assert result.reasons[0].english() == (
            f"The backup drive {drive} lost the new backup's files when its folder was renamed, so no backup was "
            "kept. The drive or its driver is faulty: use another drive.")
        computer_dir = drive / "timeSensor Backups" / "PC"
        assert not [n for n in os.listdir(computer_dir) if not n.startswith(".tsbackup-")]  # nothing half-made is left


def test_exfat_without_links_counts_every_file_and_retention_frees_whole_copies(tmp_path):
    """On a 48 MB exFAT drive 12 MB of data fits three times, not four: each generation is a full
    copy. The fourth run is refused before it writes anything; deleting the oldest generation frees
    a whole copy's space, and the next run fits again."""
    megabyte = 1_000_000
    with mounted("exfat", tmp_path / "disk", size_mb=48) as drive:
        source = write_source(tmp_path / "Shared", {f"Akten/Akte {i:02d}.pdf": megabyte for i in range(12)})
        made = [generation(source, drive, MONDAY + timedelta(days=day)) for day in range(3)]
        assert [(m.linked, m.copied) for m in made] == [(0, 12)] * 3
        target = Target(drive, "PC")
        with pytest.raises(UserError) as refused:
            generation(source, drive, MONDAY + timedelta(days=3))
        assert refused.value.message.id == "primary.target_too_small"
        assert refused.value.message.english().startswith("The backup drive is full: this backup needs 12.")
        assert [g.id for g in list_generations(target)] == [m.generation.id for m in made]
        assert not [n for n in os.listdir(target.computer_dir) if n.startswith(".partial-")]

        free_before = os.statvfs(drive).f_bavail * os.statvfs(drive).f_frsize
        oldest = list_generations(target)[0]
        outcome = apply_retention(RetentionPlan(keep=list_generations(target)[1:], delete=[oldest]))
        assert [g.id for g in outcome.deleted] == [oldest.id] and outcome.warnings == []
        freed = os.statvfs(drive).f_bavail * os.statvfs(drive).f_frsize - free_before
        assert freed >= 12 * megabyte, freed  # a whole copy, nothing shared with the newer generations
        again = generation(source, drive, MONDAY + timedelta(days=4))
        assert (again.files, again.linked, again.copied) == (12, 0, 12)


class NtfsAsWindows(FileOps):
    """The Windows branch of `FileOps` on a real NTFS drive: the read-only flag it reads and sets is
    the file's READONLY attribute itself (bit 0x01 of ``system.ntfs_attrib_be``), one flag for all
    hard links, as Windows' os.chmod/os.stat see it. ntfs-3g deletes a READONLY file when asked;
    Windows refuses (winerror 5), so `os_unlink` refuses as Windows does."""

    def __init__(self):
        super().__init__(windows=True, sleep=lambda _seconds: None)
        self.cleared: list[str] = []

    def is_read_only(self, path: str) -> bool:
        return bool(ntfs_attributes(Path(self.p(path))) & NTFS_READONLY)

    def set_read_only(self, path: str, read_only: bool) -> None:
        if not read_only:
            self.cleared.append(os.path.basename(path))
        set_ntfs_read_only(Path(self.p(path)), read_only)

    def os_unlink(self, path: str) -> None:
        if not os.path.islink(path) and ntfs_attributes(Path(path)) & NTFS_READONLY:
            exc = PermissionError(13, "Access is denied", path)
            exc.winerror = 5
            raise exc
        os.unlink(path)


@pytest.mark.slow
@pytest.mark.parametrize("options", ["", "permissions"])
def test_ntfs_deleting_an_old_generation_leaves_the_newer_ones_read_only(options, tmp_path):
    """Windows creates the generation's copies with the READONLY attribute (os.open without write
    bits). ntfs-3g does not do that for a Linux program, so the test sets the attribute as Windows
    would, on every file of both generations; a hard link shares it, as on Windows. Retention then
    deletes the older generation through its public path with the Windows file operations
    (`NtfsAsWindows`): a READONLY file must be made writable to be deleted, which clears the flag of
    the newer generation's link too. The newer one's files, the same files, must be READONLY again
    and unchanged afterwards. With ntfs-3g's ``permissions`` a chmod that adds write bits also
    clears READONLY, as Windows' os.chmod does: any other path that makes files writable (as
    `treeops.make_dirs_writable` does for folders) is seen here too.

    A link can also live under another name: the case twin `akte.txt` is stored as `akte~2.txt`
    next to `Akte.txt`; once `Akte.txt` is gone from the source, the newer generation stores it as
    `akte.txt`, a hard link to the older `akte~2.txt`. That link must be found and stay read-only."""
    with mounted("ntfs", tmp_path / "disk", size_mb=40, options=options) as drive:
        source = write_source(tmp_path / "Shared", {"timeSensor.4DD": 200_000, "Dokumente/Brief 01.docx": 4_000,
                                                    "timeSensor.journal": 1_000, "Akte.txt": 300, "akte.txt": 400})
        old = generation(source, drive, MONDAY).generation
        assert {"Akte.txt", "akte~2.txt"} <= set(os.listdir(old.path / DATA))
        (source / "timeSensor.journal").write_bytes(os.urandom(1_500))
        (source / "Akte.txt").unlink()
        new_run = generation(source, drive, MONDAY + timedelta(days=1))
        new = new_run.generation
        assert (new_run.linked, new_run.copied) == (3, 1)
        assert os.stat(new.path / DATA / "akte.txt").st_ino == os.stat(old.path / DATA / "akte~2.txt").st_ino
        files = [p for g in (old, new) for p in (g.path / DATA).rglob("*") if p.is_file()]
        for path in files:
            assert not ntfs_attributes(path) & NTFS_READONLY
        set_ntfs_read_only(old.path / DATA / "timeSensor.4DD")  # one flag, seen through every link
        assert ntfs_attributes(new.path / DATA / "timeSensor.4DD") & NTFS_READONLY
        for path in files:
            set_ntfs_read_only(path)
        before = {p.relative_to(new.path): p.read_bytes() for p in (new.path / DATA).rglob("*") if p.is_file()}

        ops = NtfsAsWindows()
        outcome = apply_retention(RetentionPlan(keep=[new], delete=[old]), ops)
        assert [g.id for g in outcome.deleted] == [old.id] and outcome.warnings == []
        assert not old.path.exists() and not [n for n in os.listdir(old.path.parent) if n.startswith(".partial-")]
        # the Windows path ran: every READONLY file of the old generation was cleared to be deleted (the
        # manifest too where ntfs-3g turned the product's own chmod 0o444 into READONLY)
        assert sorted(ops.cleared) == ["Akte.txt", "Brief 01.docx", "akte~2.txt", "timeSensor.4DD",
                                       "timeSensor.journal"] + (
            ["tsbackup-manifest.json"] if options == "permissions" else [])
        survivors = [p for p in (new.path / DATA).rglob("*") if p.is_file()]
        assert {p.relative_to(new.path): p.read_bytes() for p in survivors} == before
        for path in survivors:
            assert ntfs_attributes(path) & NTFS_READONLY, path
        assert (new.path / DATA / "timeSensor.4DD").stat().st_nlink == 1


def test_the_status_says_once_that_the_drive_cannot_protect_its_backups():
    """The run keeps `read_only` with the attempt; the status reads the newest good backup's."""
    from test_status import att, status_at

    unprotected = [att("2026-11-27 18:30"), att("2026-11-30 18:30")]
    for attempt in unprotected:
        attempt.details["read_only"] = False
    result = status_at("2026-11-30 20:00", unprotected)
    assert (result.state, [r.code for r in result.reasons]) == ("ok", ["status.drive_unprotected"])
    assert result.message.english() == "Last backup today 18:42 — all good."
    assert result.reasons[0].message.english() == (
        "The backup drive's file system (such as FAT32 or exFAT) cannot hold read-only files, so the backups on it "
        "are not protected against being overwritten. Keep the drive unplugged between backups, or use a drive "
        "formatted as NTFS or APFS.")
    now_protected = [*unprotected, att("2026-12-01 18:30")]
    now_protected[-1].details["read_only"] = True  # another drive of the rotation, or the drive reformatted
    assert status_at("2026-12-01 20:00", now_protected).reasons == []
    assert status_at("2026-11-30 20:00", [att("2026-11-30 18:30")]).reasons == []  # older records say nothing


def test_the_verified_mark_is_saved_on_a_drive_that_refuses_chmod(tmp_path):
    """The check's mark on the manifest (retention keeps the newest verified generation) made the
    folder writable and read-only again with chmod; fusefat refuses that (ENOSYS), and the mark was
    never saved there."""
    from tsbackup_gui.core.check.primary import mark_verified
    from tsbackup_gui.core.primary.generations import Generation
    from tsbackup_gui.core.primary.manifest import MANIFEST_NAME, Manifest

    source = write_source(tmp_path / "Shared", {"timeSensor.4DD": 5_000})
    local = tmp_path / "local-drive"
    local.mkdir()
    made = generation(source, local, MONDAY).generation
    with mounted("fusefat", tmp_path / "disk", size_mb=40) as drive:
        folder = drive / made.id  # made in place: fusefat loses a renamed folder's contents
        folder.mkdir()
        (folder / MANIFEST_NAME).write_bytes((made.path / MANIFEST_NAME).read_bytes())
        with pytest.raises(OSError):
            os.chmod(folder, 0o555)  # the drive refuses modes
        when = MONDAY + timedelta(days=1)
        assert mark_verified(Generation(made.id, folder, made.manifest), when) is True
        assert Manifest.read(folder / MANIFEST_NAME).verified == "2026-03-03T17:30:00+00:00"


@pytest.mark.parametrize("kind", ["fat32", "fusefat"])
def test_a_fat32_drive_can_join_the_rotation(kind, tmp_path, tsbackup_home):
    """Adding a drive labels its marker and made it readable with chmod: fusefat refused (ENOSYS),
    and `tsbackup drives add` failed with "cannot be written"; FAT32 itself ignores the chmod."""
    from tsbackup_gui.core.drives.rotation import add_drive, configured

    source = write_source(tmp_path / "Shared", {"timeSensor.4DD": 5_000})
    first = tmp_path / "drive-a"
    first.mkdir()
    config = configure(SetupOptions(str(source), str(first), computer="PC")).config
    with mounted(kind, tmp_path / "disk", size_mb=40) as drive:
        saved = add_drive(config, drive, "Laufwerk B")
        assert [d["label"] for d in configured(saved)][1:] == ["Laufwerk B"]
        marker = Target(drive, "PC").read_marker()
        assert marker["setup_id"] == config.setup_id and marker["label"] == "Laufwerk B"
