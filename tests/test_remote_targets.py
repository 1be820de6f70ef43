"""The pieces of remote targets without a server: address forms, the ssh command line restic gets,
host key fingerprints, SSH keys for the wizard, restic's and ssh's failures as sentences, the providers'
endpoints, the status note of an append-only server and the recovery sheet's lines for SFTP and REST."""

from __future__ import annotations

import json
import subprocess
from datetime import datetime, timedelta, timezone

import pytest

from conftest_remote import keygen, ssh_keygen_fingerprint
from test_recovery_sheet_support import SHEET_PASSWORD, make_setup
from test_verify_support import NOW

from tsbackup_gui.core.offsite import connection, s3 as targets_s3, sftp as targets_sftp
from tsbackup_gui.core.check import recovery_sheet as recovery
from tsbackup_gui.core.restic import errors as restic_errors
from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.restic.driver import _flag_value
from tsbackup_gui.core.store.secrets import SecretStore
from tsbackup_gui.core.status.model import compute_status


@pytest.mark.parametrize("text, key, expected", [
    ("sftp://it@nas.kanzlei.local:2222//srv/restic/kanzlei", "/k",
     {"kind": "sftp", "repo": "sftp://it@nas.kanzlei.local:2222//srv/restic/kanzlei", "ssh_key": "/k"}),
    ("sftp:it@192.168.10.5:/srv/restic", "/k", {"kind": "sftp", "repo": "sftp:it@192.168.10.5:/srv/restic", "ssh_key": "/k"}),
    ("sftp://it@nas:22//srv/x/", "/k", {"kind": "sftp", "repo": "sftp:it@nas:/srv/x", "ssh_key": "/k"}),
    ("sftp://it@[fd00::5]:2222//srv/x", "/k", {"kind": "sftp", "repo": "sftp://it@[fd00::5]:2222//srv/x", "ssh_key": "/k"}),
    ("s3:https://sos-ch-dk-2.exo.io/kanzlei-backup/tsbackup", None,
     {"kind": "s3", "repo": "s3:https://sos-ch-dk-2.exo.io/kanzlei-backup/tsbackup"}),
    ("rest:https://backup.partner.ch:8000/kanzlei", None, {"kind": "rest", "repo": "rest:https://backup.partner.ch:8000/kanzlei/"}),
    ("external:  Synology Hyper Backup to the partner's NAS ", None,
     {"kind": "external", "text": "Synology Hyper Backup to the partner's NAS"}),
    ("/Volumes/NAS/tsbackup", None, {"kind": "folder", "repo": "/Volumes/NAS/tsbackup"}),
])
def test_text_forms_become_the_stored_dict(text, key, expected):
    assert connection.parse_secondary(text, ssh_key=key) == expected
    if expected.get("kind") == "sftp":  # the stored form reads back as the same address
        assert targets_sftp.parse_sftp(expected["repo"]) == targets_sftp.parse_sftp(text)


@pytest.mark.parametrize("text, sentence", [
    ("sftp://it:Geheim/1@nas:22//srv", "An SFTP server is reached with an SSH key, not a password: remove the password "
                                        "from the address and give the key with --ssh-key FILE; nothing was changed."),
    ("sftp://nas", "'sftp://nas' is not an SFTP address. Write it as sftp://user@server:port//absolute/path or "
                   "sftp:user@server:/path."),
    ("s3:https://sos-ch-dk-2.exo.io/Kanzlei_Backup", "'Kanzlei_Backup' is not a valid bucket name: use 3 to 63 lowercase "
                                                     "letters, digits, dots and dashes, starting and ending with a "
                                                     "letter or digit."),
    ("external:", "Say after external: how the off-site copy is made, for example external:NAS copy to the partner's "
                  "office."),
    ("", "No off-site target was given. Give a folder, sftp://…, s3:…, rest:… or external:DESCRIPTION."),
])
def test_bad_forms_never_repeat_a_secret(text, sentence):
    with pytest.raises(UserError) as caught:
        connection.parse_secondary(text, ssh_key="/k" if text.startswith("sftp") else None)
    assert caught.value.exit_code == 2 and caught.value.message.english() == sentence
    assert "Geheim" not in sentence


