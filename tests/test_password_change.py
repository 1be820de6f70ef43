"""Changing the off-site password with the real restic: old snapshots stay readable with the new
password, the old one is refused, and a failure half-way leaves the old password working and stored."""

from __future__ import annotations

import json
import stat
import tempfile
from pathlib import Path

import pytest

from test_offsite_setup_support import config_of, make_world, setup_cli, stored_password
from test_restic_support import PASSWORD, new_repo, raw_restic, tree_bytes

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.offsite.password_change import change_password
from tsbackup_gui.core.offsite.upload import PASSWORD_SECRET
from tsbackup_gui.core.store.secrets import SecretStore

NEW = "Neues-Kanzlei-Passwort-2027"


def keys(repo: Path, cache: Path, password: str) -> list[dict]:
    done = raw_restic(repo, cache, "key", "list", "--json", password=password)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def opens(repo: Path, cache: Path, password: str) -> bool:
    return raw_restic(repo, cache, "cat", "config", password=password).returncode == 0


@pytest.mark.slow
def test_change_with_the_real_command_keeps_old_snapshots_restorable(run_cli, cli_env, tmp_path, tsbackup_home,
                                                                     monkeypatch):
    source, drive = make_world(tmp_path)
    repo = tmp_path / "nas" / "repo"
    repo.parent.mkdir()
    old = "Altes-Kanzlei-Passwort-2026"
    assert setup_cli(run_cli, source, drive, "--secondary", repo, "--password-stdin", input=old + "\n").returncode == 0
    config = config_of(tsbackup_home)
    config["recovery_sheet_confirmed"] = "2026-11-01"
    (tsbackup_home / "config" / "config.json").write_text(json.dumps(config), encoding="utf-8")
    for _ in range(2):
        run = run_cli("run")
        assert run.returncode == 0, run.stdout + run.stderr
    cache = tmp_path / "cache"
    before = json.loads(raw_restic(repo, cache, "snapshots", "--json", password=old).stdout)
    assert len(before) == 2

    changed = run_cli("password", "--new-password-stdin", input=NEW + "\n")
    assert changed.returncode == 0, changed.stderr
    assert changed.stdout.strip() == ("The off-site password was changed. Print the new recovery sheet "
                                      "(tsbackup recovery-sheet --to FILE.pdf), store it safely and destroy the old one.")
    assert stored_password(cli_env, config["setup_id"], monkeypatch) == NEW
    assert config_of(tsbackup_home)["recovery_sheet_confirmed"] is None  # the status asks for a new sheet
    after = json.loads(raw_restic(repo, cache, "snapshots", "--json", password=NEW).stdout)
    assert [s["id"] for s in after] == [s["id"] for s in before]
    refused = raw_restic(repo, cache, "snapshots", password=old)
    assert refused.returncode != 0 and "wrong password" in refused.stderr
    assert len(keys(repo, cache, NEW)) == 1

    status = json.loads(run_cli("status", "--json").stdout)
    assert "status.recovery_sheet" in [r["code"] for r in status["reasons"]]
    for snapshot in after:  # every old snapshot restores with the new password (the one in the keyring)
        to = tmp_path / f"restored-{snapshot['short_id']}"
        restored = run_cli("restore", "--from", "secondary", "--snapshot", snapshot["id"], "--to", to)
        assert restored.returncode == 0, restored.stdout + restored.stderr
        assert tree_bytes(to / "timeSensor DataFiles") == tree_bytes(source)


# -- in-process: refusals and failures half-way --------------------------------------------------


@pytest.fixture
def folder_setup(tmp_path):
    repo = new_repo(tmp_path / "repo")
    config = Config(source=str(tmp_path / "src"), primary=str(tmp_path / "drive"),
                    secondary={"kind": "folder", "repo": str(repo)}, recovery_sheet_confirmed="2026-11-01")
    config_mod.save(config)
    SecretStore(config.setup_id).set(PASSWORD_SECRET, PASSWORD)
    return config, repo, tmp_path / "cache"


def assert_untouched(config: Config, repo: Path, cache: Path) -> None:
    assert opens(repo, cache, PASSWORD) and not opens(repo, cache, NEW)
    assert len(keys(repo, cache, PASSWORD)) == 1  # the new key was taken out again
    assert SecretStore(config.setup_id).get(PASSWORD_SECRET) == PASSWORD
    assert config_mod.require().recovery_sheet_confirmed == "2026-11-01"


