"""Faults of the backup drive and the data folder during a real `tsbackup run`, injected at an exact
step by the fault hook (``exec-at``): the drive pulled, made read-only or filled up, its marker
missing, timeSensor LEGAL started, a source file changed, a second run started."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

import pytest

from processes import wait_until
from tsbackup_gui.core.guard.single_user import find_running

from .world import DATA, World, in_the_slot, lines_of, script, summary_of

PLAIN_BUSY = "Close timeSensor LEGAL to start today's backup."


def generation_ids(world: World) -> list[str]:
    return [row["id"] for row in world.assert_generations_match()]


def reason_codes(result) -> list[str]:
    return [reason["code"] for reason in summary_of(result)["reasons"]]


def test_a_good_run_is_plainly_ok(world):
    """The baseline every fault below is measured against."""
    world.run_ok()
    status = world.status()
    assert status["state"] == "ok" and status["message"].startswith("Last backup today"), status


def test_drive_pulled_mid_copy_is_exit_4_connect_the_drive(world):
    world.run_ok()
    older, before = generation_ids(world), world.snapshot()
    # what the program sees of a pulled drive: its folder is gone from the mount point
    backups, away = world.drive / "timeSensor Backups", world.drive / "elsewhere"
    pull = script(world.root / "pull.sh", f'mv "{backups}" "{away}"\n')

    result = world.cli("run", "--json", fault=f"exec-at=copy.file#5:{pull}")

    assert result.returncode == 4, result.stdout + result.stderr
    assert lines_of(result)[0] == (f"Connect the backup drive: {world.drive} disappeared during the backup. "
                                   "The older backups on it are untouched.")
    assert summary_of(result)["generation"] is None
    assert world.snapshot() == before
    status = world.status()
    assert (status["state"], status["message"]) == ("waiting", "Connect the backup drive."), status
    away.rename(backups)  # plugged in again
    assert generation_ids(world) == older
    world.run_ok()


def test_drive_made_read_only_mid_copy_is_exit_4_and_nothing_half_made_is_listed(world):
    world.run_ok()
    older, before = generation_ids(world), world.snapshot()
    drive = world.drive
    read_only = script(world.root / "ro.sh", f'mount --bind "{drive}" "{drive}" && mount -o remount,bind,ro "{drive}"\n')

    result = world.cli("run", "--json", fault=f"exec-at=copy.file#5:{read_only}")

    assert subprocess.run(["mountpoint", "-q", str(drive)]).returncode == 0
    assert result.returncode == 4, result.stdout + result.stderr
    assert lines_of(result)[0] == (
        f"The backup drive {drive} cannot be written to (Read-only file system). The unfinished backup could not "
        "be removed yet; it is never shown as a backup and the next backup removes it. Check the drive and try again.")
    assert len(world.partials()) == 1  # what the sentence says: it is still there, and never listed
    assert world.snapshot() == before
    status = world.status()
    assert (status["state"], status["message"]) == ("failed", "The last backup failed."), status
    assert status["reasons"][0]["code"] == "primary.target_write_failed_left"
    assert generation_ids(world) == older  # the partial it could not remove is never listed
    subprocess.run(["umount", str(drive)], check=True)  # the read-only bind mount; the drive is writable again
    world.run_ok()


@pytest.mark.parametrize("drive_size", ["1m"])
def test_disk_full_mid_copy_is_exit_4_and_the_older_backups_are_untouched(world):
    world.run_ok()
    older, before = generation_ids(world), world.snapshot()
    old_copy = world.snapshot(world.folder / older[0])
    (world.source / "timeSensor.4DD").write_bytes(os.urandom(300_000))  # must be copied, not linked
    before = world.snapshot()
    filler = world.drive / "someone else's file"
    fill = script(world.root / "fill.sh", f'dd if=/dev/zero of="{filler}" bs=4096 2>/dev/null; exit 0\n')

    result = world.cli("run", "--json", fault=f"exec-at=scan.done:{fill}")

    assert result.returncode == 4, result.stdout + result.stderr
    assert lines_of(result)[0] == (f"The backup drive is full ({world.drive}). The unfinished backup was removed and "
                                   "the older backups are untouched; free space on the drive or connect a bigger one.")
    assert world.snapshot() == before
    assert world.partials() == []
    assert world.snapshot(world.folder / older[0]) == old_copy
    status = world.status()
    assert (status["state"], status["message"]) == ("failed", "The last backup failed."), status
    assert status["reasons"][0]["code"] == "primary.target_full"
    assert generation_ids(world) == older
    filler.unlink()
    world.run_ok()


def test_marker_missing_is_exit_4_and_creates_nothing(world):
    world.run_ok()
    older, before = generation_ids(world), world.snapshot()
    marker = world.folder / ".tsbackup-target"
    saved = marker.read_bytes()
    marker.unlink()
    listing = sorted(os.listdir(world.folder))

    result = world.cli("run", "--json")

    assert result.returncode == 4, result.stdout + result.stderr
    assert lines_of(result)[0] == (f"Connect the backup drive: {world.drive} does not hold this computer's backups "
                                   "(the drive marker is missing).")
    assert sorted(os.listdir(world.folder)) == listing and world.snapshot() == before
    status = world.status()
    assert (status["state"], status["message"]) == ("waiting", "Connect the backup drive."), status
    assert world.cli("generations", "--json").returncode == 4  # no marker: nothing is listed as ours
    marker.write_bytes(saved)
    assert generation_ids(world) == older
    world.run_ok()


@pytest.fixture
def timesensor(world):
    """A real timeSensor of this world's own (a copy of sleep named `tsb timeSensor <id>`) that a fault
    script starts mid-copy: one running elsewhere on the machine would stop the run before the copy."""
    binary = world.root / "Applications" / world.timesensor_name
    binary.parent.mkdir()
    shutil.copy2(shutil.which("sleep"), binary)
    pid_file = world.root / "timesensor.pid"
    start = script(world.root / "start-timesensor.sh",
                   f'"{binary}" 60 >/dev/null 2>&1 </dev/null &\necho $! > "{pid_file}"\n')
    yield start, pid_file
    if pid_file.exists():
        try:
            os.kill(int(pid_file.read_text()), signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_timesensor_started_mid_copy_discards_the_generation_and_waits(world, timesensor):
    start, pid_file = timesensor
    world.run_ok(prefix=in_the_slot(12))
    older, before = generation_ids(world), world.snapshot()
    world.set_config(process_names=[world.timesensor_name, world.own_app])

    result = world.cli("run", "--json", fault=f"exec-at=copy.file#3:{start}", prefix=in_the_slot())

    pid = int(pid_file.read_text())
    assert result.returncode == 3, result.stdout + result.stderr
    lines = lines_of(result)
    assert lines == [PLAIN_BUSY, f"{PLAIN_BUSY} The program {world.timesensor_name} (process {pid}) is running."]
    assert reason_codes(result)[0] == "guard.source_busy" and summary_of(result)["generation"] is None
    assert world.snapshot() == before and world.partials() == []
    status = world.status(in_the_slot())
    assert (status["state"], status["message"]) == ("waiting", PLAIN_BUSY), status
    assert generation_ids(world) == older
    assert os.kill(pid, 0) is None, "the run never closes or kills timeSensor"
    os.kill(pid, signal.SIGKILL)
    wait_until(lambda: not any(b.pid == pid for b in find_running([world.timesensor_name])))
    world.run_ok()  # closed again: the next run makes its generation


def test_a_source_file_changed_mid_copy_discards_the_generation(world):
    world.run_ok(prefix=in_the_slot(12))
    older, before = generation_ids(world), world.snapshot()
    journal = world.source / "Logs" / "Backup Journal[001].txt"
    change = script(world.root / "change.sh", f'printf "2026-11-27\\t18:31\\tbackup\\n" >> "{journal}"\n')

    result = world.cli("run", "--json", fault=f"exec-at=copy.file#20:{change}", prefix=in_the_slot())

    assert result.returncode == 3, result.stdout + result.stderr
    assert lines_of(result) == [PLAIN_BUSY, f"{PLAIN_BUSY} The file Logs/Backup Journal[001].txt changed during the copy."]
    after = world.snapshot()
    assert {k for k in before if before[k] != after[k]} == {"Logs/Backup Journal[001].txt"}  # only our change
    assert world.partials() == []
    status = world.status(in_the_slot())
    assert (status["state"], status["message"]) == ("waiting", PLAIN_BUSY), status
    assert generation_ids(world) == older
    summary = world.run_ok()
    copy = world.folder / summary["generation"] / DATA / "Logs" / "Backup Journal[001].txt"
    assert copy.read_bytes() == journal.read_bytes()


def test_a_second_run_while_one_copies_is_exit_6_at_once(world):
    world.run_ok()
    out = world.root / "second"
    second = script(world.root / "second.sh",
                    f'"{sys.executable}" -m tsbackup_gui.cli run >"{out}.out" 2>"{out}.err"; echo $? >"{out}.rc"\n')
    before = world.snapshot()

    first = world.cli("run", "--json", fault=f"exec-at=copy.file#3:{second}")

    assert first.returncode == 0, first.stdout + first.stderr
    assert (out.with_suffix(".rc").read_text().strip(), out.with_suffix(".out").read_text()) == ("6", "")
    assert out.with_suffix(".err").read_text().strip() == "Another backup is running. Wait until it has finished, then try again."
    assert world.snapshot() == before
    rows = world.assert_generations_match()
    assert summary_of(first)["generation"] == rows[-1]["id"]
    assert world.status()["state"] == "ok"  # the running one counts; the refused one is not an attempt
