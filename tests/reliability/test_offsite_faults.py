"""Off-site faults through the real command: a wrong or missing password, no password store at all,
a lock left by a killed restic on another computer, a damaged pack file. The primary generation
still counts; the status is never ok and says in one sentence what is wrong."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from processes import wait_until

from .conftest import mount_tmpfs, unmount
from .world import World, lines_of, summary_of

PASSWORD = "Kanzlei-Repo-Passwort-2026"


@pytest.fixture
def offsite(tmp_path):
    world = World(tmp_path)
    mount_tmpfs(world.drive, "32m")
    repo = tmp_path / "nas" / "tsbackup"
    repo.parent.mkdir()
    try:
        world.setup("--secondary", repo, "--password-stdin", input=PASSWORD + "\n")
        first = world.cli("run", "--json")
        assert first.returncode == 0, first.stdout + first.stderr
        assert summary_of(first)["offsite"]["snapshot"]
        yield world, repo
    finally:
        unmount(world.drive)


def keyring(world: World, action: str, value: str = "") -> None:
    """Changes the setup's password entry in the same keyring the command uses (another process)."""
    name = f"{world.config()['setup_id']}:repo-password"
    code = {"set": f"keyring.set_password('tsbackup', {name!r}, {value!r})",
            "delete": f"keyring.delete_password('tsbackup', {name!r})"}[action]
    subprocess.run([sys.executable, "-c", f"import keyring; {code}"], env=world.environment(), check=True)


def faulted_run(world: World, env: dict | None = None):
    before = world.snapshot()
    result = world.cli("run", "--json", env=env)
    assert world.snapshot() == before
    assert result.returncode == 1, result.stdout + result.stderr  # the primary counts; off-site is a warning
    summary = summary_of(result)
    assert summary["outcome"] == "warning" and summary["generation"]
    world.assert_generations_match()
    return result, summary


def assert_warning_status(world: World, code: str, sentence: str) -> None:
    status = world.status()
    assert status["state"] == "warning" and status["message"].endswith("— with warnings."), status
    assert status["reasons"] == [{"code": code, "message": sentence}], status


def assert_failed_status(world: World, code: str, sentence: str) -> None:
    """The off-site copy stopped until someone acts: red and CRITICAL, the reason as the headline."""
    status = world.status()
    assert status["state"] == "failed" and status["message"] == sentence, status
    assert status["reasons"] == [{"code": code, "message": sentence}], status


def test_wrong_password_stops_the_off_site_copy_and_is_a_failure_with_one_sentence(offsite):
    world, repo = offsite
    keyring(world, "set", "Falsches-Passwort-77")
    result, summary = faulted_run(world)
    sentence = (f"The password for the off-site backup at {repo} is wrong. "
                "Enter the password from the recovery sheet and try again.")
    assert lines_of(result)[1:] == [sentence]
    assert [r["code"] for r in summary["reasons"]] == ["offsite.wrong_password"]
    assert "Falsches-Passwort-77" not in result.stdout + result.stderr
    assert_failed_status(world, "offsite.wrong_password", sentence)


def test_a_missing_keyring_entry_is_a_warning_with_one_sentence(offsite):
    world, repo = offsite
    keyring(world, "delete")
    result, summary = faulted_run(world)
    sentence = ("The password of the off-site backup is not in this computer's password store. "
                "Run the setup again with the password from the recovery sheet.")
    assert lines_of(result)[1:] == [sentence]
    assert_warning_status(world, "offsite.no_password", sentence)


def test_no_keyring_backend_at_all_is_a_warning_never_a_plaintext_fallback(offsite):
    world, repo = offsite
    result, summary = faulted_run(world, env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    sentence = ("No password store is available on this computer. Install or unlock one (Windows Credential "
                "Manager, macOS Keychain, or GNOME Keyring/KWallet on Linux), then try again.")
    assert lines_of(result)[1:] == [sentence]
    assert summary["offsite"]["snapshot"] is None
    assert_warning_status(world, "secrets.no_backend", sentence)
    assert PASSWORD.encode() not in b"".join(p.read_bytes() for p in world.home.rglob("*") if p.is_file())


def test_a_lock_left_by_a_killed_restic_on_another_computer_is_a_warning(offsite, spawn):
    world, repo = offsite
    env = {**world.environment(), "RESTIC_PASSWORD": PASSWORD, "RESTIC_REPOSITORY": str(repo),
           "RESTIC_CACHE_DIR": str(world.root / "other-cache")}
    other = spawn(["unshare", "--uts", "sh", "-c", "hostname nas-andere && exec restic backup --stdin --stdin-filename x"],
                  env=env, stdin=subprocess.PIPE)
    # restic writes its lock under a temporary name and then renames it: wait for the real one
    wait_until(lambda: any("-tmp-" not in p.name for p in (repo / "locks").iterdir()), timeout=20)
    other.kill()  # kill -9: its lock stays, and restic here cannot tell that its owner is gone
    other.wait()

    result, summary = faulted_run(world)

    assert summary["offsite"]["snapshot"]  # the upload itself needs no exclusive lock
    sentence = (f"Old off-site snapshots could not be cleaned up (The off-site backup at {repo} is in use by another "
                f"restic process (PID {other.pid} on nas-andere). Try again later: a lock left by a process that stopped is cleared by "
                f"itself after 30 minutes.). "
                "The new off-site copy is complete.")
    assert lines_of(result)[1:] == [sentence]
    assert_warning_status(world, "offsite.retention_failed", sentence)


def test_a_damaged_pack_file_fails_the_check_with_exit_5(offsite):
    world, repo = offsite
    for pack in (p for p in (repo / "data").rglob("*") if p.is_file()):
        pack.chmod(0o644)
        with open(pack, "ab") as handle:  # its size no longer matches the index: restic's structure check sees it
            handle.write(b"\0" * 100)
    before = world.snapshot()

    result = world.cli("check", "--json")

    assert result.returncode == 5, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert (report["outcome"], report["message"]) == ("failed", "The monthly check found problems that need attention.")
    failed = [f for f in report["findings"] if f["severity"] == "failed"]
    sentence = (f"restic found errors in the off-site backup at {repo} (repository contains errors). Run the check "
                "again; if the errors stay, start a new off-site backup in another place.")
    assert failed == [{"code": "check.offsite_damaged", "message": sentence, "severity": "failed"}]
    assert world.snapshot() == before
    world.assert_generations_match()
    status = world.status()
    assert (status["state"], status["message"]) == (
        "warning", "The last monthly check found a problem. Run the check again after the next backup."), status
    assert {"code": "check.offsite_damaged", "message": sentence} in status["reasons"]
