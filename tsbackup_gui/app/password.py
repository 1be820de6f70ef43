"""Changing the off-site password, then a new recovery sheet to print: the dialog and `tsbackup password`."""

from __future__ import annotations

from datetime import datetime

from tsbackup_gui.core.check.recovery_sheet import RecoverySheet, gather
from tsbackup_gui.core.offsite.password_change import change_password
from tsbackup_gui.core.offsite.records import readable_repo
from tsbackup_gui.core.places import Places
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.store.secrets import SecretStore


def password_change_possible(config: Config | None) -> bool:
    """Only for a repository this program opens itself, and never on an append-only REST server
    (it may not remove the old key there)."""
    if config is None:
        return False
    secondary = config.secondary or {}
    return readable_repo(secondary) is not None and not secondary.get("append_only")


def change_offsite_password(config: Config, password: str, *, secrets=None, where: Places | None = None) -> None:
    """restic key add, check, key remove; the keyring holds the new password only once it works."""
    change_password(config, password, secrets=secrets, where=where)


def change_and_new_sheet(config: Config, password: str, *, secrets=None, where: Places | None = None,
                         now: datetime) -> RecoverySheet:
    """The change, then the new recovery sheet with the new password (the old one is void)."""
    store = secrets if secrets is not None else SecretStore(config.setup_id)
    change_password(config, password, secrets=store, where=where)
    return gather(config, store, now=now)
