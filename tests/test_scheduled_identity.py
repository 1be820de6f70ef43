"""One identity for secrets: the OS task starts the app's own executable with the command's arguments
(macOS reads a Keychain item without a question only for the binary that made it), the app hands such
arguments to the command without starting Qt, and a password store that refuses is a sentence, never
a question nobody answers."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tsbackup_gui.core.platform.commands import task_argv
from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.secrets import SECURITY_FRAMEWORK, forbid_prompts

RAISING_KEYRING = '''
import keyring.backend
import keyring.errors


class Keyring(keyring.backend.KeyringBackend):
    """A password store that refuses, as the macOS Keychain does for another binary when asking is not allowed."""
    priority = 1

    def get_password(self, service, username):
        raise {error}

    def set_password(self, service, username, password):
        raise {error}

    def delete_password(self, service, username):
        raise {error}
'''


def test_the_task_runs_the_app_binary_in_an_installed_app():
    mac = task_argv(env={}, frozen=True, executable="/Applications/tsbackup.app/Contents/MacOS/tsbackup", windows=False)
    assert mac == ["/Applications/tsbackup.app/Contents/MacOS/tsbackup-gui"]
    win = task_argv(env={}, frozen=True, executable=r"C:\Program Files\tsbackup\tsbackup.exe", windows=True)
    assert win == [r"C:\Program Files\tsbackup\tsbackup-gui.exe"]
    assert task_argv(env={"APPIMAGE": "/opt/tsbackup.AppImage"}, frozen=True) == ["/opt/tsbackup.AppImage", "tsbackup"]


def test_the_app_hands_a_command_to_the_cli_without_qt(cli_env):
    code = ("import sys; sys.argv = ['tsbackup-gui', '--home', sys.argv[1], 'status', '--json'];"
            "import tsbackup_gui.__main__ as app; rc = app.main();"
            "print('qt' if 'PySide6' in sys.modules else 'no-qt', rc)")
    done = subprocess.run([sys.executable, "-c", code, str(cli_env["TSBACKUP_HOME"])], env=cli_env,
                          capture_output=True, text=True, timeout=60)
    lines = done.stdout.strip().splitlines()
    assert '"state": "not-configured"' in lines[0]
    assert lines[-1] == "no-qt 3", done.stderr


def test_a_windowed_app_without_standard_streams_still_runs_the_command(cli_env):
    code = ("import sys; sys.stdout = sys.stderr = sys.stdin = None;"
            "sys.argv = ['tsbackup-gui', 'status'];"
            "import tsbackup_gui.__main__ as app; raise SystemExit(app.main())")
    done = subprocess.run([sys.executable, "-c", code], env=cli_env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 3 and "Traceback" not in done.stderr


def test_keychain_questions_are_switched_off_on_macos_only():
    seen = []

    class Security:
        def SecKeychainSetUserInteractionAllowed(self, allowed):  # noqa: N802 - Apple's name
            seen.append(allowed)
            return 0

    def load(path):
        assert path == SECURITY_FRAMEWORK
        return Security()

    assert forbid_prompts(macos=True, load=load) is True and seen == [0]
    assert forbid_prompts(macos=False, load=load) is False and seen == [0]

    def missing(path):
        raise OSError("image not found")

    assert forbid_prompts(macos=True, load=missing) is False


@pytest.mark.parametrize("error", ["keyring.errors.KeyringLocked('Keychain Access Denied')",
                                   "RuntimeError('SecItemCopyMatching: user interaction is not allowed')"])
def test_a_refusing_password_store_is_a_sentence_for_the_hourly_run(tmp_path, run_cli, cli_env, error):
    backend = tmp_path / "backend"
    backend.mkdir()
    (backend / "refusing_keyring.py").write_text(RAISING_KEYRING.format(error=error), encoding="utf-8")
    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    (source / "timeSensor.4DD").write_bytes(b"data")
    drive = tmp_path / "drive"
    drive.mkdir()
    config_mod.save(config_mod.Config(source=str(source), primary=str(drive), computer="PC", setup_id="setup-kc",
                                      secondary={"kind": "folder", "repo": str(tmp_path / "repo")}))
    env = {"PYTHON_KEYRING_BACKEND": "refusing_keyring.Keyring",
           "PYTHONPATH": f"{backend}:{cli_env.get('PYTHONPATH', '')}"}
    done = run_cli("run", "--scheduled", "--os-task", env=env, timeout=60)
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    from tsbackup_gui.core.platform import task_note

    note = task_note.read(by_task=True)
    assert (note["config"], note["keyring"]) == ("ok", "unavailable")
    ok, message = task_note.verdict(note)
    assert not ok and "cannot read the off-site password from the password store" in message.english()


def test_start_at_login_is_the_app_even_when_the_command_registers_it():
    from tsbackup_gui.core.platform.commands import gui_argv

    mac = gui_argv(env={}, frozen=True, executable="/Applications/tsbackup.app/Contents/MacOS/tsbackup", windows=False)
    assert mac == ["/Applications/tsbackup.app/Contents/MacOS/tsbackup-gui"]
    win = gui_argv(env={}, frozen=True, executable=r"C:\Programs\tsbackup\tsbackup-gui.exe", windows=True)
    assert win == [r"C:\Programs\tsbackup\tsbackup-gui.exe"]
