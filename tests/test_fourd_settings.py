"""4D's backup settings: read defensively; DestinationFolder in every form, mapped under --root."""

from __future__ import annotations

import pytest

from fourd_trees import (
    DATA, NOW, archives, data_folder, mac_server, settings, settings_xml, windows_documents_server, write,
)
from tsbackup_gui.core.fourd import freshness as fourd
from tsbackup_gui.core.install import detect as install
from tsbackup_gui.core.fourd.settings import read_backup_settings
from tsbackup_gui.core.rootmap import RootMap


def ids(messages):
    return [m.id for m in messages]


# -- reading --------------------------------------------------------------------

def test_reads_schedule_destination_and_state(tmp_path):
    data = data_folder(tmp_path / DATA)
    write(data / "Settings" / "Backup.4DSettings", b"""<?xml version="1.0" encoding="UTF-8"?>
<Preferences4D><Backup>
  <Settings>
    <General><DestinationFolder>Backup Disk:4D:</DestinationFolder></General>
    <Scheduler><Frequency>Daily</Frequency><Daily><Every>1</Every><Hour>0000-00-00T23:15:00</Hour></Daily></Scheduler>
    <Advanced><SetNumber><Enable>True</Enable><Value>5</Value></SetNumber></Advanced>
  </Settings>
  <DataBase>
    <LastBackupPath><Item1>Backup Disk:4D:timeSensor[0012].4BK</Item1></LastBackupPath>
    <LastBackupDate><Item1>2026-11-26T00:00:00</Item1></LastBackupDate>
  </DataBase>
</Backup></Preferences4D>""")
    read = read_backup_settings(data)
    assert read.path == data / "Settings" / "Backup.4DSettings"
    assert read.destination == "Backup Disk:4D:"
    assert (read.schedule.frequency, read.schedule.every, read.schedule.hour) == ("daily", 1, "23:15")
    assert read.keep_last == 5
    assert read.last_backup_path == "Backup Disk:4D:timeSensor[0012].4BK"
    assert read.problems == []


def test_older_preferences_file_in_any_case(tmp_path):
    data = data_folder(tmp_path / DATA)
    write(data / "Preferences" / "Backup" / "backup.xml", settings_xml(frequency="Weekly"))
    assert read_backup_settings(data).schedule.frequency == "weekly"


def test_new_file_wins_over_old(tmp_path):
    data = data_folder(tmp_path / DATA)
    settings(data, old_style=True, frequency="Weekly")
    settings(data, frequency="Hourly")
    assert read_backup_settings(data).schedule.frequency == "hourly"


@pytest.mark.parametrize("content", [
    b"<Preferences4D><Backup><Settings>",  # cut off
    b"\x00\x01\x02 binary",
    b"",
])
def test_malformed_settings_mean_unknown_and_say_so(tmp_path, content):
    data = data_folder(tmp_path / DATA)
    write(data / "Settings" / "Backup.4DSettings", content)
    archives(data / "STUFF" / "BACKUP", {3: 25})
    read = read_backup_settings(data)
    assert read.schedule.frequency == "unknown" and read.destination is None
    assert ids(read.problems) == ["fourd.settings_unreadable"]
    status = fourd.judge(data, now=NOW)
    assert status.fresh and status.limit.total_seconds() == 26 * 3600
    assert "fourd.settings_unreadable" in ids(status.warnings)


@pytest.mark.parametrize("content", [
    b"<Something><Else/></Something>",
    b"<Preferences4D><Backup/></Preferences4D>",
    b"<Preferences4D><Backup><Settings><Scheduler><Frequency/></Scheduler></Settings></Backup></Preferences4D>",
    b"<Preferences4D><Backup><Settings><Scheduler><Frequency>Daily</Frequency><Daily><Hour>late</Hour></Daily></Scheduler></Settings></Backup></Preferences4D>",
])
def test_unknown_structure_is_not_an_error(tmp_path, content):
    data = data_folder(tmp_path / DATA)
    write(data / "Settings" / "Backup.4DSettings", content)
    read = read_backup_settings(data)
    assert read.problems == []
    assert read.schedule.fresh_limit.total_seconds() == 26 * 3600


def test_settings_as_a_folder_is_ignored(tmp_path):
    data = data_folder(tmp_path / DATA)
    (data / "Settings" / "Backup.4DSettings").mkdir(parents=True)
    assert read_backup_settings(data).path is None


# -- DestinationFolder ------------------------------------------------------------

def test_hfs_destination_on_the_boot_volume(tmp_path):
    data = mac_server(tmp_path)
    settings(data, destination="Macintosh HD:Backups:4D:")
    outside = archives(tmp_path / "Backups" / "4D", {500: 5})
    found = install.detect(tmp_path, "macos", NOW).to_json()
    assert found["backup_dir"] == str(outside)
    assert found["backup_dir_source"] == "settings"
    assert found["backup_dir_outside"] is True
    assert found["newest_archive"] == str(outside / "timeSensor[0500].4BK")
    assert found["archive_fresh"] is True


def test_hfs_destination_on_another_volume(tmp_path):
    data = mac_server(tmp_path)
    settings(data, destination="BackupDisk:4D:")
    outside = archives(tmp_path / "Volumes" / "BackupDisk" / "4D", {77: 30})
    found = install.detect(tmp_path, "macos", NOW).to_json()
    assert found["backup_dir"] == str(outside)
    assert found["newest_archive"].endswith("timeSensor[0077].4BK")
    assert found["archive_fresh"] is False