def test_the_ssh_command_survives_restic_s_splitting_and_flag_parsing(tmp_path):
    address = targets_sftp.parse_sftp("sftp://it@nas:2222//srv/x")
    hosts = tmp_path / "Application Support" / "known_hosts"
    key = tmp_path / "Schlüssel 50%" / "id_ed25519"
    argv = targets_sftp.ssh_command(address, key, hosts, strict="yes")
    line = targets_sftp.restic_command_line(argv)
    assert f'"UserKnownHostsFile=\'{hosts}\'"' in line  # restic's quotes keep it one word, ssh's keep the blank
    assert f'"{tmp_path}/Schlüssel 50%%/id_ed25519"' in line  # ssh expands %-tokens in key paths
    assert line.endswith("-p 2222 -l it nas -s sftp") and "StrictHostKeyChecking=yes" in line
    assert "BatchMode=yes" in line and "PreferredAuthentications=publickey" in line
    # restic takes -o values as CSV: quotes doubled, the whole value quoted, so commas and quotes survive.
    assert _flag_value('sftp.command=ssh "-oA=b,c"') == '"sftp.command=ssh ""-oA=b,c"""'
    with pytest.raises(UserError):
        targets_sftp.restic_command_line(['has "quote"'])


def test_fingerprints_match_ssh_keygen_and_pins_replace_only_their_host(tmp_path):
    key = keygen(tmp_path / "host", "host")
    blob = (tmp_path / "host.pub").read_text().split()
    line = f"[nas]:2222 {blob[0]} {blob[1]}"
    assert targets_sftp.fingerprint([line]) == ssh_keygen_fingerprint(key.with_name("host.pub"))
    hosts = tmp_path / "known_hosts"
    hosts.write_text("other.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOther\n[nas]:2222 ssh-ed25519 AAAAold\n")
    targets_sftp.pin(targets_sftp.parse_sftp("sftp://it@nas:2222//x"), [line], hosts)
    assert hosts.read_text().splitlines() == ["other.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOther", line]


def test_a_new_key_for_the_wizard(tmp_path):
    path = tmp_path / "ssh" / "tsbackup_ed25519"
    public = connection.generate_ssh_key(path, "tsbackup Kanzlei-PC")
    assert public.startswith("ssh-ed25519 ") and public.endswith(" tsbackup Kanzlei-PC")
    assert (path.with_name("tsbackup_ed25519.pub").read_text().strip()) == public
    derived = subprocess.run(["ssh-keygen", "-y", "-P", "", "-f", str(path)], capture_output=True, text=True, check=True)
    assert derived.stdout.split()[:2] == public.split()[:2]  # the private half belongs to it, without a passphrase
    with pytest.raises(UserError) as caught:
        connection.generate_ssh_key(path, "again")
    assert caught.value.message.english() == f"There is already a file at {path}; a new SSH key was not made there."


def test_a_public_key_instead_of_the_private_one_is_one_sentence(tmp_path):
    key = keygen(tmp_path / "id", "x")
    result = connection.test_connection(connection.parse_secondary("sftp://it@127.0.0.1:1//x",
                                                                   ssh_key=str(key) + ".pub"))
    assert (result.ok, result.code, result.exit_code) == (False, "target.ssh_key_not_private", 2)  # before the network
    assert result.message.english() == (
        f"{key}.pub is not a private SSH key. Give the private key file (the one without .pub) with --ssh-key.")
    missing = connection.test_connection(connection.parse_secondary("sftp://it@127.0.0.1:1//x",
                                                                    ssh_key=str(tmp_path / "nothing")))
    assert missing.message.english() == (
        f"The SSH key file {tmp_path / 'nothing'} does not exist. Give the private key file with --ssh-key.")


@pytest.mark.parametrize("stderr, code", [
    (["subprocess ssh: @@@@@@@@@@@@@@@@@@@@@@@@@@@", "subprocess ssh: @    WARNING: REMOTE HOST IDENTIFICATION HAS "
      "CHANGED!     @", "subprocess ssh: Host key verification failed.",
      "Fatal: unable to open repository at sftp://it@nas:2222//x: unable to start the sftp session, error: EOF"],
     "offsite.host_key_changed"),
    (["subprocess ssh: No ED25519 host key is known for [nas]:2222 and you have requested strict checking.",
      "subprocess ssh: Host key verification failed.", "Fatal: unable to start the sftp session, error: EOF"],
     "offsite.host_key_unknown"),
    (["subprocess ssh: it@nas: Permission denied (publickey).", "Fatal: unable to start the sftp session, error: EOF"],
     "offsite.key_refused"),
    (["subprocess ssh: ssh: connect to host nas port 2222: Connection refused",
      "Fatal: unable to start the sftp session, error: EOF"], "offsite.unreachable"),
    (["Fatal: unable to open config file: Stat: The AWS Access Key Id you provided does not exist in our records.",
      "Is there a repository at the following location?"], "offsite.access_denied"),
    (["Fatal: unable to open config file: unexpected HTTP response (401): 401 Unauthorized",
      "Is there a repository at the following location?"], "offsite.access_denied"),
    (["Fatal: unable to open config file: Stat: The specified bucket does not exist",
      "Is there a repository at the following location?"], "offsite.no_repository"),
])
def test_restic_and_ssh_failures_are_named(stderr, code):
    error = restic_errors.classify(1, restic_errors.digest_stderr(stderr), repo="sftp://it@nas:2222//x")
    assert error.code == code
    if code == "offsite.unreachable":  # ssh's own line, not restic's "EOF"
        assert "port 2222: Connection refused" in error.message.english()


