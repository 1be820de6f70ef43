"""Changing the off-site password (restic ``key add`` / ``key remove``) without a moment in
which no stored password opens the repository.

The order is what makes it safe: the new key is added with the old password,
the new password must open the repository on its own, then it goes into the
keyring and the settings ask for a new recovery sheet, and only then is the
old key removed, with the new password. Any failure before the removal puts
the old keyring entry and settings back and removes the new key again, so the
old password keeps working and stays stored. The new password reaches restic
through a file in a private temporary folder (mode 0600, removed at once):
never argv, never an environment variable other processes inherit.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.places import Places
from tsbackup_gui.core.restic.errors import ResticError

log = logging.getLogger(__name__)

#: Setup generates 43-character passwords and takes a typed one as it is; a new password typed
#: here must at least not be guessable in an afternoon.
MIN_PASSWORD_LENGTH = 12

NO_OFFSITE = define(
    "password.no_offsite",
    QT_TRANSLATE_NOOP("core", "There is no off-site backup set up, so there is no off-site password to change."),
)
EXTERNAL = define(
    "password.external",
    QT_TRANSLATE_NOOP("core", "The off-site copy is made outside this program, so its password is changed there, not here."),
)
APPEND_ONLY = define(
    "password.append_only",
    QT_TRANSLATE_NOOP("core", "The off-site server only allows adding data (append-only), so the old password cannot be removed from it; ask the server's administrator to change the password."),
)
TOO_SHORT = define(
    "password.too_short",
    QT_TRANSLATE_NOOP("core", "The new password is too short. Use at least {minimum} characters."),
)
BAD_CHARACTERS = define(
    "password.bad_characters",
    QT_TRANSLATE_NOOP("core", "The new password cannot start or end with a space or contain a line break. Choose another one."),
)
SAME_PASSWORD = define(
    "password.same",
    QT_TRANSLATE_NOOP("core", "The new password is the same as the current one. Nothing was changed."),
)
NOT_CHANGED = define(
    "password.not_changed",
    QT_TRANSLATE_NOOP("core", "The off-site password was not changed ({reason}). The old password still works and is still stored."),
)
CHANGED = define(
    "password.changed",
    QT_TRANSLATE_NOOP("core", "The off-site password was changed. Print the new recovery sheet (tsbackup recovery-sheet --to FILE.pdf), store it safely and destroy the old one."),
)
KEY_MISMATCH = define(
    "password.key_mismatch",
    QT_TRANSLATE_NOOP("core", "the off-site backup did not show the new key as expected"),
)


def check_new_password(password: str) -> str:
    """Refuses what restic would read differently from a file (outer spaces, line breaks) and
    passwords that are too short."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(TOO_SHORT(minimum=MIN_PASSWORD_LENGTH), Exit.USAGE)
    if password != password.strip() or "\n" in password or "\r" in password or "\0" in password:
        raise UserError(BAD_CHARACTERS(), Exit.USAGE)
    return password


def change_password(config: Config, new_password: str, *, secrets=None, where: Places | None = None) -> None:
    """Replaces the repository's key; on success the keyring holds the new password and
    `config.recovery_sheet_confirmed` is None (saved). Raises `UserError`, old password intact.

    Holds the run lock for the whole change (exit 6 while a backup runs): a backup or the OS
    task reading the keyring between the key swap and the store would fail with "wrong password"."""
    from tsbackup_gui.core.store import locks
    from tsbackup_gui.core.places import places

    check_new_password(new_password)
    lock = locks.state_lock((where or places()).lock_file)
    try:
        _change(config, new_password, secrets=secrets, where=where)
    finally:
        lock.release()


