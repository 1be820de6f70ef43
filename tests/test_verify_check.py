"""The monthly check in-process: a healthy backup, silent damage the manifest alone misses,
the k/12 rotation, what needs a person, free space and its trend, 4D's archives."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta

import pytest

from fourd_trees import archives, data_folder
from test_restic_support import PASSWORD, SAMPLE
from test_verify_support import (DATA, NOW, ZURICH, delete_from_generation, flip_byte_keeping_size_and_time,
                                 new_generation, set_up, target_of, with_repo)

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.primary.generations import list_generations
from tsbackup_gui.core.store.secrets import SecretStore
from tsbackup_gui.core.status.model import compute_status
from tsbackup_gui.core.status.facts import load_attempts
from tsbackup_gui.core.check.monthly import data_subset, data_subsets, run_check
from tsbackup_gui.core.drives.rotation import connected_generations
from tsbackup_gui.core.primary.damage import damaged_paths as damaged_paths_of
from tsbackup_gui.core.check.space import estimate, space_finding

LATER = NOW + timedelta(hours=2)


def damaged_paths(config):
    return damaged_paths_of(config, connected_generations(config))


def codes(result, severity=None):
    return [f.code for f in result.findings if severity is None or f.severity == severity]


def sentences(result):
    return [f.message.english() for f in result.findings]


@pytest.fixture
def healthy(tmp_path):
    """Data folder, one generation, its off-site snapshot, the password in the keyring, the sheet confirmed."""
    config, source = set_up(tmp_path)
    generation = new_generation(config)
    with_repo(tmp_path, config, generation)
    SecretStore(config.setup_id).set("repo-password", PASSWORD)
    return config, source, generation


def test_a_healthy_backup_passes_every_part_and_is_recorded(healthy, tsbackup_home):
    config, source, generation = healthy
    result = run_check(config, clock=FixedClock(LATER), confirm_external=True)
    assert (result.outcome, result.exit_code, result.damaged) == ("ok", 0, [])
    assert set(codes(result, "ok")) == set(codes(result)) == {
        "check.generation_ok", "check.source_ok", "check.space_free", "check.sheet_confirmed", "check.keyring_ok",
        "check.offsite_ok", "check.offsite_fresh"}
    said = sentences(result)
    assert f"The newest backup {generation.id} was read again: all {len(SAMPLE)} files (75.0 KB) match its manifest." in said
    assert f"{len(SAMPLE)} files that have not changed in the data folder since the backup were compared with it: all match." in said
    assert result.subset == "3/12" and any(s.endswith("intact and read part 3 of 12 of its data completely (a different "
                                                      "twelfth each month, so that a year reads all of it).") for s in said)
    assert "The newest off-site copy is from 2026-03-02 18:30." in said
    assert result.headline().english() == "The monthly check found everything in order. The next check is due on 2026-04-01."

    # recorded as a good check: the status model's reminder moves 30 days on
    (attempt,) = History().attempts(kind="check")
    assert (attempt.outcome, attempt.exit_code, attempt.generation, attempt.files) == ("ok", 0, generation.id, len(SAMPLE))
    assert result.next_due == LATER + timedelta(days=30)
    status = compute_status(config, load_attempts(History()), LATER + timedelta(days=29))
    assert "reminder.check" not in [r.code for r in status.reminders]
    status = compute_status(config, load_attempts(History()), LATER + timedelta(days=30, minutes=1))
    assert "reminder.check" in [r.code for r in status.reminders]
    # a clean check marks the generation verified (retention keeps the newest verified one)
    manifest = json.loads((generation.path / "tsbackup-manifest.json").read_text(encoding="utf-8"))
    assert manifest["verified"] == "2026-03-02T19:30:00+00:00"
    assert oct((generation.path / "tsbackup-manifest.json").stat().st_mode & 0o777) == "0o444"
    assert oct(generation.path.stat().st_mode & 0o777) == "0o555"
    json_out = result.to_json()
    assert set(json_out) >= {"outcome", "exit_code", "findings", "damaged", "next_due"}
    assert json_out["next_due"] == "2026-04-01T20:30:00+01:00"
    assert all(set(f) == {"code", "message", "severity"} for f in json_out["findings"])


def test_silent_damage_is_named_file_by_file_and_copied_afresh_by_the_next_generation(tmp_path):
    config, source = set_up(tmp_path)
    generation = new_generation(config)
    flipped = generation.path / DATA / "timeSensor.4DD"
    deleted = generation.path / DATA / "STUFF" / "BACKUP" / "notes.txt"
    flip_byte_keeping_size_and_time(flipped)
    delete_from_generation(deleted)

    result = run_check(config, clock=FixedClock(LATER))
    assert (result.outcome, result.exit_code) == ("failed", 5)
    assert result.damaged == [f"{DATA}/STUFF/BACKUP/notes.txt", f"{DATA}/timeSensor.4DD"]
    said = sentences(result)
    assert (f"{DATA}/timeSensor.4DD in the backup {generation.id} does not match its manifest (content differs). "
            "The next backup copies it afresh.") in said
    assert (f"{DATA}/STUFF/BACKUP/notes.txt in the backup {generation.id} does not match its manifest (missing). "
            "The next backup copies it afresh.") in said
    assert codes(result)[:2] == ["check.file_damaged", "check.file_damaged"]  # the worst first
    assert result.headline().english().startswith("The monthly check found 2 damaged files in the newest backup.")
    (attempt,) = History().attempts(kind="check")
    assert attempt.outcome == "failed" and attempt.exit_code == 5 and attempt.details["damaged"] == result.damaged
    assert "verified" not in json.loads((generation.path / "tsbackup-manifest.json").read_text(encoding="utf-8"))

    # the run's engine gets the damaged paths and copies them afresh: new inodes, the source's bytes
    assert damaged_paths(config) == set(result.damaged)
    fresh = new_generation(config, NOW + timedelta(days=1), damaged=damaged_paths(config))
    copy = fresh.path / DATA / "timeSensor.4DD"
    assert copy.stat().st_ino != flipped.stat().st_ino and copy.read_bytes() == (source / "timeSensor.4DD").read_bytes()
    assert (fresh.path / DATA / "STUFF" / "BACKUP" / "notes.txt").read_bytes() == SAMPLE["STUFF/BACKUP/notes.txt"]
    unchanged = fresh.path / DATA / "timeSensor.journal"
    assert unchanged.stat().st_ino == (generation.path / DATA / "timeSensor.journal").stat().st_ino  # still linked
    assert damaged_paths(config) == set()  # a newer generation exists: the record no longer counts
    again = run_check(config, clock=FixedClock(LATER + timedelta(days=1)))
    assert again.damaged == [] and "check.file_damaged" not in codes(again)


def test_a_copy_that_went_wrong_is_caught_by_the_comparison_with_the_source(tmp_path):
    """The generation matches its manifest (same copy wrote both), but not the unchanged source file."""
    config, source = set_up(tmp_path)
    generation = new_generation(config)
    original = source / "Settings" / "Backup.4DSettings"
    st = original.stat()
    original.write_bytes(b"<Preferences4X/>")  # same size: as if the copy had read other bytes than these
    os.utime(original, ns=(st.st_atime_ns, st.st_mtime_ns))

    result = run_check(config, clock=FixedClock(LATER))
    assert (result.outcome, result.exit_code) == ("failed", 5)
    assert "check.generation_ok" in codes(result)  # the manifest alone sees nothing
    assert result.damaged == [f"{DATA}/Settings/Backup.4DSettings"]
    assert (f"{DATA}/Settings/Backup.4DSettings in the backup {generation.id} differs from the file in the data "
            "folder, although that file has not changed since the backup. The next backup copies it afresh.") in sentences(result)
    # without the mark, the next run would link the copy (size and mtime unchanged); with it, it copies
    fresh = new_generation(config, NOW + timedelta(days=1), damaged=damaged_paths(config))
    assert (fresh.path / DATA / "Settings" / "Backup.4DSettings").read_bytes() == b"<Preferences4X/>"
    assert run_check(config, clock=FixedClock(LATER + timedelta(days=1))).damaged == []


def test_only_files_unchanged_since_the_backup_are_compared(tmp_path):
    config, source = set_up(tmp_path)
    new_generation(config)
    (source / "timeSensor.journal").write_bytes(b"journal, longer now")  # changed: not comparable
    result = run_check(config, clock=FixedClock(LATER))
    assert f"{len(SAMPLE) - 1} files that have not changed in the data folder since the backup were compared with it: all match." in sentences(result)
    assert result.damaged == []


def test_the_offsite_subset_rotates_through_twelve_months():
    parts = [data_subset(datetime(2026, month, 28, 23, 59, tzinfo=ZURICH)) for month in range(1, 13)]
    assert parts == [f"{k}/12" for k in range(1, 13)]
    march = datetime(2026, 3, 2, 9, 0, tzinfo=ZURICH)
    assert data_subsets(march, None) == ["3/12"]  # the first check
    assert data_subsets(march, datetime(2026, 2, 1, tzinfo=ZURICH)) == ["3/12"]
    assert data_subsets(march, datetime(2026, 3, 1, tzinfo=ZURICH)) == ["3/12"]  # again this month: the same part
    assert data_subsets(march, datetime(2026, 1, 31, tzinfo=ZURICH)) == ["2/12", "3/12"]  # February had no check
    assert data_subsets(datetime(2027, 1, 5, tzinfo=ZURICH), datetime(2026, 11, 20, tzinfo=ZURICH)) == ["12/12", "1/12"]
    assert data_subsets(march, datetime(2025, 3, 2, tzinfo=ZURICH)) == ["1/1"]  # a year without a check: all of it


def test_checks_every_30_days_read_all_off_site_data_within_a_year():
    """30 days are shorter than most months: without the catch-up, a month's part would be skipped."""
    read: list[set[str]] = []
    previous = None
    moment = datetime(2026, 1, 31, 20, 0, tzinfo=ZURICH)
    for _ in range(12):
        read.append(set(data_subsets(moment, previous)))
        previous, moment = moment, moment + timedelta(days=30)
    assert set().union(*read) == {f"{k}/12" for k in range(1, 13)}
    assert sum(len(parts) for parts in read) <= 13


