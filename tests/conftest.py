"""Shared test set-up: offscreen Qt, a private TSBACKUP_HOME, an in-memory keyring,
and a helper that runs the real `tsbackup` command in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402
from keyring.errors import PasswordDeleteError  # noqa: E402


class MemoryKeyring(KeyringBackend):
    """A keyring that lives as long as one test; nothing reaches the real OS store."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


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
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def cli_env(tmp_path, tsbackup_home):
    """Environment for child processes: same home, keyrings.alt's file backend in tmp."""
    env = dict(os.environ)
    env["TSBACKUP_HOME"] = str(tsbackup_home)
    env["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    env["LANG"] = "C.UTF-8"
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    return env


@pytest.fixture
def run_cli(cli_env):
    """Runs `tsbackup ARGS` as a real process; returns the CompletedProcess (text)."""

    def run(*args: str, env: dict[str, str] | None = None, input: str | None = None, timeout: float = 120):
        full_env = dict(cli_env)
        if env:
            full_env.update(env)
        return subprocess.run(
            [sys.executable, "-m", "tsbackup_gui.cli", *map(str, args)],
            env=full_env, input=input, capture_output=True, text=True, timeout=timeout,
        )

    return run


REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True, scope="session")
def _one_qt_application(qapp):
    """One QApplication for the whole run, made first: code under test that renders a PDF creates
    a QGuiApplication when none exists, and a later widget test cannot live with that one."""
    return qapp


@pytest.fixture
def spawn():
    """Starts real processes (`processes.Spawner`); every one is killed when the test ends."""
    from processes import Spawner

    spawner = Spawner()
    yield spawner
    spawner.kill_all()
