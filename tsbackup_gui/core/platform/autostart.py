"""Start the app at login: the Windows Run key, a macOS LaunchAgent, a Linux XDG autostart entry.

The tray is the whole product for the office, so it has to come back after
every restart without anybody remembering to open it. Each OS's own,
documented mechanism is used, per user, without administrator rights. A
second start is harmless: the single-instance check hands over to the
running app.
"""

from __future__ import annotations

import os
import plistlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from tsbackup_gui.core.platform import Command, RemoveFile, Step, WriteFile, check_os
from tsbackup_gui.core.platform.commands import desktop_exec, windows_command_line

NAME = "tsbackup"
LABEL = "ch.tsbackup.app"
RUN_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Run"
# Task Manager's "Startup apps" switch: a REG_BINARY whose first byte is even (02, 06) when the entry
# may run and odd (03) when the user switched it off; no value means never switched.
APPROVED_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
DESKTOP_FILE = "tsbackup.desktop"
DESCRIPTION = "Backups of timeSensor LEGAL, checked"


@dataclass(frozen=True)
class AutostartEntry:
    """Where the entry goes and what it holds (a file's bytes, or a registry value)."""

    os_name: str
    path: Path | None  # None for the registry
    content: bytes
    value: str = ""  # the Run key's command line


def launch_agent_plist(argv: Sequence[str], env: Mapping[str, str] | None = None) -> bytes:
    """~/Library/LaunchAgents/ch.tsbackup.app.plist: start once at login in the user's GUI session."""
    job: dict = {
        "Label": LABEL,
        "ProgramArguments": list(argv),
        "RunAtLoad": True,
        "KeepAlive": False,
        "ProcessType": "Interactive",  # the tray must not be throttled like a background daemon
        "LimitLoadToSessionType": "Aqua",
    }
    if env:
        job["EnvironmentVariables"] = dict(env)
    return plistlib.dumps(job, fmt=plistlib.FMT_XML, sort_keys=True)


def desktop_entry(argv: Sequence[str], env: Mapping[str, str] | None = None) -> bytes:
    """$XDG_CONFIG_HOME/autostart/tsbackup.desktop."""
    command = list(argv)
    if env:
        command = ["env", *(f"{key}={value}" for key, value in sorted(env.items())), *command]
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        f"Name={NAME}",
        f"Comment={DESCRIPTION}",
        f"Exec={desktop_exec(command)}",
        "Icon=tsbackup",
        "Terminal=false",
        "NoDisplay=false",
        "Hidden=false",
        "X-GNOME-Autostart-enabled=true",
        "X-GNOME-Autostart-Delay=10",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


def run_key_value(argv: Sequence[str]) -> str:
    """The Run key's value: one command line."""
    return windows_command_line(argv)


def entry(os_name: str, argv: Sequence[str], home: Path, env: Mapping[str, str] | None = None,
          xdg_config_home: Path | None = None) -> AutostartEntry:
    """The autostart entry for `os_name`, for the user whose home folder is `home`."""
    check_os(os_name)
    if os_name == "windows":
        value = run_key_value(argv)
        return AutostartEntry(os_name, None, value.encode("utf-8"), value)
    if os_name == "macos":
        return AutostartEntry(os_name, home / "Library" / "LaunchAgents" / f"{LABEL}.plist", launch_agent_plist(argv, env))
    config = xdg_config_home or _xdg_config_home(home)
    return AutostartEntry(os_name, config / "autostart" / DESKTOP_FILE, desktop_entry(argv, env))


def enable_steps(item: AutostartEntry) -> list[Step]:
    """What `platform.execute` does to turn it on. A file is enough on macOS and Linux: login
    reads it; loading the agent now would only start a second app."""
    if item.os_name == "windows":
        return [Command(("reg", "add", RUN_KEY, "/v", NAME, "/t", "REG_SZ", "/d", item.value, "/f"))]
    assert item.path is not None
    return [WriteFile(item.path, item.content)]


def disable_steps(item: AutostartEntry) -> list[Step]:
    if item.os_name == "windows":
        return [Command(("reg", "delete", RUN_KEY, "/v", NAME, "/f"), may_fail=True)]
    assert item.path is not None
    return [RemoveFile(item.path)]


def _xdg_config_home(home: Path) -> Path:
    value = os.environ.get("XDG_CONFIG_HOME")
    return Path(value) if value and os.path.isabs(value) else home / ".config"


# -- reading back what the OS will really do -------------------------------------------------


def runs_from_disk_image(argv: Sequence[str]) -> bool:
    """macOS: the app runs from the .dmg (``/Volumes/…``) or from an App Translocation copy (a
    quarantined app started where it was downloaded): both paths are gone after a restart."""
    program = argv[0] if argv else ""
    return program.startswith("/Volumes/") or "/AppTranslocation/" in program or ".dmg/" in program


def target_of(os_name: str, content: bytes) -> str | None:
    """What an entry starts, from its content (the Run value, the plist, the .desktop file)."""
    try:
        if os_name == "windows":
            return content.decode("utf-8").strip() or None
        if os_name == "macos":
            return " ".join(plistlib.loads(content).get("ProgramArguments") or []) or None
        for line in content.decode("utf-8").splitlines():
            if line.startswith("Exec="):
                return line[len("Exec="):].strip()
    except (ValueError, UnicodeDecodeError, plistlib.InvalidFileException, AttributeError):
        return None
    return None


def installed_target(item: AutostartEntry, runner) -> str | None:
    """What the entry that is there now starts (None: no entry, or unreadable)."""
    if item.os_name == "windows":
        value = _reg_value(runner, RUN_KEY)
        return value.strip() if value else None
    try:
        return target_of(item.os_name, item.path.read_bytes()) if item.path is not None else None
    except OSError:
        return None


def switched_off(item: AutostartEntry, runner, uid: int | None = None) -> bool:
    """The entry is there but the user switched it off: Task Manager's Startup apps (Windows),
    Login Items (macOS: `launchctl print-disabled`), Hidden= / X-GNOME-Autostart-enabled= (Linux)."""
    if item.os_name == "windows":
        value = _reg_value(runner, APPROVED_KEY)
        if not value:
            return False
        try:
            return int(value.strip()[:2], 16) % 2 == 1
        except ValueError:
            return False
    if item.os_name == "macos":
        domain = f"gui/{uid if uid is not None else (os.getuid() if hasattr(os, 'getuid') else 501)}"
        try:
            done = runner(("launchctl", "print-disabled", domain))
        except OSError:
            return False
        return re.search(rf'"{re.escape(LABEL)}"\s*=>\s*(disabled|true)\b', done.stdout or "") is not None
    try:
        text = item.path.read_text(encoding="utf-8") if item.path is not None else ""
    except OSError:
        return False
    lines = {line.strip().lower() for line in text.splitlines()}
    return "hidden=true" in lines or "x-gnome-autostart-enabled=false" in lines


def _reg_value(runner, key: str) -> str | None:
    """The data of value `NAME` under `key` as `reg query` prints it, or None."""
    try:
        done = runner(("reg", "query", key, "/v", NAME))
    except OSError:
        return None
    if done.returncode != 0:
        return None
    for line in (done.stdout or "").splitlines():
        match = re.match(rf"\s+{re.escape(NAME)}\s+REG_\w+\s+(.*)$", line)
        if match:
            return match.group(1)
    return None