def test_windows_destination_on_another_drive(tmp_path):
    data = windows_documents_server(tmp_path)
    settings(data, destination="E:\\4D Backups\\")
    outside = archives(tmp_path / "E" / "4D Backups", {1200: 2})
    found = install.detect(tmp_path, "windows", NOW).to_json()
    assert found["backup_dir"] == str(outside)
    assert found["newest_archive"] == str(outside / "timeSensor[1200].4BK")
    default = [c for c in found["candidates"] if c["path"] == str(data / "STUFF" / "BACKUP")][0]
    assert default["taken"] is False and default["reason"] == "Not taken: another folder was used."


def test_relative_destination(tmp_path):
    data = data_folder(tmp_path / DATA)
    settings(data, destination="../4D Sicherungen/")
    outside = archives(tmp_path / "4D Sicherungen", {4: 3})
    assert fourd.judge(data, now=NOW, mapper=RootMap(tmp_path, "macos")).folder == outside


def test_archives_one_level_below_the_destination(tmp_path):
    data = windows_documents_server(tmp_path)
    settings(data, destination="F:\\Sicherung\\")
    inner = archives(tmp_path / "F" / "Sicherung" / "timeSensor", {9: 3})
    assert install.detect(tmp_path, "windows", NOW).backup_dir == inner


def test_disconnected_destination_warns_and_falls_back(tmp_path):
    data = mac_server(tmp_path)
    settings(data, destination="BackupDisk:4D:")
    detection = install.detect(tmp_path, "macos", NOW)
    found = detection.to_json()
    assert found["backup_dir"] == str(data / "STUFF" / "BACKUP")
    missing = [c for c in found["candidates"] if c["path"] == str(tmp_path / "Volumes" / "BackupDisk" / "4D")][0]
    assert missing["taken"] is False and missing["reason"] == "Named in 4D's backup settings, but not usable: Not there."
    assert "fourd.dest_missing_warning" in [w["id"] for w in found["warnings"]]
    sentence = [m.english() for m in detection.messages() if m.id == "fourd.dest_missing_warning"][0]
    assert sentence.startswith(f"4D's backup settings say backups go to {tmp_path / 'Volumes' / 'BackupDisk' / '4D'}, but")


def test_last_backup_path_leads_to_the_archives(tmp_path):
    data = data_folder(tmp_path / DATA)
    write(data / "Settings" / "Backup.4DSettings", b"""<Preferences4D><Backup><DataBase>
<LastBackupPath><Item1>Macintosh HD:Archiv:timeSensor[0031].4BK</Item1></LastBackupPath>
</DataBase></Backup></Preferences4D>""")
    folder = archives(tmp_path / "Archiv", {31: 3})
    status = fourd.judge(data, now=NOW, mapper=RootMap(tmp_path, "macos"))
    assert status.folder == folder and status.archive_dir.source == "last-backup"
    assert status.ok


def test_empty_default_folder_gives_way_to_archives_elsewhere(tmp_path):
    data = data_folder(tmp_path / DATA)
    (data / "STUFF" / "BACKUP").mkdir(parents=True)
    folder = archives(data / "Alt" / "BACKUP", {3: 3})
    status = fourd.judge(data, now=NOW)
    assert status.folder == folder
    default = [c for c in status.archive_dir.candidates if c.source == "default"][0]
    assert default.taken is False and default.reason.english() == "Not taken: it holds no 4D backups."


# -- the mapper -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "parts"), [
    ("/Users/Shared/timeSensor DataFiles", ("Users", "Shared", "timeSensor DataFiles")),
    ("E:\\4D Backups\\", ("E", "4D Backups")),
    ("e:/4D Backups", ("E", "4D Backups")),
    ("BackupDisk:4D:", ("Volumes", "BackupDisk", "4D")),
    ("BackupDisk:", ("Volumes", "BackupDisk")),
    ("file:///Volumes/Backup%20Drive/4D/", ("Volumes", "Backup Drive", "4D")),
    ("file:///C:/Backups/4D", ("C", "Backups", "4D")),
    ("\\\\nas\\share\\4D", ("UNC", "nas", "share", "4D")),
])
def test_mapper_forms(tmp_path, text, parts):
    assert RootMap(tmp_path, "macos").from_text(text) == tmp_path.joinpath(*parts)


def test_mapper_relative_and_hfs_relative(tmp_path):
    mapper = RootMap(tmp_path, "macos")
    base = tmp_path / "data"
    assert mapper.from_text("STUFF/BACKUP", base=base) == base / "STUFF" / "BACKUP"
    assert mapper.from_text(":Backups:4D:", base=base) == base / "Backups" / "4D"
    assert mapper.from_text("STUFF/BACKUP") is None
    assert mapper.from_text("   ") is None


def test_mapper_drives_are_single_letter_folders(tmp_path):
    for name in ("C", "d", "Data", "E1"):
        (tmp_path / name).mkdir()
    write(tmp_path / "F", b"a file")
    mapper = RootMap(tmp_path, "windows")
    assert mapper.drives() == ["C", "D"]
    assert mapper.from_text("D:\\x") == tmp_path / "d" / "x"


def test_mapper_without_root_uses_the_real_paths():
    mapper = RootMap(None, "linux")
    assert mapper.from_text("/etc/hostname") == RootMap.join(RootMap(None).posix("/"), ["etc", "hostname"])
    assert mapper.from_text("E:\\x") is None  # no drive letters on this machine
