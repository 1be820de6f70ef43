"""What the OS scheduler itself says about the task: does it exist, is it switched on, how did it last end.

`tsbackup task check` asks the scheduler first and only then reads the note
that the task's own runs leave (`task_note`): a task that was removed, never
registered, or switched off in Task Scheduler / launchctl / systemctl must
never be vouched for because somebody ran `tsbackup run --scheduled` by hand.

- Windows: ``schtasks /Query /TN tsbackup /XML`` (exists; ``Settings/Enabled``)
  and ``schtasks /Query /TN tsbackup /V /FO CSV`` ("Last Run Time", "Last
  Result"; the columns are read by position, because their titles are
  translated on a German Windows).
- macOS: ``launchctl print gui/<uid>/ch.tsbackup.scheduled`` ("last exit
  code", "runs") and ``launchctl print-disabled gui/<uid>``.
- Linux: ``systemctl --user show`` for the timer (LoadState, UnitFileState)
  and the service (ExecMainStatus, ExecMainExitTimestamp).
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.platform import Runner, check_os, ostask, run_command

# Task Scheduler's "Last Result" for a task that has not run yet (SCHED_S_TASK_HAS_NOT_RUN) and one
# that is running now (SCHED_S_TASK_RUNNING).
NOT_RUN_YET = 0x41303
RUNNING = 0x41301
# Column positions in `schtasks /Query /V /FO CSV` (the same on every Windows language).
CSV_LAST_RUN, CSV_LAST_RESULT = 5, 6

TASK_MISSING = define(
    "task.missing",
    QT_TRANSLATE_NOOP("core", "There is no scheduled task on this computer. To register it, run: tsbackup task install"),
)
TASK_SWITCHED_OFF = define(
    "task.switched_off",
    QT_TRANSLATE_NOOP("core", "The scheduled task exists but is switched off in the system's task scheduler, so no backup starts by itself. Switch it on there, or run: tsbackup task install"),
)
TASK_UNREACHABLE = define(
    "task.unreachable",
    QT_TRANSLATE_NOOP("core", "The system's task scheduler could not be asked about the task ({reason})."),
)
TASK_NOT_RUN_YET = define(
    "task.not_run_yet",
    QT_TRANSLATE_NOOP("core", "The scheduled task is registered and switched on but has not run yet."),
)
TASK_LAST_RESULT = define(
    "task.last_result",
    QT_TRANSLATE_NOOP("core", "The scheduled task is registered and switched on; its last run ({when}) ended with result code {code}."),
)
TASK_LAST_FAILED = define(
    "task.last_failed",
    QT_TRANSLATE_NOOP("core", "The scheduled task is registered and switched on, but its last run ({when}) ended with result code {code}. tsbackup status says why."),
)
TASK_RUNNING = define(
    "task.running",
    QT_TRANSLATE_NOOP("core", "The scheduled task is running now."),
)
UNKNOWN_TIME = define("task.unknown_time", QT_TRANSLATE_NOOP("core", "time not reported"))


@dataclass(frozen=True)
class TaskState:
    """The scheduler's answer. `last_result` None: it has not run (or the OS does not say);
    `reachable` False: the scheduler could not be asked at all (`reason` says why)."""

    exists: bool
    enabled: bool = False
    last_run: str | None = None
    last_result: int | None = None
    running: bool = False
    reachable: bool = True
    reason: str = ""

    def message(self) -> Message:
        if not self.reachable:
            return TASK_UNREACHABLE(reason=self.reason)
        if not self.exists:
            return TASK_MISSING()
        if not self.enabled:
            return TASK_SWITCHED_OFF()
        if self.running:
            return TASK_RUNNING()
        if self.last_result is None:
            return TASK_NOT_RUN_YET()
        when = self.last_run or UNKNOWN_TIME()
        kind = TASK_LAST_RESULT if self.last_result == 0 else TASK_LAST_FAILED
        return kind(when=when, code=self.last_result)

    @property
    def ok(self) -> bool:
        return self.reachable and self.exists and self.enabled and (self.running or self.last_result == 0)

    def to_json(self) -> dict:
        return {"exists": self.exists, "enabled": self.enabled, "last_run": self.last_run,
                "last_result": self.last_result, "running": self.running, "reachable": self.reachable}


def read_state(os_name: str, *, runner: Runner = run_command, uid: int | None = None,
               home: Path | None = None, xdg_config_home: Path | None = None) -> TaskState:
    """Asks `os_name`'s scheduler (through `runner`) about the task."""
    check_os(os_name)
    try:
        if os_name == "windows":
            return _windows(runner)
        if os_name == "macos":
            return _macos(runner, uid if uid is not None else ostask.default_uid())
        return _linux(runner, home, xdg_config_home)
    except (OSError, subprocess.SubprocessError) as exc:
        return TaskState(False, reachable=False, reason=str(exc))


