"""`tsbackup task install|remove` on Linux through the real command, with stand-in `systemctl` and
`loginctl` programs first on PATH. They record every argv they are handed (what the real tools would
get), and `systemctl --user start` does what systemd's user manager does for the oneshot service:
it runs the unit's ExecStart= with the unit's Environment= and a login's plain environment (nothing
inherited from the shell that installed it), and returns when the run has ended."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import os_stand_ins as stand_ins

UNIT = "tsbackup-scheduled"

@pytest.fixture
def os_tools(tmp_path):
    """A folder with the stand-ins, and where their calls are recorded."""
    folder = tmp_path / "os-tools"
    calls = tmp_path / "os-calls.jsonl"
    stand_ins.install(folder, calls, ("systemctl", "loginctl"))
    return folder, calls


def calls_of(calls: Path) -> list[list[str]]:
    return stand_ins.argvs(calls)


@pytest.fixture
def task_env(tmp_path, os_tools):
    """A user "kanzlei" with a home of its own and the stand-ins first on PATH."""
    folder, _ = os_tools
    home = tmp_path / "user-home"
    home.mkdir()
    return {"HOME": str(home), "USER": "kanzlei", "LOGNAME": "kanzlei",
            "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


@pytest.fixture
def set_up(tmp_path, run_cli, task_env):
    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    (source / "timeSensor.4DD").write_bytes(b"4DD" * 1000)
    drive = tmp_path / "drive"
    drive.mkdir()
    done = run_cli("setup", "--source", source, "--primary", drive, "--computer", "Kanzlei-Server", "--time", "19:15",
                   env=task_env)
    assert done.returncode == 0, done.stderr
    return Path(task_env["HOME"]) / ".config" / "systemd" / "user"


def test_install_writes_the_user_units_registers_them_and_the_first_run_reports_back(
        set_up, run_cli, task_env, os_tools, cli_env, tsbackup_home):
    units, (_, calls) = set_up, os_tools
    result = run_cli("task", "install", "--wait", "30", env=task_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("The scheduled task ran as kanzlei at ")
    assert result.stdout.strip().endswith(" and can read the settings and the password store.")
    assert calls_of(calls) == [
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "--now", f"{UNIT}.timer"],
        ["loginctl", "enable-linger", "kanzlei"],  # the timer runs while nobody is logged in
        ["systemctl", "--user", "start", f"{UNIT}.service"],
    ]
    service = (units / f"{UNIT}.service").read_text(encoding="utf-8").splitlines()
    exec_start = next(line for line in service if line.startswith("ExecStart="))
    # the task marks its runs as its own, and names the home where no environment reaches the task
    assert exec_start.endswith(f" run --scheduled --os-task --home {tsbackup_home}")
    assert f'Environment="TSBACKUP_HOME={tsbackup_home}"' in service
    assert f'Environment="PYTHON_KEYRING_BACKEND={cli_env["PYTHON_KEYRING_BACKEND"]}"' in service
    assert "Type=oneshot" in service
    timer = (units / f"{UNIT}.timer").read_text(encoding="utf-8").splitlines()
    assert "OnCalendar=*-*-* 19:15:00" in timer and "OnCalendar=*-*-* *:15:00" in timer  # the slot, the hourly retry
    assert f"Unit={UNIT}.service" in timer and "WantedBy=timers.target" in timer
    # the run the stand-in systemd started left its note in the state folder the unit named
    note = json.loads((tsbackup_home / "state" / "scheduled-probe.json").read_text(encoding="utf-8"))
    assert (note["user"], note["config"], note["keyring"], note["by"]) == ("kanzlei", "ok", "not-needed", "task")

    check = run_cli("task", "check", env=task_env)
    lines = check.stdout.strip().splitlines()
    assert check.returncode == 0, check.stdout + check.stderr
    assert lines[0].startswith("The scheduled task is registered and switched on; its last run (")
    assert lines[0].endswith(") ended with result code 0.")
    assert lines[1].startswith("The scheduled task ran as kanzlei at ")
    assert calls_of(calls)[-2:] == [
        ["systemctl", "--user", "show", f"{UNIT}.timer", "--property=LoadState,UnitFileState"],
        ["systemctl", "--user", "show", f"{UNIT}.service",
         "--property=ActiveState,ExecMainStatus,ExecMainExitTimestamp"],
    ]


def test_check_reports_a_switched_off_timer(set_up, run_cli, task_env, os_tools):
    folder, _ = os_tools
    assert run_cli("task", "install", "--wait", "30", env=task_env).returncode == 0
    subprocess.run([str(folder / "systemctl"), "--user", "disable", f"{UNIT}.timer"], env={**os.environ, **task_env},
                   check=True)
    check = run_cli("task", "check", env=task_env)
    assert check.returncode == 1
    assert check.stdout.startswith("The scheduled task exists but is switched off in the system's task scheduler")


def test_remove_disables_the_timer_deletes_both_units_and_says_so(set_up, run_cli, task_env, os_tools):
    units, (_, calls) = set_up, os_tools
    assert run_cli("task", "install", "--wait", "30", env=task_env).returncode == 0
    first = len(calls_of(calls))
    result = run_cli("task", "remove", env=task_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == (f"The scheduled task was removed (systemd --user {UNIT}.timer, {units / UNIT}.timer, "
                             f"{units / UNIT}.service).\n")
    assert [c for c in calls_of(calls)[first:] if c[2] != "show"] == [
        ["systemctl", "--user", "disable", "--now", f"{UNIT}.timer"],
        ["systemctl", "--user", "daemon-reload"],
    ]
    assert sorted(p.name for p in units.iterdir()) == []
    check = run_cli("task", "check", env=task_env)  # the note of its last run does not bring it back
    assert (check.returncode, check.stdout) == (1, "There is no scheduled task on this computer. To register it, "
                                                   "run: tsbackup task install\n")
    again = run_cli("task", "remove", env=task_env)  # nothing left to remove: still fine, and said
    assert (again.returncode, again.stdout) == (0, "There was no scheduled task to remove.\n"), again.stderr


def test_install_without_a_user_systemd_leaves_nothing_and_names_enable_linger(set_up, run_cli, task_env, os_tools):
    units, (_, calls) = set_up, os_tools
    result = run_cli("task", "install", "--wait", "5", env={**task_env, "STAND_IN_FAIL": "enable --now"})
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]  # one sentence, no traceback
    assert result.stderr.startswith("The task could not be registered: there is no systemd user session for kanzlei "
                                    "(Failed to connect to bus: No medium found). Nothing was left behind.")
    assert 'Run "loginctl enable-linger kanzlei" as administrator' in result.stderr
    assert not (units / f"{UNIT}.timer").exists() and not (units / f"{UNIT}.service").exists()
    assert [call[:3] for call in calls_of(calls)] == [["systemctl", "--user", "daemon-reload"],
                                                      ["systemctl", "--user", "enable"],  # never started
                                                      ["systemctl", "--user", "disable"],  # taken back
                                                      ["systemctl", "--user", "daemon-reload"]]
    check = run_cli("task", "check", env=task_env)
    assert (check.returncode, check.stdout) == (1, "There is no scheduled task on this computer. To register it, "
                                                   "run: tsbackup task install\n")


def test_a_manual_scheduled_run_is_not_the_task(set_up, run_cli, task_env, tsbackup_home):
    """Issue 21: `task check` vouched for a task that did not exist because a run typed by hand left a note."""
    assert run_cli("run", "--scheduled", env=task_env).returncode == 0
    note = json.loads((tsbackup_home / "state" / "scheduled-probe.json").read_text(encoding="utf-8"))
    assert (note["config"], note["by"]) == ("ok", "hand")
    check = run_cli("task", "check", env=task_env)
    assert (check.returncode, check.stdout) == (1, "There is no scheduled task on this computer. To register it, "
                                                   "run: tsbackup task install\n")


def test_the_home_option_is_tsbackup_home(tmp_path, run_cli, cli_env, tsbackup_home):
    other = tmp_path / "other home"
    result = run_cli("--home", other, "status", "--json", env={"TSBACKUP_HOME": ""}, own_names=False)
    assert json.loads(result.stdout.splitlines()[-1])["state"] == "not-configured"
    assert (other / "logs").is_dir() and not (tsbackup_home / "logs" / "tsbackup.log").exists()