def test_what_only_a_person_can_check_needs_confirmation(tmp_path):
    config, source = set_up(tmp_path, secondary={"kind": "external", "repo": "external:NAS-to-NAS by Muster IT"})
    new_generation(config)
    result = run_check(config, clock=FixedClock(LATER))
    assert (result.outcome, result.exit_code) == ("needs-confirmation", 1)
    assert codes(result, "needs-confirmation") == ["check.external_confirm"]
    assert sentences(result)[0] == (
        "The off-site copy is handled outside this program (NAS-to-NAS by Muster IT), so it cannot be checked from "
        "here. Check that it ran in the last few days and that its copies can be restored, then confirm it.")
    assert History().attempts(kind="check")[0].outcome == "warning"  # the history knows ok/warning/failed
    confirmed = run_check(config, clock=FixedClock(LATER), confirm_external=True)
    assert (confirmed.outcome, confirmed.exit_code) == ("ok", 0)
    assert "You confirmed that the off-site copy handled outside this program (NAS-to-NAS by Muster IT) is in order." in sentences(confirmed)


def test_the_recovery_sheet_and_a_missing_password_with_a_restic_target(tmp_path):
    config, source = set_up(tmp_path)
    generation = new_generation(config)
    with_repo(tmp_path, config, generation)
    result = run_check(config, clock=FixedClock(LATER))  # no password in the keyring
    assert (result.outcome, result.exit_code) == ("failed", 2)
    assert "offsite.no_password" in codes(result, "failed")
    assert "check.sheet_confirm" in codes(result, "needs-confirmation")
    config.recovery_sheet_confirmed = None
    config_mod.save(config)
    SecretStore(config.setup_id).set("repo-password", PASSWORD)
    result = run_check(config, clock=FixedClock(LATER), confirm_external=True)
    assert (result.outcome, result.exit_code) == ("warning", 1)
    assert codes(result, "warning") == ["status.recovery_sheet"]  # never confirmed: confirming here is not enough


