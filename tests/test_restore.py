"""Restore from the backup drive and from restic, byte for byte, checked against the manifest; and the CLI."""

from __future__ import annotations

from datetime import datetime

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from test_restic_support import (COMPUTER, PASSWORD, SAMPLE, SETUP_ID, generation, local, new_repo, target,
                                 tree_bytes, write_source)

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.restic.driver import Restic
from tsbackup_gui.core.restore.into_folder import RestoreVerifyError, restore_from_primary, restore_from_snapshot
from tsbackup_gui.core.offsite.upload import backup_generation, setup_tag

DATA = "timeSensor DataFiles"


@pytest.fixture
def source(tmp_path):
    root = write_source(tmp_path / DATA, SAMPLE)
    (root / "Logs").mkdir()  # an empty folder must come back too
    os.symlink("timeSensor.4DD", root / "current.4DD")
    os.utime(root / "timeSensor.4DD", ns=(1_700_000_000_123_456_789, 1_700_000_000_123_456_789))
    return root


@pytest.fixture
def archives(tmp_path):
    return write_source(tmp_path / "Archives", {"timeSensor[0007].4BK": b"4bk" * 1000, "timeSensor[0006].4BL": b"l"})


@pytest.fixture
def gen(source, archives, tmp_path):
    return generation(source, target(tmp_path / "primary"), local(), verdict="archive-ok",
                      extra_sources=[(archives, "4D Backup")])


@pytest.fixture
def repo(tmp_path):
    return new_repo(tmp_path / "repo")


def assert_same_as_backup(to: Path, source: Path, archives: Path):
    assert tree_bytes(to / DATA) == tree_bytes(source)
    assert tree_bytes(to / "4D Backup") == tree_bytes(archives)
    assert sorted(p.name for p in to.iterdir()) == ["4D Backup", DATA, "tsbackup-manifest.json"]
    restored = to / DATA / "timeSensor.4DD"
    st = restored.stat()
    assert st.st_mtime_ns == 1_700_000_000_123_456_789
    assert stat.S_ISREG(st.st_mode) and st.st_mode & stat.S_IWUSR and st.st_nlink == 1  # an ordinary, writable file
    assert (to / DATA / "Logs").stat().st_mode & stat.S_IWUSR
    assert (to / DATA / "STUFF").stat().st_mtime_ns == (source / "STUFF").stat().st_mtime_ns  # folders' too
    with open(restored, "r+b") as handle:  # really writable
        handle.write(b"x")


def test_restore_from_primary_byte_for_byte(gen, source, archives, tmp_path):
    to = tmp_path / "restored"
    report = restore_from_primary(gen.path, to)
    assert report.verified and report.files == len(SAMPLE) + 2 and report.symlinks == 1
    assert report.bytes == sum(len(v) for v in SAMPLE.values()) + 3000 + 1
    assert_same_as_backup(to, source, archives)
    assert stat.S_IMODE((gen.path / DATA / "timeSensor.4DD").stat().st_mode) == 0o444  # the generation stays read-only


class CancelAfter:
    """A cancel event that the person "clicks" after ``n`` looks: mid-copy, between two files."""

    def __init__(self, n: int):
        self.looks, self.n = 0, n

    def is_set(self) -> bool:
        self.looks += 1
        return self.looks > self.n


def test_a_cancelled_restore_from_the_drive_stops_between_files_and_leaves_nothing(gen, tmp_path):
    to = tmp_path / "new" / "restored"
    cancel = CancelAfter(2)
    with pytest.raises(UserError) as caught:
        restore_from_primary(gen.path, to, cancel=cancel)
    assert caught.value.exit_code == Exit.WARNING
    assert caught.value.message.english() == (
        "The restore was cancelled. The unfinished copy was removed; your current data was not touched.")
    assert cancel.looks == 3  # it looked before each file and stopped at the third
    assert not to.exists() and not (tmp_path / "new").exists()  # the folders this restore made are gone too
    assert stat.S_IMODE((gen.path / DATA / "timeSensor.4DD").stat().st_mode) == 0o444


