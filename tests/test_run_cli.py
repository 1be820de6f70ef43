"""`tsbackup run` and `tsbackup generations` end to end through the real command."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.store.locks import FileLock

COMPUTER = "Kanzlei-PC"
SUMMARY_KEYS = {"event", "outcome", "exit_code", "generation", "files", "bytes", "reasons"}


def make_source(root: Path) -> Path:
    source = root / "Shared" / "timeSensor DataFiles"
    (source / "STUFF" / "BACKUP").mkdir(parents=True)
    (source / "Leerer Ordner").mkdir()
    (source / "timeSensor.4DD").write_bytes(os.urandom(300_000))
    (source / "timeSensor.4DIndx").write_bytes(os.urandom(50_000))
    (source / "Logs").mkdir()
    (source / "Logs" / "Backup Journal[001].txt").write_text("Sicherung ok\n", encoding="utf-8")
    (source / "Dokumente für Müller & Söhne").mkdir()
    for index in range(30):
        (source / "Dokumente für Müller & Söhne" / f"Beleg {index:02d} – Größe.pdf").write_bytes(os.urandom(100 + index))
    (source / "leer.txt").write_bytes(b"")
    (source / "Logs" / "latest").symlink_to("Backup Journal[001].txt")
    return source


@pytest.fixture
def configured(tmp_path, run_cli, tsbackup_home):
    source = make_source(tmp_path)
    drive = tmp_path / "drive"
    drive.mkdir()
    result = run_cli("setup", "--source", source, "--primary", drive, "--computer", COMPUTER)
    assert result.returncode == 0, result.stdout + result.stderr
    return source, drive, drive / "timeSensor Backups" / COMPUTER


def json_events(result) -> list[dict]:
    lines = result.stdout.splitlines()
    events = [json.loads(line) for line in lines]
    assert all(isinstance(event, dict) and "event" in event for event in events)
    return events


def tree(root: Path) -> dict[str, tuple]:
    """Everything that must survive a backup: type, bytes, link target, mtime."""
    found = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                found[rel] = ("link", os.readlink(path))
            elif stat.S_ISDIR(info.st_mode):
                found[rel] = ("dir", info.st_mtime_ns)
            else:
                found[rel] = ("file", path.read_bytes(), info.st_mtime_ns)
    return found


def generations_of(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def test_run_makes_an_exact_read_only_generation(configured, run_cli):
    source, drive, folder = configured
    result = run_cli("run", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    events = json_events(result)
    assert events[0]["event"] == "start"
    assert any(event["event"] == "progress" for event in events)
    summary = events[-1]
    assert set(summary) == SUMMARY_KEYS
    assert summary["event"] == "summary" and summary["outcome"] == "ok" and summary["exit_code"] == 0
    assert summary["reasons"] == []
    regular = [p for p in source.rglob("*") if p.is_file() and not p.is_symlink()]
    assert summary["files"] == len(regular) and summary["bytes"] == sum(p.stat().st_size for p in regular)
    assert result.stderr.strip() == (
        f"Backup finished: {summary['files']} files, {summary['bytes'] / 1000:.1f} KB, generation {summary['generation']}."
    )

    generation = folder / summary["generation"]
    assert generations_of(folder) == [summary["generation"]]
    copy = generation / "timeSensor DataFiles"
    assert tree(copy) == tree(source)
    manifest = json.loads((generation / "tsbackup-manifest.json").read_text(encoding="utf-8"))
    assert manifest["verdict"] == "consistent"
    hashes = {e["path"]: e["sha256"] for e in manifest["entries"] if e["type"] == "file"}
    for path in regular:
        rel = "timeSensor DataFiles/" + path.relative_to(source).as_posix()
        assert hashes[rel] == hashlib.sha256(path.read_bytes()).hexdigest()
    for path in copy.rglob("*"):
        if path.is_file() and not path.is_symlink():
            assert path.stat().st_mode & 0o222 == 0, path
    assert not list(folder.glob(".partial-*"))


def test_second_run_links_unchanged_and_copies_changed(configured, run_cli):
    source, drive, folder = configured
    first = run_cli("run", "--json")
    assert first.returncode == 0
    gen1 = folder / json_events(first)[-1]["generation"]
    changed = source / "Logs" / "Backup Journal[001].txt"
    changed.write_text("Sicherung ok\nSicherung ok\n", encoding="utf-8")
    time.sleep(0.01)  # a new mtime_ns even on coarse clocks

    second = run_cli("run")
    assert second.returncode == 0, second.stdout + second.stderr
    names = generations_of(folder)
    assert len(names) == 2
    gen2 = folder / [n for n in names if n != gen1.name][0]
    assert second.stdout.strip().startswith("Backup finished: 34 files, ")
    assert second.stdout.strip().endswith(f"generation {gen2.name}.")
    assert tree(gen2 / "timeSensor DataFiles") == tree(source)
    for path in source.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        rel = path.relative_to(source)
        old = (gen1 / "timeSensor DataFiles" / rel).stat()
        new = (gen2 / "timeSensor DataFiles" / rel).stat()
        if path == changed:
            assert new.st_ino != old.st_ino
            assert (gen1 / "timeSensor DataFiles" / rel).read_text(encoding="utf-8") == "Sicherung ok\n"
        else:
            assert new.st_ino == old.st_ino, rel

    listed = run_cli("generations", "--json")
    assert listed.returncode == 0
    rows = json.loads(listed.stdout)
    assert [row["id"] for row in rows] == [gen1.name, gen2.name]
    assert [(row["verdict"], row["files"], row["linked"], row["copied"]) for row in rows] == [
        ("consistent", 34, 0, 34), ("consistent", 34, 33, 1)]
    assert all(row["ended"][-6] in "+-" for row in rows)  # ISO-8601 with offset
    plain = run_cli("generations")
    lines = plain.stdout.strip().splitlines()
    assert len(lines) == 2 and lines[1].startswith(f"{gen2.name}  consistent  ")
    assert lines[1].endswith("34 files  " + lines[1].split("  ")[4] + "  (33 linked, 1 copied)")


def test_not_configured(run_cli):
    for command in (["run"], ["run", "--json"], ["generations"]):
        result = run_cli(*command)
        assert result.returncode == 2
        if "--json" in command:  # stdout carries only JSON: the failure as a summary
            (summary,) = [json.loads(line) for line in result.stdout.splitlines()]
            assert summary == {"event": "summary", "outcome": "failed", "exit_code": 2, "reasons": [
                {"code": "config.not_configured", "message": "The backup is not set up yet. Run the setup first."}]}
        else:
            assert result.stdout == ""
        assert result.stderr.strip() == "The backup is not set up yet. Run the setup first."


def test_second_run_exits_6_at_once(configured, run_cli, tsbackup_home):
    lock = FileLock(tsbackup_home / "state" / "run.lock")
    lock.acquire()
    try:
        result = run_cli("run", "--json")  # the lock stays held: a run that waited for it would never end
        assert result.returncode == 6
        summary = json_events(result)[-1]
        assert (summary["outcome"], summary["exit_code"]) == ("skipped", 6)
        assert summary["reasons"] == [{"code": "run.another_running",
                                       "message": "Another backup is running. Wait until it has finished, then try again."}]
        plain = run_cli("run")
        assert plain.returncode == 6
        assert plain.stdout == ""
        assert plain.stderr.strip() == "Another backup is running. Wait until it has finished, then try again."
    finally:
        lock.release()
    _, _, folder = configured
    assert generations_of(folder) == []
    assert History().attempts() == []  # the run that holds the lock records itself


def test_target_lock_held_elsewhere_is_a_recorded_skip(configured, run_cli):
    _, _, folder = configured
    lock = FileLock(folder / ".tsbackup-lock")
    lock.acquire()
    try:
        result = run_cli("run")
    finally:
        lock.release()
    assert result.returncode == 6
    assert result.stderr.strip() == (
        f"Another backup is writing to {folder} right now (from this or another computer). Wait until it has finished, then try again."
    )
    (attempt,) = History().attempts()
    assert (attempt.outcome, attempt.exit_code, attempt.reason_code) == ("skipped", 6, "run.another_running_on_target")
    assert generations_of(folder) == []


def test_missing_marker_creates_nothing(configured, run_cli):
    source, drive, folder = configured
    drive.rename(drive.with_name("drive-unplugged"))
    drive.mkdir()  # the empty mount point of an unplugged drive
    result = run_cli("run", "--json")
    assert result.returncode == 4
    expected = f"Connect the backup drive: {drive} does not hold this computer's backups (the drive marker is missing)."
    assert result.stderr.strip() == expected
    summary = json_events(result)[-1]
    assert (summary["outcome"], summary["exit_code"], summary["generation"]) == ("failed", 4, None)
    assert summary["reasons"] == [{"code": "primary.drive_not_connected", "message": expected}]
    assert os.listdir(drive) == []
    listed = run_cli("generations")
    assert listed.returncode == 4 and listed.stderr.strip() == expected
    assert os.listdir(drive) == []
    (attempt,) = History().attempts()
    assert (attempt.outcome, attempt.exit_code, attempt.reason.english()) == ("failed", 4, expected)


def test_history_records_every_attempt(configured, run_cli):
    source, drive, folder = configured
    assert run_cli("run").returncode == 0
    hidden = drive.with_name("drive-away")
    drive.rename(hidden)
    assert run_cli("run").returncode == 4
    hidden.rename(drive)
    assert run_cli("run").returncode == 0
    attempts = History().attempts()
    assert [(a.outcome, a.exit_code) for a in attempts] == [("ok", 0), ("failed", 4), ("ok", 0)]
    assert attempts[1].reason_code == "primary.drive_not_connected" and attempts[1].generation is None
    assert attempts[0].generation in generations_of(folder) and attempts[0].files == 34
    assert all(a.ended >= a.started and a.started.utcoffset() is not None for a in attempts)
    assert History().last_success().id == attempts[0].id


def test_mass_change_pauses_retention_and_warns(configured, run_cli, tsbackup_home):
    source, drive, folder = configured
    assert run_cli("run").returncode == 0
    for path in (source / "Dokumente für Müller & Söhne").iterdir():
        path.write_bytes(b"encrypted!" + os.urandom(50))  # as ransomware would leave them
    result = run_cli("run", "--json")
    assert result.returncode == 1, result.stdout + result.stderr
    summary = json_events(result)[-1]
    assert (summary["outcome"], summary["exit_code"]) == ("warning", 1)
    assert [reason["code"] for reason in summary["reasons"]] == ["primary.mass_change"]
    assert summary["reasons"][0]["message"].startswith("This backup differs from the previous one in 30 of 34 files.")
    assert len(generations_of(folder)) == 2
    assert History().attempts()[0].outcome == "warning"


@pytest.mark.slow
def test_kill_9_mid_run_then_next_run_cleans_up(configured, run_cli, cli_env):
    source, drive, folder = configured
    with open(source / "STUFF" / "big.4DD", "wb") as handle:
        chunk = os.urandom(1 << 20)
        for _ in range(400):
            handle.write(chunk)
    child = subprocess.Popen([sys.executable, "-m", "tsbackup_gui.cli", "run", "--json"], env=cli_env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(folder.glob(".partial-*")):
        assert child.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.002)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert list(folder.glob(".partial-*"))
    assert generations_of(folder) == []
    (killed,) = History().attempts()
    assert killed.outcome == "failed" and killed.interrupted

    result = run_cli("run", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not list(folder.glob(".partial-*"))
    summary = json_events(result)[-1]
    assert generations_of(folder) == [summary["generation"]]
    assert (folder / summary["generation"] / "timeSensor DataFiles" / "STUFF" / "big.4DD").stat().st_size == 400 << 20
    attempts = History().attempts()
    assert [(a.outcome, a.interrupted) for a in attempts] == [("ok", False), ("failed", True)]
    assert attempts[1].ended is not None
