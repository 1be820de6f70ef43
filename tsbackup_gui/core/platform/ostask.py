"""The OS task for servers where nobody is logged in: `tsbackup run --scheduled`, daily, as the tray's user.

Task Scheduler (Windows), launchd (macOS) and a systemd user timer (Linux)
start the command at the daily slot and then every hour: `--scheduled`
acts only when a slot is due (or the hourly off-site retry), so the extra
starts cost a second each and let a run that waited for the drive start
within the hour. It runs as the same user as the tray, so configuration,
keyring and run lock are shared: the lock keeps the tray and the task from
overlapping, and the tray shows the task's run as running.

Whether the task's context can read the keyring is the weak point
(Windows' S4U logon, a macOS daemon without a login keychain): register it,
start it once (`run_now_steps`) and look at what it recorded.
"""

from __future__ import annotations

import os
import plistlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

from tsbackup_gui.core.platform import Command, RemoveFile, Step, WriteFile, check_os
from tsbackup_gui.core.platform.commands import systemd_command_line, windows_command_line

TASK_NAME = "tsbackup"
LABEL = "ch.tsbackup.scheduled"
UNIT = "tsbackup-scheduled"
DESCRIPTION = "tsbackup: daily backup of timeSensor LEGAL (runs only when a backup is due)"
TASK_NS = "http://schemas.microsoft.com/windows/2004/02/mit/task"
START_DATE = "2024-01-01"  # any past day: the trigger repeats daily from there
RETRY_HOURS = 23  # after the slot, hourly until just before the next day's slot
TIME_LIMIT_HOURS = 12
OS_TASK_FLAG = "--os-task"  # `run --scheduled --os-task`: started by the OS scheduler, not by hand


@dataclass(frozen=True)
class TaskSpec:
    """One scheduled task. `argv` is the full command (`tsbackup run --scheduled`); `time` is HH:MM."""

    argv: tuple[str, ...]
    time: str
    user: str
    env: Mapping[str, str] = field(default_factory=dict)
    logon: str = "password"  # Windows: password (credentials available) | s4u | interactive

    @property
    def hour(self) -> int:
        return int(self.time.split(":")[0])

    @property
    def minute(self) -> int:
        return int(self.time.split(":")[1])


def spec(cli: Sequence[str], time: str, user: str, env: Mapping[str, str] | None = None, logon: str = "password",
         home: str | None = None) -> TaskSpec:
    """`--os-task` marks the run as the task's own (a manual `run --scheduled` is not the task);
    `--home` carries TSBACKUP_HOME where the OS passes no environment (Task Scheduler)."""
    hours, minutes = str(time).split(":")
    hour, minute = int(hours), int(minutes)
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise ValueError(f"not a time of day: {time!r}")
    if logon not in ("password", "s4u", "interactive"):
        raise ValueError(f"unknown logon type {logon!r}")
    argv = (*cli, "run", "--scheduled", OS_TASK_FLAG, *(("--home", home) if home else ()))
    return TaskSpec(argv, f"{hour:02d}:{minute:02d}", user, dict(env or {}), logon)


# -- Windows: Task Scheduler XML ------------------------------------------------------------

_LOGON = {"password": "Password", "s4u": "S4U", "interactive": "InteractiveToken"}

#: The order of the children this module writes, as the published Task Scheduler schema
#: (taskschedulerschema-*-complextype) lists them. ``triggerBaseType`` and its extension
#: ``calendarTriggerType`` are ``xs:sequence``s: Task Scheduler refuses any other order. The
#: others are ``xs:all``; they are written in the documented order all the same.
SCHEMA_ORDER: dict[str, tuple[str, ...]] = {
    "Task": ("RegistrationInfo", "Triggers", "Settings", "Data", "Principals", "Actions"),
    "RegistrationInfo": ("URI", "SecurityDescriptor", "Source", "Date", "Author", "Version", "Description",
                         "Documentation"),
    "CalendarTrigger": ("Enabled", "StartBoundary", "EndBoundary", "Repetition", "ExecutionTimeLimit",
                        "RandomDelay", "ScheduleByDay", "ScheduleByWeek", "ScheduleByMonth",
                        "ScheduleByMonthDayOfWeek"),
    "Repetition": ("Interval", "Duration", "StopAtDurationEnd"),
    "Principal": ("UserId", "LogonType", "GroupId", "DisplayName", "RunLevel", "ProcessTokenSidType",
                  "RequiredPrivileges"),
    "Settings": ("AllowStartOnDemand", "RestartOnFailure", "MultipleInstancesPolicy", "DisallowStartIfOnBatteries",
                 "StopIfGoingOnBatteries", "AllowHardTerminate", "StartWhenAvailable", "NetworkProfileName",
                 "RunOnlyIfNetworkAvailable", "WakeToRun", "Enabled", "Hidden", "DeleteExpiredTaskAfter",
                 "IdleSettings", "NetworkSettings", "ExecutionTimeLimit", "Priority", "RunOnlyIfIdle"),
    "IdleSettings": ("Duration", "WaitTimeout", "StopOnIdleEnd", "RestartOnIdle"),
    "Exec": ("Command", "Arguments", "WorkingDirectory"),
}


