"""Setting up and forgetting this computer's backup, the same for the wizard and `tsbackup setup`/`forget`.

Setup checks every argument before anything is written (`core.setup.configure`);
forgetting removes settings, stored passwords, the OS task and autostart, and
never a backup (`core.setup.forget`).
"""

from __future__ import annotations

from tsbackup_gui.core.setup.configure import SetupOptions, SetupResult, configure
from tsbackup_gui.core.setup.forget import ForgetResult, forget_setup
from tsbackup_gui.core.setup.rename import RenameResult, rename_computer
from tsbackup_gui.core.store import config as config_mod

__all__ = ["set_up", "forget", "rename", "SetupOptions"]


def set_up(options: SetupOptions, *, where=None, clock=None) -> SetupResult:
    """Checks, then marks the backup drive and stores the setup (the off-site plan included)."""
    return configure(options, where=where, clock=clock)


def forget(**kwargs) -> ForgetResult:
    """Forgets this setup (see `core.setup.forget.forget_setup` for the options); backups stay."""
    return forget_setup(**kwargs)


def rename(new_name: str, *, where=None) -> RenameResult:
    """The computer's new name for its backups: on every drive at once, and a new recovery sheet due."""
    return rename_computer(config_mod.require(where), new_name, where=where)