def test_restore_refuses_a_non_empty_folder_and_touches_nothing(gen, tmp_path):
    to = tmp_path / "busy"
    to.mkdir()
    (to / "keep.txt").write_text("mine")
    with pytest.raises(UserError) as caught:
        restore_from_primary(gen.path, to)
    assert caught.value.exit_code == Exit.USAGE and caught.value.message.id == "restore.target_not_empty"
    assert sorted(p.name for p in to.iterdir()) == ["keep.txt"]
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(UserError) as caught:
        restore_from_primary(gen.path, tmp_path / "a-file")
    assert caught.value.message.id == "restore.target_not_folder"


def test_a_damaged_generation_fails_verification_naming_the_file(gen, tmp_path):
    victim = gen.path / DATA / "STUFF" / "BACKUP" / "notes.txt"
    victim.chmod(0o644)
    victim.write_bytes("Grüezi Aktex\n".encode())  # same size, one byte different
    to = tmp_path / "restored"
    with pytest.raises(RestoreVerifyError) as caught:
        restore_from_primary(gen.path, to)
    error = caught.value
    assert error.exit_code == Exit.VERIFY_FAILED
    assert str(error) == (f"The restored file {DATA}/STUFF/BACKUP/notes.txt does not match the backup's manifest "
                          f"(content differs). The files are in {to}; do not use them, try an older backup.")
    assert error.report.mismatches[0].problem == "content"
    (gen.path / DATA / "extra.bin").parent.chmod(0o755)
    (gen.path / DATA / "extra.bin").write_bytes(b"?")
    with pytest.raises(RestoreVerifyError) as caught:
        restore_from_primary(gen.path, tmp_path / "again")
    assert {(m.path, m.problem) for m in caught.value.report.mismatches} == {
        (f"{DATA}/STUFF/BACKUP/notes.txt", "content"), (f"{DATA}/extra.bin", "unexpected")}


def test_restore_from_snapshot_byte_for_byte(gen, source, archives, repo, tmp_path):
    restic = Restic(str(repo), PASSWORD)
    made = backup_generation(restic, gen, host=COMPUTER, setup_tag=setup_tag(SETUP_ID))
    to = tmp_path / "restored"
    report = restore_from_snapshot(restic, "latest", to, host=COMPUTER, tags=[setup_tag(SETUP_ID)])
    assert report.verified and report.backup == made.snapshot_id[:8] and report.files == len(SAMPLE) + 2
    assert_same_as_backup(to, source, archives)
    with pytest.raises(UserError) as caught:
        restore_from_snapshot(restic, "latest", tmp_path / "none", host="another-computer")
    assert caught.value.message.id == "restore.no_snapshot_of_host" and not (tmp_path / "none").exists()
    assert f"It holds snapshots of: {COMPUTER}." in caught.value.message.english()
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError) as caught:
        restore_from_snapshot(restic, "abcdef12", tmp_path / "empty")
    assert caught.value.message.id == "restore.snapshot_not_found" and caught.value.exit_code == Exit.USAGE
    assert list((tmp_path / "empty").iterdir()) == []  # an existing empty folder stays, empty


def _backed_up(gen, repo) -> str:
    return backup_generation(Restic(str(repo), PASSWORD), gen, host=COMPUTER, setup_tag=setup_tag(SETUP_ID)).snapshot_id


