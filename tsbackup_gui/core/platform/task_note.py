"""Can the OS task read what it needs? Every `run --scheduled` leaves a note saying so.

A task registered for a server where nobody is logged in often runs without
the user's credentials: it may not reach the keyring (Windows "run whether
user is logged on or not" without a stored password, a locked macOS
keychain, no D-Bus session on Linux) or even the settings. Such a task
would fail every night while the tray, running as the logged-in user, looks
fine. So the first thing `run --scheduled` does is write a small note under
the state dir; after registering the task we start it once in its own
context and read that note back.
"""

from __future__ import annotations

import json
import os
import time
from datetime import datetime
from typing import Any, Callable, Sequence

from tsbackup_gui.core.clock import minute_text
from tsbackup_gui.core.offsite.records import readable_repo
from tsbackup_gui.core.store.config import load as load_config
from tsbackup_gui.core.store.config import write_atomic
from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.places import Places, places
from tsbackup_gui.core.platform import Step, execute, user_name

PROBE_FILE = "scheduled-probe.json"

TASK_OK = define(
    "task.ok",
    QT_TRANSLATE_NOOP("core", "The scheduled task ran as {user} at {when} and can read the settings and the password store."),
)
TASK_NOT_RUN = define(
    "task.not_run",
    QT_TRANSLATE_NOOP("core", "The scheduled task has not run since {since}. Check it in the system's task scheduler and run it once by hand."),
)
TASK_NO_CONFIG = define(
    "task.no_config",
    QT_TRANSLATE_NOOP("core", "The scheduled task ran as {user} but cannot read the backup settings. Register it for the same user who set up the backup."),
)
TASK_NO_KEYRING = define(
    "task.no_keyring",
    QT_TRANSLATE_NOOP("core", "The scheduled task ran as {user} but cannot read the off-site password from the password store. Register the task with the user's password (\"run whether the user is logged on or not\") or unlock the store for it."),
)
TASK_NEVER = define(
    "task.never",
    QT_TRANSLATE_NOOP("core", "The scheduled task has never run on this computer."),
)


def probe_path(where: Places | None = None):
    return (where or places()).state_dir / PROBE_FILE


def record(where: Places | None = None, now: datetime | None = None, by_task: bool = False) -> dict[str, Any]:
    """Writes what this process can read; never raises (the run that follows says what is wrong).
    ``by_task``: started by the OS scheduler (`run --scheduled --os-task`); only such a note counts
    for `task check`, a `run --scheduled` typed by hand is not the task."""
    note: dict[str, Any] = {
        "time": (now or datetime.now().astimezone()).isoformat(timespec="seconds"),
        "pid": os.getpid(),
        "user": user_name(),
        "by": "task" if by_task else "hand",
    }
    config = None
    try:
        config = load_config(where)
        note["config"] = "ok" if config is not None else "missing"
    except UserError:
        note["config"] = "unreadable"
    note["keyring"] = _keyring_state(config)
    try:
        write_atomic(probe_path(where), json.dumps(note, sort_keys=True).encode("utf-8"))
    except OSError:
        pass  # a state dir we cannot write: the run itself reports it
    return note


def _keyring_state(config) -> str:
    secondary = (config.secondary or {}) if config is not None else {}
    if readable_repo(secondary) is None:
        return "not-needed"
    from tsbackup_gui.core.store.secrets import SecretStore

    try:
        return "ok" if SecretStore(config.setup_id).get("repo-password") else "missing"
    except Exception:  # noqa: BLE001 - a refused, locked or broken keyring: a plain "unavailable", never a crash
        return "unavailable"


def read(where: Places | None = None, by_task: bool = False) -> dict[str, Any] | None:
    """The last note; with ``by_task`` only one the OS task wrote."""
    try:
        note = json.loads(probe_path(where).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(note, dict) or (by_task and note.get("by") != "task"):
        return None
    return note


def verdict(note: dict[str, Any] | None, since: datetime | None = None) -> tuple[bool, Message]:
    """What the last note says, as one sentence; ``since``: only a note written after it counts."""
    if note is None:
        return False, TASK_NEVER() if since is None else TASK_NOT_RUN(since=_hhmm(since))
    try:
        when = datetime.fromisoformat(note["time"])
    except (KeyError, TypeError, ValueError):
        return False, TASK_NEVER()
    if since is not None and when < since:
        return False, TASK_NOT_RUN(since=_hhmm(since))
    user = str(note.get("user", "?"))
    if note.get("config") != "ok":
        return False, TASK_NO_CONFIG(user=user)
    if note.get("keyring") not in ("ok", "not-needed"):
        return False, TASK_NO_KEYRING(user=user)
    return True, TASK_OK(user=user, when=minute_text(when))


def install_and_check(install: Sequence[Step], run_now: Sequence[Step], os_name: str, *,
                      where: Places | None = None, wait_seconds: float = 60.0,
                      runner: Callable | None = None, sleep: Callable[[float], None] = time.sleep,
                      now: Callable[[], datetime] = lambda: datetime.now().astimezone()) -> tuple[bool, Message]:
    """Registers the task, starts it once in its own context, and reads its note back."""
    extra = {} if runner is None else {"runner": runner}
    execute(install, os_name, **extra)
    started = now().replace(microsecond=0)
    execute(run_now, os_name, **extra)
    waited = 0.0
    while True:
        ok, message = verdict(read(where, by_task=True), since=started)
        if ok or message.id != TASK_NOT_RUN.id or waited >= wait_seconds:
            return ok, message
        sleep(1.0)
        waited += 1.0


def _hhmm(moment: datetime) -> str:
    return minute_text(moment)