def test_an_unreachable_offsite_target_is_a_warning_and_no_offsite_at_all_too(tmp_path):
    config, source = set_up(tmp_path, secondary={"kind": "folder", "repo": str(tmp_path / "unmounted" / "repo")})
    new_generation(config)
    SecretStore(config.setup_id).set("repo-password", PASSWORD)
    result = run_check(config, clock=FixedClock(LATER), confirm_external=True)
    assert (result.outcome, result.exit_code) == ("warning", 1)
    assert codes(result, "warning") == ["offsite.unreachable"]
    config.secondary = None
    config_mod.save(config)
    result = run_check(config, clock=FixedClock(LATER))
    assert codes(result, "warning") == ["status.no_offsite"] and result.exit_code == 1


def test_a_missing_drive_is_exit_4_and_nothing_is_remembered(tmp_path):
    config, source = set_up(tmp_path, secondary={"kind": "external", "repo": "external:x"})
    (target_of(config).marker_path).unlink()
    result = run_check(config, clock=FixedClock(LATER), confirm_external=True)
    assert (result.outcome, result.exit_code) == ("failed", 4)
    assert codes(result, "failed") == ["primary.drive_not_connected"]


def test_free_space_trend_says_when_the_drive_will_be_full(tmp_path):
    config, source = set_up(tmp_path)
    gens = [new_generation(config)]
    for day in (1, 2):
        (source / "timeSensor.4DD").write_bytes(os.urandom(70_000))  # 70 KB written each day
        gens.append(new_generation(config, NOW + timedelta(days=day)))
    assert [g.id for g in list_generations(target_of(config))] == [g.id for g in gens]
    trend = estimate(gens, free=int(40.5 * 70_000), now=NOW + timedelta(days=2, hours=1))
    assert trend.days_left == 40 and round(trend.per_day) in range(69_990, 70_010)
    severity, message = space_finding(trend)
    assert severity == "warning" and message.english() == (
        "The backup drive will be full in about 40 days: 2.8 MB are free and the recent backups added about "
        "70.0 KB a day. Free space on the drive or connect a bigger one.")
    plenty = space_finding(estimate(gens, free=1_000 * 70_000, now=NOW + timedelta(days=2, hours=1)))
    assert plenty[0] == "ok" and plenty[1].english().startswith("The backup drive has 70.0 MB free; at the recent rate")
    assert estimate(gens[:1], free=10, now=NOW).days_left is None  # one backup: no trend
    assert estimate(gens, free=10, now=NOW + timedelta(days=60)).days_left is None  # too old to say anything