def test_new_computer_restore_through_the_cli(gen, source, archives, repo, tmp_path, run_cli, tsbackup_home):
    _backed_up(gen, repo)
    to = tmp_path / "new-computer" / "restore"
    result = run_cli("restore", "--repo", str(repo), "--password-stdin", "--to", str(to), "--json",
                     input=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    (summary,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert summary["outcome"] == "ok" and summary["verified"] is True and summary["files"] == len(SAMPLE) + 2
    assert result.stderr.startswith(f"Files restored: {len(SAMPLE) + 2} (")
    when = datetime.fromisoformat(summary["backup_time"]).astimezone().strftime("%Y-%m-%d %H:%M")
    assert f"from the off-site copy of {when} (snapshot {summary['backup']}) into {to};" in result.stderr
    assert_same_as_backup(to, source, archives)
    assert not (tsbackup_home / "config" / "config.json").exists()  # no configuration was needed or made
    assert "restic restore" in (tsbackup_home / "logs" / "tsbackup.log").read_text()
    assert_no_password_under(tsbackup_home)


def test_wrong_password_through_the_cli_is_exit_2_and_changes_nothing(gen, repo, tmp_path, run_cli, tsbackup_home):
    _backed_up(gen, repo)
    to = tmp_path / "restore"
    wrong = "Wrong-Password-From-Memory"
    result = run_cli("restore", "--repo", str(repo), "--password-stdin", "--to", str(to), input=wrong + "\n")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == (f"The password for the off-site backup at {repo} is wrong. "
                                      "Enter the password from the recovery sheet and try again.")
    assert not to.exists()
    assert_no_password_under(tsbackup_home, wrong)


def test_configured_restores_through_the_cli(gen, source, archives, repo, tmp_path, run_cli, cli_env, tsbackup_home):
    snapshot = _backed_up(gen, repo)
    config_mod.save(Config(source=str(source), primary=str(tmp_path / "primary"), setup_id=SETUP_ID,
                           computer=COMPUTER, secondary={"repo": str(repo)}))
    subprocess.run([sys.executable, "-c", "import sys; from tsbackup_gui.core.store.secrets import SecretStore; "
                    "SecretStore(sys.argv[1]).set('repo-password', sys.stdin.read())", SETUP_ID],
                   input=PASSWORD, text=True, env=cli_env, check=True)

    from_primary = run_cli("restore", "--from", "primary", "--to", str(tmp_path / "p"))
    assert from_primary.returncode == 0, from_primary.stderr
    assert_same_as_backup(tmp_path / "p", source, archives)

    from_secondary = run_cli("restore", "--from", "secondary", "--snapshot", snapshot[:8], "--to", str(tmp_path / "s"))
    assert from_secondary.returncode == 0, from_secondary.stderr
    assert_same_as_backup(tmp_path / "s", source, archives)

    missing = run_cli("restore", "--from", "primary", "--generation", "1999-01-01_000000", "--to", str(tmp_path / "x"))
    assert missing.returncode == 2 and "There is no backup 1999-01-01_000000 on the backup drive." in missing.stderr
    assert_no_password_under(tsbackup_home)


def test_cli_usage_errors_are_plain_sentences(run_cli, tmp_path):
    to = tmp_path / "out"
    cases = [
        (["--to", str(to)], "Say where to restore from"),
        (["--repo", str(tmp_path), "--to", str(to)], "--repo needs --password-stdin"),
        (["--from", "primary", "--snapshot", "abc", "--to", str(to)], "--snapshot cannot be used here"),
        (["--from", "secondary", "--to", str(to)], "The backup is not set up yet."),
    ]
    for args, expected in cases:
        result = run_cli("restore", *args)
        assert result.returncode == 2 and expected in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and not to.exists()
    empty = run_cli("restore", "--repo", str(tmp_path), "--password-stdin", "--to", str(to), input="\n")
    assert empty.returncode == 2 and "No password arrived on standard input." in empty.stderr


def test_unreachable_repository_in_restore_is_exit_4(tmp_path, run_cli):
    result = run_cli("restore", "--repo", str(tmp_path / "unmounted" / "repo"), "--password-stdin", "--json",
                     "--to", str(tmp_path / "out"), input=PASSWORD + "\n")
    assert result.returncode == 4
    (summary,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert summary["outcome"] == "failed" and summary["reasons"][0]["code"] == "offsite.unreachable"


def assert_no_password_under(root: Path, password: str = PASSWORD):
    """Config, history, logs and the restic cache: the password is in none of them."""
    needle = password.encode()
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            assert needle not in path.read_bytes(), path


def test_a_host_that_has_no_snapshot_names_the_hosts_there_are(gen, repo, tmp_path, run_cli):
    _backed_up(gen, repo)
    to = tmp_path / "new-computer" / "restore"
    result = run_cli("restore", "--repo", str(repo), "--password-stdin", "--host", "Kanzlei-PX", "--to", str(to),
                     input=PASSWORD + "\n")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"The off-site backup at {repo} holds no snapshot of the computer Kanzlei-PX. It holds snapshots of: "
        f"{COMPUTER}. Give one of these names with --host.")
    assert not to.exists()
