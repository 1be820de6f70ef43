"""Forgetting this setup: the settings, the keyring entries, the OS task and the autostart go;
the backups stay.

For a computer that is retired or handed over. Nothing on a backup drive and
nothing in the off-site repository is touched (the drives and the repository
are not even opened): the result names where the backups remain, so the
recovery sheet and `tsbackup restore` still bring them back. The history is
kept aside under a dated name rather than deleted, because it is the only
record of what was backed up when.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Sequence

from tsbackup_gui.core.offsite.records import is_external, readable_repo
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.places import Places, places

log = logging.getLogger(__name__)

WOULD_FORGET = define(
    "forget.would",
    QT_TRANSLATE_NOOP("core", "This removes the backup settings, the stored passwords and the scheduled task of this computer, but no backups; repeat with --yes to do it."),
)
FORGOTTEN = define(
    "forget.done",
    QT_TRANSLATE_NOOP("core", "This setup was forgotten: the settings and stored passwords were removed. The backups were not touched."),
)
NOTHING_TO_FORGET = define(
    "forget.nothing",
    QT_TRANSLATE_NOOP("core", "There is no backup setup on this computer. Nothing was removed."),
)
REMAIN_PRIMARY = define(
    "forget.remain_primary",
    QT_TRANSLATE_NOOP("core", "The backups remain on the backup drive in {path}."),
)
REMAIN_OFFSITE = define(
    "forget.remain_offsite",
    QT_TRANSLATE_NOOP("core", "The off-site backups remain at {repo}; the recovery sheet holds their password."),
)
HISTORY_KEPT = define(
    "forget.history_kept",
    QT_TRANSLATE_NOOP("core", "The record of past backups was kept as {path}."),
)
TASK_REMOVED = define(
    "forget.task_removed",
    QT_TRANSLATE_NOOP("core", "The scheduled task was removed."),
)
AUTOSTART_REMOVED = define(
    "forget.autostart_removed",
    QT_TRANSLATE_NOOP("core", "The program no longer starts at login."),
)
SHEET_FIRST = define(
    "forget.sheet_first",
    QT_TRANSLATE_NOOP("core", "The password of the off-site backups is stored only on this computer and the recovery sheet was never confirmed, so forgetting now would make the off-site backups unreadable. Print the recovery sheet first with tsbackup recovery-sheet --to FILE.pdf, or add --i-have-the-password."),
)
#: What the memory of this setup's reports and notifications is kept in: it belongs to the
#: forgotten setup (a new setup's history numbers its attempts from 1 again).
STATE_FILES = ("scheduled-probe.json", "reports.json", "reports.lock", "notifications.json")
STEP_FAILED = define(
    "forget.step_failed",
    QT_TRANSLATE_NOOP("core", "Not everything could be removed: {reason}"),
)


@dataclass
class ForgetResult:
    forgotten: bool  # False: there was no setup
    setup_id: str | None = None
    primary_folders: list[str] = field(default_factory=list)  # where the generations remain
    offsite_repo: str | None = None  # shown without credentials
    history_kept: str | None = None
    secrets_removed: list[str] = field(default_factory=list)  # keyring entry names
    task_removed: bool = False
    autostart_removed: bool = False
    problems: list[Message] = field(default_factory=list)

    def messages(self) -> list[Message]:
        if not self.forgotten:
            return [NOTHING_TO_FORGET()]
        found = [FORGOTTEN()]
        found += [REMAIN_PRIMARY(path=path) for path in self.primary_folders]
        if self.offsite_repo:
            found.append(REMAIN_OFFSITE(repo=self.offsite_repo))
        if self.history_kept:
            found.append(HISTORY_KEPT(path=self.history_kept))
        if self.task_removed:
            found.append(TASK_REMOVED())
        if self.autostart_removed:
            found.append(AUTOSTART_REMOVED())
        return found + list(self.problems)

    def to_json(self) -> dict[str, Any]:
        return {"forgotten": self.forgotten, "setup_id": self.setup_id, "primary_folders": self.primary_folders,
                "offsite_repo": self.offsite_repo, "history_kept": self.history_kept,
                "secrets_removed": self.secrets_removed, "task_removed": self.task_removed,
                "autostart_removed": self.autostart_removed}


def forget_setup(*, where: Places | None = None, secrets=None, now: datetime | None = None, home: Path | None = None,
                 os_name: str | None = None, runner: Callable[[Sequence[str]], Any] | None = None,
                 i_have_the_password: bool = False) -> ForgetResult:
    """Removes this computer's setup; never touches a backup. ``home``/``os_name``/``runner``
    say where the OS task and autostart entries live and how commands run (tests).

    Refuses (exit 2) while the off-site password lives only in this computer's keyring and the
    recovery sheet was never confirmed, unless ``i_have_the_password``."""
    from tsbackup_gui.core.store import config as config_mod

    here = where or places()
    config = config_mod.load(here)  # a damaged file is an error: we would not know which secrets to remove
    if config is None:
        return ForgetResult(False)
    from tsbackup_gui.core.store import locks

    lock = locks.state_lock(here.lock_file)  # a run going on (exit 6): forget nothing under it
    try:
        if not i_have_the_password and password_only_here(config, secrets):
            raise UserError(SHEET_FIRST(), Exit.USAGE)
        return _forget(config, here, secrets, now, home, os_name, runner)
    finally:
        lock.release()


def password_only_here(config, secrets=None) -> bool:
    """An off-site repository whose password is stored here, and no confirmed recovery sheet."""
    secondary = config.secondary or {}
    if config.recovery_sheet_confirmed or readable_repo(secondary) is None:
        return False
    from tsbackup_gui.core.offsite.upload import PASSWORD_SECRET
    from tsbackup_gui.core.store.secrets import SecretStore

    store = secrets if secrets is not None else SecretStore(config.setup_id)
    try:
        return bool(store.get(PASSWORD_SECRET))
    except UserError:
        return True  # a keyring that cannot be read: the password may well be in it


def _forget(config, here: Places, secrets, now, home, os_name, runner) -> ForgetResult:
    from tsbackup_gui.core.restic.errors import display_repo
    from tsbackup_gui.core.drives.rotation import configured

    result = ForgetResult(True, setup_id=config.setup_id)
    result.primary_folders = [_folder_of(config, str(d["path"])) for d in configured(config)]
    repo = (config.secondary or {}).get("repo")
    if repo and not is_external(config.secondary):
        result.offsite_repo = display_repo(str(repo))
    # The keyring first: settings without passwords are harmless, passwords without settings are forgotten secrets.
    result.secrets_removed = _remove_secrets(config.setup_id, secrets)
    _remove_os_entries(result, home or Path.home(), os_name, runner)
    result.history_kept = _keep_history(here, now or datetime.now().astimezone(), result)
    for path in (here.config_file, *(here.state_dir / name for name in STATE_FILES)):
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            result.problems.append(STEP_FAILED(reason=f"{path}: {exc.strerror or exc}"))
    return result


def _folder_of(config, primary: str) -> str:
    from tsbackup_gui.core.primary.target import BACKUPS_DIR

    return str(Path(primary) / BACKUPS_DIR / config.computer)


def _remove_secrets(setup_id: str, secrets) -> list[str]:
    from tsbackup_gui.core.offsite.secret_names import secret_names
    from tsbackup_gui.core.store.secrets import SecretStore

    store = secrets if secrets is not None else SecretStore(setup_id)
    removed = []
    for name in secret_names():
        if store.delete(name):  # a keyring that refuses raises: then nothing else is removed
            removed.append(name)
    return removed


def _remove_os_entries(result: ForgetResult, home: Path, os_name: str | None, runner) -> None:
    """The OS task and the login entry, when they are there (best effort: said, not raised)."""
    from tsbackup_gui.core.platform import autostart, current_os, execute, ostask

    name = os_name or current_os()
    run_kw = {"runner": runner} if runner is not None else {}
    xdg = _xdg_config_home(home)
    try:
        if _task_installed(name, home, xdg, runner):
            execute(ostask.remove_steps(name, home, xdg_config_home=xdg), name, **run_kw)
            result.task_removed = True
    except UserError as error:
        result.problems.append(STEP_FAILED(reason=error.message))
    try:
        item = autostart.entry(name, [], home, xdg_config_home=xdg)
        if _autostart_installed(item, runner):
            execute(autostart.disable_steps(item), name, **run_kw)
            result.autostart_removed = True
    except UserError as error:
        result.problems.append(STEP_FAILED(reason=error.message))


def _xdg_config_home(home: Path) -> Path:
    value = os.environ.get("XDG_CONFIG_HOME")
    return Path(value) if value and os.path.isabs(value) and home == Path.home() else home / ".config"


def _task_installed(os_name: str, home: Path, xdg: Path, runner) -> bool:
    from tsbackup_gui.core.platform import ostask

    if os_name == "windows":
        return _query(("schtasks", "/Query", "/TN", ostask.TASK_NAME), runner)
    if os_name == "macos":
        return ostask.launchd_path(home).exists() or ostask.launchd_path(home, daemon=True).exists()
    units = ostask.systemd_dir(home, xdg)
    return (units / f"{ostask.UNIT}.timer").exists() or (units / f"{ostask.UNIT}.service").exists()


def _autostart_installed(item, runner) -> bool:
    from tsbackup_gui.core.platform import autostart

    if item.os_name == "windows":
        return _query(("reg", "query", autostart.RUN_KEY, "/v", autostart.NAME), runner)
    return item.path is not None and item.path.exists()


def _query(argv: Sequence[str], runner) -> bool:
    import subprocess

    from tsbackup_gui.core import children

    try:
        if runner is not None:
            done = runner(argv)
        else:
            done = children.run(argv, timeout=60, encoding=children.tool_encoding())
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def _keep_history(here: Places, now: datetime, result: ForgetResult) -> str | None:
    """history.sqlite3 (and its WAL files) renamed aside as history-forgotten-YYYYMMDD.sqlite."""
    source = here.history_db
    if not source.exists():
        return None
    stem = f"history-forgotten-{now.strftime('%Y%m%d')}"
    target = source.with_name(f"{stem}.sqlite")
    counter = 2
    while target.exists():
        target = source.with_name(f"{stem}-{counter}.sqlite")
        counter += 1
    try:
        _checkpoint(source)
        os.replace(source, target)
        for suffix in ("-wal", "-shm"):
            Path(f"{source}{suffix}").unlink(missing_ok=True)
    except OSError as exc:
        result.problems.append(STEP_FAILED(reason=f"{source}: {exc.strerror or exc}"))
        return None
    return str(target)


def _checkpoint(db: Path) -> None:
    """Folds the WAL into the main file, so the renamed file holds every attempt."""
    import sqlite3

    try:
        connection = sqlite3.connect(db, timeout=10.0)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.execute("PRAGMA journal_mode=DELETE")
        finally:
            connection.close()
    except sqlite3.Error:
        log.warning("forget: could not fold the history's write-ahead log", exc_info=True)
