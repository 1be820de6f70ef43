"""S3-compatible off-site backups against moto's S3 server on 127.0.0.1 (started once for this module)."""

from __future__ import annotations

import json

import pytest

from conftest_remote import ACCESS_KEY, SECRET_KEY, closed_port, moto, recorded, recording_restic  # noqa: F401
from test_offsite_setup_support import config_of, files_containing, keyring_file, make_world, setup_cli
from test_restic_support import PASSWORD, template_repo

from tsbackup_gui.core.offsite import connection
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.restic.driver import Restic

pytestmark = pytest.mark.xdist_group("moto-s3")  # with -n: one worker starts this module's moto server once

KEYS = {"AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": SECRET_KEY}
S3_SECRETS = {"aws-access-key-id": ACCESS_KEY, "aws-secret-access-key": SECRET_KEY}


def keyring_entry(cli_env, setup_id: str, name: str, monkeypatch) -> str | None:
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.setenv("XDG_DATA_HOME", cli_env["XDG_DATA_HOME"])
    return PlaintextKeyring().get_password("tsbackup", f"{setup_id}:{name}")


def test_setup_and_run_put_an_encrypted_snapshot_into_the_bucket(moto, run_cli, cli_env, tmp_path, tsbackup_home,
                                                                  monkeypatch):
    source, drive = make_world(tmp_path)
    repo = f"s3:{moto.endpoint}/kanzlei-backup/tsbackup"  # the bucket does not exist: restic's init creates it
    password = "S3-Passwort-Bern-2026"
    wrapper, records = recording_restic(tmp_path / "wrapper")
    keys_only_at_setup = {**KEYS, "TSBACKUP_RESTIC": str(wrapper)}

    setup = setup_cli(run_cli, source, drive, "--secondary", repo, "--password-stdin", input=password + "\n",
                      env=keys_only_at_setup)

    assert setup.returncode == 0, setup.stdout + setup.stderr
    assert setup.stdout.splitlines()[1] == (
        f"No off-site backup existed at {repo}, so a new, encrypted one was created there. "
        "If you meant an existing one, check the address: a typing error creates a new, empty backup.")
    assert (f"The S3 storage {repo[len('s3:'):]} is reached without encryption (http://)"
            in setup.stdout + setup.stderr)  # the local test server speaks http: said once, plainly
    setup_id = config_of(tsbackup_home)["setup_id"]
    assert config_of(tsbackup_home)["secondary"]["kind"] == "s3"
    assert keyring_entry(cli_env, setup_id, "aws-access-key-id", monkeypatch) == ACCESS_KEY
    assert keyring_entry(cli_env, setup_id, "aws-secret-access-key", monkeypatch) == SECRET_KEY

    run = run_cli("run", "--json", env={"TSBACKUP_RESTIC": str(wrapper)})  # the keys come from the keyring now

    assert run.returncode == 0, run.stdout + run.stderr
    summary = json.loads(run.stdout.splitlines()[-1])
    assert (summary["outcome"], summary["reasons"]) == ("ok", [])
    snapshot = summary["offsite"]["snapshot"]
    stored = moto.keys("kanzlei-backup")
    assert "tsbackup/config" in stored and any(key.startswith("tsbackup/snapshots/" + snapshot) for key in stored)
    listed = Restic(repo, password, env_extra=KEYS, cache_dir=tmp_path / "cache").snapshots()
    assert [s.id[:len(snapshot)] for s in listed] == [snapshot] and listed[0].hostname == "Kanzlei-PC"

    # Keys and password reach restic through its environment only: never argv, config, logs or history.
    argvs, environs = recorded(records)
    assert any("backup" in argv for argv in argvs)
    for secret in (password, ACCESS_KEY, SECRET_KEY):
        assert all(secret not in " ".join(argv) for argv in argvs)
        assert files_containing(tsbackup_home, secret.encode()) == []
        assert all(secret not in json.dumps(a.details) for a in History().attempts())
        assert secret not in setup.stdout + setup.stderr + run.stdout + run.stderr
    backup_env = next(env for argv, env in zip(argvs, environs) if "backup" in argv)
    assert (backup_env["AWS_ACCESS_KEY_ID"], backup_env["AWS_SECRET_ACCESS_KEY"]) == (ACCESS_KEY, SECRET_KEY)


