"""Forgetting a setup: settings, keyring entries, OS task and autostart go; the generations on the
drive and the off-site repository stay byte for byte; the history is kept aside."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring
from zoneinfo import ZoneInfo

from test_restic_support import new_repo

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store import locks
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.setup.forget import forget_setup
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.run.backup import run_backup
from tsbackup_gui.core.places import places
from tsbackup_gui.core.platform import ostask
from tsbackup_gui.core.offsite.secret_names import secret_names
from tsbackup_gui.core.store.secrets import SERVICE, SecretStore
from tsbackup_gui.core.setup.configure import SetupOptions, configure

ZH = ZoneInfo("Europe/Zurich")
NOW = datetime(2026, 11, 27, 9, 0, tzinfo=ZH)


def tree_hash(root: Path) -> str:
    """One hash over every path, mode, link target and file content under `root`."""
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted([*dirs, *files]):
            path = Path(folder) / name
            info = path.lstat()
            digest.update(f"{path.relative_to(root)}|{info.st_mode}|{info.st_mtime_ns}\n".encode())
            if path.is_file() and not path.is_symlink():
                digest.update(path.read_bytes())
    return digest.hexdigest()


class Recorder:
    """Stands in for systemctl/schtasks: the real ones would act on this machine's own user session."""

    def __init__(self):
        self.commands: list[tuple[str, ...]] = []

    def __call__(self, argv):
        import subprocess

        self.commands.append(tuple(argv))
        return subprocess.CompletedProcess(list(argv), 0, "", "")


@pytest.fixture
def setup_with_backups(tmp_path):
    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    (source / "timeSensor.4DD").write_bytes(os.urandom(3000))
    drive = tmp_path / "drive"
    drive.mkdir()
    config = configure(SetupOptions(str(source), str(drive), computer="PC")).config
    repo = new_repo(tmp_path / "offsite")
    config.secondary = {"kind": "folder", "repo": str(repo)}
    config_mod.save(config)
    assert run_backup(config, clock=FixedClock(NOW)).outcome in ("ok", "warning")
    store = SecretStore(config.setup_id)
    for name in ("repo-password", "aws-secret-access-key", "rest-password", "ssh-key-passphrase"):
        store.set(name, f"secret-{name}")
    SecretStore("another-setup").set("repo-password", "not ours")
    return config, drive, repo


def test_forget_removes_settings_secrets_and_os_entries_but_no_backup(setup_with_backups, tmp_path, test_keyring):
    config, drive, repo = setup_with_backups
    drive_before, repo_before = tree_hash(drive), tree_hash(repo)
    home = tmp_path / "home"
    units = ostask.systemd_dir(home, home / ".config")
    units.mkdir(parents=True)
    (units / f"{ostask.UNIT}.timer").write_text("[Timer]\n")
    (units / f"{ostask.UNIT}.service").write_text("[Service]\n")
    desktop = home / ".config" / "autostart" / "tsbackup.desktop"
    desktop.parent.mkdir(parents=True)
    desktop.write_text("[Desktop Entry]\n")
    runner = Recorder()
    with pytest.raises(UserError) as refused:  # the recovery sheet was never confirmed: the password is only here
        forget_setup(now=NOW, home=home, os_name="linux", runner=runner)
    assert refused.value.exit_code == 2
    assert refused.value.message.english().startswith("The password of the off-site backups is stored only on this")
    assert places().config_file.exists() and test_keyring.store and runner.commands == []

    result = forget_setup(now=NOW, home=home, os_name="linux", runner=runner, i_have_the_password=True)

    assert result.forgotten and result.problems == []
    assert tree_hash(drive) == drive_before and tree_hash(repo) == repo_before
    assert not places().config_file.exists()
    assert config_mod.load() is None
    assert sorted(result.secrets_removed) == sorted(["repo-password", "aws-secret-access-key", "rest-password",
                                                     "ssh-key-passphrase"])
    assert [key for key in test_keyring.store if key[1].startswith(config.setup_id)] == []
    assert test_keyring.store == {(SERVICE, "another-setup:repo-password"): "not ours"}
    assert result.task_removed and result.autostart_removed
    assert not (units / f"{ostask.UNIT}.timer").exists() and not desktop.exists()
    assert ("systemctl", "--user", "disable", "--now", f"{ostask.UNIT}.timer") in runner.commands
    kept = places().state_dir / "history-forgotten-20261127.sqlite"
    assert result.history_kept == str(kept) and not places().history_db.exists()
    (attempt,) = History(kept).attempts()
    assert attempt.outcome in ("ok", "warning") and attempt.generation
    sentences = [m.english() for m in result.messages()]
    assert sentences[:3] == [
        "This setup was forgotten: the settings and stored passwords were removed. The backups were not touched.",
        f"The backups remain on the backup drive in {drive / 'timeSensor Backups' / 'PC'}.",
        f"The off-site backups remain at {repo}; the recovery sheet holds their password.",
    ]


