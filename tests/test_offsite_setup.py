"""`tsbackup setup --secondary`: open or create the repository, the password's way, nothing changed on failure."""

from __future__ import annotations

import json
import re

import keyring
import keyring.errors
import pytest

from test_offsite_setup_support import (COMPUTER, config_file, config_of, files_containing, keyring_file, make_world,
                                        one_sentence, setup_cli, stored_password)
from test_restic_support import PASSWORD, new_repo, raw_restic

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.store.secrets import SecretStore
from tsbackup_gui.core.setup.configure import SetupOptions, configure
from tsbackup_gui.core.setup.offsite import parse_limit, target_kind


@pytest.fixture
def world(tmp_path):
    return make_world(tmp_path)


def test_existing_repository_is_opened_with_the_password_from_stdin(run_cli, cli_env, world, tmp_path, tsbackup_home,
                                                                    monkeypatch):
    source, drive = world
    repo = new_repo(tmp_path / "nas" / "tsbackup")

    result = setup_cli(run_cli, source, drive, "--secondary", repo, "--password-stdin", "--limit-upload", "2048",
                       input=PASSWORD + "\r\n")

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == f"The existing off-site backup at {repo} is used; its password was accepted."
    stored = config_of(tsbackup_home)
    assert stored["secondary"]["kind"] == "folder" and stored["secondary"]["repo"] == str(repo)
    assert stored["secondary"]["limit_upload_kib"] == 2048
    assert stored_password(cli_env, stored["setup_id"], monkeypatch) == PASSWORD  # the line ending is not part of it
    assert files_containing(tsbackup_home, PASSWORD.encode()) == []
    assert PASSWORD not in result.stdout + result.stderr


def test_wrong_password_for_an_existing_repository_changes_nothing(run_cli, cli_env, world, tmp_path, tsbackup_home):
    source, drive = world
    repo = new_repo(tmp_path / "nas" / "tsbackup")
    assert setup_cli(run_cli, source, drive, "--secondary", repo, "--password-stdin", input=PASSWORD + "\n").returncode == 0
    config_before = config_file(tsbackup_home).read_bytes()
    keyring_before = keyring_file(cli_env).read_bytes()
    other = new_repo(tmp_path / "nas2" / "tsbackup")

    for target in (repo, other):  # the same repository, and one another setup would switch to
        result = setup_cli(run_cli, source, drive, "--secondary", target, "--password-stdin", "--time", "07:00",
                           input="Not-The-Password-42\n")
        assert result.returncode == 2
        assert one_sentence(result) == (
            f"The password does not open the off-site backup at {target}. Give the password from the recovery sheet; "
            "nothing was changed."
        )
        assert config_file(tsbackup_home).read_bytes() == config_before
        assert keyring_file(cli_env).read_bytes() == keyring_before


def test_wrong_password_on_a_first_setup_writes_nothing(run_cli, cli_env, world, tmp_path, tsbackup_home):
    source, drive = world
    repo = new_repo(tmp_path / "nas" / "tsbackup")
    result = setup_cli(run_cli, source, drive, "--secondary", repo, "--password-stdin", input="Not-The-Password-42\n")
    assert result.returncode == 2 and "does not open the off-site backup" in one_sentence(result)
    assert not config_file(tsbackup_home).exists()
    assert not keyring_file(cli_env).exists()
    assert not (drive / "timeSensor Backups").exists()


def test_a_new_repository_gets_a_generated_password_that_is_never_shown(run_cli, cli_env, world, tmp_path,
                                                                        tsbackup_home, monkeypatch):
    source, drive = world
    repo = tmp_path / "nas" / "tsbackup"
    repo.parent.mkdir()

    result = setup_cli(run_cli, source, drive, "--secondary", repo)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        (f"No off-site backup existed at {repo}, so a new, encrypted one was created there. "
        "If you meant an existing one, check the address: a typing error creates a new, empty backup."),
        "Its password was generated and stored in this computer's password store. Print the recovery sheet "
        "(tsbackup recovery-sheet --to FILE.pdf) and keep it away from this computer: without that password the "
        "off-site backup cannot be restored.",
    ]
    stored = config_of(tsbackup_home)
    password = stored_password(cli_env, stored["setup_id"], monkeypatch)
    assert re.fullmatch(r"[a-km-np-z2-9]{5}(-[a-km-np-z2-9]{5}){5}", password), "six groups of five readable letters"
    assert password not in result.stdout + result.stderr
    assert files_containing(tsbackup_home, password.encode()) == []
    assert stored["recovery_sheet_confirmed"] is None
    assert raw_restic(repo, tmp_path / "cache", "cat", "config", password=password).returncode == 0

    status = run_cli("status", "--json")
    report = json.loads(status.stdout)
    assert status.returncode == 1 and report["state"] == "warning"
    assert "status.recovery_sheet" in [reason["code"] for reason in report["reasons"]]
    assert "reminder.recovery_sheet" in [reminder["code"] for reminder in report["reminders"]]


