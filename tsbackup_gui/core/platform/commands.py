"""Which command starts the app and the CLI, and how each OS wants a command line written.

Autostart entries and OS tasks outlive the shell that made them, so they
carry absolute paths: the installed entry points next to this Python when
they exist, else ``python -m``; a frozen bundle starts itself. Inside an
AppImage ``sys.executable`` lives in a mount that vanishes when the app
exits, so the AppImage file itself (``$APPIMAGE``) is started instead; its
AppRun runs the command when the first argument is ``tsbackup``.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Mapping, Sequence


GUI_NAME = "tsbackup-gui"


def _entry_point(name: str) -> str | None:
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    return None


def _appimage(env: Mapping[str, str] | None, frozen: bool | None) -> str | None:
    """The AppImage file this frozen app runs from, if any."""
    if frozen is None:
        frozen = bool(getattr(sys, "frozen", False))
    if not frozen:
        return None
    return (os.environ if env is None else env).get("APPIMAGE") or None


def gui_argv(env: Mapping[str, str] | None = None, frozen: bool | None = None, executable: str | None = None,
             windows: bool | None = None) -> list[str]:
    """The app (tray) as started at login: in an installed app the `tsbackup-gui` executable, also
    when the `tsbackup` command asks (`tsbackup autostart on`), never the console command."""
    appimage = _appimage(env, frozen)
    if appimage:
        return [appimage]
    if frozen if frozen is not None else getattr(sys, "frozen", False):
        return [_gui_sibling(executable, windows)]
    found = _entry_point("tsbackup-gui")
    return [found] if found else [sys.executable, "-m", "tsbackup_gui"]


def _gui_sibling(executable: str | None, windows: bool | None) -> str:
    windows = os.name == "nt" if windows is None else windows
    here = (PureWindowsPath if windows else PurePosixPath)(executable or sys.executable)
    return str(here.with_name(f"{GUI_NAME}.exe" if windows else GUI_NAME))


def cli_argv(env: Mapping[str, str] | None = None, frozen: bool | None = None) -> list[str]:
    """The `tsbackup` command, for the OS task."""
    appimage = _appimage(env, frozen)
    if appimage:
        return [appimage, "tsbackup"]
    if frozen if frozen is not None else getattr(sys, "frozen", False):
        sibling = Path(sys.executable).with_name("tsbackup.exe" if os.name == "nt" else "tsbackup")
        return [str(sibling)]
    found = _entry_point("tsbackup")
    return [found] if found else [sys.executable, "-m", "tsbackup_gui.cli"]


def task_argv(env: Mapping[str, str] | None = None, frozen: bool | None = None, executable: str | None = None,
              windows: bool | None = None) -> list[str]:
    """The command the OS task starts (it appends `run --scheduled …`).

    In an installed app that is the app's own executable, whichever of the two binaries asks:
    macOS lets a Keychain item be read without a question only by the binary that created it
    (the app, in the wizard), and a launchd job waiting on that question never backs up; on
    Windows the app has no console, so the nightly run opens no window. The app hands such
    arguments to the command without starting Qt (`tsbackup_gui.__main__`). In an AppImage or a
    development run it is the `tsbackup` command as before."""
    appimage = _appimage(env, frozen)
    if appimage:
        return [appimage, "tsbackup"]
    if frozen if frozen is not None else getattr(sys, "frozen", False):
        return [_gui_sibling(executable, windows)]
    return cli_argv(env, frozen)


def windows_command_line(argv: Sequence[str]) -> str:
    """One Windows command line (the MS C runtime's quoting rules)."""
    return subprocess.list2cmdline(list(argv))


def posix_command_line(argv: Sequence[str]) -> str:
    return shlex.join(list(argv))


_SYSTEMD_SPECIAL = set(' \t\n"\'\\;$%')


def systemd_command_line(argv: Sequence[str]) -> str:
    """ExecStart= quoting: double quotes with C escapes; ``%`` and ``$`` doubled (specifiers, variables)."""
    out = []
    for arg in argv:
        text = arg.replace("%", "%%").replace("$", "$$")
        if arg and not (_SYSTEMD_SPECIAL & set(arg)):
            out.append(text)
            continue
        text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
        out.append(f'"{text}"')
    return " ".join(out)


_DESKTOP_RESERVED = set(' \t\n"\'\\><~|&;$*?#()`')


def desktop_exec(argv: Sequence[str]) -> str:
    """The Exec= value of a .desktop file (freedesktop Desktop Entry spec).

    An argument with reserved characters is double-quoted, with ``"`\\$``
    backslash-escaped inside; then the string-value rule doubles every
    backslash again, and ``%`` becomes ``%%`` (field codes).
    """
    out = []
    for arg in argv:
        text = arg
        if not text or _DESKTOP_RESERVED & set(text):
            for ch in ("\\", '"', "`", "$"):
                text = text.replace(ch, "\\" + ch)
            text = f'"{text}"'
        out.append(text.replace("%", "%%"))
    return " ".join(out).replace("\\", "\\\\")
