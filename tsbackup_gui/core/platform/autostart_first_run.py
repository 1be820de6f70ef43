"""Start at login without an installer: the installed app registers itself once, on its first start.

A .dmg has no install step and a copied folder none either, so the first
start of an installed (frozen) app writes the autostart entry itself. It
does so exactly once and remembers that in a small file under the state dir:
a user who later removes the entry (Login Items, Task Manager, deleting the
.desktop file) or says ``tsbackup autostart off`` has decided, and the app
must not quietly undo that decision at every start. A development or test
run (not frozen) never writes an entry unless asked explicitly.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.places import places
from tsbackup_gui.core.platform import Runner, run_command, autostart, current_os, execute

MEMORY_NAME = "autostart.json"

ENABLED = define(
    "autostart.enabled",
    QT_TRANSLATE_NOOP("core", "tsbackup now starts when you log in ({where})."),
)
DISABLED = define(
    "autostart.disabled",
    QT_TRANSLATE_NOOP("core", "tsbackup no longer starts when you log in, and it will not turn this on again by itself."),
)
IS_ON = define(
    "autostart.is_on",
    QT_TRANSLATE_NOOP("core", "tsbackup starts when you log in ({where})."),
)
IS_OFF = define(
    "autostart.is_off",
    QT_TRANSLATE_NOOP("core", "tsbackup does not start when you log in; to change that, run: tsbackup autostart on"),
)


@dataclass(frozen=True)
class AutostartState:
    """What `status` reports: is the entry there, what was decided, and where it lives."""

    installed: bool
    remembered: str | None  # "on", "off", or None before the first decision
    where: str

    def message(self):
        return IS_ON(where=self.where) if self.installed else IS_OFF()

    def to_json(self) -> dict:
        return {"autostart": self.installed, "remembered": self.remembered, "where": self.where}


def memory_file() -> Path:
    return places().state_dir / MEMORY_NAME


def login_env() -> dict[str, str]:
    """The app started at login must read the same settings and password store as the one running now."""
    return {k: os.environ[k] for k in ("TSBACKUP_HOME", "PYTHON_KEYRING_BACKEND") if os.environ.get(k)}


def ensure_autostart(*, os_name: str, home: Path, argv: Sequence[str], memory_file: Path, frozen: bool,
                     runner: Runner = run_command, env: Mapping[str, str] | None = None,
                     xdg_config_home: Path | None = None, clock: Clock | None = None) -> str:
    """Registers start at login on the first start of an installed app; afterwards leaves it alone.

    Returns "not-installed" (a dev/test run: nothing written), "off" (the
    user turned it off), "already" (decided before, or an installer's entry
    is there) or "enabled" (written now).
    """
    if not frozen:
        return "not-installed"
    remembered = _recall(memory_file)
    if remembered == "off":
        return "off"
    if remembered == "on":
        return "already"
    item = autostart.entry(os_name, argv, home, env=env, xdg_config_home=xdg_config_home)
    if is_installed(item, runner):  # the installer's entry: the same name, keep it as it is
        _remember(memory_file, "on", "found", clock)
        return "already"
    execute(autostart.enable_steps(item), os_name, runner=runner)
    _remember(memory_file, "on", "first-run", clock)
    return "enabled"


def set_autostart(on: bool, *, os_name: str, home: Path, argv: Sequence[str], memory_file: Path,
                  runner: Runner = run_command, env: Mapping[str, str] | None = None,
                  xdg_config_home: Path | None = None, clock: Clock | None = None) -> str:
    """The user's (or IT partner's) explicit choice; works in a dev run too, because it was asked for.
    Returns "enabled" or "off"."""
    item = autostart.entry(os_name, argv, home, env=env, xdg_config_home=xdg_config_home)
    if on:
        execute(autostart.enable_steps(item), os_name, runner=runner)
    else:
        execute(autostart.disable_steps(item), os_name, runner=runner)
    # Remembered only after the entry changed: a failed step leaves the old decision in place.
    _remember(memory_file, "on" if on else "off", "setting", clock)
    return "enabled" if on else "off"


def autostart_status(*, os_name: str, home: Path, memory_file: Path, runner: Runner = run_command,
                     xdg_config_home: Path | None = None) -> AutostartState:
    item = autostart.entry(os_name, [], home, xdg_config_home=xdg_config_home)
    return AutostartState(is_installed(item, runner), _recall(memory_file), where(item))


def is_installed(item: autostart.AutostartEntry, runner: Runner = run_command) -> bool:
    """The entry is there (whoever wrote it): the file, or the Run key's value."""
    if item.os_name == "windows":
        try:
            done = runner(("reg", "query", autostart.RUN_KEY, "/v", autostart.NAME))
        except OSError:
            return False
        return done.returncode == 0
    return item.path is not None and item.path.exists()


def where(item: autostart.AutostartEntry) -> str:
    if item.os_name == "windows":
        return f"{autostart.RUN_KEY}\\{autostart.NAME}"
    return str(item.path)


# The same calls for this process, this user and this app (the GUI and the CLI use these).

def _here() -> dict:
    from tsbackup_gui.core.platform.commands import gui_argv

    return {"os_name": current_os(), "home": Path.home(), "argv": gui_argv(), "memory_file": memory_file(),
            "env": login_env() or None}


def ensure_here() -> str:
    return ensure_autostart(frozen=bool(getattr(sys, "frozen", False)), **_here())


def set_here(on: bool) -> str:
    return set_autostart(on, **_here())


def status_here() -> AutostartState:
    return autostart_status(os_name=current_os(), home=Path.home(), memory_file=memory_file())


def _recall(path: Path) -> str | None:
    """The remembered decision; an unreadable file counts as none (the worst case is one more entry)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("autostart") if isinstance(data, dict) else None
    return value if value in ("on", "off") else None


def _remember(path: Path, value: str, how: str, clock: Clock | None) -> None:
    from tsbackup_gui.core.store.config import write_atomic

    record = {"autostart": value, "how": how, "at": (clock or Clock()).now().isoformat(timespec="seconds")}
    write_atomic(path, (json.dumps(record, indent=2) + "\n").encode("utf-8"))
