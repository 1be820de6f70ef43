"""Detection on real fixture trees: every OS layout and mode, lastDataPath.xml hints."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from fourd_trees import (
    DATA, NOW, data_folder, last_data_path, mac_server, mac_single_user, mac_workstation,
    windows_documents_server, windows_drive_server, windows_server_program, windows_workstation, write,
)
from tsbackup_gui.core.install import detect as install
from tsbackup_gui.core.errors import UserError


def by_path(detection, path: Path) -> dict:
    matches = [c for c in detection.to_json()["candidates"] if c["path"] == str(path)]
    assert matches, f"{path} was not considered"
    return matches[0]


def ids(messages) -> list[str]:
    return [m.id for m in messages]


# -- macOS ----------------------------------------------------------------------

def test_mac_single_user_even_with_4d_archives(tmp_path):
    data = mac_single_user(tmp_path)
    found = install.detect(tmp_path, "macos", NOW)
    j = found.to_json()
    assert j["mode"] == "single-user"
    assert j["data_dir"] == str(data)
    assert j["backup_dir"] == str(data / "STUFF" / "BACKUP")
    assert j["newest_archive"] == str(data / "STUFF" / "BACKUP" / "timeSensor[0012].4BK")
    assert j["archive_fresh"] is True and j["archive_age_hours"] == 6.0
    assert j["server_program"] is None
    assert by_path(found, data)["taken"] is True
    server_place = by_path(found, tmp_path / "Applications" / "timeSensor Server" / DATA)
    assert (server_place["exists"], server_place["taken"], server_place["reason"]) == (False, False, "Not there.")
    assert ids(found.messages())[:2] == ["install.found_single", "install.single_user_closed"]
    assert j["warnings"] == []


def test_mac_server_next_to_server_app(tmp_path):
    data = mac_server(tmp_path)
    found = install.detect(tmp_path, "macos", NOW)
    j = found.to_json()
    assert j["mode"] == "server"
    assert j["data_dir"] == str(data)
    assert j["server_program"] == str(tmp_path / "Applications" / "timeSensor Server" / "timeSensor Server.app")
    assert j["newest_archive"].endswith("timeSensor[0043].4BK")
    assert j["archive_fresh"] is True and j["archive_complete"] is True and j["archive_ok"] is True
    sentences = [m.english() for m in found.messages()]
    assert sentences[0] == f"This computer is the timeSensor LEGAL server. Its data is in {data}."
    assert any("timeSensor[0043].4BK" in s and "7 hours ago" in s for s in sentences)


def test_mac_server_place_without_a_recognisable_app_is_server(tmp_path):
    data = data_folder(tmp_path / "Applications" / "timeSensor Server" / DATA)
    found = install.detect(tmp_path, "macos", NOW)
    assert found.mode == "server" and found.data_dir == data and found.server_program is None


def test_linux_uses_mac_places_and_os_defaults_to_running_os(tmp_path):
    data = mac_single_user(tmp_path)
    found = install.detect(tmp_path, now=NOW)
    assert found.os_name == "linux"
    assert found.mode == "single-user" and found.data_dir == data


def test_mac_single_user_and_stale_server_folder_prefers_the_newer_data_file(tmp_path):
    single = mac_single_user(tmp_path)
    server = data_folder(tmp_path / "Applications" / "timeSensor Server" / DATA, when=NOW - timedelta(days=400))
    found = install.detect(tmp_path, "macos", NOW)
    assert found.data_dir == single
    assert by_path(found, server)["reason"] == f"Not taken: {single} looks more likely to be in use."
    assert "install.others_found" in ids(found.warnings)


# -- Windows --------------------------------------------------------------------

def test_windows_documents_server(tmp_path):
    data = windows_documents_server(tmp_path)
    found = install.detect(tmp_path, "windows", NOW)
    j = found.to_json()
    assert j["mode"] == "server"
    assert j["data_dir"] == str(data)
    assert j["server_program"] == str(tmp_path / "C" / "ProgramData" / "timeSensorProgram" / "timeSensor Server" / "timeSensor.exe")
    assert j["newest_archive"].endswith("timeSensor[0007].4BK") and j["archive_fresh"] is True
    # every place was considered: Public Documents, the drive root
    assert by_path(found, tmp_path / "C" / "Users" / "Public" / "Documents" / DATA)["place"] == "public-documents"
    assert by_path(found, tmp_path / "C" / DATA)["reason"] == "Not there."


def test_windows_drive_root_server(tmp_path):
    data = windows_drive_server(tmp_path, "D")
    found = install.detect(tmp_path, "windows", NOW)
    assert found.mode == "server" and found.data_dir == data
    assert found.to_json()["newest_archive"].endswith("timeSensor[0301].4BK")
    assert by_path(found, tmp_path / "C" / DATA)["exists"] is False
    assert by_path(found, tmp_path / "C" / "Users" / "Administrator" / "Documents" / DATA)["exists"] is False


def test_windows_data_folder_without_server_program_is_still_server(tmp_path):
    data = data_folder(tmp_path / "E" / DATA)
    found = install.detect(tmp_path, "windows", NOW)
    assert found.mode == "server" and found.data_dir == data and found.server_program is None


def test_only_single_letter_folders_are_drives(tmp_path):
    data_folder(tmp_path / "Data" / DATA)
    found = install.detect(tmp_path, "windows", NOW)
    assert found.mode == "not-found"


def test_windows_workstation_with_client_and_last_server(tmp_path):
    last_server = windows_workstation(tmp_path)
    found = install.detect(tmp_path, "windows", NOW)
    j = found.to_json()
    assert j["mode"] == "workstation"
    assert j["data_dir"] is None and j["backup_dir"] is None and j["newest_archive"] is None
    assert str(last_server) in j["client_traces"]
    assert j["client_program"].endswith("timeSensor Client.exe")
    assert ids(found.messages()) == ["install.workstation"]


def test_mac_workstation_with_only_last_server(tmp_path):
    last_server = mac_workstation(tmp_path)
    found = install.detect(tmp_path, "macos", NOW)
    assert found.mode == "workstation"
    assert found.to_json()["client_traces"] == [str(last_server)]
    assert [m.english() for m in found.messages()] == [
        "Only the timeSensor LEGAL client is installed on this computer; the data is kept on the server. "
        "Install the backup assistant on the server."
    ]


def test_not_found(tmp_path):
    found = install.detect(tmp_path, "macos", NOW)
    j = found.to_json()
    assert j["mode"] == "not-found"
    assert all(j[key] is None for key in ("data_dir", "backup_dir", "newest_archive", "archive_age_hours", "archive_fresh"))
    assert {c["path"] for c in j["candidates"]} == {
        str(tmp_path / "Users" / "Shared" / DATA), str(tmp_path / "Applications" / "timeSensor Server" / DATA)}
    assert ids(found.messages()) == ["install.not_found"]


def test_server_program_without_data_folder(tmp_path):
    windows_server_program(tmp_path)
    found = install.detect(tmp_path, "windows", NOW)
    assert found.mode == "not-found"
    assert ids(found.messages()) == ["install.server_without_data"]


def test_empty_data_folder_is_taken_with_a_warning(tmp_path):
    (tmp_path / "Users" / "Shared" / DATA).mkdir(parents=True)
    found = install.detect(tmp_path, "macos", NOW)
    assert found.mode == "single-user"
    assert "install.no_data_file" in ids(found.warnings)


# -- lastDataPath.xml -----------------------------------------------------------

def test_last_data_path_points_to_an_unusual_folder_and_wins(tmp_path):
    mac_single_user(tmp_path)  # a standard folder with data, but not the one in use
    unusual = data_folder(tmp_path / "Volumes" / "Daten" / "Kanzlei" / "TS Daten 2026")
    support = tmp_path / "Users" / "anna" / "Library" / "Application Support" / "timeSensor"
    last_data_path(support, "/Volumes/Daten/Kanzlei/TS Daten 2026/timeSensor.4DD")
    found = install.detect(tmp_path, "macos", NOW)
    assert found.data_dir == unusual
    candidate = by_path(found, unusual)
    assert candidate["taken"] and candidate["source"] == "lastDataPath.xml"
    assert candidate["reason"] == "Taken: timeSensor LEGAL last opened its data file timeSensor.4DD here."
    assert found.mode == "single-user"  # a Mac without server program


def test_last_data_path_windows_form_on_another_drive(tmp_path):
    windows_server_program(tmp_path)
    data = data_folder(tmp_path / "E" / "Kanzlei" / "TS-Daten")
    support = tmp_path / "C" / "Users" / "admin" / "AppData" / "Roaming" / "timeSensor Server"
    last_data_path(support, r"E:\Kanzlei\TS-Daten\timeSensor.4DD")
    found = install.detect(tmp_path, "windows", NOW)
    assert found.mode == "server" and found.data_dir == data


def test_last_data_path_spelled_in_another_case(tmp_path):
    data = windows_documents_server(tmp_path, user="Administrator")
    support = tmp_path / "C" / "Users" / "Administrator" / "AppData" / "Roaming" / "timeSensor"
    last_data_path(support, r"c:\users\administrator\documents\timesensor datafiles\TIMESENSOR.4dd")
    found = install.detect(tmp_path, "windows", NOW)
    assert found.data_dir == data
    assert by_path(found, data)["source"] == "lastDataPath.xml"


def test_data_file_in_a_subfolder_names_the_enclosing_data_folder(tmp_path):
    folder = tmp_path / "Volumes" / "Server" / DATA
    write(folder / "Data" / "timeSensor.4DD", b"4DD")
    last_data_path(tmp_path / "Users" / "a" / "Library" / "Application Support" / "timeSensor", f"/Volumes/Server/{DATA}/Data/timeSensor.4DD")
    found = install.detect(tmp_path, "macos", NOW)
    assert found.data_dir == folder


def test_last_data_path_naming_a_folder(tmp_path):
    folder = data_folder(tmp_path / "Volumes" / "Daten" / "TS")
    last_data_path(tmp_path / "Users" / "a" / "Library" / "Application Support" / "timeSensor", "/Volumes/Daten/TS/")
    found = install.detect(tmp_path, "macos", NOW)
    assert found.data_dir == folder
    assert by_path(found, folder)["reason"] == "Taken: it holds the data file timeSensor.4DD."


def test_stale_last_data_path_falls_back_to_the_standard_folder(tmp_path):
    data = mac_single_user(tmp_path)
    gone = tmp_path / "Volumes" / "Alt"
    gone.mkdir(parents=True)
    last_data_path(tmp_path / "Users" / "a" / "Library" / "Application Support" / "timeSensor", "/Volumes/Alt/timeSensor.4DD")
    found = install.detect(tmp_path, "macos", NOW)
    assert found.data_dir == data
    assert by_path(found, gone)["reason"].startswith("Named in ")
    assert by_path(found, gone)["reason"].endswith("but that file is not there.")


def test_unreachable_and_malformed_hints_do_not_stop_detection(tmp_path):
    data = mac_single_user(tmp_path)
    support = tmp_path / "Users" / "a" / "Library" / "Application Support" / "timeSensor"
    last_data_path(support, "timeSensor.4DD")  # relative: no place to anchor it
    write(support / "sub" / "lastDataPath.xml", b"<not xml")
    found = install.detect(tmp_path, "macos", NOW)
    assert found.data_dir == data
    unreachable = [c for c in found.to_json()["candidates"] if c["reason_id"] == "install.hint_unreachable"]
    assert len(unreachable) == 1 and unreachable[0]["taken"] is False


# -- bad roots ----------------------------------------------------------------

def test_missing_root_is_a_user_error(tmp_path):
    with pytest.raises(UserError) as caught:
        install.detect(tmp_path / "nope", "macos", NOW)
    assert caught.value.exit_code == 2
    assert caught.value.message.id == "install.root_missing"


def test_root_that_is_a_file_is_a_user_error(tmp_path):
    target = write(tmp_path / "file")
    with pytest.raises(UserError) as caught:
        install.detect(target, "macos", NOW)
    assert caught.value.message.id == "install.root_not_folder"


def test_a_data_folder_that_is_a_file_is_a_reason_not_a_crash(tmp_path):
    write(tmp_path / "Users" / "Shared" / DATA, b"oops")
    found = install.detect(tmp_path, "macos", NOW)
    assert found.mode == "not-found"
    assert by_path(found, tmp_path / "Users" / "Shared" / DATA)["reason"] == "This is a file, not a folder."


def test_real_machine_without_root_does_not_crash():
    found = install.detect(None, "windows", NOW)  # this Linux machine has no drive letters: nothing to find
    assert found.mode == "not-found"
    assert found.to_json()["checked_at"] == NOW.isoformat()
