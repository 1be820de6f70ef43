"""The OS task on Windows and macOS, played on Linux: the OS facts injected (`platform.current_os`),
stand-in `schtasks`, `powershell.exe` and `launchctl` programs that record what the real tools would
be handed (argv, stdin, environment) and refuse anything that would prompt; the task XML checked
against the published Task Scheduler schema's element order; the launchd plist read with plistlib."""

from __future__ import annotations

import json
import plistlib
import subprocess
import xml.etree.ElementTree as ET

import pytest

import os_stand_ins as stand_ins
from tsbackup_gui.app.task import check_task, install_task, remove_task
from tsbackup_gui.core import platform
from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.platform import ostask
from tsbackup_gui.core.store import config as config_mod

NS = "{http://schemas.microsoft.com/windows/2004/02/mit/task}"

#: The element order of the published Task Scheduler schema (learn.microsoft.com,
#: taskschedulerschema-*-complextype), written out here independently of the code.
#: triggerBaseType is an xs:sequence (Enabled, StartBoundary, EndBoundary, Repetition,
#: ExecutionTimeLimit) that calendarTriggerType extends with a sequence (RandomDelay, then one of
#: ScheduleByDay/Week/Month/MonthDayOfWeek); repetitionType and execType are sequences too.
#: taskType, registrationInfoType, settingsType and principalType are xs:all: any order is valid,
#: and the documented one is used.
SEQUENCES = {
    "CalendarTrigger": ["Enabled", "StartBoundary", "EndBoundary", "Repetition", "ExecutionTimeLimit", "RandomDelay",
                        "ScheduleByDay"],
    "Repetition": ["Interval", "Duration", "StopAtDurationEnd"],
    "Exec": ["Command", "Arguments", "WorkingDirectory"],
}
ALL_GROUPS = {
    "Task": ["RegistrationInfo", "Triggers", "Settings", "Data", "Principals", "Actions"],
    "RegistrationInfo": ["URI", "SecurityDescriptor", "Source", "Date", "Author", "Version", "Description",
                         "Documentation"],
    "Settings": ["AllowStartOnDemand", "RestartOnFailure", "MultipleInstancesPolicy", "DisallowStartIfOnBatteries",
                 "StopIfGoingOnBatteries", "AllowHardTerminate", "StartWhenAvailable", "NetworkProfileName",
                 "RunOnlyIfNetworkAvailable", "WakeToRun", "Enabled", "Hidden", "DeleteExpiredTaskAfter",
                 "IdleSettings", "NetworkSettings", "ExecutionTimeLimit", "Priority", "RunOnlyIfIdle"],
    "IdleSettings": ["Duration", "WaitTimeout", "StopOnIdleEnd", "RestartOnIdle"],
    "Principal": ["UserId", "LogonType", "GroupId", "DisplayName", "RunLevel", "ProcessTokenSidType",
                  "RequiredPrivileges"],
}


def _parsed(task) -> ET.Element:
    return ET.fromstring(ostask.task_xml_bytes(task).decode("utf-16").split("?>", 1)[1])


def _order_errors(element: ET.Element) -> list[str]:
    errors = []
    for node in element.iter():
        name = node.tag.removeprefix(NS)
        children = [child.tag.removeprefix(NS) for child in node]
        order = SEQUENCES.get(name) or ALL_GROUPS.get(name)
        if order is None or not children:
            continue
        unknown = [child for child in children if child not in order]
        if unknown:
            errors.append(f"{name}: {unknown} are not in the schema")
        elif [order.index(c) for c in children] != sorted(order.index(c) for c in children):
            errors.append(f"{name}: {children} out of the schema's order")
    return errors


@pytest.mark.parametrize("logon", ["password", "s4u", "interactive"])
def test_the_task_xml_follows_the_schemas_element_order(logon):
    root = _parsed(ostask.spec([r"C:\Program Files\tsbackup\tsbackup-gui.exe"], "19:15", r"KANZLEI\anna",
                               logon=logon, home=r"C:\Users\anna\tsbackup home"))
    assert _order_errors(root) == []
    trigger = root.find(f"{NS}Triggers/{NS}CalendarTrigger")
    assert [c.tag.removeprefix(NS) for c in trigger] == ["Enabled", "StartBoundary", "Repetition", "ScheduleByDay"]
    assert root.findtext(f"{NS}Actions/{NS}Exec/{NS}Arguments") == (
        r'run --scheduled --os-task --home "C:\Users\anna\tsbackup home"')


