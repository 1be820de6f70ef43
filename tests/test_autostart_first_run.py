"""Start at login on the first start of an installed app: once per user, never against the user's "off",
never from a development run; and `tsbackup autostart on|off|status` for scripts."""

from __future__ import annotations

import configparser
import json
import plistlib
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tsbackup_gui.core import platform
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.places import places
from tsbackup_gui.core.platform import autostart
from tsbackup_gui.core.platform.autostart_first_run import autostart_status, ensure_autostart, set_autostart

LINUX_APP = ["/opt/ts backup/tsbackup-gui"]
MAC_APP = ["/Applications/tsbackup.app/Contents/MacOS/tsbackup-gui"]
WIN_APP = [r"C:\Users\Anna Muster\AppData\Local\Programs\tsbackup\tsbackup-gui.exe"]
CLOCK = FixedClock(datetime(2026, 11, 27, 9, 0, tzinfo=timezone.utc))


class Registry:
    """Stands in for reg.exe (this is not Windows): records commands, keeps the Run values in `values`
    and other keys' values (StartupApproved) in `other`, and prints a query as reg.exe does."""

    def __init__(self):
        self.commands: list[tuple[str, ...]] = []
        self.values: dict[str, str] = {}
        self.other: dict[tuple[str, str], tuple[str, str]] = {}

    def __call__(self, argv):
        argv = tuple(argv)
        self.commands.append(argv)
        verb, key, name = argv[1], argv[2], argv[argv.index("/v") + 1]
        code, out = 0, ""
        if key != autostart.RUN_KEY:
            found = self.other.get((key, name))
            if verb == "query" and found:
                out = f"\n{key}\n    {name}    {found[0]}    {found[1]}\n\n"
            return subprocess.CompletedProcess(list(argv), 0 if found else 1, out, "")
        if verb == "add":
            self.values[name] = argv[argv.index("/d") + 1]
        elif verb == "delete":
            code = 0 if self.values.pop(name, None) is not None else 1
        elif verb == "query":
            code = 0 if name in self.values else 1
            if code == 0:
                out = f"\n{key}\n    {name}    REG_SZ    {self.values[name]}\n\n"
        return subprocess.CompletedProcess(list(argv), code, out, "")


@pytest.fixture
def memory(tmp_path):
    return places().state_dir / "autostart.json"


def pretend_os(monkeypatch, os_name):
    """`execute` only acts on the OS it runs on; the macOS and Windows steps are checked here as that OS."""
    monkeypatch.setattr(platform, "current_os", lambda: os_name)


def desktop_exec_of(path: Path) -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]["Exec"]


def test_linux_first_start_writes_the_desktop_entry_once_and_off_stays_off(tmp_path, memory):
    home, xdg = tmp_path / "home", tmp_path / "xdg-config"
    kw = dict(os_name="linux", home=home, argv=LINUX_APP, memory_file=memory, frozen=True, xdg_config_home=xdg,
              clock=CLOCK)
    desktop = xdg / "autostart" / "tsbackup.desktop"

    assert ensure_autostart(**kw) == "enabled"
    assert desktop_exec_of(desktop) == '"/opt/ts backup/tsbackup-gui"'
    assert json.loads(memory.read_text()) == {"autostart": "on", "how": "first-run", "at": "2026-11-27T09:00:00+00:00"}

    # The user removes the entry (their desktop's startup settings): the next starts leave it removed.
    desktop.unlink()
    assert ensure_autostart(**kw) == "already"
    assert ensure_autostart(**kw) == "already"
    assert not desktop.exists()

    set_kw = {k: v for k, v in kw.items() if k != "frozen"}
    assert set_autostart(True, **set_kw) == "enabled" and desktop.exists()
    assert set_autostart(False, **set_kw) == "off" and not desktop.exists()
    for _ in range(2):
        assert ensure_autostart(**kw) == "off"
    assert not desktop.exists() and json.loads(memory.read_text())["autostart"] == "off"
    state = autostart_status(os_name="linux", home=home, memory_file=memory, xdg_config_home=xdg)
    assert (state.installed, state.remembered, state.where) == (False, "off", str(desktop))


def test_an_installers_entry_is_kept_as_it_is(tmp_path, memory):
    xdg = tmp_path / "xdg-config"
    desktop = xdg / "autostart" / "tsbackup.desktop"
    desktop.parent.mkdir(parents=True)
    desktop.write_bytes(b"[Desktop Entry]\nExec=/opt/tsbackup/tsbackup-gui\n")  # written by install.sh
    result = ensure_autostart(os_name="linux", home=tmp_path / "home", argv=LINUX_APP, memory_file=memory,
                              frozen=True, xdg_config_home=xdg)
    assert result == "already"
    assert desktop.read_bytes() == b"[Desktop Entry]\nExec=/opt/tsbackup/tsbackup-gui\n"
    assert json.loads(memory.read_text())["how"] == "found"


