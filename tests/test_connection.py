"""The connection test (`core.connection`, `tsbackup setup --test-only`): one sentence per answer, nothing written.

SFTP against a real sshd on 127.0.0.1, folders on the local disk.
"""

from __future__ import annotations

import os

import pytest

from conftest_remote import closed_port, ssh_keygen_fingerprint, sshd  # noqa: F401 - fixture
from test_offsite_setup_support import keyring_file
from test_restic_support import PASSWORD, new_repo

from tsbackup_gui.core.offsite import connection
from tsbackup_gui.core.errors import UserError

pytestmark = pytest.mark.xdist_group("sshd-connection")  # with -n: one worker starts this module's sshd once


@pytest.fixture
def nothing_written(tsbackup_home):
    """The test writes nothing of ours: no config, no state (known_hosts), no cache."""
    yield
    assert not tsbackup_home.exists(), sorted(str(p) for p in tsbackup_home.rglob("*"))


def sftp(sshd, path, key=None):
    return connection.parse_secondary(sshd.url(path), ssh_key=str(key or sshd.user_key))


def test_sftp_answers(sshd, tmp_path, nothing_written):
    fingerprint = ssh_keygen_fingerprint(sshd.host_key.with_name("host_key.pub"))
    repo = new_repo(tmp_path / "server" / "repo")

    opens = connection.test_connection(sftp(sshd, repo), password=PASSWORD)
    assert (opens.ok, opens.code, opens.exit_code, opens.repository_exists) == (True, "connection.ok", 0, True)
    assert opens.message.english() == "The connection works and the repository opens."
    assert opens.fingerprint == fingerprint

    wrong = connection.test_connection(sftp(sshd, repo), password="Nicht-das-Passwort")
    assert (wrong.ok, wrong.exit_code, wrong.repository_exists) == (False, 2, True)
    assert wrong.message.english() == (
        f"The connection works, but the password does not open the repository at {sshd.url(repo)}. Give the password "
        "from the recovery sheet.")

    unknown = connection.test_connection(sftp(sshd, repo))  # no password known: it exists, that is all we can say
    assert (unknown.ok, unknown.code, unknown.repository_exists) == (True, "connection.needs_password", True)

    fresh = tmp_path / "server" / "neu" / "Kanzlei Müller"
    new = connection.test_connection(sftp(sshd, fresh), password=PASSWORD)
    assert (new.ok, new.exit_code, new.repository_exists) == (True, 0, False)
    assert new.message.english() == "The connection works. No off-site backup exists there yet: a new one will be created."
    assert not (tmp_path / "server" / "neu").exists()  # the write probe removed its folders again

    locked_out = connection.test_connection(sftp(sshd, "/proc/tsbackup"), password=PASSWORD)
    assert (locked_out.ok, locked_out.code, locked_out.exit_code) == (False, "connection.not_writable", 2)
    assert locked_out.message.english() == (
        f"The connection works, but nothing can be written at {sshd.url('/proc/tsbackup')}. Ask whoever runs the "
        "server for write access there, or choose another folder.")


def test_sftp_refusals(sshd, tmp_path, nothing_written):
    repo = tmp_path / "server" / "repo"
    refused = connection.test_connection(sftp(sshd, repo, sshd.stranger_key), password=PASSWORD)
    assert (refused.ok, refused.code, refused.exit_code) == (False, "connection.key_refused", 2)
    assert refused.message.english() == (
        f"The server 127.0.0.1 refused the SSH key {sshd.stranger_key}. Ask whoever runs it (your IT partner) to allow "
        f"the public key {sshd.stranger_key}.pub for the user root.")

    port = closed_port()
    closed = connection.test_connection(connection.parse_secondary(
        f"sftp://root@127.0.0.1:{port}//srv/tsbackup", ssh_key=str(sshd.user_key)), password=PASSWORD)
    assert (closed.ok, closed.code, closed.exit_code) == (False, "connection.port_closed", 1)
    assert closed.message.english() == (
        f"127.0.0.1 refuses connections on port {port}: the port is closed. Check the port number and that the server "
        "program is running.")

    nowhere = connection.test_connection(connection.parse_secondary(
        "sftp:backup@partner.invalid:/srv/tsbackup", ssh_key=str(sshd.user_key)), password=PASSWORD)
    assert (nowhere.code, nowhere.exit_code) == ("connection.host_unknown", 1)
    assert nowhere.message.english() == (
        "The server name partner.invalid cannot be found. Check its spelling, and that this computer is connected to "
        "the internet (or the VPN).")

    locked = connection.test_connection(sftp(sshd, repo, sshd.passphrase_key), password=PASSWORD)
    assert (locked.ok, locked.code) == (False, "target.ssh_key_needs_passphrase")
    unlocked = connection.test_connection(sftp(sshd, repo, sshd.passphrase_key),
                                          {"ssh-key-passphrase": sshd.passphrase}, password=PASSWORD)
    assert (unlocked.ok, unlocked.code) == (True, "connection.ok_new")
    wrong = connection.test_connection(sftp(sshd, repo, sshd.passphrase_key), {"ssh-key-passphrase": "falsch"})
    assert wrong.message.english() == (
        f"The passphrase does not unlock the SSH key {sshd.passphrase_key}. Check it and run the setup again.")


