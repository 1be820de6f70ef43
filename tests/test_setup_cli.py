"""`tsbackup setup` through the real command: what it stores, what it refuses, what it keeps."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

COMPUTER = "Kanzlei-PC"


def make_source(root: Path) -> Path:
    source = root / "Shared" / "timeSensor DataFiles"
    (source / "STUFF" / "BACKUP").mkdir(parents=True)
    (source / "timeSensor.4DD").write_bytes(b"4DD" * 10000)
    (source / "Logs").mkdir()
    (source / "Logs" / "Backup Journal[001].txt").write_text("Sicherung\n", encoding="utf-8")
    return source


def config_of(home: Path) -> dict:
    return json.loads((home / "config" / "config.json").read_text(encoding="utf-8"))


def marker_of(drive: Path, computer: str = COMPUTER) -> dict:
    return json.loads((drive / "timeSensor Backups" / computer / ".tsbackup-target").read_text(encoding="utf-8"))


def one_sentence(result) -> str:
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0]
    return lines[0]


@pytest.fixture
def world(tmp_path):
    source = make_source(tmp_path)
    drive = tmp_path / "drive"
    drive.mkdir()
    return source, drive


def setup(run_cli, source, drive, *extra, env=None):
    return run_cli("setup", "--source", source, "--primary", drive, "--computer", COMPUTER, *extra, env=env)


def test_good_setup_writes_config_marker_and_instructions(run_cli, world, tsbackup_home):
    source, drive = world
    result = setup(run_cli, source, drive, "--keep-daily", "7", "--keep-weekly", "4", "--keep-monthly", "6",
                   "--time", "7:05", "--working-days", "mon-sat", "--mode", "server")
    assert result.returncode == 0, result.stderr
    folder = drive / "timeSensor Backups" / COMPUTER
    assert result.stdout.strip() == f"The backup is set up: {source} is backed up to {folder}."
    # tmp_path lies on one disk: the warning says so, on stderr, and the setup is stored anyway.
    assert result.stderr.strip() == (
        f"The backup folder {drive} is on the same disk as the data folder. "
        "This copy does not survive a failure of that disk; use another drive if you can."
    )
    stored = config_of(tsbackup_home)
    assert stored["source"] == str(source) and stored["primary"] == str(drive)
    assert stored["computer"] == COMPUTER and stored["mode"] == "server"
    assert (stored["keep_daily"], stored["keep_weekly"], stored["keep_monthly"]) == (7, 4, 6)
    assert stored["time"] == "07:05"
    assert stored["working_days"] == ["mon", "tue", "wed", "thu", "fri", "sat"]
    assert len(stored["setup_id"]) == 32 and stored["created"]
    assert marker_of(drive)["setup_id"] == stored["setup_id"]
    howto = (drive / "timeSensor Backups" / "HOW-TO-RESTORE.txt").read_text(encoding="utf-8-sig")
    assert "timeSensor DataFiles" in howto and len(howto) > 200
    assert sorted(os.listdir(folder)) == [".tsbackup-target"]  # no generation, no lock, nothing else


def test_defaults(run_cli, world, tsbackup_home):
    source, drive = world
    result = run_cli("setup", "--source", source, "--primary", drive)
    assert result.returncode == 0, result.stderr
    stored = config_of(tsbackup_home)
    assert stored["mode"] == "single"
    assert (stored["keep_daily"], stored["keep_weekly"], stored["keep_monthly"]) == (14, 8, 12)
    assert stored["working_days"] == ["mon", "tue", "wed", "thu", "fri"]
    assert stored["computer"] and "/" not in stored["computer"] and not stored["computer"].startswith(".")
    assert (drive / "timeSensor Backups" / stored["computer"] / ".tsbackup-target").is_file()


def test_rerun_keeps_setup_id_and_generations(run_cli, world, tsbackup_home):
    source, drive = world
    assert setup(run_cli, source, drive).returncode == 0
    first = config_of(tsbackup_home)
    backup = run_cli("run")
    assert backup.returncode == 0, backup.stdout + backup.stderr
    folder = drive / "timeSensor Backups" / COMPUTER
    (generation,) = [p for p in folder.iterdir() if not p.name.startswith(".")]
    data = generation / "timeSensor DataFiles" / "timeSensor.4DD"
    inode = data.stat().st_ino

    again = setup(run_cli, source, drive, "--keep-daily", "3", "--time", "06:00")
    assert again.returncode == 0, again.stderr
    second = config_of(tsbackup_home)
    assert second["setup_id"] == first["setup_id"] and second["created"] == first["created"]
    assert second["keep_daily"] == 3 and second["time"] == "06:00"
    assert marker_of(drive)["setup_id"] == first["setup_id"]
    assert [p.name for p in folder.iterdir() if not p.name.startswith(".")] == [generation.name]
    assert data.stat().st_ino == inode and data.read_bytes() == (source / "timeSensor.4DD").read_bytes()


def test_other_setups_marker_needs_adopt(run_cli, world, tsbackup_home, tmp_path):
    source, drive = world
    assert setup(run_cli, source, drive).returncode == 0
    assert run_cli("run").returncode == 0
    old_id = config_of(tsbackup_home)["setup_id"]
    folder = drive / "timeSensor Backups" / COMPUTER
    (generation,) = [p for p in folder.iterdir() if not p.name.startswith(".")]
    inode = (generation / "timeSensor DataFiles" / "timeSensor.4DD").stat().st_ino

    # A reinstall: a fresh program home, the same drive.
    new_home = tmp_path / "reinstalled-home"
    env = {"TSBACKUP_HOME": str(new_home)}
    refused = setup(run_cli, source, drive, env=env)
    assert refused.returncode == 2
    assert one_sentence(refused) == (
        f"The folder {folder} already holds the backups of another setup. Use --adopt to take it over; its backups are kept."
    )
    assert not (new_home / "config" / "config.json").exists()
    assert marker_of(drive)["setup_id"] == old_id

    adopted = setup(run_cli, source, drive, "--adopt", env=env)
    assert adopted.returncode == 0, adopted.stdout + adopted.stderr
    assert f"The backup folder {folder} was taken over from an earlier setup; its backups are kept." in adopted.stderr
    new_id = config_of(new_home)["setup_id"]
    assert new_id != old_id
    marker = marker_of(drive)
    assert marker["setup_id"] == new_id and marker["adopted_from"] == old_id
    assert (generation / "timeSensor DataFiles" / "timeSensor.4DD").stat().st_ino == inode

    # The adopted generation is this setup's history now: the next run links from it.
    backup = run_cli("run", "--json", env=env)
    assert backup.returncode == 0, backup.stdout + backup.stderr
    summary = json.loads(backup.stdout.splitlines()[-1])
    assert summary["outcome"] == "ok"
    newest = folder / summary["generation"]
    assert (newest / "timeSensor DataFiles" / "timeSensor.4DD").stat().st_ino == inode


@pytest.mark.parametrize("layout", ["source-in-primary", "primary-in-source", "same", "symlink-into-source"])
def test_nested_folders_are_refused(run_cli, tmp_path, tsbackup_home, layout):
    if layout == "source-in-primary":
        drive = tmp_path / "drive"
        source = make_source(drive)
    else:
        source = make_source(tmp_path)
        drive = {"primary-in-source": source / "Backups", "same": source, "symlink-into-source": tmp_path / "link"}[layout]
        if layout == "symlink-into-source":
            (source / "STUFF" / "inner").mkdir()
            drive.symlink_to(source / "STUFF" / "inner")
        else:
            drive.mkdir(exist_ok=True)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if "tsbackup-home" not in p.parts)
    result = run_cli("setup", "--source", source, "--primary", drive)
    assert result.returncode == 2
    assert one_sentence(result) == (
        f"The backup folder {drive} and the data folder {source} lie inside one another. "
        "Choose a backup folder outside the data folder, on another drive."
    )
    assert not (tsbackup_home / "config" / "config.json").exists()
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if "tsbackup-home" not in p.parts)
    assert after == before


def test_missing_folders(run_cli, world, tmp_path, tsbackup_home):
    source, drive = world
    gone = tmp_path / "nowhere"
    result = run_cli("setup", "--source", gone, "--primary", drive)
    assert result.returncode == 2
    assert one_sentence(result) == f"The data folder {gone} does not exist. Check the path and run the setup again."
    result = run_cli("setup", "--source", source, "--primary", gone)
    assert result.returncode == 2
    assert one_sentence(result) == (
        f"The backup folder {gone} does not exist. Connect the backup drive or create the folder, then run the setup again."
    )
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    result = run_cli("setup", "--source", a_file, "--primary", drive)
    assert result.returncode == 2 and "is a file, not a folder" in one_sentence(result)
    result = run_cli("setup", "--source", source, "--primary", a_file)
    assert result.returncode == 2 and "is a file, not a folder" in one_sentence(result)
    assert not (tsbackup_home / "config").exists()
    assert os.listdir(drive) == []


def test_unusual_source_is_stored_with_a_warning(run_cli, tmp_path, tsbackup_home):
    source = tmp_path / "Daten"
    source.mkdir()
    (source / "notes.txt").write_text("x")
    drive = tmp_path / "drive"
    drive.mkdir()
    result = run_cli("setup", "--source", source, "--primary", drive, "--computer", COMPUTER)
    assert result.returncode == 0
    assert f"{source} does not look like a timeSensor data folder" in result.stderr
    assert config_of(tsbackup_home)["source"] == str(source)


@pytest.mark.parametrize(
    "option, value, sentence",
    [
        ("--time", "24:00", "'24:00' is not a time of day. Give the time as HH:MM between 00:00 and 23:59, for example 18:30."),
        ("--time", "7.30", "'7.30' is not a time of day. Give the time as HH:MM between 00:00 and 23:59, for example 18:30."),
        ("--keep-daily", "0", "--keep-daily needs a whole number of 1 or more, not '0'."),
        ("--keep-monthly", "zwölf", "--keep-monthly needs a whole number of 1 or more, not 'zwölf'."),
        ("--working-days", "xyz", "'xyz' is not a list of working days. Use day names such as mon-fri or mon,tue,thu (mon tue wed thu fri sat sun)."),
        ("--computer", "a/b", "'a/b' cannot be used as a computer name. Use letters, digits, spaces, dots and dashes, not starting with a dot."),
        ("--mode", "both", None),
    ],
)
def test_bad_values_change_nothing(run_cli, world, tsbackup_home, option, value, sentence):
    source, drive = world
    result = run_cli("setup", "--source", source, "--primary", drive, option, value)
    assert result.returncode == 2
    said = one_sentence(result)
    if sentence is not None:
        assert said == sentence
    else:
        assert said.startswith("Argument --mode: invalid choice: 'both'")
    assert not (tsbackup_home / "config" / "config.json").exists()
    assert os.listdir(drive) == []


def test_bad_value_on_rerun_keeps_the_old_setup(run_cli, world, tsbackup_home):
    source, drive = world
    assert setup(run_cli, source, drive).returncode == 0
    before = (tsbackup_home / "config" / "config.json").read_bytes()
    assert setup(run_cli, source, drive, "--keep-weekly", "-3").returncode == 2
    assert (tsbackup_home / "config" / "config.json").read_bytes() == before


@pytest.fixture
def readonly_mount(tmp_path):
    point = tmp_path / "ro-drive"
    point.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(point)], check=True)
    yield point
    subprocess.run(["umount", str(point)], check=True)


def test_read_only_drive(run_cli, world, readonly_mount, tsbackup_home):
    source, _ = world
    result = run_cli("setup", "--source", source, "--primary", readonly_mount)
    assert result.returncode == 2
    assert one_sentence(result) == (
        f"This program cannot write to the backup folder {readonly_mount} (Read-only file system). "
        "Choose a writable folder or fix its permissions."
    )
    assert not (tsbackup_home / "config" / "config.json").exists()


def test_folder_this_user_cannot_write(cli_env):
    """As the unprivileged user `nobody`, against a folder owned by root (0755)."""
    root = Path(tempfile.mkdtemp(prefix="tsbackup-nobody-", dir="/tmp"))
    try:
        root.chmod(0o755)
        source = make_source(root)
        for folder in [root / "Shared", *(p for p in (root / "Shared").rglob("*") if p.is_dir())]:
            folder.chmod(0o755)
        drive = root / "drive"
        drive.mkdir(mode=0o755)
        home = root / "home"
        home.mkdir()
        os.chown(home, 65534, 65534)
        env = dict(cli_env, TSBACKUP_HOME=str(home), HOME=str(home), XDG_DATA_HOME=str(home))
        result = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
             sys.executable, "-m", "tsbackup_gui.cli", "setup", "--source", str(source), "--primary", str(drive)],
            env=env, capture_output=True, text=True, timeout=60, cwd="/",
        )
        assert result.returncode == 2, result.stdout + result.stderr
        assert one_sentence(result) == (
            f"This program cannot write to the backup folder {drive} (Permission denied). "
            "Choose a writable folder or fix its permissions."
        )
        assert os.listdir(drive) == []
        assert not (home / "config" / "config.json").exists()
    finally:
        shutil.rmtree(root)
