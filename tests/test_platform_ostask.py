"""The OS task for servers: Task Scheduler XML, launchd plist, systemd user units — parsed back."""

from __future__ import annotations

import configparser
import plistlib
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tsbackup_gui.core.platform import Command, WriteFile
from tsbackup_gui.core.platform import ostask

NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
HOME = Path("/home/anna")


def test_windows_task_xml_runs_scheduled_daily_as_the_user_with_credentials():
    task = ostask.spec([r"C:\Program Files\tsbackup\tsbackup.exe"], "18:30", r"KANZLEI\anna")
    raw = ostask.task_xml_bytes(task)
    assert raw[:2] == b"\xff\xfe"  # UTF-16 LE with BOM, as schtasks wants it
    root = ET.fromstring(raw.decode("utf-16").split("\n", 1)[1])
    assert root.tag == "{%s}Task" % NS["t"]
    trigger = root.find("t:Triggers/t:CalendarTrigger", NS)
    assert trigger.findtext("t:StartBoundary", namespaces=NS).endswith("T18:30:00")
    assert trigger.findtext("t:ScheduleByDay/t:DaysInterval", namespaces=NS) == "1"
    assert trigger.findtext("t:Repetition/t:Interval", namespaces=NS) == "PT1H"
    principal = root.find("t:Principals/t:Principal", NS)
    assert principal.findtext("t:UserId", namespaces=NS) == r"KANZLEI\anna"
    assert principal.findtext("t:LogonType", namespaces=NS) == "Password"
    assert principal.findtext("t:RunLevel", namespaces=NS) == "LeastPrivilege"
    settings = root.find("t:Settings", NS)
    assert settings.findtext("t:StartWhenAvailable", namespaces=NS) == "true"
    assert settings.findtext("t:MultipleInstancesPolicy", namespaces=NS) == "IgnoreNew"
    assert settings.findtext("t:DisallowStartIfOnBatteries", namespaces=NS) == "false"
    action = root.find("t:Actions/t:Exec", NS)
    assert action.findtext("t:Command", namespaces=NS) == r"C:\Program Files\tsbackup\tsbackup.exe"
    assert action.findtext("t:Arguments", namespaces=NS) == "run --scheduled --os-task"


def test_windows_task_logon_types_and_steps(tmp_path):
    s4u = ostask.spec(["C:\\t\\tsbackup.exe"], "7:05", "anna", logon="s4u")
    assert s4u.time == "07:05"
    assert "<LogonType>S4U</LogonType>" in ostask.task_xml(s4u)
    steps = ostask.install_steps("windows", s4u, HOME, folder=tmp_path)
    assert isinstance(steps[0], WriteFile) and steps[0].path == tmp_path / "tsbackup-task.xml"
    assert steps[1] == Command(("schtasks", "/Create", "/TN", "tsbackup", "/XML", str(tmp_path / "tsbackup-task.xml"),
                                "/F"))
    assert ostask.run_now_steps("windows") == [Command(("schtasks", "/Run", "/TN", "tsbackup"))]
    password = ostask.install_steps("windows", ostask.spec(["C:\\t\\tsbackup.exe"], "18:30", "anna"), HOME,
                                    folder=tmp_path, password="geheim 1")
    assert password[1].argv[0] == "powershell.exe" and "-NonInteractive" in password[1].argv
    assert password[1].stdin == "geheim 1\n"
    assert "geheim" not in " ".join(password[1].argv) and "geheim" not in repr(password[1])
    assert all("/RP" not in step.argv for step in steps + password if isinstance(step, Command))
    with pytest.raises(ValueError):
        ostask.install_steps("windows", ostask.spec(["C:\\t\\tsbackup.exe"], "18:30", "anna"), HOME, folder=tmp_path)


