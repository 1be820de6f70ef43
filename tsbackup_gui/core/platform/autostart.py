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
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from tsbackup_gui.core.platform import Command, RemoveFile, Step, WriteFile, check_os
from tsbackup_gui.core.platform.commands import desktop_exec, windows_command_line

NAME = "tsbackup"
LABEL = "ch.tsbackup.app"
RUN_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Run"
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
