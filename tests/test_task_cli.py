"""`tsbackup task install|remove` on Linux through the real command, with stand-in `systemctl` and
`loginctl` programs first on PATH. They record every argv they are handed (what the real tools would
get), and `systemctl --user start` does what systemd's user manager does for the oneshot service:
it runs the unit's ExecStart= with the unit's Environment= and a login's plain environment (nothing
inherited from the shell that installed it), and returns when the run has ended."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

UNIT = "tsbackup-scheduled"

STAND_IN = r'''#!{python}
"""A stand-in for {tool}: records argv; `systemctl --user start X.service` runs the unit as systemd would."""
import json, os, shlex, subprocess, sys
from pathlib import Path

record = Path({calls!r})
with record.open("a", encoding="utf-8") as sink:
    sink.write(json.dumps([{tool!r}, *sys.argv[1:]]) + "\n")
fail = os.environ.get("STAND_IN_FAIL", "")
if fail and fail in " ".join([{tool!r}, *sys.argv[1:]]):
    print("Failed to connect to bus: No medium found", file=sys.stderr)
    sys.exit(1)
args = sys.argv[1:]
if {tool!r} == "systemctl" and args[:2] == ["--user", "start"] and args[2].endswith(".service"):
    unit = Path(os.environ["HOME"]) / ".config" / "systemd" / "user" / args[2]
    command, env = None, {{k: os.environ[k] for k in ("HOME", "USER", "LOGNAME", "PATH", "LANG") if k in os.environ}}
    for line in unit.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        if key == "ExecStart":
            command = [word.replace("%%", "%").replace("$$", "$") for word in shlex.split(value)]
        elif key == "Environment":
            name, _, setting = shlex.split(value)[0].partition("=")
            env[name] = setting.replace("%%", "%")
    sys.exit(subprocess.run(command, env=env, stdin=subprocess.DEVNULL, capture_output=True).returncode)
'''


@pytest.fixture
def os_tools(tmp_path):
    """A folder with the stand-ins, and where their calls are recorded."""
    folder = tmp_path / "os-tools"
    folder.mkdir()
    calls = tmp_path / "os-calls.jsonl"
    for tool in ("systemctl", "loginctl"):
        program = folder / tool
        program.write_text(STAND_IN.format(python=sys.executable, tool=tool, calls=str(calls)), encoding="utf-8")
        program.chmod(0o755)
    return folder, calls


def calls_of(calls: Path) -> list[list[str]]:
    return [json.loads(line) for line in calls.read_text(encoding="utf-8").splitlines()] if calls.exists() else []


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
    assert exec_start.endswith(" run --scheduled")
    assert f'Environment="TSBACKUP_HOME={tsbackup_home}"' in service
    assert f'Environment="PYTHON_KEYRING_BACKEND={cli_env["PYTHON_KEYRING_BACKEND"]}"' in service
    assert "Type=oneshot" in service
    timer = (units / f"{UNIT}.timer").read_text(encoding="utf-8").splitlines()
    assert "OnCalendar=*-*-* 19:15:00" in timer and "OnCalendar=*-*-* *:15:00" in timer  # the slot, the hourly retry
    assert f"Unit={UNIT}.service" in timer and "WantedBy=timers.target" in timer
    # the run the stand-in systemd started left its note in the state folder the unit named
    note = json.loads((tsbackup_home / "state" / "scheduled-probe.json").read_text(encoding="utf-8"))
    assert (note["user"], note["config"], note["keyring"]) == ("kanzlei", "ok", "not-needed")

    check = run_cli("task", "check", env=task_env)
    assert check.returncode == 0 and check.stdout.startswith("The scheduled task ran as kanzlei at ")


def test_remove_disables_the_timer_and_deletes_both_units(set_up, run_cli, task_env, os_tools):
    units, (_, calls) = set_up, os_tools
    assert run_cli("task", "install", "--wait", "30", env=task_env).returncode == 0
    first = len(calls_of(calls))
    result = run_cli("task", "remove", env=task_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert calls_of(calls)[first:] == [
        ["systemctl", "--user", "disable", "--now", f"{UNIT}.timer"],
        ["systemctl", "--user", "daemon-reload"],
    ]
    assert sorted(p.name for p in units.iterdir()) == []
    again = run_cli("task", "remove", env=task_env)  # nothing left to remove: still fine
    assert again.returncode == 0, again.stderr


def test_install_without_a_user_systemd_fails_in_one_sentence_and_starts_nothing(set_up, run_cli, task_env, os_tools):
    _, calls = os_tools
    result = run_cli("task", "install", "--wait", "5", env={**task_env, "STAND_IN_FAIL": "enable --now"})
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]  # one sentence, no traceback
    assert "systemctl --user enable --now tsbackup-scheduled.timer" in result.stderr
    assert "Failed to connect to bus: No medium found" in result.stderr
    assert [call[:3] for call in calls_of(calls)] == [["systemctl", "--user", "daemon-reload"],
                                                      ["systemctl", "--user", "enable"]]  # never started
