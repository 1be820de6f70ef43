"""The use cases the front-ends share: each was assembled twice once, and the copies had drifted.

- `tsbackup restore` refused a target inside the live data folder or the backups only in the dialog;
- the status window's "Back up now" ran without keep-awake and could not be cancelled;
- setup warned about a same-disk backup (physical disk) that the status never mentioned (device number).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tsbackup_gui.app.status import current_status
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.drives import disks
from tsbackup_gui.core.errors import Exit
from tsbackup_gui.core.install.demo import create_demo
from tsbackup_gui.core.setup.configure import SetupOptions, configure
from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.history import History

WAIT = 60_000


def own_names(names: list[str]) -> None:
    """This test's own program name for the guard: the suite passes beside anything."""
    config = config_mod.require()
    config.process_names = names
    config_mod.save(config)


def demo_setup(tmp_path: Path, computer: str = "APP-PC") -> tuple[Path, Path]:
    layout = create_demo(tmp_path / "demo", "single-user")
    drive = tmp_path / "drive"
    drive.mkdir()
    configure(SetupOptions(source=layout.data_dir, primary=drive, computer=computer))
    own_names(["no-such-program-app-layer"])
    return layout.data_dir, drive


def listing(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def test_cli_restore_into_the_live_data_folder_is_refused_and_creates_nothing(tmp_path, run_cli):
    source, drive = demo_setup(tmp_path)
    assert run_cli("run").returncode == 0
    before = listing(source)
    inside = source / "Wiederherstellung"
    done = run_cli("restore", "--from", "primary", "--to", inside)
    assert done.returncode == Exit.USAGE, done.stdout + done.stderr
    assert "inside the data folder" in done.stderr or "data folder" in done.stderr
    assert not inside.exists() and listing(source) == before


def test_cli_restore_into_the_backups_folder_is_refused_and_creates_nothing(tmp_path, run_cli):
    _source, drive = demo_setup(tmp_path)
    assert run_cli("run").returncode == 0
    backups = drive / "timeSensor Backups"
    before = listing(backups)
    inside = backups / "APP-PC" / "zurueck"
    done = run_cli("restore", "--from", "primary", "--to", inside)
    assert done.returncode == Exit.USAGE, done.stdout + done.stderr
    assert str(backups) in done.stderr
    assert not inside.exists() and listing(backups) == before


def test_cli_restore_takes_a_relative_target_from_the_current_folder(tmp_path, run_cli, cli_env):
    import subprocess
    import sys

    demo_setup(tmp_path)
    assert run_cli("run").returncode == 0
    work = tmp_path / "work"
    work.mkdir()
    done = subprocess.run([sys.executable, "-m", "tsbackup_gui.cli", "restore", "--from", "primary", "--to", "zurück"],
                          cwd=work, env=cli_env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (work / "zurück" / "timeSensor DataFiles" / "timeSensor.4DD").is_file()


def stand_in_inhibitor(tmp_path: Path, monkeypatch) -> Path:
    """A `systemd-inhibit` on PATH that records what the real one would be handed, then waits."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "inhibit-argv.txt"
    script = bin_dir / "systemd-inhibit"
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{record}'\nexec sleep 300\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return record


def test_the_windows_back_up_now_keeps_the_computer_awake(qtbot, tmp_path, monkeypatch):
    from tsbackup_gui.ui.status_window import StatusWindow

    record = stand_in_inhibitor(tmp_path, monkeypatch)
    demo_setup(tmp_path)
    window = StatusWindow(language="en")
    qtbot.addWidget(window)
    window.refresh()
    qtbot.waitUntil(lambda: window.backup_button.isEnabled(), timeout=WAIT)
    window.back_up_now()
    assert window.cancel_button.isVisibleTo(window) and window.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: window.busy is None, timeout=WAIT)
    lines = record.read_text(encoding="utf-8").splitlines()
    assert "--who=tsbackup" in lines and "--what=sleep:idle" in lines
    assert History().last_success("backup") is not None


def test_the_windows_cancel_stops_the_backup_and_keeps_no_generation(qtbot, tmp_path, monkeypatch):
    from tsbackup_gui.ui.status_window import StatusWindow

    stand_in_inhibitor(tmp_path, monkeypatch)
    _source, drive = demo_setup(tmp_path)
    window = StatusWindow(language="en")
    qtbot.addWidget(window)
    window.refresh()
    qtbot.waitUntil(lambda: window.backup_button.isEnabled(), timeout=WAIT)
    window.back_up_now()
    window.cancel_backup()  # set before the worker's first look: the copy never starts
    assert window.progress_label.text() == "Stopping the backup …" and not window.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: window.busy is None, timeout=WAIT)
    attempts = History().attempts(limit=5, kind="backup")
    assert attempts and attempts[0].exit_code == 130
    computer = drive / "timeSensor Backups" / "APP-PC"
    assert [p.name for p in computer.iterdir() if not p.name.startswith(".")] == []
    assert not window.cancel_button.isVisibleTo(window)


def test_the_trays_back_up_now_keeps_the_computer_awake(qtbot, tmp_path, monkeypatch):
    from tsbackup_gui.ui.scheduler import Scheduler

    record = stand_in_inhibitor(tmp_path, monkeypatch)
    demo_setup(tmp_path)
    scheduler = Scheduler(guard_factory=None)
    finished = []
    scheduler.run_finished.connect(finished.append)
    assert scheduler.can_cancel
    scheduler.back_up_now()
    qtbot.waitUntil(lambda: bool(finished), timeout=WAIT)
    assert finished[0].exit_code == 0, [m.english() for m in finished[0].reasons]
    assert "--who=tsbackup" in record.read_text(encoding="utf-8").splitlines()
    scheduler.stop()


def test_setup_and_status_say_the_same_about_one_disk(tmp_path, monkeypatch):
    """Two partitions of one disk have different device numbers; setup's rule (the physical disk)
    is the status's rule too, so both warn."""
    source, drive = tmp_path / "data", Path("/dev/shm") / f"tsb-app-layer-{os.getpid()}"
    layout = create_demo(tmp_path / "demo", "single-user")
    drive.mkdir()
    try:
        assert os.stat(layout.data_dir).st_dev != os.stat(drive).st_dev
        monkeypatch.setattr(disks, "physical_disk", lambda device: "sda")
        monkeypatch.setattr(disks, "mount_device", lambda path: "/dev/sda1" if "shm" in str(path) else "/dev/sda2")
        result = configure(SetupOptions(source=layout.data_dir, primary=drive, computer="APP-PC"))
        assert "setup.same_disk" in [m.id for m in result.warnings]
        codes = [r.code for r in current_status(Clock().now()).reasons]
        assert "status.same_disk" in codes
    finally:
        import shutil

        shutil.rmtree(drive, ignore_errors=True)
    del source