def test_existing_repository_without_a_password_is_refused(run_cli, cli_env, world, tmp_path, tsbackup_home):
    source, drive = world
    repo = new_repo(tmp_path / "nas" / "tsbackup")
    result = setup_cli(run_cli, source, drive, "--secondary", repo)
    assert result.returncode == 2
    assert one_sentence(result) == (
        f"There is already an off-site backup at {repo}. Give its password with --password-stdin "
        "(it is on the recovery sheet); nothing was changed."
    )
    assert not config_file(tsbackup_home).exists() and not keyring_file(cli_env).exists()


def test_rerun_keeps_the_off_site_setup_and_uses_the_stored_password(run_cli, cli_env, world, tmp_path, tsbackup_home,
                                                                    monkeypatch):
    source, drive = world
    repo = new_repo(tmp_path / "nas" / "tsbackup")
    assert setup_cli(run_cli, source, drive, "--secondary", repo, "--password-stdin", input=PASSWORD + "\n").returncode == 0
    first = config_of(tsbackup_home)

    plain = setup_cli(run_cli, source, drive, "--time", "07:15")  # no --secondary: the off-site setup stays
    assert plain.returncode == 0, plain.stderr
    assert config_of(tsbackup_home)["secondary"] == first["secondary"]

    again = setup_cli(run_cli, source, drive, "--secondary", repo)  # existing repository, the stored password
    assert again.returncode == 0, again.stderr
    assert config_of(tsbackup_home)["secondary"]["since"] == first["secondary"]["since"]

    limited = setup_cli(run_cli, source, drive, "--limit-upload", "512")  # the limit alone, for the one set up
    assert limited.returncode == 0, limited.stderr
    assert config_of(tsbackup_home)["secondary"]["limit_upload_kib"] == 512
    assert stored_password(cli_env, first["setup_id"], monkeypatch) == PASSWORD


def test_targets_that_cannot_be_used_are_one_sentence_and_change_nothing(run_cli, cli_env, world, tmp_path,
                                                                        tsbackup_home):
    source, drive = world
    busy = tmp_path / "share"
    busy.mkdir()
    (busy / "Fotos.zip").write_bytes(b"not a repository")
    a_file = tmp_path / "a-file"
    a_file.write_bytes(b"x")
    cases = {
        str(tmp_path / "mnt" / "nas" / "tsbackup"): (
            f"The folder {tmp_path / 'mnt' / 'nas'} does not exist, so the off-site backup cannot be placed at "
            f"{tmp_path / 'mnt' / 'nas' / 'tsbackup'}. Connect the drive or network share (or create the folder), "
            "then run the setup again."
        ),
        str(busy): f"The folder {busy} holds other files and no off-site backup. Name a new or empty folder for the off-site backup.",
        str(a_file): f"{a_file} is a file, not a folder. Name a folder for the off-site backup.",
        str(source / "offsite"): f"The off-site backup {source / 'offsite'} would lie inside the data folder {source}. "
                                 "Choose a folder on another drive or computer.",
        "b2:kanzlei-bucket:tsbackup": "Off-site targets of the kind 'b2' are not supported yet. Give a folder "
                                      "(a network share or a drive) or external:DESCRIPTION.",
        "external:  ": "Say after external: how the off-site copy is made, for example external:NAS copy to the "
                       "partner's office.",
    }
    for target, sentence in cases.items():
        result = setup_cli(run_cli, source, drive, "--secondary", target)
        assert result.returncode == 2, target
        assert one_sentence(result) == sentence
    assert not (tmp_path / "mnt").exists()  # nothing created on the local disk instead of the missing share
    assert sorted(p.name for p in busy.iterdir()) == ["Fotos.zip"]
    assert not config_file(tsbackup_home).exists() and not keyring_file(cli_env).exists()

    for extra, sentence in (
        (("--secondary", str(tmp_path / "n"), "--limit-upload", "fast"),
         "--limit-upload needs the upload limit in KiB/s as a whole number (0 for no limit), not 'fast'."),
        (("--password-stdin",), "--password-stdin belongs to an off-site backup: give --secondary as well."),
        (("--secondary", "external:NAS", "--password-stdin"),
         "--password-stdin cannot be used with external: this program does not make that off-site copy."),
    ):
        result = setup_cli(run_cli, source, drive, *extra, input="x\n")
        assert result.returncode == 2 and one_sentence(result) == sentence
    empty = setup_cli(run_cli, source, drive, "--secondary", tmp_path / "n", "--password-stdin", input="\n")
    assert empty.returncode == 2 and one_sentence(empty).startswith("No password arrived on standard input.")
    assert not (tmp_path / "n").exists()