def test_macos_first_start_writes_the_launch_agent(tmp_path, memory, monkeypatch):
    pretend_os(monkeypatch, "macos")
    home = tmp_path / "Users" / "anna"
    kw = dict(os_name="macos", home=home, argv=MAC_APP, memory_file=memory, frozen=True)
    assert ensure_autostart(**kw) == "enabled"
    agent = home / "Library" / "LaunchAgents" / "ch.tsbackup.app.plist"
    job = plistlib.loads(agent.read_bytes())
    assert job["ProgramArguments"] == MAC_APP
    assert job["RunAtLoad"] is True and job["Label"] == "ch.tsbackup.app"
    agent.unlink()  # removed in Login Items
    assert ensure_autostart(**kw) == "already" and not agent.exists()


def test_windows_first_start_adds_the_run_value_through_reg(tmp_path, memory, monkeypatch):
    pretend_os(monkeypatch, "windows")
    reg = Registry()
    kw = dict(os_name="windows", home=tmp_path / "home", argv=WIN_APP, memory_file=memory, frozen=True, runner=reg)
    assert ensure_autostart(**kw) == "enabled"
    value = r'"C:\Users\Anna Muster\AppData\Local\Programs\tsbackup\tsbackup-gui.exe"'
    assert reg.commands == [
        ("reg", "query", autostart.RUN_KEY, "/v", "tsbackup"),
        ("reg", "add", r"HKCU\Software\Microsoft\Windows\CurrentVersion\Run", "/v", "tsbackup", "/t", "REG_SZ",
         "/d", value, "/f"),
    ]
    assert reg.values == {"tsbackup": value}
    reg.commands.clear()
    assert ensure_autostart(**kw) == "already"  # the second start only reads back: the entry, and Task Manager's switch
    assert reg.commands == [("reg", "query", autostart.RUN_KEY, "/v", "tsbackup"),
                            ("reg", "query", autostart.APPROVED_KEY, "/v", "tsbackup")]

    set_kw = {k: v for k, v in kw.items() if k != "frozen"}
    assert set_autostart(False, **set_kw) == "off" and reg.values == {}
    assert ensure_autostart(**kw) == "off"
    state = autostart_status(os_name="windows", home=tmp_path / "home", memory_file=memory, runner=reg)
    assert not state.installed and state.where == autostart.RUN_KEY + "\\tsbackup"


def test_windows_installer_value_is_not_rewritten(tmp_path, memory, monkeypatch):
    pretend_os(monkeypatch, "windows")
    reg = Registry()
    reg.values["tsbackup"] = '"C:\\tsbackup\\tsbackup-gui.exe"'  # the Inno Setup installer wrote it
    assert ensure_autostart(os_name="windows", home=tmp_path, argv=WIN_APP, memory_file=memory, frozen=True,
                            runner=reg) == "already"
    assert [c[1] for c in reg.commands] == ["query"]


def test_a_development_run_writes_nothing(tmp_path, memory):
    reg = Registry()
    for os_name in ("linux", "macos", "windows"):
        result = ensure_autostart(os_name=os_name, home=tmp_path / "home", argv=LINUX_APP, memory_file=memory,
                                  frozen=False, runner=reg, xdg_config_home=tmp_path / "xdg")
        assert result == "not-installed"
    assert reg.commands == [] and not memory.exists()
    assert list(tmp_path.rglob("*.desktop")) == [] and list(tmp_path.rglob("*.plist")) == []


def test_the_gui_registers_on_a_worker_thread_only_when_frozen(tmp_path, qtbot, monkeypatch, caplog):
    """What the app says when the worker is done (its log line, written on the GUI thread) is waited
    for: the job starts at once, and may finish before a signal could be connected."""
    import threading

    from tsbackup_gui.core.platform import autostart_first_run
    from tsbackup_gui.ui.app import register_autostart_once

    caplog.set_level("INFO", logger="tsbackup_gui.ui.app")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    desktop = tmp_path / "xdg" / "autostart" / "tsbackup.desktop"
    threads, real = [], autostart_first_run.ensure_here
    monkeypatch.setattr(autostart_first_run, "ensure_here", lambda: threads.append(threading.current_thread()) or real())
    said = lambda: [r.getMessage() for r in caplog.records if r.getMessage().startswith("start at login: ")]  # noqa: E731

    register_autostart_once()
    qtbot.waitUntil(lambda: said() != [], timeout=30_000)
    assert said() == ["start at login: not-installed"] and not desktop.exists()

    monkeypatch.setattr(sys, "frozen", True, raising=False)  # as in the PyInstaller bundle
    register_autostart_once()
    qtbot.waitUntil(lambda: len(said()) == 2, timeout=30_000)
    assert said()[1] == "start at login: enabled"
    assert len(threads) == 2 and threading.main_thread() not in threads  # never on the GUI thread
    exec_line = desktop_exec_of(desktop)
    # the bundle's app executable beside the running one (never the console command)
    assert exec_line.startswith("env ") and exec_line.endswith(" " + str(Path(sys.executable).with_name("tsbackup-gui")))
    assert "TSBACKUP_HOME=" in exec_line  # the app at login reads the same settings