def task_xml(task: TaskSpec) -> str:
    """The task definition for `schtasks /Create /XML` (or the COM interface's RegisterTask).

    Logon types: "Password" runs whether or not the user is logged on, with the user's
    credentials (Credential Manager, network shares), and needs the password once at
    registration; "S4U" also runs with nobody logged on but without stored credentials (no
    Credential Manager, no network shares); "InteractiveToken" runs only while the user is
    logged on."""
    ET.register_namespace("", TASK_NS)

    def el(parent, tag, text=None, **attrs):
        node = ET.SubElement(parent, f"{{{TASK_NS}}}{tag}", attrs)
        if text is not None:
            node.text = text
        return node

    root = ET.Element(f"{{{TASK_NS}}}Task", {"version": "1.2"})
    info = el(root, "RegistrationInfo")
    el(info, "URI", f"\\{TASK_NAME}")
    el(info, "Author", task.user)
    el(info, "Description", DESCRIPTION)
    trigger = el(el(root, "Triggers"), "CalendarTrigger")
    el(trigger, "Enabled", "true")
    el(trigger, "StartBoundary", f"{START_DATE}T{task.time}:00")
    repetition = el(trigger, "Repetition")
    el(repetition, "Interval", "PT1H")
    el(repetition, "Duration", f"PT{RETRY_HOURS}H")
    el(repetition, "StopAtDurationEnd", "false")
    el(el(trigger, "ScheduleByDay"), "DaysInterval", "1")
    settings = el(root, "Settings")
    for tag, text in (
        ("AllowStartOnDemand", "true"),
        ("MultipleInstancesPolicy", "IgnoreNew"),
        ("DisallowStartIfOnBatteries", "false"),
        ("StopIfGoingOnBatteries", "false"),
        ("AllowHardTerminate", "true"),
        ("StartWhenAvailable", "true"),  # a slot missed while switched off runs at the next start
        ("RunOnlyIfNetworkAvailable", "false"),
        ("WakeToRun", "false"),
        ("Enabled", "true"),
        ("Hidden", "false"),
    ):
        el(settings, tag, text)
    idle = el(settings, "IdleSettings")
    el(idle, "StopOnIdleEnd", "false")
    el(idle, "RestartOnIdle", "false")
    el(settings, "ExecutionTimeLimit", f"PT{TIME_LIMIT_HOURS}H")
    el(settings, "Priority", "7")
    el(settings, "RunOnlyIfIdle", "false")
    principal = el(el(root, "Principals"), "Principal", id="Author")
    el(principal, "UserId", task.user)
    el(principal, "LogonType", _LOGON[task.logon])
    el(principal, "RunLevel", "LeastPrivilege")
    action = el(el(root, "Actions", Context="Author"), "Exec")
    el(action, "Command", task.argv[0])
    el(action, "Arguments", windows_command_line(task.argv[1:]))
    _in_schema_order(root)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-16"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _in_schema_order(root: ET.Element) -> None:
    """Puts every element's children into `SCHEMA_ORDER` (a stable sort: unknown ones stay last)."""
    for node in root.iter():
        order = SCHEMA_ORDER.get(node.tag.rpartition("}")[2])
        if order is None or len(node) < 2:
            continue
        children = list(node)
        rank = {name: index for index, name in enumerate(order)}
        children.sort(key=lambda child: rank.get(child.tag.rpartition("}")[2], len(order)))
        node[:] = children


