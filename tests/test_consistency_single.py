"""Single-user runs under the real guard: timeSensor LEGAL open, a file held open, a file
changed and the app started in the middle of a copy. Real processes, real files; a spoiled
copy never becomes a generation and the run exits 3."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from processes import wait_until
from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.guard.single_user import find_running
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.run.backup import run_backup
from tsbackup_gui.core.setup.configure import SetupOptions, configure

PLAIN = "Close timeSensor LEGAL to start today's backup."
APP = "timeSensor LEGAL"
#: Tests watch for names of their own (conftest's guard_names, or this one): a timeSensor LEGAL
#: may run anywhere on the machine at any moment. The one test about the built-in list starts its own.
OWN_APP = f"tsbackup test app {uuid.uuid4().hex[:8]}"
SLEEP = shutil.which("sleep") or "/bin/sleep"
ZURICH = ZoneInfo("Europe/Zurich")
MONDAY = datetime(2026, 11, 2, 18, 30, tzinfo=ZURICH)
HOLD = "import sys; f = open(sys.argv[1], 'rb'); print('ready', flush=True); sys.stdin.read()"


def make_source(root: Path) -> Path:
    source = root / "Shared" / "timeSensor DataFiles"
    (source / "Dokumente").mkdir(parents=True)
    (source / "timeSensor.4DD").write_bytes(os.urandom(200_000))
    (source / "timeSensor.4DIndx").write_bytes(os.urandom(20_000))
    for index in range(40):
        (source / "Dokumente" / f"Beleg {index:02d}.pdf").write_bytes(os.urandom(500 + index))
    return source


def generations_of(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".partial-"))





@pytest.fixture
def app(tmp_path, spawn):
    """Starts a real process named `timeSensor LEGAL` (a copy of sleep under that file name)."""

    def start(name: str = APP) -> subprocess.Popen:
        binary = tmp_path / "Applications" / name
        if not binary.exists():
            binary.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(SLEEP, binary)
        proc = spawn([str(binary), "60"])
        wait_until(lambda: any(b.pid == proc.pid for b in find_running([name])))
        return proc

    return start


@pytest.fixture
def holder(spawn):
    """A real Python child that keeps a file open until it is killed."""

    def start(path: Path) -> subprocess.Popen:
        proc = spawn([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        return proc

    return start


@pytest.fixture
def configured_cli(tmp_path, run_cli):
    source = make_source(tmp_path)
    drive = tmp_path / "drive"
    drive.mkdir()
    result = run_cli("setup", "--source", source, "--primary", drive, "--computer", "Mac-Anwalt")
    assert result.returncode == 0, result.stderr
    return source, drive / "timeSensor Backups" / "Mac-Anwalt"


def test_timesensor_legal_open_is_exit_3_and_no_generation(configured_cli, run_cli, app):
    """The guard's built-in list (the settings name none) and a real `timeSensor LEGAL` of our own;
    only what holds whatever else runs on the machine is asserted."""
    source, folder = configured_cli
    config = config_mod.require()
    config.process_names = None
    config_mod.save(config)
    proc = app()
    result = run_cli("run", "--json", own_names=False)
    assert result.returncode == 3, result.stdout + result.stderr
    summary = [json.loads(line) for line in result.stdout.splitlines()][-1]
    assert (summary["event"], summary["outcome"], summary["exit_code"], summary["generation"]) == ("summary", "skipped", 3, None)
    assert summary["reasons"][0] == {"code": "guard.source_busy", "message": PLAIN}
    # (another test run on this machine may have its own `timeSensor LEGAL` copy listed first)
    assert summary["reasons"][1]["message"].startswith(f"{PLAIN} The program {APP} (process ")
    plain = run_cli("run", own_names=False)
    assert plain.returncode == 3 and plain.stdout == ""
    assert plain.stderr.splitlines()[0] == PLAIN
    assert generations_of(folder) == [] and leftovers(folder) == []
    attempts = History().attempts()
    assert [(a.outcome, a.exit_code, a.reason_code) for a in attempts] == [("skipped", 3, "guard.source_busy")] * 2
    assert config_mod.require().process_names is None  # the built-in list was what found it
    assert proc.poll() is None, "the guard never closes or kills timeSensor"


def test_a_process_holding_the_data_file_is_exit_3(configured_cli, run_cli, holder):
    source, folder = configured_cli
    config = config_mod.require()
    config.process_names = [OWN_APP]  # this test is about the open file alone
    config_mod.save(config)
    proc = holder(source / "timeSensor.4DD")
    result = run_cli("run")
    assert result.returncode == 3, result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == PLAIN
    assert f"(process {proc.pid}) has the file {source / 'timeSensor.4DD'} open." in lines[1]
    assert generations_of(folder) == [] and leftovers(folder) == []
    (attempt,) = History().attempts()
    assert (attempt.outcome, attempt.exit_code) == ("skipped", 3)


@pytest.fixture
def configured(tmp_path):
    source = make_source(tmp_path)
    drive = tmp_path / "drive"
    drive.mkdir()
    result = configure(SetupOptions(str(source), str(drive), computer="Mac-Anwalt"))
    result.config.process_names = [OWN_APP, "4D"]
    return result.config, source, result.folder


def on_first_progress(action):
    """An event listener that runs `action` once, when the copy has started."""
    fired = []

    def listen(event: dict) -> None:
        if event["event"] == "progress" and not fired:
            fired.append(event)
            action()

    return listen, fired


def test_a_file_changed_during_the_copy_discards_the_generation(configured):
    config, source, folder = configured
    changed = source / "Dokumente" / "Beleg 07.pdf"
    listen, fired = on_first_progress(lambda: changed.write_bytes(b"changed while copying"))
    result = run_backup(config, clock=FixedClock(MONDAY), events=listen)
    assert fired, "the copy reported no progress"
    assert (result.outcome, result.exit_code, result.generation) == ("skipped", 3, None)
    assert [r.english() for r in result.reasons] == [
        PLAIN, f"{PLAIN} The file Dokumente/Beleg 07.pdf changed during the copy."]
    assert generations_of(folder) == [] and leftovers(folder) == []
    (attempt,) = History().attempts()
    assert (attempt.outcome, attempt.exit_code, attempt.reason_code) == ("skipped", 3, "guard.source_busy")

    # nothing changes during the next copy: a consistent generation with the new bytes
    again = run_backup(config, clock=FixedClock(MONDAY + timedelta(minutes=5)))
    assert (again.outcome, again.exit_code) == ("ok", 0)
    manifest = json.loads((folder / again.generation / "tsbackup-manifest.json").read_text(encoding="utf-8"))
    assert manifest["verdict"] == "consistent"
    copy = folder / again.generation / "timeSensor DataFiles" / "Dokumente" / "Beleg 07.pdf"
    assert copy.read_bytes() == b"changed while copying"


def test_the_app_started_during_the_copy_discards_the_generation(configured, app):
    config, source, folder = configured
    started = []
    listen, fired = on_first_progress(lambda: started.append(app(OWN_APP)))
    result = run_backup(config, clock=FixedClock(MONDAY), events=listen)
    assert fired and started
    assert (result.outcome, result.exit_code, result.generation) == ("skipped", 3, None)
    assert result.reasons[0].english() == PLAIN
    assert result.reasons[1].english() == f"{PLAIN} The program {OWN_APP} (process {started[0].pid}) is running."
    assert generations_of(folder) == [] and leftovers(folder) == []
    assert started[0].poll() is None, "the run never closes or kills timeSensor"
    (attempt,) = History().attempts()
    assert (attempt.outcome, attempt.exit_code) == ("skipped", 3)


def test_configured_program_names_are_the_guards_list(configured, tmp_path, spawn):
    config, source, folder = configured
    binary = tmp_path / "bin" / "Kanzlei Zeiterfassung"
    binary.parent.mkdir()
    shutil.copy2(SLEEP, binary)
    proc = spawn([str(binary), "60"])
    wait_until(lambda: any(b.pid == proc.pid for b in find_running(["Kanzlei Zeiterfassung"])))
    assert run_backup(config, clock=FixedClock(MONDAY)).exit_code == 0  # not on the list
    config.process_names = [OWN_APP, "Kanzlei Zeiterfassung"]
    result = run_backup(config, clock=FixedClock(MONDAY + timedelta(minutes=1)))
    assert (result.outcome, result.exit_code) == ("skipped", 3)
    assert len(generations_of(folder)) == 1
