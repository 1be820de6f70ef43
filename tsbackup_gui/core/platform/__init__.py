"""What differs per operating system: start at login, the OS scheduler task, keeping awake.

Every file and command is produced by a pure function of its inputs, for
each OS, so the contents can be checked on any machine (tests parse the XML,
plist and unit files). Applying them is a list of `Step`s that only
`execute` touches, and only on the OS they were made for: a Windows
Task Scheduler command must never run on a Mac because someone passed the
wrong name.

macOS, for the README and the installer: the app (which is also what the
launchd job starts, with `run --scheduled`) needs Full Disk Access (System Settings → Privacy &
Security) when the data folder or the backup drive lies where macOS asks
first (external and network volumes, Documents); a launchd task cannot show
that question and simply fails to read. App Nap slows a background app's
timers: the bundle's Info.plist sets ``NSAppSleepDisabled`` and the login
agent runs as ``ProcessType: Interactive``; during a run ``caffeinate``
keeps the Mac awake (`keepawake`).

May import: the loose basics, `store`, `offsite.records` (what the task note says about the
off-site copy).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence, Union

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define

OSES = ("windows", "macos", "linux")

WRONG_OS = define(
    "platform.wrong_os",
    QT_TRANSLATE_NOOP("core", "This step is meant for {wanted} and cannot be done on {actual}."),
)
STEP_FAILED = define(
    "platform.step_failed",
    QT_TRANSLATE_NOOP("core", "The command {command} failed ({reason}). Nothing else was changed after it."),
)


def current_os() -> str:
    """windows, macos or linux (anything else POSIX counts as linux: systemd and XDG are the bet)."""
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


def check_os(os_name: str) -> str:
    if os_name not in OSES:
        raise ValueError(f"unknown OS {os_name!r}; use one of {', '.join(OSES)}")
    return os_name


@dataclass(frozen=True)
class WriteFile:
    """Write `data` to `path` (atomically), creating its folder."""

    path: Path
    data: bytes


@dataclass(frozen=True)
class RemoveFile:
    path: Path


@dataclass(frozen=True)
class Command:
    """Run `argv`; `may_fail` for clean-up steps whose failure means "was not there"; `stdin`: what
    the command reads (a password: never in argv, never in a repr)."""

    argv: tuple[str, ...]
    may_fail: bool = False
    stdin: str | None = field(default=None, repr=False)


Step = Union[WriteFile, RemoveFile, Command]
Runner = Callable[[Sequence[str]], "subprocess.CompletedProcess[str]"]


def run_command(argv: Sequence[str], input: str | None = None) -> "subprocess.CompletedProcess[str]":
    """An OS tool (schtasks, reg, launchctl, systemctl), hidden on Windows, its output read in the OS tool's
    code page (`children.tool_encoding`: the OEM code page on Windows). It has nothing to read but
    `input` (stdin is never the terminal: a tool that asks a question gets end-of-file at once instead of
    waiting for an answer nobody sees); `input` goes as UTF-8 (the reading side says so: a password
    with umlauts must arrive as typed)."""
    from tsbackup_gui.core import children

    return children.run(argv, timeout=120, encoding=children.tool_encoding(), input=input or None,
                        input_encoding="utf-8")


def execute(steps: Sequence[Step], os_name: str, *, runner: Runner = run_command) -> list[str]:
    """Carries out `steps` made for `os_name` on this machine; returns what each command printed.

    Stops at the first failing step with one sentence (a `UserError`), so a
    half-registered task is never reported as done.
    """
    actual = current_os()
    if check_os(os_name) != actual:
        raise UserError(WRONG_OS(wanted=os_name, actual=actual), Exit.USAGE)
    from tsbackup_gui.core.store.config import write_atomic

    output: list[str] = []
    for step in steps:
        if isinstance(step, WriteFile):
            try:
                write_atomic(step.path, step.data)
            except OSError as exc:
                raise UserError(STEP_FAILED(command=f"write {step.path}", reason=exc.strerror or str(exc)), Exit.USAGE) from None
        elif isinstance(step, RemoveFile):
            try:
                step.path.unlink(missing_ok=True)
            except OSError as exc:
                raise UserError(STEP_FAILED(command=f"remove {step.path}", reason=exc.strerror or str(exc)), Exit.USAGE) from None
        else:
            try:
                done = runner(step.argv) if step.stdin is None else runner(step.argv, input=step.stdin)
            except (OSError, subprocess.SubprocessError) as exc:
                if step.may_fail:
                    continue
                raise UserError(STEP_FAILED(command=" ".join(step.argv), reason=str(exc)), Exit.USAGE) from None
            if done.returncode != 0 and not step.may_fail:
                reason = (done.stderr or done.stdout or "").strip().splitlines()
                text = reason[-1] if reason else f"exit {done.returncode}"
                raise UserError(STEP_FAILED(command=" ".join(step.argv), reason=text), Exit.USAGE)
            output.append(done.stdout or "")
    return output


def user_name() -> str:
    """The login name the tray runs as; the OS task must run as the same user."""
    for name in ("USER", "USERNAME", "LOGNAME"):
        value = os.environ.get(name)
        if value:
            return value
    import getpass

    return getpass.getuser()
