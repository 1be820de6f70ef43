"""A setup re-run keeps the computer's name (and mode); `tsbackup rename-computer` is the one way to change it."""

from __future__ import annotations

import json
from pathlib import Path

from test_setup_cli import COMPUTER, config_of, make_source, marker_of, setup

from tsbackup_gui.core.errors import Exit


def own_names(home: Path) -> None:
    """The guard looks for a program nobody runs: this test never waits for another's."""
    path = home / "config" / "config.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["process_names"] = ["no-such-program-rename-test"]
    path.write_text(json.dumps(data), encoding="utf-8")


def backed_up(run_cli, tmp_path, home, *extra, source_root: Path | None = None, exit_code: int = 0):
    source = make_source(source_root or tmp_path)
    drive = tmp_path / "drive"
    drive.mkdir()
    assert setup(run_cli, source, drive, *extra).returncode == 0
    own_names(home)
    done = run_cli("run")
    assert done.returncode == exit_code, done.stdout + done.stderr
    return source, drive


def generations(drive: Path, computer: str) -> list[str]:
    folder = drive / "timeSensor Backups" / computer
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def test_a_rerun_without_computer_keeps_the_name_and_the_series(run_cli, tmp_path, tsbackup_home):
    # a server without 4D archives yet: the run warns (exit 1) and still makes the generation
    source, drive = backed_up(run_cli, tmp_path, tsbackup_home, "--mode", "server", exit_code=Exit.WARNING)
    before = generations(drive, COMPUTER)
    again = run_cli("setup", "--source", source, "--primary", drive, "--time", "19:00")
    assert again.returncode == 0, again.stderr
    stored = config_of(tsbackup_home)
    assert stored["computer"] == COMPUTER and stored["time"] == "19:00"
    assert stored["mode"] == "server"  # not given: kept, not reset to single
    assert sorted(p.name for p in (drive / "timeSensor Backups").iterdir() if p.is_dir()) == [COMPUTER]
    listed = run_cli("generations")
    assert listed.returncode == 0 and before[0] in listed.stdout


def test_a_rerun_with_another_name_is_refused_and_changes_nothing(run_cli, tmp_path, tsbackup_home):
    source, drive = backed_up(run_cli, tmp_path, tsbackup_home)
    config_file = tsbackup_home / "config" / "config.json"
    before = config_file.read_bytes()
    again = run_cli("setup", "--source", source, "--primary", drive, "--computer", "Empfang", "--time", "19:00")
    assert again.returncode == Exit.USAGE
    assert again.stderr.strip() == (
        f"This computer's backups are kept under the name {COMPUTER} (on the backup drive and off-site), and setup "
        "keeps it. To change it, run: tsbackup rename-computer Empfang"
    )
    assert config_file.read_bytes() == before
    assert not (drive / "timeSensor Backups" / "Empfang").exists()


def test_rename_moves_the_series_and_asks_for_a_new_sheet(run_cli, tmp_path, tsbackup_home):
    source, drive = backed_up(run_cli, tmp_path, tsbackup_home)
    before = generations(drive, COMPUTER)
    inode = next((drive / "timeSensor Backups" / COMPUTER / before[0] / "timeSensor DataFiles").iterdir()).stat().st_ino
    data = config_of(tsbackup_home)
    data["recovery_sheet_confirmed"] = "2026-11-30"
    (tsbackup_home / "config" / "config.json").write_text(json.dumps(data), encoding="utf-8")

    renamed = run_cli("rename-computer", "Empfang")
    assert renamed.returncode == 0, renamed.stderr
    assert renamed.stdout.splitlines()[0] == (
        f"This computer's backups are now kept under the name Empfang (was {COMPUTER}); every backup made so far "
        "stays in the renamed folder."
    )
    assert not (drive / "timeSensor Backups" / COMPUTER).exists()
    assert generations(drive, "Empfang") == before
    moved = drive / "timeSensor Backups" / "Empfang" / before[0] / "timeSensor DataFiles"
    assert next(moved.iterdir()).stat().st_ino == inode  # renamed, not copied
    marker = marker_of(drive, "Empfang")
    assert marker["computer"] == "Empfang" and marker["setup_id"] == data["setup_id"]
    stored = config_of(tsbackup_home)
    assert stored["computer"] == "Empfang" and stored["recovery_sheet_confirmed"] is None

    after = run_cli("run")
    assert after.returncode == 0, after.stdout + after.stderr
    assert len(generations(drive, "Empfang")) == len(before) + 1  # the series goes on, no full copy elsewhere


def test_rename_to_the_same_name_or_a_taken_folder_changes_nothing(run_cli, tmp_path, tsbackup_home):
    _source, drive = backed_up(run_cli, tmp_path, tsbackup_home)
    same = run_cli("rename-computer", COMPUTER)
    assert same.returncode == Exit.USAGE and "nothing was changed" in same.stderr
    (drive / "timeSensor Backups" / "Empfang").mkdir()
    taken = run_cli("rename-computer", "Empfang")
    assert taken.returncode == Exit.USAGE
    assert taken.stderr.strip() == (
        f"{drive / 'timeSensor Backups' / 'Empfang'} exists already, so the backups cannot take that name. "
        "Choose another name; nothing was changed."
    )
    assert config_of(tsbackup_home)["computer"] == COMPUTER and generations(drive, COMPUTER)


def test_rename_waits_for_every_drive_of_the_rotation(run_cli, tmp_path, tsbackup_home):
    import shutil
    import tempfile

    shm = Path(tempfile.mkdtemp(prefix="tsbackup-rename-", dir="/dev/shm"))  # the drives are on another disk
    try:
        _source, drive = backed_up(run_cli, tmp_path, tsbackup_home, source_root=shm)
        _waits_for_drive_b(run_cli, tmp_path, tsbackup_home, drive)
    finally:
        shutil.rmtree(shm, ignore_errors=True)


def _waits_for_drive_b(run_cli, tmp_path, tsbackup_home, drive):
    second = tmp_path / "drive2"
    second.mkdir()
    added = run_cli("drives", "add", second, "--label", "Drive B")
    assert added.returncode == 0, added.stderr
    (second / "timeSensor Backups" / COMPUTER / ".tsbackup-target").unlink()  # drive B is at home
    refused = run_cli("rename-computer", "Empfang")
    assert refused.returncode == Exit.TARGET_UNAVAILABLE
    assert "Drive B" in refused.stderr and "Nothing was changed" in refused.stderr
    assert generations(drive, COMPUTER) and config_of(tsbackup_home)["computer"] == COMPUTER