def test_macos_launchd_agent_and_daemon():
    task = ostask.spec(["/Applications/tsbackup.app/Contents/MacOS/tsbackup"], "19:15", "anna",
                       env={"TSBACKUP_HOME": "/Users/anna/tsb"})
    agent = plistlib.loads(ostask.launchd_plist(task))
    assert agent["Label"] == "ch.tsbackup.scheduled"
    assert agent["ProgramArguments"] == ["/Applications/tsbackup.app/Contents/MacOS/tsbackup", "run", "--scheduled",
                                         "--os-task"]
    # launchd must not throttle a multi-GB copy (issue 20): Standard, and no low-priority disk access
    assert agent["ProcessType"] == "Standard" and "LowPriorityIO" not in agent
    assert agent["StartCalendarInterval"] == [{"Hour": 19, "Minute": 15}]
    assert agent["StartInterval"] == 3600
    assert agent["EnvironmentVariables"] == {"TSBACKUP_HOME": "/Users/anna/tsb"}
    assert "UserName" not in agent
    daemon = plistlib.loads(ostask.launchd_plist(task, daemon=True))
    assert daemon["UserName"] == "anna"
    assert ostask.launchd_path(HOME, daemon=True) == Path("/Library/LaunchDaemons/ch.tsbackup.scheduled.plist")
    steps = ostask.install_steps("macos", task, HOME, uid=501)
    assert steps[0].path == HOME / "Library/LaunchAgents/ch.tsbackup.scheduled.plist"
    assert steps[2] == Command(("launchctl", "bootstrap", "gui/501", str(steps[0].path)))
    assert ostask.run_now_steps("macos", uid=501) == [Command(("launchctl", "kickstart", "-k", "gui/501/ch.tsbackup.scheduled"))]


def _units(text: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read_string(text)
    return parser


def test_linux_systemd_user_service_and_timer(tmp_path):
    task = ostask.spec(["/opt/ts backup/bin/tsbackup"], "18:30", "anna", env={"TSBACKUP_HOME": "/srv/ts 100%"})
    service_text = ostask.systemd_service(task)
    service = _units(service_text)
    assert service["Service"]["Type"] == "oneshot"
    assert shlex.split(service["Service"]["ExecStart"]) == ["/opt/ts backup/bin/tsbackup", "run", "--scheduled",
                                                            "--os-task"]
    assert 'Environment="TSBACKUP_HOME=/srv/ts 100%%"' in service_text
    timer_text = ostask.systemd_timer(task)
    assert "OnCalendar=*-*-* 18:30:00\n" in timer_text and "OnCalendar=*-*-* *:30:00\n" in timer_text
    timer = _units(timer_text)
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Timer"]["Unit"] == "tsbackup-scheduled.service"
    assert timer["Install"]["WantedBy"] == "timers.target"
    steps = ostask.install_steps("linux", task, tmp_path, xdg_config_home=tmp_path / "cfg")
    units = tmp_path / "cfg/systemd/user"
    assert [s.path for s in steps if isinstance(s, WriteFile)] == [units / "tsbackup-scheduled.service",
                                                                   units / "tsbackup-scheduled.timer"]
    assert [s.argv for s in steps if isinstance(s, Command)] == [
        ("systemctl", "--user", "daemon-reload"),
        ("systemctl", "--user", "enable", "--now", "tsbackup-scheduled.timer"),
        ("loginctl", "enable-linger", "anna"),
    ]
    assert ostask.run_now_steps("linux") == [Command(("systemctl", "--user", "start", "tsbackup-scheduled.service"))]


def test_systemd_quoting_keeps_specifiers_and_variables_literal():
    from tsbackup_gui.core.platform.commands import systemd_command_line

    assert systemd_command_line(["/usr/bin/tsbackup", "run"]) == "/usr/bin/tsbackup run"
    assert systemd_command_line(["/x/$HOME/100%", "a b"]) == '"/x/$$HOME/100%%" "a b"'


@pytest.mark.parametrize("bad", ["25:00", "18", "x:y"])
def test_a_bad_time_is_refused(bad):
    with pytest.raises(ValueError):
        ostask.spec(["tsbackup"], bad, "anna")
