"""The recovery sheet in-process: what it gathers, the PDF's text in English and German (pdftotext),
S3 keys, a missing secret, a setup without an off-site copy, and its restic command restoring for real."""

from __future__ import annotations

import json
import shlex
import subprocess
from pathlib import Path

import pytest

from test_recovery_sheet_support import SHEET_PASSWORD, german, make_setup, squeezed, with_snapshot
from test_restic_support import COMPUTER, PASSWORD, RESTIC, SAMPLE, restic_env, tree_bytes
from test_verify_support import DATA, NOW, pdf_text

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.check import recovery_sheet as recovery
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.store.secrets import SecretStore
from tsbackup_gui.render.recovery_sheet import write_sheet
from tsbackup_gui.render.translate import Translator

S3_REPO = "s3:https://sos-ch-gva-2.exo.io/kanzlei-backup/tsbackup"
ACCESS_KEY = "EXO1f2e3d4c5b6a79880abcdef"
SECRET_KEY = "Zq8/xY+7wvU6tsR5qpO4nmL3kjI2hgF1edC0baZ9"


@pytest.fixture
def folder_setup(tmp_path):
    repo = tmp_path / "offsite-repo"
    config = make_setup(tmp_path, secondary={"kind": "folder", "repo": str(repo)})
    SecretStore(config.setup_id).set("repo-password", SHEET_PASSWORD)
    return config, repo


def sheet_text(config, tmp_path, translator=None, name="sheet.pdf") -> tuple[recovery.RecoverySheet, str]:
    sheet = recovery.gather(config, SecretStore(config.setup_id), now=NOW)
    path = write_sheet(sheet, tmp_path / name, translator or Translator("en"))
    return sheet, pdf_text(path)


def test_the_english_sheet_holds_everything_a_stranger_needs(folder_setup, tmp_path):
    config, repo = folder_setup
    sheet, text = sheet_text(config, tmp_path)
    primary_folder = tmp_path / "drive" / "timeSensor Backups" / COMPUTER
    assert sheet.primary_folder == str(primary_folder) and sheet.kind == "folder" and sheet.password == SHEET_PASSWORD
    assert sheet.list_command == f"restic -r {repo} snapshots"
    assert sheet.restore_command == f"restic -r {repo} restore latest --host {COMPUTER} --target DIR"
    assert sheet.new_computer_command == f"tsbackup restore --repo {repo} --host {COMPUTER} --password-stdin --to DIR"
    assert SHEET_PASSWORD not in sheet.restore_command + sheet.new_computer_command + repr(sheet)

    assert text.startswith(f"Recovery sheet {COMPUTER}, created on 2026-03-02. How to get the timeSensor LEGAL data back "
                           "when this computer is gone. Keep this sheet locked away (in a safe, or sealed with your IT "
                           "partner), never next to this computer or the backup drive: whoever holds it can open the "
                           "firm's off-site backups.")
    flat = squeezed(text)
    for expected in (f"Computer {COMPUTER}", f"Data folder {config.source}", "Kind of installation single-user",
                     f"Backups on the backup drive {primary_folder}", "Kind a folder (network share or drive)",
                     f"Off-site repository {repo}", f"Password {SHEET_PASSWORD}",
                     "Restore on a new computer The easiest way: install tsbackup on the new computer",
                     "commands below do the same in a terminal. Install tsbackup on the new computer",
                     sheet.new_computer_command, "Restore with restic alone", sheet.list_command, sheet.restore_command,
                     "it asks for the password or reads it from the environment variable RESTIC_PASSWORD.",
                     f"as {tmp_path / 'drive' / 'timeSensor Backups' / 'HOW-TO-RESTORE.txt'} explains.",
                     "IT partner Name and company ____", "Phone ____", "E-mail ____", "Where this sheet is kept ____",
                     "Stored by (name, date) ____"):
        assert squeezed(expected) in flat, expected
    assert text.count(SHEET_PASSWORD) == 1  # shown once, in its row, and in no command


def test_the_sheet_in_german(folder_setup, tmp_path):
    config, repo = folder_setup
    sheet, text = sheet_text(config, tmp_path, german(tmp_path))
    assert text.startswith(f"Wiederherstellungsblatt {COMPUTER}, erstellt am 02.03.2026. So kommen die Daten von "
                           "timeSensor LEGAL zurück, wenn dieser Computer nicht mehr da ist. Bewahren Sie dieses Blatt "
                           "unter Verschluss auf (in einem Tresor oder versiegelt bei Ihrem IT-Partner)")
    flat = squeezed(text)
    for expected in (f"Computer {COMPUTER}", f"Datenordner {config.source}", "Art der Installation Einzelplatz",
                     f"Sicherungen auf dem Sicherungslaufwerk {tmp_path / 'drive' / 'timeSensor Backups' / COMPUTER}",
                     f"Sicherungsablage ausser Haus {repo}", f"Passwort {SHEET_PASSWORD}",
                     "Wiederherstellen auf einem neuen Computer Am einfachsten: Installieren Sie tsbackup",
                     "in einem Terminal. Installieren Sie tsbackup auf dem neuen Computer",
                     sheet.new_computer_command, "Wiederherstellen nur mit restic", sheet.restore_command,
                     "IT-Partner Name und Firma ____", "Telefon ____", "Aufbewahrungsort dieses Blatts ____"):
        assert squeezed(expected) in flat, expected
    assert "Password" not in text and "Recovery sheet" not in text