def test_cli_on_status_off(tmp_path, run_cli):
    env = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    desktop = tmp_path / "xdg" / "autostart" / "tsbackup.desktop"

    off = run_cli("autostart", "status", env=env)
    assert off.returncode == 0, off.stderr
    assert off.stdout.strip() == "tsbackup does not start when you log in; to change that, run: tsbackup autostart on"

    on = run_cli("autostart", "on", env=env)
    assert on.returncode == 0, on.stderr
    assert on.stdout.strip() == f"tsbackup now starts when you log in ({desktop})."
    assert "tsbackup_gui" in desktop_exec_of(desktop) or "tsbackup-gui" in desktop_exec_of(desktop)

    status = run_cli("autostart", "status", "--json", env=env)
    assert status.returncode == 0 and status.stderr == ""
    assert json.loads(status.stdout) == {"autostart": True, "installed": True, "switched_off": False,
                                         "remembered": "on", "where": str(desktop),
                                         "message": f"tsbackup starts when you log in ({desktop})."}

    gone = run_cli("autostart", "off", env=env)
    assert gone.returncode == 0, gone.stderr
    assert gone.stdout.strip() == ("tsbackup no longer starts when you log in, and it will not turn this on again "
                                   "by itself.")
    assert not desktop.exists()
    assert json.loads((places().state_dir / "autostart.json").read_text())["autostart"] == "off"

    bad = run_cli("autostart", "sometimes", env=env)
    assert bad.returncode == 2 and bad.stdout == ""


# --- issue 20: the entry follows the app, is never made from a disk image, and is read back -------------------

WIN_MOVED = [r"C:\Program Files\tsbackup\tsbackup-gui.exe"]


def test_windows_entry_follows_the_app_when_it_moves(tmp_path, memory, monkeypatch):
    pretend_os(monkeypatch, "windows")
    reg = Registry()
    kw = dict(os_name="windows", home=tmp_path / "home", memory_file=memory, frozen=True, runner=reg, clock=CLOCK)
    assert ensure_autostart(argv=WIN_APP, **kw) == "enabled"
    assert ensure_autostart(argv=WIN_MOVED, **kw) == "refreshed"  # an update installed it elsewhere
    assert reg.values == {"tsbackup": r'"C:\Program Files\tsbackup\tsbackup-gui.exe"'}
    assert ensure_autostart(argv=WIN_MOVED, **kw) == "already"
    assert json.loads(memory.read_text())["how"] == "moved"


def test_windows_task_manager_switch_is_read_back_and_shown_in_the_status(tmp_path, memory, monkeypatch):
    from tsbackup_gui.core.platform.autostart_first_run import problem
    from tsbackup_gui.core.status.facts import autostart_problem
    from tsbackup_gui.core.status.model import compute_status
    from tsbackup_gui.core.status.state import StatusFacts
    from tsbackup_gui.core.store.config import Config

    pretend_os(monkeypatch, "windows")
    reg = Registry()
    kw = dict(os_name="windows", home=tmp_path / "home", argv=WIN_APP, memory_file=memory, frozen=True, runner=reg)
    assert ensure_autostart(**kw) == "enabled"
    reg.other[(autostart.APPROVED_KEY, "tsbackup")] = ("REG_BINARY", "030000000C1B8A5F2D6BD901")  # switched off
    assert ensure_autostart(**kw) == "switched-off"
    state = autostart_status(os_name="windows", home=tmp_path / "home", memory_file=memory, runner=reg)
    assert (state.installed, state.switched_off, state.enabled) == (True, True, False)
    assert state.message().id == "autostart.switched_off"
    assert problem(memory).english().startswith("tsbackup does not start when you log in: its start at login is "
                                                "switched off in the system's settings")
    config = Config(source="/s", primary="/p", computer="PC", setup_id="x")
    status = compute_status(config, [], CLOCK.now(), StatusFacts(autostart_problem=autostart_problem(places())))
    assert "autostart.switched_off" in [r.code for r in status.reasons]

    reg.other[(autostart.APPROVED_KEY, "tsbackup")] = ("REG_BINARY", "020000000000000000000000")  # on again
    assert ensure_autostart(**kw) == "already" and problem(memory) is None


