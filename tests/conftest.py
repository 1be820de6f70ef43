"""Shared test set-up: offscreen Qt, a private TSBACKUP_HOME, keyrings.alt's file keyring in the
test's folder, program names of the test's own for the guard, and a helper that runs the real
`tsbackup` command in a child process."""

from __future__ import annotations

import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import uuid
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyrings.alt.escape import unescape  # noqa: E402
from keyrings.alt.file import PlaintextKeyring  # noqa: E402


class FileKeyring(PlaintextKeyring):
    """keyrings.alt's file backend (the one child processes get through PYTHON_KEYRING_BACKEND), with
    its file in the test's folder; `store` reads back every entry as (service, user) → password."""

    @property
    def store(self) -> dict[tuple[str, str], str]:
        parser = configparser.RawConfigParser()
        if os.path.exists(self.file_path):
            parser.read(self.file_path, encoding="utf-8")
        found = {}
        for section in parser.sections():
            for option in parser.options(section):
                service, user = unescape(section), unescape(option)
                found[(service, user)] = self.get_password(service, user)
        return found


def own_program_names(nodeid: str) -> list[str]:
    """A program name for the guard that only this test's own processes carry: the guard's
    machine-wide scan runs for real, and other programs on the machine (a developer's timeSensor, a
    second test run) never disturb it."""
    words = re.sub(r"[^A-Za-z0-9]+", " ", nodeid.rsplit("::", 1)[-1]).strip()[:24]
    return [f"tsbtest {uuid.uuid4().hex[:8]} {words}".strip()]


def give_config_own_names(home: Path, names: list[str]) -> bool:
    """Sets ``process_names`` in the settings under ``home`` when a setup left it to the guard's
    defaults (the built-in list with timeSensor LEGAL); True when the file was changed."""
    config_file = Path(home) / "config" / "config.json"
    try:
        data = json.loads(config_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(data, dict) or "process_names" not in data or data["process_names"] is not None:
        return False
    data["process_names"] = list(names)
    partial = config_file.with_name(config_file.name + ".tests-tmp")
    partial.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, config_file)
    return True


@pytest.fixture(autouse=True)
def tsbackup_home(tmp_path, monkeypatch):
    """Every test gets its own config/state/log folder and an English, Zurich-time process."""
    home = tmp_path / "tsbackup-home"
    monkeypatch.setenv("TSBACKUP_HOME", str(home))
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    return home


@pytest.fixture(autouse=True)
def test_keyring(tmp_path, monkeypatch):
    """keyrings.alt's file keyring for this process, in the same file child processes use
    (``$XDG_DATA_HOME/python_keyring/keyring_pass.cfg``, see `cli_env`): nothing reaches the OS store."""
    data_home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    previous = keyring.get_keyring()
    ring = FileKeyring()
    ring.file_path = str(data_home / "python_keyring" / "keyring_pass.cfg")
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def guard_names(request, monkeypatch) -> list[str]:
    """The program names this test's guard looks for. In this process the guard's built-in list
    (used when ``process_names`` is None) is replaced by a name of the test's own; `run_cli` writes the
    same name into a setup's settings for child processes. A test about the built-in list marks
    itself ``@pytest.mark.builtin_guard_names``, starts its own process under such a name, and asserts
    only what holds whatever else runs on the machine."""
    from tsbackup_gui.core.guard import processes, single_user

    names = own_program_names(request.node.nodeid)
    if request.node.get_closest_marker("builtin_guard_names") is None:
        monkeypatch.setattr(single_user, "DEFAULT_PROCESS_NAMES", tuple(names))
        monkeypatch.setattr(processes, "DEFAULT_PROCESS_NAMES", tuple(names))
    return names


@pytest.fixture(autouse=True)
def _display_zone_reset():
    """The status window's display zone is a module global (`ui.status_format.use_zone_of`): every
    test starts and ends with "this computer's zone"."""
    def reset():
        module = sys.modules.get("tsbackup_gui.ui.status_format")
        if module is not None:
            module.use_zone_of(None)

    reset()
    yield
    reset()


@pytest.fixture
def cli_env(tmp_path, tsbackup_home):
    """Environment for child processes: same home, keyrings.alt's file backend in tmp."""
    env = dict(os.environ)
    env["TSBACKUP_HOME"] = str(tsbackup_home)
    env["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")  # the file `test_keyring` uses in this process
    env["LANG"] = "C.UTF-8"
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    return env


