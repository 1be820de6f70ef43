"""An SFTP off-site backup restored on a new computer (no configuration), against a real OpenSSH
server on 127.0.0.1: the key file, and the server's host key checked against the recovery sheet."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest_remote import ssh_keygen_fingerprint, sshd  # noqa: F401 - fixture
from test_offsite_setup_support import DATA, make_world, setup_cli
from test_remote_sftp import summary_of
from test_restic_support import tree_bytes

PASSWORD = "Sftp-Passwort-Neuer-Computer"


def backed_up(sshd, run_cli, tmp_path, monkeypatch):  # noqa: F811 - the fixture
    source, drive = make_world(tmp_path)
    old_home = tmp_path / "old-computer"
    monkeypatch.setenv("TSBACKUP_HOME", str(old_home))
    repo = tmp_path / "server" / "restic"
    env = {"TSBACKUP_HOME": str(old_home)}
    setup = setup_cli(run_cli, source, drive, "--secondary", sshd.url(repo), "--ssh-key", sshd.user_key,
                      "--password-stdin", input=PASSWORD + "\n", env=env)
    assert setup.returncode == 0, setup.stdout + setup.stderr
    names = old_home / "config" / "config.json"
    data = json.loads(names.read_text(encoding="utf-8"))
    data["process_names"] = ["no-such-program-sftp-restore"]  # this test's own: never waits for another's
    names.write_text(json.dumps(data), encoding="utf-8")
    run = run_cli("run", "--json", env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    assert summary_of(run)["offsite"]["snapshot"]
    new_home = tmp_path / "new-computer"
    monkeypatch.setenv("TSBACKUP_HOME", str(new_home))
    return source, repo, {"TSBACKUP_HOME": str(new_home)}, new_home


def test_with_the_sheets_host_key_the_restore_gives_back_the_data(sshd, run_cli, tmp_path, monkeypatch):  # noqa: F811
    source, repo, env, new_home = backed_up(sshd, run_cli, tmp_path, monkeypatch)
    fingerprint = ssh_keygen_fingerprint(sshd.host_key.with_name("host_key.pub"))
    to = tmp_path / "restored"
    done = run_cli("restore", "--repo", sshd.url(repo), "--ssh-key", sshd.user_key, "--host-key", fingerprint,
                   "--password-stdin", "--to", to, input=PASSWORD + "\n", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert tree_bytes(to / DATA) == tree_bytes(source)
    assert not (new_home / "config" / "config.json").exists()  # nothing of the new computer's setup was made
    assert not (new_home / "state" / "known_hosts").exists()  # the key was pinned for this restore only


def test_another_host_key_restores_nothing(sshd, run_cli, tmp_path, monkeypatch):  # noqa: F811
    _source, repo, env, _home = backed_up(sshd, run_cli, tmp_path, monkeypatch)
    fingerprint = ssh_keygen_fingerprint(sshd.host_key.with_name("host_key.pub"))
    wrong = "SHA256:" + "A" * 43
    to = tmp_path / "restored"
    done = run_cli("restore", "--repo", sshd.url(repo), "--ssh-key", sshd.user_key, "--host-key", wrong,
                   "--password-stdin", "--to", to, input=PASSWORD + "\n", env=env)
    assert done.returncode == 5
    assert done.stderr.strip() == (
        f"The SFTP server shows the host key {fingerprint}, not {wrong} from the recovery sheet. It may not be "
        "your server: nothing was restored. Ask your IT partner before you go on.")
    assert not to.exists()


def test_without_a_host_key_and_no_terminal_it_shows_the_key_and_stops(sshd, run_cli, tmp_path, monkeypatch,  # noqa: F811
                                                                       cli_env):
    _source, repo, env, _home = backed_up(sshd, run_cli, tmp_path, monkeypatch)
    fingerprint = ssh_keygen_fingerprint(sshd.host_key.with_name("host_key.pub"))
    to = tmp_path / "restored"
    done = subprocess.run(  # no controlling terminal: nobody can be asked
        [sys.executable, "-m", "tsbackup_gui.cli", "restore", "--repo", sshd.url(repo), "--ssh-key",
         str(sshd.user_key), "--password-stdin", "--to", str(to)],
        input=PASSWORD + "\n", env={**cli_env, **env}, capture_output=True, text=True, timeout=120,
        start_new_session=True)
    assert done.returncode == 2, done.stdout + done.stderr
    plain = fingerprint.split(" ")[0]
    assert done.stderr.strip() == (
        f"The SFTP server shows the host key {fingerprint}. Compare it with the one on the recovery sheet, then "
        f"restore again with --host-key {plain}; nothing was restored.")
    assert not to.exists()
