"""Start at login without an installer: the installed app registers itself once, on its first start.

A .dmg has no install step and a copied folder none either, so the first
start of an installed (frozen) app writes the autostart entry itself. It
does so exactly once and remembers that in a small file under the state dir:
a user who later removes the entry (Login Items, Task Manager, deleting the
.desktop file) or says ``tsbackup autostart off`` has decided, and the app
must not quietly undo that decision at every start. A development or test
run (not frozen) never writes an entry unless asked explicitly.

At every start the entry this app wrote is compared with the executable
running now and rewritten when the app moved (an update into another folder),
and what the OS will really do is read back: an entry switched off in Task
Manager or Login Items is remembered as a problem the status shows. A Mac app
started from its .dmg or an App Translocation path writes no entry at all:
that path is gone after a restart.
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
SWITCHED_OFF = define(
    "autostart.switched_off",
    QT_TRANSLATE_NOOP("core", "tsbackup does not start when you log in: its start at login is switched off in the system's settings (Windows: Task Manager, Startup apps; macOS: System Settings, General, Login Items). Switch it on there."),
)
MOVE_FIRST = define(
    "autostart.move_first",
    QT_TRANSLATE_NOOP("core", "Move tsbackup to Applications first: it runs from {where}, which is gone after a restart, so it cannot start when you log in from there."),
)
IS_OFF = define(
    "autostart.is_off",
    QT_TRANSLATE_NOOP("core", "tsbackup does not start when you log in; to change that, run: tsbackup autostart on"),
)


@dataclass(frozen=True)
class AutostartState:
    """What `status` reports: is the entry there, is it switched on, what was decided, where it lives."""

    installed: bool
    remembered: str | None  # "on", "off", or None before the first decision
    where: str
    switched_off: bool = False

    @property
    def enabled(self) -> bool:
        return self.installed and not self.switched_off

    def message(self):
        if self.installed and self.switched_off:
            return SWITCHED_OFF()
        return IS_ON(where=self.where) if self.installed else IS_OFF()

    def to_json(self) -> dict:
        return {"autostart": self.enabled, "installed": self.installed, "switched_off": self.switched_off,
                "remembered": self.remembered, "where": self.where}


def memory_file() -> Path:
    return places().state_dir / MEMORY_NAME


def login_env() -> dict[str, str]:
    """The app started at login must read the same settings and password store as the one running now."""
    return {k: os.environ[k] for k in ("TSBACKUP_HOME", "PYTHON_KEYRING_BACKEND") if os.environ.get(k)}


def ensure_autostart(*, os_name: str, home: Path, argv: Sequence[str], memory_file: Path, frozen: bool,
                     runner: Runner = run_command, env: Mapping[str, str] | None = None,
                     xdg_config_home: Path | None = None, clock: Clock | None = None, uid: int | None = None) -> str:
    """Registers start at login on the first start of an installed app; afterwards keeps the entry
    it wrote pointing at this executable, and reads back whether the OS will really start it.

    Returns "not-installed" (a dev/test run: nothing written), "move-first" (a Mac app running from
    its disk image: nothing written), "off" (the user turned it off), "already" (decided before, or
    an installer's entry is there), "refreshed" (the app moved: the entry now starts it here),
    "switched-off" (the entry is there but switched off in the system's settings) or "enabled"
    (written now).
    """
    if not frozen:
        return "not-installed"
    memory = _recall_all(memory_file)
    remembered = memory.get("autostart")
    if os_name == "macos" and autostart.runs_from_disk_image(argv):
        _note_problem(memory_file, memory, "move-first", where=str(argv[0]))
        return "move-first"
    if remembered == "off":
        _note_problem(memory_file, memory, None)
        return "off"
    item = autostart.entry(os_name, argv, home, env=env, xdg_config_home=xdg_config_home)
    if remembered == "on":
        result = "already"
        there = autostart.installed_target(item, runner)
        wanted = autostart.target_of(os_name, item.content)
        if there is not None and there != wanted and memory.get("how") != "found":
            execute(autostart.enable_steps(item), os_name, runner=runner)
            _remember(memory_file, "on", "moved", clock)
            memory = _recall_all(memory_file)
            result = "refreshed"
        off = there is not None and autostart.switched_off(item, runner, uid)
        _note_problem(memory_file, memory, "switched-off" if off else None)
        return "switched-off" if off else result
    if is_installed(item, runner):  # the installer's entry: the same name, keep it as it is
        _remember(memory_file, "on", "found", clock)
        return "already"
    execute(autostart.enable_steps(item), os_name, runner=runner)
    _remember(memory_file, "on", "first-run", clock)
    return "enabled"


def problem(memory_file: Path):
    """The start-at-login problem the last start found, as a status sentence (None: none)."""
    memory = _recall_all(memory_file)
    if memory.get("problem") == "switched-off":
        return SWITCHED_OFF()
    if memory.get("problem") == "move-first":
        return MOVE_FIRST(where=str(memory.get("where") or "?"))
    return None


def set_autostart(on: bool, *, os_name: str, home: Path, argv: Sequence[str], memory_file: Path,
                  runner: Runner = run_command, env: Mapping[str, str] | None = None,
                  xdg_config_home: Path | None = None, clock: Clock | None = None) -> str:
    """The user's (or IT partner's) explicit choice; works in a dev run too, because it was asked for.
    Returns "enabled" or "off". A Mac app running from its disk image cannot be started from there
    at the next login: turning it on says so (`UserError`) and changes nothing."""
    if on and os_name == "macos" and autostart.runs_from_disk_image(argv):
        from tsbackup_gui.core.errors import Exit, UserError

        raise UserError(MOVE_FIRST(where=str(argv[0])), Exit.USAGE)
    item = autostart.entry(os_name, argv, home, env=env, xdg_config_home=xdg_config_home)
    if on:
        execute(autostart.enable_steps(item), os_name, runner=runner)
    else:
        execute(autostart.disable_steps(item), os_name, runner=runner)
    # Remembered only after the entry changed: a failed step leaves the old decision in place.
    _remember(memory_file, "on" if on else "off", "setting", clock)
    return "enabled" if on else "off"


def autostart_status(*, os_name: str, home: Path, memory_file: Path, runner: Runner = run_command,
                     xdg_config_home: Path | None = None, uid: int | None = None) -> AutostartState:
    item = autostart.entry(os_name, [], home, xdg_config_home=xdg_config_home)
    installed = is_installed(item, runner)
    off = installed and autostart.switched_off(item, runner, uid)
    return AutostartState(installed, _recall(memory_file), where(item), off)


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
    value = _recall_all(path).get("autostart")
    return value if value in ("on", "off") else None


def _recall_all(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _note_problem(path: Path, memory: dict, found: str | None, where: str | None = None) -> None:
    """Keeps what the last start found (for the status) next to the decision, without changing it."""
    if memory.get("problem") == found and memory.get("where") == where:
        return
    from tsbackup_gui.core.store.config import write_atomic

    record = {k: v for k, v in memory.items() if k not in ("problem", "where")}
    if found:
        record["problem"] = found
    if where:
        record["where"] = where
    try:
        write_atomic(path, (json.dumps(record, indent=2) + "\n").encode("utf-8"))
    except OSError:
        pass


def _remember(path: Path, value: str, how: str, clock: Clock | None) -> None:
    from tsbackup_gui.core.store.config import write_atomic

    record = {"autostart": value, "how": how, "at": (clock or Clock()).now().isoformat(timespec="seconds")}
    write_atomic(path, (json.dumps(record, indent=2) + "\n").encode("utf-8"))
