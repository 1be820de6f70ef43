"""SFTP off-site backups against a real OpenSSH server on 127.0.0.1 (started once for this module)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest_remote import keygen, recorded, recording_restic, ssh_keygen_fingerprint, sshd  # noqa: F401 - fixture
from test_offsite_setup_support import DATA, config_of, files_containing, make_world, setup_cli, stored_password
from test_restic_support import PASSWORD, new_repo, raw_restic, tree_bytes

from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.restic.json_output import parse_snapshots

pytestmark = pytest.mark.xdist_group("sshd-sftp")  # with -n: one worker starts this module's sshd once


def summary_of(result) -> dict:
    summary = json.loads(result.stdout.splitlines()[-1])
    assert summary["event"] == "summary"
    return summary


def test_setup_and_run_put_an_encrypted_snapshot_on_the_sftp_server(sshd, run_cli, cli_env, tmp_path, monkeypatch):
    source, drive = make_world(tmp_path)
    home = tmp_path / "Application Support" / "tsbackup"  # blanks in the known_hosts path must survive ssh and restic
    monkeypatch.setenv("TSBACKUP_HOME", str(home))
    repo = tmp_path / "server" / "Kanzlei Müller" / "restic"  # does not exist yet: restic creates it over SFTP
    password = "Sftp-Passwort-Zürich-2026"
    wrapper, records = recording_restic(tmp_path / "wrapper")
    env = {"TSBACKUP_HOME": str(home), "TSBACKUP_RESTIC": str(wrapper)}

    setup = setup_cli(run_cli, source, drive, "--secondary", sshd.url(repo), "--ssh-key", sshd.user_key,
                      "--password-stdin", input=password + "\n", env=env)

    assert setup.returncode == 0, setup.stdout + setup.stderr
    fingerprint = ssh_keygen_fingerprint(sshd.host_key.with_name("host_key.pub"))
    lines = setup.stdout.splitlines()
    assert lines[1] == (f"No off-site backup existed at {sshd.url(repo)}, so a new, encrypted one was created there. "
        "If you meant an existing one, check the address: a typing error creates a new, empty backup.")
    assert lines[2] == (f"The SFTP server's identity (host key {fingerprint}) is confirmed for this computer; compare "
                        "it with the one your IT partner tells you.")
    stored = config_of(home)["secondary"]
    assert (stored["kind"], stored["repo"], stored["ssh_key"]) == ("sftp", sshd.url(repo), str(sshd.user_key))
    assert stored["host_key"] == fingerprint and len(stored["host_keys"]) == 1
    assert (repo / "config").is_file()  # the repository lies on the server's disk

    run = run_cli("run", "--json", env=env)

    assert run.returncode == 0, run.stdout + run.stderr
    summary = summary_of(run)
    assert (summary["outcome"], summary["reasons"]) == ("ok", [])
    snapshot = summary["offsite"]["snapshot"]
    listed = raw_restic(repo, tmp_path / "cache", "snapshots", "--json", password=password)
    assert listed.returncode == 0, listed.stderr
    snapshots = parse_snapshots(listed.stdout)
    assert [s.id[:len(snapshot)] for s in snapshots] == [snapshot] and snapshots[0].hostname == "Kanzlei-PC"
    assert raw_restic(repo, tmp_path / "cache", "snapshots", password="wrong").returncode != 0  # encrypted
    assert b"Akten" not in b"".join(p.read_bytes() for p in repo.rglob("*") if p.is_file())  # no plain text there
    known_hosts = (home / "state" / "known_hosts").read_text()
    assert stored["host_keys"][0] in known_hosts

    restored = tmp_path / "restored"
    back = run_cli("restore", "--from", "secondary", "--to", restored, env=env)
    assert back.returncode == 0, back.stderr
    assert tree_bytes(restored / DATA) == tree_bytes(source)

    # No secret in argv (restic's, and the ssh command inside it), config, logs or history.
    argvs, environs = recorded(records)
    assert any("backup" in argv for argv in argvs) and any(
        any(a.startswith('"sftp.command=') for a in argv) for argv in argvs)
    assert all(password not in " ".join(argv) for argv in argvs)
    assert any(e.get("RESTIC_PASSWORD") == password for e in environs)
    assert stored_password(cli_env, config_of(home)["setup_id"], monkeypatch) == password
    assert files_containing(home, password.encode()) == []
    assert all(password not in json.dumps(a.details) for a in History().attempts())
    for result in (setup, run, back):
        assert password not in result.stdout + result.stderr


def test_a_changed_host_key_stops_the_upload_and_the_primary_still_counts(sshd, run_cli, tmp_path):
    source, drive = make_world(tmp_path)
    repo = new_repo(tmp_path / "server" / "repo")  # an existing repository, opened with its password
    setup = setup_cli(run_cli, source, drive, "--secondary", sshd.url(repo), "--ssh-key", sshd.user_key,
                      "--password-stdin", input=PASSWORD + "\n")
    assert setup.returncode == 0, setup.stdout + setup.stderr
    assert setup.stdout.splitlines()[1] == f"The existing off-site backup at {sshd.url(repo)} is used; its password was accepted."
    new_host_key = keygen(tmp_path / "reinstalled_host_key", "reinstalled")
    sshd.restart(new_host_key)
    try:
        run = run_cli("run", "--json")
        probe = run_cli("setup", "--test-only")
    finally:
        sshd.restart()

    assert run.returncode == 1, run.stdout + run.stderr
    summary = summary_of(run)
    assert summary["outcome"] == "warning" and summary["offsite"]["snapshot"] is None
    assert [r["code"] for r in summary["reasons"]] == ["offsite.host_key_changed"]
    sentence = (f"The off-site server's identity changed: the server of {sshd.url(repo)} shows another SSH host key than "
                "the one confirmed at setup, so nothing was sent. This happens when the server was reinstalled, or when "
                "someone intercepts the connection; ask whoever runs the server (your IT partner) to confirm it, then "
                "run the setup again.")
    assert summary["reasons"][0]["message"] == sentence
    assert run.stderr.strip().splitlines()[-1] == sentence
    generation = drive / "timeSensor Backups" / "Kanzlei-PC" / summary["generation"]
    assert tree_bytes(generation / DATA) == tree_bytes(source)  # the primary copy is made and whole
    assert raw_restic(repo, tmp_path / "cache", "snapshots", "--json").stdout.strip() in ("[]", "null")

    new_fingerprint = ssh_keygen_fingerprint(new_host_key.with_name(new_host_key.name + ".pub"))
    assert probe.returncode == 2
    assert probe.stderr.strip() == (
        f"The off-site server's identity changed: 127.0.0.1 now shows the host key {new_fingerprint}, not the one "
        "confirmed before. Ask whoever runs the server whether it was reinstalled before you trust it.")


def test_setup_refuses_a_key_the_server_does_not_know_and_writes_nothing(sshd, run_cli, cli_env, tmp_path,
                                                                        tsbackup_home):
    source, drive = make_world(tmp_path)
    repo = tmp_path / "server" / "repo"
    result = setup_cli(run_cli, source, drive, "--secondary", sshd.url(repo), "--ssh-key", sshd.stranger_key,
                       "--password-stdin", input=PASSWORD + "\n")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "The off-site backup could not be set up, and nothing was changed: The off-site server of "
        f"{sshd.url(repo)} refused this computer's SSH key. Ask whoever runs the server (your IT partner) to allow "
        "the key, then try again.")
    assert not (tsbackup_home / "config").exists() and not repo.exists()
    assert not (drive / "timeSensor Backups").exists()

    no_key = setup_cli(run_cli, source, drive, "--secondary", sshd.url(repo), "--password-stdin", input="x\n")
    assert no_key.returncode == 2 and no_key.stderr.strip() == (
        "An SFTP server is reached with an SSH key: give the private key file with --ssh-key FILE (passwords are not "
        "supported).")


def test_a_key_with_a_passphrase_works_with_the_passphrase_from_the_keyring(sshd, run_cli, cli_env, tmp_path,
                                                                           tsbackup_home, monkeypatch):
    source, drive = make_world(tmp_path)
    repo = new_repo(tmp_path / "server" / "repo")
    args = ("--secondary", sshd.url(repo), "--ssh-key", sshd.passphrase_key, "--password-stdin")
    refused = setup_cli(run_cli, source, drive, *args, input=PASSWORD + "\n")
    assert refused.returncode == 2 and refused.stderr.strip() == (
        f"The SSH key {sshd.passphrase_key} is protected by a passphrase. Set the environment variable "
        "TSBACKUP_SSH_PASSPHRASE to it when you run the setup, or use a key without a passphrase.")

    setup = setup_cli(run_cli, source, drive, *args, input=PASSWORD + "\n",
                      env={"TSBACKUP_SSH_PASSPHRASE": sshd.passphrase})
    assert setup.returncode == 0, setup.stdout + setup.stderr
    setup_id = config_of(tsbackup_home)["setup_id"]
    monkeypatch.setenv("XDG_DATA_HOME", cli_env["XDG_DATA_HOME"])
    from keyrings.alt.file import PlaintextKeyring

    assert PlaintextKeyring().get_password("tsbackup", f"{setup_id}:ssh-key-passphrase") == sshd.passphrase
    # A lost known_hosts file is rebuilt from the configuration, so the run still checks strictly; the
    # user's own ssh files are never touched.
    (tsbackup_home / "state" / "known_hosts").unlink()
    user_known_hosts = Path.home() / ".ssh" / "known_hosts"
    before = user_known_hosts.read_bytes() if user_known_hosts.exists() else None

    run = run_cli("run", "--json")  # no passphrase in the environment now: it comes from the keyring

    assert run.returncode == 0, run.stdout + run.stderr
    assert summary_of(run)["offsite"]["snapshot"]
    assert f"[127.0.0.1]:{sshd.port} ssh-ed25519 " in (tsbackup_home / "state" / "known_hosts").read_text()
    assert (user_known_hosts.read_bytes() if user_known_hosts.exists() else None) == before
    assert files_containing(tsbackup_home, sshd.passphrase.encode()) == []
    assert sshd.passphrase not in run.stdout + run.stderr + setup.stdout + setup.stderr
