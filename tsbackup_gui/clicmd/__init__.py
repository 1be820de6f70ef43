"""The subcommands of `tsbackup`, one module each; each has `add_parser(sub)` and sets `handler`.

The modules are imported only when their command runs (`load`): `tsbackup status`
must not pay for restore, restic, PDFs or reports. `TABLE` names every command,
its module and its help line, in the order `tsbackup --help` lists them, so the
full list needs no import; `tests/test_cli_startup.py` checks it against the modules.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import NamedTuple


class Command(NamedTuple):
    name: str  # as typed after `tsbackup`
    module: str  # under tsbackup_gui.clicmd
    help: str  # the same text the module's add_parser gives


TABLE: tuple[Command, ...] = (
    Command("detect", "detect", "find the timeSensor LEGAL installation and judge 4D's own backups"),
    Command("demo", "demo", "lay out a demo timeSensor LEGAL installation as a --root folder"),
    Command("setup", "setup", "store the backup configuration without questions"),
    Command("run", "run", "make a backup now"),
    Command("generations", "generations", "list the primary backups"),
    Command("status", "status", "say whether the backups are in order"),
    Command("restore", "restore", "restore a backup into an empty folder and check it"),
    Command("check", "check", "the monthly check: read the backups again and compare them"),
    Command("drill", "drill", "the yearly restore drill: restore the off-site copy and prove it"),
    Command("recovery-sheet", "recovery_sheet", "write the recovery sheet (PDF) with the off-site password"),
    Command("task", "task", "register the daily OS task (servers without a logged-in user)"),
    # housekeeping (issue 11)
    Command("pause", "pause", "pause the scheduled backups for 1 to 30 days, or resume them"),
    Command("drives", "drives", "list, add or remove backup drives used in rotation"),
    Command("diagnostics", "diagnostics", "write a zip with settings, log, history and versions (no passwords)"),
    Command("password", "password", "change the password of the off-site backup"),
    Command("forget", "forget", "remove this setup's settings and stored passwords (backups stay)"),
    Command("rename-computer", "rename_computer", "give this computer's backups a new name, on every drive"),
    # start at login (issue 13)
    Command("autostart", "autostart", "start the app when this user logs in (on), stop that (off), or show it"),
)

BY_NAME = {command.name: command for command in TABLE}


def load(name: str) -> ModuleType:
    """The module of one command (imported now, if it was not yet)."""
    return importlib.import_module(f"{__name__}.{BY_NAME[name].module}")


def load_all() -> list[ModuleType]:
    """Every command's module, in `TABLE` order (tests, and tools that want them all)."""
    return [load(command.name) for command in TABLE]


def _imports_for_freezers() -> None:  # pragma: no cover - never called
    """Never called: PyInstaller finds modules by their import statements, and `load` has none."""
    from tsbackup_gui.clicmd import check, demo, detect, drill, generations, restore, run, setup, status  # noqa: F401
    from tsbackup_gui.clicmd import recovery_sheet, rename_computer, task  # noqa: F401
    from tsbackup_gui.clicmd import diagnostics, drives, forget, password, pause  # noqa: F401
    from tsbackup_gui.clicmd import autostart  # noqa: F401


def __getattr__(name: str):
    """`COMMANDS`, the former eager list of every module, still answers (importing them all)."""
    if name == "COMMANDS":
        return load_all()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
