"""Server runs rest on 4D's own archives: fresh → archive-ok, stale / missing / incomplete /
switched off → a warning naming 4D's backup and archive-stale, an archive still being written
is waited for and left out, archives outside the data folder come along as `4D Backup/`, live
files are marked live and a locked one is covered by a fresh archive. Nothing at the source
is ever changed."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import threading
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from fourd_trees import archives, data_folder, history, settings, write
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.install.demo import create_demo
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.run.backup import run_backup
from tsbackup_gui.core.guard.preparation import ArchiveWait, excluder, installation_map, live_files_of
from tsbackup_gui.core.setup.configure import SetupOptions, configure

ZURICH = ZoneInfo("Europe/Zurich")
NOT_OK = ("4D's own backup of the database is missing, incomplete or out of date, so this backup holds only a copy of "
          "the running database, which may not be usable. Check the automatic backup in timeSensor Server.")
QUICK = ArchiveWait(limit=1.0, poll=0.1)


def real_now() -> datetime:
    """Archives are judged against the run's clock and written with real mtimes: keep both close."""
    return datetime.now(ZURICH).replace(microsecond=0)


def manifest_of(folder: Path, generation: str) -> dict:
    return json.loads((folder / generation / "tsbackup-manifest.json").read_text(encoding="utf-8"))


def entries_of(manifest: dict) -> dict[str, dict]:
    return {entry["path"]: entry for entry in manifest["entries"]}


def fingerprint(*roots: Path) -> dict[str, tuple]:
    """Every entry under the roots with its bytes' hash, mode and mtime: what "untouched" means."""
    found = {}
    for root in roots:
        for folder, dirs, files in os.walk(root):
            for name in dirs + files:
                path = Path(folder) / name
                info = path.lstat()
                digest = hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(info.st_mode) else None
                found[str(path)] = (info.st_mode, info.st_size, info.st_mtime_ns, digest)
    return found


def server_setup(source: Path, drive: Path):
    drive.mkdir(parents=True, exist_ok=True)
    result = configure(SetupOptions(str(source), str(drive), mode="server", computer="Server"))
    return result.config, result.folder


@pytest.fixture
def server(tmp_path):
    """A data folder with 4D's daily archives in STUFF/BACKUP; the newest (43) is 5 hours old."""
    now = real_now()
    data = data_folder(tmp_path / "Server" / "timeSensor DataFiles", when=now - timedelta(minutes=3))
    settings(data, frequency="Daily")
    archives(data / "STUFF" / "BACKUP", {41: 53, 42: 29, 43: 5}, now=now)
    config, folder = server_setup(data, tmp_path / "drive")
    return config, data, folder, now


# -- through the real command, on the demo installation -------------------------------


