"""`tsbackup check` through the real command: exit codes, the JSON object, plain sentences,
and the next `tsbackup run` copying damaged files afresh."""

from __future__ import annotations

import json

import pytest

from test_restic_support import COMPUTER, SAMPLE, write_source
from test_verify_support import DATA, delete_from_generation, flip_byte_keeping_size_and_time

from tsbackup_gui.core.store import config as config_mod


@pytest.fixture
def backed_up(tmp_path, run_cli):
    source = write_source(tmp_path / DATA, SAMPLE)
    drive = tmp_path / "drive"
    drive.mkdir()
    done = run_cli("setup", "--source", source, "--primary", drive, "--computer", COMPUTER)
    assert done.returncode == 0, done.stderr
    run = run_cli("run", "--json")
    assert run.returncode == 0, run.stderr
    generation = json.loads(run.stdout.splitlines()[-1])["generation"]
    return source, drive / "timeSensor Backups" / COMPUTER / generation


def one_object(result) -> dict:
    (line,) = result.stdout.splitlines()
    return json.loads(line)


def test_damaged_files_are_exit_5_named_each_and_the_next_run_copies_them_afresh(backed_up, run_cli):
    source, generation = backed_up
    flipped = generation / DATA / "timeSensor.4DD"
    deleted = generation / DATA / "STUFF" / "BACKUP" / "notes.txt"
    flip_byte_keeping_size_and_time(flipped)
    delete_from_generation(deleted)

    result = run_cli("check", "--json")
    assert result.returncode == 5, result.stderr
    report = one_object(result)
    assert (report["outcome"], report["exit_code"]) == ("failed", 5)
    assert report["damaged"] == [f"{DATA}/STUFF/BACKUP/notes.txt", f"{DATA}/timeSensor.4DD"]
    failed = [f for f in report["findings"] if f["severity"] == "failed"]
    assert [f["code"] for f in failed] == ["check.file_damaged", "check.file_damaged"]
    assert any(f"{DATA}/timeSensor.4DD" in f["message"] and "(content differs)" in f["message"] for f in failed)
    assert any(f"{DATA}/STUFF/BACKUP/notes.txt" in f["message"] and "(missing)" in f["message"] for f in failed)
    assert report["next_due"] is not None  # no good check yet: counted from the setup
    assert "The monthly check found 2 damaged files in the newest backup." in result.stderr

    plain = run_cli("check")
    assert plain.returncode == 5 and plain.stderr == ""
    lines = plain.stdout.splitlines()
    assert lines[0].startswith("The monthly check found 2 damaged files")
    assert lines[1].startswith(f"{DATA}/") and lines[2].startswith(f"{DATA}/")

    # the next run copies the damaged files afresh, and says the older backup still holds the damaged copy
    run = run_cli("run", "--json")
    assert run.returncode == 1, run.stderr
    summary = json.loads(run.stdout.splitlines()[-1])
    assert [r["code"] for r in summary["reasons"]] == ["run.still_damaged"]
    assert summary["reasons"][0]["message"].endswith(f"the older backups {generation.name} still hold the damaged copy.")
    fresh = generation.parent / summary["generation"]
    copy = fresh / DATA / "timeSensor.4DD"
    assert copy.stat().st_ino != flipped.stat().st_ino
    assert copy.read_bytes() == (source / "timeSensor.4DD").read_bytes()
    assert (fresh / DATA / "STUFF" / "BACKUP" / "notes.txt").read_bytes() == SAMPLE["STUFF/BACKUP/notes.txt"]
    again = one_object(run_cli("check", "--json"))
    assert again["damaged"] == [] and again["generation"] == fresh.name


def test_needs_confirmation_with_an_external_secondary(backed_up, run_cli):
    config = config_mod.load()
    config.secondary = {"kind": "external", "repo": "external:NAS-to-NAS by Muster IT"}
    config_mod.save(config)

    result = run_cli("check", "--json")
    assert result.returncode == 1, result.stderr
    report = one_object(result)
    assert report["outcome"] == "needs-confirmation" and report["damaged"] == []
    assert [f["code"] for f in report["findings"] if f["severity"] != "ok"] == ["check.external_confirm"]

    plain = run_cli("check")
    assert plain.returncode == 1
    assert plain.stdout.splitlines()[0] == "The monthly check is done; some items need you to confirm them."
    assert plain.stdout.splitlines()[-1] == (
        "Once you have checked these items yourself, confirm them with: tsbackup check --confirm-external")

    confirmed = run_cli("check", "--confirm-external")
    assert confirmed.returncode == 0, confirmed.stdout
    assert confirmed.stdout.splitlines()[0].startswith("The monthly check found everything in order. The next check is due on ")
    status = json.loads(run_cli("status", "--json").stdout)
    assert "reminder.check" not in [r["code"] for r in status["reminders"]]


def test_check_without_a_setup_is_one_plain_sentence(run_cli):
    result = run_cli("check")
    assert result.returncode == 2
    assert result.stderr.strip() == "The backup is not set up yet. Run the setup first."