def wrapper(tmp_path: Path, fail_on: str) -> Path:
    """A restic that logs its arguments and fails the first `key <fail_on>`: a real process failing half-way."""
    script = tmp_path / "restic-wrapper"
    log = tmp_path / "argv.log"
    once = tmp_path / "failed-once"
    real = raw_restic.__globals__["RESTIC"]
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> "{log}"\n'
        f'if [ ! -e "{once}" ] && echo "$@" | grep -q "key {fail_on}"; then\n'
        f'  touch "{once}"; echo "Fatal: injected failure" >&2; exit 1\n'
        "fi\n"
        f'exec "{real}" "$@"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_a_failing_key_remove_leaves_the_old_password_working_and_stored(folder_setup, tmp_path, monkeypatch):
    config, repo, cache = folder_setup
    monkeypatch.setenv("TSBACKUP_RESTIC", str(wrapper(tmp_path, "remove")))
    private_tmp = tmp_path / "tmp"  # this test's own temp folder: another run on the machine has its own
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    with pytest.raises(UserError) as caught:
        change_password(config, NEW)
    assert caught.value.message.id == "password.not_changed"
    assert caught.value.message.english().endswith("The old password still works and is still stored.")
    assert_untouched(config, repo, cache)
    argv = (tmp_path / "argv.log").read_text()
    assert "key add --new-password-file" in argv and NEW not in argv and PASSWORD not in argv
    assert list(private_tmp.iterdir()) == []  # the key file and its folder went at once


def test_a_keyring_that_refuses_the_new_password_changes_nothing(folder_setup):
    config, repo, cache = folder_setup

    class Refusing(SecretStore):
        def set(self, name, value):
            from tsbackup_gui.core.store.secrets import KEYRING_FAILED

            raise UserError(KEYRING_FAILED(reason="Locked"))

    with pytest.raises(UserError) as caught:
        change_password(config, NEW, secrets=Refusing(config.setup_id))
    assert caught.value.message.english() == ("The off-site password was not changed (The password store refused access "
                                              "(Locked). Unlock it and try again.). The old password still works and is still stored.")
    assert_untouched(config, repo, cache)


def test_in_process_change_succeeds(folder_setup):
    config, repo, cache = folder_setup
    change_password(config, NEW)
    assert opens(repo, cache, NEW) and not opens(repo, cache, PASSWORD)
    assert SecretStore(config.setup_id).get(PASSWORD_SECRET) == NEW
    assert config.recovery_sheet_confirmed is None and config_mod.require().recovery_sheet_confirmed is None


@pytest.mark.parametrize("secondary, password, sentence", [
    ({"kind": "external", "text": "NAS copy"}, NEW,
     "The off-site copy is made outside this program, so its password is changed there, not here."),
    ({"kind": "rest", "repo": "rest:https://backup.example.ch/pc", "append_only": True}, NEW,
     "The off-site server only allows adding data (append-only), so the old password cannot be removed from it; "
     "ask the server's administrator to change the password."),
    (None, NEW, "There is no off-site backup set up, so there is no off-site password to change."),
    ({"kind": "folder", "repo": "/nas/repo"}, "kurz", "The new password is too short. Use at least 12 characters."),
    ({"kind": "folder", "repo": "/nas/repo"}, " Leerzeichen-vorne-2026",
     "The new password cannot start or end with a space or contain a line break. Choose another one."),
    ({"kind": "folder", "repo": "/nas/repo"}, PASSWORD, "The new password is the same as the current one. Nothing was changed."),
])
def test_refusals(secondary, password, sentence):
    config = Config(source="/src", primary="/dst", secondary=secondary)
    SecretStore(config.setup_id).set(PASSWORD_SECRET, PASSWORD)
    with pytest.raises(UserError) as caught:
        change_password(config, password)
    assert (caught.value.exit_code, caught.value.message.english()) == (2, sentence)


def test_password_command_needs_stdin(run_cli):
    done = run_cli("password")
    assert done.returncode == 2
    assert done.stderr.strip() == ("Give the new password on standard input with --new-password-stdin; "
                                   "it is never taken from the command line.")


def test_a_running_backup_blocks_the_change_and_a_stale_config_is_not_saved(folder_setup):
    from tsbackup_gui.core.store import locks
    from tsbackup_gui.core.places import places

    config, repo, cache = folder_setup
    lock = locks.state_lock(places().lock_file)
    try:
        with pytest.raises(UserError) as caught:
            change_password(config, NEW)
        assert caught.value.exit_code == 6
        assert caught.value.message.english() == "Another backup is running. Wait until it has finished, then try again."
    finally:
        lock.release()
    assert_untouched(config, repo, cache)
    later = config_mod.require()
    later.paused_until = "2026-11-30T00:00:00+01:00"  # saved by another dialog after ours loaded the config
    config_mod.save(later)
    change_password(config, NEW)
    stored = config_mod.require()
    assert stored.paused_until == "2026-11-30T00:00:00+01:00" and stored.recovery_sheet_confirmed is None