@pytest.mark.parametrize("where", ["/Volumes/tsbackup/tsbackup.app/Contents/MacOS/tsbackup-gui",
                                   "/private/var/folders/x1/T/AppTranslocation/4F1C-2B/d/tsbackup.app/Contents/MacOS/"
                                   "tsbackup-gui"])
def test_macos_from_a_disk_image_writes_no_entry_and_says_move_to_applications(tmp_path, memory, monkeypatch, where):
    from tsbackup_gui.core.errors import UserError
    from tsbackup_gui.core.platform.autostart_first_run import problem

    pretend_os(monkeypatch, "macos")
    home = tmp_path / "Users" / "anna"
    kw = dict(os_name="macos", home=home, argv=[where], memory_file=memory)
    assert ensure_autostart(frozen=True, **kw) == "move-first"
    assert not (home / "Library" / "LaunchAgents").exists()
    assert problem(memory).english() == (f"Move tsbackup to Applications first: it runs from {where}, which is gone "
                                         "after a restart, so it cannot start when you log in from there.")
    with pytest.raises(UserError) as caught:
        set_autostart(True, **kw)
    assert caught.value.message.id == "autostart.move_first" and not (home / "Library" / "LaunchAgents").exists()
    # moved to Applications: the first start there registers, and the problem is gone
    assert ensure_autostart(frozen=True, **dict(kw, argv=MAC_APP)) == "enabled" and problem(memory) is None


def test_macos_login_items_switch_is_read_from_launchctl(tmp_path, memory, monkeypatch):
    pretend_os(monkeypatch, "macos")
    home = tmp_path / "Users" / "anna"
    asked = []

    def launchctl(argv):
        asked.append(tuple(argv))
        text = 'disabled services = {\n\t"ch.tsbackup.app" => disabled\n}\n'
        return subprocess.CompletedProcess(list(argv), 0, text, "")

    kw = dict(os_name="macos", home=home, argv=MAC_APP, memory_file=memory, frozen=True, runner=launchctl, uid=501)
    assert ensure_autostart(**kw) == "enabled"
    assert ensure_autostart(**kw) == "switched-off"
    assert asked == [("launchctl", "print-disabled", "gui/501")]
    agent = home / "Library" / "LaunchAgents" / "ch.tsbackup.app.plist"
    moved = ["/Applications/Tools/tsbackup.app/Contents/MacOS/tsbackup-gui"]
    assert ensure_autostart(**dict(kw, argv=moved)) == "switched-off"  # refreshed, and still switched off
    assert plistlib.loads(agent.read_bytes())["ProgramArguments"] == moved


def test_linux_hidden_entry_counts_as_switched_off(tmp_path, memory):
    xdg = tmp_path / "xdg"
    kw = dict(os_name="linux", home=tmp_path / "home", argv=LINUX_APP, memory_file=memory, frozen=True,
              xdg_config_home=xdg)
    assert ensure_autostart(**kw) == "enabled"
    desktop = xdg / "autostart" / "tsbackup.desktop"
    desktop.write_text(desktop.read_text().replace("X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-enabled=false"))
    assert ensure_autostart(**kw) == "switched-off"


def test_windows_start_at_login_through_a_stand_in_reg_program(tmp_path, memory, monkeypatch):
    """The same through a real process: a stand-in `reg` records what reg.exe would be handed."""
    import os_stand_ins as stand_ins

    pretend_os(monkeypatch, "windows")
    folder, calls = tmp_path / "bin", tmp_path / "calls.jsonl"
    stand_ins.install(folder, calls, ("reg",))
    runner = stand_ins.runner_on(folder)
    kw = dict(os_name="windows", home=tmp_path / "home", argv=WIN_APP, memory_file=memory, frozen=True, runner=runner)
    assert ensure_autostart(**kw) == "enabled"
    subprocess.run([str(folder / "reg"), "add", autostart.APPROVED_KEY, "/v", "tsbackup", "/t", "REG_BINARY",
                    "/d", "030000000C1B8A5F2D6BD901", "/f"], check=True)
    assert ensure_autostart(**kw) == "switched-off"
    assert stand_ins.argvs(calls)[-2:] == [["reg", "query", autostart.RUN_KEY, "/v", "tsbackup"],
                                           ["reg", "query", autostart.APPROVED_KEY, "/v", "tsbackup"]]
    assert stand_ins.argvs(calls)[1] == ["reg", "add", autostart.RUN_KEY, "/v", "tsbackup", "/t", "REG_SZ", "/d",
                                         r'"C:\Users\Anna Muster\AppData\Local\Programs\tsbackup\tsbackup-gui.exe"',
                                         "/f"]
