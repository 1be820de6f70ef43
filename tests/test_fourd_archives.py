"""4D archives: newest by number, completeness, freshness, history and journal, live files."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from fourd_trees import NOW, archives, data_folder, history, settings, write
from tsbackup_gui.core.fourd import freshness as fourd
from tsbackup_gui.core.fourd.backup_history import parse_local_time, read_backup_history


@pytest.fixture
def data(tmp_path):
    return data_folder(tmp_path / "timeSensor DataFiles")


def backup_dir(data):
    return data / "STUFF" / "BACKUP"


def ids(messages):
    return [m.id for m in messages]


# -- newest by number -----------------------------------------------------------

def test_newest_is_by_number_not_mtime_and_names_the_first_segment(data):
    folder = backup_dir(data)
    archives(folder, {99: 1, 100: 5}, split={100: 3})  # 99 has the newer mtime
    status = fourd.judge(data, now=NOW)
    assert status.newest.number == 100
    assert status.newest.split and len(status.newest.files) == 3
    assert status.to_json()["newest_archive"] == str(folder / "timeSensor[0100-0001].4BK")
    assert status.to_json()["archive_age_hours"] == 5.0
    assert status.complete and status.fresh and status.ok
    assert status.verdict == "archive-ok" and status.outside_data_dir is False


def test_numbers_compare_as_numbers(data):
    folder = backup_dir(data)
    archives(folder, {999: 2}, logs=False)
    write(folder / "timeSensor[1000].4BK", b"4DBK", NOW - timedelta(hours=30))
    assert fourd.newest_archive(fourd.scan_archives(folder)).number == 1000


def test_base_name_may_differ_between_sets(data):
    folder = backup_dir(data)
    archives(folder, {5: 40}, name="timeSensor LEGAL", logs=False)
    archives(folder, {6: 50}, name="timeSensor", logs=False)
    assert fourd.newest_archive(fourd.scan_archives(folder)).label == "timeSensor[0006].4BK"


def test_other_files_in_the_folder_are_ignored(data):
    folder = backup_dir(data)
    archives(folder, {3: 4})
    write(folder / "timeSensor[0004].4BK.tmp", b"x")
    write(folder / "notes.txt", b"x")
    (folder / "timeSensor[0005].4BK").mkdir()
    assert [s.number for s in fourd.scan_archives(folder)] == [3]


# -- completeness ---------------------------------------------------------------

def test_missing_segment_makes_the_set_incomplete(data):
    folder = backup_dir(data)
    archives(folder, {20: 30, 21: 4}, split={21: 3}, skip={"timeSensor[0021-0002].4BK"})
    status = fourd.judge(data, now=NOW)
    assert status.newest.number == 21 and status.complete is False
    assert [m.english() for m in status.problems] == ["Part 2 of the 4D backup timeSensor[0021-0001].4BK is missing."]
    assert status.newest_complete.number == 20
    assert status.ok is False  # the complete one is 30 h old
    assert ids(status.reasons)[:2] == ["fourd.archive_incomplete", "fourd.segment_missing"]
    j = status.to_json()
    assert j["archive_complete"] is False and j["newest_complete_archive"].endswith("timeSensor[0020].4BK")


def test_missing_first_segment_is_reported_too(data):
    folder = backup_dir(data)
    archives(folder, {8: 3}, split={8: 2}, skip={"timeSensor[0008-0001].4BK"})
    status = fourd.judge(data, now=NOW)
    assert "Part 1 of the 4D backup" in status.problems[0].english()
    assert status.to_json()["newest_archive"].endswith("timeSensor[0008-0002].4BK")


def test_zero_size_file_makes_the_set_incomplete(data):
    folder = backup_dir(data)
    archives(folder, {30: 28, 31: 3}, zero={"timeSensor[0031].4BK"})
    status = fourd.judge(data, now=NOW)
    assert status.complete is False
    assert [m.english() for m in status.problems] == ["The 4D backup file timeSensor[0031].4BK is empty."]


def test_missing_log_backup_n_minus_1_makes_the_set_incomplete(data):
    folder = backup_dir(data)
    archives(folder, {40: 27, 41: 3}, skip={"timeSensor[0040].4BL"})
    status = fourd.judge(data, now=NOW)
    assert status.complete is False
    assert status.problems[0].english() == "The log backup timeSensor[0040].4BL that belongs to the 4D backup timeSensor[0041].4BK is missing."
    assert status.newest_complete.number == 40 and status.ok is False


def test_without_any_log_backups_the_4bl_is_not_required(data):
    archives(backup_dir(data), {50: 3}, logs=False)
    status = fourd.judge(data, now=NOW)
    assert status.complete and status.ok


def test_archive_still_being_written_is_not_counted_yet(data):
    folder = backup_dir(data)
    archives(folder, {60: 20})
    archives(folder, {61: 1 / 60})  # one minute ago
    status = fourd.judge(data, now=NOW)
    assert status.newest.number == 61 and status.complete and not status.finished
    assert status.newest_complete.number == 60 and status.ok
    assert "fourd.still_writing" in ids(status.warnings)


# -- freshness ------------------------------------------------------------------

@pytest.mark.parametrize("with_settings", [True, False])
def test_fresh_at_25_hours_stale_at_27(data, with_settings):
    if with_settings:
        settings(data, frequency="Daily", hour="02:00:00")
    archives(backup_dir(data), {70: 25})
    status = fourd.judge(data, now=NOW)
    assert status.limit == timedelta(hours=26)
    assert status.fresh and status.ok
    assert ids(status.reasons) == ["fourd.archive_fresh"]
    stale = fourd.judge(data, now=NOW + timedelta(hours=2))
    assert not stale.fresh and not stale.ok and stale.verdict == "archive-stale"
    assert stale.to_json()["archive_age_hours"] == 27.0
    assert stale.reasons[0].english().startswith("The newest 4D backup, timeSensor[0070].4BK, is from ")
    assert "27 hours ago; a newer one was due after 26 hours." in stale.reasons[0].english()


@pytest.mark.parametrize(("kwargs", "limit_hours"), [
    ({"frequency": "Hourly", "every": 4}, 6),
    ({"frequency": "Daily", "every": 2}, 50),
    ({"frequency": "Weekly"}, 170),
    ({"frequency": "Weekly", "weekly_days": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")}, 74),
    ({"frequency": "Monthly"}, 31 * 24 + 2),
    ({"frequency": "Sometimes"}, 26),
    ({"frequency": None}, 26),
])
def test_limit_follows_the_schedule(data, kwargs, limit_hours):
    settings(data, **kwargs)
    assert fourd.judge(data, now=NOW).limit == timedelta(hours=limit_hours)


def test_schedule_never_is_a_warning(data):
    settings(data, frequency="Never")
    archives(backup_dir(data), {80: 3})
    status = fourd.judge(data, now=NOW)
    assert status.limit == timedelta(hours=26)
    assert status.ok  # the archive itself is fine ...
    assert ids(status.warnings) == ["fourd.schedule_never"]  # ... but nothing makes the next one
    assert status.to_json()["schedule"]["frequency"] == "never"


def test_no_archives_and_no_folder(tmp_path, data):
    status = fourd.judge(data, now=NOW)
    assert status.folder is None and status.newest is None and not status.ok
    assert ids(status.reasons) == ["fourd.no_archive_dir"]
    backup_dir(data).mkdir(parents=True)
    status = fourd.judge(data, now=NOW)
    assert status.folder == backup_dir(data)
    assert ids(status.reasons) == ["fourd.no_archives"]
    assert status.to_json()["newest_archive"] is None and status.to_json()["archive_fresh"] is None


def test_archives_found_by_search_when_not_in_the_usual_place(data):
    folder = data / "Sicherungen" / "4D"
    archives(folder, {12: 5})
    status = fourd.judge(data, now=NOW)
    assert status.folder == folder and status.archive_dir.source == "search"
    assert status.ok


def test_judge_requires_an_aware_now(data):
    with pytest.raises(ValueError):
        fourd.judge(data, now=datetime(2026, 11, 27, 9, 0))


# -- backupHistory.json -----------------------------------------------------------

def test_history_matched_by_file_name_from_another_machine(data):
    folder = backup_dir(data)
    archives(folder, {90: 30, 91: 4})
    history(folder, [
        {"backupPath": r"\\OLDSERVER\d$\timeSensor DataFiles\STUFF\BACKUP\timeSensor[0090].4BK", "backupNumber": 90,
         "startingDate": "2026-11-26T02:00:00", "endingDate": "2026-11-26T02:00:41", "status": "OK"},
        {"backupPath": "Macintosh HD:Users:Shared:timeSensor DataFiles:STUFF:BACKUP:timeSensor[0091].4BK",
         "backupNumber": 91, "startingDate": "2026-11-27T05:00:00", "endingDate": "2026-11-27T05:00:39", "status": 0},
    ])
    status = fourd.judge(data, now=NOW)
    assert status.history is not None and status.history.number == 91 and status.history.succeeded
    assert status.history.ended == datetime(2026, 11, 27, 5, 0, 39).astimezone()  # no offset: local time
    assert status.ok


def test_history_recording_the_newest_as_failed(data):
    folder = backup_dir(data)
    archives(folder, {90: 20, 91: 3})
    history(folder, [{"backupPath": "/x/timeSensor[0091].4BK", "backupNumber": 91, "status": "Failed (error 1406)"}])
    status = fourd.judge(data, now=NOW)
    assert status.complete is False
    assert "4D recorded the backup timeSensor[0091].4BK as failed (status Failed (error 1406))." in [m.english() for m in status.problems]
    assert status.newest_complete.number == 90 and status.ok


def test_failed_attempt_after_the_newest_archive_is_reported(data):
    folder = backup_dir(data)
    archives(folder, {90: 30})
    local = (NOW - timedelta(hours=6)).astimezone().replace(tzinfo=None)  # as 4D writes it: local, no offset
    history(folder, [{"backupPath": "/x/timeSensor[0091].4BK", "backupNumber": 91,
                      "startingDate": local.isoformat(), "status": 1406}])
    status = fourd.judge(data, now=NOW)
    assert "fourd.last_attempt_failed" in ids(status.warnings)
    assert "fourd.archive_stale" in ids(status.warnings)


def test_broken_history_is_ignored(data):
    folder = backup_dir(data)
    archives(folder, {5: 3})
    write(folder / "backupHistory.json", b"{not json")
    assert read_backup_history(folder) == []
    assert fourd.judge(data, now=NOW).ok


def test_history_shapes(tmp_path):
    write(tmp_path / "backupHistory.json", json.dumps([{"backupNumber": "7", "endingDate": "2026-11-27T02:00:00+01:00"}]).encode())
    [entry] = read_backup_history(tmp_path)
    assert entry.number == 7 and entry.file_name is None and entry.succeeded is None
    assert entry.ended == datetime(2026, 11, 27, 1, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-27T02:00:00", datetime(2026, 11, 27, 2, 0)),
    ("2026-11-27 02:00:00", datetime(2026, 11, 27, 2, 0)),
    ("27.11.2026 02:00:00", datetime(2026, 11, 27, 2, 0)),
])
def test_dates_without_offset_are_local(text, expected):
    assert parse_local_time(text) == expected.astimezone()


def test_backup_journal_error_is_reported(data):
    folder = backup_dir(data)
    archives(folder, {5: 30, 6: 3})
    when = (NOW - timedelta(hours=2)).astimezone()
    write(data / "Logs" / "Backup Journal[001].txt",
          f"{when:%Y-%m-%d}\t{when:%H:%M:%S}\tError 1406: backup interrupted\r\n".encode())
    status = fourd.judge(data, now=NOW)
    assert "fourd.journal_error" in ids(status.warnings)
    assert "Error 1406: backup interrupted" in status.warnings[-1].english()


# -- live files -----------------------------------------------------------------

@pytest.mark.parametrize(("path", "live"), [
    ("timeSensor.4DD", True), ("timeSensor.4dindx", True), ("Structure.4DIndy", True), ("timeSensor.journal", True),
    ("timeSensor.4DSyncData", True), ("timeSensor.4DSyncHeader", True), ("timeSensor.match", True),
    ("External Data/Blob_0001.4DBlob", True), (r"external data\sub\x.pdf", True),
    ("Dokumente/Müller & Söhne/Honorarnote 2026-11.pdf", False), ("STUFF/BACKUP/timeSensor[0093].4BK", False),
    ("Logs/Backup Journal[001].txt", False), ("Settings/Backup.4DSettings", False), ("External Data", False),
])
def test_is_live_database_file(path, live):
    assert fourd.is_live_database_file(path) is live