def test_folder_answers(tmp_path, nothing_written):
    repo = new_repo(tmp_path / "nas" / "tsbackup")
    folder = lambda path: connection.parse_secondary(str(path))  # noqa: E731
    assert connection.test_connection(folder(repo), password=PASSWORD).code == "connection.ok"
    assert connection.test_connection(folder(repo), password="falsch").code == "connection.wrong_password"
    assert connection.test_connection(folder(tmp_path / "nas" / "neu"), password=PASSWORD).code == "connection.ok_new"
    busy = connection.test_connection(folder(tmp_path / "nas"), password=PASSWORD)
    assert (busy.ok, busy.exit_code) == (False, 2)
    assert busy.message.english() == (
        f"The folder {tmp_path / 'nas'} holds other files and no off-site backup. Name a new or empty folder for the "
        "off-site backup.")
    gone = connection.test_connection(folder(tmp_path / "mnt" / "share" / "tsbackup"))
    assert (gone.ok, gone.exit_code) == (False, 1)
    assert gone.message.english() == (
        f"The folder {tmp_path / 'mnt' / 'share'} does not exist, so nothing can be stored at "
        f"{tmp_path / 'mnt' / 'share' / 'tsbackup'}. Connect the drive or network share, or create the folder.")
    assert sorted(os.listdir(tmp_path / "nas")) == ["tsbackup"]  # no probe file left behind
    outside = connection.test_connection(connection.parse_secondary("external:NAS-Spiegel"))
    assert (outside.ok, outside.code, outside.repository_exists) == (True, "connection.external", None)


def test_bad_forms_are_one_sentence(sshd):
    for text, key, sentence in (
        ("sftp://root@127.0.0.1:99999//srv", "k", "'99999' is not a port number. Give a number between 1 and 65535."),
        ("sftp://root@127.0.0.1:22//srv", None,
         "An SFTP server is reached with an SSH key: give the private key file with --ssh-key FILE (passwords are not "
         "supported)."),
        ("/srv/tsbackup", "k", "--ssh-key belongs to an SFTP server (sftp://…), not to '/srv/tsbackup'."),
        ("ftp://host/x", None, "Off-site targets of the kind 'ftp' are not supported. Give a folder, sftp://…, s3:…, "
                               "rest:… or external:DESCRIPTION."),
    ):
        with pytest.raises(UserError) as caught:
            connection.parse_secondary(text, ssh_key=key)
        assert caught.value.exit_code == 2 and caught.value.message.english() == sentence


def test_test_only_prints_one_sentence_and_writes_nothing(sshd, run_cli, cli_env, tmp_path, tsbackup_home):
    repo = new_repo(tmp_path / "server" / "repo")
    base = ("setup", "--test-only", "--ssh-key", sshd.user_key, "--secondary")

    ok = run_cli(*base, sshd.url(repo), "--password-stdin", input=PASSWORD + "\n")
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, "The connection works and the repository opens.\n", "")

    wrong = run_cli(*base, sshd.url(repo), "--password-stdin", input="falsch\n")
    assert wrong.returncode == 2 and wrong.stdout == ""
    assert wrong.stderr.startswith("The connection works, but the password does not open the repository")

    port = closed_port()
    closed = run_cli(*base, f"sftp://root@127.0.0.1:{port}//srv/x")
    assert closed.returncode == 1 and closed.stderr.startswith(f"127.0.0.1 refuses connections on port {port}")

    bad = run_cli(*base, "sftp://root@127.0.0.1:0//srv/x")
    assert bad.returncode == 2 and bad.stderr.strip() == "'0' is not a port number. Give a number between 1 and 65535."

    nothing = run_cli("setup", "--test-only")
    assert nothing.returncode == 2 and nothing.stderr.strip() == (
        "--test-only belongs to an off-site backup: give --secondary as well.")
    missing = run_cli("setup", "--secondary", str(repo))
    assert missing.returncode == 2 and missing.stderr.strip() == (
        "The following arguments are required: --source, --primary. Run 'tsbackup --help' to see how the command is "
        "used.")

    assert not (tsbackup_home / "config").exists() and not (tsbackup_home / "state").exists()
    assert not (tsbackup_home / "cache").exists() and not keyring_file(cli_env).exists()