def test_server_mode_checks_that_4d_archives_are_fresh(tmp_path):
    source = data_folder(tmp_path / "Server" / DATA, NOW)
    archives(source / "STUFF" / "BACKUP", {7: 3.0, 6: 27.0}, now=NOW)
    drive = tmp_path / "drive"
    drive.mkdir()
    from tsbackup_gui.core.setup.configure import SetupOptions, configure

    config = configure(SetupOptions(str(source), str(drive), mode="server", computer="server")).config
    config.secondary = {"kind": "external", "repo": "external:x"}
    new_generation(config, verdict="archive-ok")
    fresh = run_check(config, clock=FixedClock(NOW), confirm_external=True)
    assert "fourd.archive_fresh" in codes(fresh, "ok") and fresh.exit_code == 0, sentences(fresh)
    stale = run_check(config, clock=FixedClock(NOW + timedelta(days=2)), confirm_external=True)
    assert stale.exit_code == 1 and {"consistency.archive_not_ok", "fourd.archive_stale"} <= set(codes(stale, "warning"))


def test_the_next_check_reads_the_part_of_a_month_without_a_check(healthy):
    config, source, generation = healthy
    first = run_check(config, clock=FixedClock(datetime(2026, 1, 31, 20, 0, tzinfo=ZURICH)), confirm_external=True)
    assert first.subset == "1/12"
    second = run_check(config, clock=FixedClock(LATER), confirm_external=True)
    assert second.subset == "2/12 + 3/12" and second.exit_code == 0
