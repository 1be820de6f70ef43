"""The restic driver against the real restic (Debian's 0.14), plus recorded/faked 0.17 behaviour."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest

from processes import wait_until
from test_restic_support import PASSWORD, RESTIC, new_repo, raw_restic

from tsbackup_gui.core.errors import Exit
from tsbackup_gui.core.restic.driver import Restic, find_restic, parse_version, restic_version
from tsbackup_gui.core.restic.errors import ResticCancelled, ResticError, classify, digest_stderr, scrub
from tsbackup_gui.core.restic.json_output import parse_backup_stream, parse_snapshots, parse_time


@pytest.fixture
def repo(tmp_path):
    return new_repo(tmp_path / "repo")


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "gen"
    (folder / "timeSensor DataFiles").mkdir(parents=True)
    (folder / "timeSensor DataFiles" / "a.4DD").write_bytes(b"a" * 5000)
    (folder / "tsbackup-manifest.json").write_text("{}")
    return folder


def fake_restic(path: Path, body: str, version: str = "0.17.3") -> Path:
    """A stand-in binary: answers `version` like restic, runs ``body`` (sh) for everything else."""
    path.write_text(
        "#!/bin/sh\n"
        'for a in "$@"; do if [ "$a" = version ]; then '
        f'echo "restic {version} compiled with go1.22.5 on linux/amd64"; exit 0; fi; done\n' + body + "\n"
    )
    path.chmod(0o755)
    return path


def test_real_restic_is_found_and_new_enough():
    binary = find_restic()
    assert binary == Path(RESTIC)
    assert restic_version(binary) >= (0, 14, 0)
    assert parse_version("restic 0.17.3 compiled with go1.22.5 on linux/amd64") == (0, 17, 3)
    assert parse_version("restic 0.16.4-dev (compiled manually) compiled with go1.21") == (0, 16, 4)


def test_missing_restic_gives_the_install_hint(monkeypatch, tmp_path):
    monkeypatch.setenv("TSBACKUP_RESTIC", str(tmp_path / "nowhere" / "restic"))
    monkeypatch.setenv("PATH", "")
    with pytest.raises(ResticError) as caught:
        find_restic()
    assert caught.value.code == "restic.not_found"
    assert caught.value.exit_code == Exit.USAGE
    assert "apt install restic" in str(caught.value)


def test_missing_restic_through_the_cli(run_cli, tmp_path):
    result = run_cli("restore", "--repo", str(tmp_path / "repo"), "--password-stdin", "--to", str(tmp_path / "out"),
                     input=PASSWORD + "\n", env={"PATH": "", "TSBACKUP_RESTIC": str(tmp_path / "nowhere")})
    assert result.returncode == 2
    assert result.stderr.strip().startswith("The program restic, which makes the off-site backup, was not found.")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_override_comes_first_and_too_old_is_refused(monkeypatch, tmp_path):
    old = fake_restic(tmp_path / "restic-old", "exit 0", version="0.9.6")
    monkeypatch.setenv("TSBACKUP_RESTIC", str(old))
    assert find_restic() == old
    with pytest.raises(ResticError) as caught:
        Restic(str(tmp_path / "repo"), PASSWORD)
    assert caught.value.code == "restic.too_old"
    assert "0.9.6" in str(caught.value) and "0.14.0" in str(caught.value)


def test_wrong_password_is_one_plain_sentence(repo):
    wrong = "Not-The-Password-991"
    with pytest.raises(ResticError) as caught:
        Restic(str(repo), wrong).check_access()
    error = caught.value
    assert error.code == "offsite.wrong_password" and error.exit_code == Exit.USAGE
    assert str(error) == (f"The password for the off-site backup at {repo} is wrong. "
                          "Enter the password from the recovery sheet and try again.")
    assert wrong not in str(error) + error.detail


def test_a_wrong_password_that_occurs_in_restics_own_words_is_still_recognised(repo):
    """restic says "wrong password or no key found"; a wrong password "wrong" must not hide that."""
    with pytest.raises(ResticError) as caught:
        Restic(str(repo), "wrong").check_access()
    assert caught.value.code == "offsite.wrong_password"
    assert "wrong" not in caught.value.detail.replace("***", "")


def test_a_folder_without_repository(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    restic = Restic(str(empty), PASSWORD)
    assert restic.is_repository() is False
    with pytest.raises(ResticError) as caught:
        restic.snapshots()
    assert caught.value.code == "offsite.no_repository" and caught.value.exit_code == Exit.USAGE


def test_a_repository_on_a_missing_mount_is_unreachable(tmp_path):
    restic = Restic(str(tmp_path / "mnt-nas" / "offsite" / "repo"), PASSWORD)
    with pytest.raises(ResticError) as caught:
        restic.snapshots()
    assert caught.value.code == "offsite.unreachable" and caught.value.exit_code == Exit.WARNING
    assert f"{tmp_path / 'mnt-nas'}: No such file or directory" in str(caught.value)


def test_init_and_open(tmp_path):
    restic = Restic(str(tmp_path / "new" / "repo"), PASSWORD)
    restic.init()
    assert restic.is_repository() is True
    assert restic.snapshots() == []


def test_password_reaches_restic_only_through_its_environment(repo, data, caplog):
    caplog.set_level(logging.DEBUG)
    restic = Restic(str(repo), PASSWORD)
    seen = {}

    def progress(event):
        if event.pid and "cmdline" not in seen:
            seen["cmdline"] = Path(f"/proc/{event.pid}/cmdline").read_bytes()
            seen["environ"] = Path(f"/proc/{event.pid}/environ").read_bytes()

    summary = restic.backup(data, ["timeSensor DataFiles", "tsbackup-manifest.json"], host="pc", tags=["t"],
                            progress=progress)
    assert summary.snapshot_id
    assert b"backup" in seen["cmdline"] and PASSWORD.encode() not in seen["cmdline"]
    assert f"RESTIC_PASSWORD={PASSWORD}".encode() in seen["environ"].split(b"\0")
    assert PASSWORD not in repr(restic)
    assert "restic backup" in caplog.text and PASSWORD not in caplog.text


def test_inherited_restic_variables_do_not_leak_in(repo, monkeypatch):
    monkeypatch.setenv("RESTIC_PASSWORD_FILE", "/nonexistent/password-file")
    monkeypatch.setenv("RESTIC_REPOSITORY", "/somewhere/else")
    restic = Restic(str(repo), PASSWORD)
    restic.check_access()  # raises with the password file restic would otherwise have read
    assert restic.is_repository() is True
    assert restic.snapshots() == []  # the fresh repository at `repo`, not /somewhere/else


def test_scrub_removes_passwords_and_url_credentials():
    text = "Fatal: rest:https://anna:s3cr3t@nas.example:8000/repo refused; pw Correct-Horse in env"
    assert scrub(text, ["Correct-Horse"]) == "Fatal: rest:https://anna:***@nas.example:8000/repo refused; pw *** in env"
    assert scrub("\x1b[2Ksignal interrupt received") == "signal interrupt received"


def test_error_texts_never_carry_the_password():
    secret = "Horse-Battery-42"
    digest = digest_stderr([f"Fatal: unable to open repo at rest:https://u:{secret}@host/: dial tcp: connection refused\n"])
    error = classify(1, digest, repo=f"rest:https://u:{secret}@host/", secrets=[secret])
    assert error.code == "offsite.unreachable"
    assert secret not in str(error) and secret not in error.detail
    assert "u:***@host" in str(error)


# -- recorded output of newer restic versions --------------------------------------------

STREAM_017 = [
    '{"message_type":"status","seconds_elapsed":1,"percent_done":0.5,"total_files":2,"files_done":1,'
    '"total_bytes":2000,"bytes_done":1000,"current_files":["/x"]}',
    '{"message_type":"summary","files_new":0,"files_changed":1,"files_unmodified":2,"dirs_new":0,"dirs_changed":1,'
    '"dirs_unmodified":2,"data_blobs":1,"tree_blobs":2,"data_added":420,"data_added_packed":300,'
    '"total_files_processed":3,"total_bytes_processed":2000,"total_duration":0.5,'
    '"backup_start":"2025-03-01T10:00:00.123456789+01:00","backup_end":"2025-03-01T10:00:01+01:00",'
    '"snapshot_id":"d3b07384d113edec49eaa6238ad5ff00d3b07384d113edec49eaa6238ad5ff00"}',
]


def test_recorded_017_stream_and_error_objects():
    errors = [{"message_type": "error", "error": {"message": "open bad: permission denied"}, "during": "archival",
               "item": "/g/bad"}]
    summary = parse_backup_stream(STREAM_017, errors)
    assert summary.files_unmodified == 2 and summary.total_files_processed == 3
    assert summary.snapshot_id.startswith("d3b07384")
    assert summary.errors == [("/g/bad", "open bad: permission denied")]
    assert parse_backup_stream(STREAM_017[:1]) is None  # no summary: not a snapshot


def test_recorded_014_error_object_names_the_reason():
    digest = digest_stderr([
        '{"message_type":"error","error":{"Op":"open","Path":"bad","Err":13},"during":"archival","item":"/g/bad"}\n',
        "Warning: at least one source file could not be read\n",
    ])
    from tsbackup_gui.core.restic.errors import error_item

    assert error_item(digest.errors[0]) == ("/g/bad", "open bad: Permission denied")


@pytest.mark.parametrize("code, stderr, expected", [
    (12, '{"message_type":"exit_error","code":12,"message":"Fatal: wrong password or no key found"}', "offsite.wrong_password"),
    (10, '{"message_type":"exit_error","code":10,"message":"Fatal: repository does not exist: unable to open config file"}', "offsite.no_repository"),
    (11, '{"message_type":"exit_error","code":11,"message":"Fatal: unable to create lock in backend: repository is already locked exclusively by PID 7 on nas by anna"}', "offsite.locked"),
    (1, "Fatal: unable to open config file: stat /r/config: no such file or directory\nIs there a repository at the following location?", "offsite.no_repository"),
    (1, "Fatal: unable to open config file: Head \"http://h:1/config\": dial tcp 10.0.0.1:1: connect: connection refused\nIs there a repository at the following location?", "offsite.unreachable"),
    (1, "Fatal: load index 1234: ciphertext verification failed", "offsite.failed"),
])
def test_failures_of_every_restic_version_map_to_one_kind(tmp_path, code, stderr, expected):
    repo = str(tmp_path) if "/r/config" in stderr else "rest:http://h:1/"
    if expected == "offsite.no_repository" and code == 10:
        repo = "s3:https://sos-ch-dk-2.exo.io/bucket"
    error = classify(code, digest_stderr(stderr.splitlines()), repo=repo)
    assert error.code == expected
    if expected == "offsite.locked":
        assert "PID 7 on nas" in str(error)
    if expected == "offsite.failed":
        assert "load index 1234: ciphertext verification failed. The details are in the log." in str(error)


def test_fake_017_wrong_password_exit_12_through_the_driver(tmp_path, monkeypatch):
    fake = fake_restic(tmp_path / "restic", "echo '{\"message_type\":\"exit_error\",\"code\":12,"
                                            "\"message\":\"Fatal: wrong password or no key found\"}' >&2; exit 12")
    monkeypatch.setenv("TSBACKUP_RESTIC", str(fake))
    with pytest.raises(ResticError) as caught:
        Restic("s3:https://sos-ch-dk-2.exo.io/bucket", PASSWORD).snapshots()
    assert caught.value.code == "offsite.wrong_password" and caught.value.returncode == 12


def test_a_backup_without_summary_does_not_count(tmp_path, monkeypatch, data):
    fake = fake_restic(tmp_path / "restic", "echo '{\"message_type\":\"status\",\"percent_done\":0.1}'; exit 0")
    monkeypatch.setenv("TSBACKUP_RESTIC", str(fake))
    with pytest.raises(ResticError) as caught:
        Restic("/some/repo", PASSWORD).backup(data, ["timeSensor DataFiles"], host="pc")
    assert caught.value.code == "offsite.no_summary"


def test_snapshot_times_with_nanoseconds():
    moment = parse_time("2026-11-27T05:22:03.399928563+01:00")
    assert moment.microsecond == 399928 and moment.utcoffset().total_seconds() == 3600
    assert parse_time("2025-01-02T12:00:00Z").tzinfo is not None
    assert parse_snapshots("null") == []


# -- exit code 3, locks, cancel ------------------------------------------------------------

@pytest.fixture
def world_dir():
    """A folder user nobody may use (pytest's tmp_path is private to root)."""
    root = Path(tempfile.mkdtemp(prefix="tsbackup-nobody-"))
    root.chmod(0o777)
    yield root
    shutil.rmtree(root, ignore_errors=True)


def test_unreadable_file_is_exit_3_a_snapshot_with_a_warning(world_dir, monkeypatch):
    """restic runs as user nobody (via setpriv) so a mode-000 file really cannot be read."""
    wrapper = world_dir / "restic-as-nobody"
    wrapper.write_text(f'#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups {RESTIC} "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("TSBACKUP_RESTIC", str(wrapper))
    gen = world_dir / "gen"
    (gen / "timeSensor DataFiles").mkdir(parents=True)
    (gen / "timeSensor DataFiles" / "ok.4DD").write_bytes(b"ok")
    (gen / "timeSensor DataFiles" / "locked.4DD").write_bytes(b"secret")
    (gen / "timeSensor DataFiles" / "locked.4DD").chmod(0)
    for folder in (gen, gen / "timeSensor DataFiles"):
        folder.chmod(0o777)
    new_repo(world_dir / "repo")
    subprocess.run(["chown", "-R", "65534:65534", str(world_dir / "repo")], check=True)
    restic = Restic(str(world_dir / "repo"), PASSWORD, cache_dir=world_dir / "cache")
    summary = restic.backup(gen, ["timeSensor DataFiles"], host="pc")
    assert summary.incomplete is True and summary.snapshot_id
    assert summary.errors and summary.errors[0][0].endswith("locked.4DD")
    assert "ermission denied" in summary.errors[0][1]
    assert [s.short_id for s in restic.snapshots()] == [summary.snapshot_id[:8]]


def _locks(repo: Path) -> list[str]:
    return sorted(p.name for p in (repo / "locks").iterdir())


def test_a_live_lock_is_never_removed(repo, tmp_path):
    holder = subprocess.Popen([RESTIC, "backup", "--stdin", "--stdin-filename", "held"], stdin=subprocess.PIPE,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "RESTIC_REPOSITORY": str(repo), "RESTIC_PASSWORD": PASSWORD,
                                   "RESTIC_CACHE_DIR": str(tmp_path / "cache-holder")})
    try:
        # the holder needs a moment to open the repository and take its lock (written under a
        # temporary name, then renamed)
        wait_until(lambda: (repo / "locks").is_dir() and _locks(repo) and not any("-tmp-" in n for n in _locks(repo)),
                   timeout=30, what="restic did not take its lock")
        held = _locks(repo)
        assert held
        with pytest.raises(ResticError) as caught:
            Restic(str(repo), PASSWORD).prune()
        assert caught.value.code == "offsite.locked" and caught.value.exit_code == Exit.WARNING
        assert _locks(repo) == held  # `unlock` ran and left the live lock alone
    finally:
        holder.communicate(b"data", timeout=60)
    assert holder.returncode == 0
    assert _locks(repo) == []


def test_cancel_interrupts_restic_and_leaves_no_lock_and_no_snapshot(repo, tmp_path):
    folder = tmp_path / "big"
    (folder / "timeSensor DataFiles").mkdir(parents=True)
    (folder / "timeSensor DataFiles" / "big.4DD").write_bytes(os.urandom(8 << 20))
    restic = Restic(str(repo), PASSWORD)
    cancel = threading.Event()

    def progress(event):
        if event.phase == "status" and event.bytes_done > 0:
            cancel.set()

    with pytest.raises(ResticCancelled) as caught:
        restic.backup(folder, ["timeSensor DataFiles"], host="pc", progress=progress, limit_upload_kib=512,
                      cancel=cancel)
    assert caught.value.code == "offsite.cancelled"
    assert caught.value.returncode == 130  # restic itself handled the interrupt (and its lock)
    assert _locks(repo) == []
    assert restic.snapshots() == []
    assert restic.pid is None


def test_check_tells_a_damaged_repository_from_a_healthy_one(repo, data):
    restic = Restic(str(repo), PASSWORD)
    restic.backup(data, ["timeSensor DataFiles"], host="pc")
    assert restic.check(read_data_subset="1/1")[0] is True
    with pytest.raises(ValueError):
        restic.forget(tags=["x"], host="pc")  # no keep rule: refused before restic could delete everything
    pack = max((p for p in (repo / "data").rglob("*") if p.is_file()), key=lambda p: p.stat().st_size)
    pack.chmod(0o644)
    damaged = bytearray(pack.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    pack.write_bytes(bytes(damaged))
    ok, detail = restic.check(read_data_subset="1/1")
    assert ok is False and detail


def test_raw_restic_agrees_with_the_driver(repo, data, tmp_path):
    restic = Restic(str(repo), PASSWORD)
    summary = restic.backup(data, ["timeSensor DataFiles"], host="pc", tags=["tsbackup:x", "generation:1"])
    listed = raw_restic(repo, tmp_path / "c", "snapshots", "--json")
    assert listed.returncode == 0
    (only,) = parse_snapshots(listed.stdout)
    assert only.short_id == summary.snapshot_id[:8] and only.tags == ("tsbackup:x", "generation:1")
    assert only.hostname == "pc"