def task_xml_bytes(task: TaskSpec) -> bytes:
    """UTF-16 with a byte-order mark: what schtasks reads without complaint."""
    return task_xml(task).encode("utf-16")


# -- macOS: launchd --------------------------------------------------------------------------


def launchd_plist(task: TaskSpec, daemon: bool = False) -> bytes:
    """A LaunchAgent (runs while the user is logged in) or, with `daemon`, a LaunchDaemon with
    ``UserName`` (runs with nobody logged in; it cannot unlock the login keychain)."""
    job: dict = {
        "Label": LABEL,
        "ProgramArguments": list(task.argv),
        "StartCalendarInterval": [{"Hour": task.hour, "Minute": task.minute}],
        "StartInterval": 3600,
        "RunAtLoad": False,
        # Standard, not Background, and no LowPriorityIO: launchd throttles a Background job's CPU and
        # disk, and a multi-GB copy then crawls for hours (launchd.plist(5), ProcessType).
        "ProcessType": "Standard",
        "StandardOutPath": "/dev/null",
        "StandardErrorPath": "/dev/null",
    }
    if daemon:
        job["UserName"] = task.user
    if task.env:
        job["EnvironmentVariables"] = dict(task.env)
    return plistlib.dumps(job, fmt=plistlib.FMT_XML, sort_keys=True)


def launchd_path(home: Path, daemon: bool = False) -> Path:
    if daemon:
        return Path("/Library/LaunchDaemons") / f"{LABEL}.plist"
    return home / "Library" / "LaunchAgents" / f"{LABEL}.plist"


# -- Linux: systemd user units -------------------------------------------------------------


def systemd_service(task: TaskSpec) -> str:
    lines = [
        "[Unit]",
        f"Description={DESCRIPTION}",
        "Wants=network-online.target",
        "After=network-online.target",
        "",
        "[Service]",
        "Type=oneshot",
        f"ExecStart={systemd_command_line(task.argv)}",
        "Nice=10",
        "IOSchedulingClass=idle",
        f"TimeoutStartSec={TIME_LIMIT_HOURS}h",
    ]
    for key, value in sorted(task.env.items()):
        lines.append(f"Environment={_systemd_env(key, value)}")
    return "\n".join(lines) + "\n"


def _systemd_env(key: str, value: str) -> str:
    """Environment= takes quoted "KEY=value" words; specifiers (%) are expanded, variables are not."""
    text = f"{key}={value}".replace("%", "%%").replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def systemd_timer(task: TaskSpec) -> str:
    return "\n".join([
        "[Unit]",
        f"Description={DESCRIPTION}",
        "",
        "[Timer]",
        f"OnCalendar=*-*-* {task.time}:00",
        f"OnCalendar=*-*-* *:{task.minute:02d}:00",  # the hourly retry
        "Persistent=true",  # a slot missed while switched off runs at the next boot
        "AccuracySec=1min",
        f"Unit={UNIT}.service",
        "",
        "[Install]",
        "WantedBy=timers.target",
        "",
    ])


def systemd_dir(home: Path, xdg_config_home: Path | None = None) -> Path:
    return (xdg_config_home or home / ".config") / "systemd" / "user"


# -- applying --------------------------------------------------------------------------------


def default_uid() -> int:
    getuid = getattr(os, "getuid", None)
    return getuid() if getuid is not None else 501


