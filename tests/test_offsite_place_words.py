"""Where an off-site backup lies is said plainly: a path in the SFTP login's home folder, an S3 endpoint
without encryption; and a new computer's S3 restore without keys says which keys it needs."""

from __future__ import annotations

from tsbackup_gui.core.setup.remote import place_notes


def test_a_single_slash_sftp_path_is_said_to_lie_in_the_logins_home_folder():
    (note,) = place_notes({"kind": "sftp", "repo": "sftp://backup@nas.kanzlei.local/restic/kanzlei"})
    assert note.english() == (
        "The off-site backup lies in the SFTP login's home folder, at restic/kanzlei inside it. For a path from the "
        "server's root, write two slashes after the server: sftp://nas.kanzlei.local//restic/kanzlei")
    assert place_notes({"kind": "sftp", "repo": "sftp://backup@nas.kanzlei.local//srv/restic"}) == []


def test_an_s3_endpoint_over_http_is_said_once_and_https_is_quiet():
    (note,) = place_notes({"kind": "s3", "repo": "s3:http://minio.kanzlei.local:9000/backup"})
    assert note.english().startswith("The S3 storage http://minio.kanzlei.local:9000/backup is reached without encryption")
    assert place_notes({"kind": "s3", "repo": "s3:https://s3.eu-central-2.wasabisys.com/backup"}) == []


def test_a_new_computer_s3_restore_without_keys_names_them(run_cli, tmp_path):
    result = run_cli("restore", "--repo", "s3:http://127.0.0.1:9/kanzlei/x", "--password-stdin",
                     "--to", tmp_path / "zurueck", input="Passwort\n",
                     env={"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""})
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "The S3 storage opens only with its two access keys (they are on the recovery sheet): set "
        "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then restore again.")
    assert not (tmp_path / "zurueck").exists()