def test_nothing_installed_nothing_run_and_a_running_backup_blocks(setup_with_backups, tmp_path):
    runner = Recorder()
    lock = locks.state_lock(places().lock_file)
    try:
        with pytest.raises(UserError) as caught:
            forget_setup(now=NOW, home=tmp_path / "empty-home", os_name="linux", runner=runner)
        assert caught.value.exit_code == 6
    finally:
        lock.release()
    assert config_mod.load() is not None  # nothing was removed under a running backup
    config = config_mod.require()
    config.recovery_sheet_confirmed = "2026-11-20"  # a confirmed sheet holds the password: no refusal
    config_mod.save(config)
    result = forget_setup(now=NOW, home=tmp_path / "empty-home", os_name="linux", runner=runner)
    assert runner.commands == [] and not result.task_removed and not result.autostart_removed
    again = forget_setup(now=NOW, home=tmp_path / "empty-home", os_name="linux", runner=runner)
    assert not again.forgotten
    assert [m.english() for m in again.messages()] == ["There is no backup setup on this computer. Nothing was removed."]


def test_forget_command(tmp_path, run_cli, cli_env, monkeypatch):
    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    (source / "timeSensor.4DD").write_bytes(b"data" * 100)
    drive = tmp_path / "drive"
    drive.mkdir()
    assert run_cli("setup", "--source", source, "--primary", drive, "--computer", "PC").returncode == 0
    assert run_cli("run").returncode in (0, 1)
    setup_id = json.loads(places().config_file.read_text())["setup_id"]
    monkeypatch.setenv("XDG_DATA_HOME", cli_env["XDG_DATA_HOME"])
    PlaintextKeyring().set_password(SERVICE, f"{setup_id}:repo-password", "geheim")
    before = tree_hash(drive)

    # The child's home is a test folder: forget must never reach this machine's own task or autostart.
    home = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config")}
    asked = run_cli("forget", env=home)
    assert asked.returncode == 2 and asked.stdout == ""
    assert asked.stderr.strip() == ("This removes the backup settings, the stored passwords and the scheduled task of "
                                    "this computer, but no backups; repeat with --yes to do it.")
    assert places().config_file.exists()

    done = run_cli("forget", "--yes", env=home)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:2] == [
        "This setup was forgotten: the settings and stored passwords were removed. The backups were not touched.",
        f"The backups remain on the backup drive in {drive / 'timeSensor Backups' / 'PC'}."]
    assert tree_hash(drive) == before
    assert all(PlaintextKeyring().get_password(SERVICE, f"{setup_id}:{name}") is None for name in secret_names())
    status = run_cli("status")
    assert (status.returncode, status.stdout.strip()) == (3, "The backup is not set up yet. Run the setup first.")


def test_forget_command_refuses_while_the_password_exists_only_here(tmp_path, run_cli, cli_env, monkeypatch):
    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    (source / "timeSensor.4DD").write_bytes(b"data" * 100)
    drive = tmp_path / "drive"
    drive.mkdir()
    assert run_cli("setup", "--source", source, "--primary", drive, "--computer", "PC").returncode == 0
    config = config_mod.require()
    config.secondary = {"kind": "folder", "repo": str(tmp_path / "offsite")}
    config_mod.save(config)
    monkeypatch.setenv("XDG_DATA_HOME", cli_env["XDG_DATA_HOME"])
    PlaintextKeyring().set_password(SERVICE, f"{config.setup_id}:repo-password", "generated-password-43")
    home = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config")}

    refused = run_cli("forget", "--yes", env=home)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.strip() == (
        "The password of the off-site backups is stored only on this computer and the recovery sheet was never "
        "confirmed, so forgetting now would make the off-site backups unreadable. Print the recovery sheet first "
        "with tsbackup recovery-sheet --to FILE.pdf, or add --i-have-the-password.")
    assert places().config_file.exists()
    assert PlaintextKeyring().get_password(SERVICE, f"{config.setup_id}:repo-password") == "generated-password-43"

    done = run_cli("forget", "--yes", "--i-have-the-password", env=home)
    assert done.returncode == 0, done.stderr
    assert not places().config_file.exists()