def test_external_is_stored_without_restic_or_password(run_cli, cli_env, world, tsbackup_home):
    source, drive = world
    result = setup_cli(run_cli, source, drive, "--secondary", "external:Synology copy to the partner's office")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == (
        "The off-site copy is made outside this program (Synology copy to the partner's office); "
        "the monthly check will ask you to confirm it."
    )
    secondary = config_of(tsbackup_home)["secondary"]
    assert secondary["kind"] == "external" and secondary["text"] == "Synology copy to the partner's office"
    assert "repo" not in secondary and not keyring_file(cli_env).exists()


# -- in-process: what survives a re-run, and a failure after `restic init` -------------------


def _options(source, drive, **values) -> SetupOptions:
    return SetupOptions(str(source), str(drive), computer=COMPUTER, **values)


def test_recovery_sheet_must_be_confirmed_again_when_the_target_or_password_changes(world, tmp_path):
    source, drive = world
    repo = new_repo(tmp_path / "nas" / "tsbackup")
    first = configure(_options(source, drive, secondary=str(repo), password=PASSWORD))
    first.config.recovery_sheet_confirmed = "2026-11-20"
    config_mod.save(first.config)

    same = configure(_options(source, drive, secondary=str(repo), password=PASSWORD, keep_daily=3))
    assert same.config.recovery_sheet_confirmed == "2026-11-20" and same.offsite.changed is False
    assert same.config.setup_id == first.config.setup_id

    other = tmp_path / "nas" / "neu"
    moved = configure(_options(source, drive, secondary=str(other)))
    assert moved.config.recovery_sheet_confirmed is None and moved.offsite.created and moved.offsite.generated
    new_password = SecretStore(first.config.setup_id).get("repo-password")
    assert new_password != PASSWORD  # a new repository gets its own password, not the stored one


class RefusingKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        raise keyring.errors.PasswordSetError("locked")

    def delete_password(self, service, username):
        raise keyring.errors.PasswordDeleteError(username)


def test_a_new_repository_is_removed_again_when_the_password_cannot_be_stored(world, tmp_path, tsbackup_home):
    source, drive = world
    repo = tmp_path / "nas" / "tsbackup"
    empty = tmp_path / "usb"
    repo.parent.mkdir()
    empty.mkdir()
    keyring.set_keyring(RefusingKeyring())  # the conftest fixture puts the file keyring back
    for target in (repo, empty):
        with pytest.raises(UserError) as caught:
            configure(_options(source, drive, secondary=str(target)))
        assert caught.value.message.id == "secrets.failed"
    assert not repo.exists()  # the folder setup made is gone
    assert empty.is_dir() and list(empty.iterdir()) == []  # the empty folder it was given is empty again
    assert not config_file(tsbackup_home).exists()


def test_target_kinds_and_limits():
    assert target_kind("/mnt/nas/tsbackup") == target_kind("local:/mnt/x") == target_kind("D:\\Backups") == "folder"
    assert target_kind("\\\\nas\\share\\tsbackup") == target_kind("relative/folder") == "folder"
    assert target_kind("sftp:it@host:/srv") == "sftp" and target_kind("S3:https://x") == "s3"
    assert target_kind("external:NAS") == "external"
    assert parse_limit("0") is None and parse_limit(" 512 ") == 512 and parse_limit(None) is None
    with pytest.raises(UserError):
        parse_limit("-5")