def test_a_server_sheet_names_its_mode(tmp_path):
    config = make_setup(tmp_path, mode="server")
    assert "Kind of installation server (4D Server)" in sheet_text(config, tmp_path)[1]


def test_without_an_offsite_backup_the_sheet_lists_the_backup_drive_and_says_so(tmp_path):
    config = make_setup(tmp_path)
    sheet, text = sheet_text(config, tmp_path)
    assert (sheet.kind, sheet.repo, sheet.credentials, sheet.new_computer_command) == (None, None, [], None)
    assert squeezed(f"Backups on the backup drive {tmp_path / 'drive' / 'timeSensor Backups' / COMPUTER}") in squeezed(text)
    assert squeezed("Off-site backup No off-site backup is set up: the backup drive holds the only copies. Set up an "
                    "off-site backup so that a fire or a theft cannot take both. IT partner") in squeezed(text)
    assert "Keep this sheet with your emergency documents, away from this computer and the backup drive." in text
    assert "Password" not in text and "restic -r" not in text and "Restore on a new computer" not in text


def test_an_offsite_copy_made_outside_needs_no_secret(tmp_path):
    config = make_setup(tmp_path, secondary={"kind": "external", "text": "NAS copy to the partner's office"})
    sheet, text = sheet_text(config, tmp_path)  # the keyring is empty: nothing is needed from it
    assert sheet.kind == "external" and not sheet.has_secrets
    assert "Kind made outside this program" in text
    assert ("The off-site copy is made outside this program (NAS copy to the partner's office). Restore it with that "
            "service's own tools; ask whoever runs it.") in text


def test_an_s3_sheet_shows_both_keys_because_nobody_restores_without_them(tmp_path):
    config = make_setup(tmp_path, secondary={"kind": "s3", "repo": S3_REPO})
    store = SecretStore(config.setup_id)
    store.set("repo-password", SHEET_PASSWORD)
    store.set("aws-access-key-id", ACCESS_KEY)
    with pytest.raises(UserError) as caught:  # the secret key is missing: a sheet without it restores nothing
        recovery.gather(config, store, now=NOW)
    assert caught.value.exit_code == 2 and caught.value.message.english() == (
        f"The S3 keys of the off-site backup at {S3_REPO} (AWS_SECRET_ACCESS_KEY) are not in this computer's password "
        "store, so the recovery sheet cannot be written. Run the setup again with AWS_ACCESS_KEY_ID and "
        "AWS_SECRET_ACCESS_KEY set.")

    store.set("aws-secret-access-key", SECRET_KEY)
    sheet, text = sheet_text(config, tmp_path)
    assert [(c.name, c.variable) for c in sheet.credentials] == [
        ("repo-password", "RESTIC_PASSWORD"), ("aws-access-key-id", "AWS_ACCESS_KEY_ID"),
        ("aws-secret-access-key", "AWS_SECRET_ACCESS_KEY")]
    assert SECRET_KEY not in repr(sheet)
    flat = squeezed(text)
    for expected in ("Kind S3-compatible cloud storage", f"Off-site repository {S3_REPO}", f"Password {SHEET_PASSWORD}",
                     f"S3 access key ID (AWS_ACCESS_KEY_ID) {ACCESS_KEY}",
                     f"S3 secret access key (AWS_SECRET_ACCESS_KEY) {SECRET_KEY}",
                     "set the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to them before running",
                     f"restic -r {S3_REPO} snapshots"):
        assert squeezed(expected) in flat, expected


def test_an_sftp_sheet_says_the_new_computer_needs_an_allowed_key(tmp_path):
    repo = "sftp:backup@192.168.10.5:/srv/restic/kanzlei"
    config = make_setup(tmp_path, secondary={"kind": "sftp", "repo": repo})
    SecretStore(config.setup_id).set("repo-password", SHEET_PASSWORD)
    sheet, text = sheet_text(config, tmp_path)
    assert sheet.kind == "sftp" and "Kind an SFTP server" in text
    assert "ask whoever runs the server (your IT partner) to allow the new computer's key first." in text
    assert squeezed(f"tsbackup restore --repo {repo} --ssh-key KEYFILE --host {COMPUTER}") in squeezed(text)


