"""The OS task's self-check: `run --scheduled` notes whether it can read the settings and
the keyring in its own context; registering the task starts it once and reads the note."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.platform import Command, current_os
from tsbackup_gui.core.platform import task_note as task_probe

ZONE = timezone(timedelta(hours=1))


def _setup(tmp_path, secondary=True):
    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    (source / "timeSensor.4DD").write_bytes(b"data")
    drive = tmp_path / "drive"
    drive.mkdir()
    cfg = config_mod.Config(source=str(source), primary=str(drive), computer="PC", setup_id="setup-probe",
                            secondary={"kind": "folder", "repo": str(tmp_path / "repo")} if secondary else None)
    config_mod.save(cfg)
    return cfg


def _store_password(cli_env, value="pw-123"):
    code = "from tsbackup_gui.core.store.secrets import SecretStore as S; S('setup-probe').set('repo-password', %r)" % value
    subprocess.run([sys.executable, "-c", code], env=cli_env, check=True)


def test_the_tasks_run_writes_its_note_and_a_manual_run_is_marked_as_such(tmp_path, run_cli, cli_env):
    _setup(tmp_path)
    _store_password(cli_env)
    run_cli("run", "--scheduled", "--os-task")
    note = task_probe.read(by_task=True)
    assert (note["config"], note["keyring"], note["by"]) == ("ok", "ok", "task")
    assert task_probe.verdict(note)[0]
    run_cli("run", "--scheduled")  # typed by hand: not the task
    assert task_probe.read()["by"] == "hand" and task_probe.read(by_task=True) is None


def test_a_task_without_the_keyring_is_reported_plainly(tmp_path, run_cli):
    _setup(tmp_path)
    run_cli("run", "--scheduled", "--os-task", env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    ok, message = task_probe.verdict(task_probe.read(by_task=True))
    assert not ok and "cannot read the off-site password from the password store" in message.english()


def test_a_task_that_cannot_read_the_settings(tsbackup_home, run_cli):
    path = tsbackup_home / "config" / "config.json"
    path.parent.mkdir(parents=True)
    path.write_text("{broken", encoding="utf-8")
    run_cli("run", "--scheduled")
    ok, message = task_probe.verdict(task_probe.read())
    assert not ok and message.id == "task.no_config"


def test_verdict_needs_a_note_after_the_start():
    since = datetime(2026, 11, 30, 18, 0, tzinfo=ZONE)
    old = {"time": "2026-11-30T17:59:00+01:00", "user": "kanzlei", "config": "ok", "keyring": "ok"}
    assert task_probe.verdict(None) == (False, task_probe.TASK_NEVER())
    ok, message = task_probe.verdict(old, since=since)
    assert not ok and message.english().startswith("The scheduled task has not run since 2026-11-30 18:00.")
    fresh = dict(old, time="2026-11-30T18:00:05+01:00", keyring="not-needed")
    ok, message = task_probe.verdict(fresh, since=since)
    assert ok and message.english() == (
        "The scheduled task ran as kanzlei at 2026-11-30 18:00 and can read the settings and the password store.")


def test_install_then_run_once_reads_the_tasks_note(tmp_path, cli_env, own_names_in_config):
    """The OS is played by a runner with a scheduler's state: "register-task" registers the task, and
    "run-task-now" starts the real command as the task would, only once the task is registered."""
    _setup(tmp_path)
    own_names_in_config()
    _store_password(cli_env)
    registered = tmp_path / "scheduler" / "registered"

    def runner(argv):
        if argv[0] == "register-task":
            registered.parent.mkdir(exist_ok=True)
            registered.write_text("tsbackup run --scheduled")
        elif argv[0] == "run-task-now" and registered.exists():  # like schtasks /Run: says nothing of the outcome
            subprocess.run([sys.executable, "-m", "tsbackup_gui.cli", "run", "--scheduled", "--os-task"], env=cli_env,
                           capture_output=True, text=True)
        return subprocess.CompletedProcess(argv, 0, "", "")

    assert task_probe.read() is None
    ok, message = task_probe.install_and_check([Command(("register-task",))], [Command(("run-task-now",))],
                                               current_os(), runner=runner, sleep=lambda s: None, wait_seconds=3)
    assert registered.read_text() == "tsbackup run --scheduled"
    note = task_probe.read()  # written by the task's own run, in its own process
    assert (note["config"], note["keyring"]) == ("ok", "ok")
    assert ok and message.id == "task.ok"
    assert message.english().startswith(f"The scheduled task ran as {note['user']} at ")
    assert message.english().endswith(" and can read the settings and the password store.")


def test_a_task_that_never_reports_back(tmp_path):
    _setup(tmp_path, secondary=False)
    waits = []
    ok, message = task_probe.install_and_check(
        [], [Command(("run-task-now",))], current_os(),
        runner=lambda argv: subprocess.CompletedProcess(argv, 0, "", ""), sleep=waits.append, wait_seconds=3)
    assert not ok and message.id == "task.not_run" and len(waits) == 3
