"""The OS task (servers where nobody is logged in): register it, ask the OS scheduler about it, remove it.

`check` asks the scheduler whether the task exists, is switched on, and how
its last run ended; only then does it read the note the task's own runs
leave. A failed `install` takes back what it wrote, so a later `check` finds
no half-registered task; `remove` says what it removed.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Callable

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.places import Places, places
from tsbackup_gui.core.platform import RemoveFile, Runner, execute, ostask, run_command, user_name
from tsbackup_gui.core.platform import task_note, task_state
from tsbackup_gui.core.platform.commands import task_argv
from tsbackup_gui.core.store import config as config_mod

NO_USER_SESSION = define(
    "task.no_user_session",
    QT_TRANSLATE_NOOP("core", "The task could not be registered: there is no systemd user session for {user} ({reason}). Nothing was left behind. Run \"loginctl enable-linger {user}\" as administrator (or log in once on the desktop), then run tsbackup task install again."),
)
INSTALL_UNDONE = define(
    "task.install_undone",
    QT_TRANSLATE_NOOP("core", "{problem} What was already registered has been taken back, so no half-made task is left."),
)
REMOVED = define(
    "task.removed",
    QT_TRANSLATE_NOOP("core", "The scheduled task was removed ({what})."),
)
NOTHING_TO_REMOVE = define(
    "task.nothing_to_remove",
    QT_TRANSLATE_NOOP("core", "There was no scheduled task to remove."),
)
NEED_WINDOWS_PASSWORD = define(
    "task.need_windows_password",
    QT_TRANSLATE_NOOP("core", "The password logon needs the Windows password of {user}: give it on standard input (it is handed to the Task Scheduler once and stored only there), or choose --logon s4u or --logon interactive."),
)
NO_NOTE_YET = define(
    "task.no_note_yet",
    QT_TRANSLATE_NOOP("core", "The task has left no note of its own yet; after its next run, tsbackup task check says whether it can read the settings and the password store."),
)

_BUS_WORDS = ("bus", "XDG_RUNTIME_DIR", "No medium found", "user manager", "Failed to connect")


def task_env() -> dict[str, str]:
    """The task must see the same TSBACKUP_HOME and keyring backend as the user who set it up."""
    return {k: os.environ[k] for k in ("TSBACKUP_HOME", "PYTHON_KEYRING_BACKEND") if os.environ.get(k)}


def install_task(*, os_name: str, logon: str = "password", password: str | None = None, wait_seconds: float = 90.0,
                 home: Path | None = None, where: Places | None = None, runner: Runner | None = None,
                 sleep: Callable[[float], None] | None = None) -> tuple[bool, Message]:
    """Registers the task for this user, starts it once and reads back what its run could read."""
    config = config_mod.require(where)
    home = home or Path.home()
    user = user_name()
    if os_name == "windows" and logon == "password" and not password:
        raise UserError(NEED_WINDOWS_PASSWORD(user=user), Exit.USAGE)
    env = task_env()
    task = ostask.spec(task_argv(), config.time, user, env=env, logon=logon, home=env.get("TSBACKUP_HOME"))
    install = ostask.install_steps(os_name, task, home, folder=(where or places()).state_dir, password=password)
    extra = {} if runner is None else {"runner": runner}
    try:
        execute(install, os_name, **extra)
    except UserError as error:
        _take_back(os_name, home, runner)
        if os_name == "linux" and any(word in error.message.english() for word in _BUS_WORDS):
            reason = str(error.message.params.get("reason", ""))
            raise UserError(NO_USER_SESSION(user=user, reason=reason), error.exit_code) from None
        raise UserError(INSTALL_UNDONE(problem=error.message), error.exit_code) from None
    probe = {} if sleep is None else {"sleep": sleep}
    return task_note.install_and_check([], ostask.run_now_steps(os_name), os_name, where=where,
                                       wait_seconds=wait_seconds, **extra, **probe)


def _take_back(os_name: str, home: Path, runner: Runner | None) -> None:
    """Removes what a failed install may have written; every step may fail (it was not there)."""
    for step in ostask.remove_steps(os_name, home):
        try:
            execute([step], os_name, runner=runner or run_command)
        except UserError:
            continue


def check_task(*, os_name: str, home: Path | None = None, where: Places | None = None,
               runner: Runner | None = None) -> tuple[bool, list[Message]]:
    """What the OS scheduler says about the task, then what the task's own last run could read."""
    state = task_state.read_state(os_name, runner=runner or run_command, home=home)
    note = task_note.read(where, by_task=True)
    if state.last_run is None and state.last_result is not None and note is not None:
        state = replace(state, last_run=_note_time(note))  # launchd reports no time: the task's own note does
    messages = [state.message()]
    if not state.ok:
        return False, messages
    if note is None:
        messages.append(NO_NOTE_YET())
        return True, messages
    ok, said = task_note.verdict(note)
    messages.append(said)
    return ok, messages


def _note_time(note: dict) -> str | None:
    from datetime import datetime

    from tsbackup_gui.core.clock import minute_text

    try:
        return minute_text(datetime.fromisoformat(note["time"]))
    except (KeyError, TypeError, ValueError):
        return None


def remove_task(*, os_name: str, home: Path | None = None, runner: Runner | None = None) -> Message:
    """Removes the task; says what was there."""
    home = home or Path.home()
    state = task_state.read_state(os_name, runner=runner or run_command, home=home)
    steps = ostask.remove_steps(os_name, home)
    files = [step.path for step in steps if isinstance(step, RemoveFile) and step.path.exists()]
    execute(steps, os_name, **({} if runner is None else {"runner": runner}))
    if not state.exists and not files:
        return NOTHING_TO_REMOVE()
    what = [_scheduler_name(os_name)] if state.exists else []
    what += [str(path) for path in files]
    return REMOVED(what=", ".join(what))


def _scheduler_name(os_name: str) -> str:
    if os_name == "windows":
        return f"Task Scheduler \\{ostask.TASK_NAME}"
    if os_name == "macos":
        return f"launchd {ostask.LABEL}"
    return f"systemd --user {ostask.UNIT}.timer"