def install_steps(os_name: str, task: TaskSpec, home: Path, *, folder: Path | None = None, uid: int | None = None,
                  daemon: bool = False, xdg_config_home: Path | None = None, password: str | None = None) -> list[Step]:
    """Registers the task with the OS's own tool. `folder` holds the Windows XML file
    (any writable folder, e.g. the state dir); `uid` is the macOS user id.

    Windows never gets ``schtasks /RP *``: that asks for the password on the console, which a
    captured child cannot show, so registration would hang until the time-out. The "password"
    logon registers through the Task Scheduler's COM interface (from a non-interactive
    PowerShell) with the password on standard input, never on a command line; "s4u" and "interactive" need no password and go through ``schtasks /XML``."""
    check_os(os_name)
    if os_name == "windows":
        xml_file = (folder or home) / f"{TASK_NAME}-task.xml"
        write = WriteFile(xml_file, task_xml_bytes(task))
        if task.logon != "password":
            return [write, Command(("schtasks", "/Create", "/TN", TASK_NAME, "/XML", str(xml_file), "/F"))]
        if not password:
            raise ValueError("the password logon needs the user's Windows password")
        return [write, Command(register_scheduled_task_argv(xml_file, task.user), stdin=password + "\n")]
    if os_name == "macos":
        path = launchd_path(home, daemon)
        domain = "system" if daemon else f"gui/{uid if uid is not None else default_uid()}"
        return [
            WriteFile(path, launchd_plist(task, daemon)),
            Command(("launchctl", "bootout", f"{domain}/{LABEL}"), may_fail=True),
            Command(("launchctl", "bootstrap", domain, str(path))),
        ]
    units = systemd_dir(home, xdg_config_home)
    return [
        WriteFile(units / f"{UNIT}.service", systemd_service(task).encode("utf-8")),
        WriteFile(units / f"{UNIT}.timer", systemd_timer(task).encode("utf-8")),
        Command(("systemctl", "--user", "daemon-reload")),
        Command(("systemctl", "--user", "enable", "--now", f"{UNIT}.timer")),
        # Without lingering, a user's systemd (and its timers) only runs while they are logged in.
        Command(("loginctl", "enable-linger", task.user)),
    ]


def _ps_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def register_scheduled_task_argv(xml_file: Path, user: str) -> tuple[str, ...]:
    """PowerShell registering the XML for `user` through the Task Scheduler's COM interface
    (``Schedule.Service``, ``TaskFolder.RegisterTask`` with TASK_CREATE_OR_UPDATE = 6 and
    TASK_LOGON_PASSWORD = 1), the password read from the first line of stdin. ``-NonInteractive``
    makes any question an error instead of a wait; an empty line ends with exit 3 before anything
    is registered."""
    script = (
        "$ErrorActionPreference = 'Stop'; "
        "$password = (New-Object IO.StreamReader([Console]::OpenStandardInput(), "
        "(New-Object Text.UTF8Encoding $false))).ReadLine(); "
        "if (-not $password) { [Console]::Error.WriteLine('no password on standard input'); exit 3 }; "
        f"$xml = [IO.File]::ReadAllText({_ps_quote(str(xml_file))}); "
        "$service = New-Object -ComObject Schedule.Service; $service.Connect(); "
        f"$service.GetFolder('\\').RegisterTask({_ps_quote(TASK_NAME)}, $xml, 6, {_ps_quote(user)}, $password, 1) "
        "| Out-Null"
    )
    return ("powershell.exe", "-NoLogo", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
            "-Command", script)


def run_now_steps(os_name: str, *, uid: int | None = None, daemon: bool = False) -> list[Step]:
    """Starts the registered task once, in its own context (to see whether it can read the
    configuration and the keyring there)."""
    check_os(os_name)
    if os_name == "windows":
        return [Command(("schtasks", "/Run", "/TN", TASK_NAME))]
    if os_name == "macos":
        domain = "system" if daemon else f"gui/{uid if uid is not None else default_uid()}"
        return [Command(("launchctl", "kickstart", "-k", f"{domain}/{LABEL}"))]
    return [Command(("systemctl", "--user", "start", f"{UNIT}.service"))]


def remove_steps(os_name: str, home: Path, *, uid: int | None = None, daemon: bool = False,
                 xdg_config_home: Path | None = None) -> list[Step]:
    check_os(os_name)
    if os_name == "windows":
        return [Command(("schtasks", "/Delete", "/TN", TASK_NAME, "/F"), may_fail=True)]
    if os_name == "macos":
        domain = "system" if daemon else f"gui/{uid if uid is not None else default_uid()}"
        return [Command(("launchctl", "bootout", f"{domain}/{LABEL}"), may_fail=True), RemoveFile(launchd_path(home, daemon))]
    units = systemd_dir(home, xdg_config_home)
    return [
        Command(("systemctl", "--user", "disable", "--now", f"{UNIT}.timer"), may_fail=True),
        RemoveFile(units / f"{UNIT}.timer"),
        RemoveFile(units / f"{UNIT}.service"),
        Command(("systemctl", "--user", "daemon-reload"), may_fail=True),
    ]