def _change(config: Config, new_password: str, *, secrets, where: Places | None) -> None:
    from tsbackup_gui.core.store import config as config_mod
    from tsbackup_gui.core.offsite.upload import NO_PASSWORD, PASSWORD_SECRET
    from tsbackup_gui.core.store.secrets import SecretStore
    from tsbackup_gui.core.offsite.targets import kind_of_secondary, open_target

    secondary = dict(config.secondary or {})
    if not secondary:
        raise UserError(NO_OFFSITE(), Exit.USAGE)
    if not secondary.get("repo") or kind_of_secondary(secondary) == "external":
        raise UserError(EXTERNAL(), Exit.USAGE)
    if secondary.get("append_only"):
        raise UserError(APPEND_ONLY(), Exit.USAGE)
    check_new_password(new_password)
    store = secrets if secrets is not None else SecretStore(config.setup_id)
    old_password = store.get(PASSWORD_SECRET)
    if not old_password:
        raise UserError(NO_PASSWORD(), Exit.USAGE)
    if new_password == old_password:
        raise UserError(SAME_PASSWORD(), Exit.USAGE)

    old = open_target(secondary, old_password, store)
    try:
        before = list_keys(old)  # also proves the stored password opens the repository
    except ResticError as error:
        raise UserError(NOT_CHANGED(reason=error.message), error.exit_code) from None
    old_id = _current(before)
    added: list[str] = []
    undo: list[Any] = []
    try:
        add_key(old, new_password)
        new = open_target(secondary, new_password, store)
        new_id = _current(list_keys(new))  # the new password opens the repository on its own
        if new_id in {k["id"] for k in before}:
            raise UserError(KEY_MISMATCH(), Exit.USAGE)
        added = [new_id]
        store.set(PASSWORD_SECRET, new_password)
        undo.append(lambda: store.set(PASSWORD_SECRET, old_password))
        confirmed = config.recovery_sheet_confirmed
        # the stored setup as it is now (a dialog's copy may be older), only this one field changed
        config_mod.update(lambda current: dataclasses.replace(current, recovery_sheet_confirmed=None), where)
        undo.append(lambda: config_mod.update(
            lambda current: dataclasses.replace(current, recovery_sheet_confirmed=confirmed), where))
        remove_key(new, old_id)
    except UserError as error:
        if _still_opens(old):  # the old key is there: put everything back as it was
            _undo(undo)
            _remove_added(old, added or _new_ids(old, before))
            raise UserError(NOT_CHANGED(reason=error.message), error.exit_code) from None
        raise  # the old key is gone: the new password (stored) is the one that works
    config.recovery_sheet_confirmed = None


# -- restic's key commands -------------------------------------------------------------------
# Through the driver's public key commands (core/restic.py): secrets stay in the child's
# environment and out of every error text; the new password goes in a private file.


def list_keys(restic) -> list[dict[str, Any]]:
    return restic.key_list()


def add_key(restic, new_password: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="tsbackup-key-"))  # 0700: only this user
    try:
        path = folder / "new-password"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(new_password)
        restic.key_add(path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_key(restic, key_id: str) -> None:
    restic.key_remove(key_id)


def _current(keys: list[dict[str, Any]]) -> str:
    for key in keys:
        if key.get("current"):
            return str(key["id"])
    raise UserError(KEY_MISMATCH(), Exit.USAGE)


def _still_opens(restic) -> bool:
    try:
        restic.check_access()
        return True
    except ResticError:
        return False


def _new_ids(old, before: list[dict[str, Any]]) -> list[str]:
    """Keys added since `before` (when the new one could not be told by its own password)."""
    try:
        return sorted({k["id"] for k in list_keys(old)} - {k["id"] for k in before})
    except ResticError:
        return []


def _undo(steps: list[Any]) -> None:
    for step in reversed(steps):
        try:
            step()
        except (UserError, OSError):
            log.exception("password change: could not put a previous value back")


def _remove_added(old, added: list[str]) -> None:
    for key_id in added:
        try:
            remove_key(old, key_id)
        except ResticError:
            log.warning("password change: the unused new key %s could not be removed", key_id)