def test_keys_on_stdin_open_an_existing_repository(moto, run_cli, cli_env, tmp_path, tsbackup_home, monkeypatch):
    source, drive = make_world(tmp_path)
    moto.upload_folder(template_repo(), "kanzlei-stdin", "restic")
    repo = f"s3:{moto.endpoint}/kanzlei-stdin/restic"

    setup = setup_cli(run_cli, source, drive, "--secondary", repo, "--password-stdin", "--s3-keys-stdin",
                      input=f"{PASSWORD}\n{ACCESS_KEY}\n{SECRET_KEY}\n")

    assert setup.returncode == 0, setup.stdout + setup.stderr
    assert setup.stdout.splitlines()[1] == f"The existing off-site backup at {repo} is used; its password was accepted."
    setup_id = config_of(tsbackup_home)["setup_id"]
    assert keyring_entry(cli_env, setup_id, "aws-secret-access-key", monkeypatch) == SECRET_KEY
    # A re-run of the setup for the same bucket keeps the stored keys.
    again = setup_cli(run_cli, source, drive, "--secondary", repo, "--time", "07:15")
    assert again.returncode == 0, again.stdout + again.stderr
    probe = run_cli("setup", "--test-only")
    assert (probe.returncode, probe.stdout) == (0, "The connection works and the repository opens.\n")


def test_setup_without_keys_is_one_sentence_and_writes_nothing(moto, run_cli, cli_env, tmp_path, tsbackup_home):
    source, drive = make_world(tmp_path)
    result = setup_cli(run_cli, source, drive, "--secondary", f"s3:{moto.endpoint}/kanzlei-nokeys/x",
                       env={"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""})
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "S3 storage needs its access key and secret key: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY when you "
        "run the setup, or pass them on two lines with --s3-keys-stdin.")
    inline = setup_cli(run_cli, source, drive, "--secondary", f"s3:http://{ACCESS_KEY}:{SECRET_KEY}@127.0.0.1/b/x")
    assert inline.returncode == 2 and SECRET_KEY not in inline.stdout + inline.stderr
    assert inline.stderr.startswith("Do not write keys or passwords into the address")
    assert not (tsbackup_home / "config").exists() and not keyring_file(cli_env).exists()
    assert moto.client().list_buckets()["Buckets"] == [] or all(
        b["Name"] != "kanzlei-nokeys" for b in moto.client().list_buckets()["Buckets"])


def test_connection_answers_for_s3(moto, tmp_path, tsbackup_home):
    moto.upload_folder(template_repo(), "kanzlei-probe", "restic")
    target = connection.parse_secondary(f"s3:{moto.endpoint}/kanzlei-probe/restic")

    opens = connection.test_connection(target, S3_SECRETS, password=PASSWORD)
    assert (opens.ok, opens.code, opens.repository_exists) == (True, "connection.ok", True)

    wrong = connection.test_connection(target, S3_SECRETS, password="falsch")
    assert (wrong.ok, wrong.exit_code) == (False, 2)
    assert wrong.message.english() == (
        f"The connection works, but the password does not open the repository at s3:{moto.endpoint}/kanzlei-probe/"
        "restic. Give the password from the recovery sheet.")

    missing = connection.test_connection(connection.parse_secondary(f"s3:{moto.endpoint}/kanzlei-fehlt/restic"),
                                         S3_SECRETS, password=PASSWORD)
    assert (missing.ok, missing.code, missing.repository_exists) == (True, "connection.ok_new_bucket", False)
    assert missing.message.english() == (
        "The connection works. The bucket kanzlei-fehlt does not exist yet: it will be created, with a new off-site "
        "backup in it.")
    assert all(b["Name"] != "kanzlei-fehlt" for b in moto.client().list_buckets()["Buckets"])  # nothing created

    no_keys = connection.test_connection(target, {}, password=PASSWORD)
    assert (no_keys.ok, no_keys.code, no_keys.exit_code) == (False, "target.s3_need_keys", 2)

    port = closed_port()
    closed = connection.test_connection(connection.parse_secondary(f"s3:http://127.0.0.1:{port}/kanzlei/x"),
                                        S3_SECRETS, password=PASSWORD)
    assert (closed.code, closed.exit_code) == ("connection.port_closed", 1)
    assert not tsbackup_home.exists()


@pytest.mark.parametrize("text, repo", [
    ("s3:https://sos-ch-gva-2.exo.io/kanzlei/tsbackup/", "s3:https://sos-ch-gva-2.exo.io/kanzlei/tsbackup"),
    ("s3:s3.pub1.infomaniak.cloud/kanzlei", "s3:https://s3.pub1.infomaniak.cloud/kanzlei"),
])
def test_s3_addresses_are_stored_in_one_form(text, repo):
    assert connection.parse_secondary(text) == {"kind": "s3", "repo": repo}