FAKETIME = shutil.which("faketime")


def faketime_at(moment: datetime) -> list[str]:
    """A command prefix that starts a process with its clock at ``moment`` (aware), ticking on; the
    process must run with TZ=Europe/Zurich."""
    assert FAKETIME, "faketime is missing: scripts/bootstrap.sh installs it"
    assert moment.tzinfo is not None
    local = moment.astimezone(ZoneInfo("Europe/Zurich")).strftime("%Y-%m-%d %H:%M:%S")
    return [FAKETIME, "-f", f"@{local}"]


@pytest.fixture
def own_names_in_config(tsbackup_home, guard_names):
    """Call before starting `tsbackup` in a child process by hand: a setup written in this process
    (or by an earlier child) gets the test's own program names when it has none (see `guard_names`)."""

    def give(home: Path | None = None) -> None:
        give_config_own_names(home or tsbackup_home, guard_names)

    return give


@pytest.fixture
def run_cli(cli_env, guard_names):
    """Runs `tsbackup ARGS` as a real process; returns the CompletedProcess (text).

    Settings that leave the guard's program names to the built-in list get the test's own names
    (`guard_names`) before each command and right after a setup, unless ``own_names=False``."""

    def run(*args: str, env: dict[str, str] | None = None, input: str | None = None, timeout: float = 120,
            own_names: bool = True, at: datetime | None = None):
        """``at``: the command starts with its clock at this (aware) moment and lets it run on
        (faketime; the zone is Europe/Zurich then)."""
        full_env = dict(cli_env)
        if env:
            full_env.update(env)
        prefix: list[str] = []
        if at is not None:
            prefix = faketime_at(at)
            full_env["TZ"] = "Europe/Zurich"
        home = Path(full_env["TSBACKUP_HOME"])
        if own_names:
            give_config_own_names(home, guard_names)
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "tsbackup_gui.cli", *map(str, args)],
            env=full_env, input=input, capture_output=True, text=True, timeout=timeout,
        )
        if own_names:
            give_config_own_names(home, guard_names)
        return done

    return run


REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True, scope="session")
def _one_qt_application(qapp):
    """One QApplication for the whole run, made first: code under test that renders a PDF creates
    a QGuiApplication when none exists, and a later widget test cannot live with that one."""
    return qapp


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_call(item):
    """A Qt test ends when the work it started on the worker pools has ended and its results have
    reached its widgets, still inside the test (pytest-qt closes the widgets at teardown, and reports
    what the event loop raised): a refresh still running would otherwise land in a later test, on
    deleted widgets or in a pool full of another test's jobs."""
    yield
    qtbot = getattr(item, "funcargs", {}).get("qtbot")
    if qtbot is None:
        return
    from PySide6.QtCore import QThreadPool

    from tsbackup_gui.ui import worker

    pools = [pool for pool in (QThreadPool.globalInstance(), worker._long_pool) if pool is not None]
    for _ in range(100):  # a finished job may start the next (a run's end starts a refresh): until quiet
        for pool in pools:
            assert pool.waitForDone(120_000), "work the test started on a worker pool did not end"
        qtbot.wait(20)  # deliver the finished signals queued for this thread
        if all(pool.activeThreadCount() == 0 for pool in pools):
            break


@pytest.fixture
def spawn():
    """Starts real processes (`processes.Spawner`); every one is killed when the test ends."""
    from processes import Spawner

    spawner = Spawner()
    yield spawner
    spawner.kill_all()


@pytest.fixture
def speaking(qapp):
    """``speaking("de")``: the program's German (the shipped .qm) and Qt's own words installed, as the app
    installs them at start-up (the windows' ``language`` only picks the core messages' language);
    removed again when the test ends."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from tsbackup_gui.render.translate import translations_dir
    from tsbackup_gui.ui.app import install_qt_translator

    installed = []

    def speak(language: str) -> None:
        if language == "en":
            return
        ours = QTranslator()
        assert ours.load(f"tsbackup_{language}", str(translations_dir()))
        QCoreApplication.installTranslator(ours)
        installed.extend([ours, install_qt_translator(qapp, language)])

    yield speak
    for translator in installed:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