def test_an_sftp_sheet_has_commands_that_work_with_a_key_file_and_its_host_key(tmp_path):
    repo = "sftp://backup@192.168.10.5:2222//srv/restic/kanzlei"
    fingerprint = "SHA256:" + "k" * 43
    config = make_setup(tmp_path, secondary={"kind": "sftp", "repo": repo, "ssh_key": "/home/a/.ssh/id_ed25519",
                                             "host_key": f"{fingerprint} (ED25519)"})
    SecretStore(config.setup_id).set("repo-password", SHEET_PASSWORD)
    sheet = recovery.gather(config, SecretStore(config.setup_id), now=NOW)
    ssh = '-o "sftp.command=ssh -i KEYFILE -p 2222 backup@192.168.10.5 -s sftp"'  # quoted for every shell
    assert sheet.list_command == f"restic -r {repo} {ssh} snapshots"
    assert sheet.restore_command == f"restic -r {repo} {ssh} restore latest --host {COMPUTER} --target DIR"
    assert sheet.new_computer_command == (f"tsbackup restore --repo {repo} --ssh-key KEYFILE --host-key {fingerprint} "
                                          f"--host {COMPUTER} --password-stdin --to DIR")
    notes = [note.english() for note in sheet.notes]
    assert any(fingerprint in note for note in notes)
    assert any(note.startswith("In the commands, KEYFILE stands for the SSH key file") for note in notes)


def test_a_missing_password_is_one_sentence_naming_it(folder_setup):
    config, repo = folder_setup
    SecretStore(config.setup_id).delete("repo-password")
    with pytest.raises(UserError) as caught:
        recovery.gather(config, SecretStore(config.setup_id), now=NOW)
    assert caught.value.exit_code == 2 and caught.value.message.english() == (
        f"The password of the off-site backup at {repo} is not in this computer's password store, so the recovery "
        "sheet cannot be written. Run the setup again and give that password with --password-stdin.")


def test_words_with_spaces_are_quoted_in_every_command(tmp_path):
    repo = tmp_path / "Offsite Kopie" / "repo"
    config = make_setup(tmp_path, secondary={"kind": "folder", "repo": str(repo)}, computer="Kanzlei Empfang")
    SecretStore(config.setup_id).set("repo-password", SHEET_PASSWORD)
    sheet = recovery.gather(config, SecretStore(config.setup_id), now=NOW)
    assert sheet.restore_command == f'restic -r "{repo}" restore latest --host "Kanzlei Empfang" --target DIR'
    assert shlex.split(sheet.new_computer_command) == [
        "tsbackup", "restore", "--repo", str(repo), "--host", "Kanzlei Empfang", "--password-stdin", "--to", "DIR"]
    assert [recovery.shell_word(w) for w in ("s3:https://h/b", r"\\nas\share", 'a"b')] == [
        "s3:https://h/b", r"\\nas\share", '"a\\"b"']


def test_the_sheets_restic_command_restores_this_computers_newest_snapshot(tmp_path):
    config = make_setup(tmp_path)
    SecretStore(config.setup_id).set("repo-password", PASSWORD)
    repo = with_snapshot(tmp_path, config)
    sheet = recovery.gather(config, SecretStore(config.setup_id), now=NOW)
    to = tmp_path / "restored"
    argv = [to.as_posix() if word == recovery.DIR else word for word in shlex.split(sheet.restore_command)]
    assert argv[0] == "restic"
    env = restic_env(repo, tmp_path / "cache")
    del env["RESTIC_REPOSITORY"]  # the command names the repository itself; the password comes from the environment
    done = subprocess.run([RESTIC, *argv[1:]], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert tree_bytes(to / DATA) == tree_bytes(Path(config.source)) and len(SAMPLE) == 5
    assert json.loads((to / "tsbackup-manifest.json").read_text())["computer"] == COMPUTER


def test_confirm_records_the_day_in_the_stored_configuration(folder_setup, tsbackup_home):
    config, repo = folder_setup
    message = recovery.confirm(config, FixedClock(NOW))
    assert message.english() == "Recorded on 2026-03-02 that the recovery sheet is stored safely."
    assert config_mod.load().recovery_sheet_confirmed == "2026-03-02"
    assert SHEET_PASSWORD.encode() not in (tsbackup_home / "config" / "config.json").read_bytes()


def test_the_destination_must_be_a_file_in_an_existing_folder(tmp_path):
    with pytest.raises(UserError) as caught:
        recovery.check_destination(tmp_path / "missing" / "sheet.pdf")
    assert caught.value.exit_code == 2 and caught.value.message.english() == (
        f"The folder {tmp_path / 'missing'} does not exist, so the recovery sheet cannot be saved as "
        f"{tmp_path / 'missing' / 'sheet.pdf'}. Name a file in an existing folder.")
    with pytest.raises(UserError) as caught:
        recovery.check_destination(tmp_path)
    assert caught.value.message.id == "recovery.is_folder"
    existing = tmp_path / "old.pdf"
    existing.write_bytes(b"old")
    assert recovery.check_destination(existing) == existing  # written again in place