def test_the_order_check_catches_the_old_order():
    """The XML before the fix had StartBoundary before Enabled and ScheduleByDay before Repetition."""
    trigger = ET.Element(f"{NS}CalendarTrigger")
    for tag in ("StartBoundary", "Enabled", "ScheduleByDay", "Repetition"):
        ET.SubElement(trigger, f"{NS}{tag}")
    assert _order_errors(trigger) == [
        "CalendarTrigger: ['StartBoundary', 'Enabled', 'ScheduleByDay', 'Repetition'] out of the schema's order"]


@pytest.fixture
def tools(tmp_path):
    folder, calls = tmp_path / "os-tools", tmp_path / "os-calls.jsonl"
    stand_ins.install(folder, calls)
    return folder, calls


@pytest.fixture
def configured(tmp_path):
    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    drive = tmp_path / "drive"
    drive.mkdir()
    config_mod.save(config_mod.Config(source=str(source), primary=str(drive), computer="PC", setup_id="setup-task",
                                      time="19:15"))


def pretend(monkeypatch, os_name):
    monkeypatch.setattr(platform, "current_os", lambda: os_name)
    monkeypatch.setenv("USER", "anna")
    # The scheduler reports success: what the real run exits with here (no timeSensor data) is not the point.
    monkeypatch.setenv("STAND_IN_RESULT", "0")


def test_the_old_schtasks_password_question_is_what_the_stand_in_refuses(tools):
    folder, _ = tools
    done = subprocess.run([str(folder / "schtasks"), "/Create", "/TN", "tsbackup", "/XML", "x.xml", "/F", "/RU",
                           "anna", "/RP", "*"], capture_output=True, text=True, input="")
    assert (done.returncode, done.stderr.strip()) == (1, "would prompt")


def test_windows_password_logon_hands_the_password_on_stdin_and_never_prompts(tools, configured, tmp_path,
                                                                             monkeypatch, tsbackup_home):
    folder, calls = tools
    pretend(monkeypatch, "windows")
    ok, message = install_task(os_name="windows", logon="password", password="Grüezi Kanzlei 2026!", wait_seconds=2,
                               home=tmp_path / "home", runner=stand_ins.runner_on(folder), sleep=lambda s: None)
    made = stand_ins.calls_of(calls)
    register = made[0]
    assert register["argv"][:5] == ["powershell.exe", "-NoLogo", "-NoProfile", "-NonInteractive", "-ExecutionPolicy"]
    assert register["stdin"] == "Grüezi Kanzlei 2026!\n"  # on stdin, once …
    assert all("Kanzlei 2026" not in " ".join(call["argv"]) for call in made)  # … and never on a command line
    assert all("/RP" not in call["argv"] for call in made)
    assert made[1]["argv"] == ["schtasks", "/Run", "/TN", "tsbackup"]
    xml = (tsbackup_home / "state" / "tsbackup-task.xml").read_bytes().decode("utf-16")
    assert "<LogonType>Password</LogonType>" in xml and "Kanzlei 2026" not in xml
    # Task Scheduler gave the task no environment: the home reached it through its arguments
    assert ok, message.english()
    assert json.loads((tsbackup_home / "state" / "scheduled-probe.json").read_text())["by"] == "task"


def test_windows_password_logon_without_a_password_is_one_sentence(configured, monkeypatch, tmp_path):
    pretend(monkeypatch, "windows")
    with pytest.raises(UserError) as caught:
        install_task(os_name="windows", logon="password", password=None, home=tmp_path)
    assert caught.value.message.english().startswith("The password logon needs the Windows password of anna")