def test_the_providers_endpoints_are_data_and_usable():
    presets = targets_s3.presets()
    by_id = {p["id"]: p for p in presets}
    assert by_id["exoscale-ch-gva-2"]["endpoint"] == "https://sos-ch-gva-2.exo.io"
    assert by_id["exoscale-ch-dk-2"]["endpoint"] == "https://sos-ch-dk-2.exo.io"
    assert by_id["infomaniak-public-cloud"]["endpoint"] == "https://s3.pub1.infomaniak.cloud"
    for preset in presets:
        assert preset["name"] and set(preset) <= {"id", "name", "endpoint", "country", "note"}
        if preset["endpoint"]:
            repo = targets_s3.repo_for(preset["endpoint"], "kanzlei-backup", "tsbackup/")
            assert repo == f"s3:{preset['endpoint']}/kanzlei-backup/tsbackup"
    assert all("not verified" in by_id[i]["note"] for i in ("cloudscale-rma", "cloudscale-lpg", "aws-eu-central-2"))


def test_an_append_only_server_s_retention_is_the_server_s_job(tmp_path):
    config = make_setup(tmp_path, secondary={"kind": "rest", "repo": "rest:https://backup.partner.ch/kanzlei/",
                                             "append_only": True})
    config.recovery_sheet_confirmed = "2026-03-01"
    now = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    config.created = (now - timedelta(hours=1)).isoformat()
    status = compute_status(config, [], now)
    assert status.state == "waiting"  # a note, not a warning
    assert [r.message.english() for r in status.reasons if r.code == "offsite.retention_by_server"] == [
        "The off-site server is append-only: this program never deletes old off-site snapshots there; keeping their "
        "number in check is the job of whoever runs the server."]
    config.secondary = {"kind": "rest", "repo": "rest:https://backup.partner.ch/kanzlei/"}
    assert "offsite.retention_by_server" not in [r.code for r in compute_status(config, [], now).reasons]


def test_the_recovery_sheet_names_the_sftp_key_and_the_rest_login(tmp_path):
    sftp = make_setup(tmp_path / "a", secondary={"kind": "sftp", "repo": "sftp://it@nas:2222//srv/x",
                                                 "ssh_key": "/home/kanzlei/.ssh/tsbackup", "host_key": "SHA256:abc (ED25519)"})
    SecretStore(sftp.setup_id).set("repo-password", SHEET_PASSWORD)
    sheet = recovery.gather(sftp, SecretStore(sftp.setup_id), now=NOW)
    assert ("This computer logs in with the SSH key /home/kanzlei/.ssh/tsbackup. The server's identity (host key) is "
            "SHA256:abc (ED25519): when a new computer connects for the first time, it must show the same.") in [
        n.english() for n in sheet.notes]

    rest = make_setup(tmp_path / "b", secondary={"kind": "rest", "repo": "rest:https://backup.partner.ch/kanzlei/"})
    store = SecretStore(rest.setup_id)
    for name, value in (("repo-password", SHEET_PASSWORD), ("rest-username", "kanzlei"), ("rest-password", "Rest-Pw-1")):
        store.set(name, value)
    sheet = recovery.gather(rest, store, now=NOW)
    assert [(c.name, c.variable, c.value) for c in sheet.credentials] == [
        ("repo-password", "RESTIC_PASSWORD", SHEET_PASSWORD), ("rest-username", "RESTIC_REST_USERNAME", "kanzlei"),
        ("rest-password", "RESTIC_REST_PASSWORD", "Rest-Pw-1")]
    assert "Rest-Pw-1" not in sheet.repo and json.dumps(rest.to_json()).find("Rest-Pw-1") == -1