def test_fresh_archive_gives_archive_ok_with_the_live_files_marked(tmp_path, run_cli):
    layout = create_demo(tmp_path / "demo", "server", now=real_now())
    drive = tmp_path / "drive"
    drive.mkdir()
    setup = run_cli("setup", "--source", layout.data_dir, "--primary", drive, "--mode", "server", "--computer", "Server")
    assert setup.returncode == 0, setup.stderr
    before = fingerprint(layout.root)

    result = run_cli("run", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    (consistency,) = [event for event in events if event["event"] == "consistency"]
    assert consistency["verdict"] == "archive-ok" and consistency["newest_archive"] == "timeSensor[0093-0001].4BK"
    assert consistency["outside_data_dir"] is False and consistency["left_out"] == []
    summary = events[-1]
    assert (summary["outcome"], summary["exit_code"], summary["reasons"]) == ("ok", 0, [])

    folder = drive / "timeSensor Backups" / "Server"
    manifest = manifest_of(folder, summary["generation"])
    assert manifest["verdict"] == "archive-ok"
    entries = entries_of(manifest)
    data4dd = entries["timeSensor DataFiles/timeSensor.4DD"]
    assert data4dd["live"] is True
    assert data4dd["sha256"] == hashlib.sha256((layout.data_dir / "timeSensor.4DD").read_bytes()).hexdigest()
    assert entries["timeSensor DataFiles/timeSensor.journal"]["live"] is True
    assert entries["timeSensor DataFiles/External Data/Blob_0001.4DBlob"]["live"] is True
    archive = entries["timeSensor DataFiles/STUFF/BACKUP/timeSensor[0093-0001].4BK"]
    assert archive["live"] is False and archive["sha256"]
    assert entries["timeSensor DataFiles/STUFF/BACKUP/backupHistory.json"]["live"] is False
    assert not (folder / summary["generation"] / "4D Backup").exists()
    assert fingerprint(layout.root) == before

    listed = run_cli("generations")
    assert listed.stdout.startswith(f"{summary['generation']}  4D archive fresh  ")


def test_three_day_old_archive_is_a_warning_about_4ds_own_backup(tmp_path, run_cli):
    layout = create_demo(tmp_path / "demo", "server", now=real_now() - timedelta(days=3))
    drive = tmp_path / "drive"
    drive.mkdir()
    assert run_cli("setup", "--source", layout.data_dir, "--primary", drive, "--mode", "server",
                   "--computer", "Server").returncode == 0

    result = run_cli("run")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith("Backup finished with warnings: ")
    lines = result.stderr.splitlines()
    assert lines[0] == NOT_OK
    assert lines[1].startswith("The newest 4D backup, timeSensor[0093-0001].4BK, is from ")
    assert lines[1].endswith("; a newer one was due after 26 hours. Check the automatic backup of timeSensor Server.")
    (attempt,) = History().attempts()
    assert (attempt.outcome, attempt.exit_code, attempt.reason_code) == ("warning", 1, "consistency.archive_not_ok")
    folder = drive / "timeSensor Backups" / "Server"
    assert manifest_of(folder, attempt.generation)["verdict"] == "archive-stale"


# -- in-process: the cases the demo does not show ---------------------------------------


def test_archive_ok_needs_no_warning(server):
    config, data, folder, now = server
    result = run_backup(config, clock=FixedClock(now))
    assert (result.outcome, result.exit_code, result.reasons) == ("ok", 0, [])
    assert manifest_of(folder, result.generation)["verdict"] == "archive-ok"


def test_schedule_never_is_archive_stale_even_with_a_fresh_archive(server):
    config, data, folder, now = server
    settings(data, frequency="Never")
    result = run_backup(config, clock=FixedClock(now))
    assert (result.outcome, result.exit_code) == ("warning", 1)
    assert [r.id for r in result.reasons][:2] == ["consistency.archive_not_ok", "fourd.schedule_never"]
    assert result.reasons[1].english().startswith("4D's automatic backup is switched off (schedule 'Never').")
    assert manifest_of(folder, result.generation)["verdict"] == "archive-stale"


def test_incomplete_newest_archive_is_archive_stale(server):
    config, data, folder, now = server
    backup = data / "STUFF" / "BACKUP"
    write(backup / "timeSensor[0044].4BK", b"", now - timedelta(hours=1))  # 4D's last backup broke off
    write(backup / "timeSensor[0043].4BL", b"4DBL", now - timedelta(hours=1))
    result = run_backup(config, clock=FixedClock(now))
    assert (result.outcome, result.exit_code) == ("warning", 1)
    ids = [r.id for r in result.reasons]
    assert ids[0] == "consistency.archive_not_ok" and "fourd.archive_incomplete" in ids
    assert manifest_of(folder, result.generation)["verdict"] == "archive-stale"


def test_no_archives_at_all_is_archive_stale(tmp_path):
    now = real_now()
    data = data_folder(tmp_path / "timeSensor DataFiles", when=now - timedelta(minutes=3))
    config, folder = server_setup(data, tmp_path / "drive")
    result = run_backup(config, clock=FixedClock(now))
    assert (result.outcome, result.exit_code) == ("warning", 1)
    assert [r.id for r in result.reasons][0] == "consistency.archive_not_ok"
    assert any("4D backup" in r.english() for r in result.reasons[1:])
    assert manifest_of(folder, result.generation)["verdict"] == "archive-stale"


class Appender(threading.Thread):
    """4D writing an archive: the file grows every few milliseconds until stopped."""

    def __init__(self, path: Path):
        super().__init__(daemon=True)
        self.path = path
        self.stop = threading.Event()

    def run(self) -> None:
        with open(self.path, "ab", buffering=0) as handle:
            while not self.stop.wait(0.02):
                handle.write(b"4DBK" * 64)


def test_an_archive_still_growing_is_waited_for_then_left_out(server):
    config, data, folder, now = server
    backup = data / "STUFF" / "BACKUP"
    growing = write(backup / "timeSensor[0044].4BK", b"4DBK" * 16)
    write(backup / "timeSensor[0043].4BL", b"4DBL" * 16, now - timedelta(hours=5))
    events = []
    writer = Appender(growing)
    writer.start()
    try:
        result = run_backup(config, clock=FixedClock(now), events=events.append, archive_wait=QUICK)
    finally:
        writer.stop.set()
        writer.join()
    waiting = [e for e in events if e["event"] == "waiting"]
    assert waiting == [{"event": "waiting", "reason": "archive-writing", "archive": "timeSensor[0044].4BK", "limit_seconds": 1.0}]
    (consistency,) = [e for e in events if e["event"] == "consistency"]
    assert consistency["left_out"] == [str(growing)]
    assert (result.outcome, result.exit_code) == ("warning", 1)
    assert [r.english() for r in result.reasons] == [
        "4D was still writing its backup timeSensor[0044].4BK, so it was left out of this backup; the next backup will include it."]
    manifest = manifest_of(folder, result.generation)
    entries = entries_of(manifest)
    assert "timeSensor DataFiles/STUFF/BACKUP/timeSensor[0044].4BK" not in entries
    assert not (folder / result.generation / "timeSensor DataFiles" / "STUFF" / "BACKUP" / "timeSensor[0044].4BK").exists()
    assert entries["timeSensor DataFiles/STUFF/BACKUP/timeSensor[0043].4BK"]["sha256"]
    # the complete archive before it is fresh: the generation rests on that one
    assert manifest["verdict"] == "archive-ok"


def test_an_archive_that_settles_during_the_wait_is_copied(server):
    config, data, folder, now = server
    backup = data / "STUFF" / "BACKUP"
    write(backup / "timeSensor[0044].4BK", b"4DBK" * 16, now - timedelta(minutes=2))  # written 2 minutes ago
    write(backup / "timeSensor[0043].4BL", b"4DBL" * 16, now - timedelta(minutes=2))
    clock = FixedClock(now)
    moments = []

    def sleep(seconds: float) -> None:  # time passes for the judge: 4D's settle time is reached
        moments.append(seconds)
        clock.advance(minutes=2)

    result = run_backup(config, clock=clock, archive_wait=ArchiveWait(limit=600, poll=30, sleep=sleep))
    assert moments == [30, 30]
    assert (result.outcome, result.exit_code, result.reasons) == ("ok", 0, [])
    entries = entries_of(manifest_of(folder, result.generation))
    assert entries["timeSensor DataFiles/STUFF/BACKUP/timeSensor[0044].4BK"]["sha256"]


def test_archives_outside_the_data_folder_land_in_4d_backup_and_the_source_is_untouched(tmp_path):
    now = real_now()
    data = data_folder(tmp_path / "Server" / "timeSensor DataFiles", when=now - timedelta(minutes=3))
    nas = tmp_path / "NAS" / "4D Sicherungen"
    settings(data, frequency="Daily", destination=str(nas))
    archives(nas, {7: 29, 8: 5}, now=now)
    history(nas, [
        {"backupPath": str(nas / "timeSensor[0008].4BK"), "backupNumber": 8, "status": "OK",
         "startingDate": (now - timedelta(hours=5, minutes=1)).strftime("%Y-%m-%dT%H:%M:%S"),
         "endingDate": (now - timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M:%S")},
    ])
    config, folder = server_setup(data, tmp_path / "drive")
    before = fingerprint(data, nas)

    result = run_backup(config, clock=FixedClock(now))
    assert (result.outcome, result.exit_code, result.reasons) == ("ok", 0, [])
    generation = folder / result.generation
    copied = generation / "4D Backup"
    assert sorted(p.name for p in copied.iterdir()) == sorted(p.name for p in nas.iterdir())
    for name in ("timeSensor[0008].4BK", "timeSensor[0007].4BL", "backupHistory.json"):
        assert (copied / name).read_bytes() == (nas / name).read_bytes()
    manifest = manifest_of(folder, result.generation)
    assert manifest["verdict"] == "archive-ok"
    entries = entries_of(manifest)
    assert entries["4D Backup/timeSensor[0008].4BK"]["live"] is False
    assert entries["4D Backup/backupHistory.json"]["sha256"] == hashlib.sha256((nas / "backupHistory.json").read_bytes()).hexdigest()
    assert entries["timeSensor DataFiles/timeSensor.4DD"]["live"] is True
    assert fingerprint(data, nas) == before  # nothing deleted, moved or touched at the source

    second = run_backup(config, clock=FixedClock(now + timedelta(hours=1)))
    assert second.exit_code == 0
    assert (folder / second.generation / "4D Backup" / "timeSensor[0008].4BK").stat().st_ino == \
        (copied / "timeSensor[0008].4BK").stat().st_ino  # unchanged archives are linked, not copied again
    assert fingerprint(data, nas) == before


def test_backups_kept_inside_4ds_backup_folder_are_not_copied_into_themselves(tmp_path):
    now = real_now()
    data = data_folder(tmp_path / "Server" / "timeSensor DataFiles", when=now - timedelta(minutes=3))
    nas = tmp_path / "NAS"
    settings(data, frequency="Daily", destination=str(nas))
    archives(nas, {8: 5}, now=now)
    config, folder = server_setup(data, nas)  # the backup drive is 4D's backup folder too
    first = run_backup(config, clock=FixedClock(now))
    second = run_backup(config, clock=FixedClock(now + timedelta(hours=1)))
    assert (first.exit_code, second.exit_code) == (0, 0)
    names = sorted(p.name for p in (folder / second.generation / "4D Backup").iterdir())
    assert names == ["timeSensor[0007].4BL", "timeSensor[0008].4BK"]


def refuse_to_open(monkeypatch, locked: Path) -> None:
    """4D holding a live file with a Windows sharing violation: reading it is refused."""
    real_open = os.open

    def guarded(path, flags, *args, **kwargs):
        if os.fspath(path) == str(locked):
            raise PermissionError(errno.EACCES, "The process cannot access the file because it is being used by another process", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)


def test_a_locked_live_file_is_covered_by_a_fresh_archive_without_a_warning(server, monkeypatch):
    config, data, folder, now = server
    refuse_to_open(monkeypatch, data / "timeSensor.4DD")
    result = run_backup(config, clock=FixedClock(now))
    assert (result.outcome, result.exit_code, result.reasons) == ("ok", 0, [])
    manifest = manifest_of(folder, result.generation)
    assert manifest["verdict"] == "archive-ok"
    locked = entries_of(manifest)["timeSensor DataFiles/timeSensor.4DD"]
    assert (locked["live"], locked["sha256"], locked["skipped_reason"]) == (True, None, "locked")
    assert [w["id"] for w in manifest["warnings"]] == ["primary.live_file_locked"]  # recorded in the generation
    assert not (folder / result.generation / "timeSensor DataFiles" / "timeSensor.4DD").exists()
    assert entries_of(manifest)["timeSensor DataFiles/timeSensor.4DIndx"]["sha256"]  # readable live files are copied
    (attempt,) = History().attempts()
    assert (attempt.outcome, attempt.reasons) == ("ok", [])


def test_a_locked_live_file_is_a_warning_when_the_archive_is_stale(tmp_path, monkeypatch):
    now = real_now()
    data = data_folder(tmp_path / "Server" / "timeSensor DataFiles", when=now - timedelta(minutes=3))
    settings(data, frequency="Daily")
    archives(data / "STUFF" / "BACKUP", {43: 75}, now=now)
    config, folder = server_setup(data, tmp_path / "drive")
    refuse_to_open(monkeypatch, data / "timeSensor.4DD")
    result = run_backup(config, clock=FixedClock(now))
    assert (result.outcome, result.exit_code) == ("warning", 1)
    ids = [r.id for r in result.reasons]
    assert ids[0] == "consistency.archive_not_ok" and "primary.live_file_locked" in ids
    locked = [r for r in result.reasons if r.id == "primary.live_file_locked"][0]
    assert locked.english() == (f"{data / 'timeSensor.4DD'} is in use by the database and was not copied; "
                                "it is covered by the 4D backup archive.")


def test_no_process_guard_in_server_mode(server, tmp_path):
    import shutil
    import subprocess

    config, data, folder, now = server
    binary = tmp_path / "bin" / "4D Server"
    binary.parent.mkdir()
    shutil.copy2(shutil.which("sleep") or "/bin/sleep", binary)
    proc = subprocess.Popen([str(binary), "60"], stdin=subprocess.DEVNULL)
    try:
        with open(data / "timeSensor.4DD", "rb"):  # the open database, as 4D Server keeps it
            result = run_backup(config, clock=FixedClock(now))
    finally:
        proc.kill()
        proc.wait(timeout=10)
    assert (result.outcome, result.exit_code) == ("ok", 0)


# -- the small pieces -------------------------------------------------------------------


def test_live_files_are_judged_by_their_path_in_the_data_folder(tmp_path):
    data = tmp_path / "External Data" / "timeSensor DataFiles"
    is_live = live_files_of(data)
    assert is_live(data / "timeSensor.4DD") and is_live(data / "External Data" / "Blob.4DBlob")
    assert is_live(data / "Sub" / "x.4DIndx") and is_live(data / "timeSensor.journal")
    assert not is_live(data / "Dokumente" / "Brief.pdf")  # the folder above is named External Data
    assert not is_live(data / "STUFF" / "BACKUP" / "timeSensor[0001].4BK")
    assert not is_live(tmp_path / "elsewhere" / "timeSensor.4DD")


def test_excluder_and_the_demo_root(tmp_path):
    assert excluder([], []) is None
    leave = excluder([tmp_path / "a" / "x.4BK"], [tmp_path / "drive" / "timeSensor Backups"])
    assert leave(tmp_path / "a" / "x.4BK") and leave(tmp_path / "drive" / "timeSensor Backups")
    assert not leave(tmp_path / "a" / "y.4BK")
    layout = create_demo(tmp_path / "demo", "server", now=real_now())
    assert installation_map(layout.data_dir).root == layout.root
    assert installation_map(tmp_path / "a").root is None