def test_windows_s4u_task_then_check_reads_the_schedulers_last_result(tools, configured, tmp_path, monkeypatch,
                                                                     tsbackup_home):
    folder, calls = tools
    pretend(monkeypatch, "windows")
    runner = stand_ins.runner_on(folder)
    ok, _ = install_task(os_name="windows", logon="s4u", wait_seconds=2, home=tmp_path / "home", runner=runner,
                         sleep=lambda s: None)
    assert ok
    assert stand_ins.argvs(calls)[0] == ["schtasks", "/Create", "/TN", "tsbackup", "/XML",
                                         str(tsbackup_home / "state" / "tsbackup-task.xml"), "/F"]
    ok, messages = check_task(os_name="windows", runner=runner)
    assert ok, [m.english() for m in messages]
    assert messages[0].english() == ("The scheduled task is registered and switched on; its last run "
                                     "(07.12.2026 19:15:00) ended with result code 0.")
    assert messages[1].id == "task.ok"
    assert stand_ins.argvs(calls)[-2:] == [["schtasks", "/Query", "/TN", "tsbackup", "/XML"],
                                           ["schtasks", "/Query", "/TN", "tsbackup", "/V", "/FO", "CSV"]]

    monkeypatch.setenv("STAND_IN_RESULT", "2147942402")
    subprocess.run([str(folder / "schtasks"), "/Run", "/TN", "tsbackup"], check=True)
    ok, messages = check_task(os_name="windows", runner=runner)
    assert not ok and messages[0].english() == (
        "The scheduled task is registered and switched on, but its last run (07.12.2026 19:15:00) ended with "
        "result code 2147942402. tsbackup status says why.")

    subprocess.run([str(folder / "schtasks"), "/Change", "/TN", "tsbackup", "/DISABLE"], check=True)
    ok, messages = check_task(os_name="windows", runner=runner)
    assert not ok and messages[0].id == "task.switched_off"

    assert remove_task(os_name="windows", runner=runner).english() == (
        "The scheduled task was removed (Task Scheduler \\tsbackup).")
    ok, messages = check_task(os_name="windows", runner=runner)
    assert (ok, [m.id for m in messages]) == (False, ["task.missing"])
    assert remove_task(os_name="windows", runner=runner).id == "task.nothing_to_remove"


def test_macos_job_runs_the_app_binary_and_check_reads_launchctl(tools, configured, tmp_path, monkeypatch,
                                                                  tsbackup_home):
    folder, calls = tools
    pretend(monkeypatch, "macos")
    runner = stand_ins.runner_on(folder)
    home = tmp_path / "Users" / "anna"
    ok, message = install_task(os_name="macos", wait_seconds=2, home=home, runner=runner, sleep=lambda s: None)
    assert ok, message.english()
    job = plistlib.loads((home / "Library/LaunchAgents/ch.tsbackup.scheduled.plist").read_bytes())
    assert job["ProgramArguments"][-5:] == ["run", "--scheduled", "--os-task", "--home", str(tsbackup_home)]
    assert job["ProcessType"] == "Standard" and "LowPriorityIO" not in job
    uid = ostask.default_uid()
    assert stand_ins.argvs(calls)[:3] == [
        ["launchctl", "bootout", f"gui/{uid}/ch.tsbackup.scheduled"],
        ["launchctl", "bootstrap", f"gui/{uid}", str(home / "Library/LaunchAgents/ch.tsbackup.scheduled.plist")],
        ["launchctl", "kickstart", "-k", f"gui/{uid}/ch.tsbackup.scheduled"],
    ]
    ok, messages = check_task(os_name="macos", runner=runner, home=home)
    assert ok, [m.english() for m in messages]
    assert messages[0].english().startswith("The scheduled task is registered and switched on; its last run (")
    assert "time not reported" not in messages[0].english()  # launchd gives none: the task's own note does
    assert remove_task(os_name="macos", home=home, runner=runner).id == "task.removed"
    ok, messages = check_task(os_name="macos", runner=runner, home=home)
    assert (ok, messages[0].id) == (False, "task.missing")


def test_macos_check_reports_a_disabled_job(tools, tmp_path):
    folder, _ = tools
    state = tmp_path / "os-state.json"
    uid = ostask.default_uid()
    state.write_text(json.dumps({"launchd": {f"gui/{uid}/ch.tsbackup.scheduled": {"exit": 0, "runs": 3}},
                                 "disabled": ["ch.tsbackup.scheduled"]}))
    ok, messages = check_task(os_name="macos", runner=stand_ins.runner_on(folder))
    assert (ok, messages[0].id) == (False, "task.switched_off")


def test_a_failed_macos_install_leaves_no_plist_and_check_says_so(tools, configured, tmp_path, monkeypatch):
    folder, calls = tools
    pretend(monkeypatch, "macos")
    monkeypatch.setenv("STAND_IN_FAIL", "bootstrap")
    runner = stand_ins.runner_on(folder)
    home = tmp_path / "Users" / "anna"
    with pytest.raises(UserError) as caught:
        install_task(os_name="macos", wait_seconds=1, home=home, runner=runner, sleep=lambda s: None)
    text = caught.value.message.english()
    assert text.startswith("The command launchctl bootstrap gui/") and text.endswith(
        "What was already registered has been taken back, so no half-made task is left.")
    assert not (home / "Library/LaunchAgents/ch.tsbackup.scheduled.plist").exists()
    assert [argv[1] for argv in stand_ins.argvs(calls)] == ["bootout", "bootstrap", "bootout"]
    ok, messages = check_task(os_name="macos", runner=runner, home=home)
    assert (ok, messages[0].id) == (False, "task.missing")
