"""Start at login: the Run key value, the LaunchAgent plist and the XDG .desktop entry, per OS."""

from __future__ import annotations

import configparser
import os
import plistlib
import subprocess
from pathlib import Path

import pytest

from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.platform import Command, RemoveFile, WriteFile, current_os, execute
from tsbackup_gui.core.platform import autostart
from tsbackup_gui.core.platform.commands import cli_argv, desktop_exec, gui_argv

HOME = Path("/home/anna")
MAC_APP = ["/Applications/tsbackup.app/Contents/MacOS/tsbackup"]
WIN_APP = [r"C:\Program Files\tsbackup\tsbackup-gui.exe"]
LINUX_APP = ["/opt/ts backup/bin/tsbackup-gui"]


def test_windows_run_key_holds_one_quoted_command_line():
    entry = autostart.entry("windows", WIN_APP, HOME)
    assert entry.path is None
    assert entry.value == r'"C:\Program Files\tsbackup\tsbackup-gui.exe"'
    (step,) = autostart.enable_steps(entry)
    assert step == Command(("reg", "add", r"HKCU\Software\Microsoft\Windows\CurrentVersion\Run", "/v", "tsbackup",
                            "/t", "REG_SZ", "/d", entry.value, "/f"))
    (off,) = autostart.disable_steps(entry)
    assert off.argv[:2] == ("reg", "delete") and off.may_fail


def test_macos_launch_agent_starts_the_app_at_login_in_the_gui_session():
    entry = autostart.entry("macos", MAC_APP, HOME, env={"TSBACKUP_HOME": "/Users/anna/tsb"})
    assert entry.path == HOME / "Library/LaunchAgents/ch.tsbackup.app.plist"
    job = plistlib.loads(entry.content)
    assert job["Label"] == "ch.tsbackup.app" == entry.path.stem
    assert job["ProgramArguments"] == MAC_APP
    assert job["RunAtLoad"] is True and job["KeepAlive"] is False
    assert job["LimitLoadToSessionType"] == "Aqua" and job["ProcessType"] == "Interactive"
    assert job["EnvironmentVariables"] == {"TSBACKUP_HOME": "/Users/anna/tsb"}
    assert autostart.enable_steps(entry) == [WriteFile(entry.path, entry.content)]
    assert autostart.disable_steps(entry) == [RemoveFile(entry.path)]


def test_linux_desktop_entry_quotes_paths_with_spaces():
    entry = autostart.entry("linux", LINUX_APP, HOME, xdg_config_home=HOME / ".config")
    assert entry.path == HOME / ".config/autostart/tsbackup.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read_string(entry.content.decode("utf-8"))
    desktop = parser["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "tsbackup"
    assert desktop["Exec"] == '"/opt/ts backup/bin/tsbackup-gui"'
    assert desktop["X-GNOME-Autostart-enabled"] == "true" and desktop["Terminal"] == "false"


def test_desktop_exec_escapes_by_the_spec():
    assert desktop_exec(["/usr/bin/tsbackup-gui", "--lang", "de"]) == "/usr/bin/tsbackup-gui --lang de"
    assert desktop_exec(["/a b/x", "50%"]) == '"/a b/x" 50%%'
    # A quoted argument's backslash and dollar are escaped, then the string rule doubles backslashes.
    assert desktop_exec(["/x y/$HOME\\z"]) == '"/x y/\\\\$HOME\\\\\\\\z"'
    with_env = autostart.desktop_entry(["/usr/bin/tsbackup-gui"], env={"TSBACKUP_HOME": "/srv/t b"})
    assert b'Exec=env "TSBACKUP_HOME=/srv/t b" /usr/bin/tsbackup-gui\n' in with_env


def test_the_app_and_cli_commands_run_from_this_python(tmp_path):
    gui, cli = gui_argv(), cli_argv()
    assert Path(gui[0]).is_absolute() and Path(cli[0]).is_absolute()
    done = subprocess.run([*cli, "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("tsbackup ")
    done = subprocess.run([*gui, "--version"], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0 and "tsbackup" in done.stdout


def test_execute_writes_the_linux_entry_and_refuses_other_oses(tmp_path):
    entry = autostart.entry("linux", LINUX_APP, tmp_path, xdg_config_home=tmp_path / "cfg")
    other = "windows" if current_os() != "windows" else "linux"
    with pytest.raises(UserError) as caught:
        execute(autostart.enable_steps(autostart.entry(other, WIN_APP, tmp_path)), other)
    assert caught.value.message.english() == f"This step is meant for {other} and cannot be done on {current_os()}."
    execute(autostart.enable_steps(entry), "linux")  # CI is Linux
    assert entry.path.read_bytes() == entry.content
    execute(autostart.disable_steps(entry), "linux")
    assert not entry.path.exists()


def test_a_failing_command_is_one_sentence(tmp_path):
    with pytest.raises(UserError) as caught:
        execute([Command(("sh", "-c", "echo 'no such task' >&2; exit 3"))], "linux")
    assert caught.value.message.english() == "The command sh -c echo 'no such task' >&2; exit 3 failed (no such task). Nothing else was changed after it."
    assert execute([Command(("sh", "-c", "exit 1"), may_fail=True), Command(("echo", "hi"))], "linux") == ["", "hi\n"]


def test_inside_an_appimage_the_appimage_file_is_started_not_its_vanishing_mount():
    env = {"APPIMAGE": "/home/anna/Apps/tsbackup.AppImage"}
    assert gui_argv(env=env, frozen=True) == ["/home/anna/Apps/tsbackup.AppImage"]
    assert cli_argv(env=env, frozen=True) == ["/home/anna/Apps/tsbackup.AppImage", "tsbackup"]
    # Not frozen (a developer's shell that happens to export APPIMAGE): the Python entry points stay.
    assert gui_argv(env=env, frozen=False) == gui_argv(env={}, frozen=False)
    assert cli_argv(env=env, frozen=False)[0] != "/home/anna/Apps/tsbackup.AppImage"
    # Frozen but not an AppImage (tarball install): the bundle's own executables.
    assert "APPIMAGE" not in " ".join(gui_argv(env={}, frozen=True))


def test_the_appimage_apprun_hands_a_first_tsbackup_argument_to_the_command(tmp_path):
    from bundling import linux

    lib = tmp_path / "usr" / "lib" / "tsbackup"
    lib.mkdir(parents=True)
    for name in ("tsbackup", "tsbackup-gui"):
        (lib / name).write_text(f'#!/bin/sh\necho "{name}" "$@"\n')
        (lib / name).chmod(0o755)
    (tmp_path / "AppRun").write_text(linux.apprun_text())
    (tmp_path / "AppRun").chmod(0o755)
    cli = subprocess.run([str(tmp_path / "AppRun"), "tsbackup", "run", "--scheduled"], capture_output=True, text=True)
    gui = subprocess.run([str(tmp_path / "AppRun")], capture_output=True, text=True)
    assert cli.stdout == "tsbackup run --scheduled\n" and gui.stdout == "tsbackup-gui\n"