def _windows(runner: Runner) -> TaskState:
    definition = runner(("schtasks", "/Query", "/TN", ostask.TASK_NAME, "/XML"))
    if definition.returncode != 0:
        return TaskState(False)
    enabled = True
    try:
        text = (definition.stdout or "").strip().lstrip("\ufeff")
        root = ET.fromstring(text.split("?>", 1)[1] if text.startswith("<?xml") else text)
        flag = root.find(f"{{{ostask.TASK_NS}}}Settings/{{{ostask.TASK_NS}}}Enabled")
        enabled = flag is None or (flag.text or "").strip().lower() != "false"
    except ET.ParseError:
        pass
    listing = runner(("schtasks", "/Query", "/TN", ostask.TASK_NAME, "/V", "/FO", "CSV"))
    rows = [row for row in csv.reader(io.StringIO(listing.stdout or "")) if len(row) > CSV_LAST_RESULT]
    if listing.returncode != 0 or len(rows) < 2:
        return TaskState(True, enabled)
    row = rows[1]
    try:
        result = int(row[CSV_LAST_RESULT].strip())
    except ValueError:
        result = None
    if result == NOT_RUN_YET:
        return TaskState(True, enabled)
    return TaskState(True, enabled, row[CSV_LAST_RUN].strip() or None, None if result == RUNNING else result,
                     running=result == RUNNING)


def _macos(runner: Runner, uid: int) -> TaskState:
    domain = f"gui/{uid}"
    shown = runner(("launchctl", "print", f"{domain}/{ostask.LABEL}"))
    if shown.returncode != 0:
        return TaskState(False)
    text = shown.stdout or ""
    disabled = runner(("launchctl", "print-disabled", domain))
    off = re.search(rf'"{re.escape(ostask.LABEL)}"\s*=>\s*(disabled|true)\b', disabled.stdout or "") is not None
    code = re.search(r"last exit code\s*=\s*(-?\d+)", text)
    running = re.search(r"^\s*state\s*=\s*running\b", text, re.MULTILINE) is not None
    return TaskState(True, not off, None, int(code.group(1)) if code else None, running=running)


def _linux(runner: Runner, home: Path | None, xdg_config_home: Path | None) -> TaskState:
    timer = _show(runner, f"{ostask.UNIT}.timer", "LoadState", "UnitFileState")
    if timer is None:
        units = ostask.systemd_dir(home or Path.home(), xdg_config_home)
        if not (units / f"{ostask.UNIT}.timer").exists():
            return TaskState(False)
        return TaskState(True, reachable=False, reason="systemctl --user show")
    if timer.get("LoadState") != "loaded":
        return TaskState(False)
    enabled = timer.get("UnitFileState") in ("enabled", "enabled-runtime", "linked")
    service = _show(runner, f"{ostask.UNIT}.service", "ActiveState", "ExecMainStatus", "ExecMainExitTimestamp") or {}
    ended = service.get("ExecMainExitTimestamp") or None
    if service.get("ActiveState") in ("activating", "active") and not ended:
        return TaskState(True, enabled, running=True)
    if not ended:
        return TaskState(True, enabled)
    try:
        code = int(service.get("ExecMainStatus", ""))
    except ValueError:
        code = None
    return TaskState(True, enabled, ended, code)


def _show(runner: Runner, unit: str, *properties: str) -> dict[str, str] | None:
    done = runner(("systemctl", "--user", "show", unit, f"--property={','.join(properties)}"))
    if done.returncode != 0:
        return None
    values = {}
    for line in (done.stdout or "").splitlines():
        key, sep, value = line.partition("=")
        if sep:
            values[key.strip()] = value.strip()
    return values
